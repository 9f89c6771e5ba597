"""Speed benchmark: the whole pipeline against spaCy NER alone, on the same texts.

Runs ingest -> clean -> annotate -> cluster -> fuse over ../shared/datasets/gva/articles.jsonl
(or --input) into a fresh temporary store, then spaCy's NER alone (tok2vec + ner of the same
model, nlp.pipe over the same clean texts) and prints articles per second for both, their
ratio, and the peak memory (max RSS) of each phase.

    .venv/bin/python bench/speed.py [--limit N] [--input FILE.jsonl]

Targets (issue 3): whole pipeline >= 30 articles/s on the 2-core machine, >= half the
throughput of spaCy NER alone, peak memory <= 2 GB on gva.
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GVA = ROOT.parent / "shared" / "datasets" / "gva" / "articles.jsonl"


def main() -> int:
    args = _args()
    source = Path(args.input)
    if not source.is_file():
        print(f"speed: {source} is absent; nothing to measure", file=sys.stderr)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        subset = _subset(source, Path(tmp) / "input.jsonl", args.limit)
        count, seconds, texts = _whole_pipeline(subset, Path(tmp) / "bench.db")
    pipeline_rss = _max_rss_mb()
    ner_seconds = _ner_alone(texts)
    _report(count, seconds, len(texts), ner_seconds, pipeline_rss)
    return 0


def _args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", default=str(GVA), help="article JSON lines (default: gva)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    return parser.parse_args()


def _subset(source: Path, target: Path, limit: int | None) -> Path:
    opener = gzip.open if source.suffix == ".gz" else open
    with opener(source, "rt", encoding="utf-8") as src, target.open("w", encoding="utf-8") as dst:
        for number, line in enumerate(src):
            if limit is not None and number >= limit:
                break
            dst.write(line)
    return target


def _whole_pipeline(path: Path, db: Path) -> tuple[int, float, list[str]]:
    from newsfuse.config import load_settings
    from newsfuse.pipeline import run
    from newsfuse.store import Store

    settings = load_settings(db=str(db))
    started = time.perf_counter()
    with Store.open(db) as store:
        report = run([str(path)], store, settings)
        seconds = time.perf_counter() - started
        texts = [a.text for a in store.articles()]
    print(f"pipeline: {report.ingest.read} inputs, {report.annotated} articles annotated, "
          f"{report.events_total} events, {report.ingest.failed} failed inputs")
    return report.ingest.read, seconds, texts


def _ner_alone(texts: list[str]) -> float:
    from newsfuse.annotate.nlp import _model_path
    from newsfuse.config import load_settings

    import spacy

    nlp = spacy.load(_model_path(load_settings().spacy_model), exclude=["lemmatizer", "tagger", "attribute_ruler", "parser", "senter"])
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    return time.perf_counter() - started


def _max_rss_mb() -> float:
    """Peak memory of the run: this process plus its largest worker (annotation runs in
    worker processes on a multi-core machine; each holds its own spaCy model)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    worker = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return (own + worker) / 1024


def _report(count: int, seconds: float, n_texts: int, ner_seconds: float, rss_mb: float) -> None:
    pipeline_rate = count / seconds
    ner_rate = n_texts / ner_seconds
    print(json.dumps({
        "articles": count,
        "pipeline_seconds": round(seconds, 1),
        "pipeline_articles_per_s": round(pipeline_rate, 1),
        "ner_alone_articles_per_s": round(ner_rate, 1),
        "ratio_pipeline_to_ner": round(pipeline_rate / ner_rate, 2),
        "pipeline_peak_rss_mb (main + largest worker)": round(rss_mb),
        "targets": {"articles_per_s": 30, "ratio": 0.5, "peak_rss_mb": 2048},
    }, indent=2))


if __name__ == "__main__":
    sys.exit(main())
