"""Navigator run as a fresh user leaves nothing behind, opens no connection, starts no program,
and vanishes on quick exit from every screen.

Each test runs ``session_script.py`` as a separate process, through Navigator's real entry point,
with HOME, every XDG_* folder, TMPDIR and the working folder pointing at new temporary folders
(the data folder holds one font of the person's own, which is what makes fontconfig want to write
a cache). Afterwards every folder must be exactly as it was. The script's audit hook reports
network, DNS, subprocess and write events from Python; where ``strace`` is installed, the same run
is also traced at the system-call level, which sees what Qt, fontconfig and D-Bus do in C too.
Both the offscreen platform and a real X server (Xvfb) are tested.
"""

from __future__ import annotations

import compileall
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
SCRIPT = HERE / "session_script.py"
SECRET = "Client-A passphrase 1"  # what session_script.py types before it crashes
FRESH = (
    "HOME",
    "XDG_CONFIG_HOME",
    "XDG_CACHE_HOME",
    "XDG_DATA_HOME",
    "XDG_STATE_HOME",
    "XDG_RUNTIME_DIR",
    "XDG_CONFIG_DIRS",
    "XDG_DATA_DIRS",
    "TMPDIR",
)
FONTS = [Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"), Path("/usr/share/fonts/TTF/DejaVuSans.ttf")]


def _strace_works() -> bool:
    if not shutil.which("strace"):
        return False
    probe = subprocess.run(["strace", "-f", "-qq", "-o", os.devnull, "true"], capture_output=True, check=False)
    return probe.returncode == 0


STRACE = _strace_works()


@dataclass
class Run:
    code: int
    events: list[dict]
    stderr: str
    changes: list[str]
    syscalls: list[str] = field(default_factory=list)

    def of(self, kind: str) -> list[dict]:
        return [e for e in self.events if e["kind"] == kind]

    def visited(self, what: str) -> list[dict]:
        return [e for e in self.of("visited") if e["what"] == what]


def snapshot(folders: list[Path]) -> dict[str, tuple[int, int]]:
    found: dict[str, tuple[int, int]] = {}
    for folder in folders:
        for path in [folder, *folder.rglob("*")]:
            info = path.lstat()
            found[str(path)] = (info.st_size if path.is_file() else -1, info.st_mtime_ns)
    return found


def fresh_user(tmp_path: Path) -> tuple[dict[str, str], list[Path]]:
    root = tmp_path / "user"
    env: dict[str, str] = {}
    folders = []
    for name in FRESH:
        folder = root / name.lower()
        folder.mkdir(parents=True)
        folders.append(folder)
        env[name] = str(folder)
    os.chmod(env["XDG_RUNTIME_DIR"], 0o700)
    font = next((f for f in FONTS if f.is_file()), None)
    if font is not None:
        (Path(env["XDG_DATA_HOME"]) / "fonts").mkdir()
        shutil.copy(font, Path(env["XDG_DATA_HOME"]) / "fonts" / "MyOwnFont.ttf")
    work = root / "cwd"
    work.mkdir()
    folders.append(work)
    return env, folders


_compiled_checkouts: set[Path] = set()


def compiled_as_installed(checkout: Path) -> None:
    """Compile the checkout's package as ``./dev`` does when it installs it (and pip does for a
    wheel), once per run: a file edited since then would otherwise be compiled, and written, by
    the first session. What Navigator writes from a checkout never compiled is its own test
    (``test_no_bytecode_from_a_checkout``), which uses a fresh copy and not this."""
    if checkout == REPO and checkout not in _compiled_checkouts:
        compileall.compile_dir(str(checkout / "navigator"), quiet=1)
        _compiled_checkouts.add(checkout)


def run_session(
    tmp_path: Path,
    mode: str,
    platform: str,
    display: str | None = None,
    trace: bool = False,
    *,
    checkout: Path = REPO,
    extra_env: dict[str, str] | None = None,
    core_dumps: bool = False,
) -> Run:
    """Run the session script as a fresh user. Nothing masks what the app itself would do: no
    PYTHONDONTWRITEBYTECODE (the app switches bytecode off itself), and with ``core_dumps`` the
    core-file limit is raised first, as some systems and shells do."""
    compiled_as_installed(checkout)
    env, folders = fresh_user(tmp_path)
    env.update(
        PATH=os.environ.get("PATH", "/usr/bin:/bin"),
        LANG="C.UTF-8",
        QT_QPA_PLATFORM=platform,
        PYTHONPATH=str(checkout),
    )
    env.update(extra_env or {})
    if display:
        env["DISPLAY"] = display
    before = snapshot(folders)
    command = [sys.executable, str(SCRIPT), mode]
    if core_dumps:
        command = ["sh", "-c", 'ulimit -c "$(ulimit -H -c)"; exec "$@"', "sh", *command]
    trace_base = tmp_path / "trace" / "t"
    if trace:
        trace_base.parent.mkdir()
        command = ["strace", "-ff", "-qq", "-e", "trace=%file,%network,%process", "-e", "signal=none", "-o", str(trace_base), *command]
    done = subprocess.run(command, env=env, cwd=folders[-1], capture_output=True, timeout=300, check=False)
    after = snapshot(folders)
    changes = sorted({p for p in before.keys() | after.keys() if before.get(p) != after.get(p)})
    events = []
    for line in done.stdout.decode("utf-8", "replace").splitlines():
        if line.startswith("{"):
            events.append(json.loads(line))
    syscalls = []
    if trace:
        for path in sorted(trace_base.parent.glob("t.*")):
            syscalls += path.read_text(errors="replace").splitlines()
    return Run(done.returncode, events, done.stderr.decode("utf-8", "replace"), changes, syscalls)


# --- what the system-call trace may and may not show ---------------------------------------

WRITE_CALL = re.compile(
    r"^(open|openat|openat2|creat|mkdir|mkdirat|rename|renameat2?|unlink|unlinkat|rmdir|link|linkat|symlink|symlinkat|"
    r"chmod|fchmodat|truncate|utime|utimes|utimensat|futimesat|mknod|mknodat)\((.*)\) += (-?\d+)"
)
OPEN_WRITE_FLAGS = re.compile(r"O_WRONLY|O_RDWR|O_CREAT|O_TRUNC|O_APPEND")


def trace_problems(lines: list[str]) -> list[str]:
    """Writes that succeeded, programs started, processes forked, sockets other than local ones."""
    problems = []
    execs = 0
    for line in lines:
        if line.startswith("execve(") and not line.rstrip().endswith("ENOENT (No such file or directory)"):
            execs += 1
            if execs > 1:
                problems.append(line)
            continue
        if line.startswith("execve("):  # a failed try, e.g. D-Bus looking for dbus-launch
            problems.append(line)
            continue
        if line.startswith(("fork(", "vfork(")) or (line.startswith(("clone(", "clone3(")) and "CLONE_THREAD" not in line):
            problems.append(line)
            continue
        if line.startswith("socket(") and not line.startswith("socket(AF_UNIX") and "= -1" not in line:
            problems.append(line)
            continue
        if line.startswith(("connect(", "sendto(", "bind(")) and "sa_family=AF_UNIX" not in line and "sa_family=" in line:
            problems.append(line)
            continue
        match = WRITE_CALL.match(line)
        if not match or int(match[3]) < 0:
            continue
        call, args = match[1], match[2]
        if call.startswith("open") or call == "creat":
            if call != "creat" and not OPEN_WRITE_FLAGS.search(args):
                continue
            path = re.search(r'"([^"]*)"', args)
            if path and path[1].startswith(("/dev/", "/proc/self/fd/")) and not path[1].startswith("/dev/shm"):
                continue  # devices and pipes are not the disk (/dev/shm is: its files stay until a restart)
        problems.append(line)
    return problems


def test_trace_checker_catches_writes_and_network():
    """The checker itself must be able to fail."""
    lines = [
        'execve("/usr/bin/python", ["python"], 0x0 /* 1 vars */) = 0',
        'openat(AT_FDCWD, "/home/x/.cache/fontconfig/a.cache-8", O_RDWR|O_CREAT|O_EXCL|O_CLOEXEC, 0600) = 4',
        'openat(AT_FDCWD, "/proc//a.cache-8.TMP", O_RDWR|O_CREAT|O_EXCL|O_CLOEXEC, 0600) = -1 ENOENT (No such file or directory)',
        'openat(AT_FDCWD, "/usr/lib/x.so", O_RDONLY|O_CLOEXEC) = 3',
        'openat(AT_FDCWD, "/dev/null", O_RDWR) = 5',
        'openat(AT_FDCWD, "/dev/shm/sem.x", O_RDWR|O_CREAT, 0600) = 6',
        "socket(AF_INET, SOCK_STREAM, IPPROTO_TCP) = 6",
        "socket(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC, 0) = 3",
        'execve("/usr/bin/dbus-launch", ["dbus-launch"], 0x0 /* 1 vars */) = -1 ENOENT (No such file or directory)',
        "clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD) = 99",
        'mkdir("/home/x/.dbus", 0700) = 0',
    ]
    found = trace_problems(lines)
    assert found == [lines[1], lines[5], lines[6], lines[8], lines[9], lines[10]]


def test_a_write_is_noticed(tmp_path):
    """Control: a session that writes into HOME must fail the same checks."""
    run = run_session(tmp_path, "control-write", "offscreen")
    assert run.code == 0, run.stderr
    assert any(p.endswith("/home/trace.txt") for p in run.changes)
    assert [e["path"] for e in run.of("write")] == [str(tmp_path / "user" / "home" / "trace.txt")]


def test_save_dialog_writes_nothing_but_would_without_our_qt_settings(tmp_path):
    """Qt's file dialog records its folder history in QtProject.conf when it closes. With
    Navigator's Qt settings nothing is written; without them (control) the file appears."""
    run = run_session(tmp_path / "ours", "save-dialog", "offscreen")
    assert_quick_exit(run)
    assert_clean(run)
    assert run.visited("save-dialog")[0]["native"] is False
    control = run_session(tmp_path / "control", "save-dialog-unhardened-qt", "offscreen")
    assert control.code == 0
    assert any(p.endswith("QtProject.conf") for p in control.changes), control.changes


# --- the real sessions ------------------------------------------------------------------------


PLATFORMS = ["offscreen", "xcb"]


def display_for(platform: str, request) -> str | None:  # type: ignore[no-untyped-def]
    return request.getfixturevalue("xvfb") if platform == "xcb" else None


def assert_clean(run: Run) -> None:
    assert run.of("script-error") == [], run.of("script-error")
    assert run.of("hook-error") == []
    assert run.of("network") == [], "network or DNS events"
    assert run.of("subprocess") == [], "programs started"
    assert run.of("write") == [], "files written"
    assert run.of("import") == [], "forbidden modules imported"
    assert run.changes == [], "the fresh user's folders changed"
    if run.syscalls:
        assert len(run.syscalls) > 100, "the system-call trace is suspiciously short"
        assert trace_problems(run.syscalls) == []


def assert_quick_exit(run: Run) -> None:
    assert run.code == 0, run.stderr[-2000:]
    before = run.of("before-exit")
    assert len(before) == 1 and before[0]["visible"], "the session reached its last step with a window shown"
    # The forget step runs after the hiding: by then no window may be visible.
    assert run.of("forgetting")[-1]["visible"] == []
    # Quick exit ended the process inside the key press or click: nothing after it ran.
    assert run.of("after-exit") == [] and run.of("returned") == []


@pytest.mark.parametrize("platform", PLATFORMS)
def test_full_session_leaves_no_trace(tmp_path, platform, request):
    run = run_session(tmp_path, "full", platform, display_for(platform, request), trace=STRACE)
    assert_quick_exit(run)
    assert_clean(run)
    # The session really went everywhere.
    pages = {e["name"] for e in run.visited("page")}
    assert {"home", "item", "list", "privacy"} <= pages
    assert {e["name"] for e in run.visited("door")} >= {"takedown", "rights", "support", "guide", "privacy"}
    counts = run.visited("items")[0]["counts"]
    assert counts.get("article", 0) > 0 and counts.get("organization", 0) > 0
    assert run.visited("language")[0]["locale"] != "en"
    assert run.visited("display")[0]["title"] == "Notes"
    assert run.visited("save-dialog")[0]["native"] is False
    assert run.visited("start-over")[0]["page"] == "home"
    assert run.of("dialog-open")[0]["title"] == "Leave Navigator?"
    assert run.of("before-exit")[0]["modules"] == []  # QtNetwork and friends never loaded


def test_quick_exit_from_every_screen(tmp_path):
    """Esc three times on each page the window has (including pages added later), F12 inside a
    dialog, and the button: windows hidden before anything else, process gone, nothing written."""
    listing = run_session(tmp_path / "list", "list-pages", "offscreen")
    assert listing.code == 0, listing.stderr[-2000:]
    names = listing.of("pages")[0]["names"]
    assert {"home", "item", "list", "privacy"} <= set(names)
    for mode in [f"exit-from:{name}" for name in names] + ["exit-f12-dialog", "exit-button"]:
        run = run_session(tmp_path / mode.replace(":", "-"), mode, "offscreen")
        try:
            assert_quick_exit(run)
            assert_clean(run)
        except AssertionError as exc:
            raise AssertionError(f"{mode}: {exc}") from exc


def test_a_case_file_is_the_only_thing_written(tmp_path):
    """With a case file started, locked, opened again and changed, that file is the only change:
    no temporary file is left, nothing else is written, and Quick exit still ends it all at once."""
    run = run_session(tmp_path, "case-file", "offscreen", trace=STRACE)
    assert_quick_exit(run)
    visit = run.visited("case")
    assert visit and visit[0]["entries"] == 2
    case = Path(visit[0]["path"])
    # The writer's temporary files: a random name beside the case file (navigator/privacy/files.py).
    part = re.compile(re.escape(str(case.parent)) + r"/\." + re.escape(case.name) + r"\.\w+\.part")
    assert run.changes == [str(case.parent), str(case)]
    assert run.of("network") == [] and run.of("subprocess") == [] and run.of("import") == []
    written = {e.get("path") or e.get("args") for e in run.of("write")}
    # A bare number is the descriptor tempfile.mkstemp made (its own event names the file, above);
    # the system-call trace below checks what it points at.
    strays = [w for w in written if not (str(case) in str(w) or part.search(str(w)) or str(w).isdigit())]
    assert written and not strays, strays
    if run.syscalls:
        others = [line for line in trace_problems(run.syscalls) if str(case) not in line and not part.search(line)]
        assert others == []


def test_quick_exit_on_x11(tmp_path, xvfb):
    run = run_session(tmp_path, "exit-f12-dialog", "xcb", xvfb, trace=STRACE)
    assert_quick_exit(run)
    assert_clean(run)


# --- crashes, errors, bytecode, the link opener (security review F3, F16, F17) -----------------


def _core_file_lands_in_the_working_folder() -> bool:
    """Whether this system writes a crashed program's core file into its working folder."""
    try:
        pattern = Path("/proc/sys/kernel/core_pattern").read_text().strip()
    except OSError:
        return False
    return bool(pattern) and not pattern.startswith(("|", "/"))


def test_a_crash_leaves_no_core_dump(tmp_path):
    """A crash after the person typed something: the process was not dumpable and its core-file
    limit was 0, so no copy of its memory (which held what was typed) is written anywhere."""
    run = run_session(tmp_path, "crash", "offscreen", core_dumps=True)
    assert run.code == -signal.SIGSEGV, run.stderr[-2000:]
    settings = run.of("crash-settings")
    assert settings, run.of("script-error")
    if sys.platform.startswith("linux"):
        assert settings[0]["dumpable"] is False
    assert settings[0]["core_limit"] == [0, 0]
    assert run.changes == [], "a core file (or anything else) was written"
    assert SECRET not in run.stderr


def test_a_crash_is_noticed_without_the_crash_settings(tmp_path):
    """Control: with the crash settings switched off the same crash writes a core file, which the
    test above would see (where the system puts core files in the working folder)."""
    if not _core_file_lands_in_the_working_folder():
        pytest.skip("this system's core_pattern sends core files elsewhere")
    run = run_session(tmp_path, "crash-unhardened", "offscreen", core_dumps=True)
    if run.of("crash-settings")[0]["core_limit"][0] == 0:
        pytest.skip("core files are switched off for this user (hard limit 0)")
    assert run.code == -signal.SIGSEGV
    assert run.of("crash-settings")[0]["dumpable"] is not False
    cores = [p for p in run.changes if Path(p).name.startswith("core")]
    assert cores, run.changes
    assert SECRET.encode() in Path(cores[0]).read_bytes()  # what the review found: the typed words


@pytest.mark.parametrize("debug", [False, True])
def test_an_error_prints_no_traceback_unless_debugging(tmp_path, debug):
    """An error in the interface (here one whose message holds what was typed) goes nowhere: the
    error output is what desktops keep in their logs. With NAVIGATOR_DEBUG=1 it shows (control)."""
    run = run_session(tmp_path, "error", "offscreen", extra_env={"NAVIGATOR_DEBUG": "1"} if debug else None)
    assert_quick_exit(run)
    assert ("Traceback" in run.stderr) is debug
    assert (SECRET in run.stderr) is debug
    assert run.changes == []


def _fresh_checkout(tmp_path: Path) -> Path:
    """A copy of the package with no compiled files, beside the real content (as a git clone is)."""
    checkout = tmp_path / "checkout"
    shutil.copytree(REPO / "navigator", checkout / "navigator", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    for name in ("content", "locales"):
        (checkout / name).symlink_to(REPO / name)
    return checkout


def _compiled(checkout: Path) -> set[str]:
    return {str(p.relative_to(checkout)) for p in checkout.rglob("*.pyc")}


def test_no_bytecode_from_a_checkout(tmp_path):
    """Run from a checkout that was never compiled, Navigator writes no compiled files of its own:
    only the package's first file, which Python compiles before any of Navigator's code can run.
    Compiled beforehand (``./dev`` does it when it installs), nothing at all is written."""
    checkout = _fresh_checkout(tmp_path)
    run = run_session(tmp_path / "first", "list-pages", "offscreen", checkout=checkout)
    assert run.code == 0, run.stderr[-2000:]
    tag = sys.implementation.cache_tag
    assert _compiled(checkout) == {f"navigator/__pycache__/__init__.{tag}.pyc"}
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(checkout / "navigator")], check=True, capture_output=True)
    before = snapshot([checkout / "navigator"])
    run = run_session(tmp_path / "again", "list-pages", "offscreen", checkout=checkout)
    assert run.code == 0, run.stderr[-2000:]
    assert snapshot([checkout / "navigator"]) == before


