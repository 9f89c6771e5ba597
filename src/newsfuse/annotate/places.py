"""Places: place mentions resolved offline to gazetteer entries; the main place of the event.

Where names come from: the dateline ("GAINESVILLE, Fla. -", or ``Article.dateline``), the
place mentions of the text (GPE, LOC, FAC after the corrections of ``mentions``), the
title (names after "in", "near", ...) and the URL (the town or state its host spells, a state
section of its path, the places of its headline slug: the only cue when the crawl got no text). Street addresses ("Northwest 4th Place", "the 1200
block of Main Street") are not towns: they become Places of precision "address" and the
``address`` of the main place.

How a name is resolved: every gazetteer candidate is scored by

* an explicit region right after the name ("Springfield, Ill.", "Al-Qaim, Iraq"): decisive;
* the states and countries the article names (the dateline's first), and closeness to the
  places already placed by the dateline or an explicit region;
* population as the prior, the entry's own name over an alternate, exact keys over loose ones
  (an alternate name of a small US town counts only with its state in context: they are
  mostly former names and namesakes elsewhere, "Algiers" of a Vermont town);
* the usage of US local news ("sheriff's deputies", "Interstate 40") as a vote for the US,
  states named anywhere in the text ("DELAWARE STATE POLICE"), and, in a second round, the
  states of the other US towns resolved in the first (a name's own guess does not vote);
* a small town in a state the article never names, when it names another strongly, is mostly
  a neighbourhood that shares a far town's name: it loses, and is never the main place.

A name given with its state that the gazetteer lacks ("IRA, Vt.": hamlets, New England towns)
stays that town of that state, without coordinates, wherever the article repeats it.

The main place (``AnnotatedArticle.place``) is the most specific place that the article's
lead, dateline and title point to and that agrees with the article's state or country: for
local news the incident town (the dateline is a strong prior, but a town named in the lead
sentence within the same state wins: "DALLAS - A man was shot in Garland ..."). A town far
from every sizable town whose police speak in the article ("Memphis police said") is not it.
Names said aside from the scene count little: a big city as a landmark ("outside Atlanta",
"the Atlanta suburbs"), the town of a hospital ("flown to a hospital in Macon"), a part of a
city ("the Russell neighborhood", "Astoria, Queens"), and, less so, a home town ("Lee, 24, of
Dover"). A small town of another state or country than every big city the article names, far
from them all, is mostly a neighbourhood sharing a far town's name ("in Liberty City, Miami
police said"; "Whitehaven" of Memphis): never the main place. A name of the lead that the
gazetteer lacks, right after "in" or "near", in an article that clearly names one state, is a
hamlet of that state (without coordinates). A report filed at home about an armed event abroad
("WASHINGTON - U.S. warplanes struck ... near Mayadin") is placed at the scene abroad, not at the
dateline or the officials' and lawmakers' places it names (:mod:`.place_scene`).
"""

from __future__ import annotations

import math
import re
from dataclasses import replace

from ..model import AnnotatedArticle, Place
from . import component
from .gazetteer import Entry, Gazetteer, Match, get_gazetteer, name_key, state_code
from .place_main import _KNOWN_ALIAS, _STRONG_STATE, _big_city, _Context, _km, _main_place, _to_place
from .place_scene import about_scene, filed_from, scene_countries
from .place_names import (Candidate, collect_candidates, common_word, find_addresses, find_dateline, hamlet_name,
                          states_in_text)


__all__ = ["places", "find_dateline", "find_addresses", "resolve_name", "Candidate"]

_DIRECTION = re.compile(
    r"^(?:North|South|East|West|Northwest|Northeast|Southwest|Southeast|N\.|S\.|E\.|W\.|Downtown|Central|"
    r"Greater|Upper|Lower|Old|Metro|suburban|Northern|Southern|Eastern|Western)\s+", re.I)
