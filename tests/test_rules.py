"""The layout's rules, checked against every import in navigator/ (in the spirit of qutebrowser's misc_checks).

The import graph is read with ``ast`` from every file, so it sees what no other check does:
imports inside functions and under ``if TYPE_CHECKING:`` count as much as the ones at the top.
The rules are the ones ARCHITECTURE.md states; each has a test that shows it can fail.

- core imports only core, the standard library, pydantic and PyYAML (and the case file its cipher);
- i18n, privacy and paths never import ui or Qt;
- a page (ui/pages/*) never imports the main window or another page: pages talk through signals;
- nothing loads modules by name (``__import__``, ``importlib``): every import is one a reader can see;
- no import circles anywhere in navigator/;
- core, i18n, privacy and cli have one test file per module under tests/unit/<package>/.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.conftest import REPO

PACKAGE = REPO / "navigator"
QT = {"PySide6", "shiboken6"}
CORE_MAY_IMPORT = {"pydantic", "yaml"}
# The case file seals itself with a key stretched from a passphrase; the cipher is its own business.
CORE_EXCEPTIONS = {"navigator.core.case_file": {"cryptography", "argon2"}}
NEVER_UI = ("navigator.i18n", "navigator.privacy", "navigator.paths")
MIRRORED = ("core", "i18n", "privacy", "cli")
# Modules that do not have their own test file yet (their tests live elsewhere for now). The list
# may only shrink: a module that gets its file must leave it (a test below says so).
NOT_YET_MIRRORED = {
    "navigator.core.case_report",  # tested through tests/unit/cli/test_case.py (navigator case report)
    "navigator.core.case_text",  # tested through tests/unit/cli/test_case.py
}


@dataclass
class Module:
    name: str
    path: Path
    navigator: set[str] = field(default_factory=set)  # modules of ours it imports
    outside: set[str] = field(default_factory=set)  # top-level names of other packages it imports
    loads_by_name: list[str] = field(default_factory=list)  # __import__ / importlib, with line


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def read_modules(root: Path) -> dict[str, Module]:
    """Every module under ``root``/navigator with what it imports, wherever the import is written."""
    modules = {module_name(p, root): Module(module_name(p, root), p) for p in sorted((root / "navigator").rglob("*.py"))}

    def ours(name: str) -> str | None:
        while name and name not in modules:
            name = name.rpartition(".")[0]
        return name or None

    for module in modules.values():
        package = module.name if module.path.name == "__init__.py" else module.name.rpartition(".")[0]
        for node in ast.walk(ast.parse(module.path.read_text(encoding="utf-8"))):
            targets: list[tuple[str, list[str]]] = []
            if isinstance(node, ast.Import):
                targets = [(alias.name, []) for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                    base = ".".join([*anchor, base] if base else anchor)
                targets = [(base, [alias.name for alias in node.names])]
            elif isinstance(node, ast.Call):
                func = node.func
                called = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
                if called in ("__import__", "import_module"):
                    module.loads_by_name.append(f"{called}() at line {node.lineno}")
            for base, names in targets:
                top = base.split(".")[0]
                if top == "importlib":
                    module.loads_by_name.append(f"importlib at line {node.lineno}")
                if top != "navigator":
                    if top and top != "__future__":
                        module.outside.add(top)
                    continue
                found = [f"{base}.{n}" for n in names if f"{base}.{n}" in modules] or [ours(base)]
                module.navigator.update(name for name in found if name and name != module.name)
    return modules


def cycles(graph: Mapping[str, Iterable[str]]) -> list[list[str]]:
    """Groups of modules that import one another, round in a circle (Tarjan's strongly connected components)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in graph.get(node, ()):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1 or node in graph.get(node, ()):
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def in_package(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


# --- the rules, as functions of the modules, so that a test can show each one failing ----------


def core_breaks(modules: Mapping[str, Module]) -> list[str]:
    stdlib = set(sys.stdlib_module_names)
    problems = []
    for m in modules.values():
        if not in_package(m.name, "navigator.core"):
            continue
        allowed = CORE_MAY_IMPORT | CORE_EXCEPTIONS.get(m.name, set())
        problems += [f"{m.name} imports {name}" for name in sorted(m.navigator) if not in_package(name, "navigator.core")]
        problems += [f"{m.name} imports {top}" for top in sorted(m.outside - stdlib - allowed)]
    return problems


def never_ui_breaks(modules: Mapping[str, Module]) -> list[str]:
    problems = []
    for m in modules.values():
        if any(in_package(m.name, package) for package in NEVER_UI):
            problems += [f"{m.name} imports {name}" for name in sorted(m.navigator) if in_package(name, "navigator.ui")]
            problems += [f"{m.name} imports {top}" for top in sorted(m.outside & QT)]
    return problems


def page_breaks(modules: Mapping[str, Module]) -> list[str]:
    problems = []
    for m in modules.values():
        if in_package(m.name, "navigator.ui.pages") and m.name != "navigator.ui.pages":
            for name in sorted(m.navigator):
                if name == "navigator.ui.main_window" or (in_package(name, "navigator.ui.pages") and name != "navigator.ui.pages"):
                    problems.append(f"{m.name} imports {name}")
    return problems


def by_name_breaks(modules: Mapping[str, Module]) -> list[str]:
    return [f"{m.name}: {where}" for m in modules.values() for where in m.loads_by_name]


def cycle_breaks(modules: Mapping[str, Module]) -> list[str]:
    return [" -> ".join(group) for group in cycles({m.name: m.navigator for m in modules.values()})]


def expected_test_file(module: str) -> Path:
    """tests/unit/<package>/test_<module>.py; a package's own __init__ is test_<package>.py."""
    parts = module.split(".")[1:]
    return REPO / "tests" / "unit" / parts[0] / f"test_{parts[-1]}.py"


def has_code(path: Path) -> bool:
    body = ast.parse(path.read_text(encoding="utf-8")).body
    return any(not (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)) for node in body)


def unmirrored(modules: Mapping[str, Module]) -> list[str]:
    return sorted(
        m.name
        for m in modules.values()
        if any(in_package(m.name, f"navigator.{package}") for package in MIRRORED)
        and has_code(m.path)
        and not expected_test_file(m.name).is_file()
    )


MODULES = read_modules(REPO)


# --- the real tree ----------------------------------------------------------------------------


def test_the_graph_sees_every_module_and_every_kind_of_import() -> None:
    assert len(MODULES) > 50
    main_window = MODULES["navigator.ui.main_window"]
    assert "navigator.ui.pages.wizard" in main_window.navigator
    # An import inside a function (app.build_window) and one under TYPE_CHECKING (app) both count.
    assert "navigator.ui.main_window" in MODULES["navigator.app"].navigator
    assert "navigator.i18n.pseudo_library" in MODULES["navigator.app"].navigator


def test_core_imports_only_core_the_standard_library_pydantic_and_yaml() -> None:
    assert core_breaks(MODULES) == []


def test_i18n_privacy_and_paths_never_import_the_interface() -> None:
    assert never_ui_breaks(MODULES) == []


def test_pages_never_import_the_main_window_or_one_another() -> None:
    assert page_breaks(MODULES) == []


def test_nothing_is_loaded_by_name() -> None:
    assert by_name_breaks(MODULES) == []


def test_no_import_circles() -> None:
    assert cycle_breaks(MODULES) == []


def test_core_i18n_privacy_and_cli_have_a_test_file_per_module() -> None:
    assert unmirrored(MODULES) == sorted(NOT_YET_MIRRORED)


def test_the_not_yet_mirrored_list_only_names_modules_that_exist() -> None:
    assert set(MODULES) >= NOT_YET_MIRRORED


def test_core_imports_without_pyside6() -> None:
    """And at run time: every core module imports, and the shipped content loads, with Qt blocked."""
    script = r"""
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
    result = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    modules, items = (int(x) for x in result.stdout.split())
    assert modules >= 6
    assert items > 0


# --- each rule can fail -------------------------------------------------------------------------


def tree(tmp_path: Path, files: dict[str, str]) -> dict[str, Module]:
    for name, source in {"navigator/__init__.py": "", **files}.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        (path.parent / "__init__.py").touch()
        path.write_text(source, encoding="utf-8")
    return read_modules(tmp_path)


@pytest.mark.parametrize(
    ("files", "rule"),
    [
        ({"navigator/core/a.py": "from navigator.i18n import _\n", "navigator/i18n/__init__.py": ""}, core_breaks),
        ({"navigator/core/a.py": "def f():\n    import babel\n"}, core_breaks),
        ({"navigator/core/a.py": "import PySide6.QtCore\n"}, core_breaks),
        ({"navigator/i18n/a.py": "from navigator.ui import theme\n", "navigator/ui/theme.py": ""}, never_ui_breaks),
        ({"navigator/privacy/a.py": "from PySide6.QtCore import QSettings\n"}, never_ui_breaks),
        ({"navigator/paths.py": "import shiboken6\n"}, never_ui_breaks),
        (
            {
                "navigator/ui/pages/a.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from navigator.ui.main_window import W\n",
                "navigator/ui/main_window.py": "",
            },
            page_breaks,
        ),
        ({"navigator/ui/pages/a.py": "from navigator.ui.pages import b\n", "navigator/ui/pages/b.py": ""}, page_breaks),
        ({"navigator/cli/a.py": "m = __import__('navigator.cli.b')\n"}, by_name_breaks),
        ({"navigator/cli/a.py": "import importlib\n"}, by_name_breaks),
        ({"navigator/a.py": "from navigator import b\n", "navigator/b.py": "def f():\n    from navigator.a import x\n"}, cycle_breaks),
        ({"navigator/ui/a.py": "from .b import x\n", "navigator/ui/b.py": "from navigator.ui import a\n"}, cycle_breaks),
    ],
)
def test_each_rule_can_fail(tmp_path: Path, files: dict[str, str], rule: object) -> None:
    assert callable(rule)
    assert rule(tree(tmp_path, files)) != []


def test_allowed_imports_pass(tmp_path: Path) -> None:
    modules = tree(
        tmp_path,
        {
            "navigator/core/a.py": "import json\nimport yaml\nfrom pydantic import BaseModel\nfrom navigator.core import b\n",
            "navigator/core/b.py": "",
            "navigator/i18n/a.py": "from navigator.core import b\n",
            "navigator/ui/pages/a.py": "from navigator.ui.navigation import Page\n",
            "navigator/ui/navigation.py": "",
            "navigator/ui/main_window.py": "from navigator.ui.pages import a\n",
        },
    )
    for rule in (core_breaks, never_ui_breaks, page_breaks, by_name_breaks, cycle_breaks):
        assert rule(modules) == []
