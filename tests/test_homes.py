"""Outlet homes kept in the store (newsfuse.homes)."""

from __future__ import annotations

from newsfuse.homes import homes_of, record_regions, refresh_homes
from newsfuse.store import Store


def _rows(outlet: str, states: list[str | None], start: int = 0):
    return [(f"{outlet}-{start + i}", outlet, "US" if s else None, s) for i, s in enumerate(states)]


def test_homes_refresh_reports_only_outlets_whose_home_changed(tmp_path):
    with Store.open(tmp_path / "h.db") as store, store.transaction() as conn:
        touched = record_regions(conn, _rows("ledger", ["Ohio", "Ohio", None]) + _rows("wire", ["Ohio", "Texas"]))
        assert touched == {"ledger", "wire"}
        assert refresh_homes(conn, touched) == {"ledger"}  # the wire service has no home
        assert refresh_homes(conn, touched) == set()  # nothing new: nothing changed
        assert homes_of(conn, ["ledger-2", "wire-0"]) == {"ledger": ("US", "Ohio")}


def test_homes_a_home_is_lost_when_the_outlet_reports_elsewhere(tmp_path):
    with Store.open(tmp_path / "h.db") as store, store.transaction() as conn:
        refresh_homes(conn, record_regions(conn, _rows("ledger", ["Ohio", "Ohio"])))
        changed = refresh_homes(conn, record_regions(conn, _rows("ledger", ["Texas", "Texas", "Texas"], start=2)))
        assert changed == {"ledger"}
        assert homes_of(conn, ["ledger-0"]) == {"ledger": ("US", "Texas")}


def test_homes_reannotated_article_replaces_its_region(tmp_path):
    with Store.open(tmp_path / "h.db") as store, store.transaction() as conn:
        record_regions(conn, _rows("ledger", ["Ohio", "Ohio"]))
        record_regions(conn, _rows("ledger", ["Texas"]))  # ledger-0 read again, now in Texas
        refresh_homes(conn, {"ledger"})
        assert homes_of(conn, ["ledger-0"]) == {}  # one Ohio, one Texas: a tie has no home
