"""The same quotation carried by several outlets, in the same or other words, as one group.

Two quotes are the same quotation when their speakers agree (the same canonical entity; a quote
without a speaker only joins on near-identical text) and their texts agree by one of:

* containment: the shorter (at least 3 words) is, after normalisation, inside the longer, or
  rapidfuzz ``partial_ratio`` >= 90 (a fragment quoted from a longer statement);
* wording: rapidfuzz ``token_set_ratio`` >= 75 (reordered or lightly edited);
* content words: at least 3 shared content words (stop words out, crude stemming) covering
  >= 60% of the shorter quote's content words (translations: "Whoever attacks our people will
  answer for it" / "anyone who attacks our people will have to answer for it").

Groups are the connected components of that relation, computed on quotes sorted by
(speaker, article, start), so the result does not depend on input order.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from ..model import Quote

__all__ = ["QuoteGroup", "group_quotes", "same_quote"]

_STOP = frozenset("""
a an the and or but if of to in on at by for with from as is are was were be been being it its this that
these those there here we us our you your he him his she her they them their i me my not no nor so than
then too very can could will would shall should may might must do does did done have has had having
which who whom whose what when where why how all any each some such other into onto about over under
again further once only own same just also more most less very s t don doesn isn aren wasn weren
al el
""".split())


@dataclass
class QuoteGroup:
    """One quotation and every article carrying it. ``text`` is the longest wording;
    ``speaker_entity`` the group's speaker (the most common among its quotes)."""

    speaker_entity: str | None
    text: str
    quotes: list[Quote] = field(default_factory=list)

    @property
    def articles(self) -> list[str]:
        return sorted({q.article for q in self.quotes})


def group_quotes(quotes: Iterable[Quote]) -> list[QuoteGroup]:
    """Quotes grouped by quotation (rules in the module docstring), sorted by speaker, text."""
    items = sorted(quotes, key=lambda q: (q.speaker_entity or "", q.article, q.start, q.end, q.text))
    prepared = [(_norm(q.text), _content(q.text)) for q in items]
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in _candidate_pairs(items, prepared):
        if find(i) != find(j) and _related(items[i], items[j], prepared[i], prepared[j]):
            parent[max(find(i), find(j))] = min(find(i), find(j))
    members: dict[int, list[Quote]] = {}
    for i, q in enumerate(items):
        members.setdefault(find(i), []).append(q)
    groups = [_make_group(qs) for qs in members.values()]
    return sorted(groups, key=lambda g: (g.speaker_entity or "", g.text))


def _candidate_pairs(items: list[Quote], prepared: list[tuple[str, set[str]]]) -> list[tuple[int, int]]:
    """Pairs worth comparing: a quote meets the quotes that hold one of its four rarest content
    words (a fragment's words are all in the longer quote; a translation shares rare words), and
    two quotes with different speakers never meet. Keeps grouping near-linear on big batches."""
    postings: dict[str, list[int]] = {}
    for i, (_text, words) in enumerate(prepared):
        for w in words:
            postings.setdefault(w, []).append(i)
    pairs = set()
    for i, (_text, words) in enumerate(prepared):
        rare = sorted(words, key=lambda w: (len(postings[w]), w))[:4]
        for w in rare:
            for j in postings[w]:
                if j != i and _speakers_may_match(items[i], items[j]):
                    pairs.add((min(i, j), max(i, j)))
    return sorted(pairs)


def _speakers_may_match(a: Quote, b: Quote) -> bool:
    return not (a.speaker_entity and b.speaker_entity and a.speaker_entity != b.speaker_entity)


def same_quote(a: Quote, b: Quote) -> bool:
    """Whether two quotes are one quotation (the relation :func:`group_quotes` closes over)."""
    return _related(a, b, (_norm(a.text), _content(a.text)), (_norm(b.text), _content(b.text)))


def _related(a: Quote, b: Quote, pa: tuple[str, set[str]], pb: tuple[str, set[str]]) -> bool:
    if a.speaker_entity and b.speaker_entity and a.speaker_entity != b.speaker_entity:
        return False
    if not (a.speaker_entity and b.speaker_entity):
        return fuzz.ratio(pa[0], pb[0]) >= 92  # no common speaker: only the same words
    return _similar(pa, pb)


def _similar(pa: tuple[str, set[str]], pb: tuple[str, set[str]]) -> bool:
    (ta, ca), (tb, cb) = pa, pb
    short, long = sorted((ta, tb), key=len)
    if len(short.split()) >= 3 and (short in long or fuzz.partial_ratio(short, long) >= 90):
        return True
    if fuzz.token_set_ratio(ta, tb) >= 75 and min(len(ca), len(cb)) >= 2:
        return True
    shared = len(ca & cb)
    return shared >= 3 and shared >= 0.6 * min(len(ca), len(cb))


def _make_group(quotes: list[Quote]) -> QuoteGroup:
    speakers = Counter(q.speaker_entity for q in quotes if q.speaker_entity)
    speaker = sorted(speakers.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] if speakers else None
    text = sorted((q.text for q in quotes), key=lambda t: (-len(t), t))[0]
    return QuoteGroup(speaker, text, list(quotes))


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    text = re.sub(r"[\u2018\u2019']", "", text)
    return re.sub(r"[^\w]+", " ", text).strip()


def _content(text: str) -> set[str]:
    words = re.findall(r"[a-z0-9]+", _norm(text).replace("u s ", "us "))
    return {_stem(w) for w in words if w not in _STOP and len(w) > 1}


def _stem(word: str) -> str:
    """A crude English stem: enough to meet city/cities, strikes/struck is not attempted."""
    for suffix, repl in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)] + repl
    return word
