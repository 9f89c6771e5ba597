"""Claim attribution: who says so, about which scope, about which event.

The ``claims`` component runs after the figures/casualties and quotes components and fills,
for every :class:`~newsfuse.model.Claim` of the article:

``claimant`` (first rule that matches; ``claimant_explicit`` is True for rules 1-3)
    1. inside a quotation: the quote's speaker (``item.quotes``), else the attribution next to
       the quotation marks (``"...," the statement said``; ``X said: "..."``), even when the
       quotation runs over several sentences;
    2. in the claim's sentence: ``according to X``; ``..., X said/reported/announced``;
       ``..., said X``; ``X said/announced/made clear (that) ...``; ``Y quoted X as saying``;
    3. anaphora ("he", "the statement", "the official", "the ministry") take the explicit
       claimant of an earlier sentence (up to three back) that fits: any for pronouns and "the
       statement", a name holding the head noun for "the ministry"; "he"/"she" else the last
       PERSON mention;
    4. else the article's outlet (``Article.outlet``), or ``"the article"``.

    Tidying: "the", parenthesised acronyms, appositions and time words ("on Saturday", "in a
    statement") go; "a statement issued by X" / "the latest tally from X" become X; a role
    before a name ("Defense Secretary Lloyd Austin", "The mayor of X, Jane Doe") becomes the
    name; a bare surname becomes the longest name ending with it ("Kirby" -> "John Kirby").

``scope``
    A place scope becomes the matching place of ``item.places`` (or the country's name); a
    group is lower-cased. A count without scope gets the places its sentence puts it *in*
    ("in X", "near X and Y": one place -> its name, several of one country -> the country,
    several countries -> none); failing that, a claimant that is a country scopes its own toll
    ("Iraq said 16 were killed" -> Iraq).

``event_ref`` (None for the main event)
    * ``"context:<period>"``: the sentence states a running tally ("since October", "so far
      this year", "over the past weeks"), not a count of this event;
    * the key of an earlier event: a sentence "in retaliation for / in response to / in
      reprisal for <X>" (X headed by an attack word or "the deaths of") names one, with a date
      of ``item.dates`` inside X, its finest non-adjectival place inside X (else the place later
      sentences about it put it in), and ``when``, a relative phrase ("last Sunday") that fuse
      resolves. It goes to ``item.related`` as ``{"key", "relation": "retaliation_for",
      "description", "date", "place", "country", "when", "sentence", "start", "end"}``. A claim
      is about it when its sentence holds X, names its place or date (or "last <day>" without the
      main date) next to an attack or killing word, or repeats the slot, value and victim words
      of a claim already about it.

Statement claims made here, with sentence and span: ``responsibility`` ("X claimed
responsibility", "... was claimed by X": claimant X; "A blamed B", "A said B was behind": value
B, claimant A; "B distanced itself / denied involvement": value B, qualifier ``"denied"``);
``victims`` (a killing sentence naming civilians, children, soldiers, militiamen or police:
the sorted categories; "avoid / no civilian casualties": "civilians", ``"denied"``); ``date``
and ``place`` from ``item.event_date`` and ``item.place`` when they carry a span.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from ..model import AnnotatedArticle, Claim, Span
from . import component

__all__ = ["claims_component", "attribute_claims", "find_claimant", "infer_scope", "normalise_scope",
           "sentence_spans", "victim_categories"]

_VERBS = (
    r"said|says|say|told\s+\w+|tell\s+\w+|reported|reports|announced|announces|stated|added|confirmed|confirm|claimed|"
    r"noted|stressed|explained|warned|declared|indicated|tweeted|wrote|insisted|estimated|"
    r"pointed\s+out|made\s+(?:it\s+)?clear|revealed|disclosed|acknowledged"
)
_TIME = r"(?:on\s+\w+day|\w+day|earlier|later|also|ultimately|previously|today|yesterday|late\s+\w+|in\s+a\s+statement)"
_TAIL = (r"(?:\s+(?:(?:in|at|during)\s+(?:a|an)\s+(?:statement|briefing|post|call|interview|news\s+conference|press\s+conference)"
         r"[^.]{0,30}|on\s+\w+|\w+day(?:\s+(?:morning|afternoon|evening|night))?|to\s+\w+(?:\s+\w+)?|late\s+\w+))*")
_NP = r"[^,;:“”\"()]{2,120}?"
_TRAILING = re.compile(rf"(?:,|[”\"’])\s*[”\"]?\s*(?P<who>{_NP})\s+(?:has\s+|had\s+|have\s+)?(?:{_VERBS}){_TAIL}\s*[.!]?\s*[”\"]?\s*$")
_INVERTED = re.compile(rf"(?:,|[”\"])\s*(?:said|added|according\s+to)\s+(?P<who>[A-Z][^,.;“”\"]{{1,100}})")
# Last resort: a common source noun saying something mid-sentence ("... after police say ...", ", he said,").
_MID = re.compile(r"(?:^|,\s*|\b(?:after|as|when|because|and|but)\s+)(?P<who>(?:the\s+)?(?:police|officials|authorities|"
                  r"investigators|detectives|deputies|troopers|prosecutors|witnesses|relatives|neighbou?rs|he|she|they))\s+"
                  r"(?:say|says|said|told\s+\w+)\b", re.I)
_ACCORDING = re.compile(r"\baccording\s+to\s+(?P<who>[^,;:“”\"]{2,120}?)(?=\s*(?:[,.;:–—)]|$|\s+(?:that|who|which)\b))", re.I)
_LEADING = re.compile(
    rf"^\s*(?:[“”\"]\s*)?(?:(?:But|And|However|Meanwhile|Earlier|Later|On\s+\w+|In\s+a\s+statement)[, ]+)?"
    rf"(?P<who>[^,;:“”\"]{{2,120}}?)(?:\s*\([^)]*\))?(?:,\s*(?P<appos>[^,;:“”\"]{{2,80}}),)?\s+(?:(?:has|had|have)\s+|{_TIME}\s+)*"
    rf"(?:{_VERBS})\b"
)
_NOT_NP = re.compile(r"\b(?:was|were|is|are|will|would|had\s+been|has\s+been|been|did|does|that|which|if|when|because)\b", re.I)
_PRONOUN = re.compile(r"^(?:he|she|they|it|we|the\s+statement|statement)$", re.I)
_ANAPHORA = re.compile(
    r"^(?:he|she|they|it|(?:the\s+)?(?:statement|official|spokesman|spokeswoman|spokesperson|minister|"
    r"president|ministry|agency|group|army|military|source|monitor|report|observatory))$",
    re.I,
)
_VIA = re.compile(r"^(?:an?\s+|the\s+)?(?:\w+\s+)?(?:statement|tally|report|count|toll|figures|data|announcement)s?\s+(?:\w+\s+)?(?:issued\s+|released\s+|published\s+|given\s+)?(?:by|from|of)\s+(?P<who>.+)$", re.I)
_TRIM_TAIL = re.compile(rf"(?:\s+{_TIME}|\s+in\s+a\s+statement.*|\s+on\s+\w+)+$", re.I)
_QUOTED_AS = re.compile(r"(?P<via>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*)\s+quoted\s+(?P<who>[^,;:“”\"]{2,80}?)\s+as\s+saying", re.I)

# "Security Council spokesman John Kirby", "US President Joe Biden", "Lt. Gen. Douglas Sims" -> the name.
_ROLE_NAME = re.compile(
    r"^.*\b(?i:spokes(?:man|woman|person)|minister|secretary|director|president|chief|commander|mayor|governor|"
    r"official|general|gen\.|colonel|col\.|captain|capt\.|lieutenant|lt\.|sergeant|sgt\.|leader|head|senator|"
    r"sen\.|rep\.|representative|ambassador|envoy|prosecutor|sheriff|inspector|detective|officer|chairman|chairwoman)"
    r"\s+(?P<name>(?:[A-Z][\w.'’-]+\s+){0,2}[A-Z][\w'’-]+)$"
)
_KILL = re.compile(r"\b(?:kill\w*|dead|deaths?|died|martyr\w*|casualt\w+|lives)\b", re.I)
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
_RETALIATION = re.compile(
    r"\b(?:in\s+retaliation\s+(?:for|to)|in\s+response\s+to|(?:a|in)\s+reprisals?\s+(?:in\s+response\s+to|for)|"
    r"retaliat\w+\s+for|avenge)\s+(?P<what>[^.;]{5,200})",
    re.I,
)
_ATTACK_WORD = re.compile(r"\b(?:attack|strike|airstrike|bombing|bombardment|raid|shooting|shelling|assault|ambush|"
                          r"explosion|blast|massacre|killing|incursion|invasion)s?\b", re.I)
_EARLIER = re.compile(r"\blast\s+(?:week|month|year|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
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
    ctx = _Context(item, sentences)
    claims = [c for c in item.claims if c.slot not in _OWN_SLOTS] + _statement_claims(item, sentences)
    related = _related_events(item, sentences)
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
                           event_ref=_event_ref(item, related, sentence)))
    out = _echo_related(out)
    _place_related(item, related, out)
    known = {r.get("key") for r in item.related}  # entries of an earlier run, or of another component, stay
    related = list(item.related) + [r for r in related if r["key"] not in known]
    return replace(item, claims=out, related=related, sentences=sentences)


def _place_related(item: AnnotatedArticle, related: list[dict[str, Any]], claims: list[Claim]) -> None:
    """A related event whose description names no place takes the finest place that the
    sentences about it put it in ("the drone attack last Sunday in Jordan")."""
    for rel in related:
        if rel["place"]:
            continue
        # not the "in retaliation for" sentence itself: its other places are the main event's
        places = [p for c in claims if c.event_ref == rel["key"] and c.sentence != rel["sentence"]
                  for p in _locative_places(item, c.sentence)]
        if places:
            place = min(places, key=lambda p: _PRECISION_RANK.get(p.precision, 9))
            rel.update(place=place.name, country=place.country, place_forms=sorted(_forms(place, item.article.text)))


_OWN_SLOTS = ("responsibility", "victims", "date", "place")  # made here: replaced on a re-run


class _Context:
    """Per-article attribution state: sentences, quote spans and resolved claimants."""

    def __init__(self, item: AnnotatedArticle, sentences: list[Span]) -> None:
        self.item, self.text, self.sentences = item, item.article.text, sentences
        self.fallback = item.article.outlet or "the article"

    def claimant(self, offset: int, sentence: Span | None) -> tuple[str, bool]:
        who = self._from_quote(offset) or (find_claimant(self.text[sentence.start:sentence.end]) if sentence else None)
        if who and _ANAPHORA.match(who):
            # "the ministry" stays itself when no earlier sentence names it; "he" does not
            who = self._look_back(sentence, who) or (None if _PRONOUN.match(who) else who)
        if not who:
            return self.fallback, False
        return self._full_name(who), True

    def _from_quote(self, offset: int) -> str | None:
        for quote in self.item.quotes:
            if quote.start <= offset < quote.end and quote.speaker:
                return clean_claimant(quote.speaker) or quote.speaker
        return find_quote_speaker(self.text, offset)

    def _look_back(self, sentence: Span | None, word: str) -> str | None:
        if sentence is None:
            return None
        index = next((i for i, s in enumerate(self.sentences) if s.start == sentence.start), None)
        for prev in reversed(self.sentences[max(0, (index or 0) - 3):index or 0]):
            found = find_claimant(self.text[prev.start:prev.end])
            if found and not _ANAPHORA.match(found) and _fits(word, found):
                return found
        if re.match(r"^(?:he|she)$", word, re.I):
            return self._last_person(self.sentences[max(0, (index or 0) - 3)].start if index else 0, sentence.start)
        return None

    def _last_person(self, start: int, end: int) -> str | None:
        """The last PERSON mention in [start, end): the antecedent of "he"/"she"."""
        people = [m for m in self.item.mentions if m.label == "PERSON" and start <= m.start < end]
        return max(people, key=lambda m: m.start).text if people else None

    def _full_name(self, who: str) -> str:
        """A bare surname becomes the longest name in the article that ends with it."""
        if " " in who or not who[:1].isupper():
            return who
        best = who
        for mention in self.item.mentions:
            if mention.text.endswith(" " + who) and len(mention.text) > len(best):
                best = mention.text
        if best == who:
            for match in re.finditer(rf"\b((?:[A-Z][a-z]+\s+){{1,2}}){re.escape(who)}\b", self.text):
                candidate = match.group(0)
                if len(candidate) > len(best) and not re.match(r"(?:The|A|An|In|On|But)\b", candidate):
                    best = candidate
        return best


def _fits(word: str, found: str) -> bool:
    """A pronoun or "the statement" takes any earlier claimant; "the ministry" only one whose
    name holds "ministry"; "the official"/"the spokesman" one that looks like a person's name."""
    if _PRONOUN.match(word):
        return True
    head = word.split()[-1].lower()
    if head in {"official", "spokesman", "spokeswoman", "spokesperson", "minister", "president", "source"}:
        return head in found.lower() or bool(re.match(r"^[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+)+$", found))
    return head in found.lower()


