"""Slow work off the interface thread: the key derivation (half a second), hashing a large file,
saving to a slow USB stick.

The interface thread only waits for a signal, so the window keeps drawing and Quick exit (F12,
Esc three times, the button) works at every moment: a key press that arrives while the work runs
is handled at once, not after it (security review F1: a press during a blocked dialog was lost).
A result that arrives after ``cancel`` (Quick exit, Lock, Start over) is dropped unseen.

The thread never touches the ``Worker`` itself: a worker (or the window that owns it) may be
deleted on the interface thread while the work runs, and a signal emitted from another thread on
a Qt object being deleted crashes the process (seen: a segmentation fault in the test suite, and
every time in a loop of a few thousand). The thread hands its result to one relay that lives as
long as the application, and the relay, on the interface thread, gives it to the worker if the
worker is still there.
"""

from __future__ import annotations

import itertools
import threading
import weakref
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal


class _Relay(QObject):
    """Made once, on the interface thread, and never deleted: the only Qt object a worker thread
    emits on. Results go to the worker by number, and only while it is alive."""

    result = Signal(int, int, object, bool)  # worker number, run id, result, ok

    def __init__(self) -> None:
        super().__init__()
        self.workers: weakref.WeakValueDictionary[int, Worker] = weakref.WeakValueDictionary()
        self.numbers = itertools.count(1)
        self.result.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def _deliver(self, number: int, run_id: int, result: object, ok: bool) -> None:
        worker = self.workers.get(number)
        if worker is not None and shiboken6.isValid(worker):
            worker._deliver(run_id, result, ok)


_relay: _Relay | None = None


def _the_relay() -> _Relay:
    global _relay
    if _relay is None:
        _relay = _Relay()
    return _relay


class Worker(QObject):
    """Runs one function at a time in a thread; ``done`` or ``failed`` arrive on the interface thread."""

    done = Signal(object)
    failed = Signal(object)
    dropped = Signal(object)  # a result that came after cancel: the owner may need to lock it

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._run_id = 0
        self.busy = False
        self.threads: list[threading.Thread] = []
        relay = _the_relay()  # made here, on the interface thread, if this is the first worker
        self._number = next(relay.numbers)
        relay.workers[self._number] = self

    def start(self, work: Callable[[], object]) -> None:
        self._run_id += 1
        run_id = self._run_id
        number = self._number
        relay = _the_relay()
        self.busy = True

        def run() -> None:
            try:
                result, ok = work(), True
            except Exception as exc:  # handed to the interface thread, which says it in one sentence
                result, ok = exc, False
            # Queued to the interface thread through the relay, never through ``self``, which
            # may be deleted by now (the window closed): the relay then finds no worker.
            relay.result.emit(number, run_id, result, ok)

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
