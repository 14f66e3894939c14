"""The graph analysis behind `navigator check`: unreachable questions, dead ends, StopNCII for minors."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from navigator.core.loader import load_content
from navigator.core.localize import Localized, localize
from navigator.core.models import Pathway
from navigator.core.pathway_check import answer_classes, check_graph, check_pathways, parts
from navigator.paths import content_root


@pytest.fixture(scope="module")
def view() -> Localized:
    content, _ = load_content(content_root())
    return localize(content, "en")[0]


def pathway(questions: list[dict[str, Any]], steps: list[dict[str, Any]]) -> Pathway:
    return Pathway.model_validate(
        {
            "id": "t",
            "reviewed": date(2026, 11, 26),
            "sources": [{"url": "https://example.org/"}],
            "title": "T",
            "intro": "T",
            "questions": questions,
            "steps": steps,
        }
    )


def single(qid: str, *values: str, when: dict[str, Any] | None = None, role: str | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {"id": qid, "kind": "single", "prompt": qid, "options": [{"value": v, "label": v} for v in values]}
    if when:
        data["when"] = when
    if role:
        data["role"] = role
    return data


def step(sid: str, when: dict[str, Any] | None = None, refs: list[str] | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {"id": sid, "category": "support", "title": sid, "body": sid, "refs": refs or []}
    if when:
        data["when"] = when
    return data


def messages(pw: Pathway, view: Localized) -> list[str]:
    return [f"{p.level}: {p.message}" for p in check_graph(pw, view, "content/en/pathways/t.yaml", lambda loc: None)]


def test_the_shipped_pathways_pass(view: Localized) -> None:
    content, _ = load_content(content_root())
    problems = check_pathways(content)
    assert [str(p) for p in problems if p.level == "error"] == []


def test_a_clean_pathway_has_no_problems(view: Localized) -> None:
    pw = pathway([single("a", "x", "y")], [step("s1")])
    assert messages(pw, view) == []


def test_unreachable_question(view: Localized) -> None:
    # "b" needs a=x and a=y at once: no answer leads to it.
    pw = pathway(
        [single("a", "x", "y"), single("b", "p", "q", when={"all": [{"answer": "a", "is": "x"}, {"answer": "a", "is": "y"}]})],
        [step("s1")],
    )
    assert "error: question 'b' can never be reached" in messages(pw, view)


def test_dead_end_names_the_answers_that_lead_to_it(view: Localized) -> None:
    pw = pathway([single("a", "x", "y"), single("b", "p", "q")], [step("s1", when={"answer": "a", "is": "x"})])
    found = [m for m in messages(pw, view) if "dead end" in m]
    assert found == ["error: dead end: these answers give an empty plan: a=y, b=p"]


def test_step_that_never_appears_is_a_warning(view: Localized) -> None:
    pw = pathway(
        [single("a", "x", "y")], [step("s1"), step("never", when={"all": [{"answer": "a", "is": "x"}, {"answer": "a", "is": "y"}]})]
    )
    assert messages(pw, view) == ["warning: step 'never' never appears in any plan (check its 'when', or what it expands)"]


def test_stopncii_reaching_a_minor_is_an_error(view: Localized) -> None:
    pw = pathway(
        [single("age", "adult", "under-18", role="age")],
        [step("s1"), step("hash", refs=["navigator://organization/stopncii"])],
    )
    assert (
        "error: navigator://organization/stopncii is for adults only but reaches a plan for someone who may have been under 18 in the image: age=under-18 (rule: adults-only-for-minors)"
        in messages(pw, view)
    )


def test_age_question_needs_the_under_18_value(view: Localized) -> None:
    pw = pathway([single("age", "adult", "child", role="age")], [step("s1")])
    assert "error: the age question needs an option 'under-18' (the plan reads it)" in messages(pw, view)


def test_parts_split_conditions_by_question() -> None:
    from navigator.core.models import Condition

    cond = Condition.model_validate({"all": [{"answer": "a", "is": "x"}, {"any": [{"answered": "b"}, {"answer": "b", "is": "z"}]}]})
    pieces = parts(cond)
    assert [sorted(p.questions()) for p in pieces] == [["a"], ["b"]]


def test_answer_classes_group_options_no_condition_tells_apart() -> None:
    from navigator.core.models import Condition, Question

    question = Question.model_validate(single("a", "x", "y", "z", "w"))
    pieces = [Condition.model_validate({"answer": "a", "any_of": ["x", "y"]})]
    assert answer_classes(question, pieces) == [("x",), ("z",)]
