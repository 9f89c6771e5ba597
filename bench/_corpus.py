"""Corpus loading, cached annotation and grouping scores for the benchmarks.

The corpora live in ``../shared/datasets/<name>/`` (``articles.jsonl`` + ``gold.jsonl``).
Annotation is slow (spaCy, ~50 articles/s), so annotated articles are cached under
``/tmp/newsfuse-cache/``, keyed by the corpus, the article text and the names of the
annotate components: a new component invalidates the cache by itself.

Grouping scores are computed over article ids: B-cubed (per-article precision and
recall of its cluster, averaged over articles) and pairwise (precision and recall of
the set of same-event article pairs).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from newsfuse.model import AnnotatedArticle, Article, to_dict

REPO = Path(__file__).resolve().parent.parent
DATASETS = REPO.parent / "shared" / "datasets"
CACHE = Path(os.environ.get("NEWSFUSE_CACHE", "/tmp/newsfuse-cache"))


@dataclass(frozen=True)
class Corpus:
    name: str
    articles: list[Article]
    gold: dict[str, str]  # article id -> gold event id
    extra: dict[str, dict]  # article id -> corpus-only fields (topic, split); never features


def load_corpus(name: str, root: Path = DATASETS) -> Corpus:
    """Articles and gold grouping of corpus ``name``."""
    folder = root / name
    articles, extra = [], {}
    with open(folder / "articles.jsonl", encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            row = json.loads(line)
            articles.append(_article(row, f"{name}/articles.jsonl:{number}"))
            extra[row["id"]] = {k: row.get(k) for k in ("topic", "subtopic", "split")}
    gold: dict[str, str] = {}
    with open(folder / "gold.jsonl", encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            for article_id in row["article_ids"]:
                gold[article_id] = row["event_id"]
    return Corpus(name, articles, gold, extra)


def _article(row: Mapping, origin: str = "") -> Article:
    """The article as the clean stage makes it from the JSON line (what the system sees);
    a line that clean rejects (empty crawl) is kept as given, so every gold id is scored."""
    from newsfuse.clean import clean
    from newsfuse.errors import NewsfuseError
    from newsfuse.model import RawDocument

    fields = {k: row.get(k) for k in ("title", "published", "source", "url", "lang") if row.get(k) is not None}
    raw = RawDocument(input_id=row["id"], origin=origin, data=(row.get("text") or "").encode("utf-8"),
                      kind="record", fields=fields)  # fmt: skip
    try:
        return clean(raw)
    except NewsfuseError:
        return _raw_article(row)


def _raw_article(row: Mapping) -> Article:
    text = row.get("text") or ""
    title = row.get("title")
    digest = hashlib.sha256(f"{title or ''}\n{text}".encode("utf-8")).hexdigest()
    return Article(
        id=row["id"],
        sha256=digest,
        text=text,
        title=title,
        outlet=row.get("source"),
        url=row.get("url"),
        published=row.get("published"),
        lang=row.get("lang"),
    )


def annotate_cached(corpus: Corpus, components: list | None = None) -> list[AnnotatedArticle]:
    """Annotated articles of ``corpus``, from the cache when the components are unchanged
    (``components``: the standard pipeline when None)."""
    from newsfuse.annotate import default_components

    components = default_components() if components is None else components
    names = ",".join(c.name for c in components)
    signature = hashlib.sha256(f"{names}|{_source_stamp()}".encode()).hexdigest()[:12]
    path = CACHE / f"annotated-{corpus.name}-{signature}.jsonl"
    if path.is_file():
        with open(path, encoding="utf-8") as handle:
            return [AnnotatedArticle.from_dict(json.loads(line)) for line in handle]
    if not names:  # no component yet: spaCy would add nothing the clusterer reads
        return [AnnotatedArticle(article=a) for a in corpus.articles]
    from newsfuse.annotate import Annotator

    annotator = Annotator(components=components)
    items = list(annotator.annotate(corpus.articles))
    CACHE.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8") as handle:
        for item in items:
            handle.write(json.dumps(to_dict(item)) + "\n")
    tmp.replace(path)
    return items


def _source_stamp() -> str:
    """Modification times of the clean and annotate sources: an edit re-annotates."""
    root = REPO / "src" / "newsfuse"
    # every module below annotate/ and clean/ (the casualties subpackage too)
    files = sorted([*root.glob("annotate/**/*.py"), *root.glob("clean/**/*.py")])
    return ",".join(f"{p.relative_to(root)}:{int(p.stat().st_mtime)}" for p in files)


# --------------------------------------------------------------------------- scores


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float
    f1: float

    def __str__(self) -> str:
        return f"P {self.precision:.3f}  R {self.recall:.3f}  F1 {self.f1:.3f}"


def _f1(p: float, r: float) -> float:
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def clusters_to_labels(clusters: Iterable[Sequence[str]]) -> dict[str, str]:
    """{article id: cluster label} from lists of article ids."""
    labels = {}
    for index, members in enumerate(clusters):
        for member in members:
            labels[member] = str(index)
    return labels


def bcubed(predicted: Mapping[str, str], gold: Mapping[str, str]) -> Scores:
    """B-cubed precision, recall and F1 over the articles in ``gold``."""
    ids = [i for i in gold if i in predicted]
    pred_groups = _groups({i: predicted[i] for i in ids})
    gold_groups = _groups({i: gold[i] for i in ids})
    p_sum = r_sum = 0.0
    for i in ids:
        mine, truth = pred_groups[predicted[i]], gold_groups[gold[i]]
        both = len(mine & truth)
        p_sum += both / len(mine)
        r_sum += both / len(truth)
    p, r = p_sum / max(len(ids), 1), r_sum / max(len(ids), 1)
    return Scores(p, r, _f1(p, r))


def pairwise(predicted: Mapping[str, str], gold: Mapping[str, str]) -> Scores:
    """Precision, recall and F1 of the same-event article pairs."""
    ids = [i for i in gold if i in predicted]
    pred_pairs = _pairs(_groups({i: predicted[i] for i in ids}))
    gold_pairs = _pairs(_groups({i: gold[i] for i in ids}))
    both = len(pred_pairs & gold_pairs)
    p = both / len(pred_pairs) if pred_pairs else 1.0
    r = both / len(gold_pairs) if gold_pairs else 1.0
    return Scores(p, r, _f1(p, r))


def singletons(gold: Mapping[str, str]) -> dict[str, str]:
    """The baseline that puts every article alone."""
    return {i: i for i in gold}


def _groups(labels: Mapping[str, str]) -> dict[str, set[str]]:
    groups: dict[str, set[str]] = {}
    for item, label in labels.items():
        groups.setdefault(label, set()).add(item)
    return groups


def _pairs(groups: Mapping[str, set[str]]) -> set[tuple[str, str]]:
    found = set()
    for members in groups.values():
        ordered = sorted(members)
        for x in range(len(ordered)):
            for y in range(x + 1, len(ordered)):
                found.add((ordered[x], ordered[y]))
    return found
