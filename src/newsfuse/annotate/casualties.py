"""Casualty statements: who was killed, injured or shot, sentence by sentence and per article.

Two kinds of statement are read from each sentence (patterns over the sentence text, the
numbers of :mod:`.numbers` and spaCy's PERSON entities; no parser):

* counted statements: a number with a casualty verb or noun around it, in either voice
  ("three people were killed", "18 militiamen were killed in Syria", "killing three and
  wounding more than 40", "left two dead", "16 dead", "two people were shot, one fatally",
  "another two, including a baby, were hospitalized", "the death toll rose to 5");
* single victims: one person with a casualty verb ("Antonio Mason, 35, died at the scene",
  "a 21-year-old man was shot and wounded", "the victim was pronounced dead", "he suffered
  non-life threatening injuries", "police shot and killed the suspect").

Slots: ``killed``, ``injured`` (hurt and alive) and ``shot`` (hit by gunfire, alive or not,
the way local news counts victims: "three people were shot, one fatally"). Every statement
becomes a sentence-level :class:`~newsfuse.model.Claim` (``level="sentence"``).

Article totals (``level="article"``), one per slot with a figure, from the title and the
*lead* (sentences starting in the first ``LEAD_CHARS`` characters: later ones more often
recount other cases, "related stories" and earlier shootings; past the lead a mention only
adds to victims already known; when the lead states nothing, the whole text is read):

* victims are merged across sentences by what identifies them: surname (a lone given
  name finds a full name), age, and descriptor ("a man", "the 17-year-old", "the victim",
  "he" = the last victim); mentions of one sentence about the same victim fold into one;
  a victim who "was shot" and later "died" counts as killed; "another"/"a second" starts a
  new victim; "one man was killed" is a victim too;
* killed = the largest counted killed statement, or the number of distinct killed victims
  when that is larger; when the counting sentence says a shooter killed them and then
  himself ("killing four ... before turning the gun on himself"), the shooter is added;
  vague words ("several") only when nothing exact is said;
* injured = the largest of: the counted injured statements; counted shot - killed; the
  victims said to be hurt and alive (wounded, hospitalized, "in stable condition",
  "expected to survive"), or, when nobody is reported dead, every victim shot;
* statements about other events are left out: sentences with running statistics ("this
  year", "so far", "since January"), about a "separate"/"unrelated"/"similar" case, "last
  July", and video-playlist lines;
* a headline without a counted or single statement still gives one victim when it has a
  killing word ("Teen killed in ...", "fatal shooting") or a wounding word ("Boy, 4, shot").

The article claim keeps the span and sentence of the statement that decided it; a title
statement has the title as its sentence and an empty span (0, 0).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import AnnotatedArticle, Claim
from . import component
from .numbers import Quantity, find_quantities

__all__ = ["Statement", "find_statements", "article_totals", "casualties", "sentence_spans", "entity_spans"]

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
    return (
        r"(?:(?:[\w'’-]+\s+){0,5}?" + head + r"\b"
        r"(?:\s+(?:of|from|in)\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+?(?=[\s,]))?"
        r"|of\s+(?:the|them|those|whom|these|his|her|their)(?:\s+[\w'’-]+){0,2}?)"
    )


_NP = _noun_phrase(_PERSON_NOUN)
_NP_OPEN = _noun_phrase(_ANY_PLURAL.format(known=_PERSON_NOUN))
_KILLED = (
    r"shot\s+(?:and\s+)?killed|shot\s+dead|shot\s+to\s+death|gunned\s+down|"
    r"fatally(?:\s+(?:shot|wounded|injured|struck|hit))?|"
    r"pronounced\s+dead|found\s+dead|killed|dead|died|dies|die|slain|murdered|perished|"
    r"lost\s+their\s+lives|deaths|fatalities"
)
_INJURED = (
    r"shot\s+and\s+(?:wounded|injured)|wounded|injured|hurt|hospitali[sz]ed|critically|seriously|"
    r"treated|injuries|(?:suffer(?:ed|ing|s)?|sustain(?:ed|ing|s)?|with)\s+(?:[\w-]+\s+){0,4}?(?:injuries|wounds?)|in\s+(?:critical|serious|stable|fair|good|grave)\s+condition"
)
_SHOT_AT = r"(?!\s+at\s*(?:[,.;]|$|(?:but|by|him|her|them|least|several|multiple|police|officers|deputies|the\s+(?:car|house|vehicle|home))\b))"
_SHOT = (
    rf"shot{_SHOT_AT}|struck\s+by\s+(?:gunfire|bullets)|hit\s+by\s+(?:gunfire|bullets)|victims|"
    r"(?:taken|transported|rushed|airlifted|flown|brought)\s+to\s+(?:[\w.'’-]+\s+){0,4}?(?:hospitals?|medical)"
)
_AUX = r"(?:(?:were|was|have|has|had|are|is|been|being|got|all|also|reportedly|allegedly|later|both|each|subsequently|then|who|that)\s+){0,4}"
_AFTER = re.compile(
    rf"^\s*(?:(?P<np>{_NP_OPEN})\s*)?(?:,[^,.;]{{1,60}},\s*)?{_AUX}"
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
_PARTITIVE = re.compile(r"\b(?:one|two|three|four|five|\d+|each|all|both|none|some|most)\s+of\s+(?:the|those|these)\s+$", re.I)
_TOLL = re.compile(r"\bdeath\s+toll\b(?:\s+\w+){0,3}?\s+(?:to|at|of|is|was)\s+$", re.I)
_NOT_PERSON = re.compile(r"^\s*(?:times|rounds|shots|bullets|hours|days|weeks|months|years|minutes|dogs?|cats?|counts?|yards|feet|miles|calls)\b", re.I)
_NEGATION = re.compile(r"\b(?:no|not|nobody|none|never)\s+(?:\w+\s+)?$", re.I)
_ZERO = re.compile(
    r"\b(?:no\s+one|nobody|none\s+of\s+(?:the|them)\w*|no\s+other\s+(?:people|persons|one)|no(?:\s+other)?\s+"
    r"(?:injuries|deaths|fatalities|casualties))\b(?:\s+\w+){0,4}?\s*(?P<w>(?:was|were)\s+(?:\w+\s+)?(?:injured|hurt|wounded|struck|hit|shot|killed)|reported|injured|hurt|killed)",
    re.IGNORECASE,
)
_BACKGROUND = re.compile(
    r"\b(?:this\s+year|so\s+far|last\s+year|per\s+year|each\s+year|every\s+year|a\s+year\b|annually|"
    r"since\s+(?:january|the\s+start|the\s+beginning|19\d\d|20\d\d)|year-to-date|nationwide|statewide|"
    r"(?:separate|unrelated|similar|earlier|previous|another)\s+(?:[\w-]+\s+)?(?:shooting|incident|attack|case|homicide)s?)\b"
    r"|\blast\s+(?:january|february|march|april|may|june|july|august|september|october|november|december|summer|spring|fall|winter)"
    r"|^\s*\d{1,2}:\d\d\s",  # a video playlist line ("1:27 Man dies after ...")
    re.IGNORECASE,
)

# Single victims ----------------------------------------------------------------------
_BE = r"(?:was|were|been|is|are|being|got|gets|has\s+been|had\s+been)\s+(?:(?:also|later|reportedly|allegedly|apparently|accidentally|then|possibly|critically|seriously|fatally|just|both|all)\s+){0,2}"
_SINGLE_KILLED = re.compile(
    rf"\b(?:{_BE}(?:shot\s+(?:and\s+)?killed|shot\s+dead|shot\s+to\s+death|killed|slain|murdered|gunned\s+down|"
    r"fatally\s+(?:shot|wounded|injured|struck|hit)|pronounced\s+dead|found\s+dead|declared\s+dead|dead)"
    r"|(?:later\s+|has\s+|had\s+|then\s+)?(?:died|dies|succumbed)|did\s+not\s+survive|didn't\s+survive|"
    r"lost\s+(?:his|her|their)\s+li(?:fe|ves))\b",
    re.IGNORECASE,
)
_SINGLE_SHOT = re.compile(
    rf"\b(?:{_BE}(?:shot{_SHOT_AT}|grazed|(?:struck|hit)\s+(?:by\s+(?:a\s+)?(?:stray\s+)?(?:bullets?|gunfire|rounds?|shots?)|in\s+the|once|twice))"
    r"|(?:suffered|sustained|suffering|with|had|has)\s+(?:[\w-]+\s+){0,5}?(?:gunshot\s+wounds?|bullet\s+wounds?)"
    r"|(?:taken|transported|rushed|airlifted|flown|driven)\s+to\s+(?:[\w.'’-]+\s+){0,4}?(?:hospital|medical|trauma))\b",
    re.IGNORECASE,
)
# Hurt and alive: a victim said to be wounded, in some condition, expected to survive.
_SINGLE_HURT = re.compile(
    rf"\b(?:{_BE}(?:wounded|injured|hurt|hospitali[sz]ed|treated\s+and\s+released|released)"
    r"|(?:suffered|sustained|suffering|with|had|has)\s+(?:[\w-]+\s+){0,5}?(?:wounds?|injuries|injury)"
    r"|non-?\s*life[- ]threatening|expected\s+to\s+(?:survive|recover|be\s+okay|be\s+ok|live)|is\s+recovering|survived"
    r"|\bin\s+(?:critical|serious|stable|fair|good|grave|satisfactory)(?:\s+but\s+stable)?\s+condition)\b",
    re.IGNORECASE,
)
# "was shot and seriously wounded": shot and said to be hurt (alive) in one verb phrase.
_SINGLE_SHOT_HURT = re.compile(
    rf"\b{_BE}(?:shot|struck|hit)\s+and\s+(?:\w+ly\s+)?(?:wounded|injured|hurt)\b", re.IGNORECASE)
_SELF = re.compile(
    r"\b(?:(?P<k>turn(?:ed|ing|s)?\s+the\s+(?:gun|weapon|rifle|handgun)\s+on\s+(?:himself|herself)|"
    r"(?:killed|fatally\s+shot|fatally\s+shooting|shot\s+and\s+killed)\s+(?:himself|herself)|"
    r"(?:took|taking)\s+(?:his|her)\s+own\s+life|shot\s+(?:himself|herself)\s+to\s+death|murder-suicide)"
    r"|(?P<s>shot\s+(?:himself|herself)|shooting\s+(?:himself|herself)))\b",
    re.IGNORECASE,
)
# "one teen is dead and another injured": a second victim without a verb of its own.
_ANOTHER = re.compile(
    r"\banother\s+(?:(?P<noun>man|woman|boy|girl|teen|person|victim)\s+)?(?:(?:seriously|critically|was|is)\s+)*(?:injured|wounded|hurt|hospitali[sz]ed)\b",
    re.IGNORECASE,
)
_ACTIVE_SINGLE = re.compile(
    r"\b(?P<k>shot\s+and\s+killed|fatally\s+shot|killed|murdered)\s+(?=\S)|\b(?P<s>shot|wounded)\s+(?=(?:a|an|the|his|her)\s)",
    re.IGNORECASE,
)
_NOUN = re.compile(
    r"\b(?P<det>a|an|the|another|one|second|third|other|his|her|their)\s+(?:[\w-]+\s+){0,2}?"
    r"(?P<noun>man|woman|boy|girl|teen|teenager|child|toddler|infant|baby|person|victim|male|female|juvenile|"
    r"officer|deputy|trooper|student|driver|passenger|suspect|gunman|shooter|resident|father|mother|son|"
    r"daughter|brother|sister|wife|husband|girlfriend|boyfriend|friend|bystander|clerk|employee|customer|"
    r"cousin|uncle|aunt|grandmother|grandfather|nephew|niece|neighbor|homeowner|security\s+guard|"
    r"teacher|pastor|worker|guard|cashier|nurse|doctor|soldier|sailor|marine|pilot|journalist|reporter|"
    r"firefighter|agent|inmate|hunter|hiker|shopper|rapper|musician|player|coach|veteran|mechanic|owner|"
    r"manager|landlord|tenant|roommate|stepfather|stepson|grandson|granddaughter|fianc[ée]e?|partner|"
    r"newborn|motorist|cyclist|jogger|pedestrian|witness|patron|student|teenage\s+(?:boy|girl))\b",
    re.IGNORECASE,
)
_AGE = re.compile(r"\b(\d{1,3})[- ](?:year|yr)s?[- ]old\b|\b(\d{1,3})-(month|week)-old\b|(?:,|\()\s*(\d{1,2})\s*(?:,|\))", re.I)
_PRONOUN = re.compile(r"\b(?:he|she|him|her)\b", re.I)
_CLAUSE_CUT = re.compile(r"[;:—]|,\s+(?:and|but|while|after|when)\s|\s(?:while|after|when|but|before|as)\s", re.I)
_SPEAKER_AFTER = re.compile(r"^\W{0,3}(?:said|says|told|according|added|stated)\b", re.I)
_TITLE_BEFORE = re.compile(r"(?:\b(?:police|chief|sheriff|spokesman|spokeswoman|spokesperson|mayor|lt|sgt|capt|detective|director|attorney|judge|coroner|examiner)\.?\s+)$", re.I)
_SHOOTER = {"suspect", "gunman", "shooter"}
_MALE = {"man", "boy", "male", "father", "son", "brother", "husband", "boyfriend", "uncle", "grandfather", "nephew"}
_FEMALE = {"woman", "girl", "female", "mother", "daughter", "sister", "wife", "girlfriend", "aunt", "grandmother", "niece"}


# Where an article's own account ends, in characters of text: later sentences more often
# recount other cases ("related stories", earlier shootings); see article_totals.
LEAD_CHARS = 1200


@dataclass
class Statement:
    """One casualty statement of a sentence. ``victim`` holds the keys that identify a
    single victim ("name:mason", "age:35", "noun:man"); empty for counted statements."""

    slot: str
    quantity: Quantity | None
    start: int
    end: int
    sentence: tuple[int, int]
    scope: str | None = None
    victim: frozenset[str] = frozenset()
    definite: bool = True
    new_victim: bool = False
    background: bool = False
    title: bool = False  # read from the title: offsets index the title, not the text
    text: str = ""  # the sentence
    active: bool = False  # counted as the object of an active verb ("killing four")

    @property
    def value(self) -> int:
        return int(self.quantity.value) if self.quantity else 1


def find_statements(text: str, sentences: list[tuple[int, int]], persons: list[tuple[int, int]]) -> list[Statement]:
    """Casualty statements of ``text``, sentence by sentence, in text order."""
    quantities = [q for q in find_quantities(text) if q.unit is None and isinstance(q.value, int)]
    found: list[Statement] = []
    for s_start, s_end in sentences:
        sentence = text[s_start:s_end]
        inside = [q for q in quantities if s_start <= q.start and q.end <= s_end]
        names = [(a, b) for a, b in persons if s_start <= a and b <= s_end]
        background = bool(_BACKGROUND.search(sentence))
        counted = _counted(text, sentence, s_start, s_end, inside)
        counted += _zeros(sentence, s_start, s_end)
        singles = _singles(text, sentence, s_start, s_end, names, counted)
        for item in counted + singles:
            item.background, item.text = background, sentence
        found.extend(sorted(counted + singles, key=lambda st: (st.start, st.slot)))
    return found


def _counted(text: str, sentence: str, s_start: int, s_end: int, quantities: list[Quantity]) -> list[Statement]:
    found = []
    for q in quantities:
        after = text[q.end:s_end]
        before = text[s_start:q.start]
        if q.value > 100000 or _NEGATION.search(before) or _KIN_OF.search(before):
            continue
        if _PARTITIVE.search(before):  # "one of the five people shot": five victims, one did the verb
            if re.match(rf"^\s*(?:{_NP})", after, re.I):
                found.append(Statement("shot", q, q.start, q.end, (s_start, s_end)))
            continue
        slot, end, scope = _after_slot(after, q.end)
        active = False
        if slot is None:
            slot, end, scope = _before_slot(before, after, q.end)
            active = True
        if slot is None:
            continue
        found.append(Statement(slot, q, q.start, end, (s_start, s_end), scope=scope, active=active))
    return found


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


# Single victims ----------------------------------------------------------------------


def _singles(text: str, sentence: str, s_start: int, s_end: int, names: list[tuple[int, int]],
             counted: list[Statement]) -> list[Statement]:
    taken = [(st.start - s_start, st.end - s_start) for st in counted]
    found: list[Statement] = []
    triggers = [(m, "killed") for m in _SINGLE_KILLED.finditer(sentence)]
    triggers += [(m, "injured") for m in _SINGLE_SHOT_HURT.finditer(sentence)]
    triggers += [(m, "shot") for m in _SINGLE_SHOT.finditer(sentence)]
    triggers += [(m, "injured") for m in _SINGLE_HURT.finditer(sentence)]
    triggers.sort(key=lambda pair: pair[0].start())
    floor = 0  # a subject never reaches back past the previous casualty verb
    for match, slot in triggers:
        if _overlaps(match.start(), match.end(), taken):
            floor = max(floor, match.end())
            continue
        mine = _passive_victims(text, sentence, s_start, s_end, match, slot, names, floor)
        if not mine and found and found[-1].sentence == (s_start, s_end) and _same_subject(sentence[floor:match.start()]):
            # "was shot in the back and died", "... and taken to a hospital in stable condition"
            mine = [_single(slot, s_start, s_end, match, found[-1].victim, True, False)]
        found.extend(mine)
        taken.append((match.start(), match.end()))
        floor = max(floor, match.end())
    for match in _ANOTHER.finditer(sentence):
        if not _overlaps(match.start(), match.end(), taken):
            found.append(_single("injured", s_start, s_end, match, frozenset({f"noun:{match.group('noun') or 'person'}"}), False, True))
    for match in _SELF.finditer(sentence):
        if not _overlaps(match.start(), match.end(), taken):
            found.append(_self_victim(text, sentence, s_start, s_end, match, names))
    found.extend(_active_victims(text, sentence, s_start, s_end, names, taken))
    return found


def _same_subject(between: str) -> bool:
    """True when the words between two casualty verbs name nobody new."""
    if len(between) > 80 or re.search(r"[;:]", between):
        return False
    return not (_NOUN.search(between) or _PRONOUN.search(between) or re.search(r"\b[A-Z][a-z]+\s+[A-Z][a-z]+", between))


def _self_victim(text, sentence, s_start, s_end, match, names) -> Statement:
    """"shot himself", "turned the gun on himself": the subject, else the shooter."""
    slot = "killed" if match.group("k") else "shot"
    head = sentence[: match.start()]
    cut = max((m.end() for m in _CLAUSE_CUT.finditer(head)), default=0)
    found = _victim_keys(text, head[cut:], s_start + cut, names)
    keys = found[0][0] if len(found) == 1 and found[0][0] else frozenset({"noun:suspect"})
    if "murder-suicide" in match.group(0).lower():
        keys = frozenset({"noun:suspect"})
    # "the gunman ... killed himself": the shooter, not one of the victims described before
    shooter = bool({k[5:] for k in keys if k.startswith("noun:")} & _SHOOTER) and len(keys) == 1
    return _single(slot, s_start, s_end, match, keys, True, shooter and keys != frozenset({"noun:suspect"}))


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < b and a < end for a, b in spans)


def _single(slot: str, s_start: int, s_end: int, match: re.Match, keys: frozenset[str],
            definite: bool, new: bool) -> Statement:
    return Statement(slot, None, s_start + match.start(), s_start + match.end(), (s_start, s_end),
                     victim=keys, definite=definite, new_victim=new)


def _passive_victims(text, sentence, s_start, s_end, match, slot, names, floor=0) -> list[Statement]:
    """The subject of "was shot", "died", ...: the victims named or described just before."""
    head = sentence[: match.start()]
    cut = max([m.end() for m in _CLAUSE_CUT.finditer(head)] + [floor])
    segment_start = s_start + cut
    segment = head[cut:]
    if re.search(r"\b(?:they|both|people|others|men|women|victims)\s+(?:\w+\s+){0,2}$", segment, re.I):
        return []  # a plural subject without a number: counted elsewhere or unknown
    victims = _victim_keys(text, segment, segment_start, names)
    return [_single(slot, s_start, s_end, match, keys, definite, new) for keys, definite, new in victims]


def _victim_keys(text: str, segment: str, offset: int, names: list[tuple[int, int]]):
    """[(keys, definite, new victim)] for the victims a subject segment describes."""
    people = [
        (a, b) for a, b in names
        if offset <= a and b <= offset + len(segment)
        and not _SPEAKER_AFTER.match(text[b:b + 20]) and not _TITLE_BEFORE.search(text[max(0, a - 25):a])
        and not re.search(r"\b(?:by|to|with|from|in|at|of|on|near)\s+$", text[max(0, a - 6):a])
    ]
    age = _last_age(segment)
    noun = list(_NOUN.finditer(segment))
    noun_key = {f"noun:{noun[-1].group('noun').lower()}"} if noun else set()
    if people:
        chosen = people[-2:] if len(people) > 1 and re.fullmatch(r"\s*(?:,\s*)?and\s+", text[people[-2][1]:people[-1][0]]) else people[-1:]
        result = []
        for a, b in chosen:
            keys = set(_name_keys(text[a:b]))
            if len(chosen) == 1:
                keys |= ({f"age:{age}"} if age else set()) | noun_key
            result.append((frozenset(keys), True, False))
        return result
    several = _coordinated(segment)
    if len(several) > 1:
        return several
    if noun:
        det = noun[-1].group("det").lower()
        keys = noun_key | ({f"age:{age}"} if age else set())
        return [(frozenset(keys), det in ("the", "his", "her", "their"), det in ("another", "second", "third", "other"))]
    if age:
        definite = bool(re.search(r"\bthe\s+(?:\w+\s+)?$", segment[: segment.rfind(age.split("m")[0])] if age else "", re.I))
        return [(frozenset({f"age:{age}"}), definite, False)]
    if _PRONOUN.search(segment[-40:]):
        return [(frozenset(), True, False)]
    return []


def _coordinated(segment: str) -> list[tuple[frozenset[str], bool, bool]]:
    """Victims of a coordinated subject ("a 2-year-old boy and a man in his 20s")."""
    found = []
    for part in re.split(r",?\s+and\s+|,\s+", segment):
        noun = list(_NOUN.finditer(part))
        if noun:
            age = _last_age(part)
            det = noun[-1].group("det").lower()
            keys = {f"noun:{noun[-1].group('noun').lower()}"} | ({f"age:{age}"} if age else set())
            found.append((frozenset(keys), det in ("the", "his", "her", "their"), False))
    return found


def _last_age(segment: str) -> str | None:
    found = list(_AGE.finditer(segment))
    if not found:
        return None
    last = found[-1]
    if last.group(1):
        return last.group(1)
    if last.group(2):
        return f"{last.group(2)}{last.group(3)[0]}"
    return last.group(4)


def _name_keys(name: str) -> frozenset[str]:
    """"name:<surname>" and, for a full name, "first:<given name>" (a later "Antonio" or
    "Rucker" alone both find "Antonio Rucker Jr.")."""
    words = re.sub(r"['’]s$", "", name.strip()).split()
    words = [w.lower().strip(".,") for w in words if not re.fullmatch(r"(?:Jr|Sr|II|III|IV)\.?,?", w)] or [name.lower()]
    if len(words) == 1:
        return frozenset({f"name:{words[0]}"})
    return frozenset({f"name:{words[-1]}", f"first:{words[0]}"})


def _active_victims(text, sentence, s_start, s_end, names, taken) -> list[Statement]:
    """Objects: "police shot and killed the suspect", "the death of John Smith"."""
    found = []
    for match in _ACTIVE_SINGLE.finditer(sentence):
        if _overlaps(match.start(), match.end(), taken) or re.search(r"\b(?:was|were|been|being|be)\s+(?:\w+\s+)?$", sentence[: match.start()], re.I):
            continue
        keys = _object_keys(text, s_start + match.end(), names, sentence[match.end():])
        if keys:
            slot = "killed" if match.group("k") else "shot"
            found.append(_single(slot, s_start, s_end, match, keys[0], keys[1], keys[2]))
    for match in re.finditer(r"\b(?:death|killing|murder|fatal\s+shooting|slaying)\s+of\s+", sentence, re.I):
        keys = _object_keys(text, s_start + match.end(), names, sentence[match.end():], names_only=True)
        if keys and not _overlaps(match.start(), match.end(), taken):
            found.append(_single("killed", s_start, s_end, match, keys[0], keys[1], keys[2]))
    return found


def _object_keys(text, at, names, rest, names_only=False):
    for a, b in names:
        if at <= a <= at + 2:
            age = re.match(r"^\s*,\s*(\d{1,2})\s*,", text[b:b + 8])
            keys = set(_name_keys(text[a:b])) | ({f"age:{age.group(1)}"} if age else set())
            return frozenset(keys), True, False
    if names_only:
        return None
    noun = _NOUN.match(rest)
    if noun and noun.end() < 40:
        age = _last_age(rest[: noun.end()])
        det = noun.group("det").lower()
        keys = {f"noun:{noun.group('noun').lower()}"} | ({f"age:{age}"} if age else set())
        return frozenset(keys), det in ("the", "his", "her", "their"), det in ("another", "second", "third", "other")
    return None


# Article totals ----------------------------------------------------------------------


@dataclass
class _Victim:
    keys: set[str]
    killed: bool
    statement: Statement
    killed_by: Statement | None = None
    order: int = 0
    hurt: bool = False  # said to be wounded and alive (else only "shot")


def victims(statements: list[Statement], lead: int | None = LEAD_CHARS) -> list[_Victim]:
    """Distinct single victims of an article, merged across sentences (see the module doc).
    Past the lead (``lead`` characters of text) a mention only adds to known victims."""
    found: list[_Victim] = []
    for order, st in enumerate(_mentions(statements)):
        target = _match_victim(found, st)
        if target is None and not _in_lead(st, lead):
            continue
        if target is None:
            target = _Victim(set(), False, st)
            found.append(target)
        target.keys |= st.victim
        target.order = order
        if st.slot == "killed" and not target.killed:
            target.killed, target.killed_by = True, st
        target.hurt = target.hurt or st.slot == "injured" or st.new_victim
    return found


def _mentions(statements: list[Statement]) -> list[Statement]:
    """Single-victim statements, with those of one sentence about the same victim (same
    keys, or a bare pronoun after another mention) folded into one, killed first."""
    merged: list[Statement] = []
    for st in statements:
        if st.background or not _is_single(st):
            continue
        last = merged[-1] if merged else None
        if last is not None and last.sentence == st.sentence and last.title == st.title and (
            st.victim == last.victim or not st.victim or _generic(st.victim) or _generic(last.victim)
        ):
            slot = st.slot if _RANK[st.slot] > _RANK[last.slot] else last.slot
            merged[-1] = Statement(slot, None, last.start, max(st.end, last.end), last.sentence, last.scope,
                                   last.victim | st.victim, last.definite, last.new_victim, False, last.title, last.text)
            continue
        merged.append(st)
    return merged


def _generic(keys: frozenset[str]) -> bool:
    """Keys that say no more than "a victim" or "a person"."""
    return bool(keys) and keys <= {"noun:victim", "noun:person"}


_RANK = {"shot": 0, "injured": 1, "killed": 2}


def _is_single(st: Statement) -> bool:
    """A single victim: no number, or "one man was killed" (then keyed by its noun)."""
    if st.quantity is None:
        return True
    if st.quantity.value == 1 and st.quantity.qualifier == "exact" and not st.victim:
        noun = _NOUN.search(f"a {st.scope or 'person'}")
        st.victim = frozenset({f"noun:{noun.group('noun').lower()}"}) if noun else frozenset({"noun:person"})
        st.definite = False
        return True
    return False


def _kind(keys, prefix: tuple[str, ...]) -> set[str]:
    return {k for k in keys if k.startswith(prefix)}


def _match_victim(found: list[_Victim], st: Statement) -> _Victim | None:
    names = _kind(st.victim, ("name:", "first:"))
    ages = _kind(st.victim, ("age:",))
    nouns = {k[5:] for k in st.victim if k.startswith("noun:")}
    if names:
        hits = [v for v in found if _same_name(v.keys, names)]
        if not hits and ages:  # same age, and not two different full names
            hits = [v for v in found if ages & v.keys and not _other_full_name(v.keys, names)]
        if hits:
            return _merge(found, hits)
        return None if st.new_victim else _open_victim(found, st, nouns, ages)
    if ages:
        hits = [v for v in found if ages & v.keys and not _other_full_name(v.keys, names)]
        if hits:
            return max(hits, key=lambda v: v.order)
        return None if st.new_victim else _open_victim(found, st, nouns, ages, unnamed_only=False)
    if st.new_victim:
        return None
    recent = sorted(found, key=lambda v: v.order, reverse=True)
    if not nouns or nouns <= {"victim", "person"}:
        return recent[0] if recent else None
    same = [v for v in recent if nouns & {k[5:] for k in v.keys}]
    if same:
        return same[0]
    if st.definite:
        return next((v for v in recent if _compatible(v, nouns)), None)
    generic = [v for v in found if {k[5:] for k in v.keys} <= {"person", "victim"} and v.killed == (st.slot == "killed")]
    return generic[0] if len(generic) == 1 else None  # "one person killed" ... "one man was killed"


def _other_full_name(keys: set[str], names: set[str]) -> bool:
    """True when both carry a full name (given name and surname) and they differ."""
    mine = {k for k in names if k.startswith("first:")}
    theirs = {k for k in keys if k.startswith("first:")}
    return bool(mine and theirs and not _same_name(keys, names))


def _same_name(keys: set[str], names: set[str]) -> bool:
    """Full names match on the surname; a lone name matches a surname or a given name."""
    surnames = {k for k in names if k.startswith("name:")}
    if any(k.startswith("first:") for k in names):
        return bool(surnames & keys)
    lone = {k[5:] for k in surnames}
    return any(k.split(":", 1)[1] in lone for k in keys if k.startswith(("name:", "first:")))


def _open_victim(found, st, nouns, ages, unnamed_only=True) -> _Victim | None:
    """The one earlier victim, not yet named (or aged), that this mention can be."""
    def fits(v: _Victim) -> bool:
        if unnamed_only and _kind(v.keys, ("name:", "first:")):
            return False
        other_ages = _kind(v.keys, ("age:",))
        return _compatible(v, nouns) and not (ages and other_ages and not ages & other_ages)

    open_ = [v for v in found if fits(v)]
    if len(open_) > 1:
        open_ = [v for v in open_ if v.killed == (st.slot == "killed")]
    return open_[0] if len(open_) == 1 else None


def _merge(found: list[_Victim], hits: list[_Victim]) -> _Victim:
    first = hits[0]
    for other in hits[1:]:
        first.keys |= other.keys
        if other.killed and not first.killed:
            first.killed, first.killed_by = True, other.killed_by
        found.remove(other)
    return first


def _compatible(victim: _Victim, nouns: set[str]) -> bool:
    mine = {k[5:] for k in victim.keys if k.startswith("noun:")}
    male, female = (mine | nouns) & _MALE, (mine | nouns) & _FEMALE
    return not (male and female)


@dataclass
class Total:
    """An article's best figure for one slot and the statement that decided it."""

    slot: str
    value: int
    qualifier: str
    low: float | None
    high: float | None
    statement: Statement
    scope: str | None = None
    basis: str = "statement"  # "statement", "victims", "shot minus killed", "statement plus shooter"