def test_dev_compiles_at_install_and_runs_without_bytecode():
    """The other half of the test above: ``./dev`` compiles the package when it installs it, and
    runs Navigator and the tests with PYTHONDONTWRITEBYTECODE set."""
    dev = (REPO / "dev").read_text(encoding="utf-8")
    assert re.search(r"^export PYTHONDONTWRITEBYTECODE=1$", dev, re.M)
    install = dev[dev.index("venv() {") : dev.index("\n}\n", dev.index("venv() {"))]
    assert "compileall" in install and install.index("compileall") > install.index("pip install")


def test_the_link_opener_cannot_start_a_session_bus(tmp_path, xvfb):
    """With no session bus running, the program that opens a link (xdg-open) gets the address that
    cannot start one, as Navigator itself has; it gets the person's own font settings back."""
    opener = tmp_path / "bin" / "xdg-open"
    opener.parent.mkdir()
    seen = tmp_path / "opener-saw.json"
    opener.write_text(
        f"#!{sys.executable}\nimport json, os, sys\n"
        f"json.dump({{'env': dict(os.environ), 'argv': sys.argv[1:]}}, open({str(seen)!r}, 'w'))\n"
    )
    opener.chmod(0o755)
    run = run_session(tmp_path, "open-link", "xcb", xvfb, extra_env={"PATH": f"{opener.parent}:{os.environ.get('PATH', '/usr/bin:/bin')}"})
    assert run.code == 0, run.stderr[-2000:]
    assert run.visited("open-link")[0]["opened"] is True
    deadline = time.monotonic() + 10
    while not seen.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    saw = json.loads(seen.read_text())
    assert saw["argv"] == ["https://example.org/help"]
    assert saw["env"].get("DBUS_SESSION_BUS_ADDRESS") == "unix:path=/dev/null/navigator-writes-nothing"
    assert "FONTCONFIG_FILE" not in saw["env"]  # the person's own fonts, not Navigator's pipe


