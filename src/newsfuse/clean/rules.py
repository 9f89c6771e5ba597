"""The table of boilerplate rules for plain text, one named rule per kind of line.

A rule is a reason (what is kept in ``Removed.reason``) and a predicate over a line of a
:class:`Page`. Rules look at the line, its neighbours, where it stands (the "head" before
the first prose paragraph, the "tail" after the last) and the page's script and language.
The first rule that matches names the reason, so the order of :data:`RULES` matters;
:mod:`.text` applies them until a pass cuts nothing (idempotence).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from .lang import identify, main_script, script_of
from .metadata import parse_byline, parse_source_line, parse_stamp, parse_when
from .notices import NOTICE_TESTS

__all__ = ["Rule", "Page", "RULES", "is_prose", "caption_like", "policy_line", "copyright_line", "comment_section"]


@dataclass
class Page:
    """The lines of one text (normalised, blanks kept) and what rules need to know about it.
    Script and language are worked out only when a rule asks (language identification is
    the slowest step of cleaning)."""

    lines: list[str]
    first_prose: int = 0
    last_prose: int = -1
    comment_section: frozenset[int] = field(default_factory=frozenset)

    @cached_property
    def script(self) -> str | None:
        return main_script(self.lines)

    @cached_property
    def _language(self) -> tuple[str | None, float]:
        return identify("\n".join(line for line in self.lines if line))  # same key as the final text

    @property
    def lang(self) -> str | None:
        return self._language[0]

    @property
    def lang_prob(self) -> float:
        return self._language[1]

    def head(self, i: int) -> bool:
        return i < self.first_prose

    def tail(self, i: int) -> bool:
        return i > self.last_prose

    def neighbour(self, i: int, step: int) -> str | None:
        """The next (step=1) or previous (step=-1) non-blank line."""
        j = i + step
        while 0 <= j < len(self.lines):
            if self.lines[j]:
                return self.lines[j]
            j += step
        return None

    @cached_property
    def stamps(self) -> dict[int, object]:
        return {i: parse_stamp(line) for i, line in enumerate(self.lines) if line}


@dataclass(frozen=True)
class Rule:
    reason: str
    test: Callable[[Page, int], bool]


def _words(line: str) -> int:
    return len(line.split())


_SENTENCE_END = re.compile(r"[.!?…](?:\s*(?:''|[\"”’'»)\]]))*$")


def is_prose(line: str) -> bool:
    """A body paragraph: eight words or more, ending as a sentence ends."""
    return _words(line) >= 8 and bool(_SENTENCE_END.search(line))


# --- metadata lines (parsed again by the article builder) ---------------------------


def _source(page: Page, i: int) -> bool:
    found = parse_source_line(page.lines[i])
    return bool(found) and (found[0] == "url" or page.head(i))


def _byline(page: Page, i: int) -> bool:
    return page.head(i) and parse_byline(page.lines[i]) is not None


def _stamp_of_kind(kind: str) -> Callable[[Page, int], bool]:
    def test(page: Page, i: int) -> bool:
        stamp = page.stamps.get(i)
        if stamp is not None:
            if stamp.when:
                return stamp.kind == kind
            following = page.neighbour(i, 1)  # bare "Updated:" with the date on the next line
            return stamp.kind == kind and following is not None and parse_when(following) is not None
        previous = page.neighbour(i, -1)
        label = parse_stamp(previous) if previous else None
        return bool(label and label.when is None and label.kind == kind and parse_when(page.lines[i]))

    return test


# --- captions ------------------------------------------------------------------------

_CAPTION_LABEL = re.compile(
    r"(?:^|[.!?”\"')\]]\s+|\s[-–—|]\s)\(?(?:file\s+)?(?:photo|photograph|picture|image|foto|pic|credit)s?"
    r"(?:\s+credit)?(?:\s+by)?\s*[:：]\s*[^.!?:]{2,80}\)?$",
    re.IGNORECASE,
)
_AGENCIES = (
    r"(?:AFP|AP|Reuters|EPA|EPA-EFE|Getty Images|Anadolu(?: Agency)?|SANA|Xinhua|Shutterstock|Alamy|"
    r"ZUMA[\w ]*|Rudaw|Kurdistan24|IRNA|WANA)"
)
_CAPTION_AGENCY = re.compile(
    r"(?:[(\s])(?:photo(?:graph)?\s*(?:by)?\s*:?\s*)?[^()\n]{0,60}?(?:\s?/\s?|\bvia\s+)"
    + _AGENCIES
    + r"(?:\s+via\s+Getty Images)?\)?$"
)


# "(Source: Name/WAVE 3 News)", "(Courtesy of the family)", a TV call sign "(WSMV)" after a
# sentence, "Photo courtesy of ...", "Image via Shutterstock".
_CAPTION_CREDIT = re.compile(
    r"\((?:source|photo|credit|courtesy|image|file)\b[^()]{0,80}\)$"
    r"|^(?:photo|image|picture)s?\s+(?:courtesy|via|by|credit)\b.{0,80}$",
    re.IGNORECASE,
)
_CALL_SIGN = re.compile(r"[.!?]\s*\([KW][A-Z]{2,3}(?:-TV)?\)$")  # US stations: case matters


_CAPTION_CUES = ("photo", "image", "picture", "credit", "courtesy", "foto", "pic", "/", "via ", "source")


def caption_like(line: str) -> bool:
    """A photo caption: text that ends with a picture credit ("... Photo: Name/AFP")."""
    if _words(line) > 90:
        return False
    end = line[-160:]  # credits stand at the end; searching all of a long line is slow
    low = end.lower()
    if not any(cue in low for cue in _CAPTION_CUES) and not end.endswith(")"):
        return False
    return bool(
        _CAPTION_LABEL.search(end) or _CAPTION_AGENCY.search(end) or _CAPTION_CREDIT.search(line)
        or _CALL_SIGN.search(end)
    )


# --- comments ------------------------------------------------------------------------

_COMMENT_HEADING = re.compile(
    r"^(?:\d+\s+)?(?:comments?|reader comments|leave a (?:comment|reply)|join the (?:conversation|discussion)|"
    r"discussion|add your comment|your comments)\s*(?:\(\d+\))?:?$",
    re.IGNORECASE,
)
# The line after a "Comments" heading must speak of comments; the lines after it may
# speak of moderation in general ("will be rejected", "approved for publication").
_SECTION_START = re.compile(
    r"\b(?:comment|moderat|profan|sign in|log in|login|be the first)", re.IGNORECASE
)
_SECTION_VOCAB = re.compile(
    r"\b(?:comment|moderat|guideline|tolerat|profan|vulgar|approv|reject|publication|abusive|respectful|"
    r"civility|criticism|community standards|house rules|terms of use|sign in|log in|login|register|reply|replies)",
    re.IGNORECASE,
)
_POLICY = re.compile(
    r"^(?:post|add|leave|write|show|view|load|read|see|hide|submit)\s+(?:a\s+|your\s+|the\s+|all\s+|\d+\s+)?"
    r"(?:comments?|reply|replies)\b.{0,30}$"
    r"|\bmoderates?\s+(?:all\s+)?comments\b"
    r"|\bcomments?\s+(?:are|is|will\s+be)\s+(?:moderated|reviewed|closed|rejected|approved|not\s+edited)"
    r"|\bcomments?\s+that\s+do\s+not\b|\bcomment(?:ing)?\s+polic"
    r"|^comments\s+are\s+closed|\byou\s+must\s+(?:be\s+)?(?:log|sign)(?:ged)?\s+in\s+to\s+comment",
    re.IGNORECASE,
)


def policy_line(line: str) -> bool:
    """A comment-policy line or a comment-form command ("Post a comment")."""
    low = line.lower()
    return ("comment" in low or "repl" in low) and bool(_POLICY.search(line))


def comment_section(lines: list[str]) -> frozenset[int]:
    """Line indices of a comment section: a "Comments" heading followed by policy text or
    comment-form lines, up to the first line that is neither."""
    found: set[int] = set()
    for start, line in enumerate(lines):
        if not line or not _COMMENT_HEADING.match(line):
            continue
        section = [start]
        for j in range(start + 1, len(lines)):
            if not lines[j]:
                continue
            vocab = _SECTION_START if len(section) == 1 else _SECTION_VOCAB
            if not (vocab.search(lines[j]) or _words(lines[j]) <= 3):
                break
            section.append(j)
        if len(section) > 1 or all(not rest for rest in lines[start + 1 :]):
            found.update(section)
    return frozenset(found)


# --- footers, menus, links -----------------------------------------------------------

_COPYRIGHT = re.compile(
    r"^\(?\s*(?:©|\(c\)|copyright\b)|\ball rights reserved\b|\bmay not be (?:re)?published, broadcast",
    re.IGNORECASE,
)
_MENU_ITEMS = {
    "terms of use", "terms of service", "terms & conditions", "terms and conditions", "terms", "privacy policy",
    "privacy notice", "privacy", "ad choices", "adchoices", "cookie settings", "cookie policy", "cookies",
    "cookie preferences", "manage cookies", "do not sell my personal information", "your privacy choices",
    "do not sell or share my personal information", "accessibility", "accessibility help", "contact us",
    "contact", "about us", "about", "help", "careers", "advertise", "advertise with us", "sitemap", "site map",
    "newsletters", "rss", "corrections", "ethics policy", "feedback", "legal", "imprint", "impressum",
}
_MENU_SPLIT = re.compile(r"\s*[|·•/]\s*")
_SEPARATOR = re.compile(r"^[\s|·•*_=~#\-–—+<>]+$")
_FULL_ARTICLE = re.compile(
    r"^(?:see|view|read|open)\s+(?:the\s+)?full\s+(?:web\s+)?(?:article|story|report|version)\b"
    r"|^go\s+to\s+the\s+full\s+.{0,40}\bexperience$|^continue\s+reading\b.{0,40}$"
    r"|^(?:click|tap)\s+here\s+to\s+(?:read|see|view|continue)\b|^read\s+the\s+(?:original|full)\s+(?:article|story)\b",
    re.IGNORECASE,
)
_TEASER = re.compile(
    r"^(?:read\s+more|related(?:\s+(?:articles?|stories|coverage|content|news))?|also\s+read|read\s+also|see\s+also|"
    r"more|watch|listen|recommended|most\s+read|trending|you\s+may\s+also\s+like|more\s+from\s+[\w ]{1,30}|"
    r"lire\s+aussi|leer\s+m[aá]s|lea\s+tambi[eé]n|mehr\s+zum\s+thema)\s*(?:[:>»|–—]|\s-\s|$)",
    re.IGNORECASE,
)
_UPDATE_NOTE = re.compile(
    r"^(?:editor'?’?s\s+note\s*:?\s*)?(?:this|the)\s+(?:story|article|report|post|piece|page)\s+"
    r"(?:has\s+been|was|is\s+being|will\s+be|had\s+been)\s+updated\b"
    r"|^this\s+is\s+a\s+(?:developing|breaking)(?:\s+news)?\s+story\b|^this\s+story\s+is\s+developing\b",
    re.IGNORECASE,
)


_CREDITS = re.compile(
    r"^\(?(?:(?:additional\s+)?reporting|writing|editing|compiled|translated)\s+by\s+[^()]{2,160}\)?$",
    re.IGNORECASE,
)


def copyright_line(line: str) -> bool:
    """A copyright or legal footer line ("© 2025 ...", "All rights reserved")."""
    low = line.lower()
    cues = ("©", "(c)", "copyright", "rights reserved", "may not be")
    return _words(line) <= 40 and any(cue in low for cue in cues) and bool(_COPYRIGHT.search(line))


def _menu(line: str) -> bool:
    if _words(line) > 20:
        return False
    items = [p.strip(" .").casefold() for p in _MENU_SPLIT.split(line)]
    named = [p for p in items if p]
    return bool(named) and all(p in _MENU_ITEMS for p in named) and (len(named) > 1 or line.casefold() == named[0])


# --- language and script -------------------------------------------------------------

_SWITCHERS = {
    "in english", "english", "english version", "english edition", "en", "en français", "français", "francais",
    "español", "en español", "deutsch", "türkçe", "kurdî", "kurdish", "arabic", "in arabic", "عربي", "العربية",
    "فارسی", "کوردی", "русский", "中文", "日本語", "português", "italiano", "עברית", "sorani", "kurmanji",
}


def _switcher(page: Page, i: int) -> bool:
    if not (page.head(i) or page.tail(i)):
        return False
    parts = [p.strip().casefold() for p in _MENU_SPLIT.split(page.lines[i]) if p.strip()]
    return bool(parts) and all(p in _SWITCHERS for p in parts)


def _other_script(page: Page, i: int) -> bool:
    line = page.lines[i]
    if _words(line) > 12:
        return False
    script = script_of(line)
    return bool(script and page.script and script != page.script)


def _other_language(page: Page, i: int) -> bool:
    """Same script, another language, after the article's last paragraph: menus and
    "related" links of a site in another language. Only confident identifications count:
    short lines fool any identifier, so the line needs four words and 0.99. At most seven
    words: never a prose line, so cutting it leaves the page's language as it was."""
    line = page.lines[i]
    if not (page.tail(i) and 4 <= _words(line) <= 7) or not (page.lang and page.lang_prob >= 0.9):
        return False
    lang, prob = identify(line)
    return lang is not None and lang != page.lang and prob >= 0.99


