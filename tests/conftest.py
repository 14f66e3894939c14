"""Shared test set-up: headless Qt, and every UI test marked ``gui``."""

from __future__ import annotations

import os
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
