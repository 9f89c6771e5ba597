"""Article totals: a victim first told as hurt who died (injured 0), and a lone victim
re-introduced by an indefinite description (one victim, not two). Mini-articles written
for these tests."""

from __future__ import annotations

import re

import pytest

from newsfuse.annotate.casualties import casualty_claims
from newsfuse.model import AnnotatedArticle, Article, Span


def _totals(text: str, title: str | None = None) -> dict[str, int]:
    item = AnnotatedArticle(article=Article(id="t1", sha256="", text=text, title=title))
    item.sentences = [Span(m.start(), m.end()) for m in re.finditer(r"[^.!?\n]+[.!?]?", text) if m.group().strip()]
    return {c.slot: c.value for c in casualty_claims(item, None) if c.level == "article"}


@pytest.mark.parametrize(
    ("title", "text"),
    [
        # hurt in one sentence, dead in the next
        (None, "A 19-year-old man was taken to the hospital in critical condition after the shooting on Pine Road. "
               "He died there on Tuesday, police said."),
        # hurt and dead in one sentence, after a headline that already told the death
        ("Man dies after shooting on Pine Road",
         "A man was shot on Pine Road late Friday. The man was flown to a hospital in critical condition, "
         "where he later died."),
    ],
)
def test_casualties_hurt_victim_who_died_leaves_no_injured(title, text) -> None:
    totals = _totals(text, title)
    assert totals["killed"] == 1
    assert totals["injured"] == 0  # an explicit zero: the article answers its own earlier wounded


def test_casualties_hurt_victim_beside_the_dead_stays_injured() -> None:
    text = ("A woman was killed and a man was wounded in a shooting on Pine Road. "
            "The man was taken to a hospital in stable condition.")
    assert _totals(text) == {"killed": 1, "injured": 1, "shot": 2}


def test_casualties_no_injured_zero_without_a_death() -> None:
    text = "A 40-year-old man was taken to the hospital in critical condition after he was shot on Pine Road."
    assert _totals(text).get("injured") == 1


@pytest.mark.parametrize(
    ("title", "text", "shot"),
    [
        # the victim told again without her age
        (None, "A 2-year-old girl was shot inside a home on Birch Lane on Sunday. "
               "Dispatchers confirmed that a child had been shot at the address shortly after 3 p.m.", 1),
        # an adult and a child are two victims
        (None, "A 30-year-old man was shot on Birch Lane on Sunday. Deputies said a boy had been shot nearby.", 2),
    ],
)
def test_casualties_indefinite_description_of_the_lone_victim(title, text, shot) -> None:
    totals = _totals(text, title)
    assert totals["shot"] == shot
    assert totals.get("killed") is None
