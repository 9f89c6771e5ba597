"""Plain-text wording shared by the dossiers (terminal and HTML)."""

from __future__ import annotations

from typing import Any

__all__ = ["claim_value", "figure_text", "status_label", "date_text", "place_text"]

_QUALIFIER_WORDS = {"at_least": "at least", "more_than": "more than", "about": "about",
                    "up_to": "up to", "less_than": "fewer than", "denied": "not"}
_STATUS = {"corroborated": "corroborated", "single_source": "single source", "contested": "contested"}


def claim_value(claim: dict[str, Any]) -> str:
    """"at least 16", "85", "10-15", "not Iran", "2024-02-02 (day)"."""
    value, qualifier = claim.get("value"), claim.get("qualifier") or "exact"
    if claim.get("slot") == "date":
        return f"{value} ({qualifier})" if qualifier not in ("exact", "day") else str(value)
    if qualifier == "range" and claim.get("high") is not None:
        return f"{claim.get('low')}-{claim.get('high')}"
    if qualifier == "vague":
        return f"{value} or more (vague)"
    word = _QUALIFIER_WORDS.get(qualifier)
    return f"{word} {value}" if word else str(value)


def figure_text(figure: dict[str, Any] | None) -> str:
    if not figure:
        return "no figure"
    span = "" if figure["low"] == figure["high"] else f" (range {figure['low']}-{figure['high']})"
    return f"{figure['best']}{span}, {status_label(figure['status'])}"


def status_label(status: str | None) -> str:
    return _STATUS.get(status or "", status or "")


def date_text(record: dict[str, Any]) -> str:
    if not record.get("date"):
        return "date unknown"
    return f"{record['date']} ({record.get('date_precision') or 'day'})"


def place_text(place: dict[str, Any] | None) -> str:
    if not place:
        return "place unknown"
    parts = [place.get("name"), place.get("admin1"), place.get("country")]
    seen: list[str] = []
    for part in parts:
        if part and part not in seen:
            seen.append(part)
    coords = ""
    if place.get("lat") is not None and place.get("lon") is not None:
        coords = f" [{place['lat']:.2f}, {place['lon']:.2f}]"
    return ", ".join(seen) + coords
