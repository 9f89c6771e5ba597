"""newsfuse: from many reports, one record per event.

The public API is what ``__all__`` lists; modules whose names start with an underscore,
and everything not listed here, may change without notice.
"""

from __future__ import annotations

from .config import Settings, load_settings
from .errors import NewsfuseError
from .model import AnnotatedArticle, Article, Claim, Event, Place, Quote, RawDocument

__all__ = [
    "AnnotatedArticle",
    "Article",
    "Claim",
    "Event",
    "NewsfuseError",
    "Place",
    "Quote",
    "RawDocument",
    "Settings",
    "load_settings",
]

__version__ = "0.1.0"
