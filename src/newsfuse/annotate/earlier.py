"""Which event a claim is about: this one, an earlier one it answers, or a running tally.

``event_ref`` (None for the main event)

* ``"context:<period>"``: the sentence states a running tally ("since October", "so far this
  year", "over the past weeks"), not a count of this event;
* the key of an earlier event: a sentence "in retaliation for / in response to / in reprisal
  for <X>" (X headed by an attack word or "the deaths of") names one, with a date of
  ``item.dates`` inside X, its finest non-adjectival place inside X (else the place later
  sentences about it put it in), and ``when``, a relative phrase ("last Sunday") that fuse
  resolves. It goes to ``item.related`` as ``{"key", "relation": "retaliation_for",
  "description", "date", "place", "country", "when", "sentence", "start", "end"}``. A claim is
  about it when its sentence holds X, names its place or date (or "last <day>" without the main
  date) next to an attack or killing word, or repeats the slot, value and victim words of a
  claim already about it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from ..model import AnnotatedArticle, Claim, Span
from .scopes import PRECISION_RANK, forms, locative_places
from .statements import KILL_WORD, victim_categories

__all__ = ["related_events", "event_ref", "echo_related", "place_related"]

_RETALIATION = re.compile(
    r"\b(?:in\s+retaliation\s+(?:for|to)|in\s+response\s+to|(?:a|in)\s+reprisals?\s+(?:in\s+response\s+to|for)|"
    r"retaliat\w+\s+for|avenge)\s+(?P<what>[^.;]{5,200})",
    re.I,
)
_ATTACK_WORD = re.compile(r"\b(?:attack|strike|airstrike|bombing|bombardment|raid|shooting|shelling|assault|ambush|"
                          r"explosion|blast|massacre|killing|incursion|invasion)s?\b", re.I)
_EARLIER = re.compile(r"\blast\s+(?:week|month|year|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)


def related_events(item: AnnotatedArticle, sentences: list[Span]) -> list[dict[str, Any]]:
    """Earlier events the article says this one answers ("in retaliation for ...")."""
    text, found = item.article.text, []
    main = item.event_date.date if item.event_date else None
    for span in sentences:
        match = _RETALIATION.search(text[span.start:span.end])
        what = _trim_what(match.group("what")) if match else ""
        head = " ".join(what.split()[:12])
        if not what or not (_ATTACK_WORD.search(head) or re.match(r"(?:the\s+)?(?:deaths?|killings?|murders?)\b", what, re.I)):
            continue
        lo = span.start + match.start("what")
        hi = lo + len(what)
        date = next((d for d in item.dates if d.start is not None and lo <= d.start < hi and d.date != main), None)
        place = _place_in(item, text, lo, hi)
        key = _related_key(date.date if date else None, place.name if place else None, what)
        if any(r["key"] == key for r in found):
            continue
        found.append({"key": key, "relation": "retaliation_for", "description": what,
                      "date": date.date if date else None, "date_precision": date.precision if date else None,
                      "place": place.name if place else None, "country": place.country if place else None,
                      "place_forms": sorted(forms(place, text)) if place else [],
                      "when": _when(what),
                      "article": item.article.id, "sentence": text[span.start:span.end], "start": lo, "end": hi})
    return found
_WHEN = re.compile(r"\b(?:(?:last|this\s+past|on)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
                   r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)['’]s|last\s+week(?:['’]s)?)\b", re.I)


def _when(what: str) -> str | None:
    """A relative time phrase for the earlier event ("last Sunday", "on Sunday", "last week"),
    resolved in fuse against the event's date when the article gives no absolute date."""
    found = _WHEN.search(what)  # not elsewhere in the sentence: "X said on Saturday" dates the saying
    return found.group(0) if found else None


def _trim_what(what: str) -> str:
    """The description of the earlier event: up to an attribution, a quote or a new clause."""
    what = re.split(r"[“”\"]|,\s+(?:which|who|the|a|an|and|[A-Z])|\s+[–—]\s+|,\s*$", what)[0]
    return what.strip(" ,")


