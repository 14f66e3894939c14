"""The desktop entry and AppStream metadata agree with the package."""

from __future__ import annotations

import configparser
import xml.etree.ElementTree as ET

from navigator import APP_ID, __version__
from tests.conftest import REPO

PACKAGING = REPO / "packaging"


def test_desktop_entry() -> None:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(PACKAGING / f"{APP_ID}.desktop", encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Exec"].split()[0] == "navigator"
    assert entry["Icon"] == APP_ID
    # No notification of start-up to the desktop: nothing about the app is announced.
    assert entry["StartupNotify"] == "false"


def test_metainfo_matches_app() -> None:
    root = ET.parse(PACKAGING / f"{APP_ID}.metainfo.xml").getroot()
    assert root.findtext("id") == APP_ID
    assert root.find("launchable").text == f"{APP_ID}.desktop"
    versions = [r.get("version") for r in root.iter("release")]
    assert __version__ in versions
