"""clean() against the hand-made reading of the seed articles (../shared/seeds/gold.json)."""

from __future__ import annotations

import pytest

from newsfuse.clean import clean
from newsfuse.model import RawDocument

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def cleaned(seeds_dir, seed_gold):
    out = {}
    for name in seed_gold["documents"]:
        path = seeds_dir / name
        out[name] = clean(RawDocument(input_id=name, origin=str(path), data=path.read_bytes(), kind="text"))
    return out


def _clean_lines(article, norm) -> list[str]:
    return [norm(line) for line in article.text.split("\n") if line.strip()]


def test_seeds_boilerplate_lines_are_gone(cleaned, seed_gold, norm):
    missed = []
    total = 0
    for name, doc in seed_gold["documents"].items():
        lines = _clean_lines(cleaned[name], norm)
        for start in doc.get("boilerplate_lines_startwith", []):
            total += 1
            if any(line.startswith(norm(start)) for line in lines):
                missed.append((name, start))
    assert total > 0
    assert missed == []


def test_seeds_removed_pieces_are_kept_with_reasons(cleaned, seed_gold, norm):
    for name, doc in seed_gold["documents"].items():
        removed = [norm(r.text) for r in cleaned[name].removed]
        for start in doc.get("boilerplate_lines_startwith", []):
            assert any(r.startswith(norm(start)) for r in removed), (name, start)
        assert all(r.reason for r in cleaned[name].removed)


def test_seeds_text_starts_with_body_first_words(cleaned, seed_gold, norm):
    for name, doc in seed_gold["documents"].items():
        assert norm(cleaned[name].text).startswith(norm(doc["body_first_words"])), name


def test_seeds_outlets_as_gold(cleaned, seed_gold):
    for name, doc in seed_gold["documents"].items():
        if "outlet" in doc:
            assert cleaned[name].outlet == doc["outlet"], name


@pytest.mark.parametrize("key", ["url", "title", "authors", "updated", "dateline"])
def test_seeds_metadata_as_gold(cleaned, seed_gold, norm, key):
    checked = 0
    for name, doc in seed_gold["documents"].items():
        if key not in doc:
            continue
        checked += 1
        got = getattr(cleaned[name], key)
        want = doc[key]
        if isinstance(want, str):
            assert got is not None and norm(got) == norm(want), name
        else:
            assert got == want, name
    assert checked > 0


def test_seeds_language_is_identified(cleaned, seed_gold):
    for name, doc in seed_gold["documents"].items():
        assert cleaned[name].lang == doc["language"], name


def test_seeds_subheadings_stay(cleaned, seed_gold, norm):
    for name, doc in seed_gold["documents"].items():
        lines = _clean_lines(cleaned[name], norm)
        for heading in doc.get("subheading_lines", []):
            assert norm(heading) in lines, (name, heading)


def test_seeds_captions_kept_as_metadata(cleaned, seed_gold, norm):
    for name, doc in seed_gold["documents"].items():
        if "caption_note" not in doc:
            continue
        first_removed = doc["boilerplate_lines_startwith"][0]
        assert any(norm(c).startswith(norm(first_removed)) for c in cleaned[name].captions), name


def test_seeds_cleaning_is_idempotent(cleaned):
    for name, article in cleaned.items():
        again = clean(RawDocument(input_id=name, origin="again", data=article.text.encode("utf-8"), kind="text"))
        assert again.text == article.text, name
