"""Bytes to text: byte-order marks, UTF-8, then charset detection for legacy encodings.

Order: a BOM decides (UTF-32/UTF-16/UTF-8); else strict UTF-8 (most of the web, and a
"latin-1" label on UTF-8 bytes is a lie this catches); else charset-normalizer, which
weighs a declared charset (HTML meta, XML prolog) but checks it against the bytes, so a
meta charset that lies loses to what the bytes are. Mojibake inside decoded text is
repaired later by :func:`newsfuse.clean.normalize.fix_mojibake`.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

from ..errors import EncodingError

__all__ = ["Decoded", "decode_bytes", "declared_charset"]

# UTF-32 first: its little-endian mark starts with UTF-16's.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_PROLOG = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# Share of decoded characters that may be U+FFFD / controls before we call the result garbage.
_MAX_BAD_SHARE = 0.02


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    declared: str | None = None  # the charset the document claimed, if any
    note: str | None = None  # e.g. "declared windows-1251 but bytes are cp1252"


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML meta tag or XML prolog names in the first 4 KB, normalised."""
    head = data[:4096]
    match = _META.search(head) or _PROLOG.search(head)
    if not match:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def decode_bytes(data: bytes, origin: str | None = None) -> Decoded:
    """Text of ``data``; raises EncodingError when no encoding decodes it cleanly."""
    for mark, encoding in _BOMS:
        if data.startswith(mark):
            return Decoded(_strict(data[len(mark):], encoding, origin), encoding)
    declared = declared_charset(data)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        note = None if declared in (None, "utf-8", "ascii") else f"declared {declared} but bytes are UTF-8"
        return Decoded(text, "utf-8", declared, note)
    return _detect(data, declared, origin)


def _strict(data: bytes, encoding: str, origin: str | None) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise EncodingError(
            f"the byte-order mark says {encoding} but byte {exc.start} does not decode", origin=origin
        ) from exc


def _detect(data: bytes, declared: str | None, origin: str | None) -> Decoded:
    candidates = _candidates(data, declared)
    if not candidates:
        raise EncodingError("bytes are not UTF-8 and no known encoding decodes them cleanly", origin=origin)
    encoding, text = _pick(candidates)
    if _bad_share(text) > _MAX_BAD_SHARE:
        raise EncodingError(f"bytes decode as {encoding} only with many unreadable characters", origin=origin)
    note = None
    if declared and declared != encoding:
        note = f"declared {declared} but bytes are {encoding}"
    return Decoded(text, encoding, declared, note)


def _candidates(data: bytes, declared: str | None) -> list[tuple[str, str]]:
    """(encoding, text) pairs that decode ``data``: the declared charset, cp1252 (the commonest
    legacy web encoding), then charset-normalizer's matches in its order, without repeats."""
    names = ([declared] if declared else []) + ["cp1252"]
    names += [m.encoding for m in from_bytes(data)]
    seen: dict[str, str] = {}
    for name in names:
        try:
            codec = codecs.lookup(name).name
            if codec not in seen:
                seen[codec] = data.decode(codec)
        except (LookupError, UnicodeDecodeError):
            continue
    return list(seen.items())


def _pick(candidates: list[tuple[str, str]]) -> tuple[str, str]:
    """The candidate whose accented words are most often real words of its language.

    charset-normalizer alone calls a short French cp1252 text cp1250 ("à" read as "ŕ"):
    both decode without "chaos". A word list (wordfreq) tells "entrepôt" from "entrepôt"
    misread; ties keep the earlier candidate (declared, cp1252, then the detector's order).
    """
    if len(candidates) == 1:
        return candidates[0]
    scored = [(_word_score(text), -rank, name, text) for rank, (name, text) in enumerate(candidates)]
    _, _, name, text = max(scored)
    return name, text


_WORD = re.compile(r"[^\W\d_]+")
_WORDLIST_LANGS = frozenset(
    "ar bg ca cs da de el en es fa fi fr he hu id is it lt lv mk ms nb nl pl pt ro ru sk sl sv tr uk ur vi".split()
)


def _word_score(text: str) -> float:
    """Mean Zipf frequency of the distinct non-ASCII words of ``text`` in its language's word
    list: misread letters make rare or unknown words ("ŕ" is rarer than "à")."""
    from wordfreq import zipf_frequency

    from .lang import identify

    lang, _ = identify(text)
    words = {w.lower() for w in _WORD.findall(text) if not w.isascii()}
    if not words or lang not in _WORDLIST_LANGS:
        return 0.0
    sample = sorted(words)[:200]
    return sum(zipf_frequency(w, lang) for w in sample) / len(sample)


def _bad_share(text: str) -> float:
    if not text:
        return 0.0
    bad = sum(1 for ch in text if ch == "\ufffd" or (ord(ch) < 32 and ch not in "\n\r\t\f\v"))
    return bad / len(text)
