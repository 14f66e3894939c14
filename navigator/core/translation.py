"""The translation layer: which fields are words, and how a locale's words are laid over English.

A translation file holds only the translatable text of one English item, in the same shape
(mappings by field name, lists by position), plus three keys of its own:

- ``id``: the English item's id;
- ``translated_from``: the fingerprint of the English text it was made from (see ``english_hash``);
- ``status``: ``draft`` (machine-assisted, not yet reviewed) or ``reviewed``.

and, optionally, ``same_words: true``: the translator says the words are the same in this language
on purpose (a country called "Chile" in Spanish too), so a file that matches the English word for
word is a translation, not a copy still to be done.

Anything else, such as an id, an option value, a URL, a phone number, a condition or a date,
is structure: a translation that tries to set it is rejected with a message saying so.
"""

from __future__ import annotations

import hashlib
import json
import re
import types
import typing
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel

from navigator.core.models import Translatable

META_KEYS = {"id", "translated_from", "status", "translator_note", "same_words"}
PLACEHOLDER_RE = re.compile(r"\{([A-Za-z0-9_-]+)\}")
LINK_IN_TEXT_RE = re.compile(r"navigator://[a-z]+/[a-z0-9-]+")

Shape = tuple[Any, ...]


def _shape(annotation: Any) -> Shape | None:
    """('text',), ('model', cls) or ('list', inner) when the annotation can hold words."""
    origin = get_origin(annotation)
    if origin is typing.Annotated:
        base, *meta = get_args(annotation)
        if any(isinstance(m, Translatable) for m in meta):
            return ("text",)
        return _shape(base)
    if origin in (Union, types.UnionType):
        shapes = [_shape(a) for a in get_args(annotation) if a is not type(None)]
        found = [s for s in shapes if s is not None]
        return found[0] if found else None
    if origin is list:
        inner = _shape(get_args(annotation)[0])
        return ("list", inner) if inner else None
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return ("model", annotation) if text_fields(annotation) else None
    return None


_CACHE: dict[type[BaseModel], dict[str, Shape]] = {}


def text_fields(model: type[BaseModel]) -> dict[str, Shape]:
    """The fields of ``model`` that hold translatable text, directly or inside nested models."""
    if model not in _CACHE:
        _CACHE[model] = {}  # guards recursive models
        found: dict[str, Shape] = {}
        hints = typing.get_type_hints(model, include_extras=True)
        for name in model.model_fields:
            shape = _shape(hints[name])
            if shape is not None:
                found[name] = shape
        _CACHE[model] = found
    return _CACHE[model]


def _tree(value: Any, shape: Shape) -> Any:
    if value is None:
        return None
    if shape[0] == "text":
        return value
    if shape[0] == "list":
        return [_tree(v, shape[1]) for v in value]
    return text_tree(value)


def text_tree(obj: BaseModel) -> dict[str, Any]:
    """Only the words of ``obj``, in the shape a translation file mirrors."""
    out: dict[str, Any] = {}
    for name, shape in text_fields(type(obj)).items():
        value = _tree(getattr(obj, name), shape)
        if value is not None:
            out[name] = value
    return out


def _words_only(tree: Any) -> Any:
    """The tree with ``{"text": ...}`` points written as their text: the fingerprint is of words, not of shape."""
    if isinstance(tree, dict):
        if set(tree) == {"text"}:
            return _words_only(tree["text"])
        return {key: _words_only(value) for key, value in tree.items()}
    if isinstance(tree, list):
        return [_words_only(value) for value in tree]
    return tree


def english_hash(obj: BaseModel) -> str:
    """Fingerprint of the English words; a translation records it to detect staleness."""
    blob = json.dumps(_words_only(text_tree(obj)), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:12]


def iter_texts(tree: Any, path: tuple[str | int, ...] = ()) -> typing.Iterator[tuple[tuple[str | int, ...], str]]:
    if isinstance(tree, str):
        yield path, tree
    elif isinstance(tree, dict):
        for key, value in tree.items():
            yield from iter_texts(value, path + (key,))
    elif isinstance(tree, list):
        for index, value in enumerate(tree):
            yield from iter_texts(value, path + (index,))


def _dotted(path: tuple[str | int, ...]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


class Overlay:
    """Result of laying one translation over one English item."""

    def __init__(self) -> None:
        self.problems: list[tuple[tuple[str | int, ...], str]] = []
        self.translated = 0
        self.total = 0


def _lay(english: Any, skeleton: Any, given: Any, path: tuple[str | int, ...], result: Overlay) -> Any:
    """Return ``english`` with the words of ``given`` laid over it; record what is wrong."""
    if isinstance(skeleton, str):
        if not isinstance(given, str) or not given.strip():
            result.problems.append((path, "must be text (leave the line out to keep the English)"))
            return english
        wanted, got = set(PLACEHOLDER_RE.findall(skeleton)), set(PLACEHOLDER_RE.findall(given))
        if wanted != got:
            missing, extra = sorted(wanted - got), sorted(got - wanted)
            bits = ([f"missing {{{', '.join(missing)}}}"] if missing else []) + ([f"unknown {{{', '.join(extra)}}}"] if extra else [])
            result.problems.append((path, "placeholders must match the English: " + "; ".join(bits)))
            return english
        result.translated += 1
        return given
    if isinstance(skeleton, list):
        if not skeleton and given in (None, []):
            return english  # nothing to translate in an empty list
        if not isinstance(given, list) or len(given) != len(skeleton):
            result.problems.append((path, f"must be a list of {len(skeleton)} entries, like the English"))
            return english
        out = list(english)
        for index, (sk, gv) in enumerate(zip(skeleton, given, strict=True)):
            if gv is None:
                continue
            out[index] = _lay(english[index], sk, gv, path + (index,), result)
        return out
    if isinstance(skeleton, dict):
        if isinstance(given, str) and set(skeleton) == {"text"}:
            given = {"text": given}  # a point of advice may be written as its text alone, as in English
        if not isinstance(given, dict):
            result.problems.append((path, "must be a mapping of field names to text, like the English"))
            return english
        out_d = dict(english)
        for key, value in given.items():
            if path == () and key in META_KEYS:
                continue
            if key not in skeleton:
                if isinstance(english, dict) and key in english:
                    msg = (
                        "is structure, not words: ids, values, URLs, numbers, conditions and dates can only be changed in the English file"
                    )
                else:
                    msg = "is not a field of the English item"
                result.problems.append((path + (key,), msg))
                continue
            out_d[key] = _lay(english[key], skeleton[key], value, path + (key,), result)
        return out_d
    return english


def overlay(english: BaseModel, given: dict[str, Any]) -> tuple[dict[str, Any], Overlay]:
    """Lay the words in ``given`` over ``english``. Returns the merged data (not yet validated)."""
    skeleton = text_tree(english)
    result = Overlay()
    result.total = sum(1 for _ in iter_texts(skeleton))
    merged = _lay(english.model_dump(by_alias=True, exclude_none=False), skeleton, given, (), result)
    return merged, result


def dotted(path: tuple[str | int, ...]) -> str:
    return _dotted(path)
