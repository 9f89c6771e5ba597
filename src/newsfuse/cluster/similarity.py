"""Same-event score of two articles: a pure function of their two feature records.

:func:`pair_features` turns two :class:`ArticleFeatures` into named numbers (text
similarity, shared names and numbers, date gap, place agreement, casualty figures, event
type); :func:`score` is the pair model's probability over them.
The model (:mod:`.pairmodel`) lives in ``resources/cluster_model.json``, fitted by
``bench/quality.py --fit`` on the candidate pairs (those blocking proposes) of the gva and
ecbplus dev corpora, each corpus weighing the same and positives as much as negatives;
when the file is missing, hand-set linear weights are used. Held-out quality is measured
by ``--cv`` (folds are whole gold events / whole topics). Every feature is 0 when the information is missing on
either side, so a missing annotation neither helps nor hurts.

Look-alike events (the same city in the same week; two earthquakes) are told apart by
what the stories are *about*: shared rare names and numbers (victims, ages, block
numbers), the main person of each story, the lead paragraph, figures that cannot both
be true, places in different towns, dates further apart than their precision allows, and in
undated copy the latest year each story names (a heist in 2013, not the one in 2008).
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Sequence
from datetime import date

from .features import RARE_WEIGHT, THIN_TEXT, ArticleFeatures, term_weight
from .pairmodel import PairModel, load_model

__all__ = ["FEATURE_NAMES", "pair_features", "score", "dated_apart", "date_gap", "latest_year"]

# How many days apart two dates of one event may be, by the coarser precision.
DATE_WINDOW = {"day": 3, "week": 10, "month": 35, "year": 370}

FEATURE_NAMES = (
    "text_cos",
    "lead_cos",
    "title_sim",
    "minhash",
    "propers_shared",
    "propers_jaccard",
    "rare_shared",
    "numbers_jaccard",
    "ages_shared",
    "ages_disjoint",
    "year_same",
    "year_differ",
    "persons_shared",
    "surnames_shared",
    "persons_disjoint",
    "main_person_same",
    "main_person_absent",
    "main_person_differ",
    "date_gap",
    "date_far",
    "same_town",
    "other_town_same_admin1",
    "other_admin1",
    "km_log",
    "killed_agree",
    "killed_conflict",
    "injured_agree",
    "injured_conflict",
    "type_same",
    "type_differ",
    "short_text",
    "same_outlet",
)

# Two stories that each date the event to the day, this many days apart or more, report
# different events however alike their words (the look-alike strike months later).
VETO_DAYS = 8


def score(a: ArticleFeatures, b: ArticleFeatures, model: PairModel | None = None) -> float:
    """Probability-like same-event score in [0, 1]; symmetric in ``a`` and ``b``."""
    if dated_apart(a, b):
        return 0.0
    return (model or load_model()).probability(pair_features(a, b))


def dated_apart(a: ArticleFeatures, b: ArticleFeatures) -> bool:
    """Whether both articles date the event to the day, VETO_DAYS or more apart, and nothing
    says they are one story told twice. A follow-up (the arrest, the funeral) often dates its
    own news rather than the incident; when it names a person of the first report in full, or
    gives the same ages, and its figures do not contradict it, the dates may be the
    follow-up's. A recurring spokesman is no such tie when the tolls disagree (a second strike
    on the same town)."""
    if a.date_precision != "day" or b.date_precision != "day" or not (a.event_date and b.event_date):
        return False
    if _days(a.event_date, b.event_date) < VETO_DAYS:
        return False
    tied = set(a.persons) & set(b.persons) or set(a.ages) & set(b.ages)
    return not tied or _figures_conflict(a, b)


def _figures_conflict(a: ArticleFeatures, b: ArticleFeatures) -> bool:
    return any(f"{slot}_conflict" in _figures(a, b, slot) for slot in ("killed", "injured"))


def pair_features(a: ArticleFeatures, b: ArticleFeatures) -> dict[str, float]:
    """The named pair features (symmetric: the same for (a, b) and (b, a))."""
    values: dict[str, float] = {}
    values.update(_text(a, b))
    values.update(_names(a, b))
    values.update(_dates(a, b))
    values.update(_places(a, b))
    values.update(_figures(a, b, "killed"))
    values.update(_figures(a, b, "injured"))
    if a.event_type and b.event_type:
        values["type_same" if a.event_type == b.event_type else "type_differ"] = 1.0
    return values


def _cosine(x: dict[str, float], y: dict[str, float]) -> float:
    shared = sorted(x.keys() & y.keys())  # sorted: the same sum whichever side comes first
    return round(sum(x[t] * y[t] for t in shared), 6)


def _text(a: ArticleFeatures, b: ArticleFeatures) -> dict[str, float]:
    out = {
        "text_cos": _cosine(a.terms, b.terms),
        "lead_cos": _cosine(a.lead, b.lead),
        "title_sim": _weighted_jaccard(a.title_terms, b.title_terms),
    }
    if a.outlet and a.outlet == b.outlet:
        out["same_outlet"] = 1.0
    if a.minhash and b.minhash and len(a.minhash) == len(b.minhash):
        out["minhash"] = sum(x == y for x, y in zip(a.minhash, b.minhash)) / len(a.minhash)
    shared = len(set(a.propers) & set(b.propers))
    out["propers_shared"] = math.log1p(shared)
    out["propers_jaccard"] = _jaccard(a.propers, b.propers)
    rare = [t for t in set(a.propers) & set(b.propers) if term_weight(t) >= RARE_WEIGHT]
    out["rare_shared"] = math.log1p(len(rare))
    out["numbers_jaccard"] = _jaccard(a.numbers, b.numbers)
    if a.ages and b.ages:  # the same people have the same ages; look-alikes have others
        shared = _jaccard(a.ages, b.ages)
        out["ages_shared" if shared else "ages_disjoint"] = shared or 1.0
    year_a, year_b = latest_year(a.numbers), latest_year(b.numbers)
    if year_a and year_b and not (a.published and b.published):
        # undated copy: the latest year a story names is mostly its own
        out["year_same" if year_a == year_b else "year_differ"] = 1.0
    if min(a.text_chars, b.text_chars) < THIN_TEXT:  # text similarity says little
        out["short_text"] = 1.0
    return out


def latest_year(numbers: list[str]) -> int | None:
    """The latest year (1900-2099) among an article's numeric tokens."""
    years = [int(n) for n in numbers if len(n) == 4 and n.isdigit() and 1900 <= int(n) <= 2099]
    return max(years, default=None)


