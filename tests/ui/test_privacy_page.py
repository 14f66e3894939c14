"""The "About your privacy" page and the "Remember my settings" opt-in."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QCheckBox, QLabel, QLineEdit, QMessageBox

from navigator import i18n
from navigator.privacy import remembered as remember
from navigator.ui.passphrase import RememberDialog, UnlockDialog

PASS = "a long passphrase"


@pytest.fixture(autouse=True)
def _cheap_scrypt(monkeypatch):
    monkeypatch.setattr(remember, "SCRYPT_N", 2**14)


def files_under(folder):  # type: ignore[no-untyped-def]
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")) if folder.exists() else []


def test_page_states_the_promises(window):
    window.open_door("privacy")
    page = window.current_page()
    assert page.name == "privacy" and page.heading() == "About your privacy"
    words = " ".join(label.text() for label in page.findChildren(QLabel))
    for promise in (
        "Nothing is saved",
        "Nothing is sent",
        "Quick exit",
        "Esc three times",
        "private or incognito",
        "cannot hide",
        "USB stick",
    ):
        assert promise in words
    assert [b for b in page.findChildren(QAbstractButton) if b.objectName() == "primary"] == [page.rehearse, page.done]


def test_every_control_is_named_for_screen_readers(window):
    window.open_door("privacy")
    page = window.current_page()
    for control in page.findChildren(QAbstractButton):
        assert control.accessibleName() or control.text(), control
    for box in page.findChildren(QCheckBox):
        assert box.accessibleName()
    for control in (window.privacy.menu_button, window.privacy.banner_use, window.privacy.banner_later, window.topbar.quick_exit_button):
        assert control.accessibleName()


def test_all_words_are_translatable(window, monkeypatch):
    """With the pseudo-locale every visible word is decorated: nothing bypasses _()."""
    monkeypatch.setenv(i18n.PSEUDO_ENV, "1")
    window.retranslate()
    page = window.pages["privacy"]
    for label in page.findChildren(QLabel):
        if label.text():
            assert "⟦" in label.text(), label.text()
    for control in page.findChildren(QAbstractButton):
        if control.text():
            assert "⟦" in control.text(), control.text()
    assert "⟦" in window.privacy.menu_button.text()


def test_remembering_is_off_and_nothing_is_written(window, tmp_path):
    page = window.pages["privacy"]
    window.open_door("privacy")
    assert not window.privacy.remembering()
    assert page.remember_on.isVisibleTo(page) and not page.remember_forget.isVisibleTo(page)
    assert str(window.privacy.store.path) in page.remember_status.text()  # says exactly where
    assert "Off" in page.remember_status.text()
    i18n.set_locale("es")
    window.display.text_bigger()
    assert files_under(tmp_path / "xdg-config") == []


def _fill(dialog, *values):  # type: ignore[no-untyped-def]
    for field, value in zip(dialog.fields, values, strict=True):
        field.setText(value)


def _accept(dialog, qtbot):  # type: ignore[no-untyped-def]
    """OK: the work runs in a worker while the dialog waits, disabled (security review F1)."""
    dialog.try_accept()
    assert dialog.working and not dialog.ok.isEnabled() and not dialog.fields[0].isEnabled()
    qtbot.waitUntil(lambda: not dialog.working, timeout=10_000)


def test_turning_on_says_what_and_where_then_writes_one_locked_file(window, tmp_path, qtbot):
    controller = window.privacy
    dialog = RememberDialog(window, controller.store.path, controller.remember_job, controller.remembering_on)
    assert str(controller.store.path) in dialog.text.text()
    assert all(f.echoMode() == QLineEdit.EchoMode.Password for f in dialog.fields)
    _fill(dialog, "short", "short")
    _accept(dialog, qtbot)
    assert "at least 8" in dialog.error.text() and dialog.error.accessibleName() == dialog.error.text()
    _fill(dialog, PASS, PASS + "!")
    _accept(dialog, qtbot)
    assert "not the same" in dialog.error.text()
    assert files_under(tmp_path / "xdg-config") == []
    assert dialog.fields[0].text() == PASS and dialog.fields[0].isEnabled()  # nothing typed is lost
    _fill(dialog, PASS, PASS)
    _accept(dialog, qtbot)
    assert dialog.result() == RememberDialog.DialogCode.Accepted
    assert files_under(tmp_path / "xdg-config") == ["navigator", "navigator/remembered-settings"]
    assert controller.remembering()
    blob = controller.store.path.read_bytes()
    assert b"calm" not in blob and b"language" not in blob


def test_changes_are_saved_while_remembering(window):
    controller = window.privacy
    controller.turn_on_remembering(PASS, PASS)
    controller.display.text_bigger()
    controller.display.set_plain_window(True)
    i18n.set_locale("es")
    settings, _lock = controller.store.load(PASS)
    assert settings == remember.Settings(language="es", text_scale=1.1, high_contrast=False, plain_window=True)


def test_next_time_the_settings_come_back_with_the_passphrase(window, more_windows, tmp_path, qtbot):
    window.privacy.turn_on_remembering(PASS, PASS)
    window.display.set_high_contrast(True)
    window.display.text_bigger()
    i18n.set_locale("fr")
    i18n.set_locale("en")
    # A new start of Navigator: nothing is applied until the passphrase is given.
    from navigator.app import build_window

    again = more_windows(build_window(locale="en"))
    controller = again.privacy
    assert not controller.remembering() and controller.banner.isVisible()
    assert again.theme.palette.name == "calm"
    before = controller.store.path.read_bytes()

    dialog = UnlockDialog(again, controller.unlock_job, controller.use_unlocked)
    dialog.fields[0].setText("the wrong one")
    _accept(dialog, qtbot)
    assert "did not open" in dialog.error.text() and "Nothing was changed or deleted" in dialog.error.text()
    assert controller.store.path.read_bytes() == before and again.theme.palette.name == "calm"
    assert dialog.fields[0].text() == "the wrong one"  # kept, selected, to try again

    dialog.fields[0].setText(PASS)
    _accept(dialog, qtbot)
    assert dialog.result() == UnlockDialog.DialogCode.Accepted
    assert again.theme.palette.name == "high-contrast" and again.theme.scale == pytest.approx(1.1)
    assert i18n.current_locale() == "en"
    assert controller.remembering() and not controller.banner.isVisible()


def test_language_comes_back(window, qtbot):
    window.privacy.turn_on_remembering(PASS, PASS)
    i18n.set_locale("es")
    window.privacy.lock = None
    i18n.set_locale("en")
    window.privacy.unlock(PASS)
    assert i18n.current_locale() == "es"


def test_damaged_file_is_reported_and_kept(window, qtbot):
    controller = window.privacy
    controller.store.path.parent.mkdir(parents=True)
    controller.store.path.write_bytes(b"\x00garbage")
    dialog = UnlockDialog(window, controller.unlock_job, controller.use_unlocked)
    dialog.fields[0].setText(PASS)
    _accept(dialog, qtbot)
    assert "cannot be read" in dialog.error.text() and "Forget everything" in dialog.error.text()
    assert controller.store.path.read_bytes() == b"\x00garbage"


def test_a_newer_file_and_a_common_passphrase_each_get_their_own_words(window, tmp_path, qtbot):
    """A file from a newer Navigator is not called damaged (nor deleted); a very common passphrase
    is refused with a reason (security review F14)."""
    import json

    controller = window.privacy
    dialog = RememberDialog(window, controller.store.path, controller.remember_job, controller.remembering_on)
    _fill(dialog, "Password123!", "Password123!")
    _accept(dialog, qtbot)
    assert "easy to guess" in dialog.error.text() and files_under(tmp_path / "xdg-config") == []
    controller.store.path.parent.mkdir(parents=True)
    controller.store.path.write_text(json.dumps({"format": remember.MAGIC, "version": 9}))
    before = controller.store.path.read_bytes()
    unlock = UnlockDialog(window, controller.unlock_job, controller.use_unlocked)
    unlock.fields[0].setText(PASS)
    _accept(unlock, qtbot)
    assert "newer version" in unlock.error.text() and "damaged" not in unlock.error.text()
    assert controller.store.path.read_bytes() == before


def test_forget_everything_removes_it_all_without_the_passphrase(window, tmp_path):
    controller = window.privacy
    controller.turn_on_remembering(PASS, PASS)
    controller.lock = None  # e.g. the passphrase is forgotten

    def click(label: str):  # type: ignore[no-untyped-def]
        def go() -> None:
            box = QApplication.activeModalWidget()
            assert isinstance(box, QMessageBox) and str(controller.store.path) in box.informativeText()
            next(b for b in box.buttons() if b.text() == label).click()

        return go

    QTimer.singleShot(50, click("Keep them"))
    assert controller.ask_forget() is False and controller.store.exists()
    QTimer.singleShot(50, click("Delete them"))
    assert controller.ask_forget() is True
    assert files_under(tmp_path / "xdg-config") == []
    page = window.pages["privacy"]
    assert page.remember_on.isVisibleTo(page) and not page.remember_forget.isVisibleTo(page)


def test_quick_exit_and_start_over_drop_the_key(window, quick_exits):
    controller = window.privacy
    controller.turn_on_remembering(PASS, PASS)
    controller.start_over(confirm=False)
    assert not controller.remembering()
    controller.unlock(PASS)
    window.topbar.quick_exit_button.click()
    assert not controller.remembering() and quick_exits == [True]


def test_a_save_that_fails_turns_remembering_off_and_says_so(window, monkeypatch):
    controller = window.privacy
    controller.turn_on_remembering(PASS, PASS)
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))

    def fail(*_a):  # type: ignore[no-untyped-def]
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(controller.store, "save", fail)
    controller.display.text_bigger()
    assert not controller.remembering()
    assert warned and "Permission denied" in warned[0]
