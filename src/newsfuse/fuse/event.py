"""The event record: ``build_event(event_id, items) -> Event``.

Fields (DESIGN.md, "events JSONL"), each derived from the annotated articles of one event:

* ``title``: the most representative article title: the one most similar (rapidfuzz token-set
  ratio, summed) to the other titles; ties to the earliest article. Without titles, the first
  sentence of the earliest article (cut at 120 characters).
* ``type``: the majority of ``event_type``; ties to the alphabetically first.
* ``date``/``date_precision``: from the articles' ``event_date``. A candidate date is supported
  by every article whose event date covers it or is covered by it (a "February 2024" supports
  "2024-02-02"); the most supported wins, then the finest precision, then the most articles
  giving exactly it, then the earliest. Publication dates only when no article has an event date
  (the earliest publication day, precision "day").
* ``place``/``places``: the places of the articles (``place`` and ``places``) that are an article's
  main place, scope a claim, or are named by two or more articles (by the one article of a
  single-article event); never datelines, regions, or
  places named only in sentences about an earlier event; a country only when it holds a finer
  place of the event, scopes a claim, or nothing finer is known. Support: the number of articles
  naming the place. ``place`` is the finest of the places with consensus (support of at least 2
  and of half the articles), else of the most supported; a site leads only when it is the main
  place of two articles or a claim's scope.
* ``actors``: merged by name and role, ordered by how many articles name them.
* ``articles``: id, source (outlet), url, published, title; sorted by published then id.
* ``killed``/``injured``: :mod:`.figures` (over sentence-level claims, plus article-level totals
  that no sentence states); ``claims``, ``disagreements``: :mod:`.grouping`, with
  independence from :mod:`.sources`.
* ``quotes``: grouped by speaker with ``newsfuse.resolve.group_quotes`` when it is available,
  else by speaker key and near-identical text (rapidfuzz partial ratio >= 85).
* ``related``: earlier events the articles say this one answers, and running tallies
  (:mod:`.related`); each with the claims made about it.

Deterministic: articles and claims are sorted before use, so input order does not matter.
"""

from __future__ import annotations

import dataclasses
import math
from collections import Counter
from datetime import date
from typing import Any

from rapidfuzz import fuzz

from ..model import Actor, AnnotatedArticle, Claim, Event, Place, PLACE_PRECISIONS, DATE_PRECISIONS
from .figures import event_figure
from .grouping import ClaimGroup, ScopeKeys, disagreements, group_claims, interval_bounds
from .intervals import date_interval, intersect
from .quotes import group_event_quotes
from .related import context_entries, related_events
from .sources import Sources, claimant_key

__all__ = ["build_event"]


def build_event(event_id: str, items: list[AnnotatedArticle]) -> Event:
    """The fused record of one event from its annotated articles."""
    items = sorted(items, key=lambda i: i.article.id)
    sources = Sources(items)
    date, precision = _event_date(items)
    related, ref_alias = related_events(items, date if precision == "day" else None)  # a day anchors "last Sunday"
    claims = _claims(items, ref_alias)
    groups = group_claims(claims, sources, ScopeKeys(_place_countries(items)))
    outlets = {i.article.id: i.article.outlet for i in items}
    render = lambda g: render_group(g, outlets)  # noqa: E731
    published = {i.article.id: i.article.published or "" for i in items}
    related += context_entries(claims, {r["event"] for r in related})
    for rel in related:
        rel["claims"] = [render(g) for g in groups if g.ref == rel["event"]]
    places = _town_leads(_places(items, claims))
    return Event(
        id=event_id, title=_title(items), type=_majority(i.event_type for i in items),
        date=date, date_precision=precision, place=places[0] if places else None, places=places,
        actors=_actors(items), articles=_articles(items),
        killed=event_figure(groups, "killed", sources), injured=event_figure(groups, "injured", sources),
        claims=[render(g) for g in groups if g.ref is None],
        quotes=group_event_quotes(items),
        disagreements=disagreements(groups, render, published),
        related=related,
    )


