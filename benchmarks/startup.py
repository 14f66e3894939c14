"""Start-up as a person feels it: the whole process, from exec to the first painted window, and to
the home page complete.

    .venv/bin/python benchmarks/startup.py [--runs 7] [--dev] [--content DIR]

Navigator is built as a wheel and installed into a fresh virtual environment under
benchmarks/out/ (git-ignored), compiled as pip compiles any wheel; its dependencies are this
checkout's .venv's (a .pth file names that site-packages), so both programs below run the same
Python and the same PySide6. ``--dev`` times the checkout's own .venv instead (an editable
install: a file changed since ``./dev`` compiled it is compiled again at every start).

Each measure starts a new process. The clock is the system's monotonic clock, read in this
process just before the process is created and in the child at its first paint event (the same
clock in both): no pipe or scheduling delay is counted. Peak memory is the child's ru_maxrss at
that moment, and so is the CPU time it has used (user and system; on a busy machine the wall
time waits for the CPU, the CPU time much less). The programs run one after the other in turn, so that a busy moment of the machine
falls on each alike, after one warm-up run each that is not counted (file cache):

- bare: a bare PySide6 window (a QMainWindow of 1120x760 with one label), the baseline;
- navigator: ``navigator selftest --first-paint`` (the same start as ``navigator``: the
  command line, process and Qt hardening, ``build_window``, shipped content). Two marks: the first
  paint (the window's shell: top bar with Quick exit, the home page's words; ``painted``) and the
  first paint with the content in it (the home page complete, its emergency number; ``complete``),
  read after the first paint. A Navigator that paints with its content in (before the shell) prints
  only the first: both marks are then the same;
- check: ``navigator check`` on the shipped content, exec to exit.

``--content DIR`` (the 100x tree of benchmarks/run.py, say): the wheel is built with that folder
as its content, compiled by the wheel's build step as the shipped content is (hatch_build.py), so
Navigator starts as a release carrying that much content would; with ``--dev`` the folder is named
on the command line instead and read from its YAML, as a checkout reads its own. ``navigator
check`` is not timed then (benchmarks/run.py times it at scale), and the targets are issue 17's at
100x: start-up at most 6x, memory at most 3x.

Prints a Markdown table of medians and ratios against the bare window (issue 17's targets:
start-up at most 2.5x, memory at most 1.6x, check at most 1.5x), and saves it with every sample
to benchmarks/out/startup.md and startup.json. Qt runs on the offscreen platform unless
QT_QPA_PLATFORM is set.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "benchmarks" / "out"
VENV = OUT / "startup-venv"

# The bare window: what any PySide6 program must pay before it shows anything.
BARE = """
import resource, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(QLabel("Hello"))
window.resize(1120, 760)


class Watch(QObject):
    done = False

    def eventFilter(self, watched, event):
        if not self.done and event.type() == QEvent.Type.Paint:
            self.done = True
            usage = resource.getrusage(resource.RUSAGE_SELF)
            print(f"painted {time.perf_counter():.3f} monotonic={time.monotonic():.6f} maxrss_kb={usage.ru_maxrss} "
                  f"cpu_s={usage.ru_utime + usage.ru_stime:.3f}", flush=True)
            QTimer.singleShot(0, app.quit)
        return False


