"""Places in the context of US local news: a town named with its state that the gazetteer
lacks, the same name repeated bare, states named anywhere in the text, towns in states the
article never names, the outlet's URL."""

from __future__ import annotations

import pytest

from newsfuse.annotate import Annotator
from newsfuse.annotate.place_names import states_in_text
from newsfuse.model import Article


def _annotate(annotator: Annotator, text: str, title: str | None = None, url: str | None = None):
    article = Article(id="t", sha256="", text=text, title=title, url=url, published="2021-06-01")
    return next(annotator.annotate([article]))


def test_places_unlisted_town_keeps_its_name_and_state(annotator):
    text = ("QUILLBROOK, Vt. (AP) — State police say a hunter was wounded Sunday near a trail in Quillbrook. "
            "The man was taken to a hospital.")
    place = _annotate(annotator, text).place
    assert place is not None and place.name == "Quillbrook" and place.admin1 == "Vermont"
    assert place.lat is None  # not placed at a namesake elsewhere


def test_places_name_with_its_state_holds_when_repeated_bare(annotator):
    text = ("A toddler was hurt Friday in Felton, Minn., deputies said. The sheriff said the "
            "shooting in Felton was an accident.")
    places = [p for p in _annotate(annotator, text).places if p.name == "Felton"]
    assert places and all(p.admin1 == "Minnesota" for p in places)


def test_places_dateline_state_rules_out_a_far_namesake(annotator):
    text = ("NEW ORLEANS -- Police are looking for a gunman after a shooting in Mid-City left two men "
            "wounded on Tuesday night.")
    place = _annotate(annotator, text).place
    assert place is not None and place.admin1 == "Louisiana"


def test_places_states_in_text_reads_upper_case_and_skips_streets():
    found = states_in_text("Photo: COURTESY OF DELAWARE STATE POLICE. Shots near Maryland Parkway "
                            "and in Kansas City; Washington state and George Washington.")
    assert found == {"DE", "WA"}


def test_places_outlet_state_picks_the_namesake(annotator):
    text = "Springfield police said a woman was shot in the arm at her home on Sunday night."
    plain = _annotate(annotator, text).place
    hinted = _annotate(annotator, text, url="https://www.ohiodaily.example.com/local/woman-hurt/1").place
    assert hinted is not None and hinted.admin1 == "Ohio"
    assert plain is not None and plain.admin1 != "Ohio"  # without the outlet, the biggest namesake


def test_places_crawl_failure_falls_back_to_the_url(annotator):
    text = "Please check your email and click on the link to activate your profile."
    url = "https://www.example.com/news/local/teen-found-hurt-in-chattanooga-home/x1"
    place = _annotate(annotator, text, url=url).place
    assert place is not None and place.name == "Chattanooga" and place.admin1 == "Tennessee"


def test_places_url_slug_word_never_brings_a_country(annotator):
    text = "Deputies said two people were hurt at a reception hall in Reno on Saturday."
    url = "https://www.example.com/story/1/two-hurt-at-wedding-reception"
    places = _annotate(annotator, text, url=url).places
    assert all(p.country in ("US", None) for p in places)
