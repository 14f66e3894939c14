"""The small forms of the case file: start one, open one, log an address, a report, what happened.

Each form says what it does in a sentence or two, asks only what it needs, has one main button,
and names every control for screen readers. Saving runs in the worker thread (``CaseKeeper``):
the form stays open and disabled until the result comes, then closes, or says in one sentence
why not, with everything typed still there. Quick exit works the whole time.
"""

from __future__ import annotations

import re
import zoneinfo
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import cast

import shiboken6
from PySide6.QtCore import QDateTime, QDir, Qt, QTimeZone
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from navigator import i18n
from navigator.core import deadlines
from navigator.core.case import Address, CaseState, EntryKind, Moment, Report, Route, RouteKind, Update
from navigator.core.case_file import MIN_PASSPHRASE, CaseFileError
from navigator.core.case_rules import ContentRules, RouteChoice
from navigator.core.case_text import problem_text, route_kind_label
from navigator.i18n import _
from navigator.ui import qt_hardening
from navigator.ui.case_keeper import CaseKeeper
from navigator.ui.passphrase import announce
from navigator.ui.widgets import label


def system_zone() -> str:
    """The computer's time zone as an IANA name ('Europe/Paris'); UTC if it cannot be told."""
    name = bytes(QTimeZone.systemTimeZoneId().data()).decode("ascii", "replace")
    return name if deadlines.known_zone(name) else "UTC"


def ask_open_path(parent: QWidget, title: str, file_filter: str) -> Path | None:
    """An open dialog that starts in the home folder and remembers nothing; None if cancelled."""
    qt_hardening.settings_nowhere()
    dialog = QFileDialog(parent, title, QDir.homePath(), file_filter)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setHistory([])
    try:
        if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return None
        return Path(dialog.selectedFiles()[0])
    finally:
        shiboken6.delete(dialog)  # Qt writes its history on destruction: destroyed now, while settings go nowhere


class Form(QDialog):
    """Words at the top, fields, an error line, Cancel and one main button."""

    def __init__(self, parent: QWidget, keeper: CaseKeeper, title: str) -> None:
        super().__init__(parent)
        self.keeper = keeper
        self.setModal(True)
        self.setMinimumWidth(560)
        self.setWindowTitle(title)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(24, 20, 24, 20)
        self.layout_.setSpacing(10)
        self.text = label()
        self.layout_.addWidget(self.text)
        self.body = QVBoxLayout()
        self.layout_.addLayout(self.body)
        self.status = label(name="muted")
        self.status.hide()
        self.layout_.addWidget(self.status)
        self.error = label()
        self.error.setObjectName("error")
        self.error.setStyleSheet("font-weight: 600;")
        self.error.hide()
        self.layout_.addWidget(self.error)
        row = QHBoxLayout()
        row.addStretch(1)
        self.cancel = QPushButton(_("Cancel"))
        self.cancel.setAccessibleName(_("Cancel: save nothing"))
        self.cancel.clicked.connect(self.reject)
        self.ok = QPushButton()
        self.ok.setObjectName("primary")
        self.ok.setDefault(True)
        self.ok.clicked.connect(self.submit)
        row.addWidget(self.cancel)
        row.addWidget(self.ok)
        self.layout_.addLayout(row)
        self.busy = False

    def reject(self) -> None:
        if self.busy and not self.can_cancel_work:
            return
        if self.busy:
            self.keeper.cancel()  # the result is dropped, and a key that arrives late is locked unseen
        super().reject()

    def done(self, result: int) -> None:
        self.busy = False
        super().done(result)

    def field(self, caption: str, widget: QWidget, accessible: str = "") -> QWidget:
        words = QLabel(caption)
        words.setWordWrap(True)
        words.setBuddy(widget)
        widget.setAccessibleName(accessible or caption)
        self.body.addWidget(words)
        self.body.addWidget(widget)
        return widget

    # While a save runs, Esc or closing the form waits for it (a save takes a blink, and it
    # happens whatever the form does); a form whose work can be dropped says so here.
    can_cancel_work = False

    def working(self, text: str) -> None:
        """Disable the form while the worker runs; the window and Quick exit stay alive."""
        self.busy = True
        self.error.hide()
        for child in self.findChildren(QWidget):
            if child is not self.status and not isinstance(child, QLabel):
                child.setEnabled(False)
        announce(self.status, text)

    def idle(self) -> None:
        self.busy = False
        for child in self.findChildren(QWidget):
            child.setEnabled(True)
        self.status.hide()

    def fail(self, error: Exception) -> None:
        self.idle()
        text = problem_text(error, _) if isinstance(error, CaseFileError) else _("Something went wrong. Nothing was changed.")
        announce(self.error, text)

    def submit(self) -> None:
        raise NotImplementedError


