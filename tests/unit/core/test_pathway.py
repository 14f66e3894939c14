"""The pathway engine: conditions as data, which questions are asked, back and forward."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from navigator.core.models import Condition, Pathway
from navigator.core.pathway import AnswerError, Walk, effective_answers, evaluate, normalize, toggle, visible_questions


def cond(data: dict[str, Any]) -> Condition:
    return Condition.model_validate(data)


def make_pathway(questions: list[dict[str, Any]], steps: list[dict[str, Any]] | None = None) -> Pathway:
    return Pathway.model_validate(
        {
            "id": "test",
            "reviewed": date(2026, 11, 26),
            "sources": [{"url": "https://example.org/"}],
            "title": "Test",
            "intro": "Test pathway.",
            "questions": questions,
            "steps": steps or [{"id": "always", "category": "support", "title": "T", "body": "B"}],
        }
    )


def opts(*values: str, exclusive: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    return [{"value": v, "label": v.title(), "exclusive": v in exclusive} for v in values]


# A small pathway: the second question only for "us", the third only when the first was not "no".
PW = make_pathway(
    [
        {"id": "country", "kind": "single", "prompt": "Where?", "options": opts("us", "gb", "prefer-not-to-say")},
        {"id": "state", "kind": "single", "prompt": "State?", "options": opts("tx", "ca"), "when": {"answer": "country", "is": "us"}},
        {"id": "where", "kind": "multi", "prompt": "Where seen?", "options": opts("x", "reddit", "dont-know", exclusive=("dont-know",))},
        {
            "id": "more",
            "kind": "single",
            "prompt": "More?",
            "options": opts("yes-please", "no-thanks"),
            "when": {"answer": "where", "none_of": ["dont-know"]},
        },
    ]
)


@pytest.mark.parametrize(
    ("condition", "answers", "expected"),
    [
        ({"answer": "q", "is": "a"}, {"q": ("a",)}, True),
        ({"answer": "q", "is": "a"}, {"q": ("b",)}, False),
        ({"answer": "q", "is": "a"}, {}, False),
        ({"answer": "q", "is": "a"}, {"q": ("b", "a")}, True),  # multi-choice: includes
        ({"answer": "q", "any_of": ["a", "c"]}, {"q": ("c",)}, True),
        ({"answer": "q", "any_of": ["a", "c"]}, {"q": ("b",)}, False),
        ({"answer": "q", "none_of": ["a"]}, {"q": ("b",)}, True),
        ({"answer": "q", "none_of": ["a"]}, {"q": ("a", "b")}, False),
        ({"answer": "q", "none_of": ["a"]}, {}, True),  # nothing picked, so not "a"
        ({"answered": "q"}, {"q": ("a",)}, True),
        ({"answered": "q"}, {"q": ()}, False),
        ({"all": [{"answered": "q"}, {"answer": "r", "is": "x"}]}, {"q": ("a",), "r": ("x",)}, True),
        ({"all": [{"answered": "q"}, {"answer": "r", "is": "x"}]}, {"q": ("a",)}, False),
        ({"any": [{"answered": "q"}, {"answer": "r", "is": "x"}]}, {"r": ("x",)}, True),
        ({"any": [{"answered": "q"}, {"answer": "r", "is": "x"}]}, {}, False),
        ({"not": {"answered": "q"}}, {}, True),
        ({"not": {"any": [{"answer": "q", "is": "a"}, {"not": {"answered": "r"}}]}}, {"q": ("b",), "r": ("z",)}, True),
    ],
)
def test_evaluate(condition: dict[str, Any], answers: dict[str, tuple[str, ...]], expected: bool) -> None:
    assert evaluate(cond(condition), answers) is expected


def test_normalize_orders_values_and_lets_exclusive_stand_alone() -> None:
    where = PW.questions[2]
    assert normalize(where, ["reddit", "x"]) == ("x", "reddit")
    assert normalize(where, ["x", "dont-know"]) == ("dont-know",)
    assert normalize(where, ["x", "x"]) == ("x",)
    assert normalize(where, []) == ()


def test_normalize_refuses_unknown_values_and_two_answers_to_one_choice() -> None:
    with pytest.raises(AnswerError, match=r"no option 'fr' \(choose from: us, gb, prefer-not-to-say\)"):
        normalize(PW.questions[0], ["fr"])
    with pytest.raises(AnswerError, match="takes one answer"):
        normalize(PW.questions[0], ["us", "gb"])


def test_toggle_exclusive_clears_the_rest_and_the_rest_clear_it() -> None:
    where = PW.questions[2]
    assert toggle(where, ("x",), "reddit", True) == ("x", "reddit")
    assert toggle(where, ("x", "reddit"), "dont-know", True) == ("dont-know",)
    assert toggle(where, ("dont-know",), "x", True) == ("x",)
    assert toggle(where, ("x", "reddit"), "x", False) == ("reddit",)
    assert toggle(PW.questions[0], ("us",), "gb", True) == ("gb",)


def test_visible_questions_follow_earlier_answers() -> None:
    ids = [q.id for q in visible_questions(PW, {})]
    assert ids == ["country", "where", "more"]
    ids = [q.id for q in visible_questions(PW, {"country": ("us",), "where": ("dont-know",)})]
    assert ids == ["country", "state", "where"]


def test_answers_to_questions_no_longer_asked_do_not_count() -> None:
    answers = {"country": ("gb",), "state": ("tx",), "where": ("x",), "more": ("yes-please",)}
    assert effective_answers(PW, answers) == {"country": ("gb",), "where": ("x",), "more": ("yes-please",)}


def test_walk_forward_back_and_progress() -> None:
    walk = Walk(PW)
    assert not walk.started()
    assert walk.start().id == "country"
    assert walk.progress() == (1, 3)
    walk.set_answer("country", ["us"])
    assert walk.progress() == (1, 4)  # the state question appeared
    assert walk.forward().id == "state"
    walk.set_answer("state", ["tx"])
    assert walk.forward().id == "where"
    walk.set_answer("where", ["x"])
    assert walk.forward().id == "more"
    walk.set_answer("more", ["no-thanks"])
    assert walk.forward() is None
    assert walk.finished
    assert walk.progress() == (4, 4)
    assert walk.back().id == "more"  # from the plan back to the last question asked
    assert walk.back().id == "where"
    assert walk.back().id == "state"
    assert walk.back().id == "country"
    assert walk.back() is None  # before the first question: the welcome
    assert walk.answers["state"] == ("tx",)  # going back loses nothing


def test_changing_an_earlier_answer_re_evaluates_what_follows() -> None:
    walk = Walk(PW)
    walk.start()
    walk.set_answer("country", ["us"])
    walk.forward()
    walk.set_answer("state", ["tx"])
    walk.forward()
    walk.set_answer("where", ["x"])
    walk.forward()
    walk.set_answer("more", ["yes-please"])
    # Back to the first question and change it: the state question is no longer asked.
    while walk.current() is not None and walk.current().id != "country":
        walk.back()
    walk.set_answer("country", ["gb"])
    assert walk.forward().id == "where"
    assert "state" not in walk.effective()
    walk.set_answer("where", ["dont-know"])
    assert walk.forward() is None  # "more" is skipped now
    assert walk.effective() == {"country": ("gb",), "where": ("dont-know",)}
    # Kept in memory, so changing back restores them.
    assert walk.answers["state"] == ("tx",)


def test_unanswered_question_cannot_be_left_forward_by_the_wizard_but_engine_allows_skip() -> None:
    walk = Walk(PW)
    walk.start()
    assert walk.forward().id == "where"  # the engine itself does not insist; the wizard does
    assert walk.effective() == {}


def test_reset_forgets_everything() -> None:
    walk = Walk(PW)
    walk.start()
    walk.set_answer("country", ["us"])
    walk.reset()
    assert walk.answers == {} and walk.position is None and not walk.finished


def test_set_answer_rejects_unknown_question() -> None:
    with pytest.raises(AnswerError, match="no question 'nope'"):
        Walk(PW).set_answer("nope", ["x"])
