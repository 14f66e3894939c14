"""Writing a request: who will see what comes first, required elements before "finished", the form
helper's Copy buttons, a letter in French from an English screen, requests for four sites at once
(logged in a case file with their deadlines), nothing kept after reset."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit

from navigator.core.letters import exposure_lines
from navigator.core.models import Kind, NoticeField
from navigator.ui.quick_exit import quick_exit


def answer(field: NoticeField) -> str:
    if field.kind in ("url", "urls"):
        return f"https://example.org/{field.id}"
    if field.kind == "email":
        return "me@example.org"
    return f"value for {field.id}"


def fill_in(page, template) -> None:
    """Type an answer into every field shown, as a person would: tick statements, pick the first choice."""
    for field in template.fields:
        widget = page.inputs.get(field.id)
        if widget is None:
            continue
        if isinstance(widget, QCheckBox):
            widget.setChecked(True)
        elif isinstance(widget, QComboBox):
            widget.setCurrentIndex(1)
        elif isinstance(widget, QLineEdit):
            widget.setText(answer(field))
        else:
            assert isinstance(widget, QPlainTextEdit)
            widget.setPlainText(answer(field))


def y_of(page, widget) -> int:
    return widget.mapTo(page, QPoint(0, 0)).y()


def test_fill_copy_and_reset(window, qtbot):
    template = window.library.get(Kind.NOTICE, "tida-removal-request")
    window.open_item(Kind.NOTICE, template.id)
    item_page = window.current_page()
    assert item_page.letter_button.isVisible()
    qtbot.mouseClick(item_page.letter_button, Qt.MouseButton.LeftButton)
    page = window.current_page()
    assert page.name == "letter"
    assert "Not finished yet" in page.status.text()
    fill_in(page, template)
    letter = page.letter_text()
    for field in template.fields:
        if field.kind in ("text", "urls") and field.id in page.inputs:
            assert answer(field) in letter, field.id
    assert "I have a good-faith belief" in letter
    assert "{" not in letter
    assert "ready" in page.status.text()
    qtbot.mouseClick(page.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == letter
    window.reset_session()
    assert page.values == {}
    assert page.letter_text() == ""


def test_who_will_see_what_comes_before_any_field(window):
    window.open_letter("copyright-dmca-notice")
    page = window.current_page()
    # Nobody has said their age: an adults-only letter asks first, and shows no field yet.
    assert page.age_gate.isVisible() and not page.body_host.isVisible()
    assert page.exposure.isVisible() and "Lumen" in page.exposure.text.text()
    adult = next(b for b in page.age_gate.findChildren(type(page.copy_button)) if b.text() == "18 or older")
    adult.click()
    assert page.body_host.isVisible()
    assert y_of(page, page.exposure) < y_of(page, page.form_host)
    template = window.library.get(Kind.NOTICE, "copyright-dmca-notice")
    for line in exposure_lines(template, str):
        assert line in page.exposure.text.text() or line.startswith("Who receives")


def test_an_adults_only_letter_is_not_offered_to_someone_who_may_have_been_under_18(window):
    window.open_letter("copyright-dmca-notice")
    page = window.current_page()
    under = next(b for b in page.age_gate.findChildren(type(page.copy_button)) if b.text() == "Under 18")
    under.click()
    assert page.not_offered.isVisible() and "only for images of people who were 18 or over" in page.not_offered.text.text()
    assert not page.body_host.isVisible() and not page.exposure.isVisible()
    assert window.library.get(Kind.NOTICE, "copyright-dmca-notice") is None


def test_someone_sends_it_for_me_where_the_route_allows_it(window):
    window.open_letter("tida-removal-request")
    page = window.current_page()
    assert page.on_behalf.isVisible() and "sent-by" not in page.inputs
    page.on_behalf.setChecked(True)
    assert "sent-by" in page.inputs
    assert window.session.letter.on_behalf
    window.open_letter("ftc-escalation")  # not confirmed for the FTC: not offered
    assert not page.on_behalf.isVisible()


def test_the_letter_is_never_finished_while_an_element_is_missing(window):
    window.open_letter("tida-removal-request")
    page = window.current_page()
    template = window.library.get(Kind.NOTICE, "tida-removal-request")
    fill_in(page, template)
    assert "Still missing" not in page.elements.text() and "ready" in page.status.text()
    page.inputs["good-faith"].setChecked(False)
    assert "Still missing: A short statement that you believe in good faith" in page.elements.text()
    assert "(47 U.S.C. 223a(a)(1)(B)(iii))" in page.elements.text()
    assert "Not finished yet" in page.status.text() and "ready" not in page.status.text()
    assert "I have a good-faith belief" not in page.letter_text()
    page.inputs["content-urls"].setPlainText("http://example.com/x")
    assert page.problems.isVisible() and "https://" in page.problems.text()


def test_the_form_helper_copies_each_field_and_quick_exit_clears_it(window, quick_exits):
    window.open_letter("au-esafety-report")
    page = window.current_page()
    template = window.library.get(Kind.NOTICE, "au-esafety-report")
    assert page.helper_host.isVisible() and page.open_form_button.isVisible()
    fill_in(page, template)
    assert len(page.copy_buttons) == len(template.form_fields)
    first, text = page.copy_buttons[0]
    assert text == "value for what-happened"
    first.click()
    assert QGuiApplication.clipboard().text() == "value for what-happened"
    second, text = page.copy_buttons[1]
    assert text == "value for where-when\nhttps://example.org/content-urls"
    second.click()
    assert QGuiApplication.clipboard().text() == text
    assert "Copied the answer" in page.status.text()
    quick_exit()
    assert QGuiApplication.clipboard().text() == ""
    assert quick_exits and window.session.letter.values == {}


def test_the_form_helper_counts_against_the_forms_limit(window):
    window.open_letter("cloudflare-abuse-report")
    page = window.current_page()
    page.inputs["explanation"].setPlainText("x" * 2100)
    comments = [b for b, text in page.copy_buttons if text.endswith("x" * 10)]
    assert comments
    assert "takes at most 2000 characters" in page.problems.text()
    names = [b.accessibleName() for b, _ in page.copy_buttons]
    assert names[0] == "Copy the answer for Type of abuse"
    assert page.copy_buttons[0][1] == "Non-Consensual Sexually Explicit Imagery (NCSEI)"


def test_letter_in_french_from_an_english_screen(window):
    from datetime import date

    from navigator import i18n

    window.open_letter("tida-removal-request")
    page = window.current_page()
    english = page.letter_text()
    page.language.setCurrentIndex(page.language.findData("fr"))
    french = page.letter_text()
    assert french != english and french.startswith("À : [Site web ou application]")
    assert i18n.format_date(date.today(), locale="fr") in french
    # The screen stays in English: the fields, the elements and the buttons.
    assert i18n.current_locale() == "en"
    assert page.copy_button.text() == "Copy the letter"
    assert "Still missing: A physical or electronic signature" in page.elements.text()
    page.inputs["good-faith"].setChecked(True)
    assert "Je crois de bonne foi" in page.letter_text()


def test_save_writes_the_letter_and_a_failed_save_loses_nothing(window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from navigator.ui.pages import letter as letter_page

    window.open_letter("tida-removal-request")
    page = window.current_page()
    target = tmp_path / "letter.txt"
    monkeypatch.setattr(letter_page, "ask_save_path", lambda *args: target)
    page.save_letter()
    assert target.read_text(encoding="utf-8") == page.letter_text()
    assert not list(tmp_path.glob(".*.part"))
    pdf = tmp_path / "letter.pdf"
    monkeypatch.setattr(letter_page, "ask_save_path", lambda *args: pdf)
    page.save_letter("pdf")
    assert pdf.read_bytes().startswith(b"%PDF")

    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append((box.text(), box.informativeText())) or 0)
    monkeypatch.setattr(letter_page, "ask_save_path", lambda *args: tmp_path / "missing" / "letter.txt")
    before = page.letter_text()
    page.save_letter()
    assert len(shown) == 1
    headline, still_here = shown[0]
    # The headline is about the letter's save, never "Your plan could not be saved there".
    assert headline == "That folder does not exist any more."
    assert "plan" not in headline.lower()
    assert "your letter is still here" in still_here
    assert page.letter_text() == before
    assert not (tmp_path / "missing").exists()


# --- several sites at once --------------------------------------------------------------------------


def answer_questions(window, answers: dict[str, tuple[str, ...]]) -> None:
    walk = window.session.walk
    for question, values in answers.items():
        walk.answers[question] = values


def test_requests_for_four_sites_logged_in_a_case_file_with_their_deadlines(window, qtbot, tmp_path: Path, monkeypatch):
    from tests.case_helpers import PASSPHRASE, cheap_kdf

    answer_questions(
        window,
        {
            "safe-now": ("safe",),
            "age": ("adult",),
            "where": ("x", "google-search", "whatsapp", "discord"),
            "country": ("us",),
            "us-state": ("us-tx",),
        },
    )
    window.open_letter("tida-removal-request")
    letter_page = window.current_page()
    letter_page.batch_button.click()
    page = window.current_page()
    assert page.name == "requests"
    drafts = window.session.requests
    assert [(d.site, d.template_id) for d in drafts] == [
        ("google-search", "search-removal-request"),
        ("x", "tida-removal-request"),
        ("whatsapp", "platform-policy-report"),
        ("discord", "tida-removal-request"),
    ]
    assert [d.locale for d in drafts] == ["en", "en", "en", "en"]
    assert len(page.open_buttons) == 4 and not page.log_button.isVisible()  # no case file: nothing kept

    # A case file is open: the finished requests can be logged, each with its deadline.
    cheap_kdf(monkeypatch)
    path = tmp_path / "case.navcase"
    done: list[bool] = []
    window.case_keeper.create(path, PASSPHRASE, lambda: done.append(True), lambda error: done.append(False))
    qtbot.waitUntil(lambda: bool(done), timeout=15000)
    assert done == [True]

    page.open_buttons[1].click()  # X
    letter = window.current_page()
    assert letter.name == "letter"
    assert letter.inputs["platform"].text() == "X (formerly Twitter)"
    template = window.library.get(Kind.NOTICE, "tida-removal-request")
    fill_in(letter, template)
    letter.inputs["platform"].setText("X (formerly Twitter)")
    assert "ready" in letter.status.text()
    window.open_door("requests")
    page = window.current_page()
    assert "(finished)" in page.grid.itemAtPosition(3, 0).widget().text()  # X, the second site: its name, then its words
    assert page.log_button.isVisible() and page.log_button.isEnabled()
    page.log_button.click()
    qtbot.waitUntil(lambda: "Saved in your case file" in page.status.text(), timeout=15000)
    state = window.case_keeper.state()
    reports = list(state.reports.values())
    assert len(reports) == 1
    report = reports[0].report
    assert report.route.ref == "navigator://notice/tida-removal-request" and report.route.label == "X (formerly Twitter)"
    assert report.deadline_hours == 48 and report.legal_basis == "navigator://law/us-take-it-down-platform-duty"
    assert [state.addresses[a].url for a in report.address_ids] == ["https://example.org/content-urls"]
    window.reset_session()
    assert window.session.requests == [] and not window.case_keeper.is_open


def test_requests_from_the_open_case_files_addresses(window, qtbot, tmp_path: Path, monkeypatch):
    from navigator.core.case import Address, EntryKind
    from tests.case_helpers import PASSPHRASE, cheap_kdf

    cheap_kdf(monkeypatch)
    done: list[bool] = []
    window.case_keeper.create(tmp_path / "case.navcase", PASSPHRASE, lambda: done.append(True), lambda error: done.append(False))
    qtbot.waitUntil(lambda: bool(done), timeout=15000)
    for url, platform, site_name in (
        ("https://www.reddit.com/r/x/comments/1", "reddit", ""),
        ("https://pics.example/p/9", "other", "pics.example"),
    ):
        case = window.case_keeper.file.case
        address = Address(id=case.next_id(EntryKind.ADDRESS), url=url, platform=platform, site_name=site_name)
        saved: list[bool] = []
        window.case_keeper.add(address, lambda _entry, saved=saved: saved.append(True), lambda error, saved=saved: saved.append(False))
        qtbot.waitUntil(lambda saved=saved: bool(saved), timeout=15000)
        assert saved == [True]
    answer_questions(window, {"safe-now": ("safe",), "age": ("adult",), "where": ("reddit",), "country": ("gb",)})
    window.open_door("requests")
    drafts = window.session.requests
    assert [(d.site, d.site_name, d.template_id) for d in drafts] == [
        ("reddit", "Reddit", "tida-removal-request"),
        ("", "pics.example", "tida-removal-request"),  # a site Navigator does not know: as "another website"
    ]
    assert drafts[0].values["content-urls"] == "https://www.reddit.com/r/x/comments/1"
    assert drafts[1].values == {"platform": "pics.example", "content-urls": "https://pics.example/p/9"}
    page = window.current_page()
    assert all(button.isEnabled() for button in page.open_buttons)
