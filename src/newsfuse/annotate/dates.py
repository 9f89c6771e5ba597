"""Date expressions in the text, resolved against the publication date; the event date.

Why our own rules rather than dateparser for the relative expressions: news writing has its
own convention. A bare weekday ("police said the shooting happened Friday") is the most
recent such day on or before publication, never a future one; "last Sunday" in an article
of Saturday 3 February 2024 is 28 January; "Wednesday night" in a Thursday paper is the day
before. dateparser resolves bare weekdays to the coming or the current week depending on
settings, does not give a precision, and costs about a millisecond per call; a handful of
regular expressions and ``datetime`` arithmetic are exact, fast and deterministic. Absolute
dates ("Feb. 2", "Saturday, Feb. 3, 2024", "2/3/2024") are parsed here too: the year, when
missing, is the one that puts the date on or just before publication (or after it when the
sentence speaks of the future: "will appear in court March 5").

The event date (``AnnotatedArticle.event_date``) is the first date of the sentence that best
reads as the report of the event: the lead, or the first sentence with an event verb (shot,
killed, struck, happened, ...), not a sentence about the court case or the vigil. A day spelled
out more than a week before publication next to an event word gains (follow-ups give the
weekday of the arrest but spell the older event's date); a bare weekday six days back loses
(often the day after a stale publication stamp). "UPDATE @ 4:10 p.m. (Oct. 20)" is a stamp. Dates after
publication and "Posted:/Updated:" stamps are never event dates. When the text gives no date
at all, the publication day is used with precision "week" (the event happened on or shortly
before it; the day is not known) and no evidence span (``start`` None): publication time is
not event time, and the coarser precision says so. Without a publication date, the update
date (``Article.updated``), the page's own publishing stamp ("Updated: Sat March 8, 2025"),
or, last, a full date in a photo caption stands in for it; without any, only absolute dates
count, and a bare year ("in 2019") with no event word near it is never the event date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..model import AnnotatedArticle, EventDate
from . import component

__all__ = ["dates", "find_dates", "parse_published", "choose_event_date", "FoundDate"]

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
_PART = r"(?:\s+(?:morning|afternoon|evening|night|overnight))?"

# (kind, pattern, words one of which the lower-cased text must hold for the pattern to be
# tried). Patterns run on the lower-cased text: case-insensitive matching and trying every
# position are what cost time, and most articles hold few of these words.
_MONTH_WORDS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_PATTERNS: list[tuple[str, re.Pattern[str], tuple[str, ...]]] = [
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<day>[0-2]\d|3[01])\b"), ("-",)),
    ("mdy", re.compile(rf"(?<![a-z])(?=[a-z])(?:{_WD},?\s+)?{_MON}\s+{_DAY}\b(?:,?\s+{_YEAR}\b)?"), _MONTH_WORDS),
    ("dmy", re.compile(rf"\b(?=\d){_DAY}\s+(?:of\s+)?{_MON}(?![a-z])(?:,?\s+{_YEAR}\b)?"), _MONTH_WORDS),
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
    r"(?:posted|updated?|published|created|last\s+modified|copyright|©)\s*:?\s*(?:on\s+)?"
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
            stamp = bool(_STAMP.search(lower[max(0, match.start() - 45): match.start()]))
            evidence = text[match.start(): match.end()]
            found.append(FoundDate(day, precision, evidence, match.start(), match.end(), stamp, kind))
    found.sort(key=lambda f: f.start)
    return found


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
    return _nearest_year(month, day, pub, future), "day"


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


# Words that report the event itself, and words that report what came after it. They are
# weighed near the date expression ("shot Tuesday", "charged Friday"), then in its sentence.
_EVENT = re.compile(
    r"\b(?:shot|shoot|shooting|shootings|gunfire|gunman|gunmen|opened\s+fire|fired|killed|kills?|killing|"
    r"wounded|injured|hurt|struck|strikes?|attack(?:ed|s)?|bomb(?:ed|ing|s)?|exploded|explosion|blast|stabbed|"
    r"happened|occurred|took\s+place|broke\s+out|launched|crash(?:ed)?|murder(?:ed)?|homicide|robbery|robbed|"
    r"carjacking|standoff|slaying|gunshot|(?:air\s*)?strikes?|airstrikes?|raids?|bombard(?:ed|ment)|shelling|"
    r"conducted|carried\s+out)\b",
    re.I,
)
_WEAK_EVENT = re.compile(r"\b(?:died|dead|death|deadly|fatal|fatally|found|incident|responded|called\s+to)\b", re.I)
_AFTERMATH = re.compile(
    r"\b(?:arrested|arrest|charged|charges|sentenced|sentencing|pleaded|plea|trial|court|hearing|arraigned|"
    r"indicted|indictment|convicted|jury|judge|vigil|funeral|memorial|identified|released|bond|bail|"
    r"appeared|appear|said|says|told|confirmed|announced|reported|report|statement|remained|remains|"
    r"recovering|gathered|rally|filed|lowered|set|condition|hospitalized|mourned|remembered)\b",
    re.I,
)


def choose_event_date(found: list[FoundDate], sentences: list[tuple[int, int]], text: str,
                      pub: dt.date | None) -> FoundDate | None:
    """The date of the main event among ``found`` (see the module docstring): the best
    scored; among near ties the first sentence, and in it the earliest day (an event
    precedes what is said about it: "died Friday after being shot Thursday")."""
    usable = [f for f in found if not f.stamp and (pub is None or f.date <= pub + dt.timedelta(days=1))]
    if not usable:
        return None
    scored = [(_score(f, sentences, text) + _older_bonus(f, text, pub) - _stale_penalty(f, pub), f) for f in usable]
    top = max(score for score, _ in scored)
    if top < 0.0 and pub is not None and all(f.precision == "year" or f.date.year < pub.year - 1 for f in usable):
        return None  # only background years ("since 1965"): say nothing rather than that
    if top < 1.0 and all(f.precision == "year" for f in usable):
        return None  # "in 2019" with no event near it is background, not the event's year
    close = [f for score, f in scored if score >= top - 0.6]
    days = [f for f in close if f.precision == "day"] or close
    first = min(_sentence_of(f, sentences) for f in days)
    chosen = min((f for f in days if _sentence_of(f, sentences) == first), key=lambda f: (f.date, f.start))
    return _refine(chosen, scored, top) if chosen.precision != "day" else chosen


_OLDER_BONUS = 1.5
_STALE_PENALTY = 4.0
_SPAN_DAYS = {"week": 7, "month": 31, "year": 366}


def _refine(chosen: FoundDate, scored: list[tuple[float, FoundDate]], top: float) -> FoundDate:
    """A day the text gives inside the chosen week or month ("last month" ... "on Nov. 27")."""
    end = chosen.date + dt.timedelta(days=_SPAN_DAYS[chosen.precision])
    if chosen.precision == "month":
        end = (chosen.date.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    inside = [(score, f) for score, f in scored
              if f.precision == "day" and chosen.date <= f.date < end and score > top - 3.5]
    return max(inside, key=lambda t: (t[0], -t[1].start))[1] if inside else chosen


_SPELLED = frozenset({"iso", "mdy", "dmy", "numeric"})


def _older_bonus(f: FoundDate, text: str, pub: dt.date | None) -> float:
    """A day spelled out ("Feb. 20") more than a week before publication, with an event word
    near it: follow-ups name the weekday of the arrest but spell the date of the older event."""
    if pub is None or f.precision != "day" or f.kind not in _SPELLED or (pub - f.date).days <= 6:
        return 0.0
    near = text[max(0, f.start - 90): f.end + 40]
    return _OLDER_BONUS if _EVENT.search(near) else 0.0


def _stale_penalty(f: FoundDate, pub: dt.date | None) -> float:
    """A bare weekday six days before publication is as often the day after a stale stamp
    ("police said Tuesday" in a page first stamped Monday, then updated): trust it less."""
    if pub is None or f.kind != "weekday" or (pub - f.date).days != 6:
        return 0.0
    return 0.0 if f.text.lower().startswith(("last", "this past")) else _STALE_PENALTY


def _sentence_of(f: FoundDate, sentences: list[tuple[int, int]]) -> int:
    return next((i for i, (s, e) in enumerate(sentences) if s <= f.start < e), len(sentences))


def _score(f: FoundDate, sentences: list[tuple[int, int]], text: str) -> float:
    """Event words near the date raise it, aftermath words just before it lower it; the
    sentence's words count less; earlier sentences and finer precision win ties."""
    index, (start, end) = next(
        ((i, s) for i, s in enumerate(sentences) if s[0] <= f.start < s[1]), (len(sentences), (f.start, f.end))
    )
    near = text[max(start, f.start - 90): min(end, f.end + 40)]
    before = text[max(start, f.start - 25): f.start]
    sentence = text[start:end]
    score = 0.0
    if _EVENT.search(near):
        score += 3.0
    elif _EVENT.search(sentence):
        score += 1.5
    if _WEAK_EVENT.search(near):
        score += 0.7
    if _AFTERMATH.search(before):
        score -= 2.0
    elif _AFTERMATH.search(sentence):
        score -= 0.5
    score -= min(index, 20) * 0.08 - (0.4 if index <= 1 else 0.0)  # the lead reports the event
    score -= {"day": 0.0, "week": 0.8, "month": 1.2, "year": 2.0}[f.precision]
    return score


