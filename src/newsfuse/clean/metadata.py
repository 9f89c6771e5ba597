"""Metadata lines of plain text: "Source:", bylines, "Updated:" stamps, and datelines.

Each parser takes one line (already normalised) and returns what it means, or None when
the line is not of its kind. The boilerplate rules in :mod:`.text` use the same parsers to
decide what to cut, so a line is removed as metadata exactly when it is read as metadata.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from dateutil import parser as dateparser

from .outlets import known_name

__all__ = ["Byline", "Stamp", "Dateline", "parse_source_line", "parse_byline", "parse_stamp", "parse_when",
           "parse_dateline"]

# --- "Source: ..." -----------------------------------------------------------------

_SOURCE = re.compile(r"^source\s*:\s*(\S.*)$", re.IGNORECASE)
_URL = re.compile(r"^https?://\S+$", re.IGNORECASE)


def parse_source_line(line: str) -> tuple[str, str] | None:
    """("url", URL) for "Source: https://...", ("outlet", name) for "Source: CNN" (a short name)."""
    match = _SOURCE.match(line)
    if not match:
        return None
    value = match.group(1).strip()
    if _URL.match(value):
        return "url", value
    if len(value.split()) <= 4 and not value.endswith((".", "?", "!")):
        return "outlet", value
    return None


# --- bylines -------------------------------------------------------------------------


@dataclass(frozen=True)
class Byline:
    authors: tuple[str, ...]
    outlet: str | None


_BY = re.compile(r"^(?:by|written by|words by)\s+(\S.{1,200})$", re.IGNORECASE)
_BY_SPLIT = re.compile(r"\s*,\s*|\s+and\s+|\s*&\s*|\s*\|\s*|\s+[-–—]\s+|\s*;\s*|\s+in\s+(?=[A-Z])")
_ROLE = re.compile(
    r"^(?:(?:senior|chief|staff|special|foreign|political|national|local|news|"
    r"security|defen[cs]e|diplomatic|middle east|white house|pentagon)\s+)*"
    r"(?:writer|reporter|correspondent|editor|contributor|producer|staff|journalist|"
    r"analyst|desk|team|staff writer|reporting)s?$",
    re.IGNORECASE,
)
_PARTICLES = {"al", "el", "bin", "ibn", "de", "da", "del", "della", "van", "von", "der", "la", "le", "du", "dos", "di", "abu"}
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,7}$")


def _name_token(token: str) -> bool:
    if token.lower() in _PARTICLES or re.split(r"[-'’]", token.lower())[0] in _PARTICLES:
        return True  # "al-Hassan", "d'Alembert"
    core = token.strip(".'’-")
    return bool(core) and core[0].isupper() and not any(ch.isdigit() for ch in core)


_OUTLET_WORDS = re.compile(
    r"^the\s|\b(?:news|courier|times|post|herald|tribune|gazette|journal|press|agency|wire|tv|television|radio|"
    r"network|daily|bulletin|monitor|chronicle|observer|telegraph|express|mail|today|media|online|magazine)\b",
    re.IGNORECASE,
)


def _is_person(part: str) -> bool:
    if _OUTLET_WORDS.search(part):
        return False
    tokens = part.split()
    return 2 <= len(tokens) <= 5 and all(_name_token(t) for t in tokens)


def _person_case(part: str) -> str:
    """"JOHN SMITH" (AP style) as "John Smith"; mixed-case names as written."""
    return part.title() if part.isupper() else part


def parse_byline(line: str) -> Byline | None:
    """Authors and outlet of "By A, B and C, CNN"; None unless every part is a person,
    an outlet or a role ("Staff Writer")."""
    match = _BY.match(line)
    if not match or not line[:1].isupper() or line.endswith((".", "?", "!")) and not line.endswith(" Jr."):
        return None
    authors: list[str] = []
    outlet = None
    for part in (p.strip() for p in _BY_SPLIT.split(match.group(1))):
        if not part:
            continue
        part, trailing = _split_trailing_outlet(part)
        outlet = trailing or outlet
        if not part or _ROLE.match(part):
            continue
        if known_name(part) or (authors and (_ACRONYM.match(part) or _OUTLET_WORDS.search(part))):
            outlet = known_name(part) or part  # "..., CNN" / "..., The Valley Courier" after the names
        elif _is_person(part):
            authors.append(_person_case(part))
        else:
            return None
    return Byline(tuple(authors), outlet) if authors else None


def _split_trailing_outlet(part: str) -> tuple[str, str | None]:
    """"JOHN SMITH Associated Press" -> ("JOHN SMITH", "Associated Press")."""
    tokens = part.split()
    for cut in range(1, len(tokens)):
        tail = " ".join(tokens[cut:])
        name = known_name(tail)
        if name and _is_person(" ".join(tokens[:cut])):
            return " ".join(tokens[:cut]), name
    return part, None


# --- "Updated:" / "Published:" stamps ------------------------------------------------


@dataclass(frozen=True)
class Stamp:
    kind: str  # "updated" or "published"
    when: str | None  # ISO 8601; None for a bare label ("Updated:") whose date is on the next line


_STAMP = re.compile(
    r"^(?:last\s+)?(?P<label>updated|update|published|posted|modified|first published)"
    r"(?:\s+(?:on|at))?\s*:?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_ZONES: dict[str, object] = {
    "UTC": 0, "GMT": 0, "Z": 0, "BST": 3600, "CET": 3600, "CEST": 7200, "EET": 7200, "EEST": 10800,
    "EST": -5 * 3600, "EDT": -4 * 3600, "CST": -6 * 3600, "CDT": -5 * 3600,
    "MST": -7 * 3600, "MDT": -6 * 3600, "PST": -8 * 3600, "PDT": -7 * 3600,
    "AKST": -9 * 3600, "AKDT": -8 * 3600, "HST": -10 * 3600,
    "ET": "America/New_York", "CT": "America/Chicago", "MT": "America/Denver", "PT": "America/Los_Angeles",
}
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}\s*[ap]\.?m\.?\b", re.IGNORECASE)
_ZONE_WORD = re.compile(r"\b([A-Z]{1,4})\b")
_MONTHS = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/\d{4}\b",
    re.IGNORECASE,
)


def _tzinfos() -> dict[str, object]:
    out: dict[str, object] = {}
    for name, value in _ZONES.items():
        out[name] = ZoneInfo(value) if isinstance(value, str) else value
    return out


def parse_when(text: str) -> str | None:
    """ISO 8601 of a written date and time ("6:05 AM EST, Mon January 13, 2025" ->
    "2025-01-13T06:05:00-05:00"); a date only when no time is given; None unless the text
    is a date with a year and a month and nothing else."""
    text = text.strip(" .,;|()")
    if not text or len(text) > 60 or not _YEAR.search(text) or not _MONTHS.search(text):
        return None
    try:
        value = dateparser.parse(text, tzinfos=_tzinfos(), fuzzy=False, default=datetime(1900, 1, 1))
    except (ValueError, OverflowError, TypeError):
        return None
    if value.year == 1900:
        return None
    if not _TIME.search(text):
        return value.date().isoformat()
    return value.isoformat()


def parse_stamp(line: str) -> Stamp | None:
    """An "Updated: <date>" or "Published <date>" line; a bare "Updated:" gives when=None."""
    match = _STAMP.match(line)
    if not match:
        return None
    kind = "updated" if match.group("label").lower() in ("updated", "update", "modified") else "published"
    rest = match.group("rest").strip()
    if not rest:
        return Stamp(kind, None) if line.rstrip().endswith(":") else None
    when = parse_when(rest)
    return Stamp(kind, when) if when else None


# --- datelines -----------------------------------------------------------------------


@dataclass(frozen=True)
class Dateline:
    place: str  # "Erbil", "Gainesville, Fla."
    credit: str | None  # a wire credit given in the dateline: "(Reuters)"


_DATELINE = re.compile(
    r"^(?P<city>[^\W\d_][^\W\d_'’.\-/ ]*(?:[ \-'’/.][^\W\d_][^\W\d_'’.\-]*){0,3}\.?)"
    r"(?P<quals>(?:\s*,\s*[^,:()\n]{1,40}?){0,2})"
    r"\s*(?:\((?P<credit>[^)\n]{1,40})\))?"
    r"\s*(?:[-–—]{1,2}|:)(?:\s+\S|\s*$)"  # a dateline may stand alone on its line
)
_NOT_PLACES = {"UPDATE", "UPDATED", "BREAKING", "BREAKING NEWS", "WATCH", "READ MORE", "EXCLUSIVE", "NOTE",
               "PHOTOS", "VIDEO", "LIVE", "ANALYSIS", "OPINION", "EDITOR'S NOTE", "CORRECTION", "RELATED",
               "MORE", "ALSO READ", "SOURCE", "SOURCES", "WARNING", "QUOTE", "Q", "A"}
_STATE_ABBR = re.compile(r"^(?:[A-Z][a-z]{1,4}\.|[A-Z]\.[A-Z]\.|[A-Z]\.\s?[A-Z][a-z]\.)$")
_UNABBREVIATED = {"Alaska", "Hawaii", "Idaho", "Iowa", "Maine", "Ohio", "Texas", "Utah"}


def parse_dateline(line: str) -> Dateline | None:
    """The dateline opening a body paragraph: "ERBIL, Kurdistan Region - ..." -> Erbil;
    "GAINESVILLE, Fla. - ..." -> "Gainesville, Fla."; "WASHINGTON (AP) — ..." -> Washington
    with credit "AP". The place must be in capitals, as datelines are."""
    match = _DATELINE.match(line)
    if not match:
        return None
    city = match.group("city").strip()
    letters = [ch for ch in city if ch.isalpha()]
    if len(letters) < 3 or not city.isupper() or city in _NOT_PLACES or len(city.split()) > 4:
        return None
    place = city.title().replace("’S", "’s").replace("'S", "'s")
    quals = [q.strip() for q in match.group("quals").split(",") if q.strip()]
    if quals and (_STATE_ABBR.match(quals[0]) or quals[0] in _UNABBREVIATED):
        place = f"{place}, {quals[0]}"
    credit = match.group("credit")
    return Dateline(place, credit.strip() if credit else None)