def _in_lead(st: Statement, lead: int | None) -> bool:
    return st.title or lead is None or st.sentence[0] < lead


def article_totals(statements: list[Statement], lead: int | None = LEAD_CHARS) -> dict[str, Total]:
    """The article's best killed, injured and shot figures (see the module doc)."""
    if not any(_in_lead(s, lead) and not s.background for s in statements):
        lead = None  # the lead says nothing (a crawl's boilerplate, a late paragraph): read all
    people = victims(statements, lead)
    counted = [s for s in statements if s.quantity is not None and not s.background and _in_lead(s, lead)]
    totals: dict[str, Total] = {}
    killed = _best_counted(counted, "killed")
    dead = [v for v in people if v.killed]
    if dead and (killed is None or len(dead) > killed.value):
        killed = Total("killed", len(dead), "exact", len(dead), len(dead), dead[0].killed_by or dead[0].statement, basis="victims")
    elif killed is not None and killed.basis == "statement" and _shooter_died_apart(statements, killed):
        n = killed.value + 1  # "killed four ... then turned the gun on himself": four victims and the shooter
        killed = Total("killed", n, killed.qualifier, n, None if killed.high is None else n, killed.statement,
                       killed.scope, basis="statement plus shooter")
    k = killed.value if killed else 0
    shot = _best_counted(counted, "shot")
    injured = _best_counted(counted, "injured")
    if shot and shot.value - k > (injured.value if injured else 0) and shot.qualifier != "vague":
        n = shot.value - k
        injured = Total("injured", n, shot.qualifier, n, n if shot.high is not None else None, shot.statement, basis="shot minus killed")
    # Victims shot and not said to be dead count as injured when nobody died; when someone
    # did, only those said to be wounded and alive (a "shot" victim is often the dead one).
    alive = [v for v in people if not v.killed and (v.hurt or k == 0)]
    if alive and len(alive) > (injured.value if injured else 0):
        injured = Total("injured", len(alive), "exact", len(alive), len(alive), alive[0].statement, basis="victims")
    if people and (shot is None or len(people) > shot.value):
        shot = Total("shot", len(people), "exact", len(people), len(people), people[0].statement, basis="victims")
    for total in (killed, injured, shot):
        if total is not None:
            totals[total.slot] = total
    return totals