def find_claimant(sentence: str) -> str | None:
    """The source a sentence attributes its content to, tidied, or None."""
    quoted = _QUOTED_AS.search(sentence)
    if quoted:
        return clean_claimant(quoted.group("who"))
    for pattern in (_ACCORDING, _TRAILING, _INVERTED):
        for match in pattern.finditer(sentence):
            who = clean_claimant(match.group("who"))
            if who:
                return who
    match = _LEADING.match(sentence)
    who = clean_claimant(match.group("who") + (", " + match.group("appos") if match.group("appos") else "")) if match else None
    if who:
        return who
    mid = _MID.search(sentence)
    return clean_claimant(mid.group("who")) if mid else None


def find_quote_speaker(text: str, offset: int) -> str | None:
    """The speaker of the curly- or straight-quoted passage holding ``offset``, read from the
    words right after the closing mark or right before the opening one."""
    opening = max(text.rfind("“", 0, offset), _open_straight(text, offset))
    if opening < 0 or text.rfind("”", opening, offset) >= 0:
        return None
    closing = min((i for i in (text.find("”", offset), text.find('"', offset)) if i >= 0), default=-1)
    if closing < 0:
        return None
    after = re.match(rf"\s*,?\s*(?P<who>{_NP})\s+(?:{_VERBS})\b", text[closing + 1:closing + 140])
    if after:
        return clean_claimant(after.group("who"))
    before = re.search(rf"(?P<who>[A-Z][^,.;“”\"]{{1,100}}?)\s+(?:{_VERBS}){_TAIL}\s*[:,]?\s*$", text[max(0, opening - 160):opening])
    return clean_claimant(before.group("who")) if before else None


