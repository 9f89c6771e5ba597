"""End-to-end quality benchmark: the real pipeline (ingest, clean, annotate, cluster, fuse)
over the development corpora, scored against their gold events.

    .venv/bin/python bench/events.py [gva] [ecbplus] [--limit N] [--reuse]

For each corpus it prints B-cubed and pairwise precision, recall and F1 of the grouping
(over article ids; the singleton baseline beside it), and for gva the share of incidents
with facts (``has_structured_data``) whose fused event record matches the gold killed,
injured, date, state and city, and the median distance from the event's place to the gold
coordinates. An incident is scored on the event that holds most of its articles. The same
facts are then scored on the gold grouping (the pipeline's stored annotations of each gold
incident, each article's place read with its outlet's home as the pipeline does, fused into
one record): the gap between the two is what grouping errors cost.

``--reuse`` keeps the store of the previous run under $NEWSFUSE_CACHE (default
/tmp/newsfuse-cache) instead of rebuilding it; without it the run starts from scratch.
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
import time
import unicodedata
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpus import CACHE, DATASETS, bcubed, pairwise, singletons  # noqa: E402

FACTS = ("killed", "injured", "date", "state", "city")


def main() -> int:
    args = _args()
    for name in args.corpora:
        folder = DATASETS / name
        if not (folder / "articles.jsonl").is_file():
            print(f"{name}: ../shared/datasets/{name} is absent; skipped")
            continue
        events, seconds = _pipeline(folder, name, args)
        gold = _gold(folder, args.limit_ids)
        _print_grouping(name, events, gold, seconds)
        if name == "gva":
            _print_facts(events, folder, args.limit_ids)
            _print_gold_grouping_facts(_db(name, args), folder, args.limit_ids)
    return 0


def _args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="*", default=["gva", "ecbplus"])
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles of each corpus")
    parser.add_argument("--reuse", action="store_true", help="reuse the previous run's store")
    args = parser.parse_args()
    args.limit_ids = None
    return args


def _pipeline(folder: Path, name: str, args: argparse.Namespace) -> tuple[list[dict], float]:
    from newsfuse.config import load_settings
    from newsfuse.pipeline import run, stored_events
    from newsfuse.store import Store

    CACHE.mkdir(parents=True, exist_ok=True)
    db = _db(name, args)
    source = _limited(folder / "articles.jsonl", args, name)
    if not args.reuse:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
    started = time.perf_counter()
    with Store.open(db) as store:
        run([str(source)], store, load_settings(db=str(db)))
        events = list(stored_events(store))
    return events, time.perf_counter() - started


def _db(name: str, args: argparse.Namespace) -> Path:
    return CACHE / f"bench-events-{name}-{args.limit or 'all'}.db"


def _print_gold_grouping_facts(db: Path, folder: Path, only: set[str] | None) -> None:
    from newsfuse.fuse.event import build_event
    from newsfuse.fuse.outlets import with_home
    from newsfuse.homes import homes_of
    from newsfuse.model import to_dict
    from newsfuse.pipeline import load_annotated
    from newsfuse.store import Store

    hits, total = Counter(), 0
    with Store.open(db) as store:
        sha = dict(store.connection.execute("SELECT input_id, sha256 FROM inputs"))
        for row in _rows(folder / "gold.jsonl"):
            shas = sorted({sha[i] for i in row["article_ids"] if i in sha and (only is None or i in only)})
            if not row.get("has_structured_data") or not shas:
                continue
            total += 1
            homes = homes_of(store.connection, shas)
            items = [load_annotated(store, s) for s in shas]
            event = to_dict(build_event("gold", [with_home(i, homes.get(i.article.outlet)) for i in items]))
            hits.update(fact for fact, ok in _compare(event, row).items() if ok)
    print(f"  the same facts on the gold grouping ({total} incidents): "
          + ", ".join(f"{fact} {hits[fact] / max(total, 1):.1%}" for fact in FACTS))


def _limited(path: Path, args: argparse.Namespace, name: str) -> Path:
    if args.limit is None:
        return path
    target = CACHE / f"bench-events-{name}-{args.limit}.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()[: args.limit]
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    args.limit_ids = {json.loads(line)["id"] for line in lines}
    return target


def _gold(folder: Path, only: set[str] | None) -> dict[str, str]:
    gold = {}
    for row in _rows(folder / "gold.jsonl"):
        for article_id in row["article_ids"]:
            if only is None or article_id in only:
                gold[article_id] = row["event_id"]
    return gold


def _rows(path: Path):
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            yield json.loads(line)


def _labels(events: list[dict]) -> dict[str, str]:
    return {a["id"]: e["id"] for e in events for a in e["articles"]}


def _print_grouping(name: str, events: list[dict], gold: dict[str, str], seconds: float) -> None:
    predicted = {k: v for k, v in _labels(events).items() if k in gold}
    missing = len(set(gold) - set(predicted))
    print(f"== {name}: {len(predicted)} articles, {len(set(gold.values()))} gold events, "
          f"{len(set(predicted.values()))} predicted events, {seconds:.0f} s"
          + (f", {missing} gold articles missing from the output" if missing else ""))
    print(f"  B-cubed  {bcubed(predicted, gold)}")
    print(f"  pairwise {pairwise(predicted, gold)}")
    print(f"  singleton baseline: B-cubed {bcubed(singletons(gold), gold)}")


def _print_facts(events: list[dict], folder: Path, only: set[str] | None) -> None:
    by_article = {a["id"]: e for e in events for a in e["articles"]}
    hits, distances, total = Counter(), [], 0
    for row in _rows(folder / "gold.jsonl"):
        ids = [i for i in row["article_ids"] if (only is None or i in only) and i in by_article]
        if not row.get("has_structured_data") or not ids:
            continue
        total += 1
        event = _main_event(ids, by_article)
        for fact, ok in _compare(event, row).items():
            hits[fact] += ok
        if (km := _distance(event, row)) is not None:
            distances.append(km)
    print(f"  facts over {total} incidents with facts:")
    for fact in FACTS:
        print(f"    {fact:8s} {hits[fact] / max(total, 1):6.1%}")
    if distances:
        print(f"    median distance to gold coordinates: {statistics.median(distances):.1f} km "
              f"({len(distances)} incidents with a located event)")


def _main_event(ids: list[str], by_article: dict[str, dict]) -> dict:
    counts = Counter(by_article[i]["id"] for i in ids)
    best = max(sorted(counts), key=lambda k: counts[k])
    return next(by_article[i] for i in ids if by_article[i]["id"] == best)


def _compare(event: dict, gold: dict) -> dict[str, bool]:
    place = event.get("place") or {}
    parts = gold.get("location_parts") or {}
    return {
        "killed": _figure(event.get("killed")) == gold.get("killed"),
        "injured": _figure(event.get("injured")) == gold.get("injured"),
        "date": event.get("date") == gold.get("date"),
        "state": _same(place.get("admin1"), parts.get("state")),
        "city": _same_city(event, parts.get("city_or_county")),
    }


def _figure(figure: dict | None) -> int:
    """No figure in any article reads as zero: the archive records 0 for 'nobody'."""
    return 0 if not figure or figure.get("best") is None else int(figure["best"])


def _same_city(event: dict, city: str | None) -> bool:
    """The event's place is the gold city; a gold "Lakewood (Tillicum)" names a city and a
    part of it, and either counts (the archive's own two levels)."""
    name = (event.get("place") or {}).get("name")
    if not city:
        return False
    parts = [city] + [p.strip() for p in city.replace(")", "").split("(")]
    return any(_same(name, part) for part in parts if part.strip())


def _same(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and _fold(a) == _fold(b)


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    for suffix in (" county", " parish", " city", " township"):
        text = text.removesuffix(suffix)
    return " ".join(text.replace("st.", "saint").replace("-", " ").split())


def _distance(event: dict, gold: dict) -> float | None:
    place, coords = event.get("place") or {}, gold.get("lat_long")
    if place.get("lat") is None or not coords:
        return None
    return _haversine(place["lat"], place["lon"], coords[0], coords[1])


def _haversine(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


if __name__ == "__main__":
    sys.exit(main())
