"""The terminal dossier (newsfuse.export.dossier)."""

from __future__ import annotations

import pytest
from rich.console import Console

from newsfuse.export import dossier_text, render_dossier
from newsfuse.fuse import build_event
from newsfuse.model import AnnotatedArticle


@pytest.fixture()
def items(fuse_items: list[AnnotatedArticle]) -> list[AnnotatedArticle]:
    return fuse_items


def test_dossier_text_shows_every_section(items) -> None:
    text = dossier_text(build_event("ev-1", items), items, width=160)
    for heading in ("Facts", "Disagreements", "Quotes by speaker", "Related events", "Articles (time order)"):
        assert heading in text
    assert "contested" in text and "single source" in text
    assert "regional prefect via Radio Two" in text
    articles = text[text.index("Articles (time order)"):]
    assert articles.index("Radio Two") < articles.index("Wire One") < articles.index("Paper Three")


def test_dossier_does_not_interpret_markup_from_articles(items) -> None:
    items[0].article.title = "[bold red]Kessel[/bold red] depots"
    items[0].article.published = "2000-01-01"  # make its title the earliest and unique
    event = build_event("ev-1", items)
    event.title = items[0].article.title
    assert "[bold red]Kessel[/bold red]" in dossier_text(event, items, width=160)


def test_render_dossier_is_a_rich_renderable(items) -> None:
    console = Console(width=120, record=True, color_system=None)
    console.print(render_dossier(build_event("ev-1", items)))
    assert "Kessel" in console.export_text()
