from __future__ import annotations

import json
import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsfuse.errors import EncodingError, InputError
from newsfuse.ingest import ingest_paths
from newsfuse.model import Article, RawDocument
from newsfuse.store import Store


def _simple_clean(raw: RawDocument) -> Article:
    """A predictable cleaner: the identity is the text itself."""
    text = raw.data.decode("utf-8", errors="replace").strip()
    return Article(id=raw.input_id, sha256=f"{hash(text) & (2**64 - 1):064x}", text=text)


def _write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_ingest_paths_counts_new_duplicate_and_failed(tmp_path: Path, data_dir: Path) -> None:
    source = _write_jsonl(tmp_path / "a.jsonl", [{"id": "1", "text": "One."}, {"id": "2", "text": "One."}, {"id": "3"}])
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with Store.open(tmp_path / "s.db") as store:
        report = ingest_paths([str(source), str(empty)], store, clean=_simple_clean)
        assert (report.read, report.new, report.duplicate, report.failed) == (4, 1, 1, 2)
        assert [f.origin for f in store.failures()] == [f"{source}:3", str(empty)]
        assert store.input_ids(next(store.articles()).sha256) == ["1", "2"]


def test_ingest_paths_records_clean_failures_with_their_origin(tmp_path: Path) -> None:
    def picky_clean(raw: RawDocument) -> Article:
        if b"\xe9" in raw.data:
            raise EncodingError("undecodable bytes")
        return _simple_clean(raw)

    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text("A fine report.")
    bad.write_bytes(b"caf\xe9 report")
    seen: list[InputError] = []
    with Store.open(tmp_path / "s.db") as store:
        report = ingest_paths([str(bad), str(good)], store, clean=picky_clean, on_failure=seen.append)
        assert report.new == 1 and report.failed == 1
        assert seen == report.failures and seen[0].origin == str(bad)
        assert [(f.origin, f.code) for f in store.failures()] == [(str(bad), "E104")]


def test_ingest_paths_commits_in_batches(tmp_path: Path) -> None:
    source = _write_jsonl(tmp_path / "a.jsonl", [{"id": str(i), "text": f"Report {i}."} for i in range(7)])
    commits = []

    def counting_clean(raw: RawDocument) -> Article:
        commits.append(store.connection.execute("SELECT count(*) FROM articles").fetchone()[0])
        return _simple_clean(raw)

    with Store.open(tmp_path / "s.db") as store:
        ingest_paths([str(source)], store, clean=counting_clean, batch_size=3)
    assert commits == [0, 0, 0, 3, 3, 3, 6]  # each batch is cleaned after the previous one committed


def test_ingest_paths_skips_cleaning_inputs_stored_before(tmp_path: Path) -> None:
    source = _write_jsonl(tmp_path / "a.jsonl", [{"id": "1", "text": "One."}, {"id": "2", "text": "Two."}])
    calls: list[str] = []

    def counting_clean(raw: RawDocument) -> Article:
        calls.append(raw.input_id)
        return _simple_clean(raw)

    with Store.open(tmp_path / "s.db") as store:
        ingest_paths([str(source)], store, clean=counting_clean)
        _write_jsonl(source, [{"id": "1", "text": "One."}, {"id": "2", "text": "Two, corrected."}])
        report = ingest_paths([str(source)], store, clean=counting_clean)
        assert calls == ["1", "2", "2"]  # only the changed input is cleaned again
        assert (report.new, report.duplicate) == (1, 1)
        assert sorted(a.text for a in store.articles() if a.id == "2") == ["Two, corrected.", "Two."]


def test_ingest_paths_is_idempotent_on_fixtures(tmp_path: Path, data_dir: Path, article_cleaner) -> None:
    inputs = shutil.copytree(data_dir / "ingest", tmp_path / "in")
    with Store.open(tmp_path / "s.db") as store:
        first = ingest_paths([str(inputs)], store, clean=article_cleaner)
        snapshot = _snapshot(store)
        second = ingest_paths([str(inputs)], store, clean=article_cleaner)
        assert _snapshot(store) == snapshot
    assert first.new > 0 and second.new == 0
    assert second.duplicate == first.new + first.duplicate and second.failed == first.failed
    assert first.read == first.new + first.duplicate + first.failed


def test_ingest_paths_in_worker_processes_gives_the_same_store(tmp_path: Path, data_dir: Path, article_cleaner) -> None:
    inputs = [str(data_dir / "ingest")]
    snapshots = []
    for processes in (1, 2):
        with Store.open(tmp_path / f"{processes}.db") as store:
            report = ingest_paths(inputs, store, clean=article_cleaner, processes=processes, batch_size=5)
            snapshots.append((_snapshot(store), [(type(e), e.origin, e.hint) for e in report.failures]))
    assert snapshots[0] == snapshots[1] and snapshots[0][1]


def _snapshot(store: Store) -> tuple:
    articles = list(store.articles())
    failures = [(f.origin, f.code, f.message) for f in store.failures()]
    return articles, [store.input_ids(a.sha256) for a in articles], failures


_words = st.sampled_from("storm flood bridge council police fire market ferry dam road school harbour".split())
_texts = st.lists(_words, min_size=8, max_size=20).map(lambda ws: " ".join(ws).capitalize() + ".")
_records = st.lists(st.tuples(st.text("abcxyz", min_size=1, max_size=4), _texts), min_size=1, max_size=8)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(records=_records, order=st.randoms(use_true_random=False))
def test_ingest_gives_the_same_store_in_any_order_and_twice(tmp_path_factory, article_cleaner, records, order) -> None:
    folder = tmp_path_factory.mktemp("in")
    paths = [str(_write_jsonl(folder / f"{n}.jsonl", [{"id": i, "title": "T", "text": t}])) for n, (i, t) in enumerate(records)]
    shuffled = paths[:]
    order.shuffle(shuffled)
    assert _ingested(tmp_path_factory, [paths], article_cleaner) == _ingested(
        tmp_path_factory, [shuffled, paths], article_cleaner
    )


def _ingested(tmp_path_factory, runs: list[list[str]], clean) -> tuple:
    with Store.open(tmp_path_factory.mktemp("db") / "s.db") as store:
        for paths in runs:
            ingest_paths(paths, store, clean=clean)
        return _snapshot(store)
