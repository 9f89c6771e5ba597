"""Annotation over several processes.

spaCy and the annotate components are CPU-bound Python; one process uses one core. For
large batches, class:`ProcessAnnotator` fans chunks of articles out to worker
processes that each hold one :class:`~newsfuse.annotate.Annotator` (built once per
worker), and yields the results in input order, so the output is the same as with one
process. Small batches stay in-process: starting workers costs more than it saves.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor

from ..config import Settings
from ..model import AnnotatedArticle, Article

__all__ = ["ProcessAnnotator", "worker_count"]

CHUNK = 32  # articles per task: large enough to amortise pickling, small enough to balance
MIN_PER_WORKER = 64  # fewer pending articles per worker than this: stay in one process

_WORKER_ANNOTATOR = None


def worker_count(settings: Settings, pending: int) -> int:
    """How many processes to use: ``settings.nlp_processes``, where 0 means one per core;
    never more than the work can use."""
    wanted = settings.nlp_processes or (os.cpu_count() or 1)
    return max(1, min(wanted, pending // MIN_PER_WORKER))


class ProcessAnnotator:
    """An Annotator spread over ``processes`` worker processes; use as a context manager.
    ``annotate`` has the same contract as :meth:`Annotator.annotate` (input order kept)."""

    def __init__(self, settings: Settings, processes: int) -> None:
        context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
        self._pool = ProcessPoolExecutor(processes, mp_context=context, initializer=_init, initargs=(settings,))

    def annotate(self, articles: Iterable[Article]) -> Iterator[AnnotatedArticle]:
        for done in self._pool.map(_annotate_chunk, _chunks(list(articles), CHUNK)):
            yield from done

    def close(self) -> None:
        self._pool.shutdown()

    def __enter__(self) -> "ProcessAnnotator":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def _init(settings: Settings) -> None:
    global _WORKER_ANNOTATOR
    from . import Annotator

    _WORKER_ANNOTATOR = Annotator(settings)


def _annotate_chunk(chunk: list[Article]) -> list[AnnotatedArticle]:
    return list(_WORKER_ANNOTATOR.annotate(chunk))


def _chunks(items: list[Article], size: int) -> list[list[Article]]:
    return [items[i : i + size] for i in range(0, len(items), size)]
