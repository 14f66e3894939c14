"""Every screen of Navigator, in every language, read through the AT-SPI tree as Orca reads it.

Navigator runs as its own process on a real X server with Qt's accessibility bridge; the tests
read it from outside with libatspi (conftest.py). Each control a person can reach must say what it
is (a role) and what it does (a name), in every interface language; the questions must be told
with their choices.
"""

from __future__ import annotations

from typing import Any

import pytest

from navigator import i18n
from tests.a11y.conftest import Tree, drive

# What a person operates; everything else is text or layout. A node with any other role counts too
# when it takes the keyboard focus (a Tab stop that says nothing is a trap for a screen reader).
INTERACTIVE = {
    "push button",
    "toggle button",
    "check box",
    "radio button",
    "combo box",
    "text",
    "password text",
    "entry",
    "link",
    "list",
    "list item",
    "menu item",
    "check menu item",
    "radio menu item",
    "page tab",
    "spin button",
    "slider",
    "tree",
    "tree item",
    "table",
}
NOT_CONTROLS = {"label", "static", "heading", "paragraph", "application", "frame", "scroll bar", "progress bar", "separator"}


def test_the_client_reads_every_control_role_in_full() -> None:
    """atspi_client.DETAILED (system Python, no import possible) must cover INTERACTIVE."""
    import ast
    from pathlib import Path

    tree = ast.parse((Path(__file__).parent / "atspi_client.py").read_text(encoding="utf-8"))
    detailed = next(
        ast.literal_eval(node.value)
        for node in tree.body
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "DETAILED" for t in node.targets)
    )
    assert detailed >= INTERACTIVE, INTERACTIVE - detailed


def is_control(node: dict[str, Any]) -> bool:
    if node["role"] in INTERACTIVE:
        return True
    return "focusable" in node["states"] and node["role"] not in NOT_CONTROLS


def unnamed_controls(tree: Tree) -> list[str]:
    """Each control with no role or no accessible name, said as where it is in the tree."""
    problems = []
    for node in tree.nodes():
        if not is_control(node):
            continue
        if node["role"] in ("", "unknown", "invalid") or not node["name"].strip():
            where = " > ".join(f"{role} {name!r}" if name else role for role, name in node["ancestors"][-3:])
            problems.append(f"{node['role'] or 'no role'} with no name (in {where}; actions {node.get('actions', [])})")
    return problems


def test_every_control_on_every_screen_has_a_role_and_a_name_in_every_language(driven: Tree) -> None:
    screens = drive(driven, screens=True)["screens"]
    assert {"home", "wizard", "plan", "directory", "search", "privacy", "case", "item", "letter"} <= set(screens)
    problems: list[str] = []
    checked = 0
    for locale in i18n.available_locales():
        drive(driven, locale=locale)
        for screen in screens:
            drive(driven, show=screen)
            controls = [n for n in driven.nodes() if is_control(n)]
            assert controls, f"{locale} {screen}: no controls read from the tree"
            checked += len(controls)
            problems += [f"{locale} {screen}: {problem}" for problem in unnamed_controls(driven)]
    drive(driven, locale="en")
    assert checked > 200
    assert not problems, "\n".join(problems)


def test_an_unnamed_control_is_found(driven: Tree) -> None:
    """The check above can fail: a button with no words and no name, added on purpose, is reported."""
    drive(driven, locale="en", show="home")
    assert not unnamed_controls(driven)
    drive(driven, unnamed=True)
    problems = unnamed_controls(driven)
    assert len(problems) == 1 and problems[0].startswith("push button with no name"), problems


@pytest.mark.parametrize("locale", ["en", "ar"])
def test_each_question_is_announced_with_its_choices(driven: Tree, locale: str) -> None:
    """Focus lands on a choice; its group is named with the question; every choice is there by name."""
    from navigator.core.library import Library
    from navigator.core.models import Kind
    from navigator.paths import content_root

    library = Library(content_root())
    library.set_locale(locale)
    pathway = library.get(Kind.PATHWAY, "main")
    prompts = {q.prompt: q for q in pathway.questions}
    drive(driven, locale=locale)
    screens = [s for s in drive(driven, screens=True)["screens"] if s.startswith("question:")]
    assert len(screens) >= 5
    for screen in screens:
        drive(driven, show=screen)
        focused = driven.focused()
        context = [*focused["ancestors"], (focused["role"], focused["name"])]
        group = next(((role, name) for role, name in reversed(context) if name in prompts), None)
        assert group is not None, f"{screen}: the focused {focused['role']} {focused['name']!r} is in no group named with the question"
        question = prompts[group[1]]
        choices = [
            n
            for n in driven.nodes()
            if n["ancestors"] and group in n["ancestors"] and n["role"] in ("radio button", "check box", "list item")
        ]
        expected_role = {"single": ("radio button", "list item", "list"), "multi": ("check box",)}[question.kind]
        assert focused["role"] in expected_role, f"{screen}: focus on a {focused['role']}"
        assert {n["name"] for n in choices} >= {o.label for o in question.options if len(question.options) <= 18}, screen
        assert choices and all(n["role"] in expected_role for n in choices), screen


def test_the_shell_is_named_before_the_content_and_the_names_hold_once_it_is_in(launch) -> None:  # type: ignore[no-untyped-def]
    """A start paints the window's shell before the content is read (ui/main_window.py). Held there
    (the driver's A11Y_HOLD_CONTENT), a screen reader finds Quick exit, the home page's controls and
    a sentence for the emergency line, every control named; once the content is in, the same controls
    keep their names, and the keyboard focus stays on the control it was on."""
    tree = launch(driver=True, A11Y_HOLD_CONTENT="1")
    assert drive(tree, show="home")["filled"] is False
    before = {(n["role"], n["name"]) for n in tree.nodes() if is_control(n)}
    assert {("push button", "Quick exit"), ("push button", "Start here: a few questions, about 2 minutes")} <= before
    assert any(n["name"].startswith("In danger now?") for n in tree.nodes())
    assert not unnamed_controls(tree)
    focused = tree.focused()
    assert drive(tree, release=True)["filled"] is True
    after = {(n["role"], n["name"]) for n in tree.nodes() if is_control(n)}
    assert before <= after, before - after
    assert not unnamed_controls(tree)
    tree.wait_focus(focused["role"], focused["name"])


def test_quick_exit_from_the_keyboard_in_the_shell(launch) -> None:  # type: ignore[no-untyped-def]
    """F12 while the content is still being read (held): Navigator ends."""
    tree = launch(driver=True, A11Y_HOLD_CONTENT="1")
    assert drive(tree, show="home")["filled"] is False
    tree.key("F12")
    tree.process.wait(timeout=10)
