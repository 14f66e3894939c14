"""The Quick exit keys as the window system delivers them, before Qt decides where they go.

Qt hands a key press to the window that has focus. When the interface thread was busy and the
focused dialog closed meanwhile, Qt drops the press: the window it was meant for is gone
(security review F1). A native event filter sees every key event of the process as it comes off
the window system's queue, whatever happens to it afterwards, so the exit keys are read here too
and fed to the same counter as Qt's own key events (``quick_exit.ExitKeys``). Each press is counted
once: a press seen here is recognised by its time stamp when Qt delivers it as well.

The keys are read by their place on the keyboard, as the hardware reports them, so a keyboard
layout cannot move them:

- X11 (xcb): ``xcb_key_press_event_t``; X key codes are the Linux input codes plus 8
  (Esc 9, F12 96), as on every X server with the evdev or libinput driver (and Xvfb).
- Windows: ``MSG`` with ``WM_KEYDOWN`` / ``WM_SYSKEYDOWN`` and the virtual key (VK_ESCAPE,
  VK_F12).
- macOS: an ``NSEvent`` of type key-down; its ``keyCode`` (kVK_Escape 53, kVK_F12 111) is asked
  through the Objective-C runtime.

The parsing of X11 and Windows events is pure (bytes in, key out) and tested with made-up events;
the X11 path is also tested end to end with keys sent from outside the process
(tests/privacy/test_no_trace.py). The Windows and macOS paths are not run by any test yet.
"""

from __future__ import annotations

import contextlib
import ctypes
import struct
import sys
from collections.abc import Callable
from enum import Enum

from PySide6.QtCore import QAbstractNativeEventFilter, QCoreApplication


class ExitKey(Enum):
    ESCAPE = "escape"
    F12 = "f12"


# --- X11 --------------------------------------------------------------------------------------

XCB_KEY_PRESS = 2
XCB_KEYCODES = {9: ExitKey.ESCAPE, 96: ExitKey.F12}
# response_type, detail (key code), sequence, time: the start of every xcb key event.
_XCB_HEAD = struct.Struct("=BBHI")


def parse_xcb(data: bytes) -> tuple[ExitKey, int] | None:
    """(key, X server time in ms) for an Esc or F12 key press; None for anything else."""
    if len(data) < _XCB_HEAD.size:
        return None
    response_type, keycode, _sequence, time = _XCB_HEAD.unpack_from(data)
    if response_type & 0x7F != XCB_KEY_PRESS:  # the high bit only says the event was sent by a client
        return None
    key = XCB_KEYCODES.get(keycode)
    return (key, time) if key is not None else None


# --- Windows ----------------------------------------------------------------------------------

WM_KEYDOWN, WM_SYSKEYDOWN = 0x0100, 0x0104
WINDOWS_KEYS = {0x1B: ExitKey.ESCAPE, 0x7B: ExitKey.F12}
# MSG: HWND hwnd; UINT message; WPARAM wParam; LPARAM lParam; DWORD time; (POINT pt): native
# sizes and alignment, as the process that receives it lays it out.
_MSG = struct.Struct("@PIPnI")


def parse_windows_msg(data: bytes) -> tuple[ExitKey, int] | None:
    """(key, message time in ms) for an Esc or F12 key-down message; None for anything else."""
    if len(data) < _MSG.size:
        return None
    _hwnd, message, wparam, _lparam, time = _MSG.unpack_from(data)
    if message not in (WM_KEYDOWN, WM_SYSKEYDOWN):
        return None
    key = WINDOWS_KEYS.get(wparam & 0xFFFF)
    return (key, time) if key is not None else None


# --- macOS ------------------------------------------------------------------------------------

NS_KEY_DOWN = 10
MAC_KEYCODES = {53: ExitKey.ESCAPE, 111: ExitKey.F12}


class _ObjC:
    """Just enough of the Objective-C runtime to ask an NSEvent its type, key code and time."""

    def __init__(self) -> None:
        objc = ctypes.cdll.LoadLibrary("/usr/lib/libobjc.A.dylib")
        objc.sel_registerName.restype = ctypes.c_void_p
        objc.sel_registerName.argtypes = [ctypes.c_char_p]
        self.send = objc.objc_msgSend
        self.type_sel = objc.sel_registerName(b"type")
        self.code_sel = objc.sel_registerName(b"keyCode")
        self.time_sel = objc.sel_registerName(b"timestamp")

    def call(self, obj: int, selector: int, restype: type) -> object:
        self.send.restype = restype
        self.send.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
        return self.send(obj, selector)

    def parse(self, event: int) -> tuple[ExitKey, int] | None:
        if self.call(event, self.type_sel, ctypes.c_ulong) != NS_KEY_DOWN:
            return None
        key = MAC_KEYCODES.get(int(self.call(event, self.code_sel, ctypes.c_ushort)))  # type: ignore[call-overload]
        if key is None:
            return None
        return key, int(float(self.call(event, self.time_sel, ctypes.c_double)) * 1000)  # type: ignore[arg-type]


# --- the filter -------------------------------------------------------------------------------


class NativeExitKeys(QAbstractNativeEventFilter):
    """Reads Esc and F12 presses off the window system's queue and hands them to ``on_key``.

    It never keeps an event from Qt: the first Esc still closes a dialog or a menu.
    """

    def __init__(self, on_key: Callable[[ExitKey, int], None]) -> None:
        super().__init__()
        self.on_key = on_key
        self._mac: _ObjC | None = None
        self.seen = 0  # exit keys read here (tests look at it)

    def nativeEventFilter(self, eventType: object, message: object) -> tuple[bool, int]:  # noqa: N802,N803 - Qt override
        # Never let an exception escape into Qt's event dispatch: the Qt-level filter still counts.
        with contextlib.suppress(Exception):
            # PySide6 hands the event's address as a VoidPtr (an int in some versions).
            found = self._parse(bytes(eventType), int(message))  # type: ignore[call-overload]
            if found is not None:
                self.seen += 1
                self.on_key(*found)
        return False, 0

    def _parse(self, kind: bytes, message: int) -> tuple[ExitKey, int] | None:
        if not message:
            return None
        if kind == b"xcb_generic_event_t":
            return parse_xcb(ctypes.string_at(message, _XCB_HEAD.size))
        if kind == b"windows_generic_MSG":
            return parse_windows_msg(ctypes.string_at(message, _MSG.size))
        if kind == b"mac_generic_NSEvent" and sys.platform == "darwin":
            if self._mac is None:
                self._mac = _ObjC()
            return self._mac.parse(message)
        return None


def install(app: QCoreApplication, on_key: Callable[[ExitKey, int], None]) -> NativeExitKeys:
    native = NativeExitKeys(on_key)
    app.installNativeEventFilter(native)
    return native
