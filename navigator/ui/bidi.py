"""Each text's direction from its language, never from its first letter (UX review F14).

Qt guesses the direction of a label from the first strong letter of its text: in Arabic,
"TikTok (تيك توك)", "TAKE IT DOWN Act: …" or "English" were laid out left to right and pushed to
the left edge, away from their box or key; in English, "العربية (Arabic)" went to the right.

``DirectionKeeper`` watches every label of the application. When a label is first polished,
shown, or its layout direction changes (the interface language changed: ``MainWindow`` sets the
direction from ``i18n.is_rtl``, Babel's CLDR data), it

- gives the label's text the direction of its language: the interface's, or the one named with
  ``set_text_language`` (content shown in English on an Arabic screen is read left to right);
- aligns it to the leading edge of the interface (the right in Arabic), whatever the text is.

A label Qt draws without a text document (no selection, no focus) always takes the direction of
its first letter, so a label that the mouse passes through (the words of a choice, a door) gets a
document: it stays unselectable, because no mouse event reaches it.

Names inside a sentence are kept whole with ``core.marks.isolate`` (Unicode first-strong isolates),
and lists are written with ``i18n.formats.format_list``, which isolates each item in a
right-to-left language.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from navigator import i18n
from navigator.ui import app_events

TEXT_LANGUAGE = "textLanguage"  # a widget property: the language of the words it shows
_LOGICAL = "_logicalAlignment"  # the alignment the code asked for, before it was made absolute

Align = Qt.AlignmentFlag
_HORIZONTAL = Align.AlignLeft | Align.AlignRight | Align.AlignHCenter | Align.AlignJustify | Align.AlignAbsolute


def direction_of(locale: str) -> Qt.LayoutDirection:
    return Qt.LayoutDirection.RightToLeft if i18n.is_rtl(locale) else Qt.LayoutDirection.LeftToRight


def text_direction(widget: QWidget) -> Qt.LayoutDirection:
    """The direction of the words ``widget`` shows: their language's, else the interface's."""
    language = widget.property(TEXT_LANGUAGE)
    if isinstance(language, str) and language:
        return direction_of(language)
    return widget.layoutDirection()


def set_text_language(widget: QWidget, locale: str | None) -> None:
    """Say which language ``widget``'s words are in (None: the interface's), and lay them out so."""
    widget.setProperty(TEXT_LANGUAGE, locale or "")
    if isinstance(widget, QLabel):
        fit_label(widget)


def _document(label: QLabel) -> QTextDocument | None:
    return label.findChild(QTextDocument)


def fit_label(label: QLabel) -> None:
    """Give ``label`` its language's direction and the interface's leading edge."""
    if label.textFormat() == Qt.TextFormat.RichText or (label.pixmap() is not None and not label.pixmap().isNull()):
        return
    document = _document(label)
    if document is None and label.testAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents):
        # No mouse event reaches it, so it cannot be selected: a document costs nothing more here.
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        document = _document(label)
        # A document measures its lines itself: the label and what holds it (a choice, a door) measure again.
        label.updateGeometry()
        holder = label.parentWidget()
        if holder is not None:
            holder.updateGeometry()
    direction = text_direction(label)
    if document is not None:
        option = document.defaultTextOption()
        if option.textDirection() != direction:
            option.setTextDirection(direction)
            document.setDefaultTextOption(option)
            label.updateGeometry()  # its lines may break elsewhere now
            label.update()
    _align(label)


def _align(label: QLabel) -> None:
    """Left (leading) means the interface's start edge, right (trailing) its end edge."""
    current = label.alignment()
    stored = label.property(_LOGICAL)
    logical = Align(int(stored)) if stored is not None and current & Align.AlignAbsolute else current
    label.setProperty(_LOGICAL, int(logical.value))
    horizontal = logical & _HORIZONTAL
    if horizontal & (Align.AlignHCenter | Align.AlignJustify):
        return
    rtl = label.layoutDirection() == Qt.LayoutDirection.RightToLeft
    if horizontal & Align.AlignAbsolute:
        return  # the code chose an absolute edge itself
    trailing = bool(horizontal & Align.AlignRight)
    edge = Align.AlignLeft if rtl == trailing else Align.AlignRight
    wanted = (logical & ~_HORIZONTAL) | edge | Align.AlignAbsolute
    if wanted != current:
        label.setAlignment(wanted)
        label.setProperty(_LOGICAL, int(logical.value))


class DirectionKeeper(QObject):
    """Fits every label of the application (see the module's docstring); install it once."""

    EVENTS = (QEvent.Type.Polish, QEvent.Type.Show, QEvent.Type.LayoutDirectionChange)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        # The cheap test first: this sees every event of the application (issue 17).
        if isinstance(watched, QLabel) and event.type() in self.EVENTS:
            fit_label(watched)
        return False


_keeper: DirectionKeeper | None = None


def install(app: QApplication) -> DirectionKeeper:
    """Watch the application's labels (once per process), and fit those that exist already."""
    global _keeper
    if _keeper is None:
        _keeper = DirectionKeeper(app)
        app_events.watch(app, _keeper)
    for widget in app.allWidgets():
        if isinstance(widget, QLabel):
            fit_label(widget)
    return _keeper
