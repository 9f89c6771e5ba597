"""Statement claims: responsibility, victims, and the article's own date and place.

``responsibility`` ("X claimed responsibility", "... was claimed by X": claimant X; "A blamed
B", "A said B was behind": value B, claimant A; "B distanced itself / denied involvement":
value B, qualifier ``"denied"``); ``victims`` (a killing sentence naming civilians, children,
soldiers, militiamen or police: the sorted categories; "avoid / no civilian casualties":
"civilians", ``"denied"``); ``date`` and ``place`` from ``item.event_date`` and ``item.place``
when they carry a span. Each with its sentence and span.
"""

from __future__ import annotations

import re

from ..model import AnnotatedArticle, Claim, Span
from .attribution import clean_claimant

__all__ = ["statement_claims", "victim_categories", "KILL_WORD", "OWN_SLOTS"]

OWN_SLOTS = ("responsibility", "victims", "date", "place")  # made here: replaced on a re-run

KILL_WORD = re.compile(r"\b(?:kill\w*|dead|deaths?|died|martyr\w*|casualt\w+|lives)\b", re.I)
_VICTIMS = {
    "civilians": r"civilians?|residents|passers-?by|bystanders",
    "children": r"child(?:ren)?|kids|minors",
    "soldiers": r"soldiers|troops|service\s*(?:members|men|women)|servicemen|personnel",
    "militiamen": r"militiam[ae]n|militants|fighters|gunmen|militia\s+members|members\s+of\s+(?:[\w-]+\s+){0,4}militias?",
    "police": r"police(?:\s+officers|men)?|officers",
}
_VICTIM_RES = {name: re.compile(rf"\b(?:{words})\b", re.I) for name, words in _VICTIMS.items()}
_NO_CIVILIANS = re.compile(r"\b(?:avoid(?:ed|ing)?|no|without|minimi[sz]e\w*)\s+(?:any\s+)?civilian\s+(?:casualties|deaths|harm)\b", re.I)
_PARTY = r"(?P<party>(?:the\s+)?[A-Z][\w’'.-]*(?:\s+(?:of|in|for|al|the|[A-Z][\w’'.-]*))*)"
_RESP_PATTERNS = (
    (re.compile(rf"{_PARTY}(?:\s+[a-z]+){{0,2}},?\s+(?:[^,.;]{{0,100}}?,\s+)?(?:has\s+|had\s+)?claimed\s+responsibility"), "claims"),
    (re.compile(rf"(?:was|were|been)\s+claimed\s+by\s+(?:the\s+)?(?:[a-z-]+\s+){{0,3}}?{_PARTY}"), "claims"),
    (re.compile(rf"(?P<who>(?:[Tt]he\s+)?[A-Za-z][\w.-]*(?:\s+[A-Z][\w.-]*)*)\s+(?:\w+ly\s+)?(?:blames?|blamed|held\s+responsible)\s+{_PARTY}"), "blames"),
    (re.compile(rf"{_PARTY},?\s+(?:(?:a|an|the)\s+[\w-]+\s+)?(?:(?:which|that|who)\s+)?(?:has\s+|had\s+)?(?:distanced\s+(?:itself|themselves|himself)|denied\s+(?:any\s+)?(?:involvement|responsibility))"), "denies"),
    (re.compile(rf"(?:believes?|said)\s+(?:that\s+)?(?:an?\s+[\w\s-]{{0,30}}?called\s+)?{_PARTY}\s+was\s+behind"), "behind"),
)
# Words each pattern above cannot match without (case-sensitive, as the patterns are): most
# sentences hold none, and skipping the pattern then saves its scan from every capital letter.
_RESP_NEEDS = (("claimed",), ("claimed",), ("blame", "held"), ("distanced", "denied"), ("behind",))


def statement_claims(item: AnnotatedArticle, sentences: list[Span]) -> list[Claim]:
    text, found = item.article.text, []
    for span in sentences:
        sentence = text[span.start:span.end]
        found += _responsibility(item, sentence, span.start)
        found += _victims(item, sentence, span.start)
    found += _date_place(item, sentences)
    return found


def _responsibility(item: AnnotatedArticle, sentence: str, base: int) -> list[Claim]:
    found = []
    for (pattern, kind), needs in zip(_RESP_PATTERNS, _RESP_NEEDS):
        if not any(word in sentence for word in needs):
            continue
        for match in pattern.finditer(sentence):
            party = _tidy_party(match.group("party"))
            if not party:
                continue
            who = party if kind in ("claims", "denies") else None
            if kind == "blames":
                who = clean_claimant(match.group("who"))
            qualifier = "denied" if kind == "denies" else "exact"
            found.append(Claim(slot="responsibility", value=party, qualifier=qualifier, claimant=who,
                               claimant_explicit=who is not None, article=item.article.id, sentence=sentence,
                               start=base + match.start(), end=base + match.end()))
    return found


def _tidy_party(raw: str) -> str | None:
    party = re.sub(r"^(?:the|The)\s+", "", raw.strip())
    party = re.sub(r"(?:\s+(?:of|in|for|al|the))+$", "", party)
    if not party or party.lower() in {"it", "he", "she", "they", "but", "however", "this", "that"}:
        return None
    return party


def _victims(item: AnnotatedArticle, sentence: str, base: int) -> list[Claim]:
    denial = _NO_CIVILIANS.search(sentence)
    if denial:
        return [Claim(slot="victims", value="civilians", qualifier="denied", article=item.article.id,
                      sentence=sentence, start=base + denial.start(), end=base + denial.end())]
    kill = KILL_WORD.search(sentence)
    # victim words near the killing word only (5 words before, 8 after): not the perpetrators
    kinds = sorted(victim_categories(_around(sentence, kill.start(), kill.end()))) if kill else []
    return [] if not kinds else [Claim(slot="victims", value=", ".join(kinds), qualifier="exact", article=item.article.id,
                  sentence=sentence, start=base + kill.start(), end=base + kill.end())]


def _around(text: str, start: int, end: int, before: int = 5, after: int = 8) -> str:
    return " ".join(text[:start].split()[-before:] + [text[start:end]] + text[end:].split()[:after])


def _date_place(item: AnnotatedArticle, sentences: list[Span]) -> list[Claim]:
    text, found = item.article.text, []
    if item.event_date is not None and item.event_date.start is not None:
        ed = item.event_date
        found.append(Claim(slot="date", value=ed.date, qualifier=ed.precision, article=item.article.id,
                           sentence=_sentence_text(text, sentences, ed.start), start=ed.start, end=ed.end or ed.start))
    place = item.place
    if place is not None and place.start is not None and place.source != "dateline":
        found.append(Claim(slot="place", value=place.name, scope=place.country, article=item.article.id,
                           sentence=_sentence_text(text, sentences, place.start), start=place.start,
                           end=place.end or place.start))
    return found


def _sentence_text(text: str, sentences: list[Span], offset: int) -> str:
    span = next((s for s in sentences if s.start <= offset < s.end), None)
    return text[span.start:span.end] if span else ""


def victim_categories(text: str) -> set[str]:
    """The victim categories a phrase names: civilians, children, soldiers, militiamen, police."""
    return {name for name, regex in _VICTIM_RES.items() if regex.search(text or "")}
