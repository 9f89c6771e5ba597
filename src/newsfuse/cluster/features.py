"""Per-article grouping features, computed once from an AnnotatedArticle.

:class:`ArticleFeatures` is small and serialisable (``to_json``/``from_json``): the store
keeps one blob per article so that pairs are scored without re-reading the text.

Every weight here is FIXED: the term weighting uses word frequencies of general English
shipped in the ``wordfreq`` package (an IDF that does not depend on what else is in the
store), with sublinear term frequency. Nothing is fitted on the articles being grouped,
so an article's features never change when other articles arrive.

Annotation fields may be empty (components still missing, crawl failures): each feature
then stays empty and the similarity ignores it. Capitalised words and numbers read
straight from the text back up the entity and figure features.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urlsplit

from ..model import AnnotatedArticle, Claim, Place

__all__ = ["ArticleFeatures", "ages", "extract", "name_key", "surname_key", "term_weight", "url_headline"]

FEATURES_VERSION = 5
MAX_TERMS = 200  # the heaviest terms kept per article (bounded blob size)
NUM_PERM = 64  # MinHash permutations
SHINGLE = 3  # words per shingle
LEAD_CHARS = 500  # the lead: where a story names its who, where and when
LEAD_TERMS = 40
RARE_WEIGHT = 5.5  # term_weight of a rare word (Zipf frequency under 2.5): names, streets
THIN_TEXT = 300  # fewer characters: mostly a failed crawl (a paywall or sign-up notice)

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
_NUMBER = re.compile(r"\b\d[\d,.:]*(?:st|nd|rd|th)?\b")
_SENTENCE_START = re.compile(r"(?:^|[.!?\n\"“”]\s*)$")
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
_TITLES = {"mr", "mrs", "ms", "dr", "sgt", "officer", "det", "lt", "capt", "gov", "sen", "rep", "president"}


@dataclass
class ArticleFeatures:
    """What the grouping reads of one article (see module docstring)."""

    sha256: str
    id: str
    published: str | None = None  # ISO date
    event_date: str | None = None  # ISO date (first day for coarse precisions)
    date_precision: str | None = None
    country: str | None = None
    admin1: str | None = None
    town: str | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    address: str | None = None
    persons: list[str] = field(default_factory=list)  # full-name keys "first last"
    surnames: list[str] = field(default_factory=list)  # surname keys
    main_person: str | None = None  # the surname the article names most often
    orgs: list[str] = field(default_factory=list)
    killed: list[float | None] | None = None  # [low, high] allowed by the claims
    injured: list[float | None] | None = None
    event_type: str | None = None
    terms: dict[str, float] = field(default_factory=dict)  # unit-length weighted term vector
    lead: dict[str, float] = field(default_factory=dict)  # the same over the title and first lines
    outlet: str | None = None
    title_terms: list[str] = field(default_factory=list)
    propers: list[str] = field(default_factory=list)  # rare capitalised words of the text
    numbers: list[str] = field(default_factory=list)  # numeric tokens (ages, addresses, times)
    ages: list[int] = field(default_factory=list)  # ages of the people named ("17-year-old", "Jo Doe, 34,")
    minhash: list[int] = field(default_factory=list)
    text_chars: int = 0
    version: int = FEATURES_VERSION

    def to_json(self) -> str:
        return json.dumps(vars(self), sort_keys=True, separators=(",", ":"))  # flat: no asdict copy

    @classmethod
    def from_json(cls, text: str) -> "ArticleFeatures":
        return cls(**json.loads(text))

    def top_terms(self, k: int) -> list[str]:
        """The ``k`` heaviest terms, ties broken alphabetically (deterministic)."""
        return [t for t, _ in sorted(self.terms.items(), key=lambda kv: (-kv[1], kv[0]))[:k]]


def extract(item: AnnotatedArticle) -> ArticleFeatures:
    """The features of one annotated article (a pure function of it)."""
    art = item.article
    text = art.text or ""
    title = art.title or ""
    feats = ArticleFeatures(sha256=art.sha256, id=art.id, text_chars=len(text))
    feats.published = _iso_date(art.published)
    if item.event_date is not None:
        feats.event_date = _iso_date(item.event_date.date)
        feats.date_precision = item.event_date.precision
    _set_place(feats, item.place or _first_fine_place(item.places))
    persons = [m.text for m in item.mentions if m.label == "PERSON"]
    feats.persons = sorted({k for k in (name_key(p) for p in persons) if k and " " in k})
    feats.surnames = sorted({k for k in (surname_key(p) for p in persons) if k})
    feats.main_person = _main_person(persons)
    feats.orgs = sorted({_fold(m.text) for m in item.mentions if m.label == "ORG"} - {""})
    feats.killed = _figure(item.claims, "killed")
    feats.injured = _figure(item.claims, "injured")
    feats.event_type = item.event_type
    if len(text.strip()) < THIN_TEXT:
        # A failed crawl leaves a notice shared by unrelated pages of one site: the
        # headline words of the URL say more about the story than the notice does.
        title = " ".join(x for x in (title, url_headline(art.url)) if x)
    body = f"{title}\n{text}" if title else text
    feats.terms = term_vector(body)
    feats.lead = term_vector(f"{title}\n{text[:LEAD_CHARS]}", limit=LEAD_TERMS)
    feats.outlet = _fold(art.outlet) if art.outlet else None
    feats.title_terms = sorted({t for t in _tokens(title) if _content(t)})
    feats.propers = _propers(body)
    feats.numbers = sorted({n.rstrip(".,:") for n in _NUMBER.findall(body)} - {""})
    feats.ages = ages(body)
    feats.minhash = _minhash(body)
    return feats


# --------------------------------------------------------------------------- text


_AGE = re.compile(r"\b(\d{1,2})[- ]years?[- ]old\b|\bage[sd]?\s+(\d{1,2})\b|,\s(\d{1,2}),\s", re.I)
_AGE_WORDS = ("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
              "sixteen seventeen eighteen nineteen").split()
_AGE_IN_WORDS = re.compile(rf"\b({'|'.join(_AGE_WORDS)})[- ]years?[- ]old\b", re.I)


def ages(text: str) -> list[int]:
    """The ages a story gives its people ("a 17-year-old", "aged 34", "John Doe, 24, of"):
    look-alike shootings in one city and week differ in them, reports of one incident repeat
    them. Sorted, 1 to 99."""
    found = {int(next(g for g in m.groups() if g)) for m in _AGE.finditer(text)}
    found |= {_AGE_WORDS.index(m.group(1).lower()) + 1 for m in _AGE_IN_WORDS.finditer(text)}
    return sorted(a for a in found if 0 < a < 100)


def _tokens(text: str) -> list[str]:
    return [_fold(w) for w in _WORD.findall(text)]


def _fold(text: str) -> str:
    """Lowercase, accents stripped, apostrophes dropped: "O’Neil" -> "oneil"."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"['’`]", "", text).lower().strip()


@lru_cache(maxsize=200_000)
def term_weight(term: str) -> float:
    """Fixed inverse-frequency weight of ``term`` from general English word frequencies
    (Zipf scale: 7 for "the", 0 for unseen words). Rare words weigh up to 8x common ones."""
    from wordfreq import zipf_frequency

    return max(0.0, 8.0 - zipf_frequency(term, "en")) if not term.isdigit() else 1.0


def _content(term: str) -> bool:
    return len(term) > 1 and term_weight(term) > 1.5


def term_vector(text: str, limit: int = MAX_TERMS) -> dict[str, float]:
    """Sublinear tf x fixed inverse frequency, the ``limit`` heaviest terms, unit length."""
    counts = Counter(t for t in _tokens(text) if _content(t))
    weights = {t: (1.0 + math.log(n)) * term_weight(t) for t, n in counts.items()}
    kept = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
    norm = math.sqrt(sum(w * w for _, w in kept)) or 1.0
    return {t: round(w / norm, 5) for t, w in kept}


def _propers(text: str) -> list[str]:
    """Capitalised, uncommon words that do not open a sentence: names of people, streets
    and small places when no NER mentions are available."""
    found = set()
    for match in _WORD.finditer(text):
        word = match.group()
        if not word[0].isupper() or _SENTENCE_START.search(text[max(0, match.start() - 3) : match.start()]):
            continue
        key = _fold(word)
        if len(key) > 2 and term_weight(key) >= 3.5:
            found.add(key)
    return sorted(found)


def _minhash(text: str) -> list[int]:
    from datasketch import MinHash

    words = [t for t in _tokens(text)]
    shingles = {" ".join(words[i : i + SHINGLE]) for i in range(max(0, len(words) - SHINGLE + 1))}
    if not shingles:
        return []
    mh = MinHash(num_perm=NUM_PERM, seed=1)
    mh.update_batch([s.encode("utf-8") for s in sorted(shingles)])
    return [int(v) for v in mh.hashvalues]


def url_headline(url: str | None) -> str:
    """The words of a URL's headline slug ("/crime/man-shot-on-elm-street-1.23" gives
    "man shot on elm street"): the longest path segment of three or more words."""
    if not url:
        return ""
    path = urlsplit(url).path
    best = ""
    for segment in path.split("/"):
        words = [w for w in re.split(r"[-_+.]+", segment.removesuffix(".html")) if w.isalpha()]
        if len(words) >= 3 and len(words) > len(best.split()):
            best = " ".join(words)
    return best


# --------------------------------------------------------------------------- names


def name_key(name: str) -> str:
    """A normalised full name "first last" (titles and suffixes dropped)."""
    words = [w for w in _tokens(name) if w not in _TITLES and w not in _SUFFIXES]
    words = [w for w in words if not (len(w) == 1)]  # middle initials
    if not words:
        return ""
    return words[-1] if len(words) == 1 else f"{words[0]} {words[-1]}"


def _main_person(persons: list[str]) -> str | None:
    """The surname mentioned most often (ties: the one named first)."""
    keys = [k for k in (surname_key(p) for p in persons) if k]
    if not keys:
        return None
    counts = Counter(keys)
    return max(keys, key=lambda k: (counts[k], -keys.index(k)))


def surname_key(name: str) -> str:
    """The surname of ``name`` (its last word once titles and suffixes are dropped)."""
    key = name_key(name)
    return key.split()[-1] if key else ""


# --------------------------------------------------------------------------- facts


def _iso_date(value: str | None) -> str | None:
    if not value or len(value) < 10 or not re.match(r"\d{4}-\d\d-\d\d", value):
        return None
    return value[:10]


def _first_fine_place(places: list[Place]) -> Place | None:
    for place in places:
        if place.precision in ("address", "site", "town", "district"):
            return place
    return places[0] if places else None


def _set_place(feats: ArticleFeatures, place: Place | None) -> None:
    if place is None:
        return
    feats.country = place.country
    feats.admin1 = _fold(place.admin1) if place.admin1 else None
    if place.precision in ("town", "district"):
        feats.town = _fold(place.name)
    feats.geonameid = place.geonameid
    feats.lat, feats.lon = place.lat, place.lon
    feats.address = _fold(place.address) if place.address else None


def _figure(claims: list[Claim], slot: str) -> list[float | None] | None:
    """[low, high] that all of the article's claims for ``slot`` allow together (the
    largest low, the largest high): articles update figures upwards."""
    lows, highs = [], []
    for claim in claims:
        if claim.slot != slot or not isinstance(claim.value, (int, float)):
            continue
        lows.append(claim.low if claim.low is not None else float(claim.value))
        highs.append(claim.high if claim.high is not None else None)
    if not lows:
        return None
    high = None if any(h is None for h in highs) and any(
        c.qualifier in ("at_least", "more_than", "vague") for c in claims if c.slot == slot
    ) else max((h for h in highs if h is not None), default=max(lows))
    return [max(lows), high]


def stable_hash(text: str) -> str:
    """A short hash for block keys (stable across runs, unlike ``hash``)."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]
