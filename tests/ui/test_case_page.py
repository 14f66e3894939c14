"""The case file screens, driven as a person would: start a case, log an address and a report, see
an overdue report and its next steps, save an evidence report, lock on Quick exit, open it again.

Forms are filled and their main button pressed (``drive`` stands in for ``exec()``, so the test sees
the form while the worker thread runs). The key derivation is cheap here except where the sample
file is opened, which uses the shipped settings.
"""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel

from navigator.core import case_file
from navigator.core.case import Address, EntryKind, ReportState
from navigator.core.case_file import CaseFile
from navigator.ui import case_dialogs
from navigator.ui.pages import case as case_page
from tests.case_helpers import PASSPHRASE, SAMPLE, cheap_kdf, write


class Driver:
    """Replaces run_modal: shows the form, lets the test fill it, presses the main button, waits."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot
        self.fill: list = []
        self.seen: list = []

    def __call__(self, dialog, then=None) -> bool:
        self.seen.append(dialog)
        dialog.show()
        fill = self.fill.pop(0) if self.fill else None
        if fill is not None and fill(dialog) is False:
            dialog.reject()
            return False
        if isinstance(dialog, case_dialogs.Form):
            dialog.ok.click()
            self.qtbot.waitUntil(lambda: dialog.result() != 0 or dialog.error.isVisible(), timeout=15000)
        accepted = dialog.result() == 1
        dialog.hide()
        return accepted


@pytest.fixture
def drive(qtbot, monkeypatch):
    driver = Driver(qtbot)
    monkeypatch.setattr(case_page, "run_modal", driver)
    return driver


@pytest.fixture
def page(window, monkeypatch):
    cheap_kdf(monkeypatch)
    window.open_door("case")
    current = window.current_page()
    assert isinstance(current, case_page.CasePage)
    return current


def start_case(page, drive, tmp_path: Path, monkeypatch) -> Path:
    path = tmp_path / "stick" / "case.navcase"
    path.parent.mkdir()
    monkeypatch.setattr(case_page.dialogs, "ask_save_path", lambda *a, **k: path)

    def fill(dialog):
        dialog.first.setText(PASSPHRASE)
        dialog.second.setText(PASSPHRASE)

    drive.fill.append(fill)
    page.start_button.click()
    assert page.keeper.is_open
    return path


def test_closed_screen_says_what_a_case_file_is(page):
    assert page.closed_view.isVisible() and not page.open_view.isVisible()
    assert "never holds the images" in page.about.text()
    assert page.start_button.objectName() == "primary"
    for widget in (page.start_button, page.open_button):
        assert widget.accessibleName()


def test_create_then_log_address_and_report(page, drive, tmp_path, monkeypatch):
    path = start_case(page, drive, tmp_path, monkeypatch)
    assert page.open_view.isVisible()
    assert sorted(p.name for p in path.parent.iterdir()) == ["case.navcase"]  # one file, nothing else

    def address(dialog):
        dialog.url.setText("https://forum.example/t/1")
        dialog.site.setCurrentIndex(dialog.site.findData("reddit"))
        dialog.account.setText("u/someone")

    drive.fill.append(address)
    page.address_button.click()

    def report(dialog):
        dialog.kind.setCurrentIndex(dialog.kind.findData("platform"))
        dialog.addresses.item(0).setCheckState(Qt.CheckState.Checked)
        dialog.reference.setText("TICKET-9")
        assert dialog.route.count() > 0
        assert dialog.basis.text()

    drive.fill.append(report)
    page.log_button.click()
    opened = CaseFile.unlock(path, PASSPHRASE, write)
    kinds = [e.kind for e in opened.case.entries]
    assert kinds == [EntryKind.ADDRESS, EntryKind.REPORT]
    reported = opened.case.entries[1].data
    assert reported.reference == "TICKET-9" and reported.address_ids == ["a1"]
    assert reported.route.ref == "navigator://platform/reddit"
    assert "TICKET-9" in " ".join(w.text() for w in page.findChildren(QLabel))


def test_wrong_passphrase_says_so_and_keeps_the_form(page, drive, monkeypatch):
    monkeypatch.setattr(case_page, "ask_open_path", lambda *a: SAMPLE)
    drive.fill.append(lambda d: d.passphrase.setText("not the passphrase"))
    page.open_button.click()
    dialog = drive.seen[-1]
    assert dialog.error.text() == "That passphrase does not open this case file. Nothing was changed. Please try again."
    assert dialog.passphrase.isEnabled() and dialog.passphrase.text() == "not the passphrase"
    assert not page.keeper.is_open


def test_sample_shows_overdue_first_with_how_long_and_next_steps(page, drive, monkeypatch):
    monkeypatch.setattr(case_page, "ask_open_path", lambda *a: SAMPLE)
    page.keeper.clock = lambda: datetime(2026, 11, 7, 15, 0, tzinfo=UTC)  # three days after its deadline
    drive.fill.append(lambda d: d.passphrase.setText(PASSPHRASE))
    page.open_button.click()
    assert page.keeper.is_open
    cards = [page.reports_box.itemAt(i).widget() for i in range(page.reports_box.count())]
    names = [card.accessibleName() for card in cards]
    assert names[0].startswith("Overdue: ") and "Overdue by 3 days." in names[0]
    assert names[1].startswith("Refused: ")
    assert names[2].startswith("Removed: ")
    state = page.keeper.state()
    assert state.reports["r7"].state is ReportState.REFUSED
    # The overdue TAKE IT DOWN request shows its deadline and the next steps from content (the FTC).
    words = " ".join(w.text() for w in cards[0].findChildren(QLabel))
    assert "Deadline: Nov 4, 2026" in words
    steps = [b for b in cards[0].findChildren(QAbstractButton) if b.accessibleName().startswith("Next step: ")]
    assert steps, "no next step shown for an overdue TAKE IT DOWN request"
    steps[0].click()
    assert page.shell.current_page().name == "item"


def test_export_in_another_language(page, drive, tmp_path, monkeypatch):
    start_case(page, drive, tmp_path, monkeypatch)
    drive.fill.append(lambda d: d.url.setText("https://forum.example/t/2"))
    page.address_button.click()
    out = tmp_path / "report.md"
    monkeypatch.setattr(case_page.dialogs, "ask_save_path", lambda *a, **k: out)

    def choose(dialog):
        dialog.language.setCurrentIndex(dialog.language.findData("es"))
        dialog.format.setCurrentIndex(dialog.format.findData("markdown"))
        dialog.accept()

    drive.fill.append(choose)
    page.export_button.click()
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Informe de pruebas")
    assert "`https://forum.example/t/2`" in text


def test_quick_exit_locks_and_reopen_brings_it_back(page, drive, tmp_path, monkeypatch, quick_exits, window):
    path = start_case(page, drive, tmp_path, monkeypatch)
    drive.fill.append(lambda d: d.url.setText("https://forum.example/t/3"))
    page.address_button.click()
    opened = page.keeper.file
    key = opened._key
    from navigator.ui.quick_exit import quick_exit

    quick_exit()
    assert quick_exits == [True]
    assert key.wiped and opened.locked and not page.keeper.is_open
    assert page.keeper.path is None  # forgotten too: the next person does not see which file
    # Open it again, as after a restart.
    monkeypatch.setattr(case_page, "ask_open_path", lambda *a: path)
    window.show()
    window.open_door("case")
    drive.fill.append(lambda d: d.passphrase.setText(PASSPHRASE))
    page.open_button.click()
    assert page.keeper.is_open
    assert [a.url for a in page.keeper.state().addresses.values()] == ["https://forum.example/t/3"]


def test_lock_by_hand_and_idle(page, drive, tmp_path, monkeypatch, qtbot):
    start_case(page, drive, tmp_path, monkeypatch)
    page.lock_button.click()
    assert not page.keeper.is_open and page.reopen_button.isVisible()
    assert "locked" in page.locked_note.text()
    drive.fill.append(lambda d: d.passphrase.setText(PASSPHRASE))
    page.reopen_button.click()
    assert page.keeper.is_open
    page.keeper.idle_minutes = 1
    page.keeper.idle_timer.setInterval(50)
    page.keeper.idle_timer.start()
    qtbot.waitUntil(lambda: not page.keeper.is_open, timeout=3000)


@pytest.mark.parametrize("how", ["f12", "esc3", "button"])
def test_quick_exit_works_while_the_key_is_being_derived(page, drive, monkeypatch, quick_exits, qtbot, window, how):
    """The form waits for the worker; Quick exit during the derivation (F12, Esc three times, the
    button) works at once, and the late result is locked unseen (security review F1)."""
    release = threading.Event()
    real = case_file.derive

    def slow(*args):
        release.wait(10)
        return real(*args)

    monkeypatch.setattr(case_file, "derive", slow)
    monkeypatch.setattr(case_page, "ask_open_path", lambda *a: SAMPLE)
    pressed: list[float] = []

    def fill(dialog):
        dialog.passphrase.setText(PASSPHRASE)
        dialog.ok.click()
        assert not dialog.passphrase.isEnabled() and dialog.status.isVisible()  # disabled, still open
        from navigator.ui.quick_exit import _keys

        started = time.perf_counter()
        if how == "f12":
            _keys._key(Qt.Key.Key_F12)
        elif how == "esc3":
            for _ in range(3):
                _keys._key(Qt.Key.Key_Escape)
        else:
            window.topbar.quick_exit_button.click()
        pressed.append(time.perf_counter() - started)
        assert not dialog.isVisible()  # hidden within the key press
        release.set()
        page.keeper.worker.wait()
        qtbot.wait(50)
        return False

    drive.fill.append(fill)
    page.open_button.click()
    assert quick_exits == [True]
    assert pressed[0] < 0.5
    assert not page.keeper.is_open


def test_picture_refused_for_a_possible_minor(page, drive, tmp_path, monkeypatch):
    start_case(page, drive, tmp_path, monkeypatch)
    picture = tmp_path / "photo.jpg"
    picture.write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 100)
    monkeypatch.setattr(case_page, "ask_open_path", lambda *a: picture)
    drive.fill.append(lambda d: d._pick("not-sure"))
    page.file_button.click()
    assert "may have been under 18" in page.message.text()
    page.keeper.worker.wait()
    drive.qtbot.waitUntil(lambda: page.file_button.isEnabled(), timeout=5000)
    assert page.keeper.state().possibly_minor
    assert page.keeper.state().evidence == {}
    # A document is still fine.
    reply = tmp_path / "reply.txt"
    reply.write_text("Ticket closed.")
    monkeypatch.setattr(case_page, "ask_open_path", lambda *a: reply)
    page.file_button.click()
    # The file is saved in the worker; the page says so when the result reaches the interface thread.
    drive.qtbot.waitUntil(lambda: "was not copied" in page.message.text(), timeout=5000)
    assert len(page.keeper.state().evidence) == 1


def test_add_file_and_check_evidence(page, drive, tmp_path, monkeypatch, qtbot):
    start_case(page, drive, tmp_path, monkeypatch)
    page.shell.session.case_age = "adult"
    shot = tmp_path / "shot.png"
    shot.write_bytes(b"\x89PNG\r\n\x1a\n" + b"1" * 1000)
    monkeypatch.setattr(case_page, "ask_open_path", lambda *a: shot)
    page.file_button.click()
    qtbot.waitUntil(lambda: "was not copied" in page.message.text(), timeout=5000)
    assert page.check_button.isEnabled()
    page.check_button.click()
    qtbot.waitUntil(lambda: "Your files of proof:" in page.message.text(), timeout=5000)
    assert "shot.png: unchanged" in page.message.text()
    shot.write_bytes(b"changed")
    page.check_button.click()
    qtbot.waitUntil(lambda: "changed since it was recorded" in page.message.text(), timeout=5000)


def test_a_full_disk_says_so_and_keeps_the_form(page, drive, tmp_path, monkeypatch):
    start_case(page, drive, tmp_path, monkeypatch)
    import errno

    def full(path, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    page.keeper.file._write = full
    drive.fill.append(lambda d: d.url.setText("https://forum.example/t/4"))
    page.address_button.click()
    dialog = drive.seen[-1]
    assert dialog.error.text() == "This was not saved. The disk is full. Your case file is as it was before, and you can try again."
    assert dialog.url.text() == "https://forum.example/t/4"
    assert page.keeper.state().addresses == {}


def test_delete_with_an_honest_note(page, drive, tmp_path, monkeypatch):
    path = start_case(page, drive, tmp_path, monkeypatch)
    asked = {}

    def ask(parent, **words):
        asked.update(words)
        return True

    monkeypatch.setattr(case_page.dialogs, "ask", ask)
    page.delete_button.click()
    assert "SSDs, USB sticks and memory cards" in asked["informative"]
    assert asked["default"] == "no"
    assert not path.exists() and list(path.parent.iterdir()) == []
    assert not page.keeper.is_open and page.keeper.path is None


def test_entry_ids_follow_positions(page, drive, tmp_path, monkeypatch):
    start_case(page, drive, tmp_path, monkeypatch)
    opened = page.keeper.file
    assert opened.case.next_id(EntryKind.ADDRESS) == "a1"
    opened.add(Address(id="a1", url="https://x.example"), datetime.now(UTC) - timedelta(seconds=1))
    assert opened.case.next_id(EntryKind.REPORT) == "r2"


def test_every_control_has_a_name_for_screen_readers(page, drive, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit, QListWidget, QWidget

    def unnamed(root: QWidget) -> list[str]:
        kinds = (QAbstractButton, QComboBox, QLineEdit, QListWidget)
        return [
            f"{type(w).__name__} {getattr(w, 'text', lambda: '')()!r}"
            for w in root.findChildren(QWidget)
            if isinstance(w, kinds)
            and w.isVisibleTo(root)
            and not w.accessibleName()
            and not isinstance(w.parent(), (QComboBox, QAbstractSpinBox))
        ]

    assert unnamed(page) == []
    start_case(page, drive, tmp_path, monkeypatch)
    assert unnamed(page) == []
    state = page.keeper.state()
    forms = [
        case_dialogs.AddressDialog(page, page.keeper, page.rules()),
        case_dialogs.ReportDialog(page, page.keeper, page.rules(), state),
        case_dialogs.UpdateDialog(page, page.keeper, "r1", "A report"),
        case_dialogs.UnlockDialog(page, page.keeper, tmp_path / "x.navcase"),
        case_dialogs.StartDialog(page, page.keeper, tmp_path / "y.navcase"),
        case_dialogs.ExportDialog(page, ["en", "es"], "en"),
    ]
    for form in forms:
        assert unnamed(form) == [], type(form).__name__
        form.deleteLater()


def test_a_mistake_leaves_the_lists_but_stays_in_the_log(page, drive, tmp_path, monkeypatch, qtbot):
    path = start_case(page, drive, tmp_path, monkeypatch)
    drive.fill.append(lambda d: d.url.setText("https://typo.example/oops"))
    page.address_button.click()
    monkeypatch.setattr(case_page.dialogs, "ask", lambda *a, **k: True)
    mistake = next(b for b in page.findChildren(QAbstractButton) if b.accessibleName() == "Mark A1 as a mistake")
    mistake.click()
    qtbot.waitUntil(lambda: page.keeper.state().addresses == {}, timeout=5000)
    opened = CaseFile.unlock(path, PASSPHRASE, write)
    assert [e.kind for e in opened.case.entries] == [EntryKind.ADDRESS, EntryKind.RETRACT]
    assert opened.case.intact


def test_cancel_while_opening_drops_the_key_and_a_save_cannot_be_cancelled(page, drive, monkeypatch, qtbot, tmp_path):
    release = threading.Event()
    real = case_file.derive

    def slow(*args):
        release.wait(10)
        return real(*args)

    monkeypatch.setattr(case_file, "derive", slow)
    monkeypatch.setattr(case_page, "ask_open_path", lambda *a: SAMPLE)

    def cancel_while_opening(dialog):
        dialog.passphrase.setText(PASSPHRASE)
        dialog.ok.click()
        assert dialog.busy
        dialog.reject()  # Esc, or closing the window
        assert not dialog.isVisible()
        release.set()
        page.keeper.worker.wait()
        qtbot.wait(50)
        return False

    drive.fill.append(cancel_while_opening)
    page.open_button.click()
    assert not page.keeper.is_open  # the late result was locked unseen

    monkeypatch.setattr(case_file, "derive", real)
    dialog = case_dialogs.StartDialog(page, page.keeper, tmp_path / "new.navcase")
    dialog.show()
    dialog.working("Saving.")
    dialog.reject()
    assert dialog.isVisible()  # a save in progress finishes; the form waits for it
    dialog.idle()
    dialog.reject()
    assert not dialog.isVisible()


def test_a_letter_sent_is_logged_from_the_letter_page(page, drive, tmp_path, monkeypatch, window):
    window.open_letter("tida-removal-request")
    letter = window.current_page()
    letter.log_button.click()
    assert window.current_page() is page
    assert "open your case file or start one" in page.message.text()
    start_case(page, drive, tmp_path, monkeypatch)
    window.open_letter("tida-removal-request")
    seen = {}

    def check(dialog):
        seen["kind"] = dialog.kind.currentData()
        seen["ref"] = dialog.route.currentData().ref

    drive.fill.append(check)
    letter.log_button.click()
    assert seen == {"kind": "notice", "ref": "navigator://notice/tida-removal-request"}
    report = page.keeper.file.case.entries[-1].data
    assert report.route.ref == "navigator://notice/tida-removal-request"
    assert letter.log_button.accessibleName()


def test_a_start_loads_no_case_file_code_until_the_case_is_wanted() -> None:
    """The window opens without the case file's code and models (start-up time); opening the
    case page loads them (control), and the keeper works as before (the other tests here)."""
    import os

    from tests.conftest import python_prints

    code = (
        "import sys\nfrom navigator import app\n"
        "qt = app.create_app(); window = app.build_window('en'); window.show(); qt.processEvents()\n"
        "names = ('navigator.core.case', 'navigator.core.case_file')\n"
        "print(any(name in sys.modules for name in names), window.case_keeper.is_open)\n"
        "window.show_page('case'); qt.processEvents()\n"
        "print(all(name in sys.modules for name in names))\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    assert python_prints(code, env=env) == ["False", "False", "True"]
