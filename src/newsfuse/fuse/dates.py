"""The event's date from its articles' event dates.

Each article whose text dates the event casts a vote for its date. A candidate date gathers the
votes of the articles that give it or a coarser period holding it ("February 2024" supports
"2024-02-02", not the other way round: a month is not evidence for one of its days, and a year
that holds every day would otherwise outvote them all). The most supported candidate wins, then
the finest, then the one stated most firmly (in an article's lead, spelled out, repeated: two
reports, or two incidents wrongly grouped, often tie one to one), then the one closest before
the first publication, then the earliest.

Not every vote weighs the same:

- An event happens before it is reported: a candidate more than a day after the first article's
  publication is dropped (it is a later death, arrest or funeral), unless nothing else is left.
- Follow-ups written days later date the event by a bare weekday less reliably than the first
  reports do ("Friday" in a story about the arrest is often the arrest's day); a day they spell
  out ("Feb. 20") keeps its full weight.
- An article whose text gives no date (its event date is its publication day, precision "week",
  without evidence) says only that the event happened on or shortly before that day: it backs
  candidates of the two days up to it a little, and is never a candidate itself while another
  article dates the event.

Without any dated article the earliest publication day is the date, with precision "week" when
some article went through annotation (the day is not known) and "day" when nothing else is known.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..model import AnnotatedArticle, EventDate, date_rank
from .intervals import date_interval

__all__ = ["event_date"]

_UNDATED_WEIGHT = 0.3  # an article without a date backs the days just before its publication
_UNDATED_DAYS = 2
_LATE_RELATIVE_WEIGHT = 0.5  # a bare weekday in a follow-up published days after the first report
_FOLLOW_UP_DAYS = 3
_GRACE_DAYS = 1
_RECENT_DAYS = 1  # time zones and late-night events: a day after the first publication is allowed


@dataclass(frozen=True)
class _Vote:
    date: str
    precision: str
    weight: float
    published: dt.date | None
    strength: float = 0.0


def event_date(items: list[AnnotatedArticle]) -> tuple[str | None, str | None]:
    """(ISO date, precision) of the event reported by ``items`` (see the module docstring)."""
    first = _first_publication(items)
    votes = [v for v in (_vote(i, first) for i in items) if v is not None]
    dated = [v for v in votes if v.published is None or v.weight > _UNDATED_WEIGHT]
    if not dated:
        return _undated(items, votes)
    candidates = sorted({(v.date, v.precision) for v in dated})
    plausible = [c for c in candidates if not _after(c, first)] or candidates
    mentions = _mentions(items)
    return max(plausible, key=lambda c: _rank_key(c, votes, first, mentions))


_MENTION_WEIGHT = 0.6


def _mentions(items: list[AnnotatedArticle]) -> dict[str, int]:
    """How many articles mention each day anywhere in their text (not as their event date)."""
    counts: dict[str, int] = {}
    for item in items:
        own = item.event_date.date[:10] if item.event_date else None
        for day in {d.date[:10] for d in item.dates if d.precision == "day"} - {own}:
            counts[day] = counts.get(day, 0) + 1
    return counts


def _first_publication(items: list[AnnotatedArticle]) -> dt.date | None:
    days = [d for d in (_day(i.article.published) for i in items) if d is not None]
    return min(days) if days else None


def _vote(item: AnnotatedArticle, first: dt.date | None) -> _Vote | None:
    found = item.event_date
    if found is None or not found.date:
        return None
    published = _day(item.article.published)
    if _undated_vote(found, published):
        return _Vote(found.date[:10], found.precision, _UNDATED_WEIGHT, published)
    return _Vote(found.date[:10], found.precision, _weight(found, published, first), None, _strength(item))


def _undated_vote(found: EventDate, published: dt.date | None) -> bool:
    """The annotator's stand-in when the text gives no date: the publication day, precision
    "week", no evidence."""
    return (found.start is None and not found.text and found.precision == "week"
            and published is not None and found.date[:10] == published.isoformat())


def _weight(found: EventDate, published: dt.date | None, first: dt.date | None) -> float:
    """A bare relative date ("Friday", "last night") in a follow-up counts less."""
    if published is None or first is None or (published - first).days <= _FOLLOW_UP_DAYS:
        return 1.0
    spelled = any(ch.isdigit() for ch in found.text)
    return 1.0 if spelled else _LATE_RELATIVE_WEIGHT


_LEAD_SENTENCES = 2
_SPELLED_STRENGTH, _REPEAT_STRENGTH = 0.5, 0.25


def _strength(item: AnnotatedArticle) -> float:
    """How firmly an article states its date, to break ties between equally supported dates
    (two articles of the same story, or of two incidents wrongly grouped, each giving one):
    1 when the evidence is in the lead (the lead reports the event; later sentences drift to
    the arrest or an earlier case), more when the day is spelled out ("Feb. 20" does not hang
    on a publication stamp as "Friday" does), and a little for each other mention of it."""
    found = item.event_date
    if found is None or found.start is None:
        return 0.0
    lead = any(s.start <= found.start < s.end for s in item.sentences[:_LEAD_SENTENCES])
    spelled = any(ch.isdigit() for ch in found.text)
    repeats = sum(1 for d in item.dates if d.date == found.date) - 1
    return float(lead) + _SPELLED_STRENGTH * spelled + _REPEAT_STRENGTH * repeats


def _rank_key(candidate: tuple[str, str], votes: list[_Vote], first: dt.date | None, mentions: dict) -> tuple:
    """Support first, then the finest precision, the firmest statement (``_strength``), the
    closest before the first publication, the earliest."""
    day = _day(candidate[0])
    support = round(sum(_support(v, candidate) for v in votes) + _MENTION_WEIGHT * mentions.get(candidate[0], 0), 6)
    fine = -date_rank(candidate[1])
    before = (first - day).days if first and day else 0
    closeness = -(before - _RECENT_DAYS if before > _RECENT_DAYS else max(0, -before))
    strength = sum(v.strength for v in votes if (v.date, v.precision) == candidate and v.published is None)
    return (support, fine, strength, closeness, [-ord(ch) for ch in candidate[0]])


def _support(vote: _Vote, candidate: tuple[str, str]) -> float:
    """The vote's weight when it backs ``candidate``: the same date, a coarser period holding
    it, or (an undated article) a day just before its publication."""
    if vote.published is not None:
        day = _day(candidate[0])
        ok = candidate[1] == "day" and day is not None and 0 <= (vote.published - day).days <= _UNDATED_DAYS
        return vote.weight if ok else 0.0
    if (vote.date, vote.precision) == candidate:
        return vote.weight
    if date_rank(vote.precision) <= date_rank(candidate[1]):
        return 0.0  # a finer or equally fine vote backs only its own date
    low, high = _days(vote.date, vote.precision)
    c_low, c_high = _days(*candidate)
    return vote.weight if low <= c_low and c_high <= high else 0.0


def _days(iso: str, precision: str) -> tuple[float, float]:
    """First and last day (ordinals) of the period; ``date_interval`` widens a day by half a
    day each side, which a containment test must not see."""
    low, high = date_interval(iso, precision)
    return (low + 0.5, high - 0.5) if precision == "day" else (low, high)


def _after(candidate: tuple[str, str], first: dt.date | None) -> bool:
    day = _day(candidate[0])
    return bool(first and day and (day - first).days > _GRACE_DAYS)


def _undated(items: list[AnnotatedArticle], votes: list[_Vote]) -> tuple[str | None, str | None]:
    published = sorted(d for d in (_day(i.article.published) for i in items) if d is not None)
    if published:
        return published[0].isoformat(), ("week" if votes else "day")
    fallback = sorted((v.date, v.precision) for v in votes)
    return fallback[0] if fallback else (None, None)


def _day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
