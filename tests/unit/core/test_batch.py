"""Several requests at once: one per site, the letter that fits each, in a language the route reads."""

from __future__ import annotations

import pytest

from navigator.core.audience import Reader
from navigator.core.batch import Site, choose, letter_locale, prepare, sites_from_addresses, sites_from_plan
from navigator.core.library import Library
from navigator.core.models import Kind, NoticeTemplate, Pathway, Platform
from navigator.core.plan import build_plan
from navigator.paths import content_root


@pytest.fixture(scope="module")
def library() -> Library:
    return Library(content_root())


def platform(library: Library, platform_id: str) -> Platform:
    item = library.english.get(Kind.PLATFORM, platform_id)
    assert isinstance(item, Platform)
    return item


def four_sites(library: Library) -> list[Site]:
    return [
        Site("x", "X", ("https://x.com/a/status/1",)),
        Site("google-search", "Google Search", ("https://example.com/page",)),
        Site("whatsapp", "WhatsApp"),
        Site("cloudflare-and-web-hosts", "Cloudflare, web hosts and domain registrars", ("https://badsite.example/p/2",)),
    ]


def test_four_sites_in_the_united_states(library: Library) -> None:
    view = library.view_for("en")
    prepared = prepare(four_sites(library), ("US-TX", "US"), view, "en", library.locales())
    assert [p.template.id if p.template else None for p in prepared] == [
        "tida-removal-request",
        "search-removal-request",
        "platform-policy-report",
        "host-abuse-report",
    ]
    tida = prepared[0]
    assert tida.values == {"platform": "X", "content-urls": "https://x.com/a/status/1"}
    assert prepared[1].values["page-urls"] == "https://example.com/page"
    assert "content-urls" not in prepared[2].values  # no address recorded for it


def test_the_law_of_the_place_comes_first_and_a_site_that_names_a_law_brings_it(library: Library) -> None:
    view = library.view_for("en")
    x = platform(library, "x")
    assert choose(x, ("FR",), view).id == "eu-dsa-notice"  # the EU's law, for a person in France
    # In the UK the 48-hour duty has not started: X's own TAKE IT DOWN route is offered, not the UK report.
    uk = choose(x, ("GB",), view)
    assert uk is not None and uk.id == "tida-removal-request"
    assert choose(platform(library, "whatsapp"), ("GB",), view).id == "platform-policy-report"


def test_a_template_whose_law_is_not_in_force_is_never_prepared(library: Library) -> None:
    view = library.view_for("en")
    for platform_id in ("x", "reddit", "discord", "tiktok", "site-not-listed"):
        chosen = choose(platform(library, platform_id), ("GB",), view)
        assert chosen is not None and chosen.id != "gb-intimate-image-report"


def test_nothing_for_adults_only_reaches_a_possible_minor(library: Library) -> None:
    from navigator.core.audience import AudienceView

    for reader in (Reader.MINOR, Reader.UNSURE):
        view = AudienceView(library.view_for("en"), reader)
        for item in library.english.items(Kind.PLATFORM):
            assert isinstance(item, Platform)
            for regions in (("US",), ("GB",), ("FR",), ("AU",)):
                chosen = choose(item, regions, view)
                assert chosen is None or chosen.audience != "adults", (reader, item.id, regions)


def test_each_request_in_the_language_its_route_reads(library: Library) -> None:
    view = library.view_for("es")
    tida = view.get(Kind.NOTICE, "tida-removal-request")
    quebec = view.get(Kind.NOTICE, "ca-qc-court-order-guide")
    policy = view.get(Kind.NOTICE, "platform-policy-report")
    assert isinstance(tida, NoticeTemplate) and isinstance(quebec, NoticeTemplate) and isinstance(policy, NoticeTemplate)
    assert letter_locale(tida, "es", library.locales()) == "en"  # a US route reads English
    assert letter_locale(quebec, "en", library.locales()) == "fr"
    assert letter_locale(policy, "es", library.locales()) == "es"  # not known: the person's choice
    prepared = prepare(four_sites(library), ("US",), view, "es", library.locales())
    assert [p.locale for p in prepared] == ["en", "es", "es", "es"]


def test_a_site_no_letter_fits_is_still_listed(library: Library) -> None:
    prepared = prepare([Site("", "a-forum.example", ("https://a-forum.example/t/1",))], ("US",), library.view_for("en"), "en", ["en"])
    assert prepared[0].template is None and prepared[0].site.name == "a-forum.example"
    # Written to as "another website" when the guided questions name a platform for it.
    site = prepared[0].site
    prepared = prepare([site], ("US",), library.view_for("en"), "en", ["en"], fallback="site-not-listed")
    assert prepared[0].template is not None and prepared[0].values["platform"] == "a-forum.example"


def test_sites_from_a_case_files_addresses_are_grouped(library: Library) -> None:
    sites = sites_from_addresses(
        [
            ("https://x.com/a/status/1", "x", ""),
            ("https://x.com/a/status/2", "x", ""),
            ("https://x.com/a/status/1", "x", ""),
            ("https://forum.example/t/9", "other", "forum.example"),
            ("https://other.example/p", "other", ""),
        ],
        library.view_for("en"),
    )
    assert [(s.platform_id, s.name) for s in sites] == [("x", platform(library, "x").name), ("", "forum.example"), ("", "other.example")]
    assert sites[0].urls == ("https://x.com/a/status/1", "https://x.com/a/status/2")  # each address once


def test_sites_from_the_plan_are_the_platforms_picked(library: Library) -> None:
    pathway = library.english.get(Kind.PATHWAY, "main")
    assert isinstance(pathway, Pathway)
    answers = {"safe-now": ("safe",), "age": ("adult",), "where": ("x", "reddit", "google-search", "discord"), "country": ("us",)}
    plan = build_plan(pathway, answers, library.view_for("en"))
    sites = sites_from_plan(plan, library.view_for("en"))
    assert [s.platform_id for s in sites] == ["google-search", "x", "reddit", "discord"]  # the questions' order
    assert [p.template.id for p in prepare(sites, plan.regions, library.view_for("en"), "en", ["en"]) if p.template] == [
        "search-removal-request",
        "tida-removal-request",
        "tida-removal-request",
        "tida-removal-request",
    ]
