"""Where a link may go: our own pages, or (after the person says yes) a secure web page, a phone
number, a text message or an email address in another program. Nothing else ever leaves Navigator.

What the question shows is what will be opened, and it cannot be disguised (security review F5):

- a link holding a control, format or space character (a right-to-left override that shows
  RAINN's number but dials another, a zero-width space) is refused, and so is a letter outside
  plain ASCII anywhere but in a web address's host;
- a web address is shown as it will be sent, with its host written in plain ASCII ("punycode")
  when it holds letters of another alphabet ("rаinn.org" with a Cyrillic "а" shows as
  "xn--rinn-53d.org"), and then says so;
- a phone number or a text message shows the digits that will be dialled, and those digits are
  what is opened: separators (spaces, dots, dashes, brackets) are dropped, anything else refuses;
- an email link carries one address and at most a subject (no hidden copy to someone else, no
  prepared text), and shows both.

``parse`` makes each link into an ``Outside`` (what to show, what to open) or refuses it; the rest
of Navigator never hands the system a link it did not make itself.

Proven by tests/ui/test_links.py and tests/ui/test_privacy_controls.py (the links section).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from navigator.core.library import Library
from navigator.core.models import LINK_RE, Kind
from navigator.i18n import _
from navigator.privacy.process import original_environment
from navigator.ui import dialogs

ALLOWED_SCHEMES = ("https", "tel", "sms", "mailto")
KINDS = {k.value: k for k in Kind}
# Separators people write in numbers; dropped before dialling. Anything else that is not a digit
# (a letter, a sign, an invisible character) refuses the link.
_SEPARATORS = re.compile(r"[\s.()\-\u00a0]")
_NUMBER = re.compile(r"\+?[0-9]{3,15}|\*[0-9]{2,6}")
_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@(?:[A-Za-z0-9\-]+\.)+[A-Za-z]{2,}")
# Unicode categories that have no business in a link: controls, format characters (bidi
# overrides, zero-width), separators (spaces of every kind), unassigned and private-use code points.
_HIDDEN = {"Cc", "Cf", "Zs", "Zl", "Zp", "Co", "Cn", "Cs"}


@dataclass(frozen=True)
class Outside:
    """A link that may leave Navigator: what the question shows, and exactly what is opened."""

    kind: str  # "web", "phone", "text", "email"
    target: str  # the link handed to the system, made here
    shown: str  # what the person reads: the same address, or the digits dialled
    note: str = ""  # a warning to read first (another alphabet in the host)
    subject: str = ""


def _hidden(text: str, spaces: bool = False) -> bool:
    """True if ``text`` holds a character that cannot be seen for what it is (``spaces``: an
    ordinary space is fine, as in an email's subject)."""
    return any(unicodedata.category(c) in _HIDDEN and not (spaces and c == " ") for c in text)


def _number(text: str) -> str | None:
    digits = _SEPARATORS.sub("", text)
    return digits if _NUMBER.fullmatch(digits) else None


def parse(href: str) -> Outside | None:
    """What ``href`` would open outside Navigator, or None if it may not leave at all."""
    if not href or _hidden(href):
        return None
    scheme, colon, rest = href.partition(":")
    scheme = scheme.lower()
    if not colon or scheme not in ALLOWED_SCHEMES:
        return None
    if scheme == "https":
        return _web(href)
    if not rest.isascii():
        return None
    if scheme in ("tel", "sms"):
        number, _query, query = rest.partition("?")
        digits = _number(number)
        if digits is None or query:  # an sms: body would be text the person did not write
            return None
        return Outside("phone" if scheme == "tel" else "text", f"{scheme}:{digits}", digits)
    address, _q, query = rest.partition("?")
    if not _EMAIL.fullmatch(address):
        return None
    fields = [field.partition("=") for field in query.split("&")] if query else []
    if any(name.lower() != "subject" or not equals for name, equals, _value in fields) or len(fields) > 1:
        return None  # cc, bcc, body, a second address: nothing the person cannot see
    subject = QUrl.fromPercentEncoding(QByteArray(fields[0][2].replace("+", " ").encode("ascii"))) if fields else ""
    if _hidden(subject, spaces=True):
        return None
    encoded = bytes(QUrl.toPercentEncoding(subject).data()).decode("ascii")
    target = f"mailto:{address}" + (f"?subject={encoded}" if subject else "")
    return Outside("email", target, address, subject=subject)


def _web(href: str) -> Outside | None:
    url = QUrl(href, QUrl.ParsingMode.StrictMode)
    if not url.isValid() or url.scheme().lower() != "https" or not url.host() or url.userInfo() or url.port() not in (-1, 443):
        return None
    # Outside the host, only plain ASCII (a look-alike letter in a path is refused, not explained).
    host_unicode = url.host(QUrl.ComponentFormattingOption.PrettyDecoded)
    authority_end = href.find("/", len("https://"))
    tail = href[authority_end:] if authority_end >= 0 else ""
    if not tail.isascii():
        return None
    ascii_host = url.host(QUrl.ComponentFormattingOption.FullyEncoded)
    if not ascii_host or not ascii_host.isascii():
        return None
    encoded = url.toString(QUrl.ComponentFormattingOption.FullyEncoded)
    note = ""
    if not host_unicode.isascii() or "xn--" in ascii_host.lower():
        note = _(
            "This address uses letters from another alphabet, so it may be made to look like a site you know. Check it letter by letter."
        )
    return Outside("web", encoded, encoded, note)


def allowed_link(href: str) -> bool:
    """Only secure web pages, phone numbers, text messages and email addresses may leave Navigator."""
    return parse(href) is not None


def open_outside(href: str) -> bool:
    """Hand a link the person has agreed to open to the system (browser, phone or mail program)."""
    link = parse(href)
    if link is None:
        return False
    # The opener and the browser it starts get the person's own fonts and caches back.
    with original_environment():
        return bool(QDesktopServices.openUrl(QUrl(link.target, QUrl.ParsingMode.StrictMode)))


def describe(link: Outside) -> str:
    """The question's words: what will open, in a form that cannot be disguised."""
    what = {
        "web": _("This opens outside Navigator, in your web browser:\n{link}"),
        "phone": _("This opens outside Navigator, to call this number:\n{link}"),
        "text": _("This opens outside Navigator, to send a text message to this number:\n{link}"),
        "email": _("This opens outside Navigator, to write an email to:\n{link}"),
    }[link.kind].format(link=f"\u2066{link.shown}\u2069")  # kept left to right, whole, in right-to-left text
    if link.subject:
        what += "\n" + _("Subject: {subject}").format(subject=link.subject)
    if link.note:
        what += "\n\n" + link.note
    return what


def confirm_external(parent: QWidget, href: str) -> bool:
    """Hand a link to the system only after the person agrees; the browser keeps history."""
    link = parse(href)
    if link is None:
        refuse(parent)
        return False
    agreed = dialogs.ask(
        parent,
        title=_("Leave Navigator?"),
        text=describe(link),
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


def refuse(parent: QWidget) -> None:
    dialogs.warn(
        parent,
        _("This link cannot be opened. Navigator only opens secure web pages (https), phone numbers, text messages and email addresses."),
    )


def follow(parent: QWidget, library: Library, href: str, open_item: Callable[[Kind, str], None]) -> None:
    """Follow a link from a page: our own page, another program after a yes, or a plain refusal."""
    match = LINK_RE.fullmatch(href)
    if match:
        if match["kind"] in KINDS and library.resolve(href):
            open_item(KINDS[match["kind"]], match["id"])
        else:
            dialogs.inform(parent, _("That page is not in this version of Navigator."))
        return
    if allowed_link(href):
        confirm_external(parent, href)
        return
    refuse(parent)
