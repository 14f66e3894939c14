"""Keep the libraries under Navigator from writing anything: caches, session files, bytecode.

Navigator itself writes nothing. The libraries beneath it might: fontconfig writes a font cache
to ``~/.cache/fontconfig`` when a font folder has none, Mesa and other GL drivers keep shader
caches, D-Bus can start a session bus that writes under ``~/.dbus``, an X11 session manager may
record the program so the desktop reopens it at the next login, and Python writes ``.pyc`` files.
``harden_process`` turns each of these off through the environment, before Qt starts.

Programs that Navigator starts (only the system's link opener, after the person agrees) must get
the person's normal environment back, or their browser would lose its fonts: ``original_environment``
restores it for the moment of the launch.

Pure Python (no Qt). Proven by tests/privacy/test_no_trace.py and tests/unit/privacy/test_process.py.
"""

from __future__ import annotations

import contextlib
import os
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Mapping, MutableMapping
from pathlib import Path

# Driver and toolkit shader caches: each of these names is read by the library it belongs to.
CACHE_SWITCHES = {
    "MESA_SHADER_CACHE_DISABLE": "true",  # Mesa (Intel, AMD, software rendering)
    "MESA_GLSL_CACHE_DISABLE": "true",  # older Mesa
    "__GL_SHADER_DISK_CACHE": "0",  # NVIDIA
    "QT_DISABLE_SHADER_DISK_CACHE": "1",  # Qt's own pipeline cache (Qt Quick, RHI)
}

# A folder that can never be created: it would sit inside a file (a device file, or the Python
# program itself where there is no /dev/null). Settings and the D-Bus address point here.
NOWHERE = os.path.join(os.devnull if os.name == "posix" else sys.executable, "navigator-writes-nothing")

# The environment as it was before hardening, for programs Navigator starts (None = was unset).
_saved: dict[str, str | None] = {}
# Keeps the pipe that holds the in-memory fontconfig configuration open for the whole run.
_fontconfig_fd: int | None = None


def system_fontconfig_file(env: Mapping[str, str]) -> Path | None:
    """The configuration fontconfig would read by default, if there is one."""
    candidates = []
    if env.get("FONTCONFIG_FILE"):
        candidates.append(Path(env["FONTCONFIG_FILE"]))
    for folder in filter(None, env.get("FONTCONFIG_PATH", "").split(os.pathsep)):
        candidates.append(Path(folder) / "fonts.conf")
    candidates += [Path("/etc/fonts/fonts.conf"), Path("/usr/local/etc/fonts/fonts.conf")]
    for path in candidates:
        if path.is_file():
            return path
    return None


def _user_cachedir(element: ET.Element, home: str) -> bool:
    """A cache folder belonging to the person (rather than the system), which must not be written."""
    text = (element.text or "").strip()
    if element.get("prefix") in ("xdg", "default", "relative", "cwd") or text.startswith("~") or not text.startswith("/"):
        return True
    return bool(home) and (text == home or text.startswith(home.rstrip("/") + "/"))


def fontconfig_without_user_cache(system_conf: str, conf_dir: Path, home: str, as_root: bool) -> str:
    """The system's fontconfig configuration, unchanged except that it can no longer write a cache.

    Folders of fonts, aliases and language rules stay as they are, so text looks the same. The
    person's own cache folders (``~/.cache/fontconfig``, ``~/.fontconfig``) are removed; the
    system's cache is still read, so start-up stays fast.

    Root may write the system cache too, and fontconfig opens a stale system cache file for
    writing to refresh it (seen on a fresh machine whose fonts were installed after the cache was
    made). So for root every cache folder is removed and the only one left is ``/proc``, where
    nothing can be created: fontconfig then reads the fonts themselves, a little slower, and
    writes nothing anywhere.
    """
    root = ET.fromstring(system_conf)
    for element in list(root):
        if element.tag == "cachedir" and (as_root or _user_cachedir(element, home)):
            root.remove(element)
        elif element.tag == "include" and not element.get("prefix"):
            # The configuration is handed over through a pipe, which has no folder of its own.
            target = (element.text or "").strip()
            if target and not target.startswith(("/", "~")):
                element.text = str(conf_dir / target)
    if as_root:
        guard = ET.Element("cachedir")
        guard.text = "/proc"
        root.insert(0, guard)
    return '<?xml version="1.0"?>\n' + ET.tostring(root, encoding="unicode")


def _install_fontconfig(env: MutableMapping[str, str]) -> None:
    global _fontconfig_fd
    if not sys.platform.startswith("linux") or _fontconfig_fd is not None:
        return  # Qt uses fontconfig only on Linux and similar systems.
    source = system_fontconfig_file(env)
    if source is None:
        return
    try:
        text = fontconfig_without_user_cache(
            source.read_text(encoding="utf-8"),
            source.parent,
            env.get("HOME", ""),
            as_root=os.geteuid() == 0 and os.path.isdir("/proc"),
        )
    except (OSError, ET.ParseError, UnicodeDecodeError):
        return  # An unusual set-up: leave fontconfig as it is rather than break text.
    data = text.encode("utf-8")
    read_end, write_end = os.pipe()
    if len(data) > 60_000:  # larger than a pipe holds without a reader: leave fontconfig alone
        os.close(read_end)
        os.close(write_end)
        return
    os.write(write_end, data)
    os.close(write_end)
    # Fontconfig reads a pipe named in FONTCONFIG_FILE as it is, without looking for a real file.
    # Nothing touches the disk; the pipe is not passed on to other programs (close-on-exec).
    _fontconfig_fd = read_end
    _set(env, "FONTCONFIG_FILE", f"/proc/self/fd/{read_end}")


def _set(env: MutableMapping[str, str], name: str, value: str | None) -> None:
    if name not in _saved:
        _saved[name] = env.get(name)
    if value is None:
        env.pop(name, None)
    else:
        env[name] = value


def _session_bus(env: Mapping[str, str]) -> str:
    """Where the person's session bus is, or an address that cannot start a new one."""
    runtime = env.get("XDG_RUNTIME_DIR", "")
    if runtime and os.path.exists(os.path.join(runtime, "bus")):
        return f"unix:path={runtime}/bus"
    return f"unix:path={NOWHERE}"


def harden_process(env: MutableMapping[str, str] | None = None) -> None:
    """Switch off every write the libraries under Navigator would make. Call before Qt starts."""
    env = os.environ if env is None else env
    sys.dont_write_bytecode = True
    for name, value in CACHE_SWITCHES.items():
        _set(env, name, value)
    # No session bus: D-Bus would otherwise "autolaunch" one, which writes under ~/.dbus.
    if not env.get("DBUS_SESSION_BUS_ADDRESS"):
        _set(env, "DBUS_SESSION_BUS_ADDRESS", _session_bus(env))
    # The X11 session manager records running programs to reopen them at the next login.
    if env.get("SESSION_MANAGER"):
        _set(env, "SESSION_MANAGER", None)
    _install_fontconfig(env)


def changed_names() -> list[str]:
    return sorted(_saved)


@contextlib.contextmanager
def original_environment(env: MutableMapping[str, str] | None = None) -> Iterator[None]:
    """Give a program Navigator starts (the link opener) the person's normal environment."""
    env = os.environ if env is None else env
    ours = {name: env.get(name) for name in _saved}
    for name, value in _saved.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    try:
        yield
    finally:
        for name, value in ours.items():
            if value is None:
                env.pop(name, None)
            else:
                env[name] = value
