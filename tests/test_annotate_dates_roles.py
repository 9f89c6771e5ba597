"""Dates: what each date is the day of (event, aftermath, statement), and stamps that are no
event's day. The sentences are invented."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from newsfuse.annotate.dates import choose_event_date, find_dates

SAT = dt.date(2024, 2, 3)  # a Saturday


def _sentences(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences: a stop, then a space and a capital ("9 p.m. on" goes on)."""
    starts = [0] + [m.end() for m in re.finditer(r"[.!?]\s+(?=[A-Z0-9])", text)]
    return list(zip(starts, starts[1:] + [len(text)]))


def _event(text: str, pub: dt.date | None = SAT) -> str | None:
    chosen = choose_event_date(find_dates(text, pub), _sentences(text), text, pub)
    return chosen.date.isoformat() if chosen else None


@pytest.mark.parametrize(
    "text, date",
    [
        # the verb nearest before the date decides, however far its sentence's event noun is
        ("A teenager was arrested Friday for the shooting of a bus driver. The shooting happened in the "
         "courtyard of the Maple Grove apartments in the 2500 block of Willow Lane, just before 9 p.m. on Monday.",
         "2024-01-29"),
        ("The sheriff revealed Friday that the girl had been shot in the arm. The shooting at the farm was "
         "reported on Wednesday.", "2024-01-31"),
        # "Friday with murder": a preposition does not make the date the noun's day
        ("A retired teacher was charged on Friday with murder. Investigators said he opened fire on a "
         "neighbor in a dispute over a fence line on Tuesday night.", "2024-01-30"),
        # no verb before the date: the one right after it ("a judge on Friday refused")
        ("A family court judge on Friday refused to release the boy. The gun went off around noon last "
         "Tuesday as the boys played with it.", "2024-01-30"),
        # a date before its noun is that noun's day
        ("The mayor spoke Friday about Wednesday's shooting at the mall.", "2024-01-31"),
        ("Relatives held a Friday vigil on the corner where a boy was wounded Tuesday.", "2024-01-30"),
        # the injuries were suffered on the earlier day, the death came later
        ("A cook died Friday from injuries he suffered Wednesday night in a robbery.", "2024-01-31"),
        # a verb after the date in another clause ("who shot", "after ... shot") is not the date's
        ("Deputies searched Friday for the man who shot a clerk. The clerk was wounded at a gas station "
         "on Wednesday night, police said.", "2024-01-31"),
        ("Officers combed the woods on Friday after a hunter shot a hiker by mistake. The hiker was hit "
         "Thursday afternoon near a trail.", "2024-02-01"),
        # but "when" describes the day itself
        ("Shots rang out early Sunday when a fight broke out at a party. Police said Friday two men face charges.",
         "2024-01-28"),
    ],
)
def test_dates_event_date_follows_the_verb_of_each_date(text, date):
    assert _event(text) == date


def test_dates_older_spelled_day_gets_no_bonus_when_a_recent_day_reads_as_the_event():
    text = "A woman was shot Thursday night on Elm Road. Her brother was shot on Jan. 9 across town."
    assert _event(text) == "2024-02-01"


def test_dates_birth_dates_are_never_the_event_date():
    text = "Suspect: Jane Roe. Date of birth: 04/12/1990. She was charged after a fight on Friday."
    assert _event(text) == "2024-02-02"


def test_dates_holiday_weeks_before_publication_is_not_the_event_day():
    sunday = dt.date(2024, 10, 20)
    text = "Two men were shot and killed at a Christmas party, relatives recalled. Officers responded to a call on Saturday."
    assert _event(text, sunday) == "2024-10-19"


@pytest.mark.parametrize(
    "text",
    [
        "4:14 PM MONDAY: The road reopened after the crash.",
        "Update -- Feb. 2, 2024, 11:37 a.m.: An arrest was made.",
        "Feb. 2, 2024 11:16 AM\n\nA man was shot near a park.",
    ],
)
def test_dates_update_lines_with_clock_times_are_stamps(text):
    found = find_dates(text, SAT)
    assert found and found[0].stamp


def test_dates_a_clock_time_after_an_event_day_in_a_sentence_is_no_stamp():
    found = find_dates("The shooting happened Friday at 11:30 p.m. near the park.", SAT)
    assert [f.stamp for f in found] == [False]
