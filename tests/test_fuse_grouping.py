"""Claim groups, status and disagreements (newsfuse.fuse.grouping)."""

from __future__ import annotations

import pytest

from newsfuse.fuse.event import render_group
from newsfuse.fuse.grouping import ScopeKeys, disagreements, group_claims
from newsfuse.fuse.sources import Sources
from newsfuse.model import AnnotatedArticle, Article, Claim

PLACES = {"Harbin Bay": "XA", "Xandria": "XA", "Port Oleg": "XB", "Olegia": "XB"}


def items(*ids: str) -> list[AnnotatedArticle]:
    return [AnnotatedArticle(article=Article(id=i, sha256=i, text=f"text {i} " * 3, outlet=f"Outlet {i}")) for i in ids]


def c(value, qualifier="exact", scope=None, claimant=None, article="a", slot="killed", sentence="", **kw) -> Claim:
    low, high = None, None
    if isinstance(value, int):
        bounds = {"exact": (value, value), "at_least": (value, None), "more_than": (value + 1, None)}
        low, high = bounds.get(qualifier, (None, None))
    return Claim(slot=slot, value=value, qualifier=qualifier, low=low, high=high, scope=scope,
                 claimant=claimant or f"Outlet {article}", claimant_explicit=claimant is not None,
                 article=article, sentence=sentence, **kw)


def run(claims: list[Claim], ids=("a", "b", "c", "d")):
    return group_claims(claims, Sources(items(*ids)), ScopeKeys(PLACES))


def statuses(groups) -> dict:
    return {(g.slot, g.scope_key, str(g.claims[0].value)): g.status for g in groups}


def test_at_least_and_exact_agree_and_corroborate() -> None:
    groups = run([c(16, "at_least", "Xandria", "ministry", "a"), c(18, "exact", "Xandria", "monitor", "b")])
    assert len(groups) == 1 and groups[0].status == "corroborated" and groups[0].sources == 2


def test_different_scopes_are_not_a_contradiction() -> None:
    groups = run([c(16, "at_least", "Xandria", "ministry", "a"), c(18, "exact", "Olegia", "monitor", "b")])
    assert {g.status for g in groups} == {"single_source"}


def test_places_in_one_country_share_a_scope() -> None:
    groups = run([c(18, scope="Harbin Bay", claimant="monitor", article="a"),
                  c(3, scope="Xandria", claimant="state media", article="b")])
    assert [g.status for g in groups] == ["contested", "contested"]


def test_unscoped_claim_is_ambiguous_not_contested() -> None:
    groups = run([c(18, scope="Olegia", claimant="monitor", article="a"), c(40, claimant="agency", article="b")])
    assert {g.status for g in groups} == {"single_source"}


@pytest.mark.parametrize(
    ("claimants", "expected"),
    [
        (("police", "police"), "single_source"),  # one claimant through two outlets
        (("police", "hospital"), "corroborated"),
        ((None, None), "corroborated"),  # two independent outlets, unattributed
    ],
)
def test_status_counts_independent_sources(claimants: tuple, expected: str) -> None:
    groups = run([c(7, claimant=claimants[0], article="a"), c(7, claimant=claimants[1], article="b")])
    assert len(groups) == 1 and groups[0].status == expected


def test_contradicting_counts_are_contested_and_listed_side_by_side() -> None:
    claims = [c(18, scope="Olegia", claimant="monitor", article="a"), c(3, scope="Olegia", claimant="state media", article="b"),
              c(18, "at_least", claimant="agency", article="c")]
    groups = run(claims)
    found = disagreements(groups, lambda g: render_group(g, {}), {})
    assert len(found) == 1
    record = found[0]
    assert record["slot"] == "killed" and record["scope"] == "Olegia"
    assert sorted(v["value"] for v in record["values"]) == [3, 18]
    assert [u["value"] for u in record["unscoped"]] == [18]


