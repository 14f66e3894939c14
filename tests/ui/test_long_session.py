"""A working day in one window: a thousand page views must not crash Navigator (security review F2).

PySide6 6.12.0 loses a reference to ``None`` each time ``QTextBlock.textList()`` returns nothing;
the reader once called it for every paragraph, and Python aborted ("none_dealloc") after about 150
pages. The session runs in a child process, so an abort fails this test instead of ending the run.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

SCRIPT = textwrap.dedent(
    """
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from navigator.app import build_window
    from navigator.core.models import Kind
    window = build_window(locale="en")
    window.show()
    pages = [(kind, item.id) for kind in (Kind.ARTICLE, Kind.PLATFORM, Kind.LAW, Kind.ORGANIZATION)
             for item in window.library.all(kind)]
    start = sys.getrefcount(None)
    views = 0
    while views < int(sys.argv[1]):
        for kind, item_id in pages:
            window.open_item(kind, item_id)
            page = window.current_page()
            if not page.revealed:
                page.warning_read.click()  # a page behind a content warning: show it, as a reader would
            views += 1
            if views >= int(sys.argv[1]):
                break
    print(views, start, sys.getrefcount(None), flush=True)
    os._exit(0)
    """
)


@pytest.mark.slow
def test_a_thousand_page_views_in_one_window():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    done = subprocess.run([sys.executable, "-c", SCRIPT, "1000"], capture_output=True, text=True, env=env, timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    views, before, after = (int(x) for x in done.stdout.split())
    assert views == 1000
    # References to None may rise and fall a little with what is alive; they must not drain away.
    assert after >= before - 50, f"references to None fell from {before} to {after}"
