"""The trust rules of content (navigator/core/rules.py): each one named, each one able to fail.

Each test breaks one rule in a small tree and expects one error that names the file, the line and
the rule. The fixed facts table at the end keeps facts the content audit corrected from coming back.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from navigator.core import rules
from navigator.core.loader import load_content
from navigator.core.models import Kind, Law, Organization
from navigator.core.render import to_markdown
from navigator.paths import content_root
from tests.conftest import FIXTURES

PLACE = """id: gb
reviewed: 2026-11-30
code: GB
name: United Kingdom
subdivisions:
  - {code: GB-ENG, name: England}
  - {code: GB-WLS, name: Wales, shares_law_with: [GB-ENG]}
emergency: {number: "999", source: "https://www.gov.uk/contact-police"}
sources:
  - url: https://www.gov.uk/contact-police
"""


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    shutil.copytree(FIXTURES / "good", root)
    (root / "en/places/gb.yaml").write_text(PLACE)
    return root


def problems(root: Path) -> list[str]:
    content, report = load_content(root)
    return [str(p) for p in report.errors] + [str(p) for p in rules.check(content)]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new))


def test_the_fixture_tree_keeps_every_rule(tree: Path) -> None:
    assert problems(tree) == []


def test_region_known(tree: Path) -> None:
    edit(tree / "en/organizations/helpline.yaml", "regions: [GB]", "regions: [GB, XX-YY]")
    assert problems(tree) == [
        "content/en/organizations/helpline.yaml:11: regions[1]: 'XX-YY' is not a known place or subdivision (see content/en/places/) (rule: region-known)"
    ]


def test_unverified_field_may_not_hold_a_value(tree: Path) -> None:
    path = tree / "en/organizations/helpline.yaml"
    path.write_text(path.read_text() + "unverified:\n  - field: cost\n    note: Not stated on its page.\n")
    found = problems(tree)
    assert len(found) == 1 and "unverified: 'cost' is marked as not confirmed but holds a value ('free')" in found[0]
    edit(path, "cost: free\n", "")
    assert problems(tree) == []  # left out: fine


def test_unverified_may_name_a_fact_the_schema_has_no_field_for(tree: Path) -> None:
    path = tree / "en/laws/example-law.yaml"
    path.write_text(path.read_text() + "unverified:\n  - field: penalty\n    note: Only in a news report.\n")
    assert problems(tree) == []


def test_adults_only_link_outside_an_adults_section(tree: Path) -> None:
    edit(tree / "en/organizations/helpline.yaml", "summary: A made-up helpline", "summary: A made-up helpline")  # serves adults
    article = tree / "en/articles/first-steps.md"
    article.write_text(article.read_text() + "\nCall the [helpline](navigator://organization/helpline).\n")
    found = problems(tree)
    assert len(found) == 1 and "is for adults only: put the sentence inside a '::: adults' section (rule: adults-only-fenced)" in found[0]
    assert found[0].startswith("content/en/articles/first-steps.md:")
    article.write_text(article.read_text().replace("\nCall the [helpline]", "\n::: adults\nCall the [helpline]") + ":::\n")
    assert problems(tree) == []


def test_broken_fence(tree: Path) -> None:
    article = tree / "en/articles/first-steps.md"
    article.write_text(article.read_text() + "\n::: adults\nNever closed.\n")
    found = problems(tree)
    assert len(found) == 1 and "is never closed" in found[0] and "(rule: audience-fences)" in found[0]


def test_minors_text_may_not_point_at_adults_only_help(tree: Path) -> None:
    article = tree / "en/articles/first-steps.md"
    article.write_text(article.read_text() + "\n::: minors\nTry the [helpline](navigator://organization/helpline).\n:::\n")
    found = problems(tree)
    assert any("(rule: adults-only-for-minors)" in line for line in found), found


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("Call RAINN \u202eenilpleH\u202c now.", "invisible control character (U+202E)"),
        ("Zero\u200bwidth", "invisible control character (U+200B)"),
        ("Call RAINN &#x202E;enilpleH&#x202C; now.", "invisible control character (U+202E)"),  # the same, as a reference
        ("Zero&ZeroWidthSpace;width", "invisible control character (U+200B)"),
        ("<b>bold</b>", "holds HTML"),
        ("![x](/home/me/secret.png)", "holds an image"),
        ("[call](tel:+1\u202e3764656008)", "invisible control character"),
    ],
)
def test_plain_text(tree: Path, text: str, what: str) -> None:
    edit(tree / "en/organizations/helpline.yaml", "summary: A made-up helpline used by the tests.", f"summary: {json.dumps(text)}")
    found = problems(tree)
    assert any(what in line and "(rule: plain-text)" in line for line in found), found


# The hostile values of security review F5, each where content can hold an address of some kind.
# "\u202e" is RIGHT-TO-LEFT OVERRIDE, "\u202c" POP DIRECTIONAL FORMATTING, "\u200b" ZERO WIDTH SPACE.
SUMMARY = "summary: A made-up helpline used by the tests."
PHONE = "    value: 0300 000 0000"
SOURCE = "  - url: https://example.org/contact"


@pytest.mark.parametrize(
    ("old", "new", "what"),
    [
        # A phone number that shows RAINN's number but dials another, and one with zero-width spaces.
        (PHONE, '    value: "+1\u202e3764656008\u202c"', "character (U+202E)"),
        (PHONE, '    value: "+1800\u200b656\u200b4673"', "character (U+200B)"),
        (PHONE, '    value: "0300\u00a0000\u00a00000"', "character (U+00A0)"),
        # An email address with a hidden character, and a web contact with a bidi override.
        ("  - kind: phone\n" + PHONE, '  - kind: email\n    value: "help\u200b@example.org"', "character (U+200B)"),
        ("  - kind: phone\n" + PHONE, '  - kind: website\n    value: "https://example.org/\u202etxt.exe"', "character (U+202E)"),
        # The same override percent-encoded, which a browser decodes back.
        (SOURCE, "  - url: https://example.org/%E2%80%AEtxt.exe", "character (U+202E)"),
        (SOURCE, "  - url: https://example.org/a%E2%80%8Bb", "character (U+200B)"),
        # A look-alike host: "rаinn.org" with a Cyrillic "а", as written and in punycode.
        (SOURCE, '  - url: "https://www.r\u0430inn.org/"', "letter outside plain ASCII"),
        (SOURCE, "  - url: https://www.xn--rinn-53d.org/", "'r\u0430inn' mixes alphabets (cyrillic, latin)"),
        (SOURCE, "  - url: https://xn--pypal-4ve.com/", "mixes alphabets"),  # "pаypal.com"
        (SOURCE, "  - url: https://www.xn--80ak6aa92e.com/", "letters that look like Latin ones"),  # "аррӏе.com"
        (SOURCE, "  - url: https://xn--zz.example.org/", "not valid punycode"),
        # Links in text keep the same rule.
        (SUMMARY, 'summary: "[call](tel:+1800%E2%80%AE6564673)"', "character (U+202E)"),
        (SUMMARY, 'summary: "[site](https://www.xn--rinn-53d.org/)"', "mixes alphabets"),
        (SUMMARY, 'summary: "[mail](mailto:help@example.org?subject=%E2%80%AEtxt)"', "character (U+202E)"),
        (SUMMARY, 'summary: "[click](http://example.org)"', "must start with https://"),
        (SUMMARY, 'summary: "[mail](mailto:a@b.org?bcc=x@y.z)"', "at most a subject"),
    ],
)
def test_plain_link(tree: Path, old: str, new: str, what: str) -> None:
    edit(tree / "en/organizations/helpline.yaml", old, new)
    found = problems(tree)
    assert any(
        line.startswith("content/en/organizations/helpline.yaml:") and what in line and line.endswith("(rule: plain-link)")
        for line in found
    ), found


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/a%20b",  # a percent-encoded space is seen for what it is
        "https://xn--80aswg.xn--p1ai/",  # one alphabet throughout ("сайт.рф")
        "https://xn--wgv71a119e.jp/",  # Japanese: Han and kana together
    ],
)
def test_plain_link_leaves_honest_addresses_alone(tree: Path, url: str) -> None:
    edit(tree / "en/organizations/helpline.yaml", SOURCE, f"  - url: {url}")
    edit(tree / "en/organizations/helpline.yaml", "    source: https://example.org/contact", f"    source: {url}")
    assert problems(tree) == []


def test_url_fields_refuse_what_could_break_out_of_a_link(tree: Path) -> None:
    edit(tree / "en/organizations/helpline.yaml", "  - url: https://example.org/contact", "  - url: https://example.org/a)![x](/p)")
    found = problems(tree)
    assert any("percent-encode it" in line for line in found), found


def test_denied_source_host(tree: Path) -> None:
    (tree / "denied-sources.yaml").write_text("hosts:\n  - {host: example.org, reason: a test}\n")
    found = problems(tree)
    assert any("example.org may not be cited (a test)" in line and "(rule: source-allowed)" in line for line in found), found


def test_a_service_needs_a_way_to_reach_someone(tree: Path) -> None:
    edit(
        tree / "en/organizations/helpline.yaml",
        "  - kind: phone\n    value: 0300 000 0000",
        "  - kind: website\n    value: https://example.org/contact",
    )
    found = problems(tree)
    assert any("(rule: reachable-service)" in line for line in found), found
    edit(tree / "en/organizations/helpline.yaml", "contacts:", "guide_only: true\ncontacts:")
    assert problems(tree) == []


def test_a_copyright_route_is_for_adults_only() -> None:
    from pydantic import ValidationError

    from navigator.core.models import Route

    with pytest.raises(ValidationError, match="copyright route must have audience: adults"):
        Route.model_validate({"id": "c", "kind": "copyright", "label": "DMCA", "steps": ["x"], "source": "https://example.org/"})


# --- facts the content audit corrected (a later edit that reverts one fails here) ----------------

SHIPPED, _ = load_content(content_root())


def law(item_id: str) -> Law:
    item = SHIPPED.get(Kind.LAW, item_id)
    assert isinstance(item, Law), item_id
    return item


def text_of(item_id: str) -> str:
    return to_markdown(law(item_id), lambda s: s, lambda d: d.isoformat())


@pytest.mark.parametrize(
    ("item_id", "must", "must_not"),
    [
        # F30: the directive has been in force since 2024-06-13; states transpose by 2027-06-14.
        ("eu-directive-2024-1385", ["2027-06-14"], ["Passed into law, not yet in force"]),
        # F32: online, 3 years and EUR 75,000.
        ("fr-code-penal-226-8-1", ["75"], []),
        # F36/F37: in force 2024-10-16; the 3-year minimum is for profit.
        ("kr-sexual-violence-punishment-act-deepfakes", ["2024-10-16", "to make money"], []),
        # F22: no threats claim for Texas 21.165.
        ("us-tx-penal-code-21-165", [], ["Threatening to make or share such a fake is also covered"]),
        # F26: requesting is s.66F.
        ("gb-eng-sexual-offences-act-66e", ["66F"], []),
        # F60/H4: the help-seeking exception is narrow and not for images of minors.
        ("us-take-it-down-act", ["223(h)(2)(C)"], ["it is not a crime to share an image in good faith with the police"]),
        # DEFIANCE: passed the Senate, not law.
        ("us-defiance-act", ["2026-01-13"], ["In force"]),
    ],
)
def test_corrected_facts_stay_corrected(item_id: str, must: list[str], must_not: list[str]) -> None:
    text = text_of(item_id)
    for words in must:
        assert words in text, f"{item_id}: expected {words!r}"
    for words in must_not:
        assert words not in text, f"{item_id}: {words!r} came back"


def test_status_of_corrected_laws() -> None:
    assert law("eu-directive-2024-1385").status == "in_force"
    assert law("us-defiance-act").status == "passed_one_chamber"
    assert law("kr-sexual-violence-punishment-act-deepfakes").status_date is not None
    assert str(law("kr-sexual-violence-punishment-act-deepfakes").status_date) == "2024-10-16"


def test_no_unverified_detail_is_displayed() -> None:
    """Every organization and platform page, rendered: a detail marked unverified never shows."""
    labels = {"cost": "**Cost:**", "hours": "**Hours:**", "response_time": "**How fast they say they act:**"}
    checked = 0
    for kind in (Kind.ORGANIZATION, Kind.PLATFORM, Kind.LAW):
        for item in SHIPPED.items(kind):
            page = to_markdown(item, lambda s: s, lambda d: d.isoformat())
            for mark in item.unverified:
                if mark.field in labels:
                    assert labels[mark.field] not in page, f"{kind.value}/{item.id} shows its unverified {mark.field}"
                    checked += 1
            if isinstance(item, Organization) and item.cost is None:
                assert "**Cost:**" not in page
    assert checked > 10


def test_notice_elements() -> None:
    """A body (a translation's, since the English model refuses it) that leaves out an element's field."""
    from navigator.core.models import NoticeTemplate

    source = "https://example.org/law"
    template = NoticeTemplate.model_validate(
        {
            "id": "ask",
            "reviewed": "2026-11-30",
            "sources": [{"url": source}],
            "title": "Ask",
            "kind": "tida",
            "summary": "A letter.",
            "exposure": {
                "receives": "The site.",
                "uploader": "no",
                "published": "no",
                "id_asked": "no",
                "someone_else": "no",
                "sources": [source],
            },
            "fields": [{"id": "urls", "label": "Addresses", "kind": "urls"}, {"id": "sign", "label": "Signature"}],
            "elements": [{"id": "signature", "label": "A signature", "cite": "s.1(i)", "fields": ["sign"], "source": source}],
            "body": "{urls}\n{sign}",
        }
    )
    assert rules.element_problems(template, template.body, "content/en/notices/ask.yaml", 9) == []
    found = [str(p) for p in rules.element_problems(template, "{urls}\nSigned.", "content/es/notices/ask.yaml", 4)]
    assert found == [
        "content/es/notices/ask.yaml:4: body: leaves out {sign}, which gives the required element 'signature' (s.1(i)); "
        "every language must contain every required element (rule: notice-elements)"
    ]


_PIECES = [
    "a",
    " ",
    "<b>",
    "<",
    ">",
    "&",
    "&#x202E;",
    "&amp;",
    "\u202e",
    "\u200b",
    "!",
    "[",
    "]",
    "(",
    ")",
    "![x](y)",
    "[a](b)",
    "https://x.org",
    "navigator://article/x",
    "<https://x.org>",
    "javascript:x",
    "\ufeff",
    "\u200f",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_PIECES), max_size=8).map("".join), min_size=1, max_size=4))
def test_the_plain_text_rule_skips_only_text_with_nothing_to_find(texts: list[str]) -> None:
    # The quick look (rules.MAYBE) may only skip text in which no check of the rule can find anything.
    import re

    data = {"body": texts[0], "list": texts[1:]}
    quick = rules.text_problems(data, "f.yaml", lambda loc: 1)
    saved = rules.MAYBE
    rules.MAYBE = re.compile("")
    try:
        full = rules.text_problems(data, "f.yaml", lambda loc: 1)
    finally:
        rules.MAYBE = saved
    assert quick == full
