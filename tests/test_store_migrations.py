from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newsfuse.errors import StoreError
from newsfuse.store.migrations import available, migrate


def _conn() -> sqlite3.Connection:
    return sqlite3.connect(":memory:", isolation_level=None)


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def _write(directory: Path, files: dict[str, str]) -> Path:
    directory.mkdir(exist_ok=True)
    for name, sql in files.items():
        (directory / name).write_text(sql, encoding="utf-8")
    return directory


def test_migrate_applies_the_packaged_migrations_once() -> None:
    conn = _conn()
    first = migrate(conn)
    assert first[0] == 1 and first == sorted(first)
    assert {"articles", "inputs", "failures", "annotations"} <= _tables(conn)
    assert migrate(conn) == []


def test_migrate_picks_up_later_files_in_order(tmp_path: Path) -> None:
    directory = _write(tmp_path / "m", {"0001_a.sql": "CREATE TABLE a (x);", "0002_b.sql": "CREATE TABLE b (y);"})
    conn = _conn()
    assert migrate(conn, directory) == [1, 2]
    _write(directory, {"0003_c.sql": "ALTER TABLE b ADD COLUMN z; CREATE TABLE c (w);"})
    assert migrate(conn, directory) == [3]
    rows = conn.execute("SELECT version, name FROM schema_migrations ORDER BY version").fetchall()
    assert rows == [(1, "a"), (2, "b"), (3, "c")]


def test_migrate_runs_triggers_with_inner_semicolons(tmp_path: Path) -> None:
    sql = """-- a comment; with a semicolon
    CREATE TABLE t (x INTEGER);
    CREATE TABLE log (x INTEGER);
    CREATE TRIGGER t_log AFTER INSERT ON t BEGIN INSERT INTO log VALUES (new.x); END;
    """
    conn = _conn()
    migrate(conn, _write(tmp_path / "m", {"0001_t.sql": sql}))
    conn.execute("INSERT INTO t VALUES (5)")
    assert conn.execute("SELECT x FROM log").fetchall() == [(5,)]


def test_migrate_rolls_back_a_failing_migration(tmp_path: Path) -> None:
    directory = _write(tmp_path / "m", {"0001_ok.sql": "CREATE TABLE ok (x);", "0002_bad.sql": "CREATE TABLE half (x); NOT SQL;"})
    conn = _conn()
    with pytest.raises(StoreError, match="0002_bad.sql"):
        migrate(conn, directory)
    assert "half" not in _tables(conn) and "ok" in _tables(conn)
    assert [r[0] for r in conn.execute("SELECT version FROM schema_migrations")] == [1]


@pytest.mark.parametrize(
    ("files", "words"),
    [
        ({"0001_a.sql": "SELECT 1;", "0001_b.sql": "SELECT 2;"}, "two migrations numbered 0001"),
        ({"1_a.sql": "SELECT 1;"}, "NNNN_name.sql"),
    ],
)
def test_available_rejects_bad_file_sets(tmp_path: Path, files: dict[str, str], words: str) -> None:
    with pytest.raises(StoreError, match=words):
        available(_write(tmp_path / "m", files))


def test_migrate_refuses_a_store_newer_than_the_code(tmp_path: Path) -> None:
    conn = _conn()
    migrate(conn, _write(tmp_path / "new", {"0001_a.sql": "SELECT 1;", "0002_b.sql": "SELECT 1;"}))
    with pytest.raises(StoreError, match="schema version 2"):
        migrate(conn, _write(tmp_path / "old", {"0001_a.sql": "SELECT 1;"}))

