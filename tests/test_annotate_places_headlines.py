"""Places of headlines, URLs and abbreviated names: common words in a headline are not towns,
"St."/"Saint" spellings meet, a consolidated city-county goes by its city's name, and a
second name of one town does not vouch for it."""

from __future__ import annotations

import pytest

from newsfuse.annotate import Annotator
from newsfuse.annotate.gazetteer import abbreviation_variant, get_gazetteer
from newsfuse.model import Article


def _annotate(annotator: Annotator, text: str, title: str | None = None, url: str | None = None):
    article = Article(id="t", sha256="", text=text, title=title, url=url, published="2021-06-01")
    return next(annotator.annotate([article]))


@pytest.mark.parametrize("key, variant", [("st ann", "saint ann"), ("saint ann", "st ann"), ("ft worth", "fort worth"),
                                          ("mt vernon", "mount vernon"), ("stanton", None), ("st", None)])
def test_gazetteer_abbreviation_variant_swaps_a_leading_abbreviation(key, variant):
    assert abbreviation_variant(key) == variant


def test_gazetteer_abbreviated_name_finds_the_town_as_its_own_name():
    matches = get_gazetteer().lookup("Ft. Worth")
    assert any(m.primary and m.entry.name == "Fort Worth" and m.entry.admin1 == "TX" for m in matches)


def test_gazetteer_consolidated_city_goes_by_its_city_name():
    matches = [m for m in get_gazetteer().lookup("Lexington") if m.entry.admin1 == "KY" and m.entry.population > 300_000]
    assert matches and all(m.primary and m.entry.name == "Lexington" for m in matches)


def test_places_headline_common_word_is_not_a_town(annotator):
    text = "Officers responded to a report of gunfire at a park on Tuesday evening and found three people hurt."
    item = _annotate(annotator, text, title="Four teens hurt after party in Springfield, Ill.")
    assert item.place is not None and item.place.admin1 == "Illinois"
    assert all(p.name != "Four" for p in item.places)


def test_places_url_common_word_is_not_a_town(annotator):
    text = "A man was charged Monday in the death of a neighbor, officers said."
    item = _annotate(annotator, text, url="https://example.com/news/police-arrest-man-after-fatal-argument/123")
    assert item.place is None or item.place.name != "Arrest"


def test_places_second_name_of_a_town_does_not_vouch_for_it(annotator):
    # "City of Montgomery" is an alternate name of a small namesake only: it must not pull
    # "Montgomery" away from the big city
    text = ("Montgomery police are investigating a shooting outside a bar on Highland Avenue. "
            "The City of Montgomery closed the bar on Monday.")
    place = _annotate(annotator, text).place
    assert place is not None and place.name == "Montgomery" and place.admin1 == "Alabama"
