"""``navigator case``: check a case file, or make its evidence report, without opening a window.

For advocates and lawyers who are given a case file and its passphrase:

    navigator case verify FILE [--expect HASH ...]
    navigator case report FILE --format text|markdown|pdf -o OUT [--locale es]

The passphrase is asked for without showing it, or read from the first line of standard input
when that is not a terminal (``printf '%s\\n' "$PASS" | navigator case verify FILE``). Nothing is
written except the report asked for, and the case file is never changed.

Exit codes of ``verify``: 0 when the seal (encryption and checksum) and the chain of entries hold
and every ``--expect`` hash is in the chain; 1 when they do not; 2 for a wrong passphrase, a file
that cannot be read or is not a case file. Each problem is one plain sentence, never a traceback.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from navigator import i18n
from navigator.core.case import Case, ReportState, anchored, fold
from navigator.core.case_file import (
    AlteredError,
    CaseFileError,
    DamagedError,
    Key,
    open_blob,
    read_blob,
)
from navigator.core.case_text import problem_text
from navigator.core.loader import SOURCE_LOCALE
from navigator.i18n import _
from navigator.paths import content_root

# A broken seal means the file itself cannot be trusted: that is a "does not hold" (1), like a broken
# chain. The rest (wrong passphrase, not a case file, unreadable, newer) mean it could not be checked (2).
SEAL_BROKEN = (DamagedError, AlteredError)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "case",
        help="check a case file, or make its evidence report",
        description="Check a case file, or make its evidence report. The case file is never changed.",
    )
    sub = parser.add_subparsers(dest="case_command", required=True)
    verify = sub.add_parser("verify", help="check the seal and the chain of entries; print a summary")
    verify.add_argument("file", type=Path, metavar="FILE")
    verify.add_argument(
        "--expect",
        action="append",
        default=[],
        metavar="HASH",
        help="an entry fingerprint printed in an earlier report; it must still be in the chain (may be repeated)",
    )
    verify.set_defaults(func=run_verify)
    report = sub.add_parser("report", help="write the evidence report (text, Markdown or PDF)")
    report.add_argument("file", type=Path, metavar="FILE")
    report.add_argument("--format", choices=("text", "markdown", "pdf"), default="text", help="default: text")
    report.add_argument("-o", "--output", type=Path, required=True, metavar="OUT", help="where to write the report")
    report.add_argument("--locale", default=SOURCE_LOCALE, help="language of the report (default: en)")
    report.add_argument("--content", metavar="DIR", help="content folder (default: the shipped one)")
    report.set_defaults(func=run_report)


def read_passphrase(stdin: TextIO | None = None) -> str:
    stream = stdin or sys.stdin
    if stream.isatty():
        return getpass.getpass(_("Passphrase: "))
    return stream.readline().rstrip("\r\n")


def _open(path: Path) -> tuple[Case, Key]:
    return open_blob(read_blob(path), read_passphrase())


def summary(case: Case, now: datetime) -> list[str]:
    state = fold(case, now)
    counts = {s: len(state.by_state(s)) for s in ReportState}
    number = i18n.format_number
    return [
        _("Started on {date}; {count} entries.").format(date=i18n.format_date(case.created.date()), count=number(len(case.entries))),
        _("Addresses: {addresses}. Files kept as proof: {files}. Reports: {reports}.").format(
            addresses=number(len(state.addresses)), files=number(len(state.evidence)), reports=number(len(state.reports))
        ),
        _("Overdue: {overdue}. Waiting: {waiting}. Removed: {removed}. Refused: {refused}.").format(
            overdue=number(counts[ReportState.OVERDUE]),
            waiting=number(counts[ReportState.WAITING]),
            removed=number(counts[ReportState.REMOVED]),
            refused=number(counts[ReportState.REFUSED]),
        ),
        _("Fingerprint of the last entry: {hash}").format(hash=case.head),
    ]


def run_verify(args: argparse.Namespace) -> int:
    try:
        case, key = _open(args.file)
    except SEAL_BROKEN as exc:
        print(problem_text(exc, _), file=sys.stderr)
        print(_("The seal does not hold."), file=sys.stderr)
        return 1
    except CaseFileError as exc:
        print(problem_text(exc, _), file=sys.stderr)
        return 2
    key.wipe()
    print(_("The seal holds: the file is whole and was not changed outside Navigator."))
    holds = case.intact
    if holds:
        print(_("The chain holds: no entry was changed, removed or moved."))
    else:
        first = min(p.seq for p in case.problems) + 1
        print(_("The chain is broken at entry {number}: that entry or one before it was changed or removed.").format(number=first))
    for expected in args.expect:
        if anchored(case, expected):
            print(_("Found in the chain: {hash}").format(hash=expected))
        else:
            holds = False
            print(_("Not in the chain: {hash}. The file was changed after the report that printed it.").format(hash=expected))
    for line in summary(case, datetime.now(UTC)):
        print(line)
    return 0 if holds else 1


def run_report(args: argparse.Namespace) -> int:
    from navigator.core.localize import available_locales
    from navigator.core.plan import ContentView

    root = Path(args.content) if args.content else content_root()
    if args.locale not in available_locales(root):
        print(_("There is no content in the language '{locale}'.").format(locale=args.locale), file=sys.stderr)
        return 2
    try:
        case, key = _open(args.file)
    except CaseFileError as exc:
        print(problem_text(exc, _), file=sys.stderr)
        return 2
    key.wipe()
    from navigator.core.library import Library

    library = Library(root)
    view: ContentView = library.view_for(args.locale)
    if args.format == "pdf":
        _qt_for_pdf()
    from navigator.privacy.files import write_whole
    from navigator.ui.case_export import report_bytes

    data = report_bytes(case, view, args.locale, args.format, datetime.now(UTC))
    try:
        write_whole(args.output, data)
    except OSError as exc:
        from navigator.core.case_text import reason_text

        print(_("The report could not be saved there. {reason}").format(reason=reason_text(exc.errno, _)), file=sys.stderr)
        return 2
    print(_("The report was saved: {path}").format(path=args.output))
    return 0


_qt_app: object = None


def _qt_for_pdf() -> None:
    """A windowless Qt application, hardened like the app (no font or shader caches), to lay out the PDF."""
    global _qt_app
    import os

    from navigator.privacy.process import harden_process

    harden_process()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    _qt_app = QApplication.instance() or QApplication([sys.argv[0]])
