"""The event date of an article, chosen among the date expressions of its text.

The expressions are found and resolved against the publication date in ``date_expressions``
(our own rules rather than dateparser: news writing has its own conventions for bare weekdays
and "last Sunday", dateparser gives no precision and costs about a millisecond per call).

The event date (``AnnotatedArticle.event_date``) is the date that best reads as the day of the
event. Each date is scored by what it is the day of: the noun it qualifies ("Saturday's
shooting"), else the verb nearest before it in its sentence ("was arrested Friday for the
shooting" is the arrest's day, "the shooting happened ... Monday" the event's), else a noun
close by or the verb right after it ("a judge on Monday denied bail"). Event verbs gain, weaker
event verbs (died, found, responded) gain less, the aftermath (arrest, charges, vigil, court)
and statements ("police said Friday") lose; the lead gains a little; finer precision wins.
Among near ties the first sentence wins, and in it the earliest day (an event precedes what
is said about it: "died Friday after being shot Thursday"). A death day yields to a shooting
day up to two weeks before it anywhere in the text ("died Friday" in the lead, "was shot
Tuesday" further down): the event is the shooting.

Follow-ups: a day spelled out more than a week before publication next to an event word gains
(follow-ups give the weekday of the arrest but spell the older event's date), unless a recent
date already reads as the event's. A bare weekday six days back loses a little (often the day
after a stale publication stamp); a holiday weeks back ("Christmas cards" in October) loses
much. Dates after the publication day, birth dates, and stamps ("Posted:", "UPDATE @ 4:10 p.m. (Oct.
20)", "4:14 PM MONDAY:") are never event dates. When the text gives no date at all, the
publication day is used with precision "week" (the event happened on or shortly before it;
the day is not known) and no evidence span (``start`` None): publication time is not event
time, and the coarser precision says so. Before that fallback, a day of the week before
publication in the headline ("... in Thursday night shooting") stands in, with the headline's
words as evidence and no span. Without a publication date, the update date
(``Article.updated``), the page's own publishing stamp ("Updated: Sat March 8, 2025"), or,
last, a full date in a photo caption stands in for it; without any, only absolute dates count,
and a bare year ("in 2019") with no event word near it is never the event date. A page stamp
with its year ("Posted: Saturday, March 2, 2013", "Updated: 08/10/2014") more than a week
before the publication date also replaces it: that metadata date is when the page was fetched
or re-stamped, while "Saturday" was written against the stamp.
"""

from __future__ import annotations

import datetime as dt
import re

from ..model import AnnotatedArticle, EventDate
from . import component
from .date_expressions import FoundDate, find_dates, parse_published

__all__ = ["dates", "find_dates", "parse_published", "choose_event_date", "FoundDate"]


# What a date is the day of: the noun it qualifies ("Saturday's shooting", "a Friday vigil"),
# else the verb nearest before it in its sentence ("was arrested Friday for the shooting" is
# the arrest's day, "the shooting happened ... Monday" the event's), else the nearest of a noun
# close by and the verb just after it ("a judge on Monday denied bail"). Verb tiers: the event
# itself, weaker event verbs (the death may come days later, the finding of a body is usually
# the day), the aftermath, and statements about it (the day police spoke). A noun is a topic
# more than a role, so a verb before the date outranks it ("arrested ... for the shooting").
_EVENT_VERB = (r"shot|shoots?|opened\s+fire|fired|killed|kills?|killing|wounded|wounding|injured|injuring|hurt|"
               r"struck|attacked|stabbed|bombed|exploded|happened|occurred|took\s+place|broke\s+out|erupted|"
               r"rang\s+out|went\s+off|gunned\s+down|murdered|robbed|carjacked|crashed|launched|conducted|"
               r"carried\s+out|bombarded|raided|ambushed|slain|shelled|hit|discharged|suffered|sustained|"
               r"(?:was|were)\s+reported")
