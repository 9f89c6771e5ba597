"""Name forms and keys: what a name looks like once titles, articles and spelling noise are gone.

Three levels of key, strictest first:

* ``display``: the surface form with Unicode NFKC, curly apostrophes straightened, a leading
  "the" and a trailing possessive "'s" removed, and, for people, leading titles and roles
  stripped ("US Secretary of Defense Lloyd Austin" -> "Lloyd Austin", "Lt. Gen. Douglas Sims"
  -> "Douglas Sims", "National Security Council spokesman John Kirby" -> "John Kirby").
* ``tokens``: the display form folded for comparison: lower case, diacritics and apostrophes
  removed ("Kata'ib" = "Kataib" = "Kata’ib"), hyphens split, Arabic articles dropped
  ("Al-Qaim" = "Qaim"), prepositions dropped ("Resistance in Iraq" = "Resistance of Iraq"),
  plural "s" dropped from organisation words ("Guards" = "Guard").
* ``translit``: a transliteration key per token, written for Arabic and Persian names in Latin
  script, where short vowels and vowel length are spelled freely. Rules, in order:
  0. a final ``re`` after a consonant is ``er`` (Centre / Center);
  1. ``q`` -> ``k``, ``ph`` -> ``f``, ``ck`` -> ``k`` (Qaim / Kaim);
  2. digraphs for long vowels: ``ou``, ``oo`` -> ``u``; ``ee``, ``ie``, ``ey`` -> ``i``;
     ``aa`` -> ``a`` (Rasool / Rasul, Mayadeen / Mayadin);
  3. vowel classes: ``e`` and ``i`` are one class (written ``i``), ``o`` and ``u`` one class
     (written ``u``), ``a`` its own: Qaem / Qaim, Mohammed / Muhammad (the last vowel still
     differs, see below);
  4. ``y`` after the first letter is the vowel ``i`` (Yahya / Yehia -> "yahia" / "yihia");
  5. doubled letters are written once (Ezzor / Ezor, Mohammed / Mohamed).
  Two tokens *match* when their translit keys are equal, or equal once ``a`` after the first
  letter is also written ``i`` (the fatha / kasra ambiguity of Arabic: Yahya / Yehia, Muhammad /
  Mohammed, Husayn / Hussein). Other vowel changes are real differences in English names
  (Scheel / School, Batts / Bates, Causey / Cass, Rasul / Russell, Ali / Eli do not match): a
  rapidfuzz ratio on the keys, tried first, merged such pairs in local US news, so name matching
  uses these exact keys and rapidfuzz is kept for quotation text (:mod:`.quotegroups`).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass


__all__ = [
    "NameForm",
    "name_form",
    "fold",
    "translit",
    "skeleton",
    "tokens_match",
    "is_acronym",
    "KINDS",
]

# Coarse kinds: spaCy labels mapped to what resolve compares.
KINDS = {"PERSON": "PER", "PER": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC",
         "NORP": "NORP"}

_APOSTROPHES = "'’‘`´ʿʾʼʻ"
_QUOTES_TO_STRAIGHT = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "“": '"', "”": '"', "\x92": "'",
                                     "\ufeff": None, "\u200b": None})
ARABIC_ARTICLES = frozenset({"al", "el", "ad", "as", "ar", "an", "at", "az", "ash", "ed", "es", "ez", "ul"})
_PREPOSITIONS = frozenset({"of", "in", "for", "the", "and", "&", "on", "at", "de", "du", "des", "la", "le"})

# Words that precede a person's name as a title or role; everything up to the last of
# them (with its "of ..." complement) is stripped from a person's name.
TITLE_WORDS = frozenset("""
president vice prime minister secretary general gen gen. lt lt. lieutenant col col. colonel maj
maj. major brig brig. brigadier adm adm. admiral capt capt. captain cmdr commander sgt sgt. sergeant
gov gov. governor sen sen. senator rep rep. representative mayor sheikh sheik imam ayatollah king
queen prince princess emir sultan chancellor premier chief director spokesman spokeswoman
spokesperson spokesmen official envoy victim suspect trooper agent pastor reverend ambassador judge justice dr dr. mr mr. mrs mrs. ms ms.
prof prof. professor doctor pope cardinal bishop rev rev. father coach leader chairman chairwoman chair
head deputy assistant acting former late interim minister-president foreign defense defence
secretary-general commissioner inspector superintendent sheriff officer detective attorney
""".split())
# Words that can sit between a title and the name: "Secretary of Defense", "spokesman for
# the army". They are stripped with the title.
_TITLE_LINKS = frozenset({"of", "for", "the", "to", "and", "at", "us", "u.s.", "un", "u.n."})
_TITLE_COMPLEMENTS = frozenset("""
defense defence state foreign affairs interior justice treasury homeland security council
national staff armed forces army navy air force ministry department house white joint chiefs
commerce energy health education finance economy information iraq iran syria israel united
states nations general
""".split())
# Last words that make a "person" a place or an organisation (NER slips).
NOT_PERSON_HEADS = {
    **dict.fromkeys("county city street avenue road boulevard drive lane park beach river lake mountain "
                    "island village town square bridge highway parkway".split(), "LOC"),
    **dict.fromkeys("school hospital department office jail church university college center centre police "
                    "sheriff news council court company club academy agency ministry party".split(), "ORG"),
}
_TRAILING_NOISE = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii"})
# Legal and agency suffixes that do not distinguish organisations.
_ORG_SUFFIXES = ("news agency", "inc", "inc.", "ltd", "ltd.", "llc", "plc", "corp", "corp.",
                 "corporation", "co", "co.")


@dataclass(frozen=True)
class NameForm:
    """One surface form reduced for comparison. ``tokens`` are the folded content tokens;
    ``acronym`` is true for all-capital short forms such as IRGC."""

    surface: str
    display: str
    kind: str
    tokens: tuple[str, ...]
    acronym: bool

    @property
    def key(self) -> str:
        return " ".join(self.tokens)


def straighten(text: str) -> str:
    """NFKC, straight quotes and apostrophes, whitespace collapsed."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES_TO_STRAIGHT)
    return re.sub(r"\s+", " ", text).strip()


