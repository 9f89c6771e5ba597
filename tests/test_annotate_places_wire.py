"""Places in wire reports filed from a capital about events abroad: the scene abroad is the
main place, not the filing city nor the places named in passing (the Pentagon's town, lawmakers'
states); a list of places ("Washington, New York and Chicago") is not a town and its state."""

from __future__ import annotations

from newsfuse.annotate import Annotator
from newsfuse.annotate.place_names import listed
from newsfuse.model import Article


def _annotated(annotator: Annotator, text: str, title: str | None = None):
    article = Article(id="w", sha256="", text=text, title=title, published="2024-02-03")
    return next(annotator.annotate([article]))


def _place(annotator: Annotator, text: str, title: str | None = None):
    return _annotated(annotator, text, title).place


def test_places_wire_strike_abroad_is_placed_abroad(annotator):
    text = ("WASHINGTON — U.S. warplanes struck a militia depot near Mayadin in eastern Syria on Friday, the "
            "Pentagon said. Officials at the Pentagon in Arlington, Virginia, said the strike answered a drone "
            "attack. Senators from Texas, Ohio and Florida welcomed it.")
    assert _place(annotator, text).country == "SY"


def test_places_washington_dateline_is_not_a_namesake_in_new_york(annotator):
    text = ("WASHINGTON — U.S. forces hit a weapons store in Abu Kamal on Tuesday. Lawmakers in Washington, "
            "New York and Chicago debated the strike.")
    assert _place(annotator, text).name != "Watervliet"


def test_places_wire_scene_town_abroad_without_its_country(annotator):
    # the US outweighs Syria twice over (dateline, "U.S.", Texas, Chicago), which alone would make
    # the Syrian town a foreign namesake (``_foreign_namesakes``); the armed lead makes it the scene
    text = ("WASHINGTON — American warplanes bombed a rocket launch site in Abu Kamal late Sunday, two "
            "defense officials said. Lawmakers from Texas praised the raid; a congressman from Chicago "
            "asked for a briefing.")
    place = _place(annotator, text)
    assert place.country == "SY" and place.precision == "town"


def test_places_wire_bare_dateline_is_the_capital_it_was_filed_from(annotator):
    text = ("WASHINGTON — U.S. warplanes struck a militia depot near Mayadin in eastern Syria on Friday, the "
            "Pentagon said. Officials at the Pentagon in Arlington, Virginia, said the strike answered a drone "
            "attack. Senators from Texas, Ohio and Florida welcomed it.")
    dateline = next(p for p in _annotated(annotator, text).places if p.source == "dateline")
    assert dateline.admin1 == "District of Columbia"


def test_places_wire_filed_from_a_foreign_capital(annotator):
    text = ("LONDON — Russian missiles struck apartment blocks in Kharkiv overnight, Ukraine's emergency service said. "
            "Ministers in London and Manchester condemned the attack, and an MP from Birmingham called "
            "for more air defence.")
    place = _place(annotator, text)
    assert place.country == "UA" and place.name == "Kharkiv"


def test_places_wire_scene_named_in_the_headline(annotator):
    text = ("WASHINGTON — The Pentagon said on Monday that the raid destroyed two launchers. Senators from "
            "Ohio and Georgia were briefed at the Capitol.")
    place = _place(annotator, text, title="Israeli airstrikes hit weapons depot near Homs")
    assert place.country == "SY"


def test_places_protest_clash_in_a_namesake_neighbourhood_stays_home(annotator):
    # no armed actor: the foreign namesake rule still drops Whitehaven, England
    text = ("MEMPHIS, Tenn. — Protesters clashed with officers outside a church in Whitehaven on Sunday, "
            "Memphis police said. Two people were arrested.")
    place = _place(annotator, text)
    assert place.country == "US" and place.admin1 == "Tennessee"


def test_places_troops_at_home_keep_the_local_town(annotator):
    text = ("KILLEEN, Texas — Troops from Fort Cavazos joined deputies searching for a missing hiker near "
            "Lampasas on Saturday, the Bell County Sheriff's Office said.")
    place = _place(annotator, text)
    assert place.country == "US" and place.admin1 == "Texas"


def test_place_names_a_list_of_places_is_not_a_town_and_its_state():
    assert listed("Washington", "New York", " and Chicago debated")
    assert listed("Texas", "Ohio", " and Florida welcomed")
    assert listed("Israel", "Lebanon", ", Jordan and Egypt")


def test_place_names_a_town_and_its_state_before_a_list_stays_one():
    assert not listed("Dayton", "Ohio", ", and Chicago")
    assert not listed("Springfield", "Ill.", ", and Chicago")
    assert not listed("Washington", "New York", " on Tuesday")  # no list: "Town, State" as before


def test_places_wire_cause_clause_names_an_earlier_place(annotator):
    # only the clause that gives the cause is about the earlier attack, not the whole sentence
    text = ("WASHINGTON — In retaliation for a drone attack on a base in Jordan, American warplanes struck "
            "militia depots near Mayadin, Syria, on Friday. Officials in Arlington, Virginia, confirmed it.")
    item = _annotated(annotator, text)
    assert item.place.country == "SY"
    assert any(p.country == "JO" for p in item.places)
