"""Place cues of an article's URL: the town or state its host names ("<town>herald.com",
"nbc<state>.com"), a state named as a path section ("/news/minnesota/") and the places of
the headline slug (see :mod:`.place_names` for the other place names of an article)."""

from __future__ import annotations

import functools
import re
from urllib.parse import urlsplit

from .gazetteer import get_gazetteer, name_key, state_code
from .place_names import _NOT_PLACES, Candidate, headline_candidates

__all__ = ["url_candidates"]


# URLs. The host of a local outlet often spells its town or state ("<town>herald.com",
# "nbc<state>.com", "fox13<town>.com"); the last path segment is often the headline as a slug
# ("teen-shot-in-<town>-sunday"), the only words about the place when the crawl got no text.
_HOST_MIN_POPULATION = 100_000  # towns known well enough to name an outlet after them
_HOST_PREFIXES = ("nbc", "cbs", "abc", "fox", "cw", "my", "news", "the")  # network brands before the name
_HOST_SKIP = frozenset({"www", "m", "amp", "mobile", "beta", "web", "edition"})
_SLUG_WORDS = re.compile(r"[a-z]+")


def url_candidates(url: str | None) -> list[Candidate]:
    """Places of the article's URL: the town or state its host names (source "outlet": context
    and a fallback, as the outlet segment of the title) and the places of its slug (source "url")."""
    if not url:
        return []
    try:
        parts = urlsplit(url)
    except ValueError:
        return []
    return _host_candidates(parts.hostname or "") + _path_states(parts.path) + _slug_candidates(parts.path)


def _path_states(path: str) -> list[Candidate]:
    """A path segment that is a state's name ("/news/minnesota/...", "/new-jersey/"): the
    section of a regional site, as the outlet segment of a title."""
    for segment in path.lower().split("/")[:4]:
        name = segment.replace("-", " ").replace("_", " ").strip()
        if len(name) > 3 and state_code(name) and name != "washington":
            return [Candidate(name.title(), "outlet", label="STATE")]
    return []


def _host_candidates(host: str) -> list[Candidate]:
    labels = [label for label in host.lower().split(".")[:-1] if label not in _HOST_SKIP]
    out = []
    for label in labels:
        found = _host_name(label.replace("-", ""))
        if found is not None:
            name, state = found
            if state_code(name) == state:  # the state itself
                out.append(Candidate(name, "outlet", label="STATE"))
            else:
                out.append(Candidate(name, "outlet", state=state, label="GPE"))
    return out[:1]


def _host_name(label: str) -> tuple[str, str | None] | None:
    """The longest town or state name at the start of ``label``, or right after a broadcast
    brand or a channel number ("fox13..."); names inside words ("trentonian" holds "renton") don't count."""
    table = _host_table()
    starts = {0} | {i for i in range(1, len(label)) if label[i - 1].isdigit() and not label[i].isdigit()}
    starts |= {len(p) for p in _HOST_PREFIXES if label.startswith(p) and len(p) < len(label)}
    best = None
    for start in sorted(starts):
        for end in range(len(label), start + 3, -1):
            hit = table.get(label[start:end])
            if hit and (best is None or end - start > best[0]):
                best = (end - start, hit)
                break
    return best[1] if best else None


@functools.lru_cache(maxsize=1)
def _host_table() -> dict[str, tuple[str, str | None]]:
    """Spaceless keys of US states and sizable US towns -> (name, state code); a town bigger
    than its state's namesake wins the key ("washington" is the capital)."""
    from .gazetteer import _state_names

    table: dict[str, tuple[str, str | None]] = {}
    for key, code in _state_names().items():
        state = get_gazetteer().state(code)
        if state is not None:
            table[key.replace(" ", "")] = (state.name, code)
    towns = [e for e in get_gazetteer().entries if e.country == "US" and e.kind == "town"
             and e.population >= _HOST_MIN_POPULATION]
    for entry in sorted(towns, key=lambda e: e.population):
        key = name_key(entry.name).replace(" ", "")
        if key in table and table[key][0] == table[key][1] and entry.population < 500_000:
            continue  # "virginia" stays the state
        table[key] = (entry.name, entry.admin1)
    return table


def _slug_candidates(path: str) -> list[Candidate]:
    """Places of a headline slug, read as a title-case headline (weak: source "url")."""
    segments = [s for s in path.split("/") if s.count("-") + s.count("_") >= 3]
    if not segments:
        return []
    slug = max(segments, key=len)
    words = [w for w in re.split(r"[-_]+", slug.lower().rsplit(".", 1)[0]) if _SLUG_WORDS.fullmatch(w)]
    head = " ".join(w if w in _SLUG_LOWER else w.capitalize() for w in words)
    out = []
    for cand in headline_candidates(head):
        if cand.name.lower() not in _NOT_PLACES and cand.label != "STATE":
            cand.source = "url"
            out.append(cand)
    return out


# Slug words that stay lower case so that the headline patterns read them as in a title.
_SLUG_LOWER = frozenset({"in", "near", "outside", "inside", "at", "of", "man", "woman", "teen", "teens", "boy", "girl",
                         "child", "toddler", "officer", "police", "cop", "deputy", "family", "mother", "father",
                         "resident", "student", "students", "shooting", "shootings", "homicide", "murder", "home",
                         "house", "apartment", "neighborhood", "school", "area", "the", "a", "an", "and", "to",
                         "on", "for", "after", "by", "with", "is", "was", "are", "says", "say", "said"})
