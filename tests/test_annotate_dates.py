"""Dates: expressions resolved against the publication date, and the event date."""

from __future__ import annotations

import datetime as dt

import pytest

from newsfuse.annotate.dates import choose_event_date, find_dates, parse_published
from newsfuse.model import Article

SAT = dt.date(2024, 2, 3)  # a Saturday
FRI = dt.date(2024, 2, 2)


def _one(text: str, pub: dt.date | None):
    found = find_dates(text, pub)
    assert len(found) == 1, found
    return found[0].date.isoformat(), found[0].precision, found[0].text


@pytest.mark.parametrize(
    "text, pub, date, precision",
    [
        ("The depot was hit last Sunday.", SAT, "2024-01-28", "day"),
        ("The depot was hit last Sunday.", FRI, "2024-01-28", "day"),
        ("It happened Friday.", SAT, "2024-02-02", "day"),
        ("It happened Saturday.", SAT, "2024-02-03", "day"),  # a bare weekday may be the same day
        ("It happened Sunday.", SAT, "2024-01-28", "day"),  # never the coming Sunday
        ("A car was stolen Wednesday night.", dt.date(2024, 2, 1), "2024-01-31", "day"),
        ("A car was stolen last Saturday.", SAT, "2024-01-27", "day"),  # "last" on that weekday: a week back
        ("Police said yesterday that two were hurt.", SAT, "2024-02-02", "day"),
        ("Crews worked through last night.", SAT, "2024-02-02", "day"),
        ("The bridge closed this morning.", SAT, "2024-02-03", "day"),
        ("The mill shut on Feb. 2.", SAT, "2024-02-02", "day"),
        ("The mill shut on Dec. 30.", dt.date(2024, 1, 4), "2023-12-30", "day"),  # year rolls back
        ("Results came on Saturday, Feb. 3, 2024.", None, "2024-02-03", "day"),
        ("Fighting resumed on 14 March 2019.", None, "2019-03-14", "day"),
        ("The fire was set 3/15/2021.", None, "2021-03-15", "day"),
        ("Three shops were robbed earlier this month.", SAT, "2024-02-01", "month"),
        ("Two storms hit last week.", SAT, "2024-01-22", "week"),  # the Monday of that week
        ("Two storms hit last month.", SAT, "2024-01-01", "month"),
        ("The plant opened in 2011.", SAT, "2011-01-01", "year"),
        ("Talks began in March 2022.", None, "2022-03-01", "month"),
        ("The family was robbed two days ago.", SAT, "2024-02-01", "day"),
        ("He was hurt on Thanksgiving Day.", dt.date(2023, 11, 28), "2023-11-23", "day"),
    ],
)
def test_relative_and_absolute_dates_resolve(text, pub, date, precision):
    got = _one(text, pub)
    assert got[:2] == (date, precision)
    assert got[2] in text


@pytest.mark.parametrize(
    "text, pub, date",
    [
        ("He will appear in court Monday.", SAT, "2024-02-05"),
        ("The trial is scheduled for March 5.", SAT, "2024-03-05"),
        ("The vote is next Tuesday.", SAT, "2024-02-06"),
    ],
)
def test_future_statements_look_forward(text, pub, date):
    assert _one(text, pub)[0] == date


@pytest.mark.parametrize("text", ["It happened Friday.", "A fire broke out yesterday.", "The bridge closed last week."])
def test_relative_dates_need_a_publication_date(text):
    assert find_dates(text, None) == []


def test_publishing_stamps_are_marked():
    found = find_dates("Posted: Thursday, March 12, 2015 7:41 AM EDT", dt.date(2015, 3, 12))
    assert found and found[0].stamp


@pytest.mark.parametrize(
    "value, expected",
    [("2024-02-03", dt.date(2024, 2, 3)), ("2024-02-03T08:43:00-05:00", dt.date(2024, 2, 3)), (None, None), ("soon", None)],
)
def test_parse_published(value, expected):
    assert parse_published(value) == expected


def _event(text: str, pub: dt.date):
    sentences, start = [], 0
    for part in text.split(". "):
        end = start + len(part) + 1
        sentences.append((start, min(end, len(text))))
        start = end + 1
    chosen = choose_event_date(find_dates(text, pub), sentences, text, pub)
    return chosen.date.isoformat() if chosen else None


@pytest.mark.parametrize(
    "text, pub, date",
    [
        # the event day, not the day of the arrest or of the statement
        ("A man was charged Friday. The man shot his neighbor Tuesday night, police said.", SAT, "2024-01-30"),
        ("A boy died Friday after he was shot Wednesday at a park. A vigil is set for Monday.", SAT, "2024-01-31"),
        ("Police said Saturday that the fire started Thursday in a shed.", SAT, "2024-02-01"),
        ("The city council met on Monday. Two people were killed in a crash on Wednesday.", SAT, "2024-01-31"),
    ],
)
def test_event_date_prefers_the_event_over_its_aftermath(text, pub, date):
    assert _event(text, pub) == date


