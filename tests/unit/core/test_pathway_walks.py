"""Random walks through the real pathway: every path ends in a sound, non-empty plan."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from navigator.core.loader import load_content
from navigator.core.localize import Localized, localize
from navigator.core.models import Kind, Pathway
from navigator.core.pathway import Walk, normalize, visible_questions
from navigator.core.plan import CATEGORY_ORDER, build_plan, is_minor
from navigator.paths import content_root

_content, _report = load_content(content_root())
VIEW: Localized = localize(_content, "en")[0]
PATHWAY = VIEW.get(Kind.PATHWAY, "main")
assert isinstance(PATHWAY, Pathway)


def draw_answer(data: st.DataObject, question_index: int) -> tuple[str, ...]:
    question = PATHWAY.questions[question_index]
    values = [o.value for o in question.options]
    if question.kind == "single":
        return (data.draw(st.sampled_from(values), label=question.id),)
    picked = data.draw(st.lists(st.sampled_from(values), min_size=1, max_size=len(values), unique=True), label=question.id)
    return normalize(question, picked)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_random_complete_paths_end_in_a_sound_plan(data: st.DataObject) -> None:
    walk = Walk(PATHWAY)
    question = walk.start()
    asked = []
    while question is not None:
        index = [q.id for q in PATHWAY.questions].index(question.id)
        walk.set_answer(question.id, draw_answer(data, index))
        asked.append(question.id)
        question = walk.forward()
    assert walk.finished
    # Every question asked was visible given the final answers, and nothing else counts.
    assert asked == [q.id for q in visible_questions(PATHWAY, walk.answers)]
    assert set(walk.effective()) == set(asked)

    plan = build_plan(PATHWAY, walk.answers, VIEW)
    assert plan.steps, f"empty plan for {walk.answers}"
    ranks = [CATEGORY_ORDER.index(s.category) for s in plan.steps]
    assert ranks == sorted(ranks)
    for step in plan.steps:
        assert step.title and step.body
        for link in step.links:
            assert VIEW.get(link.kind, link.item_id) is not None
        for entry in step.entries:
            assert VIEW.get(entry.kind, entry.item.id) is not None
    keys = plan.tick_keys()
    assert len(keys) == len(set(keys))
    if is_minor(PATHWAY, walk.answers):
        assert "navigator://organization/stopncii" not in plan.links()
        assert any(s.category == "minor" for s in plan.steps)
    # Deterministic: built again, the same plan.
    again = build_plan(PATHWAY, dict(walk.answers), VIEW)
    assert [(s.key, s.title, [e.key for e in s.entries], [link.href for link in s.links]) for s in again.steps] == [
        (s.key, s.title, [e.key for e in s.entries], [link.href for link in s.links]) for s in plan.steps
    ]


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_random_partial_answers_with_back_and_changes(data: st.DataObject) -> None:
    """Skipping questions, going back and changing answers never breaks the walk or empties the plan."""
    walk = Walk(PATHWAY)
    walk.start()
    for _ in range(data.draw(st.integers(min_value=1, max_value=40), label="moves")):
        question = walk.current()
        move = data.draw(st.sampled_from(["answer", "forward", "back"]), label="move")
        if move == "answer" and question is not None:
            index = [q.id for q in PATHWAY.questions].index(question.id)
            walk.set_answer(question.id, draw_answer(data, index))
        elif move == "forward":
            walk.forward()
        else:
            walk.back()
        if walk.position is not None:
            assert walk.position in [q.id for q in visible_questions(PATHWAY, walk.answers)]
        number, total = walk.progress()
        assert 0 <= number <= total
    assert build_plan(PATHWAY, walk.answers, VIEW).steps


@pytest.mark.parametrize("locale", ["en", "es"])
def test_every_locale_builds_the_same_steps(locale: str) -> None:
    """Words may change with the language; the steps and their order never do."""
    view = localize(_content, locale)[0]
    pathway = view.get(Kind.PATHWAY, "main")
    assert isinstance(pathway, Pathway)
    answers = {"age": ("adult",), "where": ("x",), "country": ("us",), "us-state": ("us-ca",)}
    english = build_plan(PATHWAY, answers, VIEW, locale="en")
    other = build_plan(pathway, answers, view, locale="en")
    assert english.step_ids() == other.step_ids()
    assert english.tick_keys() == other.tick_keys()