# --- page furniture ------------------------------------------------------------------

_FURNITURE = {
    "advertisement", "advertising", "sponsored", "skip to content", "skip to main content", "close", "share",
    "share this", "share this article", "share this story", "print", "email", "tweet", "menu", "search",
    "subscribe", "sign in", "log in", "login", "register", "newsletter", "follow us", "loading", "back to top",
    "scroll to top", "top of page", "already a subscriber?", "thank you for registering!", "just one more thing",
    "you are the owner of this article.", "your notification has been saved.", "story continues below advertisement",
    "there was a problem saving your notification.", "click here to return to the page you were visiting.",
    "advertisement - scroll to continue", "continue reading below",
}
_FURNITURE_PREFIX = re.compile(
    r"^(?:please\s+enable\s+javascript|sign\s+up\s+for\s+(?:our|the)\b|subscribe\s+to\s+(?:our|the)\b|"
    r"follow\s+us\s+on\b|share\s+on\s+(?:facebook|twitter|x|whatsapp)\b|we\s+have\s+sent\s+you\s+a\s+verification|"
    r"if\s+you\s+do\s+not\s+receive\s+the\s+verification|email\s+notifications\s+are\s+only\s+sent|"
    r"click\s+(?:on\s+)?the\s+button\s+below\s+to\s+set\s+up|oops,\s+you\s+haven't\s+selected|"
    r"(?:download|get)\s+(?:our|the)\s+(?:free\s+)?app\b|your\s+browser\s+does\s+not\s+support)",
    re.IGNORECASE,
)


