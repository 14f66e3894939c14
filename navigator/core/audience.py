"""Who may be shown what: the one place that decides, for every output Navigator makes.

Some help is only for images of adults: StopNCII refuses images of anyone under 18; keeping
screenshots or a copy of an image of a child means holding child sexual abuse material; a
copyright notice sends the sender's name to the uploader. Content marks such things with
``audience: adults`` (routes, points to prepare, organizations, pathway steps, article sections),
and this module turns a person's answers into a ``Reader`` and removes what is not for them.

Every output goes through ``restrict`` (directly, or through ``AudienceView``): the plan builder,
the item pages, the directory, search, the printed plan, the text, Markdown and JSON exports and
``navigator plan``. Tests walk every path of the pathway, in every language and format, and look
for any adults-only text in a possibly-under-18 plan (tests/unit/core/test_audience.py).

The rules:

=========  ======================  ==============================================
reader     from the age answer     adults-only content
=========  ======================  ==============================================
adult      18 or older             shown
minor      under 18                never shown
unsure     not sure, rather not    not shown, except what is marked
           say, or not answered    ``offer_if_unsure`` (StopNCII), with its caveat
unknown    no questions answered   shown, labelled "only for images of adults"
=========  ======================  ==============================================

Content marked ``minors`` is always shown (it is safe for anyone); the plan builder leaves it out
of an adult's plan only because it does not apply.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from navigator.core.models import LINK_RE, Article, Audience, Item, Kind, NoticeTemplate, Organization, Platform, Point, Route

# Option values of the question with role "age" (the pathway check makes sure they exist).
UNDER_18 = "under-18"
ADULT = "adult"
AGE_NOT_SURE = "not-sure"


class Reader(StrEnum):
    ADULT = "adult"
    MINOR = "minor"
    UNSURE = "unsure"
    UNKNOWN = "unknown"

    @property
    def may_be_minor(self) -> bool:
        return self in (Reader.MINOR, Reader.UNSURE)


def reader_for_age(values: set[str] | tuple[str, ...] | None) -> Reader:
    """The reader a plan is for, from the answer to the age question (empty: not answered)."""
    given = set(values or ())
    if UNDER_18 in given:
        return Reader.MINOR
    if given == {ADULT}:
        return Reader.ADULT
    return Reader.UNSURE  # not sure, rather not say, or no answer: possibly a child's image


def shown(audience: Audience, reader: Reader, offer_if_unsure: bool = False) -> bool:
    """The rule itself: may content for ``audience`` be shown to ``reader``?"""
    if audience != "adults":
        return True
    if reader is Reader.MINOR:
        return False
    if reader is Reader.UNSURE:
        return offer_if_unsure
    return True


# --- article sections -------------------------------------------------------------------------

FENCE_OPEN = re.compile(r"^:::[ \t]*(adults|minors|everyone)(?:[ \t]+(offer-if-unsure))?[ \t]*$")
FENCE_CLOSE = re.compile(r"^:::[ \t]*$")


@dataclass(frozen=True)
class Section:
    audience: Audience
    offer_if_unsure: bool
    text: str


class FenceError(ValueError):
    """An article body whose audience fences do not open and close in pairs."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


def sections(body: str) -> list[Section]:
    """Split a body into plain text and ``::: adults`` ... ``:::`` sections (no nesting)."""
    return list(_sections(body))


@functools.lru_cache(maxsize=4096)
def _sections(body: str) -> tuple[Section, ...]:
    # Kept per body (content's words only, never the reader): every view, plan and path the check
    # proves splits the same articles again (navigator check: 4,600 splits of 40 bodies).
    found: list[Section] = []
    current: list[str] = []
    fence: tuple[Audience, bool] | None = None
    opened_at = 0
    for number, row in enumerate(body.split("\n"), 1):
        opening = FENCE_OPEN.match(row.strip())
        if opening:
            if fence is not None:
                raise FenceError("a '::: ...' section opens inside another one; close the first with ':::'", number)
            if current:
                found.append(Section("everyone", False, "\n".join(current)))
            current, opened_at = [], number
            audience: Audience = "adults" if opening[1] == "adults" else ("minors" if opening[1] == "minors" else "everyone")
            fence = (audience, bool(opening[2]))
            if fence[1] and audience != "adults":
                raise FenceError("offer-if-unsure only applies to '::: adults'", number)
            continue
        if FENCE_CLOSE.match(row.strip()):
            if fence is None:
                raise FenceError("':::' closes a section that was never opened", number)
            found.append(Section(fence[0], fence[1], "\n".join(current)))
            current, fence = [], None
            continue
        current.append(row)
    if fence is not None:
        raise FenceError("a '::: ...' section is never closed with ':::'", opened_at)
    if current:
        found.append(Section("everyone", False, "\n".join(current)))
    return tuple(found)


