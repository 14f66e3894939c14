"""Another program on the same X11 display, for tests/privacy/test_clipboard.py: what a clipboard
manager sees of Navigator's copies.

Usage: clipboard_standin.py read       print, as one JSON line, the formats offered on CLIPBOARD,
                                        the value of KDE's secret hint, and the text
       clipboard_standin.py own TEXT   take the clipboard with TEXT, say "owned", and keep it
                                        (serve it) until the file named by STANDIN_STOP exists
"""

from __future__ import annotations

import json
import os
import sys

from PySide6.QtCore import QTimer
from PySide6.QtGui import QClipboard, QGuiApplication


def main(argv: list[str]) -> None:
    app = QGuiApplication(sys.argv[:1])
    clipboard = app.clipboard()
    if argv[0] == "read":
        data = clipboard.mimeData(QClipboard.Mode.Clipboard)
        formats = list(data.formats()) if data is not None else []
        hint = bytes(data.data("x-kde-passwordManagerHint").data()).decode() if data is not None else ""
        print(json.dumps({"formats": formats, "hint": hint, "text": clipboard.text()}), flush=True)
        return
    clipboard.setText(argv[1], QClipboard.Mode.Clipboard)
    print(json.dumps({"owned": clipboard.ownsClipboard()}), flush=True)
    stop = os.environ["STANDIN_STOP"]

    def wait() -> None:
        if os.path.exists(stop):
            app.quit()
        else:
            QTimer.singleShot(50, wait)

    wait()
    app.exec()
    os._exit(0)  # leave at once: Qt would otherwise look for a clipboard manager to hand the text to


if __name__ == "__main__":
    main(sys.argv[1:])
