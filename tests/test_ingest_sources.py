from __future__ import annotations

import gzip
import io
import shutil
import sys
from pathlib import Path

import pytest

from newsfuse.config import Settings
from newsfuse.errors import (
    BinaryInputError,
    EmptyInputError,
    InputError,
    MalformedRecordError,
    TooLargeError,
    UnreadableInputError,
)
from newsfuse.ingest import read_inputs
from newsfuse.model import RawDocument


@pytest.fixture()
def inputs(data_dir: Path, tmp_path: Path) -> Path:
    """A copy of tests/data/ingest in a nested layout, with a hidden file that must be skipped."""
    root = tmp_path / "in"
    shutil.copytree(data_dir / "ingest", root / "batch")
    (root / "batch" / ".hidden.txt").write_text("A hidden file must not be read.")
    return root


def _split(items: list) -> tuple[list[RawDocument], list[InputError]]:
    return [i for i in items if isinstance(i, RawDocument)], [i for i in items if isinstance(i, InputError)]


@pytest.mark.parametrize(
    ("name", "kind", "input_ids"),
    [
        ("plain.txt", "text", ["plain.txt"]),
        ("page.txt", "html", ["page.txt"]),
        ("latin1.txt", "text", ["latin1.txt"]),
        ("utf16.txt", "text", ["utf16.txt"]),
        ("note.gz", "text", ["note.gz"]),
        ("records.jsonl", "record", ["r-1", "records.jsonl:2", "17"]),
        ("records.jsonl.gz", "record", ["r-1", "records.jsonl.gz:2", "17"]),
    ],
)
def test_read_inputs_sniffs_each_kind(data_dir: Path, name: str, kind: str, input_ids: list[str]) -> None:
    docs, errors = _split(list(read_inputs([str(data_dir / "ingest" / name)])))
    assert errors == []
    assert [d.input_id for d in docs] == input_ids
    assert {d.kind for d in docs} == {kind}


def test_read_inputs_gunzips_before_use(data_dir: Path) -> None:
    (doc,) = read_inputs([str(data_dir / "ingest" / "note.gz")])
    assert doc.data == (data_dir / "ingest" / "plain.txt").read_bytes()


@pytest.mark.parametrize(
    ("name", "error"),
    [
        ("empty.txt", EmptyInputError),
        ("blank.txt", EmptyInputError),
        ("binary.dat", BinaryInputError),
        ("truncated.gz", UnreadableInputError),
        ("does-not-exist.txt", UnreadableInputError),
    ],
)
def test_read_inputs_yields_errors_naming_the_file(data_dir: Path, name: str, error: type) -> None:
    path = str(data_dir / "ingest" / name)
    (item,) = read_inputs([path])
    assert isinstance(item, error) and item.origin == path


def test_read_inputs_walks_directories_in_sorted_order(inputs: Path) -> None:
    docs, errors = _split(list(read_inputs([str(inputs)])))
    files = [d.origin.split(":")[0] for d in docs]
    assert files == sorted(files) and files[0].startswith(str(inputs))
    assert "batch/plain.txt" in [d.input_id for d in docs]
    assert not any("hidden" in d.origin for d in docs)
    assert {type(e) for e in errors} == {EmptyInputError, BinaryInputError, UnreadableInputError, MalformedRecordError}


def test_read_inputs_is_deterministic(inputs: Path) -> None:
    first = [(i.origin, getattr(i, "data", None)) for i in read_inputs([str(inputs)])]
    second = [(i.origin, getattr(i, "data", None)) for i in read_inputs([str(inputs)])]
    assert first == second


def test_read_inputs_keeps_going_after_a_bad_file(data_dir: Path) -> None:
    paths = [str(data_dir / "ingest" / n) for n in ("empty.txt", "plain.txt", "binary.dat", "page.txt")]
    kinds = [type(i).__name__ for i in read_inputs(paths)]
    assert kinds == ["EmptyInputError", "RawDocument", "BinaryInputError", "RawDocument"]


def test_read_inputs_refuses_files_over_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"word " * 300)
    (item,) = read_inputs([str(path)], Settings(max_bytes=1000))
    assert isinstance(item, TooLargeError) and "1,500 bytes" in item.message


def test_read_inputs_refuses_a_gzip_that_expands_past_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"a" * 5_000_000))
    assert path.stat().st_size < 10_000
    (item,) = read_inputs([str(path)], Settings(max_bytes=100_000))
    assert isinstance(item, TooLargeError) and item.origin == str(path)


def test_read_inputs_rejects_gzip_nested_too_deep(tmp_path: Path) -> None:
    path = tmp_path / "deep.gz"
    path.write_bytes(gzip.compress(gzip.compress(gzip.compress(b"a report"))))
    (item,) = read_inputs([str(path)])
    assert isinstance(item, BinaryInputError)


def test_read_inputs_reads_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(b'{"id": "s1", "text": "From a pipe."}\n{"text": "Second."}\n'))
    monkeypatch.setattr(sys, "stdin", stdin)
    docs = list(read_inputs(["-"]))
    assert [(d.input_id, d.origin) for d in docs] == [("s1", "<stdin>:1"), ("<stdin>:2", "<stdin>:2")]


def test_read_inputs_names_jsonl_lines_inside_directories(inputs: Path) -> None:
    docs = [i for i in read_inputs([str(inputs)]) if isinstance(i, RawDocument) and i.kind == "record"]
    assert "batch/records.jsonl:2" in {d.input_id for d in docs}