_SHOOTER_INCLUDED = re.compile(
    r"\b(?:including|plus|and)\s+(?:the\s+|a\s+)?(?:gunman|shooter|suspect|attacker|himself|herself|him)\b|\bself\b"
    r"|\b(?:gunman|shooter|suspect)\s+(?:and|among)\b|murder-suicide", re.I)


def _shooter_died_apart(statements: list[Statement], killed: Total) -> bool:
    """True when the sentence that counts the dead names them as the shooter's victims
    ("killing four ... before turning the gun on himself", "7 slain by a gunman who then
    killed himself") and says the shooter killed himself too."""
    counted = killed.statement
    same = [s for s in statements if s.sentence == counted.sentence and s.title == counted.title]
    if not any(s.slot == "killed" and "noun:suspect" in s.victim for s in same):
        return False
    by_shooter = counted.active or re.search(r"\bby\s+(?:a|an|the|his|her)\s+(?:[\w-]+\s+){0,2}?(?:gunman|shooter|man|woman|father|mother|husband|suspect)\b", counted.text, re.I)
    return bool(by_shooter) and not _SHOOTER_INCLUDED.search(counted.text)


def _best_counted(counted: list[Statement], slot: str) -> Total | None:
    """The largest exact-ish statement for ``slot``; vague ones only when alone."""
    mine = [s for s in counted if s.slot == slot]
    if not mine:
        return None
    precise = [s for s in mine if s.quantity.qualifier != "vague"] or mine
    best = max(precise, key=lambda s: (s.value, s.quantity.qualifier == "exact", -s.start))
    q = best.quantity
    return Total(slot, int(q.value), q.qualifier, q.low, q.high, best, scope=best.scope)


