"""Independence of sources (newsfuse.fuse.sources)."""

from __future__ import annotations

import pytest

from newsfuse.fuse.sources import Sources, claimant_key, jaccard, near_duplicate_groups, shingles
from newsfuse.model import AnnotatedArticle, Article, Claim, Mention

STORY = (
    "Heavy rain flooded the lower town of Maravel on Tuesday and forced hundreds of families to leave "
    "their homes, while rescue teams in boats searched the streets for people trapped on roofs. The "
    "river rose by two metres in six hours, the water agency said, and the main bridge was closed."
)


def item(id_: str, text: str = STORY, outlet: str | None = None, mentions=()) -> AnnotatedArticle:
    return AnnotatedArticle(article=Article(id=id_, sha256=id_, text=text, outlet=outlet), mentions=list(mentions))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("the U.S. Central Command", "US Central Command"),
        ("The Syrian Observatory for Human Rights (SOHR)", "Syrian Observatory for Human Rights"),
        ("Reuters’s", "reuters"),
        ("United States military", "US military"),
    ],
)
def test_claimant_key_collapses_variants(a: str, b: str) -> None:
    assert claimant_key(a) == claimant_key(b)


def test_claimant_key_keeps_different_names_apart() -> None:
    assert claimant_key("Iraqi officials") != claimant_key("Syrian officials")


def test_near_duplicate_texts_share_an_origin() -> None:
    edited = STORY.replace("Tuesday", "Tuesday evening")
    groups = near_duplicate_groups([item("a", outlet="Gazette"), item("b", edited, outlet="Courier")])
    assert groups["a"] == groups["b"]


def test_different_texts_keep_separate_origins() -> None:
    other = "A court in the capital sentenced two former ministers to prison for fraud on Monday, ending a trial of four years."
    groups = near_duplicate_groups([item("a", outlet="Gazette"), item("b", other, outlet="Courier")])
    assert groups["a"] != groups["b"]


def test_same_outlet_is_one_origin_even_with_different_texts() -> None:
    other = "An update: the bridge reopened on Thursday after engineers checked its pillars."
    groups = near_duplicate_groups([item("a", outlet="Gazette"), item("b", other, outlet="The Gazette")])
    assert groups["a"] == groups["b"]


def test_shingle_jaccard_of_identical_text_is_one() -> None:
    assert jaccard(shingles(STORY), shingles(STORY)) == 1.0


def claim(article: str, claimant: str | None, explicit: bool = True) -> Claim:
    return Claim(slot="killed", value=3, claimant=claimant, claimant_explicit=explicit, article=article)


def test_same_claimant_in_several_outlets_is_one_source() -> None:
    items = [item("a", "alpha text one", "Gazette"), item("b", "beta text two", "Courier")]
    sources = Sources(items)
    assert sources.count([claim("a", "the fire brigade"), claim("b", "Fire Brigade")]) == 1


def test_unattributed_claims_of_independent_outlets_are_two_sources() -> None:
    items = [item("a", "alpha text one", "Gazette"), item("b", "beta text two", "Courier")]
    sources = Sources(items)
    assert sources.count([claim("a", "Gazette", False), claim("b", "Courier", False)]) == 2


def test_unattributed_claims_of_near_duplicates_are_one_source() -> None:
    items = [item("a", STORY, "Gazette"), item("b", STORY + " More soon.", "Courier")]
    sources = Sources(items)
    assert sources.count([claim("a", "Gazette", False), claim("b", "Courier", False)]) == 1


def test_acronym_declared_in_any_article_joins_the_full_name() -> None:
    items = [item("a", "The Regional Water Agency (RWA) warned of more rain.", "Gazette"),
             item("b", "The RWA said the river rose.", "Courier")]
    sources = Sources(items)
    assert sources.count([claim("a", "Regional Water Agency"), claim("b", "RWA")]) == 1


def test_resolved_entity_on_mentions_joins_name_variants() -> None:
    mention = Mention(text="Yusuf Karimi", start=0, end=12, label="PERSON", entity="Youssef Karimi")
    items = [item("a", "Yusuf Karimi spoke.", "Gazette", [mention]), item("b", "Youssef Karimi spoke.", "Courier")]
    sources = Sources(items)
    assert sources.count([claim("a", "Yusuf Karimi"), claim("b", "Youssef Karimi")]) == 1


def test_joint_attribution_counts_each_claimant() -> None:
    sources = Sources([item("a", "text", "Gazette")])
    assert sources.count([claim("a", "a hospital source and the civil defence")]) == 2


def test_near_duplicates_are_found_in_a_large_event_through_sketches() -> None:
    import random

    rng = random.Random(3)
    vocabulary = [f"w{n}" for n in range(400)]
    items = [item(f"a{n:03d}", " ".join(rng.choice(vocabulary) for _ in range(120))) for n in range(80)]
    items.append(item("copy", items[5].article.text + " Updated at noon."))
    groups = near_duplicate_groups(items)
    assert groups["copy"] == groups["a005"]
    assert len(set(groups.values())) == 80  # the copy joins its original, nothing else merges