_DEATH_VERB = r"died|dies"  # weighs as a weak verb, but yields to a shooting day before it
_WEAK_VERB = r"found|discovered|responded|called\s+to|dispatched|hospitalized|rushed|taken\s+to"
_AFTER_VERB = (r"arrested|arrests?|charged|booked|jailed|captured|apprehended|detained|surrendered|"
               r"sentenced|pleaded|convicted|indicted|arraigned|appeared|testified|buried|mourned|remembered|"
               r"honou?red|gathered|marched|filed|denied|ruled|ordered|released|identified|named|remained|"
               r"remains|recovering|returned|met|held|visited|attended|set|scheduled|planned")
_SPEECH_VERB = (r"said|says|told|telling|wrote|writes|emailed|confirmed|announced|reported|revealed|stated|issued|tweeted|posted|"
                r"added|explained|noted|spoke|declined|asked|urged|described|according")
_VERB_ROLES = (("event", _EVENT_VERB), ("death", _DEATH_VERB), ("weak", _WEAK_VERB), ("after", _AFTER_VERB), ("speech", _SPEECH_VERB))
_VERB = re.compile("|".join(rf"\b(?P<{role}>{words})\b" for role, words in _VERB_ROLES), re.I)
_NOUN_ROLES = (
    ("event", r"shootings?|gunfire|gunshots?|shootout|homicides?|murders?|slayings?|standoff|attacks?|explosion|"
              r"blast|crash|robbery|carjacking|raids?|(?:air\s*)?strikes?|airstrikes?|bombings?|shelling|"
              r"killings?|rampage|spree|violence|incident|stabbing"),
    ("after", r"arrest|charges|hearing|trial|court|vigil|funeral|memorial|services?|sentencing|arraignment|bond|"
              r"bail|jury|judge|plea|conference|rally|march|protest|autopsy|visitation|meeting|game|walk"),
)
_NOUN = re.compile("|".join(rf"\b(?P<{role}>{words})\b" for role, words in _NOUN_ROLES), re.I)
# "Saturday's shooting", "Tuesday's deadly shooting", "a Friday vigil"; not "Friday with murder"
_ATTRIBUTIVE = re.compile(r"(?:['’]s)?\s+(?:(?!(?:with|in|at|on|of|for|after|before|to|from|by|and|or|as|when)\b)"
                          rf"[a-z-]+\s+)?(?:{_NOUN.pattern})", re.I)
_ROLE_SCORE = {"event": 3.0, "death": 2.2, "weak": 2.2, "after": -2.0, "speech": -1.0, None: 0.0}
_NOUN_SCORE = {"event": 2.5, "after": -2.0, None: 0.0}
_ANY_EVENT = re.compile(rf"\b(?:{_EVENT_VERB}|{_NOUN_ROLES[0][1]})\b", re.I)
_BACK, _AHEAD = 120, 40  # characters searched before and after a date for its verb
# A verb after the date belongs to it only in the same clause ("a judge on Monday denied bail");
# a conjunction or a relative pronoun in between opens another ("on Monday after he shot").
# Not "when": "early Sunday when shots were fired" describes the day itself.
_SUBORDINATE = re.compile(r"\b(?:after|before|because|while|since|until|who|which)\b", re.I)
_BIRTH = re.compile(r"\b(?:born|birth|dob|d\.o\.b)\b\W*(?:on\s+)?$", re.I)  # "Date of Birth: 01/6/1990"


