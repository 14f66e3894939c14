"""``navigator selftest``: prove that this copy of Navigator works, and write nothing while doing it.

It is the smoke test of every way Navigator is delivered (the source tree, the PyInstaller bundle,
the .deb, the release workflow's three platforms): it starts the way a double click does (the same
process hardening, Qt hardening and ``build_window``), opens the main window on the offscreen
platform where there is no screen, and then, in every interface language:

- checks that the language's interface catalog and Qt's own words (``Cancel``) are translated,
  so a bundle that lost its ``locales/`` folder fails here and not in front of a person;
- opens every door and shows every page the window has; shows every item of the content (in
  English; one of each kind in the other languages);
- answers the guided questions (first choice each time) and builds the plan;
- renders a letter and the plan as a PDF, in memory.

Exit code 0 when everything worked; otherwise 1, with one line for each step that failed, naming
it (``selftest: FAILED plan [fr]: ...``). Nothing is saved: the PDF and the letter stay in memory.

``--first-paint`` only opens the window as ``navigator`` does (its shell first, the content read
after the first paint) and prints ``painted <seconds> monotonic=<clock> maxrss_kb=<peak> cpu_s=<cpu
time>`` when it is first painted, then ``complete ...`` (the same fields) when it is first painted
with its content (the home page complete), then quits: ``benchmarks/startup.py`` and
``benchmarks/bundle_startup.py`` time it from outside the process.
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

try:
    import resource  # not on Windows
except ImportError:  # pragma: no cover - Windows
    resource = None  # type: ignore[assignment]

if TYPE_CHECKING:
    from navigator.ui.main_window import MainWindow

# Kinds of item opened on the item page (a notice opens on the letter page instead).
ITEM_KINDS = ("article", "platform", "law", "organization", "glossary")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "selftest",
        help="open the window, visit every page in every language, build a plan, render a letter and a PDF; exit 0 or 1",
        description=(
            "Check that this copy of Navigator works: every page in every language, a plan, a letter and a PDF, "
            "all in memory. Nothing is saved. Exit code 0, or 1 with a line naming each step that failed."
        ),
    )
    parser.add_argument("--content", metavar="DIR", help="content folder (default: the shipped one)")
    parser.add_argument("--first-paint", action="store_true", help="only open the window; print 'painted <seconds>' at its first paint")
    parser.set_defaults(func=run)


def needs_offscreen(env: dict[str, str] | os._Environ[str], platform: str = sys.platform) -> bool:
    """True on Linux and other X11/Wayland systems with no screen: Qt would stop without one."""
    if env.get("QT_QPA_PLATFORM") or platform.startswith(("win", "darwin")):
        return False
    return not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))


@dataclass
class Results:
    """What ran and what failed; each failure is one line naming the step."""

    failures: list[str] = field(default_factory=list)
    steps: int = 0
    pages: int = 0
    items: int = 0

    def step(self, name: str, action: Callable[[], object]) -> bool:
        self.steps += 1
        try:
            action()
        except Exception as exc:
            where = traceback.extract_tb(exc.__traceback__)[-1]
            detail = f"{type(exc).__name__}: {exc}".strip().rstrip(":")
            self.failures.append(f"{name}: {detail} ({Path(where.filename).name}:{where.lineno})")
            return False
        return True


class QtMessages:
    """Qt's critical and fatal messages during the test: each one is a failure."""

    def __init__(self) -> None:
        self.serious: list[str] = []
        self.previous: object = None

    def install(self) -> None:
        from PySide6.QtCore import QtMsgType, qInstallMessageHandler

        def handle(kind: QtMsgType, _context: object, message: str) -> None:
            if kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
                self.serious.append(message)
            elif os.environ.get("NAVIGATOR_DEBUG"):
                print(f"qt: {message}", file=sys.stderr)

        self.previous = qInstallMessageHandler(handle)

    def uninstall(self) -> None:
        from PySide6.QtCore import qInstallMessageHandler

        qInstallMessageHandler(self.previous)  # type: ignore[arg-type]


