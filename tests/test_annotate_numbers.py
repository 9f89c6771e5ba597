"""Numbers with qualifiers and bounds, on phrases written for these tests."""

from __future__ import annotations

import pytest

from newsfuse.annotate.numbers import bounds, find_quantities, parse_number


def _one(text: str):
    found = find_quantities(text)
    assert len(found) == 1, [q.text for q in found]
    return found[0]


@pytest.mark.parametrize(
    "text, value, qualifier, low, high",
    [
        ("officials counted 85 of them", 85, "exact", 85, 85),
        ("a crowd of 1,200 gathered", 1200, "exact", 1200, 1200),
        ("three were hurt", 3, "exact", 3, 3),
        ("twenty-one guests left", 21, "exact", 21, 21),
        ("two hundred and five homes", 205, "exact", 205, 205),
        ("at least 16 died", 16, "at_least", 16, None),
        ("no fewer than 9 trucks", 9, "at_least", 9, None),
        ("more than 40 were hurt", 40, "more_than", 41, None),
        ("over 125 shells", 125, "more_than", 126, None),
        ("about 165 raids", 165, "about", 148, 182),
        ("roughly 50 houses", 50, "about", 45, 55),
        ("some 20 boats", 20, "about", 18, 22),
        ("nearly 30 cars", 30, "about", 27, 30),
        ("up to 20 vans", 20, "up_to", None, 20),
        ("as many as 12 rooms", 12, "up_to", None, 12),
        ("fewer than 20 tents", 20, "less_than", None, 19),
        ("between 10 and 15 boats", 10, "range", 10, 15),
        ("10-15 boats", 10, "range", 10, 15),
        ("two or three trucks", 2, "range", 2, 3),
        ("dozens of homes", 24, "vague", 24, None),
        ("scores of shops", 40, "vague", 40, None),
        ("hundreds of families", 200, "vague", 200, None),
        ("several barns", 3, "vague", 3, None),
        ("a dozen boats", 12, "about", 10, 14),
        ("more than a dozen boats", 12, "more_than", 13, None),
    ],
)
def test_find_quantities_reads_value_qualifier_and_bounds(text, value, qualifier, low, high):
    quantity = _one(text)
    assert (quantity.value, quantity.qualifier, quantity.low, quantity.high) == (value, qualifier, low, high)


@pytest.mark.parametrize(
    "text, minutes",
    [("the raid lasted 30 minutes", 30), ("it lasted half an hour", 30), ("a two-hour siege", 120), ("for 2 hours", 120)],
)
def test_find_quantities_converts_durations_to_minutes(text, minutes):
    quantity = _one(text)
    assert quantity.unit == "minutes" and quantity.value == minutes


@pytest.mark.parametrize(
    "text",
    [
        "Jordan Pike, 35, walked home.",                 # age in apposition
        "the victim, 23, was a nurse",                   # age after a noun
        "a 21-year-old woman and a 4-month-old boy",     # ages as adjectives
        "aged 35 and from Ohio",                         # age after "aged"
        "It happened in 2015 near the lake.",            # year
        "on Feb. 7, 2016, after dark",                   # date
        "at 11:40 p.m. and again at 6 a.m.",             # clock times
        "in the 1200 block of Elm Street",               # block address
        "a house at 4500 Maple Avenue",                  # street address
        "the corner of 52 S. 410 West",                  # grid address
        "on Route 66 near Tower 22",                     # labels after a capitalised word
        "bail was set at $5,000",                        # money
        "crime fell 30 percent",                         # percentage
        "a .40-caliber pistol and an AR-15",             # calibres and models
        "call 555-1234 with tips",                       # phone number
        "Page 2 of 3",                                   # page marker
        "no one was hurt",                               # "no one" is not a count
    ],
)
def test_find_quantities_ignores_non_counts(text):
    assert find_quantities(text) == []


def test_find_quantities_spans_include_the_qualifier():
    text = "They fired more than 85 rounds."
    quantity = _one(text)
    assert text[quantity.start:quantity.end] == "more than 85"
    assert text[quantity.number_start:quantity.end] == "85"


@pytest.mark.parametrize(
    "words, value",
    [("1,200", 1200), ("twenty-one", 21), ("a dozen", 12), ("2.5 million", 2_500_000), ("ninety nine", 99), ("pizza", None)],
)
def test_parse_number_reads_digits_and_words(words, value):
    assert parse_number(words) == value


@pytest.mark.parametrize(
    "value, qualifier, expected",
    [(16, "exact", (16, 16)), (16, "at_least", (16, None)), (40, "more_than", (41, None)),
     (20, "up_to", (None, 20)), (20, "less_than", (None, 19)), (3, "about", (2, 4))],
)
def test_bounds_follow_the_documented_rule(value, qualifier, expected):
    assert bounds(value, qualifier) == expected


def test_find_quantities_is_deterministic():
    text = "At least 16 died and more than 40 were hurt in 2015 on Route 66."
    assert find_quantities(text) == find_quantities(text)


def test_find_quantities_gives_each_caller_its_own_list() -> None:
    first = find_quantities("Three people were killed and 12 were hurt.")
    first.clear()  # the result is remembered per text: callers must not share it
    assert [q.value for q in find_quantities("Three people were killed and 12 were hurt.")] == [3, 12]
