"""The data contract: what flows between the pipeline stages.

Every stage takes the objects of the stage before and returns richer ones:

    RawDocument --clean--> Article --annotate--> AnnotatedArticle --cluster/fuse--> Event

All character offsets (``start``/``end``) index into ``Article.text`` (the clean text),
half-open, in Python string positions. Objects are plain dataclasses so that they
serialise to JSON with :func:`to_dict` and back with ``from_dict`` for the store.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "RawDocument",
    "Removed",
    "Article",
    "Span",
    "Mention",
    "Place",
    "EventDate",
    "Claim",
    "Quote",
    "Actor",
    "AnnotatedArticle",
    "Figure",
    "Event",
    "to_dict",
    "place_rank",
    "date_rank",
]

# Qualifiers a figure can carry (DESIGN.md "Claims, not values").
QUALIFIERS = ("exact", "at_least", "more_than", "about", "up_to", "less_than", "range", "vague")
# Status of a fused fact.
STATUSES = ("corroborated", "single_source", "contested")
# Date precisions, finest first; DATE_RANK orders them (smaller is finer).
DATE_PRECISIONS = ("day", "week", "month", "year")
DATE_RANK = {precision: rank for rank, precision in enumerate(DATE_PRECISIONS)}
# Place precisions, finest first; PLACE_RANK orders them (smaller is finer).
PLACE_PRECISIONS = ("address", "site", "town", "district", "province", "country", "region")
PLACE_RANK = {precision: rank for rank, precision in enumerate(PLACE_PRECISIONS)}


def place_rank(precision: str | None) -> int:
    """The rank of a place precision (smaller is finer; unknown ranks after all)."""
    return PLACE_RANK.get(precision, len(PLACE_RANK)) if precision else len(PLACE_RANK)


def date_rank(precision: str | None) -> int:
    """The rank of a date precision (smaller is finer; unknown ranks after all)."""
    return DATE_RANK.get(precision, len(DATE_RANK)) if precision else len(DATE_RANK)


@dataclass(frozen=True)
class RawDocument:
    """Bytes of one input article and where they came from.

    ``input_id`` is the id given in the input: the ``id`` field of a JSON line, else the
    file name. ``origin`` names the input for messages ("dir/a.jsonl:17"). ``kind`` is
    sniffed from the content: "text", "html" or "record" (a JSON line whose ``text``
    is in ``fields``). ``fields`` holds the other JSON-line fields (title, published,
    source, url, lang) as given.
    """

    input_id: str
    origin: str
    data: bytes
    kind: str
    fields: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Removed:
    """A part of the input that cleaning cut, and why ("comment section", "copyright footer")."""

    text: str
    reason: str


@dataclass
class Article:
    """One clean article. ``sha256`` is the hash of the normalised title and text: the
    article's identity in the store (the same article twice is stored once)."""

    id: str
    sha256: str
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None  # ISO 8601 date or datetime, as precise as known
    updated: str | None = None
    dateline: str | None = None
    lang: str | None = None
    removed: list[Removed] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    origin: str | None = None
    warnings: list[str] = field(default_factory=list)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Article":
        values = dict(data)
        values["removed"] = [Removed(**r) for r in values.get("removed", [])]
        return cls(**_known(cls, values))


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass
class Mention:
    """A named-entity mention. ``label`` is spaCy's (PERSON, ORG, GPE, LOC, FAC, NORP, ...)
    after rule corrections; ``entity`` the canonical entity key set by resolve."""

    text: str
    start: int
    end: int
    label: str
    entity: str | None = None


@dataclass
class Place:
    """A resolved place. ``country`` is ISO 3166-1 alpha-2; ``admin1`` the first-level
    subdivision's name (state, province); ``precision`` one of PLACE_PRECISIONS;
    ``source`` says where it was found ("dateline", "text", "title", "url", "metadata"), or
    "outlet" for the home region of the article's outlet, a prior where the text names no place
    (newsfuse.fuse.outlets)."""

    name: str
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: str = "town"
    geonameid: int | None = None
    address: str | None = None
    source: str = "text"
    start: int | None = None
    end: int | None = None
    population: int | None = None  # of the gazetteer's town, when known: a prior between namesakes

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Place":
        return cls(**_known(cls, data))


@dataclass
class EventDate:
    """A date the article gives for what happened, resolved against its publication
    date; ``precision`` one of DATE_PRECISIONS; ``date`` is ISO (the first day for a
    week, month or year)."""

    date: str
    precision: str
    text: str = ""
    start: int | None = None
    end: int | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "EventDate":
        return cls(**_known(cls, data))


