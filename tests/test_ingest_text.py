from __future__ import annotations

import pytest

from newsfuse.errors import BinaryInputError, EmptyInputError
from newsfuse.ingest.text import check_text, strip_bom, text_document


@pytest.mark.parametrize(
    "data",
    [
        b"A plain line of news.\n",
        "Caf\xe9 in S\xe3o Tom\xe9".encode("latin-1"),
        "Smart \u201cquotes\u201d and a dash \u2014".encode("utf-8"),
        "\ufeffUTF-16 text".encode("utf-16-le"),
        "\ufeffUTF-16 big-endian".encode("utf-16-be"),
        b"Tabs\tand\r\nCRLF lines\x0cform feed",
    ],
)
def test_check_text_accepts_text(data: bytes) -> None:
    check_text(data, "x")


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n", b"\xef\xbb\xbf  \n", "\ufeff \n".encode("utf-16-le")])
def test_check_text_rejects_empty(data: bytes) -> None:
    with pytest.raises(EmptyInputError) as info:
        check_text(data, "dir/empty.txt")
    assert info.value.origin == "dir/empty.txt"


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"text with a \x00 NUL", "NUL"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
        (b"PK\x03\x04\x14\x00", "ZIP"),
        (b"\x89PNG\r\n\x1a\n", "PNG"),
        (bytes([1, 2, 3, 4, 5, 6, 0x0E, 0x0F]) * 40 + b"some letters", "control"),
    ],
)
def test_check_text_rejects_binary(data: bytes, words: str) -> None:
    with pytest.raises(BinaryInputError, match=words):
        check_text(data, "blob")


@pytest.mark.parametrize(
    ("data", "body", "encoding"),
    [
        (b"\xef\xbb\xbfabc", b"abc", "utf-8"),
        (b"\xff\xfea\x00", b"a\x00", "utf-16-le"),
        (b"\xff\xfe\x00\x00a\x00\x00\x00", b"a\x00\x00\x00", "utf-32-le"),
        (b"abc", b"abc", None),
    ],
)
def test_strip_bom_names_the_encoding(data: bytes, body: bytes, encoding: str | None) -> None:
    assert strip_bom(data) == (body, encoding)


def test_text_document_keeps_bytes_as_read() -> None:
    doc = text_document("a.txt", "dir/a.txt", b"caf\xe9")
    assert (doc.input_id, doc.origin, doc.data, doc.kind, doc.fields) == ("a.txt", "dir/a.txt", b"caf\xe9", "text", {})
