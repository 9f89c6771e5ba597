"""The main place of an article (``AnnotatedArticle.place``), chosen among its resolved place
names: see :mod:`.places` for how names are found and resolved and why this choice is made."""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

from ..model import PLACE_RANK, Place
from .gazetteer import Entry, Gazetteer, get_gazetteer, name_key
from .place_names import Candidate

_BIG_CITY = 500_000  # a city this big beats the state of its name ("New York", "Washington")
_POLICE_KM = 100.0  # a place this far from every town whose police speak is not where it happened
_POLICE_CITY = 50_000  # ... counting only towns this big (a police force named without doubt)
_STRONG_STATE = 1.5  # a state this strongly named (a dateline's) rules out unnamed states' small towns
_KNOWN_ALIAS = 100_000  # a US town this big is known by its alternate names ("Philly", "NYC")
# A town named as the scene ("shot in Pelzer", "a home near Suwanee") over one named otherwise
# ("a Pelzer man", "Pelzer police"), wherever in the text.
_SCENE_BONUS = 1.0
# A landmark, a hospital's town or a part of a city ("the Russell neighborhood") says little of
# the town of the scene; a home town ("Smith, 24, of Dover") is often the scene.
_ASIDE_WEIGHT = {"landmark": 0.3, "hospital": 0.3, "part": 0.3, "home": 0.5}


@dataclass
class _Context:
    states: dict[str, float] = field(default_factory=dict)
    countries: dict[str, float] = field(default_factory=dict)
    anchors: list[Entry] = field(default_factory=list)
    support: dict[Entry, int] = field(default_factory=dict)  # other names with a namesake nearby


def _big_city(name: str, gaz: Gazetteer, size: int = _BIG_CITY) -> bool:
    return any(m.entry.kind == "town" and m.primary and m.entry.population >= size for m in gaz.lookup(name))


def _off_state(entry: Entry, ctx: _Context) -> bool:
    """A US place in a state the article does not name, when it names one strongly: not the
    main place; the named state is a better answer than a namesake town elsewhere."""
    if entry.country != "US" or not entry.admin1 or not ctx.states:
        return False
    return max(ctx.states.values()) >= _STRONG_STATE and not ctx.states.get(entry.admin1)


