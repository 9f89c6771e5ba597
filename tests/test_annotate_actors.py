"""Actors and roles from sentences written for these tests (entity spans given, no spaCy)."""

from __future__ import annotations

import re

import pytest

from newsfuse.annotate.actors import actors, find_actors
from newsfuse.model import AnnotatedArticle, Article, Mention, Span


def _actors(text: str, entities: list[tuple[str, str]]) -> set[tuple[str, str]]:
    mentions = []
    for name, label in entities:
        for match in re.finditer(re.escape(name), text):
            mentions.append((match.start(), match.end(), label))
    sentences = [(m.start(), m.end()) for m in re.finditer(r"[^.!?]+[.!?]?", text)]
    return {(a.name, a.role) for a in find_actors(text, sentences, sorted(mentions))}


@pytest.mark.parametrize(
    "text, entities, expected",
    [
        ("French forces struck depots used by Sahel militias on Friday.", [("French", "NORP")],
         {("French forces", "perpetrator")}),
        ("The air force launched raids against the Northern Front overnight.", [("the Northern Front", "ORG")],
         {("Northern Front", "target")}),
        ("Jets hit positions of Kivu-backed militias near the river.", [("Kivu", "GPE")],
         {("Kivu-backed militias", "target")}),
        ("The Red Hand Brigade claimed responsibility for the ambush.", [("The Red Hand Brigade", "ORG")],
         {("Red Hand Brigade", "perpetrator")}),
        ("Ten guards were killed by the Red Hand Brigade at the gate.", [("the Red Hand Brigade", "ORG")],
         {("Red Hand Brigade", "perpetrator")}),
        ("Dale Ortiz, 35, died at the scene, the Pine County Sheriff's Office said.",
         [("Dale Ortiz", "PERSON"), ("the Pine County Sheriff's Office", "ORG")],
         {("Dale Ortiz", "victim"), ("Pine County Sheriff's Office", "authority")}),
        ("Police arrested Kyle Dunn, 19, on Sunday.", [("Kyle Dunn", "PERSON")], {("Kyle Dunn", "suspect")}),
        ("Kyle Dunn was charged with murder in the death of Ana Ruiz.", [("Kyle Dunn", "PERSON"), ("Ana Ruiz", "PERSON")],
         {("Kyle Dunn", "suspect"), ("Ana Ruiz", "victim")}),
        ("Ana Ruiz was shot in the arm.", [("Ana Ruiz", "PERSON")], {("Ana Ruiz", "victim")}),
    ],
)
def test_find_actors_gives_roles_from_patterns(text, entities, expected):
    assert _actors(text, entities) == expected


@pytest.mark.parametrize(
    "text, entities",
    [
        ("Jets struck targets in Iraq.", [("Iraq", "GPE")]),               # a place is not a target
        ("Kyle Dunn said the shots woke him.", [("Kyle Dunn", "PERSON")]),  # a witness has no role
        ("The strikes hit the Harbor Air Base.", [("the Harbor Air Base", "ORG")]),
    ],
)
def test_find_actors_leaves_places_and_bystanders_out(text, entities):
    assert _actors(text, entities) == set()


def test_component_uses_the_pipeline_mentions_once_per_name_and_role():
    text = "Ana Ruiz was shot on Monday. Ana Ruiz died on Tuesday."
    item = AnnotatedArticle(article=Article(id="a1", sha256="", text=text))
    item.sentences = [Span(0, 28), Span(29, len(text))]
    item.mentions = [Mention("Ana Ruiz", 0, 8, "PERSON"), Mention("Ana Ruiz", 29, 37, "PERSON")]
    result = actors(item, None).actors
    assert [(a.name, a.role) for a in result] == [("Ana Ruiz", "victim")]
    assert actors.requires == ("sentences", "mentions") and actors.sets == ("actors",)
