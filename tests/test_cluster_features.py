"""Per-article features: pure, serialisable, graceful when annotations are missing."""

from __future__ import annotations

import pytest

from newsfuse.cluster.features import ArticleFeatures, extract, name_key, surname_key, term_vector, url_headline
from test_cluster_fixtures import ALDER_1, STUB, make


def test_extract_round_trips_through_json() -> None:
    feats = extract(ALDER_1)
    assert ArticleFeatures.from_json(feats.to_json()) == feats


def test_extract_reads_annotations() -> None:
    feats = extract(ALDER_1)
    assert feats.event_date == "2019-03-08" and feats.published == "2019-03-09"
    assert feats.town == "brookfield" and feats.admin1 == "ohio"
    assert feats.persons == ["dominic vasquez"] and feats.surnames == ["vasquez"]
    assert feats.killed == [1.0, 1.0] and feats.injured == [1.0, 1.0]
    assert "vasquez" in feats.propers and "400" in feats.numbers


def test_extract_accepts_an_article_without_annotations_or_text() -> None:
    feats = extract(make("empty", ""))
    assert feats.terms == {} and feats.minhash == [] and feats.persons == []
    assert extract(STUB).text_chars == len(STUB.article.text)


def test_term_vector_is_unit_length_and_weighs_rare_words_more() -> None:
    vector = term_vector("Police said Vasquez was shot. Police said more.")
    assert sum(w * w for w in vector.values()) == pytest.approx(1.0, abs=1e-4)
    assert vector["vasquez"] > vector["police"]


@pytest.mark.parametrize(
    "name,key,surname",
    [("Dominic Vasquez", "dominic vasquez", "vasquez"), ("Dr. José A. Núñez Jr.", "jose nunez", "nunez"),
     ("Officer Smith", "smith", "smith"), ("", "", "")],
)  # fmt: skip
def test_name_keys_drop_titles_initials_and_suffixes(name: str, key: str, surname: str) -> None:
    assert name_key(name) == key and surname_key(name) == surname


@pytest.mark.parametrize(
    "url, words",
    [
        ("https://news.example/local/crime/teen-hurt-in-shooting-near-elm-park-1.2345", "teen hurt in shooting near elm park"),
        ("https://tv.example/story/31551700/two-shot-outside-corner-store", "two shot outside corner store"),
        ("https://paper.example/news/article_4a1c0e-8f6c-5a02.html", ""),
        (None, ""),
    ],
)
def test_url_headline_reads_the_slug(url: str | None, words: str) -> None:
    assert url_headline(url) == words


def test_extract_reads_the_url_headline_of_a_failed_crawl() -> None:
    import dataclasses

    item = make("thin", "Subscribe to keep reading.", title="Local news")
    item = dataclasses.replace(item, article=dataclasses.replace(item.article, url="https://p.example/a/woman-shot-outside-bakery-on-quill-street"))
    assert {"bakery", "quill"} <= set(extract(item).terms)
    full = make("full", "Subscribe to keep reading. " * 20, title="Local news")
    full = dataclasses.replace(full, article=dataclasses.replace(full.article, url="https://p.example/a/woman-shot-outside-bakery-on-quill-street"))
    assert "bakery" not in extract(full).terms


@pytest.mark.parametrize(
    "text, expected",
    [
        ("A 17-year-old boy and a 24 year old man were shot.", [17, 24]),
        ("Jo Doe, 34, of Dover died; her son, aged 5, was hurt.", [5, 34]),
        ("A three-year-old found the gun.", [3]),
        ("Police said 300 rounds were fired in 2016.", []),
    ],
)
def test_features_ages(text, expected):
    from newsfuse.cluster.features import ages

    assert ages(text) == expected

