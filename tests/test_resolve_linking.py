"""Cross-document linking: which name variants become one entity, and which must not."""

from __future__ import annotations

import random

import pytest

from newsfuse.model import AnnotatedArticle, Article, Mention, Quote
from newsfuse.resolve import EntityIndex, Occurrence, resolve_entities


def _index(names, definitions=()):
    occs = [Occurrence(text, label, f"d{i % 3}", "") for i, (text, label) in enumerate(names)]
    return EntityIndex(occs, definitions)


def _same(index, a, b):
    ea, eb = index.entity_of(a), index.entity_of(b)
    return ea is not None and ea is eb


@pytest.mark.parametrize(
    "names, a, b",
    [
        ([("Yehia Rasool", "PERSON"), ("Yahya Rasul", "PERSON")], "Yehia Rasool", "Yahya Rasul"),
        ([("Mohammed al-Sudani", "PERSON"), ("Muhammad Shia al-Sudani", "PERSON")], "Mohammed al-Sudani",
         "Muhammad Shia al-Sudani"),
        ([("Kata'ib Hezbollah", "ORG"), ("Kataib Hezbollah", "ORG"), ("Kata\u2019ib Hezbollah", "ORG")],
         "Kata\u2019ib Hezbollah", "Kataib Hezbollah"),
        ([("Major General Yehia Rasool", "PERSON"), ("Yahya Rasool", "PERSON")], "Major General Yehia Rasool",
         "Yahya Rasool"),
        ([("US Secretary of Defense Lloyd Austin", "PERSON"), ("Lloyd Austin", "PERSON")],
         "US Secretary of Defense Lloyd Austin", "Lloyd Austin"),
        ([("National Security Council spokesman John Kirby", "PERSON"), ("Kirby", "PERSON")],
         "National Security Council spokesman John Kirby", "Kirby"),
        ([("John Kirby", "PERSON"), ("Kirby", "ORG")], "John Kirby", "Kirby"),
        ([("IRGC", "ORG"), ("Islamic Revolutionary Guard Corps", "ORG")], "IRGC", "Islamic Revolutionary Guard Corps"),
        ([("CENTCOM", "ORG"), ("US Central Command", "ORG")], "CENTCOM", "US Central Command"),
        ([("Central Command", "ORG"), ("US Central Command", "ORG")], "Central Command", "US Central Command"),
        ([("Revolutionary Guard", "ORG"), ("Islamic Revolutionary Guards Corps", "ORG")], "Revolutionary Guard",
         "Islamic Revolutionary Guards Corps"),
        ([("Islamic Resistance in Iraq", "ORG"), ("Islamic Resistance of Iraq", "ORG")], "Islamic Resistance in Iraq",
         "Islamic Resistance of Iraq"),
        ([("Deir ez-Zor", "GPE"), ("Deir Ezzor", "FAC")], "Deir ez-Zor", "Deir Ezzor"),
        ([("al-Qaem", "GPE"), ("Al Qaim", "GPE"), ("Qaim", "GPE")], "al-Qaem", "Qaim"),
        ([("Hashd al-Shaabi", "ORG"), ("Popular Mobilization Forces", "ORG")], "Hashd al-Shaabi",
         "Popular Mobilization Forces"),
        ([("NSC", "ORG"), ("National Security Council", "ORG")], "NSC", "National Security Council"),
        ([("Islamic Republic of Iran", "GPE"), ("Iran", "GPE")], "Islamic Republic of Iran", "Iran"),
    ],
)
def test_linking_merges_variants(names, a, b):
    assert _same(_index(names), a, b)


