"""navigator.core.bilingual: the second column never shows what the first would hide.

Walks every distinct ending of the shipped questions, builds the plan in every language, and
holds each language's plan beside every other's: same steps, same entries, same links, same
reader. A representative set goes through ``beside_plan`` itself and is read for adults-only
text; every page of every kind is checked beside every other language for every reader.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from itertools import permutations

import pytest

from navigator.core.audience import Reader, restrict
from navigator.core.bilingual import ReaderMismatchError, beside_item, beside_plan, held_to
from navigator.core.loader import load_content
from navigator.core.localize import Localized, available_locales, localize
from navigator.core.models import FOLDERS, Kind, Pathway
from navigator.core.pathway_check import distinct_endings
from navigator.core.plan import Entry, Link, Plan, PlanStep, build_plan, reader_of
from navigator.core.plan_export import to_markdown
from navigator.paths import content_root
from tests.unit.core.test_audience import forbidden

CONTENT, _REPORT = load_content(content_root())
LOCALES = available_locales(content_root())
VIEWS: dict[str, Localized] = {locale: localize(CONTENT, locale)[0] for locale in LOCALES}
PATHWAYS = {locale: view.get(Kind.PATHWAY, "main") for locale, view in VIEWS.items()}
ENGLISH = PATHWAYS["en"]
assert isinstance(ENGLISH, Pathway)
ENDINGS = distinct_endings(ENGLISH, VIEWS["en"])
PAIRS = list(permutations(LOCALES, 2))


def shape(plan: Plan) -> list[tuple[str, list[str], list[str]]]:
    """What a plan shows, whatever its words: each step, its entries and its links, in order."""
    return [(s.key, [e.key for e in s.entries], [link.href for link in s.links]) for s in plan.steps]


def same_things(one: Plan, other: Plan) -> bool:
    """The same steps, entries and links, in whatever order (services in the reader's language come first)."""
    return sorted((k, sorted(e), sorted(links)) for k, e, links in shape(one)) == sorted(
        (k, sorted(e), sorted(links)) for k, e, links in shape(other)
    )


def plan_in(locale: str, answers: dict[str, tuple[str, ...]]) -> Plan:
    pathway = PATHWAYS[locale]
    assert isinstance(pathway, Pathway)
    return build_plan(pathway, answers, VIEWS[locale], locale)


def test_every_ending_shows_the_same_in_every_pair_of_languages():
    assert len(ENDINGS) > 500 and len(PAIRS) >= 12
    for answers in ENDINGS:
        plans = {locale: plan_in(locale, answers) for locale in LOCALES}
        for first, second in PAIRS:
            held = held_to(plans[second], plans[first])
            assert held.reader is plans[first].reader, (first, second, answers)
            # Nothing beside what the first column shows, and nothing of it missing either.
            assert shape(held) == shape(plans[first]), (first, second, answers)
            assert same_things(held, plans[second]), (first, second, answers)


REPRESENTATIVE = ENDINGS[::37]
POSSIBLY_MINOR = [a for a in ENDINGS if reader_of(ENGLISH, a).may_be_minor][::23]


@pytest.mark.parametrize(("first", "second"), PAIRS)
def test_beside_plan_is_the_first_plan_in_other_words(first, second):
    for answers in REPRESENTATIVE:
        mine = plan_in(first, answers)
        beside = beside_plan(mine, VIEWS[second], second)
        assert beside is not None
        assert shape(beside) == shape(mine) and beside.reader is mine.reader
        if second != "en" and beside.steps:
            assert beside.pathway is PATHWAYS[second]  # the second language's words


@pytest.mark.parametrize(("first", "second"), PAIRS)
def test_no_adults_only_text_beside_a_possibly_minor_plan(first, second):
    assert len(POSSIBLY_MINOR) > 10
    banned = {reader: forbidden(VIEWS[second], reader) for reader in (Reader.MINOR, Reader.UNSURE)}
    assert banned[Reader.MINOR]
    for answers in POSSIBLY_MINOR:
        mine = plan_in(first, answers)
        beside = beside_plan(mine, VIEWS[second], second)
        assert beside is not None
        text = to_markdown(beside, VIEWS[second], str, date.isoformat, date(2026, 12, 1)).split("## Sources")[0]
        for words in banned[mine.reader]:
            assert words not in text, f"{first}->{second}: adults-only {words!r} beside {answers}"


def test_held_to_drops_whatever_the_first_column_leaves_out():
    """Control: a second plan with one step, one entry and one link more is cut back to the first."""
    adult = next(a for a in ENDINGS if reader_of(ENGLISH, a) is Reader.ADULT and plan_in("en", a).steps)
    first = plan_in("en", adult)
    second = plan_in("es", adult)
    stopncii = VIEWS["es"].get(Kind.ORGANIZATION, "stopncii")
    assert stopncii is not None
    extra_entry = Entry("extra/stopncii", Kind.ORGANIZATION, stopncii)
    extra_link = Link("navigator://organization/stopncii", "StopNCII", Kind.ORGANIZATION, "stopncii")
    grown = replace(
        second,
        steps=(
            replace(second.steps[0], entries=(*second.steps[0].entries, extra_entry), links=(*second.steps[0].links, extra_link)),
            *second.steps[1:],
            PlanStep("not-in-the-first", "removal", "Extra", "Extra"),
        ),
    )
    assert shape(grown) != shape(first)
    held = held_to(grown, first)
    assert shape(held) == shape(first)


def test_a_second_column_for_another_reader_is_refused():
    minor = next(a for a in ENDINGS if reader_of(ENGLISH, a) is Reader.MINOR)
    first = replace(plan_in("en", minor), reader=Reader.ADULT)
    with pytest.raises(ReaderMismatchError):
        beside_plan(first, VIEWS["es"], "es")


def test_no_pathway_in_the_second_language_no_second_column():
    first = plan_in("en", ENDINGS[0])
    assert beside_plan(first, Localized(locale="xx", english=CONTENT), "xx") is None


@pytest.mark.parametrize("reader", list(Reader))
def test_every_page_beside_every_page_is_read_as_the_same_reader(reader):
    hidden = 0
    for kind in FOLDERS:
        for item in VIEWS["en"].all(kind):
            for first, second in PAIRS:
                shown_first = restrict(VIEWS[first].get(kind, item.id), reader)  # type: ignore[arg-type]
                beside = beside_item(kind, item.id, VIEWS[first], VIEWS[second], reader)
                if shown_first is None:
                    hidden += 1
                    assert beside is None, (kind, item.id, first, second, reader)
                else:
                    raw = VIEWS[second].get(kind, item.id)
                    assert raw is not None
                    assert beside == restrict(raw, reader)
    # The check looked at something: adults-only items exist, and are hidden from a minor.
    assert (hidden > 0) is (reader in (Reader.MINOR, Reader.UNSURE))
