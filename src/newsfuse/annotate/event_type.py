"""The article's event type, from a small taxonomy, by keyword scoring over its lead.

Taxonomy (``TYPES``; ACLED-like, coarse on purpose):

==================  =========================================================================
type                cue words (word-boundary patterns, case-insensitive)
==================  =========================================================================
air strike          airstrike(s), air strike/raid, drone strike, warplanes, fighter jets,
                    bombers, "<military/US/Israeli...> strikes", "struck/bombed/hit ... targets"
shelling            shelling, shelled, artillery, mortar(s), rocket/missile attack or fire
armed clash         clash(es), firefight, gun battle, exchange of fire, fighting between
shooting            shooting, shot, gunfire, gunman, opened fire, fatally shot, shootout
bombing             bomb(ing), explosion, blast, IED, car bomb, suicide bomber, explosive
attack on civilians massacre, attack(ed) on civilians/villagers, stabbing, hacked to death
protest             protest(ers), demonstration, rally, march(ed) against, riot
arrest              arrested, detained, taken into custody, charged with, indicted
natural disaster    earthquake, flood(s), hurricane, tornado, wildfire, tsunami, landslide,
                    cyclone, typhoon, volcano, storm
other               nothing above scores
==================  =========================================================================

Score = 3 per cue in the title + 1 per cue in the first ``LEAD_SENTENCES`` sentences; an
"arrest" cue weighs half (a report of an arrest is usually a follow-up of the shooting or
attack it names). The highest score wins; ties go to the earlier type in ``TYPES`` (more
specific first). Deterministic: no model, same text, same type.
"""

from __future__ import annotations

import re

from ..model import AnnotatedArticle
from . import component
from .casualties import sentence_spans

__all__ = ["TYPES", "classify", "event_type"]

LEAD_SENTENCES = 3
TYPES = (
    "air strike", "shelling", "bombing", "armed clash", "shooting", "attack on civilians",
    "protest", "natural disaster", "arrest", "other",
)
_CUES = {
    "air strike": r"air\s*strikes?|air\s+raids?|drone\s+strikes?|warplanes?|fighter\s+jets?|bombers?|"
                  r"(?:military|retaliatory|precision|U\.?S\.?|American|Israeli|Russian|Syrian|Turkish|Saudi|coalition)\s+strikes?|"
                  r"(?:struck|bombed|hit)\s+(?:\w+\s+){0,3}?targets|strikes?\s+(?:on|against)\s+(?:\w+\s+){0,3}?(?:targets|militias?|positions|bases)",
    "shelling": r"shelling|shelled|artillery|mortars?|(?:rocket|missile)\s+(?:attacks?|fire|strikes?)",
    "armed clash": r"clash(?:es|ed)?|firefights?|gun\s*battles?|exchange\s+of\s+fire|fighting\s+between|skirmish(?:es)?",
    "shooting": r"shootings?|shot|gunfire|gunm[ae]n|opened\s+fire|shootouts?|gunshot",
    "bombing": r"bomb(?:ing|ings|ed|s)?(?!\s+(?:\w+\s+){0,3}?targets)|explosions?|blasts?|IEDs?|car\s+bombs?|suicide\s+bombers?|explosives?",
    "attack on civilians": r"massacres?|attacks?\s+on\s+(?:civilians|villagers|worshippers)|stabb(?:ed|ing)|hacked\s+to\s+death",
    "protest": r"protests?|protesters?|protestors?|demonstrations?|demonstrators?|rall(?:y|ies)|marched|riots?",
    "arrest": r"arrest(?:ed|s)?|detained|taken\s+into\s+custody|charged\s+with|indicted",
    "natural disaster": r"earthquakes?|quakes?|floods?|flooding|hurricanes?|tornado(?:es)?|wildfires?|tsunamis?|"
                        r"landslides?|cyclones?|typhoons?|volcan(?:o|ic)|storms?",
}
_PATTERNS = {name: re.compile(rf"\b(?:{cue})\b", re.IGNORECASE) for name, cue in _CUES.items()}
_WEIGHT = {"arrest": 0.5}


def classify(title: str, lead: str) -> str:
    """The event type of an article with this ``title`` and ``lead`` text."""
    scores = {}
    for name, pattern in _PATTERNS.items():
        hits = 3 * len(pattern.findall(title)) + len(pattern.findall(lead))
        scores[name] = hits * _WEIGHT.get(name, 1.0)
    best = max(TYPES[:-1], key=lambda name: (scores[name], -TYPES.index(name)))
    return best if scores[best] > 0 else "other"


@component("event_type", requires=("sentences",), sets=("event_type",))
def event_type(item: AnnotatedArticle, doc) -> AnnotatedArticle:
    """Sets ``item.event_type`` from the title and the lead sentences."""
    text = item.article.text
    spans = sentence_spans(item, doc)[:LEAD_SENTENCES]
    lead = " ".join(text[a:b] for a, b in spans)
    item.event_type = classify(item.article.title or "", lead)
    return item
