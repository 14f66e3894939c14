"""Who may be shown what (navigator/core/audience.py), proven on the rule and on every output.

The property tests walk every distinct ending of the shipped pathway, for every age answer, in
every language, render the plan in every format and every page it links to, and look for any
text written only for adults. A single StopNCII route label in a possibly-under-18 plan fails them.
"""

from __future__ import annotations

import json
from datetime import date

import pytest

from navigator.core import plan_export
from navigator.core.audience import (
    AudienceView,
    FenceError,
    Reader,
    fence_signature,
    reader_for_age,
    restrict,
    restrict_body,
    sections,
    shown,
)
from navigator.core.loader import load_content
from navigator.core.localize import Localized, available_locales, localize
from navigator.core.models import Article, Kind, Organization, Pathway, Platform
from navigator.core.pathway_check import distinct_endings
from navigator.core.plan import Plan, build_plan, reader_of
from navigator.core.render import to_markdown
from navigator.paths import content_root

# --- the rule --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("audience", "reader", "offer", "expected"),
    [
        ("everyone", Reader.MINOR, False, True),
        ("minors", Reader.ADULT, False, True),
        ("adults", Reader.ADULT, False, True),
        ("adults", Reader.UNKNOWN, False, True),
        ("adults", Reader.MINOR, False, False),
        ("adults", Reader.MINOR, True, False),  # never, even when it may be offered to the unsure
        ("adults", Reader.UNSURE, False, False),
        ("adults", Reader.UNSURE, True, True),
    ],
)
def test_the_rule(audience, reader, offer, expected):
    assert shown(audience, reader, offer) is expected


@pytest.mark.parametrize(
    ("answer", "reader"),
    [
        ((), Reader.UNSURE),  # not answered: treated as possibly a child's image
        (("adult",), Reader.ADULT),
        (("under-18",), Reader.MINOR),
        (("not-sure",), Reader.UNSURE),
        (("prefer-not-to-say",), Reader.UNSURE),
    ],
)
def test_reader_from_the_age_answer(answer, reader):
    assert reader_for_age(answer) is reader


BODY = "Intro.\n\n::: adults\nTake screenshots.\n:::\n\nMiddle.\n\n::: adults offer-if-unsure\nTry StopNCII.\n:::\n\n::: minors\nUse Take It Down.\n:::\nEnd."


def test_sections_and_signature():
    parts = sections(BODY)
    assert [(p.audience, p.offer_if_unsure) for p in parts] == [
        ("everyone", False),
        ("adults", False),
        ("everyone", False),
        ("adults", True),
        ("everyone", False),
        ("minors", False),
        ("everyone", False),
    ]
    assert fence_signature(BODY) == [("adults", False), ("adults", True), ("minors", False)]


@pytest.mark.parametrize(
    ("reader", "present", "absent"),
    [
        (Reader.ADULT, ["screenshots", "StopNCII", "Take It Down"], []),
        (Reader.UNSURE, ["StopNCII", "Take It Down"], ["screenshots"]),
        (Reader.MINOR, ["Take It Down", "Intro", "End"], ["screenshots", "StopNCII"]),
    ],
)
def test_restrict_body(reader, present, absent):
    body = restrict_body(BODY, reader)
    for word in present:
        assert word in body
    for word in absent:
        assert word not in body


@pytest.mark.parametrize(
    ("body", "line"),
    [("::: adults\nx\n", 1), ("x\n:::\n", 2), ("::: adults\n::: minors\n:::\n", 2), ("::: minors offer-if-unsure\nx\n:::", 1)],
)
def test_broken_fences_are_refused_with_their_line(body, line):
    with pytest.raises(FenceError) as caught:
        sections(body)
    assert caught.value.line == line


# --- the shipped content ---------------------------------------------------------------------------

CONTENT, _REPORT = load_content(content_root())
LOCALES = available_locales(content_root())
VIEWS: dict[str, Localized] = {locale: localize(CONTENT, locale)[0] for locale in LOCALES}
PATHWAY = VIEWS["en"].get(Kind.PATHWAY, "main")
assert isinstance(PATHWAY, Pathway)
ENDINGS = distinct_endings(PATHWAY, VIEWS["en"])
TODAY = date(2026, 11, 30)


def _label(text: str) -> str:
    return text


def _fmt(value: date) -> str:
    return value.isoformat()


def forbidden(view: Localized, reader: Reader) -> set[str]:
    """Words that only exist in content ``reader`` must not see (and in nothing they may see)."""
    banned: set[str] = set()
    allowed: set[str] = set()

    def sort(texts: list[str], ok: bool) -> None:
        (allowed if ok else banned).update(t.strip() for t in texts if t and len(t.strip()) > 12)

    for item in view.all(Kind.PLATFORM):
        assert isinstance(item, Platform)
        for route in item.routes:
            ok = shown(route.audience, reader, route.offer_if_unsure)
            sort([route.label, *route.steps, route.url or ""], ok)
        for point in [*item.prepare, *item.if_it_fails]:
            sort([point.text], shown(point.audience, reader, point.offer_if_unsure))
    for item in view.all(Kind.ORGANIZATION):
        assert isinstance(item, Organization)
        ok = shown(item.audience, reader, item.offer_if_unsure)
        sort([c.value for c in item.contacts if c.kind != "phone"] + [item.summary], ok)
    for item in view.all(Kind.PATHWAY):
        assert isinstance(item, Pathway)
        for step in item.steps:
            sort([step.body], shown(step.audience, reader, step.offer_if_unsure))
    for item in view.all(Kind.ARTICLE):
        assert isinstance(item, Article)
        for section in sections(item.body):
            sort([line for line in section.text.split("\n") if line.strip()], shown(section.audience, reader, section.offer_if_unsure))
    return banned - allowed


