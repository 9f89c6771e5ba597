from __future__ import annotations

from newsfuse.errors import EmptyInputError, EncodingError
from newsfuse.ingest.workers import clean_all, cleaned, worker_pool
from newsfuse.model import Article, RawDocument


def strict_clean(raw: RawDocument) -> Article:
    """Module-level, so worker processes can unpickle it."""
    try:
        text = raw.data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise EncodingError("not UTF-8", hint="save as UTF-8") from exc
    return Article(id=raw.input_id, sha256=f"{len(text):064d}", text=text)


def _items() -> list:
    docs = [RawDocument(f"d{i}", f"in/d{i}", f"Report number {i}.".encode(), "text") for i in range(9)]
    docs[3] = RawDocument("bad", "in/bad", b"caf\xe9", "text")
    return [*docs, EmptyInputError("empty input", origin="in/empty")]


def _summary(outcomes: list) -> list[tuple]:
    return [(type(o).__name__, o.origin, getattr(o, "hint", None), getattr(o, "text", None)) for o in outcomes]


def test_clean_all_gives_the_same_in_worker_processes() -> None:
    alone = clean_all(_items(), strict_clean, None)
    with worker_pool(2) as pool:
        assert pool is not None
        pooled = clean_all(_items(), strict_clean, pool)
    assert _summary(pooled) == _summary(alone)
    assert _summary(alone)[3] == ("EncodingError", "in/bad", "save as UTF-8", None)


def test_cleaned_fills_in_the_origin() -> None:
    article = cleaned(RawDocument("a", "in/a", b"Text.", "text"), strict_clean)
    error = cleaned(RawDocument("b", "in/b", b"\xff", "text"), strict_clean)
    assert article.origin == "in/a" and error.origin == "in/b"


def test_worker_pool_of_one_is_no_pool() -> None:
    with worker_pool(1) as pool:
        assert pool is None
