"""Handouts: one page on one topic, in any language, for an advocate to print and give away.

A handout is read on paper, far from Navigator, by someone who may never open it. So it stands on
its own: every service, site and law it names carries its number or address written out, and
nothing in it points back into the app (sentences that only send the reader to another page
of Navigator are left out, and links become their words). It says nothing about the person it
is given to: no answers, no date it was made (only the date each source was checked), and the
PDF carries no time either (``navigator/privacy/pdf.py``).

Topics:

- ``evidence``: saving evidence (the guide, condensed, and who can help);
- ``take-it-down``: a TAKE IT DOWN Act removal request (what it must contain, the 48 hours, the law,
  where to go if it is ignored);
- ``hashing``: StopNCII and Take It Down (the guide, condensed, with both services);
- ``helplines``: the emergency number and the services of one place.

With a place, every topic ends with that place's emergency number and services.

Content is read through ``AudienceView`` for the reader it is given for (the session's, or
``--age`` on the command line; nobody known: adults-only parts are kept and labelled as such).
The words come from content; the few labels added here come through ``label`` (gettext).

Fitting one page is the renderer's job, with the help of ``Handout.markdown(leave_out)``: the
lowest-priority paragraphs (later paragraphs of a guide's sections, from the end) go first;
headings, lists, safety notes, numbers and addresses always stay.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from navigator.core.audience import AudienceView, Reader
from navigator.core.models import LINK_RE, Article, Item, Kind, Law, NoticeTemplate, Organization, Place, display_title
from navigator.core.plan import ContentView, jurisdictions, places_by_code
from navigator.core.plan_export import resource_lines
from navigator.core.render import Label, article_body, deadline_text, escape, source_date_text

TOPICS = ("evidence", "take-it-down", "hashing", "helplines")
ARTICLES = {"evidence": "saving-evidence", "hashing": "hashing"}
TIDA_NOTICE = "tida-removal-request"
APP_NAME = "Navigator"  # the same in every language: a sentence that names it is about the app
MAX_SERVICES = 3  # services listed for a place on a topic's handout ("helplines" lists them all)

DateFormat = Callable[[date], str]

_MD_LINK = re.compile(r"\[([^\]]*)\]\(([^)\s]*)\)")
_SENTENCE_END = re.compile(r"(?<=[.!?؟。])\s+")


class HandoutError(ValueError):
    """An unknown topic or place, or a topic that needs a place: said in a plain sentence."""


@dataclass(frozen=True)
class Paragraph:
    text: str
    drop: int = 0  # 0: always kept; above 0: may be left out to fit one page, the highest first

    @property
    def keep(self) -> bool:
        return self.drop == 0


@dataclass(frozen=True)
class Part:
    heading: str
    paragraphs: tuple[Paragraph, ...]


@dataclass(frozen=True)
class Handout:
    topic: str
    title: str
    parts: tuple[Part, ...]

    def droppable(self) -> int:
        return sum(1 for part in self.parts for p in part.paragraphs if not p.keep)

    def markdown(self, leave_out: int = 0) -> str:
        """The handout as Markdown, without the last ``leave_out`` paragraphs that may go."""
        order = sorted(
            ((p.drop, pi, qi) for pi, part in enumerate(self.parts) for qi, p in enumerate(part.paragraphs) if p.drop),
            reverse=True,
        )  # the most dispensable first, and among them the last on the page
        dropped = {(pi, qi) for _drop, pi, qi in order[:leave_out]}
        out = [f"# {escape(self.title)}"]
        for pi, part in enumerate(self.parts):
            kept = [p.text for qi, p in enumerate(part.paragraphs) if (pi, qi) not in dropped]
            if not kept:
                continue
            out += ["", f"## {part.heading}"] if part.heading else []
            for text in kept:
                out += ["", text]
        return "\n".join(out) + "\n"


# --- a guide, condensed ---------------------------------------------------------------------------


def _outside_links(text: str) -> str:
    return _MD_LINK.sub("", text)


def _is_pointer(sentence: str) -> bool:
    """A sentence that only sends the reader to another page of Navigator ("See Saving evidence.")."""
    links = [m[2] for m in _MD_LINK.finditer(sentence) if m[2].startswith("navigator://")]
    if not links:
        return False
    words = len(re.findall(r"\w+", _outside_links(sentence)))
    # "See X." to anything; "Read more in the glossary: X." to a page (a service is listed below).
    to_a_page = any(link.split("/")[2] in ("article", "glossary", "notice", "law") for link in links)
    return words <= 2 or (to_a_page and words <= 5)


def standalone(text: str) -> str:
    """Text with no pointer into the app: pointer sentences and sentences about the app left out,
    the other links to our pages turned into their words. Web links stay."""
    kept = []
    for sentence in _SENTENCE_END.split(text):
        if _is_pointer(sentence) or APP_NAME in sentence:
            continue
        kept.append(_MD_LINK.sub(lambda m: m[1] if m[2].startswith("navigator://") else m[0], sentence))
    return " ".join(kept).strip()


def _blocks(markdown: str) -> list[str]:
    blocks: list[str] = []
    current: list[str] = []
    for row in markdown.split("\n"):
        if not row.strip():
            if current:
                blocks.append("\n".join(current))
                current = []
            continue
        if row.lstrip().startswith("#") and current:
            blocks.append("\n".join(current))
            current = []
        current.append(row)
        if row.lstrip().startswith("#"):
            blocks.append("\n".join(current))
            current = []
    if current:
        blocks.append("\n".join(current))
    return blocks


def _list_block(block: str) -> bool:
    return all(re.match(r"\s*([-*+]|\d+[.)])\s", row) for row in block.split("\n"))


def _clean_block(block: str) -> str:
    if _list_block(block):
        rows = []
        for row in block.split("\n"):
            marker, _sep, text = row.partition(" ")
            text = standalone(text)
            if text:
                rows.append(f"{marker} {text}")
        return "\n".join(rows)
    return "\n".join(filter(None, (standalone(row) for row in block.split("\n"))))


def guide_parts(article: Article, label: Label, for_minors: Callable[[str], bool] = lambda _href: False) -> list[Part]:
    """The guide as parts: its opening, then each section with its heading.

    What may go to fit the page, first to last: later plain paragraphs of a section (3), later
    paragraphs of the opening (2), then whole sections from the end (1), except the first two and
    any section that links to a service for someone under 18 (``for_minors``: what to do for a
    child's image is never left out). A section's first paragraph, its lists and its audience
    notes otherwise stay. A section about the app is left out.
    """
    parts: list[Part] = []
    heading = ""
    paragraphs: list[Paragraph] = []
    skip = False
    note_next = False
    opening = True  # the guide's own first paragraphs, before any heading
    essential = True
    sections = 0

    def close() -> None:
        if not paragraphs or skip:
            return
        kept = paragraphs if essential or sections <= 2 else [replace(p, drop=p.drop or 1) for p in paragraphs]
        parts.append(Part(heading, tuple(kept)))

    for block in _blocks(article_body(article.body, label)):
        stripped = block.strip()
        level = len(stripped) - len(stripped.lstrip("#"))
        if level:
            if level <= 2:
                # An audience note just above a heading belongs to the section it opens.
                carried = [paragraphs.pop()] if paragraphs and note_next else []
                close()
                heading, paragraphs, skip, opening = stripped.lstrip("#").strip(), carried, APP_NAME in stripped, False
                essential = False
                sections += 0 if skip else 1
            else:  # a smaller heading stays inside its section, bold
                paragraphs.append(Paragraph(f"**{stripped.lstrip('#').strip()}**"))
            continue
        if any(for_minors(m[2]) for m in _MD_LINK.finditer(block)):
            essential = True
        text = _clean_block(block)
        if not text:
            continue
        is_note = text.startswith("*") and text.endswith("*") and not text.startswith("**")
        first = not any(not p.text.startswith("*") or p.text.startswith("**") for p in paragraphs)
        stays = is_note or note_next or first or _list_block(text)
        drop = 0 if stays else (2 if opening else 3)
        paragraphs.append(Paragraph(text, drop))
        note_next = is_note
    close()
    return parts


def linked_items(article: Article, view: ContentView) -> list[tuple[Kind, Item]]:
    """Services and sites the guide links to, in order, as the view's reader may see them."""
    found: dict[str, tuple[Kind, Item]] = {}
    for match in _MD_LINK.finditer(article.body):
        link = LINK_RE.fullmatch(match[2])
        if not link or link["kind"] not in (Kind.ORGANIZATION.value, Kind.PLATFORM.value):
            continue
        kind = Kind(link["kind"])
        item = view.get(kind, link["id"])
        if item is not None and match[2] not in found:
            found[match[2]] = (kind, item)
    return list(found.values())


# --- services -------------------------------------------------------------------------------------


def contact_paragraph(item: Item, label: Label, fmt_date: DateFormat, drop: int = 0) -> Paragraph:
    """A service, site or place with its numbers and addresses written out; a service's summary
    shortened to its first sentence (what it is), with its audience note kept."""
    lines = resource_lines(item, label, fmt_date)
    if isinstance(item, Organization) and lines:
        first = _SENTENCE_END.split(item.summary, maxsplit=1)[0]
        note = lines[0][len(escape(item.summary)) :] if lines[0].startswith(escape(item.summary)) else ""
        lines[0] = escape(first) + note
    # One paragraph a service, its lines run on: on one page, every line counts.
    return Paragraph(f"**{escape(display_title(item))}**: " + " · ".join(lines), drop)


def services_for(place: str, view: ContentView) -> list[Organization]:
    """Services a person in ``place`` can reach there: crisis lines first, then the most local."""
    reach = jurisdictions((place,), view)
    found = []
    for item in view.all(Kind.ORGANIZATION):
        if not isinstance(item, Organization) or not item.reachable():
            continue
        scopes = [reach[r] for r in item.regions if r in reach]
        if scopes:
            found.append(((0 if item.crisis else 1, min(scopes), item.id), item))
    return [item for _key, item in sorted(found, key=lambda pair: pair[0])]


def place_of(code: str, view: ContentView) -> tuple[Place, str]:
    """(the country, the code as given in capitals) for a place code such as ``us`` or ``US-TX``."""
    given = code.strip().upper()
    country = places_by_code(view).get(given.split("-")[0])
    if country is None or ("-" in given and given not in {s.code for s in country.subdivisions}):
        raise HandoutError(f"unknown place {code!r}")
    return country, given


def help_part(
    place: str, view: ContentView, label: Label, fmt_date: DateFormat, limit: int | None, listed: frozenset[str] = frozenset()
) -> tuple[Part, list[Item]]:
    """The place's emergency number and services (``limit`` of them; ``listed``: ids already on the page)."""
    country, given = place_of(place, view)
    name = next((s.name for s in country.subdivisions if s.code == given), country.name)
    paragraphs: list[Paragraph] = []
    used: list[Item] = []
    if country.emergency:
        paragraphs.append(contact_paragraph(country, label, fmt_date))
        used.append(country)
    services = [org for org in services_for(given, view) if org.id not in listed]
    for org in services[:limit] if limit else services:
        paragraphs.append(contact_paragraph(org, label, fmt_date, 0 if limit is None else 2))
        used.append(org)
    if not paragraphs:
        paragraphs.append(Paragraph(escape(label("No service there is listed yet."))))
    return Part(escape(label("Help in {place}").format(place=name)), tuple(paragraphs)), used


# --- the topics -----------------------------------------------------------------------------------


def _source_lines(items: list[Item], label: Label, fmt_date: DateFormat, seen: set[str]) -> str:
    lines = []
    for item in items:
        for source in item.sources:
            if source.url in seen:
                continue
            seen.add(source.url)
            when = f" ({escape(source_date_text(source.source_date, label, fmt_date))})" if source.source_date else ""
            lines.append(f"{source.url}{when}")
    return " · ".join(lines)  # one paragraph: on paper, the addresses matter, not a line each


def _sources_part(main: list[Item], others: list[Item], label: Label, fmt_date: DateFormat) -> Part:
    """Where the facts come from and when they were checked: the guide's or the letter's and law's
    sources always; the services' own, when the page has room."""
    checked = max(item.reviewed for item in [*main, *others])
    intro = escape(label("Checked on {date}. Details can change: check the source before you rely on it.").format(date=fmt_date(checked)))
    seen: set[str] = set()
    paragraphs = [Paragraph(intro), Paragraph(_source_lines(main, label, fmt_date, seen))]
    rest = _source_lines(others, label, fmt_date, seen)
    if rest:
        paragraphs.append(Paragraph(rest, 2))
    return Part(escape(label("Sources")), tuple(p for p in paragraphs if p.text))


def _closing(label: Label) -> Part:
    words = label("This is general information, not legal advice.")
    return Part("", (Paragraph(f"*{escape(words)}*"),))


def _tida_parts(view: ContentView, label: Label, fmt_date: DateFormat) -> tuple[str, list[Part], list[Item]]:
    notice = view.get(Kind.NOTICE, TIDA_NOTICE)
    if not isinstance(notice, NoticeTemplate):
        raise HandoutError("the TAKE IT DOWN request is not in this content")
    parts = [Part("", (Paragraph(escape(notice.summary)),))]
    used: list[Item] = [notice]
    if notice.elements:
        rows = "\n".join(f"{n}. {escape(e.label)}" + (f" ({escape(e.cite)})" if e.cite else "") for n, e in enumerate(notice.elements, 1))
        parts.append(Part(escape(label("What the request must contain")), (Paragraph(rows),)))
    if notice.before_you_send:
        rows = "\n".join(f"- {escape(standalone(text))}" for text in notice.before_you_send)
        parts.append(Part(escape(label("Before you send it")), (Paragraph(rows),)))
    law = view.get(Kind.LAW, LINK_RE.fullmatch(notice.legal_basis or "")["id"]) if notice.legal_basis else None  # type: ignore[index]
    if isinstance(law, Law):
        used.append(law)
        lines = [escape(law.summary)]
        if law.deadline:
            limit = label("Time limit")
            lines.append(f"**{escape(limit)}:** {escape(deadline_text(law, label))}")
        lines.append(escape(label("Read the law: {address}")).format(address=law.sources[0].url))
        parts.append(Part(escape(display_title(law)), tuple(Paragraph(line) for line in lines)))
        ignored = []
        for ref in law.if_ignored:
            match = LINK_RE.fullmatch(ref)
            item = view.get(Kind(match["kind"]), match["id"]) if match else None
            if isinstance(item, Organization):
                ignored.append(contact_paragraph(item, label, fmt_date))
                used.append(item)
            elif item is not None:
                ignored.append(Paragraph(f"**{escape(display_title(item))}**\n- {escape(getattr(item, 'summary', ''))}", 2))
        if ignored:
            parts.append(Part(escape(label("If the site does not act in time")), tuple(ignored)))
    return display_title(notice), parts, used


def _guide(topic: str, view: ContentView, label: Label, fmt_date: DateFormat, place: str | None) -> tuple[str, list[Part], list[Item]]:
    article = view.get(Kind.ARTICLE, ARTICLES[topic])
    if not isinstance(article, Article):
        raise HandoutError(f"the guide for {topic!r} is not in this content")

    def for_minors(href: str) -> bool:
        link = LINK_RE.fullmatch(href)
        item = view.get(Kind(link["kind"]), link["id"]) if link and link["kind"] in {k.value for k in Kind} else None
        return isinstance(item, Organization) and "minors" in item.serves

    parts = [Part("", (Paragraph(f"*{escape(article.summary)}*"),)), *guide_parts(article, label, for_minors)]
    used: list[Item] = [article]
    contacts = []
    reach = set(jurisdictions((place_of(place, view)[1],), view)) | {"*"} if place else None
    for _kind, item in linked_items(article, view):
        # For a place, a service of somewhere else (the UK's helpline on a handout for Texas)
        # is the first to go when the page is full.
        elsewhere = reach is not None and isinstance(item, Organization) and not reach & set(item.regions)
        contacts.append(contact_paragraph(item, label, fmt_date, 3 if elsewhere else 0))
        used.append(item)
    if contacts:
        parts.append(Part(escape(label("Who can help")), tuple(contacts)))
    return article.title, parts, used


def build_handout(topic: str, view: ContentView, label: Label, fmt_date: DateFormat, reader: Reader, place: str | None = None) -> Handout:
    """The handout on ``topic`` in ``view``'s language, as ``reader`` may see it.

    ``place`` (a country such as ``US`` or a subdivision such as ``US-TX``) adds its emergency
    number and services; the ``helplines`` topic needs one."""
    if topic not in TOPICS:
        raise HandoutError(f"unknown topic {topic!r} (choose from: {', '.join(TOPICS)})")
    view = AudienceView(view, reader)
    if topic == "helplines":
        if not place:
            raise HandoutError("the helplines handout needs a place, such as US or GB")
        help_here, used = help_part(place, view, label, fmt_date, None)
        title = help_here.heading
        parts = [Part("", help_here.paragraphs)]
        main = used[:1]
    else:
        if topic == "take-it-down":
            title, parts, used = _tida_parts(view, label, fmt_date)
        else:
            title, parts, used = _guide(topic, view, label, fmt_date, place)
        main = used[:2] if topic == "take-it-down" else used[:1]  # the guide, or the letter and its law
        if place:
            listed = frozenset(item.id for item in used if isinstance(item, Organization))
            here, more = help_part(place, view, label, fmt_date, MAX_SERVICES, listed)
            parts.append(here)
            used += more
    parts += [_sources_part(main, [item for item in used if item not in main], label, fmt_date), _closing(label)]
    return Handout(topic, title, tuple(parts))


def topic_title(topic: str, label: Label) -> str:
    """The topic's name in a list of handouts."""
    return {
        "evidence": label("Saving evidence"),
        "take-it-down": label("A TAKE IT DOWN request"),
        "hashing": label("Hashing: StopNCII and Take It Down"),
        "helplines": label("Helplines for a place"),
    }[topic]


__all__ = ["TOPICS", "Handout", "HandoutError", "build_handout", "place_of", "standalone", "topic_title"]
