"""Load the content tree: English structure and words, then each locale's words laid over it.

Pure functions. Every problem is collected with its file, line and field; nothing stops at the
first error, and a file that fails is left out while the rest load.
"""

from __future__ import annotations

from collections.abc import Iterator, MutableMapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from navigator.core import translation
from navigator.core.lazy import values_where
from navigator.core.models import FOLDERS, LINK_RE, MODELS, Contact, Item, Kind, Pathway, Platform, Route
from navigator.core.report import Problem, Report
from navigator.core.yamlfile import ContentSyntaxError, Parsed, parse_markdown, parse_yaml

SOURCE_LOCALE = "en"
KIND_BY_NAME = {k.value: k for k in Kind}
MARKDOWN_KINDS = {Kind.ARTICLE}


@dataclass
class Entry:
    """One loaded item and where it came from."""

    kind: Kind
    item: Item
    path: str
    parsed: Parsed

    def line(self, loc: tuple[str | int, ...] = ()) -> int | None:
        return self.parsed.line_of(loc)


@dataclass
class Content:
    """All items of one tree, by kind and id (read from the compiled content, a ``LazyMap``:
    each entry is made when first wanted)."""

    root: Path
    entries: MutableMapping[tuple[Kind, str], Entry] = field(default_factory=dict)
    # Compiled content only: for each kind a plan looks up by place, each place's items, as
    # (position in ``entries``, id) in order (``plan.compiled_pools``; None: read every item).
    places: dict[Kind, dict[str, list[tuple[int, str]]]] | None = field(default=None, repr=False, compare=False)
    # Fingerprints of English items, made once however many languages are laid over them.
    fingerprints: dict[tuple[Kind, str], tuple[Item, str]] = field(default_factory=dict, repr=False, compare=False)

    def fingerprint(self, kind: Kind, item_id: str) -> str:
        """``translation.english_hash`` of an English item (``navigator check`` asks once per language)."""
        item = self.entries[(kind, item_id)].item
        kept = self.fingerprints.get((kind, item_id))
        if kept is None or kept[0] is not item:  # made again for an item replaced since
            kept = self.fingerprints[(kind, item_id)] = (item, translation.english_hash(item))
        return kept[1]

    def get(self, kind: Kind, item_id: str) -> Item | None:
        entry = self.entries.get((kind, item_id))
        return entry.item if entry else None

    def items(self, kind: Kind) -> list[Item]:
        return [e.item for e in values_where(self.entries, lambda key: key[0] == kind)]

    def resolve(self, link: str) -> tuple[Kind, Item] | None:
        match = LINK_RE.fullmatch(link)
        if not match or match["kind"] not in KIND_BY_NAME:
            return None
        kind = KIND_BY_NAME[match["kind"]]
        item = self.get(kind, match["id"])
        return (kind, item) if item else None


def display_path(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root.parent))
    except ValueError:
        return str(path)


def _files(folder: Path) -> Iterator[Path]:
    if folder.is_dir():
        yield from sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml", ".md") and not p.name.startswith("."))


