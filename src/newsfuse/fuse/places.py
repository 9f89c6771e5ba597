"""The event's places, the main one first, from its articles' places and claims.

Kept: places that are an article's main place, scope a claim, or are named by two or more
articles (by the one article of a single-article event); never datelines (unless an article
chose its dateline as its main place), regions, or places named only in sentences about an
earlier event; a country only when it holds a finer place of the event, scopes a claim, or
nothing finer is known. Support: the number of articles naming the place.

The main place is voted by the articles' own main places (each article chose it from its
lead, dateline and title, which the mere count of names does not see): the place and state
most articles chose, then the one in the state most articles name a place in, a town over a
county at equal votes (the town is where in the county),
the number of articles naming it breaking ties, then the finer one, then,
between namesakes in different states, the smaller town (chosen against the population prior).
Without votes, the finest of the places with consensus (support of at least 2 and of half the
articles), else of the most supported. A site leads only when it is the main place of two
articles or a claim's scope; a street address is a detail of its town.
"""

from __future__ import annotations

import dataclasses
import math
from collections import Counter

from ..model import AnnotatedArticle, Claim, Place, place_rank
from .sources import claimant_key

__all__ = ["event_places", "town_leads"]

_FINE = ("site", "town", "district")  # places that can be where it happened, not just the region


def event_places(items: list[AnnotatedArticle], claims: list[Claim]) -> list[Place]:
    """Every place of the event, the main one first (see the module notes)."""
    related_spans = {(c.article, c.start) for c in claims if c.event_ref}
    scopes = {claimant_key(c.scope) for c in claims if c.scope and not c.event_ref}
    support: Counter[str] = Counter()
    main: Counter[str] = Counter()
    chosen: dict[str, Place] = {}
    votes: dict[tuple[str, str | None], list[Place]] = {}
    for item in items:
        other = _other_event_sentences(item, related_spans)
        seen: set[str] = set()
        for place in ([item.place] if item.place else []) + item.places:
            is_main = place is item.place
            if (place.source == "dateline" and not is_main) or place.precision == "region" or _inside(place, other):
                continue
            key = claimant_key(place.name)
            main[key] += is_main
            if is_main:
                votes.setdefault((key, place.admin1), []).append(place)
            if key not in seen:
                seen.add(key)
                support[key] += 1
            if key not in chosen or _finer(place, chosen[key]):
                chosen[key] = place
    kept = [k for k in support if main[k] or k in scopes or support[k] >= min(2, len(items))]
    keys = [k for k in kept if _keep_country(chosen, kept, k, scopes)]
    primary = {k for k in keys if main[k] >= min(2, len(items)) or k in scopes}
    ordered = _order_places(keys, support, chosen, len(items), primary)
    lead = _voted_main(votes, support, primary, _state_support(items))
    if lead is None:
        return ordered
    return [lead] + [p for p in ordered if claimant_key(p.name) != claimant_key(lead.name)]


def _voted_main(votes: dict[tuple[str, str | None], list[Place]], support: Counter,
                primary: set[str], states: Counter) -> Place | None:
    """The main place most articles chose (same name and state); then the one in the state most
    articles name; then the most named; then the finer. A site needs ``primary`` (see
    ``_order_places``)."""
    eligible = {k: v for k, v in votes.items() if v[0].precision != "site" or k[0] in primary}
    fine = {k: v for k, v in eligible.items() if v[0].precision in _FINE}
    if fine:  # an article that names only the state does not vote against a town in it
        eligible = fine
    if not eligible:
        return None

    names = Counter(k[0] for k in eligible)

    def rank(vk: tuple[str, str | None]) -> tuple:
        place = _best_variant(eligible[vk])
        return (len(eligible[vk]), states[vk[1]], place.precision != "district", support[vk[0]], -place_rank(place.precision),
                place.lat is not None, _namesake_prior(place, names[vk[0]] > 1), vk[0], vk[1] or "")

    return _best_variant(eligible[max(eligible, key=rank)])


