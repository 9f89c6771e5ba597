"""Outlet homes in the pipeline (newsfuse.homes): an article of a local outlet that names only
a town is read in the outlet's home state, and the result does not depend on whether that
article came before or after the ones that taught the home."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsfuse.config import Settings
from newsfuse.pipeline import load_annotated, run, stored_events
from newsfuse.store import Store

LEDGER = Path(__file__).resolve().parent / "data" / "homes" / "ledger.jsonl"


def _split(tmp_path: Path) -> tuple[str, str]:
    """The undated-state article (h3) and the two datelined ones, as two inputs."""
    lines = LEDGER.read_text(encoding="utf-8").splitlines()
    late, early = tmp_path / "late.jsonl", tmp_path / "early.jsonl"
    late.write_text("\n".join(l for l in lines if json.loads(l)["id"] == "h3") + "\n", encoding="utf-8")
    early.write_text("\n".join(l for l in lines if json.loads(l)["id"] != "h3") + "\n", encoding="utf-8")
    return str(late), str(early)


def _events(db: Path, batches: list[list[str]]) -> tuple[list[dict], dict]:
    with Store.open(db) as store:
        for paths in batches:
            run(paths, store, Settings(db=str(db)))
        events = list(stored_events(store))
        sha = dict(store.connection.execute("SELECT input_id, sha256 FROM inputs"))
        return events, {"place": load_annotated(store, sha["h3"]).place}


@pytest.fixture(scope="module")
def together(tmp_path_factory) -> tuple[list[dict], dict]:
    return _events(tmp_path_factory.mktemp("homes") / "all.db", [[str(LEDGER)]])


def _place_of(events: list[dict], article_id: str) -> dict:
    return next(e["place"] for e in events if any(a["id"] == article_id for a in e["articles"]))


def test_pipeline_homes_town_read_in_the_outlet_home_state(together):
    events, h3 = together
    assert h3["place"].admin1 != "Ohio"  # alone, the text points to the biggest Springfield
    place = _place_of(events, "h3")
    assert (place["name"], place["admin1"]) == ("Springfield", "Ohio")


def test_pipeline_homes_do_not_depend_on_arrival_order(together, tmp_path):
    late, early = _split(tmp_path)
    first, _ = _events(tmp_path / "late-first.db", [[late], [early]])
    assert first == together[0]