_US_CUES = (
    re.compile(r"\b(?:[Ss]heriff|[Dd]eputies|[Dd]eputy)\b"),
    re.compile(r"\b(?:Interstate\s+\d|I-\d{1,3}\b|U\.S\.\s+(?:Highway|Route)|State\s+Route|[Hh]ighway\s+[Pp]atrol)"),
    re.compile(r"\b(?:[Dd]istrict\s+[Aa]ttorney|[Ss]tate\s+[Tt]rooper|[Cc]oroner|\d{3}-\d{3}-\d{4}|\bmph\b)"),
    re.compile(r"\b(?:Police\s+Department|Police\s+Dept\b|(?:Elementary|Middle|High)\s+School|"
               r"\$\d[\d,.]*\s+(?:bond|bail))"),
)
_TOWN_STATE_WEIGHT = 0.5  # the state of a resolved town, as context: less than a state named outright
_TEXT_STATE_WEIGHT = 0.5  # a state named anywhere in the text, once per state
_DATELINE_CITY_WEIGHT = 2.0  # the state of a big city in a dateline without a state


@component("places", requires=("sentences", "mentions"), sets=("places", "place"))
def places(item: AnnotatedArticle, doc: object) -> AnnotatedArticle:
    """Resolve every place of the article and choose the main one (see the module docstring)."""
    gaz = get_gazetteer()
    article = item.article
    addresses = find_addresses(article.text)
    candidates = collect_candidates(item, addresses)
    context = _first_pass(candidates, gaz)
    context.support = _coherence(candidates, gaz, context)
    if any("block of" in a[0] for a in addresses):  # "the 1200 block of": US police usage
        context.countries["US"] = context.countries.get("US", 0) + 0.5
    for code in states_in_text(article.text):  # "DELAWARE STATE POLICE", "Southern Ohio Medical Center"
        context.states[code] = context.states.get(code, 0.0) + _TEXT_STATE_WEIGHT
    cues = _us_cues(article.text)
    if cues:  # "sheriff's deputies", "Interstate 40": US local news
        context.countries["US"] = context.countries.get("US", 0) + cues
    _vote_countries(candidates, gaz, context)
    for cand in candidates:
        cand.entry = resolve_name(cand, gaz, context)
    named = dict(context.states)
    votes = _states_of_towns(candidates)
    # a name the gazetteer lacks next to a big city is mostly one of its neighbourhoods
    city = any(c.entry is not None and c.entry.kind == "town" and c.entry.population >= _KNOWN_ALIAS
               and not c.aside for c in candidates)
    for cand in candidates:
        cand.entry = resolve_name(cand, gaz, _with_town_states(context, votes, cand.name))
        if cand.entry is None and cand.state and cand.source not in ("title", "outlet"):
            cand.entry = _unlisted_town(cand, gaz)
        elif cand.entry is None and not city and _clear_state(named) and hamlet_name(cand, article.text):
            cand.entry = _unlisted_town(replace(cand, state=_clear_state(named)), gaz)
    _same_name_same_place(candidates)
    _parts_of_towns(candidates, article.text)
    context.states = named  # the main place agrees with the states named, not with our guesses
    resolved = [c for c in candidates if c.entry is not None and c.source != "outlet"]
    outlet = [c for c in candidates if c.entry is not None and c.source == "outlet" and c.entry.kind == "town"]
    scene = _scene_abroad(item, resolved, context, gaz)
    item.places = _to_places(resolved)
    # a strike abroad reported from home: the home places only say who speaks
    item.place = _main_place([c for c in resolved if not scene or c.entry.country in scene], addresses, context)
    outlet = [c for c in outlet if _agrees(c.entry, context) and not scene]
    if outlet and (item.place is None or item.place.precision not in ("site", "town", "district")):
        # the outlet's home town ("... - WKRN - Nashville, Tennessee"): local news is about it
        item.place = replace(_to_place(outlet[0]), source="metadata")
        item.places.append(item.place)
    item.places += _address_places(addresses, item.place)
    return item


def _scene_abroad(item: AnnotatedArticle, resolved: list[Candidate], ctx: _Context, gaz: Gazetteer) -> set[str]:
    """The countries of an armed event abroad that the lead places (:mod:`.place_scene`); when
    there are some, the bare dateline is the city the report was filed from and the article is
    plainly about those countries."""
    home = max(ctx.countries, key=lambda c: (ctx.countries[c], c)) if ctx.countries else None
    scene = scene_countries(resolved, item.article.text, item.article.title or "", item.sentences, home)
    if scene:
        filed_from(resolved, lambda cand: resolve_name(cand, gaz))
        ctx.countries = about_scene(ctx.countries, scene)
    return scene


