"""The guided questions and the plan, driven like a person would: keys, clicks, exports, start over."""

from __future__ import annotations

import errno
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QLineEdit, QMessageBox, QScrollArea

from navigator.core.models import Kind
from navigator.ui import dialogs, quick_exit
from navigator.ui.pages.plan import PlanPage
from navigator.ui.pages.wizard import WizardPage

TEXAS = {
    "safe-now": ["safe"],
    "what-happened": ["ai-made"],
    "age": ["adult"],
    "where": ["x", "reddit"],
    "threats": ["not-threatened"],
    "country": ["us"],
    "us-state": ["us-tx"],
}


def wizard_of(window) -> WizardPage:
    page = window.pages["wizard"]
    assert isinstance(page, WizardPage)
    return page


def plan_of(window) -> PlanPage:
    page = window.pages["plan"]
    assert isinstance(page, PlanPage)
    return page


def choose(qtbot, wizard: WizardPage, values: list[str]) -> None:
    """Pick answers on the current screen with the mouse, as a person would."""
    if wizard.option_list is not None:
        widget = wizard.option_list
        for row in range(widget.count()):
            if widget.item(row).data(Qt.ItemDataRole.UserRole) == values[0]:
                widget.setCurrentRow(row)
        return
    for value, button in wizard.option_buttons:
        if (value in values) != button.isChecked():
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def answer_all(qtbot, window, answers: dict[str, list[str]]) -> None:
    window.open_door("guide")
    wizard = wizard_of(window)
    if wizard.views.currentWidget() is wizard.intro_view:
        qtbot.mouseClick(wizard.start_button, Qt.MouseButton.LeftButton)
    while wizard.walk.current() is not None:
        if wizard.showing_help():
            qtbot.mouseClick(wizard.help_go_on, Qt.MouseButton.LeftButton)
            continue
        question = wizard.walk.current()
        choose(qtbot, wizard, answers.get(question.id, [question.options[0].value]))
        assert wizard.next_button.isEnabled(), (question.id, wizard.walk.answers)
        qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)


def test_start_here_opens_the_first_question_at_once(window, qtbot) -> None:
    home = window.pages["home"]
    qtbot.mouseClick(home.start, Qt.MouseButton.LeftButton)
    wizard = wizard_of(window)
    assert window.current_page() is wizard
    assert wizard.views.currentWidget() is wizard.question_view and wizard.walk.current().id == "safe-now"
    assert wizard.welcome.isVisible() and wizard.welcome.text().startswith("A few short questions")


def test_keyboard_only_from_first_question_to_plan(window, qtbot) -> None:
    window.open_door("guide")
    wizard = wizard_of(window)
    seen = []
    while wizard.walk.current() is not None:
        if wizard.showing_help():  # "Yes" to threats: help at once, then on with the questions
            seen.append("help")
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
            continue
        question = wizard.walk.current()
        seen.append(question.id)
        focused = QApplication.focusWidget()
        assert focused is not None and wizard.isAncestorOf(focused), f"no focus on {question.id}"
        assert not wizard.next_button.isEnabled(), (seen, wizard.walk.answers)  # an answer first
        if question.id == "us-state":
            qtbot.keyClicks(focused, "Texas")
        elif question.id == "country":
            qtbot.keyClicks(focused, "United States")  # "I'd rather not say" comes first in long lists
        else:
            qtbot.keyClick(focused, Qt.Key.Key_Space)  # the first choice
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        assert len(seen) < 20
    assert seen[:4] == ["safe-now", "what-happened", "age", "where"]
    assert seen.count("help") == 1 and seen[seen.index("threats") + 1] == "help"
    assert "us-state" in seen  # the country is the US, so the state is asked
    assert window.current_page() is plan_of(window)
    plan = plan_of(window).plan
    assert plan is not None
    assert wizard.walk.answers["us-state"] == ("us-tx",)
    ids = plan.step_ids()
    assert ids[0] == "threats"  # "Yes" to threats: the safety step comes first
    assert "someone-close" in ids and "report-the-tool" in ids
    assert wizard.walk.answers["where"] == ("dont-know",)  # "I don't know where it is" comes first in that long list
    assert "not-sure-where" in ids
    assert "legal-options" in ids and "laws" in ids  # the law is part of every plan


