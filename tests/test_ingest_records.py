from __future__ import annotations

import json

import pytest

from newsfuse.errors import EncodingError, InputError, MalformedRecordError
from newsfuse.ingest.records import looks_like_records, read_records
from newsfuse.model import RawDocument


def _lines(*objects: object) -> bytes:
    return b"".join(json.dumps(o).encode() + b"\n" for o in objects)


def test_read_records_gives_one_document_per_line() -> None:
    data = _lines({"id": "x1", "text": "One.", "title": "T", "lang": "en"}, {"text": "Two."})
    docs = list(read_records("feed.jsonl", "in/feed.jsonl", data))
    assert [(d.input_id, d.origin, d.data, d.kind) for d in docs] == [
        ("x1", "in/feed.jsonl:1", b"One.", "record"),
        ("feed.jsonl:2", "in/feed.jsonl:2", b"Two.", "record"),
    ]
    assert docs[0].fields == {"id": "x1", "title": "T", "lang": "en"}


def test_read_records_keeps_going_after_broken_lines(data_dir) -> None:
    items = list(read_records("broken.jsonl", "broken.jsonl", (data_dir / "ingest" / "broken.jsonl").read_bytes()))
    good = [i.input_id for i in items if isinstance(i, RawDocument)]
    bad = [(i.origin, type(i)) for i in items if isinstance(i, InputError)]
    assert good == ["b-1", "b-6"]
    assert bad == [(f"broken.jsonl:{n}", MalformedRecordError) for n in (2, 3, 4, 5)]


@pytest.mark.parametrize(
    ("line", "words"),
    [
        (b'{"text": "unclosed', "broken JSON line"),
        (b'{"title": "no text"}', 'no "text"'),
        (b'{"text": 12}', '"text" holding 12'),
        (b'{"text": "ok", "id": ["a"]}', '"id" must be'),
        (b"[1, 2]", "not an object"),
    ],
)
def test_read_records_names_what_is_wrong(line: bytes, words: str) -> None:
    (item,) = list(read_records("f.jsonl", "f.jsonl", b'{"text": "fine"}\n' + line))[1:]
    assert isinstance(item, MalformedRecordError) and words in item.message
    assert item.origin == "f.jsonl:2"


def test_read_records_reports_lines_that_are_not_utf8() -> None:
    items = list(read_records("f.jsonl", "f.jsonl", b'{"text": "fine"}\n{"text": "caf\xe9"}\n'))
    assert isinstance(items[1], EncodingError) and items[1].origin == "f.jsonl:2"


@pytest.mark.parametrize(("value", "expected"), [(17, "17"), ("  ", "f.jsonl:1"), (None, "f.jsonl:1"), ("a/b", "a/b")])
def test_read_records_turns_ids_into_strings(value: object, expected: str) -> None:
    (doc,) = read_records("f.jsonl", "f.jsonl", _lines({"id": value, "text": "x"}))
    assert doc.input_id == expected


def test_read_records_reads_a_pretty_printed_document() -> None:
    data = json.dumps([{"id": "p1", "text": "First."}, {"text": "Second."}], indent=2).encode()
    docs = list(read_records("dump.json", "dump.json", data))
    assert [(d.input_id, d.data) for d in docs] == [("p1", b"First."), ("dump.json[1]", b"Second.")]


def test_read_records_reports_a_document_without_text_once() -> None:
    items = list(read_records("meta.json", "meta.json", json.dumps({"about": "x", "items": [1, 2]}, indent=1).encode()))
    assert len(items) == 1 and isinstance(items[0], MalformedRecordError) and items[0].origin == "meta.json"


def test_read_records_replaces_lone_surrogates() -> None:
    (doc,) = read_records("f.jsonl", "f.jsonl", b'{"text": "half \\ud800 pair", "title": "t\\udc00"}')
    assert doc.data.decode("utf-8") == "half \ufffd pair" and doc.fields["title"] == "t\ufffd"


def test_read_records_accepts_decoded_text() -> None:
    (doc,) = read_records("f.jsonl", "f.jsonl", '{"text": "d\u00e9j\u00e0"}\n')
    assert doc.data == "d\u00e9j\u00e0".encode("utf-8")


@pytest.mark.parametrize(("head", "expected"), [(b' {"a": 1}', True), (b'[ {"a"', True), (b"[1]", False), (b"text", False)])
def test_looks_like_records(head: bytes, expected: bool) -> None:
    assert looks_like_records(head) is expected