# The component -----------------------------------------------------------------------


def sentence_spans(item: AnnotatedArticle, doc) -> list[tuple[int, int]]:
    """Sentence spans: the pipeline's when set, else spaCy's (or the whole text)."""
    if item.sentences:
        return [(s.start, s.end) for s in item.sentences]
    if doc is not None and (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
        return [(s.start_char, s.end_char) for s in doc.sents]
    return [(0, len(item.article.text))] if item.article.text else []


def entity_spans(item: AnnotatedArticle, doc, labels: tuple[str, ...]) -> list[tuple[int, int]]:
    """Spans of entities with ``labels``: the pipeline's mentions when set, else spaCy's."""
    if item.mentions:
        return sorted((m.start, m.end) for m in item.mentions if m.label in labels)
    if doc is None:
        return []
    return [(e.start_char, e.end_char) for e in doc.ents if e.label_ in labels]


def _claim(item: AnnotatedArticle, slot: str, q: Quantity | None, st: Statement, level: str,
           value: int | None = None, qualifier: str | None = None, low=None, high=None, scope=None) -> Claim:
    if q is not None and value is None:
        value, qualifier, low, high = int(q.value), q.qualifier, q.low, q.high
    # A title statement has no span in the text: its sentence is the title, its span empty.
    source = (item.article.title or "") if st.title else item.article.text
    start, end = (0, 0) if st.title else (st.start, st.end)
    return Claim(
        slot=slot, value=value, qualifier=qualifier or "exact", low=low, high=high, scope=scope,
        article=item.article.id, sentence=source[st.sentence[0]:st.sentence[1]].strip(),
        start=start, end=end, level=level,
    )


_HEADLINE_KILLED = re.compile(
    r"\b(?:killed|kills?|killing|dies|died|dead|slain|slaying|murder(?:ed|s)?|fatal(?:ly)?|deadly|death|homicide)\b", re.I)
_HEADLINE_SHOT = re.compile(r"\b(?:shot|shoots|wounded|injured|hurt|grazed)\b", re.I)


def title_statements(title: str) -> list[Statement]:
    """Statements of a headline: the sentence patterns, else headline grammar ("Teen
    killed in ...", "Boy, 4, shot"), which says one victim without a verb phrase."""
    found = find_statements(title, [(0, len(title))], [])
    if not found:
        for pattern, slot in ((_HEADLINE_KILLED, "killed"), (_HEADLINE_SHOT, "shot")):
            match = pattern.search(title)
            if match and not _BACKGROUND.search(title):
                # no keys: a headline's age or noun may be the shooter's ("Boy, 17, arrested after girl shot")
                found = [Statement(slot, None, match.start(), match.end(), (0, len(title)), definite=False, text=title)]
                break
    for st in found:
        st.title = True
    return found


def article_statements(item: AnnotatedArticle, doc) -> list[Statement]:
    """Statements of the title (first) and of the text."""
    title = item.article.title or ""
    statements = title_statements(title) if title.strip() else []
    text = item.article.text
    return statements + find_statements(text, sentence_spans(item, doc), entity_spans(item, doc, ("PERSON",)))


def casualty_claims(item: AnnotatedArticle, doc) -> list[Claim]:
    """Sentence claims and article totals of killed, injured and shot for one article."""
    statements = article_statements(item, doc)
    claims = []
    for st in statements:
        if st.background:
            continue
        if st.quantity is not None:
            claims.append(_claim(item, st.slot, st.quantity, st, "sentence", scope=st.scope))
        else:
            claims.append(_claim(item, st.slot, None, st, "sentence", 1, "exact", 1, 1))
    for total in article_totals(statements).values():
        claims.append(_claim(item, total.slot, None, total.statement, "article", total.value,
                             total.qualifier, total.low, total.high, total.scope))
    return claims


@component("casualties", requires=("sentences", "mentions"), sets=("claims",))
def casualties(item: AnnotatedArticle, doc) -> AnnotatedArticle:
    """Adds killed / injured / shot claims (sentence statements and article totals)."""
    item.claims.extend(casualty_claims(item, doc))
    return item
