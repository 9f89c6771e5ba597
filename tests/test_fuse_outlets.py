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


@pytest.mark.parametrize(
    "place, home",
    [
        (_town("Dayton", "Ohio"), OHIO),  # already home
        (_town("Paducah", "Kentucky"), None),  # no home
        (Place(name="Kentucky", country="US", admin1="Kentucky", precision="province"), OHIO),  # a state is named
        (Place(name="Aleppo", country="SY", admin1="Aleppo", precision="town"), OHIO),  # another country
        (_town("Paducah", "Kentucky"), OHIO),  # no namesake in Ohio and no Ohio town named
    ],
)
def test_outlets_home_leaves_the_reading_alone(place, home):
    item = _item(place)
    assert with_home(item, home) is item