def _claims(items: list[AnnotatedArticle], ref_alias: dict[str, str]) -> list[Claim]:
    """Every claim once: an article-level total (annotate.casualties) that repeats one of its
    sentence-level statements is dropped; a derived total that no sentence states is kept."""
    out = []
    for item in items:
        stated = {(c.slot, str(c.value), c.start, c.end) for c in item.claims if getattr(c, "level", "sentence") != "article"}
        for claim in item.claims:
            if getattr(claim, "level", "sentence") == "article" and (claim.slot, str(claim.value), claim.start, claim.end) in stated:
                continue
            ref = ref_alias.get(claim.event_ref, claim.event_ref) if claim.event_ref else None
            out.append(_with(claim, article=claim.article or item.article.id, event_ref=ref))
    return out


def _with(claim: Claim, **changes: Any) -> Claim:
    from dataclasses import replace

    return replace(claim, **changes)


def render_group(group: ClaimGroup, outlets: dict[str, str | None]) -> dict[str, Any]:
    """A claim group as the export dict: representative value, claimants, status, evidence."""
    rep = _representative(group)
    claimants = sorted({c.claimant for c in group.claims if c.claimant}, key=lambda s: (claimant_key(s), s))
    low, high = _date_bounds(group.interval) if group.slot == "date" else interval_bounds(group.interval)
    return {
        "slot": group.slot, "value": rep.value, "qualifier": rep.qualifier, "scope": _common_scope(group),
        "claimant": "; ".join(claimants) or None, "claimants": claimants, "status": group.status,
        "sources": group.sources, "low": low, "high": high, "about": group.ref,
        "evidence": [
            {"article": c.article, "outlet": outlets.get(c.article), "claimant": c.claimant,
             "explicit": c.claimant_explicit, "value": c.value, "qualifier": c.qualifier, "scope": c.scope,
             "sentence": c.sentence, "start": c.start, "end": c.end}
            for c in sorted(group.claims, key=lambda c: (c.article, c.start, c.end))
        ],
    }


def _date_bounds(interval: tuple[float, float] | None) -> tuple[str | None, str | None]:
    """A date group's common days as ISO dates (the +-0.5 time-zone margin rounded inwards)."""
    if interval is None or interval[1] == float("inf") or interval[0] <= 0:
        return (None, None)
    low, high = math.ceil(interval[0]), math.floor(interval[1])
    if low > high:
        low = high = round((interval[0] + interval[1]) / 2)
    return (date.fromordinal(low).isoformat(), date.fromordinal(high).isoformat())


def _representative(group: ClaimGroup) -> Claim:
    """The most common (value, qualifier) of the group; ties to the narrowest, then the first."""
    counts = Counter((str(c.value), c.qualifier) for c in group.claims)
    def rank(c: Claim) -> tuple:
        from .intervals import claim_interval

        low, high = claim_interval(c)
        return (-counts[(str(c.value), c.qualifier)], high - low, c.article, c.start)
    return sorted(group.claims, key=rank)[0]


def _common_scope(group: ClaimGroup) -> str | None:
    scopes = Counter(c.scope for c in group.claims if c.scope)
    return sorted(scopes.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] if scopes else None


def _place_countries(items: list[AnnotatedArticle]) -> dict[str, str | None]:
    table: dict[str, str | None] = {}
    for item in items:
        for place in item.places + ([item.place] if item.place else []):
            table.setdefault(place.name, place.country)
    return table


def _title(items: list[AnnotatedArticle]) -> str | None:
    ordered = sorted(items, key=_time_order)
    titles = [i.article.title.strip() for i in ordered if i.article.title and i.article.title.strip()]
    if titles:
        scores = [sum(fuzz.token_set_ratio(t, o) for o in titles if o is not t) for t in titles]
        return titles[max(range(len(titles)), key=lambda n: (scores[n], -n))]
    for item in ordered:
        first = item.article.text.strip().split("\n")[0]
        if item.sentences:
            span = item.sentences[0]
            first = item.article.text[span.start:span.end].strip()
        if first:
            return first if len(first) <= 120 else first[:119].rsplit(" ", 1)[0] + "…"
    return None


