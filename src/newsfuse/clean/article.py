"""clean(): one RawDocument in, one Article out.

Bytes are decoded (:mod:`.decode`), HTML goes through trafilatura (:mod:`.html`), the text
is normalised (:mod:`.normalize`) and stripped of boilerplate line by line
(:mod:`.text`, rules in :mod:`.rules`); metadata comes from the record's fields first,
then the page's markup, then what the text itself says (:mod:`.metadata`, :mod:`.outlets`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from ..config import Settings
from ..errors import EmptyInputError
from ..model import Article, RawDocument, Removed
from .decode import decode_bytes
from .html import Extracted, extract_html, strip_site_suffix
from .lang import identify
from .metadata import parse_byline, parse_dateline, parse_source_line, parse_stamp, parse_when
from .normalize import article_hash, normalise_text, split_lines
from .outlets import known_name, outlet_from_name, outlet_from_source, outlet_from_url
from .text import Stripped, strip_boilerplate

__all__ = ["clean"]

_HTML_TEXT = re.compile(r"^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<article[\s>])", re.IGNORECASE)


def clean(raw: RawDocument, settings: Settings | None = None) -> Article:
    """The clean Article of ``raw``.

    Raises EncodingError when the bytes cannot be decoded, and EmptyInputError when no
    text is left (a record whose only content is its "title" field is kept, with a
    warning); anything else gives an Article, with ``warnings`` saying what was odd
    (short text, a charset that lied, markup that trafilatura could not read).
    """
    settings = settings or Settings()
    fields = dict(raw.fields or {})
    source_text, page, warnings = _read(raw, fields)
    known_title = _str(fields.get("title")) or (page.title if page else None)
    known_title = normalise_text(known_title) if known_title else None
    stripped = strip_boilerplate(split_lines(normalise_text(source_text)), known_title)
    if page:
        _add_page_captions(stripped, page.captions)
    article = _assemble(raw, fields, page, stripped, known_title)
    # A record's own title is content; a page's <title> over nothing but menus is not.
    if not article.text and (page is not None or not article.title):
        raise EmptyInputError("nothing is left after cleaning: no article text", origin=raw.origin)
    article.warnings = warnings + _size_warnings(article.text, settings)
    return article


def _read(raw: RawDocument, fields: dict[str, Any]) -> tuple[str, Extracted | None, list[str]]:
    """The text to clean, the page (for HTML) and warnings about reading it."""
    warnings: list[str] = []
    decoded = decode_bytes(raw.data, origin=raw.origin)
    if decoded.note:
        warnings.append(f"encoding: {decoded.note}")
    if raw.kind == "html" or (raw.kind == "record" and _HTML_TEXT.match(decoded.text)):
        page = extract_html(decoded.text, url=_str(fields.get("url")))
        if page.fallback:
            warnings.append("html: no article body found by trafilatura; text taken from all the markup")
        return page.text, page, warnings
    if raw.kind not in ("text", "record"):
        warnings.append(f"unknown input kind {raw.kind!r}: read as plain text")
    return decoded.text, None, warnings


def _assemble(raw: RawDocument, fields: dict[str, Any], page: Extracted | None, stripped: Stripped,
              known_title: str | None) -> Article:
    removed = stripped.removed
    url = _str(fields.get("url")) or (page.url if page else None) or _source_line(removed, "url")
    title = known_title or stripped.title
    outlet = _outlet(fields, url, page, removed, stripped.text)
    if title and page and not fields.get("title"):
        title = strip_site_suffix(title, [page.sitename, outlet])
    text = stripped.text
    lang = _str(fields.get("lang")) or identify(text)[0] or (page.lang if page else None)
    dateline = parse_dateline(text.split("\n", 1)[0]) if text else None
    return Article(
        id=raw.input_id,
        sha256=article_hash(title, text),
        text=text,
        title=title,
        outlet=outlet,
        url=url,
        authors=_authors(fields, page, removed),
        published=_str(fields.get("published")) or (page.date if page else None) or _stamp(removed, "publication time"),
        updated=_str(fields.get("updated")) or _stamp(removed, "update time"),
        dateline=dateline.place if dateline else None,
        lang=lang,
        removed=stripped.removed,
        captions=stripped.captions,
        origin=raw.origin,
    )


def _add_page_captions(stripped: Stripped, captions: list[str]) -> None:
    for caption in captions:
        caption = normalise_text(caption)
        if caption and caption not in stripped.captions:
            stripped.captions.append(caption)
            stripped.removed.append(Removed(caption, "photo caption"))


def _str(value: object) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def _lines(removed: list[Removed], reason: str) -> Iterable[str]:
    """The cut lines of one reason, in order: the metadata lines ("byline", "source", ...)."""
    return (piece.text for piece in removed if piece.reason == reason)


def _source_line(removed: list[Removed], kind: str) -> str | None:
    for line in _lines(removed, "source"):
        found = parse_source_line(line)
        if found and found[0] == kind:
            return found[1]
    return None


def _stamp(removed: list[Removed], reason: str) -> str | None:
    """The first date of the stamp lines; a bare "Updated:" line's date is on the next one."""
    for line in _lines(removed, reason):
        stamp = parse_stamp(line)
        when = stamp.when if stamp else parse_when(line)
        if when:
            return when
    return None


