"""annotate: sentences, entities, places, dates, figures, quotes and claims.

A pipeline of named components in the spirit of spaCy's. Each component is a callable
``component(item: AnnotatedArticle, doc: spacy.tokens.Doc) -> AnnotatedArticle`` with
a ``name``, the fields it ``requires`` and the fields it ``sets``; it takes and returns
the same kind of object. :class:`Annotator` runs spaCy once per article (batched), then
the components in order. Components must be pure functions of the article and the Doc:
the same article always gets the same annotation, whatever else is in the batch.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from ..config import Settings
from ..model import AnnotatedArticle, Article

__all__ = ["Annotator", "Component", "component"]


@dataclass(frozen=True)
class Component:
    """A named annotation step and its contract."""

    name: str
    func: Callable[[AnnotatedArticle, object], AnnotatedArticle]
    requires: tuple[str, ...] = ()
    sets: tuple[str, ...] = ()

    def __call__(self, item: AnnotatedArticle, doc: object) -> AnnotatedArticle:
        return self.func(item, doc)


def component(name: str, requires: tuple[str, ...] = (), sets: tuple[str, ...] = ()):
    """Decorator that turns a function into a :class:`Component`."""

    def wrap(func: Callable[[AnnotatedArticle, object], AnnotatedArticle]) -> Component:
        return Component(name=name, func=func, requires=requires, sets=sets)

    return wrap


def default_components() -> list[Component]:
    """The standard components, in order. Imported lazily: each module owns one job."""
    from .pipeline import COMPONENTS

    return list(COMPONENTS)


class Annotator:
    """Runs spaCy and the components over articles."""

    def __init__(self, settings: Settings | None = None, components: list[Component] | None = None) -> None:
        from .nlp import load_pipeline

        self.settings = settings or Settings()
        self.nlp = load_pipeline(self.settings.spacy_model)
        self.components = default_components() if components is None else components
        _check_order(self.components)

    def annotate(self, articles: Iterable[Article]) -> Iterator[AnnotatedArticle]:
        """One AnnotatedArticle per article, in order. Streams: articles are read in chunks
        of a few spaCy batches, so an archive never sits in memory whole."""
        from .nlp import run_pipeline

        chunk = max(1, self.settings.nlp_batch_size) * 4
        for pending in _chunks(articles, chunk):
            docs = run_pipeline(self.nlp, (a.text for a in pending), self.settings.nlp_batch_size)
            for article, doc in zip(pending, docs):
                item = AnnotatedArticle(article=article)
                for step in self.components:
                    item = step(item, doc)
                yield item


def _chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _check_order(components: list[Component]) -> None:
    """Fail early when a component needs a field that no earlier component sets."""
    available = {"article"}
    for step in components:
        missing = [need for need in step.requires if need not in available]
        if missing:
            raise ValueError(f"annotate component {step.name!r} needs {missing}, set by no earlier component")
        available.update(step.sets)
