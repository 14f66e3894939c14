"""``navigator selftest``: the smoke test of every delivery passes on the real content, and names
what failed when something is missing or broken."""

from __future__ import annotations

import argparse
import re
import shutil
from pathlib import Path

import pytest

from navigator.cli import main, selftest
from tests.conftest import FIXTURES, REPO


@pytest.fixture
def no_hardening(monkeypatch: pytest.MonkeyPatch) -> None:
    """``run`` hardens the process as a double click does; the test process keeps its own settings."""
    import navigator.privacy.process

    monkeypatch.setattr(navigator.privacy.process, "harden_process", lambda: None)


@pytest.mark.parametrize(
    ("env", "platform", "offscreen"),
    [
        ({}, "linux", True),
        ({"DISPLAY": ":0"}, "linux", False),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
        ({"QT_QPA_PLATFORM": "xcb"}, "linux", False),
        ({}, "win32", False),
        ({}, "darwin", False),
    ],
)
def test_offscreen_only_where_there_is_no_screen(env: dict[str, str], platform: str, offscreen: bool) -> None:
    assert selftest.needs_offscreen(env, platform) is offscreen


def test_a_failing_step_is_named_and_the_rest_still_run() -> None:
    results = selftest.Results()

    def broken() -> None:
        raise RuntimeError("the plan has no steps")

    assert results.step("plan [fr]", broken) is False
    assert results.step("letter [fr]", lambda: None) is True
    assert results.steps == 2
    assert len(results.failures) == 1
    assert results.failures[0].startswith("plan [fr]: RuntimeError: the plan has no steps (test_selftest.py:")


def test_the_shipped_content_passes_in_every_language(qapp, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    from navigator import i18n

    results = selftest.selftest()
    assert results.failures == []
    locales = i18n.available_locales()
    assert len(locales) >= 4
    # Per language: switch, words, pages, items, plan, letter, pdf; plus start, content, languages,
    # and once the text size and contrast changed and back.
    assert results.steps == 4 + 7 * len(locales)
    assert results.pages >= 10 * len(locales)
    assert results.items > 100


def test_exit_code_and_lines_name_what_failed(
    no_hardening: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    failed = selftest.Results(failures=["pdf [ar]: RuntimeError: the plan's PDF is not a PDF (0 bytes)"], steps=31)
    monkeypatch.setattr(selftest, "selftest", lambda content: failed)
    assert main(["selftest"]) == 1
    err = capsys.readouterr().err
    assert "selftest: FAILED pdf [ar]: RuntimeError: the plan's PDF is not a PDF" in err
    assert "1 of 31 steps failed" in err
    monkeypatch.setattr(selftest, "selftest", lambda content: selftest.Results(steps=31, pages=64, items=289))
    assert main(["selftest"]) == 0
    assert capsys.readouterr().out.startswith("selftest: ok (31 steps, 64 pages and 289 items shown")


def test_a_missing_pdf_or_letter_is_caught(qapp, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """The checks can fail: an empty PDF and an empty letter are each reported."""
    from navigator.app import build_window
    from navigator.ui.pages import plan as plan_page
    from tests.ui.windows import delete_window

    window = build_window(locale="en")
    window.show()
    try:
        selftest._plan(window)
        monkeypatch.setattr(plan_page, "pdf_bytes", lambda markdown, title: b"")
        with pytest.raises(RuntimeError, match="not a PDF"):
            selftest._pdf(window)
        monkeypatch.setattr(type(window.letter), "letter_text", lambda self: "")
        with pytest.raises(RuntimeError, match="came out empty"):
            selftest._letter(window)
    finally:
        delete_window(window)


def test_a_text_size_or_contrast_change_that_restyles_nothing_is_caught(qapp, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from navigator.app import build_window
    from navigator.ui.theme import Theme
    from tests.ui.windows import delete_window

    window = build_window(locale="en")
    window.show()
    try:
        selftest._display(window)  # the real theme: every change restyles, and the last one comes back
        assert window.theme.scale == 1.0 and window.display.high_contrast() is False
        monkeypatch.setattr(Theme, "apply", lambda self, app: None)
        with pytest.raises(RuntimeError, match="did not restyle"):
            selftest._display(window)
    finally:
        monkeypatch.undo()
        window.display.set_all(1.0, False, False)
        delete_window(window)


def test_broken_content_fails_and_names_the_content(
    qapp, tmp_path: Path, capsys: pytest.CaptureFixture[str], no_hardening: None, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    root = tmp_path / "content"
    shutil.copytree(FIXTURES / "good", root)
    (root / "en/glossary/url.yaml").write_text("id: url\nterm: [not, text]\n", encoding="utf-8")
    assert main(["selftest", "--content", str(root)]) == 1
    err = capsys.readouterr().err
    assert re.search(r"selftest: FAILED content: every file loads: RuntimeError: \d+ problems in .*content", err), err
    assert "the first: content/en/" in err  # the first problem, with its file and line
    assert "FAILED pdf [en]: RuntimeError: no plan to lay out" in err


def test_missing_translations_are_named(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError, match="translations are missing"):
        selftest._has_locales(["en"], tmp_path)
    selftest._has_locales(["en", "es"], REPO / "locales")


def test_register_adds_the_options() -> None:
    parser = argparse.ArgumentParser()
    selftest.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["selftest", "--first-paint", "--content", "x"])
    assert args.first_paint is True and args.content == "x" and args.func is selftest.run


def test_first_paint_marks_the_shell_then_the_home_page_complete() -> None:
    """Two lines, in order: the first paint (the shell), then the first paint with the content in
    it; the second later, with more CPU time. (Not the memory: a child's peak starts from its
    parent's, this test process's, which is larger than Navigator's.)"""
    import os
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "navigator", "selftest", "--first-paint"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert [line.split()[0] for line in lines] == ["painted", "complete"], done.stdout
    first, complete = (dict(part.split("=", 1) for part in line.split()[2:]) for line in lines)
    assert float(complete["monotonic"]) > float(first["monotonic"])
    assert float(complete["cpu_s"]) > float(first["cpu_s"])