def _agrees(entry: Entry, ctx: _Context) -> bool:
    """Whether ``entry`` lies in the state the article names most, when it names one."""
    if not ctx.states or entry.country != "US":
        return True
    return entry.admin1 == max(ctx.states, key=lambda s: (ctx.states[s], s))


def _states_of_towns(candidates: list[Candidate]) -> dict[str, tuple[str, str]]:
    """The state of each US town resolved in a first round (name -> (state code, the town's
    name key)), as context for the second: "Memphis police" makes the Whitehaven of the lead
    the one in Tennessee."""
    votes: dict[str, tuple[str, str]] = {}
    for cand in candidates:
        entry = cand.entry
        if (entry is None or cand.name in votes or cand.source == "outlet" or entry.country != "US"
                or entry.kind != "town" or not entry.admin1):
            continue
        votes[cand.name] = (entry.admin1, name_key(entry.name))
    return votes


def _with_town_states(ctx: _Context, votes: dict[str, tuple[str, str]], name: str) -> _Context:
    """``ctx`` plus the states of the other names' towns: a name's own first guess must not
    vote for itself (it would only confirm the biggest namesake), nor may another name that
    resolved to a namesake of it ("City of Montgomery" for "Montgomery")."""
    states = dict(ctx.states)
    key = name_key(name)
    for other, (state, town) in votes.items():
        if other != name and town != key:
            states[state] = states.get(state, 0.0) + _TOWN_STATE_WEIGHT
    return replace(ctx, states=states)


def _unlisted_town(cand: Candidate, gaz: Gazetteer) -> Entry | None:
    """A town named with its state ("IRA, Vt.") that the gazetteer lacks (a hamlet, a New
    England town): the name in that state, without coordinates, rather than the state alone."""
    state = gaz.state(cand.state)
    if state is None:
        return None
    if cand.name.endswith(("County", "Parish")) or state_code(cand.name) or len(cand.name) < 3:
        return state
    return Entry(None, cand.name, "US", state.admin1, state.admin1_name, None, None, 0, "town")


def _clear_state(states: dict[str, float]) -> str | None:
    """The state the article names strongly and more than any other, if one."""
    weights = sorted(states.values(), reverse=True) + [0.0, 0.0]
    if weights[0] < _STRONG_STATE or weights[0] == weights[1]:
        return None  # none, or two equally ("Ward County": North Dakota or Texas)
    return max(states, key=states.get)


def _parts_of_towns(candidates: list[Candidate], text: str) -> None:
    """A place followed by a bigger town next to it ("Long Island City, Queens", "East
    Flatbush, Brooklyn") is a part of that town: the town is the place of the event."""
    starts = {c.start: c for c in candidates if c.source == "text" and c.start is not None and c.entry is not None}
    for cand in candidates:
        if cand.source != "text" or cand.end is None or cand.entry is None or cand.entry.lat is None:
            continue
        gap = re.match(r",\s*", text[cand.end:cand.end + 3])
        town = starts.get(cand.end + gap.end()) if gap else None
        if (town is not None and town.entry.kind == "town" and town.entry.lat is not None
                and town.entry.population > cand.entry.population and _km(cand.entry, town.entry) < 30):
            cand.aside = "part"


def _same_name_same_place(candidates: list[Candidate]) -> None:
    """A name given once with its state ("Felton, Minn.") is that place wherever the article
    repeats it bare."""
    explicit = {c.name: c.entry for c in candidates if c.state and c.entry is not None and c.source != "outlet"}
    for cand in candidates:
        if cand.name in explicit and not cand.state and cand.source != "outlet":
            cand.entry = explicit[cand.name]


def _us_cues(text: str) -> float:
    """Weight for the US from the usage of US local news (see ``_US_CUES``)."""
    return 0.5 * sum(1 for cue in _US_CUES if cue.search(text))


