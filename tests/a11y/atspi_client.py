"""The assistive-technology side of the AT-SPI tests: what a screen reader such as Orca reads.

Run by the tests with the system's Python (``/usr/bin/python3``), which has libatspi's bindings
(Debian: python3-gi, gir1.2-atspi-2.0; ``./dev test`` installs them); Navigator's virtual
environment does not need them. It reads commands, one JSON object a line, on standard input and
answers each with one JSON line on standard output:

  {"cmd": "apps"}                           names and process ids of the applications on the bus
  {"cmd": "tree", "pid": N}                 what the application shows: every showing node with its
                                            role, name, description, states, actions, value, text
                                            and "path" (child indexes from the application)
  {"cmd": "focused", "pid": N}              the node with keyboard focus (null if none)
  {"cmd": "act", "pid": N, "path": [...], "action": "Press"}
                                            do one of the node's actions (AT-SPI Action interface)
  {"cmd": "set_text", "pid": N, "path": [...], "text": "..."}
                                            replace an editable text's contents (EditableText)
  {"cmd": "key", "name": "Tab"}             press and release a key (AT-SPI's keyboard events;
                                            "name" is an X keysym name: Tab, ISO_Left_Tab, Return,
                                            space, Down, F12, Escape)
  {"cmd": "type", "text": "..."}            type a string as key presses
  {"cmd": "quit"}

Nodes are found again by path, so a test reads the tree, picks a node, and acts on it at once.
"""

from __future__ import annotations

import json
import sys
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, GLib  # noqa: E402

# Where the focus went, as a screen reader learns it: from "focused" state-change events (item
# views also mark their current item "focused" while the focus is elsewhere, so states alone lie).
FOCUS: dict[str, Atspi.Accessible | None] = {"node": None}


def _on_focus(event: Atspi.Event) -> None:
    if event.detail1 == 1:
        FOCUS["node"] = event.source


def pump(seconds: float = 0.05) -> None:
    context = GLib.MainContext.default()
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        while context.pending():
            context.iteration(False)
        time.sleep(0.005)


def path_of(node: Atspi.Accessible) -> tuple[int, list[int]]:
    """The node's application's process id and its path of child indexes from the application."""
    path = []
    while node is not None and node.get_role() != Atspi.Role.APPLICATION:
        path.append(node.get_index_in_parent())
        node = node.get_parent()
    return (node.get_process_id() if node is not None else -1), list(reversed(path))


KEYSYMS = {
    "Tab": 0xFF09,
    "ISO_Left_Tab": 0xFE20,
    "Return": 0xFF0D,
    "space": 0x0020,
    "Down": 0xFF54,
    "Up": 0xFF52,
    "Left": 0xFF51,
    "Right": 0xFF53,
    "Escape": 0xFF1B,
    "F12": 0xFFC9,
    "Shift_L": 0xFFE1,
}
# Roles whose children a screen reader reaches by other means (a combo box's list), skipped.
MAX_DEPTH = 60


def app_of(pid: int) -> Atspi.Accessible | None:
    desktop = Atspi.get_desktop(0)
    for index in range(desktop.get_child_count()):
        app = desktop.get_child_at_index(index)
        if app is not None and app.get_process_id() == pid:
            return app
    return None


def states(node: Atspi.Accessible) -> list[str]:
    return sorted(s.value_nick for s in node.get_state_set().get_states())


def interfaces(node: Atspi.Accessible) -> set[str]:
    return set(node.get_interfaces())


def actions(node: Atspi.Accessible) -> list[str]:
    if "Action" not in interfaces(node):
        return []
    return [Atspi.Action.get_action_name(node, i) for i in range(Atspi.Action.get_n_actions(node))]


# Roles read in full (actions, text, value, place); of the rest only role, name and states are read.
# Every role test_tree.INTERACTIVE counts as a control, plus headings and progress bars; this file
# runs under the system Python and cannot import it, so test_tree checks that the two agree.
DETAILED = {
    "push button",
    "toggle button",
    "check box",
    "radio button",
    "combo box",
    "text",
    "password text",
    "entry",
    "link",
    "list",
    "list item",
    "menu item",
    "check menu item",
    "radio menu item",
    "page tab",
    "spin button",
    "slider",
    "tree",
    "tree item",
    "table",
    "progress bar",
    "heading",
}


def describe(node: Atspi.Accessible, path: list[int], full: bool = False) -> dict:
    info = {
        "path": path,
        "role": node.get_role_name(),
        "name": node.get_name() or "",
        "states": states(node),
        "children": [],
    }
    if not (full or info["role"] in DETAILED or ("focusable" in info["states"] and info["role"] != "label")):
        return info
    info["description"] = node.get_description() or ""
    info["actions"] = actions(node)
    kinds = interfaces(node)
    if "Text" in kinds and info["role"] != "label":
        count = Atspi.Text.get_character_count(node)
        info["text"] = Atspi.Text.get_text(node, 0, min(count, 2000))
    if "Value" in kinds:
        info["value"] = Atspi.Value.get_current_value(node)
    if "Component" in kinds:
        box = Atspi.Component.get_extents(node, Atspi.CoordType.WINDOW)
        info["extents"] = [box.x, box.y, box.width, box.height]
    return info


