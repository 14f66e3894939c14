"""A scripted Navigator session, run as its own process by tests/privacy/test_no_trace.py.

It starts Navigator through its real entry point (``navigator.cli.main([])``, so ``app.run`` with
all its privacy settings), then drives the window from inside the event loop and ends with a
quick exit. A Python audit hook, installed before Navigator is imported, reports every network,
DNS, subprocess and file-writing event, and every import of a forbidden module, as one JSON line
on standard output (written with ``os.write``: nothing is buffered, nothing is lost when quick
exit ends the process at once).

Usage: session_script.py MODE, where MODE is
  full               every door, page and item, display and privacy controls, a language change,
                     a save dialog, a link dialog; then Esc x3 starting inside the link dialog
  exit-from:<page>   show that page, then press Esc three times
  exit-f12-dialog    open the link dialog and press F12 inside it
  exit-button        click the Quick exit button
  list-pages         print the names of the pages and close normally
  save-dialog        open and cancel a save dialog, then quick exit
  save-dialog-unhardened-qt
                     the same with Navigator's Qt settings switched off (proves the test notices
                     the settings file Qt's file dialog would write)
  control-write      write a file into HOME (proves the test notices a write)
  case-file          start a case file in the working folder, log an address, lock it, open it
                     again, log a note; then F12 (only that one file may change)
  slow:<what>        start a slow operation made slower on purpose (unlock, remember, language,
                     search) and say "ready" with the window to focus; the test then presses the
                     Quick exit keys from outside (xdotool) while it runs
  busy-dialog        a dialog whose handler blocks the interface thread, then closes it; the keys
                     are pressed from outside during the block (the native safety net)
  busy-dialog-no-native
                     the same without the native filter (proves the test can fail)
  crash              type a secret, report whether a crash could be dumped, then crash (SIGSEGV)
  crash-unhardened   the same with Navigator's crash settings switched off (proves the test
                     notices a core file where the system writes one in the working folder)
  error              an error in a Qt slot whose message holds a secret, then F12 (its traceback
                     must not reach the error output unless NAVIGATOR_DEBUG is set)
  open-link          open a web address as after "Open it" (the link opener in PATH is the test's)
  identity:<on|off>  turn the plain window on (or leave it off), open a dialog, say "ready" with
                     the process id, and wait until the file named by NAVIGATOR_TEST_GO exists;
                     the test reads what the window system and ps show meanwhile
  copy-then-close    write a letter and press Copy, say "copied", wait until the file named by
                     NAVIGATOR_TEST_GO exists, then close the window normally (no Quick exit) and
                     say what the clipboard holds as the program quits
  copy-then-close:page
                     the same with a copy Qt's own widget makes: a page's text selected with
                     Ctrl+A and copied with Ctrl+C
  print:<answer>      make a plan and press Print; answer the question before printing with
                     "pdf" (then cancel the save dialog), "cancel", or "print" (then the system's
                     print dialog opens, and is cancelled); then F12
"""

from __future__ import annotations

import json
import os
import sys

OUT = 1

NETWORK = (
    "socket.",
    "ssl.",
    "http.client.",
    "urllib.Request",
    "ftplib.",
    "smtplib.",
    "poplib.",
    "imaplib.",
    "nntplib.",
    "telnetlib.",
    "webbrowser.open",
)
SUBPROCESS = (
    "subprocess.Popen",
    "os.system",
    "os.exec",
    "os.posix_spawn",
    "os.spawn",
    "os.fork",
    "os.forkpty",
    "pty.spawn",
    "os.startfile",
)
WRITES = (
    "os.mkdir",
    "os.rename",
    "os.remove",
    "os.rmdir",
    "os.link",
    "os.symlink",
    "os.chmod",
    "os.chown",
    "os.truncate",
    "os.utime",
    "os.mkfifo",
    "os.mknod",
    "shutil.",
    "tempfile.",
    "sqlite3.connect",
    "dbm.open",
)
FORBIDDEN_IMPORTS = {
    "PySide6.QtNetwork",
    "PySide6.QtDBus",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "ssl",
    "http.client",
    "urllib.request",
    "requests",
}
WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC


def emit(kind: str, **data: object) -> None:
    os.write(OUT, (json.dumps({"kind": kind, **data}, default=repr) + "\n").encode("utf-8"))


def _writes(mode: object, flags: object) -> bool:
    if isinstance(mode, str) and any(c in mode for c in "wax+"):
        return True
    return isinstance(flags, int) and bool(flags & WRITE_FLAGS)


