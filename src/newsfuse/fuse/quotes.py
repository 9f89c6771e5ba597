"""Quotations of an event grouped by speaker: ``[{"speaker", "text", "articles"}]``.

``newsfuse.resolve.group_quotes(quotes)`` is used when the resolve stage provides it (it knows
name variants: "Yehia Rasool" / "Yahya Rasul"); it may return its ``QuoteGroup`` objects (speaker_entity,
text, quotes), dicts in the export shape, or lists of :class:`~newsfuse.model.Quote`. Otherwise quotes are grouped here: the speaker key is the
resolved entity (``speaker_entity``) or the loosely keyed speaker name; within one speaker, two
quotes are the same quotation when one's text mostly contains the other's (rapidfuzz partial
ratio >= 85: a fragment quoted by one outlet and the full sentence by another). The longest
text of a group is shown; the speaker shown is the longest name form used. Unattributed quotes
are kept under speaker None. Ordered by speaker, then by first appearance.
"""

from __future__ import annotations

from typing import Any

from rapidfuzz import fuzz

from ..model import AnnotatedArticle, Quote
from .sources import claimant_key

__all__ = ["group_event_quotes", "SAME_QUOTE_RATIO"]

SAME_QUOTE_RATIO = 85


def group_event_quotes(items: list[AnnotatedArticle]) -> list[dict[str, Any]]:
    """The event's quotes grouped by speaker and text (see the module notes)."""
    quotes = [q if q.article else _with_article(q, item.article.id)
              for item in sorted(items, key=lambda i: i.article.id) for q in item.quotes]
    delegated = _from_resolve(quotes)
    return delegated if delegated is not None else _group(quotes)


def _with_article(quote: Quote, article: str) -> Quote:
    from dataclasses import replace

    return replace(quote, article=article)


def _from_resolve(quotes: list[Quote]) -> list[dict[str, Any]] | None:
    try:
        from ..resolve import group_quotes  # type: ignore[attr-defined]
    except ImportError:
        return None
    grouped = group_quotes(quotes)
    out = []
    for group in grouped:
        if isinstance(group, dict):
            out.append({"speaker": group.get("speaker"), "text": group.get("text"),
                        "articles": sorted(set(group.get("articles", [])))})
        elif hasattr(group, "quotes"):  # resolve.QuoteGroup
            rendered = _render(list(group.quotes))
            rendered["speaker"] = getattr(group, "speaker_entity", None) or rendered["speaker"]
            rendered["text"] = getattr(group, "text", None) or rendered["text"]
            out.append(rendered)
        else:
            out.append(_render(list(group)))
    return out


def _group(quotes: list[Quote]) -> list[dict[str, Any]]:
    by_speaker: dict[str, list[list[Quote]]] = {}
    for quote in sorted(quotes, key=lambda q: (q.article, q.start)):
        groups = by_speaker.setdefault(_speaker_key(quote), [])
        for group in groups:
            if any(_same_text(quote.text, other.text) for other in group):
                group.append(quote)
                break
        else:
            groups.append([quote])
    return [_render(g) for key in sorted(by_speaker) for g in by_speaker[key]]


def _speaker_key(quote: Quote) -> str:
    return claimant_key(quote.speaker_entity or quote.speaker or "")


def _same_text(a: str, b: str) -> bool:
    short, long = sorted((a.strip(), b.strip()), key=len)
    return bool(short) and fuzz.partial_ratio(short.lower(), long.lower()) >= SAME_QUOTE_RATIO


def _render(group: list[Quote]) -> dict[str, Any]:
    names = [q.speaker_entity or q.speaker for q in group if q.speaker_entity or q.speaker]
    speaker = sorted(names, key=lambda n: (-len(n), n))[0] if names else None
    text = sorted((q.text for q in group), key=lambda t: (-len(t), t))[0]
    return {"speaker": speaker, "text": text, "articles": sorted({q.article for q in group})}