_DROP_APOSTROPHES = {ord(c): None for c in _APOSTROPHES}


@functools.lru_cache(maxsize=131072)
def fold(text: str) -> str:
    """Lower case without diacritics or apostrophes."""
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in decomposed if not unicodedata.combining(c))
    return text.translate(_DROP_APOSTROPHES).lower()


def is_acronym(text: str) -> bool:
    """IRGC, CENTCOM, U.S., PMU: 2-8 letters, all capitals (dots allowed)."""
    letters = text.replace(".", "")
    return 2 <= len(letters) <= 8 and letters.isalpha() and letters.isupper()


@functools.lru_cache(maxsize=65536)
def name_form(surface: str, kind: str) -> NameForm:
    """The :class:`NameForm` of ``surface`` for an entity of coarse ``kind`` (PER, ORG, LOC)."""
    display = _clean_display(surface)
    head = fold(display.split()[-1]) if display.split() else ""
    head = head[:-1] if head not in NOT_PERSON_HEADS and head.endswith("s") else head  # "Schools"
    if kind == "PER" and head in NOT_PERSON_HEADS:
        kind = NOT_PERSON_HEADS[head]  # "Anderson County" tagged PERSON
    elif kind == "LOC" and NOT_PERSON_HEADS.get(head) == "ORG" and len(display.split()) > 1:
        kind = "ORG"  # "Myrtle Beach City Council" tagged GPE: an institution, not the place
    if kind == "PER":
        display = strip_titles(display.split(",")[0].strip() or display)  # "Regina Benjamin, MD"
    tokens = _fold_tokens(display, kind)
    return NameForm(surface, display, kind, tokens, is_acronym(display))


def _clean_display(surface: str) -> str:
    text = straighten(surface)
    text = re.sub(r"\.(?=[A-Z][a-z])", ". ", text)  # "Gov.Sarah Palin"
    text = re.sub(r"^([A-Z]{2,})s$", r"\1", text)  # "GIs", "MPs": plural acronyms
    text = re.sub(r"\s*\([^)]*$", "", text)  # "Popular Mobilization Units (PMU": an unclosed aside
    text = re.sub(r"^(?:our|their|its|his|her)\s+", "", text)
    text = re.sub(r"^[\"'(\[]+|[\"')\],.:;]+$", "", text).strip()
    text = re.sub(r"^(?:the|The|THE)\s+", "", text)
    text = re.sub(r"'s?$", "", text)  # possessive: "Biden's", "the militias'"
    return text.strip()


