"""HTML pages: the article body and its metadata with trafilatura (comments off).

trafilatura drops navigation, footers and comment threads and reads title, authors,
date, site name and canonical URL from the markup. The body it returns is plain text
that still goes through the plain-text rules (captions, teasers, update notes). Broken
markup never raises: when trafilatura finds nothing or fails, a tag stripper takes over.
"""

from __future__ import annotations

import copy
import logging
import re
from dataclasses import dataclass, field
from functools import lru_cache

__all__ = ["Extracted", "extract_html"]

_LOG = logging.getLogger(__name__)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)


@dataclass
class Extracted:
    text: str
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    date: str | None = None
    sitename: str | None = None
    url: str | None = None
    lang: str | None = None
    captions: list[str] = field(default_factory=list)  # <figcaption> texts (trafilatura drops them)
    fallback: bool = False  # True when the tag stripper, not trafilatura, gave the text


@lru_cache(maxsize=1)
def _config():
    from trafilatura.settings import DEFAULT_CONFIG

    config = copy.deepcopy(DEFAULT_CONFIG)
    # Short articles are articles too; and no signal-based timeout (fails off the main thread).
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "20")
    config.set("DEFAULT", "MIN_OUTPUT_SIZE", "1")
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
    config.set("DEFAULT", "EXTENSIVE_DATE_SEARCH", "off")
    return config


def extract_html(markup: str, url: str | None = None) -> Extracted:
    """Body text and metadata of an HTML page; never raises on malformed markup."""
    markup = _XML_DECL.sub("", markup, count=1)
    try:
        found = _trafilatura(markup, url)
    except Exception as exc:  # trafilatura/lxml fail in many ways on broken pages; fall back
        _LOG.debug("trafilatura failed: %s", exc)
        found = None
    if found is None or not found.text.strip():
        found = found or Extracted(text="")
        found.text = strip_tags(markup)
        found.fallback = True
    found.captions = figure_captions(markup)
    return found


def figure_captions(markup: str) -> list[str]:
    """Texts of the page's <figcaption> elements, in order, without repeats."""
    try:
        import lxml.html

        tree = lxml.html.fromstring(markup)
        found = [re.sub(r"\s+", " ", el.text_content()).strip() for el in tree.iter("figcaption")]
    except Exception:  # lxml rejects some broken or empty documents; captions are optional
        return []
    return list(dict.fromkeys(c for c in found if c))


def _trafilatura(markup: str, url: str | None) -> Extracted | None:
    from trafilatura import bare_extraction

    doc = bare_extraction(
        markup,
        url=url,
        include_comments=False,
        include_tables=True,
        include_images=False,
        with_metadata=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
        config=_config(),
    )
    if doc is None:
        return None
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    return Extracted(
        text=data.get("text") or "",
        title=_tidy(data.get("title")),
        authors=_authors(data.get("author")),
        date=_tidy(data.get("date")),
        sitename=_tidy(data.get("sitename")),
        url=_tidy(data.get("url")),
        lang=_tidy(data.get("language")),
    )


def _tidy(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = re.sub(r"\s+", " ", value).strip()
    return value or None


def _authors(value: object) -> list[str]:
    """trafilatura joins authors with "; "."""
    if not isinstance(value, str):
        return []
    return [a.strip() for a in value.split(";") if a.strip()]


_DROP_BLOCKS = re.compile(
    r"<(script|style|noscript|template|svg|nav|footer|header|aside)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL
)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_BREAKS = re.compile(r"<\s*(?:br|/p|/div|/h[1-6]|/li|/tr|/title|/article|/section)\b[^>]*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")


def strip_tags(markup: str) -> str:
    """Text of ``markup`` by a tolerant regex pass: a last resort, never raises."""
    import html as html_lib

    text = _COMMENT.sub(" ", markup)
    text = _DROP_BLOCKS.sub(" ", text)
    text = _BREAKS.sub("\n", text)
    text = _TAG.sub(" ", text)
    return html_lib.unescape(text)


def strip_site_suffix(title: str, names: list[str | None]) -> str:
    """"Drone strike hits town - CNN" -> "Drone strike hits town" when CNN is the site."""
    for name in filter(None, names):
        for sep in (" - ", " | ", " – ", " — ", " :: "):
            suffix = f"{sep}{name}"
            if title.casefold().endswith(suffix.casefold()) and len(title) > len(suffix) + 10:
                return title[: -len(suffix)].strip()
    return title
