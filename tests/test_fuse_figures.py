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


def _event(specs: list[tuple], starts: tuple[int, ...] = ()) -> tuple[Figure | None, Figure | None]:
    """(killed, injured) of an event from (article, slot, value, place scope) claims, the
    n-th claim starting at ``starts[n]`` (default 0)."""
    claims = [Claim(slot=slot, value=value, qualifier="exact", low=value, high=value, scope=scope, article=article,
                    start=starts[n] if n < len(starts) else 0)
              for n, (article, slot, value, scope) in enumerate(specs)]
    ids = sorted({article for article, *_ in specs})
    items = [AnnotatedArticle(article=Article(id=i, sha256=i, text=f"text of {i}", outlet=f"Outlet {i}")) for i in ids]
    sources = Sources(items)
    groups = group_claims(claims, sources, ScopeKeys(PLACES))
    return event_figure(groups, "killed", sources), event_figure(groups, "injured", sources)


@pytest.mark.parametrize(
    ("specs", "killed", "injured"),
    [
        # first report: one victim in critical condition; later: the victim died
        ([("a1", "injured", 1, None), ("a2", "killed", 1, None)], 1, 0),
        # an article that accounts for one dead and one hurt keeps the injured victim
        ([("a1", "injured", 1, None), ("a2", "killed", 1, None), ("a2", "injured", 1, None)], 1, 1),
        # three shot, one died: two injured stay
        ([("a1", "shot", 3, None), ("a1", "injured", 3, None), ("a2", "killed", 1, None)], 1, 2),
        # no deaths: nothing to move
        ([("a1", "injured", 2, None), ("a2", "injured", 2, None)], None, 2),
    ],
)
def test_fuse_figures_victim_reported_hurt_then_dead_counts_once(specs, killed, injured) -> None:
    got_killed, got_injured = _event(specs)
    assert (got_killed.best if got_killed else None) == killed
    assert got_injured is not None and got_injured.best == injured
    assert got_injured.low <= got_injured.best <= got_injured.high


def test_fuse_figures_counts_of_two_countries_are_not_capped() -> None:
    """Disjoint tolls of two countries reported apart: no article holds them all."""
    killed, injured = _event([("a1", "killed", 14, "Xandria"), ("a2", "killed", 5, "Olegia"), ("a3", "injured", 20, None)])
    assert killed is not None and killed.best == 19
    assert injured is not None and injured.best == 20


@pytest.mark.parametrize(
    ("specs", "injured"),
    [
        # one place: its count and the unscoped ones vote together; two sources beat one
        ([("a1", "injured", 1, None), ("a2", "injured", 1, None), ("a3", "injured", 6, "Xandria")], 1),
        # equal support: the highest, as for any scope
        ([("a1", "injured", 1, None), ("a3", "injured", 6, "Xandria")], 6),
    ],
)
def test_fuse_figures_injured_of_one_place_pools_with_unscoped(specs, injured) -> None:
    _, figure_ = _event(specs)
    assert figure_ is not None and figure_.best == injured


@pytest.mark.parametrize(
    ("starts", "injured"),
    [
        # a hurt passenger deep in the article (a crash brief) is not this story's
        ((0, 0, 5000), 0),
        # in the lead, it is
        ((0, 0, 300), 1),
        # an article whose lead says nothing still counts
        ((5000, 5000, 5000), 1),
    ],
)
def test_fuse_figures_injured_past_the_lead_counts_only_without_a_lead(starts, injured) -> None:
    specs = [("a1", "killed", 1, None), ("a1", "injured", 0, None), ("a1", "injured", 1, None)]
    _, figure_ = _event(specs, starts)
    assert figure_ is not None and figure_.best == injured


def test_fuse_figures_article_total_of_no_injured_caps_its_hurt_sentence() -> None:
    """An article that told a victim in critical condition and then his death has an article
    total of 0 injured: its hurt sentence no longer counts as a survivor."""
    def claim(article, slot, value, level, start):
        return Claim(slot=slot, value=value, qualifier="exact", low=value, high=value, article=article,
                     level=level, start=start, end=start + 10)
    claims = [claim("a1", "injured", 1, "sentence", 100), claim("a1", "injured", 0, "article", 100),
              claim("a1", "killed", 1, "sentence", 200), claim("a2", "injured", 1, "sentence", 50)]
    items = [AnnotatedArticle(article=Article(id=i, sha256=i, text=f"text of {i}", outlet=f"Outlet {i}")) for i in ("a1", "a2")]
    sources = Sources(items)
    groups = group_claims(claims, sources, ScopeKeys(PLACES))
    injured = event_figure(groups, "injured", sources)
    assert injured is not None and injured.best == 0
