"""Counted casualty statements of one sentence ("three people were killed", "killing three
and wounding more than 40"), and every casualty statement of a text: these with the single
victims of :mod:`.single_victims`. See the package docstring for the rules."""

from __future__ import annotations

import re

from ..numbers import Quantity, find_quantities
from .incident import earlier_clause, mask_not_dead
from .lists import victim_lists
from .record import Statement
from .single_victims import FEMALE_WORDS, MALE_WORDS, PERSON_NOUN, _SHOT_AT, _overlaps, _singles

__all__ = ["Statement", "find_statements", "LEAD_CHARS", "BACKGROUND", "PERSON_NOUN", "MALE_WORDS", "FEMALE_WORDS"]

_PERSON_NOUN = (
    r"(?:people|persons?|men|man|women|woman|children|child|kids?|teens?|teenagers?|boys?|girls?|"
    r"adults?|victims?|civilians?|soldiers?|troops|service\s*(?:members|men|women)|servicemen|"
    r"militiamen|militants?|fighters?|insurgents?|rebels?|gunmen|officers?|deputies|deputy|policemen|"
    r"police\s+officers|members?|students?|residents?|bystanders?|others|individuals?|juveniles?|"
    r"infants?|babies|baby|toddlers?|relatives|workers?|employees?|worshippers|protesters|passengers?|"
    r"customers?|patrons?|guests?|pedestrians?|males?|females?|suspects?|family\s+members|"
    r"villagers|co-?workers|colleagues|classmates|friends|neighbou?rs|hostages|sailors|marines|pilots|miners|"
    r"journalists|hunters|hikers|tourists|shoppers|fans|partygoers|siblings|brothers|sisters|sons|daughters|"
    r"parents|firefighters|troopers|agents|guards|inmates|prisoners|refugees|migrants|worshipers|"
    r"[A-Z][a-z]+(?:ans|is|ese|ians))"
)
# Before a passive casualty verb any plural noun counts people ("three hikers were killed");
# not units or things, which an active verb could take ("shot from 70 yards").
_ANY_PLURAL = (
    r"(?:{known}|(?!(?:was|has|this|his|its|yes|does|goes|always|perhaps|whereas|times|rounds|shots|bullets|"
    r"hours|days|weeks|months|years|minutes|seconds|counts|calls|cars|vehicles|homes|houses|buildings|targets|"
    r"shells|rockets|yards|feet|miles|inches|meters|points|dollars|cents|votes)\b)[a-z][a-z-]*[a-rtv-z]s)"
)


def _noun_phrase(head: str) -> str:
    """Up to five words ending in ``head`` ("three US service members", "18 members of the
    militia"), or a partitive ("of them", "of the victims")."""
    # the words before the head never cross a casualty word ("1 dead after 4 people shot": "1" is not people shot)
    return (
        r"(?:(?:(?!(?:dead|killed|died|injured|wounded|hurt|after|before)\b)[\w'’-]+\s+){0,5}?" + head + r"\b"
        r"(?:\s+(?:of|from|in)\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+?(?=[\s,]))?"
        r"|of\s+(?:the|them|those|whom|these|his|her|their)(?:\s+[\w'’-]+){0,2}?)"
    )