def read_file(path: Path, shown: str) -> tuple[Parsed | None, list[Problem]]:
    """Parse one content file; a problem instead of a crash when it is unreadable."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return None, [Problem(shown, None, "", f"is not UTF-8 text ({exc.reason} at byte {exc.start})")]
    except OSError as exc:
        return None, [Problem(shown, None, "", f"cannot be read: {exc.strerror}")]
    try:
        parsed = parse_markdown(text) if path.suffix == ".md" else parse_yaml(text)
    except ContentSyntaxError as exc:
        return None, [Problem(shown, exc.line, "", str(exc))]
    if not isinstance(parsed.data, dict):
        return None, [Problem(shown, 1, "", "must be a mapping of fields (key: value), one item per file")]
    return parsed, []


def _loc_text(loc: tuple[str | int, ...]) -> str:
    return translation.dotted(tuple(loc))


def validation_problems(exc: ValidationError, shown: str, parsed: Parsed) -> list[Problem]:
    problems = []
    for err in exc.errors():
        loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and ("[" in p or p.startswith("function-"))))
        msg = err["msg"]
        if err["type"] == "missing":
            msg = "is required but missing"
        elif err["type"] == "extra_forbidden":
            msg = "is not a known field (check the spelling; see navigator/core/models.py)"
        elif err["type"].startswith(("date_", "datetime_")):
            msg = "must be a date like 2026-11-26"
        elif msg.startswith("Value error, "):
            msg = msg[len("Value error, ") :]
        problems.append(Problem(shown, parsed.line_of(loc), _loc_text(loc), msg))
    return problems


def _validate(model: type[BaseModel], data: dict[str, Any], shown: str, parsed: Parsed) -> tuple[Any, list[Problem]]:
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        return None, validation_problems(exc, shown, parsed)


def load_content(root: Path) -> tuple[Content, Report]:
    """Load ``root/en``: every kind, every file; then check the whole tree's references."""
    report = Report()
    content = Content(root=root)
    base = root / SOURCE_LOCALE
    if not base.is_dir():
        report.add(Problem(display_path(base, root), None, "", "the English content folder is missing"))
        return content, report
    known_folders = set(FOLDERS.values())
    # In every language's folder: files in an unknown folder (``platform/`` for ``platforms/``) would be skipped in silence.
    languages = [loc for loc in root.iterdir() if loc.is_dir() and not loc.name.startswith(".")]
    for sub in sorted(p for loc in languages for p in loc.iterdir() if p.is_dir() and p.name not in known_folders):
        report.add(Problem(display_path(sub, root), None, "", f"unknown folder; expected one of: {', '.join(sorted(known_folders))}"))
    for kind, folder in FOLDERS.items():
        for path in _files(base / folder):
            shown = display_path(path, root)
            if (path.suffix == ".md") != (kind in MARKDOWN_KINDS):
                want = ".md" if kind in MARKDOWN_KINDS else ".yaml"
                report.add(Problem(shown, None, "", f"{folder} files must end in {want}"))
                continue
            parsed, problems = read_file(path, shown)
            report.extend(problems)
            if parsed is None:
                continue
            item, problems = _validate(MODELS[kind], parsed.data, shown, parsed)
            report.extend(problems)
            if item is None:
                continue
            if item.id != path.stem:
                report.add(Problem(shown, parsed.line_of(("id",)), "id", f"'{item.id}' must match the file name '{path.stem}'"))
            if (kind, item.id) in content.entries:
                first = content.entries[(kind, item.id)].path
                report.add(Problem(shown, parsed.line_of(("id",)), "id", f"'{item.id}' is already used by {first}"))
                continue
            content.entries[(kind, item.id)] = Entry(kind, item, shown, parsed)
    report.extend(check_references(content))
    return content, report


def _links_in(value: Any, path: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], str, int]]:
    """Every navigator:// link inside a dumped item, with how many lines into its text it sits."""
    if isinstance(value, str):
        for match in LINK_RE.finditer(value):
            yield path, match.group(0), value.count("\n", 0, match.start())
    elif isinstance(value, dict):
        for key, sub in value.items():
            yield from _links_in(sub, path + (key,))
    elif isinstance(value, list):
        for index, sub in enumerate(value):
            yield from _links_in(sub, path + (index,))


def check_references(content: Content) -> list[Problem]:
    problems: list[Problem] = []
    for entry in content.entries.values():
        item = entry.item
        dumped = item.model_dump(by_alias=True)
        for loc, link, lines_in in _links_in(dumped):
            if content.resolve(link) is None:
                line = entry.line(loc)
                if line is not None and lines_in:
                    # a block of text starts on the line after its key (YAML "|"), a Markdown body on its first line
                    line += lines_in + (0 if entry.path.endswith(".md") and loc == ("body",) else 1)
                problems.append(Problem(entry.path, line, _loc_text(loc), f"link {link} points at no item"))
        sources = item.source_urls()
        for loc, value in _sourced(item):
            if value.source not in sources:
                problems.append(
                    Problem(
                        entry.path,
                        entry.line(loc + ("source",)),
                        _loc_text(loc + ("source",)),
                        f"{value.source} is not listed in this item's sources",
                    )
                )
        if isinstance(item, Pathway):
            problems.extend(check_pathway(item, entry, content))
    return problems


