"""Navigator started through its real entry point (``navigator.cli.main([])``: ``app.run`` with all
its privacy settings), with a small command reader on standard input so that a test can bring each
screen to the front while it reads the accessibility tree from outside (tests/a11y/atspi_client.py).

Commands, one JSON object a line; each is answered with one JSON line once Qt has shown the result:
  {"locale": "ar"}              switch the interface language
  {"show": "<what>"}            bring a screen to the front: a page name ("home", "directory", ...),
                                "list:<door>", "item" (the first guide), "letter" (the first letter),
                                "plan" (a plan made from each question's first answer),
                                "question:<n>" (the n-th question on that path), "help-now"
  {"screens": true}             the names "show" takes, for this content
  {"unnamed": true}             add a button with no words and no name to the home page (the
                                control that proves the tests notice an unnamed control)
  {"release": true}             with A11Y_HOLD_CONTENT=1 in the environment, the content read after
                                the first paint waits (the window stays its shell, and the driver
                                answers from the start) until this; answered once the window is filled
  {"quit": true}
Each answer says whether the window has its content yet ("filled").
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time


def emit(**data: object) -> None:
    os.write(1, (json.dumps(data) + "\n").encode("utf-8"))


def main() -> None:
    from PySide6.QtCore import QTimer

    import navigator.app as app_module

    build = app_module.build_window
    release = threading.Event()
    hold = os.environ.get("A11Y_HOLD_CONTENT") == "1"
    if hold:
        read = app_module.read_library

        def held(*args, **kwargs):  # type: ignore[no-untyped-def]
            release.wait(60)
            return read(*args, **kwargs)

        app_module.read_library = held

    def build_and_listen(*args, **kwargs):  # type: ignore[no-untyped-def]
        window = build(*args, **kwargs)
        if hold:  # the shell, read by the test until it sends "release"
            QTimer.singleShot(0, lambda: listen(window, release))
        else:  # app.run paints the window's shell first and reads the content after: listen once it is in
            window.when_filled(lambda: QTimer.singleShot(0, lambda: listen(window, release)))
        return window

    app_module.build_window = build_and_listen
    from navigator.cli import main as navigator_main

    navigator_main([])


def first_answers(window):  # type: ignore[no-untyped-def]
    """The walk with every question answered with its first option, and the questions on that path."""
    from navigator.core.models import Kind
    from navigator.core.pathway import Walk

    walk = Walk(window.library.get(Kind.PATHWAY, "main"))
    asked = []
    question = walk.start()
    while question is not None:
        asked.append(question.id)
        walk.set_answer(question.id, [question.options[0].value])
        question = walk.forward()
    return walk, asked


def screens(window) -> list[str]:  # type: ignore[no-untyped-def]
    from navigator.ui.doors import LIST_DOORS

    _walk, asked = first_answers(window)
    # Every page, built yet or not (pages are built on their first visit).
    names = list(getattr(window.stack, "names", None) or window.pages)
    pages = [name for name in names if name not in ("item", "list", "letter", "plan")]
    return [
        *pages,
        *(f"list:{key}" for key in LIST_DOORS),
        "item",
        "letter",
        "plan",
        *(f"question:{i}" for i in range(len(asked))),
        "help-now",
    ]


def show(window, what: str) -> None:  # type: ignore[no-untyped-def]
    from navigator.core.models import Kind
    from navigator.ui.doors import LIST_DOORS

    if what.startswith("list:"):
        window.show_list(LIST_DOORS[what.split(":", 1)[1]])
    elif what == "item":
        window.open_item(Kind.ARTICLE, window.library.all(Kind.ARTICLE)[0].id)
    elif what == "letter":
        window.open_letter(window.library.all(Kind.NOTICE)[0].id)
    elif what == "plan":
        walk, _asked = first_answers(window)
        window.plan.show_walk(walk)
        window.show_page("plan")
    elif what.startswith("question:"):
        number = int(what.split(":", 1)[1])
        session_walk = window.session.walk
        wanted, _asked = first_answers(window)
        question = session_walk.start()
        for _ in range(number):
            session_walk.set_answer(question.id, wanted.answer_of(question.id))
            question = session_walk.forward()
        window.show_page("wizard")
        window.wizard.refresh()
    elif what == "help-now":
        window.show_page("wizard")
        window.wizard.show_help_now()
    elif what == "requests":
        window.open_door("requests")
    else:
        window.show_page(what)


def listen(window, release) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSocketNotifier
    from PySide6.QtWidgets import QApplication, QPushButton

    from navigator import i18n

    app = QApplication.instance()
    notifier = QSocketNotifier(0, QSocketNotifier.Type.Read, window)
    window._test_notifier = notifier  # kept alive with the window

    def answer() -> None:
        line = sys.stdin.readline()
        if not line:
            notifier.setEnabled(False)
            app.exit(0)
            return
        request = json.loads(line)
        try:
            if "locale" in request:
                i18n.set_locale(request["locale"])
            if "show" in request:
                show(window, request["show"])
            if request.get("unnamed"):
                button = QPushButton()
                button.setObjectName("unnamedOnPurpose")
                window.home.title.parentWidget().layout().insertWidget(1, button)
                window.show_page("home")
            if request.get("quit"):
                app.exit(0)
                return
            if request.get("release"):
                release.set()
                deadline = time.monotonic() + 30
                while not window.has_content() and time.monotonic() < deadline:
                    app.processEvents()
                    time.sleep(0.02)
            for _ in range(3):
                app.processEvents()
            emit(
                ok=True,
                page=window.current_page().name,
                locale=i18n.current_locale(),
                filled=window.has_content(),
                screens=screens(window) if "screens" in request else None,
            )
        except Exception as error:
            emit(ok=False, error=repr(error))

    notifier.activated.connect(answer)
    emit(ready=True, pid=os.getpid())


if __name__ == "__main__":
    main()
