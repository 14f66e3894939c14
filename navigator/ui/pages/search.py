"""Search: a box in the top bar and a page of results, grouped by kind, updated on every keystroke.

Keyboard: Ctrl+F (or Ctrl+K) goes to the box; Enter opens the top result; Down moves into the
results, where the arrow keys move and Enter opens; Up from the first result goes back to the box.
Esc is left alone: it belongs to Quick exit (three presses).

The index lives in memory only, for the current language. It is made when the person first goes to
the search box (not at start-up), always in a background thread, so that the window, and Quick
exit, never wait for it. A wheel or the bundle reads it as the build compiled it
(``core/search_compiled.py``: milliseconds for the shipped content, about a tenth of a second at
100 times that); a checkout builds it: a quarter of a second for the shipped content, seconds for
large content or one very large article (security review F1). A query typed before it is ready
says so, and runs when it is.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QResizeEvent
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from navigator import i18n
from navigator.core import search_compiled
from navigator.core.models import Kind
from navigator.core.search import Hit, Results, SearchIndex
from navigator.i18n import N_, _, ngettext
from navigator.ui.language_notes import english_title, shows_english
from navigator.ui.navigation import Page, Shell
from navigator.ui.search_box import SearchBox
from navigator.ui.theme import Theme
from navigator.ui.widgets import column, label, plain_tooltip
from navigator.ui.worker import Worker

PER_KIND = 5
HIT_ROLE = Qt.ItemDataRole.UserRole
HEADER_ROLE = Qt.ItemDataRole.UserRole + 1
SNIPPET_ROLE = Qt.ItemDataRole.UserRole + 2
MORE_ROLE = Qt.ItemDataRole.UserRole + 3

KIND_NAMES = {
    Kind.ORGANIZATION: N_("Support services"),
    Kind.PLATFORM: N_("Platform guides"),
    Kind.ARTICLE: N_("Guides"),
    Kind.LAW: N_("Laws"),
    Kind.NOTICE: N_("Letters you can send"),
    Kind.GLOSSARY: N_("Words explained"),
    Kind.PATHWAY: N_("Plans"),
    Kind.PLACE: N_("Country"),  # a country's page: its emergency numbers
}


class ResultDelegate(QStyledItemDelegate):
    """Draws a result as its title over a short snippet; group headings larger; "show all" as a link."""

    PAD_X, PAD_Y, GAP = 14, 8, 4
    theme: Theme | None = None  # its palette's "muted" colours the snippet; set by the result list

    def _layout(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> tuple[QFont, QRect, QRect, int]:
        """Title font, title and snippet rectangles, and text flags for this row."""
        title_font = QFont(option.font)
        if index.data(HEADER_ROLE):
            title_font.setBold(True)
            title_font.setPointSizeF(title_font.pointSizeF() * 1.15)
        elif not index.data(MORE_ROLE):
            title_font.setBold(True)
        area = option.rect.adjusted(self.PAD_X, self.PAD_Y, -self.PAD_X, -self.PAD_Y)
        align = QStyle.visualAlignment(option.direction, Qt.AlignmentFlag.AlignLeading)
        flags = int(Qt.TextFlag.TextWordWrap) | int(align)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        title = QFontMetrics(title_font).boundingRect(QRect(area.left(), area.top(), area.width(), 10_000), flags, text)
        title = QRect(area.left(), title.top(), area.width(), title.height())
        snippet_text = str(index.data(SNIPPET_ROLE) or "")
        snippet = QRect(area.left(), title.bottom() + 1, area.width(), 0)
        if snippet_text:
            found = QFontMetrics(option.font).boundingRect(
                QRect(area.left(), title.bottom() + self.GAP, area.width(), 10_000), flags, snippet_text
            )
            snippet = QRect(area.left(), found.top(), area.width(), found.height())
        return title_font, title, snippet, flags

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        self.initStyleOption(option, index)
        option.text = ""
        widget = option.widget
        if widget is not None:
            widget.style().drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        title_font, title, snippet, flags = self._layout(option, index)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        painter.save()
        painter.setFont(title_font)
        if selected:
            colour = palette.highlightedText()
        elif index.data(MORE_ROLE):
            colour = palette.link()
        else:
            colour = palette.text()
        painter.setPen(colour.color())
        painter.drawText(title, flags, str(index.data(Qt.ItemDataRole.DisplayRole) or ""))
        snippet_text = index.data(SNIPPET_ROLE)
        if snippet_text:
            painter.setFont(option.font)
            # The theme's tested "muted" colour (UX review F20: the style sheet's placeholder colour was 3.1:1).
            muted = QColor(self.theme.palette.muted) if self.theme is not None else palette.placeholderText().color()
            painter.setPen(palette.highlightedText().color() if selected else muted)
            painter.drawText(snippet, flags, str(snippet_text))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802 - Qt override
        self.initStyleOption(option, index)
        view = self.parent()
        width = view.viewport().width() - 2 * view.spacing() if isinstance(view, QListWidget) else 600
        option.rect = QRect(0, 0, max(width, 200), 0)
        _font, title, snippet, _flags = self._layout(option, index)
        bottom = max(title.bottom(), snippet.bottom())
        extra = 8 if index.data(HEADER_ROLE) else 0
        return QSize(width, bottom + 1 + self.PAD_Y + extra)


class ResultList(QListWidget):
    """The result list: Enter opens; Up from the first result returns to the search box."""

    def __init__(self, page: SearchPage) -> None:
        super().__init__()
        self.page = page
        delegate = ResultDelegate(self)
        delegate.theme = page.shell.theme
        self.setItemDelegate(delegate)
        self.setWordWrap(True)
        self.setUniformItemSizes(False)
        self.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.setSpacing(2)
        self.itemActivated.connect(page.activate)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            item = self.currentItem()
            if item is not None:
                self.page.activate(item)
            return
        if event.key() == Qt.Key.Key_Up and self.currentRow() <= self.page.first_row():
            self.page.box.setFocus()
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.doItemsLayout()  # heights depend on the width: wrap again


class SearchPage(Page):
    name = "search"

    def __init__(self, shell: Shell, box: SearchBox) -> None:
        super().__init__(shell)
        self.box = box
        box.textEdited.connect(self._edited)
        box.returnPressed.connect(self._open_top)
        box.reached.connect(self.prepare)
        box.installEventFilter(self)  # Down moves from the box into the results
        self.results = Results("")
        self.expanded: set[Kind] = set()
        self._index: SearchIndex | None = None
        self._index_view: object = None
        self._building: object = None  # the view whose index a background thread is building
        self._builder = Worker(self)
        self._builder.done.connect(lambda result: self._built(*result))
        layout = column(self, margins=32, spacing=12)
        self.title = label(name="title")
        self.summary = label(name="muted")
        self.list = ResultList(self)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)

    @property
    def query(self) -> str:
        """What the person searched for: part of the session, forgotten with it."""
        return self.shell.session.search_text

    @query.setter
    def query(self, text: str) -> None:
        self.shell.session.search_text = text

    # --- the box in the top bar -------------------------------------------------------------

    def _edited(self, text: str) -> None:
        if self.shell.current_page() is not self:
            self.shell.show_page(self.name)
        self.run(text)

    def _open_top(self) -> None:
        if self.shell.current_page() is not self or self.query != self.box.text():
            self._edited(self.box.text())
        self.open_top()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if (
            watched is self.box
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and self.shell.current_page() is self
        ):
            return self.focus_results()
        return False

    # --- the index ------------------------------------------------------------------------

    def index(self) -> SearchIndex:
        """The index of the current language's view, made here and now if it is not ready."""
        view = self.shell.library.view
        if self._index is None or self._index_view is not view:
            self._index = self._make_index()()
            self._index_view = view
        return self._index

    def _make_index(self) -> Callable[[], SearchIndex]:
        """What makes the index of the current view: read as the build compiled it for this reader, or built."""
        library = self.shell.library
        view, reader, folder = library.view, library.reader, library.compiled_in
        return lambda: search_compiled.index_for(view, reader, folder)

    def ready(self) -> bool:
        return self._index is not None and self._index_view is self.shell.library.view

    def prepare(self) -> None:
        """Have an index for the current language ready soon, built in a background thread, so the
        window (and Quick exit) never wait for it."""
        view = self.shell.library.view
        if self.ready() or self._building is view:
            return
        self._building = view
        make = self._make_index()
        # Reads immutable content only; the result comes back to the interface thread by a signal.
        self._builder.start(lambda: (view, make()))

    def _built(self, view: object, index: SearchIndex) -> None:
        if self._building is view:
            self._building = None
        if view is not self.shell.library.view:
            return  # the language changed meanwhile; the next query prepares the right index
        self._index, self._index_view = index, view
        if self.query.strip():
            self.run(self.query)

    # --- running a query ------------------------------------------------------------------

    def run(self, query: str) -> None:
        if query != self.query:
            self.expanded = set()
        self.query = query
        if query.strip() and not self.ready():
            self.prepare()
        if query.strip() and not self.ready():
            self.results = Results(query)
            self._show(waiting=True)
            return
        self.results = self.index().search(query, per_kind=PER_KIND) if query.strip() else Results(query)
        for kind in self.expanded:
            more = self.index().search(query, per_kind=10_000)
            self.results = Results(
                self.results.query,
                [next((g for g in more.groups if g.kind is kind), group) if group.kind is kind else group for group in self.results.groups],
            )
        self._show()

    def _show(self, waiting: bool = False) -> None:
        self.list.clear()
        query = self.query.strip()
        if not query:
            self.title.setText(_("Search"))
            self.summary.setText(_("Type a word, for example a site's name, 'helpline' or 'evidence'."))
            return
        total = self.results.total
        self.title.setText(_("Results for “{query}”").format(query=query))
        if waiting:
            self.summary.setText(_("Getting search ready. Results will appear in a moment."))
        elif total == 0 and len(query) < 2:
            self.summary.setText(_("Keep typing: a single letter is not enough to search."))
        elif total == 0:
            self.summary.setText(_("Nothing found. You can try another word, or check the spelling."))
        else:
            self.summary.setText(ngettext("{count} result", "{count} results", total).format(count=total))
        self.summary.setAccessibleName(self.summary.text())
        english_note = i18n.current_locale() != i18n.SOURCE_LOCALE
        for group in self.results.groups:
            header = QListWidgetItem(f"{_(KIND_NAMES[group.kind])} ({group.total})")
            header.setData(HEADER_ROLE, True)
            header.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(header)
            for hit in group.hits:
                self.list.addItem(self._item(hit, english_note))
            if group.total > len(group.hits):
                more = QListWidgetItem(_("Show all {count}").format(count=group.total))
                more.setData(MORE_ROLE, group.kind.value)
                more.setData(
                    Qt.ItemDataRole.AccessibleTextRole,
                    _("Show all {count} {kind}").format(count=group.total, kind=_(KIND_NAMES[group.kind])),
                )
                self.list.addItem(more)

    def _item(self, hit: Hit, english_note: bool) -> QListWidgetItem:
        # The same mark as every list uses (ui/language_notes.py): English fallback, or a
        # "translation" whose words are still the English ones.
        english = english_note and (hit.english or shows_english(self.shell.library, hit.kind, hit.id))
        title = english_title(hit.title) if english else hit.title
        item = QListWidgetItem(title)
        item.setData(HIT_ROLE, (hit.kind.value, hit.id))
        item.setData(SNIPPET_ROLE, hit.snippet)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{title}. {hit.snippet}")
        item.setToolTip(plain_tooltip(hit.snippet))
        return item

    # --- acting on results ----------------------------------------------------------------

    def first_row(self) -> int:
        for row in range(self.list.count()):
            if self.list.item(row).flags() & Qt.ItemFlag.ItemIsEnabled:
                return row
        return -1

    def focus_results(self) -> bool:
        row = self.first_row()
        if row < 0:
            return False
        self.list.setFocus()
        self.list.setCurrentRow(row)
        return True

    def open_top(self) -> None:
        top = self.results.top
        if top is not None:
            self.shell.open_item(top.kind, top.id)

    def activate(self, item: QListWidgetItem) -> None:
        target = item.data(HIT_ROLE)
        if target:
            kind, item_id = target
            self.shell.open_item(Kind(kind), item_id)
            return
        more = item.data(MORE_ROLE)
        if more:
            row = self.list.row(item)
            self.expanded.add(Kind(more))
            self.run(self.query)
            self.list.setCurrentRow(min(row, self.list.count() - 1))

    # --- page life --------------------------------------------------------------------------

    def heading(self) -> str:
        return _("Search")

    def retranslate(self) -> None:
        self.box.retranslate()
        self.list.setAccessibleName(_("Search results"))
        self.run(self.query)

    def reset(self) -> None:
        self.box.setText("")  # setText, not clear(): a new, empty undo history (security review F6)
        self.expanded = set()
        self.results = Results("")
        self._index = None
        self._index_view = None
        self._building = None
        self.list.clear()
        self._show()  # the heading said the last person's words too
