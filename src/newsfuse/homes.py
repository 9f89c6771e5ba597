"""Outlet homes kept in the store (the rule is :mod:`newsfuse.fuse.outlets`).

``article_regions`` holds, per annotated article with an outlet, the region of its main place
(or none); ``outlet_homes`` the home each outlet was last given. After a run has stored its
annotations, :func:`refresh_homes` recomputes the homes of the outlets it touched, and the
events holding an article of an outlet whose home changed are rebuilt: an event's record then
depends on the set of stored articles only, not on the order in which they came.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from .fuse.outlets import Region, home_region

__all__ = ["RegionRow", "record_regions", "refresh_homes", "events_of_outlets", "homes_of"]

RegionRow = tuple[str, str, str | None, str | None]  # (sha256, outlet, country, admin1)


def record_regions(conn: sqlite3.Connection, rows: Iterable[RegionRow]) -> set[str]:
    """Store the region of each article (replacing an earlier one); return the outlets."""
    rows = list(rows)
    conn.executemany(
        "INSERT OR REPLACE INTO article_regions (sha256, outlet, country, admin1) VALUES (?, ?, ?, ?)", rows
    )
    return {row[1] for row in rows}


def refresh_homes(conn: sqlite3.Connection, outlets: Iterable[str]) -> set[str]:
    """Recompute the homes of ``outlets``; return those whose home changed."""
    changed = set()
    for outlet in sorted(set(outlets)):
        home = home_region(_profile(conn, outlet))
        row = conn.execute("SELECT country, admin1 FROM outlet_homes WHERE outlet = ?", (outlet,)).fetchone()
        if (tuple(row) if row else None) == home:
            continue
        changed.add(outlet)
        if home is None:
            conn.execute("DELETE FROM outlet_homes WHERE outlet = ?", (outlet,))
        else:
            conn.execute("INSERT OR REPLACE INTO outlet_homes (outlet, country, admin1) VALUES (?, ?, ?)",
                         (outlet, *home))
    return changed


def _profile(conn: sqlite3.Connection, outlet: str) -> dict[Region, int]:
    rows = conn.execute(
        "SELECT country, admin1, COUNT(*) FROM article_regions WHERE outlet = ? AND admin1 IS NOT NULL "
        "GROUP BY country, admin1", (outlet,)
    )
    return {(country, admin1): n for country, admin1, n in rows}


def events_of_outlets(conn: sqlite3.Connection, outlets: Iterable[str]) -> set[str]:
    """The events that hold an article of one of ``outlets``."""
    found: set[str] = set()
    for outlet in outlets:
        rows = conn.execute(
            "SELECT DISTINCT m.event_id FROM article_regions r JOIN event_members m USING (sha256) "
            "WHERE r.outlet = ?", (outlet,)
        )
        found.update(event_id for (event_id,) in rows)
    return found


def homes_of(conn: sqlite3.Connection, shas: Iterable[str]) -> dict[str, Region]:
    """The home of each of these articles' outlets that has one, by outlet."""
    shas = sorted(set(shas))
    if not shas:
        return {}
    rows = conn.execute(
        "SELECT DISTINCT h.outlet, h.country, h.admin1 FROM article_regions r JOIN outlet_homes h USING (outlet) "
        f"WHERE r.sha256 IN ({','.join('?' * len(shas))})", shas
    )
    return {outlet: (country, admin1) for outlet, country, admin1 in rows}