@pytest.mark.parametrize(
    "names, a, b",
    [
        ([("John Smith", "PERSON"), ("Jane Smith", "PERSON")], "John Smith", "Jane Smith"),
        ([("John Smith", "PERSON"), ("Jane Smith", "PERSON"), ("Smith", "PERSON")], "Smith", "John Smith"),
        ([("George H. W. Bush", "PERSON"), ("George W. Bush", "PERSON")], "George H. W. Bush", "George W. Bush"),
        ([("Yahya Rasul", "PERSON"), ("Yahya Russell", "PERSON")], "Yahya Rasul", "Yahya Russell"),
        ([("National Security Council", "ORG"), ("UN Security Council", "ORG")], "National Security Council",
         "UN Security Council"),
        ([("National Security Council", "ORG"), ("UN Security Council", "ORG"), ("Security Council", "ORG")],
         "Security Council", "UN Security Council"),
        ([("Kataib Hezbollah", "ORG"), ("Kataib Sayyid al-Shuhada", "ORG")], "Kataib Hezbollah",
         "Kataib Sayyid al-Shuhada"),
        ([("Islamic Resistance in Iraq", "ORG"), ("Islamic Revolutionary Guard Corps", "ORG"), ("IRGC", "ORG")],
         "Islamic Resistance in Iraq", "IRGC"),
        ([("Hezbollah", "ORG"), ("Kataib Hezbollah", "ORG")], "Hezbollah", "Kataib Hezbollah"),
        ([("New York", "GPE"), ("New York Police Department", "ORG")], "New York", "New York Police Department"),
        ([("SANA", "ORG"), ("Syrian Observatory for Human Rights", "ORG")], "SANA",
         "Syrian Observatory for Human Rights"),
        ([("AL", "ORG"), ("Angela Little", "ORG")], "AL", "Angela Little"),
        ([("Anderson", "PERSON"), ("Anderson County", "PERSON")], "Anderson", "Anderson County"),
        ([("Myrtle Bay", "GPE"), ("Myrtle Bay City Council", "GPE")], "Myrtle Bay", "Myrtle Bay City Council"),
        ([("Boulevard", "PERSON"), ("Martin Luther King Jr. Boulevard", "PERSON"),
          ("Andrew Young International Boulevard", "PERSON")], "Martin Luther King Jr. Boulevard",
         "Andrew Young International Boulevard"),
        ([("Mercy General Hospital", "ORG"), ("Mercy General Hospital's Trauma Unit", "ORG")],
         "Mercy General Hospital", "Mercy General Hospital's Trauma Unit"),
        ([("Gulf of Aden", "LOC"), ("Transit Corridor in the Gulf of Aden", "LOC")], "Gulf of Aden",
         "Transit Corridor in the Gulf of Aden"),
        ([("Cass", "PERSON"), ("Malik Causey", "PERSON")], "Cass", "Malik Causey"),
    ],
)
def test_linking_keeps_different_entities_apart(names, a, b):
    assert not _same(_index(names), a, b)


def test_linking_acronym_defined_in_text():
    index = _index([("KRG", "ORG"), ("Kurdistan Regional Government", "ORG")],
                   definitions=[("KRG", "Kurdistan Regional Government")])
    assert _same(index, "KRG", "Kurdistan Regional Government")


def test_linking_acronym_alone_is_named_by_its_expansion():
    entity = _index([("SOHR", "ORG")]).entity_of("SOHR")
    assert entity.canonical == "Syrian Observatory for Human Rights"
    assert entity.variants == {"SOHR": 1}


def test_linking_canonical_is_most_complete_then_most_voted():
    names = [("Yehia Rasool", "PERSON"), ("Yahya Rasool", "PERSON"), ("Yahya Rasul", "PERSON"),
             ("Rasool", "PERSON"), ("Rasool", "PERSON")]
    assert _index(names).entity_of("Rasool").canonical == "Yahya Rasool"


def test_linking_bare_surname_is_resolved_per_scope():
    occs = [Occurrence("John Kirby", "PERSON", "a", "s1"), Occurrence("Kirby", "PERSON", "a", "s1"),
            Occurrence("Jim Kirby", "PERSON", "b", "s2"), Occurrence("Kirby", "PERSON", "b", "s2")]
    index = EntityIndex(occs)
    assert index.entity_of("Kirby", "s1").canonical == "John Kirby"
    assert index.entity_of("Kirby", "s2").canonical == "Jim Kirby"
    assert index.entity_of("John Kirby", "s1") is not index.entity_of("Jim Kirby", "s2")


