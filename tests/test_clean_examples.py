"""The bundled examples clean as examples/expected.json says (its "documents" part)."""

from __future__ import annotations

import json

import pytest

from newsfuse.clean import clean
from newsfuse.model import RawDocument

EXPECTED_KEYS = ("title", "outlet", "authors", "published", "updated", "dateline", "url", "captions")


@pytest.fixture(scope="module")
def examples(repo_root):
    folder = repo_root / "examples"
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))["documents"]
    cleaned = {}
    for path in sorted((folder / "articles").iterdir()):
        if path.suffix in (".txt", ".html"):
            kind = "html" if path.suffix == ".html" else "text"
            cleaned[path.name] = clean(RawDocument(path.name, str(path), path.read_bytes(), kind))
        elif path.suffix == ".jsonl":
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                fields = json.loads(line)
                text = fields.pop("text")
                raw = RawDocument(fields["id"], f"{path.name}:{number}", text.encode("utf-8"), "record", fields)
                cleaned[fields["id"]] = clean(raw)
    return expected, cleaned


def test_every_example_is_described(examples):
    expected, cleaned = examples
    assert set(expected) == set(cleaned)


@pytest.mark.parametrize("key", EXPECTED_KEYS)
def test_example_metadata(examples, norm, key):
    expected, cleaned = examples
    for name, want in expected.items():
        if key not in want:
            continue
        got = getattr(cleaned[name], key)
        if isinstance(want[key], str):
            assert got is not None and norm(got) == norm(want[key]), name
        elif isinstance(want[key], list):
            assert [norm(g) for g in got] == [norm(w) for w in want[key]], name
        else:
            assert got == want[key], name


def test_example_bodies_start_right(examples, norm):
    expected, cleaned = examples
    for name, want in expected.items():
        assert norm(cleaned[name].text).startswith(norm(want["body_first_words"])), name


def test_example_boilerplate_is_removed(examples, norm):
    expected, cleaned = examples
    for name, want in expected.items():
        lines = [norm(line) for line in cleaned[name].text.split("\n") if line.strip()]
        removed = [norm(r.text) for r in cleaned[name].removed]
        for start in want.get("removed_startwith", []):
            assert not any(line.startswith(norm(start)) for line in lines), (name, start)
            assert any(r.startswith(norm(start)) for r in removed), (name, start)
        for text in want.get("absent", []):
            assert text not in cleaned[name].text, (name, text)
        for line in want.get("kept_lines", []):
            assert norm(line) in lines, (name, line)


def test_examples_are_plausible_length(examples):
    _, cleaned = examples
    for name, article in cleaned.items():
        assert 120 <= len(article.text.split()) <= 400, name
        assert article.lang == "en"
        assert article.warnings == []


def test_wire_repeat_is_a_near_duplicate_not_an_identical_copy(examples):
    _, cleaned = examples
    wire, repeat = cleaned["01_wire_agency.txt"], cleaned["raqqa-daily-20250304-kobani"]
    assert wire.sha256 != repeat.sha256
    shared = set(wire.text.split()) & set(repeat.text.split())
    assert len(shared) / len(set(wire.text.split())) > 0.9
