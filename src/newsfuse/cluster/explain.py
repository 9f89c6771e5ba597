"""Why two articles are, or are not, in the same event.

:func:`why` compares the stored features of two articles and returns an
:class:`Explanation`: what matched, what differed, each feature's contribution to the
score, the score and the threshold, whether the two are linked directly or only through
a chain of other articles, and whether they ended in the same event.
:func:`render` turns it into text for ``newsfuse why ID1 ID2``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..config import Settings
from ..errors import NotFoundError
from .features import ArticleFeatures
from .incremental import Clusterer
from .similarity import date_gap, haversine_km, latest_year, pair_features

__all__ = ["Explanation", "why", "compare", "render"]


@dataclass
class Explanation:
    a: str  # sha256
    b: str
    a_id: str
    b_id: str
    score: float
    threshold: float
    matched: list[str] = field(default_factory=list)
    differed: list[str] = field(default_factory=list)
    contributions: dict[str, float] = field(default_factory=dict)  # feature -> how far it moves the logit (pairmodel)
    linked: bool = False  # scored as a pair and reached the threshold
    compared: bool = False  # shared a block key (so the pair was scored)
    path: list[str] | None = None  # chain of links from a to b, when connected
    event_a: str | None = None
    event_b: str | None = None

    @property
    def same_event(self) -> bool:
        return self.event_a is not None and self.event_a == self.event_b


def why(clusterer: Clusterer, first: str, second: str) -> Explanation:
    """Explain the pair ``first``/``second`` (article ids, sha256s or sha256 prefixes)."""
    a, b = _resolve(clusterer, first), _resolve(clusterer, second)
    fa, fb = clusterer.features(a), clusterer.features(b)
    assert fa is not None and fb is not None
    out = compare(fa, fb, clusterer)
    out.compared = b in set(clusterer.candidates(a))
    out.linked = clusterer.linked(a, b) is not None
    out.path = clusterer.path(a, b)
    out.event_a, out.event_b = clusterer.event_of(a), clusterer.event_of(b)
    return out


def compare(fa: ArticleFeatures, fb: ArticleFeatures, clusterer: Clusterer | None = None) -> Explanation:
    """The feature-by-feature comparison of two articles (no store needed)."""
    from .pairmodel import load_model

    model = clusterer.model if clusterer is not None else load_model()
    threshold = clusterer.threshold if clusterer is not None else Settings().cluster_threshold
    values = pair_features(fa, fb)
    out = Explanation(
        a=fa.sha256, b=fb.sha256, a_id=fa.id, b_id=fb.id, score=model.probability(values), threshold=threshold
    )
    out.contributions = model.contributions(values)
    _describe_text(fa, fb, values, out)
    _describe_names(fa, fb, out)
    _describe_dates(fa, fb, out)
    _describe_place(fa, fb, out)
    _describe_figures(fa, fb, out)
    if fa.event_type and fb.event_type:
        (out.matched if fa.event_type == fb.event_type else out.differed).append(
            f"event type: {fa.event_type} / {fb.event_type}"
        )
    return out


def render(e: Explanation) -> str:
    """Plain text for the terminal."""
    verdict = "the same event" if e.same_event else "different events"
    lines = [
        f"{e.a_id} ({e.a[:12]}) vs {e.b_id} ({e.b[:12]}): {verdict}",
        f"  score {e.score:.3f} (link threshold {e.threshold:.2f})",
    ]
    if e.linked:
        lines.append("  linked directly")
    elif e.path:
        lines.append(f"  not linked directly; connected through {len(e.path) - 2} other article(s)")
    elif not e.compared:
        lines.append("  never compared: they share no block key (place, name, rare word or date window)")
    else:
        lines.append("  compared, score below the threshold, and no chain of links joins them")
    if e.path and not e.same_event:
        lines.append("  connected by links, but the group was split: by average linkage, or as two look-alike"
                     " events (each side far more alike within than across)")
    lines.append(f"  events: {e.event_a} / {e.event_b}")
    lines += ["  matched:"] + [f"    + {m}" for m in e.matched or ["nothing"]]
    lines += ["  differed:"] + [f"    - {d}" for d in e.differed or ["nothing"]]
    lines.append("  score contributions (logit change when the feature is taken away):")
    lines += [f"    {n:<24} {v:+.2f}" for n, v in sorted(e.contributions.items(), key=lambda kv: -abs(kv[1]))]
    return "\n".join(lines)


def _resolve(clusterer: Clusterer, key: str) -> str:
    sha = clusterer.resolve(key)
    if sha is None:
        raise NotFoundError(f"no clustered article with id or sha256 {key!r}")
    return sha


def _describe_text(fa: ArticleFeatures, fb: ArticleFeatures, values: dict, out: Explanation) -> None:
    shared = sorted(set(fa.terms) & set(fb.terms), key=lambda t: -(fa.terms[t] * fb.terms[t]))[:8]
    line = f"text similarity {values.get('text_cos', 0.0):.2f}"
    if shared:
        line += f" (shared terms: {', '.join(shared)})"
    (out.matched if values.get("text_cos", 0.0) >= 0.3 else out.differed).append(line)
    if values.get("minhash", 0.0) >= 0.5:
        out.matched.append(f"near-duplicate text (shingle overlap {values['minhash']:.2f})")
    numbers = sorted(set(fa.numbers) & set(fb.numbers))
    if numbers:
        out.matched.append(f"shared numbers: {', '.join(numbers[:10])}")
    if fa.ages and fb.ages:
        ages = f"ages {', '.join(map(str, fa.ages[:6]))} / {', '.join(map(str, fb.ages[:6]))}"
        (out.matched if set(fa.ages) & set(fb.ages) else out.differed).append(ages)
    if "year_same" in values or "year_differ" in values:
        years = f"latest year named {latest_year(fa.numbers)} / {latest_year(fb.numbers)}"
        (out.matched if "year_same" in values else out.differed).append(years)


def _describe_names(fa: ArticleFeatures, fb: ArticleFeatures, out: Explanation) -> None:
    shared = sorted(set(fa.persons) & set(fb.persons)) or sorted(set(fa.surnames) & set(fb.surnames))
    if shared:
        out.matched.append(f"shared person names: {', '.join(shared[:8])}")
    elif fa.persons and fb.persons:
        out.differed.append(
            f"no shared person names ({', '.join(fa.persons[:4])} / {', '.join(fb.persons[:4])})"
        )
    words = sorted(set(fa.propers) & set(fb.propers))
    if words:
        out.matched.append(f"shared capitalised words: {', '.join(words[:10])}")


def _describe_dates(fa: ArticleFeatures, fb: ArticleFeatures, out: Explanation) -> None:
    days, window, kind = date_gap(fa, fb)
    if days is None:
        return
    if kind == "event":
        text = f"event dates {fa.event_date} / {fb.event_date}: {days} day(s) apart (window {window})"
    else:
        text = f"published {fa.published} / {fb.published}: {days} day(s) apart (window {window})"
    (out.matched if days <= window else out.differed).append(text)


def _describe_place(fa: ArticleFeatures, fb: ArticleFeatures, out: Explanation) -> None:
    name_a, name_b = _place_name(fa), _place_name(fb)
    if not name_a or not name_b:
        return
    same = name_a == name_b
    text = f"place: {name_a} / {name_b}"
    if None not in (fa.lat, fa.lon, fb.lat, fb.lon):
        text += f" ({haversine_km(fa.lat, fa.lon, fb.lat, fb.lon):.0f} km apart)"  # type: ignore[arg-type]
    (out.matched if same else out.differed).append(text)


def _place_name(f: ArticleFeatures) -> str | None:
    parts = [p for p in (f.town, f.admin1, f.country) if p]
    return ", ".join(parts) if parts else None


def _describe_figures(fa: ArticleFeatures, fb: ArticleFeatures, out: Explanation) -> None:
    for slot in ("killed", "injured"):
        x, y = getattr(fa, slot), getattr(fb, slot)
        if x and y:
            values = pair_features(fa, fb)
            text = f"{slot}: {_fmt(x)} / {_fmt(y)}"
            if values.get(f"{slot}_conflict"):
                out.differed.append(text + " (incompatible)")
            elif values.get(f"{slot}_agree"):
                out.matched.append(text)
            else:
                out.differed.append(text + " (close; figures are often updated)")


def _fmt(bounds: list) -> str:
    low, high = bounds
    if high == low:
        return f"{low:g}"
    return f"at least {low:g}" if high is None else f"{low:g}-{high:g}"
