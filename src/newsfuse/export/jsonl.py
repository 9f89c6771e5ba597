"""Events JSONL (DESIGN.md, "Export schema: events JSONL"): one event per line.

:func:`event_record` is the one place that turns an :class:`~newsfuse.model.Event` into the
export dict: places are reduced to the schema's shape (name, country, admin1, lat, lon,
precision), ``killed``/``injured`` are null when no article gives a figure, actors are
``{"name", "role"}``. Every other exporter starts from this dict, so all formats agree.
Lines are written with sorted-free, stable key order and ``ensure_ascii=False``.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from ..errors import InputError
from ..model import Event, Place

__all__ = ["event_record", "place_record", "events_to_jsonl", "write_events_jsonl", "read_events_jsonl", "REQUIRED_KEYS"]

REQUIRED_KEYS = ("id", "title", "type", "date", "date_precision", "place", "places", "actors", "articles",
                 "killed", "injured", "claims", "quotes", "disagreements", "related")


def place_record(place: Place | None) -> dict[str, Any] | None:
    """A place in the export shape."""
    if place is None:
        return None
    record = {"name": place.name, "country": place.country, "admin1": place.admin1,
              "lat": place.lat, "lon": place.lon, "precision": place.precision}
    if place.address:
        record["address"] = place.address
    return record


def event_record(event: Event) -> dict[str, Any]:
    """The export dict of one event (the JSONL line's object)."""
    return {
        "id": event.id, "title": event.title, "type": event.type,
        "date": event.date, "date_precision": event.date_precision,
        "place": place_record(event.place), "places": [place_record(p) for p in event.places],
        "actors": [{"name": a.name, "role": a.role} for a in event.actors],
        "articles": [dict(a) for a in event.articles],
        "killed": dataclasses.asdict(event.killed) if event.killed else None,
        "injured": dataclasses.asdict(event.injured) if event.injured else None,
        "claims": list(event.claims), "quotes": list(event.quotes),
        "disagreements": list(event.disagreements), "related": list(event.related),
    }


def events_to_jsonl(events: Iterable[Event]) -> str:
    """Events as JSONL text (one line per event, each ending with a newline)."""
    return "".join(_line(e) for e in events)


def write_events_jsonl(events: Iterable[Event], out: str | Path | IO[str]) -> int:
    """Write events as JSONL to a path or an open text file; returns how many were written."""
    if isinstance(out, (str, Path)):
        with open(out, "w", encoding="utf-8") as handle:
            return write_events_jsonl(events, handle)
    count = 0
    for event in events:
        out.write(_line(event))
        count += 1
    return count


def read_events_jsonl(lines: Iterable[str]) -> Iterator[dict[str, Any]]:
    """Event dicts back from JSONL lines (blank lines skipped)."""
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            yield json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"line {number} of the events JSONL is not JSON: {exc.msg}") from exc


def _line(event: Event) -> str:
    return json.dumps(event_record(event), ensure_ascii=False, default=_default) + "\n"


def _default(value: Any) -> Any:
    if dataclasses.is_dataclass(value):
        return dataclasses.asdict(value)
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    return str(value)
