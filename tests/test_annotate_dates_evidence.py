"""Dates: which evidence stands for the event's day (the year a weekday names, the shooting
before the death, a headline when the text gives no day, nothing after publication). The
sentences are invented."""

from __future__ import annotations

import datetime as dt

import pytest

from newsfuse.annotate.dates import find_dates
from newsfuse.model import Article
from test_annotate_dates_roles import SAT, _event


@pytest.mark.parametrize(
    "text, pub, date",
    [
        # months after it, the weekday names the year: 12 Sept. fell on a Tuesday in 2023
        ("The robbery happened Tuesday, Sept. 12, near the pier.", dt.date(2024, 5, 20), "2023-09-12"),
        # 12 Sept. 2023 was a Tuesday, 2022 a Monday: the weekday points a year further back
        ("The robbery happened Monday, Sept. 12, near the pier.", dt.date(2024, 5, 20), "2022-09-12"),
        # in a fresh report a weekday that does not fit is a slip, not another year
        ("The robbery happened Wednesday, Jan. 30, near the pier.", SAT, "2024-01-30"),
    ],
)
def test_weekday_with_month_day_names_the_year_of_older_dates(text, pub, date):
    found = find_dates(text, pub)
    assert [f.date.isoformat() for f in found] == [date]


def test_year_attached_without_a_space_after_the_comma():
    found = find_dates("The clinic opened on March 3,2019 downtown.", SAT)
    assert [f.date.isoformat() for f in found] == ["2019-03-03"]


def test_death_day_yields_to_the_day_of_the_shooting():
    text = ("A teenager died Friday at a children's hospital. Police said he was shot in the back "
            "Tuesday night while walking home from practice.")
    assert _event(text) == "2024-01-30"


def test_death_day_stands_when_no_shooting_day_precedes_it():
    text = "A retired pilot died Friday after a gun he was cleaning went off in his garage."
    assert _event(text) == "2024-02-02"


def test_a_day_after_publication_is_never_the_event_date():
    text = "Two men were wounded on Feb. 4 outside a bakery, police said Friday."
    assert _event(text) == "2024-02-02"


def test_headline_day_stands_in_when_the_text_gives_none(annotator):
    article = Article(id="t", sha256="", text="Two people were hurt when someone fired at a crowded porch.",
                      title="Police seek gunman in Thursday night porch shooting", published="2024-02-03")
    item = next(annotator.annotate([article]))
    assert (item.event_date.date, item.event_date.precision) == ("2024-02-01", "day")
    assert item.event_date.start is None and item.event_date.text == "Thursday night"


def test_old_headline_date_is_not_the_event_date(annotator):
    article = Article(id="t", sha256="", text="Services will be held at the chapel on the hill.",
                      title="Jane Roe, March 4, 1950 - Jan. 2, 2024", published="2024-02-03")
    item = next(annotator.annotate([article]))
    assert (item.event_date.date, item.event_date.precision) == ("2024-02-03", "week")
