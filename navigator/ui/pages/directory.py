"""The support directory: organizations and platform guides, with filters, best matches first.

Each entry says how to reach the service, when (open now is worked out on this computer from the
service's hours and time zone), in which languages, what it costs and when it was last checked.
Choosing an entry opens its full page. When the plan knows the person's place and language
(``PlanPage.place_known``, wired to ``set_context`` by the main window), services for them come
first; the place is part of the session, in memory only.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from navigator import i18n
from navigator.core import directory as core
from navigator.core.hours import OpenState, contact_hours, next_opening
from navigator.core.library import Library
from navigator.core.models import Contact, Item, Kind, Organization, Place, Platform
from navigator.core.render import contact_kind_label, cost_label, hours_text, tristate_label
from navigator.core.search import fold
from navigator.i18n import N_, _, formats, ngettext
from navigator.ui.language_notes import english_title, shows_english
from navigator.ui.navigation import Page, Shell
from navigator.ui.widgets import column, label, plain_tooltip, scroll

PAGE_SIZE = 20

SERVES = {
    "everyone": N_("Everyone"),
    "adults": N_("Adults"),
    "minors": N_("Under 18"),
    "young-people": N_("Young people"),
    "children": N_("Children"),
    "women": N_("Women"),
    "men": N_("Men"),
    "lgbtq": N_("LGBTQ+ people"),
}

CATEGORIES = {
    "search": N_("Search engines"),
    "social": N_("Social media"),
    "messaging": N_("Messaging apps"),
    "video": N_("Video sites"),
    "adult": N_("Adult sites"),
    "infrastructure": N_("Web hosts and services"),
    "app_store": N_("App stores"),
    "payment": N_("Payment companies"),
    "code_host": N_("Code hosting sites"),
    "regulator": N_("Regulators"),
}

ON_BEHALF = {
    "yes": N_("Yes"),
    "representative": N_("Yes, as your authorised representative"),
    "no": N_("No"),
    "unknown": N_("Not confirmed"),
}


def country_name(code: str) -> str:
    """The country's name in the interface language; "Anywhere" for a service that serves everywhere."""
    return _("Anywhere") if code == core.ANYWHERE else formats.country_name(code)


def region_name(code: str, subdivisions: dict[str, str] | None = None) -> str:
    return _("Anywhere") if code == core.ANYWHERE else formats.region_name(code, subdivisions)


def subdivision_names(view: Library) -> dict[str, str]:
    """Names of every state, province or nation in the place files, as the current view has them."""
    names: dict[str, str] = {}
    for place in view.all(Kind.PLACE):
        if isinstance(place, Place):
            names.update({sub.code: sub.name for sub in place.subdivisions})
    return names


def serves_name(slug: str) -> str:
    return _(SERVES[slug]) if slug in SERVES else slug.replace("-", " ").capitalize()


def category_name(category: str) -> str:
    return _(CATEGORIES[category]) if category in CATEGORIES else category


def now_utc() -> datetime:
    """The clock the directory reads; tests replace it."""
    return datetime.now(UTC)


def reach_text(contacts: list[Contact]) -> str:
    """Each way to reach a service once, in the order the content gives them."""
    return " · ".join(dict.fromkeys(_contact_text(c) for c in contacts))


def _contact_text(contact: Contact) -> str:
    kind = contact_kind_label(contact.kind, _)
    if contact.kind in ("website", "web_form", "chat"):
        host = contact.value.removeprefix("https://").split("/")[0]
        return f"{kind}: {host}"
    return f"{kind}: {contact.value}"


def plain_label(text: str = "", name: str = "") -> QLabel:
    """A label that cannot be selected: cheaper than ``pages.label`` for the many small captions of a long list.

    (Values such as phone numbers stay selectable, so they can be copied.)"""
    widget = QLabel(text)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    if name:
        widget.setObjectName(name)
    return widget


