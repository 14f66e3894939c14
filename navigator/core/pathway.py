"""The pathway engine: which questions to ask, given the answers so far.

Answers are plain data: a mapping from question id to the tuple of option values picked (one
value for a single-choice question). Conditions are data too (see ``Condition`` in models.py)
and are evaluated here by a small interpreter; nothing is ever ``eval``-ed.

A question is asked only when its ``when`` holds for the answers to the questions asked before
it. An answer to a question that is no longer asked (because an earlier answer changed) is kept,
so going back and forth loses nothing, but it no longer counts: ``effective_answers`` drops it,
and the plan is built from the effective answers only.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from navigator.core.models import Condition, Pathway, Question

Answers = Mapping[str, tuple[str, ...]]


class AnswerError(ValueError):
    """An answer that does not fit its question (unknown value, two values for one choice)."""


def evaluate(cond: Condition, answers: Answers) -> bool:
    """Whether ``cond`` holds for ``answers``.

    ``is`` and ``any_of`` are false for an unanswered question; ``none_of`` is true for it
    (nothing was picked, so none of those values was picked).
    """
    if cond.answer is not None:
        picked = set(answers.get(cond.answer, ()))
        if cond.is_ is not None:
            return cond.is_ in picked
        if cond.any_of is not None:
            return bool(picked.intersection(cond.any_of))
        return not picked.intersection(cond.none_of or ())
    if cond.answered is not None:
        return bool(answers.get(cond.answered))
    if cond.all_ is not None:
        return all(evaluate(sub, answers) for sub in cond.all_)
    if cond.any_ is not None:
        return any(evaluate(sub, answers) for sub in cond.any_)
    if cond.not_ is not None:
        return not evaluate(cond.not_, answers)
    raise AssertionError("a validated Condition always has one form")  # pragma: no cover


def holds(cond: Condition | None, answers: Answers) -> bool:
    return cond is None or evaluate(cond, answers)


def normalize(question: Question, values: Iterable[str]) -> tuple[str, ...]:
    """The answer as stored: known values only, in the question's option order.

    In a multi-choice question an ``exclusive`` option ("I don't know") stands alone: when it is
    picked with others, the last exclusive value given wins and the rest are dropped.
    """
    given = list(dict.fromkeys(values))
    known = {o.value: o for o in question.options}
    unknown = [v for v in given if v not in known]
    if unknown:
        choices = ", ".join(o.value for o in question.options)
        raise AnswerError(f"question '{question.id}' has no option {', '.join(repr(v) for v in unknown)} (choose from: {choices})")
    if question.kind == "single" and len(given) > 1:
        raise AnswerError(f"question '{question.id}' takes one answer, not {len(given)}")
    exclusive = [v for v in given if known[v].exclusive]
    if exclusive and len(given) > 1:
        given = [exclusive[-1]]
    order = {o.value: i for i, o in enumerate(question.options)}
    return tuple(sorted(given, key=order.__getitem__))


def toggle(question: Question, current: tuple[str, ...], value: str, on: bool) -> tuple[str, ...]:
    """A multi-choice answer after one box is ticked or unticked; exclusive options clear the rest."""
    known = {o.value: o for o in question.options}
    if value not in known:
        raise AnswerError(f"question '{question.id}' has no option {value!r}")
    if question.kind == "single":
        return (value,) if on else ()
    if not on:
        return tuple(v for v in current if v != value)
    if known[value].exclusive:
        return (value,)
    kept = [v for v in current if not known[v].exclusive]
    return normalize(question, [*kept, value])


def visible_questions(pathway: Pathway, answers: Answers) -> list[Question]:
    """The questions asked, in order, given the answers: each one's condition reads only what came before."""
    asked: list[Question] = []
    seen: dict[str, tuple[str, ...]] = {}
    for question in pathway.questions:
        if holds(question.when, seen):
            asked.append(question)
            if answers.get(question.id):
                seen[question.id] = tuple(answers[question.id])
    return asked


def effective_answers(pathway: Pathway, answers: Answers) -> dict[str, tuple[str, ...]]:
    """Only the answers to questions that are asked, as the plan should read them."""
    return {q.id: tuple(answers[q.id]) for q in visible_questions(pathway, answers) if answers.get(q.id)}


class Walk:
    """One person's way through a pathway: the current question, back and forward.

    Kept in memory only. ``position`` is the id of the question on screen, or ``None`` before the
    first question (the welcome) and after the last (the plan is ready: ``finished``).
    """

    def __init__(self, pathway: Pathway) -> None:
        self.pathway = pathway
        self.answers: dict[str, tuple[str, ...]] = {}
        self.position: str | None = None
        self.finished = False

    # --- reading -------------------------------------------------------------------------

    def questions(self) -> list[Question]:
        return visible_questions(self.pathway, self.answers)

    def current(self) -> Question | None:
        if self.position is None:
            return None
        for question in self.pathway.questions:
            if question.id == self.position:
                return question
        return None

    def started(self) -> bool:
        return self.position is not None or self.finished

    def answer_of(self, question_id: str) -> tuple[str, ...]:
        return self.answers.get(question_id, ())

    def effective(self) -> dict[str, tuple[str, ...]]:
        return effective_answers(self.pathway, self.answers)

    def progress(self) -> tuple[int, int]:
        """(number of the current question from 1, questions asked given the answers so far)."""
        asked = [q.id for q in self.questions()]
        if self.finished:
            return len(asked), len(asked)
        if self.position in asked:
            return asked.index(self.position) + 1, len(asked)
        return 0, len(asked)

    # --- changing ------------------------------------------------------------------------

    def set_answer(self, question_id: str, values: Iterable[str]) -> None:
        question = self._question(question_id)
        normalized = normalize(question, values)
        if normalized:
            self.answers[question_id] = normalized
        else:
            self.answers.pop(question_id, None)

    def start(self) -> Question | None:
        """Go to the first question (or straight to the end if nothing is asked)."""
        self.finished = False
        asked = self.questions()
        self.position = asked[0].id if asked else None
        self.finished = not asked
        return self.current()

    def forward(self) -> Question | None:
        """The next question asked after the current one, re-read from the answers as they are now."""
        if self.position is None:
            return None if self.finished else self.start()
        ids = [q.id for q in self.pathway.questions]
        here = ids.index(self.position)
        for question in self.questions():
            if ids.index(question.id) > here:
                self.position = question.id
                return question
        self.position = None
        self.finished = True
        return None

    def back(self) -> Question | None:
        """The question asked before the current one; from the plan, the last question asked."""
        asked = self.questions()
        if self.finished:
            self.finished = False
            self.position = asked[-1].id if asked else None
            return self.current()
        if self.position is None:
            return None
        ids = [q.id for q in self.pathway.questions]
        here = ids.index(self.position)
        earlier = [q for q in asked if ids.index(q.id) < here]
        self.position = earlier[-1].id if earlier else None
        return self.current()

    def reset(self) -> None:
        self.answers.clear()
        self.position = None
        self.finished = False

    def _question(self, question_id: str) -> Question:
        for question in self.pathway.questions:
            if question.id == question_id:
                return question
        raise AnswerError(f"this pathway has no question '{question_id}'")
