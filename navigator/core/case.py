"""What a case file holds: an append-only log of what the person recorded, hash-chained.

Every change is a new entry at the end: an address where the images were seen, a file kept as
evidence (its name, size, SHA-256 and times: never a copy), a report or request sent, an update
to a report (removed, refused, still waiting), a note, or the withdrawal of an earlier entry made
by mistake. Nothing is ever edited in place, so the log is also the timeline.

Each entry carries the SHA-256 of the entry before it (``prev``) and its own (``hash``), computed
over a canonical JSON form. The log as a whole records how many entries it has and the last hash
(``count``, ``head``). An entry changed, removed, added or moved without recomputing every hash
after it shows up in ``verify_chain``; someone who rewrites all later hashes can make the chain
hold again, which is why an exported report prints the hashes: a report already handed to someone
is an anchor (``anchored``) the file must still agree with.

The state shown on screen (``CaseState``) is folded from the log. Pure Python; the encrypted file
around it is ``navigator.core.case_file``.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from functools import cached_property
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, field_validator

from navigator.core import deadlines

FORMAT = "navigator-case"
VERSION = 1
GENESIS = "0" * 64
HASH_RE = re.compile(r"^[0-9a-f]{64}$")
# Values the person types are short; bounds keep a damaged or hostile payload from growing the
# screen (or memory) without end. A real case has tens of entries; the benchmark uses 1,000.
MAX_TEXT = 4000
MAX_ENTRIES = 100_000


class CaseError(ValueError):
    """The log inside a case file cannot be read as one (it opened, so this means it was altered)."""


class EntryKind(StrEnum):
    ADDRESS = "address"
    EVIDENCE = "evidence"
    REPORT = "report"
    UPDATE = "update"
    NOTE = "note"
    RETRACT = "retract"
    POLICY = "policy"


def _utc(value: datetime) -> datetime:
    if value.tzinfo is None:
        raise ValueError("a time needs its time zone")
    return value.astimezone(UTC)


def _zone(value: str) -> str:
    if not deadlines.known_zone(value):
        raise ValueError(f"{value!r} is not a time zone this computer knows")
    return value


Utc = Annotated[datetime, AfterValidator(_utc)]
ZoneName = Annotated[str, AfterValidator(_zone)]
ShortText = Annotated[str, Field(max_length=MAX_TEXT)]


class _Data(BaseModel):
    # defer_build: each model's validator is made when a case is first opened or written, not at
    # import (the window imports this module at start through the session; about 35 ms less).
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Moment(_Data):
    """A moment the person gave: the instant, and the time zone they gave it in (for showing it)."""

    utc: Utc
    zone: ZoneName = "UTC"

    @classmethod
    def from_wall(cls, wall: datetime, zone_name: str, fold: int = 0) -> Moment:
        return cls(utc=deadlines.local_to_utc(wall, zone_name, fold), zone=zone_name)

    def local(self) -> datetime:
        return deadlines.utc_to_local(self.utc, self.zone)


RouteKind = Literal["platform", "notice", "hashing", "search_removal", "police", "other"]
Status = Literal["waiting", "removed", "refused"]


class Address(_Data):
    """Where it was seen: the address, the site (a platform id from content, or 'other'), who posted it."""

    id: str
    url: ShortText = Field(min_length=1)
    platform: str = "other"
    site_name: ShortText = ""  # what the person called the site, when it is not in content
    account: ShortText = ""
    first_seen: Moment | None = None
    notes: ShortText = ""


class Evidence(_Data):
    """A file on the person's computer, described so it can be checked later; never a copy of it."""

    id: str
    name: ShortText
    path: ShortText
    size: int = Field(ge=0)
    sha256: str
    modified: Utc | None = None
    address_ids: list[str] = Field(default_factory=list)
    notes: ShortText = ""

    @field_validator("sha256")
    @classmethod
    def _hex(cls, value: str) -> str:
        if not HASH_RE.match(value):
            raise ValueError("not a SHA-256 in hex")
        return value


