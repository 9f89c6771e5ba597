"""Incremental, order-independent grouping of articles into events.

The grouping is a deterministic function of the SET of articles stored:

1. every pair of articles that share a block key (:mod:`.blocking`) is scored
   (:mod:`.similarity`); a pair whose score reaches ``threshold`` is a *link*;
2. the connected components of the link graph are candidate events;
3. each component is refined by average linkage over the scores of all its pairs
   (members sorted by sha256), cut at ``threshold``: a chain of links A-B-C whose ends
   do not belong together is split;
4. a group of at least twice ``LOOK_ALIKE_MIN`` articles whose top split leaves two halves
   far more alike within than across is split in two (two look-alike events that share every
   topic word), and each half tested again.

Adding articles only recomputes the components the new links touch. Because keys and
scores are pure functions of the articles and the refinement sees members in sha256
order, adding articles one by one, in batches or all at once, in any order, gives the
same events. Event ids derive from the smallest member sha256.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..model import AnnotatedArticle
from .blocking import block_keys
from .features import ArticleFeatures, extract
from .pairmodel import PairModel, load_model
from .similarity import score

__all__ = ["Clusterer", "event_id", "refine"]

MIGRATION = Path(__file__).resolve().parent.parent / "store" / "migrations" / "0002_cluster.sql"
FULL_SCORING_LIMIT = 400  # larger components refine on stored links only (bounded cost)
LOOK_ALIKE_MIN = 4  # articles on each side before a group is split into two look-alike events
LOOK_ALIKE_RATIO = 0.75  # cross score below this share of the inner score: two events


def event_id(members: Iterable[str]) -> str:
    """The id of the event whose member sha256s are ``members``."""
    return "ev-" + min(members)[:16]


class Clusterer:
    """Groups articles into events, persisting features, keys, links and membership in
    SQLite. ``store`` is a newsfuse Store (its transactions are used) or a plain
    sqlite3 connection (the cluster tables are created if missing); None means an
    in-memory database."""

    def __init__(self, store: Any = None, threshold: float | None = None, model: PairModel | None = None) -> None:
        from ..config import Settings

        self._store = store if store is not None and hasattr(store, "transaction") else None
        if self._store is not None:
            self.conn = self._store.connection
        else:
            self.conn = store if store is not None else sqlite3.connect(":memory:", isolation_level=None)
            self.conn.executescript(MIGRATION.read_text(encoding="utf-8"))
        self.threshold = Settings().cluster_threshold if threshold is None else threshold
        self.model = model or load_model()
        self._cache: dict[str, ArticleFeatures] = {}
        self._batch: set[str] = set()

    # -- public API ------------------------------------------------------------------------

    def add(self, items: Iterable[AnnotatedArticle | ArticleFeatures]) -> list[str]:
        """Add articles (annotated, or their features); return the ids of the events that
        were created, changed or removed, sorted. Known articles (same sha256) are skipped."""
        new = self._new_features(items)
        if not new:
            return []
        self._batch = {f.sha256 for f in new}
        with self._transaction():
            for feats in new:
                self._insert(feats)
            for feats in new:
                self._link(feats)
            return self._regroup({f.sha256 for f in new})

    def events(self) -> dict[str, list[str]]:
        """{event id: sorted member sha256s}."""
        out: dict[str, list[str]] = {}
        for sha, ev in self.conn.execute("SELECT sha256, event_id FROM event_members ORDER BY event_id, sha256"):
            out.setdefault(ev, []).append(sha)
        return out

    def event_of(self, sha256: str) -> str | None:
        row = self.conn.execute("SELECT event_id FROM event_members WHERE sha256 = ?", (sha256,)).fetchone()
        return row[0] if row else None

    def features(self, sha256: str) -> ArticleFeatures | None:
        """The stored features of an article (by sha256), or None."""
        if sha256 in self._cache:
            return self._cache[sha256]
        row = self.conn.execute("SELECT data FROM cluster_features WHERE sha256 = ?", (sha256,)).fetchone()
        if row is None:
            return None
        feats = ArticleFeatures.from_json(row[0])
        self._cache[sha256] = feats
        return feats

    def resolve(self, key: str) -> str | None:
        """The sha256 of the article whose sha256 (or a prefix of it) or id is ``key``."""
        row = self.conn.execute(
            "SELECT sha256 FROM cluster_features WHERE sha256 = ? OR article_id = ? ORDER BY sha256 LIMIT 1",
            (key, key),
        ).fetchone()
        if row is None and len(key) >= 8:
            row = self.conn.execute(
                "SELECT sha256 FROM cluster_features WHERE sha256 LIKE ? ORDER BY sha256 LIMIT 1", (key + "%",)
            ).fetchone()
        return row[0] if row else None

    def linked(self, a: str, b: str) -> float | None:
        """The stored link score of the pair, or None when they are not linked directly."""
        x, y = sorted((a, b))
        row = self.conn.execute("SELECT score FROM cluster_links WHERE a = ? AND b = ?", (x, y)).fetchone()
        return row[0] if row else None

    def path(self, a: str, b: str, limit: int = 10_000) -> list[str] | None:
        """A shortest chain of links from ``a`` to ``b`` (both ends included), or None."""
        previous: dict[str, str | None] = {a: None}
        frontier = [a]
        while frontier and len(previous) < limit:
            nxt = []
            for node in frontier:
                for other in sorted(self._neighbours(node)):
                    if other not in previous:
                        previous[other] = node
                        nxt.append(other)
            if b in previous:
                chain, node = [], b
                while node is not None:
                    chain.append(node)
                    node = previous[node]
                return chain[::-1]
            frontier = nxt
        return None

    def candidates(self, sha256: str) -> list[str]:
        """The stored articles that share a block key with ``sha256``."""
        rows = self.conn.execute(
            "SELECT DISTINCT k2.sha256 FROM block_keys k1 JOIN block_keys k2 ON k1.key = k2.key"
            " WHERE k1.sha256 = ? AND k2.sha256 != ? ORDER BY k2.sha256",
            (sha256, sha256),
        )
        return [r[0] for r in rows]

    def stats(self) -> dict[str, int]:
        return dict(self.conn.execute("SELECT name, value FROM cluster_stats"))

    # -- internals -------------------------------------------------------------------------

    def _new_features(self, items: Iterable[AnnotatedArticle | ArticleFeatures]) -> list[ArticleFeatures]:
        found: dict[str, ArticleFeatures] = {}
        for item in items:
            feats = item if isinstance(item, ArticleFeatures) else extract(item)
            if feats.sha256 in found or self.features(feats.sha256) is not None:
                continue
            found[feats.sha256] = feats
        return [found[k] for k in sorted(found)]

    def _insert(self, feats: ArticleFeatures) -> None:
        self.conn.execute(
            "INSERT INTO cluster_features (sha256, article_id, data) VALUES (?, ?, ?)",
            (feats.sha256, feats.id, feats.to_json()),
        )
        self.conn.executemany(
            "INSERT OR IGNORE INTO block_keys (key, sha256) VALUES (?, ?)",
            [(key, feats.sha256) for key in block_keys(feats)],
        )
        self._cache[feats.sha256] = feats

    def _link(self, feats: ArticleFeatures) -> None:
        """Score the new article against its candidates; store the links."""
        compared = 0
        for other in self.candidates(feats.sha256):
            if other in self._batch and other < feats.sha256:
                continue  # a pair of two new articles is scored once, from its smaller member
            x, y = sorted((feats.sha256, other))
            compared += 1
            value = score(feats, self.features(other), self.model)  # type: ignore[arg-type]
            if value >= self.threshold:
                self.conn.execute("INSERT INTO cluster_links (a, b, score) VALUES (?, ?, ?)", (x, y, value))
        self._count("pairs_compared", compared)

    def _regroup(self, touched: set[str]) -> list[str]:
        affected: set[str] = set()
        done: set[str] = set()
        for start in sorted(touched):
            if start in done:
                continue
            component = self._component(start)
            done |= component
            old = {self.event_of(s) for s in component} - {None}
            groups = refine(sorted(component), self._pair_scorer(component), self.threshold)
            self.conn.execute(
                f"DELETE FROM event_members WHERE sha256 IN ({','.join('?' * len(component))})", tuple(component)
            )
            for members in groups:
                ev = event_id(members)
                self.conn.executemany(
                    "INSERT INTO event_members (sha256, event_id) VALUES (?, ?)", [(m, ev) for m in members]
                )
                affected.add(ev)
            affected |= old  # type: ignore[arg-type]
        return sorted(affected)

    def _component(self, start: str) -> set[str]:
        seen, stack = {start}, [start]
        while stack:
            node = stack.pop()
            for other in self._neighbours(node):
                if other not in seen:
                    seen.add(other)
                    stack.append(other)
        return seen

    def _neighbours(self, node: str) -> list[str]:
        rows = self.conn.execute(
            "SELECT b FROM cluster_links WHERE a = ? UNION SELECT a FROM cluster_links WHERE b = ?", (node, node)
        )
        return [r[0] for r in rows]

    def _pair_scorer(self, component: set[str]):
        if len(component) <= FULL_SCORING_LIMIT:
            return lambda x, y: score(self.features(x), self.features(y), self.model)  # type: ignore[arg-type]
        return lambda x, y: self.linked(x, y) or 0.0

    def _count(self, name: str, value: int) -> None:
        self.conn.execute(
            "INSERT INTO cluster_stats (name, value) VALUES (?, ?)"
            " ON CONFLICT (name) DO UPDATE SET value = value + excluded.value",
            (name, value),
        )

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        if self._store is not None:
            with self._store.transaction():
                yield
            return
        own = not self.conn.in_transaction
        if own:
            self.conn.execute("BEGIN")
        try:
            yield
        except BaseException:
            if own:
                self.conn.execute("ROLLBACK")
            raise
        if own:
            self.conn.execute("COMMIT")


def refine(members: list[str], pair_score, threshold: float) -> list[list[str]]:
    """Split one component by average linkage, cut where the average score between two
    groups falls below ``threshold``; then split each group that holds two look-alike events
    (:func:`_look_alikes`). ``members`` must be sorted; the result is sorted."""
    if len(members) <= 2:
        return [members]
    import numpy as np

    n = len(members)
    similarity = np.ones((n, n))
    for i in range(n):
        for j in range(i + 1, n):
            similarity[i, j] = similarity[j, i] = pair_score(members[i], members[j])
    groups: dict[int, list[int]] = {}
    for index, label in enumerate(_average_linkage(similarity, t=1.0 - threshold, criterion="distance")):
        groups.setdefault(int(label), []).append(index)
    parts = [part for group in groups.values() for part in _look_alikes(group, similarity)]
    return sorted([members[i] for i in part] for part in parts)


def _average_linkage(similarity, **cut):
    """Average-linkage cluster labels of the rows of a similarity matrix, cut as ``cut`` says."""
    import numpy as np
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    distance = 1.0 - similarity
    np.fill_diagonal(distance, 0.0)
    return fcluster(linkage(squareform(distance, checks=False), method="average"), **cut)


def _look_alikes(group: list[int], similarity) -> list[list[int]]:
    """Two events of one kind (two title fights of one boxer, two quakes on one island) share
    so many words that every cross pair scores above the threshold; what gives them away is
    that each half is far more alike within than across. The group's top average-linkage split
    is kept when both halves hold at least ``LOOK_ALIKE_MIN`` articles and the mean cross score
    is below ``LOOK_ALIKE_RATIO`` times the less cohesive half's mean inner score; each half is
    then tested the same way."""
    import numpy as np

    if len(group) < 2 * LOOK_ALIKE_MIN:
        return [group]
    sub = similarity[np.ix_(group, group)]
    labels = _average_linkage(sub, t=2, criterion="maxclust")
    halves = [[i for i, label in enumerate(labels) if label == k] for k in (1, 2)]
    if min(len(h) for h in halves) < LOOK_ALIKE_MIN:
        return [group]
    cross = sub[np.ix_(halves[0], halves[1])].mean()
    inner = min((sub[np.ix_(h, h)].sum() - len(h)) / (len(h) * (len(h) - 1)) for h in halves)
    if cross >= LOOK_ALIKE_RATIO * inner:
        return [group]
    return [part for h in halves for part in _look_alikes([group[i] for i in h], similarity)]