def test_progress_and_back_re_evaluate_later_questions(window, qtbot) -> None:
    window.open_door("guide")
    wizard = wizard_of(window)
    assert not wizard.progress.isTextVisible() and wizard.progress.value() == 0  # a plain bar, no "1 of 9"
    for _ in range(5):  # up to the country question
        question = wizard.walk.current()
        choose(qtbot, wizard, TEXAS[question.id])
        qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    assert wizard.walk.current().id == "country"
    choose(qtbot, wizard, ["us"])
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    assert wizard.walk.current().id == "us-state"
    choose(qtbot, wizard, ["us-tx"])
    qtbot.mouseClick(wizard.back_button, Qt.MouseButton.LeftButton)
    assert wizard.walk.current().id == "country"
    assert wizard.walk.answers["country"] == ("us",)  # answers are kept
    assert wizard.option_list is not None and wizard.option_list.currentItem().data(Qt.ItemDataRole.UserRole) == "us"
    choose(qtbot, wizard, ["gb"])
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    assert wizard.walk.current().id == "uk-nation"
    assert wizard.prompt.text() == "Which part of the UK do you live in?"
    assert wizard.progress.value() > 50


def test_not_safe_shows_help_at_once_then_the_questions(window, qtbot, monkeypatch) -> None:
    """UX review F03: "No, I do not feel safe" got nothing for nine more questions."""
    from navigator.ui.pages import wizard as wizard_page

    monkeypatch.setattr(wizard_page, "likely_country", lambda: "US")
    window.open_door("guide")
    wizard = wizard_of(window)
    wizard.start()
    choose(qtbot, wizard, ["not-safe"])
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    assert wizard.showing_help()
    assert wizard.help_number.text() == "Emergency: 911"
    assert "988" in wizard.help_lines.text()  # a crisis line of the place, open day and night
    # Back to the question, and the answer is still there.
    qtbot.mouseClick(wizard.help_back, Qt.MouseButton.LeftButton)
    assert wizard.walk.current().id == "safe-now" and wizard.walk.answer_of("safe-now") == ("not-safe",)
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    assert not wizard.showing_help()  # once is enough: it is not shown again and again
    assert wizard.walk.current().id == "what-happened"
    # "Talk to someone now" from there opens the services at once.
    wizard.show_help_now()
    qtbot.mouseClick(wizard.help_talk, Qt.MouseButton.LeftButton)
    assert window.current_page().name == "directory"


def test_the_top_bars_back_is_the_previous_question(window, qtbot) -> None:
    window.open_door("guide")
    wizard = wizard_of(window)
    wizard.start()
    for value in (["safe"], ["ai-made"]):
        choose(qtbot, wizard, value)
        qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    assert wizard.walk.current().id == "age"
    assert window.topbar.back_button.isEnabled()
    qtbot.mouseClick(window.topbar.back_button, Qt.MouseButton.LeftButton)
    assert window.current_page() is wizard and wizard.walk.current().id == "what-happened"


def test_long_lists_put_the_safe_answers_first_and_can_be_filtered(window, qtbot) -> None:
    window.open_door("guide")
    wizard = wizard_of(window)
    wizard.start()
    for values in (["safe"], ["ai-made"], ["adult"], ["x"], ["not-threatened"], ["us"]):
        choose(qtbot, wizard, values)
        qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    assert wizard.walk.current().id == "us-state"
    rows = [wizard.option_list.item(n).data(Qt.ItemDataRole.UserRole) for n in range(wizard.option_list.count())]
    assert rows[:2] == ["prefer-not-to-say", "not-sure"]
    assert wizard.option_filter is not None and wizard.option_filter.isVisible()
    qtbot.keyClicks(wizard.option_filter, "tex")
    shown = [wizard.option_list.item(n).text() for n in range(wizard.option_list.count()) if not wizard.option_list.item(n).isHidden()]
    assert shown == ["I'd rather not say", "I'm not sure", "Texas"]


