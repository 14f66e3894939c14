"""`navigator plan`: the same plan from a file of answers, and clear messages for a bad file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from navigator.cli import main

TEXAS = """\
# An adult, a fake image on X and Reddit, living in Texas
safe-now: safe
what-happened: ai-made
age: adult
where: [x, reddit]
country: us
us-state: us-tx
"""


def run(tmp_path: Path, capsys: pytest.CaptureFixture[str], answers: str, *args: str) -> tuple[int, str, str]:
    path = tmp_path / "answers.yaml"
    path.write_text(answers, encoding="utf-8")
    code = main(["plan", "--answers", str(path), "--date", "2026-11-26", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_plan(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(tmp_path, capsys, TEXAS, "--format", "json")
    assert code == 0 and err == ""
    data = json.loads(out)
    ids = [s["id"] for s in data["steps"]]
    assert ids[:2] == ["evidence", "remove-each"]
    assert [e["id"] for e in data["steps"][1]["entries"]] == ["x", "reddit"]
    assert data["regions"] == ["US-TX", "US"]


def test_text_is_the_default_and_markdown_works(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, text, _ = run(tmp_path, capsys, TEXAS)
    assert code == 0 and text.startswith("Your plan\n") and "Made on November 26, 2026." in text
    code, markdown, _ = run(tmp_path, capsys, TEXAS, "--format", "markdown")
    assert code == 0 and markdown.startswith("# Your plan\n")


def test_same_answers_same_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = run(tmp_path, capsys, TEXAS, "--format", "json")[1]
    reordered = "\n".join(reversed(TEXAS.splitlines())) + "\n"
    assert run(tmp_path, capsys, reordered, "--format", "json")[1] == first


def test_every_problem_in_the_file_is_listed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(tmp_path, capsys, "age: yes\nfoo: bar\ncountry: zz\nwhere: [dont-know, x]\n")
    assert code == 2 and out == ""
    assert "age: write the option value as text, in quotes if needed (choose from: adult, under-18" in err
    assert "'foo' is not a question of pathway 'main'" in err
    assert "question 'country' has no option 'zz'" in err
    assert "where: 'dont-know' stands alone, so the other values are left out" in err


def test_answers_to_questions_not_asked_are_noted_and_ignored(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(tmp_path, capsys, "country: gb\nus-state: us-tx\n", "--format", "json")
    assert code == 0
    assert "'us-state' is not asked with these answers, so it is left out" in err
    assert "us-state" not in json.loads(out)["answers"]


def test_bad_yaml_and_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(tmp_path, capsys, "age: [adult\n")
    assert code == 2 and "answers.yaml:2: not valid YAML" in err
    code = main(["plan", "--answers", str(tmp_path / "nope.yaml")])
    assert code == 2 and "cannot be read" in capsys.readouterr().err
    code, _, err = run(tmp_path, capsys, "- age\n")
    assert code == 2 and "must be a mapping" in err


def test_unknown_locale(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(tmp_path, capsys, TEXAS, "--locale", "xx")
    assert code == 2 and "no content in locale 'xx'" in err
