"""What a claim allows, as an interval, and when two claims agree.

Counts. A figure claim allows the closed interval ``[low, high]`` of whole numbers:

===========  ======================  =========================================
qualifier    example                 interval
===========  ======================  =========================================
exact        "18"                    [18, 18]
at_least     "at least 16"           [16, inf)
more_than    "more than 40"          [40, inf)   (news style, see below)
about        "about 165"             [floor(0.9 v), ceil(1.1 v)], at least v-1 .. v+1
up_to        "up to 20"              [0, 20]
less_than    "fewer than 20"         [0, 20]     (news style, see below)
range        "10 to 15"              [low, high] as the extractor gave them
vague        "dozens"                [low, high] as given; else a word table
===========  ======================  =========================================

When the extractor filled ``Claim.low``/``Claim.high`` (None = open) those bounds are used, so the
table above only applies to claims that carry no bounds, except for "more than"/"fewer than": news
style writes one count as "85" in one place and "more than 85" in another (one CENTCOM statement;
"more than 40 wounded" vs "40 wounded"), so the bound itself is kept inside the interval; a strict
reading would turn every such pair into a false contradiction. Two claims **agree** when their
intervals intersect: "at least 16" and "18" agree, "18" and "3" do not.

Dates. A ``date`` claim (value ISO date, qualifier = precision) allows the days it covers: a
day, the 7 days of a week, a month, a year. A day is widened by one day each side because
reports in different time zones date the same night differently ("overnight Friday-Saturday"):
a day is [d - 0.5, d + 0.5], so consecutive days agree and days two apart do not.

Text claims (responsibility, victims, place...) agree when their normalised values are equal
and their qualifiers (asserted/denied) are equal.
"""

from __future__ import annotations

import calendar
import math
from datetime import date, timedelta

from ..model import Claim

__all__ = ["Interval", "claim_interval", "intersect", "is_numeric", "date_interval", "INF"]

INF = math.inf
Interval = tuple[float, float]

# Smallest (and largest) number a vague word allows, when the extractor gave no bounds.
_VAGUE_WORDS = {"dozens": (24, INF), "scores": (40, INF), "hundreds": (200, INF), "thousands": (2000, INF),
                "several": (3, INF), "a few": (2, 5), "many": (2, INF), "numerous": (3, INF)}


def is_numeric(claim: Claim) -> bool:
    """True for a count (an int or float value that is not a bool)."""
    return isinstance(claim.value, (int, float)) and not isinstance(claim.value, bool)


def claim_interval(claim: Claim) -> Interval:
    """The interval of values ``claim`` allows (see the module table)."""
    if claim.slot == "date":
        return date_interval(str(claim.value), claim.qualifier)
    if claim.qualifier in ("more_than", "less_than") and is_numeric(claim):
        return _from_qualifier(float(claim.value), claim.qualifier)
    if claim.low is not None or claim.high is not None:
        low = 0.0 if claim.low is None else float(claim.low)
        high = INF if claim.high is None else float(claim.high)
        return (low, high)
    if not is_numeric(claim):
        word = str(claim.value).strip().lower()
        return _VAGUE_WORDS.get(word, (0.0, INF))
    return _from_qualifier(float(claim.value), claim.qualifier)


def _from_qualifier(value: float, qualifier: str) -> Interval:
    if qualifier == "at_least":
        return (value, INF)
    if qualifier == "more_than":
        return (value, INF)
    if qualifier == "about":
        return (min(math.floor(0.9 * value), value - 1), max(math.ceil(1.1 * value), value + 1))
    if qualifier == "up_to":
        return (0.0, value)
    if qualifier == "less_than":
        return (0.0, value)
    if qualifier == "vague":
        return (value, INF)
    return (value, value)


def intersect(a: Interval, b: Interval) -> Interval | None:
    """The common part of two intervals, None when they are disjoint."""
    low, high = max(a[0], b[0]), min(a[1], b[1])
    return (low, high) if low <= high else None


def date_interval(iso: str, precision: str | None) -> Interval:
    """Days (proleptic ordinals) a date of ``precision`` covers; a day gets +-0.5 for time zones."""
    try:
        start = date.fromisoformat(iso[:10])
    except ValueError:
        return (0.0, INF)
    if precision == "week":
        end = start + timedelta(days=6)
    elif precision == "month":
        end = start.replace(day=calendar.monthrange(start.year, start.month)[1])
    elif precision == "year":
        end = start.replace(month=12, day=31)
    else:
        return (start.toordinal() - 0.5, start.toordinal() + 0.5)
    return (start.toordinal(), end.toordinal())