def test_where_choices_come_in_groups(window, qtbot) -> None:
    window.open_door("guide")
    wizard = wizard_of(window)
    wizard.start()
    while wizard.walk.current().id != "where":
        choose(qtbot, wizard, [wizard.walk.current().options[0].value])
        wizard.go_forward()
    headings = [w.text() for w in wizard.options_box.findChildren(QLabel) if w.property("optionGroup")]
    assert headings[:3] == ["Search engines", "Social media", "Messaging apps"]
    assert [v for v, _b in wizard.option_buttons][:2] == ["dont-know", "not-posted"]  # the safe answers first
    qtbot.keyClicks(wizard.option_filter, "reddit")
    visible = [v for v, b in wizard.option_buttons if b.isVisible()]
    assert "reddit" in visible and "x" not in visible


def test_exclusive_choice_clears_the_others(window, qtbot) -> None:
    window.open_door("guide")
    wizard = wizard_of(window)
    wizard.start()
    while wizard.walk.current().id != "where":
        choose(qtbot, wizard, [wizard.walk.current().options[0].value])
        wizard.go_forward()
    choose(qtbot, wizard, ["x", "reddit"])
    buttons = dict(wizard.option_buttons)
    qtbot.mouseClick(buttons["dont-know"], Qt.MouseButton.LeftButton)
    assert [v for v, b in wizard.option_buttons if b.isChecked()] == ["dont-know"]
    assert wizard.walk.answer_of("where") == ("dont-know",)
    qtbot.mouseClick(buttons["meta"], Qt.MouseButton.LeftButton)
    assert wizard.walk.answer_of("where") == ("meta",)


def test_plan_steps_open_their_pages_and_ticks_stay_in_memory(window, qtbot) -> None:
    answer_all(qtbot, window, TEXAS)
    page = plan_of(window)
    assert window.current_page() is page
    first = page.cards[0]
    assert first.step.key == "evidence"
    page.sections[0].open(True)
    qtbot.mouseClick(first.tick.box, Qt.MouseButton.LeftButton)
    assert page.ticks == {"evidence"}
    assert page.done_text.text().startswith("You have done 1 thing")
    removal = next(card for card in page.cards if card.step.key == "remove-each")
    assert [e.item.id for e in removal.step.entries] == ["x", "reddit"]
    # The guide of the first step opens, and Back returns to the plan with the tick kept.
    from PySide6.QtWidgets import QPushButton

    link = next(b for b in first.findChildren(QPushButton) if b.accessibleName() == "Saving evidence safely")
    qtbot.mouseClick(link, Qt.MouseButton.LeftButton)
    assert window.current_page().name == "item"
    assert window.current_page().item_id == "saving-evidence"
    window.go_back()
    assert window.current_page() is page
    assert page.boxes["evidence"].isChecked()


def test_save_as_pdf_has_headings_date_sources_and_advice(window, qtbot, tmp_path, monkeypatch) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed; ./dev test installs it")
    answer_all(qtbot, window, TEXAS)
    page = plan_of(window)
    target = tmp_path / "plan.pdf"
    monkeypatch.setattr(page, "ask_path", lambda *args: target)
    qtbot.mouseClick(page.pdf_button, Qt.MouseButton.LeftButton)
    assert target.read_bytes().startswith(b"%PDF")
    text = subprocess.run(["pdftotext", "-layout", str(target), "-"], check=True, capture_output=True, text=True).stdout
    for heading in ("Your plan", "1. Save proof before you report", "2. Ask each site to remove it", "Laws where you live", "Sources"):
        assert heading in text
    assert "Made on " in text
    assert "not legal advice" in text
    assert "Make a plan: checked" in text  # sources with their review dates
    assert "Tex. Penal Code 21.165" in text
    assert not list(tmp_path.glob(".*.part"))


def test_save_as_text_and_markdown_with_ticks(window, qtbot, tmp_path, monkeypatch) -> None:
    answer_all(qtbot, window, TEXAS)
    page = plan_of(window)
    qtbot.mouseClick(page.boxes["evidence"], Qt.MouseButton.LeftButton)
    paths = iter([tmp_path / "plan.md", tmp_path / "plan.txt"])
    monkeypatch.setattr(page, "ask_path", lambda *args: next(paths))
    page.markdown_action.trigger()  # from the "Other formats" menu
    page.text_action.trigger()
    markdown = (tmp_path / "plan.md").read_text(encoding="utf-8")
    assert markdown.startswith("# Your plan") and "- [x] If you can, keep a record" in markdown
    text = (tmp_path / "plan.txt").read_text(encoding="utf-8")
    assert text.startswith("Your plan") and "**" not in text


