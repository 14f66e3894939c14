"""The case file screen: start or open a case file, then "Your reports" and what to do next.

While no case is open it says what a case file is and offers one main action (start one), with
"open one" beside it. While a case is open it shows the reports: overdue first (by how long),
then waiting (time left), removed and refused, each with the next steps content gives; the main
action is "Log a report". Addresses, files kept as proof, checking them, the evidence report,
locking and deleting sit below. Everything is shown only while Navigator is open: no background
process, no notification. See ``ui/case_keeper.py`` for locking and the worker thread.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from navigator.core import evidence
from navigator.core.case import EntryKind, Evidence, Moment, ReportState, ReportView, Retract, overdue_order
from navigator.core.case_file import SUFFIX, CaseFileError
from navigator.core.case_report import route_text
from navigator.core.case_rules import ContentRules
from navigator.core.case_text import Formats, moment_text, problem_text, reason_text, standing_text, state_label
from navigator.core.marks import isolate
from navigator.core.models import Kind, Pathway
from navigator.i18n import _
from navigator.ui import dialogs
from navigator.ui.case_dialogs import (
    AddressDialog,
    ChoiceDialog,
    ExportDialog,
    ReportDialog,
    StartDialog,
    UnlockDialog,
    UpdateDialog,
    ask_open_path,
    run_modal,
)
from navigator.ui.case_export import SUFFIX as REPORT_SUFFIX
from navigator.ui.case_export import formats, report_bytes
from navigator.ui.case_keeper import IDLE_CHOICES, CaseKeeper
from navigator.ui.navigation import Page
from navigator.ui.passphrase import announce
from navigator.ui.widgets import FlowRow, column, label, scroll

if TYPE_CHECKING:
    from navigator.ui.navigation import Shell


def card() -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame()
    frame.setObjectName("card")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(22, 18, 22, 18)
    layout.setSpacing(8)
    return frame, layout


def button(text: str, action: Callable[[], object], accessible: str = "", primary: bool = False) -> QPushButton:
    widget = QPushButton(text)
    widget.setAccessibleName(accessible or text)
    if primary:
        widget.setObjectName("primary")
    widget.clicked.connect(lambda _checked=False: action())
    return widget


def clear(layout: QVBoxLayout) -> None:
    """Remove every widget of a list that is built again on each refresh."""
    while (item := layout.takeAt(0)) is not None:
        widget = item.widget()
        if widget is not None:
            widget.deleteLater()


class CasePage(Page):
    name = "case"

    def __init__(self, shell: Shell, keeper: CaseKeeper) -> None:
        super().__init__(shell)
        self.keeper = keeper
        keeper.changed.connect(self.refresh)
        outer = column(self, margins=0)
        inner = QWidget()
        inner.setObjectName("page")
        layout = column(inner, margins=40, spacing=16)
        self.title = label(name="title")
        self.intro = label(name="subtitle")
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        self.message = label()
        self.message.setObjectName("caseMessage")
        self.message.hide()
        layout.addWidget(self.message)
        # Two views, one shown at a time (a stacked widget would keep the height of the taller).
        self.closed_view, self.open_view = QWidget(), QWidget()
        layout.addWidget(self.closed_view)
        layout.addWidget(self.open_view)
        layout.addStretch(1)
        outer.addWidget(scroll(inner))

        # No case open: what it is, then start (main) or open.
        box = QVBoxLayout(self.closed_view)
        box.setContentsMargins(0, 0, 0, 0)
        self.about = label()
        self.locked_note = label(name="heading")
        self.start_button = button("", self.start_case, primary=True)
        self.open_button = button("", self.open_case)
        self.reopen_button = button("", self.reopen, primary=True)
        choices = FlowRow()  # on two lines when they do not fit (large text, narrow window)
        for widget in (self.reopen_button, self.start_button, self.open_button):
            choices.addWidget(widget)
        box.addWidget(self.about)
        box.addWidget(self.locked_note)
        box.addLayout(choices)

        # A case open: the reports, then the rest.
        self.open_layout = QVBoxLayout(self.open_view)
        self.open_layout.setContentsMargins(0, 0, 0, 0)
        self.open_layout.setSpacing(14)
        self.where = label(name="muted")
        self.open_layout.addWidget(self.where)
        row = QHBoxLayout()
        self.log_button = button("", lambda: self.log_report(), primary=True)
        row.addWidget(self.log_button)
        row.addStretch(1)
        self.open_layout.addLayout(row)
        self.reports_heading = label(name="heading")
        self.open_layout.addWidget(self.reports_heading)
        self.reports_box = QVBoxLayout()
        self.open_layout.addLayout(self.reports_box)
        self.lists_heading = label(name="heading")
        self.open_layout.addWidget(self.lists_heading)
        self.lists_box = QVBoxLayout()
        self.open_layout.addLayout(self.lists_box)
        tools = FlowRow()
        self.address_button = button("", self.add_address)
        self.file_button = button("", self.add_file)
        self.check_button = button("", self.check_evidence)
        self.export_button = button("", self.export)
        for widget in (self.address_button, self.file_button, self.check_button, self.export_button):
            tools.addWidget(widget)
        self.open_layout.addLayout(tools)
        lock_row = FlowRow()
        self.lock_button = button("", self.keeper.lock)
        self.idle = QComboBox()
        self.idle.currentIndexChanged.connect(lambda _i: self.keeper.set_idle_minutes(int(self.idle.currentData() or 0)))
        self.delete_button = button("", self.delete_case)
        self.delete_button.setObjectName("link")
        lock_row.addWidget(self.lock_button)
        lock_row.addWidget(self.idle)
        lock_row.addWidget(self.delete_button)
        self.open_layout.addLayout(lock_row)

    # --- words ---------------------------------------------------------------------------------

    def heading(self) -> str:
        return _("Your case file")

    def retranslate(self) -> None:
        self.title.setText(_("Your case file"))
        self.intro.setText(
            _("Keep track of where it is, what you reported, and when each site must answer. Navigator remembers the dates for you.")
        )
        self.about.setText(
            _(
                "A case file is one file that you keep, in your own folder or on a USB stick. It holds the addresses you found, the reports you sent and their dates, and a fingerprint of each file you keep as proof. It never holds the images. It is locked (encrypted) with a passphrase you choose: without it, nobody can open it, not even the people who made Navigator."
            )
        )
        for widget, text, accessible in (
            (self.start_button, _("Start a case file…"), _("Start a case file")),
            (self.open_button, _("Open a case file…"), _("Open a case file")),
            (self.reopen_button, _("Open it again…"), _("Open your case file again")),
            (self.log_button, _("Log a report…"), _("Log a report you sent")),
            (self.address_button, _("Add an address…"), _("Add an address where you saw it")),
            (self.file_button, _("Add a file as proof…"), _("Add a file as proof")),
            (self.check_button, _("Check my evidence"), _("Check that my files of proof have not changed")),
            (self.export_button, _("Save an evidence report…"), _("Save an evidence report for the police, a lawyer or an advocate")),
            (self.lock_button, _("Lock now"), _("Lock the case file now")),
            (self.delete_button, _("Delete this case file…"), _("Delete this case file")),
        ):
            widget.setText(text)
            widget.setAccessibleName(accessible)
        self.idle.blockSignals(True)
        self.idle.clear()
        for minutes in IDLE_CHOICES:
            words = _("Lock after {minutes} minutes without use").format(minutes=minutes) if minutes else _("Lock only when I say")
            self.idle.addItem(words, minutes)
        self.idle.setCurrentIndex(max(self.idle.findData(self.keeper.idle_minutes), 0))
        self.idle.setAccessibleName(_("When to lock by itself"))
        self.idle.blockSignals(False)
        self.reports_heading.setText(_("Your reports"))
        self.lists_heading.setText(_("Where it is, and your proof"))
        self.refresh()

    def shown(self) -> None:
        self.refresh()

    def reset(self) -> None:
        """After Session.clear (which locked the file): stop any work, and show nothing of the person."""
        self.keeper.cancel()
        self.say("")

    def say(self, text: str) -> None:
        announce(self.message, text)

    def rules(self) -> ContentRules:
        return ContentRules(self.shell.library.view)

    # --- what is shown ------------------------------------------------------------------------

    def refresh(self) -> None:
        keeper = self.keeper
        state = keeper.state()
        if state is None or keeper.file is None:
            self.open_view.hide()
            self.closed_view.show()
            locked = keeper.path is not None
            self.locked_note.setVisible(locked)
            if locked:
                self.locked_note.setText(_("Your case file is locked: {path}").format(path=keeper.path))
            self.reopen_button.setVisible(locked)
            self.start_button.setObjectName("" if locked else "primary")
            return
        self.closed_view.hide()
        self.open_view.show()
        self.where.setText(_("Open: {path}. Every change is saved as you make it.").format(path=keeper.file.path))
        rules = self.rules()
        fmt = formats(self.shell.library.locale)
        clear(self.reports_box)
        if not state.reports:
            self.reports_box.addWidget(
                label(_("No reports yet. When you send one, log it here and Navigator will keep track of its deadline."))
            )
        for view in overdue_order(state.reports.values()):
            self.reports_box.addWidget(self._report_card(view, rules, fmt))
        clear(self.lists_box)
        for address in state.addresses.values():
            site = rules.site_name(address.platform) or address.site_name or _("Another site")
            self.lists_box.addWidget(self._line(address.id, f"{address.id.upper()} · {isolate(address.url)} · {isolate(site)}"))
        for item in state.evidence.values():
            words = f"{item.id.upper()} · {isolate(item.name)} · SHA-256 {isolate(item.sha256[:16])}…"
            self.lists_box.addWidget(self._line(item.id, words))
        if state.possibly_minor:
            self.lists_box.addWidget(
                label(
                    _("Because the person in the images may have been under 18, this case keeps addresses only, never image files."),
                    "muted",
                )
            )
        if not state.addresses and not state.evidence:
            self.lists_box.addWidget(label(_("No addresses or files yet.")))

    def _line(self, entry_id: str, words: str) -> QWidget:
        """One address or file, and a way to mark it as a mistake (it stays in the log, marked)."""
        row = QWidget()
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(label(words), 1)
        mistake = button(
            _("A mistake?…"), functools.partial(self.retract, entry_id), _("Mark {entry} as a mistake").format(entry=entry_id.upper())
        )
        mistake.setObjectName("link")
        box.addWidget(mistake)
        return row

    def retract(self, entry_id: str) -> None:
        sure = dialogs.ask(
            self,
            title=_("Mark as a mistake?"),
            text=_("Mark {entry} as a mistake? It leaves the lists and the report's counts.").format(entry=entry_id.upper()),
            informative=_(
                "Nothing is erased: the log keeps it, marked as a mistake, so the record stays honest and its chain of fingerprints holds."
            ),
            yes=_("Mark as a mistake"),
            no=_("Keep it"),
            default="no",
        )
        if sure:
            self.keeper.add(Retract(target=entry_id), lambda _entry: self.say(_("Marked as a mistake.")), self._failed)

    def _report_card(self, view: ReportView, rules: ContentRules, fmt: Formats) -> QFrame:
        frame, box = card()
        frame.setObjectName("card")
        title = route_text(view.report, rules, _).replace("\\", "")
        head = label(f"{state_label(view.state, _)}: {title}", "heading")
        box.addWidget(head)
        sent = _("Sent {when}").format(when=moment_text(view.report.sent, fmt))
        if view.report.reference:
            sent += " · " + _("Reference: {reference}").format(reference=isolate(view.report.reference))
        box.addWidget(label(sent, "muted"))
        if view.due is not None and view.state in (ReportState.WAITING, ReportState.OVERDUE):
            deadline = moment_text(Moment(utc=view.due.deadline, zone=view.report.sent.zone), fmt)
            box.addWidget(label(_("Deadline: {when}").format(when=deadline), "muted"))
        standing = label(standing_text(view, _, fmt))
        box.addWidget(standing)
        frame.setAccessibleName(f"{state_label(view.state, _)}: {title}. {standing.text()}")
        steps = rules.next_steps(view, self.keeper.possibly_minor())
        if steps:
            box.addWidget(label(_("What you can do next:")))
            for step in steps:
                if step.href:
                    follow = functools.partial(self.shell.open_link, step.href)
                    box.addWidget(button(step.title, follow, _("Next step: {step}").format(step=step.title)))
                else:
                    box.addWidget(label("• " + step.title))
        row = QHBoxLayout()
        if view.state in (ReportState.WAITING, ReportState.OVERDUE, ReportState.REFUSED):
            ask = functools.partial(self.update_report, view.report.id, title)
            row.addWidget(button(_("What happened?…"), ask, _("Say what happened with: {report}").format(report=title)))
        row.addStretch(1)
        mistake = button(
            _("A mistake?…"),
            functools.partial(self.retract, view.report.id),
            _("Mark {entry} as a mistake").format(entry=view.report.id.upper()),
        )
        mistake.setObjectName("link")
        row.addWidget(mistake)
        box.addLayout(row)
        return frame

    # --- actions ------------------------------------------------------------------------------

    def start_case(self) -> None:
        path = dialogs.ask_save_path(
            self, _("Where should your case file be kept?"), "case" + SUFFIX, _("Case files (*.navcase)"), SUFFIX.lstrip(".")
        )
        if path is None:
            return
        if run_modal(StartDialog(self, self.keeper, path)):
            self.say(_("Your case file is ready. Every change is saved as you make it."))

    def open_case(self) -> None:
        path = ask_open_path(self, _("Open a case file"), _("Case files (*.navcase);;All files (*)"))
        if path is not None:
            self._unlock(path)

    def reopen(self) -> None:
        if self.keeper.path is not None:
            self._unlock(self.keeper.path)

    def _unlock(self, path: Path) -> None:
        if run_modal(UnlockDialog(self, self.keeper, path)):
            self.say("")
            state = self.keeper.state()
            if state is not None and self.keeper.file is not None and not self.keeper.file.case.intact:
                first = min(p.seq for p in self.keeper.file.case.problems) + 1
                self.say(
                    _("Warning: an entry of this case file was changed or removed outside Navigator (entry {number}).").format(number=first)
                )

    def log_report(self, ref: str = "") -> None:
        """Log a report; ``ref`` picks the letter it was (from the letter page's "I sent it")."""
        state = self.keeper.state()
        if state is None:
            self.say(_("To keep track of it, open your case file or start one, then choose “Log a report”."))
            return
        dialog = ReportDialog(self, self.keeper, self.rules(), state)
        if ref:
            dialog.choose(ref)
        if run_modal(dialog):
            self.say(_("The report is saved. Navigator will show here when its time runs out."))

    def update_report(self, report_id: str, title: str) -> None:
        if run_modal(UpdateDialog(self, self.keeper, report_id, title)):
            self.say(_("Saved."))

    def add_address(self) -> None:
        if run_modal(AddressDialog(self, self.keeper, self.rules())):
            self.say(_("The address is saved."))

    def _age(self) -> bool | None:
        """True when the person may have been under 18; None if they would rather not answer now."""
        if self.keeper.age_answer() is not None:
            return self.keeper.possibly_minor()
        state = self.keeper.state()
        if state is not None and state.possibly_minor:
            return True
        pathway = self.shell.library.get(Kind.PATHWAY, "main")
        question = next((q for q in pathway.questions if q.role == "age"), None) if isinstance(pathway, Pathway) else None
        if question is None:
            return True  # no way to ask: keep no images
        dialog = ChoiceDialog(self, _("Add a file as proof"), question.prompt, [(o.value, o.label) for o in question.options])
        if not run_modal(dialog) or dialog.value is None:
            return None
        self.shell.session.case_age = dialog.value
        return evidence.may_be_minor(dialog.value)

    def add_file(self) -> None:
        minor = self._age()
        if minor is None:
            return
        path = ask_open_path(self, _("Choose a file to keep as proof"), _("All files (*)"))
        if path is None:
            return
        if evidence.refuse_reason(path, minor):
            self._refuse_picture()
            return
        self.say(_("Reading the file to make its fingerprint. The file is not copied."))
        self._busy(True)
        self.keeper.run(lambda: evidence.fingerprint(path), self._fingerprinted, self._failed)

    def _refuse_picture(self) -> None:
        text = _(
            "Navigator does not keep pictures or videos when the person in them may have been under 18, not even their fingerprints. Please record the address where it is instead. Take It Down and the police can help."
        )
        self.say(text)
        self._busy(True)
        self.keeper.note_possible_minor("age", lambda: self._busy(False), self._failed)

    def _fingerprinted(self, result: object) -> None:
        opened = self.keeper.file
        if not isinstance(result, evidence.Fingerprint) or opened is None:
            self._busy(False)
            return
        data = Evidence(
            id=opened.case.next_id(EntryKind.EVIDENCE),
            name=result.name,
            path=result.path,
            size=result.size,
            sha256=result.sha256,
            modified=result.modified,
        )

        def saved(_entry: object) -> None:
            self._busy(False)
            self.say(
                _("Saved: {name}, fingerprint (SHA-256) {hash}. The file itself was not copied.").format(
                    name=result.name, hash=result.sha256
                )
            )

        self.keeper.add(data, saved, self._failed)

    def _failed(self, error: Exception) -> None:
        self._busy(False)
        if isinstance(error, CaseFileError):
            self.say(problem_text(error, _))
        elif isinstance(error, OSError):
            self.say(_("Navigator could not read that file. {reason}").format(reason=reason_text(error.errno, _)))
        else:
            self.say(_("Something went wrong. Nothing was changed."))

    def _busy(self, on: bool) -> None:
        for widget in (self.log_button, self.address_button, self.file_button, self.check_button, self.export_button):
            widget.setEnabled(not on)

    def check_evidence(self) -> None:
        state = self.keeper.state()
        if state is None:
            return
        items = list(state.evidence.values())
        if not items:
            self.say(_("There are no files of proof to check yet."))
            return
        self._busy(True)
        self.say(_("Checking your files. This can take a moment for large files."))
        self.keeper.run(lambda: [(item, evidence.check(item)) for item in items], self._checked, self._failed)

    def _checked(self, result: object) -> None:
        self._busy(False)
        words = {
            evidence.CheckResult.UNCHANGED: _("unchanged"),
            evidence.CheckResult.CHANGED: _("changed since it was recorded"),
            evidence.CheckResult.MISSING: _("missing (moved or deleted)"),
            evidence.CheckResult.UNREADABLE: _("could not be read"),
        }
        lines = []
        assert isinstance(result, list)
        for item, outcome in result:
            assert isinstance(item, Evidence)
            lines.append(f"{item.name}: {words[outcome]}")
        self.say(_("Your files of proof:") + "\n" + "\n".join(lines))

    def export(self) -> None:
        opened = self.keeper.file
        if opened is None:
            return
        dialog = ExportDialog(self, self.shell.library.locales(), self.shell.library.locale)
        if not run_modal(dialog):
            return
        locale, fmt = dialog.choice()
        path = dialogs.ask_save_path(
            self,
            _("Save the evidence report"),
            f"evidence-report.{REPORT_SUFFIX[fmt]}",
            _("Report files (*.{suffix})").format(suffix=REPORT_SUFFIX[fmt]),
            REPORT_SUFFIX[fmt],
        )
        if path is None:
            return
        data = report_bytes(opened.case, self.shell.library.view_for(locale), locale, fmt, datetime.now(UTC))
        saved = dialogs.save_bytes(
            self,
            path,
            data,
            failed=lambda reason: _("The report could not be saved there. {reason}").format(reason=reason),
            still_here=_("Nothing is lost: your case file is unchanged. You can try another place, such as a USB stick."),
        )
        if saved:
            self.say(_("The evidence report is saved: {path}. It is not locked: keep it somewhere private.").format(path=path))

    def delete_case(self) -> None:
        path = self.keeper.path
        if path is None:
            return
        sure = dialogs.ask(
            self,
            title=_("Delete this case file?"),
            text=_("Delete the case file {path}? Everything in it will be gone from Navigator. This cannot be undone.").format(path=path),
            informative=_(
                "Navigator writes over the file once and then deletes it. On SSDs, USB sticks and memory cards, old copies can stay hidden on the disk until it reuses that space, and backups keep their own copies. They stay locked with your passphrase."
            ),
            yes=_("Delete it"),
            no=_("Keep it"),
            default="no",
            destructive=True,
        )
        if not sure:
            return
        try:
            self.keeper.delete_file()
        except CaseFileError as exc:
            self.say(problem_text(exc, _))
            return
        self.say(_("The case file is deleted."))
