"""One quotation carried by several articles, in the same or other words."""

from __future__ import annotations

import random

import pytest

from newsfuse.model import Quote
from newsfuse.resolve import group_quotes, same_quote


def _q(text, speaker="Ana Torres", article="a", start=0):
    return Quote(text=text, start=start, end=start + len(text), speaker=speaker, speaker_entity=speaker, article=article)


@pytest.mark.parametrize(
    "a, b",
    [
        ("Our patience has run out. We will act at a moment of our own choosing.",
         "Our patience has run out. We will act at a time and place of our own choosing."),
        ("will act at a moment of our own choosing", "Our patience has run out. We will act at a moment of our own choosing."),
        ("Let everyone who wishes to hurt our people understand: if you strike us, we will strike back.",
         "But let anyone who intends to hurt our people understand this: if you strike us, we strike back."),
        ("The towns of Hamra and the border villages are being shelled by enemy artillery",
         "The town of Hamra and the border villages are shelled by artillery of the enemy, while we try to keep calm"),
    ],
)
def test_quotegroups_same_quotation(a, b):
    assert same_quote(_q(a, article="x"), _q(b, article="y"))


@pytest.mark.parametrize(
    "a, b, speakers",
    [
        ("We will act at a moment of our own choosing.", "We will act at a moment of our own choosing.",
         ("Ana Torres", "Omar Haddad")),
        ("The harbour will reopen next week for all ships.", "Our patience with the smugglers has run out.",
         ("Ana Torres", "Ana Torres")),
        ("the start of a long campaign", "the end of our patience", ("Ana Torres", "Ana Torres")),
    ],
)
def test_quotegroups_different_quotations(a, b, speakers):
    assert not same_quote(_q(a, speakers[0], "x"), _q(b, speakers[1], "y"))


def test_quotegroups_groups_and_articles_order_independent():
    quotes = [
        _q("Our patience has run out. We will act at a moment of our own choosing.", article="a"),
        _q("We will act at a moment of our own choosing", article="b", start=5),
        _q("Our patience has run out, we will act at a time of our choosing.", article="c"),
        _q("The harbour will reopen next week for all ships.", article="a", start=300),
        _q("The harbour will reopen next week for all ships.", speaker=None, article="d"),
    ]
    groups = group_quotes(quotes)
    for seed in range(4):
        shuffled = quotes[:]
        random.Random(seed).shuffle(shuffled)
        assert [(g.text, g.articles) for g in group_quotes(shuffled)] == [(g.text, g.articles) for g in groups]
    by_size = sorted(groups, key=lambda g: -len(g.quotes))
    assert by_size[0].articles == ["a", "b", "c"]
    assert by_size[0].text.startswith("Our patience has run out. We will act at a moment")
    assert sorted(len(g.quotes) for g in groups) == [2, 3]