def test_event_date_ignores_dates_after_publication():
    text = "Two men were shot Tuesday. A hearing is set for March 9."
    assert _event(text, SAT) == "2024-01-30"


def test_component_sets_dates_and_event_date(annotator):
    text = "A store clerk was shot during a robbery last Sunday, police said.\n\nA suspect was arrested Friday."
    item = next(annotator.annotate([Article(id="t", sha256="", text=text, published="2024-02-03")]))
    assert item.event_date.date == "2024-01-28" and item.event_date.precision == "day"
    assert text[item.event_date.start:item.event_date.end] == item.event_date.text == "last Sunday"
    assert {d.date for d in item.dates} == {"2024-01-28", "2024-02-02"}


def test_without_dates_the_event_date_falls_back_to_publication_with_week_precision(annotator):
    item = next(annotator.annotate([Article(id="t", sha256="", text="A fire hurt two people.", published="2024-02-03")]))
    assert item.event_date.date == "2024-02-03" and item.event_date.precision == "week"
    assert item.event_date.start is None


def test_without_publication_date_only_absolute_dates_count(annotator):
    text = "The strike hit a depot on Friday. The first raid was on June 27, 2021."
    item = next(annotator.annotate([Article(id="t", sha256="", text=text)]))
    assert item.event_date.date == "2021-06-27"
    assert [d.date for d in item.dates] == ["2021-06-27"]


def test_update_time_stands_in_for_a_missing_publication_date(annotator):
    text = "Mourners buried three victims of last Tuesday's blast at a grain silo."
    article = Article(id="t", sha256="", text=text, published=None, updated="2025-03-08T10:20:00+02:00")
    item = next(annotator.annotate([article]))
    assert item.event_date.date == "2025-03-04" and item.event_date.text == "last Tuesday's"


def test_page_stamp_stands_in_when_no_date_metadata(annotator):
    text = "Updated: 9:05 AM EST, Sat March 8, 2025\n\nA silo exploded the day before yesterday, officials said."
    item = next(annotator.annotate([Article(id="t", sha256="", text=text)]))
    assert item.event_date.date == "2025-03-06"
    assert all(d.text != "March 8, 2025" for d in item.dates)  # a stamp is not a date of the story


@pytest.mark.parametrize(
    "stamp, date",
    [
        ("Posted: Saturday, March 2, 2024 7:39 AM EST", "2024-03-02"),  # re-stamped or fetched weeks later
        ("Updated: 03/02/2024 4:26 PM", "2024-03-02"),
        ("Posted: Thursday, March 14, 2024 7:39 AM EST", "2024-03-16"),  # within a week: the metadata stands
    ],
)
def test_page_stamp_weeks_before_the_publication_date_anchors_the_weekdays(annotator, stamp, date):
    text = f"{stamp}\n\nTwo men were shot early Saturday outside a bowling alley, police said."
    item = next(annotator.annotate([Article(id="t", sha256="", text=text, published="2024-03-20")]))
    assert item.event_date.date == date and item.event_date.text == "early Saturday"


@pytest.mark.parametrize(
    "text",
    ["UPDATE @ 4:10 p.m. (Feb. 3): Officers reopened the road.", "Update: 9:15 a.m., Feb. 3, 2024 — the road is open."],
)
def test_update_notes_are_stamps_not_events(text):
    found = find_dates(text, SAT)
    assert found and found[0].stamp


def test_spelled_out_day_of_an_older_event_beats_the_weekday_of_the_arrest():
    # pub Saturday 3 Feb 2024: the arrest was this week, the shooting weeks before
    text = "Detectives caught a gunman Thursday at a motel. He shot a store clerk on Jan. 9, police said."
    assert _event(text, SAT) == "2024-01-09"


def test_spelled_out_recent_day_gets_no_bonus_over_the_lead():
    # within the week of publication a spelled day is no older than the lead's weekday
    text = "A woman was shot Thursday night on Elm Road. Her cousin was stabbed on Jan. 30 in a separate fight."
    assert _event(text, SAT) == "2024-02-01"


def test_weekday_six_days_back_is_trusted_less_than_the_event_weekday():
    # page stamped Friday: "Saturday" may be the next day's update; "last Saturday" is meant
    text = "Officers were called Saturday to a shooting on Elm Road. Neighbors heard gunfire Thursday night."
    assert _event(text, FRI) == "2024-02-01"
    assert _event("The boy was shot last Saturday near a park.", FRI) == "2024-01-27"