def _sourced(item: Item) -> Iterator[tuple[tuple[str | int, ...], Contact | Route]]:
    contacts = getattr(item, "contacts", None)
    if contacts:
        for index, contact in enumerate(contacts):
            yield ("contacts", index), contact
    if isinstance(item, Platform):
        for index, route in enumerate(item.routes):
            yield ("routes", index), route


def check_pathway(pathway: Pathway, entry: Entry, content: Content) -> list[Problem]:
    """Conditions only read earlier questions and name real option values; options name real platforms."""
    problems: list[Problem] = []
    seen: dict[str, set[str]] = {}
    for qi, question in enumerate(pathway.questions):
        if question.when:
            problems.extend(_check_condition(question.when, seen, entry, ("questions", qi, "when"), "an earlier question"))
        for oi, option in enumerate(question.options):
            if option.platform and content.get(Kind.PLATFORM, option.platform) is None:
                loc = ("questions", qi, "options", oi, "platform")
                problems.append(Problem(entry.path, entry.line(loc), _loc_text(loc), f"no platform with id '{option.platform}'"))
        seen[question.id] = {o.value for o in question.options}
    for si, step in enumerate(pathway.steps):
        if step.when:
            problems.extend(_check_condition(step.when, seen, entry, ("steps", si, "when"), "a question"))
    return problems


def _check_condition(cond: Any, seen: dict[str, set[str]], entry: Entry, loc: tuple[str | int, ...], what: str) -> list[Problem]:
    problems = []
    for qid in sorted(cond.questions()):
        if qid not in seen:
            problems.append(Problem(entry.path, entry.line(loc), _loc_text(loc), f"'{qid}' is not {what} of this pathway"))
    for qid, value in cond.values():
        if qid in seen and value not in seen[qid]:
            problems.append(Problem(entry.path, entry.line(loc), _loc_text(loc), f"question '{qid}' has no option '{value}'"))
    return problems


# A source older than this is listed by ``--freshness``: it may describe a service or law that moved on.
OLD_SOURCE_YEARS = 3


def freshness(content: Content, today: date, max_age_days: int = 365) -> list[Problem]:
    """Reviews older than a year, sources older than three years or read in a copy, unverified details."""
    problems = []
    for entry in sorted(content.entries.values(), key=lambda e: e.path):
        age = (today - entry.item.reviewed).days
        if age > max_age_days:
            problems.append(
                Problem(
                    entry.path,
                    entry.line(("reviewed",)),
                    "reviewed",
                    f"last reviewed {entry.item.reviewed.isoformat()} ({age} days ago): check it again",
                    "warning",
                )
            )
        for index, source in enumerate(entry.item.sources):
            year = source.source_date[:4] if source.source_date and source.source_date[:4].isdigit() else None
            if year is not None and today.year - int(year) > OLD_SOURCE_YEARS:
                problems.append(
                    Problem(
                        entry.path,
                        entry.line(("sources", index)),
                        f"sources[{index}]",
                        f"the page read is from {source.source_date}, more than {OLD_SOURCE_YEARS} years ago: read it again",
                        "warning",
                    )
                )
            if source.via:
                problems.append(
                    Problem(
                        entry.path,
                        entry.line(("sources", index, "via")),
                        f"sources[{index}].via",
                        f"read only in a copy ({source.via}): read the original page when it can be reached",
                        "note",
                    )
                )
        for index, note in enumerate(entry.item.unverified):
            problems.append(
                Problem(entry.path, entry.line(("unverified", index)), f"unverified[{index}]", f"{note.field}: {note.note}", "note")
            )
    return problems
