"""The event's date when two dates have the same support: the firmer statement wins (in the
lead, spelled out, repeated), before closeness to the first report. Invented texts."""

from __future__ import annotations

from newsfuse.fuse.dates import event_date
from newsfuse.model import AnnotatedArticle, Article, EventDate, Span


def _item(n: int, text: str, evidence: str, date: str, published: str, others: tuple[str, ...] = ()) -> AnnotatedArticle:
    """An article whose event date is ``date``, read from ``evidence`` in ``text``; ``others``
    are further days its text mentions."""
    start = text.index(evidence)
    found = EventDate(date, "day", evidence, start, start + len(evidence))
    cut = text.index(". ") + 2
    sentences = [Span(0, cut), Span(cut, len(text))]
    article = Article(id=f"t{n}", sha256=f"t{n}", text=text, published=published)
    dates = [found] + [EventDate(d, "day", "x", 0, 1) for d in others]
    return AnnotatedArticle(article=article, event_date=found, dates=dates, sentences=sentences)


def test_fuse_dates_tie_goes_to_the_day_spelled_out_in_the_lead():
    weekday = _item(1, "Crews cleared the lot. A man was shot there Sunday, police said.", "Sunday",
                    "2024-02-04", "2024-02-05")
    spelled = _item(2, "A man was shot in the lot on Feb. 3, police said. A suspect is sought.", "Feb. 3",
                    "2024-02-03", "2024-02-12")
    assert event_date([weekday, spelled]) == ("2024-02-03", "day")


def test_fuse_dates_without_a_firmer_statement_the_closest_before_the_first_report_wins():
    early = _item(3, "A man was shot Friday in the lot. Police are investigating.", "Friday",
                  "2024-02-02", "2024-02-03")
    late = _item(4, "A man was shot Sunday in the lot. Police are investigating.", "Sunday",
                 "2024-01-28", "2024-02-03")
    assert event_date([early, late]) == ("2024-02-02", "day")
