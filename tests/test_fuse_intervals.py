"""Intervals a claim allows and when two claims agree (newsfuse.fuse.intervals)."""

from __future__ import annotations

import math

import pytest

from newsfuse.fuse.intervals import INF, claim_interval, date_interval, intersect
from newsfuse.model import Claim


def count(value, qualifier="exact", low=None, high=None) -> Claim:
    return Claim(slot="killed", value=value, qualifier=qualifier, low=low, high=high)


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        (count(18), (18, 18)),
        (count(16, "at_least"), (16, INF)),
        (count(40, "more_than"), (40, INF)),
        (count(20, "up_to"), (0, 20)),
        (count(20, "less_than"), (0, 20)),
        (count(24, "vague"), (24, INF)),
        (count(10, "range", low=10, high=15), (10, 15)),
        (count(40, "more_than", low=41, high=None), (40, INF)),  # news style: "85" and "more than 85" agree
        (count(12, "about", low=10, high=14), (10, 14)),
        (count("dozens", "vague"), (24, INF)),
    ],
)
def test_claim_interval_follows_the_qualifier_table(claim: Claim, expected: tuple) -> None:
    assert claim_interval(claim) == expected


@pytest.mark.parametrize("value", [5, 10, 165, 2500])
def test_claim_interval_about_has_a_tolerance_around_the_value(value: int) -> None:
    low, high = claim_interval(count(value, "about"))
    assert low < value < high
    assert low >= math.floor(0.9 * value) - 1 and high <= math.ceil(1.1 * value) + 1


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [
        (count(16, "at_least"), count(18), True),
        (count(18), count(3), False),
        (count(40, "more_than"), count(40), True),
        (count(40, "more_than"), count(39), False),
        (count(165, "about"), count(160, "more_than"), True),
        (count(85), count(24, "vague"), True),
        (count(20, "up_to"), count(25), False),
        (count(125, "more_than"), count(125), True),
        (count(20, "less_than"), count(21), False),
    ],
)
def test_intersect_decides_agreement(a: Claim, b: Claim, agree: bool) -> None:
    assert (intersect(claim_interval(a), claim_interval(b)) is not None) is agree


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [
        (("2024-02-02", "day"), ("2024-02-03", "day"), True),  # time zones: one day apart
        (("2024-02-02", "day"), ("2024-02-04", "day"), False),
        (("2024-02-01", "month"), ("2024-02-20", "day"), True),
        (("2024-01-29", "week"), ("2024-02-10", "day"), False),
        (("2024-01-01", "year"), ("2024-12-31", "day"), True),
    ],
)
def test_date_interval_agreement(a: tuple, b: tuple, agree: bool) -> None:
    assert (intersect(date_interval(*a), date_interval(*b)) is not None) is agree


def test_date_claim_uses_date_interval() -> None:
    claim = Claim(slot="date", value="2024-02-02", qualifier="day")
    assert claim_interval(claim) == date_interval("2024-02-02", "day")
