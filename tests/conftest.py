"""Shared test set-up: headless Qt, and every UI test marked ``gui``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("NAVIGATOR_PSEUDO", None)

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "/tests/ui/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def _english_interface():
    """Every test starts and ends in English. The listener list is left alone: a window that was
    deleted but still listened would make the change back to English fail here, for all to see."""
    from navigator import i18n

    i18n.set_locale("en")
    yield
    i18n.set_locale("en")


def python_prints(code: str, env: dict[str, str] | None = None, timeout: int = 120) -> list[str]:
    """What a new Python process running ``code`` in the checkout prints, word by word; it must
    end well. For what a start imports, which this test process has long since imported."""
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True, timeout=timeout, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout.split()