_NP = _noun_phrase(_PERSON_NOUN)
_NP_OPEN = _noun_phrase(_ANY_PLURAL.format(known=_PERSON_NOUN))
_KILLED = (
    r"shot\s+(?:and\s+)?killed|shot\s+dead|shot\s+to\s+death|gunned\s+down|"
    r"fatally(?:\s+(?:shot|wounded|injured|struck|hit))?|"
    r"pronounced\s+dead|found\s+(?:shot\s+(?:and\s+killed|dead|to\s+death)|fatally\s+shot|slain|murdered|dead)|"
    r"killed|dead|died|dies|die|slain|murdered|perished|"
    r"lost\s+their\s+lives|deaths|fatalities"
)
_INJURED = (
    r"shot\s+and\s+(?:wounded|injured)|wounded|injured|hurt|hospitali[sz]ed|critically|seriously|"
    r"treated|injuries|(?:suffer(?:ed|ing|s)?|sustain(?:ed|ing|s)?|with)\s+(?:[\w-]+\s+){0,4}?(?:injuries|wounds?)|in\s+(?:critical|serious|stable|fair|good|grave)\s+condition"
)
_SHOT = (
    rf"shot{_SHOT_AT}|struck\s+by\s+(?:gunfire|bullets)|hit\s+by\s+(?:gunfire|bullets)|victims|"
    r"(?:taken|transported|rushed|airlifted|flown|brought)\s+to\s+(?:[\w.'’-]+\s+){0,4}?(?:hospitals?|medical)"
)
_AUX = r"(?:(?:were|was|have|has|had|are|is|been|being|got|all|also|reportedly|allegedly|later|both|each|subsequently|then|who|that)\s+){0,4}"
_AFTER = re.compile(
    rf"^\s*(?:(?P<np>{_NP_OPEN})\s*)?(?:,\s*ages?\s+[\d,\s]+(?:and\s+\d+)?,\s*|,[^,.;]{{1,60}},\s*)?{_AUX}"
    rf"(?:(?P<k>{_KILLED})|(?P<i>{_INJURED})|(?P<s>{_SHOT}))\b",
    re.IGNORECASE,
)
_ACTIVE = re.compile(
    r"(?:(?P<k>killing|killed|kills|kill|claimed\s+the\s+lives\s+of|took\s+the\s+lives\s+of|"
    r"fatally\s+(?:shot|shooting|shoot|shoots|wounding|wounded|wound|injuring))"
    r"|(?P<i>wounding|wounded|wounds|wound|injuring|injured|injures|injure|hurting)"
    r"|(?P<s>shooting|shot|shoots)"
    r"|(?P<left>left|leaving))\s+$",
    re.IGNORECASE,
)
_ACTIVE_OBJECT = re.compile(
    rf"^\s*(?:{_NP}|(?=$|[,.;:]|\s+(?:and|in|including|on|at|during|when|while|as|after|before)\b))", re.I
)
_LEFT_OBJECT = re.compile(
    rf"^\s*(?:{_NP}\s+)?(?:(?P<k>dead|fatally\s+wounded)|(?P<i>injured|wounded|hurt|with\s+(?:[\w-]+\s+){{0,4}}?(?:injuries|wounds?)))\b", re.I
)
_KIN_OF = re.compile(r"\b(?:father|mother|parent|dad|mom|grandmother|grandfather|grandparent|one|each|all|both|none|two|three)\s+of\s+$", re.I)
_PARTITIVE = re.compile(r"\b(?:one|two|three|four|five|\d+|each|all|both|none|some|most)\s+of\s+(?:(?:the|those|these)\s+)?$", re.I)
_SUBSET_OF = re.compile(r"\s*of\s+(?:the|those|these)\s+(?:wounded|injured|hurt|dead)\b", re.I)
_TOLL = re.compile(
    r"\bdeath\s+toll\b(?:\s+\w+){0,3}?\s+(?:to|at|of|is|was)\s+$"
    # "the number of people killed in Tuesday's strike has risen to seven"
    r"|\bnumber\s+of\s+(?:people\s+|those\s+|victims\s+|civilians\s+)?(?:killed|dead)\b[^.;]{0,120}?"
    r"\b(?:risen|rose|climbed|increased|grown|jumped|reached|stands?|stood)\s+(?:to|at)\s+$",
    re.I,
)
_NOT_PERSON = re.compile(r"^\s*(?:times|rounds|shots|bullets|hours|days|weeks|months|years|minutes|dogs?|cats?|counts?|yards|feet|miles|calls)\b", re.I)
_NEGATION = re.compile(r"\b(?:no|not|nobody|none|never)\s+(?:\w+\s+)?$", re.I)
_ZERO = re.compile(
    r"\b(?:no\s+one|nobody|none\s+of\s+(?:the|them)\w*|no\s+other\s+(?:people|persons|one)|no(?:\s+other)?\s+"
    r"(?:injuries|deaths|fatalities|casualties))\b(?:\s+\w+){0,4}?\s*(?P<w>(?:was|were)\s+(?:\w+\s+)?(?:injured|hurt|wounded|struck|hit|shot|killed)|reported|injured|hurt|killed)",
    re.IGNORECASE,
)
BACKGROUND = re.compile(
    r"\b(?:this\s+year|so\s+far|last\s+year|per\s+year|each\s+year|every\s+year|a\s+year\b|annually|"
    r"since\s+(?:january|the\s+start|the\s+beginning|19\d\d|20\d\d)|year-to-date|nationwide|statewide|"
    r"(?:separate|unrelated|similar|earlier|previous|another)\s+(?:[\w-]+\s+)?(?:shooting|incident|attack|case|homicide)s?)\b"
    r"|\blast\s+(?:january|february|march|april|may|june|july|august|september|october|november|december|summer|spring|fall|winter)"
    r"|^\s*\d{1,2}:\d\d\s",  # a video playlist line ("1:27 Man dies after ...")
    re.IGNORECASE,
)


