"""The whole job: ingest -> clean -> annotate -> cluster -> fuse, over one store.

:func:`run` ingests paths (optional) and then :func:`process` brings the store up to
date: every article without a current annotation is annotated (in sha256 order, in
batches, each batch committed), added to the clusterer, and every event whose
membership changed is rebuilt by fusion and stored. Because each stage is a pure
function of its input and the clusterer's grouping is a function of the set of
articles, the same articles give the same events whatever the order and batching of
their arrival.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from . import __version__
from .annotate import Annotator
from .config import Settings
from .errors import InputError, NotFoundError
from .ingest import IngestReport, ingest_paths
from .model import AnnotatedArticle, Event, to_dict
from .store import Store

__all__ = ["RunReport", "run", "process", "load_annotated", "stored_events", "stored_event", "event_items", "ANNOTATION_KIND"]

ANNOTATION_KIND = "annotated"
BATCH_SIZE = 256


@dataclass
class RunReport:
    """What one run did."""

    ingest: IngestReport | None = None
    annotated: int = 0
    events_changed: int = 0
    events_total: int = 0
    warnings: list[str] = field(default_factory=list)


def run(
    paths: Iterable[str],
    store: Store,
    settings: Settings | None = None,
    on_failure: Callable[[InputError], None] | None = None,
) -> RunReport:
    """Ingest ``paths`` into ``store``, then annotate, cluster and fuse what is new."""
    settings = settings or Settings()
    paths = list(paths)
    ingested = ingest_paths(paths, store, settings, on_failure=on_failure) if paths else None
    report = process(store, settings)
    report.ingest = ingested
    return report


def process(store: Store, settings: Settings | None = None, annotator: Annotator | None = None) -> RunReport:
    """Annotate unannotated articles, cluster them, rebuild the events that changed."""
    from .cluster.incremental import Clusterer

    settings = settings or Settings()
    report = RunReport()
    clusterer = Clusterer(store, threshold=settings.cluster_threshold)
    changed: set[str] = set()
    pending = _pending(store, annotation_version(settings))
    for items in _annotated_batches(store, pending, settings, annotator):
        with store.transaction():
            for item in items:
                store.put_annotation(item.article.sha256, ANNOTATION_KIND, annotation_version(settings), to_dict(item))
        changed.update(clusterer.add(items))
        report.annotated += len(items)
    report.events_changed = _rebuild(store, changed)
    report.events_total = _count_events(store)
    return report


def _annotated_batches(
    store: Store, pending: list[str], settings: Settings, annotator: Annotator | None
) -> Iterator[list[AnnotatedArticle]]:
    """The pending articles annotated, BATCH_SIZE at a time, in sha256 order; over
    several processes when there is enough work (see annotate.parallel)."""
    from .annotate.parallel import ProcessAnnotator, worker_count

    if not pending:
        return
    processes = 1 if annotator is not None else worker_count(settings, len(pending))
    with contextlib.ExitStack() as stack:
        if processes > 1:
            annotator = stack.enter_context(ProcessAnnotator(settings, processes))
        annotator = annotator or Annotator(settings)
        for start in range(0, len(pending), BATCH_SIZE):
            batch = [store.article(sha) for sha in pending[start : start + BATCH_SIZE]]
            yield list(annotator.annotate(batch))


def annotation_version(settings: Settings) -> str:
    """Annotations made by another newsfuse version or model are redone."""
    return f"{__version__}/{settings.spacy_model}"


def load_annotated(store: Store, sha256: str) -> AnnotatedArticle:
    data = store.get_annotation(sha256, ANNOTATION_KIND)
    if data is None:
        raise NotFoundError(f"article {sha256[:12]} has not been annotated", hint="run `newsfuse run`")
    return AnnotatedArticle.from_dict(data)


def stored_events(store: Store) -> Iterator[dict]:
    """Every stored event (export JSON), by date then id."""
    rows = store.connection.execute("SELECT data FROM events ORDER BY date IS NULL, date, id")
    for (data,) in rows:
        yield json.loads(data)


def stored_event(store: Store, event_id: str) -> dict:
    """One stored event by id, or by a unique prefix of its id."""
    rows = store.connection.execute(
        "SELECT data FROM events WHERE id = ? OR id LIKE ? ORDER BY id LIMIT 2", (event_id, event_id + "%")
    ).fetchall()
    exact = [r for r in rows if json.loads(r[0])["id"] == event_id]
    if exact or len(rows) == 1:
        return json.loads((exact or rows)[0][0])
    raise NotFoundError(f"no event {event_id!r}" + (" (the prefix is ambiguous)" if rows else ""))


def event_items(store: Store, event_id: str) -> list[AnnotatedArticle]:
    """The annotated articles of a stored event, by sha256."""
    return [load_annotated(store, sha) for sha in _members(store, event_id)]


def _members(store: Store, event_id: str) -> list[str]:
    rows = store.connection.execute(
        "SELECT sha256 FROM event_members WHERE event_id = ? ORDER BY sha256", (event_id,)
    )
    return [sha for (sha,) in rows]


def _pending(store: Store, version: str) -> list[str]:
    """sha256 of the articles without a current annotation, sorted."""
    rows = store.connection.execute(
        "SELECT sha256 FROM articles WHERE sha256 NOT IN "
        "(SELECT sha256 FROM annotations WHERE kind = ? AND version = ?) ORDER BY sha256",
        (ANNOTATION_KIND, version),
    )
    return [sha for (sha,) in rows]


def _rebuild(store: Store, changed: set[str]) -> int:
    """Rebuild (or delete) the events whose membership changed; return how many."""
    from .fuse import build_event

    with store.transaction() as conn:
        for event_id in sorted(changed):
            conn.execute("DELETE FROM events WHERE id = ?", (event_id,))
            members = _members(store, event_id)  # only the changed events: no full scan
            if not members:
                continue
            items = [load_annotated(store, sha) for sha in members]
            shas = {item.article.id: item.article.sha256 for item in items}
            event = _with_input_ids(store, build_event(event_id, _resolved(items)), shas)
            _put_event(conn, event, len(members))
    return len(changed)


def _resolved(items: list[AnnotatedArticle]) -> list[AnnotatedArticle]:
    """Name variants resolved across the event's articles (newsfuse.resolve)."""
    try:
        from .resolve import resolve_entities
    except ImportError:  # resolve is optional for grouping and figures
        return items
    return resolve_entities(items)


def _with_input_ids(store: Store, event: Event, shas: dict[str, str]) -> Event:
    """One ``articles`` entry per input id: an article given by several inputs (the
    same text twice) lists each of them, so every input appears in its event.
    ``shas`` maps the event's article ids to their sha256."""
    expanded = []
    for entry in event.articles:
        for input_id in store.input_ids(shas[entry["id"]]):
            expanded.append({**entry, "id": input_id})
    event.articles = expanded
    return event


def _put_event(conn, event: Event, n_articles: int) -> None:
    data = to_dict(event)
    conn.execute(
        "INSERT OR REPLACE INTO events (id, date, type, title, n_articles, data) VALUES (?, ?, ?, ?, ?, ?)",
        (event.id, event.date, event.type, event.title, n_articles, json.dumps(data, ensure_ascii=False, sort_keys=False)),
    )


def _count_events(store: Store) -> int:
    return store.connection.execute("SELECT COUNT(*) FROM events").fetchone()[0]
