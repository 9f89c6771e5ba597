"""The whole job: ingest -> clean -> annotate -> cluster -> fuse, over one store.

:func:`run` ingests paths (optional) and then :func:`process` brings the store up to
date: every article without a current annotation is annotated (in sha256 order, in
batches, each batch committed), added to the clusterer, and every event whose
membership changed is rebuilt by fusion and stored. Because each stage is a pure
function of its input and the clusterer's grouping is a function of the set of
articles, the same articles give the same events whatever the order and batching of
their arrival.

With enough work, the pure per-article and per-event steps run in worker processes
(cleaning; annotation with the stored JSON and clustering features of each article;
building each changed event), streamed so that the workers keep going while this process
stores and clusters their results in the same order as it would alone.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import TYPE_CHECKING, Any

from . import __version__
from .annotate import Annotator
from .config import Settings
from .errors import InputError, NotFoundError
from .ingest import IngestReport, ingest_paths
from .model import AnnotatedArticle, Event
from .store import Store

if TYPE_CHECKING:
    from .cluster.features import ArticleFeatures
    from .homes import RegionRow

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
    from .annotate.parallel import MIN_PER_WORKER, configured_processes

    settings = settings or Settings()
    paths = list(paths)
    ingested = None
    if paths:
        # Clean in worker processes once a batch is big enough to pay for starting them.
        ingested = ingest_paths(paths, store, settings, on_failure=on_failure,
                                processes=configured_processes(settings), min_parallel=2 * MIN_PER_WORKER)
    report = process(store, settings)
    report.ingest = ingested
    return report


def process(store: Store, settings: Settings | None = None, annotator: Annotator | None = None) -> RunReport:
    """Annotate unannotated articles, cluster them, rebuild the events that changed."""
    from .cluster.incremental import Clusterer
    from .homes import record_regions

    settings = settings or Settings()
    report = RunReport()
    clusterer = Clusterer(store, threshold=settings.cluster_threshold)
    changed: set[str] = set()
    outlets: set[str] = set()
    version = annotation_version(settings)
    pending = _pending(store, version)
    with _workers(settings, len(pending), annotator) as pool:
        results = _annotated(store, pending, settings, annotator, pool)
        while batch := list(islice(results, BATCH_SIZE)):
            with store.transaction() as conn:
                store.put_annotations((r.sha256, ANNOTATION_KIND, version, r.payload) for r in batch)
                outlets.update(record_regions(conn, (r.region for r in batch if r.region)))
            changed.update(clusterer.add([r.features for r in batch]))
            report.annotated += len(batch)
        changed.update(_rehomed(store, outlets))
        report.events_changed = _rebuild(store, changed, pool)
    report.events_total = _count_events(store)
    return report


@dataclass
class _Annotated:
    """What the main process needs of one annotated article: the annotation as stored and
    the clustering features. Both are pure functions of the article, so they are computed
    where the article was annotated (in a worker when there are several)."""

    sha256: str
    payload: str
    features: ArticleFeatures
    region: RegionRow | None = None  # for the outlet's home (newsfuse.homes)


def _finish(item: AnnotatedArticle) -> _Annotated:
    """Module level, so worker processes can unpickle it."""
    from .cluster.features import extract

    return _Annotated(item.article.sha256, _annotation_json(item), extract(item), _region_row(item))


def _region_row(item: AnnotatedArticle) -> RegionRow | None:
    from .fuse.outlets import article_region

    if not item.article.outlet:
        return None
    return (item.article.sha256, item.article.outlet, *(article_region(item) or (None, None)))


def _rehomed(store: Store, outlets: set[str]) -> set[str]:
    """The events to rebuild because the home of one of their outlets changed."""
    from .homes import events_of_outlets, refresh_homes

    with store.transaction() as conn:
        return events_of_outlets(conn, refresh_homes(conn, outlets))


def _annotation_json(item: AnnotatedArticle) -> str:
    """The stored form of an annotation (as Store.put_annotation writes it)."""
    return _dumps(item, sort_keys=True)


def _dumps(obj: Any, sort_keys: bool) -> str:
    """``json.dumps(to_dict(obj), ensure_ascii=False, sort_keys=sort_keys)`` without first
    building to_dict's deep copy: the encoder asks :func:`_fields` for each dataclass it
    meets. The text is the same: dataclasses.asdict gives a dict of the fields in their
    order and copies lists, tuples and dicts as they are, which the encoder writes alike."""
    return json.dumps(obj, ensure_ascii=False, sort_keys=sort_keys, default=_fields)


def _fields(obj: Any) -> dict[str, Any]:
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)}
    raise TypeError(f"Object of type {type(obj).__name__} is not JSON serializable")


@contextlib.contextmanager
def _workers(settings: Settings, pending: int, annotator: Annotator | None) -> Iterator[Any]:
    """Worker processes for ``pending`` articles, or None to work in this process (a given
    annotator, or too little work to pay for starting workers)."""
    from .annotate.parallel import ProcessAnnotator, worker_count

    processes = 1 if annotator is not None else worker_count(settings, pending)
    if processes <= 1:
        yield None
        return
    with ProcessAnnotator(settings, processes) as pool:
        yield pool


def _annotated(
    store: Store, pending: list[str], settings: Settings, annotator: Annotator | None, pool: Any
) -> Iterator[_Annotated]:
    """The pending articles annotated, in sha256 order; streamed, so the workers keep
    annotating while the caller stores and clusters what is done."""
    articles = (store.article(sha) for sha in pending)
    if pool is not None:
        yield from pool.annotate(articles, finish=_finish)
        return
    for item in (annotator or Annotator(settings)).annotate(articles):
        yield _finish(item)


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


def _rebuild(store: Store, changed: set[str], pool: Any = None) -> int:
    """Rebuild (or delete) the events whose membership changed; return how many. Each
    event is built from its stored annotations by a pure function (in the worker processes
    when there are some); this process only reads and writes the store, in event id order."""
    ids = sorted(changed)
    with store.transaction() as conn:
        jobs = (_event_job(store, event_id) for event_id in ids)  # only the changed events: no full scan
        rows = pool.map(_event_row, jobs, chunksize=4) if pool is not None else map(_event_row, jobs)
        for event_id, row in zip(ids, rows):
            conn.execute("DELETE FROM events WHERE id = ?", (event_id,))
            if row is not None:
                _put_event(conn, row)
    return len(ids)


def _event_job(store: Store, event_id: str) -> tuple[str, list[str], dict[str, list[str]], dict]:
    """What building one event needs from the store: its members' stored annotations (JSON,
    by sha256), the input ids of each member and the homes of their outlets."""
    members = _members(store, event_id)
    payloads = []
    for sha in members:
        payload = store.annotation_json(sha, ANNOTATION_KIND)
        if payload is None:
            raise NotFoundError(f"article {sha[:12]} has not been annotated", hint="run `newsfuse run`")
        payloads.append(payload)
    from .homes import homes_of

    input_ids = {sha: store.input_ids(sha) for sha in members}
    return event_id, payloads, input_ids, homes_of(store.connection, members)


def _event_row(job: tuple[str, list[str], dict[str, list[str]], dict]) -> tuple | None:
    """The events row of one event (None when it has no members left). Module level, so
    worker processes can unpickle it."""
    from .fuse import build_event
    from .fuse.outlets import with_home

    event_id, payloads, input_ids, homes = job
    if not payloads:
        return None
    items = [AnnotatedArticle.from_dict(json.loads(p)) for p in payloads]
    items = [with_home(item, homes.get(item.article.outlet)) for item in items]
    shas = {item.article.id: item.article.sha256 for item in items}
    event = _with_input_ids(build_event(event_id, _resolved(items)), shas, input_ids)
    data = _dumps(event, sort_keys=False)
    return event.id, event.date, event.type, event.title, len(payloads), data


def _resolved(items: list[AnnotatedArticle]) -> list[AnnotatedArticle]:
    """Name variants resolved across the event's articles (newsfuse.resolve)."""
    try:
        from .resolve import resolve_entities
    except ImportError:  # resolve is optional for grouping and figures
        return items
    return resolve_entities(items)


def _with_input_ids(event: Event, shas: dict[str, str], input_ids: dict[str, list[str]]) -> Event:
    """One ``articles`` entry per input id: an article given by several inputs (the
    same text twice) lists each of them, so every input appears in its event.
    ``shas`` maps the event's article ids to their sha256, ``input_ids`` each sha256 to its
    input ids (sorted)."""
    expanded = []
    for entry in event.articles:
        for input_id in input_ids[shas[entry["id"]]]:
            expanded.append({**entry, "id": input_id})
    event.articles = expanded
    return event


def _put_event(conn, row: tuple) -> None:
    conn.execute("INSERT OR REPLACE INTO events (id, date, type, title, n_articles, data) VALUES (?, ?, ?, ?, ?, ?)", row)


def _count_events(store: Store) -> int:
    return store.connection.execute("SELECT COUNT(*) FROM events").fetchone()[0]
