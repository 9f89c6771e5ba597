"""Claim attribution: who says so, about which scope, about which event.

The ``claims`` component runs after the figures/casualties and quotes components and, for
every :class:`~newsfuse.model.Claim` of the article, fills ``claimant`` and
``claimant_explicit`` (rules in :mod:`.attribution`), ``scope`` (:mod:`.scopes`) and
``event_ref`` (:mod:`.earlier`), and adds the statement claims of :mod:`.statements`
(responsibility, victims, date, place) and the earlier events the article names
(``item.related``).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import AnnotatedArticle, Claim, Span
from . import component
from .attribution import ClaimantFinder, clean_claimant, find_claimant, find_quote_speaker
from .earlier import echo_related, event_ref, place_related, related_events
from .scopes import infer_scope, normalise_scope
from .statements import OWN_SLOTS, statement_claims, victim_categories

__all__ = ["claims_component", "attribute_claims", "find_claimant", "find_quote_speaker", "clean_claimant",
           "infer_scope", "normalise_scope", "sentence_spans", "victim_categories"]

_SENT_SPLIT = re.compile(r"(?<=[.!?])[”\"]?\s+(?=[“\"A-Z0-9])|\n+")


@component("claims", requires=(), sets=("claims", "related"))
def claims_component(item: AnnotatedArticle, doc: object) -> AnnotatedArticle:
    """The annotate component: attribute every claim and add statement claims."""
    if not item.sentences:
        spans = [Span(s.start_char, s.end_char) for s in getattr(doc, "sents", [])] if doc is not None else []
        item = replace(item, sentences=spans or sentence_spans(item.article.text))
    return attribute_claims(item)


def sentence_spans(text: str) -> list[Span]:
    """A plain fallback sentence splitter (used when neither spaCy nor annotate gave sentences)."""
    spans, start = [], 0
    for match in _SENT_SPLIT.finditer(text):
        if text[start:match.start()].strip():
            spans.append(Span(start, match.start()))
        start = match.end()
    return spans + ([Span(start, len(text))] if text[start:].strip() else [])


def attribute_claims(item: AnnotatedArticle) -> AnnotatedArticle:
    """``item`` with claimants, scopes and event references filled and statement claims added."""
    text = item.article.text
    sentences = item.sentences or sentence_spans(text)
    ctx = ClaimantFinder(item, sentences)
    claims = [c for c in item.claims if c.slot not in OWN_SLOTS] + statement_claims(item, sentences)
    related = related_events(item, sentences)
    out = []
    for claim in claims:
        sentence = _sentence_of(sentences, claim, text)
        who, explicit = ctx.claimant(claim.start, sentence)
        if claim.slot == "responsibility" and claim.claimant and claim.claimant_explicit:
            # the party itself claimed or denied it, or the blamer is the subject
            who, explicit = claim.claimant, True
        scope = normalise_scope(claim.scope, item)
        if scope is None and sentence is not None and isinstance(claim.value, (int, float)):
            scope = infer_scope(item, text[sentence.start:sentence.end], who if explicit else None)
        sent_text = text[sentence.start:sentence.end] if sentence else claim.sentence
        out.append(replace(claim, claimant=who, claimant_explicit=explicit, scope=scope,
                           sentence=claim.sentence or sent_text, article=claim.article or item.article.id,
                           event_ref=event_ref(item, related, sentence, claim.start)))
    out = echo_related(out)
    place_related(item, related, out)
    known = {r.get("key") for r in item.related}  # entries of an earlier run, or of another component, stay
    related = list(item.related) + [r for r in related if r["key"] not in known]
    return replace(item, claims=out, related=related, sentences=sentences)


def _sentence_of(sentences: list[Span], claim: Claim, text: str) -> Span | None:
    span = next((s for s in sentences if s.start <= claim.start < s.end), None)
    if span is None and claim.sentence:
        at = text.find(claim.sentence)
        return Span(at, at + len(claim.sentence)) if at >= 0 else None
    return span
