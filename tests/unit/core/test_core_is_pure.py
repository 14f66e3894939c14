"""navigator/core never imports Qt: it must import and work with PySide6 blocked."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]

SCRIPT = r"""
import importlib, pkgutil, sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6" or name.startswith("PySide6.") or name.startswith("shiboken"):
            raise ImportError("blocked: core must not import " + name)
        return None
sys.meta_path.insert(0, Block())
import navigator.core as core
names = [m.name for m in pkgutil.walk_packages(core.__path__, "navigator.core.")]
for name in names:
    importlib.import_module(name)
from navigator.core.loader import load_content
from navigator.paths import content_root
content, report = load_content(content_root())
print(len(names), len(content.entries))
"""


def test_core_imports_without_pyside6() -> None:
    result = subprocess.run([sys.executable, "-c", SCRIPT], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    modules, items = (int(x) for x in result.stdout.split())
    assert modules >= 6
    assert items > 0