# --- printing (security review F11) ---------------------------------------------------------------

# What printing may reach, and only after the person chose "Print": the print service on this
# computer (CUPS at localhost:631, or its socket) and the system bus (printer discovery).
PRINT_ALLOWED = re.compile(r'connect\(.*(sin6?_port=htons\(631\)|sun_path="/(var/)?run/(cups/cups\.sock|dbus/system_bus_socket)")')


def print_problems(lines: list[str]) -> list[str]:
    """``trace_problems`` with the print service allowed: its connections, and the sockets they need."""
    return [
        line for line in trace_problems(lines) if not PRINT_ALLOWED.search(line) and not re.match(r"socket\(AF_INET6?, SOCK_STREAM", line)
    ]


def test_print_checker_allows_the_print_service_only():
    lines = [
        'connect(7, {sa_family=AF_INET, sin_port=htons(631), sin_addr=inet_addr("127.0.0.1")}, 16) = -1 ECONNREFUSED (Connection refused)',
        "socket(AF_INET6, SOCK_STREAM|SOCK_CLOEXEC, IPPROTO_TCP) = 7",
        'connect(7, {sa_family=AF_INET, sin_port=htons(443), sin_addr=inet_addr("93.184.216.34")}, 16) = 0',
        'openat(AT_FDCWD, "/home/x/.cups/lpoptions", O_WRONLY|O_CREAT|O_TRUNC, 0644) = 5',
    ]
    assert print_problems(lines) == lines[2:]


