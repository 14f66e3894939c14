"""Shared by the case-file tests: cheap key derivation, a writer, and a case with every kind of entry."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from navigator.core import case_file
from navigator.core.case import Address, Case, Evidence, Moment, Note, Report, Route, Update
from navigator.core.case import _Data as EntryData
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
    write_whole(path, data)


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


SAMPLE = Path(__file__).resolve().parent / "fixtures" / "case" / "sample.navcase"
SAMPLE_START = datetime(2026, 11, 2, 14, 0, tzinfo=UTC)


def sample_case() -> Case:
    """The log inside tests/fixtures/case/sample.navcase, the same on every run.

    Three addresses, two files of evidence, three reports: one under the TAKE IT DOWN Act's 48 hours
    and never answered (overdue from 4 November 2026 on), one removed, one refused.
    """
    chicago = "America/Chicago"

    def at(hours: float) -> datetime:
        return SAMPLE_START + timedelta(hours=hours)

    def when(hours: float) -> Moment:
        return Moment(utc=at(hours), zone=chicago)

    steps: list[tuple[float, EntryData]] = [
        (0, Address(id="a1", url="https://forum.example/t/8812", platform="reddit", account="u/throwaway_4471", first_seen=when(-20))),
        (0.1, Address(id="a2", url="https://x.example/someone/status/99120", platform="x", account="@someone", first_seen=when(-6))),
        (
            0.2,
            Address(
                id="a3",
                url="https://imagehost.example/i/k2Jd9",
                platform="other",
                site_name="imagehost.example",
                notes="Linked from the forum post.",
            ),
        ),
        (
            0.5,
            Evidence(
                id="e4",
                name="forum-post.png",
                path="/home/sam/Documents/proof/forum-post.png",
                size=284_113,
                sha256="5f1d3a0c9be2a4e7d6c8b3f2a1e0d9c8b7a6f5e4d3c2b1a09f8e7d6c5b4a3921",
                modified=at(-1),
                address_ids=["a1"],
            ),
        ),
        (
            1,
            Report(
                id="r5",
                address_ids=["a1"],
                route=Route(kind="notice", ref="navigator://notice/tida-removal-request"),
                sent=when(1),
                reference="REQ-20261102-77",
                legal_basis="navigator://law/us-take-it-down-platform-duty",
                deadline_hours=48,
                notes="Sent through the site's removal form.",
            ),
        ),
        (
            1.2,
            Report(
                id="r6",
                address_ids=["a2"],
                route=Route(kind="platform", ref="navigator://platform/x"),
                sent=when(1.2),
                reference="0998-1123",
            ),
        ),
        (2, Report(id="r7", address_ids=["a3"], route=Route(kind="other", label="Email to the image host"), sent=when(2))),
        (30, Update(report_id="r6", status="removed", when=when(29))),
        (72, Update(report_id="r7", status="refused", when=when(70), notes="They said it does not break their rules.")),
        (
            72.2,
            Evidence(
                id="e10",
                name="host-reply.eml",
                path="/home/sam/Documents/proof/host-reply.eml",
                size=6_042,
                sha256="0e2c4a6b8d1f3e5a7c9b2d4f6a8c1e3b5d7f9a2c4e6b8d1f3a5c7e9b2d4f6a81",
                modified=at(70),
                address_ids=["a3"],
            ),
        ),
        (72.5, Note(text="Talked to the helpline. They will help with the next step.")),
    ]
    case = Case.new(SAMPLE_START)
    for hours, data in steps:
        case = case.append(data, at(hours))
    return case
