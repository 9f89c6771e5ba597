"""Date expressions in news text, found with regular expressions and resolved against the
publication date (see ``dates`` for why not dateparser, and for the choice of the event date).

A bare weekday ("police said the shooting happened Friday") is the most recent such day on or
before publication, never a future one; "last Sunday" in an article of Saturday 3 February
2024 is 28 January; "Wednesday night" in a Thursday paper is the day before. Absolute dates
("Feb. 2", "Saturday, Feb. 3, 2024", "2/3/2024") take, when the year is missing, the year that
puts them on or just before publication (or after it when the sentence speaks of the future:
"will appear in court March 5"); a weekday given with a month-day months away from
publication ("Saturday, Sept. 12" in a story of January) picks the nearest year in which that
day fell on that weekday.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..model import EventDate

__all__ = ["FoundDate", "find_dates", "parse_published", "WEEKDAYS", "MONTHS"]

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY_ABBR = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6}
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")
_MONTH_ABBR = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
               "oct": 10, "nov": 11, "dec": 12}

_WD = r"(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday|(?:mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.)"
_MON = r"(?P<mon>january|february|march|april|may|june|july|august|september|october|november|december|" \
       r"(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?)"
_DAY = r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_YEAR_AFTER = rf"(?:(?:,\s*|\s+){_YEAR}\b)?"  # "Feb. 21, 2015", "Feb. 21 2015", "Feb. 21,2015"
_PART = r"(?:\s+(?:morning|afternoon|evening|night|overnight))?"

# (kind, pattern, words one of which the lower-cased text must hold for the pattern to be
# tried). Patterns run on the lower-cased text: case-insensitive matching and trying every
# position are what cost time, and most articles hold few of these words.
_MONTH_WORDS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_PATTERNS: list[tuple[str, re.Pattern[str], tuple[str, ...]]] = [
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<day>[0-2]\d|3[01])\b"), ("-",)),
    ("mdy", re.compile(rf"(?<![a-z])(?=[a-z])(?:{_WD},?\s+)?{_MON}\s+{_DAY}\b{_YEAR_AFTER}"), _MONTH_WORDS),
    ("dmy", re.compile(rf"\b(?=\d){_DAY}\s+(?:of\s+)?{_MON}(?![a-z]){_YEAR_AFTER}"), _MONTH_WORDS),
    ("numeric", re.compile(r"\b(?P<m>1[0-2]|0?[1-9])/(?P<day>[12]\d|3[01]|0?[1-9])/(?P<year>(?:19|20)?\d\d)\b"), ("/",)),
    ("month_year", re.compile(rf"(?<![a-z])(?=[a-z])(?:(?:early|mid|late)[- ])?{_MON}\s+(?:of\s+)?{_YEAR}\b"), _MONTH_WORDS),
    ("rel_day", re.compile(r"(?<![a-z])(?=[ytletd])(?P<rel>(?:the\s+)?day\s+before\s+yesterday|yesterday|today|tonight|last\s+night|this\s+(?:morning|afternoon|evening)|"
                           r"earlier\s+today)\b"), ("yesterday", "today", "tonight", "night", "this")),
    ("weekday", re.compile(rf"(?<![a-z])(?=[ltnemwfs])(?:(?P<mod>last|this\s+past|this|next|early|late)\s+)?{_WD}(?:['’]s)?{_PART}\b"),
     ("day", "mon.", "tue", "wed.", "thu", "fri.", "sat.", "sun.")),
    ("holiday", re.compile(r"(?<![a-z])(?P<hol>thanksgiving(?:\s+day)?|christmas\s+eve|christmas(?:\s+day)?|"
                           r"new\s+year['’]?s\s+eve|new\s+year['’]?s(?:\s+day)?|fourth\s+of\s+july|independence\s+day|"
                           r"halloween|memorial\s+day|labor\s+day|easter(?:\s+sunday)?|valentine['’]?s\s+day)\b"),
     ("thanksgiving", "christmas", "new year", "july", "independence", "halloween", "memorial", "labor",
      "easter", "valentine")),
    ("ago", re.compile(r"\b(?P<n>\d+|one|two|three|four|five|six|seven|a)\s+(?P<unit>days?|weeks?|months?|years?)\s+ago\b"), (" ago",)),
    ("rel_period", re.compile(r"(?<![a-z])(?=[ltepo])(?P<which>last|this\s+past|this|earlier\s+this|past|over\s+the)\s+"
                              r"(?P<unit>week|weekend|month|year)\b"), ("week", "month", "year")),
    ("month_only", re.compile(rf"(?<![a-z])(?=[isleumd])(?P<pre>in|since|last|early|late|mid|until|during)[- ]{_MON}(?!\s+\d)\b"), _MONTH_WORDS),
    ("year_only", re.compile(rf"(?<![a-z])(?=[isd])(?:in|since|during)\s+{_YEAR}\b"), ("in ", "since ", "during ")),
]
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "a": 1}
_FUTURE = re.compile(r"\b(?:will|is\s+scheduled|are\s+scheduled|scheduled\s+for|is\s+set\s+to|are\s+set\s+to|"
                     r"set\s+for|is\s+expected\s+to|are\s+expected\s+to|due\s+(?:back\s+)?in\s+court|next)\b", re.I)
# A publishing stamp ends right before the date: "Updated: 10:20 AM EET, Sat March 8, 2025".
_STAMP = re.compile(
    r"(?:posted|updated?|added|published|created|last\s+modified|copyright|©)\s*[:\-–—]*\s*(?:on\s+)?"
    r"(?:[\d:.,\s@(]|a\.?m\.?|p\.?m\.?|\b[a-z]{1,2}[sd]?t\b|gmt|utc|mon|tue|tues|wed|thu|thurs|fri|sat|sun)*$")


@dataclass(frozen=True)
class FoundDate:
    """A resolved date expression: ``date`` (first day of the period), ``precision``, the
    evidence ``text`` and its span; ``stamp`` for publishing stamps ("Updated: ...")."""

    date: dt.date
    precision: str
    text: str
    start: int
    end: int
    stamp: bool = False
    kind: str = ""  # the pattern that found it: "mdy", "weekday", ...

    def to_event_date(self) -> EventDate:
        return EventDate(self.date.isoformat(), self.precision, self.text, self.start, self.end)


def parse_published(value: str | None) -> dt.date | None:
    """The publication day from an ISO date or datetime string; None when absent or unreadable."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def find_dates(text: str, published: dt.date | None) -> list[FoundDate]:
    """Every date expression of ``text`` that can be resolved, in text order, not overlapping
    (the earlier pattern in the list wins at the same place, longer matches first)."""
    lower = text.lower()
    if len(lower) != len(text):  # a few characters change length when lower-cased
        lower = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
    taken: list[tuple[int, int]] = []
    found: list[FoundDate] = []
    for kind, pattern, needs in _PATTERNS:
        if not any(word in lower for word in needs):
            continue
        for match in pattern.finditer(lower):
            if any(match.start() < e and s < match.end() for s, e in taken):
                continue
            if match.groupdict().get("mon") and not text[match.start("mon")].isupper():
                continue  # "march", "may" in lower case are a verb or a noun, not months
            resolved = _resolve(kind, match, lower, published)
            if resolved is None:
                continue
            day, precision = resolved
            taken.append((match.start(), match.end()))
            stamp = _is_stamp(lower, match.start(), match.end())
            evidence = text[match.start(): match.end()]
            found.append(FoundDate(day, precision, evidence, match.start(), match.end(), stamp, kind))
    found.sort(key=lambda f: f.start)
    return found


