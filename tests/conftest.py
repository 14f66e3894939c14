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
    """Every test starts in English and leaves no language listeners behind."""
    from navigator import i18n
    from navigator.i18n import runtime

    i18n.set_locale("en")
    before = list(runtime._listeners)
    yield
    runtime._listeners[:] = before
    i18n.set_locale("en")