class MomentField(QWidget):
    """A date and time with the time zone it is in (the computer's, unless changed)."""

    def __init__(self, accessible: str) -> None:
        super().__init__()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.when = QDateTimeEdit(QDateTime.currentDateTime())
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.when.setAccessibleName(accessible)
        self.zone = QComboBox()
        self.zone.setAccessibleName(_("Time zone"))
        zones = sorted(z for z in zoneinfo.available_timezones() if "/" in z or z == "UTC")
        self.zone.addItems(zones)
        self.zone.setCurrentText(system_zone())
        row.addWidget(self.when, 2)
        row.addWidget(self.zone, 1)

    def moment(self) -> Moment:
        value = self.when.dateTime()
        date, time = value.date(), value.time()
        wall = datetime(date.year(), date.month(), date.day(), time.hour(), time.minute())
        return Moment.from_wall(wall, self.zone.currentText())

    def set_now(self, zone: str) -> None:
        self.when.setDateTime(QDateTime.currentDateTime())
        self.zone.setCurrentText(zone)


class StartDialog(Form):
    """A new case file at a place the person chose, locked with a passphrase they choose now."""

    def __init__(self, parent: QWidget, keeper: CaseKeeper, path: Path) -> None:
        super().__init__(parent, keeper, _("Start a case file"))
        self.path = path
        self.text.setText(
            _(
                "Navigator will keep your case in one file, here:\n{path}\n\nIt holds the addresses, reports and dates you enter, and a fingerprint of each file you keep as proof, never the files or images themselves. It is locked (encrypted) with the passphrase you choose now. Without it, nobody can open the file, not even the people who made Navigator. Nothing is written anywhere else."
            ).format(path=path)
        )
        self.first = QLineEdit()
        self.second = QLineEdit()
        for box in (self.first, self.second):
            box.setEchoMode(QLineEdit.EchoMode.Password)
        self.field(_("Passphrase (at least {count} characters)").format(count=MIN_PASSPHRASE), self.first, _("Passphrase"))
        self.field(_("The same passphrase again"), self.second)
        self.body.addWidget(label(_("If you forget the passphrase, the case cannot be opened. Write it somewhere safe."), "muted"))
        self.ok.setText(_("Start the case file"))
        self.ok.setAccessibleName(_("Start the case file"))

    def submit(self) -> None:
        if self.first.text() != self.second.text():
            announce(self.error, _("The two passphrases are not the same. Please type them again."))
            return
        self.working(_("Locking the file with your passphrase. This takes a moment."))
        self.keeper.create(self.path, self.first.text(), self.accept, self.fail)


class UnlockDialog(Form):
    """Open a case file with its passphrase. A wrong one changes nothing. Cancel works while it opens."""

    can_cancel_work = True

    def __init__(self, parent: QWidget, keeper: CaseKeeper, path: Path) -> None:
        super().__init__(parent, keeper, _("Open your case file"))
        self.path = path
        self.text.setText(_("Type the passphrase of this case file:\n{path}").format(path=path))
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.field(_("Passphrase"), self.passphrase)
        self.ok.setText(_("Open"))
        self.ok.setAccessibleName(_("Open the case file"))

    def submit(self) -> None:
        self.working(_("Opening the file. This takes a moment."))
        self.keeper.unlock(self.path, self.passphrase.text(), self.accept, self.failed_open)

    def failed_open(self, error: Exception) -> None:
        self.fail(error)
        self.passphrase.selectAll()
        self.passphrase.setFocus()


