"""Commands over articles: ingest, articles, article, export articles."""

from __future__ import annotations
