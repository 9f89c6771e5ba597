"""Fixtures shared by the whole suite (one conftest, as spaCy's tests do).

Tests that read ../shared (the seeds and the corpora) use the ``shared_dir``-based
fixtures, which skip cleanly when ../shared is absent.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO


@pytest.fixture(scope="session")
def data_dir() -> Path:
    """tests/data: small fixtures written for this project."""
    return DATA


@pytest.fixture()
def fuse_items() -> list:
    """tests/data/fuse/event.json: three annotated articles of one invented event (fresh copies)."""
    from newsfuse.model import AnnotatedArticle

    rows = json.loads((DATA / "fuse" / "event.json").read_text(encoding="utf-8"))
    return [AnnotatedArticle.from_dict(r) for r in rows]


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is absent")
    return SHARED


@pytest.fixture(scope="session")
def seeds_dir(shared_dir: Path) -> Path:
    path = shared_dir / "seeds"
    if not path.is_dir():
        pytest.skip("../shared/seeds is absent")
    return path


@pytest.fixture(scope="session")
def seed_gold(seeds_dir: Path) -> dict:
    return json.loads((seeds_dir / "gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def gva_articles(shared_dir: Path) -> Path:
    path = shared_dir / "datasets" / "gva" / "articles.jsonl"
    if not path.is_file():
        pytest.skip("../shared/datasets/gva is absent")
    return path


def gold_norm(text: str) -> str:
    """Normalise a string as gold.json's ``about`` says: NFKC, straight quotes and
    apostrophes, whitespace collapsed, stripped."""
    text = unicodedata.normalize("NFKC", text)
    text = re.sub("[\u2018\u2019\u201a\u201b\u2032]", "'", text)
    text = re.sub("[\u201c\u201d\u201e\u201f\u2033]", '"', text)
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="session")
def norm():
    return gold_norm


@pytest.fixture(scope="session")
def article_cleaner():
    """``newsfuse.clean.clean``; until clean exists, a minimal stand-in (strict UTF-8,
    no boilerplate removal) so that ingest and store tests can run."""
    import newsfuse.clean

    real = getattr(newsfuse.clean, "clean", None)
    return real if real is not None else _standin_clean


def _standin_clean(raw):
    import hashlib

    from newsfuse.errors import EncodingError
    from newsfuse.model import Article

    try:
        text = raw.data.decode("utf-8").strip()
    except UnicodeDecodeError as exc:
        raise EncodingError("not UTF-8", origin=raw.origin) from exc
    title = raw.fields.get("title")
    key = " ".join(f"{title or ''} {text}".split()).lower()
    return Article(
        id=raw.input_id, sha256=hashlib.sha256(key.encode()).hexdigest(), text=text, title=title,
        outlet=raw.fields.get("source"), url=raw.fields.get("url"), published=raw.fields.get("published"),
        lang=raw.fields.get("lang"), origin=raw.origin,
    )


@pytest.fixture(scope="session")
def annotator():
    """One Annotator (spaCy model and gazetteer loaded once) for every annotate test."""
    from newsfuse.annotate import Annotator

    return Annotator()
