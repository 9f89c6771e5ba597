"""Who did what to whom: actors with a role, from patterns around entity mentions.

Roles and the patterns that give them (per sentence; ORG/NORP/GPE/PERSON mentions from
``item.mentions``, else the Doc's entities):

* ``perpetrator``: a group or force as the subject of an attack verb ("US forces struck ...",
  "the IRGC launched ...", "Israel bombed ..."; "<group> claimed responsibility");
  or the agent of a passive one ("... were killed by Kataib Hezbollah");
* ``target``: the group after an attack verb and "on/against/targeting" or "positions /
  facilities of/used by" ("strikes on Iran-backed militias", "hit depots used by X");
  places and buildings (GPE without a force word, "... Base", "... Airport") are not targets;
* ``victim``: a named person said to be killed or shot ("Dana Whitlock, 35, died", "the
  death of John Doe", "John Doe was shot");
* ``suspect``: a named person arrested, charged or sought ("police arrested John Doe, 19",
  "John Doe was charged with murder", "the suspect, John Doe");
* ``authority``: a police force, sheriff's office, ministry or military command that
  speaks or acts officially ("Fairview Police Department", "US Central Command").

A group is the mention itself plus a following force word ("US" + "forces"); generic words
that spaCy marks as entities are dropped. Actors are listed once per (name, role), in
order of first mention.
"""

from __future__ import annotations

import re

from ..model import Actor, AnnotatedArticle
from . import component
from .casualties import sentence_spans

__all__ = ["find_actors", "actors"]

_GROUP_LABELS = ("ORG", "NORP", "GPE")
_FORCE = r"(?:\s+(?:military|armed\s+forces|forces|troops|army|air\s+force|navy|militias?|militants|fighters|government|officials))?"
_ATTACK = (
    r"(?:struck|strikes?|striking|attacked|attacks?|attacking|bombed|bombs|bombing|launched|carried\s+out|conducted|"
    r"targeted|targeting|fired|shelled|raided|hit|killed|ambushed|opened\s+fire)"
)
_SUBJECT_VERB = re.compile(rf"^{_FORCE}\s+(?:(?:\w+ly|have|has|had|also|then|on\s+\w+day)\s+){{0,2}}{_ATTACK}\b", re.I)
_CLAIMED = re.compile(r"^[^.;]{0,40}?\bclaimed\s+responsibility\b", re.I)
_BY_AGENT = re.compile(rf"\b(?:by|from)\s+(?:the\s+)?$", re.I)
_TARGET_BEFORE = re.compile(
    rf"\b{_ATTACK}\b[^.;]{{0,60}}?\b(?:on|against|targeting|at|"
    r"(?:targets|positions|bases|facilities|depots|sites)\s+(?:of|belonging\s+to|used\s+by|linked\s+to))\s+(?:[\w-]+\s+){0,4}?$"
    r"|\b(?:struck|targeted|attacked|bombed|hit)\s+(?:the\s+)?$",
    re.I,
)
_AUTHORITY = re.compile(
    r"\b(?:police|sheriff|department|office|ministry|command|pentagon|white\s+house|government|"
    r"attorney|prosecutor|coroner|patrol|fbi|bureau|centcom|state\s+department)\b",
    re.I,
)
_VICTIM_AFTER = re.compile(
    r"^(?:,\s*\d{1,3}\s*,)?(?:[^.;]{0,40}?,)?\s*(?:who\s+)?(?:was|were|had\s+been|has\s+been)?\s*(?:later\s+|also\s+|fatally\s+)?"
    r"(?:shot|killed|died|dies|slain|murdered|wounded|injured|pronounced\s+dead|found\s+dead|succumbed)\b",
    re.I,
)
_VICTIM_BEFORE = re.compile(
    r"\b(?:death|killing|murder|slaying|shooting|funeral)\s+of\s+(?:\d{1,3}-year-old\s+)?$|\b(?:victim|victims)\s*(?:,|as|was|is)?\s*(?:identified\s+as\s+)?$|"
    r"\b(?:shot\s+and\s+killed|fatally\s+shot|killed|shot)\s+$",
    re.I,
)
_SUSPECT_AFTER = re.compile(
    r"^(?:,\s*\d{1,3}\s*,)?(?:[^.;]{0,40}?,)?\s*(?:who\s+)?(?:was|has\s+been|had\s+been|is|were)\s+(?:later\s+|also\s+)?"
    r"(?:arrested|charged|booked|taken\s+into\s+custody|indicted|sought|wanted|accused)|^\s*,?\s*(?:is|was)\s+(?:facing|charged)|^\s+faces\b",
    re.I,
)
_SUSPECT_BEFORE = re.compile(
    r"\b(?:arrested|charged|booked|detained|identified\s+the\s+(?:suspect|shooter|gunman)\s+as|suspect(?:ed)?\s*,?|"
    r"shooter\s*,?|gunman\s*,?|accused\s*,?)\s+(?:\d{1,3}-year-old\s+)?$",
    re.I,
)
_FORCE_AFTER = re.compile(
    r"^(?:-(?:backed|linked|aligned|affiliated|allied|supported)|\s+(?:backed|linked|aligned))?"
    r"\s+(?:military|armed\s+forces|forces|troops|army|militias?|militia\s+groups|militants|fighters|groups?|proxies)\b",
    re.I,
)
# Places and buildings are where, not whom.
_NOT_TARGET = re.compile(r"\b(?:base|airport|hospital|school|university|department|ministry|command|outpost|tower)\b", re.I)
_NOT_ACTOR = re.compile(r"^(?:the\s+)?(?:\d+|today|tonight|\w+day|monday|friday|one|two|three)$", re.I)