def _furniture(page: Page, i: int) -> bool:
    line = page.lines[i]
    key = line.casefold().strip(" .…|›»")
    if key in _FURNITURE or line.casefold() in _FURNITURE:
        return True
    return _words(line) <= 25 and bool(_FURNITURE_PREFIX.match(line))


_NAV_WORDS = {
    "home", "news", "world", "local", "national", "politics", "business", "money", "sport", "sports", "weather",
    "traffic", "video", "videos", "photos", "opinion", "entertainment", "health", "science", "tech", "technology",
    "lifestyle", "live", "tv", "radio", "podcasts", "more", "menu", "search", "latest", "contact", "about", "us",
    "shows", "watch", "listen", "newsletters", "subscribe", "e-edition", "obituaries", "classifieds", "jobs",
}


def _nav_menu(page: Page, i: int) -> bool:
    """A run of section links: "Home News Weather Sports" (every word a menu word)."""
    words = [w.strip("|·•›»").casefold() for w in page.lines[i].split()]
    words = [w for w in words if w]
    if len(words) < 2 or not all(w in _NAV_WORDS for w in words):
        return False
    return len(words) >= 3 or bool({"home", "menu", "search"} & set(words))


_PAGE_MARKER = re.compile(r"^(?:page\s+)?\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?$", re.IGNORECASE)


