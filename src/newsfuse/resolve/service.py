"""resolve over annotated articles: occurrences in, canonical entity names out."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable

from ..model import AnnotatedArticle
from .aliases import find_definitions
from .linking import EntityIndex, Occurrence
from .names import KINDS, strip_titles

__all__ = ["build_index", "resolve_entities", "speaker_label"]

ScopeOf = Callable[[AnnotatedArticle], str]
# Speakers that are no one in particular: "a defense official", "two security sources".
_ANONYMOUS = re.compile(r"^(?:a|an|one|two|three|several|some|many|other|senior|unnamed|the)\b", re.I)
_ORG_WORDS = re.compile(
    r"\b(?:ministry|command|council|government|army|military|forces?|office|agency|house|department|"
    r"observatory|committee|group|party|police|authorit(?:y|ies)|statement|officials?|spokes\w+|"
    r"corps|brigades?|units?|news|media|pentagon|coalition|union|nations|court|embassy)\b", re.I)


def build_index(items: Iterable[AnnotatedArticle], scope_of: ScopeOf | None = None) -> EntityIndex:
    """The entity index of ``items``: every PERSON/ORG/place mention and every named quote
    speaker. ``scope_of`` gives each article's scope (its event or cluster) for partial
    names; by default all articles share one scope."""
    occurrences: list[Occurrence] = []
    definitions: list[tuple[str, str]] = []
    for item in items:
        occurrences.extend(_occurrences(item, _scope(item, scope_of)))
        definitions.extend(find_definitions(item.article.text))
    return EntityIndex(occurrences, definitions)


def resolve_entities(items: list[AnnotatedArticle], scope_of: ScopeOf | None = None) -> list[AnnotatedArticle]:
    """Copies of ``items`` with ``Mention.entity`` and ``Quote.speaker_entity`` set to
    canonical entity names (None where the name is not a person, organisation or place)."""
    index = build_index(items, scope_of)
    return [_resolved(item, index, _scope(item, scope_of)) for item in items]


def speaker_label(speaker: str, item: AnnotatedArticle | None = None) -> str | None:
    """The coarse kind of a quote's speaker (PER, ORG, LOC), or None when the speaker is not a
    named entity ("a defense official", "officials")."""
    text = speaker.strip()
    if not text or not any(w[:1].isupper() for w in text.split()) or _ANONYMOUS.match(text) and not _named(text):
        return None
    if item is not None:
        for m in item.mentions:
            if m.text == text and KINDS.get(m.label) in ("PER", "ORG", "LOC"):
                return KINDS[m.label]
    if _ORG_WORDS.search(text):
        return "ORG"
    if item is not None:
        if any(m.label == "PERSON" and len(m.text) > 2 and m.text in text for m in item.mentions):
            return "PER"  # "US Secretary of Defense Lloyd Austin" holds the person "Lloyd Austin"
    bare = strip_titles(re.sub(r"^(?:the|The)\s+", "", text))
    words = bare.split()
    if _ORG_WORDS.search(bare) or bare.isupper():
        return "ORG"
    if all(w[:1].isupper() for w in words) and 1 <= len(words) <= 4:
        return "PER"
    return "ORG"


def _named(text: str) -> bool:
    """"the Syrian Ministry of Defense", "the Pentagon": a definite name, not anonymous."""
    words = text.split()
    return words[0].lower() == "the" and len(words) > 1 and words[1][:1].isupper()


def _scope(item: AnnotatedArticle, scope_of: ScopeOf | None) -> str:
    return "" if scope_of is None else str(scope_of(item))


def _occurrences(item: AnnotatedArticle, scope: str) -> list[Occurrence]:
    doc = item.article.id
    out = [Occurrence(m.text, m.label, doc, scope) for m in item.mentions if KINDS.get(m.label) in ("PER", "ORG", "LOC")]
    for q in item.quotes:
        label = speaker_label(q.speaker, item) if q.speaker else None
        if label:
            out.append(Occurrence(q.speaker, label, doc, scope, votes=0))
    return out


def _resolved(item: AnnotatedArticle, index: EntityIndex, scope: str) -> AnnotatedArticle:
    doc = item.article.id
    mentions = [dataclasses.replace(m, entity=_entity_id(index, m.text, m.label, doc, scope)) for m in item.mentions]
    quotes = []
    for q in item.quotes:
        label = speaker_label(q.speaker, item) if q.speaker else None
        entity = _entity_id(index, q.speaker, label, doc, scope) if label else None
        quotes.append(dataclasses.replace(q, speaker_entity=entity))
    return dataclasses.replace(item, mentions=mentions, quotes=quotes)


def _entity_id(index: EntityIndex, text: str, label: str, doc: str, scope: str) -> str | None:
    entity = index.entity_of(text, scope, doc)
    return entity.id if entity else None
