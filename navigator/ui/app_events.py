"""One application-wide event filter for every watcher of Navigator's (issue 17).

Qt calls an application-wide event filter for every event of every object. From Python each call
goes from C++ into Python and wraps the object and the event; a text-size change late in a session
sends more than ten thousand events, so six filters of our own (Quick exit's keys, the dialogs'
Quick exit, window titles, text direction, the input and tooltip guard, the case's idle lock) cost
about 0.3 s of it, and most of a language switch. Here Qt calls into Python once an event, and the
watchers are plain Python calls, in the order Qt would have called them: the one watching since
last first, and one that returns True ends the event there, as with Qt's own filters.

A watcher names the kinds of event it acts on in ``EVENTS``; it is called for those only, so most
events of a restyle (style, font, palette, layout) end here after one look at their kind. A watcher
without ``EVENTS`` is called for every event.
"""

from __future__ import annotations

import sys

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject


class AppEvents(QObject):
    """Hands each event of the application to every watcher's ``eventFilter``."""

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self.watchers: tuple[QObject, ...] = ()
        self.wanted: frozenset[QEvent.Type] | None = frozenset()  # None: every kind
        app.installEventFilter(self)

    def add(self, watcher: QObject) -> None:
        """Watch from now on, before every watcher added earlier (added again: moved to the front)."""
        self.watchers = (watcher, *(w for w in self.watchers if w is not watcher))
        self._want()

    def remove(self, watcher: QObject) -> None:
        self.watchers = tuple(w for w in self.watchers if w is not watcher)
        self._want()

    def _want(self) -> None:
        kinds: set[QEvent.Type] = set()
        for watcher in self.watchers:
            events = getattr(watcher, "EVENTS", None)
            if events is None:
                self.wanted = None
                return
            kinds.update(events)
        self.wanted = frozenset(kinds)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        wanted = self.wanted
        if wanted is not None and kind not in wanted:
            return False
        for watcher in self.watchers:
            events = getattr(watcher, "EVENTS", None)
            if events is not None and kind not in events:
                continue
            if not shiboken6.isValid(watcher):
                # Deleted (its window closed): dropped here, as Qt drops a deleted object's filter,
                # not from its ``destroyed`` signal, which may come while Python is shutting down.
                self.remove(watcher)
                continue
            try:
                if watcher.eventFilter(watched, event):
                    return True
            except Exception:  # one watcher's fault must not keep the event from the others (Quick exit)
                sys.excepthook(*sys.exc_info())
        return False


_events: AppEvents | None = None


def watch(app: QCoreApplication, watcher: QObject) -> None:
    """Give ``watcher.eventFilter`` every event of ``app``, as ``app.installEventFilter`` would."""
    global _events
    if _events is None or _events.parent() is not app:
        _events = AppEvents(app)
    _events.add(watcher)


def unwatch(watcher: QObject) -> None:
    if _events is not None:
        _events.remove(watcher)
