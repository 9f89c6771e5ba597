"""Places: name keys, gazetteer look-up, disambiguation in context, datelines, addresses,
the main place; and the seed places against gold coordinates."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from newsfuse.annotate import Annotator
from newsfuse.annotate.gazetteer import get_gazetteer, loose_key, name_key, state_code, strip_article
from newsfuse.annotate.places import Candidate, find_addresses, find_dateline, resolve_name
from newsfuse.model import Article


@pytest.fixture(scope="module")
def gaz():
    return get_gazetteer()


@pytest.fixture(scope="module")
def annotator() -> Annotator:
    return Annotator()


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, l1, p2, l2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin((l2 - l1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(h))


def _annotate(annotator: Annotator, text: str, title: str | None = None, published: str = "2022-10-07"):
    return next(annotator.annotate([Article(id="t", sha256="", text=text, title=title, published=published)]))


@pytest.mark.parametrize(
    "name, key",
    [("Deir ez-Zor", "deir ez zor"), ("Al Qā’im", "al qaim"), ("the Bronx", "bronx"), ("Coeur d'Alene", "coeur dalene")],
)
def test_name_key_folds_case_diacritics_and_punctuation(name, key):
    assert name_key(name) == key


@pytest.mark.parametrize("key, stripped", [("al qaim", "qaim"), ("el paso", "paso"), ("albu kamal", "albu kamal"), ("al", "al")])
def test_strip_article_drops_a_leading_arabic_article_only(key, stripped):
    assert strip_article(key) == stripped


@pytest.mark.parametrize(
    "a, b",
    [("al-Qaem", "Al-Qaim"), ("Deir Ezzor", "Deir ez-Zor"), ("Al-Mayadeen", "Mayadin"), ("Fallujah", "Falluja")],
)
def test_loose_key_joins_transliteration_variants(a, b):
    assert loose_key(a) == loose_key(b)


@pytest.mark.parametrize(
    "variants, country",
    [
        (["Al-Qaim", "Al Qaim", "al-Qaem", "Qaim"], "IQ"),
        (["Deir ez-Zor", "Deir Ezzor", "Dayr az-Zawr"], "SY"),
        (["Al-Bukamal", "Abu Kamal", "Albu Kamal"], "SY"),
        (["Al-Mayadeen", "Mayadin", "Al Mayadin"], "SY"),
    ],
)
def test_transliteration_variants_resolve_to_one_place(gaz, variants, country):
    # as in "al-Qaem, Iraq": a loose transliteration match needs the country in context
    entries = [resolve_name(Candidate(v, "text", country=country), gaz) for v in variants]
    assert None not in entries
    assert len({e.geonameid for e in entries}) == 1 and entries[0].country == country


def test_loose_match_without_country_context_is_refused(gaz):
    assert resolve_name(Candidate("al-Qaem", "text"), gaz) is None


@pytest.mark.parametrize(
    "text, code",
    [("Fla.", "FL"), ("Calif.", "CA"), ("N.J.", "NJ"), ("Ill.", "IL"), ("W.Va.", "WV"), ("Texas", "TX"),
     ("New Mexico", "NM"), ("OH", "OH"), ("Mass.", "MA")],
)
def test_state_code_reads_ap_abbreviations_codes_and_names(text, code):
    assert state_code(text) == code


@pytest.mark.parametrize("text", ["Al", "Ga", "Paris", "Fl"])
def test_state_code_refuses_non_states(text):
    assert state_code(text) is None


@pytest.mark.parametrize(
    "name, state, admin1",
    [("Springfield", "IL", "Illinois"), ("Springfield", "MO", "Missouri"), ("Springfield", "MA", "Massachusetts"),
     ("Gainesville", "GA", "Georgia"), ("Portland", "ME", "Maine")],
)
def test_explicit_state_decides_between_namesakes(gaz, name, state, admin1):
    entry = resolve_name(Candidate(name, "text", state=state), gaz)
    assert entry.admin1_name == admin1 and entry.kind == "town"


def test_curated_table_places_tower_22_in_jordan(gaz):
    entry = resolve_name(Candidate("Tower 22", "text", label="FAC"), gaz)
    assert entry.country == "JO" and entry.kind == "site"
    # near the Jordan-Syria border: within 30 km of GeoNames' Rukban camp
    rukban = next(m.entry for m in gaz.lookup("Rukban") if m.entry.country == "JO")
    assert _km(entry.lat, entry.lon, rukban.lat, rukban.lon) < 30


@pytest.mark.parametrize(
    "text, dateline, city, region",
    [
        ("GAINESVILLE, Fla. - A man was hurt.", None, "GAINESVILLE", "Fla."),
        ("Watch the video\n\nNEW ORLEANS (AP) — Two men were hurt.", None, "NEW ORLEANS", None),
        ("WASHINGTON: The agency said on Monday.", None, "WASHINGTON", None),
        ("A man was hurt in a crash.", None, None, None),
        ("Body text.", "Erbil, Kurdistan Region", "Erbil", "Kurdistan Region"),
    ],
)
def test_find_dateline(text, dateline, city, region):
    found = find_dateline(Article(id="t", sha256="", text=text, dateline=dateline))
    assert (found[0], found[1]) == (city, region) if city else found is None


@pytest.mark.parametrize(
    "text, address",
    [
        ("Shots were fired on Northwest 4th Place late Sunday.", "Northwest 4th Place"),
        ("Police went to the 1200 block of Main Street.", "the 1200 block of Main Street"),
        ("The fire started at 37 Elm St. before dawn.", "37 Elm St."),
    ],
)
def test_find_addresses(text, address):
    assert address in [a for a, _, _ in find_addresses(text)]


def test_dateline_town_is_the_main_place_with_the_address(annotator):
    text = ("OCALA, Fla. - Two men were shot outside a house on Southwest 12th Avenue on Tuesday night, "
            "Ocala police said.\n\nBoth were taken to a hospital in Gainesville.")
    item = _annotate(annotator, text)
    assert item.place.name == "Ocala" and item.place.admin1 == "Florida"
    assert item.place.address == "Southwest 12th Avenue"
    assert {p.precision for p in item.places} >= {"town", "address"}
    assert any(p.source == "dateline" for p in item.places)


def test_town_in_the_lead_beats_the_dateline_of_the_station(annotator):
    text = ("DALLAS - A woman was wounded in a shooting in Garland early Saturday, police said.\n\n"
            "Garland police are looking for a gray pickup.")
    item = _annotate(annotator, text)
    assert item.place.name == "Garland" and item.place.admin1 == "Texas"


def test_state_named_elsewhere_disambiguates_a_town(annotator):
    text = ("A teenager was shot in Springfield on Friday evening, police said.\n\n"
            "It was the third shooting in western Massachusetts this month.")
    item = _annotate(annotator, text)
    assert item.place.name == "Springfield" and item.place.admin1 == "Massachusetts"


def test_town_with_ap_state_abbreviation_in_text(annotator):
    text = "Two people were hurt when shots were fired at a bar in Springfield, Ill., on Saturday."
    item = _annotate(annotator, text)
    assert (item.place.name, item.place.admin1) == ("Springfield", "Illinois")


def test_arabic_variants_in_an_article_resolve_to_their_syrian_towns(annotator):
    text = ("Warplanes struck positions in Syria's east on Friday. The raids hit Al-Bukamal, "
            "Deir Ezzor and al-Mayadeen, a monitoring group said.")
    item = _annotate(annotator, text)
    names = {p.name for p in item.places if p.country == "SY" and p.precision == "town"}
    assert names == {"Ālbū Kamāl", "Deir ez-Zor", "Al Mayādīn"}
    assert item.place.country == "SY"


def test_names_of_people_are_not_placed(annotator):
    text = "Jada Brooks, 9, was hurt on Sunday in Tampa. Jada is recovering, her family said."
    item = _annotate(annotator, text)
    assert all(p.country == "US" for p in item.places)
    assert item.place.name == "Tampa"


def test_article_without_places_has_no_place(annotator):
    item = _annotate(annotator, "Nothing happened here, the spokesperson said on Monday.")
    assert item.place is None and item.places == []


@pytest.mark.shared
@pytest.mark.slow
def test_seed_places_resolve_near_gold(seeds_dir: Path, seed_gold: dict, annotator):
    articles = [Article(id=p.name, sha256="", text=p.read_text(encoding="utf-8"))
                for p in sorted(seeds_dir.glob("*.txt"))]
    placed = [p for item in annotator.annotate(articles) for p in item.places if p.lat is not None]
    for gold in seed_gold["events"][0]["places"]:
        best = min(_km(p.lat, p.lon, gold["lat"], gold["lon"]) for p in placed)
        assert best <= 25, (gold["name"], best)
