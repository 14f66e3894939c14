"""``navigator plan``: the plan for a file of answers, printed as text, Markdown or JSON.

For advocates' handouts and for tests. The answers file is YAML: question id -> option value, or
a list of values for a question that takes several (format in README.md, "A plan from the
command line"). Nothing is written anywhere: the plan goes to standard output.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

import yaml

from navigator import i18n
from navigator.core.loader import SOURCE_LOCALE, load_content
from navigator.core.localize import available_locales, localize
from navigator.core.models import Kind, Pathway
from navigator.core.pathway import AnswerError, normalize, visible_questions
from navigator.core.plan import build_plan
from navigator.core.plan_export import FORMATS, export
from navigator.paths import content_root


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "plan",
        help="print the plan for a file of answers (text, Markdown or JSON)",
        description="Print the plan for a file of answers. Nothing is saved; the plan goes to standard output.",
    )
    parser.add_argument("--answers", required=True, metavar="FILE", help="YAML file: question id -> option value (or a list of values)")
    parser.add_argument("--locale", default=SOURCE_LOCALE, help="language of the plan (default: en)")
    parser.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    parser.add_argument("--pathway", default="main", help="pathway id (default: main)")
    parser.add_argument("--content", metavar="DIR", help="content folder (default: the shipped one)")
    parser.add_argument("--date", type=date.fromisoformat, metavar="YYYY-MM-DD", help="date printed on the plan (default: today)")
    parser.set_defaults(func=run)


def read_answers(path: Path, pathway: Pathway) -> tuple[dict[str, tuple[str, ...]], list[str], list[str]]:
    """(answers, errors, notes) from an answers file; every problem is listed, not just the first."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        return {}, [f"{path}: cannot be read: {exc.strerror}"], []
    except UnicodeDecodeError:
        return {}, [f"{path}: is not UTF-8 text"], []
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        return {}, [f"{where}: not valid YAML ({getattr(exc, 'problem', None) or exc})"], []
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return {}, [f"{path}: must be a mapping of question id to answer, like 'country: us'"], []
    questions = {q.id: q for q in pathway.questions}
    answers: dict[str, tuple[str, ...]] = {}
    errors: list[str] = []
    notes: list[str] = []
    for key, raw in data.items():
        qid = str(key)
        if qid not in questions:
            errors.append(f"{path}: '{qid}' is not a question of pathway '{pathway.id}' (questions: {', '.join(questions)})")
            continue
        values = raw if isinstance(raw, list) else [raw]
        if raw is None or any(not isinstance(v, str) for v in values):
            choices = ", ".join(o.value for o in questions[qid].options)
            errors.append(f"{path}: {qid}: write the option value as text, in quotes if needed (choose from: {choices})")
            continue
        try:
            normalized = normalize(questions[qid], values)
        except AnswerError as exc:
            errors.append(f"{path}: {exc}")
            continue
        if len(normalized) < len(set(values)):
            notes.append(f"{path}: {qid}: '{normalized[0]}' stands alone, so the other values are left out")
        if normalized:
            answers[qid] = normalized
    asked = {q.id for q in visible_questions(pathway, answers)}
    notes += [f"{path}: '{qid}' is not asked with these answers, so it is left out" for qid in answers if qid not in asked]
    return answers, errors, notes


def run(args: argparse.Namespace) -> int:
    root = Path(args.content) if args.content else content_root()
    content, report = load_content(root)
    if args.locale not in available_locales(root):
        print(f"navigator plan: no content in locale '{args.locale}' (have: {', '.join(available_locales(root))})", file=sys.stderr)
        return 2
    view, _loc_report = localize(content, args.locale)
    pathway = view.get(Kind.PATHWAY, args.pathway)
    if not isinstance(pathway, Pathway):
        print(f"navigator plan: no pathway '{args.pathway}' in {root}", file=sys.stderr)
        if not report.ok:
            print("navigator plan: the content has problems; run 'navigator check'", file=sys.stderr)
        return 2
    answers, errors, notes = read_answers(Path(args.answers), pathway)
    for line in errors + notes:
        print(line, file=sys.stderr)
    if errors:
        return 2
    i18n.set_locale(args.locale)
    plan = build_plan(pathway, answers, view, locale=args.locale)
    today = args.date or date.today()
    sys.stdout.write(export(plan, view, args.format, i18n._, i18n.format_date, args.locale, today))
    return 0
