"""Character-level normalisation of clean text, and the normalisation behind Article.sha256.

Clean text is NFC, holds no control or invisible format characters (``\\n`` separates
lines; ZWJ/ZWNJ stay because Persian, Kurdish and Indic spelling needs them), has each
line stripped and inner runs of spaces collapsed, and at most one blank line in a row.
Every step is idempotent, so normalising normal text changes nothing.
"""

from __future__ import annotations

import hashlib
import html
import re
import unicodedata

import ftfy

__all__ = ["normalise_text", "fix_mojibake", "unescape_entities", "hash_key", "article_hash", "split_lines", "join_lines"]

# ftfy repairs mojibake ("â€™" for "’") and C1 controls; quotes stay curly (they carry
# quotation marks for the quote finder) and fullwidth CJK punctuation stays as written.
_FTFY = ftfy.TextFixerConfig(
    unescape_html=False,
    uncurl_quotes=False,
    fix_character_width=False,
    normalization="NFC",
    explain=False,
)
_KEEP_FORMAT = {"\u200c", "\u200d"}  # ZWNJ, ZWJ: part of spelling in several scripts
_LINE_BREAKS = re.compile("\r\n|[\r\u2028\u2029\u0085\x0b\x0c]")
_HSPACE = re.compile(r"[^\S\n]+")
_BLANK_RUNS = re.compile(r"\n{3,}")
# Only entities with their semicolon: "&param=1" in a URL is not "¶m=1".
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_QUOTES_SINGLE = re.compile("[\u2018\u2019\u201a\u201b\u2032\u00b4`]")
_QUOTES_DOUBLE = re.compile("[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]")
_DASHES = re.compile("[\u2010-\u2015\u2212]")


def fix_mojibake(text: str) -> str:
    """Text with encoding mix-ups (UTF-8 read as cp1252, and the like) undone by ftfy,
    repeated while it still changes something (one fix can reveal the next)."""
    if text.isascii():  # mojibake and C1 controls are never ASCII
        return text
    for _ in range(4):
        fixed = ftfy.fix_text(text, config=_FTFY)
        if fixed == text:
            break
        text = fixed
    return text


def unescape_entities(text: str) -> str:
    """HTML entities left in crawled text ("&amp;", "&#8217;") decoded, repeatedly, so the
    result has none left (idempotence: "&amp;amp;" ends as "&")."""
    previous = None
    while previous != text:
        previous = text
        text = _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)
    return text


def _drop_invisible(text: str) -> str:
    # Most lines are printable (no controls, no format characters, no odd spaces): keep them as they are.
    return "\n".join(line if line.isprintable() else _drop_invisible_line(line) for line in text.split("\n"))


def _drop_invisible_line(text: str) -> str:
    out = []
    for char in text:
        if char == "\n":
            out.append(char)
            continue
        category = unicodedata.category(char)
        if category == "Cc":
            out.append(" " if char == "\t" else "")
        elif category == "Cf" and char not in _KEEP_FORMAT:
            continue
        elif category in ("Zs", "Zl", "Zp"):
            out.append(" ")
        else:
            out.append(char)
    return "".join(out)


def normalise_text(text: str) -> str:
    """The clean-text form of ``text`` (see the module doc). Idempotent: the steps repeat
    until nothing changes, because dropping a control character can complete a mojibake
    sequence that ftfy then repairs."""
    for _ in range(4):
        normal = _normalise_once(text)
        if normal == text:
            break
        text = normal
    return text


def _normalise_once(text: str) -> str:
    text = _LINE_BREAKS.sub("\n", text)
    text = fix_mojibake(text)
    text = unescape_entities(text)
    text = _LINE_BREAKS.sub("\n", text)
    text = unicodedata.normalize("NFC", _drop_invisible(text))
    return join_lines(split_lines(text))


def split_lines(text: str) -> list[str]:
    """Lines of ``text``, each with inner space runs collapsed and stripped."""
    return [_HSPACE.sub(" ", line).strip() for line in text.split("\n")]


def join_lines(lines: list[str]) -> str:
    """Lines joined by ``\\n``, runs of blank lines collapsed to one, ends trimmed."""
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip("\n")


def hash_key(text: str) -> str:
    """The form compared for identity: NFKC, casefolded, curly quotes straight, dashes as
    "-", every whitespace run (newlines too) one space, stripped. Two copies of an article
    that differ only in typography, case or line layout get the same key."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _QUOTES_SINGLE.sub("'", text)
    text = _QUOTES_DOUBLE.sub('"', text)
    text = _DASHES.sub("-", text)
    return re.sub(r"\s+", " ", text).strip()


def article_hash(title: str | None, text: str) -> str:
    """Article.sha256: SHA-256 of ``hash_key(title) + "\\n" + hash_key(text)`` in UTF-8."""
    key = hash_key(title or "") + "\n" + hash_key(text)
    return hashlib.sha256(key.encode("utf-8")).hexdigest()
