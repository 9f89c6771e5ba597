"""Direct quotations and their speakers.

Quote marks (:func:`find_quote_spans`): curly and straight double quotes, guillemets and the
low-9 mark, with the mismatches of machine translation (a closing mark used as an opener when it
stands before a word, an opening mark used as a closer when it stands after one). A quotation whose
paragraph ends before its closing mark continues when the next paragraph opens with a quote mark
(the newspaper convention for quotes over several paragraphs); otherwise it ends with its paragraph.
Quotes of fewer than two words (scare quotes) are dropped.

Speakers (:class:`_Attributor`), from patterns over the text and the named entities (the
dependency parser is not run): the reporting clause after the quote (`", X said`, `", said X,
title"`, `", X told CNN"`, `", the spokesman continued"`), then the one before it (`X said that
"...`, `X called the strikes "..."`, `X said: "...`, `according to X`, `X quoted Y as saying`),
then one later in the sentence (`"..." were struck, CENTCOM said`). Pronouns and role nouns ("he
added", "the spokesman continued", "the president said") go back to the last fitting named
speaker of the article; "the statement said" to the last source named with a statement. A quote
with no clause of its own takes the speaker of the quote before it in the same sentence or
paragraph, or, when it opens a paragraph, the speaker named in the sentence before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import AnnotatedArticle, Quote
from . import component

__all__ = ["find_quotes", "find_quote_spans", "quotes_component", "QuoteSpan"]

_OPENERS = "\u201c\u201e\u00ab"  # “ „ «
_CLOSERS = "\u201d\u00bb"  # ” »
_MARKS = _OPENERS + _CLOSERS + '"'
_LEFT_OPEN = "([{\u2014\u2013-/:"
_RIGHT_CLOSE = ".,;:!?)]}\u2014\u2013-"

VERBS = frozenset("""
said say says saying added adds adding told tells telling stressed stresses stressing stated states stating
noted notes noting explained explains explaining warned warns warning continued continues continuing
called calls calling described describes describing decried decries condemned condemns condemning
insisted insists insisting declared declares declaring announced announces announcing wrote writes
tweeted posted confirmed confirms confirming argued argues arguing emphasized emphasised emphasizes
emphasising emphasizing urged urges claimed claims claiming acknowledged acknowledges admitted admits
asked asks replied replies recalled recalls vowed vows pledged promised expressed expresses denounced
denounces accused accuses remarked observed reported reiterated reiterates concluded assured affirmed
maintained predicted threatened demanded suggested cautioned lamented regretted countered quipped
""".split())
_VERB_RE = re.compile(r"\b(" + "|".join(sorted(VERBS)) + r")\b")
_PARTICIPLES = frozenset(v for v in VERBS if v.endswith("ing"))
_PERSON_ROLES = {
    "spokesman": "spokes", "spokeswoman": "spokes", "spokesperson": "spokes", "spokespeople": "spokes",
    "president": "president", "minister": "minister", "official": "official", "general": "general",
    "secretary": "secretary", "envoy": "envoy", "ambassador": "ambassador", "leader": "leader",
    "commander": "commander", "chief": "chief", "director": "director", "mayor": "mayor",
    "governor": "governor", "senator": "senator", "premier": "premier", "chancellor": "chancellor",
    "king": "king", "prince": "prince", "sheriff": "sheriff", "officer": "officer", "lawyer": "lawyer",
    "attorney": "attorney", "coach": "coach", "prosecutor": "prosecutor", "witness": "witness",
    "lieutenant": "lieutenant", "lt": "lieutenant", "sergeant": "sergeant", "sgt": "sergeant",
    "detective": "detective", "det": "detective", "captain": "captain", "capt": "captain",
    "colonel": "colonel", "col": "colonel", "gen": "general", "councilman": "council",
    "councilwoman": "council", "councilmember": "council", "trooper": "trooper", "judge": "judge",
}
# Words that tell two roles apart: the *prime* minister is not the *foreign* minister.
_ROLE_MODIFIERS = frozenset("""prime foreign defense defence interior finance health justice vice deputy
state home police army military""".split())
_ORG_HEADS = frozenset("""ministry military army government command council office agency department
statement group militia observatory police forces force coalition movement committee court embassy
authorities media outlet""".split())
_TRAILING = re.compile(
    r"(?:\s+(?:also|earlier|later|again|previously|then|had|has|have|was|is|would|will|on|last|this|"
    r"today|yesterday|tonight|now|once|repeatedly|in\s+a\s+statement|(?:on\s+)?(?:Monday|Tuesday|"
    r"Wednesday|Thursday|Friday|Saturday|Sunday)|(?:this|last)\s+(?:week|month|year)|morning|evening|night))+$",
    re.I)
_ABBREV = re.compile(r"(?:\b(?:[A-Z]\.)+|\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Sgt|Capt|Sen|Rep|Gov|St|Jr|Sr|No|"
                     r"Adm|Brig|Cmdr|Prof|Rev|Ft|Mt|Inc|Corp|Co|Ltd|vs|Jan|Feb|Aug|Sept|Oct|Nov|Dec)\.)$")
_WORD = re.compile(r"[A-Za-z](?:[\w'’\-]|\.(?=\w))*")


@dataclass(frozen=True)
class QuoteSpan:
    """Where a quotation sits: ``start``/``end`` bound its words (marks excluded);
    ``open``/``close`` are the positions of its marks (``close`` is None when unterminated)."""

    start: int
    end: int
    open: int
    close: int | None


@dataclass
class _Ent:
    start: int
    end: int
    label: str
    text: str


@component("quotes", sets=("quotes",))
def quotes_component(item: AnnotatedArticle, doc: object) -> AnnotatedArticle:
    """Sets ``item.quotes`` from the article text, its mentions or the Doc's entities."""
    item.quotes = find_quotes(item.article.text, _ents(item, doc), item.article.id)
    return item


