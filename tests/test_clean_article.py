"""The clean() entry point: ids, record fields, warnings, hashing, errors, determinism."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsfuse.clean import clean
from newsfuse.clean.normalize import article_hash
from newsfuse.config import Settings
from newsfuse.errors import EmptyInputError, EncodingError, InputError
from newsfuse.model import Article, RawDocument, to_dict

TEXT = (
    "Drone strike sets fuel depot ablaze near the border\n"
    "By Lina Sabbagh and Omar Darwish, Reuters\n"
    "Updated: 9:15 PM GMT, Tue March 4, 2025\n"
    "AL-QAIM, Iraq - A drone struck a fuel depot on the edge of the town on Tuesday night, officials said.\n"
    "The provincial health directorate said four people were killed and nine were wounded.\n"
    "Copyright 2025 Example Wire Service. All rights reserved.\n"
)


def _text(data: str, **fields) -> Article:
    kind = "record" if fields else "text"
    return clean(RawDocument("a1", "dir/a1.txt", data.encode("utf-8"), kind, fields))


def test_text_article_metadata():
    article = _text(TEXT)
    assert article.id == "a1" and article.origin == "dir/a1.txt"
    assert article.title == "Drone strike sets fuel depot ablaze near the border"
    assert article.authors == ["Lina Sabbagh", "Omar Darwish"]
    assert article.outlet == "Reuters"
    assert article.updated == "2025-03-04T21:15:00+00:00"
    assert article.dateline == "Al-Qaim"
    assert article.text.startswith("AL-QAIM, Iraq - A drone struck")
    assert article.lang == "en"


def test_record_fields_win_over_guesses():
    article = _text(
        TEXT, title="Depot burns after drone strike", published="2025-03-05", source="Valley Courier",
        url="https://valleycourier.example.org/depot", lang="en", author="Sara Mendez",
    )
    assert article.title == "Depot burns after drone strike"
    assert article.published == "2025-03-05"
    assert article.outlet == "Valley Courier"
    assert article.url == "https://valleycourier.example.org/depot"
    assert article.authors == ["Sara Mendez"]


def test_outlet_from_text_cue_when_nothing_else():
    text = "\n".join(TEXT.split("\n")[3:5]) + "\n© 2025 Cable News Network. All rights reserved."
    assert _text(text).outlet == "CNN"


def test_outlet_stays_none_when_nothing_names_one():
    assert _text("\n".join(TEXT.split("\n")[3:5])).outlet is None


def test_short_text_is_kept_with_a_warning():
    article = _text("Four killed in drone strike on depot.")
    assert article.text == "Four killed in drone strike on depot."
    assert article.warnings == ["short text: 37 characters"]


def test_short_text_threshold_is_a_setting():
    article = clean(RawDocument("a", "a", b"Four killed in drone strike on depot.", "text"), Settings(min_text_chars=10))
    assert article.warnings == []


def test_record_with_title_only_is_kept():
    article = _text("", title="Four killed in drone strike")
    assert article.text == "" and article.title == "Four killed in drone strike"
    assert article.warnings and "empty text" in article.warnings[0]


def test_record_with_nothing_raises():
    with pytest.raises(EmptyInputError):
        _text("   ", id="x")


def test_undecodable_bytes_raise_encoding_error():
    with pytest.raises(EncodingError) as info:
        clean(RawDocument("b", "b.txt", b"\xef\xbb\xbfgood start \xff\xfe bad", "text"))
    assert info.value.origin == "b.txt"


def test_same_article_twice_hashes_the_same():
    first = _text(TEXT)
    layout = TEXT.replace("\n", "\n\n").replace("officials", "Officials").replace("'", "’")
    assert _text(layout).sha256 == first.sha256
    assert _text(TEXT.replace("four", "five")).sha256 != first.sha256
    assert first.sha256 == article_hash(first.title, first.text)


def test_clean_is_deterministic_and_serialisable():
    first, second = _text(TEXT), _text(TEXT)
    assert to_dict(first) == to_dict(second)
    assert Article.from_dict(json.loads(json.dumps(to_dict(first)))) == first


def test_removed_pieces_have_reasons():
    reasons = {r.reason for r in _text(TEXT).removed}
    assert reasons == {"title", "byline", "update time", "copyright footer"}


_BYTES = st.binary(max_size=300) | st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass"))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_BYTES, st.sampled_from(["text", "html", "record"]))
def test_any_bytes_give_an_article_or_an_input_error(data, kind):
    try:
        article = clean(RawDocument("f", "f", data, kind))
    except InputError:
        return
    assert article.text or article.title
    assert not any(ch in article.text for ch in "\x00\r\x0b\x0c")
