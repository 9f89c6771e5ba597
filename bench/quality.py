"""Grouping quality on the real corpora (../shared/datasets/gva and ecbplus).

    .venv/bin/python bench/quality.py                 # cluster each corpus, print scores
    .venv/bin/python bench/quality.py --cv 5          # held-out scores: fit on 4/5, test on 1/5
    .venv/bin/python bench/quality.py --fit           # fit the pair model, write resources/cluster_model.json
    .venv/bin/python bench/quality.py --cv 5 --linear # the same with the logistic model

Annotated articles are cached under /tmp/newsfuse-cache (see _corpus.py). Folds for
cross-validation are whole gold events (gva) or whole topics (ecbplus), so that no
event, and no look-alike pair of events, is seen in training and testing at once.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import os
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpus import Corpus, annotate_cached, bcubed, load_corpus, pairwise, singletons  # noqa: E402

from newsfuse.cluster.blocking import block_keys  # noqa: E402
from newsfuse.cluster.features import ArticleFeatures, extract  # noqa: E402
from newsfuse.cluster.incremental import Clusterer  # noqa: E402
from newsfuse.cluster.pairmodel import HAND_WEIGHTS, LinearModel, TreeModel, load_model  # noqa: E402
from newsfuse.cluster.similarity import FEATURE_NAMES, pair_features  # noqa: E402

CORPORA = ("gva", "ecbplus")
NON_POSITIVE = ("other_town_same_admin1", "other_admin1", "killed_conflict", "injured_conflict",
                "persons_disjoint", "main_person_absent", "main_person_differ", "date_far", "type_differ", "short_text",
                "ages_disjoint", "year_differ")
MIN_SUPPORT = 30  # pairs where a feature is non-zero, needed to fit its weight
MODEL_PATH = Path(__file__).resolve().parent.parent / "src" / "newsfuse" / "resources" / "cluster_model.json"
# Boosted trees: small trees, slow learning, leaves of at least 40 pairs (no memorised pairs).
TREE_PARAMS = {"max_iter": 200, "learning_rate": 0.05, "max_leaf_nodes": 15, "min_samples_leaf": 40, "random_state": 0}


def provisional_components() -> list | None:
    """With NEWSFUSE_BENCH_COMPONENTS="mentions:sentences,mentions:mentions,...", run those
    annotate components (module:attribute) instead of the standard pipeline: lets the
    grouping be measured on components written but not yet registered."""
    spec = os.environ.get("NEWSFUSE_BENCH_COMPONENTS")
    if not spec:
        return None
    found = []
    for item in spec.split(","):
        module, attr = item.split(":")
        found.append(getattr(importlib.import_module(f"newsfuse.annotate.{module}"), attr))
    return found


def prepare(name: str) -> tuple[Corpus, list[ArticleFeatures]]:
    corpus = load_corpus(name)
    items = annotate_cached(corpus, provisional_components())
    return corpus, [extract(item) for item in items]


def cluster(feats: list[ArticleFeatures], model, threshold: float | None = None) -> tuple[dict[str, str], dict]:
    """{article id: event id} and counters, clustering ``feats`` in one batch."""
    clusterer = Clusterer(threshold=threshold, model=model)
    clusterer.add(feats)
    by_sha: dict[str, list[str]] = defaultdict(list)
    for f in feats:
        by_sha[f.sha256].append(f.id)
    labels = {}
    for ev, members in clusterer.events().items():
        for sha in members:
            for article_id in by_sha[sha]:
                labels[article_id] = ev
    return labels, clusterer.stats()


def candidate_pairs(feats: list[ArticleFeatures]) -> set[tuple[int, int]]:
    """Index pairs sharing a block key (what the clusterer compares)."""
    index: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(feats):
        for key in block_keys(f):
            index[key].append(i)
    pairs = set()
    for members in index.values():
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                pairs.add((members[x], members[y]))
    return pairs


def labelled_pairs(corpus: Corpus, feats: list[ArticleFeatures]):
    """(feature rows, labels, fold keys of both ends) of the candidate pairs."""
    rows, labels, ends = [], [], []
    for i, j in sorted(candidate_pairs(feats)):
        a, b = feats[i], feats[j]
        if a.id not in corpus.gold or b.id not in corpus.gold:
            continue
        values = pair_features(a, b)
        rows.append([values.get(n, 0.0) for n in FEATURE_NAMES])
        labels.append(int(corpus.gold[a.id] == corpus.gold[b.id]))
        ends.append((a.id, b.id))
    return rows, labels, ends


def blocking_recall(corpus: Corpus, feats: list[ArticleFeatures]) -> float:
    """Share of the gold same-event pairs (distinct texts) that blocking proposes."""
    found = {frozenset((feats[i].sha256, feats[j].sha256)) for i, j in candidate_pairs(feats)}
    by_event: dict[str, set[str]] = defaultdict(set)
    for f in feats:
        if f.id in corpus.gold:
            by_event[corpus.gold[f.id]].add(f.sha256)
    gold = {frozenset((x, y)) for shas in by_event.values() for x in shas for y in shas if x < y}
    return len(gold & found) / max(len(gold), 1)


def fold_of(corpus: Corpus, article_id: str, k: int) -> int:
    """Fold by gold event (gva) or by topic (ecbplus: both events of a topic together)."""
    topic = corpus.extra.get(article_id, {}).get("topic")
    group = f"topic:{topic}" if topic is not None else corpus.gold[article_id]
    return int(hashlib.sha256(group.encode()).hexdigest(), 16) % k


def _pooled(data: list[tuple]):
    """Pooled pair rows, labels and weights: each corpus weighs the same, and within a
    corpus every pair weighs the same. Classes are NOT rebalanced, so the model's output is a
    calibrated probability in each regime the features reveal (dated local news, undated
    wire copy), and one threshold serves both."""
    import numpy as np

    xs, ys, ws = [], [], []
    for rows, labels in data:
        if not rows:
            continue
        y = np.array(labels)
        xs.append(np.array(rows))
        ys.append(y)
        ws.append(np.full(len(y), 1000.0 / len(y)))
    return np.vstack(xs), np.concatenate(ys), np.concatenate(ws)


def fit_model(data: list[tuple], c: float = 1.0, linear: bool = False):
    """The pair model fitted on pooled pair rows: boosted trees, or logistic with ``linear``."""
    return fit_linear(data, c) if linear else fit_trees(data)


# The direction each feature may move the score (monotonic constraints of the trees):
# agreement only raises it, disagreement only lowers it, whatever noise the dev corpora
# hold; 0 leaves the direction to the data.
RAISES = {"text_cos", "lead_cos", "title_sim", "minhash", "propers_shared", "propers_jaccard", "rare_shared",
          "numbers_jaccard", "ages_shared", "year_same", "persons_shared", "surnames_shared", "main_person_same", "same_town",
          "killed_agree", "injured_agree", "type_same"}
# short_text is left free: a pair of failed crawls is judged on title and URL words alone.
LOWERS = set(NON_POSITIVE) - {"short_text"} | {"date_gap", "km_log"}


def monotonic() -> list[int]:
    return [1 if n in RAISES else -1 if n in LOWERS else 0 for n in FEATURE_NAMES]


def fit_trees(data: list[tuple]) -> TreeModel:
    from sklearn.ensemble import HistGradientBoostingClassifier

    x, y, w = _pooled(data)
    fitted = HistGradientBoostingClassifier(**TREE_PARAMS, monotonic_cst=monotonic()).fit(x, y, sample_weight=w)
    trees = [_tree_nodes(predictors[0].nodes) for predictors in fitted._predictors]
    return TreeModel(list(FEATURE_NAMES), float(fitted._baseline_prediction.ravel()[0]), trees)


def _tree_nodes(nodes) -> list[list]:
    """sklearn's node array as ``[feature, threshold, left, right]`` / ``[value]`` lists."""
    out = []
    for node in nodes:
        if node["is_leaf"]:
            out.append([round(float(node["value"]), 6)])
        else:
            out.append([int(node["feature_idx"]), float(node["num_threshold"]), int(node["left"]), int(node["right"])])
    return out


