"""Counted figures other than casualties: targets, munitions, locations, attacks, buildings, duration.

A number of :mod:`.numbers` becomes a claim when the noun it counts says what it is:

==================  =============================================================
slot                the number counts ...
==================  =============================================================
targets struck      targets, positions ("struck more than 85 targets", "dozens of targets")
munitions used      munitions, bombs, missiles, rockets, shells, projectiles, warheads
locations struck    locations, facilities, sites, bases, compounds ("3 facilities in Iraq
                    and 4 in Syria": the second number inherits the slot)
attacks             attacks, raids, strikes by the other side ("about 165 rocket and drone
                    attacks"); "attacked/targeted ... over 160 times"
buildings hit       houses, homes, buildings, warehouses, shops, schools, hospitals
                    ("the strikes hit three houses")
duration minutes    a duration after "lasted", "lasting", "took", "for" ("lasted 30
                    minutes", "lasted half an hour")
==================  =============================================================

Targets, munitions, locations and buildings need a strike word in the sentence (struck, strikes,
bombed, hit, targeted, attacked, launched, fired) so that "85 targets of an inquiry" does
not count. The scope is the one place right after the count ("in Iraq"; none for "in Iraq
and Syria").
The claimant is left to :mod:`.claims`.
"""

from __future__ import annotations

import re

from ..model import AnnotatedArticle, Claim
from . import component
from .casualties import sentence_spans
from .numbers import Quantity, find_quantities

__all__ = ["find_figures", "figures"]

_HEADS = (
    ("targets struck", r"targets?|positions"),
    ("munitions used", r"(?:precision\s+)?munitions|bombs|missiles|rockets|shells|projectiles|warheads|guided\s+bombs"),
    ("locations struck", r"locations?|facilit(?:y|ies)|sites?|bases?|compounds?"),
    ("attacks", r"attacks|raids"),
    ("buildings hit", r"houses|homes|buildings|warehouses|shops|schools|hospitals|mosques|churches"),
)
# One pattern, so that the first head noun after the number decides ("dozens of attacks on
# US targets" counts attacks, not targets).
_HEAD_RE = re.compile(
    r"^\s+(?:of\s+)?(?:[\w'’-]+\s+(?:and\s+|or\s+)?){0,3}?(?:"
    + "|".join(f"(?P<h{i}>{head})" for i, (_, head) in enumerate(_HEADS))
    + r")\b",
    re.I,
)
_UNIT_WORD = re.compile(r"^(?:\s*(?:-|\s)(?:minutes?|mins?|hours?|hrs?|seconds?))", re.I)
_STRIKE = re.compile(
    r"\b(?:struck|strik(?:e|es|ing)|airstrikes?|bomb(?:ed|ing|s)?|hit|targeted|attack(?:ed|s)?|launched|fired|"
    r"raids?|shelled|employed|used|dropped)\b",
    re.I,
)
_DURATION_BEFORE = re.compile(r"\b(?:lasted|lasting|last|took|for|spanned)\s+(?:for\s+)?$", re.I)
_TIMES = re.compile(r"^\s+times\b", re.I)
_ATTACK_VERB = re.compile(r"\b(?:attack(?:ed|s)?|target(?:ed|s)?|struck|fired\s+on|hit)\b", re.I)
_PLACE_AFTER = re.compile(
    r"^(?:\s+[\w-]+){0,2}?\s+(?:in|across|inside)\s+((?:[A-Z][\w'’-]+)(?:\s+[A-Z][\w'’-]+)*"
    r"(?:\s+and\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)?)"
)
_ELLIPSIS = re.compile(r"^\s+in\s+[A-Z]")


def find_figures(text: str, sentences: list[tuple[int, int]]) -> list[tuple[str, Quantity, tuple[int, int], int, str | None]]:
    """``(slot, quantity, sentence span, end of the counted phrase, scope)`` for every
    figure of ``text``, in text order."""
    found = []
    quantities = find_quantities(text)
    for s_start, s_end in sentences:
        sentence = text[s_start:s_end]
        striking = bool(_STRIKE.search(sentence))
        last_slot = None
        for q in (q for q in quantities if s_start <= q.start and q.end <= s_end):
            slot, end = _slot(text, q, s_start, s_end, striking, last_slot)
            if slot is None:
                continue
            found.append((slot, q, (s_start, s_end), end, _scope(text[end:s_end])))
            last_slot = slot
    return found


def _slot(text: str, q: Quantity, s_start: int, s_end: int, striking: bool, last_slot: str | None):
    after, before = text[q.end:s_end], text[s_start:q.start]
    if q.unit == "minutes":
        if not _DURATION_BEFORE.search(before):
            return None, 0
        unit = _UNIT_WORD.match(after)
        return "duration minutes", q.end + (unit.end() if unit else 0)
    if q.unit is not None or not isinstance(q.value, int):
        return None, 0
    if _TIMES.match(after) and _ATTACK_VERB.search(before):
        return "attacks", q.end + _TIMES.match(after).end()
    match = _HEAD_RE.match(after)
    if match:
        slot = next(_HEADS[i][0] for i in range(len(_HEADS)) if match.group(f"h{i}"))
        if striking or slot == "attacks":
            return slot, q.end + match.end()
    if last_slot in ("locations struck", "targets struck") and _ELLIPSIS.match(after):
        return last_slot, q.end  # "3 facilities in Iraq and 4 in Syria"
    return None, 0


def _scope(rest: str) -> str | None:
    """The one place right after the count; none for "in Iraq and Syria" (a count over
    several places is not a count for either)."""
    place = _PLACE_AFTER.match(rest)
    if not place or " and " in place.group(1):
        return None
    return place.group(1)


def figure_claims(item: AnnotatedArticle, doc) -> list[Claim]:
    """Claims for the counted figures of one article."""
    text = item.article.text
    claims = []
    for slot, q, (s_start, s_end), end, scope in find_figures(text, sentence_spans(item, doc)):
        claims.append(Claim(
            slot=slot, value=int(q.value), qualifier=q.qualifier, low=q.low, high=q.high, scope=scope,
            article=item.article.id, sentence=text[s_start:s_end].strip(), start=q.start, end=end,
        ))
    return claims


@component("figures", requires=("sentences",), sets=("claims",))
def figures(item: AnnotatedArticle, doc) -> AnnotatedArticle:
    """Adds targets / munitions / locations / attacks / duration claims."""
    item.claims.extend(figure_claims(item, doc))
    return item
