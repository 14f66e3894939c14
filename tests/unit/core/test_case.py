"""The log inside a case file: the hash chain finds any edit or removal, and the lists fold right."""

from __future__ import annotations

import copy
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from navigator.core.case import (
    GENESIS,
    Address,
    Case,
    CaseError,
    EntryKind,
    Evidence,
    Moment,
    Note,
    Policy,
    Report,
    ReportState,
    Retract,
    Route,
    Update,
    anchored,
    entry_hash,
    fold,
    from_json,
    overdue_order,
    verify_chain,
)

T0 = datetime(2026, 3, 6, 12, 0, tzinfo=UTC)
text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30)


def data_strategy():
    moment = st.builds(
        Moment,
        utc=st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2090, 1, 1), timezones=st.just(UTC)),
        zone=st.sampled_from(["UTC", "Europe/London", "America/Chicago", "Asia/Kolkata", "Australia/Lord_Howe"]),
    )
    return st.one_of(
        st.builds(Address, id=st.just("a"), url=text.filter(bool), account=text, notes=text, first_seen=st.none() | moment),
        st.builds(
            Evidence,
            id=st.just("e"),
            name=text,
            path=text,
            size=st.integers(0, 2**40),
            sha256=st.from_regex(r"\A[0-9a-f]{64}\Z"),
        ),
        st.builds(
            Report,
            id=st.just("r"),
            route=st.builds(Route, kind=st.sampled_from(["platform", "notice", "police", "other"]), label=text),
            sent=moment,
            reference=text,
            deadline_hours=st.none() | st.integers(1, 2000),
        ),
        st.builds(Update, report_id=st.just("r"), status=st.sampled_from(["waiting", "removed", "refused"]), when=moment, notes=text),
        st.builds(Note, text=text.filter(bool)),
    )


def build(items) -> Case:
    case = Case.new(T0)
    for number, item in enumerate(items):
        if hasattr(item, "id"):
            kind = next(k for k in EntryKind if type(item).__name__.lower() == k.value)
            item = item.model_copy(update={"id": case.next_id(kind)})
        case = case.append(item, T0 + timedelta(minutes=number))
    return case


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(items=st.lists(data_strategy(), min_size=1, max_size=8))
def test_an_untouched_log_holds_and_reads_back(items):
    case = build(items)
    document = case.to_json()
    assert verify_chain(document["entries"], document["count"], document["head"]) == []
    again = from_json(copy.deepcopy(document))
    assert again.intact
    assert [e.data for e in again.entries] == [e.data for e in case.entries]
    assert again.to_json() == document


