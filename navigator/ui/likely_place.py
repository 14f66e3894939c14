"""Where the person probably is, guessed from this computer's own region setting.

Read each time it is asked, never stored, never sent: it only picks which emergency number and
which services to show first before the person has said where they live (their answer always
wins). Used by the home screen's "In danger now?" line and by "Talk to someone now".
"""

from __future__ import annotations

from PySide6.QtCore import QLocale


def likely_country() -> str | None:
    """The ISO country code of the computer's region setting ("US"), or None when it names none."""
    territory = QLocale.system().territory()
    if territory == QLocale.Country.AnyTerritory:
        return None
    code = QLocale.territoryToCode(territory)
    return code.upper() if len(code) == 2 and code.isalpha() else None
