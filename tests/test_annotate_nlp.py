"""The spaCy backend: pipeline contents, and paragraph breaks as sentence boundaries."""

from __future__ import annotations

import pytest

from newsfuse.annotate.nlp import PARAGRAPHS, load_pipeline
from newsfuse.config import Settings
from newsfuse.model import Article


def _article(text: str) -> Article:
    return Article(id="t", sha256="", text=text, published="2023-05-12")


def test_pipeline_runs_only_what_annotate_needs():
    nlp = load_pipeline(Settings().spacy_model)
    assert PARAGRAPHS in nlp.pipe_names
    assert "ner" in nlp.pipe_names
    assert "parser" not in nlp.pipe_names and "lemmatizer" not in nlp.pipe_names


@pytest.mark.parametrize(
    "text, expected",
    [
        # a headline without a full stop runs into the body unless the line end splits it
        ("Two hurt in downtown crash\nTwo drivers were hurt on Monday.",
         ["Two hurt in downtown crash", "Two drivers were hurt on Monday."]),
        ("RIVERTON, Wyo. -- A fire broke out at a mill\n\nCrews arrived within minutes.",
         ["RIVERTON, Wyo. -- A fire broke out at a mill", "Crews arrived within minutes."]),
        ("The council met on Tuesday. It approved the budget.",
         ["The council met on Tuesday.", "It approved the budget."]),
    ],
)
def test_sentences_end_at_paragraph_breaks(annotator, text, expected):
    item = next(annotator.annotate([_article(text)]))
    assert [text[s.start:s.end] for s in item.sentences] == expected


def test_sentences_are_trimmed_offsets_into_the_text(annotator):
    text = "  First line here.\n\n\nSecond line follows.  \n"
    item = next(annotator.annotate([_article(text)]))
    for span in item.sentences:
        chunk = text[span.start:span.end]
        assert chunk == chunk.strip() and chunk
    assert len(item.sentences) == 2


def test_annotator_keeps_order_and_accepts_empty_text(annotator):
    texts = ["", "A storm hit Tulsa on Friday.", "   "]
    items = list(annotator.annotate([_article(t) for t in texts]))
    assert [i.article.text for i in items] == texts
    assert items[0].sentences == [] and items[0].mentions == []
