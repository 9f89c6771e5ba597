"""Casualty figures on the GVA dev corpus: killed and injured, per article and per incident.

    .venv/bin/python bench/casualties.py [--show N] [--fusion max|mode]

Runs the casualties component over ``../shared/datasets/gva`` and compares each article's
totals (``level="article"`` claims; no claim = 0) with the incident's gold counts, over
incidents with ``has_structured_data``. Gold counts are the archive's final counts, so an
early article can rightly give fewer.

Per incident the article totals are fused by ``--fusion``: ``mode`` (default: the most
common value among the articles that state one, ties to the larger: one stray article,
about another shooting or quoting a partial toll, does not decide) or ``max`` (the
largest count any article gives; later reports rarely lower a toll).

spaCy is slow (~50 articles/s) so the Docs are cached as a DocBin under
/tmp/newsfuse-cache/, keyed by the model name and the texts.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpus import CACHE, DATASETS  # noqa: E402

from newsfuse.annotate.casualties import casualty_claims  # noqa: E402
from newsfuse.config import Settings  # noqa: E402
from newsfuse.model import AnnotatedArticle, Article  # noqa: E402

SLOTS = ("killed", "injured")


def load_rows(folder: Path) -> tuple[list[dict], list[dict]]:
    with open(folder / "articles.jsonl", encoding="utf-8") as handle:
        articles = [json.loads(line) for line in handle]
    with open(folder / "gold.jsonl", encoding="utf-8") as handle:
        gold = [json.loads(line) for line in handle]
    return articles, gold


def cached_docs(texts: list[str]):
    """spaCy Docs of ``texts``, from the DocBin cache when present."""
    from spacy.tokens import DocBin

    from newsfuse.annotate.nlp import load_pipeline

    model = Settings().spacy_model
    nlp = load_pipeline(model)
    key = hashlib.sha256((model + "\x00" + "\x00".join(texts)).encode("utf-8")).hexdigest()[:12]
    path = CACHE / f"docs-{key}.spacy"
    if path.is_file():
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    docs = list(nlp.pipe(texts, batch_size=64))
    CACHE.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs).to_disk(path)
    return docs


def _upstream() -> list:
    """The standard components that run before casualties and set what it reads."""
    from newsfuse.annotate import default_components

    steps = []
    for step in default_components():
        if step.name == "casualties":
            return steps
        if set(step.sets) & {"sentences", "mentions"}:
            steps.append(step)
    return steps


def article_counts(articles: list[dict]) -> dict[str, dict[str, int]]:
    """{article id: {"killed": n, "injured": n}} from the article-level claims."""
    docs = cached_docs([row.get("text") or "" for row in articles])
    counts = {}
    before = _upstream()
    for row, doc in zip(articles, docs):
        item = AnnotatedArticle(article=Article(id=row["id"], sha256="", text=row.get("text") or "", title=row.get("title")))
        for step in before:  # the pipeline's sentences and mentions, as the Annotator runs them
            item = step(item, doc)
        totals = {c.slot: c.value for c in casualty_claims(item, doc) if c.level == "article"}
        counts[row["id"]] = {slot: totals.get(slot) for slot in SLOTS}  # None: the article says nothing
    return counts


def fuse(values: list[int | None], how: str) -> int:
    """An incident's count from its articles' counts (None: the article gives none)."""
    stated = [v for v in values if v is not None]
    if not stated:
        return 0
    if how == "mode":  # the most common stated value, ties to the larger
        counted = Counter(stated)
        return max(counted, key=lambda v: (counted[v], v))
    return max(stated)


def report(articles: list[dict], gold: list[dict], fusion: str, show: int) -> None:
    counts = article_counts(articles)
    texts = {row["id"]: row for row in articles}
    incidents = [g for g in gold if g.get("has_structured_data")]
    per_article = {slot: [0, 0] for slot in SLOTS}
    per_incident = {slot: [0, 0] for slot in SLOTS}
    misses = []
    for incident in incidents:
        ids = [i for i in incident["article_ids"] if i in counts]
        for slot in SLOTS:
            for i in ids:
                per_article[slot][0] += (counts[i][slot] or 0) == incident[slot]
                per_article[slot][1] += 1
            fused = fuse([counts[i][slot] for i in ids], fusion)
            per_incident[slot][0] += fused == incident[slot]
            per_incident[slot][1] += 1
            if fused != incident[slot]:
                misses.append((incident["event_id"], slot, fused, incident[slot], ids))
    print(f"incidents with structured data: {len(incidents)}; fusion: {fusion}")
    for slot in SLOTS:
        a, i = per_article[slot], per_incident[slot]
        print(f"{slot:8s} exact  per article {a[0] / a[1]:.3f} ({a[0]}/{a[1]})   per incident {i[0] / i[1]:.3f} ({i[0]}/{i[1]})")
    for event_id, slot, got, want, ids in misses[:show]:
        print(f"\n--- {event_id} {slot}: got {got}, gold {want}")
        for i in ids[:2]:
            print(f"  [{i}] {counts[i]} {texts[i].get('title')!r}\n  {(texts[i].get('text') or '')[:700]!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fusion", choices=("max", "mode"), default="mode")
    parser.add_argument("--show", type=int, default=0, help="print this many missed incidents")
    parser.add_argument("--corpus", default=str(DATASETS / "gva"))
    args = parser.parse_args()
    articles, gold = load_rows(Path(args.corpus))
    report(articles, gold, args.fusion, args.show)


if __name__ == "__main__":
    main()
