"""Place names before resolution: URLs (host and slug), county heads of longer names,
headline words that look like states."""

from __future__ import annotations

from newsfuse.annotate.place_names import Candidate, _from_mention, headline_candidates, title_candidates
from newsfuse.annotate.place_urls import url_candidates
from newsfuse.model import Mention


def _names(cands: list[Candidate]) -> list[tuple[str, str, str | None]]:
    return [(c.name, c.source, c.state) for c in cands]


def test_place_names_host_names_the_outlet_town_with_its_state():
    cands = url_candidates("https://www.memphisgazette.example.com/story/123")
    assert ("Memphis", "outlet", "TN") in _names(cands)


def test_place_names_host_name_after_a_channel_number():
    assert ("Orlando", "outlet", "FL") in _names(url_candidates("http://fox35orlando.example/x/1"))


def test_place_names_host_state_name_is_a_state_candidate():
    cands = url_candidates("http://www.ohiodaily.example.org/a/b")
    assert [(c.name, c.label) for c in cands if c.source == "outlet"] == [("Ohio", "STATE")]


def test_place_names_host_ignores_a_name_inside_a_word():
    # "trentonian" holds "renton" (a town in Washington) but only starts with Trenton
    names = [c.name for c in url_candidates("http://www.trentonian.example.com/a") if c.source == "outlet"]
    assert "Renton" not in names


def test_place_names_host_prefers_the_longer_town_over_the_state():
    cands = url_candidates("http://www.kansascitytimes.example.com/news")
    assert ("Kansas City", "outlet", "MO") in _names(cands)


def test_place_names_path_section_names_the_state():
    cands = url_candidates("http://news.example.com/minnesota/local/some-story-here-today")
    assert ("Minnesota", "outlet", None) in _names(cands)


def test_place_names_slug_gives_the_headline_place():
    cands = url_candidates("http://news.example.com/2019/05/two-hurt-in-chattanooga-shooting-overnight/")
    assert ("Chattanooga", "url", None) in _names(cands)


def test_place_names_no_url_no_candidates():
    assert url_candidates(None) == [] and url_candidates("") == []


def test_place_names_county_head_of_a_court_name():
    text = "He appeared in Summit County Common Pleas Court on Monday."
    start = text.index("Summit")
    mention = Mention(text="Summit County Common Pleas Court", label="GPE", start=start, end=start + 32)
    assert _from_mention(mention, text, 0).name == "Summit County"


def test_place_names_title_kansas_city_is_not_the_state():
    names = [(c.name, c.label) for c in headline_candidates("Teen shot near Kansas City park")]
    assert ("Kansas", "STATE") not in names


def test_place_names_title_outlet_region_reads_the_state():
    names = [c.name for c in headline_candidates("Channel 9, South Georgia News", locative=False)]
    assert "Georgia" in names


def test_place_names_outlet_town_and_state_before_the_section_list():
    # "Weather, Sports" continue a list of sections, not of places: Baton Rouge stays in Louisiana
    cands = title_candidates("Jury hears evidence - WXYZ 7 News Baton Rouge, Louisiana News, Weather, Sports")
    assert [(c.name, c.state) for c in cands] == [("Baton Rouge", "LA")]


def test_place_names_headline_list_of_states_is_not_a_town_and_state():
    cands = title_candidates("Storms knock out power in Texas, Oklahoma and Kansas")
    assert not any(c.name == "Texas" and c.state == "OK" for c in cands)
