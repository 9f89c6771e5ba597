"""store: SQLite by default (``Store``), with numbered migrations."""

from __future__ import annotations

from .sqlite import Failure, Store

__all__ = ["Failure", "Store"]
