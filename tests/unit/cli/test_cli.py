"""``navigator``: the console script, its subcommands, and the app when no command is given."""

from __future__ import annotations

import subprocess
import sys
import tomllib

import pytest

from navigator import cli
from tests.conftest import REPO


def test_the_console_script_is_navigator_cli_main() -> None:
    scripts = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert scripts == {"navigator": "navigator.cli:main"}
    assert callable(cli.main)


def test_every_subcommand_is_offered() -> None:
    parser = cli.build_parser()
    commands = next(a for a in parser._actions if a.dest == "command")
    assert set(commands.choices) == {"check", "plan", "handout", "case", "notice", "i18n", "selftest"}
    assert [cli.command_module(name).__name__ for name in cli.COMMANDS] == [f"navigator.cli.{name}" for name in cli.COMMANDS]


def test_a_command_imports_only_its_own_module() -> None:
    """Start-up pays for no tool: the window and each command import only what they use."""
    code = "import sys\nfrom navigator.cli import main\ntry:\n    main(['plan', '--help'])\nexcept SystemExit:\n    pass\nprint(sorted(m for m in sys.modules if m.startswith('navigator.cli.')))"
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120, check=False)
    assert done.stdout.strip().splitlines()[-1] == "['navigator.cli.plan']", done.stderr


def test_no_command_opens_the_app(monkeypatch: pytest.MonkeyPatch) -> None:
    import navigator.app

    monkeypatch.setattr(navigator.app, "run", lambda: 7)
    assert cli.main([]) == 7


def test_no_command_imports_no_command_module() -> None:
    """A double click starts ``navigator`` with no word: it imports none of the tools."""
    code = (
        "import sys\nimport navigator.app\nnavigator.app.run = lambda: 0\nfrom navigator.cli import main\nmain([])\n"
        "print(sorted(m for m in sys.modules if m.startswith('navigator.cli.')))"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120, check=False)
    assert done.stdout.strip().splitlines()[-1] == "[]", done.stderr


def test_a_subcommand_runs_without_qt() -> None:
    """The tools never start the window, and never load Qt unless they must (a PDF)."""
    code = "import sys\nfrom navigator.cli import main\nmain(['check'])\nprint('PySide6' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "False"


def test_python_dash_m_navigator_is_the_same_command() -> None:
    done = subprocess.run([sys.executable, "-m", "navigator", "--help"], cwd=REPO, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0
    assert "check" in done.stdout and "plan" in done.stdout
