"""A whole journey through the accessibility tree alone, as a screen-reader user makes it.

Navigator is started for real (``python -m navigator``); the test never touches its widgets. It
reads the AT-SPI tree and uses only what a screen reader offers: the keyboard (key events) and the
controls' own actions. Home, the questions (each answered from the keyboard with the choice that
has the focus), the plan, saving it as a PDF through the save dialog, and Quick exit.
"""

from __future__ import annotations

import time
from pathlib import Path

from tests.a11y.conftest import Tree

PLAN_BUTTON = ("push button", "Save as PDF")


def showing(tree: Tree, role: str, name: str) -> bool:
    return any(n["role"] == role and n["name"] == name for n in tree.nodes())


def answer_questions(tree: Tree) -> int:
    """Answer each question from the keyboard until the plan shows; the number of questions answered."""
    answered = 0
    deadline = time.monotonic() + 120
    while not showing(tree, *PLAN_BUTTON):
        assert time.monotonic() < deadline, "the plan never came"
        focused = focus_on(tree, ("radio button", "check box", "list", "list item", "push button"))
        if focused["role"] == "push button" and focused["name"] == "Go on with the questions":
            tree.key("Return")  # the help that comes at once after "not safe": on with the questions
            continue
        assert focused["role"] in ("radio button", "check box", "list", "list item"), f"focus on {focused['role']} {focused['name']!r}"
        before = question_seen(tree)
        if focused["role"] in ("list", "list item"):
            tree.key("Down")  # a long list: the first choice ("I'd rather not say")
        else:
            tree.key("space")  # the choice with the focus
        tree.key("Return")  # Enter goes on
        wait_for_change(tree, before)
        answered += 1
        assert answered < 30, "the questions do not end"
    return answered


def focus_on(tree: Tree, roles: tuple[str, ...], timeout: float = 10.0) -> dict:  # type: ignore[type-arg]
    deadline = time.monotonic() + timeout
    while True:
        focused = tree.focused()
        if (focused["role"] in roles and focused["name"] != "Start here: a few questions, about 2 minutes") or time.monotonic() > deadline:
            return focused
        time.sleep(0.2)


def question_seen(tree: Tree) -> tuple[object, ...]:
    """What a screen reader has of the question now: the named group of the focus, and the choices."""
    focused = tree.focused()
    choices = tuple(n["name"] for n in tree.nodes() if n["role"] in ("radio button", "check box", "list item"))
    return (tuple(focused["ancestors"]), focused["role"], choices)


def wait_for_change(tree: Tree, before: tuple[object, ...], timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if showing(tree, *PLAN_BUTTON) or question_seen(tree) != before:
            return
        time.sleep(0.2)
    raise AssertionError(f"Enter did not move on from {before}")


def test_home_questions_plan_save_and_quick_exit_through_the_tree(launch, tmp_path: Path) -> None:
    tree = launch()
    # The first Tab reaches Quick exit.
    tree.key("Tab")
    tree.wait_focus("push button", "Quick exit")

    start = tree.find("push button", "Start here: a few questions, about 2 minutes")
    tree.act(start, "SetFocus")
    tree.wait_focus(*(start["role"], start["name"]))
    tree.key("Return")
    answered = answer_questions(tree)
    assert answered >= 5

    # The plan: its heading and steps are in the tree.
    assert showing(tree, "label", "Your plan") or any(n["name"] == "Your plan" for n in tree.nodes())
    save = tree.find(*PLAN_BUTTON)
    tree.act(save)
    # Qt's own save dialog, read from the same tree: the file name has the focus; Enter saves.
    dialog = tree.find("dialog", "Save your plan as a PDF")
    assert dialog
    field = focus_on(tree, ("text",))
    assert field["role"] == "text", field
    tree.set_text(field, str(tmp_path / "my-plan.pdf"))
    tree.key("Return")
    deadline = time.monotonic() + 20
    while not (tmp_path / "my-plan.pdf").exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert (tmp_path / "my-plan.pdf").read_bytes().startswith(b"%PDF")

    # Quick exit, with its own action: Navigator is gone at once.
    exit_button = tree.find("push button", "Quick exit")
    tree.act(exit_button)
    tree.process.wait(timeout=10)
    assert not any(app["pid"] == tree.pid for app in tree.client.call("apps"))


def test_quick_exit_from_the_keyboard_alone(launch) -> None:
    """F12, pressed as a key event while the focus is anywhere: Navigator ends."""
    tree = launch()
    tree.key("Tab")
    tree.focused()
    tree.key("F12")
    tree.process.wait(timeout=10)
