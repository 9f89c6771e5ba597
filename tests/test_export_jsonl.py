"""Events JSONL export (newsfuse.export.jsonl)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfuse.export import events_to_jsonl, read_events_jsonl, write_events_jsonl
from newsfuse.export.jsonl import REQUIRED_KEYS
from newsfuse.fuse import build_event
from newsfuse.model import AnnotatedArticle, Article, Event


@pytest.fixture()
def events(fuse_items: list[AnnotatedArticle]) -> list[Event]:
    empty = AnnotatedArticle(article=Article(id="lone", sha256="lone", text="A quiet report without figures."))
    return [build_event("ev-1", fuse_items), build_event("ev-2", [empty])]


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


def test_read_jsonl_reports_a_broken_line() -> None:
    from newsfuse.errors import InputError

    with pytest.raises(InputError, match="line 2"):
        list(read_events_jsonl(['{"id": "a"}', "{broken"]))


def test_jsonl_keeps_non_ascii_text(events: list[Event]) -> None:
    events[0].title = "Ālbū Kamāl – “quoted” <tag>"
    record = next(read_events_jsonl(events_to_jsonl(events[:1]).splitlines()))
    assert record["title"] == "Ālbū Kamāl – “quoted” <tag>"
