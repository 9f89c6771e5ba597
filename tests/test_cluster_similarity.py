"""Pair score: symmetric, high for one event in other words, low for look-alikes."""

from __future__ import annotations

import dataclasses

import pytest

from newsfuse.cluster.features import ArticleFeatures, extract
from newsfuse.cluster.pairmodel import HAND_WEIGHTS, LinearModel
from newsfuse.config import Settings
from newsfuse.cluster.similarity import FEATURE_NAMES, dated_apart, pair_features, score
from test_cluster_fixtures import ALDER_1, ALDER_2, ALDER_3, ALL, MILL_1, MILL_2, QUAKE_1, QUAKE_2, make

THRESHOLD = Settings().cluster_threshold


@pytest.mark.parametrize("a,b", [(ALDER_1, ALDER_2), (ALDER_2, ALDER_3), (MILL_1, MILL_2), (QUAKE_1, QUAKE_2)])
def test_score_same_event_in_other_words_is_high(a, b) -> None:
    assert score(extract(a), extract(b)) >= THRESHOLD


@pytest.mark.parametrize("a,b", [(ALDER_1, MILL_1), (ALDER_2, MILL_2), (ALDER_3, MILL_1)])
def test_score_lookalike_events_is_low(a, b) -> None:
    assert score(extract(a), extract(b)) < THRESHOLD


def test_score_unrelated_events_is_low() -> None:
    assert score(extract(ALDER_1), extract(QUAKE_1)) < THRESHOLD


def test_score_is_symmetric() -> None:
    feats = [extract(a) for a in ALL]
    for a in feats:
        for b in feats:
            assert pair_features(a, b) == pair_features(b, a)


def test_pair_features_names_are_known() -> None:
    assert set(pair_features(extract(ALDER_1), extract(MILL_1))) <= set(FEATURE_NAMES)


@pytest.mark.parametrize(
    "change,feature",
    [
        ({"town": "lakeview"}, "other_town_same_admin1"),
        ({"admin1": "indiana"}, "other_admin1"),
        ({"killed": [4.0, 4.0]}, "killed_conflict"),
        ({"event_type": "stabbing"}, "type_differ"),
        ({"published": "2019-05-20", "event_date": "2019-05-19"}, "date_far"),
    ],
)
def test_disagreement_lowers_the_score(change: dict, feature: str) -> None:
    a, b = extract(ALDER_1), extract(ALDER_2)
    changed = dataclasses.replace(b, **change)
    assert pair_features(a, changed).get(feature) == 1.0
    # The shipped trees may ignore a disagreement where it does not matter (here the texts
    # are near copies), but never raise the score for it; the hand-set weights always lower it.
    assert score(a, changed) <= score(a, b)
    hand = LinearModel(HAND_WEIGHTS)
    assert score(a, changed, hand) < score(a, b, hand)


def test_missing_annotations_neither_help_nor_hurt() -> None:
    a, b = extract(ALDER_1), extract(ALDER_2)
    bare = dataclasses.replace(b, town=None, admin1=None, killed=None, injured=None, event_type=None)
    values = pair_features(a, bare)
    assert not {"same_town", "other_admin1", "killed_agree", "killed_conflict", "type_same"} & set(values)


@pytest.mark.parametrize(
    "first_date, second_date, apart",
    [("2025-03-04", "2024-10-15", True), ("2025-03-04", "2025-03-11", False), ("2025-03-04", "2025-03-12", True)],
)
def test_score_vetoes_stories_dated_far_apart(first_date, second_date, apart):
    text = "A drone hit a fuel depot beside the market in Kobani, killing three drivers, the health office said."
    a = make("a", text, event_date=first_date, town="Kobani")
    b = make("b", text + " ", event_date=second_date, town="Kobani")
    assert dated_apart(extract(a), extract(b)) is apart
    assert (score(extract(a), extract(b)) == 0.0) is apart


def test_similarity_ages_shared_and_disjoint():
    a = ArticleFeatures(sha256="a", id="a", ages=[17, 24])
    assert pair_features(a, ArticleFeatures(sha256="b", id="b", ages=[17]))["ages_shared"] == 0.5
    assert pair_features(a, ArticleFeatures(sha256="c", id="c", ages=[31]))["ages_disjoint"] == 1.0
    assert "ages_shared" not in pair_features(a, ArticleFeatures(sha256="d", id="d"))


@pytest.mark.parametrize(
    "ages_b, killed_b, apart",
    [
        ([17], [1, 1], False),  # the arrest story three weeks on: the same 17-year-old, the same toll
        ([42], [1, 1], True),  # another victim: another shooting
        ([17], [4, 4], True),  # the same age but tolls that cannot both be true
    ],
)
def test_similarity_date_veto_yields_to_the_same_ages(ages_b, killed_b, apart):
    from newsfuse.cluster.features import ArticleFeatures

    def story(key, day, ages, killed):
        return ArticleFeatures(sha256=key, id=key, event_date=day, date_precision="day", ages=ages, killed=killed)

    first = story("a", "2016-03-01", [17], [1, 1])
    assert dated_apart(first, story("b", "2016-03-22", ages_b, killed_b)) is apart


@pytest.mark.parametrize(
    "numbers_b, published_b, feature",
    [
        (["12", "2013"], None, "year_same"),  # undated copy naming the same latest year
        (["2008", "2012"], None, "year_differ"),  # a look-alike years earlier
        (["2008"], "2013-09-10", None),  # both dated: publication dates say more than years named
        (["40"], None, None),  # no year named
    ],
)
def test_similarity_latest_year_named_in_undated_copy(numbers_b, published_b, feature):
    a = ArticleFeatures(sha256="a", id="a", numbers=["2", "2008", "2013"], published="2013-09-09")
    values = pair_features(a, ArticleFeatures(sha256="b", id="b", numbers=numbers_b, published=published_b))
    assert {k for k in values if k.startswith("year_")} == ({feature} if feature else set())