# A live-blog entry opens with its clock time and day ("4:14 PM MONDAY: ..."); a byline or
# update line gives the day, then the clock time, and ends ("Oct. 27, 2013 11:16 AM").
_CLOCK_LINE = re.compile(r"(?:^|\n)[ \t]*\d{1,2}:\d\d\s*(?:[ap]\.?m\.?)?[\s,]*$")
_CLOCK_AFTER = re.compile(r"[\s,]*\d{1,2}:\d\d\s*(?:[ap]\.?m\.?)?\s*(?:[a-z]{1,2}[sd]?t\b)?\s*(?:[:|\n]|$)")


def _is_stamp(lower: str, start: int, end: int) -> bool:
    """Whether the date at ``start:end`` stamps the page or one of its updates."""
    if _STAMP.search(lower[max(0, start - 45): start]):
        return True
    if lower.startswith(":", end) and _CLOCK_LINE.search(lower[max(0, start - 20): start]):
        return True
    return bool(_CLOCK_AFTER.match(lower, end))


def _resolve(kind: str, m: re.Match[str], text: str, pub: dt.date | None) -> tuple[dt.date, str] | None:
    future = _is_future(text, m.start())
    try:
        if kind in ("iso", "mdy", "dmy", "numeric"):
            return _absolute_day(m, pub, future)
        if kind == "month_year":
            return dt.date(int(m["year"]), _month(m["mon"]), 1), "month"
        if kind == "year_only":
            return dt.date(int(m["year"]), 1, 1), "year"
    except ValueError:
        return None
    if pub is None:
        return None
    if kind == "rel_day":
        rel = m["rel"].lower()
        # "last night" is the evening before the publication day, like "yesterday"
        if "before" in rel:
            return pub - dt.timedelta(days=2), "day"
        return (pub - dt.timedelta(days=1) if rel.startswith(("yesterday", "last")) else pub), "day"
    if kind == "weekday":
        return _weekday(m, pub, future), "day"
    if kind == "ago":
        return _ago(m, pub)
    if kind == "holiday":
        return _holiday(m["hol"], pub, future), "day"
    if kind == "rel_period":
        return _period(m, pub)
    if kind == "month_only":
        if m["mon"].lower() == "may" and m["pre"].lower() not in ("in", "since", "last", "early", "late", "mid"):
            return None
        return _month_near(_month(m["mon"]), pub, future), "month"
    return None


