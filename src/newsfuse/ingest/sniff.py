"""Telling input kinds apart by their content, never by the file extension."""

from __future__ import annotations

from .compressed import is_gzip
from .html import looks_like_html
from .records import looks_like_records
from .text import check_text, strip_bom

__all__ = ["sniff"]

_HEAD = 4096


def sniff(data: bytes, origin: str) -> str:
    """The kind of ``data``: "gzip", "record" (JSON lines), "html" or "text".

    Raises EmptyInputError or BinaryInputError (naming ``origin``) when it is none of them.
    """
    if is_gzip(data):
        return "gzip"
    check_text(data, origin)
    body, encoding = strip_bom(data)
    head: bytes | str = body[:_HEAD]
    if encoding not in (None, "utf-8"):
        head = body[:_HEAD].decode(encoding, errors="replace")
    if looks_like_records(head):
        return "record"
    if looks_like_html(head):
        return "html"
    return "text"
