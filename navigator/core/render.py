"""Turn any content item into Markdown for the reader, the printed plan and text exports.

Words come from the item (already in the reader's language); the few labels this module adds
come through ``labels`` so the caller's gettext supplies them and core stays free of UI state.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from navigator.core.models import Article, GlossaryTerm, Hours, Item, Law, NoticeTemplate, Organization, Platform

Label = Callable[[str], str]
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def escape(text: str) -> str:
    """Make plain text safe inside Markdown: no formatting, no links, no HTML from data."""
    return _MD_SPECIAL.sub(r"\\\1", text)


# Labels stay outside f-strings: gettext extraction (Babel on Python 3.11) cannot see a call
# inside an f-string, and a label it cannot see is never translated.
def _h2(text: str) -> str:
    return f"## {text}"


def _field(name: str, value: str) -> str:
    return f"**{name}:** {value}"


def _em(text: str) -> str:
    return f"*{text}*"


def isolate(text: str) -> str:
    """Keep a label such as '800.656.HOPE' in one piece inside right-to-left text.

    Unicode first-strong isolates: invisible, and without them the bidi algorithm splits a
    label of digits, dots and Latin letters around its neighbours in an Arabic line.
    """
    return f"\u2068{text}\u2069"


def _bullets(lines: list[str]) -> str:
    return "\n".join(f"- {line}" for line in lines)


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
        parts += [f"# {escape(item.title)}", "", item.body]
    elif isinstance(item, Organization):
        parts += [
            f"# {escape(item.name)}",
            "",
            escape(item.summary),
            "",
            _h2(label("What they do")),
            _bullets([escape(s) for s in item.services]),
        ]
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
        parts += ["", _field(label("Cost"), cost_label(item.cost, label))]
        if item.confidentiality:
            parts += ["", _field(label("Privacy"), escape(item.confidentiality))]
    elif isinstance(item, Platform):
        parts += [
            f"# {escape(item.name)}",
            "",
            escape(item.summary),
            "",
            _h2(label("Before you report")),
            _bullets([escape(p) for p in item.prepare]),
        ]
        for route in item.routes:
            parts += ["", f"## {escape(route.label)}", ""]
            parts += [f"{n}. {escape(step)}" for n, step in enumerate(route.steps, 1)]
            if route.url:
                parts += ["", f"[{escape(route.url)}]({route.url})"]
        facts = []
        if item.response_time:
            facts.append(_field(label("How fast they say they act"), escape(item.response_time)))
        facts.append(_field(label("StopNCII partner"), tristate_label(item.stopncii, label)))
        facts.append(_field(label("TAKE IT DOWN Act notice (US)"), tida_label(item.tida_covered, label)))
        parts += ["", "\n\n".join(facts), "", _h2(label("If it does not work")), _bullets([escape(s) for s in item.if_it_fails])]
    elif isinstance(item, Law):
        as_of = label("as of {date}").format(date=fmt_date(item.status_date))
        parts += [
            f"# {escape(item.title)}",
            "",
            f"*{escape(item.citation)}* — {status_label(item.status, label)} ({as_of})",
        ]
        if item.status_note:
            parts += ["", escape(item.status_note)]
        parts += ["", escape(item.summary), "", _h2(label("What it can mean for you")), _bullets([escape(s) for s in item.for_you])]
        parts += ["", _h2(label("What it does not do")), _bullets([escape(s) for s in item.does_not])]
        parts += ["", _em(label("This is general information, not legal advice."))]
    elif isinstance(item, GlossaryTerm):
        parts += [f"# {escape(item.term)}", "", escape(item.definition)]
    elif isinstance(item, NoticeTemplate):
        parts += [f"# {escape(item.title)}", "", escape(item.summary)]
        if item.before_you_send:
            parts += ["", _h2(label("Before you send it")), _bullets([escape(s) for s in item.before_you_send])]
    else:
        parts += [f"# {escape(getattr(item, 'title', item.id))}"]
    related = getattr(item, "related", [])
    if related:
        parts += ["", _h2(label("See also"))]
        for link in related:
            title = title_of(link) if title_of else None
            parts.append(f"- [{escape(title or link)}]({link})")
    parts += ["", sources_block(item, label, fmt_date)]
    return "\n".join(parts) + "\n"


def contact_kind_label(kind: str, label: Label) -> str:
    return {
        "phone": label("Phone"),
        "text": label("Text message"),
        "chat": label("Chat"),
        "web_form": label("Online form"),
        "email": label("Email"),
        "tty": label("TTY"),
        "website": label("Website"),
    }.get(kind, kind)


def cost_label(cost: str, label: Label) -> str:
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
    }.get(status, status)


def plain_text(markdown: str) -> str:
    """Markdown to readable plain text (for search snippets and text exports)."""
    text = re.sub(r"\[([^\]]*)\]\(([^)]*)\)", r"\1 (\2)", markdown)
    text = re.sub(r"<(navigator://[^>]+)>", r"\1", text)
    text = re.sub(r"^#+\s*", "", text, flags=re.M)
    text = re.sub(r"\\([\\`*_\[\]<>#|])", r"\1", text)
    text = re.sub(r"(\*\*|__|\*|`)", "", text)
    return text
