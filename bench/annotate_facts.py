"""Per-article agreement of the annotate facts with the GVA incident of each article.

    .venv/bin/python bench/annotate_facts.py [--limit N] [--no-cache] [--speed] [--misses K]

Runs the Annotator over ../shared/datasets/gva/articles.jsonl (the first N articles that have
an incident with facts), caches the annotations under /tmp/newsfuse-cache/ (keyed by a
fingerprint of the annotate sources, so a code change recomputes), and prints, per article:
event_date exact, state, city, and the median distance in km from AnnotatedArticle.place to
the incident's lat_long, for all articles and for the even and odd article indexes apart (a
change should help both halves). ``--speed`` also times spaCy alone and the whole Annotator.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import statistics
import sys
import time
from pathlib import Path

from newsfuse.annotate import Annotator
from newsfuse.annotate.gazetteer import name_key
from newsfuse.annotate.nlp import load_pipeline
from newsfuse.model import AnnotatedArticle, Article, to_dict

REPO = Path(__file__).resolve().parent.parent
GVA = REPO.parent / "shared" / "datasets" / "gva"
CACHE = Path("/tmp/newsfuse-cache")
_ABBR = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount"}


def main() -> int:
    args = _parse()
    if not GVA.is_dir():
        print("../shared/datasets/gva is absent", file=sys.stderr)
        return 2
    articles, gold = _load(args.limit)
    results = _annotate(articles, not args.no_cache)
    _report(results, gold, args.misses)
    if args.speed:
        _speed(articles[: args.speed_n])
    return 0


def _parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--no-cache", action="store_true", help="recompute the annotations")
    parser.add_argument("--speed", action="store_true", help="time spaCy alone and the Annotator")
    parser.add_argument("--speed-n", type=int, default=300, help="articles for --speed")
    parser.add_argument("--misses", type=int, default=0, help="print K misses of each kind")
    return parser.parse_args()


def _load(limit: int | None) -> tuple[list[Article], dict[str, dict]]:
    incidents = {}
    for line in (GVA / "gold.jsonl").open(encoding="utf-8"):
        event = json.loads(line)
        if event.get("has_structured_data") and event.get("date"):
            for article_id in event["article_ids"]:
                incidents[article_id] = event
    articles = []
    for line in (GVA / "articles.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        if row["id"] in incidents:
            articles.append(Article(id=row["id"], sha256="", text=row.get("text") or "", title=row.get("title"),
                                    published=row.get("published"), outlet=row.get("source"), url=row.get("url")))
    return articles[:limit] if limit else articles, incidents


def _fingerprint() -> str:
    digest = hashlib.sha256()
    for path in sorted((REPO / "src" / "newsfuse" / "annotate").glob("**/*.py")) + sorted(
            (REPO / "src" / "newsfuse" / "resources").glob("*")):
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def _annotate(articles: list[Article], use_cache: bool) -> list[AnnotatedArticle]:
    """The Annotator's output. spaCy's Docs are cached apart (DocBin), so that changing a
    component re-runs only the components: the same result as Annotator.annotate."""
    path = CACHE / f"annotate_facts-{_fingerprint()}-{len(articles)}.jsonl"
    if use_cache and path.is_file():
        return [AnnotatedArticle.from_dict(json.loads(line)) for line in path.open(encoding="utf-8")]
    annotator = Annotator()
    docs = _docs(annotator, articles, use_cache)
    start = time.perf_counter()
    results = []
    for article, doc in zip(articles, docs):
        item = AnnotatedArticle(article=article)
        for step in annotator.components:
            item = step(item, doc)
        results.append(item)
    elapsed = time.perf_counter() - start
    print(f"components over {len(results)} articles: {elapsed / max(len(results), 1) * 1000:.1f} ms/article")
    CACHE.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        for item in results:
            handle.write(json.dumps(to_dict(item)) + "\n")
    return results


def _docs(annotator: Annotator, articles: list[Article], use_cache: bool) -> list:
    from spacy.tokens import DocBin

    nlp_src = (REPO / "src" / "newsfuse" / "annotate" / "nlp.py").read_bytes()
    key = hashlib.sha256(nlp_src + "".join(a.id for a in articles).encode()).hexdigest()[:12]
    path = CACHE / f"annotate_facts-docs-{key}.spacy"
    if use_cache and path.is_file():
        return list(DocBin().from_disk(path).get_docs(annotator.nlp.vocab))
    start = time.perf_counter()
    docs = list(annotator.nlp.pipe((a.text for a in articles), batch_size=annotator.settings.nlp_batch_size))
    print(f"spaCy over {len(docs)} articles: {len(docs) / (time.perf_counter() - start):.1f}/s")
    CACHE.mkdir(parents=True, exist_ok=True)
    DocBin(store_user_data=False, docs=docs).to_disk(path)
    return docs


def _city_keys(name: str) -> set[str]:
    """Comparable keys of a gold "city_or_county" ("Cartersville (Euharlee)" gives both)."""
    parts = [name] + [p.strip(" )") for p in name.replace(")", "").split("(")]
    return {_norm_city(p) for p in parts if p.strip()}


def _norm_city(name: str) -> str:
    words = name_key(name).split()
    return " ".join(_ABBR.get(w, w) for w in words if w not in ("city", "township", "village", "borough"))


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, l1, p2, l2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin((l2 - l1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def _score(item: AnnotatedArticle, event: dict) -> dict:
    parts = event.get("location_parts") or {}
    place = item.place
    row = {
        "date": bool(item.event_date and item.event_date.date == event["date"]),
        "dated_in_text": bool(item.event_date and item.event_date.start is not None),
        "state": bool(place and place.admin1 and parts.get("state") and place.admin1 == parts["state"]),
        "city": bool(place and parts.get("city_or_county")
                     and _norm_city(place.name) in _city_keys(parts["city_or_county"])),
        "km": None,
        "short": len(item.article.text) < 200,
    }
    if place and place.lat is not None and event.get("lat_long"):
        row["km"] = _km(place.lat, place.lon, *event["lat_long"])
    return row


def _report(results: list[AnnotatedArticle], gold: dict[str, dict], misses: int) -> None:
    rows = [(item, _score(item, gold[item.article.id])) for item in results]
    halves = (("even index", rows[0::2]), ("odd index", rows[1::2]))
    for label, subset in (("all articles", rows), ("text >= 200 chars", [r for r in rows if not r[1]["short"]]), *halves):
        n = len(subset) or 1
        kms = [r["km"] for _, r in subset if r["km"] is not None]
        print(f"{label}: n={len(subset)}  date exact {sum(r['date'] for _, r in subset) / n:.1%}"
              f" (dated from text {sum(r['dated_in_text'] for _, r in subset) / n:.1%})"
              f"  state {sum(r['state'] for _, r in subset) / n:.1%}  city {sum(r['city'] for _, r in subset) / n:.1%}"
              f"  median km {statistics.median(kms) if kms else float('nan'):.1f} (placed {len(kms) / n:.1%},"
              f" within 25 km {sum(k <= 25 for k in kms) / n:.1%})")
    for kind in ("date", "state", "city"):
        shown = [(i, r) for i, r in rows if not r[kind] and not r["short"]][:misses]
        for item, _ in shown:
            event = gold[item.article.id]
            got = item.event_date if kind == "date" else item.place
            print(f"MISS {kind} {item.article.id[:8]} gold={event['date'] if kind == 'date' else event.get('location_parts')}"
                  f" pub={item.article.published} got={_short(got)} | {item.article.text[:150]!r}")


def _short(value: object) -> str:
    if value is None:
        return "None"
    data = to_dict(value)
    return str({k: v for k, v in data.items() if k in ("date", "precision", "text", "name", "admin1", "source")})


def _speed(articles: list[Article]) -> None:
    annotator = Annotator()
    nlp = load_pipeline(annotator.settings.spacy_model)
    texts = [a.text for a in articles]
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=annotator.settings.nlp_batch_size):
        pass
    spacy_rate = len(texts) / (time.perf_counter() - start)
    start = time.perf_counter()
    for _ in annotator.annotate(articles):
        pass
    full_rate = len(texts) / (time.perf_counter() - start)
    print(f"speed on {len(texts)} gva articles: spaCy alone {spacy_rate:.1f}/s, Annotator {full_rate:.1f}/s")


if __name__ == "__main__":
    raise SystemExit(main())