def _place_in(item: AnnotatedArticle, text: str, lo: int, hi: int) -> Any:
    """The finest place named in text[lo:hi] (not adjectival: "Iran-backed")."""
    found = []
    for place in item.places:
        if place.source == "dateline":
            continue
        for form in forms(place, text):
            for m in re.finditer(rf"(?<![\w-]){re.escape(form)}(?![\w-])", text[lo:hi], re.I):
                found.append((PRECISION_RANK.get(place.precision, 9), -m.start(), place))
    return min(found, key=lambda f: (f[0], f[1]))[2] if found else None


def _related_key(date: str | None, place: str | None, what: str) -> str:
    noun = _ATTACK_WORD.search(what)
    parts = [date or "undated", (place or "").lower().replace(" ", "-"), noun.group(0).lower() if noun else "event"]
    return ":".join(p for p in parts if p)
_PERIOD = re.compile(
    r"\b(?:since\s+(?:(?:mid|early|late)[- ]?)?(?:january|february|march|april|may|june|july|august|september|"
    r"october|november|december|\d{4}|the\s+start\s+of|the\s+beginning\s+of|last\s+(?:year|month))|"
    r"so\s+far\s+this\s+(?:year|month)|(?:over|in)\s+the\s+(?:last|past)\s+(?:several\s+|few\s+)?(?:weeks|months|years))\b",
    re.I,
)


def event_ref(
    item: AnnotatedArticle, related: list[dict[str, Any]], sentence: Span | None, offset: int | None = None
) -> str | None:
    """The event the claim at ``offset`` in ``sentence`` is about: None for the main event."""
    if sentence is None:
        return None
    text = item.article.text[sentence.start:sentence.end]
    period = _PERIOD.search(text)
    if period:  # a running tally over a period ("since October"), not this event's count
        return "context:" + re.sub(r"\W+", "-", period.group(0).lower())
    main = item.event_date.date if item.event_date else None
    for rel in related:
        if rel["start"] >= sentence.start and rel["end"] <= sentence.end:
            # "The strikes, which lasted 30 minutes, came in response to X, which killed three":
            # what precedes X is about this event; X and what follows, about the earlier one
            return rel["key"] if offset is None or offset >= rel["start"] else None
        names_place = any(re.search(rf"(?<![\w-]){re.escape(f)}(?![\w-])", text, re.I) for f in rel.get("place_forms", []))
        names_date = rel["date"] and any(
            d.date == rel["date"] and d.start is not None and sentence.start <= d.start < sentence.end for d in item.dates)
        mentions_main = main and any(
            d.date == main and d.start is not None and sentence.start <= d.start < sentence.end for d in item.dates)
        if (names_place or names_date or (_EARLIER.search(text) and not mentions_main)) and (
                _ATTACK_WORD.search(text) or KILL_WORD.search(text)):
            return rel["key"]
    return None


def echo_related(claims: list[Claim]) -> list[Claim]:
    """A claim that repeats the slot, value and victim words of a claim about an earlier event
    ("the bombing that killed the three soldiers") is about that event too."""
    marked = [(c.slot, c.value, victim_categories(c.sentence), c.event_ref) for c in claims if c.event_ref]
    out = []
    for claim in claims:
        if claim.event_ref is None and claim.slot not in ("date", "place"):
            words = victim_categories(claim.sentence)
            ref = next((r for s, v, w, r in marked if s == claim.slot and v == claim.value and words & w), None)
            claim = replace(claim, event_ref=ref) if ref else claim
        out.append(claim)
    return out


def place_related(item: AnnotatedArticle, related: list[dict[str, Any]], claims: list[Claim]) -> None:
    """A related event whose description names no place takes the finest place that the
    sentences about it put it in ("the drone attack last Sunday in Jordan")."""
    for rel in related:
        if rel["place"]:
            continue
        # not the "in retaliation for" sentence itself: its other places are the main event's
        places = [p for c in claims if c.event_ref == rel["key"] and c.sentence != rel["sentence"]
                  for p in locative_places(item, c.sentence)]
        if places:
            place = min(places, key=lambda p: PRECISION_RANK.get(p.precision, 9))
            rel.update(place=place.name, country=place.country, place_forms=sorted(forms(place, item.article.text)))
