"""The town named as the scene ("shot in X", "a home near X") of local news: over the county
that the article names again and again, and over towns named otherwise."""

from __future__ import annotations

from newsfuse.annotate import Annotator
from newsfuse.annotate.place_names import aside, scene_marked
from newsfuse.model import Article


def _annotate(annotator: Annotator, text: str, title: str | None = None):
    article = Article(id="t", sha256="", text=text, title=title, published="2021-06-01")
    return next(annotator.annotate([article]))


def _marked(text: str, name: str) -> bool:
    return scene_marked(text, text.index(name))


def test_scene_marked_by_the_words_before_the_town():
    assert _marked("A teen was shot in Ringgold on Monday.", "Ringgold")
    assert _marked("Deputies found him at a home near Suwanee.", "Suwanee")
    assert _marked("It happened just outside of Latta late Friday.", "Latta")
    assert _marked("The boy lived in the town of Elmo with his grandfather.", "Elmo")
    assert _marked("Officers went to a house on Lavender Road, Jefferson, at noon.", "Jefferson")
    assert _marked("Two men were hurt in rural Foxhome on Sunday.", "Foxhome")
    assert not _marked("Ringgold police said the boy was 15.", "Ringgold")
    assert not _marked("A Ringgold man was charged on Monday.", "Ringgold")


def test_an_examiners_office_or_a_jail_is_named_aside():
    text = "The body was taken to the medical examiner's office in Roanoke for an autopsy."
    assert aside(text, text.index("Roanoke"), text.index("Roanoke") + 7) == "hospital"
    text = "He was booked into the county jail in Dalton on Tuesday."
    assert aside(text, text.index("Dalton"), text.index("Dalton") + 6) == "hospital"


def test_the_town_of_the_scene_over_the_county_said_again_and_again(annotator):
    text = ("DILLON COUNTY, S.C. - Four people were shot at a club just outside of Latta in Dillon County "
            "early Saturday. Dillon County deputies said one man died. The Dillon County coroner identified "
            "him on Sunday. The Dillon County Sheriff's Office is asking for tips.")
    place = _annotate(annotator, text, title="Four shot at Dillon County club").place
    assert place is not None and place.name == "Latta" and place.admin1 == "South Carolina"


def test_the_county_stays_when_no_town_is_named_as_the_scene(annotator):
    text = ("DILLON COUNTY, S.C. - Four people were shot at a club in Dillon County early Saturday. "
            "Dillon County deputies said one man from Latta died. The Dillon County coroner identified him.")
    place = _annotate(annotator, text, title="Four shot at Dillon County club").place
    assert place is not None and place.name == "Dillon County"


def test_a_town_of_another_state_is_not_the_county_scene(annotator):
    text = ("DILLON COUNTY, S.C. - A man was shot in Dillon County on Friday. Dillon County deputies said "
            "he had driven from a party in Lumberton, N.C. The Dillon County coroner identified him.")
    place = _annotate(annotator, text).place
    assert place is not None and place.name == "Dillon County"


def test_the_town_named_as_the_scene_over_the_home_town_of_the_lead(annotator):
    text = ("A Rome man was charged Monday with aggravated assault, deputies said. Investigators said "
            "the shooting happened late Saturday at a house party in Cartersville, Georgia.")
    place = _annotate(annotator, text).place
    assert place is not None and place.name == "Cartersville"
