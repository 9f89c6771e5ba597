"""Casualty statements and article totals, on sentences and mini-articles written for these tests."""

from __future__ import annotations

import re

import pytest

from newsfuse.annotate.casualties import casualties, casualty_claims
from newsfuse.model import AnnotatedArticle, Article, Mention, Span


def _item(text: str, people: tuple[str, ...] = (), title: str | None = None) -> AnnotatedArticle:
    """An article with naive sentences and PERSON mentions for ``people`` (no spaCy)."""
    item = AnnotatedArticle(article=Article(id="t1", sha256="", text=text, title=title))
    item.sentences = [Span(m.start(), m.end()) for m in re.finditer(r"[^.!?\n]+[.!?]?", text) if m.group().strip()]
    for name in people:
        for match in re.finditer(re.escape(name), text):
            item.mentions.append(Mention(name, match.start(), match.end(), "PERSON"))
    return item


def _claims(text: str, people: tuple[str, ...] = (), title: str | None = None, level: str = "sentence"):
    return [c for c in casualty_claims(_item(text, people, title), None) if c.level == level]


def _totals(text: str, people: tuple[str, ...] = (), title: str | None = None) -> dict[str, int]:
    return {c.slot: c.value for c in _claims(text, people, title, "article")}


@pytest.mark.parametrize(
    "text, slot, value, qualifier, low, high",
    [
        ("One woman was killed and another three, including a toddler, were hospitalized.", "killed", 1, "exact", 1, 1),
        ("One woman was killed and another three, including a toddler, were hospitalized.", "injured", 3, "exact", 3, 3),
        ("Four soldiers were killed in Kandahar on Monday.", "killed", 4, "exact", 4, 4),
        ("The blast killed five and wounded more than 30 others.", "killed", 5, "exact", 5, 5),
        ("The blast killed five and wounded more than 30 others.", "injured", 30, "more_than", 31, None),
        ("At least 12 fighters were killed in Idlib.", "killed", 12, "at_least", 12, None),
        ("Militants killed at least 7 civilians near the border.", "killed", 7, "at_least", 7, None),
        ("The attack left two dead and six injured.", "killed", 2, "exact", 2, 2),
        ("The attack left two dead and six injured.", "injured", 6, "exact", 6, 6),
        ("Three were killed in an early count of the raids.", "killed", 3, "exact", 3, 3),
        ("About 20 people were wounded in the crush.", "injured", 20, "about", 18, 22),
        ("Between 10 and 15 people were injured.", "injured", 10, "range", 10, 15),
        ("Dozens of people were injured by the debris.", "injured", 24, "vague", 24, None),
        ("Two people were shot, one fatally, outside the bar.", "shot", 2, "exact", 2, 2),
        ("Two people were shot, one fatally, outside the bar.", "killed", 1, "exact", 1, 1),
        ("Five marines died in the crash.", "killed", 5, "exact", 5, 5),
        ("The death toll rose to 9 on Friday.", "killed", 9, "exact", 9, 9),
        ("The number of people killed in the market bombing has risen to 12, medics said.", "killed", 12, "exact", 12, 12),
        ("No one else was injured.", "injured", 0, "exact", 0, 0),
    ],
)
def test_counted_statements_give_slot_value_qualifier_and_bounds(text, slot, value, qualifier, low, high):
    found = [(c.value, c.qualifier, c.low, c.high) for c in _claims(text) if c.slot == slot]
    assert (value, qualifier, low, high) in found, found


@pytest.mark.parametrize(
    "text, scope_words",
    [
        ("Four soldiers were killed in Kandahar on Monday.", ("soldiers", "Kandahar")),
        ("At least 12 fighters were killed in Idlib.", ("fighters", "Idlib")),
        ("Nine members of the rebel militia were killed.", ("members of the rebel militia",)),
    ],
)
def test_counted_statements_keep_the_group_and_place_as_scope(text, scope_words):
    (claim,) = [c for c in _claims(text) if c.slot == "killed"]
    assert all(word in (claim.scope or "") for word in scope_words), claim.scope
    assert claim.claimant is None


@pytest.mark.parametrize(
    "text, people, slot",
    [
        ("Marcus Reed, 41, died at the scene.", ("Marcus Reed",), "killed"),
        ("The driver was pronounced dead at a nearby hospital.", (), "killed"),
        ("A 22-year-old man was shot and killed late Friday.", (), "killed"),
        ("A 19-year-old woman suffered non-life threatening injuries.", (), "injured"),
        ("The victim, 23, died on Tuesday.", (), "killed"),
        ("Police found a teenager with a gunshot wound to the arm.", (), "shot"),
    ],
)
def test_single_victims_count_one(text, people, slot):
    found = [(c.slot, c.value) for c in _claims(text, people)]
    assert (slot, 1) in found, found
    assert all(c.value in (0, 1) for c in _claims(text, people))  # ages are not counts