def choose_event_date(found: list[FoundDate], sentences: list[tuple[int, int]], text: str,
                      pub: dt.date | None) -> FoundDate | None:
    """The date of the main event among ``found`` (see the module docstring): the best
    scored; among near ties the first sentence, and in it the earliest day (an event
    precedes what is said about it: "died Friday after being shot Thursday")."""
    # an event is reported after it happens: a day after the publication day is a hearing, a
    # funeral or a misread weekday, never the event's (even one day: such dates were all wrong)
    usable = [f for f in found if not f.stamp and (pub is None or f.date <= pub)
              and not _BIRTH.search(text, max(0, f.start - 20), f.start)]
    if not usable:
        return None
    base = [(_score(f, found, sentences, text) - _stale_penalty(f, pub), f) for f in usable]
    base = _after_the_shooting(base, found, sentences, text)
    recent_event = any(score >= 2.0 and pub is not None and (pub - f.date).days <= 6 for score, f in base)
    scored = [(score + (0.0 if recent_event else _older_bonus(f, text, pub)), f) for score, f in base]
    top = max(score for score, _ in scored)
    if top < 0.0 and pub is not None and all(f.precision == "year" or f.date.year < pub.year - 1 for f in usable):
        return None  # only background years ("since 1965"): say nothing rather than that
    if top < 1.0 and all(f.precision == "year" for f in usable):
        return None  # "in 2019" with no event near it is background, not the event's year
    close = [f for score, f in scored if score >= top - _NEAR_TIE]
    days = [f for f in close if f.precision == "day"] or close
    first = min(_sentence_of(f, sentences) for f in days)
    chosen = min((f for f in days if _sentence_of(f, sentences) == first), key=lambda f: (f.date, f.start))
    return _refine(chosen, scored, top) if chosen.precision != "day" else chosen


_NEAR_TIE = 0.3  # scores this close are a tie: the first sentence, then the earliest day, wins
_EVENT_IN_SENTENCE = 1.0  # an event word elsewhere in the sentence
_SENTENCE_DECAY, _DECAY_CAP, _LEAD_BONUS = 0.08, 20, 0.4  # per sentence from the top; the first two gain
_PRECISION_PENALTY = {"day": 0.0, "week": 0.8, "month": 1.2, "year": 2.0}
_OLDER_BONUS = 1.5
_STALE_PENALTY = 1.5
_HOLIDAY_DAYS, _OLD_HOLIDAY_PENALTY = 14, 4.0
_SPAN_DAYS = {"week": 7, "month": 31, "year": 366}


