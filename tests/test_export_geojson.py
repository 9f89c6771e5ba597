"""Events GeoJSON export (newsfuse.export.geojson)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsfuse.export import events_to_geojson, write_events_geojson
from newsfuse.fuse import build_event
from newsfuse.model import AnnotatedArticle, Article, Event


@pytest.fixture()
def events(fuse_items: list[AnnotatedArticle]) -> list[Event]:
    empty = AnnotatedArticle(article=Article(id="lone", sha256="lone", text="A quiet report without figures."))
    return [build_event("ev-1", fuse_items), build_event("ev-2", [empty])]


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
