from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfuse.errors import EmptyInputError, NotFoundError, StoreError, TooLargeError
from newsfuse.model import Article, Removed
from newsfuse.store import Store


def _article(input_id: str, sha: str = "a" * 64, **fields) -> Article:
    values = {"text": f"Body of {sha[:4]}.", "title": f"Title {sha[:4]}", "origin": f"in/{input_id}"} | fields
    return Article(id=input_id, sha256=sha, **values)


@pytest.fixture()
def store(tmp_path: Path):
    with Store.open(tmp_path / "s.db") as opened:
        yield opened


def test_open_sets_wal_and_foreign_keys(store: Store) -> None:
    conn = store.connection
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_article_round_trips(store: Store) -> None:
    article = Article(
        id="x.txt", sha256="b" * 64, text="Clean text.\nSecond line.", title="T", outlet="Desk", url="https://e.org/x",
        authors=["A. Writer", "B. Writer"], published="2031-01-02T10:00:00+01:00", updated="2031-01-03", dateline="Oslo",
        lang="en", removed=[Removed("Share this", "share buttons")], captions=["A photo"], origin="in/x.txt",
        warnings=["short text"],
    )  # fmt: skip
    assert store.add_article(article)
    assert store.article("x.txt") == article
    assert list(store.articles()) == [article]


def test_same_article_twice_is_stored_once_with_every_input(store: Store) -> None:
    assert store.add_article(_article("m.txt"))
    assert not store.add_article(_article("k.txt"))
    assert not store.add_article(_article("m.txt"))
    assert store.article_count() == 1
    assert store.input_ids("a" * 64) == ["k.txt", "m.txt"]
    assert store.article("m.txt").id == "k.txt"  # the smallest input id names the article


def test_smallest_input_wins_whatever_the_order(tmp_path: Path) -> None:
    versions = [_article("b", outlet="Second desk"), _article("a", outlet="First desk"), _article("c", outlet="Third")]
    stored = []
    for order in (versions, versions[::-1]):
        with Store.open(tmp_path / f"{len(stored)}.db") as store:
            for article in order:
                store.add_article(article)
            stored.append(list(store.articles()))
    assert stored[0] == stored[1] and stored[0][0].outlet == "First desk"


def test_article_finds_by_sha_id_or_input(store: Store) -> None:
    store.add_article(_article("z.txt", sha="c" * 64))
    store.add_article(_article("y.txt", sha="c" * 64))
    for key in ("c" * 64, "y.txt", "z.txt"):
        assert store.article(key).sha256 == "c" * 64
    with pytest.raises(NotFoundError, match="nope"):
        store.article("nope")


def test_seen_inputs_knows_inputs_by_id_and_raw_hash(store: Store) -> None:
    store.add_article(_article("a.txt"), raw_sha256="r1")
    store.add_article(_article("b.txt", sha="d" * 64))
    keys = [("a.txt", "r1"), ("a.txt", "r2"), ("c.txt", "r1"), ("b.txt", "r3")]
    assert store.seen_inputs(keys) == {("a.txt", "r1")}


def test_failures_are_recorded_once_per_origin_and_error(store: Store) -> None:
    store.add_failure("in/e.txt", EmptyInputError("empty input", origin="in/e.txt"))
    store.add_failure("in/e.txt", EmptyInputError("empty input", origin="in/e.txt"))
    store.add_failure(None, TooLargeError("too big", origin="in/big.txt"))
    failures = store.failures()
    assert [(f.origin, f.code) for f in failures] == [("in/big.txt", "E103"), ("in/e.txt", "E101")]
    assert failures[1].hint and failures[1].recorded_at


def test_annotations_are_versioned(store: Store) -> None:
    store.add_article(_article("a"))
    store.put_annotation("a" * 64, "entities", "1", {"names": ["Ann"]})
    assert store.get_annotation("a" * 64, "entities") == {"names": ["Ann"]}
    assert store.get_annotation("a" * 64, "entities", "2") is None
    store.put_annotation("a" * 64, "entities", "2", [1, 2])
    assert store.get_annotation("a" * 64, "entities", "2") == [1, 2]
    assert store.get_annotation("a" * 64, "claims") is None


def test_annotation_needs_a_stored_article(store: Store) -> None:
    with pytest.raises(StoreError):
        store.put_annotation("f" * 64, "entities", "1", {})


def test_new_text_for_an_article_drops_its_annotations(store: Store) -> None:
    store.add_article(_article("b", text="Body  text."))
    store.put_annotation("a" * 64, "entities", "1", {"spans": [[0, 4]]})
    store.add_article(_article("a", text="Body text."))  # smaller id, text with other spacing
    assert store.get_annotation("a" * 64, "entities") is None


def test_transaction_rolls_back_on_error(store: Store) -> None:
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.add_article(_article("a"))
            raise RuntimeError("stop")
    assert store.article_count() == 0


def test_nested_transaction_rolls_back_only_the_inner_part(store: Store) -> None:
    with store.transaction():
        store.add_article(_article("a", sha="1" * 64))
        with pytest.raises(RuntimeError):
            with store.transaction():
                store.add_article(_article("b", sha="2" * 64))
                raise RuntimeError("inner")
    assert [a.id for a in store.articles()] == ["a"]


def test_open_translates_sqlite_errors(tmp_path: Path) -> None:
    not_a_db = tmp_path / "junk.db"
    not_a_db.write_bytes(b"this is not a database file at all, just text" * 40)
    with pytest.raises(StoreError) as info:
        Store.open(not_a_db)
    assert info.value.origin == str(not_a_db)
    with pytest.raises(StoreError):
        Store.open(tmp_path / "missing-dir" / "s.db")


def test_store_survives_reopening(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.db") as store:
        store.add_article(_article("a"))
    with Store.open(tmp_path / "s.db") as store:
        assert store.article_count() == 1
        assert store.connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_connection_is_shared_with_other_stages(store: Store) -> None:
    store.add_article(_article("a"))
    assert isinstance(store.connection, sqlite3.Connection)
    assert store.connection.execute("SELECT count(*) FROM inputs").fetchone()[0] == 1


_ids = st.text(alphabet="abcdefgh0123", min_size=1, max_size=6)
_items = st.lists(st.tuples(_ids, st.sampled_from("0123")), min_size=1, max_size=12)


@settings(max_examples=40, deadline=None)
@given(items=_items, order=st.randoms(use_true_random=False))
def test_store_content_is_independent_of_order_and_repeats(items, order) -> None:
    articles = [_article(i, sha=s * 64, outlet=f"desk {i}") for i, s in items]
    shuffled = articles[:]
    order.shuffle(shuffled)
    assert _content(articles) == _content(shuffled + articles)


def _content(articles: list[Article]) -> tuple:
    with Store.open(":memory:") as store:
        for article in articles:
            store.add_article(article)
        stored = list(store.articles())
        return stored, [store.input_ids(a.sha256) for a in stored]


def test_put_annotations_stores_serialised_rows_as_put_annotation_does(store: Store) -> None:
    store.add_article(_article("a"))
    store.add_article(_article("b", "b" * 64))
    store.put_annotation("a" * 64, "entities", "1", {"z": 1, "a": [2]})
    written = store.annotation_json("a" * 64, "entities")
    store.put_annotations([("b" * 64, "entities", "1", written)])
    assert store.annotation_json("b" * 64, "entities") == written == '{"a": [2], "z": 1}'
    assert store.get_annotation("b" * 64, "entities", "1") == {"a": [2], "z": 1}
    assert store.annotation_json("b" * 64, "claims") is None