@pytest.mark.parametrize(
    "text",
    [
        "Jordan Pike, 35, was arrested on Route 66 at 9 p.m.",
        "In 2015 the family moved to 4500 Maple Avenue.",
        "The city has recorded 45 homicides so far this year.",
        "He was shot at but was not hit.",
        "Officers fired 3 shots at the tires.",
        "The couple married in 1999 and had 3 children.",
    ],
)
def test_non_casualty_numbers_give_no_claims(text):
    assert _claims(text) == []


def test_a_part_of_the_wounded_is_not_a_total():
    claims = _claims("Eleven people were wounded. Two of the wounded were in critical condition, a doctor said.")
    assert [(c.slot, c.value) for c in claims if c.slot == "injured"] == [("injured", 11)]


def test_father_of_three_is_not_a_count():
    claims = _claims("The father of 3 was shot near the park.")
    assert [c.value for c in claims] == [1]


@pytest.mark.parametrize(
    "text, people, expected",
    [
        # one victim named three ways, shot and then dead: one killed, nobody injured
        ("A man was shot Sunday night on Pine Street. He was pronounced dead at the hospital. "
         "The man, identified as Dale Ortiz, 35, was a mechanic. Ortiz died of his wounds.",
         ("Dale Ortiz", "Ortiz"), {"killed": 1}),
        # two victims described by age, one of whom dies
        ("Police said two people were shot. A 17-year-old boy was hit in the leg and a 40-year-old man "
         "was shot in the chest. The man died at the hospital.", (), {"killed": 1, "injured": 1}),
        # an explicit total beats the single victims it names
        ("A shooting at a party left one person dead and four others wounded. Trevor Lane, 20, died at "
         "the scene.", ("Trevor Lane",), {"killed": 1, "injured": 4}),
        # shot minus killed
        ("Five people were shot, two fatally, at the fair.", (), {"killed": 2, "injured": 3}),
        # the shooter's own death is added to those he killed
        ("A gunman killed three coworkers before turning the gun on himself.", (), {"killed": 4}),
        # a single wounded victim
        ("A 16-year-old girl was shot in the foot. She is expected to survive.", (), {"injured": 1}),
    ],
)
def test_article_totals_merge_victims_across_sentences(text, people, expected):
    totals = _totals(text, people)
    assert {slot: totals.get(slot, 0) for slot in ("killed", "injured")} == {
        "killed": expected.get("killed", 0), "injured": expected.get("injured", 0)}


def test_statements_about_other_cases_do_not_count():
    text = ("A woman was wounded on Oak Street on Friday. In a separate shooting, three men were killed "
            "downtown. Last year, 120 people were shot in the city.")
    assert _totals(text) == {"injured": 1, "shot": 1}


def test_headline_gives_a_victim_when_the_text_is_empty():
    claims = _claims("Police are investigating.", title="Teen killed in drive-by shooting on the east side", level="article")
    (killed,) = [c for c in claims if c.slot == "killed"]
    assert killed.value == 1
    assert (killed.start, killed.end) == (0, 0)
    assert killed.sentence.startswith("Teen killed")


def test_article_total_points_at_its_deciding_sentence():
    text = "Officers arrived at noon. The crash killed 4 people and hurt 2 others."
    (total,) = [c for c in _claims(text, level="article") if c.slot == "killed"]
    assert total.value == 4 and text[total.start:total.end].startswith("4 people")
    assert total.sentence == "The crash killed 4 people and hurt 2 others."
    assert total.article == "t1"


def test_component_contract_and_claim_levels():
    assert casualties.name == "casualties"
    assert casualties.sets == ("claims",)
    item = casualties(_item("Two hikers were killed in the rockfall."), None)
    levels = sorted({c.level for c in item.claims})
    assert levels == ["article", "sentence"]


def test_casualty_claims_are_deterministic():
    text = "A man was shot and killed on Main Street. Two women were wounded."
    assert casualty_claims(_item(text), None) == casualty_claims(_item(text), None)


def test_lead_decides_and_later_paragraphs_only_add_to_known_victims():
    lead = "A man was shot and wounded on Elm Street on Friday. " + "Officers searched the area. " * 50
    tail = "Three men were killed in a crash on the highway last month. A woman was shot in another town."
    assert len(lead) > 1200
    totals = _totals(lead + tail)
    assert totals.get("killed", 0) == 0 and totals["injured"] == 1


def test_whole_text_is_read_when_the_lead_says_nothing():
    text = "Officers searched the area. " * 50 + "Two people were wounded in the shooting."
    assert _totals(text)["injured"] == 2


