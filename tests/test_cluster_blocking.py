"""Blocking: look-alike fixtures still meet the articles of their own event."""

from __future__ import annotations

import itertools

import pytest

from newsfuse.cluster.blocking import block_keys
from newsfuse.cluster.features import extract
from test_cluster_fixtures import ALL, GOLD, make


def _share_key(a, b) -> bool:
    return bool(set(block_keys(extract(a))) & set(block_keys(extract(b))))


@pytest.mark.parametrize(
    "a,b",
    [(a, b) for a, b in itertools.combinations(ALL, 2) if GOLD[a.article.id] == GOLD[b.article.id]],
    ids=lambda item: item.article.id,
)
def test_blocking_proposes_every_same_event_pair(a, b) -> None:
    assert _share_key(a, b)


def test_block_keys_are_deterministic_and_sorted() -> None:
    keys = block_keys(extract(ALL[0]))
    assert keys == sorted(set(keys)) == block_keys(extract(ALL[0]))


def test_blocking_keeps_far_apart_dates_apart_except_rare_names() -> None:
    early = make("e", "Gunfire on Quillon Street wounded a courier named Bertrand Oyelaran.", published="2015-01-02")
    late = make("l", "Gunfire on Quillon Street wounded a courier named Bertrand Oyelaran.", published="2018-06-02")
    shared = set(block_keys(extract(early))) & set(block_keys(extract(late)))
    assert shared and all(k.startswith(("r:", "n:")) and k.endswith(":-") for k in shared)


def test_blocking_joins_a_follow_up_weeks_later_through_rare_names() -> None:
    first = make("f", "Police said Bertrand Oyelaran was wounded on Quillon Street.", published="2016-01-02")
    later = make("g", "A jury heard how Bertrand Oyelaran was shot on Quillon Street.", published="2016-03-20")
    assert set(block_keys(extract(first))) & set(block_keys(extract(later)))