def _caption_days(captions: list[str]) -> list[dt.date]:
    """Full dates in photo captions ("..., on February 2, 2024"): taken at or just before
    publication, they are the last resort to anchor "Friday" or "last Sunday"."""
    return [f.date for c in captions for f in find_dates(c, None) if f.precision == "day"]


@component("dates", requires=("sentences",), sets=("dates", "event_date"))
def dates(item: AnnotatedArticle, doc: object) -> AnnotatedArticle:
    """All resolvable dates of the text, and the event date (see the module docstring)."""
    text = item.article.text
    # the update time when the publication time is unknown: the text was written by then
    pub = parse_published(item.article.published) or parse_published(item.article.updated)
    found = find_dates(text, pub)
    if pub is None:  # no metadata date: the page's own stamp ("Updated: ... March 8, 2025") dates it
        stamps = [f.date for f in found if f.stamp and f.precision == "day"]
        stamps = stamps or _caption_days(item.article.captions)
        if stamps:
            pub = max(stamps)
            found = find_dates(text, pub)
    item.dates = [f.to_event_date() for f in found if not f.stamp]
    spans = [(s.start, s.end) for s in item.sentences]
    chosen = choose_event_date(found, spans, text, pub)
    if chosen is not None:
        item.event_date = chosen.to_event_date()
    elif pub is not None:
        item.event_date = EventDate(pub.isoformat(), "week", "", None, None)
    return item
