"""Pair models: tree walking, JSON round trip, contributions, the shipped model's directions."""

from __future__ import annotations

import math

import pytest

from newsfuse.cluster.pairmodel import LinearModel, TreeModel, load_model, model_from_dict
from newsfuse.cluster.similarity import FEATURE_NAMES

# One tree: text_cos <= 0.3 ? (same_town <= 0.5 ? -2 : 0.5) : 3
TREE = [[0, 0.3, 1, 2], [1, 0.5, 3, 4], [3.0], [-2.0], [0.5]]


def _tree_model() -> TreeModel:
    return TreeModel(["text_cos", "same_town"], baseline=-1.0, trees=[TREE, [[0.25]]])


@pytest.mark.parametrize(
    "values, logit",
    [({}, -1.0 - 2.0 + 0.25), ({"text_cos": 0.9}, -1.0 + 3.0 + 0.25), ({"text_cos": 0.1, "same_town": 1.0}, -1.0 + 0.5 + 0.25),
     ({"text_cos": 0.3}, -1.0 - 2.0 + 0.25)],
)
def test_pairmodel_tree_walks_left_on_less_or_equal(values: dict, logit: float) -> None:
    assert _tree_model().logit(values) == pytest.approx(logit)


def test_pairmodel_probability_is_the_logistic_of_the_logit() -> None:
    model = _tree_model()
    z = model.logit({"text_cos": 0.9})
    assert model.probability({"text_cos": 0.9}) == pytest.approx(1 / (1 + math.exp(-z)))


@pytest.mark.parametrize("data", [
    {"kind": "trees", "features": ["text_cos", "same_town"], "baseline": -1.0, "trees": [TREE]},
    {"kind": "linear", "weights": {"bias": -2.0, "text_cos": 4.0}},
])
def test_pairmodel_from_dict_reads_both_kinds(data: dict) -> None:
    model = model_from_dict(data)
    assert isinstance(model, TreeModel if data["kind"] == "trees" else LinearModel)
    assert model.logit({"text_cos": 0.9}) > model.logit({"text_cos": 0.1})


def test_pairmodel_contributions_are_the_logit_moved_by_each_feature() -> None:
    model = LinearModel({"bias": -1.0, "text_cos": 4.0, "same_town": 1.0})
    assert model.contributions({"text_cos": 0.5, "same_town": 1.0, "minhash": 0.0}) == {"same_town": 1.0, "text_cos": 2.0}


def test_pairmodel_shipped_model_covers_the_pair_features() -> None:
    model = load_model()
    assert model.source == "fitted"
    if isinstance(model, TreeModel):
        assert model.features == list(FEATURE_NAMES)


@pytest.mark.parametrize("feature, direction", [
    ("text_cos", 1), ("lead_cos", 1), ("same_town", 1), ("killed_agree", 1),
    ("other_admin1", -1), ("killed_conflict", -1), ("date_far", -1), ("type_differ", -1), ("persons_disjoint", -1),
])
def test_pairmodel_shipped_model_moves_each_way_it_should(feature: str, direction: int) -> None:
    """Agreement never lowers the score and disagreement never raises it, in any context."""
    model = load_model()
    contexts = [{}, {"text_cos": 0.2, "same_town": 1.0}, {"text_cos": 0.6, "lead_cos": 0.5, "date_gap": 1.1},
                {"text_cos": 0.9, "minhash": 0.5, "title_sim": 0.7}]
    for context in contexts:
        base = dict(context, **{feature: 0.0})
        moved = dict(context, **{feature: 1.0 if feature != "text_cos" else context.get("text_cos", 0.0) + 0.3})
        assert direction * (model.logit(moved) - model.logit(base)) >= 0
