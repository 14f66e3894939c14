"""Graph analysis of a pathway, for ``navigator check``.

It proves, for every way a person can answer, that:

- every question can be reached (some answers lead to it);
- there are no dead ends: every complete path reaches a plan with at least one step;
- every step can appear in some plan (a step that never can is a warning);
- for anyone who may have been under 18 in the image (under 18, not sure, rather not say), the
  pathway's own conditions never lead to a step or an item for adults only (StopNCII, keeping
  screenshots). The plan builder removes such things anyway (``navigator.core.audience``); this
  proves the pathway does not rely on that second guard;
- the option values the plan builder reads (``under-18``, ``adult`` on the age question) exist.

Walking every combination of answers would take too long (the "where" question alone has
thousands), so answers are grouped: two options that no condition tells apart behave the same,
and one stands for all. Paths that agree on everything later conditions read are walked once.
Links inside steps are checked by the loader like every other link.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import combinations

from navigator.core.audience import ADULT, AGE_NOT_SURE, UNDER_18, Reader, restrict, shown
from navigator.core.loader import SOURCE_LOCALE, Content
from navigator.core.localize import localize
from navigator.core.models import Condition, Kind, Pathway, Question
from navigator.core.pathway import evaluate, holds
from navigator.core.plan import ContentView, Plan, PlanMemo, reader_of, unrestricted_plan
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
        # Options that every condition names in the same way (say, all the platforms in one
        # "any_of" list) are interchangeable: one of each kind stands for all of them, so a long
        # list of places does not multiply the walk.
        kinds: dict[tuple[str, ...], list[str]] = {}
        for option in picked:
            mark = tuple(leaf for piece in pieces for leaf in _leaves_naming(piece, option.value))
            kinds.setdefault(mark + (("exclusive",) if option.exclusive else ()), []).append(option.value)
        stand_ins = {values[0] for values in kinds.values()}
        representatives = [o for o in picked if o.value in stand_ins]
        # every mix of those, plus one option no condition names
        spare = [o for o in others if not o.exclusive] or others[:1]
        pool = representatives + spare[:1]
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


def _leaves_naming(cond: Condition, value: str) -> list[str]:
    """The simple tests inside ``cond`` that name ``value`` (two options named by exactly the same
    tests, in the same lists, behave the same in every condition)."""
    if cond.answer is not None:
        named = [cond.is_] if cond.is_ else (cond.any_of or cond.none_of or [])
        return [cond.model_dump_json(by_alias=True, exclude_none=True)] if value in named else []
    subs = (cond.all_ or []) + (cond.any_ or []) + ([cond.not_] if cond.not_ else [])
    return [leaf for sub in subs for leaf in _leaves_naming(sub, value)]


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


def walk(
    pathway: Pathway,
    view: ContentView,
    on_leaf: Callable[[dict[str, tuple[str, ...]]], None] | None = None,
    plans: PlanMemo | None = None,
) -> Outcome:
    """Every distinct complete path through ``pathway``; a real plan is built for each distinct ending.

    ``on_leaf`` sees the answers of one path for each distinct ending (for tests that render them).
    ``plans`` (over ``view``) shares what the plans expand into between paths and pathways; without
    it each plan is built from nothing, as the app builds one (the tests compare the two).
    """
    questions = pathway.questions
    position = {q.id: i for i, q in enumerate(questions)}
    # The plan builder reads the age answer itself (under 18: Take It Down, never StopNCII), so
    # those answers must be walked as if a step's condition named them.
    builder_reads = [
        Condition.model_validate({"answer": q.id, "is": value})
        for q in questions
        if q.role == "age"
        for value in (UNDER_18, AGE_NOT_SURE, ADULT)
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
    endings: dict[tuple[frozenset[str], Reader], Outcome] = {}
    withheld: dict[tuple[str, Reader], bool] = {}

    def leaf(answers: dict[str, tuple[str, ...]]) -> Outcome:
        fired = frozenset(s.id for s in pathway.steps if holds(s.when, answers))
        reader = reader_of(pathway, answers)
        key = (fired, reader)
        if key not in endings:
            if on_leaf is not None:
                on_leaf(dict(answers))
            out = Outcome()
            plan = unrestricted_plan(pathway, answers, view, memo=plans)
            out.steps = {s.key for s in plan.steps}
            if not plan.steps:
                out.empty = ()
            if reader.may_be_minor:
                found = adults_only_in(plan, pathway, view, reader, withheld)
                if found:
                    out.adults_only_for_minor = ((), found[0])
            endings[key] = out
        return endings[key]

    def go(index: int, answers: dict[str, tuple[str, ...]], bits: dict[int, bool]) -> Outcome:
        key = (index, tuple(bits.get(i, unanswered[i]) for i in live[index]))
        if key in memo:
            return memo[key]
        if index == len(questions):
            # At the end every step's pieces are known: the same bits fire the same steps for the same reader.
            memo[key] = leaf(answers)
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


def adults_only_in(
    plan: Plan, pathway: Pathway, view: ContentView, reader: Reader, withheld: dict[tuple[str, Reader], bool] | None = None
) -> list[str]:
    """What in an unrestricted plan ``reader`` must not be shown: adults-only steps and items.

    ``withheld`` keeps, between calls over the same view, whether a linked item is withheld from a reader.
    """
    withheld = {} if withheld is None else withheld
    found: list[str] = []
    steps = {step.id: step for step in pathway.steps}
    for planned in plan.steps:
        step = steps.get(planned.key)
        if step is not None and not shown(step.audience, reader, step.offer_if_unsure):
            found.append(f"step '{step.id}'")
    # What the pathway names itself (its steps' links). Expansions (services for the place,
    # platforms) come from the content and are filtered by the audience rule in the plan builder.
    for href in dict.fromkeys(link.href for planned in plan.steps for link in planned.links):
        if (href, reader) not in withheld:
            withheld[(href, reader)] = _withheld(href, view, reader)
        if withheld[(href, reader)]:
            found.append(href)
    return found


def _withheld(href: str, view: ContentView, reader: Reader) -> bool:
    kind_name, _, item_id = href.removeprefix("navigator://").partition("/")
    try:
        kind = Kind(kind_name)
    except ValueError:
        return False
    item = view.get(kind, item_id)
    return item is not None and restrict(item, reader) is None


def distinct_endings(pathway: Pathway, view: ContentView) -> list[dict[str, tuple[str, ...]]]:
    """One set of answers for each distinct way a walk through ``pathway`` can end."""
    found: list[dict[str, tuple[str, ...]]] = []
    walk(pathway, view, found.append)
    return found


def describe(path: Path) -> str:
    return ", ".join(f"{qid}={'+'.join(values)}" for qid, values in path) or "(no answers)"


def check_graph(pathway: Pathway, view: ContentView, path: str, line_of: LineOf, memo: PlanMemo | None = None) -> list[Problem]:
    """Problems with the shape of ``pathway``, each pointing at the file and line to fix."""
    problems: list[Problem] = []
    for index, question in enumerate(pathway.questions):
        values = {o.value for o in question.options}
        for needed in (UNDER_18, ADULT):
            if question.role == "age" and needed not in values:
                loc: tuple[str | int, ...] = ("questions", index, "options")
                problems.append(
                    Problem(path, line_of(loc), "questions.options", f"the age question needs an option '{needed}' (the plan reads it)")
                )
    outcome = walk(pathway, view, plans=memo or PlanMemo(view))
    for index, question in enumerate(pathway.questions):
        if question.id not in outcome.reached:
            loc = ("questions", index, "when")
            problems.append(Problem(path, line_of(loc), f"questions[{index}].when", f"question '{question.id}' can never be reached"))
    if outcome.empty is not None:
        problems.append(
            Problem(path, line_of(("steps",)), "steps", f"dead end: these answers give an empty plan: {describe(outcome.empty)}")
        )
    if outcome.adults_only_for_minor is not None:
        walked, what = outcome.adults_only_for_minor
        problems.append(
            Problem(
                path,
                line_of(("steps",)),
                "steps",
                f"{what} is for adults only but reaches a plan for someone who may have been under 18 in the image: "
                f"{describe(walked)} (rule: adults-only-for-minors)",
            )
        )
    for index, step in enumerate(pathway.steps):
        if step.id not in outcome.steps:
            loc = ("steps", index)
            problems.append(
                Problem(
                    path,
                    line_of(loc),
                    f"steps[{index}]",
                    f"step '{step.id}' never appears in any plan (check its 'when', or what it expands)",
                    "warning",
                )
            )
    return problems


def check_pathways(content: Content) -> list[Problem]:
    """The graph analysis of every pathway in a loaded English tree (``navigator check`` calls it)."""
    view, _report = localize(content, SOURCE_LOCALE)
    problems: list[Problem] = []
    memo = PlanMemo(view)  # one for every pathway: they read the same organizations and laws
    for (kind, _id), entry in sorted(content.entries.items(), key=lambda pair: pair[1].path):
        if kind == Kind.PATHWAY and isinstance(entry.item, Pathway):
            problems.extend(check_graph(entry.item, view, entry.path, entry.line, memo))
    return problems
