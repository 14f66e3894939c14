"""PySide6 asks of every module imported after it whether it uses PySide6; this answers without keeping its source.

PySide6 (6.4 and later, for its ``from __feature__ import snake_case`` switch) hooks ``import``
and, for each new module, reads the module's whole source with ``inspect.getsource`` to look for
the word "PySide6". ``inspect`` reads through ``linecache``, which keeps every line of every
module for the rest of the run: about 9 MiB of Navigator's 110 at its first paint, and the time to
decode and split them. ``read_plainly`` gives the same answer from the file's bytes, read and
dropped. A module without a ``.py`` file (a compiled extension, the bundle's archived modules) is
still asked of PySide6's own function.

Imported by ``navigator.app`` before the rest of Navigator, so that it covers nearly every module.
If a PySide6 release renames what it replaces, nothing is replaced and PySide6 works as it did.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

import PySide6.QtCore  # noqa: F401 - loads shibokensupport.feature, whose function is replaced here

_FEATURE = "shibokensupport.feature"
_ASKER = "_mod_uses_pyside"


def uses_pyside(module: ModuleType, fallback: Callable[[ModuleType], bool]) -> bool:
    """Whether the module's source names PySide6, as PySide6 would answer, from its file's bytes."""
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return fallback(module)
    try:
        with open(path, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:
        return fallback(module)


def read_plainly() -> bool:
    """Replace PySide6's check (once); True if it was found and replaced."""
    feature = sys.modules.get(_FEATURE)
    original = getattr(feature, _ASKER, None)
    if feature is None or not callable(original) or getattr(original, "navigator", False):
        return False

    def asker(module: ModuleType) -> bool:
        return uses_pyside(module, original)

    asker.navigator = True  # type: ignore[attr-defined]
    setattr(feature, _ASKER, asker)
    return True


read_plainly()
