"""Choosing the town of the scene among the places an article names: landmarks, hospitals and
home towns named aside, parts of a city, neighbourhoods that share a far town's name, hamlets
the gazetteer lacks."""

from __future__ import annotations

from newsfuse.annotate import Annotator
from newsfuse.annotate.place_names import (Candidate, aside, find_addresses, find_dateline, hamlet_name,
                                           _demonym_candidates, _police_candidates, headline_candidates,
                                           with_region)
from newsfuse.model import Article


def _annotate(annotator: Annotator, text: str, title: str | None = None):
    article = Article(id="t", sha256="", text=text, title=title, published="2021-06-01")
    return next(annotator.annotate([article]))


def _aside_of(text: str, name: str) -> str:
    start = text.index(name)
    return aside(text, start, start + len(name))


def test_places_aside_kinds():
    assert _aside_of("A man was shot on a quiet street outside Atlanta on Sunday.", "Atlanta") == "landmark"
    assert _aside_of("The house stands about 40 miles north of Denver.", "Denver") == "landmark"
    assert _aside_of("She was flown to a hospital in Macon for surgery.", "Macon") == "hospital"
    assert _aside_of("He is in an Anchorage hospital tonight.", "Anchorage") == "hospital"
    assert _aside_of("Police arrested Lee Park, 24, of Dover, on Monday.", "Dover") == "home"
    assert _aside_of("Two men were wounded in the Portland neighborhood.", "Portland") == "part"
    assert _aside_of("A man was shot in Salem on Friday.", "Salem") == ""


def test_places_title_neighborhood_is_a_part():
    cands = [c for c in headline_candidates("Two shot in Portland neighborhood overnight") if c.name == "Portland"]
    assert cands and all(c.aside == "part" for c in cands)
    assert len(cands) == 1  # a headline names its place once, whichever patterns found it


def test_places_hospital_town_is_not_the_scene(annotator):
    text = "An Atlanta hospital is treating a toddler who was wounded Friday in Douglasville, police said."
    place = _annotate(annotator, text).place
    assert place is not None and place.name == "Douglasville" and place.admin1 == "Georgia"


def test_places_home_town_yields_to_the_scene(annotator):
    text = ("Delaware State Police said John Smith, 34, of Dover, was arrested after a shooting in Milford "
            "on Saturday night.")
    place = _annotate(annotator, text).place
    assert place is not None and place.name == "Milford" and place.admin1 == "Delaware"


def test_places_neighborhood_yields_to_the_dateline_city(annotator):
    text = "LOUISVILLE, Ky. — Two men were wounded early Sunday in a shooting in the Portland neighborhood, police said."
    place = _annotate(annotator, text).place
    assert place is not None and place.name == "Louisville"


def test_places_part_named_with_its_town(annotator):
    text = "A man was shot in the leg on Friday night in Astoria, Queens, and taken to a hospital, police said."
    place = _annotate(annotator, text).place
    assert place is not None and place.name == "Queens"


def test_places_neighbourhood_sharing_a_far_towns_name(annotator):
    # "Avondale" is also a town in Arizona: next to Cincinnati police it is a part of Cincinnati
    text = "A man was shot and wounded Tuesday evening in Avondale, Cincinnati police said."
    place = _annotate(annotator, text).place
    assert place is not None and place.name == "Cincinnati" and place.admin1 == "Ohio"


def test_places_article_spelling_of_a_the_name(annotator):
    text = "A teenager was shot inside a Bronx apartment on Monday evening, police said."
    place = _annotate(annotator, text).place
    assert place is not None and place.name == "Bronx" and place.admin1 == "New York"


def test_places_unlisted_hamlet_of_the_lead(annotator):
    # Kokhanok (about 150 people) is below the gazetteer's 500 inhabitants
    text = "DILLINGHAM, Alaska (AP) — A boy was accidentally shot Saturday in Kokhanok, troopers said."
    place = _annotate(annotator, text).place
    assert place is not None and place.name == "Kokhanok" and place.admin1 == "Alaska" and place.lat is None


def test_places_hamlet_name_needs_a_locative():
    text = "Quillbrook said the hunt would go on."
    assert not hamlet_name(Candidate("Quillbrook", "text", 0, 10, sentence=0), text)
    text = "A hunter was hurt near Quillbrook."
    start = text.index("Quillbrook")
    assert hamlet_name(Candidate("Quillbrook", "text", start, start + 10, sentence=0), text)


def test_places_demonym_is_a_home_town():
    cands = _demonym_candidates("BOISE — A 20-year-old Meridian man was hurt on Sunday.", [0], [])
    assert [(c.name, c.aside) for c in cands] == [("Meridian", "home")]


def test_places_hyphenated_police_name():
    cands = _police_candidates("Savannah-Chatham Metro Police said the man was hurt.", [0], [])
    assert [c.name for c in cands] == ["Savannah"]


def test_places_region_that_ends_a_sentence():
    assert with_region(Candidate("Vanduser", "text"), "Missouri. Scott").state == "MO"


def test_places_dateline_with_chevrons():
    article = Article(id="d", sha256="", text="BERKELEY TOWNSHIP >> A man was hurt while hunting on Saturday.")
    found = find_dateline(article)
    assert found is not None and found[0] == "BERKELEY TOWNSHIP"


def test_places_cross_streets_with_inner_capitals():
    found = find_addresses("They stood on the corner of Baltimore and McHenry avenues when shots rang out.")
    assert [f[0] for f in found] == ["Baltimore and McHenry avenues"]