def tree(node: Atspi.Accessible, path: list[int], depth: int = 0) -> dict:
    info = describe(node, path)
    if depth >= MAX_DEPTH:
        return info
    for index in range(node.get_child_count()):
        child = node.get_child_at_index(index)
        if child is None:
            continue
        try:
            if not child.get_state_set().contains(Atspi.StateType.SHOWING):
                continue  # hidden pages, folded menus: not what a screen reader meets
            info["children"].append(tree(child, [*path, index], depth + 1))
        except Exception:  # a node deleted while it is read (the page changed): skip it
            continue
    return info


def node_at(pid: int, path: list[int]) -> Atspi.Accessible:
    node = app_of(pid)
    if node is None:
        raise LookupError(f"no application with process id {pid}")
    for index in path:
        node = node.get_child_at_index(index)
        if node is None:
            raise LookupError(f"no node at {path}")
    return node


def focused(node: Atspi.Accessible, path: list[int]) -> dict | None:
    if node.get_state_set().contains(Atspi.StateType.FOCUSED):
        return describe(node, path, full=True)
    for index in range(node.get_child_count()):
        child = node.get_child_at_index(index)
        if child is None or not child.get_state_set().contains(Atspi.StateType.SHOWING):
            continue
        found = focused(child, [*path, index])
        if found is not None:
            return found
    return None


def press(keysym: int) -> None:
    Atspi.generate_keyboard_event(keysym, None, Atspi.KeySynthType.PRESSRELEASE | Atspi.KeySynthType.SYM)


def handle(request: dict) -> object:
    cmd = request["cmd"]
    if cmd == "apps":
        desktop = Atspi.get_desktop(0)
        apps = (desktop.get_child_at_index(i) for i in range(desktop.get_child_count()))
        return [{"name": a.get_name(), "pid": a.get_process_id()} for a in apps if a is not None]
    if cmd == "tree":
        app = app_of(request["pid"])
        return None if app is None else tree(app, [])
    if cmd == "focused":
        pump()
        node = FOCUS["node"]
        if node is not None:
            try:
                pid, path = path_of(node)
                if pid == request["pid"] and node.get_state_set().contains(Atspi.StateType.FOCUSED):
                    return describe(node, path, full=True)
            except Exception:
                pass  # gone with its page: read the tree instead
        app = app_of(request["pid"])
        return None if app is None else focused(app, [])
    if cmd == "act":
        node = node_at(request["pid"], request["path"])
        names = actions(node)
        if request["action"] not in names:
            raise LookupError(f"{node.get_role_name()} {node.get_name()!r} has no action {request['action']!r}: {names}")
        return Atspi.Action.do_action(node, names.index(request["action"]))
    if cmd == "set_text":
        node = node_at(request["pid"], request["path"])
        return Atspi.EditableText.set_text_contents(node, request["text"])
    if cmd == "key":
        names = request["name"].split("+")
        for modifier in names[:-1]:
            Atspi.generate_keyboard_event(KEYSYMS[modifier], None, Atspi.KeySynthType.PRESS | Atspi.KeySynthType.SYM)
        press(KEYSYMS[names[-1]])
        for modifier in reversed(names[:-1]):
            Atspi.generate_keyboard_event(KEYSYMS[modifier], None, Atspi.KeySynthType.RELEASE | Atspi.KeySynthType.SYM)
        return True
    if cmd == "type":
        return Atspi.generate_keyboard_event(0, request["text"], Atspi.KeySynthType.STRING)
    raise ValueError(f"unknown command {cmd!r}")


def main() -> None:
    # libatspi waits 0.8 s for an application's answer by default; a busy machine (or Navigator
    # building a plan) can take longer, and a screen reader would simply wait.
    Atspi.set_timeout(15000, 30000)
    listener = Atspi.EventListener.new(_on_focus)
    listener.register("object:state-changed:focused")
    print(json.dumps({"ok": True, "ready": True}), flush=True)
    for line in sys.stdin:
        request = json.loads(line)
        if request["cmd"] == "quit":
            break
        started = time.monotonic()
        try:
            reply = {"ok": True, "result": handle(request)}
        except Exception as error:
            reply = {"ok": False, "error": f"{type(error).__name__}: {error}"}
        reply["seconds"] = round(time.monotonic() - started, 3)
        print(json.dumps(reply), flush=True)


if __name__ == "__main__":
    main()
