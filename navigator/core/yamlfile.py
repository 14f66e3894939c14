"""Read YAML (and Markdown with YAML front matter) safely, keeping the line of every value.

Only ``yaml.safe_load`` and ``yaml.compose`` with the safe loader are used: content is data and
can never run code. The composed node tree gives each key and list entry its line, so problems
can point at ``file:line``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import yaml

# PyYAML is imported by ``parse_yaml``, the way into everything below that uses it, the first time
# a file is read: a start that reads the content compiled (core/compiled.py) reads no YAML, and
# importing PyYAML costs about 15 ms of CPU.

PathKey = tuple[str | int, ...]


class ContentSyntaxError(Exception):
    """A file that is not valid YAML, with the line where reading stopped."""

    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.line = line


@dataclass
class Parsed:
    data: Any
    lines: dict[PathKey, int] = field(default_factory=dict)

    def line_of(self, loc: PathKey) -> int | None:
        """Line of the deepest known prefix of ``loc`` (a missing field points at its parent)."""
        for cut in range(len(loc), -1, -1):
            found = self.lines.get(tuple(loc[:cut]))
            if found is not None:
                return found
        return None


# Content files are small; a bigger one is a mistake or an attack, refused before it is parsed.
MAX_FILE_BYTES = 1_000_000
# Aliases (``*name``) let a file repeat an anchored value (the pathway shares conditions this way).
# Each use counts in full here, so a few lines of nested aliases ("billion laughs") are stopped
# long before they could expand into billions of values, here or in validation.
MAX_VALUES = 200_000


def _spend(node: yaml.Node, path: PathKey, lines: dict[PathKey, int], offset: int, budget: list[int]) -> None:
    """Count one value against the file's budget (an alias bomb stops here, at its line) and note its line."""
    budget[0] -= 1
    if budget[0] < 0:
        raise ContentSyntaxError(
            f"the file expands to more than {MAX_VALUES:,} values (nested aliases?): write it out plainly",
            node.start_mark.line + 1 + offset,
        )
    lines.setdefault(path, node.start_mark.line + 1 + offset)


def _walk(node: yaml.Node, path: PathKey, lines: dict[PathKey, int], offset: int, budget: list[int]) -> None:
    _spend(node, path, lines, offset, budget)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.value)
            lines.setdefault(path + (key,), key_node.start_mark.line + 1 + offset)
            _walk(value_node, path + (key,), lines, offset, budget)
    elif isinstance(node, yaml.SequenceNode):
        for index, child in enumerate(node.value):
            lines.setdefault(path + (index,), child.start_mark.line + 1 + offset)
            _walk(child, path + (index,), lines, offset, budget)


def _safe_loader() -> type[yaml.SafeLoader]:
    """The C parser when PyYAML has it (much faster); either way only the safe constructor is used."""
    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


_STR = "tag:yaml.org,2002:str"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"


def _build(node: yaml.Node, path: PathKey, lines: dict[PathKey, int], offset: int, budget: list[int], loader: yaml.SafeLoader) -> Any:
    """The data of ``node``, noting the line of every key and list entry on the way (one pass).

    Plain mappings with text keys, lists and text (nearly all of content) are built here; anything
    else (a number, a date, a merge key ``<<``, a key that is not text, an explicit tag) is handed
    to the safe constructor, as ``yaml.safe_load`` would build it. Building while walking saves
    the second pass over every node that constructing, then walking, took.
    """
    _spend(node, path, lines, offset, budget)
    if isinstance(node, yaml.ScalarNode):
        if node.tag == _STR:
            return node.value
        try:
            return loader.construct_object(node, deep=True)
        except ValueError as exc:  # a date that is none (2026-21-26): PyYAML's date() raises, not a YAMLError
            raise ContentSyntaxError(
                f"not valid YAML: {node.value!r} is not a real date or number ({exc})", node.start_mark.line + 1 + offset
            ) from None
    if (
        isinstance(node, yaml.MappingNode)
        and node.tag == _MAP
        and all(isinstance(k, yaml.ScalarNode) and k.tag == _STR for k, _v in node.value)
    ):
        data: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            lines.setdefault(path + (key,), key_node.start_mark.line + 1 + offset)
            data[key] = _build(value_node, path + (key,), lines, offset, budget, loader)
        return data
    if isinstance(node, yaml.SequenceNode) and node.tag == _SEQ:
        items: list[Any] = []
        for index, child in enumerate(node.value):
            lines.setdefault(path + (index,), child.start_mark.line + 1 + offset)
            items.append(_build(child, path + (index,), lines, offset, budget, loader))
        return items
    budget[0] += 1  # counted again by the walk
    _walk(node, path, lines, offset, budget)
    return loader.construct_object(node, deep=True)


