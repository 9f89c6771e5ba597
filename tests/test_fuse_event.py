"""The event record from annotated articles (newsfuse.fuse.build_event)."""

from __future__ import annotations

import random

import pytest

from newsfuse.fuse import build_event
from newsfuse.model import AnnotatedArticle, Article, EventDate, Figure, Place, to_dict


@pytest.fixture()
def items(fuse_items: list[AnnotatedArticle]) -> list[AnnotatedArticle]:
    return fuse_items


def test_build_event_fuses_figures(items) -> None:
    event = build_event("ev-1", items)
    # Kessel: 14 is backed by two independent sources (prefect, hospital staff), 3 was a first report;
    # Orno (another country) adds 5. Injured: one report of "more than 20".
    assert event.killed == Figure(best=19, low=8, high=19, status="contested")
    assert event.injured == Figure(best=20, low=20, high=20, status="single_source")


def test_build_event_lists_the_toll_disagreement_as_rising(items) -> None:
    event = build_event("ev-1", items)
    killed = [d for d in event.disagreements if d["slot"] == "killed"]
    assert len(killed) == 1
    assert sorted(v["value"] for v in killed[0]["values"]) == [3, 14]
    assert killed[0]["rising_toll"] is True


def test_build_event_claims_carry_evidence_and_status(items) -> None:
    event = build_event("ev-1", items)
    fourteen = next(c for c in event.claims if c["slot"] == "killed" and c["value"] == 14)
    assert fourteen["status"] == "contested"
    assert fourteen["sources"] == 2  # the prefect twice counts once
    for ev in fourteen["evidence"]:
        item = next(i for i in items if i.article.id == ev["article"])
        assert item.article.text[ev["start"]:ev["end"]]
        assert ev["sentence"] in item.article.text


def test_build_event_metadata(items) -> None:
    event = build_event("ev-1", items)
    assert event.type == "air strike"
    assert (event.date, event.date_precision) == ("2025-05-09", "day")
    assert [a["id"] for a in event.articles] == ["r2", "w1", "p3"]  # by publication time
    assert event.place is not None and event.place.name == "Kessel"
    assert [p.name for p in event.places] == ["Kessel", "Orno"]
    assert event.title in {i.article.title for i in items}
    assert [(a.name, a.role) for a in event.actors] == [("Northern Drone Corps", "perpetrator")]


def test_build_event_related_event_keeps_its_own_claims(items) -> None:
    event = build_event("ev-1", items)
    assert len(event.related) == 1
    related = event.related[0]
    assert related["relation"] == "retaliation_for" and related["date"] == "2025-05-06"
    assert [c["value"] for c in related["claims"]] == [2]
    assert all(c["value"] != 2 for c in event.claims if c["slot"] == "killed")


def test_build_event_groups_quotes_by_speaker(items) -> None:
    event = build_event("ev-1", items)
    assert len(event.quotes) == 1
    assert event.quotes[0]["articles"] == ["p3", "w1"]


def test_build_event_is_independent_of_input_order(items) -> None:
    shuffled = list(items)
    random.Random(7).shuffle(shuffled)
    assert to_dict(build_event("ev-1", shuffled)) == to_dict(build_event("ev-1", list(reversed(items))))


def test_build_event_excludes_datelines_and_places_of_earlier_events(items) -> None:
    first = items[0]
    text = first.article.text
    lunden = text.index("Lunden")
    first.places.append(Place(name="Lunden", country="FR", start=lunden, end=lunden + 6))
    first.places.append(Place(name="Capital City", country="FR", source="dateline"))
    names = [p.name for p in build_event("ev-1", items).places]
    assert "Lunden" not in names and "Capital City" not in names


def article(id_: str, published: str | None, event_date: EventDate | None, title: str | None = None) -> AnnotatedArticle:
    return AnnotatedArticle(article=Article(id=id_, sha256=id_, text="Something happened. More text.", title=title,
                                            published=published), event_date=event_date)


@pytest.mark.parametrize(
    ("dates", "expected"),
    [
        ([("2024-02-02", "day"), ("2024-02-02", "day"), ("2024-02-05", "day")], ("2024-02-02", "day")),
        ([("2024-02-01", "month"), ("2024-02-02", "day")], ("2024-02-02", "day")),  # finest of equal support
        ([("2024-02-01", "month"), ("2024-02-01", "month"), ("2024-03-09", "day")], ("2024-02-01", "month")),
    ],
)
def test_event_date_is_the_most_supported_then_finest(dates: list, expected: tuple) -> None:
    items = [article(f"a{n}", "2024-03-10", EventDate(d, p)) for n, (d, p) in enumerate(dates)]
    event = build_event("e", items)
    assert (event.date, event.date_precision) == expected


def test_event_date_falls_back_to_publication() -> None:
    event = build_event("e", [article("a", "2024-02-03T10:00:00Z", None), article("b", "2024-02-04", None)])
    assert (event.date, event.date_precision) == ("2024-02-03", "day")


def test_title_is_the_most_representative() -> None:
    titles = ["Floods hit the river towns", "River towns hit by floods after storm", "Minister resigns"]
    items = [article(f"a{n}", "2024-01-01", None, t) for n, t in enumerate(titles)]
    assert build_event("e", items).title in titles[:2]


def test_event_without_figures_has_null_killed_and_injured() -> None:
    event = build_event("e", [article("a", None, None)])
    assert event.killed is None and event.injured is None and event.claims == []


def test_single_article_event_keeps_the_places_it_names() -> None:
    text = "Floods hit Maravel and Ostrow on Monday."
    places = [Place(name="Maravel", country="XM", start=11, end=18), Place(name="Ostrow", country="XM", start=23, end=29),
              Place(name="Capital", country="XM", source="dateline")]
    item = AnnotatedArticle(article=Article(id="a", sha256="a", text=text), places=places)
    assert [p.name for p in build_event("e", [item]).places] == ["Maravel", "Ostrow"]


def test_build_event_town_leads_when_the_finest_place_is_a_street():
    from newsfuse.fuse.places import town_leads

    street = Place("Quillon Street", country="US", admin1="Ohio", precision="address")
    town = Place("Zanesville", country="US", admin1="Ohio", lat=39.94, lon=-82.01, precision="town")
    led = town_leads([street, town])
    assert [p.name for p in led] == ["Zanesville", "Quillon Street"]
    assert led[0].address == "Quillon Street"
    assert town_leads([town, street]) == [town, street]