@pytest.mark.parametrize(
    "text, expected",
    [
        ("A teacher was shot and seriously wounded. The gunman later killed himself.", {"killed": 1, "injured": 1}),
        ("A 2-year-old child was shot in the arm and taken to a hospital in stable condition. "
         "Two adults were killed.", {"killed": 2, "injured": 1}),
    ],
)
def test_hurt_and_alive_victims_count_as_injured_beside_the_dead(text, expected):
    totals = _totals(text)
    assert {k: totals.get(k, 0) for k in expected} == expected


@pytest.mark.parametrize(
    "text",
    [
        "A man was shot and killed on Elm Road. The suspect was released on bond Tuesday.",
        "A man was shot and killed on Elm Road. The victim's name has not been released.",
        "A man was shot and killed on Elm Road. Photos of the car were released by police.",
    ],
)
def test_casualties_released_without_hospital_is_no_injury(text):
    assert "injured" not in _totals(text)
    assert not [c for c in _claims(text) if c.slot == "injured"]


@pytest.mark.parametrize(
    "text",
    [
        "A woman was shot in the arm on Elm Road. She was treated and released.",
        "A woman was shot in the arm on Elm Road. She was released from the hospital on Friday.",
        "A woman was shot in the arm on Elm Road. She was released from Mercy General Hospital.",
    ],
)
def test_casualties_released_from_hospital_is_an_injury(text):
    assert _totals(text).get("injured") == 1


@pytest.mark.parametrize(
    "text, slot, value",
    [
        ("Detectives are investigating a double homicide on Birch Lane.", "killed", 2),
        ("Police made an arrest in the triple murder at the motel.", "killed", 3),
        ("No one was arrested after a double shooting near the park.", "shot", 2),
        ("A quadruple shooting left the block in shock.", "shot", 4),
    ],
)
def test_casualties_double_homicide_counts_its_victims(text, slot, value):
    assert _totals(text).get(slot) == value


@pytest.mark.parametrize(
    "text, killed",
    [
        ("A woman and her 15-year-old daughter were found dead in the apartment.", 2),
        ("A 30-year-old man and a 2-year-old boy were killed in the shooting.", 2),
        ("A woman was found dead in the apartment. The woman was 40.", 1),
    ],
)
def test_casualties_coordinated_victims_are_counted_apart(text, killed):
    assert _totals(text).get("killed") == killed


@pytest.mark.parametrize(
    "text, injured",
    [
        ("Lena Ortiz, 19, died in the shooting. She is survived by her parents and a brother.", None),
        ("Lena Ortiz, 19, was shot twice on Friday. She survived and is recovering at home.", 1),
    ],
)
def test_casualties_survived_by_is_an_obituary_not_an_injury(text, injured):
    assert _totals(text, ("Lena Ortiz",)).get("injured") == injured


@pytest.mark.parametrize(
    "text, slot, value",
    [
        ("Deputies said Marta Quill and her two sons died in the fire.", "killed", 3),
        ("Two toddlers and an elderly man were found dead in the cabin.", "killed", 3),
        ("A man and four others were wounded outside the bar.", "injured", 5),
        # the first person is the object of another verb: not one of the counted
        ("The gunman killed his brother and two neighbors were wounded.", "injured", 2),
        ("Five people were killed in the blast.", "killed", 5),
    ],
)
def test_casualties_count_with_one_more_coordinated_person(text, slot, value):
    assert _totals(text, ("Marta Quill",)).get(slot) == value


@pytest.mark.parametrize(
    "title",
    [
        "Stray bullet grazes jogger near the river trail",
        "Girl, 6, hit by stray bullet while asleep",
        "Hunter wounds self with rifle in the woods",
        "Shooting victim walks into fire station for help",
    ],
)
def test_casualties_headline_wounding_words_give_one_injured(title):
    assert _totals("Police are investigating.", title=title) == {"injured": 1, "shot": 1}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Three other women, ages 31, 44, and 52, were injured.", {"injured": 3}),
        ("Two teens, ages 15 and 17, were killed near the school.", {"killed": 2}),
        # an age after a name is not a count (a count above one takes a plural verb)
        ("Officers said Ann Vale, 29 was shot in the hip.", {"injured": 1, "shot": 1}),
        # a time unit before the victim is not a count
        ("Charges came 11 months after a driver shot a cyclist.", {"shot": 1, "injured": 1}),
    ],
)
def test_casualties_ages_and_units_are_not_counts(text, expected):
    totals = _totals(text, ("Ann Vale",))
    assert {slot: totals.get(slot) for slot in expected} == expected


def test_casualties_place_and_noun_taken_for_a_name_is_one_victim():
    text = "A Riverton Man has died of a gunshot wound. Cole Brandt, 58, died Sunday of his injuries."
    assert _totals(text, ("Riverton Man", "Cole Brandt"))["killed"] == 1
