"""Events GeoJSON (RFC 7946): a FeatureCollection with one Feature per event.

The geometry is a Point at the event's main place ``[lon, lat]``; an event whose place has no
coordinates keeps its Feature with ``"geometry": null`` (allowed by RFC 7946 section 3.2) so no
event is lost. ``properties`` hold the flat CSV row (see :mod:`.table`) plus ``places``: every
place of the event with coordinates, for maps that draw all sites.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from ..model import Event
from .jsonl import place_record
from .table import event_row

__all__ = ["event_feature", "events_to_geojson", "write_events_geojson"]


def event_feature(event: Event) -> dict[str, Any]:
    """One event as a GeoJSON Feature."""
    place = event.place
    geometry = None
    if place is not None and place.lat is not None and place.lon is not None:
        geometry = {"type": "Point", "coordinates": [float(place.lon), float(place.lat)]}
    properties = event_row(event)
    properties["places"] = [place_record(p) for p in event.places if p.lat is not None and p.lon is not None]
    return {"type": "Feature", "id": event.id, "geometry": geometry, "properties": properties}


def events_to_geojson(events: Iterable[Event]) -> dict[str, Any]:
    """A FeatureCollection of the events."""
    return {"type": "FeatureCollection", "features": [event_feature(e) for e in events]}


def write_events_geojson(events: Iterable[Event], out: str | Path | IO[str]) -> int:
    """Write the FeatureCollection as JSON; returns how many features were written."""
    collection = events_to_geojson(events)
    text = json.dumps(collection, ensure_ascii=False)
    if isinstance(out, (str, Path)):
        Path(out).write_text(text, encoding="utf-8")
    else:
        out.write(text)
    return len(collection["features"])
