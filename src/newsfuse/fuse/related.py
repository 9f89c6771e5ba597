"""Related events of an event record: earlier events it answers, and running tallies.

Each article's ``related`` entries (annotate.claims: ``key``, ``relation``, ``description``,
``date``, ``place``, ``country``, ``when``) are merged across the event's articles:

* dates: an entry without an absolute date resolves its relative phrase (``when``) against the
  article's publication day, else against the event's date: "last Sunday" / "on Sunday" /
  "Sunday's" is the latest Sunday strictly before that day (precision day); "last week" is the
  week before (precision week, dated by its Monday). Against the event date this is right as
  long as the article appeared within six days of the event, which is how news reports one;
* two entries are one earlier event when their relations match, their dates agree (equal, or a
  day inside a week) and they share a place or a country; undated entries need a shared place
  or country. The merged entry keeps the finest date and the most informative key (dated, then
  placed; an "undated:" key resolved here takes its date) as its ``event`` id, and lists its
  articles;
* claims about a running period ("since October", annotate.claims) become entries of relation
  ``"context"``.

Output entries: ``{"event", "relation", "date", "date_precision", "place", "country",
"description", "articles"}`` (build_event adds ``claims``).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from ..model import AnnotatedArticle, Claim

__all__ = ["related_events", "context_entries", "resolve_when"]

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def resolve_when(phrase: str | None, anchor: str | None) -> tuple[str | None, str | None]:
    """(ISO date, precision) of a relative phrase against an ISO anchor day, or (None, None)."""
    if not phrase or not anchor:
        return (None, None)
    try:
        day = date.fromisoformat(anchor[:10])
    except ValueError:
        return (None, None)
    words = phrase.lower()
    if "week" in words:
        monday = day - timedelta(days=day.weekday() + 7)
        return (monday.isoformat(), "week")
    for number, name in enumerate(_WEEKDAYS):
        if name in words:
            back = (day.weekday() - number) % 7 or 7
            return ((day - timedelta(days=back)).isoformat(), "day")
    return (None, None)


def related_events(items: list[AnnotatedArticle], event_date: str | None) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """Merged related events and a map from each article-level key to the merged event id."""
    merged: list[dict[str, Any]] = []
    alias: dict[str, int] = {}
    for item in sorted(items, key=lambda i: i.article.id):
        anchor = (item.article.published or "")[:10] or event_date
        for raw in item.related:
            rel = _dated(raw, anchor)
            if not rel["key"]:
                continue
            index = next((n for n, m in enumerate(merged) if rel["key"] in m["keys"] or _same(m, rel)), None)
            if index is None:
                merged.append({**rel, "keys": set(), "articles": []})
                index = len(merged) - 1
            _absorb(merged[index], rel, item.article.id)
            alias[rel["key"]] = index
    out, names = [], {}
    for n, entry in enumerate(merged):
        name = sorted(entry["keys"], key=lambda k: (k.startswith("undated"), -k.count(":"), k))[0]
        if name.startswith("undated") and entry["date"]:  # dated here, from "last Sunday"
            name = entry["date"] + name[len("undated"):]
        names[n] = name
        out.append({"event": names[n], "relation": entry["relation"], "date": entry["date"],
                    "date_precision": entry["date_precision"], "place": entry["place"], "country": entry["country"],
                    "description": entry["description"], "articles": sorted(entry["articles"])})
    return sorted(out, key=lambda e: e["event"]), {k: names[n] for k, n in alias.items()}


def _dated(raw: dict[str, Any], anchor: str | None) -> dict[str, Any]:
    rel = {"key": raw.get("key") or raw.get("event"), "relation": raw.get("relation", "related"),
           "date": raw.get("date"), "date_precision": raw.get("date_precision") or ("day" if raw.get("date") else None),
           "place": raw.get("place"), "country": raw.get("country"), "description": raw.get("description")}
    if not rel["date"]:
        rel["date"], rel["date_precision"] = resolve_when(raw.get("when"), anchor)
    return rel


def _absorb(entry: dict[str, Any], rel: dict[str, Any], article: str) -> None:
    entry["keys"].add(rel["key"])
    if article not in entry["articles"]:
        entry["articles"].append(article)
    if rel["date"] and (not entry["date"] or (entry["date_precision"] != "day" and rel["date_precision"] == "day")):
        entry["date"], entry["date_precision"] = rel["date"], rel["date_precision"]
    for field in ("place", "country", "description"):
        entry[field] = entry[field] or rel[field]


def _same(entry: dict[str, Any], rel: dict[str, Any]) -> bool:
    if entry["relation"] != rel["relation"] or not _dates_agree(entry, rel):
        return False
    same_place = bool(entry["place"]) and entry["place"] == rel["place"]
    same_country = bool(entry["country"]) and entry["country"] == rel["country"]
    return same_place or same_country


def _dates_agree(a: dict[str, Any], b: dict[str, Any]) -> bool:
    if not a["date"] or not b["date"]:
        return True
    return _covers(a, b) or _covers(b, a)


def _covers(outer: dict[str, Any], inner: dict[str, Any]) -> bool:
    start = date.fromisoformat(outer["date"][:10])
    end = start + timedelta(days=6 if outer["date_precision"] == "week" else 0)
    return start <= date.fromisoformat(inner["date"][:10]) <= end


def context_entries(claims: list[Claim], known: set[str]) -> list[dict[str, Any]]:
    """Running tallies ("since October") as related entries of relation "context"."""
    refs = sorted({c.event_ref for c in claims if c.event_ref and c.event_ref not in known})
    return [{"event": ref, "relation": "context" if ref.startswith("context:") else "related", "date": None,
             "date_precision": None, "place": None, "country": None,
             "description": re.sub(r"-", " ", ref.split(":", 1)[-1]),
             "articles": sorted({c.article for c in claims if c.event_ref == ref})} for ref in refs]
