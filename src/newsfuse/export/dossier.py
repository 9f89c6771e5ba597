"""The event dossier for the terminal (rich): facts with status and sources, disagreements
side by side, quotes by speaker, related events, and the articles in time order.

:func:`render_dossier` returns a rich renderable (the CLI prints it); :func:`dossier_text`
renders it to a plain string. Article-derived strings are wrapped in :class:`rich.text.Text`,
never parsed as console markup, so "[bold]" in a title prints as typed.
"""

from __future__ import annotations

import io
from typing import Any

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..model import AnnotatedArticle, Event
from ._format import claim_value, date_text, figure_text, place_text, status_label
from .jsonl import event_record

__all__ = ["render_dossier", "dossier_text"]

_STATUS_STYLE = {"corroborated": "green", "single_source": "yellow", "contested": "bold red"}


def render_dossier(event: Event, items: list[AnnotatedArticle] | None = None) -> RenderableType:
    """The dossier of one event as a rich renderable. ``items`` (optional) add the outlets of
    articles that the event record does not name."""
    rec = event_record(event)
    outlets = {a["id"]: a.get("source") for a in rec["articles"]}
    for item in items or []:
        outlets.setdefault(item.article.id, item.article.outlet)
    parts: list[RenderableType] = [_header(rec), _facts(rec, outlets)]
    if rec["disagreements"]:
        parts.append(_disagreements(rec, outlets))
    if rec["quotes"]:
        parts.append(_quotes(rec))
    if rec["related"]:
        parts.append(_related(rec))
    parts.append(_articles(rec))
    return Group(*parts)


def dossier_text(event: Event, items: list[AnnotatedArticle] | None = None, width: int = 110) -> str:
    """The dossier as plain text (no colours)."""
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, color_system=None, force_terminal=False, highlight=False)
    console.print(render_dossier(event, items))
    return buffer.getvalue()


def _header(rec: dict[str, Any]) -> RenderableType:
    lines = Text()
    lines.append(rec.get("title") or rec["id"], style="bold")
    lines.append(f"\nevent {rec['id']}  ·  {rec.get('type') or 'type unknown'}  ·  {date_text(rec)}")
    lines.append(f"\nplace: {place_text(rec.get('place'))}")
    others = [p["name"] for p in rec["places"][1:]]
    if others:
        lines.append(f"\nalso: {', '.join(others)}")
    if rec["actors"]:
        lines.append("\nactors: " + "; ".join(f"{a['name']} ({a['role']})" for a in rec["actors"]))
    lines.append(f"\nkilled: {figure_text(rec.get('killed'))}   injured: {figure_text(rec.get('injured'))}")
    return Panel(lines, title="event", expand=True)


def _status(status: str | None) -> Text:
    return Text(status_label(status), style=_STATUS_STYLE.get(status or "", ""))


def _sources(claim: dict[str, Any], outlets: dict[str, str | None]) -> Text:
    seen = []
    for ev in claim.get("evidence", []):
        label = f"{ev.get('claimant') or '?'} via {outlets.get(ev['article']) or ev['article']}"
        if label not in seen:
            seen.append(label)
    return Text("; ".join(seen))


def _facts(rec: dict[str, Any], outlets: dict[str, str | None]) -> RenderableType:
    table = Table(title="Facts", expand=True, show_lines=False)
    for column in ("slot", "value", "scope", "status", "sources (claimant via outlet)"):
        table.add_column(column)
    for claim in rec["claims"]:
        table.add_row(Text(claim["slot"]), Text(claim_value(claim)), Text(claim.get("scope") or "-"),
                      _status(claim.get("status")), _sources(claim, outlets))
    return table


def _disagreements(rec: dict[str, Any], outlets: dict[str, str | None]) -> RenderableType:
    panels = []
    for dis in rec["disagreements"]:
        table = Table(expand=True)
        for column in ("value", "claimant", "articles", "status"):
            table.add_column(column)
        for value in dis["values"]:
            arts = sorted({ev["article"] for ev in value.get("evidence", [])})
            table.add_row(Text(claim_value(value)), Text(value.get("claimant") or "-"),
                          Text(", ".join(outlets.get(a) or a for a in arts)), _status(value.get("status")))
        notes = []
        if dis.get("rising_toll"):
            notes.append("lower values are earlier or preliminary: tolls tend to rise")
        for other in dis.get("unscoped") or []:
            notes.append(f"no scope given (ambiguous): {claim_value(other)} per {other.get('claimant')}")
        if dis.get("about"):
            notes.append(f"about the earlier event {dis['about']}")
        body = Group(table, Text("\n".join(notes), style="italic")) if notes else table
        title = f"{dis['slot']} · {dis.get('scope') or 'no scope'} · {dis.get('kind')}"
        panels.append(Panel(body, title=Text(title), expand=True))
    return Panel(Group(*panels), title="Disagreements", border_style="red")


def _quotes(rec: dict[str, Any]) -> RenderableType:
    table = Table(title="Quotes by speaker", expand=True)
    for column in ("speaker", "quote", "articles"):
        table.add_column(column)
    for quote in rec["quotes"]:
        table.add_row(Text(quote.get("speaker") or "unattributed"), Text(f"“{quote.get('text')}”"),
                      Text(", ".join(quote.get("articles", []))))
    return table


def _related(rec: dict[str, Any]) -> RenderableType:
    table = Table(title="Related events", expand=True)
    for column in ("relation", "event", "date", "place", "facts"):
        table.add_column(column)
    for rel in rec["related"]:
        facts = "; ".join(f"{c['slot']} {claim_value(c)} ({status_label(c.get('status'))})" for c in rel.get("claims", []))
        table.add_row(Text(str(rel.get("relation"))), Text(str(rel.get("description") or rel.get("event"))),
                      Text(str(rel.get("date") or "-")), Text(str(rel.get("place") or "-")), Text(facts or "-"))
    return table


def _articles(rec: dict[str, Any]) -> RenderableType:
    table = Table(title="Articles (time order)", expand=True)
    for column in ("published", "source", "id", "title"):
        table.add_column(column)
    for art in rec["articles"]:
        table.add_row(Text(art.get("published") or "-"), Text(art.get("source") or "-"), Text(art["id"]),
                      Text(art.get("title") or "-"))
    return table
