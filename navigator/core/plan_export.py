"""A plan as Markdown, plain text or JSON: for the printed or saved plan and ``navigator plan``.

Words from content are already in the reader's language; the few labels added here come through
``label`` (the caller's gettext) so core holds no interface state.

A printed plan is read by someone holding paper, far from Navigator. So nothing in it points back
into the app: every service, platform and law it names carries its phone number, web address or
citation, and every guide it names carries its gist in a sentence (``resource_lines``). Laws carry
their full status note and the date it was true. Every export says the date, lists its sources
with the date each was checked, and says that it is not legal advice.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection
from datetime import date
from typing import Any

from navigator.core.audience import AudienceView
from navigator.core.models import Article, GlossaryTerm, Item, Kind, Law, NoticeTemplate, Organization, Place, Platform, display_title
from navigator.core.plan import ContentView, Entry, Plan, PlanStep, sources_of
from navigator.core.render import (
    Label,
    audience_note,
    contact_kind_label,
    deadline_text,
    escape,
    hours_text,
    law_status_line,
    plain_text,
    source_date_text,
)

FORMATS = ("text", "markdown", "json")
WEB_CONTACTS = ("chat", "web_form", "website")  # their value is an https address (models.Contact)
DateFormat = Callable[[date], str]


def not_advice(label: Label) -> str:
    return label("This plan is general information, not legal advice.")


def resource_lines(item: Item, label: Label, fmt_date: DateFormat) -> list[str]:
    """How to use ``item`` with no app at hand: its numbers and addresses, or what it says."""
    lines: list[str] = []
    if isinstance(item, Platform):
        lines.append(escape(item.summary))
        for route in item.routes:
            text = f"{escape(route.label)}: {route.url}" if route.url else f"{escape(route.label)}: {escape(route.steps[0])}"
            note = audience_note(route.audience, label, route.offer_if_unsure)
            lines.append(text if note is None else f"{text} ({escape(note)})")
        if not any(route.url for route in item.routes):
            lines.append(label("Their help page: {address}").format(address=item.sources[0].url))
    elif isinstance(item, Law):
        lines.append(law_status_line(item, label, fmt_date).replace("*", ""))
        if item.status_note:
            lines.append(escape(item.status_note))
        lines.append(escape(item.summary))
        if item.deadline:
            lines.append(escape(label("Time limit")) + ": " + escape(deadline_text(item, label)))
        lines.append(label("Read the law: {address}").format(address=item.sources[0].url))
    elif isinstance(item, Organization):
        note = audience_note(item.audience, label, item.offer_if_unsure)
        lines.append(escape(item.summary) if note is None else f"{escape(item.summary)} ({escape(note)})")
        for contact in item.contacts:
            kind = contact.label or contact_kind_label(contact.kind, label)
            # A web address (checked strictly when the content was loaded) stays an address, as a
            # route's does, so a PDF reader can follow it; numbers and email addresses are words.
            value = contact.value if contact.kind in WEB_CONTACTS else escape(contact.value)
            text = f"{escape(kind)}: {value}"
            if contact.hours:
                text += f" ({escape(hours_text(contact.hours, label))})"
            lines.append(text)
        if item.hours and not any(c.hours for c in item.contacts):
            lines.append(escape(label("Hours")) + ": " + escape(hours_text(item.hours, label)))
    elif isinstance(item, Place):
        default = label("Emergency number")
        for number in item.emergency:
            lines.append(f"{escape(number.label or default)}: {number.number}")
    elif isinstance(item, (Article, NoticeTemplate)):
        lines.append(escape(item.summary))
    elif isinstance(item, GlossaryTerm):
        lines.append(escape(item.definition))
    return lines


def _entry_lines(entry: Entry, label: Label, fmt_date: DateFormat) -> list[str]:
    """Details under one entry: what it is, and how to reach it outside Navigator."""
    return resource_lines(entry.item, label, fmt_date)


def _step_markdown(number: int, step: PlanStep, view: ContentView, done: Collection[str], label: Label, fmt_date: DateFormat) -> list[str]:
    box = "[x]" if step.key in done else "[ ]"
    out = [f"## {number}. {escape(step.title)}", "", f"- {box} {escape(step.body)}"]
    for entry in step.entries:
        tick = "[x]" if entry.key in done else "[ ]"
        out.append(f"- {tick} **{escape(entry.title)}**")
        out.extend(f"  - {line}" for line in _entry_lines(entry, label, fmt_date))
    for link in step.links:
        item = view.get(link.kind, link.item_id)
        if item is None:
            continue
        out.append(f"- **{escape(link.title)}**")
        out.extend(f"  - {line}" for line in resource_lines(item, label, fmt_date))
    return out


def _sources_markdown(plan: Plan, view: ContentView, label: Label, fmt_date: DateFormat) -> list[str]:
    out = ["## " + label("Sources"), "", label("Each page was last checked on the date shown. Details can change.")]
    for _kind, item in sources_of(plan, view):
        checked = label("checked {date}").format(date=fmt_date(item.reviewed))
        out += ["", f"**{escape(display_title(item))}**: {checked}"]
        for source in item.sources:
            title = escape(source.title) if source.title else ""
            when = f" ({escape(source_date_text(source.source_date, label, fmt_date))})" if source.source_date else ""
            out.append(f"- {title}{': ' if title else ''}{source.url}{when}")
    return out


def to_markdown(plan: Plan, view: ContentView, label: Label, fmt_date: DateFormat, today: date, done: Collection[str] = ()) -> str:
    """The whole plan as Markdown: title, date, steps as a checklist, sources, not-legal-advice line."""
    view = AudienceView(view, plan.reader)  # pages named by the plan, as the plan's reader may see them
    out = [
        "# " + label("Your plan"),
        "",
        label("Made on {date}.").format(date=fmt_date(today)),
        "",
        label("These are choices, not orders. You can take them one at a time, in your own time, and skip any that do not fit."),
        "",
        f"*{not_advice(label)}*",
    ]
    for number, step in enumerate(plan.steps, 1):
        out += ["", *_step_markdown(number, step, view, done, label, fmt_date)]
    out += ["", *_sources_markdown(plan, view, label, fmt_date)]
    out += ["", f"*{not_advice(label)}*"]
    return "\n".join(out) + "\n"


def to_text(plan: Plan, view: ContentView, label: Label, fmt_date: DateFormat, today: date, done: Collection[str] = ()) -> str:
    """Plain text for a handout or an email: the Markdown without its marks."""
    return plain_text(to_markdown(plan, view, label, fmt_date, today, done))


def _item_json(kind: Kind, item: Item) -> dict[str, Any]:
    data: dict[str, Any] = {"kind": kind.value, "id": item.id, "title": display_title(item), "reviewed": item.reviewed.isoformat()}
    if isinstance(item, Law):
        data |= {
            "jurisdiction": item.jurisdiction,
            "citation": item.citation,
            "status": item.status,
            "status_date": item.status_date.isoformat() if item.status_date else None,
            "status_note": item.status_note,
            "summary": item.summary,
            "address": item.sources[0].url,
        }
        if item.deadline:
            data["deadline_hours"] = item.deadline.hours
    if isinstance(item, Organization):
        data |= {
            "summary": item.summary,
            "regions": item.regions,
            "languages": item.languages,
            "audience": item.audience,
            "contacts": [{"kind": c.kind, "value": c.value, "href": c.href()} for c in item.contacts],
        }
    if isinstance(item, Platform):
        data |= {
            "summary": item.summary,
            "routes": [{"id": r.id, "kind": r.kind, "label": r.label, "url": r.url, "audience": r.audience} for r in item.routes],
        }
    if isinstance(item, Place):
        data |= {"emergency": [n.number for n in item.emergency]}
    if isinstance(item, (Article, NoticeTemplate)):
        data["summary"] = item.summary
    return data


def _link_json(kind: Kind, item_id: str, title: str, view: ContentView) -> dict[str, Any]:
    item = view.get(kind, item_id)
    data = _item_json(kind, item) if item is not None else {"kind": kind.value, "id": item_id}
    return data | {"href": f"navigator://{kind.value}/{item_id}", "title": title}


def to_json(plan: Plan, view: ContentView, label: Label, locale: str, today: date, done: Collection[str] = ()) -> str:
    """The plan as data, keys sorted, for scripts and tests. The same answers give the same text."""
    view = AudienceView(view, plan.reader)
    steps = []
    for step in plan.steps:
        steps.append(
            {
                "id": step.key,
                "category": step.category,
                "title": step.title,
                "body": step.body,
                "done": step.key in done,
                "links": [_link_json(link.kind, link.item_id, link.title, view) for link in step.links],
                "entries": [{"key": e.key, "done": e.key in done, **_item_json(e.kind, e.item)} for e in step.entries],
            }
        )
    sources = []
    for kind, item in sources_of(plan, view):
        entry = _item_json(kind, item)
        entry["sources"] = [s.model_dump(exclude_none=True) for s in item.sources]
        sources.append(entry)
    data = {
        "pathway": plan.pathway.id,
        "locale": locale,
        "date": today.isoformat(),
        "answers": {qid: list(values) for qid, values in plan.answers.items()},
        "regions": list(plan.regions),
        "steps": steps,
        "sources": sources,
        "not_legal_advice": not_advice(label),
    }
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def export(
    plan: Plan, view: ContentView, fmt: str, label: Label, fmt_date: DateFormat, locale: str, today: date, done: Collection[str] = ()
) -> str:
    if fmt == "markdown":
        return to_markdown(plan, view, label, fmt_date, today, done)
    if fmt == "text":
        return to_text(plan, view, label, fmt_date, today, done)
    if fmt == "json":
        return to_json(plan, view, label, locale, today, done)
    raise ValueError(f"unknown format {fmt!r} (choose from: {', '.join(FORMATS)})")
