"""One application-wide filter hands each event to Navigator's watchers (ui/app_events.py, issue 17):
in the order Qt would, only the kinds each names, none lost to another's fault or deletion."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

from navigator.ui import app_events


class Watcher(QObject):
    def __init__(self, name: str, seen: list[tuple[str, QEvent.Type]], events: tuple[QEvent.Type, ...] | None, ends: bool = False) -> None:
        super().__init__()
        self.name, self.seen, self.ends = name, seen, ends
        if events is not None:
            self.EVENTS = events

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        self.seen.append((self.name, event.type()))
        return self.ends


@pytest.fixture
def target(qapp):  # type: ignore[no-untyped-def]
    widget = QWidget()
    yield widget
    widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def send(widget: QWidget, kind: QEvent.Type) -> bool:
    return QApplication.sendEvent(widget, QEvent(kind))


def test_the_last_watching_is_asked_first_and_true_ends_the_event(qapp, target):  # type: ignore[no-untyped-def]
    seen: list[tuple[str, QEvent.Type]] = []
    first = Watcher("first", seen, (QEvent.Type.WindowTitleChange,))
    second = Watcher("second", seen, (QEvent.Type.WindowTitleChange,), ends=True)
    try:
        app_events.watch(qapp, first)
        send(target, QEvent.Type.WindowTitleChange)
        assert seen == [("first", QEvent.Type.WindowTitleChange)]
        seen.clear()
        app_events.watch(qapp, second)
        send(target, QEvent.Type.WindowTitleChange)
        assert seen == [("second", QEvent.Type.WindowTitleChange)], "a watcher that returns True ends the event"
        seen.clear()
        app_events.watch(qapp, first)  # again: it moves to the front, and is still asked once
        send(target, QEvent.Type.WindowTitleChange)
        assert seen == [("first", QEvent.Type.WindowTitleChange), ("second", QEvent.Type.WindowTitleChange)]
    finally:
        app_events.unwatch(first)
        app_events.unwatch(second)
    seen.clear()
    send(target, QEvent.Type.WindowTitleChange)
    assert seen == []


def test_a_watcher_sees_only_the_kinds_it_names_or_every_kind(qapp, target):  # type: ignore[no-untyped-def]
    seen: list[tuple[str, QEvent.Type]] = []
    some = Watcher("some", seen, (QEvent.Type.WindowTitleChange,))
    every = Watcher("every", seen, None)
    try:
        app_events.watch(qapp, some)
        send(target, QEvent.Type.StyleChange)
        assert seen == []
        app_events.watch(qapp, every)
        send(target, QEvent.Type.StyleChange)
        send(target, QEvent.Type.WindowTitleChange)
        assert ("every", QEvent.Type.StyleChange) in seen and ("some", QEvent.Type.WindowTitleChange) in seen
        assert ("some", QEvent.Type.StyleChange) not in seen
    finally:
        app_events.unwatch(some)
        app_events.unwatch(every)


def test_a_failing_or_deleted_watcher_keeps_no_event_from_the_others(qapp, target, monkeypatch):  # type: ignore[no-untyped-def]
    seen: list[tuple[str, QEvent.Type]] = []
    faults: list[type[BaseException]] = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, value, tb: faults.append(kind))

    class Broken(Watcher):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
            raise ValueError("broken")

    steady = Watcher("steady", seen, (QEvent.Type.WindowTitleChange,))
    broken = Broken("broken", seen, (QEvent.Type.WindowTitleChange,))
    gone = Watcher("gone", seen, (QEvent.Type.WindowTitleChange,))
    try:
        app_events.watch(qapp, steady)
        app_events.watch(qapp, broken)
        app_events.watch(qapp, gone)
        gone.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        send(target, QEvent.Type.WindowTitleChange)
        assert seen == [("steady", QEvent.Type.WindowTitleChange)]
        assert faults == [ValueError], "the fault is reported, not swallowed"
    finally:
        app_events.unwatch(steady)
        app_events.unwatch(broken)


def test_navigator_watches_through_one_filter(window):  # type: ignore[no-untyped-def]
    from navigator.ui import bidi, qt_hardening, quick_exit

    events = app_events._events
    assert events is not None
    mine = {id(w) for w in events.watchers}
    for watcher in (
        qt_hardening._guard,
        bidi._keeper,
        quick_exit._keys,
        quick_exit._dialog_exits,
        window.display.titles,
        window.case_keeper,
    ):
        assert id(watcher) in mine, watcher
        assert getattr(watcher, "EVENTS", None), f"{watcher} names no events: it would be asked about every one"
