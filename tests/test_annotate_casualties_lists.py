"""Victim lists, shooters who killed themselves, and victim merging: article totals on
sentences and headlines written for these tests."""

from __future__ import annotations

import re

import pytest

from newsfuse.annotate.casualties import casualty_claims
from newsfuse.annotate.casualties.lists import victim_lists
from newsfuse.model import AnnotatedArticle, Article, Mention, Span


def _totals(text: str, title: str | None = None, people: tuple[str, ...] = ()) -> dict[str, int]:
    item = AnnotatedArticle(article=Article(id="t1", sha256="", text=text, title=title))
    item.sentences = [Span(m.start(), m.end()) for m in re.finditer(r"[^.!?\n]+[.!?]?", text) if m.group().strip()]
    for name in people:
        for match in re.finditer(re.escape(name), text):
            item.mentions.append(Mention(name, match.start(), match.end(), "PERSON"))
    return {c.slot: c.value for c in casualty_claims(item, None) if c.level == "article"}


@pytest.mark.parametrize(
    "title, killed",
    [
        ("Farmer kills wife, 3 daughters, then himself", 5),
        ("Police: Man shoots 5 neighbors, killing 3, then himself", 4),
        ("Boy, 14, kills 9-year-old sister, self", 2),
        ("Gunman fatally shoots 2 coworkers, self at warehouse", 3),
        ("Woman, 3 children found dead in apartment", 4),
        ("3 adults, two teens dead in house shooting", 5),
        ("Toddler, man found dead in trailer", 2),
        ("Relatives among 4 slain by rancher who then killed himself", 5),
    ],
)
def test_headline_victim_lists_count_every_item_and_the_shooter(title, killed):
    assert _totals("Nothing more is known.", title=title).get("killed") == killed


@pytest.mark.parametrize(
    "text, killed",
    [
        ("Three men and two women were killed at the bar on Friday.", 5),
        ("Two boys, ages 6 and 9, and their father were found dead inside the home.", 3),
        ("Deputies say a man fatally shot his girlfriend and two young daughters before killing himself.", 4),
        ("The gunman left five people dead before he turned the gun on himself.", 6),
        ("A retired guard was accused of killing his brother and three nephews.", 4),
        ("Six relatives were found shot dead in the farmhouse.", 6),
    ],
)
def test_text_victim_lists_and_shooter_counts(text, killed):
    assert _totals(text).get("killed") == killed


@pytest.mark.parametrize(
    "text",
    [
        "Police said he threatened to kill his wife and two sons.",
        "He tried to kill his mother and sister last year.",
    ],
)
def test_threats_and_attempts_are_not_victim_lists(text):
    assert victim_lists(text) == []


def test_a_list_ends_where_a_new_clause_begins():
    totals = _totals("The gunman killed his uncle and three cousins were wounded.")
    assert totals.get("killed") == 1 and totals.get("injured") == 3


def test_the_shooter_counted_in_a_list_is_not_added_twice():
    assert _totals("Nothing more.", title="Man kills mother, brother, himself in murder-suicide").get("killed") == 3


def test_shot_minus_killed_leaves_the_shooter_out():
    totals = _totals("Nothing more.", title="Man shoots 5 relatives, killing 2, then himself")
    assert totals.get("killed") == 3 and totals.get("injured") == 3


def test_a_shooters_own_death_is_no_sentence_claim():
    item = AnnotatedArticle(article=Article(id="t1", sha256="", text="A man shot two clerks and then turned the gun on himself."))
    item.sentences = [Span(0, len(item.article.text))]
    assert not [c for c in casualty_claims(item, None) if c.level == "sentence" and c.slot == "killed"]


def test_headline_dead_victim_beside_a_wounded_count():
    assert _totals("Nothing more.", title="Teen killed, 4 wounded at skate park").get("killed") == 1


def test_one_of_two_shot_dies_leaves_one_injured():
    totals = _totals("Nothing more.", title="One of three men shot on Elm Street dies")
    assert totals.get("killed") == 1 and totals.get("injured") == 2


def test_a_place_or_a_speaker_named_before_the_verb_is_not_a_second_victim():
    text = ("Harbor town man dies after shooting. A 30-year-old Harbor town man was killed on Sunday. "
            "Medical examiner Ann Lee said the man died at the scene.")
    assert _totals(text, people=("Harbor", "Ann Lee")).get("killed") == 1


def test_a_headline_victim_and_a_shot_mention_are_one_person():
    text = "A teenager was shot near the school on Friday. The teenager was pronounced dead at a hospital."
    assert _totals(text, title="Teenager dies after shooting").get("killed") == 1


def test_had_no_injuries_is_not_a_hurt_victim():
    assert "injured" not in _totals("The driver had no injuries, police said.")