def fit_linear(data: list[tuple], c: float = 1.0) -> LinearModel:
    """Logistic regression on pooled pair rows."""
    from sklearn.linear_model import LogisticRegression

    x, y, w = _pooled(data)
    # A feature the dev corpora (almost) never show cannot be fitted: it keeps its hand-set weight.
    support = (x != 0).sum(axis=0)
    kept = [i for i, n in enumerate(FEATURE_NAMES) if support[i] >= MIN_SUPPORT]
    model = LogisticRegression(C=c, max_iter=5000)
    model.fit(x[:, kept], y, sample_weight=w)
    weights = dict(HAND_WEIGHTS)
    weights["bias"] = float(model.intercept_[0])
    weights.update({FEATURE_NAMES[i]: float(model.coef_[0][k]) for k, i in enumerate(kept)})
    # Disagreements and thin evidence may only lower the score: a positive fitted weight
    # there reflects annotation noise in the dev corpora, not a rule to generalise.
    for name in NON_POSITIVE:
        weights[name] = min(0.0, weights[name])
    return LinearModel(weights, source="fitted")


def report(name: str, corpus: Corpus, labels: dict[str, str], stats: dict, n: int, seconds: float) -> None:
    b, p = bcubed(labels, corpus.gold), pairwise(labels, corpus.gold)
    sb, sp = bcubed(singletons(corpus.gold), corpus.gold), pairwise(singletons(corpus.gold), corpus.gold)
    all_pairs = n * (n - 1) // 2
    compared = stats.get("pairs_compared", 0)
    print(f"{name}: {n} articles, {len(set(labels.values()))} events predicted, "
          f"{len(set(corpus.gold.values()))} gold; {seconds:.1f}s")
    print(f"  B-cubed   {b}    (singletons: {sb})")
    print(f"  pairwise  {p}    (singletons: {sp})")
    print(f"  pairs compared {compared} of {all_pairs} ({100 * compared / max(all_pairs, 1):.2f}%)")