def strip_titles(display: str) -> str:
    """A person's name without leading titles and roles (kept whole if nothing would remain)."""
    words = display.split()
    cut = 0
    for i, word in enumerate(words[:-1]):
        low = word.lower().strip(",")
        if low in TITLE_WORDS or (cut and (low in _TITLE_LINKS or low in _TITLE_COMPLEMENTS)):
            cut = i + 1
        elif not word[:1].isupper() and not _is_particle(low):
            cut = i + 1  # a lower-case word ("military spokesperson") is never part of the name
    while cut < len(words) - 1 and words[cut].lower() in _TITLE_LINKS | _TITLE_COMPLEMENTS:
        cut += 1
    rest = [w for w in words[cut:] if w.lower().strip(",") not in _TRAILING_NOISE]
    named_before = [w for w in words[:cut] if w[:1].isupper() and w.lower().strip(",") not in TITLE_WORDS]
    if len(rest) == 1 and len(named_before) >= 2:
        return display  # "Martin Luther King Jr. Boulevard": a title word inside a name
    return " ".join(rest) if rest else display


def _is_particle(low: str) -> bool:
    """Lower-case parts of names: al-, bin, van, de, ..."""
    return low.split("-")[0] in ARABIC_ARTICLES | {"bin", "ibn", "bint", "abu", "van", "von", "de", "da",
                                                   "di", "del", "der", "la", "le", "du", "dos"}


def _fold_tokens(display: str, kind: str) -> tuple[str, ...]:
    text = fold(display)
    if kind != "PER":
        for suffix in _ORG_SUFFIXES:
            if text.endswith(" " + suffix):
                text = text[: -len(suffix) - 1]
    raw = [t for t in re.split(r"[^0-9a-z.]+", text) if t]
    raw = [t.replace(".", "") for t in raw]
    raw = [_ABBREVIATIONS.get(t, t) if i == 0 or t != "st" else "street" for i, t in enumerate(raw)]
    out = []
    for i, tok in enumerate(raw):
        if not tok or tok in _PREPOSITIONS:
            continue
        if tok in ARABIC_ARTICLES and i < len(raw) - 1:
            continue  # "al Hashd", "Al-Qaim": the article is spelled or dropped freely
        if kind == "ORG" and len(raw) > 1 and len(tok) > 3 and tok.endswith("s") and not tok.endswith("ss"):
            tok = tok[:-1]  # Guards / Guard, Units / Unit
        out.append(tok)
    return tuple(out)


_ABBREVIATIONS = {"mt": "mount", "st": "saint", "ft": "fort", "pt": "point"}

_TRANSLIT_SUBS = (("q", "k"), ("ph", "f"), ("ck", "k"), ("ou", "u"), ("oo", "u"), ("ee", "i"),
                  ("ie", "i"), ("ey", "i"), ("aa", "a"))


@functools.lru_cache(maxsize=65536)
def translit(token: str) -> str:
    """The transliteration key of one folded token (rules in the module docstring)."""
    key = re.sub(r"([^aeiou])re$", r"\1er", token)  # centre / center
    for old, new in _TRANSLIT_SUBS:
        key = key.replace(old, new)
    head, tail = key[:1], key[1:]
    tail = tail.replace("y", "i")
    key = (head + tail).replace("e", "i").replace("o", "u")
    return re.sub(r"(.)\1+", r"\1", key)


def skeleton(token: str) -> str:
    """The consonant skeleton of a token's translit key (its first letter always kept)."""
    key = translit(token)
    return key[:1] + re.sub(r"[aiu]", "", key[1:])


@functools.lru_cache(maxsize=262144)
def tokens_match(a: str, b: str) -> bool:
    """Two folded tokens spell the same name (see the module docstring)."""
    if a == b:
        return True
    if a.isdigit() or b.isdigit() or min(len(a), len(b)) < 3:
        return False
    ta, tb = translit(a), translit(b)
    return ta == tb or _loose(ta) == _loose(tb)


def _loose(key: str) -> str:
    return key[:1] + re.sub(r"(.)\1+", r"\1", key[1:].replace("a", "i"))
