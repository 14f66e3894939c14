"""navigator.core.handout: one topic on paper, standing on its own, saying nothing about anyone."""

from __future__ import annotations

import re
from datetime import date

import pytest

from navigator.core.audience import Reader
from navigator.core.handout import TOPICS, Handout, HandoutError, Paragraph, Part, build_handout, standalone, topic_title
from navigator.core.loader import load_content
from navigator.core.localize import Localized, available_locales, localize
from navigator.paths import content_root

CONTENT, _REPORT = load_content(content_root())
LOCALES = available_locales(content_root())
VIEWS: dict[str, Localized] = {locale: localize(CONTENT, locale)[0] for locale in LOCALES}


def make(topic: str, locale: str = "en", reader: Reader = Reader.UNKNOWN, place: str | None = "US") -> Handout:
    return build_handout(topic, VIEWS[locale], str, date.isoformat, reader, place)


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("topic", TOPICS)
def test_every_topic_in_every_language_stands_on_its_own(topic, locale):
    text = make(topic, locale).markdown()
    assert "navigator://" not in text and "Navigator" not in text  # nothing points back into the app
    assert "911" in text  # the place's emergency number, written out
    assert re.search(r"https://\S+", text)  # addresses written out
    assert "not legal advice" in text  # the label (str here) is English in every language


def test_the_topics_carry_their_facts():
    tida = make("take-it-down").markdown()
    assert "48" in tida and "47 U.S.C. 223a(a)(1)(B)(i)" in tida
    assert "https://uscode.house.gov/" in tida and "https://takeitdown.ftc.gov/" in tida
    hashing = make("hashing").markdown()
    assert "https://takeitdown.ncmec.org/" in hashing and "https://stopncii.org/" in hashing
    assert "Only if you are sure you were 18 or over in the image." in hashing  # StopNCII, labelled
    evidence = make("evidence").markdown()
    assert "The full web address (URL)" in evidence and "under 18" in evidence
    helplines = make("helplines", place="GB").markdown()
    assert helplines.startswith("# Help in United Kingdom") and "0345 6000 459" in helplines


@pytest.mark.parametrize("reader", [Reader.MINOR, Reader.UNSURE])
def test_nothing_for_adults_only_reaches_a_possible_minor(reader):
    for topic in TOPICS:
        text = make(topic, reader=reader, place="GB").markdown()
        assert "Revenge Porn Helpline" not in text  # an adults-only service
        assert "take the screenshots for you" not in text  # an adults-only section of the guide
        assert ("stopncii.org/" in text.split("## Sources")[0]) is (reader is Reader.UNSURE and topic == "hashing")
    control = make("hashing", reader=Reader.ADULT, place="GB").markdown()
    assert "Revenge Porn Helpline" in control


def test_nothing_about_anyone():
    """No answers, no date it was made: two handouts for the same topic are the same, whatever the day."""
    first, second = make("evidence", place=None), make("evidence", place=None)
    assert first == second
    assert date.today().isoformat() not in first.markdown()


def test_pointers_into_the_app_are_left_out_and_links_become_words():
    text = "Write it down. See [Saving evidence](navigator://article/saving-evidence). Tell [NCMEC](navigator://organization/ncmec-cybertipline) where it is."
    assert standalone(text) == "Write it down. Tell NCMEC where it is."
    assert standalone("Navigator keeps nothing. Keep a copy.") == "Keep a copy."
    assert standalone("Read [the law](https://example.org/law).") == "Read [the law](https://example.org/law)."


def test_to_fit_a_page_the_least_needed_go_first_and_what_must_stay_stays():
    handout = Handout(
        "x",
        "Title",
        (
            Part("One", (Paragraph("keep-a"), Paragraph("later-a", 2), Paragraph("first-b", 1))),
            Part("Two", (Paragraph("later-c", 2),)),
            Part("Three", (Paragraph("gone-d", 2),)),
        ),
    )
    assert handout.droppable() == 4
    assert "gone-d" in handout.markdown(0)
    one = handout.markdown(1)
    assert "gone-d" not in one and "## Three" not in one and "later-c" in one  # an emptied part loses its heading
    three = handout.markdown(3)
    assert "later-a" not in three and "first-b" in three
    everything = handout.markdown(99)
    assert "keep-a" in everything and "first-b" not in everything and everything.startswith("# Title")


@pytest.mark.parametrize(
    ("topic", "place", "words"),
    [
        ("leaflets", "US", "unknown topic"),
        ("helplines", None, "needs a place"),
        ("helplines", "ZZ", "unknown place"),
        ("evidence", "US-ZZ", "unknown place"),
    ],
)
def test_mistakes_are_plain_sentences(topic, place, words):
    with pytest.raises(HandoutError, match=words):
        make(topic, place=place)


def test_every_topic_has_a_name():
    assert [topic_title(t, str) for t in TOPICS] == [
        "Saving evidence",
        "A TAKE IT DOWN request",
        "Hashing: StopNCII and Take It Down",
        "Helplines for a place",
    ]


def test_what_to_do_for_someone_under_18_never_goes_to_fit_the_page():
    handout = make("evidence", place="GB")
    everything = handout.markdown(handout.droppable())
    assert "under 18" in everything and "CyberTipline" in everything
    assert "999" in everything  # the place's emergency number stays too
    assert "The full web address (URL)" in everything  # and the checklist
    whole = handout.markdown()
    assert "## How to save a page without seeing the image again" in whole  # sections for adults go only when the page is full
    assert "## How to save a page without seeing the image again" not in everything
