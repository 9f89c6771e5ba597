"""Scope of a count: the place or group it counts.

A place scope becomes the matching place of ``item.places`` (or the country's name); a group is
lower-cased. A count without scope gets the places its sentence puts it *in* ("in X", "near X
and Y": one place -> its name, several of one country -> the country, several countries ->
none); failing that, a claimant that is a country scopes its own toll ("Iraq said 16 were
killed" -> Iraq).
"""

from __future__ import annotations

import functools
import re
from typing import Any

from ..model import PLACE_RANK, AnnotatedArticle

__all__ = ["normalise_scope", "infer_scope", "locative_places", "forms", "fold", "PRECISION_RANK"]

_LOCATIVE = r"\b(?:in|at|near|across|outside|inside|around|throughout)\s+(?:the\s+)?(?:(?:north|south|east|west)(?:ern|east|west|-\w+)?\s+|central\s+|downtown\s+)?"
_CHAIN = r"(?:\s*,\s*|\s+and\s+|\s+or\s+)(?:the\s+)?"
PRECISION_RANK = PLACE_RANK  # finer places rank lower


def normalise_scope(scope: str | None, item: AnnotatedArticle) -> str | None:
    """A place scope -> the matching place's name (or the country's); a group -> lower case."""
    if not scope or not scope.strip():
        return None
    key = fold(scope)
    for place in item.places:
        if fold(place.name) == key or key.endswith(" " + fold(place.name)):
            return place.name
    return _country_name(scope) or re.sub(r"\s+", " ", scope).strip().lower()


def infer_scope(item: AnnotatedArticle, sentence: str, claimant: str | None) -> str | None:
    """A place scope for a count whose extractor gave none: the places the sentence puts it
    *in* ("in X", "near X", "in X and Y"); one place (or one with the division and country
    holding it) -> its name, several in one country -> the country; several countries -> None. With no such place, a claimant that is
    a country ("Iraq said ...") scopes its own toll."""
    found = locative_places(item, sentence)
    finest = min(found, key=lambda p: PRECISION_RANK.get(p.precision, 9)) if found else None
    if finest and all(p is finest or _holds(p, finest) for p in found):  # "in Augusta, Georgia"
        return finest.name
    if finest and len({p.country for p in found}) == 1:
        return _country_label(finest.country, item)
    if not found and claimant:
        own = next((p.name for p in item.places if fold(p.name) == fold(claimant) and p.precision == "country"), None)
        return own or (claimant if _country_name(claimant) == claimant else None)
    return None


def locative_places(item: AnnotatedArticle, sentence: str) -> list[Any]:
    """The places of ``item`` that ``sentence`` names after a locative word ("in X and Y")."""
    text, found = item.article.text, []
    view = _Locatives(sentence)
    for place in item.places:
        if place.source == "dateline" or place.precision == "region":
            continue
        if any(view.names(form) for form in forms(place, text)):
            found.append(place)
    return found


# The locative phrase before a place name: ``_LOCATIVE_PHRASE + re.escape(form) + r"(?![\w-])"``
# (case-insensitive) is the rule. It is tested without a regex per place name: compiling one
# for each name (hundreds per article) cost more than the rest of the claims step.
_LOCATIVE_PHRASE = rf"(?:{_LOCATIVE}|{_LOCATIVE}[^\s,.;]+(?:{_CHAIN}[^\s,.;]+){{0,3}}?{_CHAIN})"
_BEFORE_PLACE = re.compile(_LOCATIVE_PHRASE, re.I)
_LOCATIVE_WORD = re.compile(r"\b(?:in|at|near|across|outside|inside|around|throughout)(?=\s)", re.I)  # where it can start
# The only non-ASCII characters that re.I matches to ASCII ones (checked over all of Unicode).
_ASCII_TWINS = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


class _Locatives:
    """One sentence, ready to say for many place forms whether it names them after a locative
    phrase. For an ASCII form the rule's regex is replaced by exact equivalents: the form is
    found in a lower-cased ASCII copy of the sentence (one character per character, so offsets
    agree), and the phrase regex, compiled once, must match exactly the text before it from
    one of the places where a locative word starts."""

    def __init__(self, sentence: str) -> None:
        self.sentence = sentence
        self.starts = [m.start() for m in _LOCATIVE_WORD.finditer(sentence)]
        self.folded = _ascii_copy(sentence).lower() if self.starts else ""

    def names(self, form: str) -> bool:
        if not self.starts:  # every match of the rule starts with a locative word
            return False
        if not form.isascii() or "_" in form or "\x00" in form:  # the copy's stand-ins
            return bool(_locative_pattern(form).search(self.sentence))
        needle = form.lower()
        at = self.folded.find(needle)
        while at >= 0:
            if not _word_goes_on(self.folded, at + len(needle)) and self._phrase_ends_at(at):
                return True
            at = self.folded.find(needle, at + 1)
        return False

    def _phrase_ends_at(self, end: int) -> bool:
        return any(_BEFORE_PLACE.fullmatch(self.sentence, start, end) for start in self.starts if start < end)


def _ascii_copy(text: str) -> str:
    """``text`` with each non-ASCII character replaced by one ASCII character that matches the
    same ASCII characters under re.I: its ASCII twin, "_" for another word character (\\w, so
    it still continues a word) or NUL."""
    if text.isascii():
        return text
    return _NON_ASCII.sub(_stand_in, text)


def _stand_in(match: re.Match[str]) -> str:
    char = match.group()
    return _ASCII_TWINS.get(char) or ("_" if char.isalnum() else "\x00")


def _word_goes_on(folded: str, end: int) -> bool:
    """Whether the character at ``end`` continues the word (the rule's ``(?![\\w-])`` fails)."""
    return end < len(folded) and (folded[end].isalnum() or folded[end] in "_-")


@functools.lru_cache(maxsize=1024)
def _locative_pattern(form: str) -> re.Pattern[str]:
    """The rule as one regex, for forms that are not ASCII (rare)."""
    return re.compile(rf"{_LOCATIVE_PHRASE}{re.escape(form)}(?![\w-])", re.I)


def _holds(outer: Any, inner: Any) -> bool:
    """Whether ``outer`` (a country or a first-level division) contains ``inner``."""
    if outer.precision == "country":
        return outer.country == inner.country
    return outer.precision == "province" and bool(inner.admin1) and fold(inner.admin1) == fold(outer.name)


def _country_label(code: str | None, item: AnnotatedArticle) -> str | None:
    own = next((p.name for p in item.places if p.country == code and p.precision == "country"), None)
    if own:
        return own
    import pycountry

    country = pycountry.countries.get(alpha_2=code or "")
    return getattr(country, "common_name", None) or (country.name if country else None)


def fold(text: str) -> str:
    text = re.sub(r"^(?:the|al)[\s-]+", "", text.strip().lower())
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def _country_name(text: str) -> str | None:
    import pycountry

    try:
        country = pycountry.countries.lookup(re.sub(r"(?:'s|’s)$", "", text.strip()))
    except LookupError:
        return None
    return getattr(country, "common_name", None) or country.name


def forms(place: Any, text: str) -> set[str]:
    forms = {place.name}
    if place.start is not None and place.end is not None and 0 <= place.start < place.end <= len(text):
        forms.add(text[place.start:place.end])
    return {f for f in forms if len(f) > 1}
