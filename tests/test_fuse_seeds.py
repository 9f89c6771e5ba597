"""Acceptance on the seeds: clean -> annotate -> fuse on documents 000-003 as one event,
measured against ../shared/seeds/gold.json (events[0].figures, the 18-vs-3 disagreement and the
twelve not_disagreements). Skipped without ../shared.

Failures that belong to an upstream extractor (no claim for a gold figure at all, or its
value/qualifier read differently) are reported as xfail naming the component; wrong claimants,
scopes, statuses or disagreements are this package's and fail.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from newsfuse.model import AnnotatedArticle, Event, RawDocument

pytestmark = [pytest.mark.shared, pytest.mark.slow]

_QUALIFIERS = {"at least": "at_least", "more than": "more_than", "about": "about", "up to": "up_to", None: "exact"}
_STOP = {"the", "and", "for", "of", "a", "an", "in", "by", "via", "to"}


@pytest.fixture(scope="module")
def seed_run(seeds_dir: Path) -> tuple[list[AnnotatedArticle], Event]:
    from newsfuse.annotate import Annotator, default_components
    from newsfuse.clean import clean
    from newsfuse.fuse import build_event

    files = sorted(seeds_dir.glob("00[0-3]_*.txt"))
    assert len(files) == 4
    articles = [clean(RawDocument(input_id=f.name, origin=str(f), data=f.read_bytes(), kind="text")) for f in files]
    components = default_components()
    names = [c.name for c in components]
    if not {"casualties", "figures"} & set(names):
        # Until the pipeline registers it: the casualties extractor, placed before claim attribution.
        casualties = pytest.importorskip("newsfuse.annotate.casualties").casualties
        components.insert(names.index("claims") if "claims" in names else len(components), casualties)
    items = list(Annotator(components=components).annotate(articles))
    return items, build_event("seeds-000-003", items)


def _claims(event: Event) -> list[dict[str, Any]]:
    return [dict(ev, slot=c["slot"], status=c["status"]) for c in event.claims for ev in c["evidence"]]


def _tokens(text: str, norm) -> set[str]:
    words = re.findall(r"[a-z0-9]+", norm(text).lower())
    return {w[:-1] if w.endswith("i") and len(w) > 4 else w for w in words if w not in _STOP and len(w) > 2}


def _claimant_matches(claim: dict[str, Any], gold: str, doc: str, norm) -> bool:
    """gold.json's claimant may list alternatives per file: "US Central Command (000, 003, the
    statement quoted in 001); unattributed in 002". An alternative naming files applies to those
    files only; "unattributed" matches a claim with no explicit claimant."""
    for alternative in gold.split(";"):
        files = set(re.findall(r"\b(00\d)\b", alternative))
        if files and doc[:3] not in files:
            continue
        if "unattributed" in alternative:
            if not claim.get("explicit"):
                return True
            continue
        name = re.split(r"[(]| via |, (?=[a-z])", alternative)[0]
        a, b = _tokens(claim.get("claimant") or "", norm), _tokens(name, norm)
        if a and b and (a <= b or b <= a):
            return True
    return False


def _country(name: str | None, items: list[AnnotatedArticle]) -> str | None:
    import pycountry

    if not name:
        return None
    for item in items:
        for place in item.places:
            if place.name.lower() == name.lower():
                return place.country
    try:
        return pycountry.countries.lookup(name).alpha_2
    except LookupError:
        return None


def _gold_scope_country(scope: str) -> str | None:
    import pycountry

    head = re.split(r"[(,]", scope)[0].strip()
    try:
        return pycountry.countries.lookup(head).alpha_2
    except LookupError:
        return None


# gold.json names slots in free text; these are newsfuse's names for the same counts.
_SLOT_NAMES = {"houses hit": "buildings hit"}


def _split_slot(fig: dict[str, Any]) -> dict[str, Any]:
    """gold's "locations struck in Iraq" is slot "locations struck" with scope "Iraq"."""
    match = re.match(r"^(?P<slot>.+?) in (?P<scope>[A-Z][\w -]+)$", fig["slot"])
    if match and "scope" not in fig:
        fig = dict(fig, slot=match.group("slot"), scope=match.group("scope"))
    return dict(fig, slot=_SLOT_NAMES.get(fig["slot"], fig["slot"]))


def test_seed_figures_found_with_value_qualifier_scope_and_claimant(seed_run, seed_gold, norm) -> None:
    items, event = seed_run
    claims = _claims(event)
    ours_wrong, upstream = [], []
    for fig in seed_gold["events"][0]["figures"]:
        fig = _split_slot(fig)
        for doc in fig["reported_in"]:
            found = [c for c in claims if c["article"] == doc and c["slot"] == fig["slot"] and c["value"] == fig["value"]]
            if not found:
                upstream.append(f"{fig['slot']}={fig['value']} in {doc[:3]}")
                continue
            wanted_q = fig.get("qualifier_by_file", {}).get(doc, fig.get("qualifier"))
            if wanted_q in _QUALIFIERS and not any(c["qualifier"] == _QUALIFIERS[wanted_q] for c in found):
                upstream.append(f"{fig['slot']}={fig['value']} in {doc[:3]}: qualifier {[c['qualifier'] for c in found]}")
            if not any(_claimant_matches(c, fig["claimant"], doc, norm) for c in found):
                ours_wrong.append(f"{fig['slot']}={fig['value']} in {doc[:3]}: claimant {[c['claimant'] for c in found]}")
            if "scope" in fig:
                want = _gold_scope_country(fig["scope"])
                got = {_country(c["scope"], items) for c in found}
                if want not in got:
                    ours_wrong.append(f"{fig['slot']}={fig['value']} in {doc[:3]}: scope {[c['scope'] for c in found]}")
    assert not ours_wrong, ours_wrong
    if upstream:
        pytest.xfail("upstream extractors (annotate.casualties for killed/injured; no component yet for "
                     f"targets, munitions, locations, duration, houses): {upstream}")


