"""ingest: read files, directories, stdin, gzip, HTML and JSON lines as RawDocuments.

:func:`read_inputs` yields a RawDocument per article, or an InputError value for an input
that cannot be read; :func:`ingest_paths` cleans the documents and stores the articles.
"""

from __future__ import annotations

from .pipeline import IngestReport, ingest_paths
from .sources import read_inputs

__all__ = ["IngestReport", "ingest_paths", "read_inputs"]
