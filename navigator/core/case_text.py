"""The words the case file shows, shared by the screens, the evidence report and ``navigator case``.

Each problem is one plain sentence that says what happened and that nothing was changed. Labels
come through ``label`` (a gettext for the wanted language), so the same words serve a screen in
one language and a report in another; core keeps no interface state.
"""

from __future__ import annotations

import errno
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from navigator.core.case import Moment, ReportState, ReportView
from navigator.core.case_file import MIN_PASSPHRASE, CaseFileError
from navigator.core.marks import isolate
from navigator.core.render import Label


@dataclass(frozen=True)
class Formats:
    """How one language writes times, durations and numbers (navigator.i18n makes them)."""

    datetime: Callable[[datetime], str]
    duration: Callable[[timedelta], str]
    number: Callable[[int], str]
    rtl: bool = False  # the language is written right to left: keep typed values in one piece

    def keep(self, value: str) -> str:
        """A value the person typed (a reference, an address, a fingerprint), kept in one
        left-to-right piece inside right-to-left text, so '0998-1123' never shows as '1123-0998'."""
        return isolate(value) if self.rtl else value


def reason_text(code: int | None, label: Label) -> str:
    """Why reading or writing failed, from the system's error number, in plain words."""
    reasons = {
        errno.ENOSPC: label("The disk is full."),
        errno.EDQUOT: label("There is no space left for you on this disk."),
        errno.EACCES: label("Navigator is not allowed to use that folder."),
        errno.EPERM: label("Navigator is not allowed to use that folder."),
        errno.EROFS: label("That place cannot be written to (it is read-only)."),
        errno.ENOENT: label("The file or its folder is not there any more."),
        errno.ENODEV: label("The disk is not there any more (a USB stick may have been taken out)."),
        errno.ENXIO: label("The disk is not there any more (a USB stick may have been taken out)."),
        errno.EIO: label("The disk could not be used (a USB stick may have been taken out)."),
        errno.EISDIR: label("That name belongs to a folder."),
        errno.ENAMETOOLONG: label("The name is too long."),
    }
    return reasons.get(code or 0, label("The system refused."))


def problem_text(error: CaseFileError, label: Label) -> str:
    """One plain sentence (or two) for anything that went wrong with a case file."""
    problem = error.problem
    if problem == "not-case-file":
        return label("This is not a Navigator case file. Nothing was changed.")
    if problem == "damaged":
        return label(
            "This case file is damaged: part of it is missing or has changed on the disk, so it cannot be opened. Nothing was changed."
        )
    if problem == "newer":
        return label("This case file was made by a newer version of Navigator. Nothing was changed. A newer Navigator can open it.")
    if problem == "unsupported":
        return label("This case file asks for settings this version of Navigator does not use, so it was not opened. Nothing was changed.")
    if problem == "wrong-passphrase":
        return label("That passphrase does not open this case file. Nothing was changed. Please try again.")
    if problem == "altered":
        return label("This case file was changed outside Navigator, so it cannot be opened. Nothing was changed.")
    if problem == "unreadable":
        return label("Navigator could not read this file. {reason}").format(reason=reason_text(error.code, label))
    if problem == "not-saved":
        return label("This was not saved. {reason} Your case file is as it was before, and you can try again.").format(
            reason=reason_text(error.code, label)
        )
    if problem == "locked":
        return label("The case file is locked. Open it again with your passphrase.")
    if problem == "exists":
        return label("A file with that name is already there. Choose another name, so nothing is replaced.")
    if problem == "short-passphrase":
        return label("Please use a passphrase of at least {count} characters.").format(count=MIN_PASSPHRASE)
    return label("Something went wrong with the case file. Nothing was changed.")


def route_kind_label(kind: str, label: Label) -> str:
    return {
        "platform": label("The site's own report form"),
        "notice": label("A letter or notice"),
        "hashing": label("A hashing service (StopNCII or Take It Down)"),
        "search_removal": label("A request to a search engine"),
        "police": label("The police"),
        "other": label("Another way"),
    }.get(kind, kind)


def state_label(state: ReportState, label: Label) -> str:
    return {
        ReportState.WAITING: label("Waiting for an answer"),
        ReportState.OVERDUE: label("Overdue"),
        ReportState.REMOVED: label("Removed"),
        ReportState.REFUSED: label("Refused"),
    }[state]


def update_label(status: str, label: Label) -> str:
    return {"removed": label("removed"), "refused": label("refused"), "waiting": label("waiting again")}.get(status, status)


def standing_text(view: ReportView, label: Label, fmt: Formats) -> str:
    """Where a report stands, in one line: overdue by how long, time left, removed or refused when."""
    if view.state is ReportState.OVERDUE and view.due:
        return label("Overdue by {time}.").format(time=fmt.duration(view.due.over_by))
    if view.state is ReportState.WAITING and view.due:
        return label("Waiting. Time left: {time}.").format(time=fmt.duration(view.due.left))
    if view.state is ReportState.WAITING:
        return label("Waiting. No deadline is known for this report.")
    update = view.last_update
    when = fmt.datetime(update.when.local()) if update else ""
    if view.state is ReportState.REMOVED:
        return label("Removed ({date}).").format(date=when)
    return label("Refused ({date}).").format(date=when)


def moment_text(moment: Moment, fmt: Formats) -> str:
    """'2 Nov 2026, 09:00:00 (America/Chicago, UTC−06:00)': the zone and offset make it unambiguous."""
    local = moment.local()
    offset = local.utcoffset() or timedelta(0)
    sign = "+" if offset >= timedelta(0) else "−"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"{fmt.datetime(local)} ({moment.zone}, UTC{sign}{minutes // 60:02d}:{minutes % 60:02d})"
