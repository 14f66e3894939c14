"""The case file while Navigator is open: which file, its key while it is unlocked, each change saved.

Unlocking, creating, saving and checking evidence run in a worker thread (``ui.worker``); the
screens wait for ``done``/``failed`` with their controls disabled, and Quick exit works all along.
The open file and its key live in the person's ``Session``: ``Session.clear`` (Start over, Quick
exit) locks it; the keeper also locks by hand and after the chosen idle time, and ``cancel`` (from
the case page's reset) drops work in progress, so a late result is locked unseen.
Nothing runs in the background while Navigator is closed: no process, no notification.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from navigator.core import evidence
from navigator.core.session import Session
from navigator.privacy.files import leftovers, write_whole
from navigator.ui import app_events
from navigator.ui.worker import Worker

if TYPE_CHECKING:
    from navigator.core.case import CaseState, Entry
    from navigator.core.case import _Data as EntryData
    from navigator.core.case_file import CaseFile

# The case file's code and models are imported when a case is first created, unlocked or deleted,
# not at start (about 10 ms): until then there is no case file, and nothing here needs them.

IDLE_CHOICES = (5, 15, 30, 0)  # minutes; 0: only by hand
DEFAULT_IDLE = 15


def write_private(path: Path, data: bytes) -> None:
    write_whole(path, data)


class CaseKeeper(QObject):
    """One case file at a time. ``changed`` after anything that changes what the screens show."""

    changed = Signal()

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.clock: Callable[[], datetime] = lambda: datetime.now(UTC)
        self.worker = Worker(self)
        self.worker.done.connect(self._done)
        self.worker.failed.connect(self._failed)
        self.worker.dropped.connect(self._drop_late)
        self._callbacks: tuple[Callable[[object], None], Callable[[Exception], None]] | None = None
        self.idle_minutes = DEFAULT_IDLE
        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.timeout.connect(self.lock)

    def watch_activity(self) -> None:
        """Count keys, clicks and the wheel as activity from now on (the main window calls it once
        it is built, before it is shown: an application-wide filter runs for every event)."""
        app = QApplication.instance()
        if app is not None:
            app_events.watch(app, self)

    # --- state ------------------------------------------------------------------------------

    @property
    def file(self) -> CaseFile | None:
        return self.session.case_file

    @property
    def path(self) -> Path | None:
        return self.session.case_path

    @property
    def is_open(self) -> bool:
        return self.file is not None and not self.file.locked

    @property
    def busy(self) -> bool:
        return self.worker.busy

    def state(self) -> CaseState | None:
        return self.file.state(self.clock()) if self.is_open and self.file else None

    def age_answer(self) -> str | None:
        return self.session.age_answer()

    def possibly_minor(self) -> bool:
        state = self.state()
        return evidence.may_be_minor(self.age_answer()) or bool(state and state.possibly_minor)

    # --- work in the worker thread ------------------------------------------------------------

    def _run(self, work: Callable[[], object], done: Callable[[object], None], failed: Callable[[Exception], None]) -> None:
        self._callbacks = (done, failed)
        self.worker.start(work)

    def _done(self, result: object) -> None:
        callbacks, self._callbacks = self._callbacks, None
        if callbacks:
            callbacks[0](result)

    def _failed(self, error: object) -> None:
        callbacks, self._callbacks = self._callbacks, None
        if callbacks and isinstance(error, Exception):
            callbacks[1](error)

    def _drop_late(self, result: object) -> None:
        case_file = sys.modules.get("navigator.core.case_file")  # not loaded: no case file was opened
        if case_file is not None and isinstance(result, case_file.CaseFile):
            result.lock()

    def _opened(self, opened: object) -> None:
        from navigator.core.case_file import CaseFile

        assert isinstance(opened, CaseFile)
        self.session.forget_case()
        self.session.case_file, self.session.case_path = opened, opened.path
        self._touch()
        self.changed.emit()

    def _then_open(self, done: Callable[[], None]) -> Callable[[object], None]:
        def finished(result: object) -> None:
            self._opened(result)
            done()

        return finished

    def create(self, path: Path, passphrase: str, done: Callable[[], None], failed: Callable[[Exception], None]) -> None:
        from navigator.core.case_file import CaseFile

        now = self.clock()
        self._run(lambda: CaseFile.create(path, passphrase, now, write_private), self._then_open(done), failed)

    def unlock(self, path: Path, passphrase: str, done: Callable[[], None], failed: Callable[[Exception], None]) -> None:
        from navigator.core.case_file import CaseFile

        self._run(lambda: CaseFile.unlock(path, passphrase, write_private), self._then_open(done), failed)

    def add(self, data: EntryData, done: Callable[[Entry], None], failed: Callable[[Exception], None]) -> None:
        """Save one change. ``data`` must take the id ``next_id`` gives now (one save at a time)."""
        from navigator.core.case import Entry
        from navigator.core.case_file import CaseFileError

        opened = self.file
        if opened is None:
            failed(CaseFileError("locked"))
            return
        now = self.clock()

        def finished(entry: object) -> None:
            self._touch()
            self.changed.emit()
            assert isinstance(entry, Entry)
            done(entry)

        self._run(lambda: opened.add(data, now), finished, failed)

    def note_possible_minor(self, reason: str, done: Callable[[], None], failed: Callable[[Exception], None]) -> None:
        """Record, once, that image files are refused in this case from now on."""
        state = self.state()
        if state is not None and state.possibly_minor:
            done()
            return
        from navigator.core.case import Policy

        self.add(Policy(possibly_minor=True, reason=reason), lambda _entry: done(), failed)

    def run(self, work: Callable[[], object], done: Callable[[object], None], failed: Callable[[Exception], None]) -> None:
        """Any other slow work (hashing a file, checking evidence) in the same worker."""
        self._run(work, done, failed)

    # --- locking ------------------------------------------------------------------------------

    def lock(self) -> None:
        """Drop the key and the log from memory. Every change is saved already, so nothing is lost."""
        self.idle_timer.stop()
        was_open = self.is_open
        self.session.lock_case()
        if was_open:
            self.changed.emit()

    def stop(self) -> None:
        """Stop any work, quietly: a late result is locked unseen (Quick exit, which redraws nothing)."""
        self.worker.cancel()
        self._callbacks = None
        self.idle_timer.stop()

    def cancel(self) -> None:
        """After Session.clear (Quick exit, Start over): stop any work; a late result is locked unseen."""
        self.stop()
        self.changed.emit()

    def set_idle_minutes(self, minutes: int) -> None:
        self.idle_minutes = minutes
        self._touch()

    def _touch(self) -> None:
        if self.is_open and self.idle_minutes:
            self.idle_timer.start(self.idle_minutes * 60_000)
        else:
            self.idle_timer.stop()

    # What counts as activity; app_events hands this watcher only these.
    EVENTS = (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if self.is_open and event.type() in self.EVENTS:
            self._touch()
        return False

    def delete_file(self) -> None:
        """Lock, then remove the file (and a save left half-done). Raises CaseFileError."""
        from navigator.core.case_file import delete

        path = self.path
        self.cancel()
        self.session.forget_case()
        self.changed.emit()
        if path is not None:
            delete(path, tuple(leftovers(path)))