def test_seed_syria_toll_18_vs_3_is_contested(seed_run) -> None:
    _, event = seed_run
    killed = {c["value"] for c in event.claims if c["slot"] == "killed"}
    if not {3, 18} <= killed:
        pytest.xfail(f"upstream annotate.casualties: killed values found {sorted(killed)}")
    found = [d for d in event.disagreements if d["slot"] == "killed"
             and {3, 18} <= {v["value"] for v in d["values"]}]
    assert len(found) == 1, event.disagreements
    assert all(v["status"] == "contested" for v in found[0]["values"])
    assert found[0]["rising_toll"] is True  # "a preliminary toll"


def _values(d: dict[str, Any]) -> list[Any]:
    return [v["value"] for v in d["values"]]


def _text(d: dict[str, Any]) -> str:
    return " ".join(str(v["value"]) + " " + " ".join(e["sentence"] for e in v["evidence"]) for v in d["values"]).lower()


def _dates_within_a_day(d: dict[str, Any]) -> bool:
    from datetime import date

    if d["slot"] != "date":
        return False
    days = [date.fromisoformat(str(v)[:10]).toordinal() for v in _values(d)]
    return max(days) - min(days) <= 1


# One predicate per gold not_disagreement, in gold order: True when it came out as a disagreement.
NOT_DISAGREEMENTS = [
    ("killed 16 Iraq vs 18 Syria", lambda d: d["slot"] == "killed" and 16 in _values(d)),
    ("injured 40 vs more than 40", lambda d: d["slot"] == "injured" and 40 in _values(d)),
    ("attacks 165 / over 160 / dozens", lambda d: bool({160, 165} & set(_values(d)))),
    ("targets 85 / more than 85 / dozens", lambda d: 85 in _values(d)),
    ("munitions 125", lambda d: 125 in _values(d)),
    ("seven locations vs 3 + 4", lambda d: 7 in _values(d) and "location" in d["slot"]),
    ("statement Saturday vs Friday", _dates_within_a_day),
    ("4 p.m. Washington vs overnight", lambda d: _dates_within_a_day(d) or "overnight" in _text(d)),
    ("suspension Tuesday vs after Sunday", lambda d: "suspension" in _text(d) or "stop attacks" in _text(d)),
    ("Rasool's two role descriptions", lambda d: "rasool" in _text(d) or "rasul" in _text(d)),
    ("Iraq informed ahead of time", lambda d: "inform" in _text(d) or "notified" in _text(d)),
    ("one Iraqi statement translated", lambda d: "unforeseen" in _text(d) or "consequences" in _text(d)),
]


def test_seed_not_disagreements_do_not_come_out(seed_run, seed_gold) -> None:
    _, event = seed_run
    assert len(NOT_DISAGREEMENTS) == len(seed_gold["not_disagreements"])
    wrong = [name for name, hit in NOT_DISAGREEMENTS for d in event.disagreements if hit(d)]
    assert not wrong, wrong


def test_seed_event_record_basics(seed_run, seed_gold) -> None:
    items, event = seed_run
    gold = seed_gold["events"][0]
    assert sorted(a["id"] for a in event.articles) == sorted(gold["reported_in"])
    assert event.killed is not None and event.killed.status == "contested"
    if event.date is None:
        pytest.xfail("upstream annotate.dates: no event date in any seed")
    assert event.date == gold["date"] and event.date_precision == "day"


def test_seed_tower_22_is_the_related_earlier_event(seed_run, seed_gold) -> None:
    _, event = seed_run
    tower = next(e for e in seed_gold["events"] if e["id"].startswith("tower-22"))
    found = [r for r in event.related if r["relation"] == "retaliation_for"]
    assert len(found) == 1, found  # every article's mention merged into one earlier event
    assert found[0]["date"] == tower["date"] and found[0]["country"] == "JO"
    assert sorted(found[0]["articles"]) == sorted(tower["mentioned_in"])
    killed = [c for c in found[0]["claims"] if c["slot"] == "killed"]
    assert killed and all(c["value"] == 3 for c in killed)  # its toll is not this event's
    assert all(c["value"] != 3 or c["scope"] for c in event.claims if c["slot"] == "killed")


def test_seed_qualitative_disagreements_on_blame_and_victims(seed_run) -> None:
    """Two of gold's three qualitative disagreements: who is to blame for Tower 22 (Biden:
    Iran; Iran distanced itself) and who was killed (civilians against militiamen). The third,
    whether officials knew the toll, is not made (no claim slot for knowledge statements)."""
    _, event = seed_run
    by_slot = {d["slot"]: d for d in event.disagreements}
    assert {"responsibility", "victims"} <= set(by_slot), event.disagreements
    blamed = {v["value"] for v in by_slot["responsibility"]["values"]}
    assert "Iran" in blamed
    victims = " ".join(str(v["value"]) for v in by_slot["victims"]["values"])
    assert "civilians" in victims and "militiamen" in victims
