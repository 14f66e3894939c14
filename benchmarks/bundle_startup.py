"""Start-up of the PyInstaller bundle, as a person feels it: the whole process, from exec to the
first painted window, against the bare PySide6 window and Navigator from source, in one run.

    .venv/bin/python benchmarks/bundle_startup.py [--bundle build/dist/navigator] [--runs 7]

Each program is started as a new process, one after the other in turn (so that a busy moment
of the machine falls on all three alike), after one warm-up run each that is not counted (the
first start reads the files from disk). The clock starts just before the process is created and
stops when the program prints that its window was painted:

- bare: the bare window of ``benchmarks/startup.py`` (a QMainWindow with one label; the README's
  baseline), run as ``python -c``;
- source: ``python -m navigator selftest --first-paint``;
- bundle: ``<bundle>/navigator selftest --first-paint``.

``selftest --first-paint`` starts exactly as ``navigator`` does (process hardening, Qt
hardening, ``build_window``) and prints ``painted`` at the first paint event, then quits.
Qt runs on the offscreen platform unless QT_QPA_PLATFORM is set. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))

from startup import BARE  # noqa: E402 - the same bare window as the whole-process benchmark


def time_to_paint(command: list[str], marker: str, cwd: str) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"), PYTHONDONTWRITEBYTECODE="1")
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=cwd, env=env)
    assert process.stdout is not None
    painted = None
    for line in process.stdout:
        if painted is None and line.startswith(marker):
            painted = time.perf_counter() - started
    process.wait(timeout=300)
    if painted is None:
        raise RuntimeError(f"{command[0]} did not paint (exit {process.returncode})")
    return painted


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=REPO / "build" / "dist" / "navigator", help="the bundle's folder")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    program = args.bundle.resolve() / ("navigator-cli.exe" if sys.platform == "win32" else "navigator")  # the programs run elsewhere
    if not program.is_file():
        print(f"no bundle at {args.bundle}: run packaging/build first", file=sys.stderr)
        return 2
    commands = {
        "bare": ([sys.executable, "-c", BARE], "painted"),
        "source": ([sys.executable, "-m", "navigator", "selftest", "--first-paint"], "painted"),
        "bundle": ([str(program), "selftest", "--first-paint"], "painted"),
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    with tempfile.TemporaryDirectory() as cwd:
        env_path = os.environ.get("PYTHONPATH", "")
        os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env_path]))  # source runs from any folder
        for command, marker in commands.values():
            time_to_paint(command, marker, cwd)  # warm-up: files into the disk cache
        for _run in range(args.runs):
            for name, (command, marker) in commands.items():
                times[name].append(time_to_paint(command, marker, cwd))
    bare = statistics.median(times["bare"])
    print(f"Start-up, exec to first paint, median of {args.runs} (offscreen: {os.environ.get('QT_QPA_PLATFORM', 'offscreen')})\n")
    print("| program | median | min | max | against the bare window |")
    print("|---|---|---|---|---|")
    for name, values in times.items():
        median = statistics.median(values)
        print(f"| {name} | {median:.2f} s | {min(values):.2f} s | {max(values):.2f} s | {median / bare:.2f}x |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
