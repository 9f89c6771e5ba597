from __future__ import annotations

import gzip
import zlib

import pytest

from newsfuse.errors import TooLargeError, UnreadableInputError
from newsfuse.ingest.compressed import gunzip, is_gzip


def test_gunzip_inflates_a_gzip() -> None:
    data = "A report on a storm, with an \xe9 accent.\n".encode("utf-8") * 50
    assert gunzip(gzip.compress(data), 10_000, "a.gz") == data


def test_gunzip_reads_every_member_of_concatenated_gzips() -> None:
    assert gunzip(gzip.compress(b"first ") + gzip.compress(b"second"), 100, "a.gz") == b"first second"


def test_gunzip_stops_a_bomb_without_inflating_it() -> None:
    bomb = _deflate_zeros(64 << 20)  # 64 MB of zeros in about 300 KB
    assert len(bomb) < 1_000_000
    with pytest.raises(TooLargeError, match="expands past") as info:
        gunzip(bomb, 1_000_000, "bomb.gz")
    assert info.value.origin == "bomb.gz"


def test_gunzip_allows_content_exactly_at_the_limit() -> None:
    assert len(gunzip(gzip.compress(b"x" * 1000), 1000, "a.gz")) == 1000


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (gzip.compress(b"some text that is long enough " * 20)[:40], "truncated"),
        (b"\x1f\x8b\x08\x00garbage that is not deflate", "broken"),
    ],
)
def test_gunzip_reports_broken_gzip(data: bytes, words: str) -> None:
    with pytest.raises(UnreadableInputError, match=words):
        gunzip(data, 10_000, "bad.gz")


def test_is_gzip_reads_the_magic_bytes() -> None:
    assert is_gzip(gzip.compress(b"x")) and not is_gzip(b"plain")


def _deflate_zeros(size: int) -> bytes:
    """A gzip of ``size`` zero bytes, built in chunks so the test never holds it inflated."""
    packer = zlib.compressobj(1, zlib.DEFLATED, 16 + zlib.MAX_WBITS)  # level 1: quick to build
    chunk = bytes(1 << 20)
    parts = [packer.compress(chunk) for _ in range(size // len(chunk))]
    return b"".join(parts) + packer.flush()
