"""Numbered schema migrations: every ``migrations/NNNN_name.sql`` applied once, in order.

Each file runs in its own transaction together with the row that records it in
``schema_migrations``, so a migration is either wholly applied and recorded or not at all.
Stages add their tables by adding the next numbered file; nothing here needs to change.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from ..errors import StoreError

__all__ = ["MIGRATIONS_DIR", "Migration", "available", "applied", "migrate"]

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
_NAME = re.compile(r"^(\d{4})_(\w+)\.sql$")
_LEDGER = """CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"""


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    path: Path


def available(directory: Path = MIGRATIONS_DIR) -> list[Migration]:
    """The migration files of ``directory``, by version; two files with one number is an error."""
    found: dict[int, Migration] = {}
    for path in sorted(directory.glob("*.sql")):
        match = _NAME.match(path.name)
        if not match:
            raise StoreError(f"migration file name {path.name!r} is not NNNN_name.sql", origin=str(path))
        version = int(match.group(1))
        if version in found:
            raise StoreError(f"two migrations numbered {version:04d}: {found[version].path.name}, {path.name}")
        found[version] = Migration(version, match.group(2), path)
    return [found[v] for v in sorted(found)]


def applied(conn: sqlite3.Connection) -> set[int]:
    """Versions recorded in the store (empty for a new store)."""
    conn.execute(_LEDGER)
    return {row[0] for row in conn.execute("SELECT version FROM schema_migrations")}


def migrate(conn: sqlite3.Connection, directory: Path = MIGRATIONS_DIR) -> list[int]:
    """Apply the migrations the store lacks; return their versions.

    ``conn`` must be in autocommit mode (``isolation_level=None``). Raises StoreError when a
    migration fails (it is rolled back) or the store is newer than this code.
    """
    migrations = available(directory)
    done = applied(conn)
    newest = max((m.version for m in migrations), default=0)
    if done and max(done) > newest:
        raise StoreError(f"the store has schema version {max(done)}; this newsfuse knows up to {newest}")
    return [m.version for m in migrations if m.version not in done and _apply(conn, m)]


def _apply(conn: sqlite3.Connection, migration: Migration) -> bool:
    """Run one migration in a write transaction; False when another process got there first."""
    script = migration.path.read_text(encoding="utf-8")
    conn.execute("BEGIN IMMEDIATE")
    try:
        if conn.execute("SELECT 1 FROM schema_migrations WHERE version = ?", (migration.version,)).fetchone():
            conn.execute("ROLLBACK")
            return False
        for statement in _statements(script):
            conn.execute(statement)
        conn.execute(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
            (migration.version, migration.name, datetime.now(timezone.utc).isoformat(timespec="seconds")),
        )
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise StoreError(f"migration {migration.path.name} failed: {exc}", origin=str(migration.path)) from exc
    return True


def _statements(script: str) -> list[str]:
    """Split a script into complete SQL statements (triggers with inner ';' stay whole)."""
    statements, buffer = [], ""
    for piece in script.split(";"):
        buffer += piece + ";"
        if sqlite3.complete_statement(buffer):
            if _has_sql(buffer):
                statements.append(buffer.strip())
            buffer = ""
    if _has_sql(buffer[:-1]):
        raise StoreError(f"incomplete SQL statement at the end of a migration: {buffer[:60]!r}")
    return statements


def _has_sql(text: str) -> bool:
    """True when ``text`` holds more than comments, whitespace and semicolons."""
    body = re.sub(r"--[^\n]*|/\*.*?\*/", "", text, flags=re.DOTALL)
    return bool(body.strip(" \t\r\n;"))
