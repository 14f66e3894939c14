"""Everything Navigator renders, given text that tries to make Qt read a file: run as its own
process by tests/privacy/test_exports.py, under strace where it is installed.

Content cannot hold images, HTML or odd addresses any more (``navigator check``, rule
``plain-text``); this script goes around those checks on purpose, straight to each place where Qt
turns text into a document, to prove that the documents themselves read nothing: the reader, the
plan's PDF and its print-out, the case report's PDF, a message box, a tooltip on a widget and on
a list item, and the letter's plain-text preview given HTML to paste.

Usage: render_script.py GUARD OUT_DIR SECRET_DIR
  GUARD is ``guarded`` (Navigator's documents) or ``unguarded`` (Qt's plain ones: the control,
  which must be seen reading the files). The PDFs go to OUT_DIR; the images to be read (and their
  relative twin, in the working folder) are named after SECRET_DIR.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def phase(name: str) -> None:
    """Mark the trace: what follows belongs to ``name`` (strace shows this look-up)."""
    os.path.exists(f"/navigator-phase-{name}")


def main(guard: str, out: Path, secret_dir: Path) -> None:
    from PySide6.QtCore import QMimeData, QPoint, QTimer
    from PySide6.QtGui import QHelpEvent, QTextDocument
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import (
        QApplication,
        QListWidget,
        QListWidgetItem,
        QMessageBox,
        QPlainTextEdit,
        QPushButton,
        QTextBrowser,
        QToolTip,
    )

    from navigator.app import create_app
    from navigator.ui import dialogs, qt_hardening, reader
    from navigator.ui.pages import plan
    from navigator.ui.widgets import plain_tooltip

    app = create_app()
    guarded = guard == "guarded"
    absolute = secret_dir / "secret-absolute.png"
    relative = "secret-relative.png"
    markdown = (
        f"# Plan\n\nBefore ![an image]({absolute}) after.\n\n![relative]({relative})\n\n"
        f'<img src="{absolute}">\n\n[![linked]({absolute})](https://example.org/)\n'
    )
    html = f'<b>Bold</b><img src="{absolute}"><img src="{relative}">'

    if guarded:
        qt_hardening.install_guard(app)
        browser: QTextBrowser = reader.SafeBrowser()
        tip = plain_tooltip
    else:
        browser = QTextBrowser()

        def tip(text: str) -> str:
            return text

    # The reader.
    phase("reader")
    browser.resize(600, 400)
    browser.show()
    if guarded:
        browser.show_markdown(markdown)  # type: ignore[attr-defined]
    else:
        browser.document().setMarkdown(markdown, reader.MARKDOWN_FLAGS)
    browser.grab()

    # The plan's PDF and print-out (the case report's PDF is made by the same function).
    phase("pdf")
    if guarded:
        (out / "plan.pdf").write_bytes(plan.pdf_bytes(markdown, "Your plan"))
        document = plan.plan_document(markdown)
    else:
        document = QTextDocument()
        document.setMarkdown(markdown, reader.MARKDOWN_FLAGS)
        from PySide6.QtGui import QPdfWriter

        writer = QPdfWriter(str(out / "plan.pdf"))
        plan.print_document(document, writer)
        del writer
    phase("print")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out / "printed.pdf"))
    plan.print_document(document, printer)

    # A message box (closed by a timer: it runs its own loop).
    phase("message-box")
    QTimer.singleShot(200, lambda: QApplication.activeModalWidget() and QApplication.activeModalWidget().close())
    if guarded:
        dialogs.warn(browser, html, html)
    else:
        box = QMessageBox(QMessageBox.Icon.Warning, "Navigator", html, parent=browser)
        box.setInformativeText(html)
        box.exec()

    # A tooltip on a widget, set as a page might forget to (the guard makes it plain), and one on a
    # list item (made plain where it is set).
    phase("widget-tooltip")
    button = QPushButton("hover me")
    button.setToolTip(html)
    button.show()
    app.processEvents()
    QToolTip.showText(button.mapToGlobal(QPoint(2, 2)), button.toolTip(), button)
    app.processEvents()
    QToolTip.hideText()
    phase("item-tooltip")
    items = QListWidget()
    item = QListWidgetItem("result")
    item.setToolTip(tip(html))
    items.addItem(item)
    items.show()
    app.processEvents()
    where = items.visualItemRect(item).center()
    app.sendEvent(items.viewport(), QHelpEvent(QHelpEvent.Type.ToolTip, where, items.viewport().mapToGlobal(where)))
    app.processEvents()
    QToolTip.hideText()

    # The letter: a plain-text editor, given HTML with images as a paste would.
    phase("letter")
    letter = QPlainTextEdit()
    pasted = QMimeData()
    pasted.setHtml(html)
    pasted.setText("plain words")
    letter.insertFromMimeData(pasted)
    letter.show()
    letter.grab()
    app.processEvents()
    phase("end")
    os.write(1, b"done\n")


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]))