def _open_straight(text: str, offset: int) -> int:
    """The position of an unclosed straight double quote before ``offset`` in its paragraph."""
    start = text.rfind("\n", 0, offset) + 1
    marks = [m.start() for m in re.finditer('"', text[start:offset])]
    return start + marks[-1] if len(marks) % 2 == 1 else -1


def clean_claimant(raw: str) -> str | None:
    """Tidy an attribution phrase; None when it does not look like a noun phrase."""
    who = re.sub(r"\s*\([^)]*(?:\)|$)", "", raw).strip(" ,.–—-\"“”")
    parts = [p.strip() for p in who.split(",")]
    # "The mayor of X, Jane Doe" names the person after the role.
    if len(parts) > 1 and re.match(r"^(?:the|a|an)\s+[a-z]", parts[0], re.I) and re.match(r"^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)+$", parts[1]):
        who = parts[1]
    else:
        who = parts[0]
    via = _VIA.match(who)
    if via:
        who = via.group("who")
    who = _TRIM_TAIL.sub("", who).strip()
    who = re.sub(r"^(?:the|The)\s+", "", who)
    named = _ROLE_NAME.match(who)
    if named:
        who = named.group("name")
    if not who or len(who.split()) > 12 or _NOT_NP.search(who) or not re.search(r"[A-Za-z]", who):
        return None
    return who


