"""Commands over articles: ingest, articles, article, failures, export articles."""

from __future__ import annotations

import json
import sys
from typing import Any

import click
from rich.console import Console
from rich.table import Column, Table
from rich.text import Text

from ..errors import InputError
from ..ingest import ingest_paths
from ..model import Article
from ..store import Store
from ._common import EXIT_OK, EXIT_SOME_INPUTS_FAILED, db_option, export, handle_errors, main, settings_for


@main.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--max-bytes", type=click.IntRange(min=1), default=None, help="Size limit per input (default 20 MB).")
@click.option("--processes", type=click.IntRange(min=1), default=1, show_default=True, help="Clean in N processes.")
@handle_errors
def ingest(paths: tuple[str, ...], db: str | None, max_bytes: int | None, processes: int) -> None:
    """Read articles from PATH... (files, directories, "-" for stdin) into the store.

    Text, HTML and JSON lines are recognised by content, gzipped or not. Inputs that
    cannot be read are listed on stderr; the rest is ingested (exit status 1).
    """
    settings = settings_for(db=db, max_bytes=max_bytes)
    with Store.open(settings.db) as store:
        report = ingest_paths(paths, store, settings, on_failure=_echo_failure, processes=processes)
    click.echo(
        f"{report.read} inputs: {report.new} new, {report.duplicate} duplicate, {report.failed} failed"
        f" (store: {settings.db})"
    )
    sys.exit(EXIT_SOME_INPUTS_FAILED if report.failed else EXIT_OK)


def _echo_failure(error: InputError) -> None:
    hint = f" ({error.hint})" if error.hint else ""
    click.echo(f"newsfuse: {error.origin}: [{error.code}] {error.message}{hint}", err=True)


@main.command("articles")
@db_option
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Show at most N articles.")
@handle_errors
def list_articles(db: str | None, limit: int | None) -> None:
    """List the stored articles."""
    table = Table(Column("id", overflow="fold"), "outlet", "title", "published", "language", "length")
    with Store.open(settings_for(db=db).db) as store:
        for count, article in enumerate(store.articles()):
            if limit is not None and count >= limit:
                break
            cells = (article.id, article.outlet, article.title, article.published, article.lang)
            table.add_row(*(Text(value or "") for value in cells), Text(f"{len(article.text):,}", justify="right"))
    Console().print(table)


@main.command("article")
@click.argument("key", metavar="ID")
@db_option
@handle_errors
def show_article(key: str, db: str | None) -> None:
    """Show one article (by id, input id or sha256): metadata, clean text, removed parts."""
    with Store.open(settings_for(db=db).db) as store:
        article = store.article(key)
        inputs = store.input_ids(article.sha256)
    for label, value in _metadata(article, inputs):
        if value:
            click.echo(f"{label:<10} {value}")
    click.echo("\n" + article.text)
    if article.removed:
        click.echo("\nRemoved:")
        for part in article.removed:
            click.echo(f"  [{part.reason}] {part.text}")


def _metadata(article: Article, inputs: list[str]) -> list[tuple[str, str | None]]:
    return [
        ("id", article.id),
        ("sha256", article.sha256),
        ("inputs", ", ".join(inputs)),
        ("title", article.title),
        ("outlet", article.outlet),
        ("url", article.url),
        ("authors", ", ".join(article.authors)),
        ("published", article.published),
        ("updated", article.updated),
        ("dateline", article.dateline),
        ("language", article.lang),
        ("origin", article.origin),
        ("warnings", "; ".join(article.warnings)),
    ]


@main.command("failures")
@db_option
@handle_errors
def list_failures(db: str | None) -> None:
    """List the inputs that could not be read or cleaned."""
    table = Table(Column("origin", overflow="fold"), "code", "message", "recorded")
    with Store.open(settings_for(db=db).db) as store:
        for failure in store.failures():
            table.add_row(*(Text(v) for v in (failure.origin, failure.code, failure.message, failure.recorded_at)))
    Console().print(table)


@export.command("articles")
@db_option
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), default="-", help="File (default stdout)."
)
@handle_errors
def export_articles(db: str | None, fmt: str, output: str) -> None:
    """Write the stored articles as JSON lines (the articles schema of DESIGN.md)."""
    with Store.open(settings_for(db=db).db) as store, click.open_file(output, "w", encoding="utf-8") as out:
        for article in store.articles():
            out.write(json.dumps(_record(article, store.input_ids(article.sha256)), ensure_ascii=False) + "\n")


def _record(article: Article, inputs: list[str]) -> dict[str, Any]:
    """One line of the articles JSONL schema; ``inputs`` adds every input id of the article."""
    return {
        "id": article.id,
        "sha256": article.sha256,
        "outlet": article.outlet,
        "url": article.url,
        "title": article.title,
        "authors": article.authors,
        "published": article.published,
        "updated": article.updated,
        "dateline": article.dateline,
        "lang": article.lang,
        "text": article.text,
        "removed": [{"text": r.text, "reason": r.reason} for r in article.removed],
        "inputs": inputs,
    }
