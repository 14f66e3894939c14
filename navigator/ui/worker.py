"""Slow work off the interface thread: the key derivation (half a second), hashing a large file,
saving to a slow USB stick.

The interface thread only waits for a signal, so the window keeps drawing and Quick exit (F12,
Esc three times, the button) works at every moment: a key press that arrives while the work runs
is handled at once, not after it (security review F1: a press during a blocked dialog was lost).
A result that arrives after ``cancel`` (Quick exit, Lock, Start over) is dropped unseen.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal


class Worker(QObject):
    """Runs one function at a time in a thread; ``done`` or ``failed`` arrive on the interface thread."""

    done = Signal(object)
    failed = Signal(object)
    dropped = Signal(object)  # a result that came after cancel: the owner may need to lock it
    _result = Signal(int, object, bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._run_id = 0
        self.busy = False
        self.threads: list[threading.Thread] = []
        # Queued: the signal is emitted in the worker thread and handled in this object's thread.
        self._result.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def start(self, work: Callable[[], object]) -> None:
        self._run_id += 1
        run_id = self._run_id
        self.busy = True

        def run() -> None:
            try:
                result, ok = work(), True
            except Exception as exc:  # handed to the interface thread, which says it in one sentence
                result, ok = exc, False
            with contextlib.suppress(RuntimeError):  # the window was closed meanwhile
                self._result.emit(run_id, result, ok)

        thread = threading.Thread(target=run, name="navigator-worker", daemon=True)
        self.threads = [t for t in self.threads if t.is_alive()] + [thread]
        thread.start()

    def cancel(self) -> None:
        """Forget the work in progress: its result will not be delivered."""
        self._run_id += 1
        self.busy = False

    def _deliver(self, run_id: int, result: object, ok: bool) -> None:
        if run_id != self._run_id:
            if ok:
                self.dropped.emit(result)
            return
        self.busy = False
        (self.done if ok else self.failed).emit(result)

    def wait(self, timeout: float = 10.0) -> None:
        """For tests and shutdown: wait for the threads started so far."""
        for thread in list(self.threads):
            thread.join(timeout)