def _authors(fields: dict[str, Any], page: Extracted | None, removed: list[Removed]) -> list[str]:
    given = fields.get("authors", fields.get("author"))
    if isinstance(given, str) and given.strip():
        return [a.strip() for a in re.split(r"\s*;\s*|\s+and\s+", given) if a.strip()]
    if isinstance(given, list) and given:
        return [str(a).strip() for a in given if str(a).strip()]
    if page and page.authors:
        return page.authors
    for line in _lines(removed, "byline"):
        byline = parse_byline(line)
        if byline:
            return list(byline.authors)
    return []


def _outlet(fields: dict[str, Any], url: str | None, page: Extracted | None,
            removed: list[Removed], text: str) -> str | None:
    """First of: the record's "source"; a known domain; "Source: CNN"; the byline's outlet;
    the page's site name; the URL's registrable domain; the copyright holder; "X moderates
    all comments"; a wire credit in the dateline. None when nothing names one."""
    candidates = (
        lambda: outlet_from_source(fields.get("source")),
        lambda: outlet_from_url(url, fallback=False),
        lambda: outlet_from_name(_source_line(removed, "outlet")),
        lambda: next((b.outlet for b in map(parse_byline, _lines(removed, "byline")) if b and b.outlet), None),
        lambda: outlet_from_name(page.sitename) if page and page.sitename else None,
        lambda: outlet_from_url(url),
        lambda: _copyright_holder(removed),
        lambda: _moderator(removed),
        lambda: _wire_credit(text),
    )
    for candidate in candidates:
        found = candidate()
        if found:
            return found
    return None


_HOLDER = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(?:by\s+)?(?:©\s*)?([^\d.,|()©;:][^.,|()©;:]{1,60})",
    re.IGNORECASE,
)
_NOT_OUTLET = re.compile(
    r"\b(?:inc|llc|ltd|corp|corporation|group|company|holdings|plc|all rights|reserved)\b", re.IGNORECASE
)


def _copyright_holder(removed: list[Removed]) -> str | None:
    """"© 2024 Cable News Network. ..." -> CNN; an unknown short holder as written."""
    for line in _lines(removed, "copyright footer"):
        match = _HOLDER.search(line)
        if not match:
            continue
        holder = match.group(1).strip()
        name = known_name(holder)
        if name:
            return name
        if len(holder.split()) <= 5 and not _NOT_OUTLET.search(holder) and holder[:1].isupper():
            return holder
    return None


_MODERATOR = re.compile(r"^((?:[A-Z][\w&'’.-]*\s){0,3}[A-Z][\w&'’.-]*)\s+moderates\b")


def _moderator(removed: list[Removed]) -> str | None:
    """"Rudaw moderates all comments ..." -> Rudaw."""
    for reason in ("comment section", "comment policy"):
        for line in _lines(removed, reason):
            match = _MODERATOR.match(line)
            if match:
                return outlet_from_name(match.group(1))
    return None


_CREDIT_NAME = re.compile(r"^[A-Z][\w&'’.-]*(?:\s[A-Z][\w&'’.-]*){0,3}$")


def _wire_credit(text: str) -> str | None:
    """"WASHINGTON (AP) — ..." -> Associated Press; an unknown credit that reads as a name
    ("(Levant Wire)") as written."""
    dateline = parse_dateline(text.split("\n", 1)[0]) if text else None
    if not dateline or not dateline.credit:
        return None
    return known_name(dateline.credit) or (dateline.credit if _CREDIT_NAME.match(dateline.credit) else None)


def _size_warnings(text: str, settings: Settings) -> list[str]:
    if not text:
        return ["empty text: only a title is left"]
    if len(text) < settings.min_text_chars:
        return [f"short text: {len(text)} characters"]
    return []