def _first_pass(candidates: list[Candidate], gaz: Gazetteer) -> _Context:
    """States and countries the article names outright, and anchors placed without doubt."""
    ctx = _Context()
    for cand in candidates:
        weight = {"dateline": 3.0, "outlet": 1.5}.get(cand.source, 1.0)
        if cand.aside in ("hospital", "home"):
            weight *= 0.5  # the state of a hospital's or a suspect's town is mostly a neighbour's
        if cand.state:
            ctx.states[cand.state] = ctx.states.get(cand.state, 0) + weight
            ctx.countries["US"] = ctx.countries.get("US", 0) + weight
        if cand.country:
            ctx.countries[cand.country] = ctx.countries.get(cand.country, 0) + weight
        for state, share in _county_states(cand, gaz).items():
            ctx.states[state] = ctx.states.get(state, 0) + weight * share
            ctx.countries["US"] = ctx.countries.get("US", 0) + weight * share
        top = _direct_region(cand, gaz)
        if top is not None:
            if top.country == "US" and top.admin1 and top.kind == "province":
                ctx.states[top.admin1] = ctx.states.get(top.admin1, 0) + weight
            ctx.countries[top.country] = ctx.countries.get(top.country, 0) + weight
    for cand in candidates:
        if cand.state or cand.country or cand.source == "dateline":
            entry = resolve_name(cand, gaz, ctx)
            if entry is not None and entry.lat is not None:
                ctx.anchors.append(entry)
            if cand.source == "dateline" and not cand.state and _known_city(entry):
                ctx.states[entry.admin1] = ctx.states.get(entry.admin1, 0.0) + _DATELINE_CITY_WEIGHT
    return ctx


def _known_city(entry: Entry | None) -> bool:
    """A US city big enough that its name alone says its state ("NEW ORLEANS --")."""
    return entry is not None and entry.country == "US" and entry.kind == "town" and entry.population >= _KNOWN_ALIAS


def _county_states(cand: Candidate, gaz: Gazetteer) -> dict[str, float]:
    """States that have a county of this name, sharing one unit of weight ("Collier County"
    -> FL: 1.0; "Butler County" -> eight states: 1/8 each)."""
    if not cand.name.endswith(("County", "Parish", "Borough")):
        return {}
    states = {m.entry.admin1 for m in gaz.lookup(cand.name) if m.entry.kind == "district" and m.how == "exact"}
    return {state: 1.0 / len(states) for state in states}


def _vote_countries(candidates: list[Candidate], gaz: Gazetteer, ctx: _Context) -> None:
    """Names that exist in one country only vote for it, once per name: "Rome" next to
    "Milner" (a town only the US has) is Rome, Georgia, not Rome, Italy."""
    seen: set[str] = set()
    for cand in candidates:
        if cand.name in seen or cand.source in ("outlet", "url"):
            continue
        if cand.source == "title" and " " not in cand.name and common_word(cand.name):
            continue  # "Obama School" in a headline says nothing of Japan
        seen.add(cand.name)
        countries = {m.entry.country for m in _matches(cand, gaz) if m.how != "loose" and m.entry.country}
        if len(countries) == 1:
            country = countries.pop()
            ctx.countries[country] = ctx.countries.get(country, 0.0) + 1.0


def _coherence(candidates: list[Candidate], gaz: Gazetteer, ctx: _Context) -> dict[Entry, int]:
    """For each town a name may be, how many of the article's other names may be a town
    near it (within about 80 km): "Warren" next to "Youngstown" is Warren, Ohio."""
    pools: dict[str, list[Entry]] = {}
    for cand in candidates:
        if cand.name not in pools and cand.source != "outlet":
            towns = [m.entry for m in _matches(cand, gaz) if m.entry.kind in ("town", "site") and m.entry.lat is not None]
            # the biggest namesakes, and every one in a state the article names
            pools[cand.name] = sorted(towns, key=lambda e: -e.population)[:8] + [
                e for e in sorted(towns, key=lambda e: -e.population)[8:] if e.admin1 in ctx.states]
    if len(pools) < 2:
        return {}
    support: dict[Entry, int] = {}
    for name, entries in pools.items():
        for entry in entries:
            support[entry] = sum(
                1 for other, others in pools.items()
                if other != name and any(_near(entry, o) for o in others)
            )
    return support