class KeyButton(QPushButton):
    """A push button that Enter and Return press too (outside dialogs Qt only lets Space press it)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            self.click()
            return
        super().keyPressEvent(event)


class Entry(QFrame):
    """One directory entry: a title button that opens the full page, then the facts that matter first."""

    def __init__(self, on_open: Callable[[], None] | None = None) -> None:
        super().__init__()
        self.setObjectName("card")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.on_open = on_open
        box = QVBoxLayout(self)
        box.setContentsMargins(20, 14, 20, 16)
        box.setSpacing(6)
        top = QHBoxLayout()
        self.title = KeyButton()
        self.title.setObjectName("link")
        self.title.setStyleSheet("QPushButton#link { font-weight: 600; text-align: left; }")
        self.title.setCursor(Qt.CursorShape.PointingHandCursor)
        self.title.clicked.connect(self.open)
        self.status = plain_label()
        top.addWidget(self.title, 1)
        top.addWidget(self.status)
        box.addLayout(top)
        self.summary = label(name="muted")
        box.addWidget(self.summary)
        self.facts = QGridLayout()
        self.facts.setHorizontalSpacing(14)
        self.facts.setVerticalSpacing(4)
        self.facts.setColumnStretch(1, 1)
        box.addLayout(self.facts)

    def open(self) -> None:
        if self.on_open is not None:
            self.on_open()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton:
            self.open()
        super().mouseReleaseEvent(event)

    def set_words(self, title: str, summary: str, facts: list[tuple[str, str]], status: str = "", status_colour: str = "") -> None:
        self.title.setText(title)
        self.title.setAccessibleName(title)
        self.summary.setText(summary)
        self.summary.setVisible(bool(summary))
        self.status.setText(status)
        self.status.setVisible(bool(status))
        if status_colour:
            self.status.setStyleSheet(f"color: {status_colour}; font-weight: 600;")
        for row, (key, value) in enumerate(facts):
            name = plain_label(key, "muted")
            name.setAlignment(Qt.AlignmentFlag.AlignTop)
            self.facts.addWidget(name, row, 0)
            self.facts.addWidget(label(value), row, 1)
        described = [status] if status else []
        described += [f"{k}: {v}" for k, v in facts]
        self.title.setAccessibleDescription(". ".join(described))
        self.title.setToolTip(plain_tooltip(summary))


class FilterBox(QWidget):
    """A caption above a control; the caption names the control for screen readers."""

    def __init__(self, control: QWidget) -> None:
        super().__init__()
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(4)
        self.caption = label(name="muted", wrap=False)
        self.control = control
        self.caption.setBuddy(control)
        box.addWidget(self.caption)
        box.addWidget(control)

    def set_caption(self, text: str) -> None:
        self.caption.setText(text)
        self.control.setAccessibleName(text)


class DirectoryPage(Page):
    name = "directory"

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        self.shown_count = PAGE_SIZE
        self._facets: core.Facets | None = None
        self._facets_view: object = None

        outer = column(self, margins=0)
        inner = QWidget()
        inner.setObjectName("page")
        layout = column(inner, margins=40, spacing=12)
        outer.addWidget(scroll(inner))

        self.title = label(name="title")
        self.subtitle = label(name="subtitle")
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)

        context_row = QHBoxLayout()
        self.context_text = label(name="muted")
        self.context_clear = QPushButton()
        self.context_clear.setObjectName("link")
        self.context_clear.clicked.connect(self.clear_context)
        context_row.addWidget(self.context_text, 1)
        context_row.addWidget(self.context_clear)
        self.context_row = QWidget()
        self.context_row.setLayout(context_row)
        context_row.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.context_row)

        mode_row = QHBoxLayout()
        self.show_services = QRadioButton()
        self.show_platforms = QRadioButton()
        self.show_services.setChecked(True)
        self.mode = QButtonGroup(self)
        for button in (self.show_services, self.show_platforms):
            self.mode.addButton(button)
            mode_row.addWidget(button)
            button.toggled.connect(self._mode_changed)
        mode_row.addStretch(1)
        layout.addLayout(mode_row)

        # Filters for services.
        self.place = QComboBox()
        self.region = QComboBox()
        self.language = QComboBox()
        self.channel = QComboBox()
        self.cost = QComboBox()
        self.serves = QComboBox()
        self.open_now = QCheckBox()
        self.clear = QPushButton()
        self.clear.clicked.connect(self.clear_filters)
        self.place_box = FilterBox(self.place)
        self.region_box = FilterBox(self.region)
        self.language_box = FilterBox(self.language)
        self.channel_box = FilterBox(self.channel)
        self.cost_box = FilterBox(self.cost)
        self.serves_box = FilterBox(self.serves)
        self.service_filters = QWidget()
        filters_column = QVBoxLayout(self.service_filters)
        filters_column.setContentsMargins(0, 0, 0, 0)
        filters_column.setSpacing(10)
        self.filter_grid = QGridLayout()
        self.filter_grid.setHorizontalSpacing(14)
        self.filter_grid.setVerticalSpacing(10)
        for column_index in range(3):
            self.filter_grid.setColumnStretch(column_index, 1)
        filters_column.addLayout(self.filter_grid)
        bottom = QHBoxLayout()
        bottom.addWidget(self.open_now)
        bottom.addStretch(1)
        bottom.addWidget(self.clear)
        filters_column.addLayout(bottom)
        # The state sits beside the country and shows only for a country that has some.
        where = QHBoxLayout()
        where.setSpacing(10)
        where.addWidget(self.place_box, 1)
        where.addWidget(self.region_box, 1)
        self.filter_grid.addLayout(where, 0, 0)
        for index, box in enumerate((self.language_box, self.channel_box, self.cost_box, self.serves_box), start=1):
            self.filter_grid.addWidget(box, index // 3, index % 3)
        layout.addWidget(self.service_filters)
        for combo in (self.place, self.region, self.language, self.channel, self.cost, self.serves):
            combo.currentIndexChanged.connect(self._filters_changed)
        self.open_now.toggled.connect(self._filters_changed)

        # Filters for platform guides.
        self.category = QComboBox()
        self.category_box = FilterBox(self.category)
        self.on_behalf = QCheckBox()
        self.platform_filters = QWidget()
        prow = QHBoxLayout(self.platform_filters)
        prow.setContentsMargins(0, 0, 0, 0)
        prow.addWidget(self.category_box)
        prow.addWidget(self.on_behalf, 0, Qt.AlignmentFlag.AlignBottom)
        prow.addStretch(1)
        layout.addWidget(self.platform_filters)
        self.category.currentIndexChanged.connect(self._filters_changed)
        self.on_behalf.toggled.connect(self._filters_changed)

        self.count = label(name="heading")
        layout.addWidget(self.count)
        self.clock_note = label(name="muted")
        layout.addWidget(self.clock_note)
        self.entries = QVBoxLayout()
        self.entries.setSpacing(12)
        layout.addLayout(self.entries)
        self.empty = label()
        layout.addWidget(self.empty)
        self.more = QPushButton()
        self.more.clicked.connect(self._show_more)
        more_row = QHBoxLayout()
        more_row.addWidget(self.more)
        more_row.addStretch(1)
        layout.addLayout(more_row)
        layout.addStretch(1)
        self.entry_widgets: list[Entry] = []
        self._filling = False

    # --- the person's place (the session's; the plan tells it) ------------------------------

    @property
    def context(self) -> core.Context:
        return self.shell.session.directory

    def set_context(self, country: str | None, region: str | None, language: str | None) -> None:
        """Put services for this place and language first (held in memory for this session only)."""
        self.shell.session.directory = core.Context(country, region, core.language_code(language))
        self.shown_count = PAGE_SIZE
        if self.isVisible():
            self.refresh()

    def clear_context(self) -> None:
        self.shell.session.directory = core.Context()
        self.refresh()

    # --- filters --------------------------------------------------------------------------

    def filters(self) -> core.Filters:
        channel = self.channel.currentData()
        cost = self.cost.currentData()
        serves = self.serves.currentData()
        return core.Filters(
            country=self.place.currentData() or None,
            region=None if self.region_box.isHidden() else self.region.currentData() or None,
            language=self.language.currentData() or None,
            channels=frozenset([channel]) if channel else frozenset(),
            costs=frozenset([cost]) if cost else frozenset(),
            serves=frozenset([serves]) if serves else frozenset(),
            open_now=self.open_now.isChecked(),
        )

    def clear_filters(self) -> None:
        self._filling = True
        for combo in (self.place, self.region, self.language, self.channel, self.cost, self.serves, self.category):
            combo.setCurrentIndex(0)
        self.open_now.setChecked(False)
        self.on_behalf.setChecked(False)
        self._filling = False
        self._filters_changed()

    def _filters_changed(self, *_args: object) -> None:
        if self._filling:
            return
        self.shown_count = PAGE_SIZE
        self._fill_regions()
        if self.isVisible():
            self.refresh()

    def _mode_changed(self, checked: bool) -> None:
        if checked:
            self._filters_changed()

    def _organizations(self) -> list[Organization]:
        return [o for o in self.shell.library.all(Kind.ORGANIZATION) if isinstance(o, Organization)]

    def _platforms(self) -> list[Platform]:
        return [p for p in self.shell.library.all(Kind.PLATFORM) if isinstance(p, Platform)]

    def facets(self) -> core.Facets:
        view = self.shell.library.view
        if self._facets is None or self._facets_view is not view:
            self._facets = core.facets(self._organizations())
            self._facets_view = view
        return self._facets

    @staticmethod
    def _set_items(combo: QComboBox, items: list[tuple[str, str | None]]) -> None:
        """Replace a combo's choices, keeping the current choice if it is still offered."""
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for text, data in items:
            combo.addItem(text, data)
        index = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

    def _fill_choices(self) -> None:
        f = self.facets()
        countries = sorted(f.countries, key=lambda c: fold(country_name(c)))
        self._set_items(self.place, [(_("Anywhere"), None)] + [(country_name(c), c) for c in countries])
        self._set_items(self.language, [(_("Any language"), None)] + [(i18n.language_name(code), code) for code in f.languages])
        self._set_items(self.channel, [(_("Any way"), None)] + [(contact_kind_label(c, _), c) for c in f.channels])
        self._set_items(self.cost, [(_("Any cost"), None)] + [(cost_label(c, _), c) for c in f.costs])
        self._set_items(self.serves, [(_("Anyone"), None)] + [(serves_name(s), s) for s in f.serves])
        categories = sorted({p.category for p in self._platforms()}, key=lambda c: fold(category_name(c)))
        self._set_items(self.category, [(_("All kinds of sites"), None)] + [(category_name(c), c) for c in categories])
        self._fill_regions()

    def _fill_regions(self) -> None:
        country = self.place.currentData()
        regions = [r for r in self.facets().regions if country and r.startswith(country + "-")]
        if country == "US":
            regions = sorted(set(regions) | set(formats.US_STATES))
        subs = subdivision_names(self.shell.library)
        regions.sort(key=lambda r: fold(region_name(r, subs)))
        self.region_box.setVisible(bool(regions))
        if country and regions:
            everywhere = _("All of {country}").format(country=country_name(country))
            self._set_items(self.region, [(everywhere, None)] + [(region_name(r, subs), r) for r in regions])
            self.region_box.set_caption(_("State") if country == "US" else _("Region"))

    # --- showing --------------------------------------------------------------------------

    def refresh(self) -> None:
        """Rebuild the list from the current filters, context and clock."""
        for widget in self.entry_widgets:
            self.entries.removeWidget(widget)
            widget.deleteLater()
        self.entry_widgets = []
        services = self.show_services.isChecked()
        self.service_filters.setVisible(services)
        self.platform_filters.setVisible(not services)
        self._show_context()
        now = now_utc()
        if services:
            matches = core.directory(self._organizations(), self.filters(), now, self._effective_context())
            total = len(matches)
            for match in matches[: self.shown_count]:
                self._add(self._organization_entry(match, now), Kind.ORGANIZATION, match.organization)
            self.count.setText(ngettext("{count} service", "{count} services", total).format(count=total))
            local = now.astimezone()
            self.clock_note.setText(
                _("Open now is worked out on this computer from each service's hours and time zone (your time: {time}).").format(
                    time=i18n.format_time(local)
                )
            )
            self.clock_note.show()
            self.empty.setText(_("No service matches all of these choices. You can remove a choice, or clear them all."))
        else:
            guides = core.platforms(self._platforms(), self.category.currentData(), self.on_behalf.isChecked())
            total = len(guides)
            for guide in guides[: self.shown_count]:
                self._add(self._platform_entry(guide), Kind.PLATFORM, guide)
            self.count.setText(ngettext("{count} platform guide", "{count} platform guides", total).format(count=total))
            self.clock_note.hide()
            self.empty.setText(_("No guide matches these choices."))
        self.count.setAccessibleName(self.count.text())
        self.empty.setVisible(total == 0)
        remaining = total - min(total, self.shown_count)
        self.more.setVisible(remaining > 0)
        self.more.setText(
            ngettext("Show {count} more", "Show {count} more", min(remaining, PAGE_SIZE)).format(count=min(remaining, PAGE_SIZE))
        )
        self.more.setAccessibleName(self.more.text())

    def _effective_context(self) -> core.Context:
        # Without answers from the pathway, the interface language is the best guess at the person's.
        language = self.context.language or core.language_code(i18n.current_locale())
        return core.Context(self.context.country, self.context.region, language)

    def _show_context(self) -> None:
        place = self.context.place
        parts = []
        if place.region:
            parts.append(region_name(place.region, subdivision_names(self.shell.library)))
        if place.country:
            parts.append(country_name(place.country))
        if self.context.language:
            parts.append(i18n.language_name(self.context.language))
        self.context_row.setVisible(bool(parts))
        self.context_text.setText(_("Services for you come first: {details}.").format(details=", ".join(parts)))
        self.context_clear.setText(_("Show in the usual order"))

    def _add(self, entry: Entry, kind: Kind, item: Item) -> None:
        entry.on_open = lambda k=kind, i=item.id: self.shell.open_item(k, i)
        self.entries.addWidget(entry)
        self.entry_widgets.append(entry)

    def _organization_entry(self, match: core.Match, now: datetime) -> Entry:
        org = match.organization
        palette = self.shell.theme.palette
        if match.state is OpenState.OPEN:
            status, colour = "● " + _("Open now"), palette.primary
        elif match.state is OpenState.CLOSED:
            opening = min(
                (t for t in (next_opening(contact_hours(c, org), now) for c in org.contacts) if t is not None),
                default=next_opening(org.hours, now),
            )
            if opening is not None:
                when = i18n.format_datetime(opening.astimezone(), "EEE HH:mm")
                status = _("Closed now. Opens {when} (your time)").format(when=when)
            else:
                status = _("Closed now")
            colour = palette.muted
        else:
            status, colour = _("Hours not listed"), palette.muted
        hours = org.hours or next((c.hours for c in org.contacts if c.hours), None)
        facts = [
            (_("How to reach them"), reach_text(org.contacts)),
            (_("When"), hours_text(hours, _) if hours else _("Hours not listed")),
            (_("Languages"), ", ".join(i18n.language_name(code) for code in org.languages)),
            (_("Where"), ", ".join(region_name(code, subdivision_names(self.shell.library)) for code in org.regions)),
            (_("Who it is for"), ", ".join(serves_name(s) for s in org.serves)),
            (_("Cost"), cost_label(org.cost, _)),
            (_("Last checked"), i18n.format_date(org.reviewed)),
        ]
        entry = Entry()
        entry.set_words(self._title(Kind.ORGANIZATION, org), org.summary, facts, status, colour)
        return entry

    def _platform_entry(self, guide: Platform) -> Entry:
        facts = [
            (_("Kind of site"), category_name(guide.category)),
            (_("Ways to report"), " · ".join(route.label for route in guide.routes)),
            (_("Someone can report for you"), _(ON_BEHALF.get(guide.on_behalf, guide.on_behalf))),
            (_("StopNCII partner"), tristate_label(guide.stopncii, _)),
        ]
        if guide.response_time:
            facts.append((_("How fast they say they act"), guide.response_time))
        facts.append((_("Last checked"), i18n.format_date(guide.reviewed)))
        entry = Entry()
        entry.set_words(self._title(Kind.PLATFORM, guide), guide.summary, facts)
        return entry

    def _title(self, kind: Kind, item: Organization | Platform) -> str:
        """The entry's name, marked when its words fall back to English (see ui/language_notes.py)."""
        library = self.shell.library
        if library.locale != i18n.SOURCE_LOCALE and shows_english(library, kind, item.id):
            return english_title(item.name)
        return item.name

    def _show_more(self) -> None:
        first_new = len(self.entry_widgets)
        self.shown_count += PAGE_SIZE
        self.refresh()
        if first_new < len(self.entry_widgets):
            self.entry_widgets[first_new].title.setFocus()

    # --- page life --------------------------------------------------------------------------

    def heading(self) -> str:
        return _("Find support")

    def shown(self) -> None:
        self._filling = True
        self._fill_choices()
        self._filling = False
        self.refresh()

    def retranslate(self) -> None:
        self.title.setText(_("Find support"))
        self.subtitle.setText(_("You do not have to do this alone. These services can help. Choose one to see all the details."))
        self.show_services.setText(_("Support services"))
        self.show_services.setAccessibleName(_("Show support services"))
        self.show_platforms.setText(_("Platform guides"))
        self.show_platforms.setAccessibleName(_("Show platform guides"))
        for button in (self.show_services, self.show_platforms):
            # Room for the thicker border of the checked state, so the words are never clipped.
            button.setMinimumWidth(button.sizeHint().width() + 8)
        self.place_box.set_caption(_("Country"))
        self.language_box.set_caption(_("Language"))
        self.channel_box.set_caption(_("Way to reach them"))
        self.cost_box.set_caption(_("Cost"))
        self.serves_box.set_caption(_("Who it is for"))
        self.category_box.set_caption(_("Kind of site"))
        self.open_now.setText(_("Open now"))
        self.open_now.setAccessibleName(_("Only services open now"))
        self.on_behalf.setText(_("Someone can report for me"))
        self.on_behalf.setAccessibleName(_("Only sites that accept a report from someone helping you"))
        self.clear.setText(_("Clear choices"))
        self.clear.setAccessibleName(_("Clear all filter choices"))
        self.context_clear.setAccessibleName(_("Show services in the usual order"))
        # The entries are built when the page is shown, not at start-up for a page no one opened.
        if self.isVisible():
            self._filling = True
            self._fill_choices()
            self._filling = False
            self.refresh()

    def reset(self) -> None:
        self.show_services.setChecked(True)
        self.clear_filters()
