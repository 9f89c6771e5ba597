"""The event record: ``build_event(event_id, items) -> Event``.

Fields (DESIGN.md, "events JSONL"), each derived from the annotated articles of one event:

* ``title``: the most representative article title: the one most similar (rapidfuzz token-set
  ratio, summed) to the other titles; ties to the earliest article. Without titles, the first
  sentence of the earliest article (cut at 120 characters).
* ``type``: the majority of ``event_type``; ties to the alphabetically first.
* ``date``/``date_precision``: :mod:`.dates`.
* ``place``/``places``: :mod:`.places`.
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

import math
from collections import Counter
from datetime import date
from typing import Any

from rapidfuzz import fuzz

from ..model import Actor, AnnotatedArticle, Claim, Event
from .figures import event_figure
from .grouping import ClaimGroup, ScopeKeys, disagreements, group_claims, interval_bounds
from .dates import event_date
from .places import event_places, town_leads
from .quotes import group_event_quotes
from .related import context_entries, related_events
from .sources import Sources, claimant_key

__all__ = ["build_event"]


def build_event(event_id: str, items: list[AnnotatedArticle]) -> Event:
    """The fused record of one event from its annotated articles."""
    items = sorted(items, key=lambda i: i.article.id)
    sources = Sources(items)
    date, precision = event_date(items)
    related, ref_alias = related_events(items, date if precision == "day" else None)  # a day anchors "last Sunday"
    claims = _claims(items, ref_alias)
    groups = group_claims(claims, sources, ScopeKeys(_place_countries(items)))
    outlets = {i.article.id: i.article.outlet for i in items}
    render = lambda g: render_group(g, outlets)  # noqa: E731
    published = {i.article.id: i.article.published or "" for i in items}
    related += context_entries(claims, {r["event"] for r in related})
    for rel in related:
        rel["claims"] = [render(g) for g in groups if g.ref == rel["event"]]
    places = town_leads(event_places(items, claims))
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
