"""`navigator case verify|report`: works on the shipped sample, exits 0/1/2 as documented, one plain
sentence for each problem, never a traceback, and the case file is never changed."""

from __future__ import annotations

import hashlib
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from navigator.cli import main
from navigator.core.case import Note
from navigator.core.case_file import CHECKSUM, CaseFile, open_blob
from tests.case_helpers import PASSPHRASE, SAMPLE, cheap_kdf, filled, sample_case, write

REPO = Path(__file__).resolve().parents[3]


def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, passphrase: str, *args: str) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(passphrase + "\n"))
    code = main(["case", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_sample_holds_what_its_script_makes():
    """tests/fixtures/case/sample.navcase is made by make_sample.py, with the shipped key settings."""
    case, _key = open_blob(SAMPLE.read_bytes(), PASSPHRASE)
    assert case.to_json() == sample_case().to_json()
    assert case.intact


def test_verify_the_sample(capsys, monkeypatch):
    before = SAMPLE.read_bytes()
    code, out, err = run(capsys, monkeypatch, PASSPHRASE, "verify", str(SAMPLE))
    assert (code, err) == (0, "")
    assert "The seal holds" in out and "The chain holds" in out
    assert "Addresses: 3. Files kept as proof: 2. Reports: 3." in out
    assert "Overdue: 1. Waiting: 0. Removed: 1. Refused: 1." in out
    assert sample_case().head in out
    assert SAMPLE.read_bytes() == before


def test_verify_an_earlier_fingerprint(capsys, monkeypatch):
    printed = sample_case().entries[4].hash
    code, out, _ = run(capsys, monkeypatch, PASSPHRASE, "verify", str(SAMPLE), "--expect", printed.upper())
    assert code == 0 and "Found in the chain" in out
    code, out, _ = run(capsys, monkeypatch, PASSPHRASE, "verify", str(SAMPLE), "--expect", "ab" * 32)
    assert code == 1 and "Not in the chain" in out


def test_verify_wrong_passphrase(capsys, monkeypatch):
    code, out, err = run(capsys, monkeypatch, "correct horse battery", "verify", str(SAMPLE))
    assert (code, out) == (2, "")
    assert err.strip() == "That passphrase does not open this case file. Nothing was changed. Please try again."


def test_verify_a_broken_chain(tmp_path, capsys, monkeypatch):
    """Someone with the passphrase edits an entry and seals the file again: the chain shows it."""
    cheap_kdf(monkeypatch)
    path = tmp_path / "case.navcase"
    opened = filled(path)
    case, key = open_blob(path.read_bytes(), PASSPHRASE)
    document = case.to_json()
    document["entries"][2]["data"]["name"] = "something-else.png"
    from navigator.core.case_file import seal

    write(path, seal(document, key))
    code, out, err = run(capsys, monkeypatch, PASSPHRASE, "verify", str(path))
    assert code == 1 and err == ""
    assert "The seal holds" in out
    assert "The chain is broken at entry 3" in out
    assert opened is not None


@pytest.mark.parametrize(
    ("damage", "code", "message"),
    [
        ("flip", 1, "This case file is damaged"),
        ("truncate", 1, "This case file is damaged"),
        ("not-a-case", 2, "This is not a Navigator case file."),
        ("missing", 2, "Navigator could not read this file. The file or its folder is not there any more."),
        ("newer", 2, "This case file was made by a newer version of Navigator."),
        ("altered", 1, "This case file was changed outside Navigator"),
    ],
)
def test_verify_bad_files(tmp_path, capsys, monkeypatch, damage, code, message):
    cheap_kdf(monkeypatch)
    path = tmp_path / "case.navcase"
    filled(path)
    blob = bytearray(path.read_bytes())
    if damage == "flip":
        blob[500] ^= 0x10
    elif damage == "truncate":
        del blob[-100:]
    elif damage == "not-a-case":
        blob = bytearray(b"%PDF-1.7\n")
    elif damage == "newer":
        blob[9] = 2
    elif damage == "altered":
        blob[300] ^= 1
    if damage in ("newer", "altered"):
        body = bytes(blob[:-CHECKSUM])
        blob = bytearray(body + hashlib.sha256(body).digest())
    if damage == "missing":
        path.unlink()
    else:
        path.write_bytes(bytes(blob))
    got, out, err = run(capsys, monkeypatch, PASSPHRASE, "verify", str(path))
    assert got == code
    assert err.startswith(message)
    assert "Traceback" not in out + err


@pytest.mark.parametrize(
    ("fmt", "locale", "words"),
    [("markdown", "en", "# Evidence report"), ("text", "es", "Informe de pruebas"), ("markdown", "ar", "# تقرير الأدلة")],
)
def test_report(tmp_path, capsys, monkeypatch, fmt, locale, words):
    out_path = tmp_path / f"report.{fmt}"
    code, _out, err = run(capsys, monkeypatch, PASSPHRASE, "report", str(SAMPLE), "--format", fmt, "-o", str(out_path), "--locale", locale)
    assert code == 0, err
    text = out_path.read_text(encoding="utf-8")
    assert words in text
    assert (fmt == "markdown") == ("`https://forum.example/t/8812`" in text)
    for entry in sample_case().entries:
        assert entry.hash in text
    assert "https://forum.example/t/8812" in text
    assert "5f1d3a0c9be2a4e7d6c8b3f2a1e0d9c8b7a6f5e4d3c2b1a09f8e7d6c5b4a3921" in text
    assert oct(out_path.stat().st_mode & 0o777) == "0o600"


def test_report_refuses_an_unknown_language_and_a_bad_place(tmp_path, capsys, monkeypatch):
    code, _, err = run(capsys, monkeypatch, PASSPHRASE, "report", str(SAMPLE), "-o", str(tmp_path / "r.txt"), "--locale", "xx")
    assert code == 2 and "no content in the language 'xx'" in err
    code, _, err = run(capsys, monkeypatch, PASSPHRASE, "report", str(SAMPLE), "-o", str(tmp_path / "gone" / "r.txt"))
    assert code == 2
    assert err.strip() == "The report could not be saved there. The file or its folder is not there any more."


@pytest.mark.slow
def test_pdf_report_in_a_separate_process(tmp_path):
    """The PDF is laid out by Qt without a window; the process is hardened like the app."""
    out_path = tmp_path / "report.pdf"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "navigator", "case", "report", str(SAMPLE), "--format", "pdf", "-o", str(out_path), "--locale", "fr"],
        input=PASSPHRASE + "\n",
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert out_path.read_bytes().startswith(b"%PDF")
    assert "Traceback" not in result.stderr


def test_a_case_saved_after_verify_is_unchanged_by_it(tmp_path, capsys, monkeypatch):
    cheap_kdf(monkeypatch)
    path = tmp_path / "case.navcase"
    filled(path)
    before = path.read_bytes()
    run(capsys, monkeypatch, PASSPHRASE, "verify", str(path))
    assert path.read_bytes() == before
    CaseFile.unlock(path, PASSPHRASE, write).add(Note(text="still works"), sample_case().created)
