"""The outlet's home region: a prior for where an article's event happened.

Most outlets report mostly from one first-level region (a local paper, a state's TV station).
The store counts, per outlet, the regions of its articles' main places; the region that holds
at least half of them, and at least ``MIN_ARTICLES``, is the outlet's *home*. It is learnt
from the articles themselves (no outlet table is shipped), so it follows whatever the store
holds and stays unknown for outlets seen too rarely.

The home changes an article's reading of its main place only where the text leaves room:

* a town or county whose namesake lies in the home region ("Antioch" read as the biggest
  Antioch, in another state, in an article of a Tennessee outlet) becomes that namesake;
* else a town or county of the home region that the article also names (the main place chose a
  visitor's home town over the scene) becomes the main place;
* a town abroad, in a story that names no country or region abroad, or a small town (under
  ``SMALL_TOWN`` people) of another state that the story never names, is a local name read as a
  far namesake ("Macon" as Mâcon, a neighbourhood as a village two states away): it becomes
  its namesake at home, else a named home town, else keeps its name in the home region without
  coordinates (``source="outlet"``). A local outlet names the state when it reports from out
  of state, and metro outlets that cover two states are where this prior errs;
* an article without any main place gets the home region itself, at province precision, with
  ``source="outlet"`` so that a reader sees it is a prior and not a reading of the text.

None of this applies when the headline or dateline names the place's own state ("Newark" in
a story headlined "New Jersey shooting" from a New York station).

A national outlet has no home (no region holds half its articles) and is left alone.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from ..model import AnnotatedArticle, Place

__all__ = ["Region", "MIN_ARTICLES", "MIN_SHARE", "article_region", "home_region", "with_home"]

Region = tuple[str, str]  # (country code, first-level region name)
MIN_ARTICLES = 2  # articles in the home region: one article is no habit
MIN_SHARE = 0.5  # of the outlet's articles with a region
_SWITCHABLE = ("town", "district")
_HEADLINE = ("title", "dateline")
SMALL_TOWN = 50_000  # people: a town this small in another state is no place a reader knows unnamed


def article_region(item: AnnotatedArticle) -> Region | None:
    """The region an article counts for in its outlet's profile: that of its main place."""
    place = item.place
    if place is None or not place.country or not place.admin1:
        return None
    return place.country, place.admin1


def home_region(counts: Mapping[Region, int]) -> Region | None:
    """The outlet's home from its articles per region (see the module notes); ties have none."""
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if not ranked:
        return None
    (region, top), total = ranked[0], sum(counts.values())
    if top < MIN_ARTICLES or top < MIN_SHARE * total or (len(ranked) > 1 and ranked[1][1] == top):
        return None
    return region


def with_home(item: AnnotatedArticle, home: Region | None) -> AnnotatedArticle:
    """The article with its main place read in the light of its outlet's home (module notes);
    the article itself when the home changes nothing."""
    place = _home_reading(item, home) if home else None
    return item if place is None else dataclasses.replace(item, place=place)


def _home_reading(item: AnnotatedArticle, home: Region) -> Place | None:
    place = item.place
    if place is None:
        return _home_place(home)
    if place.precision not in _SWITCHABLE or (place.country, place.admin1) == home or _region_named(item, place, home):
        return None
    found = _namesake_in(place, home) or _named_in(item, home)
    if found is None and _local_name(item, place, home):
        # A local name the gazetteer lacks, read as a namesake far away (a neighbourhood
        # sharing a French town's name): keep the name, in the home region, without the
        # namesake's coordinates.
        return Place(name=place.name, country=home[0], admin1=home[1], precision=place.precision,
                     source="outlet", start=place.start, end=place.end)
    return found


def _local_name(item: AnnotatedArticle, place: Place, home: Region) -> bool:
    """A town abroad (its country unnamed, see ``_region_named``), or a small town of another
    state that the article never names: a local outlet says "Elkton, Md." when it reports
    from out of state, and a big city needs no state to be known."""
    if place.country != home[0]:
        return True
    if place.precision != "town" or not place.population or place.population >= SMALL_TOWN:
        return False  # a county is named as such ("Tift County"); an unknown size is no evidence
    return not any(p.precision == "province" and p.admin1 == place.admin1 for p in item.places)


def _region_named(item: AnnotatedArticle, place: Place, home: Region) -> bool:
    """Whether the article itself names the place's region in its headline or dateline
    ("Newark" in a story headlined "New Jersey shooting" from a New York station stays in New
    Jersey), or, for a place abroad, any region or country abroad (a story about Aleppo that
    names Syria is a foreign story, whatever the outlet's home)."""
    for other in item.places:
        if other.source == "outlet" or other.precision not in ("country", "province"):
            continue
        if place.country != home[0] and other.country != home[0]:
            return True
        # a state named in passing ("a Florida man") is no reading of the scene
        if other.source in _HEADLINE and (other.country, other.admin1) == (place.country, place.admin1):
            return True
    return False


def _namesake_in(place: Place, home: Region) -> Place | None:
    """The place's namesake of the same kind in the home region, by the gazetteer's own name."""
    from ..annotate.gazetteer import get_gazetteer

    for match in get_gazetteer().lookup(place.name):
        entry = match.entry
        if match.primary and entry.kind == place.precision and (entry.country, entry.admin1_name) == home:
            name = place.name if place.country == entry.country else entry.name
            return dataclasses.replace(place, name=name, country=entry.country, admin1=entry.admin1_name,
                                       lat=entry.lat, lon=entry.lon,
                                       geonameid=entry.geonameid, population=entry.population or None)
    return None


def _named_in(item: AnnotatedArticle, home: Region) -> Place | None:
    """The first town or county of the home region that the article names (not its dateline)."""
    for other in item.places:
        if other.precision in _SWITCHABLE and (other.country, other.admin1) == home and other.source != "dateline":
            return other
    return None


def _home_place(home: Region) -> Place:
    from ..annotate.gazetteer import get_gazetteer

    country, name = home
    for match in get_gazetteer().lookup(name):
        entry = match.entry
        if entry.kind == "province" and (entry.country, entry.admin1_name) == home:
            return Place(name=entry.name, country=country, admin1=name, lat=entry.lat, lon=entry.lon,
                         precision="province", geonameid=entry.geonameid, source="outlet")
    return Place(name=name, country=country, admin1=name, precision="province", source="outlet")
