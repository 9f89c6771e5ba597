"""Casualty statements: who was killed, injured or shot, sentence by sentence and per article.

Two kinds of statement are read from each sentence (patterns over the sentence text, the
numbers of :mod:`.numbers` and spaCy's PERSON entities; no parser):

* counted statements: a number with a casualty verb or noun around it, in either voice
  ("three people were killed", "18 militiamen were killed in Syria", "killing three and
  wounding more than 40", "left two dead", "16 dead", "two people were shot, one fatally",
  "another two, including a baby, were hospitalized", "the death toll rose to 5", "a double
  homicide" = two killed, "a triple shooting" = three shot, "found shot dead"); a list of
  victims of one verb is summed (:mod:`.lists`: "killed his wife, 2 sons, then himself" = four,
  "two adults, six children dead" = eight);
* single victims: one person with a casualty verb ("Dana Whitlock, 35, died at the scene",
  "a 21-year-old man was shot and wounded", "the victim was pronounced dead", "he suffered
  non-life threatening injuries", "police shot and killed the suspect").

Slots: ``killed``, ``injured`` (hurt and alive) and ``shot`` (hit by gunfire, alive or not,
the way local news counts victims: "three people were shot, one fatally"). Every statement
becomes a sentence-level :class:`~newsfuse.model.Claim` (``level="sentence"``).

Article totals (``level="article"``), one per slot with a figure, from the title and the
*lead* (sentences starting in the first ``LEAD_CHARS`` characters: later ones more often
recount other cases, "related stories" and earlier shootings; past the lead a mention only
adds to victims already known; when the lead states nothing, the whole text is read):

* victims are merged across sentences by what identifies them: surname (a lone given
  name finds a full name), age, and descriptor ("a man", "the 17-year-old", "the victim",
  "he" = the last victim); mentions of one sentence about the same victim fold into one;
  a victim who "was shot" and later "died" counts as killed; "another"/"a second" starts a
  new victim, and so does each dead victim of a coordinated subject ("a woman and her
  daughter were found dead"); "one man was killed" is a victim too; an indefinite
  description of a death is the one dead victim it fits, since a lede re-introduces the
  headline's victim ("Boy, 7, dies" ... "A seven-year-old boy has died"), and an indefinite
  description of a shooting is the one victim known so far when he is alive ("A 2-year-old
  girl was shot" ... "a child had been shot"; not an adult and a child); a death goes to a
  victim not said to be alive first ("The man who died" after "Another man is in critical
  condition"); descriptions that clash do not merge (sex, or an adult's age and "the baby":
  "the 20-month-old" is "a 1-year-old"); relatives before "of ... who died", an agent
  ("by his father") and a one-word "name" after an article or an age ("a 17-year-old
  Eastfield student": a place) are not victims;
* killed = the largest counted killed statement; the number of distinct killed victims only
  when nothing exact (above zero) is counted or they outnumber a vague count (victims past
  an exact count are most often one victim told twice: a name and a description); when the
  counting sentence says a shooter killed them and then
  himself ("killing four ... before turning the gun on himself", "left seven dead before the
  gunman killed himself"), the shooter is added (final counts include him); a shooter's own
  death is no sentence claim of its own (a "1" beside the toll it belongs to);
  vague words ("several") only when nothing exact is said;
* injured = the largest of: the counted injured statements; counted shot - killed (less a
  shooter counted among the dead, "5 dead, including the gunman": he is not among the people
  he shot); the
  victims said to be hurt and alive (wounded, hospitalized, "in stable condition",
  "expected to survive", "treated and released" or "released from the hospital", not any
  "released": a suspect on bond, a name; "survived", not "is survived by"), or, when nobody
  is reported dead, every victim shot; 0 (an explicit total) when a victim said to be hurt
  died ("in critical condition" ... "later died") and nobody is left hurt and alive, so that
  fusion does not count his earlier "critical condition" as a survivor (not when the dying
  victim is merged with the shooter: more often a wounded officer and a dead suspect);
* statements about other events are left out: sentences with running statistics ("this
  year", "so far", "since January"), about a "separate"/"unrelated"/"similar" case, "last
  July", and video-playlist lines; and a clause dated before the incident ("in March a man
  was shot dead there", "Two weeks ago ...", "Last month ...", not a day's date: a lede
  dates its own incident "On March 3") when the title or lead tells of a casualty undated
  (a follow-up told only in the past keeps its dated death) (:mod:`.incident`);
* a victim "brain dead", "on life support" or "clinging to life" is hurt and alive, not
  killed (the report does not say he died; a later "died" still counts him dead);
* a shooter who "shot and wounded her son, then killed herself" is not the son: the object
  of the shooter's verb and the shooter's own death are two victims, and "wounded her son"
  is hurt and alive (not only shot); "killed herself" belongs to the subject of the first
  verb ("a mother"), and "A victim who escaped a home where three were killed also was
  injured" is the victim;
* a headline without a counted or single statement still gives one victim when it has a
  killing word ("Teen killed in ...", "fatal shooting") or a wounding word ("Boy, 4, shot",
  "bullet grazes teen", "girl hit by stray bullet", "shooting victim flags down bus"), and a
  headline that counts only the wounded still gives its dead one ("Woman killed, 3 wounded").

The article claim keeps the span and sentence of the statement that decided it; a title
statement has the title as its sentence and an empty span (0, 0).
"""

from __future__ import annotations

import re

from ...model import AnnotatedArticle, Claim
from .. import component
from ..numbers import Quantity
from .incident import NOT_YET_DEAD, mask_not_dead
from .statements import LEAD_CHARS, Statement, BACKGROUND, find_statements
from .tallies import Total, article_totals, this_incident, victims

