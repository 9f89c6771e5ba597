"""Whether a casualty statement is of the article's own incident, and whether its victim is
dead yet: a clause dated before the incident ("In March a man was shot dead there") tells of
another case; a victim "brain dead" or "on life support" is alive as the report goes."""

from __future__ import annotations

import re

__all__ = ["NOT_YET_DEAD", "earlier_clause", "mask_not_dead"]

# Brain dead, on life support: alive as far as the report goes (the archive counts a death
# when it is pronounced), so hurt, not killed. mask_not_dead hides the word "dead" of
# "brain dead" ("brain_dead", same length, so offsets hold) from the killing patterns.
_BRAIN_DEAD = re.compile(r"\bbrain([- ])dead\b", re.I)
NOT_YET_DEAD = r"brain_dead|(?<!\boff\s)on\s+life[- ]support|clinging\s+to\s+life"


def mask_not_dead(text: str) -> str:
    """``text`` with "brain dead" written "brain_dead": no death word, same offsets."""
    return _BRAIN_DEAD.sub(lambda m: m.group(0).replace(m.group(1), "_"), text)


_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
          r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_SPAN_OF_TIME = r"(?:\d+|a|an|one|two|three|four|five|six|several|a\s+few|a\s+couple\s+of)\s+(?:days?|weeks?|months?|years?)"
# A clause that opens with a time before the article's own incident: "In March, ...", "Two
# weeks ago ...", "Last month ...", "In 2014 ...". Not a day's date ("On March 3, a man was
# shot": a lede dates its own incident that way), nor "two days after a gunman killed two"
# (the article's own incident, told from the day it was written).
_EARLIER_OPENER = re.compile(
    rf"\W*(?:(?:back\s+)?(?:in|on)\s+(?:(?:early|late|mid)[- ])?{_MONTH}(?!\s*(?:\d{{1,2}}|this|\w+day)\b)|"
    rf"(?:back\s+)?in\s+(?:19|20)\d\d\b|{_SPAN_OF_TIME}\s+(?:ago|earlier|before|prior)\b|"
    r"(?:last|earlier\s+this|earlier\s+last)\s+(?:week|month|year|spring|summer|fall|winter)\b)",
    re.I,
)
_CLAUSE_START = re.compile(r"[;—]\s*|\s[-–]\s|,\s+(?:and|but)\s+", re.I)


def earlier_clause(head: str) -> bool:
    """True when the clause that ends in ``head`` (the sentence up to a statement) is dated
    before the article's incident (see _EARLIER_OPENER)."""
    start = max((m.end() for m in _CLAUSE_START.finditer(head)), default=0)
    return bool(_EARLIER_OPENER.match(head, start))
