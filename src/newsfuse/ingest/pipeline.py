"""ingest_paths: read inputs, clean them, store the articles, record every failure."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import islice

from ..config import Settings
from ..errors import InputError
from ..model import Article, RawDocument
from ..store import Store
from .sources import read_inputs
from .workers import Cleaner, clean_all, worker_pool

__all__ = ["IngestReport", "ingest_paths", "BATCH_SIZE"]

# Articles per committed transaction: a killed ingest loses at most one batch of work,
# never a committed article, and a re-run completes it without duplicates.
BATCH_SIZE = 200

_SEEN = object()  # outcome of an input already stored from identical bytes


@dataclass
class IngestReport:
    """What one ingest did. ``read`` counts every input document or failed input;
    read == new + duplicate + failed."""

    read: int = 0
    new: int = 0
    duplicate: int = 0
    failed: int = 0
    failures: list[InputError] = field(default_factory=list)

    def fail(self, error: InputError) -> None:
        self.failed += 1
        self.failures.append(error)


def ingest_paths(
    paths: Iterable[str],
    store: Store,
    settings: Settings | None = None,
    *,
    clean: Cleaner | None = None,
    on_failure: Callable[[InputError], None] | None = None,
    batch_size: int = BATCH_SIZE,
    processes: int = 1,
    min_parallel: int = 2,
) -> IngestReport:
    """Ingest every input of ``paths`` into ``store``.

    Each document is cleaned with ``clean`` (default: :func:`newsfuse.clean.clean`);
    inputs that cannot be read or cleaned are recorded in the store and the report, and
    passed to ``on_failure`` as they happen. Articles are committed ``batch_size`` at a time.
    An input already stored from the same bytes (same input id and :func:`raw_key`) is
    counted as a duplicate without cleaning it again, so a re-run after a crash is cheap.
    ``processes`` > 1 cleans in that many worker processes (same result, in the same order);
    ``clean`` must then be picklable (a module-level function). Workers are started for the
    first batch with at least ``min_parallel`` documents to clean, so small runs stay in this
    process.
    """
    settings = settings or Settings()
    clean = clean or _default_clean()
    report = IngestReport()
    items = read_inputs(paths, settings)
    with worker_pool(processes) as pool:
        while batch := list(islice(items, batch_size)):
            keys = [raw_key(item) if isinstance(item, RawDocument) else None for item in batch]
            seen = store.seen_inputs((item.input_id, key) for item, key in zip(batch, keys) if key)
            fresh = [key is None or (item.input_id, key) not in seen for item, key in zip(batch, keys)]
            # Cleaning is the slow part: skip inputs stored before, and run it outside the write lock.
            done = iter(clean_all([item for item, new in zip(batch, fresh) if new], clean, pool, min_parallel))
            with store.transaction():
                for key, new in zip(keys, fresh):
                    _store(next(done) if new else _SEEN, key, store, report, on_failure)
    return report


def raw_key(doc: RawDocument) -> str:
    """A hash of the input as read: the same input id with the same key needs no cleaning again."""
    digest = hashlib.sha256(doc.kind.encode())
    digest.update(json.dumps(doc.fields, sort_keys=True, ensure_ascii=False, default=str).encode())
    digest.update(doc.data)
    return digest.hexdigest()


def _store(
    outcome: Article | InputError | object,
    key: str | None,
    store: Store,
    report: IngestReport,
    on_failure: Callable[[InputError], None] | None,
) -> None:
    report.read += 1
    if outcome is _SEEN:
        report.duplicate += 1
    elif isinstance(outcome, InputError):
        store.add_failure(outcome.origin, outcome)
        report.fail(outcome)
        if on_failure is not None:
            on_failure(outcome)
    elif store.add_article(outcome, raw_sha256=key):
        report.new += 1
    else:
        report.duplicate += 1


def _default_clean() -> Cleaner:
    from ..clean import clean  # imported late: clean pulls in trafilatura

    return clean