def _refine(chosen: FoundDate, scored: list[tuple[float, FoundDate]], top: float) -> FoundDate:
    """A day the text gives inside the chosen week or month ("last month" ... "on Nov. 27")."""
    end = chosen.date + dt.timedelta(days=_SPAN_DAYS[chosen.precision])
    if chosen.precision == "month":
        end = (chosen.date.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    inside = [(score, f) for score, f in scored
              if f.precision == "day" and chosen.date <= f.date < end and score > top - 3.5]
    return max(inside, key=lambda t: (t[0], -t[1].start))[1] if inside else chosen


_SPELLED = frozenset({"iso", "mdy", "dmy", "numeric"})


def _older_bonus(f: FoundDate, text: str, pub: dt.date | None) -> float:
    """A day spelled out ("Feb. 20") more than a week before publication, with an event word
    near it, when no recent date reads as the event's: follow-ups name the weekday of the
    arrest but spell the date of the older event."""
    if pub is None or f.precision != "day" or f.kind not in _SPELLED or (pub - f.date).days <= 6:
        return 0.0
    near = text[max(0, f.start - 90): f.end + 40]
    return _OLDER_BONUS if _ANY_EVENT.search(near) else 0.0


def _stale_penalty(f: FoundDate, pub: dt.date | None) -> float:
    """A bare weekday six days before publication is as often the day after a stale stamp
    ("police said Tuesday" in a page first stamped Monday, then updated): trust it less. A
    holiday named weeks before publication is a custom or an old story ("Christmas cards"
    in October), not this event's day."""
    if pub is None:
        return 0.0
    if f.kind == "holiday":
        return _OLD_HOLIDAY_PENALTY if (pub - f.date).days > _HOLIDAY_DAYS else 0.0
    if f.kind != "weekday" or (pub - f.date).days != 6:
        return 0.0
    return 0.0 if f.text.lower().startswith(("last", "this past")) else _STALE_PENALTY


_DEATH_PENALTY, _DEATH_AFTER_DAYS = 1.0, 14


def _after_the_shooting(base: list[tuple[float, FoundDate]], found: list[FoundDate],
                        sentences: list[tuple[int, int]], text: str) -> list[tuple[float, FoundDate]]:
    """A death day yields to the day of the shooting when the text gives one up to two weeks
    before it ("died Friday" in the lead, "was shot Tuesday" further down): the victim
    died of the event, the event is the shooting."""
    roles = {id(f): _reading_in(f, found, sentences, text)[0] for _, f in base}
    shot = [f.date for _, f in base if roles[id(f)] == "event" and f.precision == "day"]

    def yields(f: FoundDate) -> bool:
        return roles[id(f)] == "death" and any(0 < (f.date - day).days <= _DEATH_AFTER_DAYS for day in shot)

    return [(score - _DEATH_PENALTY if yields(f) else score, f) for score, f in base]


def _reading_in(f: FoundDate, found: list[FoundDate], sentences: list[tuple[int, int]],
                text: str) -> tuple[str | None, float]:
    """``_reading`` of ``f`` within its sentence."""
    start, end = next((s for s in sentences if s[0] <= f.start < s[1]), (f.start, f.end))
    return _reading(f, found, start, end, text)


def _sentence_of(f: FoundDate, sentences: list[tuple[int, int]]) -> int:
    return next((i for i, (s, e) in enumerate(sentences) if s <= f.start < e), len(sentences))


def _role(f: FoundDate, found: list[FoundDate], start: int, end: int, text: str) -> float:
    """The score of what the date is the day of (see ``_reading``)."""
    return _reading(f, found, start, end, text)[1]


def _reading(f: FoundDate, found: list[FoundDate], start: int, end: int, text: str) -> tuple[str | None, float]:
    """What the date is the day of, as (role, score) (see the comment on ``_EVENT_VERB``). The
    search stops at the neighbouring dates: words before "Saturday" in "said Saturday that
    it started Thursday" are Saturday's."""
    left = max([start, f.start - _BACK] + [o.end for o in found if o.end <= f.start])
    right = min([end, f.end + _AHEAD] + [o.start for o in found if o.start >= f.end])
    attributive = _ATTRIBUTIVE.match(text, f.end, right)
    if attributive:  # "Saturday's shooting", "a Friday vigil": the noun's own day
        return attributive.lastgroup, _NOUN_SCORE[attributive.lastgroup]
    verbs = [v for v in _VERB.finditer(text, left, f.start) if not _NOUN.match(text, v.end() + 1)]
    if verbs:  # a verb right before an event noun is its adjective: "the reported shooting"
        return verbs[-1].lastgroup, _ROLE_SCORE[verbs[-1].lastgroup]
    before = list(_NOUN.finditer(text, max(left, f.start - 60), f.start))
    # the nearest cue (distance, then the lower score), as (distance, score, role)
    cues = [(f.start - before[-1].end(), _NOUN_SCORE[before[-1].lastgroup], before[-1].lastgroup)] if before else []
    after = _NOUN.search(text, f.end, min(right, f.end + 25))
    cues += [(after.start() - f.end, _NOUN_SCORE[after.lastgroup], after.lastgroup)] if after else []
    verb = _VERB.search(text, f.end, right)
    if verb and _SUBORDINATE.search(text, f.end, verb.start()):
        verb = None  # "searched Monday for the man who shot two officers": another clause's verb
    cues += [(verb.start() - f.end, _ROLE_SCORE[verb.lastgroup], verb.lastgroup)] if verb else []
    _, score, role = min(cues, key=lambda c: c[:2]) if cues else (0, 0.0, None)
    return role, score


def _score(f: FoundDate, found: list[FoundDate], sentences: list[tuple[int, int]], text: str) -> float:
    """What the date is the day of (``_role``), an event word elsewhere in its sentence;
    earlier sentences and finer precision win ties."""
    index, (start, end) = next(
        ((i, s) for i, s in enumerate(sentences) if s[0] <= f.start < s[1]), (len(sentences), (f.start, f.end))
    )
    role = _role(f, found, start, end, text)
    score = role
    if role < 2.0 and _ANY_EVENT.search(text, start, end):
        score += _EVENT_IN_SENTENCE
    score -= min(index, _DECAY_CAP) * _SENTENCE_DECAY - (_LEAD_BONUS if index <= 1 else 0.0)  # the lead reports the event
    score -= _PRECISION_PENALTY[f.precision]
    if f.text[:5].lower() == "since":  # "since 1996" starts a state of things, not an event
        score -= 1.0
    return score


_STAMP_WORD = re.compile(r"\b(?:posted|updated?|published|created)\W*(?:on\W*)?(?:[a-z]+\.?,?\s+)?$", re.I)
_YEAR_GIVEN = re.compile(r"(?:19|20)\d\d\b|/\d\d$")
_STALE_METADATA_DAYS = 7


def _page_stamp_before(found: list[FoundDate], text: str, pub: dt.date) -> dt.date | None:
    """The page's own publishing stamp ("Updated: 08/10/2014 4:26 PM", "Posted: Saturday,
    March 2, 2013") when it is more than a week before the metadata date: that date is then
    when the page was fetched or re-stamped, and "Saturday" was written against the stamp."""
    stamps = [f.date for f in found if f.stamp and f.precision == "day" and _YEAR_GIVEN.search(f.text)
              and _STAMP_WORD.search(text, max(0, f.start - 30), f.start)]
    earliest = min(stamps, default=None)
    return earliest if earliest and (pub - earliest).days > _STALE_METADATA_DAYS else None


def _caption_days(captions: list[str]) -> list[dt.date]:
    """Full dates in photo captions ("..., on February 2, 2024"): taken at or just before
    publication, they are the last resort to anchor "Friday" or "last Sunday"."""
    return [f.date for c in captions for f in find_dates(c, None) if f.precision == "day"]


@component("dates", requires=("sentences",), sets=("dates", "event_date"))
def dates(item: AnnotatedArticle, doc: object) -> AnnotatedArticle:
    """All resolvable dates of the text, and the event date (see the module docstring)."""
    text = item.article.text
    # the update time when the publication time is unknown: the text was written by then
    pub = parse_published(item.article.published) or parse_published(item.article.updated)
    found = find_dates(text, pub)
    if pub is None:  # no metadata date: the page's own stamp ("Updated: ... March 8, 2025") dates it
        stamps = [f.date for f in found if f.stamp and f.precision == "day"]
        stamps = stamps or _caption_days(item.article.captions)
        if stamps:
            pub = max(stamps)
            found = find_dates(text, pub)
    elif (stamped := _page_stamp_before(found, text, pub)) is not None:
        pub = stamped
        found = find_dates(text, pub)
    item.dates = [f.to_event_date() for f in found if not f.stamp]
    spans = [(s.start, s.end) for s in item.sentences]
    chosen = choose_event_date(found, spans, text, pub)
    if chosen is not None:
        item.event_date = chosen.to_event_date()
    elif (headline := _title_date(item.article.title, pub)) is not None:
        item.event_date = headline
    elif pub is not None:
        item.event_date = EventDate(pub.isoformat(), "week", "", None, None)
    return item


_TITLE_DAYS = 7


def _title_date(title: str | None, pub: dt.date | None) -> EventDate | None:
    """A day the headline gives ("... Thursday night shooting") when the text gives none: the
    evidence is the headline's words, with no span (``start`` None) since it is not in the
    text. Only a day of the week before publication: a headline's "last month" says too little
    to stand for the event, and an older full date is a life span or an anniversary."""
    if not title or pub is None:
        return None
    days = [f for f in find_dates(title, pub)
            if f.precision == "day" and not f.stamp and 0 <= (pub - f.date).days <= _TITLE_DAYS]
    return EventDate(days[0].date.isoformat(), "day", days[0].text, None, None) if days else None
