"""Plain text: what counts as text at all (not empty, not binary).

Decoding bytes to ``str`` is clean's job; here we only decide, from the bytes, whether the
input can be text in some encoding, so that binaries fail early with a clear message.
"""

from __future__ import annotations

from ..errors import BinaryInputError, EmptyInputError
from ..model import RawDocument

__all__ = ["BOMS", "check_text", "strip_bom", "text_document"]

# Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xfe\xff", "utf-16-be"),
    (b"\xff\xfe", "utf-16-le"),
)

# Formats that are never articles, named so the message can say what the file is.
_BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
)

# Bytes that occur in text files (as file(1) counts them): printable ASCII, the usual
# whitespace controls, ESC, and every byte >= 0x80 (some encoding may use it).
_TEXT_BYTES = bytes({7, 8, 9, 10, 11, 12, 13, 27} | set(range(0x20, 0x100)) - {0x7F})
_SAMPLE = 65_536
_MAX_CONTROL_SHARE = 0.05


def strip_bom(data: bytes) -> tuple[bytes, str | None]:
    """``data`` without its byte-order mark, and the encoding the mark names (or None)."""
    for mark, encoding in BOMS:
        if data.startswith(mark):
            return data[len(mark) :], encoding
    return data, None


def check_text(data: bytes, origin: str) -> None:
    """Raise EmptyInputError or BinaryInputError unless ``data`` can be text."""
    body, encoding = strip_bom(data)
    if encoding in (None, "utf-8"):
        if not body.strip():
            raise EmptyInputError("empty input (no text at all)", origin=origin)
        _check_binary(body, origin)
    elif not body.decode(encoding, errors="replace").strip():
        raise EmptyInputError("empty input (no text at all)", origin=origin)


def _check_binary(body: bytes, origin: str) -> None:
    for magic, what in _BINARY_MAGIC:
        if body.startswith(magic):
            raise BinaryInputError(f"binary input: this is {what}, not an article", origin=origin)
    if b"\x00" in body:
        raise BinaryInputError("binary input: it holds NUL bytes", origin=origin)
    sample = body[:_SAMPLE]
    controls = len(sample.translate(None, _TEXT_BYTES))
    if controls > _MAX_CONTROL_SHARE * len(sample):
        raise BinaryInputError(
            f"binary input: {controls} of its first {len(sample)} bytes are control characters", origin=origin
        )


def text_document(input_id: str, origin: str, data: bytes) -> RawDocument:
    """A plain-text input, bytes as read (clean decodes them)."""
    return RawDocument(input_id=input_id, origin=origin, data=data, kind="text")
