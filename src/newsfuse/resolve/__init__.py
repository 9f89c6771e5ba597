"""resolve: name variants -> canonical entities across articles, and quotes -> quotations.

* :func:`resolve_entities` sets ``Mention.entity`` and ``Quote.speaker_entity`` to canonical
  entity names (rules in :mod:`.names` and :mod:`.linking`).
* :func:`build_index` gives the :class:`EntityIndex` behind it: entities with their variants,
  for the event record and the dossier.
* :func:`group_quotes` groups the same quotation carried by several articles.
"""

from __future__ import annotations

from .linking import Entity, EntityIndex, Occurrence
from .quotegroups import QuoteGroup, group_quotes, same_quote
from .service import build_index, resolve_entities, speaker_label

__all__ = [
    "Entity",
    "EntityIndex",
    "Occurrence",
    "QuoteGroup",
    "build_index",
    "group_quotes",
    "resolve_entities",
    "same_quote",
    "speaker_label",
]