def audit(event: str, args: tuple) -> None:  # type: ignore[type-arg]
    try:
        if event == "open":
            # Devices are not the disk (Navigator sends its error output to /dev/null), as in the
            # trace check; /dev/shm is (files there stay until the computer restarts).
            path = str(args[0])
            if _writes(args[1], args[2]) and (not path.startswith("/dev/") or path.startswith("/dev/shm")):
                emit("write", event=event, path=path)
        elif event == "import":
            if args[0] in FORBIDDEN_IMPORTS:
                emit("import", module=args[0])
        elif event.startswith(NETWORK):
            emit("network", event=event, args=repr(args)[:300])
        elif event.startswith(SUBPROCESS):
            emit("subprocess", event=event, args=repr(args)[:300])
        elif event.startswith(WRITES):
            emit("write", event=event, args=repr(args)[:300])
    except Exception as exc:  # an audit hook must never break the program it watches
        emit("hook-error", error=repr(exc))


def main(mode: str) -> None:
    sys.addaudithook(audit)
    if mode == "control-write":
        with open(os.path.join(os.environ["HOME"], "trace.txt"), "w") as handle:
            handle.write("left behind")
        emit("done")
        return

    from PySide6.QtCore import QTimer

    import navigator.app as app_module

    if mode == "crash-unhardened":
        import navigator.privacy.process

        navigator.privacy.process.no_crash_dumps = lambda platform=None: []
        mode = "crash"
    if mode.endswith("-unhardened-qt"):
        import navigator.ui.qt_hardening

        navigator.ui.qt_hardening.harden_qt = lambda: None
        navigator.ui.qt_hardening.settings_nowhere = lambda: None
        mode = mode.removesuffix("-unhardened-qt")

    if mode == "busy-dialog-no-native":
        import navigator.ui.native_keys

        navigator.ui.native_keys.install = lambda app, on_key: None  # type: ignore[assignment,return-value]
        mode = "busy-dialog"

    build = app_module.build_window

    def build_and_drive(*args, **kwargs):  # type: ignore[no-untyped-def]
        window = build(*args, **kwargs)
        # app.run paints the window's shell first and reads the content after: drive it once it is in.
        window.when_filled(lambda: QTimer.singleShot(50, lambda: drive(window, mode)))
        return window

    app_module.build_window = build_and_drive
    from navigator.cli import main as navigator_main

    code = navigator_main([])
    emit("returned", code=code)  # only reached if quick exit did not end the process


def visible_windows() -> list[str]:
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    shown = [type(w).__name__ for w in QApplication.topLevelWidgets() if w.isVisible()]
    return shown + [f"QWindow:{w.objectName()}" for w in QGuiApplication.allWindows() if w.isVisible()]


