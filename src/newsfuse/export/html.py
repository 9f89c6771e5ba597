"""The event dossier as one self-contained HTML page: ``render_html_report(event, items)``.

Self-contained: inline CSS, no scripts, no external resources (fonts, images, links are not
loaded); a Content-Security-Policy meta tag forbids scripts and remote loads as a second line
of defence. Every string that comes from an article or the event record goes through
:func:`html.escape` (quotes included) before it reaches the page; links are emitted only for
http(s) URLs, others are shown as text. Sections: the event header with figures, facts with
status and sources, disagreements side by side, quotes by speaker, related events, the
sources side by side (one column per article in time order, the text with every piece of
evidence marked), and the article list.
"""

from __future__ import annotations

from html import escape
from typing import Any

from ..model import AnnotatedArticle, Event
from ._format import claim_value, date_text, figure_text, place_text, status_label
from .jsonl import event_record

__all__ = ["render_html_report"]

_CSS = """
body{font:15px/1.45 system-ui,sans-serif;margin:0;padding:1.5rem;color:#1d232a;background:#f7f7f5}
h1{font-size:1.5rem;margin:.2rem 0}h2{font-size:1.15rem;margin:1.8rem 0 .6rem;border-bottom:1px solid #ccc}
.meta{color:#555}.figs span{display:inline-block;margin-right:1.5rem}
table{border-collapse:collapse;width:100%;background:#fff}th,td{border:1px solid #ddd;padding:.3rem .5rem;
text-align:left;vertical-align:top}th{background:#eef0f2}
.st{font-weight:600;white-space:nowrap}.corroborated{color:#17702e}.single_source{color:#8a6100}
.contested{color:#b3261e}.side{display:grid;grid-auto-flow:column;grid-auto-columns:minmax(18rem,1fr);
gap:.8rem;overflow-x:auto}.card{background:#fff;border:1px solid #ddd;border-radius:6px;padding:.6rem}
.text{white-space:pre-wrap;font-size:.9rem;max-height:40rem;overflow-y:auto}
mark{background:#fff1a8}mark.contested{background:#ffd6d2}mark.corroborated{background:#d7f2dc}
.note{font-style:italic;color:#555}blockquote{margin:.2rem 0 .6rem 1rem;border-left:3px solid #ccc;padding-left:.6rem}
"""
_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"


def _e(value: Any) -> str:
    return escape("" if value is None else str(value), quote=True)


def render_html_report(event: Event, items: list[AnnotatedArticle] | None = None) -> str:
    """One self-contained HTML page for ``event``; ``items`` give the article texts shown side by side."""
    rec = event_record(event)
    items = sorted(items or [], key=lambda i: _order(rec, i.article.id))
    outlets = {a["id"]: a.get("source") for a in rec["articles"]}
    for item in items:
        outlets.setdefault(item.article.id, item.article.outlet)
    body = "".join([
        _header(rec), _facts(rec, outlets), _disagreements(rec, outlets), _quotes(rec),
        _related(rec), _side_by_side(rec, items, outlets), _articles(rec),
    ])
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<meta http-equiv=\"Content-Security-Policy\" content=\"{_CSP}\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        f"<title>{_e(rec.get('title') or rec['id'])} · newsfuse</title><style>{_CSS}</style></head>"
        f"<body>{body}</body></html>\n"
    )


def _order(rec: dict[str, Any], article_id: str) -> tuple[int, str]:
    ids = [a["id"] for a in rec["articles"]]
    return (ids.index(article_id) if article_id in ids else len(ids), article_id)


def _status(status: str | None) -> str:
    return f"<span class=\"st {_e(status)}\">{_e(status_label(status))}</span>"


def _header(rec: dict[str, Any]) -> str:
    others = ", ".join(p["name"] for p in rec["places"][1:])
    actors = "; ".join(f"{a['name']} ({a['role']})" for a in rec["actors"])
    return (
        f"<header><h1>{_e(rec.get('title') or rec['id'])}</h1>"
        f"<p class=\"meta\">event {_e(rec['id'])} · {_e(rec.get('type') or 'type unknown')} · {_e(date_text(rec))}</p>"
        f"<p>place: {_e(place_text(rec.get('place')))}" + (f"<br>also: {_e(others)}" if others else "") + "</p>"
        + (f"<p>actors: {_e(actors)}</p>" if actors else "")
        + f"<p class=\"figs\"><span>killed: {_e(figure_text(rec.get('killed')))}</span>"
        f"<span>injured: {_e(figure_text(rec.get('injured')))}</span></p></header>"
    )


def _sources(claim: dict[str, Any], outlets: dict[str, str | None]) -> str:
    seen: list[str] = []
    for ev in claim.get("evidence", []):
        label = f"{ev.get('claimant') or '?'} via {outlets.get(ev['article']) or ev['article']}"
        if label not in seen:
            seen.append(label)
    return "<br>".join(_e(s) for s in seen)


def _facts(rec: dict[str, Any], outlets: dict[str, str | None]) -> str:
    rows = "".join(
        f"<tr><td>{_e(c['slot'])}</td><td>{_e(claim_value(c))}</td><td>{_e(c.get('scope') or '-')}</td>"
        f"<td>{_status(c.get('status'))}</td><td>{_e(c.get('sources'))}</td><td>{_sources(c, outlets)}</td></tr>"
        for c in rec["claims"]
    )
    return ("<section><h2>Facts</h2><table><tr><th>slot</th><th>value</th><th>scope</th><th>status</th>"
            f"<th>independent sources</th><th>claimant via outlet</th></tr>{rows}</table></section>")


