"""Claim grouping, status per fact, and disagreements.

Keys. Claims are compared only within one *key*: the event they are about (the main event or an
earlier event they refer to, ``Claim.event_ref``), the slot, and the *scope key*:

* a place scope is keyed by its country (``place:IQ``): reports of one strike name different
  towns and provinces of the same area, and a town toll against a province toll of the same
  country is treated as the same count (so "18 killed in Deir ez-Zor" and "3 killed in
  al-Mayadeen" conflict; "16 killed in Iraq" and "18 killed in Syria" do not);
* another scope is a group: by victim category and nationality when it names one
  (``group:soldiers:US`` for "US service members" and "American soldiers"), else its text;
* no scope is its own key: an unscoped count never contradicts a scoped one (ambiguous: it may
  be a total or a part); unscoped and group-scoped counts of the slot are listed beside a
  disagreement between place-scoped counts as ``unscoped`` (they may be the same count).

Counts and dates: within a key, claims are taken most specific first (narrowest interval) and
each joins the first group whose common interval it still intersects, else starts a new group;
so every member of a group agrees with every other. Two groups under one key cannot both be true.

Text claims: ``responsibility`` groups by party and polarity (asserted / ``denied``); a denial and
an assertion of the same party conflict, and the disagreement lists every responsibility claim of
that key. Different parties named without a denial do not conflict (co-perpetrators are common).
``victims`` groups by value; a claim that civilians were among the dead conflicts with one that
denies civilian casualties, and with one from another source naming only combatants
(soldiers, militiamen, police). ``place`` claims never conflict (an event may have many places).

Status of a group: ``contested`` when it conflicts with another group of its key; else
``corroborated`` with two or more independent sources (see :mod:`.sources`), else ``single_source``.

A conflict on a count of people (killed, injured, ...) where the lower values come from earlier
reports, or are called preliminary/initial, is still contested, but marked ``rising_toll``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..model import Claim
from .intervals import INF, Interval, claim_interval, intersect, is_numeric
from .sources import Sources, claimant_key

__all__ = ["ClaimGroup", "group_claims", "disagreements", "ScopeKeys"]

_COMBATANTS = {"soldiers", "militiamen", "police"}
_PRELIMINARY = re.compile(r"\b(?:preliminary|initial|early|so\s+far|at\s+first|first\s+reports?)\b", re.I)
_TOLL_SLOTS = {"killed", "injured", "dead", "wounded", "missing", "arrested"}


class ScopeKeys:
    """Scope text -> comparison key, using the places every article of the event resolved."""

    def __init__(self, places: dict[str, str | None]) -> None:
        self.places = {claimant_key(name): country for name, country in places.items()}

    def key(self, scope: str | None) -> str | None:
        if not scope:
            return None
        folded = claimant_key(scope)
        if folded in self.places:
            return f"place:{self.places[folded] or folded}"
        country = _country_code(scope)
        return f"place:{country}" if country else _group_key(scope, folded)


def _group_key(scope: str, folded: str) -> str:
    """A group scope by victim category and nationality: "US service members", "American
    soldiers" and "US soldiers" are one group; "Iraqi soldiers" another; "pro-Iran militiamen"
    (an affiliation, not a nationality) and "members of pro-Iranian militias" one."""
    from ..annotate.claims import victim_categories

    kinds = sorted(victim_categories(scope))
    if not kinds:
        return f"group:{folded}"
    nationality = next((code for word in re.findall(r"(?<![\w-])[A-Za-z.]+(?![\w-])", scope)
                        for code in [_demonym_code(word)] if code), "")
    return f"group:{'+'.join(kinds)}:{nationality}"


def _demonym_code(word: str) -> str | None:
    word = word.lower().strip(".")
    if word in {"us", "u.s", "american", "americans"}:
        return "US"
    if len(word) < 4:
        return None
    for stem in (word, word[:-1], word[:-2], word[:-3], word[:-1] + "a"):
        if len(stem) >= 4:
            code = _country_code(stem.capitalize())
            if code:
                return code
    return None


def _country_code(text: str) -> str | None:
    import pycountry

    try:
        return pycountry.countries.lookup(re.sub(r"(?:'s|’s)$", "", text.strip())).alpha_2
    except LookupError:
        return None


@dataclass
class ClaimGroup:
    """Claims that agree: same event, slot and scope key, with a common interval (counts, dates)."""

    ref: str | None
    slot: str
    scope_key: str | None
    claims: list[Claim] = field(default_factory=list)
    interval: Interval | None = None
    status: str = "single_source"
    sources: int = 1

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.ref or "", self.slot, self.scope_key or "")


def group_claims(claims: list[Claim], sources: Sources, scopes: ScopeKeys) -> list[ClaimGroup]:
    """Group ``claims`` (see the module rules) and set each group's status; deterministic."""
    by_key: dict[tuple, list[Claim]] = {}
    for claim in sorted(claims, key=_claim_order):
        scope_key = _place_key(claim) if claim.slot == "place" else scopes.key(claim.scope)
        by_key.setdefault((claim.event_ref or "", claim.slot, scope_key or ""), []).append(claim)
    groups: list[ClaimGroup] = []
    for (ref, slot, scope_key), members in sorted(by_key.items()):
        made = _group_one_key(ref or None, slot, scope_key or None, members)
        for group in made:
            group.sources = sources.count(group.claims)
        _set_status(made, sources)
        groups.extend(made)
    return groups


