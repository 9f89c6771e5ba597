"""Cleaning a batch of documents, in this process or in a pool of worker processes.

Cleaning is a pure function of one document, so it parallelises without changing the
result: ``Pool.map`` keeps the order of the batch, and the store sees the same sequence.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from multiprocessing.pool import Pool

from ..errors import InputError
from ..model import Article, RawDocument

__all__ = ["clean_all", "cleaned", "worker_pool"]

Cleaner = Callable[[RawDocument], Article]


class LazyPool:
    """A pool of worker processes started on its first use: a run whose batches are all
    too small to clean in parallel never pays for starting workers."""

    def __init__(self, processes: int) -> None:
        self.processes = processes
        self._pool: Pool | None = None

    def map(self, func: Callable, items: list, chunksize: int = 1) -> list:
        if self._pool is None:
            self._pool = multiprocessing.get_context().Pool(self.processes)
        return self._pool.map(func, items, chunksize=chunksize)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.terminate()  # as Pool's own context manager does on exit
            self._pool = None


@contextmanager
def worker_pool(processes: int) -> Iterator[LazyPool | None]:
    """A pool of ``processes`` workers (started when first used), or None (clean in this
    process) for one."""
    if processes <= 1:
        yield None
        return
    pool = LazyPool(processes)
    try:
        yield pool
    finally:
        pool.close()


def clean_all(
    items: list[RawDocument | InputError], clean: Cleaner, pool: LazyPool | Pool | None, min_parallel: int = 2
) -> list[Article | InputError]:
    """``cleaned`` of every item, in order; in the pool's workers when there are at least
    ``min_parallel`` items."""
    if pool is None or len(items) < max(2, min_parallel):
        return [cleaned(item, clean) for item in items]
    chunk = max(1, len(items) // 16)  # small enough to balance the workers, big enough to batch
    return [_unpacked(out) for out in pool.map(partial(_packed, clean=clean), items, chunksize=chunk)]


def cleaned(item: RawDocument | InputError, clean: Cleaner) -> Article | InputError:
    """The clean article of a document, or the InputError that says why there is none."""
    if isinstance(item, InputError):
        return item
    try:
        article = clean(item)
    except InputError as exc:
        if exc.origin is None:
            exc.origin = item.origin
        return exc
    if article.origin is None:
        article.origin = item.origin
    return article


def _packed(item: RawDocument | InputError, clean: Cleaner) -> Article | tuple:
    """Errors cross the process boundary as fields: their keyword-only __init__ does not pickle."""
    out = cleaned(item, clean)
    return (type(out), out.message, out.hint, out.origin) if isinstance(out, InputError) else out


def _unpacked(out: Article | tuple) -> Article | InputError:
    if isinstance(out, tuple):
        kind, message, hint, origin = out
        return kind(message, hint=hint, origin=origin)
    return out