class AddressDialog(Form):
    """Where it was seen: the address, the site, who posted it, when it was first seen."""

    def __init__(self, parent: QWidget, keeper: CaseKeeper, rules: ContentRules) -> None:
        super().__init__(parent, keeper, _("Add an address"))
        self.text.setText(_("Copy the address (URL) from your browser's address bar. You do not need to open the page again."))
        self.url = QLineEdit()
        self.field(_("Address (URL)"), self.url)
        self.site = QComboBox()
        self.site.addItem(_("Another site"), "other")
        for platform_id, name in rules.platforms():
            self.site.addItem(name, platform_id)
        self.field(_("Site or app"), self.site)
        self.account = QLineEdit()
        self.field(_("The account that posted it (if you know)"), self.account)
        self.first_seen = MomentField(_("When you first saw it"))
        self.field(_("When you first saw it"), self.first_seen)
        self.notes = QLineEdit()
        self.field(_("Notes (optional)"), self.notes)
        self.ok.setText(_("Save the address"))
        self.ok.setAccessibleName(_("Save the address"))

    def submit(self) -> None:
        url = self.url.text().strip()
        if not url:
            announce(self.error, _("Please type or paste the address."))
            return
        opened = self.keeper.file
        if opened is None:
            self.fail(CaseFileError("locked"))
            return
        site = str(self.site.currentData())
        host = re.match(r"^(?:[a-z][a-z0-9+.-]*://)?([^/?#\s]+)", url, re.IGNORECASE)
        data = Address(
            id=opened.case.next_id(EntryKind.ADDRESS),
            url=url,
            platform=site,
            site_name=host.group(1) if site == "other" and host else "",
            account=self.account.text().strip(),
            first_seen=self.first_seen.moment(),
            notes=self.notes.text().strip(),
        )
        self.working(_("Saving."))
        self.keeper.add(data, lambda _entry: self.accept(), self.fail)