def test_linking_is_independent_of_input_order():
    names = [("Yehia Rasool", "PERSON"), ("Yahya Rasul", "PERSON"), ("Rasool", "ORG"), ("IRGC", "ORG"),
             ("Islamic Revolutionary Guards Corps", "ORG"), ("Revolutionary Guard", "ORG"), ("Kirby", "PERSON"),
             ("John Kirby", "PERSON"), ("Security Council", "ORG"), ("UN Security Council", "ORG")]
    occs = [Occurrence(t, l, f"d{i}", "") for i, (t, l) in enumerate(names)]
    reference = [(e.id, e.variants) for e in EntityIndex(occs).entities()]
    for seed in range(5):
        shuffled = occs[:]
        random.Random(seed).shuffle(shuffled)
        assert [(e.id, e.variants) for e in EntityIndex(shuffled).entities()] == reference


def _article(aid, text, mentions, quotes=()):
    return AnnotatedArticle(article=Article(id=aid, sha256=aid, text=text), mentions=list(mentions),
                            quotes=list(quotes))


def test_resolve_entities_sets_mention_and_speaker_entities():
    a = _article("a", "Defense Secretary Maria Lopez spoke.", [Mention("Defense Secretary Maria Lopez", 0, 29, "PERSON")])
    b = _article("b", "Lopez said ...", [Mention("Lopez", 0, 5, "PERSON")],
                 [Quote("We will respond firmly", 12, 34, speaker="Lopez", article="b"),
                  Quote("Nothing to add", 40, 54, speaker="a senior official", article="b")])
    out = resolve_entities([a, b])
    assert out[0].mentions[0].entity == "Maria Lopez"
    assert out[1].mentions[0].entity == "Maria Lopez"
    assert [q.speaker_entity for q in out[1].quotes] == ["Maria Lopez", None]
    assert a.mentions[0].entity is None  # inputs are not modified


def test_linking_short_first_name_does_not_chain_two_people():
    index = _index([("Chris Moore", "PERSON"), ("Christine Moore", "PERSON"), ("Christopher Moore", "PERSON")])
    assert not _same(index, "Christine Moore", "Christopher Moore")


def test_linking_short_first_name_joins_one_person():
    assert _same(_index([("Fred LaRue", "PERSON"), ("Frederick C. LaRue", "PERSON")]), "Fred LaRue", "Frederick C. LaRue")


def test_linking_bare_surname_prefers_the_full_name_of_its_own_article():
    occs = [Occurrence("John Smith", "PERSON", "a"), Occurrence("Smith", "PERSON", "a"),
            Occurrence("Jane Smith", "PERSON", "b"), Occurrence("Smith", "PERSON", "b"),
            Occurrence("Smith", "PERSON", "c")]
    index = EntityIndex(occs)
    assert index.entity_of("Smith", doc="a").canonical == "John Smith"
    assert index.entity_of("Smith", doc="b").canonical == "Jane Smith"
    assert index.entity_of("Smith", doc="c").canonical == "Smith"  # two candidates in the scope


def test_resolve_entities_is_independent_of_article_order():
    texts = {"a": [("Major General Yehia Rasool", "PERSON"), ("Kirby", "PERSON")],
             "b": [("Yahya Rasul", "PERSON"), ("John Kirby", "PERSON"), ("Rasool", "ORG")],
             "c": [("Yahya Rasool", "PERSON"), ("Kirby", "PERSON")]}
    items = [_article(aid, "", [Mention(t, 0, len(t), label) for t, label in names]) for aid, names in texts.items()]
    reference = {i.article.id: [m.entity for m in i.mentions] for i in resolve_entities(items)}
    assert set(reference["a"]) | set(reference["b"]) | set(reference["c"]) == {"Yahya Rasool", "John Kirby"}
    for seed in range(3):
        shuffled = items[:]
        random.Random(seed).shuffle(shuffled)
        assert {i.article.id: [m.entity for m in i.mentions] for i in resolve_entities(shuffled)} == reference