def _ents(item: AnnotatedArticle, doc: object) -> list[_Ent]:
    if item.mentions:
        return [_Ent(m.start, m.end, m.label, m.text) for m in item.mentions]
    ents = getattr(doc, "ents", None) or ()
    return [_Ent(e.start_char, e.end_char, e.label_, e.text) for e in ents]


def find_quotes(text: str, ents: list | None = None, article: str = "") -> list[Quote]:
    """Quotations of ``text`` with their speakers (as named in the article). ``ents`` are
    named entities with ``start``, ``end``, ``label`` and ``text`` (spaCy's or Mentions)."""
    spans = [s for s in find_quote_spans(text) if len(_WORD.findall(_quote_text(text, s))) >= 2]
    ents = sorted((_Ent(e.start, e.end, e.label, e.text) for e in (ents or ())), key=lambda e: e.start)
    attributor = _Attributor(text, ents, spans)
    out = []
    for span in spans:
        speaker = attributor.speaker(span)
        out.append(Quote(text=_quote_text(text, span), start=span.start, end=span.end, speaker=speaker, article=article))
    return out


def _quote_text(text: str, span: QuoteSpan) -> str:
    inner = text[span.start:span.end]
    inner = re.sub(r"\s*\n\s*[" + _MARKS + r"]?", " ", inner)  # paragraph joins of long quotes
    return re.sub(r"\s+", " ", inner).strip(" " + _MARKS)