def _is_future(text: str, start: int) -> bool:
    """Whether the clause before ``start`` speaks of the future ("will be arraigned Monday")."""
    left = text[max(0, start - 80): start]
    cut = max(left.rfind(". "), left.rfind("\n"))
    return bool(_FUTURE.search(left[cut + 1:]))


def _month(name: str) -> int:
    key = name.lower().rstrip(".")
    return MONTHS.index(key) + 1 if key in MONTHS else _MONTH_ABBR[key]


def _absolute_day(m: re.Match[str], pub: dt.date | None, future: bool) -> tuple[dt.date, str] | None:
    month = int(m["m"]) if "m" in m.groupdict() and m["m"] else _month(m["mon"])
    day = int(m["day"])
    year_text = m["year"]
    if year_text:
        year = int(year_text)
        year = year + 2000 if year < 100 else year
        return dt.date(year, month, day), "day"
    if pub is None:
        return None
    nearest = _nearest_year(month, day, pub, future)
    weekday = m.groupdict().get("wd")
    if weekday and abs((pub - nearest).days) > _RECENT_MONTH_DAY:
        return _year_of_weekday(nearest, _weekday_index(weekday), future), "day"
    return nearest, "day"


_WEEKDAY_YEARS = 6  # look back at most six years: older stories seldom leave the year out
_RECENT_MONTH_DAY = 60  # days: a recent month-day is this year's even when its weekday is a slip


def _year_of_weekday(nearest: dt.date, weekday: int, future: bool) -> dt.date:
    """"Saturday, Sept. 12" in a follow-up published months later: the weekday names the
    year, the nearest one where that month-day falls on it (else the nearest year). Only for
    month-days months away from publication: in a fresh report a weekday that does not fit
    is the writer's slip, not another year."""
    step = 1 if future else -1
    for shift in range(_WEEKDAY_YEARS):
        try:
            candidate = nearest.replace(year=nearest.year + step * shift)
        except ValueError:  # 29 February
            continue
        if candidate.weekday() == weekday:
            return candidate
    return nearest


def _nearest_year(month: int, day: int, pub: dt.date, future: bool) -> dt.date:
    """The month-day on or before publication (two days' grace for time zones and late
    publishing), or on or after it for future statements."""
    for year in ((pub.year, pub.year + 1) if future else (pub.year, pub.year - 1)):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:  # 29 February
            continue
        if future and candidate >= pub or not future and candidate <= pub + dt.timedelta(days=2):
            return candidate
    return dt.date(pub.year - 1 if not future else pub.year + 1, month, min(day, 28))


