"""PySide6's import check answers as before, from the file's bytes, and keeps no module's source."""

from __future__ import annotations

import importlib
import inspect
import linecache
import sys
from pathlib import Path

from navigator import app  # noqa: F401 - installs the check as a start does
from navigator.ui import pyside_imports


def _original(module: object) -> bool:
    # PySide6's own answer (shibokensupport.feature._mod_uses_pyside), written out here.
    try:
        return "PySide6" in inspect.getsource(module)  # type: ignore[arg-type]
    except (TypeError, OSError):
        return False


def test_the_check_is_replaced_once() -> None:
    feature = sys.modules["shibokensupport.feature"]
    assert getattr(feature._mod_uses_pyside, "navigator", False)
    assert pyside_imports.read_plainly() is False  # a second call changes nothing


def test_same_answers_as_pyside() -> None:
    names = ["navigator.ui.widgets", "navigator.core.models", "navigator.i18n", "json", "math", "PySide6.QtCore"]
    for name in names:
        module = importlib.import_module(name)
        assert pyside_imports.uses_pyside(module, _original) is _original(module), name
    assert pyside_imports.uses_pyside(importlib.import_module("navigator.ui.widgets"), _original) is True
    assert pyside_imports.uses_pyside(importlib.import_module("navigator.core.models"), _original) is False


def test_a_module_imported_now_is_not_kept_as_source(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "navigator_probe_module.py").write_text("VALUE = 'PySide6 named here'\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    linecache.clearcache()
    module = __import__("navigator_probe_module")  # an import statement, as PySide6 watches them
    try:
        assert module.VALUE
        assert sys.modules["shibokensupport.feature"].pyside_feature_dict["navigator_probe_module"] == 0  # it names PySide6
        assert not any(name.endswith("navigator_probe_module.py") for name in linecache.cache)
    finally:
        sys.modules.pop("navigator_probe_module", None)
