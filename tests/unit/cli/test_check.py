"""``navigator check``: every problem with file and line, and an exit code a script can trust."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from navigator.cli import check, main
from navigator.core.report import Problem, Report
from navigator.paths import content_root
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


def test_side_by_side_finds_what_one_process_finds(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The shipped tree with a broken translation in two languages: the same lines either way."""
    root = tmp_path / "content"
    shutil.copytree(content_root(), root)
    for locale in ("es", "fr"):
        first = sorted((root / locale / "glossary").glob("*.yaml"))[0]
        first.write_text("id: [broken\n", encoding="utf-8")
    results = []
    for jobs in ("1", "3"):
        assert main(["check", "--content", str(root), "--jobs", jobs]) == 1
        out = capsys.readouterr().out
        results.append(sorted(line for line in out.splitlines() if " items checked in " not in line))
    assert results[0] == results[1]
    assert any("content/es/glossary/" in line for line in results[0])
    assert any("content/fr/glossary/" in line for line in results[0])


def test_every_part_runs_in_a_child_and_reports(tree: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """Each translation, the path proof and the rules run once each, in forked children, and
    every problem they find reaches the report (the fakes are inherited by the fork)."""
    for locale in ("es", "fr"):
        (tree / locale).mkdir()
    parent = os.getpid()

    def found(part: str) -> list[Problem]:
        return [Problem(f"{part}.yaml", 1, "", "other process" if os.getpid() != parent else "this process")]

    monkeypatch.setattr(check, "localize", lambda content, locale: (None, Report(found(locale))))
    monkeypatch.setattr(check, "check_pathways", lambda content: found("paths"))
    monkeypatch.setattr(check.rules, "check", lambda content: found("rules"))
    assert main(["check", "--content", str(tree), "--jobs", "2"]) == 1
    out = capsys.readouterr().out
    for part in ("es", "fr", "paths", "rules"):
        assert out.splitlines().count(f"{part}.yaml:1: other process") == 1, out
    assert main(["check", "--content", str(tree), "--jobs", "1"]) == 1
    assert capsys.readouterr().out.count("this process") == 4
