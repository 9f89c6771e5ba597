"""The event's date from its articles' event dates.

A candidate date is supported by every article whose event date covers it or is covered by
it (a "February 2024" supports "2024-02-02"); the most supported wins, then the finest
precision, then the most articles giving exactly it, then the earliest. Publication dates
only when no article has an event date (the earliest publication day, precision "day").
"""

from __future__ import annotations

from ..model import AnnotatedArticle, DATE_PRECISIONS
from .intervals import date_interval, intersect

__all__ = ["event_date"]


def event_date(items: list[AnnotatedArticle]) -> tuple[str | None, str | None]:
    dates = [i.event_date for i in items if i.event_date and i.event_date.date]
    if not dates:
        published = sorted(i.article.published[:10] for i in items if i.article.published)
        return (published[0], "day") if published else (None, None)
    def exact(iso: str, precision: str) -> tuple[float, float]:
        low, high = date_interval(iso, precision)
        return (low + 0.5, high - 0.5) if precision == "day" else (low, high)
    candidates = sorted({(d.date[:10], d.precision) for d in dates})
    def score(candidate: tuple[str, str]) -> tuple:
        span = exact(*candidate)
        support = sum(1 for d in dates if intersect(span, exact(d.date[:10], d.precision)) is not None)
        same = sum(1 for d in dates if (d.date[:10], d.precision) == candidate)
        fine = -_rank(DATE_PRECISIONS, candidate[1])
        return (support, fine, same, [-ord(ch) for ch in candidate[0]])
    best = max(candidates, key=score)
    return best


def _rank(order: tuple[str, ...], value: str | None) -> int:
    return order.index(value) if value in order else len(order)
