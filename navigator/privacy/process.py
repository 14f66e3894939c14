"""Keep the libraries under Navigator from writing anything: caches, session files, bytecode,
crash dumps and error reports.

Navigator itself writes nothing. The libraries beneath it might: fontconfig writes a font cache
to ``~/.cache/fontconfig`` when a font folder has none, Mesa and other GL drivers keep shader
caches, D-Bus can start a session bus that writes under ``~/.dbus``, an X11 session manager may
record the program so the desktop reopens it at the next login, and Python writes ``.pyc`` files.
``harden_process`` turns each of these off through the environment, before Qt starts.

A crash must not leave a copy of memory either: a core dump holds what was typed (passphrases,
names, searches), even after "Start over". ``no_crash_dumps`` sets the core-file limit to 0 and
makes the process non-dumpable on Linux (which also keeps other programs of the same user from
reading its memory), does the same limit on macOS, and on Windows asks Windows Error Reporting for
no dialog and no heap in its report. ``quiet_errors`` keeps Python's tracebacks out of the error
output (which desktops keep in their logs) unless ``NAVIGATOR_DEBUG`` is set.

Programs that Navigator starts (only the system's link opener, after the person agrees) must get
the person's fonts and caches back, or their browser would lose its fonts: ``original_environment``
restores those for the moment of the launch. The D-Bus address stays as Navigator set it: when no
session bus runs, the opener must not start one either (it would write under ``~/.dbus``).

Pure Python (no Qt). Proven by tests/privacy/test_no_trace.py and tests/unit/privacy/test_process.py.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Mapping, MutableMapping
from pathlib import Path
from types import TracebackType

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

# The desktop portal (org.freedesktop.portal.Desktop). At start Qt asks it for its screenshot
# version and registers the program's id with it, and Qt's GNOME theme (used on GTK-based
# desktops) reads its settings through it. Each call starts the portal if it is not running, and
# the session bus then logs the activation with the command line that asked, which names Navigator
# (security review F15). QT_NO_XDG_DESKTOP_PORTAL stops the first two; on the desktops whose theme
# reads the portal, Qt's plain ("generic") theme stops the third. Navigator draws its own colours
# and dialogs, so neither is needed; accessibility (the AT-SPI bus screen readers use) is untouched.
NO_PORTAL = {"QT_NO_XDG_DESKTOP_PORTAL": "1"}
# Desktops for which Qt picks its GTK or GNOME theme (Qt's own list), and themes that use the portal.
GTK_DESKTOPS = frozenset({"GNOME", "X-CINNAMON", "PANTHEON", "UNITY", "MATE", "XFCE", "LXDE"})
PORTAL_THEMES = frozenset({"gtk3", "gnome", "xdgdesktopportal", "flatpak", "snap"})
QUIET_THEME = "generic"

# The environment as it was before hardening, for programs Navigator starts (None = was unset).
_saved: dict[str, str | None] = {}
# What a program Navigator starts gets back: the fonts and caches of the person's own programs.
# Not the D-Bus address (with no bus running, the opener would start one and write under ~/.dbus)
# and not the session manager (the opener has no business registering anything for Navigator).
RESTORED_FOR_CHILDREN = (*CACHE_SWITCHES, "FONTCONFIG_FILE", *NO_PORTAL, "QT_QPA_PLATFORMTHEME")
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


def fontconfig_without_user_cache(system_conf: str, conf_dir: Path, home: str, as_root: bool, guard_first: bool = False) -> str:
    """The system's fontconfig configuration, unchanged except that it can no longer write a cache.

    Folders of fonts, aliases and language rules stay as they are, so text looks the same. The
    person's own cache folders (``~/.cache/fontconfig``, ``~/.fontconfig``) are removed; the
    system's cache is still read, so start-up stays fast.

    Root may write the system cache too, and fontconfig rewrites a stale system cache (seen on a
    fresh machine whose fonts were installed after the cache was made). So for root the first
    cache folder is ``/proc``, where nothing can be created. Fontconfig writes a cache only into
    the first folder of its list it may write to (``FcDirCacheWrite``: the first for which
    ``access(W_OK)`` succeeds, else one it can create or ``chmod``), and stops there: when root
    may write to ``/proc`` (``guard_first``: the same ``access`` call, asked by ``_install_fontconfig``),
    ``/proc`` is that folder, the write fails, and the system's cache folders after it are only
    read, so start-up stays fast. (A stale system cache file is still opened for reading and
    writing while fontconfig reads that folder's fonts, to lock it against another program
    refreshing it at the same moment; nothing is written to it, and its dates stay as they were:
    tests/unit/privacy/test_process.py.) Otherwise (``/proc`` mounted read-only, say) fontconfig would go
    on to the next folder, so none is left but ``/proc``: fontconfig then reads the fonts
    themselves, a little slower, and writes nothing anywhere.
    """
    root = ET.fromstring(system_conf)
    for element in list(root):
        if element.tag == "cachedir" and ((as_root and not guard_first) or _user_cachedir(element, home)):
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
    as_root = os.geteuid() == 0 and os.path.isdir("/proc")
    try:
        text = fontconfig_without_user_cache(
            source.read_text(encoding="utf-8"),
            source.parent,
            env.get("HOME", ""),
            as_root=as_root,
            # Fontconfig asks access() too (the same process, the same real user): /proc comes first.
            guard_first=as_root and os.access("/proc", os.W_OK),
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


# Linux prctl options (linux/prctl.h).
PR_GET_DUMPABLE, PR_SET_DUMPABLE = 3, 4
PR_SET_NAME, PR_GET_NAME = 15, 16
# Windows: SetErrorMode flags (no "stopped working" box; no box for a missing drive) and WerSetFlags
# WER_FAULT_REPORTING_FLAG_NOHEAP (a report, if one is made, holds no heap memory).
SEM_FAILCRITICALERRORS, SEM_NOGPFAULTERRORBOX = 0x0001, 0x0002
WER_FAULT_REPORTING_FLAG_NOHEAP = 1


def no_crash_dumps(platform: str | None = None) -> list[str]:
    """Keep a crash from writing this process's memory to disk. Returns what was done (for the tests).

    Linux and macOS: the core-file limit goes to 0 (soft and hard, so nothing under Navigator can
    raise it again). Linux: the process becomes non-dumpable, so not even a system crash collector
    (systemd-coredump, apport) that ignores the limit gets a core, and other programs running as the
    same user can no longer read its memory through ``/proc`` or a debugger. Windows: no error box
    and no heap memory in an error report. (Leaving Windows Error Reporting out altogether,
    ``WerAddExcludedApplication``, would write to the registry, which Navigator never does.)
    """
    platform = platform or sys.platform
    done = []
    if platform != "win32":
        import resource

        with contextlib.suppress(OSError, ValueError):
            resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
            done.append("core-limit-0")
    if platform.startswith("linux"):
        import ctypes

        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            if libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == 0:
                done.append("not-dumpable")
    if platform == "win32":
        import ctypes

        with contextlib.suppress(OSError, AttributeError):
            kernel32 = ctypes.WinDLL("kernel32")  # type: ignore[attr-defined,unused-ignore]
            kernel32.SetErrorMode(kernel32.GetErrorMode() | SEM_FAILCRITICALERRORS | SEM_NOGPFAULTERRORBOX)
            done.append("no-error-box")
            if kernel32.WerSetFlags(WER_FAULT_REPORTING_FLAG_NOHEAP) == 0:
                done.append("report-without-heap")
    return done


def neutral_process_name(name: str, platform: str | None = None) -> bool:
    """Give the process a neutral name where the system allows it (Linux: what ``ps``, ``top`` and
    system monitors show as its name, ``/proc/PID/comm``); True if it was changed.

    The command line (``ps -o args``, ``/proc/PID/cmdline``) keeps the path Navigator was started
    from; no system lets a program change that for others to see (see PRIVACY.md)."""
    platform = platform or sys.platform
    if not platform.startswith("linux"):
        return False
    import ctypes

    try:
        return bool(ctypes.CDLL(None, use_errno=True).prctl(PR_SET_NAME, name.encode("ascii")[:15], 0, 0, 0) == 0)
    except (OSError, AttributeError):
        return False


def dumpable() -> bool | None:
    """Whether a crash of this process could be dumped (Linux; None where it cannot be asked)."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    try:
        return bool(ctypes.CDLL(None, use_errno=True).prctl(PR_GET_DUMPABLE, 0, 0, 0, 0))
    except (OSError, AttributeError):
        return None


