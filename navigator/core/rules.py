"""The trust rules of content, checked on every file by ``navigator check`` (and when the app loads).

Each rule has a name, and every problem says it, with the file and line: an editor can find the
rule here and see why it exists. These are errors, never warnings: content that breaks them could
mislead or endanger the person reading it.

- ``region-known``: every region code (organization regions, law jurisdictions, pathway options,
  place subdivisions) is a place or subdivision in ``content/en/places/``, a group such as ``EU``,
  or ``*``. A typo would silently drop a service or a law from someone's plan.
- ``adults-only-for-minors``: nothing written for images of under-18s (an organization, route,
  point, or article section with ``audience: minors``) links to an adults-only item.
- ``adults-only-fenced``: in articles and pathway steps, a link to an adults-only item sits only
  inside a ``::: adults`` section or a step with ``audience: adults``, so the advice to use it is
  removed with it for a possibly-under-18 reader.
- ``audience-fences``: article sections fenced ``::: adults`` ... ``:::`` open and close in pairs.
- ``plain-text``: no bidi controls or zero-width characters (they make one thing look like
  another: security review F5), no raw HTML, no images; links in text keep ``plain-link``.
- ``plain-link``: every web address, phone number and email address, in a field of its own or
  as a link in text, is what it looks like (security review F4, F5): https, tel, mailto or
  navigator only; plain ASCII with nothing that could break out of a Markdown link; no bidi
  control, zero-width or other invisible character, written or percent-encoded (``%E2%80%AE``);
  no host that mixes alphabets, also when written in punycode (``xn--rinn-53d.org`` is "rаinn.org"
  with a Cyrillic "а"); a ``tel:`` holds digits; a ``mailto:`` one address and at most a subject.
  Checked by the models' validators (``navigator/core/models.py``: ``_https``, ``_link``,
  ``Contact``), so a value that breaks it never loads.
- ``source-allowed``: no source is a page on a host in ``content/denied-sources.yaml`` (content
  farms and copies that must not be cited); a copy may be named in ``via`` instead.
- ``reachable-service``: every organization has a contact a person can use (phone, text, chat,
  form, email), or says ``guide_only: true`` (a web guide, never counted as a service to reach).
- ``notice-elements``: a notice template's body, in English and in every translation, holds the
  placeholder of every field that gives one of its required elements (the four parts of a TAKE IT
  DOWN request, the six of a DMCA notice ...). A letter missing one would not be a valid request.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from navigator.core.audience import FenceError, Reader, restrict, sections
from navigator.core.marks import HTML_TAG, MD_IMAGE
from navigator.core.models import LINK_RE, Article, Item, Kind, Law, NoticeTemplate, Organization, Pathway, Place, Platform, _link

if TYPE_CHECKING:
    from navigator.core.loader import Content, Entry

from navigator.core.report import Problem

DENIED_SOURCES_FILE = "denied-sources.yaml"

# Bidi embeddings, overrides and isolates, and zero-width characters. A right-to-left mark
# (U+200F) and left-to-right mark (U+200E) are allowed: translators need them in Arabic text.
INVISIBLE = re.compile("[\u200b-\u200d\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
MD_LINK = re.compile(r"\]\(\s*<?([^)\s>]*)>?\s*\)")
AUTOLINK = re.compile(r"<([a-z]+:[^>\s]*)>")
# What any of the four can start with (a character reference for a hidden character starts with
# "&"): text without any of these has nothing for them to find, and most text has none.
MAYBE = re.compile("[\u200b-\u200d\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff<&]|!\\[|\\]\\(")


def _rule(message: str, rule: str) -> str:
    return f"{message} (rule: {rule})"


@dataclass(frozen=True)
class Denied:
    host: str
    reason: str


def read_denied(root: Path) -> tuple[list[Denied], list[Problem]]:
    """The deny list of source hosts, kept beside the language folders."""
    path = root / DENIED_SOURCES_FILE
    if not path.is_file():
        return [], []
    shown_path = f"{root.name}/{DENIED_SOURCES_FILE}"
    import yaml  # here, not at the top: a start that reads compiled content reads no YAML

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        return [], [Problem(shown_path, None, "", f"cannot be read: {exc}")]
    found: list[Denied] = []
    problems: list[Problem] = []
    entries = data.get("hosts") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        return [], [Problem(shown_path, 1, "hosts", "must be a list of {host, reason}")]
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict) or not isinstance(entry.get("host"), str) or not isinstance(entry.get("reason"), str):
            problems.append(Problem(shown_path, None, f"hosts[{index}]", "each entry needs a host and a reason"))
            continue
        found.append(Denied(entry["host"].lower(), entry["reason"]))
    return found, problems


def host_of(url: str) -> str:
    return url.split("://", 1)[-1].split("/", 1)[0].split("?", 1)[0].split("#", 1)[0].split(":", 1)[0].lower()


def denied_host(url: str, denied: list[Denied]) -> Denied | None:
    host = host_of(url)
    for entry in denied:
        if host == entry.host or host.endswith("." + entry.host):
            return entry
    return None


def strings(value: Any, path: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Every string inside a dumped item (or a translation file), with where it sits."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, sub in value.items():
            yield from strings(sub, path + (key,))
    elif isinstance(value, list):
        for index, sub in enumerate(value):
            yield from strings(sub, path + (index,))


def _dotted(path: tuple[str | int, ...]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def text_problems(data: Any, shown_path: str, line_of: Any) -> list[Problem]:
    """Rule ``plain-text`` over every string of an item or translation file."""
    problems: list[Problem] = []
    for loc, text in strings(data):
        if not MAYBE.search(text):
            continue
        where = line_of(loc)
        # Also written as a character reference ("&#x202E;"), which Markdown turns into the character.
        bad = INVISIBLE.search(text) or INVISIBLE.search(html.unescape(text))
        if bad:
            problems.append(
                Problem(
                    shown_path,
                    where,
                    _dotted(loc),
                    _rule(f"holds an invisible control character (U+{ord(bad.group(0)):04X}) that can disguise text", "plain-text"),
                )
            )
        if HTML_TAG.search(text):
            problems.append(
                Problem(shown_path, where, _dotted(loc), _rule("holds HTML; content is plain text and Markdown only", "plain-text"))
            )
        if MD_IMAGE.search(text):
            problems.append(Problem(shown_path, where, _dotted(loc), _rule("holds an image; content may not show images", "plain-text")))
        for target in [m.group(1) for m in MD_LINK.finditer(text)] + [m.group(1) for m in AUTOLINK.finditer(text)]:
            try:
                _link(target)
            except ValueError as exc:
                problems.append(Problem(shown_path, where, _dotted(loc), f"link: {exc}"))  # names rule plain-link
    return problems


# --- regions --------------------------------------------------------------------------------------


def known_regions(content: Content) -> set[str]:
    codes = {"*"}
    for item in content.items(Kind.PLACE):
        if isinstance(item, Place):
            codes.add(item.code)
            codes.update(sub.code for sub in item.subdivisions)
            codes.update(group.upper() for group in item.groups)
    return codes


def _region_fields(item: Item) -> Iterator[tuple[tuple[str | int, ...], str]]:
    if isinstance(item, (Organization, NoticeTemplate)):
        for index, region in enumerate(item.regions):
            yield ("regions", index), region
    elif isinstance(item, Law):
        yield ("jurisdiction",), item.jurisdiction
    elif isinstance(item, Place):
        for index, sub in enumerate(item.subdivisions):
            for shared_index, shared in enumerate(sub.shares_law_with):
                yield ("subdivisions", index, "shares_law_with", shared_index), shared
    elif isinstance(item, Pathway):
        for qi, question in enumerate(item.questions):
            for oi, option in enumerate(question.options):
                if option.region:
                    yield ("questions", qi, "options", oi, "region"), option.region


def region_problems(content: Content) -> list[Problem]:
    known = known_regions(content)
    problems = []
    for entry in content.entries.values():
        for loc, region in _region_fields(entry.item):
            if region not in known:
                problems.append(
                    Problem(
                        entry.path,
                        entry.line(loc),
                        _dotted(loc),
                        _rule(f"'{region}' is not a known place or subdivision (see content/en/places/)", "region-known"),
                    )
                )
    return problems


# --- audience -------------------------------------------------------------------------------------


def adults_only(content: Content) -> set[str]:
    """Links to items that are entirely adults-only (nothing left of them for a possibly-under-18 reader)."""
    found = set()
    for (kind, item_id), entry in content.entries.items():
        if kind in (Kind.ORGANIZATION, Kind.PLATFORM, Kind.NOTICE) and restrict(entry.item, Reader.MINOR) is None:
            found.add(f"navigator://{kind.value}/{item_id}")
    return found


def _minor_texts(item: Item) -> Iterator[tuple[tuple[str | int, ...], Any]]:
    """The parts of an item written for images of under-18s."""
    if isinstance(item, Organization) and item.audience == "minors":
        yield (), item.model_dump(by_alias=True)
    if isinstance(item, Platform):
        for index, route in enumerate(item.routes):
            if route.audience == "minors":
                yield ("routes", index), route.model_dump(by_alias=True)
        for name in ("prepare", "if_it_fails"):
            for index, point in enumerate(getattr(item, name)):
                if point.audience == "minors":
                    yield (name, index), point.text
    if isinstance(item, Article):
        try:
            for section in sections(item.body):
                if section.audience == "minors":
                    yield ("body",), section.text
        except FenceError:
            return
    if isinstance(item, Pathway):
        for index, step in enumerate(item.steps):
            if step.audience == "minors":
                yield ("steps", index), step.model_dump(by_alias=True)


def audience_problems(content: Content) -> list[Problem]:
    adult = adults_only(content)
    problems: list[Problem] = []
    for entry in content.entries.values():
        item = entry.item
        for loc, value in _minor_texts(item):
            for sub, text in strings(value, loc):
                for match in LINK_RE.finditer(text):
                    if match.group(0) in adult:
                        problems.append(
                            Problem(
                                entry.path,
                                entry.line(sub),
                                _dotted(sub),
                                _rule(
                                    f"{match.group(0)} is for adults only, but this part is written for images of under-18s",
                                    "adults-only-for-minors",
                                ),
                            )
                        )
        if isinstance(item, Article):
            try:
                parts = sections(item.body)
            except FenceError as exc:
                start = entry.line(("body",)) or 1
                problems.append(Problem(entry.path, start + exc.line - 1, "body", _rule(str(exc), "audience-fences")))
                parts = []
            for part in parts:
                if part.audience == "adults":
                    continue
                offset = item.body.find(part.text)
                for match in LINK_RE.finditer(part.text):
                    if match.group(0) in adult:
                        start = entry.line(("body",)) or 1
                        problems.append(
                            Problem(
                                entry.path,
                                start + item.body.count("\n", 0, max(offset, 0) + match.start()),
                                "body",
                                _rule(
                                    f"{match.group(0)} is for adults only: put the sentence inside a '::: adults' section",
                                    "adults-only-fenced",
                                ),
                            )
                        )
        if isinstance(item, Pathway):
            for index, step in enumerate(item.steps):
                if step.audience == "adults":
                    continue
                for sub, text in strings(step.model_dump(by_alias=True), ("steps", index)):
                    for match in LINK_RE.finditer(text):
                        if match.group(0) in adult:
                            problems.append(
                                Problem(
                                    entry.path,
                                    entry.line(sub),
                                    _dotted(sub),
                                    _rule(
                                        f"{match.group(0)} is for adults only: a step pointing at it needs audience: adults",
                                        "adults-only-fenced",
                                    ),
                                )
                            )
    return problems


# --- sources ----------------------------------------------------------------------------------------


def source_problems(entry: Entry, denied: list[Denied]) -> list[Problem]:
    problems: list[Problem] = []
    for index, source in enumerate(entry.item.sources):
        hit = denied_host(source.url, denied)
        if hit is not None:
            loc: tuple[str | int, ...] = ("sources", index, "url")
            problems.append(
                Problem(
                    entry.path,
                    entry.line(loc),
                    _dotted(loc),
                    _rule(
                        f"{hit.host} may not be cited ({hit.reason}); cite the original page, and name the copy in 'via' if that is where it was read",
                        "source-allowed",
                    ),
                )
            )
    return problems


def service_problems(entry: Entry) -> list[Problem]:
    item = entry.item
    if isinstance(item, Organization) and not item.reachable() and not item.guide_only:
        return [
            Problem(
                entry.path,
                entry.line(("contacts",)),
                "contacts",
                _rule(
                    "a service needs a phone, text, chat, form or email contact; if it is only a web guide, say guide_only: true",
                    "reachable-service",
                ),
            )
        ]
    return []


def element_problems(template: NoticeTemplate, body: str, shown_path: str, line: int | None) -> list[Problem]:
    """Rule ``notice-elements``: ``body`` (English or a translation) gives every required element."""
    problems = []
    for element in template.elements:
        for field_id in element.fields:
            if "{" + field_id + "}" not in body:
                where = f" ({element.cite})" if element.cite else ""
                problems.append(
                    Problem(
                        shown_path,
                        line,
                        "body",
                        _rule(
                            f"leaves out {{{field_id}}}, which gives the required element '{element.id}'{where}; "
                            "every language must contain every required element",
                            "notice-elements",
                        ),
                    )
                )
    return problems


def all_problems(content: Content, denied: list[Denied]) -> list[Problem]:
    """Every trust rule over a loaded English tree."""
    problems = region_problems(content) + audience_problems(content)
    for entry in content.entries.values():
        problems += text_problems(entry.item.model_dump(by_alias=True, exclude_none=True), entry.path, entry.line)
        problems += source_problems(entry, denied)
        problems += service_problems(entry)
        if isinstance(entry.item, NoticeTemplate):
            problems += element_problems(entry.item, entry.item.body, entry.path, entry.line(("body",)))
    return problems


def check(content: Content) -> list[Problem]:
    """Every trust rule over a loaded tree, with the deny list kept beside it (``navigator check``)."""
    denied, problems = read_denied(content.root)
    return problems + all_problems(content, denied)
