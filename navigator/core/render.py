"""Turn any content item into Markdown for the reader, the printed plan and text exports.

Words come from the item (already in the reader's language); the few labels this module adds
come through ``labels`` so the caller's gettext supplies them and core stays free of UI state.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from navigator.core.audience import FENCE_CLOSE, FENCE_OPEN
from navigator.core.letters import exposure_lines
from navigator.core.marks import isolate
from navigator.core.models import Article, Audience, GlossaryTerm, Hours, Item, Law, NoticeTemplate, Organization, Place, Platform, Point

Label = Callable[[str], str]
# Characters that start Markdown anywhere in a line: emphasis, code, links and images, HTML and
# autolinks, headings, tables, strikethrough, and "&", which starts a character reference
# ("&#x202E;" would become an invisible right-to-left override).
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|!&~])")
# What starts a block at the beginning of a line: a list ("-", "+", "1." or "1)"), a heading
# underline ("="), a quote (">", already escaped above), a code block (indentation, removed).
_MD_INDENT = re.compile(r"^[ \t]+", re.M)
_MD_LINE_START = re.compile(r"^(?:([-+=])|(\d{1,9})([.)]))", re.M)
# What GitHub's Markdown turns into a link by itself: "https://…", "www.…", "name@host".
_MD_AUTOLINK = re.compile(r":(?=//)|@|(?<=[Ww]{3})\.")


def escape(text: str) -> str:
    """Make plain text safe inside Markdown: no formatting, no links (not even an address written
    out), no images, no HTML, no character references and no blocks from data. Every line of it
    stays words in a paragraph. (CommonMark lets any ASCII punctuation be escaped with a backslash.)"""
    text = _MD_INDENT.sub("", _MD_SPECIAL.sub(r"\\\1", text))
    text = _MD_AUTOLINK.sub(lambda m: "\\" + m[0], text)

    def line_start(match: re.Match[str]) -> str:
        if match[1]:
            return "\\" + match[1]
        return f"{match[2]}\\{match[3]}"

    return _MD_LINE_START.sub(line_start, text)


# Labels stay outside f-strings: gettext extraction (Babel on Python 3.11) cannot see a call
# inside an f-string, and a label it cannot see is never translated.
def _h2(text: str) -> str:
    return f"## {text}"


def _field(name: str, value: str) -> str:
    return f"**{name}:** {value}"


def _em(text: str) -> str:
    return f"*{text}*"


def _bullets(lines: list[str]) -> str:
    return "\n".join(f"- {line}" for line in lines)


def audience_note(audience: Audience, label: Label, offer_if_unsure: bool = False) -> str | None:
    """The line that goes with anything for one audience only, in every output, for every reader."""
    if audience == "adults":
        if offer_if_unsure:
            return label("Only if you are sure you were 18 or over in the image.")
        return label("Only for images of people who were 18 or over.")
    if audience == "minors":
        return label("For images of someone under 18.")
    return None


def point_text(point: Point, label: Label) -> str:
    """One point of advice as Markdown text, with its audience note when it has one."""
    note = audience_note(point.audience, label, point.offer_if_unsure)
    return escape(point.text) if note is None else f"{escape(point.text)} *({escape(note)})*"


def article_body(body: str, label: Label) -> str:
    """An article's Markdown with its audience fences turned into a visible line above each section."""
    out: list[str] = []
    for row in body.split("\n"):
        opening = FENCE_OPEN.match(row.strip())
        if opening:
            audience: Audience = "adults" if opening[1] == "adults" else ("minors" if opening[1] == "minors" else "everyone")
            note = audience_note(audience, label, bool(opening[2]))
            if note:
                out += [f"*{escape(note)}*", ""]
            continue
        if FENCE_CLOSE.match(row.strip()):
            continue
        out.append(row)
    return "\n".join(out)


def hours_text(hours: Hours, label: Label) -> str:
    if hours.always_open:
        text = label("Open 24 hours a day, every day")
    else:
        days = {
            "mon": label("Mon"),
            "tue": label("Tue"),
            "wed": label("Wed"),
            "thu": label("Thu"),
            "fri": label("Fri"),
            "sat": label("Sat"),
            "sun": label("Sun"),
        }
        spans = [f"{', '.join(days[d] for d in span.days)} {span.opens}–{span.closes}" for span in hours.weekly]
        text = "; ".join(spans) if spans else label("Hours not confirmed")
    text += f" ({hours.timezone.replace('_', ' ')})"
    if hours.note:
        text += f". {hours.note}"
    return text


_FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def source_date_text(text: str, label: Label, fmt_date: Callable[[date], str]) -> str:
    """A source's date for the reader: full dates in their language, 'undated' translated, else as written."""
    if text == "undated":
        return label("undated")
    if _FULL_DATE.match(text):
        try:
            return fmt_date(date.fromisoformat(text))
        except ValueError:
            return text
    return text


def sources_block(item: Item, label: Label, fmt_date: Callable[[date], str]) -> str:
    lines = [_h2(label("Sources")), "", label("Last checked: {date}").format(date=fmt_date(item.reviewed)), ""]
    for source in item.sources:
        title = escape(source.title) if source.title else escape(source.url)
        when = f" ({escape(source_date_text(source.source_date, label, fmt_date))})" if source.source_date else ""
        lines.append(f"- [{title}]({source.url}){when}")
    if item.unverified:
        lines += ["", label("Some details could not be confirmed, so they are left out.")]
    return "\n".join(lines)


def to_markdown(item: Item, label: Label, fmt_date: Callable[[date], str], title_of: Callable[[str], str | None] | None = None) -> str:
    """The page a person reads for ``item``. ``title_of`` names the items it links to."""
    parts: list[str] = []
    if isinstance(item, Article):
        parts += [f"# {escape(item.title)}", "", article_body(item.body, label)]
    elif isinstance(item, Organization):
        parts += [f"# {escape(item.name)}", ""]
        note = audience_note(item.audience, label, item.offer_if_unsure)
        if note:
            parts += [_em(escape(note)), ""]
        parts += [escape(item.summary), "", _h2(label("What they do")), _bullets([escape(s) for s in item.services])]
        parts += ["", _h2(label("How to reach them"))]
        for contact in item.contacts:
            what = contact.label or contact_kind_label(contact.kind, label)
            line = f"- **{isolate(escape(what))}:** [{escape(contact.value)}]({contact.href()})"
            if contact.hours:
                line += f" — {escape(hours_text(contact.hours, label))}"
            if contact.note:
                line += f" — {escape(contact.note)}"
            parts.append(line)
        if item.hours:
            parts += ["", _field(label("Hours"), escape(hours_text(item.hours, label)))]
        if item.cost:
            parts += ["", _field(label("Cost"), cost_label(item.cost, label))]
        if item.confidentiality:
            parts += ["", _field(label("Privacy"), escape(item.confidentiality))]
    elif isinstance(item, Platform):
        parts += [f"# {escape(item.name)}", "", escape(item.summary)]
        if item.prepare:
            parts += ["", _h2(label("Before you report")), _bullets([point_text(p, label) for p in item.prepare])]
        for route in item.routes:
            parts += ["", f"## {escape(route.label)}", ""]
            note = audience_note(route.audience, label, route.offer_if_unsure)
            if note:
                parts += [_em(escape(note)), ""]
            parts += [f"{n}. {escape(step)}" for n, step in enumerate(route.steps, 1)]
            if route.url:
                parts += ["", f"[{escape(route.url)}]({route.url})"]
        facts = []
        if item.response_time:
            facts.append(_field(label("How fast they say they act"), escape(item.response_time)))
        facts.append(_field(label("StopNCII partner"), tristate_label(item.stopncii, label)))
        facts.append(_field(label("TAKE IT DOWN Act notice (US)"), tida_label(item.tida_covered, label)))
        parts += ["", "\n\n".join(facts)]
        if item.if_it_fails:
            parts += ["", _h2(label("If it does not work")), _bullets([point_text(p, label) for p in item.if_it_fails])]
    elif isinstance(item, Law):
        parts += [f"# {escape(item.title)}", "", law_status_line(item, label, fmt_date)]
        if item.status_note:
            parts += ["", escape(item.status_note)]
        if item.deadline:
            parts += ["", _field(label("Time limit"), escape(deadline_text(item, label)))]
        parts += ["", escape(item.summary), "", _h2(label("What it can mean for you")), _bullets([escape(s) for s in item.for_you])]
        if item.does_not:
            parts += ["", _h2(label("What it does not do")), _bullets([escape(s) for s in item.does_not])]
        parts += ["", _em(label("This is general information, not legal advice."))]
    elif isinstance(item, Place):
        parts += [f"# {escape(item.name)}", ""]
        default = label("Emergency number")
        for number in item.emergency:
            parts.append(_field(escape(number.label or default), f"[{number.number}](tel:{number.number})"))
    elif isinstance(item, GlossaryTerm):
        parts += [f"# {escape(item.term)}", "", escape(item.definition)]
    elif isinstance(item, NoticeTemplate):
        parts += [f"# {escape(item.title)}", ""]
        note = audience_note(item.audience, label)
        if note:
            parts += [_em(escape(note)), ""]
        parts += [escape(item.summary)]
        # Who will see the sender's details comes before anything about filling it in.
        parts += ["", _h2(label("Who will see what")), _bullets([escape(line) for line in exposure_lines(item, label)])]
        elements = [escape(e.label) + (f" ({escape(e.cite)})" if e.cite else "") for e in item.elements]
        parts += ["", _h2(label("What it must contain")), _bullets(elements)]
        if item.before_you_send:
            parts += ["", _h2(label("Before you send it")), _bullets([escape(s) for s in item.before_you_send])]
    else:
        parts += [f"# {escape(getattr(item, 'title', item.id))}"]
    related = getattr(item, "related", [])
    if related:
        parts += ["", _h2(label("See also"))]
        for link in related:
            title = title_of(link) if title_of else link
            if title is not None:  # None: not shown to this reader, or missing
                parts.append(f"- [{escape(title)}]({link})")
    parts += ["", sources_block(item, label, fmt_date)]
    return "\n".join(parts) + "\n"