def _sentence_of(sentences: list[Span], claim: Claim, text: str) -> Span | None:
    span = next((s for s in sentences if s.start <= claim.start < s.end), None)
    if span is None and claim.sentence:
        at = text.find(claim.sentence)
        return Span(at, at + len(claim.sentence)) if at >= 0 else None
    return span


def normalise_scope(scope: str | None, item: AnnotatedArticle) -> str | None:
    """A place scope -> the matching place's name (or the country's); a group -> lower case."""
    if not scope or not scope.strip():
        return None
    key = _fold(scope)
    for place in item.places:
        if _fold(place.name) == key or key.endswith(" " + _fold(place.name)):
            return place.name
    return _country_name(scope) or re.sub(r"\s+", " ", scope).strip().lower()


_LOCATIVE = r"\b(?:in|at|near|across|outside|inside|around|throughout)\s+(?:the\s+)?(?:(?:north|south|east|west)(?:ern|east|west|-\w+)?\s+|central\s+|downtown\s+)?"
_CHAIN = r"(?:\s*,\s*|\s+and\s+|\s+or\s+)(?:the\s+)?"


def infer_scope(item: AnnotatedArticle, sentence: str, claimant: str | None) -> str | None:
    """A place scope for a count whose extractor gave none: the places the sentence puts it
    *in* ("in X", "near X", "in X and Y"); one place (or one with the division and country
    holding it) -> its name, several in one country -> the country; several countries -> None. With no such place, a claimant that is
    a country ("Iraq said ...") scopes its own toll."""
    found = _locative_places(item, sentence)
    finest = min(found, key=lambda p: _PRECISION_RANK.get(p.precision, 9)) if found else None
    if finest and all(p is finest or _holds(p, finest) for p in found):  # "in Augusta, Georgia"
        return finest.name
    if finest and len({p.country for p in found}) == 1:
        return _country_label(finest.country, item)
    if not found and claimant:
        own = next((p.name for p in item.places if _fold(p.name) == _fold(claimant) and p.precision == "country"), None)
        return own or (claimant if _country_name(claimant) == claimant else None)
    return None