__all__ = ["Statement", "Total", "find_statements", "article_totals", "victims", "casualties", "casualty_claims",
           "sentence_spans", "entity_spans", "LEAD_CHARS"]


def sentence_spans(item: AnnotatedArticle, doc) -> list[tuple[int, int]]:
    """Sentence spans: the pipeline's when set, else spaCy's (or the whole text)."""
    if item.sentences:
        return [(s.start, s.end) for s in item.sentences]
    if doc is not None and (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
        return [(s.start_char, s.end_char) for s in doc.sents]
    return [(0, len(item.article.text))] if item.article.text else []


def entity_spans(item: AnnotatedArticle, doc, labels: tuple[str, ...]) -> list[tuple[int, int]]:
    """Spans of entities with ``labels``: the pipeline's mentions when set, else spaCy's."""
    if item.mentions:
        return sorted((m.start, m.end) for m in item.mentions if m.label in labels)
    if doc is None:
        return []
    return [(e.start_char, e.end_char) for e in doc.ents if e.label_ in labels]


def _claim(item: AnnotatedArticle, slot: str, q: Quantity | None, st: Statement, level: str,
           value: int | None = None, qualifier: str | None = None, low=None, high=None, scope=None) -> Claim:
    if q is not None and value is None:
        value, qualifier, low, high = int(q.value), q.qualifier, q.low, q.high
    # A title statement has no span in the text: its sentence is the title, its span empty.
    source = (item.article.title or "") if st.title else item.article.text
    start, end = (0, 0) if st.title else (st.start, st.end)
    return Claim(
        slot=slot, value=value, qualifier=qualifier or "exact", low=low, high=high, scope=scope,
        article=item.article.id, sentence=source[st.sentence[0]:st.sentence[1]].strip(),
        start=start, end=end, level=level,
    )


_HEADLINE_KILLED = re.compile(
    r"\b(?:killed|kills?|killing|dies|died|dead|slain|slaying|murder(?:ed|s)?|fatal(?:ly)?|deadly|death|homicide)\b", re.I)
_HEADLINE_SHOT = re.compile(
    r"\b(?:shot|shoots|wounded|wounds|injured|hurt|grazed|grazes|shooting\s+victim|"
    r"(?:hit|struck)\s+by\s+(?:a\s+)?(?:stray\s+)?(?:bullet|gunfire))\b", re.I)

# "Teen brain dead after shooting", "Girl on life support": hurt and alive (see statements).
_HEADLINE_HURT = re.compile(rf"\b(?:{NOT_YET_DEAD})\b", re.I)


# Words that say someone died, not a charge or a topic ("murder suspect", "death investigation").
_HEADLINE_DEAD = re.compile(r"\b(?:killed|kills?|killing|dies|died|dead|slain|fatally)\b(?!-)", re.I)


def _headline_victim(title: str, slot: str, match: re.Match) -> Statement:
    # no keys: a headline's age or noun may be the shooter's ("Boy, 17, arrested after girl shot")
    return Statement(slot, None, match.start(), match.end(), (0, len(title)), definite=False, text=title)


def title_statements(title: str) -> list[Statement]:
    """Statements of a headline: the sentence patterns, else headline grammar ("Teen
    killed in ...", "Boy, 4, shot"), which says one victim without a verb phrase."""
    title = mask_not_dead(title)
    found = find_statements(title, [(0, len(title))], [])
    if not found:
        for pattern, slot in ((_HEADLINE_KILLED, "killed"), (_HEADLINE_HURT, "injured"), (_HEADLINE_SHOT, "shot")):
            match = pattern.search(title)
            if match and not BACKGROUND.search(title):
                found = [_headline_victim(title, slot, match)]
                break
    elif not any(st.slot == "killed" for st in found):
        # "Woman killed, 3 wounded": the count is of the wounded, the dead one has no verb phrase
        match = _HEADLINE_DEAD.search(title)
        if match and not BACKGROUND.search(title) and not any(st.start <= match.start() < st.end for st in found):
            found.append(_headline_victim(title, "killed", match))
    for st in found:
        st.title = True
    return found


def article_statements(item: AnnotatedArticle, doc) -> list[Statement]:
    """Statements of the title (first) and of the text."""
    title = item.article.title or ""
    statements = title_statements(title) if title.strip() else []
    text = item.article.text
    return statements + find_statements(text, sentence_spans(item, doc), entity_spans(item, doc, ("PERSON",)))


def casualty_claims(item: AnnotatedArticle, doc) -> list[Claim]:
    """Sentence claims and article totals of killed, injured and shot for one article."""
    statements = this_incident(article_statements(item, doc))
    claims = []
    for st in statements:
        if st.background or st.shooter_self:
            continue  # a shooter's own death is no toll: it only adds to the article total
        if st.quantity is not None:
            claims.append(_claim(item, st.slot, st.quantity, st, "sentence", scope=st.scope))
        else:
            claims.append(_claim(item, st.slot, None, st, "sentence", 1, "exact", 1, 1))
    for total in article_totals(statements).values():
        claims.append(_claim(item, total.slot, None, total.statement, "article", total.value,
                             total.qualifier, total.low, total.high, total.scope))
    return claims


@component("casualties", requires=("sentences", "mentions"), sets=("claims",))
def casualties(item: AnnotatedArticle, doc) -> AnnotatedArticle:
    """Adds killed / injured / shot claims (sentence statements and article totals)."""
    item.claims.extend(casualty_claims(item, doc))
    return item