def scalar_paths(value, path=()):
    """Every (path, leaf) inside a JSON value."""
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from scalar_paths(inner, (*path, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from scalar_paths(inner, (*path, index))
    else:
        yield path, value


def changed_value(value):
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return value + 1
    if isinstance(value, str):
        return value + "x"
    return "x"


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(items=st.lists(data_strategy(), min_size=1, max_size=8), data=st.data())
def test_any_edit_is_found(items, data):
    """Change any one value of any entry (its data, time, kind, number or links) and the chain breaks."""
    document = build(items).to_json()
    entries = document["entries"]
    index = data.draw(st.integers(0, len(entries) - 1))
    leaves = [p for p in scalar_paths(entries[index]) if p[0][0] != "hash"]
    path, value = data.draw(st.sampled_from(leaves))
    target = entries[index]
    for key in path[:-1]:
        target = target[key]
    new = changed_value(value)
    assume(new != value)
    target[path[-1]] = new
    problems = verify_chain(entries, document["count"], document["head"])
    assert problems
    assert min(p.seq for p in problems) == index
    # Recomputing that entry's own hash only moves the break to the next link (or the head).
    entries[index]["hash"] = entry_hash(entries[index])
    problems = verify_chain(entries, document["count"], document["head"])
    assert problems
    assert min(p.seq for p in problems) in (index, index + 1)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(items=st.lists(data_strategy(), min_size=1, max_size=8), data=st.data())
def test_any_removal_or_reordering_is_found(items, data):
    document = build(items).to_json()
    entries = document["entries"]
    how = data.draw(st.sampled_from(["remove", "swap", "duplicate", "remove-last-and-fix-count"]))
    if how == "remove":
        del entries[data.draw(st.integers(0, len(entries) - 1))]
    elif how == "swap":
        assume(len(entries) > 1)
        i = data.draw(st.integers(0, len(entries) - 2))
        entries[i], entries[i + 1] = entries[i + 1], entries[i]
    elif how == "duplicate":
        i = data.draw(st.integers(0, len(entries) - 1))
        entries.insert(i + 1, copy.deepcopy(entries[i]))
    else:
        entries.pop()
        document["count"] = len(entries)
    assert verify_chain(entries, document["count"], document["head"])


def test_a_consistent_rewrite_is_caught_by_an_anchor():
    """Someone with the passphrase who rewrites every later hash makes the chain hold again; a hash
    printed in an earlier report no longer appears, and that shows it."""
    case = build([Note(text="one"), Note(text="two"), Note(text="three")])
    printed = case.entries[1].hash
    rewritten = build([Note(text="one"), Note(text="TWO"), Note(text="three")])
    assert rewritten.intact
    assert anchored(case, printed)
    assert not anchored(rewritten, printed)
    assert anchored(Case.new(T0), GENESIS)


def test_entries_are_never_back_dated():
    case = Case.new(T0).append(Note(text="a"), T0)
    case = case.append(Note(text="b"), T0 - timedelta(days=3))  # the computer's clock was set back
    assert case.entries[1].at == case.entries[0].at


def test_from_json_refuses_what_is_not_a_log():
    for document in (None, [], {"format": "other"}, {"format": "navigator-case", "version": 2, "entries": []}):
        with pytest.raises(CaseError):
            from_json(document)
    good = build([Note(text="a")]).to_json()
    good["entries"][0]["data"] = {"text": ""}  # fails the model: notes are never empty
    with pytest.raises(CaseError):
        from_json(good)


def test_a_broken_chain_still_opens_and_says_where():
    document = build([Note(text="a"), Note(text="b")]).to_json()
    document["entries"][0]["data"]["text"] = "edited"
    case = from_json(document)
    assert not case.intact
    assert [(p.seq, p.what) for p in case.problems] == [(0, "changed")]


def sent(hours_ago: float) -> Moment:
    return Moment(utc=T0 - timedelta(hours=hours_ago), zone="America/New_York")


def test_fold_states_and_retractions():
    case = Case.new(T0)
    for item in (
        Address(id="a1", url="https://one.example"),
        Address(id="a2", url="https://two.example"),
        Retract(target="a2", reason="typed by mistake"),
        Report(id="r4", route=Route(kind="platform", ref="navigator://platform/x"), sent=sent(50), deadline_hours=48),
        Report(id="r5", route=Route(kind="platform"), sent=sent(10), deadline_hours=48),
        Report(id="r6", route=Route(kind="police"), sent=sent(100)),
        Report(id="r7", route=Route(kind="notice"), sent=sent(60), deadline_hours=48),
        Update(report_id="r7", status="removed", when=sent(1)),
        Report(id="r9", route=Route(kind="other"), sent=sent(5)),
        Update(report_id="r9", status="refused", when=sent(1)),
        Policy(possibly_minor=True, reason="age: not-sure"),
        Policy(possibly_minor=False),
    ):
        case = case.append(item, T0)
    state = fold(case, T0)
    assert list(state.addresses) == ["a1"]
    assert "a2" in state.retracted
    states = {rid: view.state for rid, view in state.reports.items()}
    assert states == {
        "r4": ReportState.OVERDUE,
        "r5": ReportState.WAITING,
        "r6": ReportState.WAITING,
        "r7": ReportState.REMOVED,
        "r9": ReportState.REFUSED,
    }
    assert state.reports["r4"].due is not None and state.reports["r4"].due.over_by == timedelta(hours=2)
    assert state.reports["r5"].due is not None and state.reports["r5"].due.left == timedelta(hours=38)
    # Once the person may have been under 18, it stays so.
    assert state.possibly_minor
    assert [v.report.id for v in overdue_order(state.reports.values())][:2] == ["r4", "r5"]


def test_a_report_can_go_back_to_waiting():
    case = Case.new(T0)
    case = case.append(Report(id="r1", route=Route(kind="platform"), sent=sent(100), deadline_hours=48), T0)
    case = case.append(Update(report_id="r1", status="refused", when=sent(90)), T0)
    case = case.append(Update(report_id="r1", status="waiting", when=sent(80), notes="appealed"), T0)
    assert fold(case, T0).reports["r1"].state is ReportState.OVERDUE


def test_ids_are_unique_positions():
    case = Case.new(T0)
    assert case.next_id(EntryKind.ADDRESS) == "a1"
    case = case.append(Note(text="x"), T0)
    assert case.entries[0].id == "n1"
    with pytest.raises(CaseError):
        case.append(Address(id="a1", url="https://example.org"), T0)  # a1 is taken: the next is a2
    assert case.append(Address(id="a2", url="https://example.org"), T0).entries[-1].id == "a2"


def test_the_entry_models_are_built_when_a_case_is_made_not_at_import() -> None:
    # Deferred so the window starts without them; ready once a case exists, so a first save is quick.
    import subprocess
    import sys

    script = (
        "from datetime import UTC, datetime\nfrom navigator.core import case\n"
        "print(all(m.__pydantic_complete__ for m in case.DATA_MODELS.values()))\n"
        "case.Case.new(datetime.now(UTC))\n"
        "print(all(m.__pydantic_complete__ for m in [case.Moment, *case.DATA_MODELS.values()]))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "True"]