class Route(_Data):
    """How a report was made. ``ref`` is a content item (navigator://platform/x, navigator://notice/y,
    navigator://organization/z); ``route`` a platform route id; ``label`` the person's own words."""

    kind: RouteKind
    ref: str = ""
    route: str = ""
    label: ShortText = ""


class Report(_Data):
    """A report or request sent, with the deadline its legal basis gave on the day it was logged."""

    id: str
    address_ids: list[str] = Field(default_factory=list)
    route: Route
    sent: Moment
    reference: ShortText = ""
    legal_basis: str = ""  # navigator://law/<id>, from content
    deadline_hours: int | None = Field(default=None, gt=0, le=deadlines.MAX_HOURS)
    notes: ShortText = ""


class Update(_Data):
    """What happened to a report: removed, refused, or back to waiting (for example after an appeal)."""

    report_id: str
    status: Status
    when: Moment
    notes: ShortText = ""


class Note(_Data):
    text: ShortText = Field(min_length=1)


class Retract(_Data):
    """An earlier entry was a mistake. It stays in the log (and the timeline) and leaves the lists."""

    target: str
    reason: ShortText = ""


class Policy(_Data):
    """The person in the images may have been under 18: from now on, image files are never recorded."""

    possibly_minor: bool
    reason: ShortText = ""


DATA_MODELS: dict[EntryKind, type[_Data]] = {
    EntryKind.ADDRESS: Address,
    EntryKind.EVIDENCE: Evidence,
    EntryKind.REPORT: Report,
    EntryKind.UPDATE: Update,
    EntryKind.NOTE: Note,
    EntryKind.RETRACT: Retract,
    EntryKind.POLICY: Policy,
}
PREFIX = {EntryKind.ADDRESS: "a", EntryKind.EVIDENCE: "e", EntryKind.REPORT: "r"}
_READY: list[bool] = []


def ready() -> None:
    """Build every entry model's validator now, once per process (they are deferred, so that the
    window starts without them): called when a case is made or read, so that neither the first
    save nor a process forked afterwards pays for it (about 30 ms, hidden by the key derivation)."""
    if _READY:
        return
    models: list[type[BaseModel]] = [Moment, *DATA_MODELS.values()]
    for model in models:
        model.model_rebuild()
    _READY.append(True)


# --- the chain --------------------------------------------------------------------------------


