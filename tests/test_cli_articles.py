from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsfuse.cli import main

SCHEMA = {"id", "sha256", "outlet", "url", "title", "authors", "published", "updated", "dateline", "lang", "text", "removed"}


@pytest.fixture()
def db(tmp_path: Path) -> str:
    return str(tmp_path / "cli.db")


@pytest.fixture()
def good_inputs(data_dir: Path) -> list[str]:
    return [str(data_dir / "ingest" / n) for n in ("plain.txt", "page.txt", "records.jsonl")]


def _run(*args: str, input: str | None = None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def test_ingest_good_inputs_exits_zero(db: str, good_inputs: list[str]) -> None:
    result = _run("ingest", *good_inputs, "--db", db)
    assert result.exit_code == 0, result.stderr
    assert "5 inputs: 5 new, 0 duplicate, 0 failed" in result.stdout
    assert result.stderr == ""


def test_ingest_reports_each_failed_input_and_exits_one(db: str, data_dir: Path, good_inputs: list[str]) -> None:
    empty, broken = data_dir / "ingest" / "empty.txt", data_dir / "ingest" / "broken.jsonl"
    result = _run("ingest", str(empty), *good_inputs, str(broken), "--db", db)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert f"newsfuse: {empty}: [E101] empty input (no text at all) (the file has no text; check the crawl or remove it)" in lines
    assert [line.split(": ")[1] for line in lines if "[E105]" in line] == [f"{broken}:{n}" for n in (2, 3, 4, 5)]
    assert "5 failed" in result.stdout and "7 new" in result.stdout


def test_ingest_with_worker_processes_stores_the_same(tmp_path: Path, good_inputs: list[str]) -> None:
    exports = []
    for processes in ("1", "2"):
        db = str(tmp_path / f"{processes}.db")
        assert _run("ingest", *good_inputs, "--db", db, "--processes", processes).exit_code == 0
        exports.append(_run("export", "articles", "--db", db).stdout)
    assert exports[0] == exports[1] and exports[0].count("\n") == 5


def test_ingest_twice_stores_nothing_new(db: str, good_inputs: list[str]) -> None:
    _run("ingest", *good_inputs, "--db", db)
    result = _run("ingest", *good_inputs, "--db", db)
    assert "5 inputs: 0 new, 5 duplicate" in result.stdout


def test_ingest_applies_max_bytes(db: str, data_dir: Path) -> None:
    result = _run("ingest", str(data_dir / "ingest" / "page.txt"), "--max-bytes", "100", "--db", db)
    assert result.exit_code == 1 and "[E103]" in result.stderr


def test_ingest_reads_stdin(db: str) -> None:
    result = _run("ingest", "-", "--db", db, input='{"id": "piped", "text": "A report sent through a pipe about a fire."}\n')
    assert result.exit_code == 0
    assert "piped" in _run("articles", "--db", db).stdout


def test_ingest_uses_newsfuse_db(tmp_path: Path, good_inputs: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSFUSE_DB", str(tmp_path / "env.db"))
    assert _run("ingest", *good_inputs).exit_code == 0
    assert (tmp_path / "env.db").is_file()


def test_articles_lists_the_stored_articles(db: str, good_inputs: list[str]) -> None:
    _run("ingest", *good_inputs, "--db", db)
    result = _run("articles", "--db", db)
    assert result.exit_code == 0
    for word in ("r-1", "Valley Post", "2031-03-02", "plain.txt", "page.txt"):
        assert word in result.stdout
    assert "r-1" not in _run("articles", "--db", db, "--limit", "1").stdout


def test_article_shows_metadata_and_text(db: str, good_inputs: list[str]) -> None:
    _run("ingest", *good_inputs, "--db", db)
    result = _run("article", "r-1", "--db", db)
    assert result.exit_code == 0
    assert "Valley Post" in result.stdout and "Kessel dam rose by half a metre" in result.stdout


def test_article_unknown_id_exits_three(db: str, good_inputs: list[str]) -> None:
    _run("ingest", *good_inputs, "--db", db)
    result = _run("article", "no-such-id", "--db", db)
    assert result.exit_code == 3 and "[E404]" in result.stderr


def test_export_articles_writes_the_jsonl_schema(db: str, good_inputs: list[str], tmp_path: Path) -> None:
    _run("ingest", *good_inputs, "--db", db)
    out = tmp_path / "articles.jsonl"
    assert _run("export", "articles", "--format", "jsonl", "-o", str(out), "--db", db).exit_code == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(r["id"] for r in records) == sorted(["plain.txt", "page.txt", "r-1", "records.jsonl:2", "17"])
    assert all(SCHEMA <= set(r) and len(r["sha256"]) == 64 for r in records)
    assert _run("export", "articles", "--db", db).stdout == out.read_text(encoding="utf-8")


def test_failures_lists_recorded_failures(db: str, data_dir: Path) -> None:
    _run("ingest", str(data_dir / "ingest" / "binary.dat"), "--db", db)
    result = _run("failures", "--db", db)
    assert result.exit_code == 0 and "E102" in result.stdout


def test_bad_store_path_exits_three(tmp_path: Path, good_inputs: list[str]) -> None:
    result = _run("ingest", *good_inputs, "--db", str(tmp_path / "missing" / "x.db"))
    assert result.exit_code == 3 and "[E401]" in result.stderr


@pytest.mark.slow
def test_killed_ingest_loses_no_committed_article(gva_articles: Path, tmp_path: Path) -> None:
    """SIGKILL an ingest after its first commits, run it again: every input once, store intact."""
    db = tmp_path / "kill.db"
    command = [sys.executable, "-c", "from newsfuse.cli import main; main()", "ingest", str(gva_articles), "--db", str(db)]
    victim = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        committed = _wait_for_articles(db, at_least=200, process=victim)
    finally:
        victim.send_signal(signal.SIGKILL)
        victim.wait()
    assert committed >= 200 and victim.returncode == -signal.SIGKILL
    rerun = subprocess.run(command, capture_output=True, text=True, timeout=900)
    assert rerun.returncode == 0, rerun.stderr
    corpus_ids = {json.loads(line)["id"] for line in gva_articles.open(encoding="utf-8")}
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = conn.execute("SELECT input_id FROM inputs").fetchall()
        assert len(rows) == len(corpus_ids) and {r[0] for r in rows} == corpus_ids
        linked = conn.execute("SELECT count(DISTINCT sha256) FROM inputs").fetchone()[0]
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == linked


def _wait_for_articles(db: Path, at_least: int, process: subprocess.Popen, timeout: float = 300) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        if db.exists():
            try:
                with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
                    count = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
            except sqlite3.OperationalError:  # not migrated yet
                count = 0
            if count >= at_least:
                return count
        time.sleep(0.2)
    pytest.fail(f"no {at_least} committed articles in time (exit status {process.poll()})")
