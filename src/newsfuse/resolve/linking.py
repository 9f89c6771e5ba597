"""Cross-document entity linking: name occurrences -> canonical entities.

Two phases, both independent of input order (everything is computed on sorted sets):

1. Full forms, across all articles: union of forms whose folded keys are equal, whose compact
   transliteration keys are equal ("Deir ez-Zor" / "Deir Ezzor"), that are token-by-token
   transliteration variants ("Yehia Rasool" / "Yahya Rasul"; first and last name for people,
   every token for organisations and places), an acronym and its expansion (defined in the text
   or in the curated table), or an alias and its expansion.
2. Partial forms, within their article first and then within their scope (an event or cluster;
   by default the whole input): a bare
   surname ("Kirby") joins the one person entity of the scope whose full name ends with it; a
   part of a longer organisation or place name ("Central Command", "Revolutionary Guard",
   "the Islamic Resistance") joins the one entity of the scope that contains it; an undefined
   acronym joins the one organisation of the scope it abbreviates. With two or more candidates
   the partial form stays its own entity ("Security Council" next to both the National and the
   UN Security Council; "Smith" next to John and Jane Smith, unless the article of that "Smith"
   names only one of them). Phase 2 never unites two phase-1 entities: it maps the occurrences of
   one article or scope, so nothing chains across scopes. A bare first name joins the one person of
   the scope with that first name; an abbreviated first name joins its long form (Fred / Frederick
   LaRue) unless that would put two different first names in one entity.

Canonical name of an entity: an expansion named by an acronym definition or an alias entry if the
entity has one ("US Central Command" for CENTCOM, "Iran" for "Islamic Republic of Iran"; an
acronym alone is named by its expansion); otherwise, among its variants (after title stripping),
the most complete one (not an acronym, then most tokens), then the one whose words are most used across the entity's
occurrences (a per-word vote: "Yahya Rasool" over "Yehia Rasool" and "Yahya Rasul"), then the
most frequent variant, then alphabetical order.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from .aliases import ALIASES, alias_for, country_aliases
from .names import KINDS, NameForm, fold, name_form, skeleton, straighten, tokens_match, translit

__all__ = ["Occurrence", "Entity", "EntityIndex"]

_GENERIC = frozenset({"force", "forces", "group", "council", "ministry", "army", "command", "government",
                      "party", "state", "security", "national", "united", "department", "office", "agency",
                      "committee", "court", "police", "news", "the", "republic", "islamic"})


@dataclass(frozen=True)
class Occurrence:
    """One name as an article writes it. ``label`` is a spaCy label (PERSON, ORG, GPE, ...) or a
    coarse kind (PER, ORG, LOC); ``scope`` bounds where partial names are resolved."""

    text: str
    label: str
    doc: str = ""
    scope: str = ""
    votes: int = 1  # weight in the choice of the canonical name (0: a quote's speaker, already a mention)


@dataclass
class Entity:
    """A canonical entity: ``id`` is unique in the index (the canonical name, with " #2" ...
    only if two entities would share it); ``variants`` counts each surface form."""

    id: str
    canonical: str
    kind: str
    variants: dict[str, int] = field(default_factory=dict)
    articles: list[str] = field(default_factory=list)


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


class EntityIndex:
    """Entities built from name occurrences; answers which entity an occurrence belongs to."""

    def __init__(self, occurrences: Iterable[Occurrence], definitions: Iterable[tuple[str, str]] = ()) -> None:
        occs = [o for o in occurrences if KINDS.get(o.label, o.label) in ("PER", "ORG", "LOC") and o.text.strip()]
        self._kind_of = _majority_kinds(occs)
        self._forms = {s: name_form(s, k) for s, k in sorted(self._kind_of.items())}
        self._forms = {s: f for s, f in self._forms.items() if f.tokens}
        self._uf = _UnionFind()
        self._virtual: dict[str, NameForm] = {}
        self._link_full(sorted(set(definitions)))
        self._scoped = self._link_partial(occs)
        self._build_entities(occs)

    # ---- phase 1 -------------------------------------------------------------------------
    def _link_full(self, definitions: list[tuple[str, str]]) -> None:
        by_key: dict[str, str] = {}
        by_compact: dict[str, str] = {}
        for surface, form in self._forms.items():
            self._uf.find(surface)
            _join(self._uf, by_key, form.key, surface)
            if len(form.tokens) > 1 or not form.acronym:
                _join(self._uf, by_compact, _compact(form), surface)
        self._link_aliases(by_key, definitions)
        self._link_fuzzy()

    def _link_aliases(self, by_key: dict[str, str], definitions: list[tuple[str, str]]) -> None:
        alias_keys = _alias_index()
        pairs = [(s, e) for s, e in definitions]
        for surface, form in self._forms.items():
            expansion = alias_for(form.display) or alias_keys.get(_translit_key(form.tokens))
            if expansion:
                pairs.append((surface, expansion))
        self._targets: set[str] = set()
        for short, expansion in pairs:
            if short not in self._forms:
                continue
            target = name_form(expansion, "ORG" if self._forms[short].kind == "PER" else self._forms[short].kind)
            if not target.tokens or target.key == self._forms[short].key:
                continue
            self._targets.add(target.key)
            node = by_key.get(target.key)
            if node is None:
                node = "\x00" + expansion  # a virtual form: the expansion names the entity
                self._virtual[node] = target
                by_key[target.key] = node
            self._uf.union(short, node)

    def _link_fuzzy(self) -> None:
        blocks: dict[str, list[str]] = defaultdict(list)
        for surface, form in self._forms.items():
            if len(form.tokens) > 1:
                blocks[skeleton(form.tokens[-1])].append(surface)
        for block in blocks.values():
            groups: dict[str, list[NameForm]] = defaultdict(list)
            for s in block:
                groups[self._uf.find(s)].append(self._forms[s])
            for i, a in enumerate(block):
                for b in block[i + 1:]:
                    ra, rb = self._uf.find(a), self._uf.find(b)
                    if ra == rb or not full_match(self._forms[a], self._forms[b]):
                        continue
                    # No chaining through a short form: "Chris Smith" must not join Christine and
                    # Christopher Smith into one person.
                    if all(_compatible(x, y) for x in groups[ra] for y in groups[rb]):
                        self._uf.union(a, b)
                        root = self._uf.find(a)
                        merged = groups.pop(ra) + groups.pop(rb)
                        groups[root] = merged

    # ---- phase 2 -------------------------------------------------------------------------
    def _link_partial(self, occs: list[Occurrence]) -> dict[tuple[str, str, str], str]:
        """Partial forms resolved within their article first (the "Smith" of an article that
        names John Smith is John Smith, whoever else the scope names), then within their scope."""
        groups: dict[tuple[str, str], set[str]] = defaultdict(set)
        for o in occs:
            if o.text in self._forms:
                groups[("doc", o.doc)].add(o.text)
                groups[("scope", o.scope)].add(o.text)
        partial: dict[tuple[str, str, str], str] = {}
        self._complete = self._complete_roots()
        for level, name in sorted(groups):
            surfaces = sorted(groups[(level, name)])
            index = self._scope_index(surfaces)
            for s in surfaces:
                target = self._fit(self._forms[s], self._uf.find(s), index)
                if target is not None:
                    partial[(level, name, s)] = target
        return partial

    def _scope_index(self, surfaces: list[str]) -> dict[str, list[tuple[str, NameForm]]]:
        """Multi-token forms of a scope by the skeleton of each token, and by initial letter
        (for acronyms): the only candidates a part can fit."""
        index: dict[str, list[tuple[str, NameForm]]] = defaultdict(list)
        for s in surfaces:
            form = self._forms[s]
            if len(form.tokens) < 2:
                continue
            root = self._uf.find(s)
            for key in {skeleton(t) for t in form.tokens} | {"\x00" + form.display[:1].upper()}:
                index[key].append((root, form))
        return index

    def _fit(self, form: NameForm, own: str, index: dict[str, list[tuple[str, NameForm]]]) -> str | None:
        """The one other entity of the scope that ``form`` is a part of, if exactly one."""
        if own in self._complete:
            return None
        key = "\x00" + form.display[:1].upper() if form.acronym else skeleton(form.tokens[0])
        fits = {root for root, full in index.get(key, ()) if root != own and partial_fits(form, full)}
        return fits.pop() if len(fits) == 1 else None

    def _complete_roots(self) -> set[str]:
        """Entities that hold an acronym and its expansion, or an alias: complete names, never parts."""
        complete = {self._uf.find(n) for n in self._virtual}
        kinds: dict[str, set[bool]] = defaultdict(set)
        for s, f in self._forms.items():
            kinds[self._uf.find(s)].add(f.acronym)
        return complete | {r for r, k in kinds.items() if k == {True, False}}

    # ---- entities ------------------------------------------------------------------------
    def _build_entities(self, occs: list[Occurrence]) -> None:
        members: dict[str, Counter] = defaultdict(Counter)
        votes: dict[str, Counter] = defaultdict(Counter)
        docs: dict[str, set[str]] = defaultdict(set)
        for o in occs:
            root = self.root_of(o)
            if root is not None:
                members[root][o.text] += 1
                votes[root][o.text] += o.votes
                docs[root].add(o.doc)
        for node in self._virtual:
            root = self._uf.find(node)
            if root in members:
                votes[root][node] += 0
        self._entities: dict[str, Entity] = {}
        self._by_root: dict[str, Entity] = {}
        for root in sorted(members, key=lambda r: sorted(members[r])):
            entity = self._make_entity(members[root], votes[root], docs[root])
            self._by_root[root] = entity
            self._entities[entity.id] = entity

    def _make_entity(self, counts: Counter, votes: Counter, docs: set[str]) -> Entity:
        forms = {s: (self._virtual.get(s) or self._forms[s]) for s in votes}
        displays = _display_counts(votes, forms)
        preferred = {f.display: displays[f.display] for f in forms.values() if f.key in self._targets}
        canonical = choose_canonical(preferred or displays)
        kinds = Counter()
        for s, n in counts.items():
            kinds[forms[s].kind] += n
        kind = sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        uid, n = canonical, 2
        while uid in self._entities:
            uid, n = f"{canonical} #{n}", n + 1
        variants = {s: c for s, c in sorted(counts.items()) if not s.startswith("\x00")}
        return Entity(uid, canonical, kind, variants, sorted(docs))

    # ---- queries -------------------------------------------------------------------------
    def root_of(self, occ: Occurrence) -> str | None:
        if occ.text not in self._forms:
            return None
        return (self._scoped.get(("doc", occ.doc, occ.text)) or self._scoped.get(("scope", occ.scope, occ.text))
                or self._uf.find(occ.text))

    def entity_of(self, text: str, scope: str = "", doc: str | None = None) -> Entity | None:
        """The entity of the name ``text`` as it occurs in ``scope`` (and in article ``doc``,
        when given); None if the name is not indexed."""
        root = self.root_of(Occurrence(text, "ORG", "\x00" if doc is None else doc, scope))
        return None if root is None else self._by_root.get(root)

    def entities(self) -> list[Entity]:
        """All entities, sorted by id."""
        return [self._entities[k] for k in sorted(self._entities)]

    def get(self, entity_id: str) -> Entity | None:
        return self._entities.get(entity_id)


def _join(uf: _UnionFind, table: dict[str, str], key: str, surface: str) -> None:
    if not key:
        return
    if key in table:
        uf.union(table[key], surface)
    else:
        table[key] = surface


def _compact(form: NameForm) -> str:
    """The whole display name as one transliteration key, articles kept: "deirezor"."""
    letters = "".join(c for c in fold(form.display) if c.isalnum())
    return translit(letters) if len(letters) >= 6 else ""


def _translit_key(tokens: tuple[str, ...]) -> str:
    return " ".join(translit(t) for t in tokens)


_ALIAS_INDEX: dict[str, str] = {}


def _alias_index() -> dict[str, str]:
    """Transliteration keys of the curated alternative names (not of the acronyms)."""
    if not _ALIAS_INDEX:
        for name, expansion in ALIASES.items():
            form = name_form(name, "ORG")
            if not form.acronym and form.tokens:
                _ALIAS_INDEX[_translit_key(form.tokens)] = expansion
        for name, short in country_aliases().items():
            form = name_form(name, "LOC")
            if form.tokens:
                _ALIAS_INDEX.setdefault(_translit_key(form.tokens), short)
    return _ALIAS_INDEX


def _majority_kinds(occs: list[Occurrence]) -> dict[str, str]:
    votes: dict[str, Counter] = defaultdict(Counter)
    for o in occs:
        votes[o.text][KINDS.get(o.label, o.label)] += 1
    order = {"PER": 0, "ORG": 1, "LOC": 2}
    return {s: sorted(c.items(), key=lambda kv: (-kv[1], order[kv[0]]))[0][0] for s, c in votes.items()}


def _display_counts(counts: Counter, forms: dict[str, NameForm]) -> dict[str, int]:
    out: Counter = Counter()
    for s, n in counts.items():
        out[forms[s].display] += n  # virtual expansions count 0 but stay candidates
    return dict(out)


def full_match(a: NameForm, b: NameForm) -> bool:
    """Two multi-token forms name the same entity (spelling variants)."""
    if a.kind == "PER" and b.kind == "PER":
        return _person_match(a.tokens, b.tokens)
    if len(a.tokens) != len(b.tokens):
        return False
    return all(tokens_match(x, y) for x, y in zip(a.tokens, b.tokens))


def _person_match(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if not (_first_names_match(a[0], b[0]) and tokens_match(a[-1], b[-1])):
        return False
    mid_a, mid_b = a[1:-1], b[1:-1]
    if mid_a and mid_b:  # both give middle names or initials: they must agree (H. W. / W.)
        return len(mid_a) == len(mid_b) and all(x[0] == y[0] for x, y in zip(mid_a, mid_b))
    return True


def _compatible(a: NameForm, b: NameForm) -> bool:
    """Two forms of one group may stand together: people need compatible first names."""
    if a.kind != "PER" or b.kind != "PER" or len(a.tokens) < 2 or len(b.tokens) < 2:
        return True
    return _first_names_match(a.tokens[0], b.tokens[0])


def _first_names_match(a: str, b: str) -> bool:
    """Same first name, a spelling variant, or a short form of it (Fred / Frederick, J / John)."""
    if tokens_match(a, b):
        return True
    short, long = sorted((a, b), key=len)
    return long.startswith(short) and (len(short) == 1 or len(short) >= 3)


def partial_fits(part: NameForm, full: NameForm) -> bool:
    """``part`` can be a shortened mention of ``full``."""
    if len(full.tokens) <= len(part.tokens):
        return False
    if part.acronym and len(part.tokens) == 1:
        # Two-letter acronyms (AL, PA, US) are too ambiguous to expand from the scope.
        return (len(part.tokens[0]) >= 3 and full.kind == "ORG" and not full.acronym
                and _abbreviates(part.display, full.display))
    if len(part.tokens) == 1:
        # A bare surname of a person (whatever NER called the bare form).
        if full.kind != "PER" or part.kind not in ("PER", "ORG"):
            return False
        return tokens_match(part.tokens[0], full.tokens[-1]) or (part.kind == "PER" and part.tokens[0] == full.tokens[0])
    if part.kind == "PER" and full.kind == "PER":
        # "Boone Isaacs" of "Cheryl Boone Isaacs": the surname part of a longer name.
        return all(tokens_match(p, f) for p, f in zip(part.tokens, full.tokens[-len(part.tokens):]))
    if part.kind != full.kind or part.kind == "PER":
        return False
    if all(t in _GENERIC for t in part.tokens) or _after_preposition(part.display, full.display):
        return False
    return _contiguous(part.tokens, full.tokens)


def _after_preposition(part: str, full: str) -> bool:
    """"Gulf of Aden" in "Transit Corridor in the Gulf of Aden" names a second thing (a place
    the first is in), as does an owner in "X's Y"; neither is a short form of the whole."""
    owner = re.search(re.escape(straighten(part).lower()) + r"'s?\s+\w", straighten(full).lower())
    part, full = fold(part), fold(full)
    found = re.search(r"(?:^|\s)(in|of|for|at|near|on|from|to|and)\s+(?:the\s+)?" + re.escape(part) + r"\b", full)
    return found is not None or owner is not None


def _contiguous(part: tuple[str, ...], full: tuple[str, ...]) -> bool:
    n = len(part)
    return any(all(tokens_match(p, f) for p, f in zip(part, full[i:i + n])) for i in range(len(full) - n + 1))


def _abbreviates(short: str, long: str) -> bool:
    """An acronym with no definition in sight: strictly the initials of the long form's words
    (function words may be skipped), e.g. NSC / National Security Council."""
    words = [w for w in re.split(r"[\s\-]+", long) if w]
    if short.upper() in (w.upper() for w in words):
        return False
    letters = short.replace(".", "").lower()
    initials = "".join(w[0].lower() for w in words)
    content = "".join(w[0].lower() for w in words if w.lower() not in _FUNCTION)
    return len(words) >= 2 and letters in (initials, content)


_FUNCTION = frozenset({"of", "for", "the", "and", "in", "on", "at", "de", "al", "el"})


def choose_canonical(display_counts: dict[str, int]) -> str:
    """The canonical name among display forms with their occurrence counts (rule above)."""
    word_votes: Counter = Counter()
    for display, n in display_counts.items():
        for word in set(_spelling(display)):
            word_votes[word] += n

    def score(display: str) -> tuple:
        words = _spelling(display)
        tokens = [w for w in fold(display).replace("-", " ").split() if w not in _FUNCTION]
        return (not _is_acr(display), len(tokens), sum(word_votes[w] for w in set(words)),
                display_counts[display])

    if len(display_counts) == 1:
        return next(iter(display_counts))
    scores = {d: score(d) for d in display_counts}
    best = max(scores.values())
    return min(d for d, sc in scores.items() if sc == best)


def _spelling(display: str) -> list[str]:
    """Words as spelled (apostrophes kept, case folded): the vote is about spelling."""
    return straighten(display).lower().replace("-", " ").split()


def _is_acr(display: str) -> bool:
    letters = display.replace(".", "")
    return letters.isupper() and letters.isalpha() and len(letters) <= 8