def _km(a: Entry, b: Entry) -> float:
    """Great-circle distance between two entries, in km."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def _to_place(cand: Candidate) -> Place:
    entry = cand.entry
    assert entry is not None
    return Place(
        name=_as_written(entry.name, cand.name), country=entry.country, admin1=entry.admin1_name, lat=entry.lat, lon=entry.lon,
        precision=entry.kind, geonameid=entry.geonameid, source=cand.source, start=cand.start, end=cand.end,
        population=entry.population or None,
    )


def _as_written(name: str, written: str) -> str:
    """The entry's name, or the article's when it only drops a leading article: local usage
    says "a Bronx apartment" and "Bronx" for what the gazetteer calls "The Bronx"."""
    if name.startswith("The ") and name_key(written) == name_key(name[4:]):
        return written
    return name


def _main_place(resolved: list[Candidate], addresses: list[tuple[str, int, int]], ctx: _Context) -> Place | None:
    """The most specific place the lead, dateline and title point to (module docstring)."""
    if not resolved:
        return None
    offset = 0  # sentence 0 is the lead: measured better than "the first sentence with a place"
    tallies: dict[Entry, float] = {}
    first: dict[Entry, Candidate] = {}
    top_country = max(ctx.countries, key=lambda c: (ctx.countries[c], c)) if ctx.countries else None
    for cand in resolved:
        tallies[cand.entry] = tallies.get(cand.entry, 0.0) + _support(cand, offset) + _scene_bonus(cand, top_country)
        first.setdefault(cand.entry, cand)
    # Countries of the lead: an international story's towns are in the countries its lead
    # names ("strikes in Iraq and Syria"), not where the reporter or the photo is.
    lead = {c.entry.country for c in resolved
            if c.source in ("text", "dateline") and c.sentence - offset <= 1 and c.entry.country and not c.background}
    top_state = max(ctx.states, key=lambda s: (ctx.states[s], s)) if ctx.states else None
    # "Memphis police said": the event is in (or next to) the town whose police speak
    police = [c.entry for c in resolved if c.label == "POLICE" and c.entry.kind == "town" and c.entry.lat is not None
              and c.entry.population >= _POLICE_CITY]
    namesakes = _far_namesakes(resolved, ctx) | _foreign_namesakes(resolved, ctx)

    def rank(entry: Entry) -> tuple:
        agree = 0.0
        if police and entry.lat is not None and entry.kind in ("town", "site"):
            if min(_km(entry, p) for p in police) > _POLICE_KM:
                agree -= 3.0
        if top_state and entry.country == "US" and entry.admin1 and entry.admin1 != top_state:
            agree -= 2.0
        if top_country and entry.country != top_country:
            agree -= 1.0
        if lead and entry.country not in lead:
            agree -= 1.5
        specific = -PLACE_RANK.get(entry.kind, 6)
        usable = 1 if entry.kind in ("site", "town", "district") and not _off_state(entry, ctx) else 0
        if entry in namesakes:
            usable = 0
        # A town is more specific than a county: a county named as often ("Cache County
        # deputies") counts half, the town a bonus.
        tally = tallies[entry] * (0.5 if entry.kind == "district" else 1.0)
        town = 1.0 if entry.kind in ("site", "town") else 0.0
        return (usable, tally + agree + town, specific, -(first[entry].start or 0))

    best = max(tallies, key=rank)
    if best in namesakes:
        return None  # better no place (the outlet's town, if any) than a far namesake
    chosen = first[best]
    if best.kind == "district":
        chosen = _town_of_county(resolved, best, namesakes) or chosen
    place = _to_place(chosen)
    if addresses and best.kind in ("town", "district", "site"):
        place = replace(place, address=addresses[0][0])
    return place


def _town_of_county(resolved: list[Candidate], county: Entry, namesakes: set[Entry]) -> Candidate | None:
    """The first town of the county's state that the text names as the scene ("outside of Latta
    in Dillon County", "a home near Suwanee"): local news names the county over and over (its
    sheriff, its coroner, its dateline), the town of the scene once."""
    towns = [c for c in resolved if c.scene and c.entry.kind == "town" and c.entry.country == county.country
             and c.entry.admin1 == county.admin1 and c.entry not in namesakes and not c.background
             and c.aside in ("", "landmark") and _aside_weight(c) == 1.0]
    return min(towns, key=lambda c: c.start, default=None)


def _far_namesakes(resolved: list[Candidate], ctx: _Context) -> set[Entry]:
    """Small towns that are mostly neighbourhoods of a big US city the article names, resolved
    to a namesake far away ("Miami police ... in Liberty City": not Liberty City, Texas; "MEMPHIS
    - ... in Whitehaven": not Whitehaven, England): a town of another state or country than every
    big city named, 100 km or more from all of them, in a state the article never names, and
    never given with its own state."""
    gaz = get_gazetteer()
    big = [c for c in resolved if c.entry.country == "US" and c.entry.kind == "town"
           and c.entry.lat is not None and _big_city(c.name, gaz, _KNOWN_ALIAS)]
    if not big:
        return set()
    states = {c.entry.admin1 for c in big}
    # every town of a big city's name: "Rochester" may be the one next to Caledonia, New York
    near = [m.entry for c in big for m in gaz.lookup(c.name) if m.primary and m.entry.lat is not None]
    # a town named with its state, or whose own police speak, is a town, not a neighbourhood
    explicit = {c.entry for c in resolved if c.state or c.country or c.label == "POLICE"}
    return {c.entry for c in resolved
            if c.entry.kind == "town" and c.entry.population < _KNOWN_ALIAS and c.entry not in explicit
            and (c.entry.country != "US" or c.entry.admin1 not in states and not ctx.states.get(c.entry.admin1))
            and (c.entry.lat is None or min(_km(c.entry, town) for town in near) > _POLICE_KM)}


def _foreign_namesakes(resolved: list[Candidate], ctx: _Context) -> set[Entry]:
    """Towns of another country than the one the article is plainly about, named without their
    country: in US local news "Whitehaven", "Algiers" or "Watford" are neighbourhoods and
    streets that share a foreign town's name."""
    if not ctx.countries:
        return set()
    top = max(ctx.countries, key=lambda c: (ctx.countries[c], c))
    explicit = {c.entry for c in resolved if c.country}
    return {c.entry for c in resolved
            if c.entry.kind == "town" and c.entry.country != top and c.entry not in explicit
            and ctx.countries[top] >= 2.0 * max(ctx.countries.get(c.entry.country, 0.0), 1.0)}


def _aside_weight(cand: Candidate) -> float:
    """``_ASIDE_WEIGHT`` of the candidate; only a big city is a landmark ("outside Atlanta",
    "north of Memphis"): "just outside Hillsboro" is where a rural scene is reported."""
    if cand.aside == "landmark" and (cand.entry is None or cand.entry.population < _KNOWN_ALIAS):
        return 1.0
    return _ASIDE_WEIGHT.get(cand.aside, 1.0)


def _scene_bonus(cand: Candidate, top_country: str | None) -> float:
    """``_SCENE_BONUS`` for a town named as the scene ("shot in Pelzer"), in the country the
    article is about: in US local news "in Algiers" is a New Orleans neighbourhood, not Algeria's
    capital, whatever the words before it."""
    entry = cand.entry
    if not cand.scene or cand.background or entry is None or entry.kind not in ("town", "site"):
        return 0.0
    if top_country is not None and entry.country != top_country:
        return 0.0
    return _SCENE_BONUS * _aside_weight(cand)  # "a hospital in Macon" is no scene


def _support(cand: Candidate, offset: int = 0) -> float:
    """How strongly one occurrence says "this is where it happened"; ``offset`` is the
    index of the lead sentence."""
    if cand.source == "dateline":
        return 2.5
    if cand.source in ("title", "url"):
        return (2.0 if cand.source == "title" else 1.5) * _aside_weight(cand)
    weight = 0.6
    position = max(0, cand.sentence - offset)
    if position <= 1:
        weight += 2.5 - position
    elif position <= 3:
        weight += 0.5
    if cand.label == "POLICE":
        weight *= 0.5
    if cand.background:
        weight *= 0.3
    weight *= _aside_weight(cand)
    if cand.state or cand.country:
        weight += 0.5
    return weight
