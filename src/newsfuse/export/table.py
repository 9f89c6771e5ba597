"""Events CSV: one row per event, flat columns (:data:`CSV_COLUMNS`).

Lists are joined with " | " (places, actors as "name (role)", outlets, article ids, related
event keys); figures are split into ``killed_best``/``killed_low``/``killed_high``/
``killed_status`` (empty when null). Counts of claims, contested claims and disagreements let
a spreadsheet sort events by how disputed they are.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from ..model import Event
from .jsonl import event_record

__all__ = ["CSV_COLUMNS", "event_row", "events_to_csv", "write_events_csv"]

CSV_COLUMNS = (
    "id", "title", "type", "date", "date_precision",
    "place", "country", "admin1", "lat", "lon", "places", "actors",
    "n_articles", "sources", "article_ids",
    "killed_best", "killed_low", "killed_high", "killed_status",
    "injured_best", "injured_low", "injured_high", "injured_status",
    "n_claims", "n_contested", "n_disagreements", "related",
)
_SEP = " | "


def event_row(event: Event) -> dict[str, Any]:
    """The flat CSV row of one event."""
    rec = event_record(event)
    place = rec["place"] or {}
    row: dict[str, Any] = {
        "id": rec["id"], "title": rec["title"], "type": rec["type"], "date": rec["date"],
        "date_precision": rec["date_precision"], "place": place.get("name"), "country": place.get("country"),
        "admin1": place.get("admin1"), "lat": place.get("lat"), "lon": place.get("lon"),
        "places": _SEP.join(p["name"] for p in rec["places"]),
        "actors": _SEP.join(f"{a['name']} ({a['role']})" for a in rec["actors"]),
        "n_articles": len(rec["articles"]),
        "sources": _SEP.join(sorted({a.get("source") or "" for a in rec["articles"]} - {""})),
        "article_ids": _SEP.join(a["id"] for a in rec["articles"]),
        "n_claims": len(rec["claims"]),
        "n_contested": sum(1 for c in rec["claims"] if c.get("status") == "contested"),
        "n_disagreements": len(rec["disagreements"]),
        "related": _SEP.join(f"{r.get('event')} ({r.get('relation')})" for r in rec["related"]),
    }
    for slot in ("killed", "injured"):
        figure = rec[slot] or {}
        for part in ("best", "low", "high", "status"):
            row[f"{slot}_{part}"] = figure.get(part)
    return {column: ("" if row[column] is None else row[column]) for column in CSV_COLUMNS}


def events_to_csv(events: Iterable[Event]) -> str:
    """Events as CSV text with a header row."""
    buffer = io.StringIO()
    _write(events, buffer)
    return buffer.getvalue()


def write_events_csv(events: Iterable[Event], out: str | Path | IO[str]) -> int:
    """Write events as CSV to a path or an open text file; returns how many rows were written."""
    if isinstance(out, (str, Path)):
        with open(out, "w", encoding="utf-8", newline="") as handle:
            return _write(events, handle)
    return _write(events, out)


def _write(events: Iterable[Event], handle: IO[str]) -> int:
    writer = csv.DictWriter(handle, fieldnames=list(CSV_COLUMNS), lineterminator="\n")
    writer.writeheader()
    count = 0
    for event in events:
        writer.writerow(event_row(event))
        count += 1
    return count