def _names(a: ArticleFeatures, b: ArticleFeatures) -> dict[str, float]:
    out: dict[str, float] = {}
    if a.persons and b.persons:
        shared = len(set(a.persons) & set(b.persons))
        out["persons_shared"] = math.log1p(shared)
        if not shared and not set(a.surnames) & set(b.surnames):
            out["persons_disjoint"] = 1.0
    if a.main_person and b.main_person:
        if a.main_person == b.main_person:
            out["main_person_same"] = 1.0
        else:
            out["main_person_differ"] = 1.0  # the stories centre on different people
            if a.main_person not in b.surnames and b.main_person not in a.surnames:
                out["main_person_absent"] = 1.0  # each story is about someone the other never names
    if a.surnames and b.surnames:
        out["surnames_shared"] = math.log1p(len(set(a.surnames) & set(b.surnames)))
    return out


def date_gap(a: ArticleFeatures, b: ArticleFeatures) -> tuple[int | None, int, str]:
    """(days apart, allowed window, which dates were compared): event dates when both
    have one, else publication dates."""
    if a.event_date and b.event_date:
        coarse = max(a.date_precision or "day", b.date_precision or "day", key=_precision_rank)
        return _days(a.event_date, b.event_date), DATE_WINDOW.get(coarse, 3), "event"
    if a.published and b.published:
        return _days(a.published, b.published), 7, "published"
    return None, 0, "none"


def _precision_rank(precision: str) -> int:
    order = list(DATE_WINDOW)
    return order.index(precision) if precision in order else 0


def _dates(a: ArticleFeatures, b: ArticleFeatures) -> dict[str, float]:
    days, window, _ = date_gap(a, b)
    if days is None:
        return {}
    out = {"date_gap": math.log1p(days)}
    if days > window:
        out["date_far"] = 1.0
    return out


def _places(a: ArticleFeatures, b: ArticleFeatures) -> dict[str, float]:
    out: dict[str, float] = {}
    if a.country and b.country and a.country != b.country:
        out["other_admin1"] = 1.0
    elif a.admin1 and b.admin1 and a.admin1 != b.admin1:
        out["other_admin1"] = 1.0
    elif a.town and b.town:
        same = (a.geonameid is not None and a.geonameid == b.geonameid) or a.town == b.town
        out["same_town" if same else "other_town_same_admin1"] = 1.0
    if None not in (a.lat, a.lon, b.lat, b.lon):
        out["km_log"] = math.log1p(haversine_km(a.lat, a.lon, b.lat, b.lon))  # type: ignore[arg-type]
    return out


def _figures(a: ArticleFeatures, b: ArticleFeatures, slot: str) -> dict[str, float]:
    x, y = getattr(a, slot), getattr(b, slot)
    if not x or not y:
        return {}
    if _overlap(x, y):
        return {f"{slot}_agree": 1.0}
    # Figures grow as the toll is updated: a gap is a conflict only when large.
    low_x, low_y = x[0] or 0.0, y[0] or 0.0
    if abs(low_x - low_y) <= max(1.0, 0.25 * max(low_x, low_y)):
        return {}
    return {f"{slot}_conflict": 1.0}


def _overlap(x: list, y: list) -> bool:
    lo = max(x[0] or 0.0, y[0] or 0.0)
    hi_x = math.inf if x[1] is None else x[1]
    hi_y = math.inf if y[1] is None else y[1]
    return lo <= min(hi_x, hi_y)


def _weighted_jaccard(x: list[str], y: list[str]) -> float:
    """Jaccard of two word sets, each word weighing its fixed rarity weight."""
    if not x or not y:
        return 0.0
    sx, sy = set(x), set(y)
    union = sum(term_weight(t) for t in sorted(sx | sy))
    return sum(term_weight(t) for t in sorted(sx & sy)) / union if union else 0.0


def _jaccard(x: Sequence[Hashable], y: Sequence[Hashable]) -> float:
    if not x or not y:
        return 0.0
    sx, sy = set(x), set(y)
    return len(sx & sy) / len(sx | sy)


def _days(x: str, y: str) -> int:
    return abs((date.fromisoformat(x) - date.fromisoformat(y)).days)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))