def _time_order(item: AnnotatedArticle) -> tuple:
    published = item.article.published
    return (published is None, published or "", item.article.id)


def _majority(values) -> str | None:
    counts = Counter(v for v in values if v)
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] if counts else None


def _event_date(items: list[AnnotatedArticle]) -> tuple[str | None, str | None]:
    dates = [i.event_date for i in items if i.event_date and i.event_date.date]
    if not dates:
        published = sorted(i.article.published[:10] for i in items if i.article.published)
        return (published[0], "day") if published else (None, None)
    def exact(iso: str, precision: str) -> tuple[float, float]:
        low, high = date_interval(iso, precision)
        return (low + 0.5, high - 0.5) if precision == "day" else (low, high)
    candidates = sorted({(d.date[:10], d.precision) for d in dates})
    def score(candidate: tuple[str, str]) -> tuple:
        span = exact(*candidate)
        support = sum(1 for d in dates if intersect(span, exact(d.date[:10], d.precision)) is not None)
        same = sum(1 for d in dates if (d.date[:10], d.precision) == candidate)
        fine = -_rank(DATE_PRECISIONS, candidate[1])
        return (support, fine, same, [-ord(ch) for ch in candidate[0]])
    best = max(candidates, key=score)
    return best


def _rank(order: tuple[str, ...], value: str | None) -> int:
    return order.index(value) if value in order else len(order)


def _places(items: list[AnnotatedArticle], claims: list[Claim]) -> list[Place]:
    """Every place of the event, the main one first (see the module notes)."""
    related_spans = {(c.article, c.start) for c in claims if c.event_ref}
    scopes = {claimant_key(c.scope) for c in claims if c.scope and not c.event_ref}
    support: Counter[str] = Counter()
    main: Counter[str] = Counter()
    chosen: dict[str, Place] = {}
    for item in items:
        other = _other_event_sentences(item, related_spans)
        seen: set[str] = set()
        for place in ([item.place] if item.place else []) + item.places:
            if place.source == "dateline" or place.precision == "region" or _inside(place, other):
                continue
            key = claimant_key(place.name)
            main[key] += place is item.place
            if key not in seen:
                seen.add(key)
                support[key] += 1
            if key not in chosen or _finer(place, chosen[key]):
                chosen[key] = place
    kept = [k for k in support if main[k] or k in scopes or support[k] >= min(2, len(items))]
    keys = [k for k in kept if _keep_country(chosen, kept, k, scopes)]
    primary = {k for k in keys if main[k] >= min(2, len(items)) or k in scopes}
    return _order_places(keys, support, chosen, len(items), primary)


def _town_leads(places: list[Place]) -> list[Place]:
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
    first = min(consensus, key=lambda k: (_rank(PLACE_PRECISIONS, chosen[k].precision), -support[k], k))
    rest = sorted((k for k in keys if k != first), key=lambda k: (-support[k], _rank(PLACE_PRECISIONS, chosen[k].precision), k))
    return [chosen[k] for k in [first] + rest]


def _finer(a: Place, b: Place) -> bool:
    return (a.lat is not None, -_rank(PLACE_PRECISIONS, a.precision)) > (b.lat is not None, -_rank(PLACE_PRECISIONS, b.precision))


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


def _actors(items: list[AnnotatedArticle]) -> list[Actor]:
    counts: Counter[tuple[str, str]] = Counter()
    names: dict[tuple[str, str], Counter[str]] = {}
    for item in items:
        for actor in {(claimant_key(a.name), a.role): a for a in item.actors}.values():
            key = (claimant_key(actor.name), actor.role)
            counts[key] += 1
            names.setdefault(key, Counter())[actor.name] += 1
    ranked = sorted(counts, key=lambda k: (-counts[k], k[1], k[0]))
    return [Actor(name=sorted(names[k].items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0][0], role=k[1]) for k in ranked]


def _articles(items: list[AnnotatedArticle]) -> list[dict[str, Any]]:
    return [{"id": i.article.id, "source": i.article.outlet, "url": i.article.url,
             "published": i.article.published, "title": i.article.title}
            for i in sorted(items, key=_time_order)]
