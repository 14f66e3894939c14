"""Slow work off the interface thread (navigator/ui/worker.py): results arrive on the interface
thread, a cancelled one is dropped, and a worker deleted while its thread runs (the window closed,
Quick exit) never crashes the process."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading

from PySide6.QtCore import QObject

from navigator.ui.worker import Worker


def test_a_result_arrives_on_the_interface_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    worker = Worker()
    seen: list[tuple[object, bool]] = []
    worker.done.connect(lambda result: seen.append((result, threading.current_thread() is threading.main_thread())))
    with qtbot.waitSignal(worker.done, timeout=5000):
        worker.start(lambda: 6 * 7)
    assert seen == [(42, True)] and not worker.busy


def test_a_failure_is_handed_over_and_a_cancelled_result_dropped(qtbot) -> None:  # type: ignore[no-untyped-def]
    worker = Worker()
    with qtbot.waitSignal(worker.failed, timeout=5000) as failed:
        worker.start(lambda: 1 / 0)
    assert isinstance(failed.args[0], ZeroDivisionError)
    release = threading.Event()
    worker.done.connect(lambda result: refuse(f"a cancelled result was delivered: {result}"))
    with qtbot.waitSignal(worker.dropped, timeout=5000) as dropped:
        worker.start(lambda: release.wait(5) and "late")
        worker.cancel()
        release.set()
    assert dropped.args == ["late"]


def refuse(message: str) -> None:
    raise AssertionError(message)


def test_a_worker_deleted_while_its_thread_runs_does_not_crash(tmp_path) -> None:
    """Thousands of workers, each deleted (with the object that owns it) as its work finishes in
    another thread. A signal emitted from that thread on the worker itself crashed this every time
    (segmentation fault in worker.py); through the application's one relay nothing is delivered
    and the process ends normally."""
    program = textwrap.dedent(
        """
        import shiboken6
        from PySide6.QtCore import QObject
        from PySide6.QtWidgets import QApplication
        from navigator.ui.worker import Worker

        app = QApplication([])
        delivered, threads = [], []
        for n in range(3000):
            owner = QObject()
            worker = Worker(owner)
            worker.done.connect(delivered.append)
            worker.start(lambda: sum(range(200)))
            threads += worker.threads
            shiboken6.delete(owner)
            if n % 50 == 0:
                app.processEvents()
        for thread in threads:
            thread.join()
        app.processEvents()
        print("finished", len(delivered))
        """
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-X", "faulthandler", "-c", program], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["finished", "0"]


def test_an_owner_that_lives_still_gets_its_result(qtbot) -> None:  # type: ignore[no-untyped-def]
    owner = QObject()
    worker = Worker(owner)
    with qtbot.waitSignal(worker.done, timeout=5000) as done:
        worker.start(lambda: "kept")
    assert done.args == ["kept"]
