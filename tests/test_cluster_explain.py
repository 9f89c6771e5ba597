"""why(): what matched, what differed, score, threshold, link and event."""

from __future__ import annotations

import pytest

from newsfuse.cluster.explain import render, why
from newsfuse.cluster.incremental import Clusterer
from newsfuse.errors import NotFoundError
from test_cluster_fixtures import ALL


@pytest.fixture(scope="module")
def clusterer() -> Clusterer:
    c = Clusterer()
    c.add(ALL)
    return c


def test_why_same_event_names_shared_victim_and_place(clusterer: Clusterer) -> None:
    e = why(clusterer, "alder-1", "alder-2")
    assert e.same_event and e.linked and e.score >= e.threshold
    text = " ".join(e.matched)
    assert "dominic vasquez" in text and "brookfield" in text and "killed: 1 / 1" in text


def test_why_lookalikes_say_what_differs(clusterer: Clusterer) -> None:
    e = why(clusterer, "alder-1", "mill-1")
    assert not e.same_event and not e.linked and e.score < e.threshold
    differed = " ".join(e.differed)
    assert "no shared person names" in differed and "killed: 1 / 0" in differed
    assert any(v < 0 for v in e.contributions.values())


def test_render_mentions_verdict_score_and_evidence(clusterer: Clusterer) -> None:
    text = render(why(clusterer, "mill-1", "mill-2"))
    assert "the same event" in text and "score" in text and "threshold" in text
    assert "shared person names: shanice oduya" in text


def test_why_unknown_article_raises_not_found(clusterer: Clusterer) -> None:
    with pytest.raises(NotFoundError):
        why(clusterer, "alder-1", "no-such-article")
