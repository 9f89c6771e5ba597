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

Scopes are combined into the event figure this way: counts of different places (countries)
are disjoint and are added; counts of a group ("militiamen") or with no scope may overlap the
place counts or be totals, so the event figure is the larger of the place sum and each of them
(for best, low and high alike). The figure is contested if any scope is, corroborated if every
scope's best is, else single source. No claims: None (exported as null).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Figure
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


def scope_figure(groups: list[ClaimGroup], sources: Sources) -> ScopeFigure:
    """The figure of one scope key from its groups."""
    claims = [c for g in groups for c in g.claims]
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
    by_scope: dict[str, list[ClaimGroup]] = {}
    for group in mine:
        by_scope.setdefault(group.scope_key or "", []).append(group)
    figures = {key: scope_figure(gs, sources) for key, gs in sorted(by_scope.items())}
    places = [f for key, f in figures.items() if key.startswith("place:")]
    others = [f for key, f in figures.items() if not key.startswith("place:")]
    def combine(attr: str) -> int:
        total = sum(getattr(f, attr) for f in places)
        return int(round(max([total] + [getattr(f, attr) for f in others])))
    if any(f.contested for f in figures.values()):
        status = "contested"
    elif all(f.support >= 2 for f in figures.values()):
        status = "corroborated"
    else:
        status = "single_source"
    return Figure(best=combine("best"), low=combine("low"), high=combine("high"), status=status)


def _numeric(group: ClaimGroup) -> bool:
    return all(isinstance(c.value, (int, float)) and not isinstance(c.value, bool) for c in group.claims)
