"""The SQLite store: articles, the inputs that gave them, failures and annotations.

One article is stored once, keyed by ``Article.sha256``; every input id that gave it is
kept in ``inputs``. The stored row is always the article as cleaned from its *smallest*
input id, so the content of the store does not depend on the order of ingestion.
sqlite3 errors are translated to StoreError here; callers see only newsfuse errors.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ..errors import NewsfuseError, NotFoundError, StoreError
from ..model import Article, Removed, to_dict
from .migrations import migrate

__all__ = ["Store", "Failure"]

# Article fields stored as JSON arrays.
_JSON_FIELDS = ("authors", "removed", "captions", "warnings")
_COLUMNS = (
    "sha256", "id", "text", "title", "outlet", "url", "authors", "published",
    "updated", "dateline", "lang", "removed", "captions", "origin", "warnings",
)  # fmt: skip
_SELECT = f"SELECT {', '.join(_COLUMNS)} FROM articles"


@dataclass(frozen=True)
class Failure:
    """An input that could not be read or cleaned, as recorded."""

    origin: str
    code: str
    message: str
    hint: str | None
    recorded_at: str


class Store:
    """An open SQLite store. Use ``with Store.open(path) as store: ...``."""

    def __init__(self, conn: sqlite3.Connection, path: str) -> None:
        self._conn = conn
        self.path = path
        self._depth = 0  # nesting of transaction()

    # -- opening ---------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path) -> "Store":
        """Open (creating if needed) and migrate the store at ``path``."""
        path = str(path)
        try:
            conn = sqlite3.connect(path, isolation_level=None, timeout=30.0, check_same_thread=False)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the store: {exc}", origin=path) from exc
        try:
            _configure(conn)
            migrate(conn)
        except sqlite3.Error as exc:
            conn.close()
            raise StoreError(f"cannot open the store: {exc}", origin=path) from exc
        except NewsfuseError:
            conn.close()
            raise
        return cls(conn, path)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @property
    def connection(self) -> sqlite3.Connection:
        """The sqlite3 connection (autocommit mode: wrap writes in :meth:`transaction`)."""
        return self._conn

    # -- transactions ----------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction, committed on success and rolled back on error (sqlite3
        errors leave it as StoreError); nested calls become savepoints of the outer one."""
        if self._depth == 0:
            begin, commit, rollback = ["BEGIN IMMEDIATE"], ["COMMIT"], ["ROLLBACK"]
        else:
            name = f"sp{self._depth}"
            begin, commit = [f"SAVEPOINT {name}"], [f"RELEASE {name}"]
            rollback = [f"ROLLBACK TO {name}", f"RELEASE {name}"]
        self._run(begin)
        self._depth += 1
        try:
            yield self._conn
        except BaseException as exc:
            self._depth -= 1
            self._run(rollback)
            if isinstance(exc, sqlite3.Error):
                raise StoreError(f"store error: {exc}", origin=self.path) from exc
            raise
        self._depth -= 1
        self._run(commit)

    def _run(self, statements: list[str]) -> None:
        with self._translated():
            for statement in statements:
                self._conn.execute(statement)

    @contextmanager
    def _translated(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as exc:
            raise StoreError(f"store error: {exc}", origin=self.path) from exc

    # -- articles --------------------------------------------------------------------------

    def add_article(self, article: Article, *, raw_sha256: str | None = None) -> bool:
        """Store ``article`` and record ``article.id`` as one of its inputs; True if new.

        ``raw_sha256`` identifies the input as read (see :meth:`seen_inputs`).

        A known article keeps one row; it takes this version's fields when ``article.id``
        (then ``article.origin``) sorts before the stored one, so the result is independent
        of the order of ingestion.
        """
        row = _row(article)
        with self.transaction() as conn:
            current = conn.execute(
                "SELECT id, origin, text FROM articles WHERE sha256 = ?", (article.sha256,)
            ).fetchone()
            if current is None:
                conn.execute(
                    f"INSERT INTO articles ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})", tuple(row.values())
                )
            elif _first((article.id, article.origin), current[:2]):
                self._replace(conn, row, text_changed=current[2] != article.text)
            # One row per input id; of several origins (the same id in two files) the first
            # in sort order is kept, so the result does not depend on the order of arrival.
            conn.execute(
                "INSERT INTO inputs (input_id, sha256, origin, raw_sha256) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (input_id, sha256) DO UPDATE SET"
                " origin = CASE WHEN inputs.origin IS NULL OR excluded.origin < inputs.origin"
                " THEN excluded.origin ELSE inputs.origin END,"
                " raw_sha256 = CASE WHEN inputs.origin IS NULL OR excluded.origin < inputs.origin"
                " OR inputs.raw_sha256 IS NULL THEN coalesce(excluded.raw_sha256, inputs.raw_sha256)"
                " ELSE inputs.raw_sha256 END",
                (article.id, article.sha256, article.origin, raw_sha256),
            )
        return current is None

    def _replace(self, conn: sqlite3.Connection, row: dict[str, Any], *, text_changed: bool) -> None:
        columns = [c for c in row if c not in ("sha256", "added_at")]
        conn.execute(
            f"UPDATE articles SET {', '.join(f'{c} = ?' for c in columns)} WHERE sha256 = ?",
            (*(row[c] for c in columns), row["sha256"]),
        )
        if text_changed:  # annotations hold offsets into the old text
            conn.execute("DELETE FROM annotations WHERE sha256 = ?", (row["sha256"],))

    def articles(self) -> Iterator[Article]:
        """Every stored article, ordered by id; streamed, so do not write while iterating."""
        with self._translated():
            cursor = self._conn.execute(f"{_SELECT} ORDER BY id, sha256")
        while True:
            with self._translated():
                rows = cursor.fetchmany(500)
            if not rows:
                return
            yield from (_article(r) for r in rows)

    def article_count(self) -> int:
        with self._translated():
            return self._conn.execute("SELECT count(*) FROM articles").fetchone()[0]

    def article(self, key: str) -> Article:
        """The article whose sha256, id or any input id is ``key`` (NotFoundError if none)."""
        queries = (
            f"{_SELECT} WHERE sha256 = ?",
            f"{_SELECT} WHERE id = ? ORDER BY sha256 LIMIT 1",
            f"{_SELECT} WHERE sha256 = (SELECT min(sha256) FROM inputs WHERE input_id = ?)",
        )
        with self._translated():
            for query in queries:
                row = self._conn.execute(query, (key,)).fetchone()
                if row is not None:
                    return _article(row)
        raise NotFoundError(f"no article with id or sha256 {key!r}", origin=self.path)

    def seen_inputs(self, keys: Iterable[tuple[str, str]]) -> set[tuple[str, str]]:
        """Those (input id, raw sha256) pairs of ``keys`` that some article was stored from."""
        wanted = set(keys)
        found: set[tuple[str, str]] = set()
        hashes = sorted({raw for _, raw in wanted})
        with self._translated():
            for start in range(0, len(hashes), 500):  # stay under SQLite's parameter limit
                chunk = hashes[start : start + 500]
                marks = ", ".join("?" * len(chunk))
                rows = self._conn.execute(f"SELECT input_id, raw_sha256 FROM inputs WHERE raw_sha256 IN ({marks})", chunk)
                found.update(row for row in rows if row in wanted)
        return found

    def input_ids(self, sha256: str) -> list[str]:
        """Every input id that gave the article ``sha256``, sorted."""
        with self._translated():
            rows = self._conn.execute("SELECT input_id FROM inputs WHERE sha256 = ? ORDER BY input_id", (sha256,))
            return [r[0] for r in rows]

    # -- failures --------------------------------------------------------------------------

    def add_failure(self, origin: str | None, error: NewsfuseError) -> None:
        """Record a failed input; recording the same failure again only updates its time."""
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO failures (origin, code, message, hint, recorded_at) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (origin, code, message) DO UPDATE SET hint = excluded.hint,"
                " recorded_at = excluded.recorded_at",
                (origin or error.origin or "", error.code, error.message, error.hint, _now()),
            )

    def failures(self) -> list[Failure]:
        """Recorded failures, ordered by origin."""
        with self._translated():
            rows = self._conn.execute(
                "SELECT origin, code, message, hint, recorded_at FROM failures ORDER BY origin, code, message"
            ).fetchall()
        return [Failure(*r) for r in rows]

    # -- annotations -----------------------------------------------------------------------

    def put_annotation(self, sha256: str, kind: str, version: str, data: Any) -> None:
        """Store ``data`` (JSON-serialisable) as the ``kind`` annotation of an article,
        replacing any earlier one."""
        self.put_annotations([(sha256, kind, version, json.dumps(data, ensure_ascii=False, sort_keys=True))])

    def put_annotations(self, rows: Iterable[tuple[str, str, str, str]]) -> None:
        """Store annotations already serialised: (sha256, kind, version, JSON text) rows, as
        :meth:`put_annotation` writes them (JSON with sorted keys). One statement for many
        rows; the JSON can be made in a worker process."""
        with self.transaction() as conn:
            conn.executemany(
                "INSERT OR REPLACE INTO annotations (sha256, kind, version, data) VALUES (?, ?, ?, ?)",
                ((sha, kind, str(version), payload) for sha, kind, version, payload in rows),
            )

    def get_annotation(self, sha256: str, kind: str, version: str | None = None) -> Any | None:
        """The stored ``kind`` annotation of an article; None when there is none, or when
        ``version`` is given and the stored one has another version (it is stale)."""
        row = self._annotation_row(sha256, kind)
        if row is None or (version is not None and row[0] != str(version)):
            return None
        return json.loads(row[1])

    def annotation_json(self, sha256: str, kind: str) -> str | None:
        """The stored ``kind`` annotation of an article as its JSON text (any version), or None."""
        row = self._annotation_row(sha256, kind)
        return None if row is None else row[1]

    def _annotation_row(self, sha256: str, kind: str) -> tuple[str, str] | None:
        with self._translated():
            return self._conn.execute(
                "SELECT version, data FROM annotations WHERE sha256 = ? AND kind = ?", (sha256, kind)
            ).fetchone()


def _configure(conn: sqlite3.Connection) -> None:
    """WAL lets readers work while ingest writes; NORMAL sync keeps every committed
    transaction across a killed process (only a power cut can lose the latest ones)."""
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 30000")


def _row(article: Article) -> dict[str, Any]:
    values = to_dict(article)
    row = {c: values.get(c) for c in _COLUMNS}
    for name in _JSON_FIELDS:
        row[name] = json.dumps(values.get(name) or [], ensure_ascii=False)
    row["added_at"] = _now()
    return row


def _article(row: tuple) -> Article:
    values = dict(zip(_COLUMNS, row))
    for name in _JSON_FIELDS:
        values[name] = json.loads(values[name])
    values["removed"] = [Removed(**r) for r in values["removed"]]
    return Article(**values)


def _first(candidate: tuple[str, str | None], current: tuple[str, str | None]) -> bool:
    """True when ``candidate`` (input id, origin) sorts before ``current`` (None origins last)."""
    return (candidate[0], candidate[1] is None, candidate[1] or "") < (current[0], current[1] is None, current[1] or "")


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