def law_status_line(law: Law, label: Label, fmt_date: Callable[[date], str]) -> str:
    """'Citation — status (as of date)' for a law; a 'none found' entry has no citation."""
    if law.status_date is None:
        unknown = label("date not confirmed")
        status = f"{status_label(law.status, label)} ({unknown})"
    else:
        as_of = label("as of {date}").format(date=fmt_date(law.status_date))
        status = f"{status_label(law.status, label)} ({as_of})"
    return f"*{escape(law.citation)}* — {status}" if law.citation else status


def deadline_text(law: Law, label: Label) -> str:
    assert law.deadline is not None
    return label("{hours} hours: {starts}").format(hours=law.deadline.hours, starts=law.deadline.starts)


def contact_kind_label(kind: str, label: Label) -> str:
    return {
        "phone": label("Phone"),
        "text": label("Text message"),
        "whatsapp": label("WhatsApp"),
        "chat": label("Chat"),
        "web_form": label("Online form"),
        "email": label("Email"),
        "tty": label("TTY"),
        "website": label("Website"),
    }.get(kind, kind)


def cost_label(cost: str | None, label: Label) -> str:
    if cost is None:
        return label("Not confirmed")
    return {"free": label("Free"), "low_cost": label("Low cost"), "paid": label("Paid"), "varies": label("Varies")}.get(cost, cost)


def tristate_label(value: str, label: Label) -> str:
    return {
        "yes": label("Yes"),
        "no": label("No"),
        "announced": label("Announced, not confirmed live"),
        "unknown": label("Not confirmed"),
    }.get(value, value)


def tida_label(value: str, label: Label) -> str:
    return {
        "yes": label("Yes, it is a covered platform"),
        "likely": label("Probably: it hosts what users post"),
        "no": label("No"),
        "unknown": label("Not clear"),
    }.get(value, value)


def status_label(status: str, label: Label) -> str:
    return {
        "in_force": label("In force"),
        "enacted": label("Passed into law, not yet in force"),
        "passed_one_chamber": label("Passed one house, not law yet"),
        "introduced": label("Proposed, not law"),
        "not_enacted": label("Not law"),
        "repealed": label("Repealed"),
        "none_found": label("No specific law found"),
    }.get(status, status)


def plain_text(markdown: str) -> str:
    """Markdown to readable plain text (for search snippets and text exports)."""
    # A link, not an escaped bracket (words that merely look like a link stay as they are).
    text = re.sub(r"(?<!\\)\[((?:[^\]\\]|\\.)*)\]\(([^)]*)\)", r"\1 (\2)", markdown)
    text = re.sub(r"<(navigator://[^>]+)>", r"\1", text)
    text = re.sub(r"^#+\s*", "", text, flags=re.M)
    text = re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text)  # any escaped ASCII punctuation
    text = re.sub(r"(\*\*|__|\*|`)", "", text)
    return text
