"""Commands over events: run, events, event, why, export events, report."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from .. import pipeline
from ..errors import InputError
from ..model import Event
from ..store import Store
from ._common import EXIT_SOME_INPUTS_FAILED, db_option, export, handle_errors, main, settings_for


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(allow_dash=True))
@db_option
@handle_errors
def run(paths: tuple[str, ...], db: str | None) -> None:
    """Ingest PATHS (if any), then annotate, group and fuse everything new; show the events."""
    settings = settings_for(db=db)
    failed: list[InputError] = []

    def on_failure(error: InputError) -> None:
        failed.append(error)
        click.echo(f"newsfuse: {error}", err=True)

    with Store.open(settings.db) as store:
        report = pipeline.run(paths, store, settings, on_failure=on_failure)
        _summary(report)
        _events_table(list(pipeline.stored_events(store)))
    if failed:
        sys.exit(EXIT_SOME_INPUTS_FAILED)


@main.command()
@db_option
@handle_errors
def events(db: str | None) -> None:
    """List the stored events."""
    with Store.open(settings_for(db=db).db) as store:
        _events_table(list(pipeline.stored_events(store)))


@main.command()
@click.argument("event_id")
@click.option("--json", "as_json", is_flag=True, help="Print the event record as JSON.")
@db_option
@handle_errors
def event(event_id: str, as_json: bool, db: str | None) -> None:
    """Show one event's dossier: facts with status and sources, disagreements, quotes, articles."""
    from ..export import event_record, render_dossier

    with Store.open(settings_for(db=db).db) as store:
        record = Event.from_dict(pipeline.stored_event(store, event_id))
        if as_json:
            import json

            click.echo(json.dumps(event_record(record), ensure_ascii=False, indent=2))
            return
        items = pipeline.event_items(store, record.id)
        Console().print(render_dossier(record, items))


@main.command()
@click.argument("first")
@click.argument("second")
@db_option
@handle_errors
def why(first: str, second: str, db: str | None) -> None:
    """Explain why two articles are, or are not, in the same event."""
    from ..cluster.incremental import Clusterer
    from ..cluster.explain import render, why as explain

    settings = settings_for(db=db)
    with Store.open(settings.db) as store:
        clusterer = Clusterer(store, threshold=settings.cluster_threshold)
        click.echo(render(explain(clusterer, first, second)))


@main.command()
@click.argument("event_id")
@click.option("--html", "html_path", type=click.Path(dir_okay=False), required=True, help="Write the report here.")
@db_option
@handle_errors
def report(event_id: str, html_path: str, db: str | None) -> None:
    """Write one event's dossier as a self-contained HTML page."""
    from ..export import render_html_report

    with Store.open(settings_for(db=db).db) as store:
        record = Event.from_dict(pipeline.stored_event(store, event_id))
        page = render_html_report(record, pipeline.event_items(store, record.id))
    Path(html_path).write_text(page, encoding="utf-8")
    click.echo(f"wrote {html_path}")


@export.command("events")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "geojson"]), default="jsonl", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), default="-", help="File (default stdout).")
@db_option
@handle_errors
def export_events(fmt: str, output: str, db: str | None) -> None:
    """Write every stored event as JSON lines, CSV or GeoJSON."""
    from ..export import write_events_csv, write_events_geojson, write_events_jsonl

    writer = {"jsonl": write_events_jsonl, "csv": write_events_csv, "geojson": write_events_geojson}[fmt]
    with Store.open(settings_for(db=db).db) as store:
        records = [Event.from_dict(r) for r in pipeline.stored_events(store)]
    writer(records, sys.stdout if output == "-" else output)


def _summary(report: pipeline.RunReport) -> None:
    if report.ingest is not None:
        ing = report.ingest
        click.echo(f"ingested {ing.read} inputs: {ing.new} new, {ing.duplicate} duplicates, {ing.failed} failed", err=True)
    click.echo(
        f"annotated {report.annotated} articles; {report.events_changed} events changed; "
        f"{report.events_total} events in the store",
        err=True,
    )


def _events_table(records: list[dict]) -> None:
    from ..export._format import date_text, figure_text, place_text

    table = Table(title=f"{len(records)} events", show_lines=False)
    for name in ("id", "date", "type", "place", "killed", "injured", "articles", "title"):
        table.add_column(name, overflow="fold")
    for rec in records:
        table.add_row(
            rec["id"], date_text(rec), rec.get("type") or "", place_text(rec.get("place")),
            figure_text(rec.get("killed")), figure_text(rec.get("injured")),
            str(len(rec.get("articles", []))), (rec.get("title") or "")[:80],
        )
    Console().print(table)
