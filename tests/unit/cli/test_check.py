"""``navigator check``: every problem with file and line, and an exit code a script can trust."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from navigator.cli import main
from tests.conftest import FIXTURES


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    shutil.copytree(FIXTURES / "good", root)
    return root


def test_a_good_tree_passes(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--content", str(tree)]) == 0
    out = capsys.readouterr().out
    assert "items checked" in out and "0 errors" in out


def test_a_broken_file_is_named_with_its_line_and_fails(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tree / "en/glossary/url.yaml").write_text("id: url\nterm: URL\ndefinition: [not, text]\n", encoding="utf-8")
    assert main(["check", "--content", str(tree)]) == 1
    out = capsys.readouterr().out
    assert "content/en/glossary/url.yaml:" in out


@pytest.mark.parametrize("locale", ["en", "es"])
def test_an_unknown_folder_is_an_error_not_a_file_skipped_in_silence(tree: Path, locale: str, capsys: pytest.CaptureFixture[str]) -> None:
    """``glossary`` is a folder name; ``term`` is not: its files would never be read."""
    folder = tree / locale / "term"
    folder.mkdir(parents=True)
    shutil.copy(tree / "en/glossary/url.yaml", folder / "url.yaml")
    assert main(["check", "--content", str(tree)]) == 1
    out = capsys.readouterr().out
    assert f"content/{locale}/term: unknown folder; expected one of: articles, glossary" in out
    assert "[warning]" not in out


def test_only_one_translation(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tree / "es").mkdir()
    (tree / "fr").mkdir()
    assert main(["check", "--content", str(tree), "--locale", "es"]) == 0
    assert "(en, es)" in capsys.readouterr().out


def test_freshness_lists_what_is_unverified(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--content", str(tree)]) == 0
    assert "list them with --freshness" in capsys.readouterr().out
    assert main(["check", "--content", str(tree), "--freshness"]) == 0
    assert "list them with --freshness" not in capsys.readouterr().out
