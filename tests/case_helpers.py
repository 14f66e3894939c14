"""Shared by the case-file tests: cheap key derivation, a writer, and a case with every kind of entry."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from navigator.core import case_file
from navigator.core.case import Address, Evidence, Moment, Note, Report, Route, Update
from navigator.core.case_file import CaseFile, KdfParams
from navigator.privacy.files import write_whole

PASSPHRASE = "correct horse battery staple"
# 1 MiB, one pass: a test derives a key in about a millisecond. The shipped settings are checked
# in test_case_file.py::test_shipped_key_derivation_settings and timed in benchmarks/case_file.py.
CHEAP_KDF = KdfParams(memory_kib=1024, passes=1, lanes=1)
T0 = datetime(2026, 11, 2, 15, 0, tzinfo=UTC)


def cheap_kdf(monkeypatch) -> None:
    monkeypatch.setattr(case_file, "DEFAULT_KDF", CHEAP_KDF)
    monkeypatch.setattr(case_file, "ALLOWED_KDF", frozenset({CHEAP_KDF, *case_file.ALLOWED_KDF}))


def write(path: Path, data: bytes) -> None:
    write_whole(path, data, private=True)


def filled(path: Path, now: datetime = T0) -> CaseFile:
    """A case file with two addresses, a file of evidence, two reports (one overdue) and an update."""
    opened = CaseFile.create(path, PASSPHRASE, now, write)
    opened.add(Address(id="a1", url="https://forum.example/t/123", platform="reddit", account="u/someone"), now)
    opened.add(Address(id="a2", url="https://pics.example/p/9", platform="other", site_name="pics.example"), now)
    opened.add(Evidence(id="e3", name="shot.png", path="/nowhere/shot.png", size=10, sha256="ab" * 32, address_ids=["a1"]), now)
    sent = Moment(utc=now - timedelta(hours=72), zone="America/Chicago")
    opened.add(
        Report(
            id="r4",
            address_ids=["a1"],
            route=Route(kind="notice", ref="navigator://notice/tida-removal-request"),
            sent=sent,
            reference="T-1",
            legal_basis="navigator://law/us-take-it-down-platform-duty",
            deadline_hours=48,
        ),
        now,
    )
    opened.add(Report(id="r5", address_ids=["a2"], route=Route(kind="other", label="Email to the host"), sent=sent), now)
    opened.add(Update(report_id="r5", status="refused", when=Moment(utc=now - timedelta(hours=1))), now)
    opened.add(Note(text="Called the helpline."), now)
    return opened
