"""Reading inputs: files, directories (recursively, in sorted order) and stdin.

Every input yields RawDocuments or, when it cannot be read, an InputError *value*, so one
bad input never stops a batch. The input id of a file is its name (its path relative to
the directory given, for files found in a directory); JSON lines carry their own ids.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from ..config import Settings
from ..errors import BinaryInputError, EncodingError, InputError, TooLargeError, UnreadableInputError
from ..model import RawDocument
from .compressed import gunzip
from .html import html_document
from .records import read_records
from .sniff import sniff
from .text import strip_bom, text_document

__all__ = ["read_inputs", "documents", "STDIN"]

STDIN = "<stdin>"
_MAX_GZIP_DEPTH = 2  # a gzip of a gzip is fine; deeper nesting is not an article


def read_inputs(paths: Iterable[str], settings: Settings | None = None) -> Iterator[RawDocument | InputError]:
    """Every document of ``paths`` ("-" is stdin), in a deterministic order."""
    limit = (settings or Settings()).max_bytes
    for given in paths:
        if given == "-":
            yield from _read_one(STDIN, STDIN, lambda: _read_stream(sys.stdin.buffer, limit, STDIN), limit)
            continue
        path = Path(given)
        if path.is_dir():
            yield from _read_dir(path, limit)
        else:
            yield from _read_one(path.name, str(path), lambda p=path: _read_file(p, limit), limit)


def documents(name: str, origin: str, data: bytes, limit: int) -> Iterator[RawDocument | InputError]:
    """The documents in the bytes of one input: one for text or HTML, one per JSON line.

    Raises an InputError (rather than yielding it) when the input as a whole is bad.
    """
    kind = sniff(data, origin)
    for _ in range(_MAX_GZIP_DEPTH):
        if kind != "gzip":
            break
        data = gunzip(data, limit, origin)
        kind = sniff(data, origin)
    if kind == "gzip":
        raise BinaryInputError("gzip nested in gzip too deep to be an article", origin=origin)
    if kind == "record":
        yield from read_records(name, origin, _unicode_lines(data, origin))
    elif kind == "html":
        yield html_document(name, origin, data)
    else:
        yield text_document(name, origin, data)


def _unicode_lines(data: bytes, origin: str) -> bytes | str:
    """JSON lines as UTF-8 bytes (BOM removed), or as str when a BOM names UTF-16/32."""
    body, encoding = strip_bom(data)
    if encoding in (None, "utf-8"):
        return body
    try:
        return body.decode(encoding)
    except UnicodeDecodeError as exc:
        raise EncodingError(f"bytes that are not {encoding} despite the byte-order mark", origin=origin) from exc


def _read_one(name: str, origin: str, read: Callable[[], bytes], limit: int) -> Iterator[RawDocument | InputError]:
    try:
        found = documents(name, origin, read(), limit)
        first = next(found, None)  # whole-input errors surface here, before any document
    except InputError as exc:
        yield exc
        return
    if first is not None:
        yield first
        yield from found


def _read_dir(root: Path, limit: int) -> Iterator[RawDocument | InputError]:
    for entry in _walk(root):
        if isinstance(entry, InputError):
            yield entry
            continue
        name = entry.relative_to(root).as_posix()
        yield from _read_one(name, str(entry), lambda p=entry: _read_file(p, limit), limit)


def _walk(directory: Path) -> Iterator[Path | InputError]:
    """Regular files under ``directory``, sorted by name; hidden entries and symlinked
    directories (which could loop) are skipped."""
    try:
        with os.scandir(directory) as scan:
            entries = sorted(scan, key=lambda e: e.name)
    except OSError as exc:
        yield UnreadableInputError(f"cannot list the directory: {exc.strerror}", origin=str(directory))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            if entry.is_dir(follow_symlinks=False):
                yield from _walk(path)
            elif entry.is_file():
                yield path
        except OSError as exc:
            yield UnreadableInputError(f"cannot read: {exc.strerror}", origin=str(path))


def _read_file(path: Path, limit: int) -> bytes:
    origin = str(path)
    try:
        with open(path, "rb") as handle:
            info = os.fstat(handle.fileno())
            if stat.S_ISREG(info.st_mode) and info.st_size > limit:
                raise _too_large(info.st_size, limit, origin)
            return _read_stream(handle, limit, origin)
    except IsADirectoryError as exc:
        raise UnreadableInputError("is a directory", origin=origin) from exc
    except OSError as exc:
        raise UnreadableInputError(f"cannot read: {exc.strerror or exc}", origin=origin) from exc


def _read_stream(stream: BinaryIO, limit: int, origin: str) -> bytes:
    """At most ``limit`` bytes of ``stream``; one more means too large."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise _too_large(None, limit, origin)
    return data


def _too_large(size: int | None, limit: int, origin: str) -> TooLargeError:
    what = f"{size:,} bytes, more" if size is not None else "more"
    return TooLargeError(f"{what} than the limit of {limit:,} bytes", origin=origin)
