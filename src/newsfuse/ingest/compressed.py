"""gzip: recognised by its magic bytes, inflated as a stream under a size cap.

A small gzip can expand to gigabytes (a "gzip bomb"), so the output is produced in
bounded steps and the read stops as soon as it passes the limit.
"""

from __future__ import annotations

import zlib

from ..errors import TooLargeError, UnreadableInputError

__all__ = ["GZIP_MAGIC", "is_gzip", "gunzip"]

GZIP_MAGIC = b"\x1f\x8b"
_STEP = 1 << 20  # inflate at most this many bytes per call
_DAMAGED = "the gzip is damaged; fetch or compress the file again"


def is_gzip(data: bytes) -> bool:
    return data.startswith(GZIP_MAGIC)


def gunzip(data: bytes, limit: int, origin: str) -> bytes:
    """The inflated content of gzip ``data`` (every member), at most ``limit`` bytes.

    Raises TooLargeError past the limit and UnreadableInputError for a broken or truncated gzip.
    """
    out = bytearray()
    pending = data
    while pending:
        inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
        try:
            _inflate_member(inflater, pending, out, limit, origin)
        except zlib.error as exc:
            raise UnreadableInputError(f"broken gzip: {exc}", hint=_DAMAGED, origin=origin) from exc
        if not inflater.eof:
            raise UnreadableInputError(
                "truncated gzip (the file ends inside the compressed data)", hint=_DAMAGED, origin=origin
            )
        # Concatenated gzip files are one valid gzip; trailing zero padding is tolerated.
        pending = inflater.unused_data if inflater.unused_data.strip(b"\x00") else b""
    return bytes(out)


def _inflate_member(inflater: "zlib._Decompress", data: bytes, out: bytearray, limit: int, origin: str) -> None:
    chunk = data
    while not inflater.eof:
        room = limit - len(out)
        piece = inflater.decompress(chunk, min(_STEP, room + 1))
        out += piece
        if len(out) > limit:
            raise TooLargeError(f"gzip expands past the limit of {limit:,} bytes", origin=origin)
        chunk = inflater.unconsumed_tail
        if not piece and not chunk:
            break
