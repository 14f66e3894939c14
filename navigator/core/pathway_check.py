"""Graph analysis of a pathway, for ``navigator check``.

It proves, for every way a person can answer, that:

- every question can be reached (some answers lead to it);
- there are no dead ends: every complete path reaches a plan with at least one step;
- every step can appear in some plan (a step that never can is a warning);
- images of someone under 18 never lead to StopNCII, even before the plan builder's guard;
- the option values the plan builder reads (``under-18`` on the age question) exist.

Walking every combination of answers would take too long (the "where" question alone has
thousands), so answers are grouped: two options that no condition tells apart behave the same,
and one stands for all. Paths that agree on everything later conditions read are walked once.
Links inside steps are checked by the loader like every other link.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import combinations

from navigator.core.loader import SOURCE_LOCALE, Content
from navigator.core.models import Condition, Kind, Pathway, Question
from navigator.core.pathway import evaluate, holds
from navigator.core.plan import ADULTS_ONLY_LINKS, AGE_NOT_SURE, UNDER_18, ContentView, build_plan, is_minor
from navigator.core.report import Problem

Path = tuple[tuple[str, tuple[str, ...]], ...]
LineOf = Callable[[tuple[str | int, ...]], int | None]


def parts(cond: Condition | None) -> list[Condition]:
    """The largest pieces of ``cond`` that each read a single question.

    Every condition is a yes/no mix of these pieces, so two answers to a question that give the
    same result for all of its pieces lead to the same questions and the same steps.
    """
    if cond is None:
        return []
    if len(cond.questions()) <= 1:
        return [cond]
    subs = (cond.all_ or []) + (cond.any_ or []) + ([cond.not_] if cond.not_ else [])
    return [piece for sub in subs for piece in parts(sub)]


def _unique(conds: list[Condition]) -> list[Condition]:
    seen: dict[str, Condition] = {}
    for cond in conds:
        seen.setdefault(cond.model_dump_json(by_alias=True, exclude_none=True), cond)
    return list(seen.values())


def answer_classes(question: Question, pieces: list[Condition]) -> list[tuple[str, ...]]:
    """One answer for each way of answering ``question`` that conditions can tell apart."""
    named: set[str] = set()
    for piece in pieces:
        named |= {value for _qid, value in piece.values()}
    picked = [o for o in question.options if o.value in named]
    others = [o for o in question.options if o.value not in named]
    candidates: list[tuple[str, ...]]
    if question.kind == "single":
        candidates = [(o.value,) for o in picked + others]
    else:
        # every mix of the options conditions name, plus one option they do not name
        spare = [o for o in others if not o.exclusive] or others[:1]
        pool = picked + spare[:1]
        candidates = [
            tuple(o.value for o in combo)
            for size in range(1, len(pool) + 1)
            for combo in combinations(pool, size)
            if size == 1 or not any(o.exclusive for o in combo)
        ]
    classes: dict[tuple[bool, ...], tuple[str, ...]] = {}
    for values in candidates:
        answers = {question.id: values}
        classes.setdefault(tuple(evaluate(piece, answers) for piece in pieces), values)
    return list(classes.values())


@dataclass
class Outcome:
    """What can happen from one point of the walk to the end."""

    reached: set[str] = field(default_factory=set)
    steps: set[str] = field(default_factory=set)
    empty: Path | None = None
    adults_only_for_minor: tuple[Path, str] | None = None

    def merge(self, other: Outcome, prefix: Path) -> None:
        self.reached |= other.reached
        self.steps |= other.steps
        if self.empty is None and other.empty is not None:
            self.empty = prefix + other.empty
        if self.adults_only_for_minor is None and other.adults_only_for_minor is not None:
            path, href = other.adults_only_for_minor
            self.adults_only_for_minor = (prefix + path, href)


def walk(pathway: Pathway, view: ContentView) -> Outcome:
    """Every distinct complete path through ``pathway``; a real plan is built for each distinct ending."""
    questions = pathway.questions
    position = {q.id: i for i, q in enumerate(questions)}
    # The plan builder reads the age answer itself (under 18: Take It Down, never StopNCII), so
    # those answers must be walked as if a step's condition named them.
    builder_reads = [
        Condition.model_validate({"answer": q.id, "is": value})
        for q in questions
        if q.role == "age"
        for value in (UNDER_18, AGE_NOT_SURE)
        if value in {o.value for o in q.options}
    ]
    step_pieces = builder_reads + [p for s in pathway.steps for p in parts(s.when)]
    all_pieces = _unique([p for q in questions for p in parts(q.when)] + step_pieces)
    pieces_of: dict[str, list[Condition]] = {q.id: [] for q in questions}
    for piece in all_pieces:
        for qid in piece.questions():
            pieces_of.setdefault(qid, []).append(piece)
    classes = {q.id: answer_classes(q, pieces_of[q.id]) for q in questions}
    # Pieces that still matter at each point: read by a later question or by a step, about a question already passed.
    index_of = {piece.model_dump_json(by_alias=True, exclude_none=True): i for i, piece in enumerate(all_pieces)}
    unanswered = [evaluate(piece, {}) for piece in all_pieces]
    live: list[list[int]] = []
    for index in range(len(questions) + 1):
        wanted = step_pieces + [p for q in questions[index:] for p in parts(q.when)]
        ids = sorted({index_of[p.model_dump_json(by_alias=True, exclude_none=True)] for p in wanted})
        live.append([i for i in ids if all(position.get(qid, len(questions)) < index for qid in all_pieces[i].questions())])
    own = {q.id: [i for i, piece in enumerate(all_pieces) if q.id in piece.questions()] for q in questions}
    memo: dict[tuple[int, tuple[bool, ...]], Outcome] = {}
    endings: dict[tuple[frozenset[str], bool], Outcome] = {}

    def leaf(answers: dict[str, tuple[str, ...]]) -> Outcome:
        fired = frozenset(s.id for s in pathway.steps if holds(s.when, answers))
        minor = is_minor(pathway, answers)
        key = (fired, minor)
        if key not in endings:
            out = Outcome()
            plan = build_plan(pathway, answers, view, guard=False)
            out.steps = {s.key for s in plan.steps}
            if not plan.steps:
                out.empty = ()
            if minor:
                found = [href for href in plan.links() if href in ADULTS_ONLY_LINKS]
                if found:
                    out.adults_only_for_minor = ((), found[0])
            endings[key] = out
        return endings[key]

    def go(index: int, answers: dict[str, tuple[str, ...]], bits: dict[int, bool]) -> Outcome:
        if index == len(questions):
            return leaf(answers)
        key = (index, tuple(bits.get(i, unanswered[i]) for i in live[index]))
        if key in memo:
            return memo[key]
        question = questions[index]
        out = Outcome()
        if not holds(question.when, answers):
            out.merge(go(index + 1, answers, bits), ())
        else:
            out.reached.add(question.id)
            for values in classes[question.id]:
                given = {**answers, question.id: values}
                more = {**bits, **{i: evaluate(all_pieces[i], given) for i in own[question.id]}}
                out.merge(go(index + 1, given, more), ((question.id, values),))
        memo[key] = out
        return out

    return go(0, {}, {})


def describe(path: Path) -> str:
    return ", ".join(f"{qid}={'+'.join(values)}" for qid, values in path) or "(no answers)"


def check_graph(pathway: Pathway, view: ContentView, shown: str, line_of: LineOf) -> list[Problem]:
    """Problems with the shape of ``pathway``, each pointing at the file and line to fix."""
    problems: list[Problem] = []
    for index, question in enumerate(pathway.questions):
        if question.role == "age" and UNDER_18 not in {o.value for o in question.options}:
            loc: tuple[str | int, ...] = ("questions", index, "options")
            problems.append(
                Problem(shown, line_of(loc), "questions.options", f"the age question needs an option '{UNDER_18}' (the plan reads it)")
            )
    outcome = walk(pathway, view)
    for index, question in enumerate(pathway.questions):
        if question.id not in outcome.reached:
            loc = ("questions", index, "when")
            problems.append(Problem(shown, line_of(loc), f"questions[{index}].when", f"question '{question.id}' can never be reached"))
    if outcome.empty is not None:
        problems.append(
            Problem(shown, line_of(("steps",)), "steps", f"dead end: these answers give an empty plan: {describe(outcome.empty)}")
        )
    if outcome.adults_only_for_minor is not None:
        path, href = outcome.adults_only_for_minor
        problems.append(
            Problem(
                shown, line_of(("steps",)), "steps", f"{href} is for adults only but reaches a plan for an under-18 image: {describe(path)}"
            )
        )
    for index, step in enumerate(pathway.steps):
        if step.id not in outcome.steps:
            loc = ("steps", index)
            problems.append(
                Problem(
                    shown,
                    line_of(loc),
                    f"steps[{index}]",
                    f"step '{step.id}' never appears in any plan (check its 'when', or what it expands)",
                    "warning",
                )
            )
    return problems


def check_pathways(content: Content) -> list[Problem]:
    """The graph analysis of every pathway in a loaded English tree (``navigator check`` calls it)."""
    from navigator.core.localize import localize  # late: localize builds on the loader

    view, _report = localize(content, SOURCE_LOCALE)
    problems: list[Problem] = []
    for (kind, _id), entry in sorted(content.entries.items(), key=lambda pair: pair[1].path):
        if kind == Kind.PATHWAY and isinstance(entry.item, Pathway):
            problems.extend(check_graph(entry.item, view, entry.path, entry.line))
    return problems
