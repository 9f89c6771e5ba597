from __future__ import annotations

import gzip

import pytest

from newsfuse.errors import BinaryInputError, EmptyInputError
from newsfuse.ingest.sniff import sniff


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (gzip.compress(b"anything", mtime=0), "gzip"),
        (b'{"text": "a line"}\n{"text": "another"}\n', "record"),
        (b'\xef\xbb\xbf  {"text": "after a BOM"}', "record"),
        (b'[{"text": "an array of records"}]', "record"),
        (b"<html><body><p>A page</p></body></html>", "html"),
        ("\ufeff<html><body>UTF-16 page</body></html>".encode("utf-16-le"), "html"),
        (b"A plain report about a flood.\nSecond line.", "text"),
        (b"[Updated] A plain report that starts with a bracket.", "text"),
        ("Caf\xe9 report in Latin-1".encode("latin-1"), "text"),
    ],
)
def test_sniff_tells_kinds_from_content(data: bytes, kind: str) -> None:
    assert sniff(data, "input") == kind


@pytest.mark.parametrize(("data", "error"), [(b"", EmptyInputError), (b"\x00\x01\x02abc", BinaryInputError)])
def test_sniff_rejects_non_text(data: bytes, error: type) -> None:
    with pytest.raises(error):
        sniff(data, "input")