def _locative_places(item: AnnotatedArticle, sentence: str) -> list[Any]:
    """The places of ``item`` that ``sentence`` names after a locative word ("in X and Y")."""
    text, found = item.article.text, []
    for place in item.places:
        if place.source == "dateline" or place.precision == "region":
            continue
        for form in _forms(place, text):
            pattern = rf"(?:{_LOCATIVE}|{_LOCATIVE}[^\s,.;]+(?:{_CHAIN}[^\s,.;]+){{0,3}}?{_CHAIN}){re.escape(form)}(?![\w-])"
            if re.search(pattern, sentence, re.I):
                found.append(place)
                break
    return found


def _holds(outer: Any, inner: Any) -> bool:
    """Whether ``outer`` (a country or a first-level division) contains ``inner``."""
    if outer.precision == "country":
        return outer.country == inner.country
    return outer.precision == "province" and bool(inner.admin1) and _fold(inner.admin1) == _fold(outer.name)


def _country_label(code: str | None, item: AnnotatedArticle) -> str | None:
    own = next((p.name for p in item.places if p.country == code and p.precision == "country"), None)
    if own:
        return own
    import pycountry

    country = pycountry.countries.get(alpha_2=code or "")
    return getattr(country, "common_name", None) or (country.name if country else None)


def _fold(text: str) -> str:
    text = re.sub(r"^(?:the|al)[\s-]+", "", text.strip().lower())
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def _country_name(text: str) -> str | None:
    import pycountry

    try:
        country = pycountry.countries.lookup(re.sub(r"(?:'s|’s)$", "", text.strip()))
    except LookupError:
        return None
    return getattr(country, "common_name", None) or country.name


def _statement_claims(item: AnnotatedArticle, sentences: list[Span]) -> list[Claim]:
    text, found = item.article.text, []
    for span in sentences:
        sentence = text[span.start:span.end]
        found += _responsibility(item, sentence, span.start)
        found += _victims(item, sentence, span.start)
    found += _date_place(item, sentences)
    return found


def _responsibility(item: AnnotatedArticle, sentence: str, base: int) -> list[Claim]:
    found = []
    for pattern, kind in _RESP_PATTERNS:
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
    kill = _KILL.search(sentence)
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


def _related_events(item: AnnotatedArticle, sentences: list[Span]) -> list[dict[str, Any]]:
    """Earlier events the article says this one answers ("in retaliation for ...")."""
    text, found = item.article.text, []
    main = item.event_date.date if item.event_date else None
    for span in sentences:
        match = _RETALIATION.search(text[span.start:span.end])
        what = _trim_what(match.group("what")) if match else ""
        head = " ".join(what.split()[:12])
        if not what or not (_ATTACK_WORD.search(head) or re.match(r"(?:the\s+)?(?:deaths?|killings?|murders?)\b", what, re.I)):
            continue
        lo = span.start + match.start("what")
        hi = lo + len(what)
        date = next((d for d in item.dates if d.start is not None and lo <= d.start < hi and d.date != main), None)
        place = _place_in(item, text, lo, hi)
        key = _related_key(date.date if date else None, place.name if place else None, what)
        if any(r["key"] == key for r in found):
            continue
        found.append({"key": key, "relation": "retaliation_for", "description": what,
                      "date": date.date if date else None, "date_precision": date.precision if date else None,
                      "place": place.name if place else None, "country": place.country if place else None,
                      "place_forms": sorted(_forms(place, text)) if place else [],
                      "when": _when(what),
                      "article": item.article.id, "sentence": text[span.start:span.end], "start": lo, "end": hi})
    return found


_WHEN = re.compile(r"\b(?:(?:last|this\s+past|on)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
                   r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)['’]s|last\s+week(?:['’]s)?)\b", re.I)


