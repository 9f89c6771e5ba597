"""Single victims of one sentence: who one person with a casualty verb is ("Dana Whitlock,
35, died at the scene", "a 21-year-old man was shot and wounded", "police shot and killed
the suspect"), read as the keys that identify the victim (name, age, noun). See the package
docstring for the rules."""

from __future__ import annotations

import re

from .incident import NOT_YET_DEAD
from .record import Statement

__all__ = ["PERSON_NOUN", "MALE_WORDS", "FEMALE_WORDS"]

# "shot", not "shot at" (the counted statements of :mod:`.statements` read it too).
_SHOT_AT = r"(?!\s+at\s*(?:[,.;]|$|(?:but|by|him|her|them|least|several|multiple|police|officers|deputies|the\s+(?:car|house|vehicle|home))\b))"

_BE = r"(?:was|were|been|is|are|being|got|gets|has\s+been|had\s+been)\s+(?:(?:also|later|reportedly|allegedly|apparently|accidentally|then|possibly|critically|seriously|fatally|just|both|all)\s+){0,2}(?:found\s+(?=shot\s+(?:and\s+killed|dead|to\s+death)|fatally|slain|murdered))?"
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
    rf"\b(?:{_BE}(?:wounded|injured|hurt|hospitali[sz]ed|treated\s+and\s+released|released\s+from\s+(?:the\s+|a\s+)?(?:[\w.'’-]+\s+){0,3}?(?:hospital|medical\s+center|trauma\s+center))"
    r"|(?:suffered|sustained|suffering|with|had|has)\s+(?:(?!no\b|not\b)[\w-]+\s+){0,5}?(?:wounds?|injuries|injury)"
    r"|non-?\s*life[- ]threatening|expected\s+to\s+(?:survive|recover|be\s+okay|be\s+ok|live)|is\s+recovering|survived(?!\s+by\b)"
    rf"|{NOT_YET_DEAD}"
    r"|\bin\s+(?:critical|serious|stable|fair|good|grave|satisfactory)(?:\s+but\s+stable)?\s+condition)\b",
    re.IGNORECASE,
)
# "was shot and seriously wounded": shot and said to be hurt (alive) in one verb phrase.
_SINGLE_SHOT_HURT = re.compile(
    rf"\b{_BE}(?:shot|struck|hit)\s+and\s+(?:\w+ly\s+)?(?:wounded|injured|hurt)\b", re.IGNORECASE)
_SELF = re.compile(
    r"\b(?:(?P<k>turn(?:ed|ing|s)?\s+the\s+(?:gun|weapon|rifle|handgun)\s+on\s+(?:himself|herself)|"
    r"(?:kill(?:ed|s|ing)?|fatally\s+shot|fatally\s+shooting|shot\s+and\s+killed)\s+(?:himself|herself)|"
    r"(?:took|taking)\s+(?:his|her)\s+own\s+life|shot\s+(?:himself|herself)\s+to\s+death|murder-suicide)"
    r"|(?P<s>shot\s+(?:himself|herself)|shooting\s+(?:himself|herself)))\b",
    re.IGNORECASE,
)
# "one teen is dead and another injured": a second victim without a verb of its own.
_ANOTHER = re.compile(
    r"\banother\s+(?:(?P<noun>man|woman|boy|girl|teen|person|victim)\s+)?(?:(?:seriously|critically|was|is)\s+)*(?:injured|wounded|hurt|hospitali[sz]ed)\b"
    r"|\b(?:wound(?:ed|ing)|injur(?:ed|ing))\s+another\b(?!\s+(?:\w+\s+)?(?:people|persons|men|women|victims|\d))",  # "killed four and wounded another"
    re.IGNORECASE,
)
_ACTIVE_SINGLE = re.compile(
    r"\b(?P<k>shot\s+and\s+killed|fatally\s+shot|killed|murdered)\s+(?=\S)"
    # "wounded her son": hurt and alive, unlike "shot her son" (who may be the dead one)
    r"|(?<!\b(?:the|one|two)\s)(?<!\bfirst\s)\b(?:(?P<s>shot)|(?P<i>wounded|critically\s+injured))\s+(?=(?:a|an|the|his|her)\s)",
    re.IGNORECASE,
)
PERSON_NOUN = re.compile(
    r"\b(?P<det>a|an|the|another|one|second|third|other|his|her|their)\s+(?:[\w-]+\s+){0,2}?"
    r"(?P<noun>man|woman|boy|girl|teen|teenager|child|toddler|infant|baby|person|victim|male|female|juvenile|"
    r"officer|deputy|trooper|student|driver|passenger|suspect|gunman|shooter|resident|father|mother|son|"
    r"daughter|brother|sister|wife|husband|girlfriend|boyfriend|friend|bystander|clerk|employee|customer|"
    r"cousin|uncle|aunt|grandmother|grandfather|nephew|niece|neighbor|homeowner|security\s+guard|"
    r"teacher|pastor|worker|guard|cashier|nurse|doctor|soldier|sailor|marine|pilot|journalist|reporter|"
    r"firefighter|agent|inmate|hunter|hiker|shopper|rapper|musician|player|coach|veteran|mechanic|owner|"
    r"manager|landlord|tenant|roommate|stepfather|stepson|grandson|granddaughter|fianc[ée]e?|partner|"
    # a possessor is not the person: "his mother's boyfriend" is the boyfriend
    r"newborn|motorist|cyclist|jogger|pedestrian|witness|patron|student|teenage\s+(?:boy|girl))\b(?!['’]s\b)",
    re.IGNORECASE,
)
_AGE = re.compile(r"\b(\d{1,3})[- ](?:year|yr)s?[- ]old\b|\b(\d{1,3})-(month|week)-old\b|(?:,|\()\s*(\d{1,2})\s*(?:,|\))", re.I)
_PRONOUN = re.compile(r"\b(?:he|she|him|her)\b", re.I)
_CLAUSE_CUT = re.compile(r"[;:—]|,\s+(?:and|but|while|after|when)\s|\s(?:while|after|when|but|before|as)\s", re.I)
_SPEAKER_AFTER = re.compile(r"^\W{0,3}(?:said|says|told|according|added|stated)\b", re.I)
_TITLE_BEFORE = re.compile(r"(?:\b(?:police|chief|sheriff|spokesman|spokeswoman|spokesperson|mayor|lt|sgt|capt|detective|director|attorney|judge|coroner|examiner)\.?\s+)$", re.I)
_SHOOTER = {"suspect", "gunman", "shooter"}
MALE_WORDS = {"man", "boy", "male", "father", "son", "brother", "husband", "boyfriend", "uncle", "grandfather", "nephew"}
FEMALE_WORDS = {"woman", "girl", "female", "mother", "daughter", "sister", "wife", "girlfriend", "aunt", "grandmother", "niece"}


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
        if not mine and floor and _same_subject(sentence[floor:match.start()]):
            mine = _relative_subject(text, sentence, s_start, s_end, match, slot, names, floor)
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