def _silent_excepthook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    """An error nobody asked to see: nothing is printed. The interface goes on where it can."""


def _silent_thread_hook(args: threading.ExceptHookArgs) -> None:
    """The same for an error in a worker thread."""


def _silent_unraisable_hook(args: object) -> None:
    """The same for an error Python cannot raise (in a destructor, say)."""


def quiet_errors(env: Mapping[str, str] | None = None) -> bool:
    """Python prints no traceback unless ``NAVIGATOR_DEBUG`` is set; True when it was made quiet.

    A traceback names Navigator, its files and sometimes what was being done, and desktops keep a
    program's error output in their logs (the systemd journal, ``~/.xsession-errors``)."""
    env = os.environ if env is None else env
    if env.get("NAVIGATOR_DEBUG"):
        return False
    sys.excepthook = _silent_excepthook
    threading.excepthook = _silent_thread_hook
    sys.unraisablehook = _silent_unraisable_hook
    return True


def silence_error_output(env: Mapping[str, str] | None = None) -> bool:
    """Send this process's error output (file descriptor 2) nowhere unless ``NAVIGATOR_DEBUG`` is set.

    Covers what no hook reaches: libraries written in C that print on their own, and Python's
    "Fatal Python error" after a crash. Called once the window system has been reached, so a
    failure to start at all can still say why. True when it was silenced."""
    env = os.environ if env is None else env
    if env.get("NAVIGATOR_DEBUG"):
        return False
    with contextlib.suppress(OSError, ValueError, AttributeError):
        sys.stderr.flush()
    try:
        nowhere = os.open(os.devnull, os.O_WRONLY)
    except OSError:
        return False
    os.dup2(nowhere, 2)
    os.close(nowhere)
    return True