def run(args: argparse.Namespace) -> int:
    from navigator.privacy.process import harden_process

    # The same start as a double click (app.run): nothing written by fonts, shaders, D-Bus, Python.
    harden_process()
    if needs_offscreen(os.environ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    content = Path(args.content) if args.content else None
    if args.first_paint:
        return first_paint(content)
    started = time.perf_counter()
    results = selftest(content)
    elapsed = time.perf_counter() - started
    for line in results.failures:
        print(f"selftest: FAILED {line}", file=sys.stderr)
    if results.failures:
        print(f"selftest: {len(results.failures)} of {results.steps} steps failed", file=sys.stderr)
        return 1
    print(f"selftest: ok ({results.steps} steps, {results.pages} pages and {results.items} items shown, {elapsed:.1f} s)")
    return 0


def selftest(content: Path | None = None) -> Results:
    """Run every step; the process's Qt application is created (or reused) here."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    from navigator import app as app_module
    from navigator import i18n
    from navigator.paths import locales_root

    results = Results()
    messages = QtMessages()
    messages.install()
    app = app_module.create_app()
    made: list[MainWindow] = []
    if not results.step("start: open the main window", lambda: made.append(app_module.build_window(i18n.SOURCE_LOCALE, content))):
        return results
    window = made[0]
    window.show()
    QApplication.processEvents()
    results.step("content: every file loads", lambda: _content_ok(window))
    locales = i18n.available_locales()
    results.step("languages: the interface catalogs are inside", lambda: _has_locales(locales, locales_root()))
    try:
        for locale in locales:
            results.step(f"language [{locale}]: switch", functools.partial(i18n.set_locale, locale))
            results.step(f"words [{locale}]", functools.partial(_translated, locale))
            results.step(f"pages [{locale}]", lambda: _visit_pages(window, results))
            # Every item once, in the source language; one of each kind in the others (a smoke test).
            every = locale == i18n.SOURCE_LOCALE
            results.step(f"items [{locale}]", functools.partial(_visit_items, window, results, every))
            if every:  # once, with every page and item built: the restyle that once crashed (issue 17)
                results.step("display: text size and contrast, and back", lambda: _display(window))
            results.step(f"plan [{locale}]", lambda: _plan(window))
            results.step(f"letter [{locale}]", lambda: _letter(window))
            results.step(f"pdf [{locale}]", lambda: _pdf(window))
            QApplication.processEvents()
    finally:
        i18n.set_locale(i18n.SOURCE_LOCALE)
        window.close()
        window.deleteLater()
        # Deleted now, not at some later turn of an event loop that may never come.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        messages.uninstall()
    results.failures += [f"qt: {message}" for message in messages.serious]
    del app
    return results


def _content_ok(window: MainWindow) -> None:
    report = window.library.report
    if not report.ok:
        first = next(p for p in report.sorted() if p.level == "error")
        raise RuntimeError(f"{len(report.errors)} problems in {window.library.root} (run 'navigator check'); the first: {first}")


def _has_locales(locales: list[str], root: Path) -> None:
    if len(locales) < 2:
        raise RuntimeError(f"only {locales} found in {root}: the translations are missing")


def _translated(locale: str) -> None:
    from PySide6.QtCore import QCoreApplication

    from navigator import i18n
    from navigator.i18n import _

    if locale == i18n.SOURCE_LOCALE:
        return
    if _("About your privacy") == "About your privacy":
        raise RuntimeError(f"the interface is not translated (catalog {i18n.po_path(locale)})")
    # Qt's own buttons are fed from the same catalog (ui/qt_translator.py).
    if QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel":
        raise RuntimeError("Qt's own words (Cancel) are not translated")


def _visit_pages(window: MainWindow, results: Results) -> None:
    from PySide6.QtWidgets import QApplication

    for key in list(window.doors):
        window.open_door(key)
        QApplication.processEvents()
        results.pages += 1
    for name in list(window.stack.names):  # every page, also one no door has built yet
        page = window.show_page(name)
        QApplication.processEvents()
        if window.current_page() is not page:
            raise RuntimeError(f"page {name!r} did not show")
        results.pages += 1
    window.go_home()
    if not window.windowTitle():
        raise RuntimeError("the window has no title")


def _visit_items(window: MainWindow, results: Results, every: bool) -> None:
    from PySide6.QtWidgets import QApplication

    from navigator.core.models import Kind

    for kind in ITEM_KINDS:
        items = window.library.all(Kind(kind))
        if not items:
            raise RuntimeError(f"no {kind} in the content")
        for item in items if every else items[:1]:
            window.open_item(Kind(kind), item.id)
            results.items += 1
        QApplication.processEvents()
    window.go_home()


def _display(window: MainWindow) -> None:
    """Each change restyles the page in front at once, and each page behind as it is shown again
    (theme.py): both paths run here with every page built."""
    from PySide6.QtWidgets import QApplication

    display = window.display
    front = window.current_page().name
    first = window.theme.sheet
    sheets = []
    for change in (
        display.text_bigger,
        lambda: display.set_high_contrast(True),
        display.text_smaller,
        lambda: display.set_high_contrast(False),
    ):
        change()
        QApplication.processEvents()
        window.repaint()
        for name in [*window.pages, front]:
            page = window.show_page(name, remember=False)
            QApplication.processEvents()
            if page.styleSheet() != window.theme.sheet:
                raise RuntimeError(f"page {name!r} was shown in an earlier text size or contrast")
        sheets.append(window.theme.sheet)
    if len(set(sheets)) != len(sheets) or sheets[-1] != first:
        raise RuntimeError("a text-size or contrast change did not restyle the window, or did not come back")


def _plan(window: MainWindow) -> None:
    from navigator.core.models import Kind, Pathway
    from navigator.core.pathway import Walk

    pathway = window.library.get(Kind.PATHWAY, "main")
    if not isinstance(pathway, Pathway):
        raise RuntimeError("the guided questions (pathway 'main') are missing")
    walk = Walk(pathway)
    question = walk.start()
    for _turn in range(len(pathway.questions) + 1):
        if question is None:
            break
        walk.set_answer(question.id, [question.options[0].value])
        question = walk.forward()
    if not walk.finished:
        raise RuntimeError("the questions never reached a plan")
    window.plan.show_walk(walk)
    window.show_page("plan")
    plan = window.plan.plan
    if plan is None or not plan.steps:
        raise RuntimeError("the plan has no steps")


def _letter(window: MainWindow) -> None:
    from navigator.core.models import Kind

    notices = window.library.all(Kind.NOTICE)
    if not notices:
        raise RuntimeError("no letter templates in the content")
    window.open_letter(notices[0].id)
    if len(window.letter.letter_text().strip()) < 40:
        raise RuntimeError(f"the letter {notices[0].id!r} came out empty")
    window.go_home()


def _pdf(window: MainWindow) -> None:
    from navigator.ui.pages.plan import pdf_bytes

    if window.plan.plan is None:
        raise RuntimeError("no plan to lay out (see the plan step)")
    data = pdf_bytes(window.plan.markdown(), "selftest")
    if not data.startswith(b"%PDF-") or len(data) < 2000:
        raise RuntimeError(f"the plan's PDF is not a PDF ({len(data)} bytes)")


def first_paint(content: Path | None = None) -> int:
    """Open the window as ``navigator`` does and report its first paint (the shell) and its first
    paint with the content in it (the home page complete), for start-up timing."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    from navigator import app as app_module

    started = time.perf_counter()
    app = app_module.create_app()
    window = app_module.build_window(content=content, later=True)

    def mark(word: str) -> None:
        # The system's monotonic clock and the peak memory, for a benchmark timing this process
        # from outside (benchmarks/startup.py); seconds since this function began first.
        usage = resource.getrusage(resource.RUSAGE_SELF) if resource else None
        peak, cpu = (usage.ru_maxrss, usage.ru_utime + usage.ru_stime) if usage else (0, 0.0)
        print(f"{word} {time.perf_counter() - started:.3f} monotonic={time.monotonic():.6f} maxrss_kb={peak} cpu_s={cpu:.3f}", flush=True)

    class Watch(QObject):
        painted = False
        filled = False
        complete = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
            if event.type() == QEvent.Type.Paint:
                if not self.painted:
                    self.painted = True
                    mark("painted")
                if self.filled and not self.complete:
                    self.complete = True
                    mark("complete")
                    QTimer.singleShot(0, app.quit)
            return False

        def fill(self) -> None:
            self.filled = True
            window.home.update()  # the home page repaints with its number (on screen it does by itself)

    watch = Watch()
    window.filled.connect(watch.fill)
    window.content_failed.connect(lambda _error: app.exit(1))
    app.installEventFilter(watch)
    window.show()
    code = app.exec()
    return code if watch.complete else 1