def find_actors(text: str, sentences: list[tuple[int, int]], mentions: list[tuple[int, int, str]]) -> list[Actor]:
    """Actors with roles, once per (name, role), in order of first mention."""
    found: dict[tuple[str, str], Actor] = {}
    for s_start, s_end in sentences:
        for start, end, label in mentions:
            if not (s_start <= start and end <= s_end):
                continue
            name = _name(text, start, end, label)
            if not name or _NOT_ACTOR.match(name):
                continue
            before, after = text[s_start:start], text[end:s_end]
            for role in _roles(label, name, before, after, text[start:end]):
                found.setdefault((name.lower(), role), Actor(name=name, role=role))
    return list(found.values())


def _name(text: str, start: int, end: int, label: str) -> str:
    name = re.sub(r"^the\s+", "", text[start:end].strip(), flags=re.I)
    name = re.sub(r"['’]s$", "", name)
    if label in _GROUP_LABELS:
        force = _FORCE_AFTER.match(text[end:end + 40])
        if force:
            name = f"{name}{force.group(0).rstrip()}"
    return name


def _roles(label: str, name: str, before: str, after: str, raw: str) -> list[str]:
    if label == "PERSON":
        return _person_roles(before, after)
    roles = []
    if _SUBJECT_VERB.match(after) or _CLAIMED.match(after) or (
        _BY_AGENT.search(before) and re.search(r"\b(?:killed|attacked|struck|targeted|shot|carried\s+out)\s+(?:\w+\s+){0,2}$", before, re.I)
    ):
        roles.append("perpetrator")
    elif _TARGET_BEFORE.search(before) and _group_like(label, name) and not re.search(r"\b(?:in|at|near|from)\s+$", before, re.I):
        roles.append("target")
    if label == "ORG" and _AUTHORITY.search(raw):
        roles.append("authority")
    return roles


def _group_like(label: str, name: str) -> bool:
    """A target is a group (ORG, NORP, or a place name with a force word), not a place."""
    if _NOT_TARGET.search(name):
        return False
    return label in ("ORG", "NORP") or bool(re.search(r"\b(?:militias?|groups?|forces|troops|militants|fighters|army|proxies)$", name, re.I))


def _person_roles(before: str, after: str) -> list[str]:
    if _SUSPECT_AFTER.match(after) or _SUSPECT_BEFORE.search(before):
        return ["suspect"]
    if _VICTIM_AFTER.match(after) or _VICTIM_BEFORE.search(before):
        return ["victim"]
    return []


@component("actors", requires=("sentences", "mentions"), sets=("actors",))
def actors(item: AnnotatedArticle, doc) -> AnnotatedArticle:
    """Sets ``item.actors`` (see the module docstring)."""
    labels = ("PERSON",) + _GROUP_LABELS
    if item.mentions:
        mentions = sorted((m.start, m.end, m.label) for m in item.mentions if m.label in labels)
    else:
        mentions = [(e.start_char, e.end_char, e.label_) for e in getattr(doc, "ents", ()) if e.label_ in labels]
    item.actors = find_actors(item.article.text, sentence_spans(item, doc), mentions)
    return item
