"""export: events as JSONL, CSV and GeoJSON; the event dossier for the terminal and as HTML.

* :func:`event_record` / :func:`events_to_jsonl` / :func:`write_events_jsonl`: DESIGN.md's
  events JSONL shape (one event per line; ``killed``/``injured`` null without a figure).
* :func:`events_to_csv` / :func:`write_events_csv`: one row per event, flat columns.
* :func:`events_to_geojson`: a FeatureCollection, one Point feature per event (null geometry
  when the event has no coordinates).
* :func:`render_dossier` (a rich renderable) and :func:`dossier_text` (plain string).
* :func:`render_html_report`: one self-contained, escaped HTML page.
"""

from __future__ import annotations

from .dossier import dossier_text, render_dossier
from .geojson import events_to_geojson, write_events_geojson
from .html import render_html_report
from .jsonl import event_record, events_to_jsonl, read_events_jsonl, write_events_jsonl
from .table import CSV_COLUMNS, event_row, events_to_csv, write_events_csv

__all__ = [
    "CSV_COLUMNS",
    "dossier_text",
    "event_record",
    "event_row",
    "events_to_csv",
    "events_to_geojson",
    "events_to_jsonl",
    "read_events_jsonl",
    "render_dossier",
    "render_html_report",
    "write_events_csv",
    "write_events_geojson",
    "write_events_jsonl",
]
