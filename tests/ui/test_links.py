"""Links that leave Navigator cannot be disguised (security review F5, F18): the question shows
what will be opened, and what is opened is what was shown."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QDesktopServices

from navigator.core.models import Kind, Organization
from navigator.ui import links


@pytest.fixture
def asked(monkeypatch):  # type: ignore[no-untyped-def]
    """Answers "Open it" to every question; returns the questions' words and what was opened."""
    seen: dict[str, list[str]] = {"asked": [], "opened": [], "refused": []}

    def ask(_parent, **words):  # type: ignore[no-untyped-def]
        seen["asked"].append(words["text"])
        return True

    monkeypatch.setattr(links.dialogs, "ask", ask)
    monkeypatch.setattr(links.dialogs, "warn", lambda _parent, text, *a: seen["refused"].append(text))
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: seen["opened"].append(bytes(url.toEncoded()).decode()) or True)
    return seen


@pytest.mark.parametrize(
    "href",
    [
        "tel:+1\u202e3764656008\u202c",  # shows as RAINN's +18006564673, dials another (the review's link)
        "tel:+1800\u200b656\u200b4673",  # zero-width spaces
        "sms:6467\u200d3",
        "https://example.org/\u202etxt.exe",  # shows as .../exe.txt
        "https://example.org/\u0430dmin",  # a look-alike letter outside the host
        "https://example.org/a b",
        "https://user@example.org/",
        "https://example.org:8443/",
        "mailto:help@example.org?bcc=abuser@evil.example&body=hi",  # a hidden copy and a prepared text
        "mailto:help@example.org?cc=abuser@evil.example",
        "mailto:help@example.org,abuser@evil.example",
        "mailto:help@example.org?subject=a%E2%80%AEb",
        "sms:64673?body=STOP",
        "tel:1-800-THE-LOST",  # letters are turned into digits by the content, never by a link
        "tel:+1 (800) 656 4673",  # a space: the number people see may not be one piece
    ],
)
def test_links_that_could_mislead_are_refused(window, asked, href):
    window.open_link(href)
    assert asked["asked"] == [] and asked["opened"] == []
    assert asked["refused"] and "cannot be opened" in asked["refused"][0]


@pytest.mark.parametrize(
    ("href", "shown", "opened"),
    [
        ("tel:+1-800-656-4673", "+18006564673", "tel:+18006564673"),
        ("sms:64673", "64673", "sms:64673"),
        ("mailto:help@example.org?subject=Help%20please", "help@example.org", "mailto:help@example.org?subject=Help%20please"),
        ("https://www.rainn.org/get-help", "https://www.rainn.org/get-help", "https://www.rainn.org/get-help"),
        ("https://www.r\u0430inn.org/", "https://www.xn--rinn-53d.org/", "https://www.xn--rinn-53d.org/"),
    ],
)
def test_the_question_shows_exactly_what_is_opened(window, asked, href, shown, opened):
    window.open_link(href)
    assert asked["opened"] == [opened]
    words = asked["asked"][0]
    assert f"\u2066{shown}\u2069" in words
    assert ("another alphabet" in words) is ("xn--" in shown)
    if href.startswith("mailto:") and "subject" in href:
        assert "Subject: Help please" in words


def test_every_contact_in_the_content_can_be_reached(window, asked):
    """A text contact (RAINN's "Text HOPE to 64673") used to say "cannot be opened"; now every
    phone, text, email and web contact opens after a yes, to the number or address it shows."""
    count = 0
    for item in window.library.all(Kind.ORGANIZATION):
        assert isinstance(item, Organization)
        for contact in item.contacts:
            link = links.parse(contact.href())
            assert link is not None, (item.id, contact.href())
            if contact.kind in ("phone", "tty", "text"):
                assert link.shown == contact.digits().lstrip()
            count += 1
    assert count > 20


def test_a_text_contact_opens_a_text_message_from_its_page(window, asked, qtbot):
    """F18: RAINN's "Text HOPE to 64673", clicked on its page, asks and then opens sms:64673 (it
    used to say "This link cannot be opened")."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QTextCursor

    from navigator.ui.reader import SafeBrowser

    rainn = window.library.get(Kind.ORGANIZATION, "rainn")
    assert isinstance(rainn, Organization)
    text = next(c for c in rainn.contacts if c.kind == "text")
    assert text.href() == "sms:64673"
    window.open_item(Kind.ORGANIZATION, "rainn")
    page = window.current_page()
    browser = next(b for b in page.findChildren(SafeBrowser) if b.isVisible() and "64673" in b.toPlainText())
    document = browser.document()
    block = document.begin()
    position = None
    while block.isValid() and position is None:
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().anchorHref() == "sms:64673":
                position = fragment.position() + fragment.length() // 2
                break
            it += 1
        block = block.next()
    assert position is not None, "no sms: link on RAINN's page"
    cursor = QTextCursor(document)
    cursor.setPosition(position)
    browser.setTextCursor(cursor)
    browser.ensureCursorVisible()
    qtbot.wait(50)
    point = browser.cursorRect(cursor).center()
    assert browser.anchorAt(point) == "sms:64673"
    qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert asked["refused"] == []
    assert asked["opened"] == ["sms:64673"]
    assert "to send a text message" in asked["asked"][0] and "\u206664673\u2069" in asked["asked"][0]