_RELATIVE_OPEN = re.compile(r"\s(?:who|where|that)\s", re.I)


def _relative_subject(text, sentence, s_start, s_end, match, slot, names, floor) -> list[Statement]:
    """The subject before a relative clause that held the last casualty verb: "A victim who
    escaped a home where three people were killed also was injured" (the victim)."""
    head = sentence[:floor]
    cut = max((m.end() for m in _CLAUSE_CUT.finditer(head)), default=0)
    relative = _RELATIVE_OPEN.search(head, cut)
    if not relative:
        return []
    victims = _victim_keys(text, head[cut:relative.start()], s_start + cut, names)
    return [_single(slot, s_start, s_end, match, keys, definite, new) for keys, definite, new in victims[:1]]


def _same_subject(between: str) -> bool:
    """True when the words between two casualty verbs name nobody new."""
    if len(between) > 80 or re.search(r"[;:]", between):
        return False
    return not (PERSON_NOUN.search(between) or _PRONOUN.search(between) or re.search(r"\b[A-Z][a-z]+\s+[A-Z][a-z]+", between))


def _self_victim(text, sentence, s_start, s_end, match, names) -> Statement:
    """"shot himself", "turned the gun on himself": the subject, else the shooter."""
    slot = "killed" if match.group("k") else "shot"
    segment, cut = _self_subject(sentence[: match.start()])
    found = _victim_keys(text, segment, s_start + cut, names)
    keys = found[0][0] if len(found) == 1 and found[0][0] else frozenset({"noun:suspect"})
    if "murder-suicide" in match.group(0).lower():
        keys = frozenset({"noun:suspect"})
    # "the gunman ... killed himself": the shooter, not one of the victims described before
    shooter = bool({k[5:] for k in keys if k.startswith("noun:")} & _SHOOTER) and len(keys) == 1
    found = _single(slot, s_start, s_end, match, keys, True, shooter and keys != frozenset({"noun:suspect"}))
    found.shooter_self = slot == "killed"
    return found


# A shooter's own verb before "then killed himself" ("a mother shot and wounded her son").
_SHOOTER_VERB = re.compile(
    r"(?<!\bwas\s)(?<!\bwere\s)(?<!\bbeen\s)\b(?:shot|shoots|wounded|wounds|injured|killed|kills|fatally|stabbed)\b", re.I)


def _self_subject(head: str) -> tuple[str, int]:
    """The subject of "killed himself" (text and offset in the sentence): the words before
    the shooter's first verb in its clause ("a mother shot and wounded her son, then killed
    herself": the mother, not her son), or in the clause before ("... before killing herself")."""
    cut = max((m.end() for m in _CLAUSE_CUT.finditer(head)), default=0)
    verb = _SHOOTER_VERB.search(head, cut)
    if verb:
        return head[cut:verb.start()], cut
    if not head[cut:].strip():
        verb = _SHOOTER_VERB.search(head)
        start = max((m.end() for m in _CLAUSE_CUT.finditer(head[:verb.start()])), default=0) if verb else cut
        return (head[start:verb.start()], start) if verb else (head[cut:], cut)
    return head[cut:], cut


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
    if slot != "killed" and len(victims) > 1:
        # tallies count a "new" victim as hurt and alive: only the dead of a coordinated
        # subject ("a woman and her daughter were found dead") are kept apart that way
        victims = [(keys, definite, False) for keys, definite, _ in victims]
    return [_single(slot, s_start, s_end, match, keys, definite, new) for keys, definite, new in victims]