def test_cancelled_save_writes_nothing(window, qtbot, tmp_path, monkeypatch) -> None:
    answer_all(qtbot, window, TEXAS)
    page = plan_of(window)
    monkeypatch.setattr(page, "ask_path", lambda *args: None)
    assert page.save_pdf() is None
    assert [p.name for p in tmp_path.iterdir() if p.name != "config"] == []


@pytest.mark.parametrize(
    ("error", "expected"),
    [(errno.ENOSPC, "The disk is full."), (errno.EACCES, "Navigator is not allowed to save in that folder.")],
)
def test_write_error_is_explained_and_loses_nothing(window, qtbot, tmp_path, monkeypatch, error, expected) -> None:
    answer_all(qtbot, window, TEXAS)
    page = plan_of(window)
    qtbot.mouseClick(page.boxes["evidence"], Qt.MouseButton.LeftButton)
    target = tmp_path / "plan.pdf"
    monkeypatch.setattr(page, "ask_path", lambda *args: target)

    def failing_fsync(descriptor: int) -> None:  # the disk refuses once the data is written
        raise OSError(error, "simulated")

    monkeypatch.setattr("navigator.privacy.files.os.fsync", failing_fsync)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text() + " " + box.informativeText()) or 0)
    assert page.save_pdf() is None
    assert shown and expected in shown[0] and "Nothing is lost" in shown[0]
    assert not target.exists()
    assert not list(tmp_path.glob(".*.part"))  # no half-written file left behind
    assert page.plan is not None and page.boxes["evidence"].isChecked()  # the plan and ticks are still there


def test_saving_into_a_missing_folder_is_explained(window, qtbot, tmp_path, monkeypatch) -> None:
    answer_all(qtbot, window, TEXAS)
    page = plan_of(window)
    monkeypatch.setattr(page, "ask_path", lambda *args: tmp_path / "gone" / "plan.txt")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    assert page.save_text("text") is None
    assert shown == ["Your plan could not be saved there. That folder does not exist any more."]


def test_save_dialog_starts_at_home_and_leaves_no_trace(window, qtbot, tmp_path, monkeypatch) -> None:
    """Qt's file dialog normally records the last folder in QtProject.conf; ours must not."""
    config = tmp_path / "config"
    config.mkdir(exist_ok=True)
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(config))
    seen: dict[str, str] = {}

    def accept() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QFileDialog)
        seen["dir"] = dialog.directory().absolutePath()
        seen["file"] = dialog.selectedFiles()[0]
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        name.setText(str(tmp_path / "kept.txt"))
        dialog.accept()

    QTimer.singleShot(200, accept)
    path = dialogs.ask_save_path(window, "Save", "plan.txt", "Text files (*.txt)", "txt")
    assert path == tmp_path / "kept.txt"
    assert seen["dir"] == str(home)
    assert Path(seen["file"]).name == "plan.txt"
    assert not (config / "QtProject.conf").exists()
    assert list(config.iterdir()) == []
    # and Qt's settings still point nowhere afterwards (nothing is restored that a later dialog could use)
    assert not QSettings(QSettings.Scope.UserScope, "QtProject").fileName().startswith(str(config))


def test_start_over_clears_answers_plan_and_ticks(window, qtbot, monkeypatch) -> None:
    answer_all(qtbot, window, TEXAS)
    page = plan_of(window)
    qtbot.mouseClick(page.boxes["evidence"], Qt.MouseButton.LeftButton)
    wizard = wizard_of(window)
    monkeypatch.setattr(wizard, "confirm_start_over", lambda: True)
    qtbot.mouseClick(page.start_over_button, Qt.MouseButton.LeftButton)
    assert wizard.walk.answers == {} and not wizard.walk.finished
    assert page.plan is None and page.ticks == set() and page.cards == []
    assert window.current_page() is wizard and wizard.views.currentWidget() is wizard.intro_view


def test_change_my_answers_goes_back_to_the_last_question(window, qtbot) -> None:
    answer_all(qtbot, window, TEXAS)
    qtbot.mouseClick(plan_of(window).change_button, Qt.MouseButton.LeftButton)
    wizard = wizard_of(window)
    assert window.current_page() is wizard
    assert wizard.walk.current().id == "us-state"
    assert wizard.walk.answers["where"] == ("x", "reddit")


