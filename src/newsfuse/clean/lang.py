"""Language and script of a text or a line: py3langid (offline, deterministic) and Unicode names."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

__all__ = ["identify", "script_of", "main_script"]

# Language identification needs some text; below this it guesses.
_MIN_CHARS = 20
_SAMPLE = 5000
_LETTER = re.compile(r"[^\W\d_]")
_ASCII_LETTER = re.compile(r"[A-Za-z]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_pickled_model(MODEL_FILE, norm_probs=True)


def identify(text: str) -> tuple[str | None, float]:
    """(ISO 639-1 code, probability) of ``text``'s language; (None, 0.0) when too short.
    Blank lines do not count, so a text and its lines joined give the same answer."""
    return _identify(re.sub(r"\n\s*\n", "\n", text.strip())[:_SAMPLE])


@lru_cache(maxsize=512)
def _identify(sample: str) -> tuple[str | None, float]:
    # Cached: the cleaner asks about the same text more than once (each pass, then the result).
    if len(_LETTER.findall(sample, 0, 2000)) < _MIN_CHARS:
        return None, 0.0
    lang, prob = _identifier().classify(sample)
    return lang, float(prob)


@lru_cache(maxsize=4096)
def _char_script(char: str) -> str | None:
    if not char.isalpha():
        return None
    name = unicodedata.name(char, "")
    if not name:
        return None
    first = name.split(" ")[0]
    # "CJK UNIFIED IDEOGRAPH", "HIRAGANA", "HANGUL SYLLABLE": one bucket per writing system.
    return {"HIRAGANA": "CJK", "KATAKANA": "CJK", "HANGUL": "CJK"}.get(first, first)


def script_of(text: str) -> str | None:
    """The writing system most letters of ``text`` belong to ("LATIN", "ARABIC", ...)."""
    if text.isascii():
        return "LATIN" if _ASCII_LETTER.search(text) else None
    counts = Counter(s for s in map(_char_script, _NON_ASCII.findall(text)) if s)
    latin = len(_ASCII_LETTER.findall(text))
    if latin:
        counts["LATIN"] += latin
    if not counts:
        return None
    return max(sorted(counts), key=counts.__getitem__)


def main_script(lines: list[str]) -> str | None:
    """The script of the document: letters counted over all lines."""
    return script_of("".join(lines))
