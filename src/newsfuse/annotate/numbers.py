"""Numbers in text, with their qualifiers and the bounds the wording allows.

``find_quantities(text)`` returns every counted number of a text: digits ("85", "1,200",
"2.5 million"), words ("three", "twenty-one", "a dozen", "half an hour") and vague words
("dozens", "several", "scores of", "hundreds"), each with a qualifier from
:data:`newsfuse.model.QUALIFIERS` read from the words before it ("at least 16",
"more than 85", "about 165", "up to 20", "between 10 and 15", "10-15").

Numbers that do not count anything are left out: years, clock times, ages ("Dana
Whitlock, 35", "a 21-year-old", "aged 35"), street addresses ("1200 block of", "52 S. 410
West", "4500 Main Street"), labels after a capitalised word ("Route 66", "Tower 22",
"Channel 4"), money ("$5,000", "5 dollars"), percentages, phone numbers, calibres and
model names ("AR-15", ".40-caliber", "9mm"), and page or footnote markers ("1 of 3",
a number standing alone at the end of a paragraph).

Bounds rule (``low``/``high``, None when open):

============  ==========================================  ==============================
qualifier     example                                     low .. high
============  ==========================================  ==============================
exact         "16"                                        16 .. 16
at_least      "at least 16", "no fewer than 16"           16 .. None
more_than     "more than 40", "over 40"                   41 .. None
about         "about 165", "roughly", "some", "around"    v - d .. v + d, d = ceil(v / 10)
                                                          and at least 1 (148 .. 182)
about         "nearly 30", "almost 30" (close, below)     v - d .. v
up_to         "up to 20", "as many as 20"                 None .. 20
less_than     "less than 20", "fewer than 20"             None .. 19
range         "between 10 and 15", "10-15", "two or three"  10 .. 15 (value is the low end)
vague         "dozens" / "several" / "hundreds"           24 / 3 / 200 .. None (value = low)
============  ==========================================  ==============================

Durations ("30 minutes", "half an hour", "two hours") carry ``unit="minutes"`` with the
value converted to minutes.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass

__all__ = ["Quantity", "find_quantities", "parse_number", "bounds", "WORD_NUMBERS"]

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
WORD_NUMBERS = {**_UNITS, **_TENS}

# Vague words: (smallest number the word allows, largest or None).
_VAGUE = {
    "dozens": (24, None), "scores": (40, None), "hundreds": (200, None),
    "thousands": (2000, None), "tens of thousands": (20000, None),
    "several": (3, None), "a few": (2, 5), "a handful": (3, 6), "multiple": (2, None),
    "numerous": (3, None), "a number": (2, None),
}

_UNIT_WORD = r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_TENS_WORD = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_SMALL_WORD = rf"(?:{_TENS_WORD}(?:[- ]{_UNIT_WORD})?|{_UNIT_WORD})"
_SCALE_WORD = r"(?:hundred|thousand|million|billion)"
_WORDNUM = (
    rf"(?:(?:{_SMALL_WORD}|a)\s+{_SCALE_WORD}(?:\s+(?:and\s+)?{_SMALL_WORD})?|{_SMALL_WORD})"
)
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+(?:million|billion|thousand))?"
_NUM = rf"(?:{_DIGITS}|{_WORDNUM})"

_QUALIFIER_WORDS = {
    "at_least": r"at\s+least|no\s+fewer\s+than|no\s+less\s+than|a\s+minimum\s+of|at\s+a\s+minimum",
    "more_than": r"more\s+than|over|upwards\s+of|in\s+excess\s+of|greater\s+than|well\s+over",
    "nearly": r"nearly|almost|just\s+under|close\s+to",
    "about": r"about|around|approximately|roughly|some|an\s+estimated|estimated|approx\.|an\s+approximate",
    "up_to": r"up\s+to|as\s+many\s+as|a\s+maximum\s+of|at\s+most|no\s+more\s+than",
    "less_than": r"less\s+than|fewer\s+than|under|below",
}
_QUAL = "|".join(f"(?P<q_{name}>{words})" for name, words in _QUALIFIER_WORDS.items())

_VAGUE_RE = r"tens\s+of\s+thousands|dozens|scores|hundreds|thousands|several|a\s+few|a\s+handful|multiple|numerous"

_PATTERN = re.compile(
    rf"""
    (?<![\w$€£.#/,:-])
    (?:(?:{_QUAL})\s+)?
    (?:
        between\s+(?P<r_lo>{_NUM})\s+and\s+(?P<r_hi>{_NUM})
      | (?P<r2_lo>\d+)\s*(?:-|–|to)\s*(?P<r2_hi>\d+)(?![\d:])
      | (?P<r3_lo>{_SMALL_WORD})\s+(?:or|to)\s+(?P<r3_hi>{_SMALL_WORD})
      | (?P<half_hour>half\s+an\s+hour|an\s+hour\s+and\s+a\s+half|a\s+half[- ]hour)
      | (?P<half_dozen>half\s+a\s+dozen)
      | (?P<dozen>a\s+dozen|(?:{_SMALL_WORD}|\d+)\s+dozen)
      | (?P<couple>a\s+couple(?:\s+of)?|a\s+pair\s+of)
      | (?P<vague>{_VAGUE_RE})
      | (?P<num>{_NUM})
    )
    (?![\w$%])
    """,
    re.IGNORECASE | re.VERBOSE,
)

_MONTHS = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_STREET = (
    r"(?:Street|St|Avenue|Ave|Road|Rd|Drive|Dr|Boulevard|Blvd|Lane|Ln|Way|Court|Ct|Place|Pl|"
    r"Highway|Hwy|Parkway|Pkwy|Circle|Cir|Terrace|Ter|Trail|Trl|Pike|Square|Sq|Loop|Row|"
    r"North|South|East|West)\.?"
)
# Title-case headline words that never name a street ("4 Shot, 2 Killed In South Memphis").
_HEADLINE_WORD = r"(?:In|At|On|Of|And|The|After|Near|For|To|From|Killed|Shot|Dead|Injured|Wounded|Hurt|People|Men|Women|Teens?|Die|Dies)"
# What follows a number that makes it a non-count (time, money, percent, age, address).
_AFTER_SKIP = re.compile(
    rf"""^(?:
        \s*(?::\d|a\.?m\b|p\.?m\b|o'clock|[ap]m\b)
      | \s*(?:%|percent|per\s+cent|dollars|cents|bucks|mph|degrees)
      | -(?:years?|months?|weeks?|days?)[- ]old | \s+(?:years?|months?)\s+old
      | -(?!minute|hour)[a-z]
      | (?:st|nd|rd|th)\b
      | \s+(?:[NSEW]\.?\s+)?(?:(?!{_HEADLINE_WORD}\b)[A-Z0-9][\w.']*\s+){{1,3}}{_STREET}(?!\w)
      | (?:th|st|nd|rd)?\s+block\b
      | \s+of\s+\d+\b
      | \s*-\s*\d{{3,4}}\b
      | ,\s*\d{{4}}\b
    )""",
    re.VERBOSE,
)
_AFTER_SKIP_ANY_CASE = re.compile(
    r"^(?:-(?:years?|months?|weeks?|days?)[- ]old|\s+(?:years?|months?)[- ]old|-(?!minute|hour)[a-z]|"
    r"\s*(?:a\.?m\b|p\.?m\b|%|percent))",
    re.IGNORECASE,
)
_BEFORE_SKIP = re.compile(
    rf"""(?:
        (?:\b(?:aged?|ages|age\s+of)\s*$)
      | (?:\b{_MONTHS}\s*$)
      | (?:\b(?:no\.|number|num\.|#|page|photo|image|slide|chapter|section|article|apt\.?|apartment|
            unit|suite|room|ste\.?|flight|exit|mile\s+marker|gate|pier|ward|precinct|district)\s*$)
      | (?:[$€£]\s*$)
      | (?:[A-Za-z]-$)
      | (?:\bfrom\s+\d+\s*$)
      | (?:\b\d+\s+of\s*$)
    )""",
    re.IGNORECASE | re.VERBOSE,
)
# "Name, 35," and "(35)" after a name: ages.
_AGE_APPOSITION = re.compile(r"(?:[A-Z][\w.'-]*,|\()\s*$")
_AGE_CLOSE = re.compile(r"^\s*(?:,|\)|;|\.(?!\d)|\s+and\s+\d)")
# Capitalised words that may stand before a count without making it a label.
_CAP_OK = {
    "the", "a", "an", "all", "those", "these", "only", "another", "just", "and", "but", "of",
    "in", "at", "with", "by", "for", "on", "to", "than", "about", "over", "some", "nearly",
    "almost", "around", "roughly", "approximately", "least", "more", "after", "before", "while",
    "when", "killing", "including", "leaving", "between", "as", "up", "police", "officials",
    "authorities", "it", "they", "we", "he", "she", "iraq", "there", "killed", "wounding",
}
_YEAR = re.compile(r"^(?:1[89]\d\d|20\d\d)$")
_DURATION = re.compile(r"^\s*(?P<unit>minutes?|mins?|hours?|hrs?|seconds?)\b|^-(?P<adj>minute|hour)\b", re.I)
_MINUTES = {"minute": 1, "min": 1, "hour": 60, "hr": 60, "second": 1 / 60}


@dataclass(frozen=True)
class Quantity:
    """One counted number: ``value`` (an int, or a float for decimals), its qualifier and
    bounds, the character span (``start``/``end`` include the qualifier words) and
    ``unit`` ("minutes" for durations, else None)."""

    value: int | float
    qualifier: str
    low: float | None
    high: float | None
    start: int
    end: int
    text: str
    unit: str | None = None
    number_start: int = 0  # where the number itself (after the qualifier) starts


def parse_number(words: str) -> int | float | None:
    """The value of a number written in digits or words ("1,200", "twenty-one",
    "two hundred and five", "a dozen", "2.5 million"); None when it is not one."""
    text = re.sub(r"\s+", " ", words.strip().lower())
    if not text:
        return None
    scale = 1
    for name, size in (("million", 1_000_000), ("billion", 1_000_000_000), ("thousand", 1000)):
        if re.fullmatch(rf"[\d.,]+ {name}", text):
            text, scale = text.split()[0], size
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", text):
        return int(text.replace(",", "")) * scale
    if re.fullmatch(r"\d+\.\d+", text):
        value = float(text) * scale
        return int(value) if value.is_integer() else value
    return _parse_words(text)


def _parse_words(text: str) -> int | None:
    if text in ("a dozen", "dozen"):
        return 12
    total, current = 0, 0
    for token in re.split(r"[\s-]+", text):
        if token == "and":
            continue
        if token in WORD_NUMBERS:
            current += WORD_NUMBERS[token]
        elif token == "a":
            current += 1
        elif token == "dozen":
            current = max(current, 1) * 12
        elif token in _SCALES:
            current = max(current, 1) * _SCALES[token]
            if _SCALES[token] >= 1000:
                total, current = total + current, 0
        else:
            return None
    return total + current


def bounds(value: float, qualifier: str, nearly: bool = False) -> tuple[float | None, float | None]:
    """``(low, high)`` a value with ``qualifier`` allows (see the module docstring)."""
    if qualifier == "exact":
        return value, value
    if qualifier == "at_least":
        return value, None
    if qualifier == "more_than":
        return (value + 1 if float(value).is_integer() else value), None
    if qualifier == "up_to":
        return None, value
    if qualifier == "less_than":
        return None, (value - 1 if float(value).is_integer() else value)
    if qualifier == "about":
        # a tenth either side (at least one), in whole numbers: no float rounding surprises
        spread = max(1, math.ceil(value / 10)) if float(value).is_integer() else value / 10
        return max(value - spread, 0), (value if nearly else value + spread)
    return value, None


def find_quantities(text: str) -> list[Quantity]:
    """Every counted number in ``text`` with its qualifier and bounds, in text order."""
    return list(_quantities(text))


@functools.lru_cache(maxsize=8)
def _quantities(text: str) -> tuple[Quantity, ...]:
    """find_quantities, remembered for the last few texts: the casualties and figures
    components both scan the same article text. Safe to share: a pure function of the
    text, returning frozen Quantity objects in a tuple (callers get a fresh list)."""
    found = []
    for match in _PATTERN.finditer(text):
        quantity = _quantity(match, text)
        if quantity is not None:
            found.append(quantity)
    return tuple(found)


def _qualifier(match: re.Match) -> tuple[str | None, bool]:
    for name in _QUALIFIER_WORDS:
        if match.group(f"q_{name}"):
            return ("about", True) if name == "nearly" else (name, False)
    return None, False


def _quantity(match: re.Match, text: str) -> Quantity | None:
    prefix, nearly = _qualifier(match)
    core_start = next(
        (match.start(g) for g in _CORE_GROUPS if match.group(g)),
        match.start(),
    )
    parsed = _core(match, text)
    if parsed is None:
        return None
    value, core_qualifier, low, high, unit = parsed
    if core_qualifier in ("range", "vague"):
        qualifier = core_qualifier  # the word itself says how loose it is
    else:
        qualifier = prefix or core_qualifier
        low, high = bounds(value, qualifier, nearly)
    start = match.start() if prefix else core_start
    return Quantity(value, qualifier, low, high, start, match.end(), text[start:match.end()], unit, core_start)


_CORE_GROUPS = ("r_lo", "r2_lo", "r3_lo", "half_hour", "half_dozen", "dozen", "couple", "vague", "num")


def _core(match: re.Match, text: str):
    """(value, qualifier, low, high, unit) of the number itself, or None to skip it."""
    if match.group("r_lo") or match.group("r3_lo"):
        lo_text = match.group("r_lo") or match.group("r3_lo")
        hi_text = match.group("r_hi") or match.group("r3_hi")
        lo, hi = parse_number(lo_text), parse_number(hi_text)
        if lo is None or hi is None or hi <= lo:
            return None
        return lo, "range", lo, hi, _unit(text, match.end())[0]
    if match.group("r2_lo"):
        return _digit_range(match, text)
    if match.group("half_hour"):
        minutes = 90 if "and" in match.group("half_hour").lower() else 30
        return minutes, "exact", minutes, minutes, "minutes"
    if match.group("half_dozen"):
        return 6, "about", None, None, None
    if match.group("dozen"):
        value = parse_number(match.group("dozen"))
        return (value, "about", None, None, None) if value else None
    if match.group("couple"):
        return 2, "about", None, None, None
    if match.group("vague"):
        word = re.sub(r"\s+", " ", match.group("vague").lower())
        low, high = _VAGUE[word]
        return low, "vague", low, high, None
    return _single(match, text)


def _digit_range(match: re.Match, text: str):
    lo_text, hi_text = match.group("r2_lo"), match.group("r2_hi")
    if _skip_context(text, match.start("r2_lo"), match.end(), lo_text):
        return None
    lo, hi = int(lo_text), int(hi_text)
    if hi <= lo or len(lo_text) >= 4 or len(hi_text) >= 4:
        return None  # scores, phone numbers, years ("2014-2015")
    return lo, "range", lo, hi, _unit(text, match.end())[0]


def _single(match: re.Match, text: str):
    raw = match.group("num")
    value = parse_number(raw)
    if value is None:
        return None
    if _skip_context(text, match.start("num"), match.end(), raw):
        return None
    unit, factor = _unit(text, match.end())
    if unit:
        value = value * factor
        value = int(value) if float(value).is_integer() else value
    return value, "exact", None, None, unit


def _unit(text: str, end: int) -> tuple[str | None, float]:
    found = _DURATION.match(text[end:end + 12])
    if not found:
        return None, 1
    word = (found.group("unit") or found.group("adj")).lower().rstrip("s")
    return "minutes", _MINUTES.get(word, 1)


def _skip_context(text: str, start: int, end: int, raw: str) -> bool:
    """True when the number at ``start:end`` is a year, time, age, address, label,
    money, percentage or page marker rather than a count."""
    after, before = text[end:end + 60], text[max(0, start - 40):start]
    digits = raw[0].isdigit()
    if digits and _YEAR.match(raw) and not re.match(r"\s+(?:people|persons|troops|soldiers)\b", after):
        return True
    if (_AFTER_SKIP.match(after) or _AFTER_SKIP_ANY_CASE.match(after)) and not _DURATION.match(after):
        return True
    if raw.lower() == "one" and (re.search(r"\bno\s+$", before, re.I) or re.match(r"\s+another\b", after)):
        return True  # "no one", "one another"
    if _BEFORE_SKIP.search(before):
        return True
    if _is_age(before, after) and _small_age(raw):
        return True
    if digits and re.search(r"(?:^|[\n.!?]\s+)$", before) and re.match(r"\s*(?:[\n]|$)", after):
        return True  # a footnote or page marker on its own
    previous = re.search(r"([A-Z][\w.'-]*)\s+$", before)
    return bool(digits and previous and previous.group(1).lower() not in _CAP_OK)


def _is_age(before: str, after: str) -> bool:
    if _AGE_APPOSITION.search(before) and _AGE_CLOSE.match(after):
        return True
    return bool(re.search(r"[a-z],\s*$", before) and re.match(r"\s*,", after))  # "the victim, 23, died"


def _small_age(raw: str) -> bool:
    value = parse_number(raw)
    return value is not None and 0 < value < 120
