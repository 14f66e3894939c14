"""Two languages side by side: the advocate's language on screen, the client's beside it.

The second column is never a second decision about what to show. It is the first column's plan
or page, with the words of another language: built from the same answers by the same
``build_plan`` (so through ``AudienceView`` for the same reader), and then held to the first
column's steps, entries and links (``beside_plan``), so nothing can appear beside what the first
column leaves out, even if two languages' content ever disagreed. A page beside a page
(``beside_item``) exists only when the first does, read through the same reader.

Proven for every distinct ending of the questions and every pair of languages by
tests/unit/core/test_bilingual.py.
"""

from __future__ import annotations

from dataclasses import replace

from navigator.core.audience import AudienceView, Reader
from navigator.core.models import Item, Kind, Pathway
from navigator.core.plan import ContentView, Plan, build_plan


class ReaderMismatchError(ValueError):
    """The two columns would be read by different readers: never shown."""


def beside_plan(first: Plan, second_view: ContentView, second_locale: str) -> Plan | None:
    """``first`` in the words of ``second_view``'s language: the same steps, entries and links, no more.

    None when the second language has no pathway to build it from.
    """
    pathway = second_view.get(Kind.PATHWAY, first.pathway.id)
    if not isinstance(pathway, Pathway):
        return None
    second = build_plan(pathway, first.answers, second_view, locale=second_locale)
    if second.reader is not first.reader:
        raise ReaderMismatchError(f"{first.reader} and {second.reader}")
    return held_to(second, first)


def held_to(second: Plan, first: Plan) -> Plan:
    """``second`` with only what ``first`` shows (its steps, and in each its entries and its links), in ``first``'s order."""
    steps = {step.key: step for step in first.steps}
    kept = []
    for step in second.steps:
        mine = steps.get(step.key)
        if mine is None:
            continue
        # In the first column's order too: services that speak the screen's language come first
        # there, and the two columns must read across, line by line.
        entries = {entry.key: index for index, entry in enumerate(mine.entries)}
        links = {link.href: index for index, link in enumerate(mine.links)}
        kept.append(
            replace(
                step,
                entries=tuple(sorted((e for e in step.entries if e.key in entries), key=lambda e: entries[e.key])),
                links=tuple(sorted((link for link in step.links if link.href in links), key=lambda link: links[link.href])),
            )
        )
    order = {step.key: index for index, step in enumerate(first.steps)}
    kept.sort(key=lambda step: order[step.key])
    return replace(second, steps=tuple(kept))


def beside_item(kind: Kind, item_id: str, first_view: ContentView, second_view: ContentView, reader: Reader) -> Item | None:
    """The page beside a page: the second language's item, only when the first language shows it,
    both read as ``reader`` may see them."""
    if AudienceView(first_view, reader).get(kind, item_id) is None:
        return None
    return AudienceView(second_view, reader).get(kind, item_id)


__all__ = ["ReaderMismatchError", "beside_item", "beside_plan", "held_to"]
