"""navigator.core.lazy: mappings that make each value on first access and otherwise act as a dict."""

from __future__ import annotations

import threading

import pytest

from navigator.core.lazy import Filtered, LazyMap, keys_where, made, values_where

KEYS = ["b", "a", "d", "c"]  # not sorted: the order given is the order kept


def counted(index: dict[str, int]) -> tuple[LazyMap[str, str, int], list[str]]:
    calls: list[str] = []

    def make(key: str, token: int) -> str:
        calls.append(key)
        return f"{key}{token}"

    return LazyMap(index, make), calls


def plain() -> dict[str, str]:
    return {key: f"{key}{position}" for position, key in enumerate(KEYS)}


def test_a_lazy_map_reads_as_the_dict_it_stands_for() -> None:
    lazy, calls = counted({key: position for position, key in enumerate(KEYS)})
    expected = plain()
    assert len(lazy) == 4 and list(lazy) == KEYS and list(lazy.keys()) == list(expected.keys())
    assert "a" in lazy and "z" not in lazy and calls == []  # keys, length and membership make nothing
    assert lazy["d"] == "d2" and lazy.get("z") is None and lazy.get("z", "none") == "none"
    assert calls == ["d"]
    with pytest.raises(KeyError):
        lazy["z"]
    assert list(lazy.items()) == list(expected.items()) and list(lazy.values()) == list(expected.values())
    assert lazy == expected and expected == lazy and lazy != {**expected, "a": "other"}
    assert sorted(calls) == sorted(KEYS)  # each value made once, however often it is read
    assert made(lazy) == 4


def test_a_lazy_map_is_set_and_deleted_as_a_dict() -> None:
    lazy, calls = counted({key: position for position, key in enumerate(KEYS)})
    expected = plain()
    for mapping in (lazy, expected):
        mapping["a"] = "new"
        mapping["e"] = "added"
        del mapping["b"]
    assert list(lazy) == list(expected) == ["a", "d", "c", "e"]
    assert lazy == expected and "b" not in lazy and len(lazy) == 4
    assert calls == ["d", "c"]  # only the values never set were made, when compared
    with pytest.raises(KeyError):
        del lazy["b"]


def test_values_and_keys_where_make_only_the_values_asked_for() -> None:
    lazy, calls = counted({key: position for position, key in enumerate(KEYS)})
    assert keys_where(lazy, lambda key: key in "ac") == ["a", "c"] and calls == []
    assert values_where(lazy, lambda key: key in "ac") == ["a1", "c3"] and calls == ["a", "c"]
    assert values_where(plain(), lambda key: key in "ac") == ["a1", "c3"]  # a dict, as always
    assert keys_where(plain(), lambda key: key in "ac") == ["a", "c"]


def test_two_threads_asking_at_once_get_the_one_value_kept() -> None:
    started = threading.Barrier(2)

    def make(key: str, token: int) -> object:
        started.wait(timeout=5)  # both threads are making the value at the same time
        return object()

    lazy: LazyMap[str, object, int] = LazyMap({"a": 0}, make)
    found: list[object] = []
    threads = [threading.Thread(target=lambda: found.append(lazy["a"])) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert found[0] is found[1] is lazy["a"]


def test_a_filtered_map_reads_as_the_dict_comprehension_it_replaces() -> None:
    lazy, calls = counted({key: position for position, key in enumerate(KEYS)})
    kept: list[str] = []

    def keep(value: str) -> str | None:
        kept.append(value)
        return None if value.startswith("d") else value.upper()

    filtered = Filtered(lazy, keep)
    expected = {key: value.upper() for key, value in plain().items() if not value.startswith("d")}
    assert filtered.get("a") == "A1" and calls == ["a"] and kept == ["a1"]
    assert "d" not in filtered and filtered.get("d") is None and "z" not in filtered
    with pytest.raises(KeyError):
        filtered["d"]
    assert values_where(filtered, lambda key: key == "c") == ["C3"] and calls == ["a", "d", "c"]
    assert list(filtered) == list(expected) == ["b", "a", "c"] and len(filtered) == 3
    assert filtered == expected and dict(filtered.items()) == expected
    assert keys_where(filtered, lambda key: key != "a") == ["b", "c"]
    assert sorted(kept) == sorted(plain().values())  # each value through ``keep`` once
