"""The event's date from its articles' event dates (newsfuse.fuse.dates.event_date)."""

from __future__ import annotations

import pytest

from newsfuse.fuse.dates import event_date
from newsfuse.model import AnnotatedArticle, Article, EventDate

_COUNT = iter(range(10_000))


def _item(published: str | None, date: str | None = None, precision: str = "day", text: str = "Friday",
          mentions: tuple[str, ...] = ()) -> AnnotatedArticle:
    """An article published on ``published`` whose text dates the event ``date`` (evidence
    ``text``); without ``date``, the annotator's stand-in: the publication day, precision week."""
    n = next(_COUNT)
    article = Article(id=f"a{n}", sha256=f"a{n}", text="Invented text.", published=published)
    if date is None:
        found = EventDate(published, "week", "", None, None) if published else None
    else:
        found = EventDate(date, precision, text, 0, len(text))
    others = [EventDate(m, "day", "Sunday", 0, 6) for m in mentions]
    return AnnotatedArticle(article=article, event_date=found, dates=others)


@pytest.mark.parametrize(
    "items, expected",
    [
        # a year holds every day but is evidence for none of them
        ([_item("2024-02-03", "2024-02-02"), _item("2024-02-03", "2024-02-03"),
          _item("2024-02-05", "2024-01-01", "year", "in 2024")], ("2024-02-02", "day")),
        # two reports of the month outweigh one stray day outside it
        ([_item("2024-03-10", "2024-02-01", "month", "in February"),
          _item("2024-03-10", "2024-02-01", "month", "in February"), _item("2024-03-10", "2024-03-09")],
         ("2024-02-01", "month")),
        # a month backs the day inside it
        ([_item("2024-02-04", "2024-02-01", "month", "this month"), _item("2024-02-04", "2024-02-02")],
         ("2024-02-02", "day")),
    ],
)
def test_fuse_dates_coarser_votes_back_finer_days_not_the_reverse(items, expected):
    assert event_date(items) == expected


def test_fuse_dates_days_after_the_first_report_are_follow_ups():
    first = _item("2024-02-03", "2024-02-02")
    later = [_item("2024-02-12", "2024-02-09", text="Feb. 9"), _item("2024-02-12", "2024-02-09", text="Feb. 9")]
    assert event_date([first, *later]) == ("2024-02-02", "day")


@pytest.mark.parametrize(
    "dates, expected",
    [
        (("2024-01-12", "2024-02-02"), "2024-02-02"),  # weeks before the first report: less likely
        (("2024-02-03", "2024-02-02"), "2024-02-02"),  # the day before publication and that day: the earlier
    ],
)
def test_fuse_dates_ties_go_to_the_day_closest_before_the_first_report(dates, expected):
    items = [_item("2024-02-03", d, text="Feb. 2") for d in dates]
    assert event_date(items)[0] == expected


def test_fuse_dates_a_bare_weekday_in_a_late_follow_up_counts_less():
    early = [_item("2024-02-03", "2024-02-01", text="Thursday"), _item("2024-02-04", "2024-02-01", text="Feb. 1")]
    late = [_item("2024-02-12", "2024-02-02", text="last Friday") for _ in range(3)]
    assert event_date(early + late) == ("2024-02-01", "day")


def test_fuse_dates_days_other_articles_mention_break_ties():
    items = [_item("2024-02-03", "2024-02-01", text="Thursday"), _item("2024-02-03", "2024-01-31", text="Wednesday"),
             _item("2024-02-04", "2024-02-01", mentions=("2024-01-31",)),
             _item("2024-02-04", "2024-01-28", mentions=("2024-01-31",))]
    assert event_date(items) == ("2024-01-31", "day")


def test_fuse_dates_undated_articles_never_outvote_a_dated_one():
    items = [_item("2024-02-05"), _item("2024-02-05"), _item("2024-02-06", "2024-02-02")]
    assert event_date(items) == ("2024-02-02", "day")


@pytest.mark.parametrize(
    "items, expected",
    [
        ([_item("2024-02-05"), _item("2024-02-04")], ("2024-02-04", "week")),  # the day is not known
        ([_item(None)], (None, None)),
    ],
)
def test_fuse_dates_without_dated_articles_the_first_publication_stands_in(items, expected):
    assert event_date(items) == expected