def _state_support(items: list[AnnotatedArticle]) -> Counter:
    """How many articles name a place in each first-level region: between two main places voted
    equally ("Montgomery" of Alabama in one report, of Georgia in another), the one in the region
    more reports point to (a third that names only Alabama)."""
    states: Counter = Counter()
    for item in items:
        named = ([item.place] if item.place else []) + item.places
        states.update({p.admin1 for p in named if p.admin1 and p.precision != "region"})
    return states


def _namesake_prior(place: Place, namesakes: bool) -> int:
    """Between namesakes voted equally ("Newark" of New Jersey and of New York): the smaller
    town, which its article chose against the prior of population, so on evidence that the
    other article lacked. (Measured: the bigger namesake, or the smaller of two different
    towns, lose more than they win.)"""
    return -(place.population or 0) if namesakes else 0


def _best_variant(places: list[Place]) -> Place:
    """One article's rendering of a voted place: the finest, with an address if any, then a
    stable order (the result must not depend on the order of the articles)."""
    return max(places, key=lambda p: (p.lat is not None, -place_rank(p.precision),
                                      p.address is not None, p.address or "", p.source, p.start or 0))


def town_leads(places: list[Place]) -> list[Place]:
    """A street address is a detail of its town, not the event's place: when the finest place
    is an address, the town (or district) of the same state leads, carrying the address."""
    if not places or places[0].precision != "address":
        return places
    street = places[0]
    towns = [p for p in places[1:] if p.precision in ("town", "district")]
    same_state = [p for p in towns if street.admin1 and p.admin1 == street.admin1]
    town = (same_state or [p for p in towns if not street.admin1 or p.admin1 is None] or [None])[0]
    if town is None:
        return places
    lead = dataclasses.replace(town, address=street.address or street.name, admin1=town.admin1 or street.admin1)
    return [lead] + [p for p in places if p is not town]


def _keep_country(chosen: dict[str, Place], kept: list[str], key: str, scopes: set[str]) -> bool:
    """A country stays when it holds a finer place of the event, scopes a claim, or nothing finer is known."""
    place = chosen[key]
    if place.precision != "country" or key in scopes:
        return True
    finer = [chosen[k] for k in kept if chosen[k].precision != "country"]
    return not finer or any(p.country == place.country for p in finer)


def _order_places(keys: list[str], support: Counter, chosen: dict[str, Place], n_articles: int,
                  primary: set[str]) -> list[Place]:
    """The main place first: the finest of those with consensus (support >= 2 and >= half the
    articles), else of the most supported; then the rest by support, precision, name. A site
    (a building, a base) leads only when it is in ``primary`` (the main place of two articles, or
    a claim's scope): named in passing, sites are mostly institutions by metonymy ("the Pentagon
    said")."""
    if not keys:
        return []
    need = max(2, math.ceil(n_articles / 2)) if n_articles > 1 else 1
    eligible = [k for k in keys if chosen[k].precision != "site" or k in primary] or keys
    consensus = [k for k in eligible if support[k] >= need] or [
        k for k in eligible if support[k] == max(support[x] for x in eligible)]
    first = min(consensus, key=lambda k: (place_rank(chosen[k].precision), -support[k], k))
    rest = sorted((k for k in keys if k != first), key=lambda k: (-support[k], place_rank(chosen[k].precision), k))
    return [chosen[k] for k in [first] + rest]


def _finer(a: Place, b: Place) -> bool:
    return (a.lat is not None, -place_rank(a.precision)) > (b.lat is not None, -place_rank(b.precision))


def _other_event_sentences(item: AnnotatedArticle, related_spans: set[tuple[str, int]]) -> list[tuple[int, int]]:
    spans = []
    for article, start in related_spans:
        if article == item.article.id:
            sentence = item.sentence_at(start)
            if sentence:
                spans.append((sentence.start, sentence.end))
    spans += [(r["start"], r["end"]) for r in item.related if "start" in r and "end" in r]
    return spans


def _inside(place: Place, spans: list[tuple[int, int]]) -> bool:
    return place.start is not None and any(lo <= place.start < hi for lo, hi in spans)
