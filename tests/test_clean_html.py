"""HTML pages through trafilatura: body without navigation, footer and comments; metadata."""

from __future__ import annotations

import pytest

from newsfuse.clean import clean
from newsfuse.clean.html import extract_html, strip_site_suffix
from newsfuse.errors import EmptyInputError
from newsfuse.model import RawDocument


def _clean_page(data_dir, name, **fields):
    path = data_dir / "clean" / name
    return clean(RawDocument(name, str(path), path.read_bytes(), "html", fields))


@pytest.fixture(scope="module")
def tv(data_dir):
    return _clean_page(data_dir, "tv_station.html")


def test_html_body_is_the_article(tv):
    assert tv.text.startswith("A drone struck a fuel depot")
    assert "Karim Haddad" in tv.text
    assert "Residents describe the blast" in tv.text.split("\n")  # subheading stays


@pytest.mark.parametrize(
    "boilerplate",
    ["Sign in", "Weather", "Related stories", "Earlier strike hit the same road", "moderates all comments",
     "This is awful", "Post a comment", "All rights reserved", "Privacy Policy", "Cookie Settings"],
)
def test_html_boilerplate_is_gone(tv, boilerplate):
    assert boilerplate not in tv.text


def test_html_metadata(tv):
    assert tv.title == "Drone strike sets fuel depot ablaze in border town"
    assert tv.authors == ["Petra Novak"]
    assert tv.published == "2025-03-05"
    assert tv.url == "https://www.channel9valley.example.com/news/world/drone-strike-depot"
    assert tv.outlet == "Channel 9 Valley News"
    assert tv.lang == "en"


def test_html_figcaption_is_a_caption(tv):
    assert tv.captions == ["Smoke rises over the depot on Tuesday night. Photo: Lina Sabbagh/AFP"]
    assert "Smoke rises" not in tv.text


def test_record_fields_win_over_markup(data_dir):
    article = _clean_page(data_dir, "tv_station.html", title="Depot hit", source="cnn.com", published="2025-03-04")
    assert (article.title, article.outlet, article.published) == ("Depot hit", "CNN", "2025-03-04")


def test_malformed_html_does_not_crash(data_dir):
    article = _clean_page(data_dir, "malformed.html")
    assert "Four people were killed" in article.text
    assert "not text" not in article.text  # script content stays out


def test_navigation_only_page_is_empty(data_dir):
    with pytest.raises(EmptyInputError):
        _clean_page(data_dir, "navigation_only.html")


@pytest.mark.parametrize(
    "markup",
    [
        "<<<>>>",
        "<html><body><p>Unclosed <b>bold <div>text &amp; more",
        '<?xml version="1.0" encoding="utf-8"?><html><body><p>A short line of text here.</p></body></html>',
        "<html>" + "<div>" * 500 + "deep text in a deep tree of divs" + "</div>" * 10,
        "",
    ],
)
def test_extract_html_never_raises(markup):
    assert isinstance(extract_html(markup).text, str)


def test_html_record_text_is_read_as_html():
    body = "A drone struck the depot on Tuesday, officials said. " * 4
    markup = f"<html><body><nav>Home News Weather</nav><article><p>{body}</p></article></body></html>"
    article = clean(RawDocument("r1", "r.jsonl:1", markup.encode(), "record", {"id": "r1"}))
    assert article.text.startswith("A drone struck the depot")
    assert "<" not in article.text


@pytest.mark.parametrize(
    "title, names, expected",
    [
        ("Drone hits depot near border | Valley News", ["Valley News"], "Drone hits depot near border"),
        ("Drone hits depot near border - CNN", [None, "CNN"], "Drone hits depot near border"),
        ("Drone hits depot near border", ["CNN"], "Drone hits depot near border"),
    ],
)
def test_strip_site_suffix(title, names, expected):
    assert strip_site_suffix(title, names) == expected