def _without_sources(text: str) -> str:
    """What a reader is told to do, without the list of pages the facts were read on (citations)."""
    if text.lstrip().startswith("{"):
        data = json.loads(text)
        data.pop("sources", None)
        return json.dumps(data, ensure_ascii=False)
    return text.split("Sources\n")[0]


def outputs(plan: Plan, view: Localized, locale: str) -> dict[str, str]:
    """Every way a plan leaves Navigator, and every page the plan opens (without their citations)."""
    found = {fmt: plan_export.export(plan, view, fmt, _label, _fmt, locale, TODAY) for fmt in plan_export.FORMATS}
    restricted = AudienceView(view, plan.reader)
    for href in plan.links():
        resolved = restricted.resolve(href)
        assert resolved is not None, f"{href} is in the plan but hidden from its reader"
        found[href] = to_markdown(resolved[1], _label, _fmt, lambda link: (r := restricted.resolve(link)) and r[1].id)
    return {where: _without_sources(text) for where, text in found.items()}


POSSIBLY_MINOR = [answers for answers in ENDINGS if reader_of(PATHWAY, answers).may_be_minor]


def test_the_walk_covers_every_age_answer():
    ages = {reader_of(PATHWAY, answers) for answers in ENDINGS}
    assert ages == {Reader.ADULT, Reader.MINOR, Reader.UNSURE}
    assert len(POSSIBLY_MINOR) > 100


@pytest.mark.parametrize("locale", LOCALES)
def test_no_adults_only_text_in_any_possibly_minor_plan_or_page(locale):
    view = VIEWS[locale]
    pathway = view.get(Kind.PATHWAY, "main")
    assert isinstance(pathway, Pathway)
    banned = {reader: forbidden(view, reader) for reader in (Reader.MINOR, Reader.UNSURE)}
    assert banned[Reader.MINOR], "the content has adults-only text to look for"
    checked = 0
    for answers in POSSIBLY_MINOR:
        plan = build_plan(pathway, answers, view, locale)
        for where, text in outputs(plan, view, locale).items():
            for words in banned[plan.reader]:
                assert words not in text, f"{locale} {where}: adults-only text {words!r} for {answers}"
        checked += 1
    assert checked == len(POSSIBLY_MINOR)


def test_the_search_for_banned_text_can_fail():
    """Control: an adult's plan does contain text that a minor's must not."""
    view = VIEWS["en"]
    adult = next(a for a in ENDINGS if reader_of(PATHWAY, a) is Reader.ADULT and "removal" in a.get("wants", ("removal",)))
    answers = {**adult, "where": ("meta",)}
    plan = build_plan(PATHWAY, answers, view)
    text = "\n".join(outputs(plan, view, "en").values())
    assert any(words in text for words in forbidden(view, Reader.MINOR))


def test_every_possibly_minor_plan_starts_with_the_minor_routes():
    for answers in POSSIBLY_MINOR:
        plan = build_plan(PATHWAY, answers, VIEWS["en"])
        links = plan.links()
        assert "navigator://organization/ncmec-take-it-down" in links, answers
        if plan.reader is Reader.MINOR:
            assert "navigator://organization/stopncii" not in links


def test_restrict_never_changes_the_original_and_hides_whole_adults_only_items():
    stopncii = VIEWS["en"].get(Kind.ORGANIZATION, "stopncii")
    assert stopncii is not None
    assert restrict(stopncii, Reader.MINOR) is None
    assert restrict(stopncii, Reader.UNSURE) is stopncii  # offered, with its caveat
    meta = VIEWS["en"].get(Kind.PLATFORM, "meta")
    assert isinstance(meta, Platform)
    minor_meta = restrict(meta, Reader.MINOR)
    assert isinstance(minor_meta, Platform)
    assert len(minor_meta.routes) < len(meta.routes)
    assert all(r.audience != "adults" for r in minor_meta.routes)
    assert any(r.audience == "adults" for r in meta.routes)


def test_an_adults_only_letter_is_never_offered_to_a_possible_minor() -> None:
    """The DMCA notice names the sender to the uploader: restricted, hidden from links, and from the case's choices."""
    from navigator.core.audience import hidden_links, restrict
    from navigator.core.case_rules import ContentRules
    from navigator.core.library import Library
    from navigator.core.models import Kind
    from navigator.paths import content_root

    library = Library(content_root())
    dmca = library.english.get(Kind.NOTICE, "copyright-dmca-notice")
    assert dmca is not None
    for reader in (Reader.MINOR, Reader.UNSURE):
        assert restrict(dmca, reader) is None
        library.reader_source = lambda: Reader.UNKNOWN
        assert "navigator://notice/copyright-dmca-notice" in hidden_links(library.view_for("en"), reader)
        library.reader_source = lambda reader=reader: reader
        assert library.get(Kind.NOTICE, "copyright-dmca-notice") is None
        refs = {c.ref for c in ContentRules(library.view_for("en")).route_choices()}
        assert "navigator://notice/copyright-dmca-notice" not in refs and "navigator://notice/tida-removal-request" in refs
    for reader in (Reader.ADULT, Reader.UNKNOWN):
        assert restrict(dmca, reader) is dmca