def quiet_platform_theme(env: Mapping[str, str]) -> str | None:
    """The Qt platform theme to use instead of one that would call the desktop portal, or None to
    leave Qt's choice (KDE's theme, a theme the person chose that does not use the portal)."""
    chosen = env.get("QT_QPA_PLATFORMTHEME", "").split(":", 1)[0].strip().lower()
    if chosen:
        return QUIET_THEME if chosen in PORTAL_THEMES else None
    desktops = env.get("XDG_CURRENT_DESKTOP", "").upper().split(":")
    return QUIET_THEME if any(name in GTK_DESKTOPS for name in desktops) else None


def harden_process(env: MutableMapping[str, str] | None = None) -> None:
    """Switch off every write the libraries under Navigator would make. Call before Qt starts."""
    env = os.environ if env is None else env
    sys.dont_write_bytecode = True
    for name, value in CACHE_SWITCHES.items():
        _set(env, name, value)
    # No session bus: D-Bus would otherwise "autolaunch" one, which writes under ~/.dbus.
    if not env.get("DBUS_SESSION_BUS_ADDRESS"):
        _set(env, "DBUS_SESSION_BUS_ADDRESS", _session_bus(env))
    # No call that starts the desktop portal, which the bus would log with our command line.
    for name, value in NO_PORTAL.items():
        _set(env, name, value)
    theme = quiet_platform_theme(env)
    if theme is not None:
        _set(env, "QT_QPA_PLATFORMTHEME", theme)
    # The X11 session manager records running programs to reopen them at the next login.
    if env.get("SESSION_MANAGER"):
        _set(env, "SESSION_MANAGER", None)
    _install_fontconfig(env)


def changed_names() -> list[str]:
    return sorted(_saved)


@contextlib.contextmanager
def original_environment(env: MutableMapping[str, str] | None = None) -> Iterator[None]:
    """Give a program Navigator starts (the link opener) the person's fonts and caches back.

    The D-Bus address is not given back: where no session bus runs, the opener keeps the address
    that cannot start one (security review F17). Nor is the session manager."""
    env = os.environ if env is None else env
    restored = {name: value for name, value in _saved.items() if name in RESTORED_FOR_CHILDREN}
    ours = {name: env.get(name) for name in restored}
    for name, value in restored.items():
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