def _near(entry: Entry, other: Entry) -> bool:
    """Within about 80 km, and another place: a second name of the same town ("City of
    Montgomery" beside "Montgomery") does not corroborate it."""
    return other is not entry and abs(entry.lat - other.lat) < 0.75 and abs(entry.lon - other.lon) < 1.0


def _direct_region(cand: Candidate, gaz: Gazetteer) -> Entry | None:
    """The country or state a name stands for, when it is plainly one ("Syria", "Fla.")."""
    code = state_code(cand.name) if ("." in cand.name or len(cand.name) > 3) else None
    bare = _DIRECTION.sub("", cand.name)
    if code is None and bare != cand.name and len(bare) > 3 and bare[:1].isupper():
        code = state_code(bare)  # "Central Florida", "Southern California"
    if code and not _big_city(cand.name, gaz):
        return gaz.state(code)
    matches = gaz.lookup(cand.name)
    countries = [m.entry for m in matches if m.entry.kind == "country" and m.how != "loose"]
    return countries[0] if countries else None


def resolve_name(cand: Candidate, gaz: Gazetteer, ctx: _Context | None = None) -> Entry | None:
    """The best gazetteer entry for ``cand`` in context, or None when nothing fits."""
    ctx = ctx or _Context()
    matches = _matches(cand, gaz)
    if not matches:
        return None
    scored = sorted(((_score(m, cand, ctx), i, m) for i, m in enumerate(matches)), key=lambda t: (-t[0], t[1]))
    best_score, _, best = scored[0]
    if cand.source == "url" and ctx.countries and best.entry.country != max(ctx.countries, key=ctx.countries.get):
        return None  # a word of the URL's slug never brings in a country of its own ("...-wedding-...")
    return best.entry if best_score > _threshold(cand) else None


def _matches(cand: Candidate, gaz: Gazetteer) -> list[Match]:
    code = state_code(cand.name) if ("." in cand.name or cand.name.isupper() and len(cand.name) == 2) else None
    if code and gaz.state(code) is not None and cand.label != "FAC":
        return [Match(gaz.state(code), True, "exact")]
    matches = gaz.lookup(cand.name)
    if not matches:
        bare = _DIRECTION.sub("", cand.name)
        matches = gaz.lookup(bare) if bare != cand.name else []
    if not matches and cand.name[:1].isupper():
        matches = [m for m in gaz.lookup(cand.name + " County") if m.entry.kind == "district"]
    if cand.label == "FAC":
        matches = [m for m in matches if m.entry.kind == "site" or (m.primary and m.entry.population >= 5000)]
    if cand.label == "POLICE":
        matches = [m for m in matches if m.entry.kind in ("town", "district", "province") and m.how != "loose"]
    if cand.person_like:  # "Jada" of "Jada Page": a town only if it is a country or state
        matches = [m for m in matches if m.entry.kind in ("country", "province")]
    return matches


def _threshold(cand: Candidate) -> float:
    return 2.0 if cand.source in ("title", "url") else 1.0


