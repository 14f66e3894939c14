"""Several requests at once: one for each site of the plan (or of the open case file), prepared together.

For each site, ``core/batch.py`` picks the letter that fits it (from content: its law, its place,
the kind of site, who may see it) and the language its route reads when content says so. The
site's name and the addresses already recorded for it are filled in. Each request then opens on
the letter page, where the person finishes it. When a case file is open, the finished ones can be
logged in it in one go, each with the deadline its law gives; without a case file nothing is kept.
The prepared requests are part of the session, so Start over and Quick exit forget them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QFrame, QGridLayout, QPushButton, QWidget

from navigator import i18n
from navigator.core import batch
from navigator.core.case import Address, EntryKind, Moment, Report, Route
from navigator.core.case_file import CaseFileError
from navigator.core.case_rules import ContentRules
from navigator.core.case_text import problem_text
from navigator.core.letters import fill
from navigator.core.models import Kind, NoticeTemplate
from navigator.core.plan import build_plan
from navigator.core.session import LetterDraft
from navigator.i18n import _
from navigator.ui.case_dialogs import system_zone
from navigator.ui.case_keeper import CaseKeeper
from navigator.ui.navigation import Page, Shell
from navigator.ui.widgets import FlowRow, WrappingButton, clear_layout, column, label, scroll


class RequestsPage(Page):
    name = "requests"
    # Open prepared request number ``index`` on the letter page (main_window wires it).
    open_requested = Signal(int)

    def __init__(self, shell: Shell, keeper: CaseKeeper) -> None:
        super().__init__(shell)
        self.keeper = keeper
        outer = column(self, margins=0)
        inner = QWidget()
        inner.setObjectName("page")
        layout = column(inner, margins=36, spacing=14)
        self.title = label(name="title")
        self.intro = label(name="subtitle")
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        row = FlowRow()  # on two lines when they do not fit (large text, narrow window)
        self.language_label = label(wrap=False)
        self.language = QComboBox()
        self.language_label.setBuddy(self.language)
        row.addWidget(self.language_label)
        row.addWidget(self.language)
        self.prepare_button = QPushButton()
        self.prepare_button.setObjectName("primary")
        self.prepare_button.clicked.connect(self.prepare)
        row.addWidget(self.prepare_button)
        layout.addLayout(row)
        self.note = label(name="muted")
        layout.addWidget(self.note)
        self.list_host = QFrame()
        self.list_host.setObjectName("card")
        self.grid = QGridLayout(self.list_host)
        self.grid.setContentsMargins(18, 14, 18, 14)
        self.grid.setHorizontalSpacing(14)
        self.grid.setVerticalSpacing(10)
        layout.addWidget(self.list_host)
        self.log_button = QPushButton()
        self.log_button.clicked.connect(self.log_finished)
        layout.addWidget(self.log_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.status = label(name="muted")
        layout.addWidget(self.status)
        layout.addStretch(1)
        outer.addWidget(scroll(inner))
        self.open_buttons: list[QPushButton] = []
        self._queue: list[Callable[[], None]] = []
        keeper.changed.connect(self._show_log_button)

    def heading(self) -> str:
        return _("One request for each site")

    # --- preparing ----------------------------------------------------------------------------

    def sites(self) -> tuple[list[batch.Site], tuple[str, ...]]:
        """The sites to write to, and the person's place: from the plan, then the open case file's addresses."""
        session = self.shell.session
        view = self.shell.library.view
        sites: list[batch.Site] = []
        regions: tuple[str, ...] = ()
        walk = session.walk
        if walk is not None and walk.answers:
            plan = build_plan(walk.pathway, walk.answers, view, self.shell.library.locale)
            sites = batch.sites_from_plan(plan, view)
            regions = plan.regions
        state = self.keeper.state()
        if state is not None and state.addresses:
            recorded = batch.sites_from_addresses([(a.url, a.platform, a.site_name) for a in state.addresses.values()], view)
            for site in recorded:
                # A site of the plan takes the addresses the case file holds for it; others are added.
                index = next((i for i, s in enumerate(sites) if site.platform_id and s.platform_id == site.platform_id), None)
                if index is None:
                    sites.append(site)
                else:
                    sites[index] = batch.Site(sites[index].platform_id, sites[index].name, site.urls)
        return sites, regions

    def _any_website(self) -> str | None:
        """The platform the guided questions stand for "another website" (its option in the group 'other')."""
        pathway = self.shell.session.pathway
        for question in pathway.questions if pathway is not None else []:
            if question.role == "where":
                for option in question.options:
                    if option.group == "other" and option.platform:
                        return option.platform
        return None

    def prepare(self) -> None:
        sites, regions = self.sites()
        wanted = str(self.language.currentData() or self.shell.library.locale)
        prepared = batch.prepare(sites, regions, self.shell.library.view, wanted, self.shell.library.locales(), self._any_website())
        drafts = [
            LetterDraft(
                template_id=p.template.id if p.template else "",
                locale=p.locale,
                values=dict(p.values),
                site=p.site.platform_id,
                site_name=p.site.name,
            )
            for p in prepared
        ]
        self.shell.session.set_requests(drafts)
        self._show()
        if not sites:
            self.status.setText(
                _("There are no sites yet. Answer the guided questions (where you saw the images), or open your case file.")
            )
        else:
            self.status.setText(_("{count} requests prepared. Open each one to finish it.").format(count=i18n.format_number(len(drafts))))

    # --- showing ------------------------------------------------------------------------------

    def _template(self, draft: LetterDraft, locale: str | None = None) -> NoticeTemplate | None:
        view = self.shell.library.view_for(locale or draft.locale or self.shell.library.locale)
        item = view.get(Kind.NOTICE, draft.template_id) if draft.template_id else None
        return item if isinstance(item, NoticeTemplate) else None

    def finished(self, draft: LetterDraft) -> bool:
        template = self._template(draft)
        return template is not None and fill(template, draft.values, date.today(), str, draft.on_behalf).complete

    def _show(self) -> None:
        clear_layout(self.grid)
        self.open_buttons = []
        drafts = self.shell.session.requests
        self.list_host.setVisible(bool(drafts))
        # The site over what will be written to it, the button beside both: two columns, so
        # large text or long words do not make the page scroll sideways.
        for index, draft in enumerate(drafts):
            row = 2 * index
            self.grid.addWidget(label(draft.site_name, name="strong"), row, 0, Qt.AlignmentFlag.AlignTop)
            shown = self._template(draft, self.shell.library.locale)
            if shown is None:
                words = _("No letter here fits this site. Use the site's own report form (see its page).")
            else:
                state = _("finished") if self.finished(draft) else _("not finished")
                words = _("{letter}, in {language} ({state})").format(
                    letter=shown.title, language=i18n.language_name(draft.locale), state=state
                )
            self.grid.addWidget(label(words), row + 1, 0)
            button = WrappingButton(_("Write it"))  # its words wrap rather than widen the page
            button.setAccessibleName(_("Write the request to {site}").format(site=draft.site_name))
            button.setEnabled(shown is not None)
            button.clicked.connect(lambda _checked=False, index=index: self.open_requested.emit(index))
            self.grid.addWidget(button, row, 1, 2, 1, Qt.AlignmentFlag.AlignTop)
            self.open_buttons.append(button)
        self.grid.setColumnStretch(0, 1)
        self._show_log_button()

    def _show_log_button(self) -> None:
        self.log_button.setVisible(self.keeper.is_open and bool(self.shell.session.requests))
        self.log_button.setEnabled(not self.keeper.busy and any(self.finished(d) for d in self.shell.session.requests))

    def showEvent(self, event: object) -> None:  # noqa: N802 - Qt override
        self._show()
        super().showEvent(event)  # type: ignore[arg-type]

    # --- keeping track in the case file ------------------------------------------------------

    def log_finished(self) -> None:
        """Log each finished request in the open case file as sent now, with its addresses and deadline."""
        state = self.keeper.state()
        if state is None:
            self.status.setText(_("To keep track of them, open your case file first."))
            return
        rules = ContentRules(self.shell.library.view)
        zone = system_zone()
        now = datetime.now(UTC)
        known = {a.url: a.id for a in state.addresses.values()}
        steps: list[Callable[[], None]] = []
        logged = 0
        for draft in self.shell.session.requests:
            template = self._template(draft)
            if template is None or not self.finished(draft):
                continue
            logged += 1
            urls = [
                line.strip()
                for f in template.fields
                if f.kind in ("url", "urls")
                for line in draft.values.get(f.id, "").splitlines()
                if line.strip()
            ]
            ids: list[str] = []
            for url in dict.fromkeys(urls):
                if url in known:
                    ids.append(known[url])
                else:
                    steps.append(self._add_address(url, draft, ids, known))
            steps.append(self._add_report(template, draft, ids, rules, Moment(utc=now, zone=zone)))
        self._queue = steps
        self.status.setText(_("Saving {count} requests in your case file.").format(count=i18n.format_number(logged)))
        self.log_button.setEnabled(False)
        self._next()

    def _add_address(self, url: str, draft: LetterDraft, ids: list[str], known: dict[str, str]) -> Callable[[], None]:
        def step() -> None:
            opened = self.keeper.file
            if opened is None:
                self._failed(CaseFileError("locked"))
                return
            entry_id = opened.case.next_id(EntryKind.ADDRESS)
            known[url] = entry_id
            ids.append(entry_id)
            data = Address(id=entry_id, url=url, platform=draft.site or "other", site_name="" if draft.site else draft.site_name)
            self.keeper.add(data, lambda _entry: self._next(), self._failed)

        return step

    def _add_report(
        self, template: NoticeTemplate, draft: LetterDraft, ids: list[str], rules: ContentRules, sent: Moment
    ) -> Callable[[], None]:
        def step() -> None:
            opened = self.keeper.file
            if opened is None:
                self._failed(CaseFileError("locked"))
                return
            ref = f"navigator://notice/{template.id}"
            basis = rules.legal_basis(ref)
            rule = rules.deadline_rule(basis) if basis else None
            data = Report(
                id=opened.case.next_id(EntryKind.REPORT),
                address_ids=list(ids),
                route=Route(kind="notice", ref=ref, label=draft.site_name),
                sent=sent,
                legal_basis=basis,
                deadline_hours=rule.hours if rule else None,
            )
            self.keeper.add(data, lambda _entry: self._next(), self._failed)

        return step

    def _next(self) -> None:
        if self._queue:
            self._queue.pop(0)()
            return
        self.status.setText(_("Saved in your case file. Your reports there show each deadline."))
        self._show_log_button()

    def _failed(self, error: Exception) -> None:
        self._queue = []
        if isinstance(error, CaseFileError):
            self.status.setText(problem_text(error, _))
        else:
            self.status.setText(_("Something went wrong. What was saved before stays saved; nothing else was changed."))
        self._show_log_button()

    # --- page ---------------------------------------------------------------------------------

    def reset(self) -> None:
        self._queue = []
        self.status.setText("")
        self._show()

    def retranslate(self) -> None:
        self.title.setText(_("One request for each site"))
        self.intro.setText(
            _(
                "Navigator prepares one request for each site in your plan, and for each site in your case file when it is open: the letter that fits the site and your place, in the language the site reads when we know it. You finish and send each one yourself."
            )
        )
        self.language_label.setText(_("Otherwise write in:"))
        self.language.setAccessibleName(_("Language of the requests, where the site's own language is not known"))
        current = self.language.currentData() or self.shell.library.locale
        self.language.blockSignals(True)
        self.language.clear()
        for locale in self.shell.library.locales():
            self.language.addItem(i18n.language_name(locale), locale)
        self.language.setCurrentIndex(max(self.language.findData(current), 0))
        self.language.blockSignals(False)
        self.prepare_button.setText(_("Prepare the requests"))
        self.prepare_button.setAccessibleName(_("Prepare one request for each site"))
        self.note.setText(_("Nothing is sent and nothing is kept: the requests are forgotten when you start over or use Quick exit."))
        self.log_button.setText(_("I sent the finished ones: keep track of them in my case file"))
        self.log_button.setAccessibleName(_("Keep track of the finished requests in my case file"))
        self._show()
