"""``navigator check``: every problem with file and line, and an exit code a script can trust."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from navigator.cli import check, main
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


def _check(*args: str) -> tuple[int, list[str]]:
    """``navigator check`` in a process of its own (one thread, so the parts may run side by side)."""
    done = subprocess.run([sys.executable, "-m", "navigator", "check", *args], capture_output=True, text=True, timeout=300, check=False)
    return done.returncode, sorted(line for line in done.stdout.splitlines() if " items checked in " not in line)


def test_side_by_side_finds_what_one_process_finds(tmp_path: Path) -> None:
    """The shipped tree with a broken translation in two languages: the same lines either way."""
    root = tmp_path / "content"
    shutil.copytree(content_root(), root)
    for locale in ("es", "fr"):
        first = sorted((root / locale / "glossary").glob("*.yaml"))[0]
        first.write_text("id: [broken\n", encoding="utf-8")
    alone, side_by_side = _check("--content", str(root), "--jobs", "1"), _check("--content", str(root), "--jobs", "3")
    assert alone == side_by_side
    assert alone[0] == 1
    assert any("content/es/glossary/" in line for line in alone[1])
    assert any("content/fr/glossary/" in line for line in alone[1])


PARTS_IN_CHILDREN = """
import os, sys
from navigator.cli import check, main
from navigator.core.report import Problem, Report
if sys.argv[3:] == ["without-multiprocessing"]:
    sys.modules["multiprocessing"] = None  # as in the bundle, which leaves it out
parent = os.getpid()
def found(part):
    return [Problem(part + ".yaml", 1, "", "other process" if os.getpid() != parent else "this process")]
check.localize = lambda content, locale: (None, Report(found(locale)))
check.check_pathways = lambda content: found("paths")
check.rules.check = lambda content: found("rules")
sys.exit(main(["check", "--content", sys.argv[1], "--jobs", sys.argv[2]]))
"""


@pytest.mark.parametrize(
    ("jobs", "where", "bundle"), [("2", "other process", ""), ("1", "this process", ""), ("2", "this process", "without-multiprocessing")]
)
def test_every_part_runs_once_and_reports(tree: Path, jobs: str, where: str, bundle: str) -> None:
    """Each translation, the path proof and the rules run once each (in forked children when
    asked), and every problem they find reaches the report (the fakes are inherited by the fork)."""
    for locale in ("es", "fr"):
        (tree / locale).mkdir()
    done = subprocess.run(
        [sys.executable, "-c", PARTS_IN_CHILDREN, str(tree), jobs, *([bundle] if bundle else [])],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    lines = done.stdout.splitlines()
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    for part in ("es", "fr", "paths", "rules"):
        assert lines.count(f"{part}.yaml:1: {where}") == 1, done.stdout


def test_a_process_with_other_threads_checks_in_turn(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(check, "_threads", lambda: 1)
    assert check._jobs(None, 7) == min(7, len(os.sched_getaffinity(0)))
    assert check._jobs(3, 2) == 2
    monkeypatch.setattr(check, "_threads", lambda: 4)
    assert check._jobs(3, 7) == 1
