"""fuse: the claims of one event -> one event record with statuses and provenance.

``build_event(event_id, items)`` is the entry point; the rules live in the modules:
:mod:`.intervals` (what a claim allows, when two agree), :mod:`.sources` (independence),
:mod:`.grouping` (claim groups, status, disagreements), :mod:`.figures` (killed/injured best,
low, high), :mod:`.quotes` (quotes by speaker) and :mod:`.event` (the record).
"""

from __future__ import annotations

from .event import build_event, render_group

__all__ = ["build_event", "render_group"]