def fence_signature(body: str) -> list[tuple[str, bool]]:
    """The audiences of a body's sections in order: a translation must keep the same ones."""
    return [(s.audience, s.offer_if_unsure) for s in sections(body) if s.audience != "everyone"]


def section_marker(audience: Audience, offer_if_unsure: bool) -> str:
    """A marker line kept in a restricted body, turned into a visible label by the renderer."""
    return f"::: {audience}{' offer-if-unsure' if offer_if_unsure else ''}"


def restrict_body(body: str, reader: Reader) -> str:
    """The body with the sections ``reader`` may not see removed; the rest keeps its markers."""
    out: list[str] = []
    for section in sections(body):
        if section.audience == "everyone":
            out.append(section.text)
        elif shown(section.audience, reader, section.offer_if_unsure):
            out += [section_marker(section.audience, section.offer_if_unsure), section.text, ":::"]
    return "\n".join(out)


# --- items ------------------------------------------------------------------------------------


def _points(points: list[Point], reader: Reader) -> list[Point]:
    return [p for p in points if shown(p.audience, reader, p.offer_if_unsure)]


def _routes(routes: list[Route], reader: Reader) -> list[Route]:
    return [r for r in routes if shown(r.audience, reader, r.offer_if_unsure)]


def restrict(item: Item, reader: Reader) -> Item | None:
    """``item`` as ``reader`` may see it: adults-only parts removed, or None when all of it is adults-only.

    THE function every output goes through. Items are frozen, so a changed copy is returned and
    the original stays as it was.
    """
    if isinstance(item, Organization):
        return item if shown(item.audience, reader, item.offer_if_unsure) else None
    if isinstance(item, NoticeTemplate):
        return item if shown(item.audience, reader) else None
    if isinstance(item, Platform):
        routes = _routes(item.routes, reader)
        if not routes:
            return None
        prepare = _points(item.prepare, reader)
        if_it_fails = _points(item.if_it_fails, reader)
        if (routes, prepare, if_it_fails) == (item.routes, item.prepare, item.if_it_fails):
            return item
        return item.model_copy(update={"routes": routes, "prepare": prepare, "if_it_fails": if_it_fails})
    if isinstance(item, Article):
        body = restrict_body(item.body, reader)
        return item if body == item.body else item.model_copy(update={"body": body})
    return item


def hidden_links(view: ContentView, reader: Reader) -> set[str]:
    """``navigator://`` addresses of whole items ``reader`` may not see (for links and search)."""
    hidden: set[str] = set()
    for kind in (Kind.ORGANIZATION, Kind.PLATFORM, Kind.NOTICE):
        for item in view.all(kind):
            if restrict(item, reader) is None:
                hidden.add(f"navigator://{kind.value}/{item.id}")
    return hidden


class ContentView(Protocol):
    def get(self, kind: Kind, item_id: str) -> Item | None: ...

    def all(self, kind: Kind) -> list[Item]: ...


class AudienceView:
    """A content view that only ever hands out what ``reader`` may see.

    Wrap any view (a locale's ``Localized``, the ``Library``) with it and every page, list,
    search index and export built on top is restricted, with no further check needed.
    """

    def __init__(self, view: ContentView, reader: Reader) -> None:
        self.inner = view
        self.reader = reader
        self._cache: dict[tuple[Kind, str], Item | None] = {}

    def get(self, kind: Kind, item_id: str) -> Item | None:
        key = (kind, item_id)
        if key not in self._cache:
            item = self.inner.get(kind, item_id)
            self._cache[key] = None if item is None else restrict(item, self.reader)
        return self._cache[key]

    def all(self, kind: Kind) -> list[Item]:
        found = []
        for item in self.inner.all(kind):
            restricted = self.get(kind, item.id)
            if restricted is not None:
                found.append(restricted)
        return found

    @property
    def items(self) -> dict[tuple[Kind, str], Item]:
        """Every item the reader may see, by kind and id (what the search index reads)."""
        inner: dict[tuple[Kind, str], Item] = getattr(self.inner, "items", {})
        found: dict[tuple[Kind, str], Item] = {}
        for kind, item_id in inner:
            restricted = self.get(kind, item_id)
            if restricted is not None:
                found[(kind, item_id)] = restricted
        return found

    def resolve(self, link: str) -> tuple[Kind, Item] | None:
        match = LINK_RE.fullmatch(link)
        if not match:
            return None
        try:
            kind = Kind(match["kind"])
        except ValueError:
            return None
        item = self.get(kind, match["id"])
        return (kind, item) if item is not None else None

    def __getattr__(self, name: str) -> object:
        # Everything else (the locale, translation states, resolve helpers) is the inner view's.
        return getattr(self.inner, name)
