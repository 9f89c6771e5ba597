"""Who says so: the claimant a sentence or a quotation attributes a statement to.

Rules (first that matches; the first three are explicit attributions):

1. inside a quotation: the quote's speaker (``item.quotes``), else the attribution next to the
   quotation marks (``"...," the statement said``; ``X said: "..."``), even when the quotation
   runs over several sentences;
2. in the claim's sentence: ``according to X``; ``..., X said/reported/announced``;
   ``..., said X``; ``X said/announced/made clear (that) ...``; ``Y quoted X as saying``;
3. anaphora ("he", "the statement", "the official", "the ministry") take the explicit claimant
   of an earlier sentence (up to three back) that fits: any for pronouns and "the statement",
   a name holding the head noun for "the ministry"; "he"/"she" else the last PERSON mention;
4. else the article's outlet (``Article.outlet``), or ``"the article"``.

Tidying: "the", parenthesised acronyms, appositions and time words ("on Saturday", "in a
statement") go; "a statement issued by X" / "the latest tally from X" become X; a role before
a name ("Defense Secretary Lloyd Austin", "The mayor of X, Jane Doe") becomes the name; a bare
surname becomes the longest name ending with it ("Kirby" -> "John Kirby").
"""

from __future__ import annotations

import re

from ..model import AnnotatedArticle, Span

__all__ = ["ClaimantFinder", "clean_claimant", "find_claimant", "find_quote_speaker"]

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


class ClaimantFinder:
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
    # _QUOTED_AS (re.I) tries every word as the start of a name: only run it when "quoted" is there
    # (its letters have no non-ASCII case twins, so lower() finds every spelling re.I would)
    quoted = _QUOTED_AS.search(sentence) if "quoted" in sentence.lower() else None
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
