"""Where a link may go: our own pages, or (after the person says yes) a secure web page, a phone
number or an email address in another program. Nothing else ever leaves Navigator.

Proven by tests/ui/test_privacy_controls.py (the links section).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from navigator import APP_NAME
from navigator.core.library import Library
from navigator.core.models import LINK_RE, Kind
from navigator.i18n import _
from navigator.privacy.process import original_environment
from navigator.ui import dialogs

ALLOWED_SCHEMES = ("https", "tel", "mailto")
KINDS = {k.value: k for k in Kind}


def allowed_link(href: str) -> bool:
    """Only secure web pages, phone numbers and email addresses may leave Navigator."""
    url = QUrl(href, QUrl.ParsingMode.StrictMode)
    if not url.isValid() or url.scheme().lower() not in ALLOWED_SCHEMES:
        return False
    if url.scheme().lower() == "https":
        return bool(url.host()) and not url.userName()
    return bool(url.path().strip())


def open_outside(href: str) -> bool:
    """Hand a link the person has agreed to open to the system (browser, phone or mail program)."""
    if not allowed_link(href):
        return False
    # The opener and the browser it starts get the person's own environment back (fonts, caches).
    with original_environment():
        return bool(QDesktopServices.openUrl(QUrl(href, QUrl.ParsingMode.StrictMode)))


def confirm_external(parent: QWidget, href: str) -> bool:
    """Hand a link to the system only after the person agrees; the browser keeps history."""
    agreed = dialogs.ask(
        parent,
        title=_("Leave Navigator?"),
        text=_("This opens outside Navigator:\n{link}").format(link=href),
        informative=_(
            "Your web browser may keep a record of the pages you visit. A private or incognito window keeps less. Someone who uses this computer could see its history."
        ),
        yes=_("Open it"),
        no=_("Stay here"),
        default="yes",
    )
    if agreed:
        open_outside(href)
    return agreed


def follow(parent: QWidget, library: Library, href: str, open_item: Callable[[Kind, str], None]) -> None:
    """Follow a link from a page: our own page, another program after a yes, or a plain refusal."""
    match = LINK_RE.fullmatch(href)
    if match:
        if match["kind"] in KINDS and library.resolve(href):
            open_item(KINDS[match["kind"]], match["id"])
        else:
            QMessageBox.information(parent, APP_NAME, _("That page is not in this version of Navigator."))
        return
    if allowed_link(href):
        confirm_external(parent, href)
        return
    QMessageBox.warning(
        parent,
        APP_NAME,
        _("This link cannot be opened. Navigator only opens secure web pages (https), phone numbers and email addresses."),
    )