def _when(what: str) -> str | None:
    """A relative time phrase for the earlier event ("last Sunday", "on Sunday", "last week"),
    resolved in fuse against the event's date when the article gives no absolute date."""
    found = _WHEN.search(what)  # not elsewhere in the sentence: "X said on Saturday" dates the saying
    return found.group(0) if found else None


def _trim_what(what: str) -> str:
    """The description of the earlier event: up to an attribution, a quote or a new clause."""
    what = re.split(r"[“”\"]|,\s+(?:which|who|the|a|an|and|[A-Z])|\s+[–—]\s+|,\s*$", what)[0]
    return what.strip(" ,")


def _place_in(item: AnnotatedArticle, text: str, lo: int, hi: int) -> Any:
    """The finest place named in text[lo:hi] (not adjectival: "Iran-backed")."""
    found = []
    for place in item.places:
        if place.source == "dateline":
            continue
        for form in _forms(place, text):
            for m in re.finditer(rf"(?<![\w-]){re.escape(form)}(?![\w-])", text[lo:hi], re.I):
                found.append((_PRECISION_RANK.get(place.precision, 9), -m.start(), place))
    return min(found, key=lambda f: (f[0], f[1]))[2] if found else None


_PRECISION_RANK = {"address": 0, "site": 1, "town": 2, "district": 3, "province": 4, "country": 5, "region": 6}


def _forms(place: Any, text: str) -> set[str]:
    forms = {place.name}
    if place.start is not None and place.end is not None and 0 <= place.start < place.end <= len(text):
        forms.add(text[place.start:place.end])
    return {f for f in forms if len(f) > 1}


def _related_key(date: str | None, place: str | None, what: str) -> str:
    noun = _ATTACK_WORD.search(what)
    parts = [date or "undated", (place or "").lower().replace(" ", "-"), noun.group(0).lower() if noun else "event"]
    return ":".join(p for p in parts if p)


_PERIOD = re.compile(
    r"\b(?:since\s+(?:(?:mid|early|late)[- ]?)?(?:january|february|march|april|may|june|july|august|september|"
    r"october|november|december|\d{4}|the\s+start\s+of|the\s+beginning\s+of|last\s+(?:year|month))|"
    r"so\s+far\s+this\s+(?:year|month)|(?:over|in)\s+the\s+(?:last|past)\s+(?:several\s+|few\s+)?(?:weeks|months|years))\b",
    re.I,
)


def _event_ref(item: AnnotatedArticle, related: list[dict[str, Any]], sentence: Span | None) -> str | None:
    if sentence is None:
        return None
    text = item.article.text[sentence.start:sentence.end]
    period = _PERIOD.search(text)
    if period:  # a running tally over a period ("since October"), not this event's count
        return "context:" + re.sub(r"\W+", "-", period.group(0).lower())
    main = item.event_date.date if item.event_date else None
    for rel in related:
        if rel["start"] >= sentence.start and rel["end"] <= sentence.end:
            return rel["key"]
        names_place = any(re.search(rf"(?<![\w-]){re.escape(f)}(?![\w-])", text, re.I) for f in rel.get("place_forms", []))
        names_date = rel["date"] and any(
            d.date == rel["date"] and d.start is not None and sentence.start <= d.start < sentence.end for d in item.dates)
        mentions_main = main and any(
            d.date == main and d.start is not None and sentence.start <= d.start < sentence.end for d in item.dates)
        if (names_place or names_date or (_EARLIER.search(text) and not mentions_main)) and (
                _ATTACK_WORD.search(text) or _KILL.search(text)):
            return rel["key"]
    return None


def _echo_related(claims: list[Claim]) -> list[Claim]:
    """A claim that repeats the slot, value and victim words of a claim about an earlier event
    ("the bombing that killed the three soldiers") is about that event too."""
    marked = [(c.slot, c.value, victim_categories(c.sentence), c.event_ref) for c in claims if c.event_ref]
    out = []
    for claim in claims:
        if claim.event_ref is None and claim.slot not in ("date", "place"):
            words = victim_categories(claim.sentence)
            ref = next((r for s, v, w, r in marked if s == claim.slot and v == claim.value and words & w), None)
            claim = replace(claim, event_ref=ref) if ref else claim
        out.append(claim)
    return out


def victim_categories(text: str) -> set[str]:
    """The victim categories a phrase names: civilians, children, soldiers, militiamen, police."""
    return {name for name, regex in _VICTIM_RES.items() if regex.search(text or "")}


