"""Metadata lines: "Source:", bylines, "Updated:" stamps, datelines."""

from __future__ import annotations

import pytest

from newsfuse.clean.metadata import parse_byline, parse_dateline, parse_source_line, parse_stamp, parse_when


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Source: https://www.example-news.com/2025/03/04/a", ("url", "https://www.example-news.com/2025/03/04/a")),
        ("Source: Valley Courier", ("outlet", "Valley Courier")),
        ("Source: the health ministry said the toll would rise.", None),
        ("Sources said the toll would rise", None),
    ],
)
def test_source_line(line, expected):
    assert parse_source_line(line) == expected


@pytest.mark.parametrize(
    "line, authors, outlet",
    [
        ("By Lina Sabbagh, Omar Darwish and Petra Novak, CNN", ("Lina Sabbagh", "Omar Darwish", "Petra Novak"), "CNN"),
        ("By Lina Sabbagh and Omar Darwish", ("Lina Sabbagh", "Omar Darwish"), None),
        ("By PETRA NOVAK Associated Press", ("Petra Novak",), "Associated Press"),
        ("By Hassan al-Jabouri | Reuters", ("Hassan al-Jabouri",), "Reuters"),
        ("By Sara Mendez, Staff Writer", ("Sara Mendez",), None),
    ],
)
def test_byline(line, authors, outlet):
    byline = parse_byline(line)
    assert byline is not None
    assert byline.authors == authors
    assert byline.outlet == outlet


@pytest.mark.parametrize(
    "line",
    [
        "By the time rescuers arrived, the fire had spread to two warehouses.",
        "by noon the roads were closed",
        "By Tuesday",
    ],
)
def test_sentences_starting_with_by_are_not_bylines(line):
    assert parse_byline(line) is None


@pytest.mark.parametrize(
    "line, kind, when",
    [
        ("Updated: 6:05 AM EST, Mon January 13, 2025", "updated", "2025-01-13T06:05:00-05:00"),
        ("Updated 3:15 p.m. ET, Tue June 4, 2024", "updated", "2024-06-04T15:15:00-04:00"),
        ("Published 10:02 GMT, 4 March 2025", "published", "2025-03-04T10:02:00+00:00"),
        ("Posted: March 4, 2025", "published", "2025-03-04"),
        ("Last updated on 12 May 2025 at 18:30 CEST", "updated", "2025-05-12T18:30:00+02:00"),
        ("Updated:", "updated", None),
    ],
)
def test_stamp(line, kind, when):
    stamp = parse_stamp(line)
    assert stamp is not None and stamp.kind == kind and stamp.when == when


@pytest.mark.parametrize("line", ["Updated 2 hours ago", "Published by the ministry on its website", "Updated figures show"])
def test_stamp_needs_a_full_date(line):
    assert parse_stamp(line) is None


def test_when_without_a_year_is_none():
    assert parse_when("6:05 AM EST, Mon January 13") is None


@pytest.mark.parametrize(
    "line, place, credit",
    [
        ("ERBIL, Kurdistan Region - A drone struck", "Erbil", None),
        ("WASHINGTON: The Pentagon said", "Washington", None),
        ("GAINESVILLE, Fla. - Two men were", "Gainesville, Fla.", None),
        ("DEIR EZ-ZOR, Syria (AFP) — Drones hit", "Deir Ez-Zor", "AFP"),
        ("BEIRUT, March 4 (Reuters) - Israeli", "Beirut", "Reuters"),
        ("ODESSA, Texas (AP) — A gunman", "Odessa, Texas", "AP"),
        ("AL-QAIM, Iraq —", "Al-Qaim", None),
    ],
)
def test_dateline(line, place, credit):
    dateline = parse_dateline(line)
    assert dateline is not None and dateline.place == place and dateline.credit == credit


@pytest.mark.parametrize(
    "line",
    [
        "Kirby said - without giving figures - that",
        "UPDATE: police have named the victim",
        "US: strikes will continue",
        "The strikes - the third this month - hit",
    ],
)
def test_not_a_dateline(line):
    assert parse_dateline(line) is None