@dataclass
class Claim:
    """A fact as an article states it. ``slot`` names what is counted or said ("killed",
    "injured", "targets struck", "date", "place", "perpetrator"); ``value`` an int for
    figures, else a string. ``low``/``high`` bound what the statement allows (None for
    open). ``claimant`` is the attributed source, or the outlet when none is named."""

    slot: str
    value: Any
    qualifier: str = "exact"
    low: float | None = None
    high: float | None = None
    scope: str | None = None
    claimant: str | None = None
    article: str = ""
    sentence: str = ""
    start: int = 0
    end: int = 0
    # Set by annotate.claims: True when the text names the claimant (else outlet/"the article");
    # event_ref is the key of an earlier event the claim is about (AnnotatedArticle.related), None for the main one.
    claimant_explicit: bool = False
    event_ref: str | None = None
    # Set by annotate.casualties: "sentence" for what one sentence states; "article" for the
    # article's best total of the slot, derived from its sentences, pointing at the deciding one.
    level: str = "sentence"

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Claim":
        return cls(**_known(cls, data))


@dataclass
class Quote:
    """A direct quotation; ``speaker`` as named in the article, ``speaker_entity`` the
    canonical entity after resolve."""

    text: str
    start: int
    end: int
    speaker: str | None = None
    speaker_entity: str | None = None
    article: str = ""

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Quote":
        return cls(**_known(cls, data))


@dataclass
class Actor:
    name: str
    role: str  # "perpetrator", "target", "victim", "suspect", "authority", ...

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Actor":
        return cls(**_known(cls, data))


@dataclass
class AnnotatedArticle:
    """An article with everything annotate (and resolve) found in it."""

    article: Article
    sentences: list[Span] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    dates: list[EventDate] = field(default_factory=list)
    event_date: EventDate | None = None
    place: Place | None = None
    claims: list[Claim] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    event_type: str | None = None
    actors: list[Actor] = field(default_factory=list)
    related: list[dict[str, Any]] = field(default_factory=list)

    def sentence_at(self, offset: int) -> Span | None:
        """The sentence that holds character ``offset``, if any."""
        for span in self.sentences:
            if span.start <= offset < span.end:
                return span
        return None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "AnnotatedArticle":
        return cls(
            article=Article.from_dict(data["article"]),
            sentences=[Span(**s) for s in data.get("sentences", [])],
            mentions=[Mention(**m) for m in data.get("mentions", [])],
            places=[Place.from_dict(p) for p in data.get("places", [])],
            dates=[EventDate.from_dict(d) for d in data.get("dates", [])],
            event_date=_maybe(EventDate, data.get("event_date")),
            place=_maybe(Place, data.get("place")),
            claims=[Claim.from_dict(c) for c in data.get("claims", [])],
            quotes=[Quote.from_dict(q) for q in data.get("quotes", [])],
            event_type=data.get("event_type"),
            actors=[Actor.from_dict(a) for a in data.get("actors", [])],
            related=list(data.get("related", [])),
        )


@dataclass
class Figure:
    """A fused casualty figure of an event: ``best`` by the documented rule, the range
    the claims allow, and the status."""

    best: int | None
    low: int | None
    high: int | None
    status: str

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Figure":
        return cls(**_known(cls, data))


@dataclass
class Event:
    """One real-world event: the export schema of DESIGN.md."""

    id: str
    title: str | None = None
    type: str | None = None
    date: str | None = None
    date_precision: str | None = None
    place: Place | None = None
    places: list[Place] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    articles: list[dict[str, Any]] = field(default_factory=list)
    killed: Figure | None = None
    injured: Figure | None = None
    claims: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    disagreements: list[dict[str, Any]] = field(default_factory=list)
    related: list[dict[str, Any]] = field(default_factory=list)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Event":
        """An Event from its export record (events JSONL), as stored."""
        values = _known(cls, data)
        values["place"] = _maybe(Place, values.get("place"))
        values["places"] = [Place.from_dict(p) for p in values.get("places") or []]
        values["actors"] = [Actor.from_dict(a) for a in values.get("actors") or []]
        for slot in ("killed", "injured"):
            values[slot] = _maybe(Figure, values.get(slot))
        return cls(**values)


def to_dict(obj: Any) -> Any:
    """A JSON-ready copy of a model object (dataclasses become dicts)."""
    return dataclasses.asdict(obj) if dataclasses.is_dataclass(obj) else obj


def _known(cls: type, data: dict[str, Any]) -> dict[str, Any]:
    """Only the keys ``cls`` has: stored JSON written by a newer version still loads."""
    names = {f.name for f in dataclasses.fields(cls)}
    return {k: v for k, v in data.items() if k in names}


def _maybe(cls: Any, data: dict[str, Any] | None) -> Any:
    return None if data is None else cls.from_dict(data)