def _score(match: Match, cand: Candidate, ctx: _Context) -> float:
    entry = match.entry
    if match.how == "loose" and entry.country not in ctx.countries and entry.country != cand.country:
        return -99.0  # a transliteration guess needs the article to be about that country
    if len(cand.name) <= 3 and cand.name.isupper() and entry.kind not in ("country", "province"):
        return -99.0  # "US", "UK": codes, not towns
    if cand.source in ("title", "url") and _doubtful_headline_town(match, cand, ctx):
        return -99.0
    score = math.log10(entry.population + 10) * 0.8
    score += {"exact": 0.5, "article": 0.0, "loose": -2.0}[match.how] + (2.5 if match.primary else 0.0)
    if (not match.primary and entry.country == "US" and entry.kind == "town" and entry.population < _KNOWN_ALIAS
            and entry.admin1 not in ctx.states):
        score -= 5.0  # alternate names of small US towns are former names and neighbourhoods elsewhere
    if not match.primary and entry.kind == "town" and len(cand.name) > 3 and state_code(cand.name):
        score -= 6.0  # "Oklahoma" is the state, not Oklahoma City (an alternate name of it)
    # sites and regions come from the curated table: chosen on purpose, they win over namesakes
    score += {"site": 4.5, "region": 4.5, "country": 3.0, "province": 1.0, "district": 0.5}.get(entry.kind, 0.0)
    if entry.kind == "province" and entry.country == "US" and _big_city(cand.name, get_gazetteer()):
        score -= 6.0  # "New York", "Washington": the city, unless the state is said
    if cand.state:
        score += 12.0 if entry.country == "US" and entry.admin1 == cand.state else -12.0
    elif cand.country:
        score += 12.0 if entry.country == cand.country else -8.0
    if entry.country == "US" and entry.admin1 and ctx.states and entry.kind != "province":
        # relative to the article's main state, so that a county name found in eleven
        # states ("Fayette County") lends each of them little
        # (at least one unit: eight states sharing one ambiguous county are each a weak hint)
        share = ctx.states.get(entry.admin1, 0.0) / max(max(ctx.states.values()), 1.0)
        # an alternate (mostly former) name earns less from the state: "Washington" is
        # not Millsboro, Delaware, whatever else the article says about Delaware
        score += (1.0 + 5.0 * share) * (1.0 if match.primary else 0.4) if share else -1.5
    if ctx.countries:
        weight = ctx.countries.get(entry.country, 0.0) if entry.country else max(ctx.countries.values())
        score += 4.0 * weight / max(ctx.countries.values()) - 1.5 if weight else -4.0
    if _elsewhere(entry, cand, ctx):
        score -= 4.0
    score += 1.5 * min(ctx.support.get(entry, 0), 2)
    if entry.lat is not None and ctx.anchors and entry.kind in ("town", "site"):
        if min(_km(entry, a) for a in ctx.anchors if a.lat is not None) < 150:
            score += 2.0
    return score


def _doubtful_headline_town(match: Match, cand: Candidate, ctx: _Context) -> bool:
    """A headline or URL has no reliable capitals: a common English word there ("Four teens
    shot", "police-arrest-man") or an alternate name is a small town only in a state the
    article names ("Surprise" is a town in Arizona, not in a story from elsewhere)."""
    entry = match.entry
    if entry.kind != "town" or cand.state:
        return False
    if entry.population >= _KNOWN_ALIAS:  # a big city's other name, but not a foreign one out of a slug ("vine")
        return cand.source == "url" and not match.primary and entry.country not in ctx.countries
    if entry.country == "US" and entry.admin1 in ctx.states:
        return False
    if not match.primary:
        return True
    return " " not in cand.name and common_word(cand.name) and not _big_city(cand.name, get_gazetteer(), _KNOWN_ALIAS)


def _elsewhere(entry: Entry, cand: Candidate, ctx: _Context) -> bool:
    """A small US town in a state the article never names, when it names another one
    strongly (a dateline's state): mostly a neighbourhood of the article's town that shares
    its name with a town far away ("NEW ORLEANS -- ... in Mid-City")."""
    if entry.country != "US" or entry.kind != "town" or cand.state or entry.population >= _KNOWN_ALIAS:
        return False
    return max(ctx.states.values(), default=0.0) >= _STRONG_STATE and not ctx.states.get(entry.admin1)


def _to_places(resolved: list[Candidate]) -> list[Place]:
    """One Place per entry and source, at its first occurrence."""
    seen: set[tuple] = set()
    out = []
    for cand in sorted(resolved, key=lambda c: (c.source != "dateline", c.start if c.start is not None else -1)):
        key = (cand.entry, cand.source)
        if key not in seen:
            seen.add(key)
            out.append(_to_place(cand))
    return out


def _address_places(addresses: list[tuple[str, int, int]], town: Place | None) -> list[Place]:
    """Addresses as Places, placed (approximately) at the main town of the article."""
    if town is not None and town.precision not in ("site", "town", "district"):
        town = None
    return [
        Place(name=text, country=town.country if town else None, admin1=town.admin1 if town else None,
              lat=town.lat if town else None, lon=town.lon if town else None, precision="address",
              address=text, source="text", start=start, end=end)
        for text, start, end in addresses
    ]
