"""The support directory: "Talk to someone now" at the top, then every service, with filters.

At the top, two or three services the person can call or write to now, for their place: the place
they gave in the questions, or else the region this computer is set to (``ui/likely_place.py``,
read only, never stored); a line open day and night first, its number large
(``core.directory.talk_now``). Below, every service, best matches first, with the filters folded
away until asked for (UX review F07). Platform guides are under "Get it taken down", not here.

Each entry says how to reach the service, when (open now is worked out on this computer from the
service's hours and time zone), in which languages, what it costs and when it was last checked.
Choosing an entry opens its full page. When the plan knows the person's place and language
(``PlanPage.place_known``, wired to ``set_context`` by the main window), services for them come
first; the place is part of the session, in memory only.

Cards are built once per language and reused: a change of filter shows, hides and reorders them,
so the list never flashes half-drawn cards (built again only on a language change or reset).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from navigator import i18n
from navigator.core import directory as core
from navigator.core.hours import OpenState, contact_hours, next_opening
from navigator.core.library import Library
from navigator.core.models import Contact, Kind, Organization, Place, Platform
from navigator.core.render import contact_kind_label, cost_label, hours_text
from navigator.core.search import fold
from navigator.i18n import N_, _, formats, ngettext
from navigator.ui.language_notes import english_title, shows_english
from navigator.ui.likely_place import likely_country
from navigator.ui.navigation import Page, Shell
from navigator.ui.widgets import (
    FlowRow,
    WrappingButton,
    WrappingCheckBox,
    column,
    fit_columns,
    label,
    place_in_columns,
    plain_tooltip,
    scroll,
)

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


class KeyButton(WrappingButton):
    """A link-like title that Enter and Return press too (outside dialogs Qt only lets Space press
    it); its words wrap, so a long name never makes the page scroll sideways (UX review F23)."""

    def __init__(self) -> None:
        super().__init__("", "link", margins=(4, 4))
        self.setStyleSheet("QLabel#words { font-weight: 600; }")

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
        self.title.setCursor(Qt.CursorShape.PointingHandCursor)
        self.title.clicked.connect(self.open)
        self.status = plain_label()
        self.status.setWordWrap(True)
        top.addWidget(self.title, 1)
        box.addLayout(top)
        box.addWidget(self.status)  # under the name: a long "Closed now. Opens…" never widens the card
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

    stacked: bool | None = None  # None: the facts are not placed yet

    def stack_facts(self, stacked: bool) -> None:
        """Each fact's name beside its value, or above it in a narrow window or with large text, so
        a long web address never widens the card (UX review F23)."""
        if stacked == self.stacked:
            return
        self.stacked = stacked
        for name, value in getattr(self, "fact_widgets", []):
            self.facts.removeWidget(name)
            self.facts.removeWidget(value)
        for row, (name, value) in enumerate(getattr(self, "fact_widgets", [])):
            if stacked:
                self.facts.addWidget(name, 2 * row, 0, 1, 2)
                self.facts.addWidget(value, 2 * row + 1, 0, 1, 2)
            else:
                self.facts.addWidget(name, row, 0)
                self.facts.addWidget(value, row, 1)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton:
            self.open()
        super().mouseReleaseEvent(event)

    def set_words(self, title: str, summary: str, facts: list[tuple[str, str]]) -> None:
        self.title.setText(title)
        self.title.setAccessibleName(title)
        self.summary.setText(summary)
        self.summary.setVisible(bool(summary))
        self.status.hide()
        self.fact_widgets: list[tuple[QLabel, QLabel]] = []
        for key, value in facts:
            name = plain_label(key, "muted")
            name.setWordWrap(True)  # large text in a narrow window: on two lines, never cut
            name.setAlignment(Qt.AlignmentFlag.AlignTop)
            self.fact_widgets.append((name, label(value)))
        self.stacked = None
        self.stack_facts(False)
        self.described = [f"{k}: {v}" for k, v in facts]
        self.title.setAccessibleDescription(". ".join(self.described))
        self.title.setToolTip(plain_tooltip(summary))

    def set_status(self, status: str, colour: str) -> None:
        self.status.setText(status)
        self.status.setVisible(bool(status))
        self.status.setStyleSheet(f"color: {colour}; font-weight: 600;")
        self.title.setAccessibleDescription(". ".join([status, *self.described] if status else self.described))


class FilterBox(QWidget):
    """A caption above a control; the caption names the control for screen readers."""

    def __init__(self, control: QWidget) -> None:
        super().__init__()
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(4)
        self.caption = label(name="muted")
        self.control = control
        self.caption.setBuddy(control)
        box.addWidget(self.caption)
        box.addWidget(control)

    def set_caption(self, text: str) -> None:
        self.caption.setText(text)
        self.control.setAccessibleName(text)


class TalkCard(QFrame):
    """A service to talk to now: its name, its number large, when it answers, and its full page."""

    def __init__(self, on_open: Callable[[], None]) -> None:
        super().__init__()
        self.setObjectName("card")
        box = QVBoxLayout(self)
        box.setContentsMargins(18, 12, 18, 14)
        box.setSpacing(4)
        self.title = KeyButton()
        self.title.setCursor(Qt.CursorShape.PointingHandCursor)
        self.title.clicked.connect(on_open)
        self.number = label(name="title")  # large, and selectable so it can be copied
        self.when = label(name="muted")
        box.addWidget(self.title)
        box.addWidget(self.number)
        box.addWidget(self.when)

    def set_words(self, title: str, number: str, when: str) -> None:
        self.title.setText(title)
        self.title.setAccessibleName(title)
        self.title.setAccessibleDescription(f"{number}. {when}")
        self.number.setText(number)
        self.number.setAccessibleName(number)
        self.when.setText(when)


class DirectoryPage(Page):
    name = "directory"

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        self.shown_count = PAGE_SIZE
        self._facets: core.Facets | None = None
        self._facets_view: object = None
        self._cards: dict[str, Entry] = {}  # built once per language, shown and hidden by the filters
        self._cards_view: object = None

        outer = column(self, margins=0)
        inner = QWidget()
        inner.setObjectName("page")
        layout = column(inner, margins=40, spacing=12)
        self.scroll_area = scroll(inner)
        outer.addWidget(self.scroll_area)

        self.title = label(name="title")
        self.subtitle = label(name="subtitle")
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)

        # Talk to someone now: two or three services, before anything else.
        self.talk_heading = label(name="heading")
        self.talk_place = label(name="muted")
        self.talk_box = QVBoxLayout()
        self.talk_box.setSpacing(10)
        self.talk_cards: list[TalkCard] = []
        self.talk_none = label()
        layout.addWidget(self.talk_heading)
        layout.addWidget(self.talk_place)
        layout.addLayout(self.talk_box)
        layout.addWidget(self.talk_none)

        self.more_heading = label(name="heading")
        layout.addWidget(self.more_heading)
        context_row = FlowRow()  # the link goes under the words when they do not fit
        self.context_text = label(name="muted")
        self.context_clear = WrappingButton(name="link", margins=(4, 4))  # wraps rather than widen the page
        self.context_clear.clicked.connect(self.clear_context)
        context_row.addWidget(self.context_text)
        context_row.addWidget(self.context_clear)
        self.context_row = QWidget()
        self.context_row.setLayout(context_row)
        context_row.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.context_row)

        # Filters for services: folded away until asked for.
        self.filters_toggle = QPushButton()
        self.filters_toggle.setCheckable(True)
        self.filters_toggle.toggled.connect(self._show_filters)
        toggle_row = QHBoxLayout()
        toggle_row.addWidget(self.filters_toggle)
        toggle_row.addStretch(1)
        layout.addLayout(toggle_row)
        self.place = QComboBox()
        self.region = QComboBox()
        self.language = QComboBox()
        self.channel = QComboBox()
        self.cost = QComboBox()
        self.serves = QComboBox()
        for combo in (self.place, self.region, self.language, self.channel, self.cost, self.serves):
            # As wide as the column gives, not as the longest choice (a country, a long answer).
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
        self.open_now = WrappingCheckBox()
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
        # Two columns where they fit, one in a narrow window (fit_filters; UX review F23).
        self.filter_grid = QGridLayout()
        self.filter_grid.setHorizontalSpacing(14)
        self.filter_grid.setVerticalSpacing(10)
        for column_index in range(2):
            self.filter_grid.setColumnStretch(column_index, 1)
        filters_column.addLayout(self.filter_grid)
        bottom = FlowRow()  # on two lines rather than wider than the window (large text)
        bottom.addWidget(self.open_now)
        bottom.addWidget(self.clear)
        filters_column.addLayout(bottom)
        self.filter_boxes: list[QWidget] = [
            self.place_box,
            self.region_box,
            self.language_box,
            self.channel_box,
            self.cost_box,
            self.serves_box,
        ]
        self.filter_columns = 2
        place_in_columns(self.filter_grid, self.filter_boxes, self.filter_columns)
        layout.addWidget(self.service_filters)
        self.service_filters.hide()
        for combo in (self.place, self.region, self.language, self.channel, self.cost, self.serves):
            combo.currentIndexChanged.connect(self._filters_changed)
        self.open_now.toggled.connect(self._filters_changed)

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

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.fit_filters()

    def fit_filters(self) -> None:
        """Two columns of filters where they fit, one in a narrow window or with large text (F23)."""
        columns = fit_columns(self.width() - 80, self, 2, chars=28)
        if columns != self.filter_columns:
            self.filter_columns = columns
            place_in_columns(self.filter_grid, self.filter_boxes, columns)
            for card in self._cards.values():
                card.stack_facts(columns == 1)

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

    def talk_place_now(self) -> core.Place:
        """Whom "Talk to someone now" is for: the place the person gave, or this computer's region."""
        place = self.context.place
        if place:
            return place
        return core.Place.of(likely_country())

    # --- filters --------------------------------------------------------------------------

    def _show_filters(self, on: bool) -> None:
        self.service_filters.setVisible(on)
        self.filters_toggle.setText(_("Hide the filters") if on else _("Choose a place, a language or a way to reach them"))
        self.filters_toggle.setAccessibleName(self.filters_toggle.text())

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
        for combo in (self.place, self.region, self.language, self.channel, self.cost, self.serves):
            combo.setCurrentIndex(0)
        self.open_now.setChecked(False)
        self._filling = False
        self._filters_changed()

    def _filters_changed(self, *_args: object) -> None:
        if self._filling:
            return
        self.shown_count = PAGE_SIZE
        self._fill_regions()
        if self.isVisible():
            self.refresh()

    def _organizations(self) -> list[Organization]:
        return [o for o in self.shell.library.all(Kind.ORGANIZATION) if isinstance(o, Organization)]

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
        """Show the cards the filters, context and clock pick, in order; hide the rest."""
        self._show_talk_now()
        self._show_context()
        view = self.shell.library.view
        if self._cards_view is not view:
            self._drop_cards()
            self._cards_view = view
        for widget in self.entry_widgets:
            self.entries.removeWidget(widget)
            widget.hide()
        self.entry_widgets = []
        now = now_utc()
        matches = core.directory(self._organizations(), self.filters(), now, self._effective_context())
        total = len(matches)
        for match in matches[: self.shown_count]:
            entry = self._card(match.organization)
            self._set_status(entry, match, now)
            self.entries.addWidget(entry)
            entry.show()
            self.entry_widgets.append(entry)
        self.count.setText(ngettext("{count} service", "{count} services", total).format(count=total))
        self.clock_note.setText(
            _("Open now is worked out on this computer from each service's hours and time zone (your time: {time}).").format(
                time=i18n.format_time(now.astimezone())
            )
        )
        self.empty.setText(_("No service matches all of these choices. You can remove a choice, or clear them all."))
        self.count.setAccessibleName(self.count.text())
        self.empty.setVisible(total == 0)
        remaining = total - min(total, self.shown_count)
        self.more.setVisible(remaining > 0)
        self.more.setText(
            ngettext("Show {count} more", "Show {count} more", min(remaining, PAGE_SIZE)).format(count=min(remaining, PAGE_SIZE))
        )
        self.more.setAccessibleName(self.more.text())

    def _drop_cards(self) -> None:
        for card in self._cards.values():
            self.entries.removeWidget(card)
            card.hide()  # not setParent(None): see PlanPage.rebuild
            card.deleteLater()
        self._cards = {}
        self.entry_widgets = []

    def _card(self, org: Organization) -> Entry:
        card = self._cards.get(org.id)
        if card is None:
            card = self._organization_entry(org)
            card.on_open = functools.partial(self.shell.open_item, Kind.ORGANIZATION, org.id)
            self._cards[org.id] = card
        return card

    def _show_talk_now(self) -> None:
        for card in self.talk_cards:
            self.talk_box.removeWidget(card)
            card.hide()  # not setParent(None): see PlanPage.rebuild
            card.deleteLater()
        self.talk_cards = []
        place = self.talk_place_now()
        language = self._effective_context().language
        chosen = core.talk_now(self._organizations(), place, language) if place else []
        if place:
            where = region_name(place.region, subdivision_names(self.shell.library)) if place.region else country_name(place.country or "")
            self.talk_place.setText(_("For {place}. Not where you are? Choose a place under the list of services.").format(place=where))
        else:
            self.talk_place.setText(_("Choose your country under the list of services to see who you can call where you are."))
        for org in chosen:
            phone = next((c for c in org.contacts if c.kind == "phone"), None) or next(
                (c for c in org.contacts if c.kind in ("text", "chat", "whatsapp")), org.contacts[0]
            )
            number = phone.label or phone.value if phone.kind == "phone" else _contact_text(phone)
            if phone.kind == "phone" and phone.label and phone.label != phone.value:
                number = f"{phone.value} ({phone.label})"
            hours = phone.hours or org.hours
            when = hours_text(hours, _) if hours else _("Hours not listed")
            card = TalkCard(functools.partial(self.shell.open_item, Kind.ORGANIZATION, org.id))
            card.set_words(self._title(Kind.ORGANIZATION, org), number, when)
            self.talk_box.addWidget(card)
            self.talk_cards.append(card)
        self.talk_none.setVisible(bool(place) and not chosen)
        self.talk_none.setText(_("We know of no service there that answers by phone, text or chat. The services below may help."))

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
        self.context_text.setText(_("Services for you come first: {details}.").format(details=formats.format_list(parts)))
        self.context_clear.setText(_("Show in the usual order"))
        self.context_clear.setAccessibleName(_("Show services in the usual order"))

    def _set_status(self, entry: Entry, match: core.Match, now: datetime) -> None:
        """The only part of a card that changes with the clock: open now, closed, or hours not listed."""
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
        entry.set_status(status, colour)

    def _organization_entry(self, org: Organization) -> Entry:
        hours = org.hours or next((c.hours for c in org.contacts if c.hours), None)
        facts = [
            (_("How to reach them"), reach_text(org.contacts)),
            (_("When"), hours_text(hours, _) if hours else _("Hours not listed")),
            (_("Languages"), formats.format_list([i18n.language_name(code) for code in org.languages])),
            (_("Where"), formats.format_list([region_name(code, subdivision_names(self.shell.library)) for code in org.regions])),
            (_("Who it is for"), formats.format_list([serves_name(s) for s in org.serves])),
            (_("Cost"), cost_label(org.cost, _)),
            (_("Last checked"), i18n.format_date(org.reviewed)),
        ]
        entry = Entry()
        entry.setParent(self)
        entry.hide()
        entry.set_words(self._title(Kind.ORGANIZATION, org), org.summary, facts)
        entry.stack_facts(self.filter_columns == 1)
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
        self.scroll_area.verticalScrollBar().setValue(0)
        self.refresh()

    def retranslate(self) -> None:
        self.title.setText(_("Find support"))
        self.subtitle.setText(_("You do not have to do this alone. These services can help. Choose one to see all the details."))
        self.talk_heading.setText(_("Talk to someone now"))
        self.more_heading.setText(_("More services"))
        self._show_filters(self.filters_toggle.isChecked())
        self.place_box.set_caption(_("Country"))
        self.language_box.set_caption(_("Language"))
        self.channel_box.set_caption(_("Way to reach them"))
        self.cost_box.set_caption(_("Cost"))
        self.serves_box.set_caption(_("Who it is for"))
        self.open_now.setText(_("Open now"))
        self.open_now.setAccessibleName(_("Only services open now"))
        self.clear.setText(_("Clear choices"))
        self.clear.setAccessibleName(_("Clear all filter choices"))
        self.context_clear.setAccessibleName(_("Show services in the usual order"))
        self._drop_cards()  # their words are in the old language
        self._cards_view = None
        # The entries are built when the page is shown, not at start-up for a page no one opened.
        if self.isVisible():
            self._filling = True
            self._fill_choices()
            self._filling = False
            self.refresh()

    def reset(self) -> None:
        self.filters_toggle.setChecked(False)
        self.clear_filters()
