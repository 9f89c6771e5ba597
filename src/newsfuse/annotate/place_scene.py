"""The scene abroad of an armed event reported from elsewhere.

A wire report filed in a capital about a strike, shelling or clash abroad ("WASHINGTON - U.S.
warplanes struck a depot near Mayadin in eastern Syria ... Officials at the Pentagon in
Arlington, Virginia, said ... Senators from Texas, Ohio and Florida welcomed it") names many
places of the filing country: the dateline, the officials' offices, the lawmakers' states. They
outvote the one town abroad, yet they only say who speaks. The lead says where it happened: a
place of another country, named where the armed action is ("in", "near", "outside" ...).

:func:`scene_countries` finds the countries of such scenes; the main place is then chosen
among the places of those countries only, and the article counts as plainly about them (so
that ``_foreign_namesakes`` of :mod:`.places` does not take the scene for a namesake).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from ..model import Span
from .gazetteer import Entry
from .place_names import Candidate

__all__ = ["scene_countries", "about_scene", "filed_from"]

# Armed actors and weapons, not police usage ("shot", "struck by a car", "task forces", "protesters
# clashed with police"): US local news hardly ever has these words in its lead.
_ARMED = re.compile(
    r"\b(?:air\s?strikes?|drone\s+strikes?|(?:missile|rocket|artillery|mortar)s?|shell(?:ed|ing)|bombard\w*|bombed|"
    r"war\s?planes?|fighter\s+jets?|bombers|militias?|militants?|insurgents?|rebels?|troops|"
    r"(?:U\.S\.|American|military|armed|security|coalition|government|[A-Z][a-z]+(?:ian|ean|ish|ese|i))\s+forces)\b")
# "near Mayadin", "in eastern Syria", "a depot outside the town of ...", "shelled Kharkiv", "in Iraq
# and Syria": named as where it happened.
_AT = re.compile(
    r"\b(?i:in|near|outside|around|inside|across|over|at|on|struck|hit|shelled|bombed|pounded|attacked|targeted)"
    r"\s+(?i:the\s+)?"
    r"(?i:(?:town|city|village|province|region|outskirts)\s+of\s+(?:the\s+)?)?"
    r"(?i:(?:north|south|east|west|northeast|northwest|southeast|southwest|central)(?:ern)?\s+)?"
    r"(?:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2},?\s+(?:and|or)\s+)?$")  # "in Iraq and Syria"
_LEAD_SENTENCES = 2  # the dateline's sentence and the next: where a wire report says what happened
_SCENE_KINDS = frozenset({"site", "town", "district", "province", "country"})


def scene_countries(resolved: Sequence[Candidate], text: str, title: str, sentences: Sequence[Span],
                    home: str | None) -> set[str]:
    """The countries where the lead or the title places an armed event, when ``home`` (the
    country the article's places mostly lie in) is not one of them; else empty: the article
    is then plainly about its scene already."""
    found = set()
    for cand in resolved:
        country = cand.entry.country if cand.entry is not None else None
        if country is None or cand.entry.kind not in _SCENE_KINDS:
            continue
        if cand.background or cand.aside in ("hospital", "home") or cand.person_like or cand.label == "POLICE":
            continue  # an earlier attack, a hospital's town: not this event's scene
        said = _said_in(cand, text, title, sentences)
        if said is not None and _ARMED.search(said[0]) and _AT.search(said[0][max(0, said[1] - 40):said[1]]):
            found.add(country)
    return set() if home in found else found


def about_scene(countries: dict[str, float], scene: set[str]) -> dict[str, float]:
    """The article's country weights, the scene's countries first, by as much again as the
    strongest (in their own order): a report about a strike abroad is plainly about them."""
    top = max(countries.values(), default=1.0)
    return {**countries, **{code: 2.0 * top + countries.get(code, 0.0) for code in scene}}


def filed_from(resolved: Sequence[Candidate], resolve_alone: Callable[[Candidate], Entry | None]) -> None:
    """Re-resolve the bare dateline of a report about a scene abroad by its name alone
    (``resolve_alone``: without the article's context): it is where the report was filed, a
    city known by its name; the states the report names are its officials' and lawmakers', and
    do not make "WASHINGTON" a hamlet of Virginia."""
    for cand in resolved:
        if cand.source == "dateline" and not cand.state and not cand.country:
            cand.entry = resolve_alone(cand) or cand.entry


def _said_in(cand: Candidate, text: str, title: str, sentences: Sequence[Span]) -> tuple[str, int] | None:
    """The lead sentence or the headline that names ``cand``, with the name's offset in it."""
    if cand.source == "title":
        at = title.find(cand.name)
        return (title, at) if at >= 0 else None
    if cand.source != "text" or cand.start is None or cand.sentence >= _LEAD_SENTENCES:
        return None
    span = sentences[cand.sentence] if cand.sentence < len(sentences) else None
    if span is None:
        return None
    return text[span.start:span.end], cand.start - span.start