@pytest.mark.parametrize("answer", ["pdf", "cancel"])
def test_the_question_before_printing_reaches_no_print_service(tmp_path, answer):
    """Print asks first, with "Save as PDF instead" as its default; that answer, or Cancel, opens no
    connection at all, not even to the print service."""
    run = run_session(tmp_path, f"print:{answer}", "offscreen", trace=STRACE)
    assert_quick_exit(run)
    assert_clean(run)
    question = run.of("print-question")[0]
    assert question["default"] == "Save as PDF instead" and "print service" in question["text"]
    # "Save as PDF instead" opens the save dialog; Cancel opens nothing (Quick exit came first).
    after = [e["dialog"] for e in run.visited("after-question")]
    assert after == (["QFileDialog"] if answer == "pdf" else [])


def test_an_explicit_print_reaches_the_print_service_and_nothing_else(tmp_path):
    """After "Print": the print dialog asks the print service for printers; those connections, and
    no others, are allowed, and nothing is written."""
    run = run_session(tmp_path, "print:print", "offscreen", trace=STRACE)
    assert_quick_exit(run)
    assert run.visited("after-question")[0]["dialog"] == "QPrintDialog"
    assert run.of("network") == [] and run.of("subprocess") == [] and run.of("write") == []
    assert run.changes == []
    if run.syscalls:
        assert print_problems(run.syscalls) == []
        if any(
            Path(folder).glob("libcups.so.2")
            for folder in ("/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib")
        ):
            # The print service was asked (so the allowance above was needed, and is what printing does).
            assert any(PRINT_ALLOWED.search(line) for line in run.syscalls)
