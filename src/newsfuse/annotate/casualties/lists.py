"""Lists of victims counted together: the objects of one killing verb ("killed his wife, two
sons, then himself", "kills 2, then himself") and a coordinated subject of one death verb
("two adults, six children dead", "four adults and two children were killed", "a mother, 2
children found dead").

Each item counts: "two sons" two, "his wife" or "a 6-year-old boy" one, a bare number as many
(objects only: "killing 2"), "himself", "herself" or "self" the shooter (an object list that
names the shooter among the dead counts him: the archive's final counts include a shooter who
killed himself). A list needs two items or more; one victim alone is left to the single-victim
rules. Names are not items (an appositive name, "his wife, Jane, and ...", ends the list), and
an item "a/an ..." right after a singular item is taken as an appositive ("his wife, a
daughter-in-law, and ..." is one person). A plural noun without a number ("his children") is
no item: it ends the list. Threats and attempts ("tried to kill his wife and son") and
passives ("was killed") are no lists; an object list stops before a new clause ("killed his
uncle and three cousins were wounded": one killed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["VictimList", "victim_lists"]

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12,
}
_NUM = r"(?:\d{1,3}|" + "|".join(_NUMBER_WORDS) + r")"
_MOD = (r"(?:young|little|teenage|teen|elderly|adult|older|younger|oldest|youngest|pregnant|estranged|former|"
        r"own|infant|baby|twin|other|\d{1,3}[- ](?:year|month|week|day)s?[- ]old)")
_ONE_NOUN = (
    r"(?:(?:ex-|step-?|grand|great-grand)?(?:wife|husband|son|daughter|mother|father|mom|dad|brother|sister|"
    r"girlfriend|boyfriend|fianc[ée]e?|partner|child|parent|niece|nephew|cousin|uncle|aunt|grandmother|"
    r"grandfather|grandson|granddaughter)(?:-in-law)?|man|woman|boy|girl|teen|teenager|toddler|infant|baby|"
    r"newborn|person|neighbou?r|friend|roommate|coworker|co-worker|officer|deputy|trooper|relative)"
)
_MANY_NOUN = (
    r"(?:people|persons|men|women|children|kids|teens|teenagers|boys|girls|adults|victims|relatives|"
    r"(?:step-?|grand)?(?:sons|daughters|children|kids)|grandchildren|siblings|brothers|sisters|cousins|"
    r"nieces|nephews|parents|family\s+members|members\s+of\s+(?:his|her|their|a|the)\s+family|"
    r"friends|roommates|neighbou?rs|co-?workers|colleagues|classmates|bandmates|musicians|students|"
    r"officers|deputies|troopers|customers|employees|workers|babies|toddlers|infants)"
)
_DET = r"(?:(?:a|an|the|his|her|their|its|one|another)\s+)"
_ITEM = (
    rf"(?P<self>(?:then\s+)?(?:himself|herself|self))"
    rf"|(?:(?:his|her|their|the|all)\s+)?(?P<n>{_NUM})(?:\s+{_MOD}){{0,2}}\s+{_MANY_NOUN}"
    rf"|(?P<one>{_DET}?(?:{_MOD}\s+){{0,2}}{_ONE_NOUN})"
    rf"|(?P<bare>{_NUM})"
)
_SEP = r"(?:\s*,\s*(?:and\s+)?|\s+(?:and|&)\s+|\s+(?=then\s+(?:himself|herself|self)\b))"
_ITEM_RE = re.compile(rf"(?:{_ITEM})(?![\w'’-])", re.I)
_SEP_RE = re.compile(_SEP, re.I)
_OBJECT_VERB = re.compile(
    r"\b(?:kill(?:s|ed|ing)?|fatally\s+(?:shot|shoots|shooting|shoot)|shot\s+and\s+killed|"
    r"shoots\s+and\s+kills|shooting\s+and\s+killing|murder(?:s|ed|ing)?|slay(?:s|ing)?|slew)\s+", re.I)
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|be|is|are|get|got)\s+(?:\w+\s+)?$", re.I)
_SUBJECT_VERB = re.compile(
    r"^\s+(?:(?:were|are|have\s+been|had\s+been|all|both|found|later|reportedly)\s+){0,3}"
    r"(?:shot\s+(?:and\s+)?killed|shot\s+dead|shot\s+to\s+death|fatally\s+shot|killed|dead|slain|murdered|died)\b",
    re.I,
)
_NEW_CLAUSE = re.compile(r"\s*,?\s+(?:were|was|are|is|have|has|had|also|later|remain|remains|died|suffered)\b", re.I)
_ATTEMPT_BEFORE = re.compile(
    r"\b(?:to|tried|trying|attempted|attempting|threatened|threatening|plotted|planned|wanted|would|could|not|never)\s+$", re.I)
# "two children, ages 3 and 5, and ...", "a man, 35, and ...": an age apposition inside an item
_AGES_AFTER = re.compile(r"\s*,\s*(?:ages?\s+)?\d{1,3}(?:\s*(?:,|and)\s*\d{1,3})*(?=\s*,)", re.I)


@dataclass
class VictimList:
    """One list of victims: its count, whether the shooter is among them, its span in the
    sentence, and whether it is the object of an active verb."""

    count: int
    with_shooter: bool
    start: int
    end: int
    active: bool


def victim_lists(sentence: str) -> list[VictimList]:
    """The countable victim lists of one sentence (offsets within it)."""
    found = []
    for verb in _OBJECT_VERB.finditer(sentence):
        head = sentence[: verb.start()]
        if _PASSIVE_BEFORE.search(head) or _ATTEMPT_BEFORE.search(head):
            continue  # "was killed": the victim is the subject; "tried to kill": nobody died
        parsed = _read_list(sentence, verb.end(), objects=True)
        if parsed and (len(parsed[0]) > 1):
            found.append(_victim_list(parsed, verb.start(), active=True))
    for start in _subject_starts(sentence):
        parsed = _read_list(sentence, start, objects=False)
        if parsed and len(parsed[0]) > 1 and _SUBJECT_VERB.match(sentence[parsed[1]:]):
            if not any(v.start <= start < v.end for v in found):
                found.append(_victim_list(parsed, start, active=False))
    return found


def _victim_list(parsed: tuple[list[tuple[str, int]], int], start: int, active: bool) -> VictimList:
    items, end = parsed
    return VictimList(sum(n for _, n in items), any(kind == "self" for kind, _ in items), start, end, active)


def _subject_starts(sentence: str) -> list[int]:
    """Where a coordinated subject may begin: the sentence start or after a clause opener."""
    starts = [m.end() for m in re.finditer(r"(?:^|[:;—–(\"“]|\s-\s|\b(?:after|as|when|where|that)\s)\s*", sentence, re.I)]
    return sorted(set(starts))


def _read_list(sentence: str, at: int, objects: bool) -> tuple[list[tuple[str, int]], int] | None:
    """[(kind, count)] of the items from ``at`` and the end offset; None when uncountable."""
    items: list[tuple[str, int]] = []
    ends: list[int] = []
    pos = at
    while True:
        match = _ITEM_RE.match(sentence, pos)
        if not match or (match.group("bare") and (items or not objects)):
            break
        if match.group("self") and not objects:
            break
        kind, count = _item_count(match)
        if kind == "one" and items and items[-1][0] == "one" and re.match(r"(?:a|an)\s", match.group(0), re.I):
            pass  # "his wife, a nurse": an appositive, the same person
        else:
            items.append((kind, count))
            ends.append(match.end())
        pos = match.end()
        ages = _AGES_AFTER.match(sentence, pos)
        pos = ages.end() if ages else pos
        if kind == "self":
            break
        sep = _SEP_RE.match(sentence, pos)
        if not sep or not _ITEM_RE.match(sentence, sep.end()):
            break
        pos = sep.end()
    if objects and items and _NEW_CLAUSE.match(sentence[pos:]):
        items, ends = items[:-1], ends[:-1]  # "killed his brother and two neighbors were wounded"
        pos = ends[-1] if ends else at
    if not items or re.match(r"\s*(?:'s|’s)", sentence[pos:]):
        return None
    return items, pos


def _item_count(match: re.Match) -> tuple[str, int]:
    if match.group("self"):
        return "self", 1
    for kind in ("n", "bare"):
        number = match.group(kind)
        if number:
            return kind, int(number) if number.isdigit() else _NUMBER_WORDS[number.lower()]
    return "one", 1