def _claim_order(claim: Claim) -> tuple:
    return (claim.article, claim.start, claim.end, claim.slot, str(claim.value), claim.qualifier)


def _place_key(claim: Claim) -> str:
    return "value:" + claimant_key(str(claim.value))


def _group_one_key(ref: str | None, slot: str, scope_key: str | None, members: list[Claim]) -> list[ClaimGroup]:
    if slot == "date" or all(is_numeric(c) or c.low is not None for c in members):
        return _group_intervals(ref, slot, scope_key, members)
    groups: dict[tuple[str, str], ClaimGroup] = {}
    for claim in members:
        value_key = (claimant_key(str(claim.value)), "denied" if claim.qualifier == "denied" else "asserted")
        groups.setdefault(value_key, ClaimGroup(ref, slot, scope_key)).claims.append(claim)
    return [groups[k] for k in sorted(groups)]


def _group_intervals(ref: str | None, slot: str, scope_key: str | None, members: list[Claim]) -> list[ClaimGroup]:
    def width(claim: Claim) -> tuple:
        low, high = claim_interval(claim)
        return (high - low, low) + _claim_order(claim)

    groups: list[ClaimGroup] = []
    for claim in sorted(members, key=width):
        interval = claim_interval(claim)
        for group in groups:
            common = intersect(group.interval, interval)
            if common is not None:
                group.claims.append(claim)
                group.interval = common
                break
        else:
            groups.append(ClaimGroup(ref, slot, scope_key, [claim], interval))
    return groups


def _set_status(groups: list[ClaimGroup], sources: Sources) -> None:
    conflicted = _conflicts(groups, sources)
    for index, group in enumerate(groups):
        if index in conflicted:
            group.status = "contested"
        else:
            group.status = "corroborated" if group.sources >= 2 else "single_source"


def _conflicts(groups: list[ClaimGroup], sources: Sources) -> set[int]:
    """Indexes of the groups that conflict with another group of the same key."""
    if not groups:
        return set()
    slot = groups[0].slot
    if slot == "place":
        return set()
    if slot == "responsibility":
        return _denial_conflicts(groups, lambda g: claimant_key(str(g.claims[0].value)))
    if slot == "victims":
        return _victim_conflicts(groups, sources)
    return set(range(len(groups))) if len(groups) > 1 else set()


