"""The environment Navigator gives itself before Qt starts (navigator/privacy/process.py)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from navigator.privacy import process as privacy
from tests.conftest import REPO

SYSTEM_CONF = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <dir>/usr/share/fonts</dir>
  <dir prefix="xdg">fonts</dir>
  <include ignore_missing="yes">conf.d</include>
  <include ignore_missing="yes" prefix="xdg">fontconfig/fonts.conf</include>
  <cachedir>/var/cache/fontconfig</cachedir>
  <cachedir prefix="xdg">fontconfig</cachedir>
  <cachedir>~/.fontconfig</cachedir>
  <cachedir>/home/a/.cache/odd</cachedir>
</fontconfig>
"""


def _parsed(text: str):  # type: ignore[no-untyped-def]
    import xml.etree.ElementTree as ET

    return ET.fromstring(text)


def test_fontconfig_keeps_fonts_and_system_cache_but_no_personal_cache():
    root = _parsed(privacy.fontconfig_without_user_cache(SYSTEM_CONF, Path("/etc/fonts"), "/home/a", as_root=False))
    assert [e.text for e in root.findall("cachedir")] == ["/var/cache/fontconfig"]
    assert [e.text for e in root.findall("dir")] == ["/usr/share/fonts", "fonts"]  # the person's own fonts still show
    includes = [(e.text, e.get("prefix")) for e in root.findall("include")]
    assert includes == [("/etc/fonts/conf.d", None), ("fontconfig/fonts.conf", "xdg")]


def test_fontconfig_for_root_cannot_write_the_system_cache_either():
    """Root could write (and fontconfig refreshes a stale) system cache: for root no cache is left but /proc."""
    root = _parsed(privacy.fontconfig_without_user_cache(SYSTEM_CONF, Path("/etc/fonts"), "/home/a", as_root=True))
    assert [e.text for e in root.findall("cachedir")] == ["/proc"]


def test_fontconfig_for_root_reads_the_system_cache_behind_proc():
    """When /proc is writable as far as access() says, it comes first and the system's cache is kept
    after it, to be read (the personal ones are gone all the same)."""
    root = _parsed(privacy.fontconfig_without_user_cache(SYSTEM_CONF, Path("/etc/fonts"), "/home/a", as_root=True, guard_first=True))
    assert [e.text for e in root.findall("cachedir")] == ["/proc", "/var/cache/fontconfig"]