@pytest.mark.parametrize(
    ("published", "sentence", "rising"),
    [
        ({"a": "2024-01-02T10:00", "b": "2024-01-01T10:00"}, "", True),  # lower count published first
        ({"a": "2024-01-01T10:00", "b": "2024-01-02T10:00"}, "", False),
        ({"a": "2024-01-01T10:00", "b": "2024-01-02T10:00"}, "a preliminary toll", True),
    ],
)
def test_rising_toll_is_marked_but_still_contested(published: dict, sentence: str, rising: bool) -> None:
    claims = [c(18, scope="Olegia", claimant="monitor", article="a"),
              c(3, scope="Olegia", claimant="state media", article="b", sentence=sentence)]
    groups = run(claims)
    record = disagreements(groups, lambda g: render_group(g, {}), published)[0]
    assert record["rising_toll"] is rising
    assert all(v["status"] == "contested" for v in record["values"])


def test_compatible_vague_and_exact_counts_do_not_disagree() -> None:
    claims = [c(85, claimant="command", article="a", slot="targets struck"),
              c(85, "more_than", claimant="command", article="b", slot="targets struck"),
              Claim(slot="targets struck", value=24, qualifier="vague", low=24, high=None, article="c")]
    groups = run(claims)
    assert len(groups) == 1
    assert disagreements(groups, lambda g: render_group(g, {}), {}) == []


def test_responsibility_denial_contests_the_assertion() -> None:
    claims = [c("Ruritania", claimant="the president", article="a", slot="responsibility"),
              c("Ruritania", "denied", claimant="Ruritania", article="b", slot="responsibility"),
              c("Red Hand", claimant="a spokesman", article="c", slot="responsibility")]
    groups = run(claims)
    by_value = {(str(g.claims[0].value), g.claims[0].qualifier): g.status for g in groups}
    assert by_value[("Ruritania", "exact")] == "contested"
    assert by_value[("Ruritania", "denied")] == "contested"
    assert by_value[("Red Hand", "exact")] == "single_source"
    record = disagreements(groups, lambda g: render_group(g, {}), {})[0]
    assert record["slot"] == "responsibility" and len(record["values"]) == 3


def test_different_parties_without_denial_do_not_conflict() -> None:
    claims = [c("Red Hand", claimant="police", slot="responsibility"), c("Blue Star", claimant="army", article="b", slot="responsibility")]
    assert {g.status for g in run(claims)} == {"single_source"}


@pytest.mark.parametrize(
    ("other", "qualifier", "conflict"),
    [
        ("militiamen", "exact", True),
        ("civilians", "denied", True),
        ("civilians, soldiers", "exact", False),
    ],
)
def test_victims_disagree_when_civilians_meet_combatants_only_or_a_denial(other: str, qualifier: str, conflict: bool) -> None:
    claims = [c("civilians", claimant="ministry", slot="victims"), c(other, qualifier, claimant="monitor", article="b", slot="victims")]
    groups = run(claims)
    assert any(g.status == "contested" for g in groups) is conflict


def test_claims_about_an_earlier_event_are_compared_apart() -> None:
    claims = [c(18, claimant="monitor", article="a"), c(3, claimant="army", article="b", event_ref="earlier")]
    groups = run(claims)
    assert {g.ref for g in groups} == {None, "earlier"}
    assert {g.status for g in groups} == {"single_source"}


def test_grouping_does_not_depend_on_input_order() -> None:
    claims = [c(18, scope="Olegia", claimant="monitor", article="a"), c(3, scope="Olegia", claimant="media", article="b"),
              c(16, "at_least", scope="Xandria", claimant="ministry", article="c"), c(17, claimant="agency", article="d")]
    first = [render_group(g, {}) for g in run(claims)]
    second = [render_group(g, {}) for g in run(list(reversed(claims)))]
    assert first == second


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("US service members", "American soldiers", True),
        ("US soldiers", "Iraqi soldiers", False),
        ("pro-Xandrian militiamen", "members of two pro-Xandrian militias", True),
        ("civilians", "soldiers", False),
        ("Xandria", "Harbin Bay", True),
        ("Xandria", "Olegia", False),
    ],
)
def test_scope_keys(a: str, b: str, same: bool) -> None:
    keys = ScopeKeys(PLACES)
    assert (keys.key(a) == keys.key(b)) is same
