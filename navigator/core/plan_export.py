"""A plan as Markdown, plain text or JSON: for the printed or saved plan and ``navigator plan``.

Words from content are already in the reader's language; the few labels added here come through
``label`` (the caller's gettext) so core holds no interface state. Internal navigator:// links
mean nothing outside the app, so exports name the page instead, and give the real web address or
phone number where the content has one. Every export says the date, lists its sources with the
date each was checked, and says that it is not legal advice.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection
from datetime import date
from typing import Any

from navigator.core.models import Item, Kind, Law, Organization, Platform, display_title
from navigator.core.plan import ContentView, Entry, Plan, PlanStep, sources_of
from navigator.core.render import Label, contact_kind_label, escape, hours_text, plain_text, source_date_text, status_label

FORMATS = ("text", "markdown", "json")
DateFormat = Callable[[date], str]


def not_advice(label: Label) -> str:
    return label("This plan is general information, not legal advice.")


def _entry_lines(entry: Entry, label: Label, fmt_date: DateFormat) -> list[str]:
    """Details under one entry: what it is, and how to reach it outside Navigator."""
    item = entry.item
    lines: list[str] = []
    if isinstance(item, Platform):
        lines.append(escape(item.summary))
        for route in item.routes:
            lines.append(f"{escape(route.label)}: {route.url}" if route.url else escape(route.label))
    elif isinstance(item, Law):
        status = status_label(item.status, label)
        when = label("as of {date}").format(date=fmt_date(item.status_date))
        lines.append(f"{escape(item.citation)}. {status} ({when}).")
        lines.append(escape(item.summary))
    elif isinstance(item, Organization):
        lines.append(escape(item.summary))
        for contact in item.contacts:
            kind = contact.label or contact_kind_label(contact.kind, label)
            text = f"{escape(kind)}: {escape(contact.value)}"
            if contact.hours:
                text += f" ({escape(hours_text(contact.hours, label))})"
            lines.append(text)
    return lines


def _step_markdown(number: int, step: PlanStep, done: Collection[str], label: Label, fmt_date: DateFormat) -> list[str]:
    box = "[x]" if step.key in done else "[ ]"
    out = [f"## {number}. {escape(step.title)}", "", f"- {box} {escape(step.body)}"]
    for entry in step.entries:
        tick = "[x]" if entry.key in done else "[ ]"
        out.append(f"- {tick} **{escape(entry.title)}**")
        out.extend(f"  - {line}" for line in _entry_lines(entry, label, fmt_date))
    if step.links:
        titles = "; ".join(escape(link.title) for link in step.links)
        out += ["", label("More in Navigator: {pages}").format(pages=titles)]
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
        out += ["", *_step_markdown(number, step, done, label, fmt_date)]
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
            "status_date": item.status_date.isoformat(),
        }
    if isinstance(item, Organization):
        data |= {
            "regions": item.regions,
            "languages": item.languages,
            "contacts": [{"kind": c.kind, "value": c.value} for c in item.contacts],
        }
    if isinstance(item, Platform):
        data |= {"routes": [{"id": r.id, "kind": r.kind, "url": r.url} for r in item.routes]}
    return data


def to_json(plan: Plan, view: ContentView, label: Label, locale: str, today: date, done: Collection[str] = ()) -> str:
    """The plan as data, keys sorted, for scripts and tests. The same answers give the same text."""
    steps = []
    for step in plan.steps:
        steps.append(
            {
                "id": step.key,
                "category": step.category,
                "title": step.title,
                "body": step.body,
                "done": step.key in done,
                "links": [{"href": link.href, "title": link.title} for link in step.links],
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
