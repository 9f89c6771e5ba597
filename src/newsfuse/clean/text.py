"""Plain-text boilerplate removal: every line is kept, or cut with a reason.

The rules live in :mod:`.rules` as a table; this module builds the page they look at,
applies them in order (the first rule that matches names the reason), then takes the
headline at the top as the title and strips stray page markers ("... (CENTCOM). 1").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Removed
from .metadata import parse_dateline
from .normalize import hash_key, join_lines, split_lines
from .rules import RULES, Page, caption_like, comment_section, copyright_line, is_prose, policy_line

__all__ = ["Stripped", "strip_boilerplate", "build_page"]


@dataclass
class Stripped:
    """What is left of a text, what was cut and why (in the order cut), and the title."""

    text: str
    removed: list[Removed] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    title: str | None = None


def build_page(lines: list[str]) -> Page:
    """A :class:`Page` over normalised ``lines``: where the prose is, the comment section."""
    body = [i for i, line in enumerate(lines) if line and is_prose(line) and not _footer(line)]
    return Page(
        lines=lines,
        first_prose=body[0] if body else len(lines),
        last_prose=body[-1] if body else -1,
        comment_section=comment_section(lines),
    )


def _footer(line: str) -> bool:
    return policy_line(line) or copyright_line(line) or caption_like(line)


def strip_boilerplate(lines: list[str], known_title: str | None = None) -> Stripped:
    """Cut boilerplate from normalised ``lines`` (blank lines separate paragraphs).

    Passes repeat until one cuts nothing: cutting a line can change what the rules see
    (where the prose starts, the page's language), and the result must be a fixed point
    so that cleaning clean text changes nothing.
    """
    out = Stripped(text="", title=None)
    lines = split_lines(join_lines(lines))
    for _ in range(_MAX_PASSES):
        kept = _one_pass(lines, known_title, out)
        if kept == lines:
            break
        lines = kept
    out.text = join_lines(lines)
    return out


_MAX_PASSES = 6


def _one_pass(lines: list[str], known_title: str | None, out: Stripped) -> list[str]:
    page = build_page(lines)
    kept: list[tuple[int, str]] = []
    for i, line in enumerate(lines):
        reason = _reason(page, i) if line else None
        if reason is None:
            kept.append((i, line))
            continue
        out.removed.append(Removed(line, reason))
        if reason == "photo caption":
            out.captions.append(line)
    kept = _take_title(kept, known_title, out)
    return split_lines(join_lines([_strip_marker(line, out) for _, line in kept]))


def _reason(page: Page, i: int) -> str | None:
    for rule in RULES:
        if rule.test(page, i):
            return rule.reason
    return None


# Closing quotes may follow the stop, with spaces in tokenised text ("... Alive . ''").
_HEADLINE_END = re.compile(r"[.,;:!?…](?:\s*(?:''|[\"”’'»)\]]))*$")
_INNER_SENTENCE_END = re.compile(r"[a-z0-9)][.!?][\"”’']?\s+[A-Z(“\"]")
# Body sentences that lost their full stop end in past-tense attribution; headlines say "says".
_ATTRIBUTION_END = re.compile(r"\b(?:said|reported|told\s+\w+|added|according\s+to\s+.{1,40})$", re.IGNORECASE)


def headline_like(line: str) -> bool:
    """A headline: 3 to 20 words, no sentence-final punctuation or past-tense attribution at
    the end, no sentence break inside, not opening with a dateline."""
    words = line.split()
    return (
        3 <= len(words) <= 20
        and len(line) <= 200
        and not _HEADLINE_END.search(line)
        and not _INNER_SENTENCE_END.search(line)
        and not _ATTRIBUTION_END.search(line)
        and (line[:1].isupper() or line[:1].isdigit() or line[:1] in "\"“‘'")
        and parse_dateline(line) is None
    )


def _take_title(kept: list[tuple[int, str]], known: str | None, out: Stripped) -> list[tuple[int, str]]:
    """Cut the title at the top: a line equal to the ``known`` title, or a headline-like line
    followed by a prose paragraph (the same test on clean text finds nothing to cut)."""
    content = [(i, line) for i, line in kept if line]
    if not content:
        return kept
    first_index, first = content[0]
    if known and hash_key(first) == hash_key(known):
        reason = "title"
    elif headline_like(first) and len(content) > 1 and is_prose(content[1][1]):
        reason = "subtitle" if (known or out.title) else "title"
    else:
        return kept
    out.removed.append(Removed(first, reason))
    if reason == "title" and not out.title:
        out.title = first
    return [(i, line) for i, line in kept if i != first_index]


# A lone page or footnote number after a sentence's end: "(CENTCOM). 1". Not after
# abbreviations that take a number ("No. 1", "Vol. 2", "Art. 5").
_MARKER = re.compile(r"(?<=[.!?”\"’)\]])((?:\s+\d{1,3})+)$")
_NUMBERED = re.compile(r"\b(?:no|nos|vol|p|pp|art|arts|sec|fig|ch|pt|para|rev|ed)\.$", re.IGNORECASE)


def _strip_marker(line: str, out: Stripped) -> str:
    match = _MARKER.search(line)
    if not match or len(line.split()) < 6 or _NUMBERED.search(line[: match.start()]):
        return line
    out.removed.append(Removed(match.group(1).strip(), "page marker"))
    return line[: match.start()].rstrip()