watch = Watch()
app.installEventFilter(watch)
window.show()
app.exec()
"""

TARGETS = {"navigator": 2.5, "memory": 1.6, "check": 1.5}
# Issue 17 at 100 times the shipped content (``--content``): start-up and memory.
SCALED_TARGETS = {"navigator": 6.0, "memory": 3.0}


def with_content(source: Path, content: Path, tree: Path) -> Path:
    """A copy of the source tree ``source`` whose content folder is ``content``, in ``tree``: its
    wheel carries that content, compiled when the wheel is built (hatch_build.py), as a release would."""
    keep_out = {".git", ".venv", "benchmarks", "build", "dist", "tests", "content"}
    shutil.copytree(
        source, tree, ignore=lambda folder, names: keep_out & set(names) if Path(folder) == source else set(), dirs_exist_ok=True
    )
    shutil.copytree(content, tree / "content")
    return tree


def build_venv(source: Path = REPO, venv: Path = VENV, content: Path | None = None) -> Path:
    """A fresh venv with the wheel of Navigator in ``source`` installed (and compiled); the dependencies are .venv's.

    ``content``: the wheel carries that content folder instead of ``source``'s, compiled as the
    build compiles the shipped content."""
    if venv.exists():
        shutil.rmtree(venv)
    with tempfile.TemporaryDirectory() as dist, tempfile.TemporaryDirectory() as tree:
        if content is not None:
            source = with_content(source, content, Path(tree) / "source")
        subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", dist, str(source)], check=True)
        wheel = next(Path(dist).glob("navigator-*.whl"))
        subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
        python = venv / "bin" / "python"
        subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps", str(wheel)], check=True)
    site = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"], capture_output=True, text=True, check=True
        ).stdout.strip()
    )
    (site / "_navigator_benchmark_deps.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    where = subprocess.run(
        [str(python), "-c", "import navigator; print(navigator.__file__)"], capture_output=True, text=True, check=True, cwd=OUT
    )
    if not where.stdout.strip().startswith(str(venv)):
        raise RuntimeError(f"the benchmark venv imports Navigator from {where.stdout.strip()}, not from its wheel")
    return venv


def build_revision(revision: str, content: Path | None = None) -> Path:
    """A venv with the wheel of an earlier commit of this repository (``--against``)."""
    with tempfile.TemporaryDirectory() as tree:
        archive = subprocess.run(["git", "-C", str(REPO), "archive", revision], capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", tree], input=archive, check=True)
        return build_venv(Path(tree), OUT / "startup-venv-against", content)


def run_once(command: list[str], cwd: str, env: dict[str, str], painted: bool) -> dict[str, float]:
    """Exec to first paint (``painted``) or to exit; the child's peak memory and CPU time then;
    and the same at the home page complete (``done_s``, ``done_cpu``, ``done_mb``).

    A Navigator older than this benchmark prints only ``painted <seconds>``: then the time is when
    that line arrives, and the memory and CPU time are the child's at its exit (just after)."""
    started = time.monotonic()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=cwd, env=env)
    assert process.stdout is not None and process.stderr is not None
    fields: dict[str, str] = {}
    complete: dict[str, str] = {}
    for line in process.stdout:
        if painted and line.startswith("painted ") and not fields:
            fields = dict(part.split("=", 1) for part in line.split()[2:])
            fields.setdefault("monotonic", str(time.monotonic()))
        elif painted and line.startswith("complete ") and not complete:
            complete = dict(part.split("=", 1) for part in line.split()[2:])
    errors = process.stderr.read()
    _pid, status, usage = os.wait4(process.pid, 0)
    ended = time.monotonic()
    process.returncode = os.waitstatus_to_exitcode(status)
    if painted and not fields:
        raise RuntimeError(f"{command} did not paint ({process.returncode}): {errors[-2000:]}")
    if not painted and process.returncode != 0:
        raise RuntimeError(f"{command} failed ({process.returncode}): {errors[-2000:]}")
    cpu = float(fields.get("cpu_s", usage.ru_utime + usage.ru_stime))
    peak_kb = int(fields.get("maxrss_kb", usage.ru_maxrss))
    first = {"s": (float(fields["monotonic"]) if painted else ended) - started, "mb": peak_kb / 1024, "cpu": cpu}
    if not painted:
        return first
    if not complete:  # painted with its content: complete at the first paint
        return {**first, "done_s": first["s"], "done_mb": first["mb"], "done_cpu": first["cpu"]}
    return {
        **first,
        "done_s": float(complete["monotonic"]) - started,
        "done_mb": int(complete["maxrss_kb"]) / 1024,
        "done_cpu": float(complete["cpu_s"]),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="runs of each program (median; default 7)")
    parser.add_argument("--dev", action="store_true", help="time this checkout's .venv, not a wheel installed in a new venv")
    parser.add_argument(
        "--content",
        help="content folder for Navigator (default: the shipped one), built into the wheel and compiled as a release's is; "
        "`navigator check` is then not timed (benchmarks/run.py times it)",
    )
    parser.add_argument("--against", metavar="REV", help="also time the wheel of an earlier commit, in the same run (before/after)")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    tree = Path(args.content).resolve() if args.content else None
    # Another content folder: with --dev it is named on the command line (and read from its YAML,
    # as a checkout reads its own); otherwise the wheel carries it, compiled as the shipped content is.
    bin_dir = Path(sys.executable).parent if args.dev else build_venv(content=tree) / "bin"
    python = str(bin_dir / "python")
    navigator = str(bin_dir / "navigator")
    content = ["--content", str(tree)] if tree is not None and args.dev else []
    commands = {
        "bare": ([python, "-c", BARE], True),
        "navigator": ([navigator, "selftest", "--first-paint", *content], True),
    }
    if tree is None:
        commands["check"] = ([navigator, "check"], False)
    if args.against:
        earlier = str(build_revision(args.against, tree) / "bin" / "navigator")
        commands["navigator@against"] = ([earlier, "selftest", "--first-paint"], True)
        if tree is None:
            commands["check@against"] = ([earlier, "check"], False)
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"), PYTHONDONTWRITEBYTECODE="1")
    samples: dict[str, list[dict[str, float]]] = {name: [] for name in commands}
    with tempfile.TemporaryDirectory() as cwd:
        for command, painted in commands.values():
            run_once(command, cwd, env, painted)  # warm-up: files into the disk cache
        for _ in range(args.runs):
            for name, (command, painted) in commands.items():
                samples[name].append(run_once(command, cwd, env, painted))
    median = {name: {key: statistics.median(s[key] for s in found) for key in found[0]} for name, found in samples.items()}
    bare = median["bare"]
    ratios = {
        "navigator": median["navigator"]["s"] / bare["s"],
        "memory": median["navigator"]["mb"] / bare["mb"],
        "navigator_cpu": median["navigator"]["cpu"] / bare["cpu"],
    }
    if "check" in median:
        ratios["check"] = median["check"]["s"] / bare["s"]
        ratios["check_cpu"] = median["check"]["cpu"] / bare["cpu"]
    targets = SCALED_TARGETS if tree is not None else TARGETS

    def verdict(key: str) -> str:
        target = targets[key.removesuffix("_cpu")]
        return f"≤ {target}x: {'met' if ratios[key] <= target else 'missed'}"

    def spread(name: str) -> str:
        values = [s["s"] for s in samples[name]]
        return f"{min(values):.2f}–{max(values):.2f} s"

    where = "this checkout's .venv (editable)" if args.dev else "Navigator's wheel in a new venv"
    command = (
        "benchmarks/startup.py"
        + (" --dev" if args.dev else "")
        + (f" --runs {args.runs}" if args.runs != 7 else "")
        + (f" --against {args.against}" if args.against else "")
        + (f" --content {args.content}" if args.content else "")
    )
    if tree is not None:
        where += f", content {tree.name} ({'read from its YAML' if args.dev else 'in the wheel, compiled as a release is'})"
    rows = [
        f"Measured {time.strftime('%Y-%m-%d %H:%M')} on {platform.system()} {platform.machine()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}, Qt platform {env['QT_QPA_PLATFORM']}; {where}; median of {args.runs}, alternating.",
        f"Command: .venv/bin/python {command}",
        "",
        "| Measure (whole process) | Navigator | Bare PySide6 window (same run) | Ratio | Target |",
        "|---|---|---|---|---|",
        f"| Exec to first painted window | {median['navigator']['s']:.2f} s ({spread('navigator')}) | {bare['s']:.2f} s ({spread('bare')}) | "
        f"{ratios['navigator']:.2f}x | {verdict('navigator')} |",
        f"| Peak memory (ru_maxrss) at first paint | {median['navigator']['mb']:.0f} MiB | {bare['mb']:.0f} MiB | {ratios['memory']:.2f}x | {verdict('memory')} |",
        f"| CPU time (user + system) to first paint | {median['navigator']['cpu']:.2f} s | {bare['cpu']:.2f} s | "
        f"{ratios['navigator_cpu']:.2f}x | {verdict('navigator_cpu')} |",
    ]
    home = [
        f"| Exec to the home page complete (content shown) | {median['navigator']['done_s']:.2f} s | {bare['s']:.2f} s (to first paint) | "
        f"{median['navigator']['done_s'] / bare['s']:.2f}x | (no target of its own) |",
        f"| CPU time to the home page complete | {median['navigator']['done_cpu']:.2f} s | {bare['cpu']:.2f} s (to first paint) | "
        f"{median['navigator']['done_cpu'] / bare['cpu']:.2f}x | (no target of its own) |",
        f"| Peak memory at the home page complete | {median['navigator']['done_mb']:.0f} MiB | {bare['mb']:.0f} MiB (at first paint) | "
        f"{median['navigator']['done_mb'] / bare['mb']:.2f}x | (the target, ≤ {targets['memory']}x, is at first paint) |",
    ]
    rows += home
    if "check" in median:
        rows += [
            f"| `navigator check`, exec to exit | {median['check']['s']:.2f} s ({spread('check')}) | {bare['s']:.2f} s (to first paint) | "
            f"{ratios['check']:.2f}x | {verdict('check')} |"
        ]
        rows.append(
            f"| CPU time of `navigator check` | {median['check']['cpu']:.2f} s | {bare['cpu']:.2f} s (to first paint) | "
            f"{ratios['check_cpu']:.2f}x | {verdict('check_cpu')} |"
        )
    if args.against:
        for name in [name for name in ("navigator", "check") if f"{name}@against" in median]:
            then = median[f"{name}@against"]
            if name == "navigator" and then.get("done_s", then["s"]) != then["s"]:
                rows.append(
                    f"| {args.against}: home page complete | {then['done_s']:.2f} s, CPU {then['done_cpu']:.2f} s, {then['done_mb']:.0f} MiB | "
                    f"{bare['s']:.2f} s, CPU {bare['cpu']:.2f} s | {then['done_s'] / bare['s']:.2f}x (CPU {then['done_cpu'] / bare['cpu']:.2f}x) | |"
                )
            now = f"now: {median[name]['s'] / then['s']:.2f}x the time of {args.against}"
            if name == "navigator":
                now += f"; home complete {median[name]['done_s'] / then.get('done_s', then['s']):.2f}x"
            rows.append(
                f"| {args.against}: {'first paint' if name == 'navigator' else '`navigator check`'} | {then['s']:.2f} s, "
                f"CPU {then['cpu']:.2f} s, {then['mb']:.0f} MiB | {bare['s']:.2f} s, CPU {bare['cpu']:.2f} s | "
                f"{then['s'] / bare['s']:.2f}x (CPU {then['cpu'] / bare['cpu']:.2f}x) | {now} |"
            )
    text = "\n".join(rows)
    print(text)
    (OUT / "startup.md").write_text(text + "\n", encoding="utf-8")
    (OUT / "startup.json").write_text(json.dumps({"samples": samples, "median": median, "ratios": ratios}, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
