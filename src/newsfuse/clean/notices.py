"""Site notices: lines a site prints around (or instead of) the story.

A failed crawl often keeps only these lines, and then they pass for the story: the
reporter named in "Get email notifications on <Name>" becomes a person of the event,
and every article of one site looks alike. Each kind below is described by how such
notices are phrased (a reader told to subscribe, register, sign in, install an app or
watch a video), not by one site's sentences.

A kind is a reason, cue words and a pattern. The cues are plain substrings that a line
must contain before the pattern is tried (the patterns are slow; most lines have no cue),
and a word limit keeps long story paragraphs out. Video playlists and weather widgets
are told by their neighbours, so they are tests over the page (see :func:`playlist_entry`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

__all__ = ["NOTICE_TESTS", "notice_reason", "playlist_entry", "weather_widget"]


class _Page(Protocol):  # the part of rules.Page these tests use (no import cycle)
    lines: list[str]

    def neighbour(self, i: int, step: int) -> str | None: ...


@dataclass(frozen=True)
class NoticeKind:
    reason: str
    cues: tuple[str, ...]
    pattern: re.Pattern[str]
    max_words: int = 40


def _kind(reason: str, cues: tuple[str, ...], *alternatives: str, max_words: int = 40) -> NoticeKind:
    return NoticeKind(reason, cues, re.compile("|".join(alternatives), re.IGNORECASE), max_words)


_APOS = "['’]"

# Offers to be told when a reporter posts, to get alerts or a daily digest by email,
# and the confirmations that follow a sign-up.
_NOTIFICATION = _kind(
    "notification notice",
    ("notification", "posts new content", "alert", "inbox", "never miss", "miss another", "email has been sent",
     "confirmation email"),
    r"\bget\s+(?:email\s+|push\s+)?notifications\s+(?:on|from|about)\b",
    r"\bwhenever\s+.{1,80}?\s+posts\s+new\s+content\b",
    r"^get\s+(?:breaking\s+news|email|text|news)\s+alerts\b",
    r"^(?:breaking\s+news|email|news)\s+alerts$",
    r"^(?:never|don" + _APOS + r"?t)\s+miss\s+(?:another|a\s+(?:beat|post|story))\b",
    r"\b(?:get|receive|sign\s+up|subscribe)\b.{0,60}\b(?:in|to|into)\s+your\s+inbox\b",
    r"\bdelivered\s+(?:straight\s+|right\s+)?to\s+your\s+inbox\b",
    r"^(?:success!\s*)?an?\s+(?:confirmation\s+)?email\s+has\s+been\s+sent\b.{0,60}\b(?:link|confirm|activate)",
    r"^we\s+have\s+sent\s+(?:you\s+)?a\s+confirmation\s+email\b",
)

# Paywalls and subscription offers: metered articles, premium-only text, home delivery.
_SUBSCRIPTION = _kind(
    "subscription notice",
    ("subscri", "premium", "access", "preview", "deliver", "zip", "used this month", "maximum number",
     "e-edition", "eedition", "only available", "try "),
    r"\b(?:available|open|reserved)\s+(?:only\s+)?(?:to|for)\s+(?:our\s+)?(?:premium|paid|paying|digital)?\s*"
    r"(?:subscribers|members)(?:\s+only)?\b",
    r"\bpremium\s+(?:subscribers|members)\s+only\b",
    r"^\d+\s+(?:of|/)\s+\d+\s+(?:free\s+|premium\s+)?(?:articles?|stories|clicks|views|page\s*views)\b.{0,30}$",
    r"\bread\s+the\s+maximum\s+number\s+of\s+(?:free\s+)?(?:stories|articles)\b",
    r"\benjoyed\s+your\s+(?:free\s+)?preview\s+of\b",
    r"\bbecome\s+a\s+(?:full[\s-]access\s+|digital\s+|premium\s+|paying\s+)?(?:subscriber|member)\b",
    r"^subscribe\s+(?:now|today)\b.{0,40}\baccess\b",
    r"\b(?:complete|full|unlimited|uninterrupted)(?:\s+and\s+\w+)?\s+(?:digital\s+)?access\s+to\b.{0,40}"
    r"\b(?:news|stories|articles|content)\b.{0,20}$",
    r"^(?:enjoy|we\s+offer|get)\b.{0,60}\b(?:home\s+delivery|delivery\s+options|digital\s+access)\b",
    r"\bnot\s+in\s+our\s+deliver(?:able|y)\s+area\b",
    r"\bre-?enter\s+(?:your\s+)?zip\s*code\b",
    r"^(?:get|sign\s+up\s+for)\s+(?:digital|full|unlimited|total)\s+access\b.{0,20}$",
    r"^(?:total|full|unlimited|digital|all)\s+access$",
    r"\byou\s+must\s+(?:sign\s+in|log\s+in|register|subscribe|be\s+(?:a\s+)?subscribed)\b.{0,30}\bto\s+"
    r"(?:continue|read|view|access)\b",
    r"\be-?edition\b.{0,60}\b(?:any\s+device|free\s+access|subscribers?)\b",
    r"\bfree\s+access\s+to\s+our\s+(?:digital\s+)?e-?edition\b",
    r"\b(?:story|article)\s+is\s+only\s+available\s+(?:from|in|to)\b",
    r"^try\s+.{1,40}\s+(?:free|for\s+\$?\d+\S*)\s+for\s+\d+\s+(?:days|weeks|months)$",
)

# Account forms: sign in, register, confirm an email address, agree to terms.
_REGISTRATION = _kind(
    "registration notice",
    ("sign in", "log in", "account", "registration", "email address", "profile", "asking this", "you agree",
     "create an account", "crea una cuenta", "crie uma conta"),
    r"\bsign\s+in\s+to\s+update\s+your\s+profile\b",
    r"\bno\s+email\s+address\s+was\s+supplied\b",
    r"\bto\s+complete\s+your\s+registration\b",
    r"\b(?:confirm|verify|modify)\s+(?:or\s+\w+\s+)?(?:the|your)\s+email\s+address\b",
    r"^by\s+(?:submitting|registering|signing\s+up|creating\s+an\s+account|clicking)\b.{0,80}\byou\s+agree\b",
    r"\bactivate\s+your\s+account\b",
    r"^(?:sign|log)\s+in\s+(?:using|with)\s+(?:your?\s+)?[\w-]*\s*(?:account|profile)\b",
    r"^welcome\s+back[.!,]?\s+please\s+(?:sign|log)\s+in\b",
    r"^(?:already|don" + _APOS + r"?t)\s+have\s+an\s+account\??$",
    r"^or,?\s+(?:use|sign\s+in\s+with)\s+your\s+(?:facebook|google|twitter|social)\s+account:?$",
    r"^why\s+are\s+we\s+asking\s+(?:this|for\s+this)\?$",
    # Facebook's login wall, in the languages crawls met it in.
    r"\b(?:log\s+in|inicia\s+sesión|entre)\s+(?:or|o|ou)\s+(?:create|crea|crie)\s+(?:an|una|uma)\s+(?:account|cuenta|conta)\b",
    r"\b(?:use\s+of|registration\s+on)\s+this\s+site\s+cons?t?itutes\s+(?:acceptance|agreement)\b",
    r"^you\s+must\s+(?:sign|log)\s+in\s+or\s+register\b",
)

# Twitter's and the player's own messages, app promotions, calls for news tips and sponsors.
_WIDGET = _kind(
    "widget text",
    ("tweet", "video", "transcript", "copy link", "flash player", "rating is available", "feature is not available",
     "made possible", "public service", "news tip", "submit", "report an error", "captures", "text size",
     "always interested"),
    r"^add\s+a\s+location\s+to\s+your\s+tweets$",
    r"\bwhen\s+you\s+tweet\s+with\s+a\s+location\b",
    r"\btrouble\s+(?:viewing|playing|loading)\s+(?:the|this)\s+video\b",
    r"^the\s+interactive\s+transcript\s+could\s+not\s+be\s+loaded\b",
    r"^rating\s+is\s+available\s+when\s+the\s+video\s+has\s+been\s+rented\b",
    r"^this\s+feature\s+is\s+not\s+available\s+right\s+now\b",
    r"^this\s+video\s+is\s+(?:no\s+longer|not|currently\s+not)\s+available\b",
    r"^(?:hide|show)\s+transcript(?:\s+(?:hide|show)\s+transcript)?$",
    r"^copy\s+link(?:\s+copy)?$",
    r"^scroll\s+down\s+for\s+(?:the\s+)?video$",
    r"\blatest\s+version\s+of\s+(?:the\s+)?adobe\s+flash\s+player\b",
    r"^this\s+(?:news\s+)?(?:report|story|coverage|segment|content)\s+is\s+(?:made\s+possible|brought\s+to\s+you|"
    r"sponsored)\s+by\b",
    r"^provided\s+as\s+a\s+public\s+service\s+by\b",
    r"^we" + _APOS + r"?re\s+always\s+interested\s+in\b",
    r"\bsend\s+us\s+your\s+(?:breaking\s+)?news\s+tips\b",
    r"^submit(?:\s+(?:here|a\s+(?:news\s+)?tip|your\s+news))?!?$",
    r"^report\s+an\s+error\b.{0,40}$",
    r"\b\d[\d,]*\s+captures?\s+\d{1,2}\s+[a-z]{3}\s+\d{2,4}\b",  # a web archive's toolbar
    r"^text\s+size:?$",
)

_APP = _kind(
    "app promotion",
    ("app",),
    # An app offered for both phones ("... News app: iPhone | Android", "grab the free app for
    # iPhone or Android"); a story that names an app and a phone rarely names both stores.
    r"^(?=.*\b(?:download|install|grab|get|free|available|update)\b)(?=.*\bapps?\b)"
    r"(?=.*\b(?:iphone|ipad|ios|app\s+store)\b)(?=.*\b(?:android|google\s+play)\b)",
    r"^\W*(?:download|install|get)\s+(?:the|our)\s+(?:free\s+)?[\w#&.' -]{0,40}?\bapps?\b",
    max_words=50,
)

NOTICE_KINDS: tuple[NoticeKind, ...] = (_NOTIFICATION, _SUBSCRIPTION, _REGISTRATION, _WIDGET, _APP)


def _is_kind(kind: NoticeKind, line: str, low: str) -> bool:
    return (
        len(line.split()) <= kind.max_words
        and any(cue in low for cue in kind.cues)
        and bool(kind.pattern.search(line))
        and not _story_lead(line)
    )


def notice_reason(line: str) -> str | None:
    """The kind of site notice ``line`` is, or None."""
    low = line.casefold()
    return next((kind.reason for kind in NOTICE_KINDS if _is_kind(kind, line, low)), None)


def _notice_test(kind: NoticeKind) -> Callable[[_Page, int], bool]:
    def test(page: _Page, i: int) -> bool:
        line = page.lines[i]
        return _is_kind(kind, line, line.casefold())

    return test


# Sites glue their promotion onto the story's last paragraph ("No arrests were made. Sign
# up for our newsletters ..."): such a line opens with a sentence that neither addresses
# the reader nor speaks of the site, and is kept whole.
_FIRST_SENTENCE = re.compile(  # not at "Co." or "St.": short capitalised words are abbreviations
    r"^.+?(?<!\b[A-Z])(?<!\b[A-Z][a-z])(?<!\b[A-Z][a-z]{2})[.!?](?=\s+[A-Z\"“])"
)
_READER = re.compile(r"\b(?:you|your|we|us|our)\b", re.IGNORECASE)
_SITE_WORDS = ("keep checking", "check back", "stay with", "stay tuned", "this story", ".com")
_ALL_CUES = tuple({cue for kind in NOTICE_KINDS for cue in kind.cues}) + _SITE_WORDS


def _story_lead(line: str) -> bool:
    match = _FIRST_SENTENCE.match(line)
    if not match or len(match.group().split()) < 4:
        return False
    first = match.group()
    low = first.casefold()
    return not _READER.search(first) and not any(cue in low for cue in _ALL_CUES)


# --- video playlists -----------------------------------------------------------------

# A playlist lists other stories' videos with their running times: "1:47 Headline", with
# "Pause" after the one playing, or a headline with the time on a line of its own.
_DURATION = re.compile(r"^\d{1,2}:[0-5]\d$")
_TIMED_ENTRY = re.compile(r"^\d{1,2}:[0-5]\d\s+(?![ap]\.?m\b)(?P<headline>.+?)(?P<pause>\s+pause)?$", re.IGNORECASE)
_TIMED_AFTER = re.compile(r"\s\|\s*\d{1,2}:[0-5]\d$")  # "Headline | 0:38"
_PLAYLIST_HEADING = re.compile(r"^(?:video\s+)?playlist\s*:", re.IGNORECASE)
_SENTENCE_STOP = re.compile(r"[.:;]['\"”’]?$")


def _headline(text: str) -> bool:
    """A video title: short, and not a sentence that ends in a full stop."""
    return 2 <= len(text.split()) <= 25 and not _SENTENCE_STOP.search(text)


def _timed_entry(line: str) -> re.Match[str] | None:
    match = _TIMED_ENTRY.match(line)
    return match if match and _headline(match.group("headline")) else None


def playlist_entry(page: _Page, i: int) -> bool:
    """A playlist line: a lone running time; "1:47 Headline" with "Pause" or among three
    such entries (story timelines "9:15 Police arrive." end as sentences, and are rarely
    without am/pm); "Headline | 0:38"; or a run of headlines touching a lone running time."""
    line = page.lines[i]
    if _DURATION.match(line) or _PLAYLIST_HEADING.match(line):
        return True
    if _TIMED_AFTER.search(line):
        return _headline(line)
    entry = _timed_entry(line)
    if entry:
        return bool(entry.group("pause")) or _timed_run(page, i) >= 3
    return _headline(line) and (_touches_duration(page, i, 1) or _touches_duration(page, i, -1))


def _timed_run(page: _Page, i: int) -> int:
    """How many timed entries stand in a row (blank lines aside) around line ``i``."""
    count = 1
    for step in (1, -1):
        j = i
        while (j := _next_content(page, j, step)) is not None and _timed_entry(page.lines[j]):
            count += 1
    return count


def _touches_duration(page: _Page, i: int, step: int) -> bool:
    """Whether the headlines from ``i`` on, in direction ``step``, end at a lone running time."""
    j = i
    while (j := _next_content(page, j, step)) is not None:
        line = page.lines[j]
        if _DURATION.match(line):
            return True
        if not _headline(line) or _TIMED_ENTRY.match(line):
            return False
    return False


def _next_content(page: _Page, i: int, step: int) -> int | None:
    j = i + step
    while 0 <= j < len(page.lines):
        if page.lines[j]:
            return j
        j += step
    return None


# --- weather widget ------------------------------------------------------------------

# "Norfolk, VA (23510)", "Today", "Sunshine and clouds mixed. High 89F. Winds SSW at 5 to
# 10 mph.", "Tonight", ...: a forecast box. A forecast line needs both the temperature in
# the widget's form ("High 89F") and a wind; a story about a storm writes "89 degrees".
_FORECAST = re.compile(r"\b(?:high|low)(?:\s+(?:around|near))?\s+-?\d{1,3}F\b.*\bwinds?\b|\bwinds?\b.*\b(?:high|low)"
                       r"(?:\s+(?:around|near))?\s+-?\d{1,3}F\b", re.IGNORECASE)  # fmt: skip
_FORECAST_PLACE = re.compile(r"^[A-Z][\w .'-]{1,40},\s+[A-Z]{2}\s+\(\d{5}\)$")
_FORECAST_LABEL = re.compile(r"^(?:today|tonight|tomorrow|this\s+(?:morning|afternoon|evening))$", re.IGNORECASE)


def weather_widget(page: _Page, i: int) -> bool:
    """A line of a forecast box: the forecast, its place, or a "Today"/"Tonight" label
    followed by a forecast."""
    line = page.lines[i]
    if len(line.split()) > 60:
        return False
    if "F" in line and _FORECAST.search(line):
        return True
    following = page.neighbour(i, 1)
    if _FORECAST_LABEL.match(line):
        return following is not None and bool(_FORECAST.search(following))
    if _FORECAST_PLACE.match(line):
        return following is not None and bool(_FORECAST_LABEL.match(following) or _FORECAST.search(following))
    return False


# --- staff bios ----------------------------------------------------------------------

# "Jane Roe is a crime reporter for The Valley Courier. Email her at ...", after the story.
_BIO = re.compile(
    r"^(?:[A-Z][\w.'’-]+\s+){1,3}[A-Z][\w'’-]+\s+(?:is\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,5}"
    r"(?:reporter|producer|writer|editor|correspondent|photographer|photojournalist|columnist)\b"
    r"|covers\s+[\w ,]{3,60}\s+for\s+(?:the\s+)?[A-Z])"
)


def staff_bio(page: _Page, i: int) -> bool:
    """A reporter's bio after the story (no prose follows it)."""
    line = page.lines[i]
    if len(line.split()) > 60 or not _BIO.match(line):
        return False
    j = i
    while (j := _next_content(page, j, 1)) is not None:
        if len(page.lines[j].split()) >= 8:
            return False
    return True


NOTICE_TESTS: tuple[tuple[str, Callable[[_Page, int], bool]], ...] = (
    *((kind.reason, _notice_test(kind)) for kind in NOTICE_KINDS),
    ("video playlist", playlist_entry),
    ("weather widget", weather_widget),
    ("staff bio", staff_bio),
)
