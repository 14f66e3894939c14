"""What Navigator renders and exports reads no file and carries nothing about the person
(security review F4, F12).

- ``render_script.py`` gives every kind of document Navigator makes text that asks for local
  images (absolute and relative paths, Markdown and HTML) and, under strace, no system call may
  name those files; the control run with Qt's plain documents must be seen reading them.
- The exported PDFs embed no image (``pdfimages -list``) and say nothing of when, where or with
  what they were made (``pdfinfo``, ``pdfinfo -meta``, under a time zone far from UTC).
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import sys
import zlib
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.privacy.test_no_trace import STRACE

pytestmark = pytest.mark.slow

HERE = Path(__file__).resolve().parent


def png(width: int = 24, height: int = 16) -> bytes:
    """A small red picture, made here (a file the person would not want shown or sent)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


PHASES = ("reader", "pdf", "print", "message-box", "widget-tooltip", "item-tooltip", "letter", "end")


def render(tmp_path: Path, guard: str) -> tuple[subprocess.CompletedProcess[str], dict[str, list[str]], Path]:
    """Run render_script.py; the files each phase of it read, from the system-call trace."""
    secrets = tmp_path / "secrets"
    secrets.mkdir()
    (secrets / "secret-absolute.png").write_bytes(png())
    work = tmp_path / "cwd"
    work.mkdir()
    (work / "secret-relative.png").write_bytes(png())
    out = tmp_path / "out"
    out.mkdir()
    command = [sys.executable, str(HERE / "render_script.py"), guard, str(out), str(secrets)]
    trace = tmp_path / "trace"
    if STRACE:
        command = ["strace", "-f", "-qq", "-e", "trace=%file", "-e", "signal=none", "-o", str(trace), *command]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    done = subprocess.run(command, env=env, cwd=work, capture_output=True, text=True, timeout=300, check=False)
    reads: dict[str, list[str]] = {}
    current = "start"
    for line in trace.read_text(errors="replace").splitlines() if STRACE else []:
        marker = re.search(r"/navigator-phase-([\w-]+)", line)
        if marker:
            current = marker[1]
        elif "secret-" in line:
            reads.setdefault(current, []).append(line)
    return done, reads, out


def embedded_images(pdf: Path) -> list[str]:
    listing = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    return listing.splitlines()[2:]  # after the two header lines


@pytest.mark.skipif(not STRACE, reason="needs strace (./dev test installs it)")
def test_no_document_reads_a_file(tmp_path):
    done, reads, _out = render(tmp_path, "guarded")
    assert done.returncode == 0 and "done" in done.stdout, done.stderr[-2000:]
    assert reads == {}


@pytest.mark.skipif(not STRACE, reason="needs strace (./dev test installs it)")
def test_qts_plain_documents_would_read_the_files(tmp_path):
    """Control: the same text in Qt's own documents is read from the disk, in every place but the
    letter (a plain-text editor either way), and the test sees it. (The print-out lays out the
    document the PDF already read; that its paper would carry the image is shown by the next test.)"""
    done, reads, _out = render(tmp_path, "unguarded")
    assert done.returncode == 0, done.stderr[-2000:]
    assert sorted(reads) == sorted(["reader", "pdf", "message-box", "widget-tooltip", "item-tooltip"]), reads
    every = [line for lines in reads.values() for line in lines]
    assert any("secret-absolute.png" in line for line in every) and any("secret-relative.png" in line for line in every)


@pytest.mark.skipif(not shutil.which("pdfimages"), reason="needs pdfimages (poppler-utils)")
@pytest.mark.parametrize("guard", ["guarded", "unguarded"])
def test_exported_pdfs_embed_no_image(tmp_path, guard):
    """The saved and the printed plan hold no image; with Qt's plain documents (control) they would."""
    done, _reads, out = render(tmp_path, guard)
    assert done.returncode == 0, done.stderr[-2000:]
    for name in ("plan.pdf", "printed.pdf"):
        assert (embedded_images(out / name) == []) is (guard == "guarded"), name


def _pdf_in(zone: str, tmp_path: Path, maker: str) -> Path:
    """A PDF made in a child process whose clock is in ``zone`` (Qt reads the zone at start)."""
    code = (
        "import sys; from pathlib import Path\n"
        "from navigator.app import create_app\n"
        "app = create_app()\n"
        f"{maker}\n"
        "Path(sys.argv[1]).write_bytes(data)\n"
    )
    path = tmp_path / f"{zone.replace('/', '-')}.pdf"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TZ": zone, "PYTHONPATH": str(REPO)}
    subprocess.run([sys.executable, "-c", code, str(path)], env=env, cwd=REPO, check=True, capture_output=True, timeout=120)
    return path


PLAN = "from navigator.ui.pages.plan import pdf_bytes\ndata = pdf_bytes('# Your plan\\n\\nStep one.', 'Your plan')"
CASE_REPORT = (
    "from datetime import datetime, UTC\n"
    "from navigator.core.library import Library\nfrom navigator.paths import content_root\n"
    "from navigator.ui.case_export import report_bytes\n"
    "from tests.case_helpers import sample_case\n"
    "data = report_bytes(sample_case(), Library(content_root()).view, 'en', 'pdf', datetime(2026, 11, 30, tzinfo=UTC))"
)


@pytest.mark.skipif(not shutil.which("pdfinfo"), reason="needs pdfinfo (poppler-utils)")
@pytest.mark.parametrize("maker", [PLAN, CASE_REPORT], ids=["plan", "case-report"])
def test_pdf_metadata_holds_the_title_only(tmp_path, maker):
    """No creator, producer, date, time zone or document id; the title stays (screen readers say it)."""
    path = _pdf_in("Asia/Kolkata", tmp_path, maker)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    fields = dict(re.findall(r"^(\w[\w ]*?):\s*(.*)$", info, re.M))
    assert fields.get("Title") in ("Your plan", "Evidence report")
    for name in ("Creator", "Producer", "CreationDate", "ModDate"):
        assert not fields.get(name), (name, fields.get(name))
    meta = subprocess.run(["pdfinfo", "-meta", str(path)], capture_output=True, text=True, check=True).stdout
    assert "<dc:title>" in meta
    for word in ("CreateDate", "ModifyDate", "MetadataDate", "DocumentID", "Producer", "CreatorTool", "Navigator", "+05:30"):
        assert word not in meta, word
    raw = path.read_bytes()
    year = str(datetime.now(UTC).year).encode()
    assert b"+05'30'" not in raw and b"Qt " not in raw and b"D:" + year not in raw
