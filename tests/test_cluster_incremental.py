"""Incremental grouping: order independence, look-alikes apart, same event joined."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfuse.cluster.incremental import Clusterer, event_id, refine
from test_cluster_fixtures import ALL, GOLD


def _membership(clusterer: Clusterer) -> dict[str, frozenset[str]]:
    ids = {a.article.sha256: a.article.id for a in ALL}
    return {ev: frozenset(ids[s] for s in members) for ev, members in clusterer.events().items()}


def _at_once() -> dict[str, frozenset[str]]:
    clusterer = Clusterer()
    clusterer.add(ALL)
    return _membership(clusterer)


def test_add_groups_fixture_events_like_gold() -> None:
    groups = {frozenset(m) for m in _at_once().values()}
    gold: dict[str, set[str]] = {}
    for article, event in GOLD.items():
        gold.setdefault(event, set()).add(article)
    assert groups == {frozenset(g) for g in gold.values()}


def test_lookalike_shootings_same_city_same_week_stay_apart() -> None:
    events = _at_once()
    owner = {a: ev for ev, members in events.items() for a in members}
    assert owner["alder-1"] != owner["mill-1"]
    assert owner["alder-3"] != owner["mill-2"]


@settings(max_examples=25, deadline=None)
@given(order=st.permutations(list(range(len(ALL)))), cuts=st.lists(st.integers(1, len(ALL) - 1), max_size=4))
def test_membership_independent_of_order_and_batches(order: list[int], cuts: list[int]) -> None:
    items = [ALL[i] for i in order]
    bounds = [0, *sorted(set(cuts)), len(items)]
    clusterer = Clusterer()
    for start, end in zip(bounds, bounds[1:]):
        clusterer.add(items[start:end])
    assert _membership(clusterer) == _at_once()


def test_add_returns_affected_event_ids_and_skips_known_articles() -> None:
    clusterer = Clusterer()
    first = clusterer.add(ALL[:1])
    assert first == [event_id([ALL[0].article.sha256])]
    second = clusterer.add(ALL[:2])  # ALL[0] is known: only ALL[1] is new
    assert set(clusterer.events()) <= set(second) | set(first)
    assert clusterer.add(ALL[:2]) == []


def test_event_id_is_derived_from_smallest_member() -> None:
    assert event_id(["b" * 64, "a" * 64]) == "ev-" + "a" * 16


def test_membership_persists_in_sqlite_file(tmp_path) -> None:
    path = tmp_path / "c.db"
    conn = sqlite3.connect(path, isolation_level=None)
    Clusterer(conn).add(ALL)
    conn.close()
    reopened = Clusterer(sqlite3.connect(path, isolation_level=None))
    assert _membership(reopened) == _at_once()


def test_refine_splits_a_chain_whose_ends_differ() -> None:
    scores = {("a", "b"): 0.9, ("b", "c"): 0.9, ("a", "c"): 0.0, ("c", "d"): 0.95, ("b", "d"): 0.0, ("a", "d"): 0.0}

    def pair(x: str, y: str) -> float:
        return scores[(x, y)]

    assert refine(["a", "b", "c", "d"], pair, 0.5) == [["a", "b"], ["c", "d"]]


def test_clusterer_works_inside_a_newsfuse_store(tmp_path) -> None:
    from newsfuse.store.sqlite import Store

    with Store.open(tmp_path / "s.db") as store:
        Clusterer(store).add(ALL[:4])
        Clusterer(store).add(ALL[4:])
        assert _membership(Clusterer(store)) == _at_once()


def _two_kinds(inner: float, cross: float, size: int):
    """Members a0..a{size-1} and b0..b{size-1}: ``inner`` within each letter, ``cross`` across."""
    members = sorted([f"a{i}" for i in range(size)] + [f"b{i}" for i in range(size)])
    return members, lambda x, y: inner if x[0] == y[0] else cross


@pytest.mark.parametrize(
    "inner, cross, size, parts",
    [
        (0.9, 0.5, 5, 2),  # cross pairs all link (0.5 > 0.3), but each half is far tighter: two events
        (0.6, 0.5, 5, 1),  # the halves are hardly tighter than the whole: one event
        (0.9, 0.5, 3, 1),  # too few articles on each side to call it two events
    ],
)
def test_refine_splits_two_look_alike_events(inner: float, cross: float, size: int, parts: int) -> None:
    members, pair = _two_kinds(inner, cross, size)
    groups = refine(members, pair, 0.3)
    assert len(groups) == parts
    if parts == 2:
        assert groups == [[m for m in members if m[0] == "a"], [m for m in members if m[0] == "b"]]
