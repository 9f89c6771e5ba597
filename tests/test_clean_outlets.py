"""Outlet names from domains, "source" fields and names in the text."""

from __future__ import annotations

import pytest

from newsfuse.clean.outlets import outlet_from_name, outlet_from_source, outlet_from_url, registrable_domain


@pytest.mark.parametrize(
    "url, outlet",
    [
        ("https://lite.cnn.com/2024/02/02/world/story/index.html", "CNN"),
        ("https://www.rudaw.net/english/middleeast/iraq/020220241", "Rudaw"),
        ("https://www.bbc.co.uk/news/world-middle-east-1", "BBC"),
        ("https://abcnews.go.com/International/story", "ABC News"),
        ("http://www.valley-courier.example.com:80/news/depot", "example.com"),
        ("http://www.news4example.com/news/crime/x", "news4example.com"),
        ("not a url", None),
        (None, None),
    ],
)
def test_outlet_from_url(url, outlet):
    assert outlet_from_url(url) == outlet


@pytest.mark.parametrize(
    "source, outlet",
    [
        ("cnn.com", "CNN"),
        ("www.reuters.com", "Reuters"),
        ("Cable News Network", "CNN"),
        ("The Associated Press", "Associated Press"),
        ("Valley Courier", "Valley Courier"),
        ("", None),
        (None, None),
        (42, None),
    ],
)
def test_outlet_from_source(source, outlet):
    assert outlet_from_source(source) == outlet


def test_registrable_domain_uses_public_suffixes():
    assert registrable_domain("https://news.example.co.uk/a") == "example.co.uk"
    assert registrable_domain("http://localhost/a") is None


def test_outlet_from_name_keeps_unknown_names():
    assert outlet_from_name("  Valley   Courier. ") == "Valley Courier"
    assert outlet_from_name("agence france-presse") == "AFP"