# ---- quote marks -----------------------------------------------------------------------------
def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Spans of the quotations in ``text`` (rules in the module docstring)."""
    spans: list[QuoteSpan] = []
    paragraphs = list(_paragraphs(text))
    open_at: int | None = None
    for index, (p_start, p_end) in enumerate(paragraphs):
        for pos, role in _marks(text, p_start, p_end):
            if open_at is None:
                if role != "close":
                    open_at = pos
            elif role == "open" and pos > open_at + 1 and _paragraph_start(text, pos, p_start):
                continue  # the continuation mark of a quote over several paragraphs
            elif role == "open":
                spans.append(_span(text, open_at, pos, None))  # a new opener: the last was never closed
                open_at = pos
            else:
                spans.append(_span(text, open_at, pos, pos))
                open_at = None
        if open_at is not None and not _continues(text, paragraphs, index):
            spans.append(_span(text, open_at, p_end, None))
            open_at = None
    return [s for s in spans if s.end > s.start]


def _span(text: str, open_at: int, end: int, close: int | None) -> QuoteSpan:
    start = open_at + 1
    while start < end and text[start].isspace():
        start += 1
    stop = end
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    return QuoteSpan(start, stop, open_at, close)


def _paragraphs(text: str):
    for match in re.finditer(r"[^\n]+", text):
        if match.group().strip():
            yield match.start(), match.end()


def _paragraph_start(text: str, pos: int, p_start: int) -> bool:
    return not text[p_start:pos].strip()


def _continues(text: str, paragraphs: list[tuple[int, int]], index: int) -> bool:
    if index + 1 >= len(paragraphs):
        return False
    nxt = text[paragraphs[index + 1][0]:paragraphs[index + 1][1]].lstrip()
    return bool(nxt) and nxt[0] in _OPENERS + '"'


def _marks(text: str, start: int, end: int):
    """(position, role) of the quote marks in text[start:end]; role is open, close or either."""
    for pos in range(start, end):
        char = text[pos]
        if char not in _MARKS:
            continue
        before = text[pos - 1] if pos > start else " "
        after = text[pos + 1] if pos + 1 < end else " "
        left_free = before.isspace() or before in _LEFT_OPEN
        right_free = after.isspace() or after in _RIGHT_CLOSE
        if char in _OPENERS:
            role = "close" if (not left_free and right_free) else "open"
        elif char in _CLOSERS:
            role = "open" if (left_free and not right_free) else ("either" if left_free else "close")
        else:
            role = "open" if (left_free and not right_free) else ("close" if not left_free else "either")
        yield pos, role


# ---- speakers --------------------------------------------------------------------------------
class _Attributor:
    """Finds the speaker of each quote; remembers named speakers for later pronouns."""

    def __init__(self, text: str, ents: list[_Ent], spans: list[QuoteSpan]) -> None:
        self.text = text
        self.ents = ents
        self.spans = spans
        self.inside = [(s.open, (s.close if s.close is not None else s.end) + 1) for s in spans]
        self.persons = [e for e in ents if e.label == "PERSON"]
        self.roles = {id(e): self._roles(e) for e in self.persons}
        self.history: list[tuple[int, str, str, bool]] = []  # (position, speaker, kind, statement)
        self.previous: dict[int, tuple[QuoteSpan, str | None]] = {}
        self.learned: dict[str, set[str]] = {}  # roles learned from "the spokesman said, X"
        self._scan_clauses()

    # -- public
    def speaker(self, span: QuoteSpan) -> str | None:
        p_start = self._paragraph(span.open)[0]
        sent_start = self._sentence_start(span.open, p_start)
        prev = self._previous_quote(span, p_start)
        left_from = max(sent_start, prev[0].close + 1 if prev and prev[0].close is not None else sent_start)
        close = span.close if span.close is not None else span.end
        right_to = self._right_end(close + 1, self._paragraph(close)[1])
        found = (self._from_tag(close + 1, right_to, span)
                 or self._from_left(left_from, span.open, span, prev)
                 or self._from_right(close + 1, right_to, span))
        if found is None and prev is not None:
            found = prev[1]
        if found is None and _paragraph_start(self.text, span.open, p_start):
            found = self._from_sentence_before(p_start)
        self.previous[span.open] = (span, found)
        if found:
            self._remember(span.open, found, "statement" in self.text[max(0, span.open - 80):right_to].lower())
        return found

    # -- clause patterns
    def _from_tag(self, start: int, end: int, span: QuoteSpan) -> str | None:
        """`, X said` / `, said X` right after the closing mark."""
        segment = self.text[start:end]
        lead = len(segment) - len(segment.lstrip(" ,.\u201d\"\u2014\u2013-"))
        words = list(_WORD.finditer(segment))[:12]
        for match in words:
            verb = match.group().lower()
            if verb in VERBS and verb not in _PARTICIPLES:
                v_start = start + match.start()
                if self.text[start + lead:v_start].strip():
                    if re.search(r"[.;!?]\s", self.text[start + lead:v_start]):
                        return None
                    return self._resolve_phrase(start + lead, v_start, span, after=start + match.end())
                return self._phrase_after(start + match.end(), end, span)
        return None

    def _from_left(self, start: int, end: int, span: QuoteSpan, prev) -> str | None:
        segment = self.text[start:end]
        quoted = re.search(r"\bquoted\s+(.+?)\s+as\s+saying\b", segment)
        if quoted:
            return self._resolve_phrase(start + quoted.start(1), start + quoted.end(1), span)
        according = self._according(start, end, span)
        verbs = [m for m in _WORD.finditer(segment) if m.group().lower() in VERBS]
        for verb in reversed(verbs):
            v_start = start + verb.start()
            before = self.text[start:v_start]
            if re.search(r"(?:\band|\bbut|,)\s*$", before) and verb is not verbs[0]:
                continue  # "X noted that ... and regretted": the subject is the earlier verb's
            if before.strip(" ,;\u2014\u2013-") and not _only_conjunction(before):
                return self._resolve_phrase(start, v_start, span)
            if prev is not None:
                return prev[1]  # "..., saying", "and added": the speaker of the quote before
            return according
        return according

    def _from_right(self, start: int, end: int, span: QuoteSpan) -> str | None:
        according = self._according(start, end, span)
        if according:
            return according
        segment = self.text[start:end]
        for match in _WORD.finditer(segment):
            if match.group().lower() in VERBS and match.group().lower() not in _PARTICIPLES:
                v_start = start + match.start()
                clause = self.text[start:v_start]
                cut = max(clause.rfind(","), clause.rfind(";"))
                return self._resolve_phrase(start + cut + 1, v_start, span, after=start + match.end())
        return None

    def _according(self, start: int, end: int, span: QuoteSpan) -> str | None:
        match = re.search(r"\b[Aa]ccording to\s+([^,.;\u201c\u201d\"]+)", self.text[start:end])
        if not match:
            return None
        return self._resolve_phrase(start + match.start(1), start + match.end(1), span)

    def _from_sentence_before(self, p_start: int) -> str | None:
        """The speaker named in the sentence just before a paragraph that opens with a quote."""
        prev_end = self.text.rfind("\n", 0, max(p_start - 1, 0))
        while prev_end > 0 and not self.text[prev_end:p_start].strip():
            prev_end = self.text.rfind("\n", 0, prev_end)
        start = prev_end + 1
        end = p_start
        sent = self._sentence_start(end - 1, start)
        for pos, speaker, _kind, _st in reversed(self.history):
            if sent <= pos < end:
                return speaker
        return None

    # -- phrases -> speakers
    def _phrase_after(self, start: int, end: int, span: QuoteSpan) -> str | None:
        """The subject after an inverted verb: `said Major General X, spokesman for Y`."""
        stop = end
        for cut in re.finditer(r"[,;.](?=\s|$)", self.text[start:end]):
            at = start + cut.start()
            if cut.group() == "." and _ABBREV.search(self.text[max(start, at - 12):at + 1]):
                continue  # "said Lt. Maria Lopez"
            stop = at
            break
        return self._resolve_phrase(start, stop, span)

    def _resolve_phrase(self, start: int, end: int, span: QuoteSpan, after: int | None = None) -> str | None:
        cut = list(re.finditer(r"\b(?:that|which|because|after|before|when|while|since|although|though)\s",
                               self.text[start:end]))
        if cut and self.text[start + cut[-1].end():end].strip():
            start = start + cut[-1].end()
        phrase = self.text[start:end]
        last = phrase.split()[-1].lower() if phrase.split() else ""
        if last in ("he", "she", "it", "who") and len(phrase.split()) > 1:
            start, phrase = end - len(last) - 1, " " + last
        persons = [e for e in self.persons if start <= e.start and e.end <= end and not self._in_quote(e.start)]
        if persons:
            # A one-word PERSON next to a full name is often an NER slip ("Bedford school
            # superintendent Chip McGee"): full names first, then the first in the clause.
            full = [e for e in persons if " " in e.text.strip()]
            return self._extend((full or persons)[0], end)
        words = phrase.strip(" ,;:\u2014\u2013-").split()
        if not words:
            return None
        low = " ".join(w.lower() for w in words)
        if low in ("he", "she", "he also", "she also"):
            return self._last(kind="PER", before=span.open)
        if low in ("it", "it also"):
            return self._last(kind="ORG", before=span.open)
        if low == "who":
            earlier = [e for e in self.persons if e.end <= start and start - e.end < 200]
            return earlier[-1].text if earlier else self._last(kind="PER", before=span.open)
        noun_phrase = _noun_phrase(phrase)
        if not noun_phrase:
            return None
        return self._role_or_name(noun_phrase, span, after)

    def _extend(self, ent: _Ent, limit: int) -> str:
        """A person's name as written, when NER cut it short ("Clara" of "Clara Obi")."""
        more = re.match(r"(?:\s[A-Z][\w'’\-]+)+", self.text[ent.end:limit])
        if more and not any(w.lower() in VERBS for w in more.group().split()):
            return self.text[ent.start:ent.end + more.end()]
        return ent.text

    def _role_or_name(self, phrase: str, span: QuoteSpan, after: int | None) -> str | None:
        words = phrase.split()
        head = words[-1].lower().strip(",.")
        definite = words[0].lower() in ("the", "this", "that")
        capitalised = any(w[:1].isupper() for w in words[1:]) or (not definite and words[0][:1].isupper())
        if head == "statement" and definite:
            return self._last(statement=True, before=span.open) or phrase
        if head in _PERSON_ROLES and definite:
            named = self._apposition(after, span)
            if named:
                self.learned.setdefault(named, set()).add(_PERSON_ROLES[head])
                return named
            mods = {w.lower() for w in words[1:-1]} & _ROLE_MODIFIERS
            return self._role_person(_PERSON_ROLES[head], span.open, mods) or (None if not capitalised else phrase)
        if head in _ORG_HEADS and definite and not capitalised:
            return self._last(kind="ORG", before=span.open, head=head) or phrase
        return phrase

    def _apposition(self, after: int | None, span: QuoteSpan) -> str | None:
        """`the spokesman said in a statement, Yahya Rasul.`: a name right after the verb."""
        if after is None:
            return None
        p_end = self._paragraph(after)[1]
        window_end = min(p_end, after + 80)
        for e in self.persons:
            if after <= e.start < window_end and not self._in_quote(e.start):
                between = self.text[after:e.start]
                if "," in between and len(between.split()) <= 7 and not any(m in between for m in _MARKS) \
                        and not re.search(r"\bthat\b", between):
                    return e.text
        return None

    def _role_person(self, role: str, before: int, mods: set[str] = frozenset()) -> str | None:
        """The last person speaker known to fit ``role`` (and its modifiers: "prime" minister),
        else the last one whose role is unknown, else the last person named with that role,
        else the last person speaker."""
        people = [(speaker, self._person_roles(speaker)) for pos, speaker, kind, _st in reversed(self.history)
                  if pos < before and kind == "PER"]
        for accept in (lambda roles: role in roles and mods <= roles, lambda roles: not roles):
            for speaker, roles in people:
                if accept(roles):
                    return speaker
        for e in reversed(self.persons):
            if e.start < before and role in self.roles[id(e)] and mods <= self.roles[id(e)]:
                return e.text
        return self._last(kind="PER", before=before)

    def _person_roles(self, speaker: str) -> set[str]:
        roles = set(self.learned.get(speaker, ()))
        for e in self.persons:
            if _same_person(e.text, speaker):
                roles |= self.roles[id(e)]
        return roles

    def _roles(self, ent: _Ent) -> set[str]:
        """Role words next to a person's name: "National Security Council spokesman X",
        "X, a spokesperson for ..."."""
        before = self.text[max(0, ent.start - 60):ent.start].lower().split()[-6:]
        after = self.text[ent.end:ent.end + 60].lower()
        words = list(before)
        if after.startswith(","):
            words += after[1:].split(",")[0].split()[:5]
        words = [w.strip(",.") for w in words]
        return {_PERSON_ROLES[w] for w in words if w in _PERSON_ROLES} | (set(words) & _ROLE_MODIFIERS)

    # -- memory of named speakers
    def _remember(self, pos: int, speaker: str, statement: bool) -> None:
        kind = "PER" if any(_same_person(e.text, speaker) for e in self.persons) else "ORG"
        self.history.append((pos, speaker, kind, statement))
        self.history.sort(key=lambda h: h[0])

    def _last(self, kind: str | None = None, before: int = 10**12, statement: bool = False,
              head: str | None = None) -> str | None:
        for pos, speaker, k, st in reversed(self.history):
            if pos >= before:
                continue
            if kind and k != kind or statement and not st:
                continue
            if head and head not in speaker.lower():
                continue
            return speaker
        return None

    def _scan_clauses(self) -> None:
        """Named subjects of reporting verbs outside quotes ("Kirby said the US ..."), so that a
        later "he said" finds them; and sources of statements ("a statement issued by X")."""
        for match in _VERB_RE.finditer(self.text):
            if self._in_quote(match.start()):
                continue
            p_start, _ = self._paragraph(match.start())
            sent = self._sentence_start(match.start(), p_start)
            clause = self.text[sent:match.start()]
            bound = re.search(r"\b(?:that|which|because|after|before|when|while)\s", clause)
            limit = sent + bound.start() if bound else match.start()
            persons = [e for e in self.persons if sent <= e.start and e.end <= limit
                       and not self._in_quote(e.start)]
            if persons:
                statement = "statement" in self.text[sent:match.end() + 40].lower()
                self.history.append((match.start(), persons[0].text, "PER", statement))
        for match in re.finditer(r"\b[Ss]tatement (?:issued |released |published )?by\s+(?:the\s+)?"
                                 r"((?:[A-Z][\w'’\-.]*\s?)+)", self.text):
            self.history.append((match.start(), match.group(1).strip(), "ORG", True))
        for match in re.finditer(r"((?:[A-Z][\w'’\-.]*\s)+)(?:\w+\s)?(?:said|confirmed|announced) in a statement",
                                 self.text):
            if not self._in_quote(match.start()) and not any(e.start == match.start(1) for e in self.persons):
                self.history.append((match.start(), _noun_phrase(match.group(1)) or match.group(1).strip(), "ORG", True))
        self.history.sort(key=lambda h: h[0])

    # -- geometry
    def _in_quote(self, pos: int) -> bool:
        return any(a <= pos < b for a, b in self.inside)

    def _paragraph(self, pos: int) -> tuple[int, int]:
        start = self.text.rfind("\n", 0, pos) + 1
        end = self.text.find("\n", pos)
        return start, (len(self.text) if end < 0 else end)

    def _sentence_start(self, pos: int, p_start: int) -> int:
        """Start of the sentence holding ``pos``: after the last sentence end outside quotes."""
        best = p_start
        for match in re.finditer(r"[.!?](?=\s+[A-Z\u201c\"(])", self.text[p_start:pos]):
            at = p_start + match.start()
            if not self._in_quote(at) and not _ABBREV.search(self.text[max(p_start, at - 12):at + 1]):
                best = at + 1
        return best

    def _right_end(self, start: int, p_end: int) -> int:
        """End of the attribution window after a quote: the sentence end or the next quote."""
        next_open = min([s.open for s in self.spans if s.open >= start] + [p_end])
        for match in re.finditer(r"[.!?](?=\s|$)", self.text[start:next_open]):
            at = start + match.start()
            if not _ABBREV.search(self.text[max(start, at - 12):at + 1]):
                return at + 1
        return next_open

    def _previous_quote(self, span: QuoteSpan, p_start: int):
        earlier = [v for k, v in self.previous.items() if k < span.open and k >= p_start]
        return earlier[-1] if earlier else None