def _expanded_size(node: yaml.Node, sizes: dict[int, int], offset: int) -> int:
    """How many values ``node`` holds with every alias written out, counted as the walk counts them;
    each node is counted once, so a few lines of nested aliases are measured without expanding them.
    An alias inside the value it names would never end: refused with its line."""
    known = sizes.get(id(node))
    if known == -1:
        raise ContentSyntaxError(
            "an alias (*name) is used inside the value it names, so it never ends: write it out plainly", node.start_mark.line + 1 + offset
        )
    if known is None:
        sizes[id(node)] = -1
        if isinstance(node, yaml.MappingNode):
            known = 1 + sum(_expanded_size(value, sizes, offset) for _key, value in node.value)
        elif isinstance(node, yaml.SequenceNode):
            known = 1 + sum(_expanded_size(child, sizes, offset) for child in node.value)
        else:
            known = 1
        sizes[id(node)] = known
    return known


def parse_yaml(text: str, line_offset: int = 0) -> Parsed:
    global yaml  # the functions above use it once this has run (see the imports)
    import yaml

    if len(text) > MAX_FILE_BYTES:
        raise ContentSyntaxError(f"the file is too large for a content file (over {MAX_FILE_BYTES:,} characters)", None)
    lines: dict[PathKey, int] = {}
    loader = _safe_loader()(text)
    try:
        node = loader.get_single_node()
        if node is not None and "*" in text and _expanded_size(node, {}, line_offset) > MAX_VALUES:
            _walk(node, (), {}, line_offset, [MAX_VALUES])  # stops where the budget runs out, naming that line
        data = _build(node, (), lines, line_offset, [MAX_VALUES], loader) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 + line_offset if mark else None
        raise ContentSyntaxError(f"not valid YAML: {exc.problem or exc}", line) from None
    except yaml.YAMLError as exc:
        raise ContentSyntaxError(f"not valid YAML: {exc}", None) from None
    finally:
        loader.dispose()
    return Parsed(data, lines)


def parse_markdown(text: str, body_field: str = "body") -> Parsed:
    """A Markdown file whose YAML front matter sits between two ``---`` lines at the top."""
    rows = text.split("\n")
    if not rows or rows[0].strip() != "---":
        raise ContentSyntaxError("a Markdown content file must start with '---' and its front matter", 1)
    for end in range(1, len(rows)):
        if rows[end].strip() == "---":
            break
    else:
        raise ContentSyntaxError("the front matter has no closing '---' line", len(rows))
    parsed = parse_yaml("\n".join(rows[1:end]), line_offset=1)
    if parsed.data is None:
        parsed.data = {}
    if isinstance(parsed.data, dict):
        if body_field in parsed.data:
            raise ContentSyntaxError(f"'{body_field}' belongs after the front matter, not inside it", parsed.lines.get((body_field,)))
        body = "\n".join(rows[end + 1 :])
        leading = len(body) - len(body.lstrip("\n"))
        parsed.data[body_field] = body.strip("\n")
        parsed.lines[(body_field,)] = end + 2 + leading
    return parsed
