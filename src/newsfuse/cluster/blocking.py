"""Candidate generation: block keys, so that a new article meets only a few stored ones.

Two articles are compared when they share at least one block key. Keys are a pure
function of one article, so the set of compared pairs does not depend on the order in
which articles arrive (what order independence needs). Every key carries a time
bucket, which keeps blocks small in an archive of millions:

- ``p:`` place (town or geonameid) x 8-day window;
- ``s:`` surname x 8-day window; ``n:`` full name x 1-year window (follow-up stories)
  and without time;
- ``t:`` one of the article's most distinctive terms x 8-day window;
- ``r:`` a rare capitalised word (surname, street) x 1-year window, and without time;
- ``u:`` a pair of its distinctive terms x 1-year window;
- ``l:`` a MinHash LSH band (near-duplicates, wire copies) x 1-year window.

Windows come in two grids shifted by half a window, so two dates less than half a
window apart always share a bucket. Articles with no date at all share the bucket
``-``: they meet each other and nothing dated (documented limit).
"""

from __future__ import annotations

from datetime import date

from .features import RARE_WEIGHT, ArticleFeatures, stable_hash, term_weight

__all__ = ["block_keys", "BAND_ROWS", "TOP_TERMS"]

SHORT_WINDOW = 8
LONG_WINDOW = 366
TOP_TERMS = 10  # distinctive terms used as single keys (short window)
PAIR_TERMS = 5  # distinctive terms whose pairs are keys (long window)
RARE_NAMES = 8  # rare capitalised words (surnames, streets) used as keys (long window)
BAND_ROWS = 4  # MinHash rows per LSH band (64 perms -> 16 bands, ~50% Jaccard)


def block_keys(f: ArticleFeatures) -> list[str]:
    """The sorted, de-duplicated block keys of one article."""
    short, long_ = _buckets(f, SHORT_WINDOW), _buckets(f, LONG_WINDOW)
    keys: set[str] = set()
    place = str(f.geonameid) if f.geonameid is not None else (f"{f.admin1}|{f.town}" if f.town else None)
    if place:
        keys.update(f"p:{place}:{b}" for b in short)
    for surname in f.surnames:
        keys.update(f"s:{surname}:{b}" for b in short)
    # Names are also keyed without time ("-"), so that an undated article meets dated
    # reports of its event; rare names and full names keep those blocks small.
    for person in f.persons:
        keys.update(f"n:{person}:{b}" for b in [*long_, "-"])
    distinctive = _distinctive(f)
    for term in distinctive[:TOP_TERMS]:
        keys.update(f"t:{term}:{b}" for b in short)
    top = distinctive[:PAIR_TERMS]
    for i in range(len(top)):
        for j in range(i + 1, len(top)):
            pair = "|".join(sorted((top[i], top[j])))
            keys.update(f"u:{pair}:{b}" for b in long_)
    for word in _rare_names(f)[:RARE_NAMES]:
        keys.update(f"r:{word}:{b}" for b in [*long_, "-"])
    for band in _bands(f.minhash):
        keys.update(f"l:{band}:{b}" for b in long_)
    return sorted(keys)


def _distinctive(f: ArticleFeatures) -> list[str]:
    """Heaviest terms, capitalised words (names, places) first; no bare numbers."""
    ranked = [t for t in f.top_terms(40) if not t.isdigit()]
    propers = set(f.propers)
    return [t for t in ranked if t in propers] + [t for t in ranked if t not in propers]


def _rare_names(f: ArticleFeatures) -> list[str]:
    """Rare capitalised words, heaviest first: the names a follow-up story repeats."""
    rare = [t for t in f.propers if term_weight(t) >= RARE_WEIGHT]
    return sorted(rare, key=lambda t: (-f.terms.get(t, 0.0), t))


def _bands(minhash: list[int]) -> list[str]:
    out = []
    for start in range(0, len(minhash) - BAND_ROWS + 1, BAND_ROWS):
        rows = ",".join(str(v) for v in minhash[start : start + BAND_ROWS])
        out.append(f"{start // BAND_ROWS}-{stable_hash(rows)}")
    return out


def _buckets(f: ArticleFeatures, window: int) -> list[str]:
    """Bucket labels of the article's event and publication dates, in two grids
    shifted by half a window."""
    dates = sorted({d for d in (f.event_date, f.published) if d})
    # Without a publication date the article also joins the undated bucket: an event
    # date read from such a text is a guess, and undated articles must meet each other.
    half, out = window // 2, set() if f.published else {"-"}
    for when in dates:
        day = date.fromisoformat(when).toordinal()
        out.update((f"{window}a{day // window}", f"{window}b{(day + half) // window}"))
    return sorted(out)
