"""Feeds Qt's own strings (OK, Cancel, the file and print dialogs) from Navigator's catalogs.

One set of .po files covers everything a person sees: there are no Qt ``.qm`` files to ship or
keep in step. Only the strings listed in ``ui/qt_strings.py`` are answered; for anything else,
or a string the catalog has not translated, Qt keeps its own English.

Qt also asks its translators which way the language runs (``QT_LAYOUT_DIRECTION``); the answer
comes from ``i18n.is_rtl``, so even a dialog opened before the main window mirrors for Arabic.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

from navigator import i18n
from navigator.ui.qt_strings import QT_STRINGS

LAYOUT_DIRECTION = "QT_LAYOUT_DIRECTION"


class CatalogTranslator(QTranslator):
    def translate(self, context: str, source_text: str, disambiguation: str | None = None, n: int = -1) -> str | None:
        # None (a null QString) means "not mine": Qt then asks other translators or keeps its English.
        # An empty string would be taken as a translation, and every button would go blank.
        if source_text == LAYOUT_DIRECTION:
            return "RTL" if i18n.is_rtl() else "LTR"
        if source_text not in QT_STRINGS:
            return None
        return i18n.translate_known(source_text)

    def isEmpty(self) -> bool:  # noqa: N802 - Qt override
        return False


_installed: CatalogTranslator | None = None


def install(app: QCoreApplication) -> CatalogTranslator:
    """Install the translator once and re-install it on each language change.

    Re-installing makes Qt send LanguageChange to every widget, so its dialogs and standard
    buttons that are already built take the new words too.
    """
    global _installed
    if _installed is None:
        _installed = CatalogTranslator(app)
        app.installTranslator(_installed)
        i18n.on_change(_language_changed)
    return _installed


def _language_changed(_locale: str) -> None:
    app = QCoreApplication.instance()
    if _installed is not None and app is not None:
        app.removeTranslator(_installed)
        app.installTranslator(_installed)
