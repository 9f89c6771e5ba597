"""The killed/injured figure rule (newsfuse.fuse.figures)."""

from __future__ import annotations

import pytest

from newsfuse.fuse.figures import event_figure
from newsfuse.fuse.grouping import ScopeKeys, group_claims
from newsfuse.fuse.sources import Sources
from newsfuse.model import AnnotatedArticle, Article, Claim, Figure

PLACES = {"Xandria": "XA", "Harbin Bay": "XA", "Olegia": "XB"}


def figure(specs: list[tuple], slot: str = "killed") -> Figure | None:
    claims = []
    for n, (value, qualifier, scope, claimant) in enumerate(specs):
        low, high = {"exact": (value, value), "at_least": (value, None), "about": (None, None)}[qualifier]
        claims.append(Claim(slot="killed", value=value, qualifier=qualifier, low=low, high=high, scope=scope,
                            claimant=claimant, claimant_explicit=True, article=f"a{n}"))
    ids = [f"a{n}" for n in range(len(specs))]
    items = [AnnotatedArticle(article=Article(id=i, sha256=i, text=i, outlet=f"Outlet {i}")) for i in ids]
    sources = Sources(items)
    return event_figure(group_claims(claims, sources, ScopeKeys(PLACES)), slot, sources)


@pytest.mark.parametrize(
    ("specs", "expected"),
    [
        # one report
        ([(7, "exact", None, "police")], Figure(7, 7, 7, "single_source")),
        # corroborated: at least 16 and 18 both allow 18; the highest best-supported value
        ([(16, "at_least", None, "ministry"), (18, "exact", None, "monitor")], Figure(18, 16, 18, "corroborated")),
        # preliminary 3 vs 18, one source each: highest among the equally supported
        ([(3, "exact", "Olegia", "state media"), (18, "exact", "Olegia", "monitor")], Figure(18, 3, 18, "contested")),
        # support beats height: 10 has two independent sources, 30 one
        ([(10, "exact", None, "police"), (10, "exact", None, "hospital"), (30, "exact", None, "a witness")],
         Figure(10, 10, 30, "contested")),
        # two countries are disjoint: added
        ([(16, "at_least", "Xandria", "ministry"), (18, "exact", "Olegia", "monitor")], Figure(34, 34, 34, "single_source")),
        # an unscoped total larger than the place sum wins
        ([(4, "exact", "Xandria", "police"), (5, "exact", "Olegia", "army"), (20, "exact", None, "agency")],
         Figure(20, 20, 20, "single_source")),
    ],
)
def test_event_figure_rule(specs: list[tuple], expected: Figure) -> None:
    assert figure(specs) == expected


def test_event_figure_is_none_without_claims() -> None:
    assert figure([(3, "exact", None, "police")], slot="injured") is None


def test_same_claimant_twice_does_not_corroborate() -> None:
    result = figure([(9, "exact", None, "police"), (9, "exact", None, "Police")])
    assert result is not None and result.status == "single_source"