class ReportDialog(Form):
    """A report or request that was sent: how, when, its reference, and the deadline its legal basis gives."""

    def __init__(self, parent: QWidget, keeper: CaseKeeper, rules: ContentRules, state: CaseState) -> None:
        super().__init__(parent, keeper, _("Log a report"))
        self.rules = rules
        self.text.setText(_("Write down a report or request you sent, so Navigator can keep track of it for you."))
        self.kind = QComboBox()
        for kind in ("platform", "notice", "search_removal", "hashing", "police", "other"):
            self.kind.addItem(route_kind_label(kind, _), kind)
        self.field(_("How did you send it?"), self.kind)
        self.route = QComboBox()
        self.field(_("Which one"), self.route)
        self.label_box = QLineEdit()
        self.field(_("Who did you send it to? (optional)"), self.label_box)
        self.basis = label(name="muted")
        self.body.addWidget(self.basis)
        self.addresses = QListWidget()
        self.addresses.setMaximumHeight(110)
        for address in state.addresses.values():
            item = QListWidgetItem(address.url)
            item.setData(Qt.ItemDataRole.UserRole, address.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, address.platform)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.addresses.addItem(item)
        self.field(_("Which addresses is it about?"), self.addresses)
        self.sent = MomentField(_("When you sent it"))
        self.field(_("When you sent it"), self.sent)
        self.reference = QLineEdit()
        self.field(_("Reference or ticket number (if you got one)"), self.reference)
        self.notes = QLineEdit()
        self.field(_("Notes (optional)"), self.notes)
        self.ok.setText(_("Save the report"))
        self.ok.setAccessibleName(_("Save the report"))
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.route.currentIndexChanged.connect(self._show_basis)
        self.addresses.itemChanged.connect(self._address_picked)
        self._kind_changed()

    def choose(self, ref: str) -> None:
        """Start with a letter or route from content already chosen (navigator://notice/<id>, ...)."""
        kind = "notice" if ref.startswith("navigator://notice/") else "platform"
        self.kind.setCurrentIndex(max(self.kind.findData(kind), 0))
        for index in range(self.route.count()):
            choice = self.route.itemData(index)
            if isinstance(choice, RouteChoice) and choice.ref == ref:
                self.route.setCurrentIndex(index)
                return

    def _address_picked(self, item: QListWidgetItem) -> None:
        """Ticking an address on a known site offers that site's own report form first."""
        platform = item.data(Qt.ItemDataRole.UserRole + 1)
        if item.checkState() != Qt.CheckState.Checked or not platform or platform == "other" or self.kind.currentData() != "platform":
            return
        for index in range(self.route.count()):
            choice = self.route.itemData(index)
            if isinstance(choice, RouteChoice) and choice.ref == f"navigator://platform/{platform}":
                self.route.setCurrentIndex(index)
                return

    def _choices(self) -> list[RouteChoice]:
        kind = self.kind.currentData()
        if kind == "notice":
            return [c for c in self.rules.route_choices() if c.kind == "notice"]
        if kind in ("platform", "search_removal"):
            return [c for c in self.rules.route_choices() if c.kind == kind]
        return []

    def _kind_changed(self) -> None:
        self.route.clear()
        for choice in self._choices():
            self.route.addItem(choice.title, choice)
        self.route.setEnabled(self.route.count() > 0)
        self._show_basis()

    def _choice(self) -> RouteChoice | None:
        data = self.route.currentData()
        return data if isinstance(data, RouteChoice) else None

    def _show_basis(self) -> None:
        choice = self._choice()
        rule = self.rules.deadline_rule(choice.legal_basis) if choice and choice.legal_basis else None
        if choice and choice.legal_basis and rule:
            text = _("Legal basis: {law}. It gives a deadline of {hours} hours ({starts}).").format(
                law=self.rules.title_of(choice.legal_basis) or choice.legal_basis, hours=rule.hours, starts=rule.starts
            )
        elif choice and choice.legal_basis:
            text = _("Legal basis: {law}.").format(law=self.rules.title_of(choice.legal_basis) or choice.legal_basis)
        else:
            text = _("No deadline in law is known for this way of reporting. Navigator will show it as waiting.")
        self.basis.setText(text)
        self.basis.setAccessibleName(text)

    def submit(self) -> None:
        opened = self.keeper.file
        if opened is None:
            self.fail(CaseFileError("locked"))
            return
        choice = self._choice()
        kind = str(self.kind.currentData())
        basis = choice.legal_basis if choice else ""
        rule = self.rules.deadline_rule(basis) if basis else None
        chosen = [
            str(self.addresses.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.addresses.count())
            if self.addresses.item(i).checkState() == Qt.CheckState.Checked
        ]
        data = Report(
            id=opened.case.next_id(EntryKind.REPORT),
            address_ids=chosen,
            route=Route(
                kind=cast(RouteKind, kind),
                ref=choice.ref if choice else "",
                route=choice.route if choice else "",
                label=self.label_box.text().strip(),
            ),
            sent=self.sent.moment(),
            reference=self.reference.text().strip(),
            legal_basis=basis,
            deadline_hours=rule.hours if rule else None,
            notes=self.notes.text().strip(),
        )
        self.working(_("Saving."))
        self.keeper.add(data, lambda _entry: self.accept(), self.fail)


