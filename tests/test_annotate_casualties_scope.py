"""Who is dead, and in which incident: brain death, earlier cases, a shooter's own death.
Sentences and mini-articles written for these tests."""

from __future__ import annotations

import pytest

from test_annotate_casualties import _claims, _totals


@pytest.mark.parametrize(
    "title, text",
    [
        ("Teen declared brain dead after shooting",
         "A 15-year-old boy was shot in the head on Friday night. He was declared brain dead on Sunday, his family said."),
        ("Woman brain-dead after being shot in her car",
         "A woman who was shot Tuesday is brain-dead and on life support, relatives said."),
        ("Boy, 6, on life support after shooting", "A 6-year-old boy is on life support after he was shot in the head."),
        (None, "A man was shot in the neck on Saturday. He remains on life support at a local hospital."),
    ],
)
def test_brain_dead_or_on_life_support_is_hurt_not_killed(title, text):
    totals = _totals(text, title=title)
    assert (totals.get("killed", 0), totals["injured"]) == (0, 1)
    assert not [c for c in _claims(text, title=title) if c.slot == "killed"]


def test_a_victim_taken_off_life_support_who_died_is_killed():
    text = "A girl shot on Friday was declared brain dead. She died Sunday after being taken off life support."
    totals = _totals(text)
    assert (totals["killed"], totals["injured"]) == (1, 0)


@pytest.mark.parametrize(
    "title, text, killed, injured",
    [
        ("Man shot on Elm Street",
         "A man was shot on Elm Street early Sunday. It was the second killing on the street this month; "
         "in March a man was shot dead there.", 0, 1),
        ("Man wounded in shooting",
         "A man was wounded Sunday on Elm Street. Two weeks ago, a 20-year-old man was shot and killed a block away.", 0, 1),
        (None, "A woman was shot dead outside a bar on Friday. Last month, two men were killed in the same parking lot.", 1, 0),
        (None, "Two men were wounded in a shooting Monday. In 2015, three people were killed at the same club.", 0, 2),
    ],
)
def test_a_death_dated_before_the_incident_is_another_case(title, text, killed, injured):
    totals = _totals(text, title=title)
    assert (totals.get("killed", 0), totals.get("injured", 0)) == (killed, injured)


@pytest.mark.parametrize(
    "text",
    [
        # a follow-up told only in the past keeps its dated death: it is the incident
        "Last month, a man was shot and killed outside his home. Police arrested a suspect on Monday.",
        # a day's date is how a lede dates its own incident
        "On March 3, a man was shot and killed outside his home. Police are asking for tips.",
        # "two days after": the article's own incident, told from the day it was written
        "The courthouse stayed closed Wednesday, two days after a gunman shot and killed a man in its lobby.",
    ],
)
def test_a_dated_death_with_nothing_else_told_is_kept(text):
    assert _totals(text)["killed"] == 1


@pytest.mark.parametrize(
    "title, text, people",
    [
        (None, "A woman shot and wounded her teenage son, then killed herself inside their home Sunday, police said. "
               "The woman died at the scene.", ()),
        ("Mother shoots son, then kills herself", "A mother shot and wounded her son on Monday, then killed herself. "
                                                   "The woman was pronounced dead at the scene.", ()),
        (None, "Police said Jane Roe, 41, shot and wounded her son, then killed herself. Roe died at the scene.", ("Jane Roe",)),
        (None, "Police said a father shot and wounded his 3-year-old son before killing himself. The man died at the scene.", ()),
        (None, "A man shot and wounded his wife before turning the gun on himself, police said. He died at the scene; "
               "she is in stable condition.", ()),
    ],
)
def test_a_shooter_who_wounds_then_kills_himself_is_one_dead_one_hurt(title, text, people):
    totals = _totals(text, people, title=title)
    assert (totals["killed"], totals["injured"]) == (1, 1)


def test_the_subject_before_a_relative_clause_with_the_dead_is_the_hurt_victim():
    text = ("A victim who escaped from a house where three people were killed early Monday also was injured in "
            "the attack, the sheriff said.")
    totals = _totals(text)
    assert (totals["killed"], totals["injured"]) == (3, 1)


def test_a_possessor_is_not_the_victim():
    # "his mother's boyfriend" is a man: the adult the gunman critically injured
    text = ("The gunman killed a 2-year-old boy and critically injured an adult man. His mother's boyfriend, "
            "22, was also shot and remains in critical condition.")
    totals = _totals(text)
    assert (totals["killed"], totals["injured"]) == (1, 1)
