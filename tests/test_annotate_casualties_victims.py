"""One victim told twice: merging of victims across the title and the lead, written for these tests."""

from __future__ import annotations

import pytest

from test_annotate_casualties import _totals


@pytest.mark.parametrize(
    "title, text, people, killed",
    [
        # the lede re-introduces the headline's victim with an indefinite description
        ("Boy, 7, dies after shooting at park", "A seven-year-old boy has died after being shot at a park, police said.", (), 1),
        ("1 dead after shooting on Elm Street", "A man died after a shooting on Elm Street on Sunday.", (), 1),
        ("Teen shot, killed near school", "Police said a teenager was killed near the school. A teen died at the hospital.", (), 1),
        # one word after an article or an age is a place the NER took for a name
        (None, "A 17-year-old Eastfield high school student was killed Saturday. Police said Ryan Cole had been shot in the chest.",
         ("Eastfield", "Ryan Cole"), 1),
        # an adult's age is not the baby's, so the named man is the father
        (None, "A father and his baby son were found dead in their home. Marcus Bell, 43, was dead in the garage.",
         ("Marcus Bell",), 2),
        # "the 20-month-old" is "a 1-year-old boy"
        (None, "A 1-year-old boy was shot and killed on Friday. The 20-month-old died at his home.", (), 1),
    ],
)
def test_victims_one_victim_told_twice_is_counted_once(title, text, people, killed):
    assert _totals(text, people, title=title)["killed"] == killed


def test_victims_the_man_who_died_is_the_dead_one_not_the_last_one_named():
    text = "One man died in a shooting early Sunday. Another man is in critical condition. The man who died was 27."
    totals = _totals(text)
    assert (totals["killed"], totals["injured"]) == (1, 1)


def test_victims_an_exact_count_of_the_dead_stands():
    text = ("Two people were killed in the shooting on Sunday. Dana Whitlock, 35, died at the scene. "
            "Police said a woman and a man were found dead inside the home.")
    assert _totals(text, ("Dana Whitlock",))["killed"] == 2


def test_victims_no_count_lets_the_victims_add_up():
    text = "Dana Whitlock, 35, died at the scene. Omar Reyes, 41, was also killed."
    assert _totals(text, ("Dana Whitlock", "Omar Reyes"))["killed"] == 2


def test_victims_relatives_of_the_dead_are_not_victims():
    text = "The mother and brother of an 8-year-old girl who died from a gunshot wound were arrested."
    assert _totals(text)["killed"] == 1


def test_victims_the_agent_of_a_passive_is_not_the_victim():
    text = "The toddler was driven to a hospital by his father and is listed in critical condition."
    assert _totals(text, title="Toddler, 3, shot inside home")["injured"] == 1


def test_victims_a_noun_shot_is_no_verb():
    text = "The first shot the man fired hit the wall of the classroom."
    assert _totals(text, title="Girl, 10, shot by pellet gun at school")["injured"] == 1


def test_victims_a_shooter_named_among_the_dead_is_not_among_the_shot():
    text = "A man shot six people Saturday, killing four of them before turning the gun on himself."
    totals = _totals(text, title="5 dead, including gunman, in shooting")
    assert (totals["killed"], totals["injured"]) == (5, 2)


def test_victims_he_later_died_is_the_last_victim_told_of():
    text = "One man was killed on Sunday. Another man was wounded and in critical condition. He later died."
    assert _totals(text)["killed"] == 2