# Where an article's own account ends, in characters of text: later sentences more often
# recount other cases ("related stories", earlier shootings); see article_totals.
LEAD_CHARS = 1200


def find_statements(text: str, sentences: list[tuple[int, int]], persons: list[tuple[int, int]]) -> list[Statement]:
    """Casualty statements of ``text``, sentence by sentence, in text order."""
    text = mask_not_dead(text)
    quantities = [q for q in find_quantities(text) if q.unit is None and isinstance(q.value, int)]
    found: list[Statement] = []
    for s_start, s_end in sentences:
        sentence = text[s_start:s_end]
        inside = [q for q in quantities if s_start <= q.start and q.end <= s_end]
        names = [(a, b) for a, b in persons if s_start <= a and b <= s_end]
        background = bool(BACKGROUND.search(sentence))
        counted = _with_lists(_counted(text, sentence, s_start, s_end, inside), sentence, s_start, s_end, text)
        counted += _zeros(sentence, s_start, s_end)
        counted += _multiples(sentence, s_start, s_end, counted)
        singles = _singles(text, sentence, s_start, s_end, names, counted)
        for item in counted + singles:
            item.background, item.text = background, sentence
            item.earlier = earlier_clause(sentence[: item.start - s_start])
        found.extend(sorted(counted + singles, key=lambda st: (st.start, st.slot)))
    return found


def _counted(text: str, sentence: str, s_start: int, s_end: int, quantities: list[Quantity]) -> list[Statement]:
    found = []
    for q in quantities:
        after = text[q.end:s_end]
        before = text[s_start:q.start]
        if q.value > 100000 or _NEGATION.search(before) or _not_a_count(q, before, after):
            continue
        if _PARTITIVE.search(before):  # "one of the five people shot": five victims, one did the verb
            if re.match(rf"^\s*(?:{_NP})\s+{_AUX}(?:{_SHOT}|{_INJURED}|{_KILLED})", after, re.I):
                found.append(Statement("shot", q, q.start, q.end, (s_start, s_end)))
            continue
        if _KIN_OF.search(before):  # "a father of two": not victims
            continue
        if _SUBSET_OF.match(after):  # "two of the wounded were in critical condition": a part, not a total
            continue
        slot, end, scope = _after_slot(after, q.end)
        active = False
        if slot is None:
            slot, end, scope = _before_slot(before, after, q.end)
            active = True
        if slot is None:
            continue
        if not active and q.qualifier == "exact" and _one_more(before, text[q.end:end]):
            q = Quantity(q.value + 1, "exact", q.value + 1, q.value + 1, q.start, q.end, q.text)
        found.append(Statement(slot, q, q.start, end, (s_start, s_end), scope=scope, active=active))
    return found


def _with_lists(counted: list[Statement], sentence: str, s_start: int, s_end: int, text: str) -> list[Statement]:
    """Counted statements, with each victim list (see :mod:`.lists`) replacing the counts
    inside it ("four adults and two children were killed" is six, not four and two)."""
    for found in victim_lists(sentence):
        start, end = s_start + found.start, s_start + found.end
        counted = [st for st in counted if not start <= st.start < end]
        q = Quantity(found.count, "exact", found.count, found.count, start, end, text[start:end])
        counted.append(Statement("killed", q, start, end, (s_start, s_end), active=found.active,
                                 with_shooter=found.with_shooter))
    return sorted(counted, key=lambda st: st.start)


_AGES = re.compile(r"\bages?\s+(?:\d{1,3}\s*,?\s*(?:and\s+)?)*$", re.I)


def _not_a_count(q: Quantity, before: str, after: str) -> bool:
    """Ages and units, not numbers of people: "ages 25, 26 and 33, were hurt", "Lee, 24 was
    shot" (a count above one takes a plural verb), "10 months after a man was shot"."""
    if _AGES.search(before) or _NOT_PERSON.match(after):
        return True
    return q.value > 1 and bool(re.match(r"^\s*(?:was|is|has)\b", after, re.I))


