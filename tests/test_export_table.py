"""Events CSV export (newsfuse.export.table)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from newsfuse.export import CSV_COLUMNS, events_to_csv, write_events_csv
from newsfuse.fuse import build_event
from newsfuse.model import AnnotatedArticle, Article, Event


@pytest.fixture()
def events(fuse_items: list[AnnotatedArticle]) -> list[Event]:
    empty = AnnotatedArticle(article=Article(id="lone", sha256="lone", text="A quiet report without figures."))
    return [build_event("ev-1", fuse_items), build_event("ev-2", [empty])]


def test_csv_has_one_flat_row_per_event(events: list[Event], tmp_path: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(events_to_csv(events))))
    assert [r["id"] for r in rows] == ["ev-1", "ev-2"]
    assert tuple(rows[0]) == CSV_COLUMNS
    assert (rows[0]["killed_best"], rows[0]["killed_status"], rows[1]["killed_best"]) == ("19", "contested", "")
    assert rows[0]["n_articles"] == "3" and int(rows[0]["n_disagreements"]) >= 1
    path = tmp_path / "events.csv"
    assert write_events_csv(events, path) == 2
