"""navigator handout: a topic's handout written to a file, with no window and nothing about anyone."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from navigator.cli import main

REPO = Path(__file__).resolve().parents[3]


def run(capsys, *args):  # type: ignore[no-untyped-def]
    code = main(["handout", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_markdown_and_text_in_another_language(tmp_path, capsys):
    out = tmp_path / "h.md"
    code, said, err = run(capsys, "take-it-down", "--language", "es", "--place", "US", "--format", "markdown", "-o", str(out))
    assert code == 0, err
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# ") and "911" in text and "https://takeitdown.ftc.gov/" in text
    assert str(out) in said
    code, _said, _err = run(capsys, "helplines", "--place", "GB", "--format", "text", "-o", str(tmp_path / "h.txt"))
    assert code == 0 and "0345 6000 459" in (tmp_path / "h.txt").read_text(encoding="utf-8")


def test_age_leaves_out_what_is_only_for_adults(tmp_path, capsys):
    adult, minor = tmp_path / "a.md", tmp_path / "m.md"
    assert run(capsys, "hashing", "--format", "markdown", "-o", str(adult))[0] == 0
    assert run(capsys, "hashing", "--age", "under-18", "--format", "markdown", "-o", str(minor))[0] == 0
    assert "https://stopncii.org/" in adult.read_text(encoding="utf-8").split("## Sources")[0]
    assert "https://stopncii.org/" not in minor.read_text(encoding="utf-8").split("## Sources")[0]


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["evidence", "--language", "xx"], "no content in language 'xx'"),
        (["helplines"], "needs a place"),
        (["helplines", "--place", "ZZ"], "unknown place"),
    ],
)
def test_mistakes_exit_2_with_a_sentence(tmp_path, capsys, args, words):
    code, _out, err = run(capsys, *args, "-o", str(tmp_path / "h.pdf"))
    assert code == 2 and words in err and "Traceback" not in err
    assert not (tmp_path / "h.pdf").exists()


def test_a_folder_that_is_not_there(tmp_path, capsys):
    code, _out, err = run(capsys, "evidence", "--format", "text", "-o", str(tmp_path / "gone" / "h.txt"))
    assert code == 2 and "could not be written" in err


@pytest.mark.slow
def test_pdf_says_nothing_about_when_or_who_made_it(tmp_path):
    """The PDF is laid out by Qt without a window, in its own process hardened like the app."""
    out = tmp_path / "h.pdf"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "navigator", "handout", "take-it-down", "--language", "ar", "--place", "US", "-o", str(out)],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "pages" not in result.stderr
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    assert b"CreationDate (D:" not in data and b"xmp:CreateDate" not in data and b"Qt " not in data
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
        assert "Pages:           1" in info
        assert "CreationDate" not in info and "Producer" not in info
