"""Annotation (and other per-article work) over several processes.

spaCy and the annotate components are CPU-bound Python; one process uses one core. For
large batches, class:`ProcessAnnotator` fans chunks of articles out to worker
processes that each hold one :class:`~newsfuse.annotate.Annotator` (built once per
worker, on its first chunk), and yields the results in input order, so the output is the
same as with one process. Small batches stay in-process: starting workers costs more than
it saves.

Work is submitted as a stream with a bounded number of chunks in flight: the workers keep
annotating while the calling process stores and clusters the results it already has, and
an archive never sits in memory (or in the task queue) whole.

Memory: with the fork start method, the large read-only state every worker needs (the
gazetteer, a few hundred MB; the spaCy pipeline) is built once in the calling process before
the workers start, so they share its pages copy-on-write instead of each building a copy.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from functools import partial
from itertools import islice
from typing import Any, TypeVar

from ..config import Settings
from ..model import AnnotatedArticle, Article

__all__ = ["ProcessAnnotator", "share_with_workers", "worker_count"]

CHUNK = 32  # articles per task: large enough to amortise pickling, small enough to balance
MIN_PER_WORKER = 64  # fewer pending articles per worker than this: stay in one process
AHEAD = 3  # tasks in flight per worker: enough to keep it busy while the caller handles results

T = TypeVar("T")
R = TypeVar("R")

_WORKER_SETTINGS: Settings | None = None
_WORKER_ANNOTATOR = None


def configured_processes(settings: Settings) -> int:
    """``settings.nlp_processes``, where 0 means one per core."""
    return settings.nlp_processes or (os.cpu_count() or 1)


def worker_count(settings: Settings, pending: int) -> int:
    """How many processes to use for ``pending`` articles: the configured number, never
    more than the work can use."""
    return max(1, min(configured_processes(settings), pending // MIN_PER_WORKER))


class ProcessAnnotator:
    """An Annotator spread over ``processes`` worker processes; use as a context manager.
    ``annotate`` has the same contract as :meth:`Annotator.annotate` (input order kept)."""

    def __init__(self, settings: Settings, processes: int) -> None:
        forking = "fork" in multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if forking else "spawn")
        self._frozen = forking
        if forking:
            share_with_workers(settings)
        self._pool = ProcessPoolExecutor(processes, mp_context=context, initializer=_init, initargs=(settings,))
        self._in_flight = max(1, processes) * AHEAD

    def annotate(
        self, articles: Iterable[Article], finish: Callable[[AnnotatedArticle], Any] | None = None
    ) -> Iterator[Any]:
        """The annotated articles, in order; with ``finish`` (a module-level function, so it
        pickles), ``finish(item)`` computed in the worker instead of each item."""
        return self.map(partial(_annotate_chunk, finish=finish), articles, chunksize=CHUNK, whole_chunks=True)

    def map(
        self, func: Callable[..., Any], items: Iterable[Any], chunksize: int = 1, whole_chunks: bool = False
    ) -> Iterator[Any]:
        """``func(item)`` for every item (``func(chunk)`` -> list with ``whole_chunks``), in
        input order, computed in the workers. ``items`` is read lazily: at most a few
        chunks per worker are in flight at any time."""
        task = func if whole_chunks else partial(_each, func)
        pending: deque[Future] = deque()
        for chunk in _chunks(items, chunksize):
            pending.append(self._pool.submit(task, chunk))
            if len(pending) >= self._in_flight:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()

    def close(self) -> None:
        self._pool.shutdown()
        if self._frozen:
            gc.unfreeze()  # the workers are gone: this process's collector may visit everything again
            self._frozen = False

    def __enter__(self) -> "ProcessAnnotator":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def share_with_workers(settings: Settings) -> None:
    """Build the read-only state of annotation here, before forking, so that the workers
    inherit it (both are cached per process) and share its pages copy-on-write. Then
    ``gc.freeze()``: a full collection in a worker would otherwise write to the header of
    every tracked object it inherited, copying nearly every shared page."""
    from .gazetteer import get_gazetteer
    from .nlp import load_pipeline

    get_gazetteer()
    load_pipeline(settings.spacy_model)
    gc.freeze()


def _init(settings: Settings) -> None:
    global _WORKER_SETTINGS
    _WORKER_SETTINGS = settings


def _annotator():
    """This worker's Annotator, built on first use. Forked workers find the spaCy pipeline
    and the gazetteer already loaded (:func:`share_with_workers`); spawned ones load them here."""
    global _WORKER_ANNOTATOR
    if _WORKER_ANNOTATOR is None:
        from . import Annotator

        _WORKER_ANNOTATOR = Annotator(_WORKER_SETTINGS)
    return _WORKER_ANNOTATOR


def _annotate_chunk(chunk: list[Article], finish: Callable[[AnnotatedArticle], Any] | None = None) -> list[Any]:
    items = _annotator().annotate(chunk)
    return [finish(item) for item in items] if finish is not None else list(items)


def _each(func: Callable[[T], R], chunk: list[T]) -> list[R]:
    return [func(item) for item in chunk]


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk
