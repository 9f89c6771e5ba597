"""Related events: relative dates and merging across articles (newsfuse.fuse.related)."""

from __future__ import annotations

import pytest

from newsfuse.fuse.related import context_entries, related_events, resolve_when
from newsfuse.model import AnnotatedArticle, Article, Claim


@pytest.mark.parametrize(
    ("phrase", "anchor", "expected"),
    [
        ("last Sunday", "2024-02-03", ("2024-01-28", "day")),  # DESIGN.md's example (a Saturday)
        ("last Sunday", "2024-02-02", ("2024-01-28", "day")),  # against a Friday event date
        ("on Sunday", "2024-02-04", ("2024-01-28", "day")),  # a Sunday: the one before
        ("Tuesday's", "2025-05-09", ("2025-05-06", "day")),
        ("last week", "2024-02-02", ("2024-01-22", "week")),
        ("recently", "2024-02-02", (None, None)),
        ("last Sunday", None, (None, None)),
    ],
)
def test_resolve_when(phrase: str, anchor: str | None, expected: tuple) -> None:
    assert resolve_when(phrase, anchor) == expected


def item(id_: str, published: str | None, *related: dict) -> AnnotatedArticle:
    return AnnotatedArticle(article=Article(id=id_, sha256=id_, text="t", published=published), related=list(related))


def rel(key: str, place: str | None = None, country: str | None = None, when: str | None = None, date: str | None = None) -> dict:
    return {"key": key, "relation": "retaliation_for", "description": key, "place": place, "country": country,
            "when": when, "date": date}


def test_mentions_of_one_earlier_attack_merge_and_get_its_date() -> None:
    items = [
        item("a", None, rel("undated:hill-9:ambush", "Hill 9", "XK", when="last Sunday")),
        item("b", "2024-02-03", rel("undated:xk:ambush", "Kosmar", "XK", when="on Sunday")),
        item("c", None, rel("undated:raid", when="last week")),  # no place: cannot be matched safely
    ]
    found, alias = related_events(items, "2024-02-02")
    merged = next(r for r in found if r["place"] == "Hill 9")
    assert (merged["date"], merged["date_precision"]) == ("2024-01-28", "day")
    assert merged["articles"] == ["a", "b"]
    assert alias["undated:hill-9:ambush"] == alias["undated:xk:ambush"] == merged["event"]
    assert len(found) == 2


def test_different_dates_stay_apart() -> None:
    items = [item("a", None, rel("k1", "Hill 9", "XK", date="2024-01-28")),
             item("b", None, rel("k2", "Hill 9", "XK", date="2024-01-10"))]
    found, _ = related_events(items, "2024-02-02")
    assert len(found) == 2


def test_related_events_do_not_depend_on_article_order() -> None:
    items = [item("a", None, rel("k1", "Hill 9", "XK", when="last Sunday")), item("b", None, rel("k2", None, "XK"))]
    assert related_events(items, "2024-02-02") == related_events(list(reversed(items)), "2024-02-02")


def test_context_entries_for_running_tallies() -> None:
    claims = [Claim(slot="injured", value=120, article="a", event_ref="context:since-october"),
              Claim(slot="killed", value=3, article="b", event_ref="k1")]
    entries = context_entries(claims, {"k1"})
    assert [(e["event"], e["relation"], e["articles"]) for e in entries] == [("context:since-october", "context", ["a"])]


def test_resolved_date_names_the_related_event() -> None:
    found, alias = related_events([item("a", None, rel("undated:hill-9:ambush", "Hill 9", "XK", when="last Sunday"))],
                                  "2024-02-02")
    assert found[0]["event"] == "2024-01-28:hill-9:ambush" == alias["undated:hill-9:ambush"]
