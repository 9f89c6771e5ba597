"""Work over worker processes (newsfuse.annotate.parallel): results in input order."""

from __future__ import annotations

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