def _polarity(group: ClaimGroup) -> str:
    return "denied" if group.claims[0].qualifier == "denied" else "asserted"


def _denial_conflicts(groups: list[ClaimGroup], value_of) -> set[int]:
    denied = {value_of(g) for g in groups if _polarity(g) == "denied"}
    asserted = {value_of(g) for g in groups if _polarity(g) == "asserted"}
    clash = denied & asserted
    return {i for i, g in enumerate(groups) if value_of(g) in clash}


def _victim_conflicts(groups: list[ClaimGroup], sources: Sources) -> set[int]:
    def kinds(group: ClaimGroup) -> set[str]:
        return {k.strip() for k in str(group.claims[0].value).split(",") if k.strip()}

    civilian = [i for i, g in enumerate(groups) if _polarity(g) == "asserted" and kinds(g) & {"civilians", "children"}]
    against = [i for i, g in enumerate(groups)
               if _polarity(g) == "denied" or (kinds(g) and kinds(g) <= _COMBATANTS)]
    clash = set()
    for i in civilian:
        for j in against:
            if not _same_source(groups[i], groups[j], sources):
                clash |= {i, j}
    return clash


def _same_source(a: ClaimGroup, b: ClaimGroup, sources: Sources) -> bool:
    keys_a = set().union(*(sources.of(c) for c in a.claims))
    keys_b = set().union(*(sources.of(c) for c in b.claims))
    return keys_a == keys_b


def disagreements(groups: list[ClaimGroup], render, published: dict[str, str]) -> list[dict[str, Any]]:
    """One record per key with contested groups: ``{"slot", "scope", "about", "kind", "values",
    "rising_toll", "unscoped"}``; ``render`` turns a group into its export dict."""
    by_key: dict[tuple, list[ClaimGroup]] = {}
    for group in groups:
        by_key.setdefault(group.key, []).append(group)
    found = []
    for key, members in sorted(by_key.items()):
        contested = [g for g in members if g.status == "contested"]
        if not contested:
            continue
        values = members if members[0].slot == "responsibility" else contested
        record = {"slot": members[0].slot, "scope": _scope_label(contested), "about": members[0].ref,
                  "kind": _kind(members[0].slot), "values": [render(g) for g in values]}
        if members[0].slot in _TOLL_SLOTS:
            record["rising_toll"] = _rising(contested, published)
            record["unscoped"] = [render(g) for k, gs in sorted(by_key.items()) for g in gs
                                  if k[:2] == key[:2] and key[2].startswith("place:") and not k[2].startswith("place:")]
        found.append(record)
    return found


def _scope_label(groups: list[ClaimGroup]) -> str | None:
    scopes = Counter(c.scope for g in groups for c in g.claims if c.scope)
    if not scopes:
        return None
    return sorted(scopes.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def _kind(slot: str) -> str:
    if slot == "responsibility":
        return "responsibility denied"
    if slot == "victims":
        return "who was killed"
    if slot == "date":
        return "date differs"
    return "count differs"


def _rising(groups: list[ClaimGroup], published: dict[str, str]) -> bool:
    """True when the lowest values are the earliest or are called preliminary."""
    ordered = sorted(groups, key=lambda g: g.interval[0] if g.interval else 0)
    low, rest = ordered[0], ordered[1:]
    if any(_PRELIMINARY.search(c.sentence or "") for c in low.claims):
        return True
    low_times = [published.get(c.article) or "" for c in low.claims]
    rest_times = [published.get(c.article) or "" for g in rest for c in g.claims]
    return bool(all(low_times) and all(rest_times) and max(low_times) < min(rest_times))


def interval_bounds(interval: Interval | None) -> tuple[float | None, float | None]:
    """An interval for export: infinity becomes None."""
    if interval is None:
        return (None, None)
    return (_plain(interval[0]), None if interval[1] == INF else _plain(interval[1]))


def _plain(number: float) -> float | int:
    return int(number) if float(number).is_integer() else number
