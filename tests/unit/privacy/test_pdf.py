"""A PDF's information dictionary and XMP packet say nothing but the title (navigator/privacy/pdf.py)."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from navigator.privacy.pdf import neutral_info, xmp


def minimal_pdf(info: bytes) -> bytes:
    """A one-page PDF with a correct cross-reference table and ``info`` as its information dictionary."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
        info,
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info 4 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


INFO = b"<< /Title (Your plan) /Creator (Navigator) /Producer (Qt 6.11.3) /CreationDate (D:20261130161328-06'00') /ModDate (D:20261130161328-06'00') >>"


def test_producer_creator_and_dates_are_blanked_in_place():
    before = minimal_pdf(INFO)
    after = neutral_info(before)
    assert len(after) == len(before)  # every offset in the file stays true
    for word in (b"Navigator", b"Qt 6", b"D:2026", b"-06'00'", b"Creator", b"Producer"):
        assert word in before and word not in after
    assert b"/Title (Your plan)" in after


def test_only_the_information_dictionary_is_touched():
    page_text = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Producer (kept: not the info) >>"
    pdf = minimal_pdf(INFO).replace(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>", page_text)
    assert b"/Producer (kept: not the info)" in neutral_info(pdf)


def test_escaped_parentheses_inside_a_value():
    pdf = minimal_pdf(b"<< /Title (x) /Creator (Nav \\(igator\\)) >>")
    assert b"igator" not in neutral_info(pdf)


def test_a_pdf_without_information_is_left_alone():
    pdf = minimal_pdf(INFO).replace(b" /Info 4 0 R", b"")
    assert neutral_info(pdf) == pdf
    assert neutral_info(b"not a pdf") == b"not a pdf"


def test_xmp_holds_the_title_only_and_escapes_it():
    packet = xmp('Plan <&> "x"').decode()
    assert "&lt;&amp;&gt;" in packet and "<dc:title>" in packet
    for word in ("Date", "DocumentID", "Producer", "CreatorTool", "uuid"):
        assert word not in packet


@pytest.mark.skipif(not shutil.which("pdfinfo"), reason="needs pdfinfo (poppler-utils)")
def test_pdfinfo_reads_the_result(tmp_path):
    path = tmp_path / "plan.pdf"
    path.write_bytes(neutral_info(minimal_pdf(INFO)))
    done = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    assert "Title:           Your plan" in done.stdout
    assert "Creator" not in done.stdout and "Producer" not in done.stdout and "CreationDate" not in done.stdout
    assert done.stderr == ""  # no "Syntax Error": the file is still sound