# A place and a noun the NER took for a name ("a Portsmouth Man has died"): a description.
# ... or a place before a noun ("a 20-year-old Springdale man"), or a speaker ("Coroner Jane Roe said the boy died")
_NOUN_AFTER = re.compile(r"^\s+(?:man|woman|boy|girl|teen|teenager|child|toddler|infant|baby|resident|native|couple|family)\b", re.I)
_SAYS = re.compile(r"\b(?:said|says|told|confirmed|reported|announced)\b", re.I)
_NOUN_AS_NAME = re.compile(r"\s(?:man|woman|boy|girl|teen|teenager|child|toddler|infant|baby|person|victim|male|female)$", re.I)


# "A 17-year-old Smithville high school student", "a former Smithville player": one word
# after an article or an age is a place or a word the NER took for a name.
_MODIFIER_BEFORE = re.compile(r"\b(?:a|an|former|\d{1,3}-year-old)\s+$", re.I)


def _victim_name(text: str, a: int, b: int, end: int) -> bool:
    """True when the PERSON entity at ``a:b`` of a subject ending at ``end`` names a victim:
    not a speaker, an official, an agent ("by", "with"), a place before a noun."""
    if " " not in text[a:b].strip() and _MODIFIER_BEFORE.search(text[max(0, a - 20):a]):
        return False
    return not (
        _SPEAKER_AFTER.match(text[b:b + 20]) or _TITLE_BEFORE.search(text[max(0, a - 25):a])
        or re.search(r"\b(?:by|to|with|from|in|at|of|on|near)\s+$", text[max(0, a - 6):a])
        or _NOUN_AS_NAME.search(text[a:b]) or _NOUN_AFTER.match(text[b:b + 20]) or _SAYS.search(text[b:end])
    )


def _victim_keys(text: str, segment: str, offset: int, names: list[tuple[int, int]]):
    """[(keys, definite, new victim)] for the victims a subject segment describes."""
    head = _relative_head(segment)
    segment, offset = segment[head:], offset + head
    end = offset + len(segment)
    people = [(a, b) for a, b in names if offset <= a and b <= end and _victim_name(text, a, b, end)]
    age = _last_age(segment)
    noun = _subject_nouns(segment)
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


_RELATIVE = re.compile(r"\s(?:who|that)\s+(?:\w+\s+){0,2}$", re.I)
_AGENT_BEFORE = re.compile(r"\b(?:by|with|from|near)\s+$", re.I)


def _relative_head(segment: str) -> int:
    """Where the subject of a relative clause starts: in "the mother and brother of an
    8-year-old girl who died" only the girl died."""
    relative = _RELATIVE.search(segment)
    if not relative:
        return 0
    return max((m.end() for m in re.finditer(r"\bof\s+", segment[:relative.start()], re.I)), default=0)


def _subject_nouns(segment: str) -> list[re.Match]:
    """Person nouns of a subject, not those of an agent or a place ("The toddler was driven to
    a hospital by his father and is listed in critical condition": the toddler)."""
    return [n for n in PERSON_NOUN.finditer(segment) if not _AGENT_BEFORE.search(segment[:n.start()])]


def _coordinated(segment: str) -> list[tuple[frozenset[str], bool, bool]]:
    """Victims of a coordinated subject ("a 2-year-old boy and a man in his 20s")."""
    found = []
    for part in re.split(r",?\s+and\s+|,\s+", segment):
        noun = _subject_nouns(part)
        if noun:
            age = _last_age(part)
            det = noun[-1].group("det").lower()
            keys = {f"noun:{noun[-1].group('noun').lower()}"} | ({f"age:{age}"} if age else set())
            # each part after the first is someone else ("a woman and her daughter")
            found.append((frozenset(keys), det in ("the", "his", "her", "their"), bool(found)))
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
            slot = "killed" if match.group("k") else "injured" if match.group("i") else "shot"
            found.append(_single(slot, s_start, s_end, match, keys[0], keys[1], keys[2]))
            found[-1].active = True  # the shooter's object: not the shooter who "then killed himself"
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
    noun = PERSON_NOUN.match(rest)
    if noun and noun.end() < 40:
        age = _last_age(rest[: noun.end()])
        det = noun.group("det").lower()
        keys = {f"noun:{noun.group('noun').lower()}"} | ({f"age:{age}"} if age else set())
        return frozenset(keys), det in ("the", "his", "her", "their"), det in ("another", "second", "third", "other")
    return None
