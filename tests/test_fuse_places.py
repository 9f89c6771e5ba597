"""The event's main place: voted by the articles' own main places."""

from __future__ import annotations

from newsfuse.fuse.places import event_places, town_leads
from newsfuse.model import AnnotatedArticle, Article, Place


def _item(id_: str, main: Place | None, *others: Place) -> AnnotatedArticle:
    article = Article(id=id_, sha256=id_, text="Something happened here. More text follows.")
    return AnnotatedArticle(article=article, place=main, places=[p for p in (main, *others) if p is not None])


def _town(name: str, state: str, source: str = "text") -> Place:
    return Place(name=name, country="XX", admin1=state, lat=1.0, lon=2.0, precision="town", source=source)


def test_fuse_places_main_is_the_place_most_articles_chose():
    suburb, metro = _town("Brindle", "North"), _town("Castor", "North")
    items = [_item("a", suburb, metro), _item("b", suburb, metro), _item("c", metro, suburb)]
    assert event_places(items, [])[0].name == "Brindle"


def test_fuse_places_single_article_keeps_its_main_place():
    # the other town is finer by nothing and first in the alphabet: the article's choice still leads
    item = _item("a", _town("Zephyr", "North"), _town("Alder", "North"))
    assert event_places([item], [])[0].name == "Zephyr"


def test_fuse_places_votes_count_the_state_of_a_namesake():
    items = [_item("a", _town("Marlow", "East")), _item("b", _town("Marlow", "West")), _item("c", _town("Marlow", "West"))]
    assert event_places(items, [])[0].admin1 == "West"


def test_fuse_places_dateline_chosen_as_main_counts():
    dateline = _town("Harbor", "South", source="dateline")
    items = [_item("a", dateline), _item("b", _town("Harbor", "South"))]
    assert event_places(items, [])[0].name == "Harbor"


def test_fuse_places_state_only_article_does_not_outvote_a_town():
    state = Place(name="Southland", country="XX", admin1="Southland", precision="province")
    items = [_item("a", state), _item("b", state), _item("c", _town("Harbor", "Southland"))]
    assert event_places(items, [])[0].name == "Harbor"


def test_fuse_places_is_independent_of_article_order():
    items = [_item("a", _town("Brindle", "North")), _item("b", _town("Castor", "North"))]
    assert event_places(items, []) == event_places(list(reversed(items)), [])


def test_fuse_places_town_leads_keeps_the_voted_town():
    street = Place(name="12 Elm Street", country="XX", admin1="North", precision="address", address="12 Elm Street")
    places = town_leads(event_places([_item("a", _town("Brindle", "North"), street)], []))
    assert places[0].name == "Brindle"


def test_fuse_places_namesake_tie_goes_to_the_smaller_town():
    # one article took the big namesake by default, the other chose the small one on evidence
    big = Place(name="Marlow", country="XX", admin1="West", lat=1.0, lon=2.0, population=250_000)
    small = Place(name="Marlow", country="XX", admin1="East", lat=3.0, lon=4.0, population=9_000)
    items = [_item("a", big), _item("b", small)]
    assert event_places(items, [])[0].admin1 == "East"
    assert event_places(list(reversed(items)), [])[0].admin1 == "East"


def test_fuse_places_population_does_not_decide_between_different_towns():
    # a suburb and its metro, one vote each: the population is no reason to move off the usual order
    items = [_item("a", Place(name="Alder", country="XX", admin1="North", lat=1.0, lon=2.0, population=700_000)),
             _item("b", Place(name="Brindle", country="XX", admin1="North", lat=1.1, lon=2.1, population=40_000))]
    assert event_places(items, [])[0].name == "Brindle"


def test_place_population_round_trips_through_dict():
    from newsfuse.model import to_dict

    place = Place(name="Marlow", admin1="West", population=9_000)
    assert Place.from_dict(to_dict(place)) == place and Place.from_dict({"name": "Marlow"}).population is None


def test_fuse_places_town_beats_county_at_equal_votes():
    # one article chose the county (named by both), the other a town in it: the town is finer
    county = Place(name="Cobble County", country="XX", admin1="North", precision="district", source="text")
    town = _town("Brindle", "North")
    items = [_item("a", county), _item("b", town, county)]
    assert event_places(items, [])[0].name == "Brindle"


def test_places_equal_votes_go_to_the_state_more_reports_name():
    from newsfuse.fuse.places import event_places
    from newsfuse.model import AnnotatedArticle, Article, Place

    def article(key: str, *places: Place) -> AnnotatedArticle:
        return AnnotatedArticle(Article(id=key, sha256=key, text=""), place=places[0], places=list(places[1:]))

    def montgomery(state: str, population: int) -> Place:
        return Place(name="Montgomery", country="US", admin1=state, precision="town", population=population)

    alabama = Place(name="Alabama", country="US", admin1="Alabama", precision="province")
    items = [
        article("a", montgomery("Georgia", 1000), montgomery("Georgia", 1000)),
        article("b", montgomery("Alabama", 200000), montgomery("Alabama", 200000)),
        article("c", alabama, alabama),  # a third report names only the state
    ]
    assert event_places(items, [])[0].admin1 == "Alabama"
