"""On a real X11 display, another program (a clipboard manager's stand-in) sees Navigator's copy
marked secret, and a normal close leaves nothing of Navigator's on the clipboard, while a copy
someone else made stays where it is (security review F7).

Without a mark, Klipper, CopyQ and their kind keep every copy in their history, and put the last
one back when the clipboard empties; and a program that closes normally hands what it still owns
to the clipboard manager, so it outlives the program.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.privacy.session_script import SECRET
from tests.privacy.test_exit_under_load import wait_for
from tests.privacy.test_no_trace import REPO, SCRIPT, fresh_user

pytestmark = pytest.mark.slow

STANDIN = Path(__file__).with_name("clipboard_standin.py")


def standin_env(tmp_path: Path, display: str) -> dict[str, str]:
    home = tmp_path / "standin"
    if (home / "user").exists():
        shutil.rmtree(home)
    env, _folders = fresh_user(home)
    env.update(PATH=os.environ.get("PATH", "/usr/bin:/bin"), QT_QPA_PLATFORM="xcb", DISPLAY=display, PYTHONPATH=str(REPO))
    env["STANDIN_STOP"] = str(tmp_path / "standin-stop")
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def read_clipboard(tmp_path: Path, display: str) -> dict:
    done = subprocess.run(
        [sys.executable, str(STANDIN), "read"], env=standin_env(tmp_path, display), capture_output=True, timeout=60, check=True
    )
    return json.loads(done.stdout.decode().strip().splitlines()[-1])


@pytest.fixture
def navigator(tmp_path, xvfb, request):  # type: ignore[no-untyped-def]
    """Navigator in the copy-then-close session, on the private X server; ended afterwards."""
    mode = getattr(request, "param", "copy-then-close")
    env, folders = fresh_user(tmp_path / "nav")
    env.update(
        PATH=os.environ.get("PATH", "/usr/bin:/bin"),
        LANG="C.UTF-8",
        QT_QPA_PLATFORM="xcb",
        DISPLAY=xvfb,
        PYTHONDONTWRITEBYTECODE="1",
        PYTHONPATH=str(REPO),
        NAVIGATOR_TEST_GO=str(tmp_path / "go"),
    )
    process = subprocess.Popen(
        [sys.executable, str(SCRIPT), mode], env=env, cwd=folders[-1], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
    )
    yield process
    if process.poll() is None:
        process.kill()
    process.wait()
    assert process.stdout is not None
    process.stdout.close()


@pytest.mark.parametrize("navigator", ["copy-then-close", "copy-then-close:page"], ids=["letter", "page"], indirect=True)
def test_a_clipboard_manager_sees_the_copy_marked_secret_and_a_close_clears_it(tmp_path, xvfb, navigator):
    """The letter's Copy button, and Ctrl+A Ctrl+C in a page (Qt's own copy, marked as it arrives)."""
    process = navigator
    copied = wait_for(process, "copied")
    assert SECRET in copied["text"] or "RAINN" in copied["text"]
    seen = read_clipboard(tmp_path, xvfb)
    assert seen["text"] == copied["text"]
    assert "x-kde-passwordManagerHint" in seen["formats"] and seen["hint"] == "secret", seen
    (tmp_path / "go").touch()
    quitting = wait_for(process, "quitting")
    assert quitting["owns"] is False and quitting["text"] == "", "a normal close left the letter on the clipboard"
    assert process.wait(timeout=30) == 0
    assert read_clipboard(tmp_path, xvfb)["text"] == ""


def test_a_close_leaves_someone_elses_copy_alone(tmp_path, xvfb, navigator):
    process = navigator
    wait_for(process, "copied")
    other = subprocess.Popen(
        [sys.executable, str(STANDIN), "own", "copied in another program"],
        env=standin_env(tmp_path, xvfb),
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert other.stdout is not None
        assert json.loads(other.stdout.readline()) == {"owned": True}
        (tmp_path / "go").touch()
        quitting = wait_for(process, "quitting")
        assert quitting["text"] == "copied in another program"
        assert process.wait(timeout=30) == 0
        assert read_clipboard(tmp_path, xvfb)["text"] == "copied in another program"
    finally:
        (tmp_path / "standin-stop").touch()
        try:
            other.wait(timeout=10)
        except subprocess.TimeoutExpired:
            other.kill()
            other.wait()
        assert other.stdout is not None
        other.stdout.close()
