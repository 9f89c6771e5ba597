"""Independence: which claims come from the same source.

A claim's *sources* are a set of keys; claims whose key sets overlap are not independent, and
a fact's number of independent sources is the number of distinct keys over its claims.

* A claim with an explicit claimant counts for that claimant, whichever outlet repeats it: five
  outlets quoting the same CENTCOM statement are one source. A joint attribution ("police and
  hospital officials said") counts for each named claimant.
* A claim without an explicit claimant counts for its article's *origin*: articles of the same
  outlet, and near-duplicate texts (a wire story reprinted, lightly edited or updated), share one
  origin. Near-duplicates: Jaccard similarity of word 5-shingle sets above 0.8 (all pairs for
  small events; for large ones, candidate pairs from bottom-k MinHash sketches, then the exact
  Jaccard; datasketch is not needed at this size and its import costs seconds).
* Claimant names are keyed loosely: case, punctuation, "the", a leading "US", parenthesised
  acronyms declared in any article ("US Central Command (CENTCOM)" makes "CENTCOM" the same
  key) and resolve's entity keys on mentions all collapse variants.

Translations of one wire story in different languages are not detected (no shared shingles):
they count as separate origins unless they attribute the figure to the same claimant.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from collections.abc import Iterable

from ..model import AnnotatedArticle, Claim

__all__ = ["Sources", "claimant_key", "near_duplicate_groups", "shingles", "jaccard"]

DUPLICATE_JACCARD = 0.8
_EXACT_LIMIT = 60  # up to this many articles compare all pairs exactly
_SKETCH = 16  # bottom-k sketch size for candidate pairs in larger events
_ACRONYM = re.compile(r"((?:[A-Z][\w’'-]*\s+(?:(?:of|for|the|and|de|al)\s+)*){1,7})\(([A-Z][A-Za-z-]{1,9})\)")
_JOINT = re.compile(r"\s+(?:and|as\s+well\s+as)\s+")


def claimant_key(name: str) -> str:
    """A loose key for a claimant's name (see the module notes)."""
    text = re.sub(r"['’]s\b", "", name)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"\([^)]*\)", " ", text).replace("u.s.", "us").replace("united states", "us")
    words = [w for w in re.findall(r"[a-z0-9]+", text) if w not in {"the", "a", "an"}]
    if len(words) > 1 and words[0] == "us":
        words = words[1:]
    return " ".join(words)


def shingles(text: str, size: int = 5) -> set[str]:
    words = re.findall(r"\w+", text.lower())
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + size]) for i in range(len(words) - size + 1)}


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def near_duplicate_groups(items: list[AnnotatedArticle], threshold: float = DUPLICATE_JACCARD) -> dict[str, str]:
    """Article id -> origin key; same outlet or near-duplicate text share one origin."""
    ids = sorted(i.article.id for i in items)
    parent = {i: i for i in ids}
    by_id = {i.article.id: i for i in items}
    sets = {i: shingles(by_id[i].article.text) for i in ids}
    for a, b in _candidate_pairs(ids, sets):
        if jaccard(sets[a], sets[b]) > threshold:
            _union(parent, a, b)
    outlets: dict[str, str] = {}
    for i in ids:
        outlet = by_id[i].article.outlet
        if outlet:
            key = claimant_key(outlet)
            if key in outlets:
                _union(parent, outlets[key], i)
            outlets.setdefault(key, i)
    return {i: _origin_name(_find(parent, i), ids, parent, by_id) for i in ids}


def _origin_name(root: str, ids: list[str], parent: dict[str, str], by_id: dict) -> str:
    members = [i for i in ids if _find(parent, i) == root]
    outlets = sorted(claimant_key(by_id[i].article.outlet) for i in members if by_id[i].article.outlet)
    return outlets[0] if outlets else "article " + min(members)


def _candidate_pairs(ids: list[str], sets: dict[str, set[str]]) -> Iterable[tuple[str, str]]:
    """All pairs for small events; else pairs that share a value of their bottom-k shingle
    sketches (the k smallest CRC32 values): texts with Jaccard > 0.8 share most of them, so
    no near-duplicate is missed in practice, and every candidate is then checked exactly."""
    if len(ids) <= _EXACT_LIMIT:
        return [(a, b) for n, a in enumerate(ids) for b in ids[n + 1:]]
    index: dict[int, list[str]] = {}
    for i in ids:
        for value in sorted(zlib.crc32(s.encode("utf-8")) for s in sets[i])[:_SKETCH]:
            index.setdefault(value, []).append(i)
    pairs = {(a, b) for members in index.values() for n, a in enumerate(members) for b in members[n + 1:]}
    return sorted(pairs)


def _find(parent: dict[str, str], x: str) -> str:
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


def _union(parent: dict[str, str], a: str, b: str) -> None:
    ra, rb = _find(parent, a), _find(parent, b)
    if ra != rb:
        parent[max(ra, rb)] = min(ra, rb)


class Sources:
    """Source keys of the claims of one event."""

    def __init__(self, items: list[AnnotatedArticle]) -> None:
        self.origins = near_duplicate_groups(items)
        self.aliases = _aliases(items)

    def key(self, name: str) -> str:
        key = claimant_key(name)
        return self.aliases.get(key, key)

    def of(self, claim: Claim) -> frozenset[str]:
        """The source keys of one claim."""
        if claim.claimant and claim.claimant_explicit:
            parts = [p for p in _JOINT.split(claim.claimant) if p.strip()]
            if len(parts) > 1 and all(len(p.split()) >= 1 for p in parts):
                return frozenset(self.key(p) for p in parts)
            return frozenset({self.key(claim.claimant)})
        return frozenset({self.origins.get(claim.article, "article " + claim.article)})

    def count(self, claims: Iterable[Claim]) -> int:
        """How many independent sources a set of claims has."""
        keys: set[str] = set()
        for claim in claims:
            keys |= self.of(claim)
        return len(keys)


def _aliases(items: list[AnnotatedArticle]) -> dict[str, str]:
    """Acronym and entity-variant keys -> one key, from every article of the event."""
    table: dict[str, str] = {}
    for item in sorted(items, key=lambda i: i.article.id):
        for match in _ACRONYM.finditer(item.article.text):
            full, short = claimant_key(match.group(1)), claimant_key(match.group(2))
            if full and short and full != short:
                table.setdefault(short, full)
        for mention in item.mentions:
            if mention.entity:
                variant, canonical = claimant_key(mention.text), claimant_key(mention.entity)
                if variant and canonical and variant != canonical:
                    table.setdefault(variant, canonical)
    return table