def _disagreements(rec: dict[str, Any], outlets: dict[str, str | None]) -> str:
    if not rec["disagreements"]:
        return "<section><h2>Disagreements</h2><p class=\"note\">none found</p></section>"
    blocks = []
    for dis in rec["disagreements"]:
        cards = "".join(
            f"<div class=\"card\"><strong>{_e(claim_value(v))}</strong> {_status(v.get('status'))}"
            f"<p>{_e(v.get('claimant') or '-')}</p>"
            + "".join(f"<blockquote>{_e(ev.get('sentence'))}<br><small>{_e(outlets.get(ev['article']) or ev['article'])}"
                      f"</small></blockquote>" for ev in v.get("evidence", []))
            + "</div>"
            for v in dis["values"]
        )
        notes = []
        if dis.get("rising_toll"):
            notes.append("Lower values are earlier or preliminary: tolls tend to rise.")
        notes += [f"No scope given (ambiguous): {claim_value(o)} per {o.get('claimant')}" for o in dis.get("unscoped") or []]
        if dis.get("about"):
            notes.append(f"About the earlier event {dis['about']}.")
        blocks.append(
            f"<h3>{_e(dis['slot'])} · {_e(dis.get('scope') or 'no scope')} · {_e(dis.get('kind'))}</h3>"
            f"<div class=\"side\">{cards}</div>" + "".join(f"<p class=\"note\">{_e(n)}</p>" for n in notes)
        )
    return "<section><h2>Disagreements</h2>" + "".join(blocks) + "</section>"


def _quotes(rec: dict[str, Any]) -> str:
    if not rec["quotes"]:
        return ""
    by_speaker: dict[str, list[dict[str, Any]]] = {}
    for quote in rec["quotes"]:
        by_speaker.setdefault(quote.get("speaker") or "unattributed", []).append(quote)
    parts = []
    for speaker, quotes in by_speaker.items():
        items = "".join(f"<blockquote>“{_e(q.get('text'))}”<br><small>{_e(', '.join(q.get('articles', [])))}</small></blockquote>"
                        for q in quotes)
        parts.append(f"<h3>{_e(speaker)}</h3>{items}")
    return "<section><h2>Quotes by speaker</h2>" + "".join(parts) + "</section>"


def _related(rec: dict[str, Any]) -> str:
    if not rec["related"]:
        return ""
    rows = "".join(
        f"<tr><td>{_e(r.get('relation'))}</td><td>{_e(r.get('description') or r.get('event'))}</td>"
        f"<td>{_e(r.get('date') or '-')}</td><td>{_e(r.get('place') or '-')}</td><td>"
        + "<br>".join(f"{_e(c['slot'])} {_e(claim_value(c))} {_status(c.get('status'))}" for c in r.get("claims", []))
        + "</td></tr>"
        for r in rec["related"]
    )
    return ("<section><h2>Related events</h2><table><tr><th>relation</th><th>event</th><th>date</th>"
            f"<th>place</th><th>facts</th></tr>{rows}</table></section>")


def _side_by_side(rec: dict[str, Any], items: list[AnnotatedArticle], outlets: dict[str, str | None]) -> str:
    if not items:
        return ""
    marks = _evidence_marks(rec)
    cards = "".join(
        f"<div class=\"card\"><strong>{_e(outlets.get(i.article.id) or i.article.id)}</strong>"
        f"<p class=\"meta\">{_e(i.article.published or 'undated')} · {_e(i.article.id)}<br>{_e(i.article.title or '')}"
        f"{_link(i.article.url)}</p><div class=\"text\">{_marked(i.article.text, marks.get(i.article.id, []))}</div></div>"
        for i in items
    )
    return f"<section><h2>Sources side by side</h2><div class=\"side\">{cards}</div></section>"


def _link(url: str | None) -> str:
    if not url:
        return ""
    if url.lower().startswith(("http://", "https://")):
        return f"<br><a href=\"{_e(url)}\" rel=\"noreferrer noopener\">{_e(url)}</a>"
    return f"<br>{_e(url)}"


def _evidence_marks(rec: dict[str, Any]) -> dict[str, list[tuple[int, int, str, str]]]:
    marks: dict[str, list[tuple[int, int, str, str]]] = {}
    claims = list(rec["claims"]) + [c for r in rec["related"] for c in r.get("claims", [])]
    for claim in claims:
        label = f"{claim['slot']}: {claim_value(claim)} ({status_label(claim.get('status'))})"
        for ev in claim.get("evidence", []):
            if ev.get("end", 0) > ev.get("start", 0):
                marks.setdefault(ev["article"], []).append((ev["start"], ev["end"], label, claim.get("status") or ""))
    return marks


def _marked(text: str, marks: list[tuple[int, int, str, str]]) -> str:
    """The text escaped, with non-overlapping evidence spans wrapped in <mark>."""
    out, at = [], 0
    for start, end, label, status in sorted(marks):
        if start < at or end > len(text):
            continue
        out.append(_e(text[at:start]))
        out.append(f"<mark class=\"{_e(status)}\" title=\"{_e(label)}\">{_e(text[start:end])}</mark>")
        at = end
    out.append(_e(text[at:]))
    return "".join(out)


def _articles(rec: dict[str, Any]) -> str:
    rows = "".join(
        f"<tr><td>{_e(a.get('published') or '-')}</td><td>{_e(a.get('source') or '-')}</td><td>{_e(a['id'])}</td>"
        f"<td>{_e(a.get('title') or '-')}</td></tr>"
        for a in rec["articles"]
    )
    return ("<section><h2>Articles (time order)</h2><table><tr><th>published</th><th>source</th><th>id</th>"
            f"<th>title</th></tr>{rows}</table></section>")
