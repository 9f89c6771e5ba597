"""Quality gate (in the spirit of trafilatura's): the whole pipeline on a fixed sample of the
gva development corpus must not fall below the floors pinned in bench/RESULTS.json.

The sample is chosen by a hash of the gold event id (not by position), so it mixes cities,
dates and look-alike incidents; the full corpus is measured by bench/events.py. Skips when
../shared is absent.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

import pytest

from newsfuse.config import Settings
from newsfuse.pipeline import run, stored_events
from newsfuse.store import Store

pytestmark = [pytest.mark.shared, pytest.mark.slow]

REPO = Path(__file__).resolve().parent.parent
SAMPLE_ONE_IN = 20  # events whose id hash falls in 1/20 of the space: about 100 events


def _in_sample(event_id: str) -> bool:
    return int(hashlib.sha256(event_id.encode()).hexdigest(), 16) % SAMPLE_ONE_IN == 0


@pytest.fixture(scope="module")
def gate() -> dict:
    return json.loads((REPO / "bench" / "RESULTS.json").read_text(encoding="utf-8"))["gate"]["gva_sample"]


@pytest.fixture(scope="module")
def sample_run(shared_dir: Path, tmp_path_factory) -> tuple[list[dict], dict[str, dict], dict[str, str]]:
    folder = shared_dir / "datasets" / "gva"
    if not (folder / "gold.jsonl").is_file():
        pytest.skip("../shared/datasets/gva is absent")
    gold_rows = [json.loads(line) for line in (folder / "gold.jsonl").open(encoding="utf-8")]
    chosen = [row for row in gold_rows if _in_sample(row["event_id"])]
    gold = {a: row["event_id"] for row in chosen for a in row["article_ids"]}
    tmp = tmp_path_factory.mktemp("gate")
    sample = tmp / "sample.jsonl"
    with (folder / "articles.jsonl").open(encoding="utf-8") as src, sample.open("w", encoding="utf-8") as dst:
        dst.writelines(line for line in src if json.loads(line)["id"] in gold)
    with Store.open(tmp / "gate.db") as store:
        run([str(sample)], store, Settings(db=str(tmp / "gate.db")))
        events = list(stored_events(store))
    return events, {row["event_id"]: row for row in chosen}, gold


def _scores():
    sys.path.insert(0, str(REPO / "bench"))
    import _corpus

    return _corpus


def test_quality_gate_grouping_on_gva_sample(sample_run, gate):
    events, _, gold = sample_run
    corpus = _scores()
    predicted = {a["id"]: e["id"] for e in events for a in e["articles"] if a["id"] in gold}
    assert set(predicted) == set(gold), "every sampled article must be in an event"
    pairwise = corpus.pairwise(predicted, gold)
    bcubed = corpus.bcubed(predicted, gold)
    assert pairwise.f1 >= gate["pairwise_f1_min"], f"pairwise {pairwise}"
    assert bcubed.f1 >= gate["bcubed_f1_min"], f"B-cubed {bcubed}"


def test_quality_gate_facts_on_gva_sample(sample_run, gate):
    events, rows, gold = sample_run
    by_article = {a["id"]: e for e in events for a in e["articles"]}
    scored = [row for row in rows.values() if row.get("has_structured_data")]
    main = {row["event_id"]: _main_event(row["article_ids"], by_article) for row in scored}
    killed = sum(_best(main[row["event_id"]].get("killed")) == row["killed"] for row in scored)
    date = sum(main[row["event_id"]].get("date") == row["date"] for row in scored)
    assert killed / len(scored) >= gate["killed_exact_min"], f"killed exact {killed}/{len(scored)}"
    assert date / len(scored) >= gate["date_exact_min"], f"date exact {date}/{len(scored)}"


def _main_event(article_ids: list[str], by_article: dict[str, dict]) -> dict:
    """The event that holds most of the incident's articles (ties: the smallest id)."""
    counts = Counter(by_article[a]["id"] for a in article_ids)
    best = min(counts, key=lambda event_id: (-counts[event_id], event_id))
    return next(by_article[a] for a in article_ids if by_article[a]["id"] == best)


def _best(figure: dict | None) -> int:
    return 0 if not figure or figure.get("best") is None else int(figure["best"])
