"""Screenshots for the README: the home screen, the first question and a plan, in English and
Arabic, at 800x600 (a small laptop), as a person sees them.

Run on a real display or a virtual one (``xvfb-run``), from the checkout:
    QT_QPA_PLATFORM=xcb python docs/screenshots/take.py docs/screenshots
Add ``--scale 2`` for the largest text. Nothing is written but the PNG files.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from navigator import i18n  # noqa: E402
from navigator.app import build_window  # noqa: E402

ANSWERS = {"safe-now": "not-sure", "what-happened": "ai-made", "age": "adult", "where": "x", "threats": "not-threatened", "country": "us"}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--size", default="800x600")
    args = parser.parse_args()
    width, height = (int(n) for n in args.size.split("x"))
    window = build_window(locale="en")
    window.resize(width, height)
    window.show()
    app = QApplication.instance()
    assert app is not None
    if args.scale != 1.0:
        window.display.set_text_scale(args.scale)
    shots: list[tuple[str, object]] = []
    for locale in ("en", "ar"):
        shots += [(f"home-{locale}", lambda loc=locale: home(window, loc)), (f"question-{locale}", lambda: question(window))]
        shots += [(f"plan-{locale}", lambda: plan(window))]
    suffix = "" if args.scale == 1.0 else f"-text{round(args.scale * 100)}"

    def next_shot() -> None:
        if not shots:
            app.quit()
            return
        name, arrange = shots.pop(0)
        arrange()  # type: ignore[operator]
        QTimer.singleShot(400, lambda: (window.grab().save(str(args.out / f"{name}{suffix}.png")), next_shot()))

    QTimer.singleShot(500, next_shot)
    app.exec()


def home(window, locale: str) -> None:  # type: ignore[no-untyped-def]
    window.reset_session()
    i18n.set_locale(locale)
    window.go_home()


def question(window) -> None:  # type: ignore[no-untyped-def]
    window.open_door("guide")


def plan(window) -> None:  # type: ignore[no-untyped-def]
    wizard = window.pages["wizard"]
    walk = wizard.walk
    for question_id, value in ANSWERS.items():
        walk.set_answer(question_id, [value])
    while walk.current() is not None:
        walk.forward()
    wizard.help_shown = True
    wizard._show_plan()


if __name__ == "__main__":
    main()
