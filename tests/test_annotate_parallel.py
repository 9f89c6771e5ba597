"""Work over worker processes (newsfuse.annotate.parallel): results in input order."""

from __future__ import annotations

import multiprocessing
import os
import pickle

import pytest

from newsfuse.annotate.parallel import ProcessAnnotator
from newsfuse.config import Settings


def square(n: int) -> int:
    """Module-level, so worker processes can unpickle it."""
    return n * n


def test_map_keeps_input_order_and_reads_items_lazily() -> None:
    read = []

    def items():
        for n in range(200):
            read.append(n)
            yield n

    with ProcessAnnotator(Settings(), 2) as pool:
        results = pool.map(square, items(), chunksize=7)
        assert next(results) == 0
        assert len(read) < 200  # only a few chunks in flight, not the whole input
        assert [0, *results] == [n * n for n in range(200)]


def gazetteer_identity(_: int) -> tuple[int, int]:
    """Module-level, so worker processes can unpickle it: (this process, its gazetteer)."""
    from newsfuse.annotate.gazetteer import get_gazetteer

    return os.getpid(), id(get_gazetteer())


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="sharing needs fork")
def test_workers_share_the_gazetteer_built_before_they_start() -> None:
    from newsfuse.annotate.gazetteer import get_gazetteer

    with ProcessAnnotator(Settings(), 2) as pool:
        built_here = id(get_gazetteer())  # built by ProcessAnnotator, before any worker started
        seen = set(pool.map(gazetteer_identity, range(64)))
    assert all(pid != os.getpid() for pid, _ in seen)
    assert {gazetteer for _, gazetteer in seen} == {built_here}  # inherited, not rebuilt per worker


def test_gazetteer_lookups_survive_the_pickle_cache(tmp_path, monkeypatch) -> None:
    """The packed name tables give the same candidates after a round trip through the cache."""
    from newsfuse.annotate import gazetteer

    built = gazetteer.get_gazetteer()
    parts = (built.entries, built._exact, built._article, built._loose, built.states)
    path = tmp_path / "gazetteer.pkl"
    gazetteer._write_cache(path, parts)
    with path.open("rb") as handle:
        loaded = gazetteer.Gazetteer(*pickle.load(handle))
    for name in ("Ft. Worth", "Lexington", "Al-Qaem", "Deir Ezzor", "U.S.", "Nowhere Town"):
        assert loaded.lookup(name) == built.lookup(name)
    assert loaded.state("FL") == built.state("FL")
