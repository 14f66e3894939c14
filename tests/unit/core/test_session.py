"""navigator.core.session: one person's state, one way to forget it, and a walk that follows the language."""

from __future__ import annotations

import pytest

from navigator.core.directory import Context
from navigator.core.library import Library
from navigator.core.models import Kind
from navigator.core.session import LetterDraft, Session
from navigator.paths import content_root


@pytest.fixture(scope="module")
def library() -> Library:
    return Library(content_root())


def busy(session: Session) -> None:
    assert session.walk is not None
    session.walk.start()
    session.walk.set_answer("safe-now", ["safe"])
    session.ticks.add("evidence")
    session.directory = Context("GB", None, "en")
    session.letter.template_id = "tida-removal-request"
    session.letter.locale = "es"
    session.letter.values["name"] = "Sam"
    session.search_text = "helpline"
    session.second_locale = "ar"
    session.handout_place = "US-TX"


def test_clear_forgets_everything_the_session_holds(library: Library) -> None:
    session = Session(library)
    busy(session)
    letter = session.letter
    session.clear()
    assert session.walk is not None
    assert session.walk.answers == {} and session.walk.position is None and not session.walk.finished
    assert session.ticks == set()
    assert session.directory == Context()
    assert (letter.template_id, letter.locale, letter.values) == ("", "", {})
    assert session.letter is letter  # the same draft, emptied: nothing keeps an old copy
    assert session.search_text == ""
    assert (session.second_locale, session.handout_place) == ("", "")  # the client's language and place go too


def test_requests_prepared_for_several_sites_are_forgotten_too(library: Library) -> None:
    session = Session(library)
    first = LetterDraft("tida-removal-request", "en", {"platform": "X"}, site="x", site_name="X")
    second = LetterDraft("platform-policy-report", "es", {"platform": "WhatsApp"}, on_behalf=True, site="whatsapp")
    session.set_requests([first, second])
    assert session.open_request(1) is second and session.letter is second
    # Opening a template on its own never writes over a prepared request.
    own = session.open_letter("platform-policy-report")
    assert own is session.own_letter and own.values == {} and second.values == {"platform": "WhatsApp"}
    own.values["platform"] = "Reddit"
    assert session.open_letter("platform-policy-report").values == {"platform": "Reddit"}  # the same template keeps its answers
    assert session.open_letter("tida-removal-request").values == {}  # another template starts empty
    session.open_request(0)
    session.clear()
    assert session.requests == [] and session.letter is session.own_letter
    assert (first.values, second.values, second.on_behalf, second.site) == ({}, {}, False, "")


def test_forget_answers_keeps_the_rest(library: Library) -> None:
    session = Session(library)
    busy(session)
    session.forget_answers()
    assert session.walk is not None and session.walk.answers == {} and session.ticks == set()
    assert session.search_text == "helpline" and session.letter.values == {"name": "Sam"}
    assert session.directory.country == "GB"


def test_the_walk_follows_the_content_language_and_keeps_its_answers(library: Library) -> None:
    session = Session(library)
    assert session.walk is not None
    session.walk.start()
    session.walk.set_answer("safe-now", ["not-safe"])
    walk = session.walk
    english = walk.pathway.title
    try:
        session.set_locale("es")
        assert library.locale == "es"
        assert session.walk is walk  # the same walk: every screen holding it sees the new words
        assert walk.pathway is library.get(Kind.PATHWAY, "main")
        assert walk.pathway.title != english
        assert walk.answer_of("safe-now") == ("not-safe",)
    finally:
        session.set_locale("en")
    assert walk.pathway.title == english


def test_no_pathway_no_walk(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "en").mkdir()
    session = Session(Library(tmp_path))
    assert session.pathway is None and session.walk is None
    session.clear()  # nothing to forget, and nothing breaks
    assert session.walk is None


def test_clear_locks_the_case_file_and_forgets_which_it_was(library: Library, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from tests.case_helpers import cheap_kdf, filled

    cheap_kdf(monkeypatch)
    session = Session(library)
    opened = filled(tmp_path / "case.navcase")
    key = opened._key
    session.case_file, session.case_path, session.case_age = opened, opened.path, "not-sure"
    assert session.age_answer() == "not-sure"
    session.lock_case()  # Lock: the key goes, the file's place stays (to open it again)
    assert opened.locked and key is not None and key.wiped
    assert session.case_file is None and session.case_path == tmp_path / "case.navcase"
    session.clear()  # Start over, Quick exit: nothing of it stays
    assert (session.case_file, session.case_path, session.case_age) == (None, None, None)
    assert (tmp_path / "case.navcase").is_file()  # the file itself is the person's, and stays


def test_the_age_answer_comes_from_the_questions_first(library: Library) -> None:
    session = Session(library)
    assert session.age_answer() is None
    assert session.walk is not None
    session.walk.start()
    session.walk.set_answer("age", ["prefer-not-to-say"])
    session.case_age = "adult"
    assert session.age_answer() == "prefer-not-to-say"