def _weekday_index(name: str) -> int:
    key = name.lower().rstrip(".")
    return WEEKDAYS.index(key) if key in WEEKDAYS else _WEEKDAY_ABBR[key]


def _weekday(m: re.Match[str], pub: dt.date, future: bool) -> dt.date:
    """News convention: the most recent such day on or before publication; "last X" on an
    X is a week back; "next X" and future clauses look forward."""
    target = _weekday_index(m["wd"])
    mod = (m["mod"] or "").lower()
    back = (pub.weekday() - target) % 7
    if mod == "next" or (future and mod not in ("last", "this past")):
        ahead = (target - pub.weekday()) % 7
        return pub + dt.timedelta(days=ahead or 7)
    if mod == "last" and back == 0:
        back = 7
    return pub - dt.timedelta(days=back)


def _holiday_in(name: str, year: int) -> dt.date:
    """The date of a US holiday (the ones news reports date events by) in ``year``."""
    key = " ".join(name.replace("’", "'").split())
    if key.startswith("thanksgiving"):
        first = dt.date(year, 11, 1)
        return first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)
    if key.startswith("memorial"):
        last = dt.date(year, 5, 31)
        return last - dt.timedelta(days=last.weekday())
    if key.startswith("labor"):
        first = dt.date(year, 9, 1)
        return first + dt.timedelta(days=(0 - first.weekday()) % 7)
    if key.startswith("easter"):
        from dateutil.easter import easter

        return easter(year)
    fixed = {"christmas eve": (12, 24), "new year's eve": (12, 31), "new years eve": (12, 31),
             "fourth of july": (7, 4), "independence day": (7, 4), "halloween": (10, 31)}
    for prefix, (month, day) in fixed.items():
        if key.startswith(prefix):
            return dt.date(year, month, day)
    if key.startswith("christmas"):
        return dt.date(year, 12, 25)
    if key.startswith("valentine"):
        return dt.date(year, 2, 14)
    return dt.date(year, 1, 1)  # New Year's Day


def _holiday(name: str, pub: dt.date, future: bool) -> dt.date:
    """The holiday nearest before publication (after it for future statements)."""
    if future:
        this = _holiday_in(name, pub.year)
        return this if this >= pub else _holiday_in(name, pub.year + 1)
    this = _holiday_in(name, pub.year)
    return this if this <= pub + dt.timedelta(days=2) else _holiday_in(name, pub.year - 1)


def _ago(m: re.Match[str], pub: dt.date) -> tuple[dt.date, str] | None:
    raw = m["n"].lower()
    n = _NUMBERS.get(raw) or int(raw)
    unit = m["unit"].lower().rstrip("s")
    if unit == "day":
        return pub - dt.timedelta(days=n), "day"
    if unit == "week":
        day = pub - dt.timedelta(weeks=n)
        return day - dt.timedelta(days=day.weekday()), "week"
    if unit == "month":
        month_index = pub.year * 12 + pub.month - 1 - n
        return dt.date(month_index // 12, month_index % 12 + 1, 1), "month"
    return dt.date(pub.year - n, 1, 1), "year"


def _period(m: re.Match[str], pub: dt.date) -> tuple[dt.date, str]:
    """"last week" (its Monday), "this month", "last weekend" (its Saturday; precision week)."""
    which = " ".join(m["which"].lower().split())
    unit = m["unit"].lower()
    previous = which in ("last", "past")
    if unit == "weekend":
        back = (pub.weekday() - 5) % 7
        if which == "last" and back < 2:
            back += 7
        return pub - dt.timedelta(days=back), "week"
    if unit == "week":
        monday = pub - dt.timedelta(days=pub.weekday())
        return (monday - dt.timedelta(days=7) if previous else monday), "week"
    if unit == "month":
        if previous:
            first = pub.replace(day=1) - dt.timedelta(days=1)
            return first.replace(day=1), "month"
        return pub.replace(day=1), "month"
    return dt.date(pub.year - 1 if previous else pub.year, 1, 1), "year"


def _month_near(month: int, pub: dt.date, future: bool) -> dt.date:
    if future:
        return dt.date(pub.year if month >= pub.month else pub.year + 1, month, 1)
    return dt.date(pub.year if month <= pub.month else pub.year - 1, month, 1)