@pytest.mark.skipif(not (shutil.which("fc-match") and sys.platform.startswith("linux")), reason="needs fontconfig's fc-match on Linux")
@pytest.mark.parametrize("guarded", [True, False])
def test_real_fontconfig_writes_no_cache(tmp_path, guarded):
    """fc-match (the same library Qt uses) with a font folder that has no cache yet: with our
    configuration nothing is written; without the guard (control) a cache file appears."""
    fonts = [Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"), Path("/usr/share/fonts/TTF/DejaVuSans.ttf")]
    font = next((f for f in fonts if f.is_file()), None)
    if font is None:
        pytest.skip("no DejaVu font to copy")
    (tmp_path / "fonts").mkdir()
    shutil.copy(font, tmp_path / "fonts" / "Mine.ttf")
    cache = tmp_path / "cache"  # stands for a cache folder the program could write to
    cache.mkdir()
    system = f"<fontconfig><dir>{tmp_path / 'fonts'}</dir><cachedir>{cache}</cachedir></fontconfig>"
    text = privacy.fontconfig_without_user_cache(system, tmp_path, str(tmp_path / "home"), as_root=guarded)
    read_end, write_end = os.pipe()
    os.write(write_end, text.encode())
    os.close(write_end)
    env = {"PATH": os.environ.get("PATH", ""), "HOME": str(tmp_path / "home"), "FONTCONFIG_FILE": f"/proc/self/fd/{read_end}"}
    found = subprocess.run(["fc-match", "-f", "%{family}", "Mine"], env=env, pass_fds=(read_end,), capture_output=True, check=False)
    os.close(read_end)
    assert b"DejaVu" in found.stdout  # the configuration was read from the pipe and the font found
    assert (list(cache.iterdir()) == []) is guarded


def _families(conf: str, home: Path) -> list[str]:
    """The font families fontconfig finds with the configuration ``conf`` (handed over through a pipe)."""
    read_end, write_end = os.pipe()
    os.write(write_end, conf.encode())
    os.close(write_end)
    env = {"PATH": os.environ.get("PATH", ""), "HOME": str(home), "FONTCONFIG_FILE": f"/proc/self/fd/{read_end}"}
    found = subprocess.run(["fc-list", "--format", "%{family}\\n"], env=env, pass_fds=(read_end,), capture_output=True, check=True)
    os.close(read_end)
    return sorted(set(found.stdout.decode().splitlines()))


def _files(folder: Path) -> list[tuple[str, bytes, int, int]]:
    """Every file in ``folder``: its name, its bytes, and when it or its metadata last changed."""
    return [(p.name, p.read_bytes(), p.stat().st_mtime_ns, p.stat().st_ctime_ns) for p in sorted(folder.iterdir())]


@pytest.mark.skipif(not (shutil.which("fc-list") and sys.platform.startswith("linux")), reason="needs fontconfig's fc-list on Linux")
@pytest.mark.parametrize("guard_first", [True, False])
def test_root_reads_the_system_cache_and_never_refreshes_it(tmp_path, guard_first):
    """For root, /proc is the first cache folder: fontconfig writes only into the first it may
    write to, so the system's cache after it is read (a valid cache is used) but a stale one is
    never refreshed. Without /proc first-and-writable, root gets no system cache at all."""
    if guard_first and not (os.geteuid() == 0 and os.access("/proc", os.W_OK)):
        pytest.skip("the guard is for root, where /proc is writable as far as access() says")
    shipped = REPO / "navigator" / "ui" / "fonts"
    (tmp_path / "fonts").mkdir()
    cache = tmp_path / "cache"  # stands for the system's cache folder, which root may write
    cache.mkdir()
    mine = tmp_path / "fonts" / "Mine.ttf"
    shutil.copyfile(shipped / "NotoSansArabic-Regular.subset.ttf", mine)
    system = f"<fontconfig><dir>{tmp_path / 'fonts'}</dir><cachedir>{cache}</cachedir></fontconfig>"
    assert _families(system, tmp_path / "home") == ["Noto Sans Arabic"]  # the system's configuration makes the cache
    assert any(".cache-" in p.name for p in cache.iterdir())
    ours = privacy.fontconfig_without_user_cache(system, tmp_path, str(tmp_path / "home"), as_root=True, guard_first=guard_first)
    # Another font in the same file: the folder's time does not change, so its cache still holds.
    # Read from the cache, fontconfig still names the first font; read from the font itself, the new one.
    shutil.copyfile(shipped / "NotoSansDevanagari-Regular.subset.ttf", mine)
    assert _families(ours, tmp_path / "home") == (["Noto Sans Arabic"] if guard_first else ["Noto Sans Devanagari"])
    # Now the cache is stale (the folder changed after it was made): it is not used, and not rewritten.
    later = (tmp_path / "fonts").stat().st_mtime_ns + 5_000_000_000
    os.utime(tmp_path / "fonts", ns=(later, later))
    before = _files(cache)
    assert _families(ours, tmp_path / "home") == ["Noto Sans Devanagari"]
    assert _files(cache) == before
    # Control: with the system's own configuration the stale cache is rewritten, and the check sees it.
    assert _families(system, tmp_path / "home") == ["Noto Sans Devanagari"]
    assert _files(cache) != before


def test_harden_process_sets_switches_and_gives_them_back(monkeypatch):
    monkeypatch.setattr(privacy, "_saved", {})
    monkeypatch.setattr(privacy, "_fontconfig_fd", -1)  # leave fontconfig out of this one
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    env = {"HOME": "/home/a", "SESSION_MANAGER": "local/host:@/tmp/.ICE-unix/1", "MESA_SHADER_CACHE_DISABLE": "false"}
    privacy.harden_process(env)
    assert sys.dont_write_bytecode is True
    assert env["MESA_SHADER_CACHE_DISABLE"] == "true" and env["__GL_SHADER_DISK_CACHE"] == "0"
    assert env["DBUS_SESSION_BUS_ADDRESS"].startswith("unix:path=") and "SESSION_MANAGER" not in env
    hardened = dict(env)
    with privacy.original_environment(env):
        # A program Navigator starts (the link opener) gets the person's own caches and fonts back,
        # but not a way to start a session bus (security review F17) or to register for the next login.
        assert env == {
            "HOME": "/home/a",
            "MESA_SHADER_CACHE_DISABLE": "false",
            "DBUS_SESSION_BUS_ADDRESS": f"unix:path={privacy.NOWHERE}",
        }
    assert env == hardened


@pytest.mark.parametrize(
    ("given", "theme"),
    [
        ({"XDG_CURRENT_DESKTOP": "GNOME"}, "generic"),
        ({"XDG_CURRENT_DESKTOP": "ubuntu:GNOME"}, "generic"),
        ({"XDG_CURRENT_DESKTOP": "X-Cinnamon"}, "generic"),
        ({"XDG_CURRENT_DESKTOP": "XFCE"}, "generic"),
        ({"XDG_CURRENT_DESKTOP": "KDE"}, None),  # KDE's theme reads files, never the portal
        ({"QT_QPA_PLATFORMTHEME": "xdgdesktopportal", "XDG_CURRENT_DESKTOP": "KDE"}, "generic"),
        ({"QT_QPA_PLATFORMTHEME": "gtk3"}, "generic"),
        ({"QT_QPA_PLATFORMTHEME": "qt6ct", "XDG_CURRENT_DESKTOP": "GNOME"}, None),  # the person's choice, no portal
        ({}, None),
    ],
)
def test_no_desktop_portal_and_the_persons_theme_for_programs_it_opens(monkeypatch, given, theme):
    """Security review F15: Qt would start the desktop portal, and the bus would log our command line."""
    monkeypatch.setattr(privacy, "_saved", {})
    monkeypatch.setattr(privacy, "_fontconfig_fd", -1)
    env = {"HOME": "/home/a", **given}
    privacy.harden_process(env)
    assert env["QT_NO_XDG_DESKTOP_PORTAL"] == "1"
    assert env.get("QT_QPA_PLATFORMTHEME") == (theme or given.get("QT_QPA_PLATFORMTHEME"))
    with privacy.original_environment(env):
        assert "QT_NO_XDG_DESKTOP_PORTAL" not in env
        assert env.get("QT_QPA_PLATFORMTHEME") == given.get("QT_QPA_PLATFORMTHEME")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux's")
def test_no_crash_dumps_on_linux():
    """Run in a child process: the settings last for the whole process and cannot be undone."""
    code = (
        "import resource; from navigator.privacy import process as p\n"
        "assert p.dumpable() is True\n"
        "done = p.no_crash_dumps()\n"
        "print(done, p.dumpable(), resource.getrlimit(resource.RLIMIT_CORE))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO).stdout
    assert out.strip() == "['core-limit-0', 'not-dumpable'] False (0, 0)"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux's")
def test_the_process_name_says_nothing():
    """Security review F8: ps and system monitors showed the process as "navigator"."""
    code = (
        "from pathlib import Path; from navigator.privacy import process as p\n"
        "print(p.neutral_process_name('notes'), Path('/proc/self/comm').read_text().strip())\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO).stdout
    assert out.strip() == "True notes"
    assert privacy.neutral_process_name("notes", "win32") is False  # Windows and macOS: the program file's name


def test_no_crash_dumps_asks_windows_for_no_box_and_no_heap(monkeypatch):
    """On Windows: no "stopped working" box, and no heap in an error report (checked with a stand-in
    for kernel32, since this runs on Linux too)."""
    import ctypes

    calls = []

    class Kernel32:
        def GetErrorMode(self):  # noqa: N802 - the Windows name
            return 0x8000

        def SetErrorMode(self, mode):  # noqa: N802
            calls.append(("SetErrorMode", mode))

        def WerSetFlags(self, flags):  # noqa: N802
            calls.append(("WerSetFlags", flags))
            return 0

    monkeypatch.setattr(ctypes, "WinDLL", lambda name: Kernel32(), raising=False)
    assert privacy.no_crash_dumps("win32") == ["no-error-box", "report-without-heap"]
    assert calls == [("SetErrorMode", 0x8003), ("WerSetFlags", 1)]


def test_quiet_errors_prints_no_traceback_unless_debugging(monkeypatch, capsys):
    import threading

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    monkeypatch.setattr(sys, "unraisablehook", sys.unraisablehook)
    before = sys.excepthook
    assert privacy.quiet_errors({"NAVIGATOR_DEBUG": "1"}) is False
    assert sys.excepthook is before
    assert privacy.quiet_errors({}) is True
    try:
        raise RuntimeError("what the person typed")
    except RuntimeError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    thread = threading.Thread(target=lambda: 1 / 0)
    thread.start()
    thread.join()
    assert capsys.readouterr().err == ""


def test_error_output_goes_nowhere_unless_debugging():
    code = (
        "import os, sys; from navigator.privacy import process as p\n"
        "debug = p.silence_error_output({'NAVIGATOR_DEBUG': sys.argv[1]} if sys.argv[1] else {})\n"
        "os.write(2, b'from C'); print('from Python', file=sys.stderr)\n"
    )
    quiet = subprocess.run([sys.executable, "-c", code, ""], capture_output=True, text=True, check=True, cwd=REPO)
    loud = subprocess.run([sys.executable, "-c", code, "1"], capture_output=True, text=True, check=True, cwd=REPO)
    assert quiet.stderr == ""
    assert "from C" in loud.stderr and "from Python" in loud.stderr


def test_session_bus_is_kept_when_there_is_one(monkeypatch, tmp_path):
    monkeypatch.setattr(privacy, "_saved", {})
    monkeypatch.setattr(privacy, "_fontconfig_fd", -1)
    (tmp_path / "bus").touch()
    env = {"XDG_RUNTIME_DIR": str(tmp_path)}
    privacy.harden_process(env)
    assert env["DBUS_SESSION_BUS_ADDRESS"] == f"unix:path={tmp_path}/bus"
    env = {"DBUS_SESSION_BUS_ADDRESS": "unix:path=/run/user/1/bus"}
    privacy.harden_process(env)
    assert env["DBUS_SESSION_BUS_ADDRESS"] == "unix:path=/run/user/1/bus"


def test_nowhere_cannot_be_created():
    with pytest.raises(OSError):
        os.makedirs(privacy.NOWHERE)


def test_privacy_md_points_only_at_tests_that_exist():
    """Every proof PRIVACY.md names is a real test, so the document cannot drift from the code."""
    import re

    text = (REPO / "PRIVACY.md").read_text(encoding="utf-8")
    current = None
    named = 0
    for ref in re.findall(r"`((?:tests/[\w/.]+)?(?:::\w+)?)`", text):
        path, _, name = ref.partition("::")
        if path:
            current = REPO / path
            assert current.exists(), path
        if name:
            assert current is not None and current.is_file()
            assert re.search(rf"^def {name}\(", current.read_text(encoding="utf-8"), re.M), f"{current.name}::{name}"
            named += 1
    assert named >= 10
    assert "PRIVACY.md" in (REPO / "README.md").read_text(encoding="utf-8")