def run_plain(names: list[str], threshold: float | None) -> None:
    model = load_model()
    print(f"model: {model.source}")
    for name in names:
        corpus, feats = prepare(name)
        start = time.time()
        labels, stats = cluster(feats, model, threshold)
        report(name, corpus, labels, stats, len(feats), time.time() - start)


def run_cv(names: list[str], k: int, threshold: float | None, c: float, linear: bool = False) -> None:
    """Held-out scores: for each fold, fit on the other folds of every corpus, cluster
    the fold's articles. Scores are pooled over the folds' predictions."""
    prepared = {n: prepare(n) for n in names}
    pairs = {n: labelled_pairs(*prepared[n]) for n in names}
    predicted: dict[str, dict[str, str]] = {n: {} for n in names}
    stats_sum: dict[str, dict] = {n: defaultdict(int) for n in names}
    for fold in range(k):
        train = []
        for n in names:
            corpus = prepared[n][0]
            rows, labels, ends = pairs[n]
            keep = [i for i, (a, b) in enumerate(ends) if fold_of(corpus, a, k) != fold and fold_of(corpus, b, k) != fold]
            train.append(([rows[i] for i in keep], [labels[i] for i in keep]))
        model = fit_model(train, c, linear)
        for n in names:
            corpus, feats = prepared[n]
            test = [f for f in feats if fold_of(corpus, f.id, k) == fold]
            labels, stats = cluster(test, model, threshold)
            predicted[n].update({a: f"{fold}/{ev}" for a, ev in labels.items()})
            for key, value in stats.items():
                stats_sum[n][key] += value
    for n in names:
        corpus = prepared[n][0]
        gold = corpus.gold
        print(f"{n} (held-out, {k} folds):")
        print(f"  B-cubed   {bcubed(predicted[n], gold)}    (singletons: {bcubed(singletons(gold), gold)})")
        print(f"  pairwise  {pairwise(predicted[n], gold)}    (singletons: {pairwise(singletons(gold), gold)})")


def run_fit(names: list[str], c: float, linear: bool) -> None:
    data = []
    for n in names:
        corpus, feats = prepare(n)
        rows, labels, _ = labelled_pairs(corpus, feats)
        print(f"{n}: {len(rows)} candidate pairs, {sum(labels)} same-event; "
              f"blocking recall {blocking_recall(corpus, feats):.3f}")
        data.append((rows, labels))
    model = fit_model(data, c, linear)
    MODEL_PATH.write_text(json.dumps(model_payload(model)) + "\n", encoding="utf-8")
    print(f"wrote {MODEL_PATH.name}: {model_payload(model)['kind']}")


def model_payload(model) -> dict:
    """The JSON form that ``pairmodel.model_from_dict`` reads."""
    about = ("Same-event pair model fitted by bench/quality.py --fit on the candidate pairs of the gva and "
             "ecbplus dev corpora; see cluster/pairmodel.py and cluster/similarity.py.")
    if isinstance(model, TreeModel):
        return {"about": about, "kind": "trees", "source": "fitted", "params": TREE_PARAMS,
                "monotonic": dict(zip(FEATURE_NAMES, monotonic())),
                "features": model.features, "baseline": round(model.baseline, 6), "trees": model.trees}
    weights = {"bias": round(model.bias, 4), **{k: round(v, 4) for k, v in sorted(model.weights.items())}}
    return {"about": about, "kind": "linear", "source": "fitted", "weights": weights}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", action="append", choices=CORPORA)
    parser.add_argument("--cv", type=int, default=0, help="k-fold held-out evaluation")
    parser.add_argument("--fit", action="store_true", help="fit and write the pair model")
    parser.add_argument("--threshold", type=float, default=None)
    parser.add_argument("--C", type=float, default=1.0, help="inverse regularisation of the linear fit")
    parser.add_argument("--linear", action="store_true", help="fit the logistic model instead of trees")
    args = parser.parse_args()
    names = args.corpus or list(CORPORA)
    if args.fit:
        run_fit(list(CORPORA), args.C, args.linear)
    elif args.cv:
        run_cv(names, args.cv, args.threshold, args.C, args.linear)
    else:
        run_plain(names, args.threshold)


if __name__ == "__main__":
    main()
