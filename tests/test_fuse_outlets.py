"""The outlet's home region as a prior for an article's main place (newsfuse.fuse.outlets)."""

from __future__ import annotations

import pytest

from newsfuse.fuse.outlets import article_region, home_region, with_home
from newsfuse.model import AnnotatedArticle, Article, Place

OHIO = ("US", "Ohio")


def _item(place: Place | None, places: list[Place] | None = None) -> AnnotatedArticle:
    article = Article(id="a1", sha256="s1", text="", outlet="ledger.example")
    return AnnotatedArticle(article=article, place=place, places=places if places is not None else ([place] if place else []))


def _town(name: str, state: str, **extra) -> Place:
    return Place(name=name, country="US", admin1=state, precision="town", **extra)


@pytest.mark.parametrize(
    "counts, home",
    [
        ({OHIO: 3, ("US", "Kentucky"): 1}, OHIO),
        ({OHIO: 2}, OHIO),
        ({OHIO: 1}, None),  # one article is no habit
        ({OHIO: 2, ("US", "Kentucky"): 2}, None),  # a tie has no home
        ({OHIO: 3, ("US", "Kentucky"): 2, ("US", "Indiana"): 2}, None),  # less than half
        ({}, None),
    ],
)
def test_outlets_home_region(counts, home):
    assert home_region(counts) == home


def test_outlets_article_region_is_the_main_place_region():
    assert article_region(_item(_town("Dayton", "Ohio"))) == OHIO
    assert article_region(_item(None)) is None
    assert article_region(_item(Place(name="Nowhere", precision="town"))) is None


def test_outlets_namesake_in_the_home_region_replaces_the_biggest():
    item = _item(_town("Springfield", "Missouri", lat=37.2, lon=-93.3, geonameid=1))
    place = with_home(item, OHIO).place
    assert (place.name, place.admin1, place.country) == ("Springfield", "Ohio", "US")
    assert place.geonameid != 1 and abs(place.lat - 39.9) < 0.3 and abs(place.lon + 83.8) < 0.3
    assert item.place.admin1 == "Missouri"  # the stored article is not changed


def test_outlets_a_named_town_of_the_home_region_becomes_the_main_place():
    scene = _town("Xenia", "Ohio", source="text")
    item = _item(_town("Paducah", "Kentucky"), [_town("Paducah", "Kentucky"), scene])
    assert with_home(item, OHIO).place is scene


def test_outlets_a_dateline_elsewhere_is_not_taken_for_the_scene():
    dateline = _town("Xenia", "Ohio", source="dateline")
    item = _item(_town("Paducah", "Kentucky"), [dateline, _town("Paducah", "Kentucky")])
    assert with_home(item, OHIO).place.name == "Paducah"


def test_outlets_article_without_place_gets_the_home_region_marked_as_a_prior():
    place = with_home(_item(None), OHIO).place
    assert (place.name, place.precision, place.source, place.admin1) == ("Ohio", "province", "outlet", "Ohio")
    assert place.lat is not None and place.lon is not None


_ALEPPO = Place(name="Aleppo", country="SY", admin1="Aleppo", precision="town")
_SYRIA = Place(name="Syria", country="SY", precision="country")


@pytest.mark.parametrize(
    "place, home, places",
    [
        (_town("Dayton", "Ohio"), OHIO, None),  # already home
        (_town("Paducah", "Kentucky"), None, None),  # no home
        (Place(name="Kentucky", country="US", admin1="Kentucky", precision="province"), OHIO, None),  # a state
        (_town("Paducah", "Kentucky"), OHIO, None),  # no namesake in Ohio and no Ohio town named
        (_ALEPPO, OHIO, [_ALEPPO, _SYRIA]),  # a story abroad that names the country
        (_ALEPPO, OHIO, [_ALEPPO, Place(name="Turkey", country="TR", precision="country")]),  # or its region
        # the state of the town is in the headline: a neighbouring state's town, not a namesake
        (_town("Springfield", "Missouri"), OHIO,
         [_town("Springfield", "Missouri"), Place(name="Missouri", country="US", admin1="Missouri",
                                                  precision="province", source="title")]),
    ],
)
def test_outlets_home_leaves_the_reading_alone(place, home, places):
    item = _item(place, places)
    assert with_home(item, home) is item


def test_outlets_a_state_named_in_passing_does_not_keep_the_namesake_away():
    passing = Place(name="Missouri", country="US", admin1="Missouri", precision="province", source="text")
    item = _item(_town("Springfield", "Missouri"), [_town("Springfield", "Missouri"), passing])
    assert with_home(item, OHIO).place.admin1 == "Ohio"


def test_outlets_a_town_abroad_in_a_story_naming_nothing_abroad_is_read_at_home():
    macon = Place(name="Mâcon", country="FR", admin1="Bourgogne", precision="town", lat=46.3, lon=4.8)
    place = with_home(_item(macon), ("US", "Georgia")).place
    assert (place.name, place.country, place.admin1) == ("Macon", "US", "Georgia")  # the namesake at home
    assert abs(place.lat - 32.8) < 0.3


def test_outlets_a_town_abroad_without_a_namesake_at_home_keeps_its_name_without_coordinates():
    hamlet = Place(name="Saint-Roch", country="CA", admin1="Quebec", precision="town", lat=46.8, lon=-71.2)
    place = with_home(_item(hamlet), OHIO).place
    assert (place.name, place.country, place.admin1, place.source) == ("Saint-Roch", "US", "Ohio", "outlet")
    assert place.lat is None and place.geonameid is None


@pytest.mark.parametrize(
    "place, stays",
    [
        (_town("Elmwood Park", "Kentucky", population=700), False),  # a small town, its state unnamed
        (_town("Dallas", "Texas", population=1_300_000), True),  # a big city needs no state to be known
        (Place(name="Tift County", country="US", admin1="Kentucky", precision="district"), True),  # a county
    ],
)
def test_outlets_a_small_town_of_an_unnamed_state_is_a_local_name(place, stays):
    got = with_home(_item(place), OHIO).place
    assert (got is place) == stays
    if not stays:
        assert (got.name, got.admin1, got.source, got.lat) == (place.name, "Ohio", "outlet", None)


def test_outlets_a_small_town_whose_state_the_story_names_stays():
    town = _town("Elmwood Park", "Kentucky", population=700)
    state = Place(name="Kentucky", country="US", admin1="Kentucky", precision="province", source="text")
    assert with_home(_item(town, [town, state]), OHIO).place is town
