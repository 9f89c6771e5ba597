"""Event types from titles and leads written for these tests."""

from __future__ import annotations

import pytest

from newsfuse.annotate.event_type import TYPES, classify, event_type
from newsfuse.model import AnnotatedArticle, Article, Span


@pytest.mark.parametrize(
    "title, lead, expected",
    [
        ("Jets pound rebel depots", "Warplanes carried out airstrikes on the depots overnight.", "air strike"),
        ("Drone strike hits convoy", "A drone strike destroyed two trucks near the border.", "air strike"),
        ("Navy bombed 30 targets", "The navy bombed 30 targets along the coast, officials said.", "air strike"),
        ("Town shelled again", "Artillery and mortars shelled the town for a third day.", "shelling"),
        ("Troops and rebels clash", "Clashes broke out and a firefight lasted hours.", "armed clash"),
        ("Man shot outside store", "A man was shot in the leg after a gunman opened fire.", "shooting"),
        ("Car bomb rocks market", "A car bomb blast tore through the market at noon.", "bombing"),
        ("Villagers massacred", "Attackers carried out a massacre of villagers at dawn.", "attack on civilians"),
        ("Thousands protest fuel prices", "Protesters marched to parliament in a peaceful demonstration.", "protest"),
        ("Teen arrested after robbery", "Police arrested a 17-year-old on Tuesday.", "arrest"),
        ("Quake shakes coastal towns", "A strong earthquake struck before dawn; no tsunami was expected.", "natural disaster"),
        ("Council approves budget", "The council voted on the budget on Monday.", "other"),
    ],
)
def test_classify_picks_the_type_of_title_and_lead(title, lead, expected):
    assert classify(title, lead) == expected


def test_arrest_in_a_shooting_is_a_shooting():
    assert classify("Man arrested in fatal shooting", "Police arrested a man in the shooting of a teen.") == "shooting"


def test_types_are_the_documented_taxonomy():
    assert set(TYPES) == {"air strike", "shelling", "armed clash", "shooting", "bombing", "attack on civilians",
                          "protest", "arrest", "natural disaster", "other"}


def test_component_reads_title_and_lead_sentences_only():
    text = "Protesters gathered in the square. They chanted for an hour. Police watched. Later a man was shot."
    item = AnnotatedArticle(article=Article(id="e1", sha256="", text=text, title="Rally in the square"))
    item.sentences = [Span(0, 34), Span(35, 58), Span(59, 73), Span(74, len(text))]
    assert event_type(item, None).event_type == "protest"
    assert event_type.sets == ("event_type",)


def test_classify_is_deterministic_on_ties():
    # one shooting cue and one bombing cue: the earlier type of TYPES wins, every time
    results = {classify("", "A shooting and a blast were reported.") for _ in range(3)}
    assert results == {"bombing"}