def _same_person(name: str, speaker: str) -> bool:
    return name == speaker or name.endswith(" " + speaker) or speaker.endswith(" " + name)


def _only_conjunction(text: str) -> bool:
    return text.strip(" ,;\u2014\u2013-").lower() in ("and", "but", "while", "as", "then", "and then", "before")


_NOT_SUBJECT_START = frozenset("""in on at for to of by with from as after before when while but and so then
also however that which who where because if although though since during about were was is are be been
being has have had""".split())
_DETERMINERS = frozenset({"the", "a", "an", "two", "three", "several", "some", "many", "other"})


def _noun_phrase(phrase: str) -> str | None:
    """The subject noun phrase of a clause fragment: the last comma segment that is a phrase
    (not a parenthetical like "for their part"), named ones first ("The Observatory, a war
    monitor, said"), without trailing time words and adverbs."""
    segments = [_subject_segment(s) for s in re.split(r"[,;:\u2014\u2013]", phrase) if s.strip()]
    segments = [s for s in segments if s]
    named = [s for s in segments if _named_start(s)]
    return (named or segments or [None])[-1]


def _subject_segment(segment: str) -> str | None:
    segment = re.sub(r"^(?:and|but|while|as|then|so)\s+", "", segment.strip(), flags=re.I)
    segment = _TRAILING.sub("", segment).strip()
    words = segment.split()
    if not words or words[0].lower() in _NOT_SUBJECT_START or words[0].lower() in ("they", "we", "i", "you"):
        return None
    if words[0][:1].islower() and len(words) > 4 and words[0].lower() not in _DETERMINERS:
        return None  # a long lower-case stretch is a clause, not a subject ("police" is one)
    if len(words) > 8 or words[-1].lower() in ("they", "we", "i", "you", "what"):
        return None  # a clause, not the subject of the reporting verb
    return segment


def _named_start(segment: str) -> bool:
    words = segment.split()
    first = words[1] if words[0].lower() == "the" and len(words) > 1 else words[0]
    return first[:1].isupper()
