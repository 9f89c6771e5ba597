"""Sentences and entity mentions from the spaCy Doc, with rule corrections.

The small English model has known weak spots on news text, corrected here by rules that
cost a few microseconds per entity:

* Arabic place names with an article ("Al-Qaim", "Al-Bukamal") come out as PERSON or ORG:
  a name the gazetteer knows as a place, in a place context (after "in", "near", ...; before
  ", <state or country>"; or listed with a place), is relabelled GPE;
* places the model misses ("in Syria's Deir ez-Zor province", "in a Twin Falls apartment")
  are added as GPE when the gazetteer knows the name as a sizable place and the context is
  locative ("in", "near", ...) or a place noun follows ("province", "city", ...);
* a leading "the" and a trailing possessive "'s" are cut from the span;
* junk is dropped: spans with no letter, one-character spans, spans that run across a
  line break (cut at it), and lower-case "names".
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from ..model import AnnotatedArticle, Mention, Span
from . import component
from .gazetteer import get_gazetteer

__all__ = ["sentences", "mentions", "correct_mentions", "PLACE_LABELS"]

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"})
_RELABEL_FROM = frozenset({"PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART", "FAC"})
_NAME = r"[A-Z][a-z'’]+(?:[- ](?:(?:al|el|ez|ad|as|ar|an|az|ash|de|del|la|le|du|da)-)?[A-Z][a-z'’]+){0,2}"
_MISSED = (
    re.compile(rf"\b({_NAME})\s+(?:province|governorate|region|district|city|town|village)\b"),
    re.compile(rf"\b(?:in|near|outside|toward|towards|into)\s+(?:(?:a|an|the)\s+)?({_NAME})"),
)
_NOT_NAMES = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august "
    "september october november december police the a an this that".split())
_LEADING = re.compile(r"^(?:the|The|THE)\s+")
_TRAILING = re.compile(r"(?:['’]s|['’])$")
_LOCATIVE = re.compile(
    r"\b(?:in|near|at|outside|from|into|to|toward|towards|around|across|of|between|over|"
    r"hit|struck|targeted|bombed|shelled|raided|captured|seized|entered|evacuated|"
    r"town of|city of|village of|province of|region of)\s*$",
    re.IGNORECASE,
)
_POLICE_AFTER = re.compile(r"^\s+(?:police|Police|County|Sheriff|sheriff['’]s)\b")
_AFTER_PLACE = re.compile(r"^\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+or\s+)$")
_PLACE_KINDS = frozenset({"town", "district", "province", "country"})


@component("sentences", sets=("sentences",))
def sentences(item: AnnotatedArticle, doc: Doc) -> AnnotatedArticle:
    """Sentence spans from spaCy (senter plus the paragraph-break rule), whitespace trimmed."""
    text = item.article.text
    spans = []
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append(Span(start, end))
    item.sentences = spans
    return item


@component("mentions", sets=("mentions",))
def mentions(item: AnnotatedArticle, doc: Doc) -> AnnotatedArticle:
    """spaCy's entities as Mentions, corrected (see the module docstring)."""
    raw = [(ent.start_char, ent.end_char, ent.label_) for ent in doc.ents]
    text = item.article.text
    raw = sorted(raw + missed_places(text, raw))
    item.mentions = correct_mentions(text, raw)
    return item


def correct_mentions(text: str, entities: list[tuple[int, int, str]]) -> list[Mention]:
    """Mentions for ``(start, end, label)`` entity spans of ``text``, with the rule corrections."""
    cleaned = [m for m in (_clean(text, s, e, label) for s, e, label in entities) if m is not None]
    previous_place_end = -1
    for mention in cleaned:
        if mention.label in _RELABEL_FROM and _is_place(text, mention, previous_place_end):
            mention.label = "GPE"
        if mention.label in PLACE_LABELS:
            previous_place_end = mention.end
    return cleaned


def missed_places(text: str, entities: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """GPE spans for place names the model missed, found by the gazetteer in place contexts."""
    found: list[tuple[int, int, str]] = []
    taken = [(s, e) for s, e, _ in entities]
    for pattern in _MISSED:
        for match in pattern.finditer(text):
            start, end = match.span(1)
            if any(start < e and s < end for s, e in taken) or match.group(1).lower() in _NOT_NAMES:
                continue
            if _sizable_place(match.group(1)):
                found.append((start, end, "GPE"))
                taken.append((start, end))
    return found


def _sizable_place(name: str) -> bool:
    """A known place: a province or country, a town of 20,000, or a town of 2,000 by its
    own name (alternate names of small places are too often ordinary words)."""
    return any(
        m.entry.kind in _PLACE_KINDS and m.how != "loose" and (
            m.entry.kind != "town" or m.entry.population >= 20_000 or (m.primary and m.entry.population >= 2_000))
        for m in get_gazetteer().lookup(name)
    )


def _clean(text: str, start: int, end: int, label: str) -> Mention | None:
    """The span trimmed of "the", possessives, line breaks and punctuation; None for junk."""
    span = text[start:end]
    if "\n" in span:
        cut = span.index("\n")
        span, end = span[:cut], start + cut
    lead = _LEADING.match(span)
    if lead and label in _NAME_LABELS:
        start, span = start + lead.end(), span[lead.end():]
    tail = _TRAILING.search(span)
    if tail and label in _NAME_LABELS:
        end, span = end - len(tail.group()), span[: tail.start()]
    stripped = span.strip(" \t\"“”'‘’()[],;:-–—")
    if not stripped:
        return None
    offset = span.index(stripped)
    start, end, span = start + offset, start + offset + len(stripped), stripped
    if _is_junk(span, label):
        return None
    return Mention(text=span, start=start, end=end, label=label)


def _is_junk(span: str, label: str) -> bool:
    if label not in _NAME_LABELS:
        return not span.strip()
    if len(span) < 2 or not any(ch.isalpha() for ch in span):
        return True
    return span[0].islower() and not re.match(r"^(?:al|el|ad|as|an|ar|at|az|ash|de|da|du|van|von|bin|ibn)[-\s]", span)


def _is_place(text: str, mention: Mention, previous_place_end: int) -> bool:
    """True when the gazetteer knows the name as a place and the context reads as one."""
    matches = get_gazetteer().lookup(mention.text)
    plausible = [
        m for m in matches
        if m.entry.kind in _PLACE_KINDS and (m.how != "loose" or m.entry.population >= 10_000)
    ]
    if not plausible:
        return False
    if mention.label == "PERSON" and not any(m.primary or m.entry.population >= 20_000 for m in plausible):
        return False  # a person's name that is also some hamlet's alternate name
    before = text[max(0, mention.start - 20): mention.start]
    locative = _LOCATIVE.search(before)
    if locative and not (mention.label == "PERSON" and locative.group().strip().lower() == "of"):
        return True
    if previous_place_end >= 0 and _AFTER_PLACE.match(text[previous_place_end: mention.start]):
        return True
    after = text[mention.end: mention.end + 30]
    if _POLICE_AFTER.match(after):  # "Ocala police said", "the Ocala Police Department"
        return True
    return bool(re.match(r"^,\s+(?:in\s+)?[A-Z]", after)) and _names_region(after)


def _names_region(after: str) -> bool:
    """Whether ``after`` (", Syria ...") names a country or province right after the comma."""
    match = re.match(r"^,\s+(?:in\s+)?([A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)", after)
    if not match:
        return False
    from .gazetteer import state_code

    words = match.group(1)
    if state_code(words) or state_code(words.split()[0]):
        return True
    return any(m.entry.kind in ("country", "province") for m in get_gazetteer().lookup(words.split()[0]))
