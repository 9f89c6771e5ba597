"""The whole job over the bundled examples: every input lands in exactly one event, the
result does not depend on arrival order or batching, and the look-alike stays apart."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from newsfuse.config import Settings
from newsfuse.pipeline import run, stored_events
from newsfuse.store import Store

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _expected() -> dict:
    return json.loads((EXAMPLES / "expected.json").read_text(encoding="utf-8"))


def _input_ids() -> set[str]:
    ids = set()
    for path in (EXAMPLES / "articles").iterdir():
        if path.suffix == ".jsonl":
            ids.update(json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
        else:
            ids.add(path.name)
    return ids


def _run_in(db: Path, batches: list[list[str]]) -> list[dict]:
    settings = Settings(db=str(db))
    with Store.open(db) as store:
        for paths in batches:
            run(paths, store, settings)
        return list(stored_events(store))


def _grouping(events: list[dict]) -> set[frozenset[str]]:
    return {frozenset(a["id"] for a in e["articles"]) for e in events}


@pytest.fixture(scope="module")
def example_events(tmp_path_factory) -> list[dict]:
    db = tmp_path_factory.mktemp("pipeline") / "all.db"
    return _run_in(db, [[str(EXAMPLES / "articles")]])


def test_pipeline_every_input_in_exactly_one_event(example_events):
    ids = [a["id"] for e in example_events for a in e["articles"]]
    assert sorted(ids) == sorted(_input_ids())


def test_pipeline_groups_examples_as_expected(example_events):
    expected = {frozenset(e["articles"]) for e in _expected()["events"]}
    assert _grouping(example_events) == expected


def test_pipeline_order_and_batching_do_not_matter(example_events, tmp_path):
    files = sorted(str(p) for p in (EXAMPLES / "articles").iterdir())
    one_by_one = _run_in(tmp_path / "reversed.db", [[f] for f in reversed(files)])
    strip = lambda events: json.dumps(sorted(events, key=lambda e: e["id"]), sort_keys=True)  # noqa: E731
    assert strip(one_by_one) == strip(example_events)


def test_pipeline_rerun_changes_nothing(tmp_path):
    db = tmp_path / "twice.db"
    first = _run_in(db, [[str(EXAMPLES / "articles")]])
    second = _run_in(db, [[str(EXAMPLES / "articles")]])
    assert first == second