def press(key_name: str, target=None) -> None:  # type: ignore[no-untyped-def]
    """A key press through the window system's path (QWindow), as a real keyboard's would be."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    widget = target or QApplication.activeModalWidget() or QApplication.activePopupWidget() or QApplication.activeWindow()
    if widget is None:
        widget = next(w for w in QApplication.topLevelWidgets() if w.isVisible())
    QTest.keyClick(widget.windowHandle(), getattr(Qt.Key, key_name))


def drive(window, mode: str) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from navigator.ui.quick_exit import on_forget

    app = QApplication.instance()
    # Runs during quick exit, after the hiding: proves every window was already hidden.
    on_forget(lambda: emit("forgetting", visible=visible_windows()))

    def pump() -> None:
        app.processEvents()

    def last_step(label: str) -> None:
        emit("before-exit", step=label, visible=visible_windows(), modules=sorted(m for m in sys.modules if m in FORBIDDEN_IMPORTS))

    def in_link_dialog(action) -> None:  # type: ignore[no-untyped-def]
        # The dialog runs its own event loop; the timer fires inside it.
        QTimer.singleShot(100, action)
        from navigator.ui import links

        links.confirm_external(window, "https://example.org/help")

    try:
        if mode == "full":
            run_full_session(window, pump)

            def esc_three_times() -> None:
                emit("dialog-open", title=(QApplication.activeModalWidget() or window).accessibleName())
                last_step("esc-in-dialog")
                for _ in range(3):
                    press("Key_Escape")
                emit("after-exit")

            in_link_dialog(esc_three_times)
        elif mode.startswith("exit-from:"):
            name = mode.split(":", 1)[1]
            window.show_page(name)
            pump()
            last_step(name)
            for _ in range(3):
                press("Key_Escape", window)
            emit("after-exit")
        elif mode == "exit-f12-dialog":

            def f12() -> None:
                emit("dialog-open", title=(QApplication.activeModalWidget() or window).accessibleName())
                last_step("f12-in-dialog")
                press("Key_F12")
                emit("after-exit")

            in_link_dialog(f12)
        elif mode == "save-dialog":
            from navigator.ui.dialogs import ask_save_path

            def cancel_then_exit() -> None:
                dialog = QApplication.activeModalWidget()
                emit("visited", what="save-dialog", title=dialog.windowTitle() if dialog else None, native=dialog is None)
                if dialog is not None:
                    dialog.reject()

            QTimer.singleShot(200, cancel_then_exit)
            ask_save_path(window, "Save", "plan.txt", "Text files (*.txt)", "txt")
            pump()
            last_step("after-save-dialog")
            press("Key_F12", window)
            emit("after-exit")
        elif mode == "list-pages":
            emit("pages", names=list(window.stack.names))  # every page, built or not yet
            app.exit(0)
        elif mode == "case-file":
            run_case_file(window, pump)
            last_step("case-file")
            press("Key_F12", window)
            emit("after-exit")
        elif mode.startswith("slow:") or mode == "busy-dialog":
            under_load(window, mode, pump)
        elif mode == "exit-button":
            last_step("button")
            QTest.mouseClick(window.topbar.quick_exit_button, Qt.MouseButton.LeftButton)
            emit("after-exit")
        elif mode == "crash":
            crash(window, pump)
        elif mode == "error":

            def fail() -> None:
                raise RuntimeError(f"while searching for {SECRET}")

            QTest.keyClicks(window.topbar.search_box, SECRET)
            QTimer.singleShot(0, fail)  # raised inside Qt's event loop, as a bug in a slot would be
            pump()
            pump()
            last_step("after-error")
            press("Key_F12", window)
            emit("after-exit")
        elif mode.startswith("print:"):
            answer = mode.split(":", 1)[1]
            page = plan_made(window, pump)
            labels = {"pdf": "Save as PDF instead", "print": "Print", "cancel": "Cancel"}

            def answer_question() -> None:
                box = QApplication.activeModalWidget()
                emit("print-question", title=box.windowTitle(), default=box.defaultButton().text(), text=box.text())
                next(b for b in box.buttons() if b.text() == labels[answer]).click()
                QTimer.singleShot(300, close_next)

            def close_next() -> None:
                dialog = QApplication.activeModalWidget()
                emit("visited", what="after-question", dialog=type(dialog).__name__ if dialog else None)
                if dialog is not None:
                    dialog.reject()

            QTimer.singleShot(200, answer_question)
            page.print_button.click()
            pump()
            last_step("printed")
            press("Key_F12", window)
            emit("after-exit")
        elif mode.startswith("identity:"):
            show_identity(window, mode.split(":", 1)[1] == "on")
        elif mode.startswith("copy-then-close"):
            copy_then_close(window, pump, from_page=mode.endswith(":page"))
        elif mode == "open-link":
            from navigator.ui import links

            emit("visited", what="open-link", opened=links.open_outside("https://example.org/help"))
            app.exit(0)
    except Exception as exc:
        emit("script-error", error=repr(exc))
        app.exit(3)


def show_identity(window, plain: bool) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    window.display.set_plain_window(plain)
    box = QMessageBox(window)
    box.setText("A dialog, made after the choice")
    box.show()
    QApplication.processEvents()
    emit("ready", pid=os.getpid(), window=int(window.winId()), dialog=int(box.winId()))
    go = os.environ["NAVIGATOR_TEST_GO"]

    def wait() -> None:
        if os.path.exists(go):
            QApplication.instance().exit(0)
        else:
            QTimer.singleShot(50, wait)

    wait()


def copy_then_close(window, pump, from_page: bool) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtGui import QClipboard, QGuiApplication
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QLineEdit

    from navigator.core.models import Kind
    from navigator.ui.reader import SafeBrowser

    if from_page:
        window.open_item(Kind.ORGANIZATION, "rainn")
        pump()
        browser = next(b for b in window.current_page().findChildren(SafeBrowser) if b.isVisible())
        browser.setFocus()
        QTest.keyClick(browser, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClick(browser, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    else:
        window.open_item(Kind.NOTICE, "tida-removal-request")
        pump()
        window.current_page().letter_button.click()
        pump()
        page = window.current_page()
        for widget in page.findChildren(QLineEdit):
            widget.setText(SECRET)
        page.copy_button.click()
    pump()
    clipboard = QGuiApplication.clipboard()

    def quitting() -> None:  # connected after Navigator's own handler, so it runs after it
        emit("quitting", owns=clipboard.ownsClipboard(), text=clipboard.text(QClipboard.Mode.Clipboard))

    QApplication.instance().aboutToQuit.connect(quitting)
    emit("copied", text=clipboard.text(), window=int(window.winId()))
    go = os.environ["NAVIGATOR_TEST_GO"]

    def wait() -> None:
        if os.path.exists(go):
            window.close()  # the last window: Qt quits as after the window's close button
        else:
            QTimer.singleShot(50, wait)

    wait()


SLOW = 6.0  # seconds each slow operation takes here: far longer than the 1 s Quick exit may take
PASSPHRASE = "correct horse battery staple"


def under_load(window, mode: str, pump) -> None:  # type: ignore[no-untyped-def]
    """Start something slow, say which window to focus, and wait for the keys from outside."""
    import time

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    QTimer.singleShot(int((SLOW + 10) * 1000), lambda: (emit("timeout"), app.exit(4)))

    def slowly(function):  # type: ignore[no-untyped-def]
        def slow(*args, **kwargs):  # type: ignore[no-untyped-def]
            time.sleep(SLOW)
            return function(*args, **kwargs)

        return slow

    def ready(widget) -> None:  # type: ignore[no-untyped-def]
        pump()
        emit("ready", window=int(widget.winId()), at=time.monotonic())

    what = mode.split(":", 1)[-1]
    if what in ("unlock", "remember"):
        from navigator.privacy import remembered
        from navigator.ui.passphrase import RememberDialog, UnlockDialog

        controller = window.privacy
        if what == "unlock":
            controller.turn_on_remembering(PASSPHRASE, PASSPHRASE)
            controller.lock = None
            remembered.Store.load = slowly(remembered.Store.load)
            dialog = UnlockDialog(window, controller.unlock_job, controller.use_unlocked)
            dialog.fields[0].setText(PASSPHRASE)
        else:
            import navigator.ui.privacy_controls as controls

            class SlowLock(remembered.Lock):
                new = classmethod(slowly(remembered.Lock.new.__func__))  # type: ignore[attr-defined]

            controls.Lock = SlowLock
            dialog = RememberDialog(window, controller.store.path, controller.remember_job, controller.remembering_on)
            for field in dialog.fields:
                field.setText(PASSPHRASE)

        def start() -> None:
            dialog.try_accept()
            ready(dialog)

        QTimer.singleShot(200, start)
        dialog.exec()
        emit("after-exit")
    elif what == "language":
        import navigator.ui.main_window as main_window

        main_window.PREPARE_LANGUAGE_ABOVE = 0
        window.library.prepare = slowly(window.library.prepare)
        combo = window.topbar.language
        combo.setCurrentIndex(combo.findData("es"))
        ready(window)
    elif what == "search":
        import navigator.ui.pages.search as search

        search.SearchIndex.from_view = slowly(search.SearchIndex.from_view)
        window.search_box.setText("help")
        window.search_box.textEdited.emit("help")
        ready(window)
    elif mode == "busy-dialog":
        from navigator.ui import links

        def block_then_close() -> None:
            dialog = QApplication.activeModalWidget()
            ready(dialog)
            time.sleep(2.0)  # the interface thread is busy, as scrypt on it once made it
            emit("busy-end", at=time.monotonic())
            dialog.reject()

        QTimer.singleShot(200, block_then_close)
        links.confirm_external(window, "https://example.org/help")
        emit("dialog-closed", at=time.monotonic())


SECRET = "Client-A passphrase 1"


def plan_made(window, pump):  # type: ignore[no-untyped-def]
    """The plan page with a plan on it: each question answered with its first option."""
    from navigator.core.models import Kind
    from navigator.core.pathway import Walk

    walk = Walk(window.library.get(Kind.PATHWAY, "main"))
    question = walk.start()
    while question is not None:
        walk.set_answer(question.id, [question.options[0].value])
        question = walk.forward()
    page = window.pages["plan"]
    page.show_walk(walk)
    window.show_page("plan")
    pump()
    return page


def crash(window, pump) -> None:  # type: ignore[no-untyped-def]
    """What a person typed is in memory; then the process crashes as a bug in a library would."""
    import resource
    import signal

    from PySide6.QtTest import QTest

    from navigator.privacy.process import dumpable

    QTest.keyClicks(window.topbar.search_box, SECRET)
    pump()
    emit("crash-settings", dumpable=dumpable(), core_limit=list(resource.getrlimit(resource.RLIMIT_CORE)))
    sys.stdout.flush()
    os.kill(os.getpid(), signal.SIGSEGV)


def run_full_session(window, pump) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from navigator import i18n
    from navigator.core.models import Kind

    for key in sorted(window.doors):
        window.open_door(key)
        pump()
        emit("visited", what="door", name=key, page=window.current_page().name)
    for name in list(window.stack.names):  # every page (showing one builds it)
        window.show_page(name)
        pump()
        window.grab()
        emit("visited", what="page", name=name)
    opened: dict[str, int] = {}
    for kind in Kind:
        for item in window.library.all(kind):
            window.open_item(kind, item.id)
            pump()
            opened[kind.value] = opened.get(kind.value, 0) + 1
        window.grab()
    emit("visited", what="items", counts=opened)
    window.go_back()
    window.go_home()

    # Each restyle takes a moment, so each control is used once.
    controller = window.privacy
    controller.display.text_bigger()
    controller.display.set_high_contrast(True)
    controller.display.set_plain_window(True)
    window.show_page("privacy")
    pump()
    window.grab()
    emit("visited", what="display", scale=window.theme.scale, title=window.windowTitle())
    controller.display.set_plain_window(False)

    # A language change, through the language list when it offers more than one.
    others = [
        window.topbar.language.itemData(i) for i in range(window.topbar.language.count()) if window.topbar.language.itemData(i) != "en"
    ]
    target = others[0] if others else "es"
    if others:
        window.topbar.language.setCurrentIndex(window.topbar.language.findData(target))
    else:
        i18n.set_locale(target)
    pump()
    for name in list(window.stack.names):  # every page (showing one builds it)
        window.show_page(name)
        pump()
        window.grab()
    emit("visited", what="language", locale=i18n.current_locale())
    i18n.set_locale("en")
    pump()

    # A save dialog, shown and cancelled: Qt's own dialog, so no "recent files" entry and no QtProject.conf.
    def cancel_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        emit("visited", what="save-dialog", title=dialog.windowTitle() if dialog else None, native=dialog is None)
        if dialog is not None:
            dialog.reject()

    # The save dialog the plan and the letter use.
    from navigator.ui import dialogs

    QTimer.singleShot(200, cancel_dialog)
    dialogs.ask_save_path(window, "Save", "plan.txt", "Text files (*.txt)", "txt")
    pump()

    # Start over from the menu, without its question (the test of the question is in tests/ui).
    controller.start_over(confirm=False)
    pump()
    emit("visited", what="start-over", page=window.current_page().name)


def run_case_file(window, pump) -> None:  # type: ignore[no-untyped-def]
    """A case file in a folder the person chose (here: the working folder), used as a person would."""
    import time
    from pathlib import Path

    from navigator.core.case import Address, EntryKind, Note

    keeper = window.case_keeper
    path = Path.cwd() / "case.navcase"
    passphrase = "correct horse battery staple"

    def wait(step: str, start) -> None:  # type: ignore[no-untyped-def]
        results: list[object] = []
        start(lambda *_a: results.append("ok"), lambda error: results.append(error))
        deadline = time.monotonic() + 30
        while not results and time.monotonic() < deadline:
            pump()
            time.sleep(0.005)
        if results != ["ok"]:
            raise RuntimeError(f"{step}: {results}")

    wait("create", lambda done, failed: keeper.create(path, passphrase, done, failed))
    address = Address(id=keeper.file.case.next_id(EntryKind.ADDRESS), url="https://example.org/post/1")
    wait("address", lambda done, failed: keeper.add(address, done, failed))
    keeper.lock()
    wait("unlock", lambda done, failed: keeper.unlock(path, passphrase, done, failed))
    wait("note", lambda done, failed: keeper.add(Note(text="a note"), done, failed))
    window.open_door("case")
    pump()
    window.grab()
    emit("visited", what="case", entries=len(keeper.file.case.entries), path=str(path))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "full")