_NAME = r"\b[A-Z][a-z'’-]+(?:\s+[A-Z]\.)?\s+[A-Z][a-z'’-]+"
_ONE_BEFORE = re.compile(rf"(?:(?i:{PERSON_NOUN.pattern})|{_NAME})\s*,?\s+(?i:and)\s+(?i:(?:his|her|their)\s+)?$")
_ONE_AFTER = re.compile(rf"\band\s+{PERSON_NOUN.pattern}\s*$", re.I)


def _one_more(before: str, phrase: str) -> bool:
    """True when one more person shares the count's verb: "a mother and her two children
    were found dead", "two children and an adult male were found dead" (three dead)."""
    head = before[-80:]
    one = _ONE_BEFORE.search(head)
    if one:  # not the object of another casualty verb ("killed his wife and two children were hurt")
        return not re.search(r"\b(?:kill|shoot|shot|wound|injur|murder|stab)\w*\s+$", head[: one.start()], re.I)
    subject = re.split(r"\s+(?:were|was|are|is|have|has|had|been|died|dead)\b", phrase, maxsplit=1, flags=re.I)[0]
    return bool(_ONE_AFTER.search(subject))


def _after_slot(after: str, offset: int) -> tuple[str | None, int, str | None]:
    match = _AFTER.match(after)
    if not match:
        return None, 0, None
    slot = "killed" if match.group("k") else "injured" if match.group("i") else "shot"
    scope = _scope(match.group("np"), after[match.end():])
    return slot, offset + match.end(), scope


def _before_slot(before: str, after: str, offset: int) -> tuple[str | None, int, str | None]:
    if _TOLL.search(before):
        return "killed", offset, None
    match = _ACTIVE.search(before)
    if not match or _NOT_PERSON.match(after):
        return None, 0, None
    if match.group("left"):
        left = _LEFT_OBJECT.match(after)
        if not left:
            return None, 0, None
        return ("killed" if left.group("k") else "injured"), offset + left.end(), None
    obj = _ACTIVE_OBJECT.match(after)
    if not obj:
        return None, 0, None
    slot = "killed" if match.group("k") else "injured" if match.group("i") else "shot"
    noun = re.match(rf"^\s*({_NP})", after[: obj.end()], re.I)
    return slot, offset + obj.end(), _scope(noun.group(1) if noun else None, after[obj.end():])


def _scope(noun_phrase: str | None, rest: str) -> str | None:
    """A short scope: the group counted (unless generic) and the place after "in"."""
    parts = []
    if noun_phrase:
        phrase = re.sub(r"^(?:of\s+)?(?:the|these|those|them|whom|his|her|their)\b\s*", "", noun_phrase.strip(), flags=re.I)
        if phrase and not re.fullmatch(r"(?:people|persons?|others|individuals?|victims?)", phrase, re.I):
            parts.append(phrase)
    place = re.match(r"^\s*(?:[\w-]+\s+){0,2}?in\s+((?:[A-Z][\w'’-]+)(?:\s+[A-Z][\w'’-]+)*(?:'s)?)", rest)
    if place:
        parts.append(re.sub(r"['’]s$", "", place.group(1)))
    return ", ".join(parts) or None


def _zeros(sentence: str, s_start: int, s_end: int) -> list[Statement]:
    found = []
    for match in _ZERO.finditer(sentence):
        word = match.group("w").lower()
        slot = "killed" if "killed" in word else "injured"
        q = Quantity(0, "exact", 0, 0, s_start + match.start(), s_start + match.end(), match.group(0))
        found.append(Statement(slot, q, q.start, q.end, (s_start, s_end)))
    return found


_MULTIPLE = re.compile(
    r"\b(?P<n>double|triple|quadruple)[- ](?:(?P<k>homicides?|murders?|killings?|slayings?|fatal\s+shootings?)|(?P<s>shootings?))\b",
    re.IGNORECASE,
)
_MULTIPLE_COUNT = {"double": 2, "triple": 3, "quadruple": 4}


def _multiples(sentence: str, s_start: int, s_end: int, counted: list[Statement]) -> list[Statement]:
    """"a double homicide" (two killed), "a triple shooting" (three shot): a count in a noun."""
    found = []
    for match in _MULTIPLE.finditer(sentence):
        start, end = s_start + match.start(), s_start + match.end()
        if _overlaps(start, end, [(st.start, st.end) for st in counted]):
            continue
        n = _MULTIPLE_COUNT[match.group("n").lower()]
        q = Quantity(n, "exact", n, n, start, end, match.group(0))
        found.append(Statement("killed" if match.group("k") else "shot", q, start, end, (s_start, s_end)))
    return found
