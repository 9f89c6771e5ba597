"""HTML: recognising markup from its first bytes."""

from __future__ import annotations

import re

from ..model import RawDocument

__all__ = ["looks_like_html", "html_document"]

_HEAD = 4096
# Markers that make a document HTML wherever they stand in its head.
_STRONG = re.compile(rb"<!doctype\s+html|<html[\s>]|<body[\s>]|<head[\s>]", re.IGNORECASE)
# A document that starts with a tag, a comment, a declaration or an XML prolog is markup.
_LEADING_TAG = re.compile(rb"<(?:[a-z][a-z0-9]*[\s/>]|!--|!doctype|\?xml)", re.IGNORECASE)


def looks_like_html(head: str | bytes) -> bool:
    """True when the start of a document (BOM already removed) is HTML or XML markup."""
    raw = head.encode("utf-8", errors="replace") if isinstance(head, str) else head
    raw = raw[:_HEAD]
    return bool(_LEADING_TAG.match(raw.lstrip()) or _STRONG.search(raw))


def html_document(input_id: str, origin: str, data: bytes) -> RawDocument:
    """An HTML input, bytes as read (clean extracts and decodes)."""
    return RawDocument(input_id=input_id, origin=origin, data=data, kind="html")
