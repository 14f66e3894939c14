"""Case file benchmark: unlock time, open and save with 1,000 entries, evidence report of 1,000 entries.

Measures, each beside a baseline from the same run:

- unlock: the shipped Argon2id settings (the key derivation alone, and a whole unlock of a small
  file), against the scrypt settings of "Remember my settings" (navigator/privacy/remembered.py);
- open (read, checksum, decrypt, read the log, check the chain) and save (one more entry: seal
  and the whole-or-nothing write with fsync) of a case of 1,000 entries, beyond the key
  derivation, against the same for 10 entries. Target (issue 12): under 100 ms each;
- the evidence report of 1,000 entries as Markdown and as PDF, against 10 entries.

Run from the repository root:

    .venv/bin/python benchmarks/case_file.py            # 7 runs of each (about a minute)
    .venv/bin/python benchmarks/case_file.py --runs 3

Results are printed as a Markdown table and saved to benchmarks/out/case-file.md and .json.
Qt runs on the offscreen platform unless QT_QPA_PLATFORM is set.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "benchmarks" / "out"
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from navigator.core.case import Address, Case, EntryKind, Evidence, Moment, Note, Report, Route, Update  # noqa: E402
from navigator.core.case import _Data as EntryData  # noqa: E402
from navigator.core.case_file import DEFAULT_KDF, CaseFile, Key, derive, open_with_key, read_blob, seal  # noqa: E402
from navigator.privacy.files import write_whole  # noqa: E402

PASSPHRASE = "correct horse battery staple"
START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def write(path: Path, data: bytes) -> None:
    write_whole(path, data, private=True)


def median_of(runs: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def synthetic_case(entries: int) -> Case:
    """A case of realistic entries: addresses, files, reports (half under a 48-hour law), updates, notes."""
    case = Case.new(START)
    reports: list[str] = []
    for number in range(entries):
        now = START + timedelta(minutes=7 * number)
        kind = number % 6
        data: EntryData
        if kind == 0:
            data = Address(
                id=case.next_id(EntryKind.ADDRESS),
                url=f"https://site{number % 37}.example/posts/{number * 7919}?ref=share",
                platform=("reddit", "x", "other")[number % 3],
                account=f"@account_{number}",
                first_seen=Moment(utc=now - timedelta(hours=5), zone="Europe/Madrid"),
                notes="Found by a friend who sent the link.",
            )
        elif kind == 1:
            data = Evidence(
                id=case.next_id(EntryKind.EVIDENCE),
                name=f"Screenshot {number}.png",
                path=f"/home/person/Pictures/proof/Screenshot {number}.png",
                size=200_000 + number,
                sha256=f"{number:064x}",
                modified=now - timedelta(minutes=3),
            )
        elif kind in (2, 3):
            report_id = case.next_id(EntryKind.REPORT)
            reports.append(report_id)
            data = Report(
                id=report_id,
                route=Route(kind="platform", ref="navigator://platform/reddit", route="report-form"),
                sent=Moment(utc=now, zone="America/Chicago"),
                reference=f"REF-{number:06d}",
                legal_basis="navigator://law/us-take-it-down-platform-duty" if number % 2 else "",
                deadline_hours=48 if number % 2 else None,
            )
        elif kind == 4 and reports:
            data = Update(report_id=reports[number % len(reports)], status=("removed", "refused")[number % 2], when=Moment(utc=now))
        else:
            data = Note(text="Called the helpline; they will call back tomorrow morning. " * 2)
        case = case.append(data, now)
    return case


def file_for(case: Case, folder: Path, key: Key) -> Path:
    path = folder / f"case-{len(case.entries)}.navcase"
    write(path, seal(case.to_json(), key))
    return path


def open_and_save(path: Path, key: Key, runs: int) -> tuple[float, float]:
    opened = median_of(runs, lambda: open_with_key(read_blob(path), key))
    case_file = CaseFile(path, open_with_key(read_blob(path), key), key, write)
    saved = median_of(runs, lambda: case_file.add(Note(text="one more"), datetime.now(UTC)))
    return opened, saved


def reports(case: Case, runs: int) -> tuple[float, float, int, int]:
    from navigator.app import create_app
    from navigator.core.library import Library
    from navigator.paths import content_root
    from navigator.ui.case_export import report_bytes

    create_app()
    view = Library(content_root()).view_for("en")
    now = datetime.now(UTC)
    markdown = median_of(runs, lambda: report_bytes(case, view, "en", "markdown", now))
    pdf = median_of(max(1, runs // 2), lambda: report_bytes(case, view, "en", "pdf", now))
    return markdown, pdf, len(report_bytes(case, view, "en", "markdown", now)), len(report_bytes(case, view, "en", "pdf", now))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    runs = args.runs
    results: dict[str, object] = {}
    from navigator.privacy import remembered

    salt = os.urandom(16)
    results["argon2id_s"] = median_of(runs, lambda: derive(PASSPHRASE, salt, DEFAULT_KDF))
    results["scrypt_baseline_s"] = median_of(
        runs, lambda: remembered.derive_key(PASSPHRASE, salt, remembered.SCRYPT_N, remembered.SCRYPT_R, remembered.SCRYPT_P)
    )
    key = Key(derive(PASSPHRASE, salt, DEFAULT_KDF), salt, DEFAULT_KDF)
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        small, large = synthetic_case(10), synthetic_case(1000)
        small_path, large_path = file_for(small, folder, key), file_for(large, folder, key)
        results["unlock_small_s"] = median_of(runs, lambda: CaseFile.unlock(small_path, PASSPHRASE, write))
        results["file_bytes_1000"] = large_path.stat().st_size
        results["open_10_s"], results["save_10_s"] = open_and_save(small_path, key, runs)
        results["open_1000_s"], results["save_1000_s"] = open_and_save(large_path, key, runs)
    md_small, pdf_small, _, _ = reports(small, runs)
    md_large, pdf_large, md_bytes, pdf_bytes = reports(large, runs)
    results |= {
        "report_md_10_s": md_small,
        "report_pdf_10_s": pdf_small,
        "report_md_1000_s": md_large,
        "report_pdf_1000_s": pdf_large,
        "report_md_bytes_1000": md_bytes,
        "report_pdf_bytes_1000": pdf_bytes,
    }

    def ms(name: str) -> str:
        value = results[name]
        assert isinstance(value, float)
        if value < 0.01:
            return f"{value * 1000:.1f} ms"
        return f"{value * 1000:.0f} ms" if value < 10 else f"{value:.1f} s"

    kdf = DEFAULT_KDF
    rows = [
        (
            f"Key derivation, Argon2id {kdf.memory_kib // 1024} MiB, {kdf.passes} passes, {kdf.lanes} lane",
            ms("argon2id_s"),
            f"scrypt N=2^17, r=8: {ms('scrypt_baseline_s')}",
        ),
        ("Unlock a small case file (derivation + open)", ms("unlock_small_s"), ""),
        ("Open 1,000 entries, beyond the key derivation", ms("open_1000_s"), f"10 entries: {ms('open_10_s')}"),
        ("Save one more entry to 1,000 (seal + whole-or-nothing write, fsync)", ms("save_1000_s"), f"10 entries: {ms('save_10_s')}"),
        ("Evidence report, 1,000 entries, Markdown", ms("report_md_1000_s"), f"10 entries: {ms('report_md_10_s')}"),
        ("Evidence report, 1,000 entries, PDF", ms("report_pdf_1000_s"), f"10 entries: {ms('report_pdf_10_s')}"),
    ]
    lines = [
        f"Measured {datetime.now(UTC):%Y-%m-%d} on {platform.system()} {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, median of {runs} runs.",
        "",
        "| Measure | Navigator | Baseline (same run) |",
        "|---|---|---|",
        *[f"| {a} | {b} | {c} |" for a, b, c in rows],
        "",
        f"A case file of 1,000 entries is {results['file_bytes_1000']:,} bytes; its report is {results['report_md_bytes_1000']:,} bytes of Markdown, "
        f"{results['report_pdf_bytes_1000']:,} bytes of PDF.",
    ]
    text = "\n".join(lines)
    print(text)
    OUT.mkdir(exist_ok=True)
    (OUT / "case-file.md").write_text(text + "\n", encoding="utf-8")
    (OUT / "case-file.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
