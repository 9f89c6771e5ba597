"""Entity mentions: spaCy's entities with rule corrections (relabelling, trimming, junk)."""

from __future__ import annotations

import pytest

from newsfuse.annotate.mentions import correct_mentions, missed_places


def _span(text: str, needle: str, label: str) -> tuple[int, int, str]:
    start = text.index(needle)
    return start, start + len(needle), label


@pytest.mark.parametrize(
    "text, name, label",
    [
        ("Jets struck a depot in Al-Qaim overnight.", "Al-Qaim", "PERSON"),
        ("Shelling was reported near al-Qaem on Tuesday.", "al-Qaem", "ORG"),
        ("Residents fled from Al-Mayadeen after the raid.", "Al-Mayadeen", "ORG"),
        ("A convoy was hit outside Deir Ezzor at dawn.", "Deir Ezzor", "FAC"),
    ],
)
def test_gazetteer_place_in_place_context_becomes_gpe(text, name, label):
    mentions = correct_mentions(text, [_span(text, name, label)])
    assert [(m.text, m.label) for m in mentions] == [(name, "GPE")]


def test_place_listed_after_a_place_becomes_gpe():
    text = "The raids hit Syria, Al-Bukamal and Mayadin."
    entities = [_span(text, "Syria", "GPE"), _span(text, "Al-Bukamal", "ORG"), _span(text, "Mayadin", "PERSON")]
    labels = [m.label for m in correct_mentions(text, entities)]
    assert labels == ["GPE", "GPE", "GPE"]


@pytest.mark.parametrize(
    "text, name, label",
    [
        ("Jordan Whitfield said the team would return.", "Jordan Whitfield", "PERSON"),
        ("Officials praised Al-Qaim's mayor, the ministry said.", "Al-Qaim", "ORG"),  # no place context
        ("The coach thanked Dallas for the support.", "Dallas", "PERSON"),  # "thanked" is not locative
    ],
)
def test_names_without_place_context_keep_their_label(text, name, label):
    mentions = correct_mentions(text, [_span(text, name, label)])
    assert mentions[0].label == label


@pytest.mark.parametrize(
    "text, raw, expected",
    [
        ("Aid reached the United Nations office.", "the United Nations", "United Nations"),
        ("He thanked the Red Cross's volunteers.", "the Red Cross's", "Red Cross"),
        ("Crowds gathered in The Hague on Monday.", "The Hague", "Hague"),
    ],
)
def test_leading_the_and_possessive_are_cut(text, raw, expected):
    start = text.index(raw)
    (mention,) = correct_mentions(text, [(start, start + len(raw), "ORG")])
    assert mention.text == expected
    assert text[mention.start:mention.end] == expected


@pytest.mark.parametrize(
    "text, raw, label",
    [
        ("Rated 5 stars -- by readers.", "--", "ORG"),
        ("It cost $ 40.", "$", "PERSON"),
        ("Some said x and y.", "x", "PERSON"),
        ("the council heard from residents", "council", "ORG"),  # lower-case "name"
    ],
)
def test_junk_entities_are_dropped(text, raw, label):
    start = text.index(raw)
    assert correct_mentions(text, [(start, start + len(raw), label)]) == []


def test_entity_across_a_line_break_is_cut_at_it():
    text = "Report from Springfield\nPolice said more."
    start = text.index("Springfield")
    (mention,) = correct_mentions(text, [(start, text.index("Police") + 6, "GPE")])
    assert mention.text == "Springfield" and mention.end == start + len("Springfield")


def test_numeric_entities_are_kept_as_spacy_gives_them():
    text = "Three people were hurt on Friday."
    mentions = correct_mentions(text, [_span(text, "Three", "CARDINAL"), _span(text, "Friday", "DATE")])
    assert [m.label for m in mentions] == ["CARDINAL", "DATE"]


@pytest.mark.parametrize(
    "text, name",
    [
        ("Fighters were killed in the eastern Deir ez-Zor province, monitors said.", "Deir ez-Zor"),
        ("A woman was shot in a Twin Falls apartment late on Monday.", "Twin Falls"),
    ],
)
def test_missed_places_are_found_in_place_contexts(text, name):
    spans = missed_places(text, [])
    assert (text.index(name), text.index(name) + len(name), "GPE") in spans


def test_missed_places_skip_spans_the_model_already_has_and_non_places():
    text = "The storm moved into Kansas in March, toward Quillberry Flats."
    taken = [_span(text, "Kansas", "GPE")]
    assert missed_places(text, taken) == []


def test_mentions_component_relabels_a_place_the_model_misses(annotator_items):
    item = annotator_items["Rockets landed in Al-Qaim and near Al-Bukamal on Sunday, officials said."]
    labels = {m.text: m.label for m in item.mentions}
    assert labels.get("Al-Qaim") == "GPE" and labels.get("Al-Bukamal") == "GPE"


@pytest.fixture(scope="module")
def annotator_items():
    from newsfuse.annotate import Annotator
    from newsfuse.model import Article

    texts = ["Rockets landed in Al-Qaim and near Al-Bukamal on Sunday, officials said."]
    items = Annotator().annotate([Article(id=str(i), sha256="", text=t) for i, t in enumerate(texts)])
    return {item.article.text: item for item in items}
