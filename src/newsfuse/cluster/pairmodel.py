"""The same-event pair models: what turns named pair features into a score.

Two kinds, both pure functions of the feature values and both loaded from JSON (no pickles:
a shipped model is data that can be read, diffed and reviewed):

* :class:`LinearModel`: logistic, ``bias + w . x``. The hand-set weights (HAND_WEIGHTS) are
  the fallback when no fitted model ships, and a readable baseline.
* :class:`TreeModel`: gradient-boosted regression trees on the logit scale, fitted by
  ``bench/quality.py --fit`` with scikit-learn's HistGradientBoostingClassifier and exported
  to ``resources/cluster_model.json`` as plain node lists. Trees learn what a linear model
  cannot: "different victims" matters when the texts are only loosely alike and not when
  they are copies of one wire story; a shared town means little without a shared date.
  Held-out (5-fold by event) on gva this raised pairwise F1 from 0.81 to 0.86.

Either model's ``contributions`` says, per feature, how far the logit moves when that
feature is taken away (set to "unknown", 0): an explanation that holds for any model.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib import resources
from typing import Any

__all__ = ["HAND_WEIGHTS", "LinearModel", "PairModel", "TreeModel", "load_model", "model_from_dict"]

MODEL_FILE = "resources/cluster_model.json"

# Hand-set weights of the fallback linear model (used only when no fitted model ships).
HAND_WEIGHTS = {
    "bias": -6.0, "text_cos": 9.0, "lead_cos": 2.0, "title_sim": 2.0, "minhash": 4.0,
    "propers_shared": 1.0, "propers_jaccard": 3.0, "rare_shared": 1.0, "numbers_jaccard": 2.0,
    "ages_shared": 1.0, "ages_disjoint": -1.0, "year_same": 0.5, "year_differ": -1.0,
    "persons_shared": 1.5, "surnames_shared": 1.0, "persons_disjoint": -1.0, "main_person_same": 1.0,
    "main_person_absent": -1.0, "main_person_differ": -0.5, "date_gap": -0.8, "date_far": -1.5, "same_town": 1.0,
    "other_town_same_admin1": -2.0, "other_admin1": -3.0, "km_log": -0.3, "killed_agree": 0.8,
    "killed_conflict": -1.0, "injured_agree": 0.5, "injured_conflict": -0.5, "type_same": 0.3,
    "type_differ": -1.5, "short_text": -0.5, "same_outlet": 0.0,
}


class PairModel:
    """What both models share: the probability and the explanation from ``logit``."""

    source = "hand-set"

    def logit(self, values: dict[str, float]) -> float:  # pragma: no cover - overridden
        raise NotImplementedError

    def probability(self, values: dict[str, float]) -> float:
        z = max(-50.0, min(50.0, self.logit(values)))
        return 1.0 / (1.0 + math.exp(-z))

    def contributions(self, values: dict[str, float]) -> dict[str, float]:
        """{feature: logit with it - logit without it}, for the non-zero features."""
        full = self.logit(values)
        out = {}
        for name in sorted(values):
            if values[name]:
                delta = full - self.logit({k: v for k, v in values.items() if k != name})
                if abs(delta) >= 0.0005:
                    out[name] = round(delta, 3)
        return out


class LinearModel(PairModel):
    """A logistic model: ``bias`` plus one weight per feature."""

    def __init__(self, weights: dict[str, float], source: str = "hand-set") -> None:
        self.bias = float(weights.get("bias", 0.0))
        self.weights = {name: float(value) for name, value in weights.items() if name != "bias"}
        self.source = source

    def logit(self, values: dict[str, float]) -> float:
        return self.bias + sum(self.weights.get(n, 0.0) * v for n, v in sorted(values.items()))


class TreeModel(PairModel):
    """Boosted regression trees on the logit scale. Each tree is a list of nodes
    ``[feature, threshold, left, right]`` (internal) or ``[value]`` (leaf); a value that is
    ``<= threshold`` goes left. Missing features read as 0, as in training."""

    def __init__(self, features: list[str], baseline: float, trees: list[list[list[Any]]],
                 source: str = "fitted") -> None:
        self.features = list(features)
        self.baseline = float(baseline)
        self.trees = trees
        self.source = source

    def logit(self, values: dict[str, float]) -> float:
        row = [values.get(name, 0.0) for name in self.features]
        total = self.baseline
        for tree in self.trees:
            node = tree[0]
            while len(node) == 4:
                node = tree[node[2] if row[node[0]] <= node[1] else node[3]]
            total += node[0]
        return total


def model_from_dict(data: dict[str, Any]) -> PairModel:
    """A model from its JSON form: ``{"kind": "trees", ...}`` or ``{"weights": {...}}``."""
    if data.get("kind") == "trees":
        return TreeModel(data["features"], data["baseline"], data["trees"], data.get("source", "fitted"))
    return LinearModel(data["weights"], source=data.get("source", "fitted"))


@lru_cache(maxsize=1)
def load_model() -> PairModel:
    """The shipped fitted model, or the hand-set linear one when none ships."""
    try:
        text = resources.files("newsfuse").joinpath(MODEL_FILE).read_text("utf-8")
    except (FileNotFoundError, OSError):
        return LinearModel(HAND_WEIGHTS)
    return model_from_dict(json.loads(text))
