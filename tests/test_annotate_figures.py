"""Counted figures (targets, munitions, locations, attacks, duration) on sentences written for
these tests, and the seed figures of ../shared/seeds/gold.json found by the annotate pipeline."""

from __future__ import annotations

import re

import pytest

from newsfuse.annotate.figures import figure_claims, figures
from newsfuse.model import AnnotatedArticle, Article, Span


def _claims(text: str):
    item = AnnotatedArticle(article=Article(id="f1", sha256="", text=text))
    item.sentences = [Span(m.start(), m.end()) for m in re.finditer(r"[^.!?]+[.!?]?", text) if m.group().strip()]
    return figure_claims(item, None)


@pytest.mark.parametrize(
    "text, slot, value, qualifier, low, high, scope",
    [
        ("Navy jets struck more than 40 targets overnight.", "targets struck", 40, "more_than", 41, None, None),
        ("The planes bombed dozens of positions in Yemen.", "targets struck", 24, "vague", 24, None, "Yemen"),
        ("Jets hit 6 sites in Chad and Niger.", "locations struck", 6, "exact", 6, 6, None),
        ("The strikes used over 60 guided bombs.", "munitions used", 60, "more_than", 61, None, None),
        ("The drones fired 12 missiles at the depot.", "munitions used", 12, "exact", 12, 12, None),
        ("Jets hit four sites in Lebanon.", "locations struck", 4, "exact", 4, 4, "Lebanon"),
        ("The raid lasted 45 minutes.", "duration minutes", 45, "exact", 45, 45, None),
        ("The barrage lasted half an hour.", "duration minutes", 30, "exact", 30, 30, None),
        ("Rebels have carried out about 90 attacks since May.", "attacks", 90, "about", 81, 99, None),
        ("Gunmen targeted the convoy over 20 times.", "attacks", 20, "more_than", 21, None, None),
        ("The shelling hit five houses in Idlib.", "buildings hit", 5, "exact", 5, 5, "Idlib"),
    ],
)
def test_figures_give_slot_value_qualifier_bounds_and_scope(text, slot, value, qualifier, low, high, scope):
    found = [(c.value, c.qualifier, c.low, c.high, c.scope) for c in _claims(text) if c.slot == slot]
    assert found == [(value, qualifier, low, high, scope)]


def test_second_count_of_a_pair_inherits_the_slot_and_its_own_place():
    claims = _claims("Officials said the jets hit 2 bases in Chad and 5 in Niger.")
    assert [(c.slot, c.value, c.scope) for c in claims] == [
        ("locations struck", 2, "Chad"), ("locations struck", 5, "Niger")]


@pytest.mark.parametrize(
    "text",
    [
        "The committee reviewed 85 targets of the new budget.",   # no strike word
        "He waited 30 minutes for the bus.",                      # a duration, but not of the event
        "The convoy carried 300 sacks of rice.",
        "Route 66 reopened in 2019.",
    ],
)
def test_figures_need_a_counted_noun_and_context(text):
    assert _claims(text) == []


def test_figure_claims_carry_article_sentence_and_span():
    text = "Calm returned. Warplanes struck 9 targets near the dam."
    (claim,) = _claims(text)
    assert claim.article == "f1" and claim.sentence == "Warplanes struck 9 targets near the dam."
    assert text[claim.start:claim.end] == "9 targets"
    assert claim.claimant is None


def test_component_contract():
    assert figures.name == "figures" and figures.sets == ("claims",) and "sentences" in figures.requires


# --------------------------------------------------------------------------- seeds


@pytest.fixture(scope="module")
def seed_items(seeds_dir):
    from newsfuse.annotate import Annotator

    paths = sorted(seeds_dir.glob("0*.txt"))
    articles = [Article(id=p.name, sha256="", text=p.read_text(encoding="utf-8")) for p in paths]
    return {item.article.id: item for item in Annotator().annotate(articles)}


def _has(items, doc, slot, value, qualifiers, scope_word=None):
    for claim in items[doc].claims:
        if claim.slot == slot and claim.value == value and claim.qualifier in qualifiers and claim.level == "sentence":
            if scope_word is None or scope_word.lower() in (claim.scope or "").lower():
                return True
    return False


@pytest.mark.slow  # runs the whole annotate pipeline over the seeds (~6 s with spaCy)
def test_seed_figures_are_found_in_the_right_documents(seed_gold, seed_items):
    """The figures of gold.json events[0], each in a document that reports it."""
    event = seed_gold["events"][0]
    expected = {(f["slot"], f["value"]) for f in event["figures"]}
    checks = [
        # (slot, value, qualifiers accepted, document, scope word)
        ("targets struck", 85, ("more_than",), "000_88732351af06fbd3.txt", None),
        ("targets struck", 85, ("exact",), "002_988c411844a7a839.txt", None),
        ("munitions used", 125, ("more_than",), "000_88732351af06fbd3.txt", None),
        ("munitions used", 125, ("more_than",), "001_494d9e79c2110848.txt", None),
        ("killed", 16, ("at_least",), "001_494d9e79c2110848.txt", "Iraq"),
        ("injured", 25, ("exact",), "001_494d9e79c2110848.txt", None),
        ("killed", 18, ("exact",), "000_88732351af06fbd3.txt", "Syria"),
        ("killed", 18, ("at_least",), "002_988c411844a7a839.txt", None),
        ("killed", 3, ("exact",), "003_e050c7c37bb351a2.txt", None),
        ("duration minutes", 30, ("exact",), "001_494d9e79c2110848.txt", None),
        ("duration minutes", 30, ("exact",), "002_988c411844a7a839.txt", None),
        ("locations struck", 7, ("exact",), "001_494d9e79c2110848.txt", None),
        ("locations struck", 3, ("exact",), "003_e050c7c37bb351a2.txt", "Iraq"),
        ("locations struck", 4, ("exact",), "003_e050c7c37bb351a2.txt", "Syria"),
    ]
    for slot, value, qualifiers, doc, scope in checks:
        assert doc in event["reported_in"]
        assert (slot.split(" in ")[0], value) in {(s.split(" in ")[0], v) for s, v in expected}
        assert _has(seed_items, doc, slot, value, qualifiers, scope), (slot, value, doc)


@pytest.mark.slow
def test_seed_strikes_are_air_strikes_with_a_us_perpetrator(seed_gold, seed_items):
    event = seed_gold["events"][0]
    for doc in event["reported_in"]:
        assert seed_items[doc].event_type == event["type"]
    perpetrators = {a.name for item in seed_items.values() for a in item.actors if a.role == "perpetrator"}
    assert any(name.startswith(("US", "U.S.", "United States")) for name in perpetrators)
