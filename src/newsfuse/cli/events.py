"""Commands over events: run, events, event, why, export events, report."""

from __future__ import annotations
