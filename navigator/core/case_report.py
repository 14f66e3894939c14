"""The evidence report: a case file as Markdown (and so plain text and PDF) for the police, a lawyer
or an advocate, in a language that may differ from the screen's.

It gives the timeline, each address, each file's SHA-256 (never the file), each report with its
legal basis, deadline and where it stands, and how to check all of it: the SHA-256 of every entry
of the log is printed, so the report itself anchors the file (``case.anchored``).

Words from content (site names, law titles, next steps) come from ``content``, already in the
report's language; the few labels added here come through ``label`` (that language's gettext) and
times through ``fmt``, so core holds no interface state.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol

from navigator.core.case import (
    Address,
    Case,
    CaseState,
    Entry,
    Evidence,
    Moment,
    Note,
    Policy,
    Report,
    ReportState,
    ReportView,
    Retract,
    Update,
    fold,
    overdue_order,
)
from navigator.core.case_text import Formats, moment_text, route_kind_label, standing_text, state_label, update_label
from navigator.core.render import Label, escape

FORMATS = ("markdown", "text", "pdf")


@dataclass(frozen=True)
class DeadlineRule:
    """What a legal basis says about time: ``hours`` after ``starts`` (words from content)."""

    hours: int
    starts: str
    source: str


@dataclass(frozen=True)
class NextStep:
    """Something to do when a report is overdue or refused: a content page, or words from content."""

    title: str
    href: str = ""


class CaseContent(Protocol):
    """What the case file needs from content, in one language (``navigator.core.case_rules``)."""

    def title_of(self, ref: str) -> str | None: ...

    def site_name(self, platform_id: str) -> str | None: ...

    def route_name(self, route_ref: str, route_id: str) -> str | None: ...

    def deadline_rule(self, legal_basis: str) -> DeadlineRule | None: ...

    def next_steps(self, view: ReportView, possibly_minor: bool = False) -> list[NextStep]: ...


def route_text(report: Report, content: CaseContent, label: Label) -> str:
    route = report.route
    names = [content.title_of(route.ref) if route.ref else None, content.route_name(route.ref, route.route) if route.route else None]
    shown = [n for n in names if n]
    if route.label:
        shown.append(route.label)
    if not shown:
        shown.append(route_kind_label(route.kind, label))
    return " — ".join(escape(n) for n in shown)


def entry_summary(entry: Entry, case_state: CaseState, content: CaseContent, label: Label) -> str:
    """One line for the timeline."""
    data = entry.data
    if isinstance(data, Address):
        return label("Seen at {address}").format(address=address_text(data.url))
    if isinstance(data, Evidence):
        return label("File recorded: {name}").format(name=escape(data.name))
    if isinstance(data, Report):
        return label("Report sent: {route}").format(route=route_text(data, content, label))
    if isinstance(data, Update):
        status = update_label(data.status, label)
        return label("Report {number}: {status}").format(number=_number(data.report_id), status=status)
    if isinstance(data, Note):
        return escape(data.text)
    if isinstance(data, Retract):
        return label("Entry {number} was a mistake: {reason}").format(number=_number(data.target), reason=escape(data.reason or "—"))
    if isinstance(data, Policy) and data.possibly_minor:
        return label("The person may have been under 18 in the images: no image files are recorded.")
    return "—"


def _number(entry_id: str) -> str:
    """How an entry is named across the report: A1 (address), E4 (evidence), R6 (report), N9 (note)."""
    return entry_id.upper()


def utc_text(moment: datetime, fmt: Formats) -> str:
    """A time Navigator recorded (not one the person gave): in UTC, and it says so."""
    return fmt.datetime(moment.astimezone(UTC)) + " UTC"


def address_text(url: str) -> str:
    """An address exactly as typed, in monospace and never a link: a report is read, not clicked."""
    return "`" + url.replace("`", "%60").replace("\n", " ") + "`"


def _bullet(name: str, value: str) -> str:
    return f"- **{name}:** {value}"


def to_markdown(case: Case, content: CaseContent, label: Label, fmt: Formats, now: datetime) -> str:
    """The whole evidence report as Markdown."""
    state = fold(case, now)
    out: list[str] = ["# " + label("Evidence report"), ""]
    out.append(
        label("Made on {date}. The case file was started on {start}.").format(date=utc_text(now, fmt), start=utc_text(case.created, fmt))
    )
    out += [
        "",
        label(
            "This report lists where the images were found, the files kept as proof, and the reports made about them, with dates and times. The files themselves are not in it: each is described by its SHA-256 fingerprint."
        ),
        "",
        "*" + label("General information, not legal advice.") + "*",
    ]
    out += ["", *_summary(case, state, label, fmt)]
    out += ["", *_addresses(case, state, content, label, fmt)]
    out += ["", *_evidence(case, state, label, fmt)]
    out += ["", *_reports(state, content, label, fmt)]
    if state.notes:
        out += ["", "## " + label("Notes"), ""]
        out += [f"- {utc_text(entry.at, fmt)}: {escape(note.text)}" for entry, note in state.notes]
    out += ["", *_timeline(case, state, content, label, fmt)]
    out += ["", *_how_to_check(case, label, fmt)]
    out += ["", "*" + label("General information, not legal advice.") + "*"]
    return "\n".join(out) + "\n"


def _summary(case: Case, state: CaseState, label: Label, fmt: Formats) -> list[str]:
    counts = {s: len(state.by_state(s)) for s in ReportState}
    out = ["## " + label("Summary"), ""]
    out.append(_bullet(label("Addresses"), fmt.number(len(state.addresses))))
    out.append(_bullet(label("Files kept as proof"), fmt.number(len(state.evidence))))
    out.append(
        _bullet(
            label("Reports"),
            label("{total} ({overdue} overdue, {waiting} waiting, {removed} removed, {refused} refused)").format(
                total=fmt.number(len(state.reports)),
                overdue=fmt.number(counts[ReportState.OVERDUE]),
                waiting=fmt.number(counts[ReportState.WAITING]),
                removed=fmt.number(counts[ReportState.REMOVED]),
                refused=fmt.number(counts[ReportState.REFUSED]),
            ),
        )
    )
    if case.intact:
        chain = label("The chain of fingerprints holds: no entry was changed or removed without it showing.")
    else:
        first = min(p.seq for p in case.problems) + 1
        chain = label("The chain of fingerprints is broken at entry {number}: that entry or one before it was changed or removed.").format(
            number=fmt.number(first)
        )
    out.append(_bullet(label("Log"), label("{count} entries.").format(count=fmt.number(len(case.entries))) + " " + chain))
    out.append(_bullet(label("Fingerprint of the last entry"), fmt.keep(f"`{case.head}`")))
    if state.possibly_minor:
        out += [
            "",
            "> " + label("The person may have been under 18 in the images. This case holds addresses only: no image files are recorded."),
        ]
    return out


def _addresses(case: Case, state: CaseState, content: CaseContent, label: Label, fmt: Formats) -> list[str]:
    out = ["## " + label("Where it was found"), ""]
    if not state.addresses:
        return [*out, label("No addresses yet.")]
    for address in state.addresses.values():
        entry = case.find(address.id)
        site = content.site_name(address.platform) if address.platform != "other" else None
        out += [f"### {_number(address.id)}. {fmt.keep(address_text(address.url))}", ""]
        out.append(_bullet(label("Site"), escape(site or address.site_name or label("Other"))))
        if address.account:
            out.append(_bullet(label("Account that posted it"), fmt.keep(escape(address.account))))
        if address.first_seen:
            out.append(_bullet(label("First seen"), moment_text(address.first_seen, fmt)))
        if address.notes:
            out.append(_bullet(label("Notes"), escape(address.notes)))
        if entry:
            out.append(_bullet(label("Recorded"), utc_text(entry.at, fmt)))
        out.append("")
    return out


def _evidence(case: Case, state: CaseState, label: Label, fmt: Formats) -> list[str]:
    out = ["## " + label("Files kept as proof"), ""]
    out.append(
        label(
            "Navigator did not copy these files. A file whose SHA-256 fingerprint is the same as the one below is the same file, to the last bit."
        )
    )
    out.append("")
    if not state.evidence:
        return [*out, label("No files yet.")]
    for item in state.evidence.values():
        entry = case.find(item.id)
        out += [f"### {_number(item.id)}. {fmt.keep(escape(item.name))}", ""]
        out.append(_bullet(label("SHA-256"), fmt.keep(f"`{item.sha256}`")))
        out.append(_bullet(label("Size"), label("{bytes} bytes").format(bytes=fmt.number(item.size))))
        if item.modified:
            out.append(_bullet(label("File last changed"), utc_text(item.modified, fmt)))
        if entry:
            out.append(_bullet(label("Recorded"), utc_text(entry.at, fmt)))
        out.append(_bullet(label("Where it was kept"), fmt.keep(escape(item.path))))
        if item.address_ids:
            out.append(_bullet(label("Shows the address"), ", ".join(_number(a) for a in item.address_ids)))
        if item.notes:
            out.append(_bullet(label("Notes"), escape(item.notes)))
        out.append("")
    return out


def _reports(state: CaseState, content: CaseContent, label: Label, fmt: Formats) -> list[str]:
    out = ["## " + label("Reports and requests"), ""]
    if not state.reports:
        return [*out, label("No reports yet.")]
    for view in overdue_order(state.reports.values()):
        report = view.report
        out += [f"### {_number(report.id)}. {route_text(report, content, label)}: {state_label(view.state, label)}", ""]
        out.append(_bullet(label("Sent"), moment_text(report.sent, fmt)))
        if report.reference:
            out.append(_bullet(label("Reference number"), fmt.keep(escape(report.reference))))
        if report.address_ids:
            out.append(_bullet(label("About the addresses"), ", ".join(_number(a) for a in report.address_ids)))
        if report.legal_basis:
            out.append(_bullet(label("Legal basis"), escape(content.title_of(report.legal_basis) or report.legal_basis)))
        if view.due:
            when = moment_text(Moment(utc=view.due.deadline, zone=report.sent.zone), fmt)
            rule = content.deadline_rule(report.legal_basis) if report.legal_basis else None
            hours = label("{hours} hours after it was sent").format(hours=fmt.number(report.deadline_hours or 0))
            if rule and rule.starts:
                hours += f" ({escape(rule.starts)})"
            out.append(_bullet(label("Deadline"), f"{when}; {hours}"))
        out.append(_bullet(label("Where it stands"), standing_text(view, label, fmt)))
        for update in view.updates:
            text = f"{moment_text(update.when, fmt)}: {update_label(update.status, label)}"
            out.append("  - " + text + (f". {escape(update.notes)}" if update.notes else ""))
        if report.notes:
            out.append(_bullet(label("Notes"), escape(report.notes)))
        steps = content.next_steps(view, state.possibly_minor) if view.state in (ReportState.OVERDUE, ReportState.REFUSED) else []
        if steps:
            out.append(_bullet(label("What can be done next"), ""))
            out += [f"  - {escape(step.title)}" for step in steps]
        out.append("")
    return out


def _timeline(case: Case, state: CaseState, content: CaseContent, label: Label, fmt: Formats) -> list[str]:
    out = ["## " + label("Timeline"), "", label("Every entry of the log, in the order it was recorded."), ""]
    recorded, what = label("Recorded"), label("What")
    out += [f"| # | {recorded} | {what} |", "|---|---|---|"]
    for entry in case.entries:
        summary = entry_summary(entry, state, content, label).replace("|", "\\|").replace("\n", " ")
        if entry.id in state.retracted:
            summary = "~~" + summary + "~~ " + label("(a mistake, see the correction below)")
        out.append(f"| {fmt.number(entry.seq + 1)} | {utc_text(entry.at, fmt)} | {_number(entry.id)}: {summary} |")
    return out


def _how_to_check(case: Case, label: Label, fmt: Formats) -> list[str]:
    out = ["## " + label("How to check this report"), ""]
    out.append(
        "- "
        + label(
            "A file: compute its SHA-256 fingerprint and compare it with the one above. On Windows: {windows}. On a Mac: {mac}. On Linux: {linux}."
        ).format(windows="`certutil -hashfile FILE SHA256`", mac="`shasum -a 256 FILE`", linux="`sha256sum FILE`")
    )
    out.append(
        "- "
        + label(
            "The case file: with its passphrase, run {command}. Each entry holds the fingerprint of the one before it, so an entry changed or removed later breaks the chain."
        ).format(command="`navigator case verify FILE`")
    )
    out.append(
        "- "
        + label(
            "This report: the fingerprints of all entries are listed below. If the case file is changed after this report was made, they will no longer be found in it ({command})."
        ).format(command="`navigator case verify FILE --expect HASH`")
    )
    out += ["", "### " + label("Entry fingerprints"), ""]
    recorded = label("Recorded")
    out += [f"| # | {recorded} | SHA-256 |", "|---|---|---|"]
    out += [f"| {fmt.number(e.seq + 1)} | {utc_text(e.at, fmt)} | `{e.hash}` |" for e in case.entries]
    return out
