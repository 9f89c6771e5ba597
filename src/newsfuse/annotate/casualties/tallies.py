"""Article totals: victims merged across sentences, and the killed / injured / shot count
of the article. See the package docstring for the rules."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .statements import LEAD_CHARS, Statement, FEMALE_WORDS, MALE_WORDS, PERSON_NOUN

__all__ = ["Total", "article_totals", "this_incident", "victims"]


@dataclass
class _Victim:
    keys: set[str]
    killed: bool
    statement: Statement
    killed_by: Statement | None = None
    order: int = 0
    hurt: bool = False  # said to be wounded and alive (else only "shot")
    wounded: bool = False  # said to be hurt in some mention, even one that tells the death


def victims(statements: list[Statement], lead: int | None = LEAD_CHARS) -> list[_Victim]:
    """Distinct single victims of an article, merged across sentences (see the module doc).
    Past the lead (``lead`` characters of text) a mention only adds to known victims."""
    found: list[_Victim] = []
    hurt_in = {(s.sentence, s.title) for s in statements if s.slot == "injured" and s.quantity is None and not s.background}
    for order, st in enumerate(_mentions(statements)):
        target = _match_victim(found, st)
        if target is None and not _in_lead(st, lead):
            continue
        if target is None:
            target = _Victim(set(), False, st)
            found.append(target)
        target.keys |= st.victim
        target.order = order
        if st.slot == "killed" and not target.killed:
            target.killed, target.killed_by = True, st
        target.hurt = target.hurt or st.slot == "injured" or st.new_victim
        target.wounded = target.wounded or target.hurt or (st.sentence, st.title) in hurt_in
    return found


def _mentions(statements: list[Statement]) -> list[Statement]:
    """Single-victim statements, with those of one sentence about the same victim (same
    keys, or a bare pronoun after another mention) folded into one, killed first."""
    merged: list[Statement] = []
    for st in statements:
        if st.background or not _is_single(st):
            continue
        last = merged[-1] if merged else None
        if last is not None and last.sentence == st.sentence and last.title == st.title and (
            st.victim == last.victim or not st.victim or _generic(st.victim) or _generic(last.victim)
        ):
            slot = st.slot if _RANK[st.slot] > _RANK[last.slot] else last.slot
            merged[-1] = Statement(slot, None, last.start, max(st.end, last.end), last.sentence, last.scope,
                                   last.victim | st.victim, last.definite, last.new_victim, False, last.title, last.text)
            continue
        merged.append(st)
    return merged


def _generic(keys: frozenset[str]) -> bool:
    """Keys that say no more than "a victim" or "a person"."""
    return bool(keys) and keys <= {"noun:victim", "noun:person"}


_RANK = {"shot": 0, "injured": 1, "killed": 2}


def _is_single(st: Statement) -> bool:
    """A single victim: no number, or "one man was killed" (then keyed by its noun)."""
    if st.quantity is None:
        return True
    if st.quantity.value == 1 and st.quantity.qualifier == "exact" and not st.victim:
        noun = PERSON_NOUN.search(f"a {st.scope or 'person'}")
        st.victim = frozenset({f"noun:{noun.group('noun').lower()}"}) if noun else frozenset({"noun:person"})
        st.definite = False
        return True
    return False


def _kind(keys, prefix: tuple[str, ...]) -> set[str]:
    return {k for k in keys if k.startswith(prefix)}


def _match_victim(found: list[_Victim], st: Statement) -> _Victim | None:
    pool = _candidates(found, st)
    names = _kind(st.victim, ("name:", "first:"))
    ages = _kind(st.victim, ("age:",))
    nouns = {k[5:] for k in st.victim if k.startswith("noun:")}
    if names:
        hits = [v for v in pool if _same_name(v.keys, names)]
        if not hits and ages:  # same age, and not two different full names
            hits = [v for v in pool if _same_age(ages, v.keys) and not _other_full_name(v.keys, names)]
        if hits:
            return _merge(found, hits)
        return None if st.new_victim else _open_victim(pool, st, nouns, ages)
    if ages:
        hits = [v for v in pool if _same_age(ages, v.keys) and not _other_full_name(v.keys, names)]
        if hits:
            return max(hits, key=lambda v: v.order)
        return None if st.new_victim else _open_victim(pool, st, nouns, ages, unnamed_only=False)
    if st.new_victim:
        return None
    recent = sorted(pool, key=lambda v: v.order, reverse=True)
    if not nouns or nouns <= {"victim", "person"}:
        return recent[0] if recent else None  # "he later died": the last one told of
    recent = _dead_first(recent, st)
    same = [v for v in recent if nouns & {k[5:] for k in v.keys}]
    if same:
        return same[0]
    if st.definite:
        return next((v for v in recent if _compatible(v, nouns)), None)
    return _lone_dead(pool, st, nouns) or _lone_shot(pool, st, nouns)


def _candidates(found: list[_Victim], st: Statement) -> list[_Victim]:
    """The victims ``st`` may be: "shot and wounded her son, then killed herself" is two
    people, so the shooter's own death is not someone he shot in that sentence, and
    someone he shot is not a shooter who killed himself."""
    if st.shooter_self:
        return [v for v in found if not _shot_by_shooter(v, st)]
    if st.active and st.quantity is None:
        return [v for v in found if not (v.killed_by is not None and v.killed_by.shooter_self)]
    return found


def _shot_by_shooter(victim: _Victim, st: Statement) -> bool:
    """True when ``victim`` was brought in as the object of an active verb ("wounded her
    son") in the sentence where the shooter kills himself: someone he shot, not him."""
    first = victim.statement
    return first.active and first.quantity is None and (first.sentence, first.title) == (st.sentence, st.title)


def _lone_shot(found: list[_Victim], st: Statement, nouns: set[str]) -> _Victim | None:
    """The one victim so far, alive, that an indefinite description of a shooting fits
    ("Girl, 2, shot" ... "a child had been shot"): a story told of one victim re-introduces
    her; not across adult and child nouns."""
    if len(found) != 1 or st.slot == "killed" or found[0].killed:
        return None
    mine = {k[5:] for k in found[0].keys if k.startswith("noun:")}
    both = mine | nouns
    if both & _CHILD_NOUNS and both & _ADULT_NOUNS:
        return None
    return found[0] if _compatible(found[0], nouns) else None


def _dead_first(recent: list[_Victim], st: Statement) -> list[_Victim]:
    """For a death, victims not said to be alive first: "1 dead, 4 hurt ... Another man is in
    critical condition. The man who died ..." is the dead man, not the last one mentioned."""
    if st.slot != "killed":
        return recent
    return sorted(recent, key=lambda v: v.hurt and not v.killed)


_SHOOTER_KEYS = ("noun:suspect", "noun:gunman", "noun:shooter")


def _lone_dead(found: list[_Victim], st: Statement, nouns: set[str]) -> _Victim | None:
    """The one dead victim an indefinite description of a death can be: a lede re-introduces
    the victim of its headline ("Boy, 7, dies" ... "A seven-year-old boy has died"; "1 dead"
    ... "a man died"); a "shot" mention can be a dead victim's too ("a juvenile was shot")."""
    # not a shooter who killed himself ("murder-suicide" ... "a woman was shot")
    dead = [v for v in found if v.killed and _compatible(v, nouns) and not _kind(v.keys, _SHOOTER_KEYS)
            ] if st.slot != "injured" else []
    if len(dead) == 1:
        return dead[0]
    # "one person killed" ... "one man was killed": the one victim described no further
    generic = [v for v in found if {k[5:] for k in v.keys} <= {"person", "victim"}
               and (v.killed == (st.slot == "killed") or (st.slot == "shot" and v.killed))]
    return generic[0] if len(generic) == 1 else None


def _other_full_name(keys: set[str], names: set[str]) -> bool:
    """True when both carry a full name (given name and surname) and they differ."""
    mine = {k for k in names if k.startswith("first:")}
    theirs = {k for k in keys if k.startswith("first:")}
    return bool(mine and theirs and not _same_name(keys, names))


def _same_name(keys: set[str], names: set[str]) -> bool:
    """Full names match on the surname; a lone name matches a surname or a given name."""
    surnames = {k for k in names if k.startswith("name:")}
    if any(k.startswith("first:") for k in names):
        return bool(surnames & keys)
    lone = {k[5:] for k in surnames}
    return any(k.split(":", 1)[1] in lone for k in keys if k.startswith(("name:", "first:")))


def _open_victim(found, st, nouns, ages, unnamed_only=True) -> _Victim | None:
    """The one earlier victim, not yet named (or aged), that this mention can be."""
    def fits(v: _Victim) -> bool:
        if unnamed_only and _kind(v.keys, ("name:", "first:")):
            return False
        other_ages = _kind(v.keys, ("age:",))
        return _compatible(v, nouns, ages) and not (ages and other_ages and not _same_age(ages, other_ages))

    open_ = [v for v in found if fits(v)]
    if len(open_) > 1:
        open_ = [v for v in open_ if v.killed == (st.slot == "killed")]
    return open_[0] if len(open_) == 1 else None


def _merge(found: list[_Victim], hits: list[_Victim]) -> _Victim:
    first = hits[0]
    for other in hits[1:]:
        first.keys |= other.keys
        if other.killed and not first.killed:
            first.killed, first.killed_by = True, other.killed_by
        found.remove(other)
    return first


def _compatible(victim: _Victim, nouns: set[str], ages: set[str] = frozenset()) -> bool:
    """No clash of sex ("a man" / "the woman") or of age and noun ("Smith, 43" / "the baby")."""
    mine = {k[5:] for k in victim.keys if k.startswith("noun:")}
    male, female = (mine | nouns) & MALE_WORDS, (mine | nouns) & FEMALE_WORDS
    if male and female:
        return False
    return _ages_fit(_kind(victim.keys, ("age:",)), nouns) and _ages_fit(ages, mine)


# Nouns only a child (or a teen) is called, and nouns only an adult is: "Smith, 43" is not
# "the baby", "a 4-year-old" is not "the woman".
_CHILD_NOUNS = {"baby", "infant", "toddler", "newborn", "child", "boy", "girl", "juvenile", "teen", "teenager"}
_ADULT_NOUNS = {"man", "woman", "husband", "wife", "father", "mother", "boyfriend", "girlfriend", "grandmother",
                "grandfather", "stepfather", "veteran", "soldier", "officer", "deputy", "trooper"}


def _ages_fit(ages: set[str], nouns: set[str]) -> bool:
    years = [_years(k) for k in ages]
    if any(y >= 20 for y in years) and nouns & _CHILD_NOUNS:
        return False
    return not (any(y <= 12 for y in years) and nouns & _ADULT_NOUNS)


def _years(key: str) -> int:
    """Age in whole years of an "age:" key ("age:20m" = 1, "age:3w" = 0)."""
    value = key[4:].lower()
    if value.endswith("m"):
        return int(value[:-1]) // 12
    return 0 if value.endswith("w") else int(value)


def _same_age(ages: set[str], keys: set[str]) -> bool:
    """Ages that match, in whole years ("the 20-month-old" is "a 1-year-old boy")."""
    return bool({_years(k) for k in ages} & {_years(k) for k in _kind(keys, ("age:",))})


@dataclass
class Total:
    """An article's best figure for one slot and the statement that decided it."""

    slot: str
    value: int
    qualifier: str
    low: float | None
    high: float | None
    statement: Statement
    scope: str | None = None
    basis: str = "statement"  # "statement", "victims", "shot minus killed", "statement plus shooter"


def _in_lead(st: Statement, lead: int | None) -> bool:
    return st.title or lead is None or st.sentence[0] < lead


def this_incident(statements: list[Statement], lead: int | None = LEAD_CHARS) -> list[Statement]:
    """``statements`` with those dated before the article's incident ("In March a man was
    shot dead there") set as background, when the title or lead tells of a casualty
    undated: that is the incident, the dated one an earlier case. A story told only in the
    past (a follow-up: "Last month, John Doe was killed") keeps its dated statements."""
    if not any(s.earlier and not s.background for s in statements):
        return statements
    if not any(_in_lead(s, lead) and not (s.background or s.earlier) for s in statements):
        return statements
    return [replace(s, background=True) if s.earlier else s for s in statements]


def article_totals(statements: list[Statement], lead: int | None = LEAD_CHARS) -> dict[str, Total]:
    """The article's best killed, injured and shot figures (see the module doc)."""
    statements = this_incident(statements, lead)
    if not any(_in_lead(s, lead) and not s.background for s in statements):
        lead = None  # the lead says nothing (a crawl's boilerplate, a late paragraph): read all
    people = victims(statements, lead)
    counted = [s for s in statements if s.quantity is not None and not s.background and _in_lead(s, lead)]
    totals: dict[str, Total] = {}
    killed = _best_counted(counted, "killed")
    dead = [v for v in people if v.killed]
    if dead and (killed is None or _more_dead(dead, killed)):
        killed = Total("killed", len(dead), "exact", len(dead), len(dead), dead[0].killed_by or dead[0].statement, basis="victims")
    elif killed is not None and killed.basis == "statement" and _shooter_died_apart(statements, killed):
        n = killed.value + 1  # "killed four ... then turned the gun on himself": four victims and the shooter
        killed = Total("killed", n, killed.qualifier, n, None if killed.high is None else n, killed.statement,
                       killed.scope, basis="statement plus shooter")
    k = killed.value if killed else 0
    if killed is not None and _shooter_among_dead(killed):
        k -= 1  # people shot are the shooter's victims: he is among the dead, not among them
    shot = _best_counted(counted, "shot")
    injured = _best_counted(counted, "injured")
    if shot and shot.value - k > (injured.value if injured else 0) and shot.qualifier != "vague":
        n = shot.value - k
        injured = Total("injured", n, shot.qualifier, n, n if shot.high is not None else None, shot.statement, basis="shot minus killed")
    # Victims shot and not said to be dead count as injured when nobody died; when someone
    # did, only those said to be wounded and alive (a "shot" victim is often the dead one).
    alive = [v for v in people if not v.killed and (v.hurt or k == 0)]
    if alive and len(alive) > (injured.value if injured else 0):
        injured = Total("injured", len(alive), "exact", len(alive), len(alive), alive[0].statement, basis="victims")
    if injured is None and k > 0:
        injured = _none_alive(people)
    if people and (shot is None or len(people) > shot.value):
        shot = Total("shot", len(people), "exact", len(people), len(people), people[0].statement, basis="victims")
    for total in (killed, injured, shot):
        if total is not None:
            totals[total.slot] = total
    return totals


def _none_alive(people: list[_Victim]) -> Total | None:
    """Injured 0 when a victim said to be hurt died ("in critical condition" ... "later died")
    and nobody is left hurt and alive: the article's own answer to its earlier wounded. Not
    for a victim merged with the shooter (more often two people: a wounded officer, a dead
    suspect)."""
    dying = [v for v in people if v.killed and v.wounded and not _kind(v.keys, _SHOOTER_KEYS)]
    if not dying:
        return None
    return Total("injured", 0, "exact", 0, 0, dying[0].statement, basis="none alive")


def _more_dead(dead: list[_Victim], killed: Total) -> bool:
    """True when the victims told one by one outnumber the counted dead. An exact count
    (not "no one") is the reporter's own tally and stands: victims past it are most often
    one victim told twice ("Jane Roe, 34" and "a 34-year-old mother")."""
    if len(dead) <= killed.value:
        return False
    # ... unless another victim, told of apart as hurt, died later ("Another man was wounded.
    # He later died.")
    return not (killed.qualifier == "exact" and killed.value > 0) or any(
        v.hurt and v.statement.new_victim and v.killed_by is not v.statement for v in dead)


_SHOOTER_INCLUDED = re.compile(
    r"\b(?:including|plus|and)\s+(?:the\s+|a\s+)?(?:gunman|shooter|suspect|attacker|himself|herself|him)\b|\bself\b"
    r"|\b(?:gunman|shooter|suspect)\s+(?:and|among)\b|murder-suicide", re.I)


def _shooter_died_apart(statements: list[Statement], killed: Total) -> bool:
    """True when the sentence that counts the dead names them as the shooter's victims
    ("killing four ... before turning the gun on himself", "7 slain by a gunman who then
    killed himself") and says the shooter killed himself too."""
    counted = killed.statement
    same = [s for s in statements if s.sentence == counted.sentence and s.title == counted.title]
    selves = [s for s in same if s.slot == "killed" and s.shooter_self]
    if counted.with_shooter or not selves:
        return False
    # "left seven dead before the gunman killed himself": the dead came first, he is not among them
    later = any(s.start > counted.end and _BEFORE_SELF.search(_between(counted, s)) for s in selves)
    by_shooter = counted.active or later or re.search(r"\bby\s+(?:(?:a|an|the|his|her)\s+)?(?:[\w-]+\s+){0,2}?(?:gunman|shooter|man|woman|father|mother|husband|suspect)\b", counted.text, re.I)
    return bool(by_shooter) and not _SHOOTER_INCLUDED.search(counted.text)


_INCLUDING_SHOOTER = re.compile(
    r"^[\s,]*(?:including|among\s+them)\s+(?:the\s+|a\s+)?(?:suspected\s+|alleged\s+)?(?:gunman|shooter|suspect|attacker)\b", re.I)


def _shooter_among_dead(killed: Total) -> bool:
    """True when the killed figure counts the shooter: added to the statement, listed with
    his victims ("kills 2, then himself"), or said right after the count ("5 dead, including
    the gunman")."""
    st = killed.statement
    if killed.basis == "statement plus shooter" or st.with_shooter:
        return True
    return killed.basis == "statement" and bool(_INCLUDING_SHOOTER.match(st.text[st.end - st.sentence[0]:]))


_BEFORE_SELF = re.compile(r"\b(?:before|then)\b", re.I)


def _between(first: Statement, second: Statement) -> str:
    """The sentence text between two statements of it."""
    return first.text[first.end - first.sentence[0]:second.start - first.sentence[0]]


def _best_counted(counted: list[Statement], slot: str) -> Total | None:
    """The largest exact-ish statement for ``slot``; vague ones only when alone."""
    mine = [s for s in counted if s.slot == slot]
    if not mine:
        return None
    precise = [s for s in mine if s.quantity.qualifier != "vague"] or mine
    best = max(precise, key=lambda s: (s.value, s.quantity.qualifier == "exact", -s.start))
    q = best.quantity
    return Total(slot, int(q.value), q.qualifier, q.low, q.high, best, scope=best.scope)


# The component -----------------------------------------------------------------------
