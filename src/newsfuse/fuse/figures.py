"""The event's ``killed`` and ``injured`` figures: best, low, high and status.

Rule (per scope key, see :mod:`.grouping`; only claims about the main event):

* candidates are the reported numbers (the value of each claim: "at least 16" proposes 16, we
  never invent a higher number than anyone reported);
* the *support* of a candidate is the number of independent sources whose claim interval
  contains it ("at least 16", "18" and "about 17" all support 17 and 18);
* ``best`` is the candidate with the most support; among equals the highest. Highest rather than
  lowest because tolls are revised upwards as reports come in (a preliminary 3 against a later
  18); support first because a number corroborated by independent sources beats a single
  report. This follows UCDP's "best estimate" more than ACLED's "most conservative" figure;
* ``low`` and ``high`` are the smallest and largest reported numbers (the range kept for the
  analyst); status is contested when any two claims of the scope conflict, corroborated when
  the best number has two or more independent sources, else single source.

Injured claims that name one place only are pooled with the unscoped ones into one scope:
they tell of the same victims, so support decides (an injured count only falls as victims die,
and a lone higher count is more often another case's). Killed keeps the place apart: tolls rise,
and the larger count is more often the later one. Scopes are combined into the event figure this
way: counts of different places (countries) are disjoint and are added; counts of a group ("militiamen") or with no scope may overlap the
place counts or be totals, so the event figure is the larger of the place sum and each of them
(for best, low and high alike). The figure is contested if any scope is, corroborated if every
scope's best is, else single source. No claims: None (exported as null).

Injured claims past an article's lead (see annotate.casualties) count only for an article that
says nothing in its lead.

Victims counted once: a victim first reported hurt ("in critical condition") and later dead
must not be both injured and killed, since final counts move the dead out of the injured. So
for an event of one place, injured best is capped at the most victims one article accounts
for (its killed plus injured, or its count of people shot) minus the event's killed best.
An article's count per slot is its article-level total when the event kept one, else its
largest sentence claim (a total that repeats a sentence is kept as that sentence); an
article total of 0 injured (its hurt victim died) counts as 0.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Claim, Figure
from .grouping import ClaimGroup
from .intervals import claim_interval
from .sources import Sources

__all__ = ["event_figure", "ScopeFigure", "scope_figure"]


@dataclass(frozen=True)
class ScopeFigure:
    best: float
    low: float
    high: float
    support: int
    contested: bool


def _lead_claims(claims: list[Claim]) -> list[Claim]:
    """The injured claims an article makes about its own story: its totals and lead sentences,
    when it has any (past the lead, hurt people are more often another case's, a crash's or a
    related story's; the dead past the lead are more often this victim's later death)."""
    from ..annotate.casualties import LEAD_CHARS

    def in_lead(c: Claim) -> bool:
        return c.level == "article" or c.start < LEAD_CHARS
    leads = {c.article for c in claims if in_lead(c)}
    kept = [c for c in claims if in_lead(c) or c.article not in leads]
    return kept or claims


def scope_figure(groups: list[ClaimGroup], sources: Sources) -> ScopeFigure:
    """The figure of one scope key from its groups."""
    claims = [c for g in groups for c in g.claims]
    if groups[0].slot == "injured":
        claims = _lead_claims(claims)
    candidates = sorted({float(c.value) for c in claims})
    def support(value: float) -> int:
        holders = [c for c in claims if claim_interval(c)[0] <= value <= claim_interval(c)[1]]
        return sources.count(holders)
    scored = sorted(candidates, key=lambda v: (support(v), v))
    best = scored[-1]
    return ScopeFigure(best=best, low=candidates[0], high=candidates[-1], support=support(best),
                       contested=any(g.status == "contested" for g in groups))


def event_figure(groups: list[ClaimGroup], slot: str, sources: Sources) -> Figure | None:
    """The fused figure for ``slot`` over the main-event groups, or None without claims."""
    mine = [g for g in groups if g.slot == slot and g.ref is None and _numeric(g)]
    if not mine:
        return None
    figures = {key: scope_figure(gs, sources) for key, gs in sorted(_by_scope(mine, slot).items())}
    places = [f for key, f in figures.items() if key.startswith("place:")]
    others = [f for key, f in figures.items() if not key.startswith("place:")]
    def combine(attr: str) -> int:
        total = sum(getattr(f, attr) for f in places)
        return int(round(max([total] + [getattr(f, attr) for f in others])))
    best, low, high = combine("best"), combine("low"), combine("high")
    cap = _alive_cap(groups, sources) if slot == "injured" and _one_place(groups) else None
    if cap is not None and cap < best:
        best, low = cap, min(low, cap)
    if any(f.contested for f in figures.values()):
        status = "contested"
    elif all(f.support >= 2 for f in figures.values()):
        status = "corroborated"
    else:
        status = "single_source"
    return Figure(best=best, low=low, high=high, status=status)


def _by_scope(groups: list[ClaimGroup], slot: str) -> dict[str, list[ClaimGroup]]:
    """Groups by scope key; injured of one place pooled with the unscoped (module notes)."""
    by_scope: dict[str, list[ClaimGroup]] = {}
    for group in groups:
        by_scope.setdefault(group.scope_key or "", []).append(group)
    place_keys = [key for key in by_scope if key.startswith("place:")]
    if slot == "injured" and len(place_keys) == 1 and "" in by_scope:
        by_scope[""] += by_scope.pop(place_keys[0])
    return by_scope


def _one_place(groups: list[ClaimGroup]) -> bool:
    """True when the killed and injured claims name at most one place: one incident's
    victims, not disjoint counts of several countries that articles report apart."""
    keys = {g.scope_key for g in groups if g.ref is None and g.slot in ("killed", "injured")}
    return len({k for k in keys if k and k.startswith("place:")}) <= 1


def _alive_cap(groups: list[ClaimGroup], sources: Sources) -> int | None:
    """The most injured the event can have: the most victims one article accounts for
    minus the event's killed best (see the module notes); no cap without killed claims."""
    killed = event_figure(groups, "killed", sources)
    if killed is None or not killed.best:
        return None
    article_total: dict[tuple[str, str], float] = {}
    sentence_max: dict[tuple[str, str], float] = {}
    for group in groups:
        if group.ref is not None or group.slot not in _VICTIM_SLOTS or not _numeric(group):
            continue
        for claim in group.claims:
            table = article_total if claim.level == "article" else sentence_max
            key = (claim.article or "", group.slot)
            table[key] = max(table.get(key, 0.0), float(claim.value))
    def count(article: str, slot: str) -> float:
        return article_total.get((article, slot), sentence_max.get((article, slot), 0.0))
    articles = {article for article, _ in article_total} | {article for article, _ in sentence_max}
    victims = max(max(count(a, "killed") + count(a, "injured"), count(a, "shot")) for a in articles)
    return max(0, int(victims) - killed.best)


_VICTIM_SLOTS = ("killed", "injured", "shot")


def _numeric(group: ClaimGroup) -> bool:
    return all(isinstance(c.value, (int, float)) and not isinstance(c.value, bool) for c in group.claims)