class UpdateDialog(Form):
    """What happened to a report: removed, refused, or waiting again (after an appeal)."""

    def __init__(self, parent: QWidget, keeper: CaseKeeper, report_id: str, title: str) -> None:
        super().__init__(parent, keeper, _("What happened?"))
        self.report_id = report_id
        self.text.setText(_("What happened with this report?\n{report}").format(report=title))
        self.removed = QRadioButton(_("It was taken down"))
        self.refused = QRadioButton(_("They said no"))
        self.waiting = QRadioButton(_("I asked again, and I am waiting"))
        self.removed.setChecked(True)
        for button in (self.removed, self.refused, self.waiting):
            button.setAccessibleName(button.text())
            self.body.addWidget(button)
        self.when = MomentField(_("When"))
        self.field(_("When"), self.when)
        self.notes = QLineEdit()
        self.field(_("Notes (optional)"), self.notes)
        self.ok.setText(_("Save"))
        self.ok.setAccessibleName(_("Save what happened"))

    def submit(self) -> None:
        status = "removed" if self.removed.isChecked() else "refused" if self.refused.isChecked() else "waiting"
        data = Update(report_id=self.report_id, status=status, when=self.when.moment(), notes=self.notes.text().strip())
        self.working(_("Saving."))
        self.keeper.add(data, lambda _entry: self.accept(), self.fail)


class ExportDialog(QDialog):
    """The evidence report's language (it may differ from the screen's) and format."""

    def __init__(self, parent: QWidget, locales: list[str], current: str) -> None:
        super().__init__(parent)
        self.setModal(True)
        self.setWindowTitle(_("Save an evidence report"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        layout.addWidget(
            label(
                _(
                    "The report lists the addresses, the reports and their dates, and the fingerprint of each file, with a way to check them. It is for the police, a lawyer or an advocate. It is not locked: keep it somewhere private."
                )
            )
        )
        self.language = QComboBox()
        for locale in locales:
            self.language.addItem(i18n.language_name(locale), locale)
        self.language.setCurrentIndex(max(self.language.findData(current), 0))
        self.language.setAccessibleName(_("Language of the report"))
        caption = QLabel(_("Language of the report"))
        caption.setBuddy(self.language)
        layout.addWidget(caption)
        layout.addWidget(self.language)
        self.format = QComboBox()
        for fmt, words in (("pdf", _("PDF")), ("markdown", _("Markdown (text with headings)")), ("text", _("Plain text"))):
            self.format.addItem(words, fmt)
        self.format.setAccessibleName(_("File format"))
        caption = QLabel(_("File format"))
        caption.setBuddy(self.format)
        layout.addWidget(caption)
        layout.addWidget(self.format)
        row = QHBoxLayout()
        row.addStretch(1)
        cancel = QPushButton(_("Cancel"))
        cancel.setAccessibleName(_("Cancel"))
        cancel.clicked.connect(self.reject)
        ok = QPushButton(_("Choose where to save…"))
        ok.setObjectName("primary")
        ok.setAccessibleName(_("Choose where to save the report"))
        ok.setDefault(True)
        ok.clicked.connect(self.accept)
        row.addWidget(cancel)
        row.addWidget(ok)
        layout.addLayout(row)

    def choice(self) -> tuple[str, str]:
        return str(self.language.currentData()), str(self.format.currentData())


class ChoiceDialog(QDialog):
    """A question with a few answers, from content (the age question): one button each."""

    def __init__(self, parent: QWidget, title: str, question: str, options: list[tuple[str, str]]) -> None:
        super().__init__(parent)
        self.setModal(True)
        self.setWindowTitle(title)
        self.value: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(label(question, "heading"))
        for value, words in options:
            button = QPushButton(words)
            button.setAccessibleName(words)
            button.clicked.connect(lambda _checked=False, v=value: self._pick(v))
            layout.addWidget(button)
        cancel = QPushButton(_("Cancel"))
        cancel.setAccessibleName(_("Cancel"))
        cancel.clicked.connect(self.reject)
        layout.addWidget(cancel)

    def _pick(self, value: str) -> None:
        self.value = value
        self.accept()


def run_modal(dialog: QDialog, then: Callable[[], None] | None = None) -> bool:
    """Show a form; True if it was completed. The dialog is deleted after."""
    try:
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()
    if accepted and then:
        then()
    return accepted