def test_session_reset_forgets_answers(window, qtbot) -> None:
    answer_all(qtbot, window, TEXAS)
    window.reset_session()
    assert wizard_of(window).walk.answers == {}
    assert plan_of(window).plan is None
    window.open_door("guide")
    assert window.current_page() is wizard_of(window)
    assert wizard_of(window).walk.current().id == "safe-now" and not wizard_of(window).walk.answers


def test_quick_exit_forgets_answers(window, qtbot, monkeypatch) -> None:
    answer_all(qtbot, window, TEXAS)
    assert wizard_of(window).walk.answers
    monkeypatch.setattr(quick_exit, "_terminate", lambda: None, raising=False)  # stay alive for the check
    quick_exit.quick_exit()
    assert not window.isVisible()
    assert wizard_of(window).walk.answers == {}
    assert window.session.ticks == set()  # the session is forgotten; hidden pages are not redrawn (F19)


def test_language_change_keeps_answers(window, qtbot) -> None:
    from navigator import i18n

    window.open_door("guide")
    wizard = wizard_of(window)
    wizard.start()
    choose(qtbot, wizard, ["not-safe"])
    i18n.set_locale("es")
    assert wizard.walk.answer_of("safe-now") == ("not-safe",)
    assert wizard.walk.current().id == "safe-now"
    assert [v for v, b in wizard.option_buttons if b.isChecked()] == ["not-safe"]


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_nothing_is_cut_off_at_the_smallest_window_size(window, qtbot, locale) -> None:
    """Long titles and choices wrap instead of pushing the page sideways."""
    from navigator import i18n

    i18n.set_locale(locale)
    window.resize(window.minimumSize())
    answer_all(qtbot, window, TEXAS)
    page = plan_of(window)
    scroll = page.findChild(QScrollArea)
    qtbot.waitUntil(lambda: scroll.viewport().width() > 0)
    QApplication.processEvents()
    assert scroll.horizontalScrollBar().maximum() == 0
    wizard = wizard_of(window)
    page.change_answers()
    while wizard.walk.current().id != "where":
        wizard.go_back()
    QApplication.processEvents()
    assert wizard.question_scroll.horizontalScrollBar().maximum() == 0


def test_print_goes_through_the_print_dialog(window, qtbot, tmp_path, monkeypatch) -> None:
    from PySide6.QtPrintSupport import QPrinter

    from navigator.ui.pages import plan as plan_page

    answer_all(qtbot, window, TEXAS)
    page = plan_of(window)
    target = tmp_path / "printed.pdf"

    class FakeDialog:
        """Stands in for the system print dialog: the person picks 'print to file' and presses Print."""

        def __init__(self, printer: QPrinter, parent) -> None:
            assert printer.docName() == "document"  # what the print queue shows says nothing (F11)
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(target))

        def setWindowTitle(self, title: str) -> None:  # noqa: N802 - mirrors Qt
            pass

        def exec(self) -> int:
            return plan_page.QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(plan_page, "QPrintDialog", FakeDialog)
    monkeypatch.setattr(page, "ask_before_printing", lambda: "print")  # what printing means is asked first
    assert page.print_plan() is True
    assert target.read_bytes().startswith(b"%PDF")
    monkeypatch.setattr(FakeDialog, "exec", lambda self: 0)  # cancelled: nothing printed
    target.unlink()
    assert page.print_plan() is False
    assert not target.exists()


def test_the_plan_puts_services_for_the_persons_place_first_in_the_directory(window, qtbot) -> None:
    from navigator.core.models import Organization

    uk = {**TEXAS, "country": ["gb"], "uk-nation": ["england"]}
    answer_all(qtbot, window, uk)
    directory = window.pages["directory"]
    assert directory.context.country == "GB"
    assert directory.context.language == "en"
    window.open_door("support")
    first = directory.entry_widgets[0]
    orgs = {o.id: o for o in window.library.all(Kind.ORGANIZATION) if isinstance(o, Organization)}
    titles = {o.name: o for o in orgs.values()}
    org = titles[first.title.text()]
    assert {"GB", "GB-ENG"} & set(org.regions)  # a service for the UK, or for England