def canonical(value: Any) -> bytes:
    """One byte form for a JSON value: sorted keys, no spaces, UTF-8. What the hashes are taken over."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False).encode("utf-8")


def entry_hash(record: Mapping[str, Any]) -> str:
    body = {key: record.get(key) for key in ("seq", "at", "kind", "data", "prev")}
    return hashlib.sha256(canonical(body)).hexdigest()


def iso(moment: datetime) -> str:
    """UTC to the second, ending in Z: the one way times are written inside the log."""
    return _utc(moment).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True)
class Entry:
    """One line of the log, as stored (``record``) and as read (``data``)."""

    record: Mapping[str, Any]
    data: _Data

    @property
    def seq(self) -> int:
        return int(self.record["seq"])

    @property
    def kind(self) -> EntryKind:
        return EntryKind(self.record["kind"])

    @property
    def at(self) -> datetime:
        return datetime.fromisoformat(str(self.record["at"]))

    @property
    def hash(self) -> str:
        return str(self.record["hash"])

    @property
    def id(self) -> str:
        # Addresses, evidence and reports carry their own id; other entries are named by position.
        return str(getattr(self.data, "id", "")) or f"n{self.seq + 1}"


@dataclass(frozen=True)
class ChainProblem:
    """Where the chain does not hold. ``seq`` is the position in the file (0-based)."""

    seq: int
    what: Literal["changed", "missing-or-moved", "numbering", "count", "head"]


@dataclass(frozen=True)
class Case:
    """A whole log. Immutable: ``append`` gives a new Case, so a failed save leaves the old one."""

    created: datetime
    entries: tuple[Entry, ...] = ()
    problems: tuple[ChainProblem, ...] = ()

    @classmethod
    def new(cls, now: datetime) -> Case:
        ready()
        return cls(created=_utc(now).replace(microsecond=0))

    @property
    def head(self) -> str:
        return self.entries[-1].hash if self.entries else GENESIS

    @property
    def intact(self) -> bool:
        return not self.problems

    def next_id(self, kind: EntryKind) -> str:
        return f"{PREFIX.get(kind, 'n')}{len(self.entries) + 1}"

    def append(self, data: _Data, now: datetime) -> Case:
        kind = next(k for k, model in DATA_MODELS.items() if isinstance(data, model))
        if len(self.entries) >= MAX_ENTRIES:
            raise CaseError("this case file is full")
        if getattr(data, "id", self.next_id(kind)) != self.next_id(kind):
            raise CaseError("an entry's id is its kind and position: use next_id")
        # Entries are never back-dated: a clock set back still writes a time after the last one.
        at = _utc(now)
        if self.entries and at < self.entries[-1].at:
            at = self.entries[-1].at
        record: dict[str, Any] = {
            "seq": len(self.entries),
            "at": iso(at),
            "kind": kind.value,
            "data": data.model_dump(mode="json", exclude_defaults=True),
            "prev": self.head,
        }
        record["hash"] = entry_hash(record)
        return Case(self.created, (*self.entries, Entry(record, data)), self.problems)

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "created": iso(self.created),
            "count": len(self.entries),
            "head": self.head,
            "entries": [dict(entry.record) for entry in self.entries],
        }

    @cached_property
    def by_id(self) -> dict[str, Entry]:
        return {entry.id: entry for entry in self.entries}

    def find(self, entry_id: str) -> Entry | None:
        return self.by_id.get(entry_id)


def verify_chain(records: Sequence[Mapping[str, Any]], count: object = None, head: object = None) -> list[ChainProblem]:
    """Every place the chain does not hold. An empty list means: nothing was changed, removed,
    added or moved without every later hash being rewritten too."""
    problems: list[ChainProblem] = []
    previous = GENESIS
    for position, record in enumerate(records):
        if record.get("seq") != position:
            problems.append(ChainProblem(position, "numbering"))
        if record.get("prev") != previous:
            problems.append(ChainProblem(position, "missing-or-moved"))
        try:
            recomputed = entry_hash(record)
        except (TypeError, ValueError):
            recomputed = ""
        if record.get("hash") != recomputed:
            problems.append(ChainProblem(position, "changed"))
        previous = str(record.get("hash"))
    if count is not None and count != len(records):
        problems.append(ChainProblem(len(records), "count"))
    if head is not None and head != previous:
        problems.append(ChainProblem(len(records), "head"))
    return problems


def anchored(case: Case, earlier_hash: str) -> bool:
    """True when ``earlier_hash`` (printed in an earlier report) is still an entry of this chain."""
    wanted = earlier_hash.strip().lower()
    return any(entry.hash == wanted for entry in case.entries) or (wanted == GENESIS and not case.entries)


def from_json(document: object) -> Case:
    """Read a decrypted log. Raises CaseError if it is not one; a broken chain is reported, not refused."""
    ready()
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise CaseError("not a case log")
    if document.get("version") != VERSION:
        raise CaseError("unknown log version")
    raw = document.get("entries")
    if not isinstance(raw, list) or len(raw) > MAX_ENTRIES:
        raise CaseError("no entries")
    try:
        created = _utc(datetime.fromisoformat(str(document.get("created"))))
    except ValueError as exc:
        raise CaseError("no creation time") from exc
    entries: list[Entry] = []
    for record in raw:
        if not isinstance(record, dict):
            raise CaseError("an entry is not a record")
        try:
            kind = EntryKind(str(record.get("kind")))
            datetime.fromisoformat(str(record.get("at")))
            data = DATA_MODELS[kind].model_validate(record.get("data"))
        except (ValueError, TypeError, ValidationError) as exc:
            raise CaseError(f"entry {len(entries)} cannot be read") from exc
        entries.append(Entry(record, data))
    problems = verify_chain(raw, document.get("count"), document.get("head"))
    return Case(created, tuple(entries), tuple(problems))


# --- what the log adds up to ------------------------------------------------------------------


class ReportState(StrEnum):
    WAITING = "waiting"
    OVERDUE = "overdue"
    REMOVED = "removed"
    REFUSED = "refused"


@dataclass(frozen=True)
class ReportView:
    """A report with everything that happened to it since, and where it stands at ``now``."""

    entry: Entry
    report: Report
    updates: tuple[Update, ...]
    state: ReportState
    due: deadlines.Due | None

    @property
    def deadline(self) -> datetime | None:
        return self.due.deadline if self.due else None

    @property
    def last_update(self) -> Update | None:
        return self.updates[-1] if self.updates else None


@dataclass
class CaseState:
    """The lists the screens show, folded from the log at one moment."""

    addresses: dict[str, Address] = field(default_factory=dict)
    evidence: dict[str, Evidence] = field(default_factory=dict)
    reports: dict[str, ReportView] = field(default_factory=dict)
    notes: list[tuple[Entry, Note]] = field(default_factory=list)
    retracted: dict[str, Retract] = field(default_factory=dict)
    possibly_minor: bool = False
    minor_reason: str = ""

    def by_state(self, state: ReportState) -> list[ReportView]:
        return [view for view in self.reports.values() if view.state is state]


def report_state(report: Report, updates: Iterable[Update], now: datetime) -> tuple[ReportState, deadlines.Due | None]:
    latest = None
    for update in updates:
        latest = update
    status = latest.status if latest else "waiting"
    due = deadlines.due(report.sent.utc, report.deadline_hours, now) if report.deadline_hours else None
    if status == "removed":
        return ReportState.REMOVED, due
    if status == "refused":
        return ReportState.REFUSED, due
    if due is not None and due.passed:
        return ReportState.OVERDUE, due
    return ReportState.WAITING, due


def fold(case: Case, now: datetime) -> CaseState:
    """The current lists: retracted entries left out, each report's updates in order."""
    state = CaseState()
    retracted = {e.data.target: e.data for e in case.entries if isinstance(e.data, Retract)}
    state.retracted = retracted
    reports: dict[str, tuple[Entry, Report]] = {}
    updates: dict[str, list[Update]] = {}
    for entry in case.entries:
        data = entry.data
        if entry.id in retracted:
            continue
        if isinstance(data, Address):
            state.addresses[data.id] = data
        elif isinstance(data, Evidence):
            state.evidence[data.id] = data
        elif isinstance(data, Report):
            reports[data.id] = (entry, data)
        elif isinstance(data, Update):
            updates.setdefault(data.report_id, []).append(data)
        elif isinstance(data, Note):
            state.notes.append((entry, data))
        elif isinstance(data, Policy) and data.possibly_minor:
            # Once set it stays set: a later answer of "adult" never brings image files back.
            state.possibly_minor = True
            state.minor_reason = data.reason
    for report_id, (entry, report) in reports.items():
        ups = tuple(updates.get(report_id, ()))
        status, due = report_state(report, ups, now)
        state.reports[report_id] = ReportView(entry, report, ups, status, due)
    return state


def overdue_order(views: Iterable[ReportView]) -> list[ReportView]:
    """Most urgent first: overdue longest, then the nearest deadline, then the rest by date sent."""

    def key(view: ReportView) -> tuple[int, float]:
        if view.state is ReportState.OVERDUE and view.due:
            return 0, -view.due.over_by.total_seconds()
        if view.state is ReportState.WAITING and view.due:
            return 1, view.due.left.total_seconds()
        return 2, -view.report.sent.utc.timestamp()

    return sorted(views, key=key)