def _line(pattern: re.Pattern[str], max_words: int = 40) -> Callable[[Page, int], bool]:
    def test(page: Page, i: int) -> bool:
        line = page.lines[i]
        return _words(line) <= max_words and bool(pattern.search(line))

    return test


RULES: tuple[Rule, ...] = (
    Rule("source", _source),
    Rule("byline", _byline),
    Rule("update time", _stamp_of_kind("updated")),
    Rule("publication time", _stamp_of_kind("published")),
    Rule("photo caption", lambda page, i: caption_like(page.lines[i])),
    Rule("comment section", lambda page, i: i in page.comment_section),
    Rule("comment policy", lambda page, i: _words(page.lines[i]) <= 80 and policy_line(page.lines[i])),
    Rule("copyright footer", lambda page, i: copyright_line(page.lines[i])),
    Rule("legal menu", lambda page, i: _menu(page.lines[i])),
    Rule("separator", lambda page, i: bool(_SEPARATOR.match(page.lines[i]))),
    Rule("staff credits", lambda page, i: page.tail(i) and bool(_CREDITS.match(page.lines[i]))),
    Rule("link to full article", _line(_FULL_ARTICLE, 12)),
    Rule("read-more teaser", _line(_TEASER, 30)),
    Rule("update note", _line(_UPDATE_NOTE, 30)),
    Rule("language switcher", _switcher),
    Rule("navigation in another script", _other_script),
    Rule("navigation in another language", _other_language),
    *(Rule(reason, test) for reason, test in NOTICE_TESTS),  # site notices: see .notices
    Rule("page furniture", _furniture),
    Rule("navigation menu", _nav_menu),
    Rule("page marker", lambda page, i: bool(_PAGE_MARKER.match(page.lines[i]))),
)
