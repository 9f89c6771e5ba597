"""Events JSONL, CSV and GeoJSON exports (newsfuse.export.jsonl/table/geojson)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from newsfuse.export import (
    CSV_COLUMNS,
    events_to_csv,
    events_to_geojson,
    events_to_jsonl,
    read_events_jsonl,
    write_events_csv,
    write_events_geojson,
    write_events_jsonl,
)
from newsfuse.export.jsonl import REQUIRED_KEYS
from newsfuse.fuse import build_event
from newsfuse.model import AnnotatedArticle, Article, Event


@pytest.fixture()
def events(data_dir: Path) -> list[Event]:
    rows = json.loads((data_dir / "fuse" / "event.json").read_text(encoding="utf-8"))
    items = [AnnotatedArticle.from_dict(r) for r in rows]
    empty = AnnotatedArticle(article=Article(id="lone", sha256="lone", text="A quiet report without figures."))
    return [build_event("ev-1", items), build_event("ev-2", [empty])]


def test_jsonl_round_trip_has_the_design_keys(events: list[Event]) -> None:
    lines = events_to_jsonl(events).splitlines()
    assert len(lines) == 2
    records = list(read_events_jsonl(lines))
    for record in records:
        assert set(REQUIRED_KEYS) <= set(record)
    first, second = records
    assert first["killed"] == {"best": 19, "low": 8, "high": 19, "status": "contested"}
    assert second["killed"] is None and second["injured"] is None
    assert set(first["place"]) == {"name", "country", "admin1", "lat", "lon", "precision"}
    for claim in first["claims"]:
        assert {"slot", "value", "qualifier", "scope", "claimant", "status", "evidence"} <= set(claim)
        assert all({"article", "sentence", "start", "end"} <= set(ev) for ev in claim["evidence"])
    assert [a["id"] for a in first["articles"]] == ["r2", "w1", "p3"]


def test_jsonl_every_input_article_appears_once(events: list[Event]) -> None:
    ids = [a["id"] for r in read_events_jsonl(events_to_jsonl(events).splitlines()) for a in r["articles"]]
    assert sorted(ids) == ["lone", "p3", "r2", "w1"]


def test_write_jsonl_to_a_path(events: list[Event], tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    assert write_events_jsonl(events, path) == 2
    assert [r["id"] for r in read_events_jsonl(path.read_text(encoding="utf-8").splitlines())] == ["ev-1", "ev-2"]


def test_csv_has_one_flat_row_per_event(events: list[Event], tmp_path: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(events_to_csv(events))))
    assert [r["id"] for r in rows] == ["ev-1", "ev-2"]
    assert tuple(rows[0]) == CSV_COLUMNS
    assert (rows[0]["killed_best"], rows[0]["killed_status"], rows[1]["killed_best"]) == ("19", "contested", "")
    assert rows[0]["n_articles"] == "3" and int(rows[0]["n_disagreements"]) >= 1
    path = tmp_path / "events.csv"
    assert write_events_csv(events, path) == 2


def test_geojson_is_a_valid_feature_collection(events: list[Event], tmp_path: Path) -> None:
    collection = json.loads(json.dumps(events_to_geojson(events)))
    assert collection["type"] == "FeatureCollection"
    first, second = collection["features"]
    for feature in collection["features"]:
        assert feature["type"] == "Feature" and isinstance(feature["properties"], dict)
    lon, lat = first["geometry"]["coordinates"]
    assert first["geometry"]["type"] == "Point" and -180 <= lon <= 180 and -90 <= lat <= 90
    assert (lon, lat) == (7.2, 48.1)  # GeoJSON order: longitude first
    assert second["geometry"] is None  # no coordinates: kept, without geometry
    path = tmp_path / "events.geojson"
    assert write_events_geojson(events, path) == 2
    assert json.loads(path.read_text(encoding="utf-8"))["type"] == "FeatureCollection"
