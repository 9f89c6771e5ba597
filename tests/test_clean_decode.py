"""Bytes to text: BOMs, UTF-8, legacy encodings, lying meta charsets, control characters."""

from __future__ import annotations

import codecs

import pytest

from newsfuse.clean import clean
from newsfuse.clean.decode import decode_bytes, declared_charset
from newsfuse.clean.normalize import normalise_text
from newsfuse.errors import EmptyInputError, EncodingError
from newsfuse.model import RawDocument

FRENCH = "Le porte-parole a déclaré que la frappe a touché un entrepôt à Deir ez-Zor, près de la frontière."
GERMAN = "Die Behörden äußerten sich zunächst nicht über die Größe des Schadens."
QUOTES = "He said: “We will rebuild the café” – the owner’s words."
RUSSIAN = "Представитель заявил, что удары пришлись по складам у границы."
POLISH = "Rzecznik powiedział, że zniszczenia w mieście są poważne. Żołnierze zginęli."


@pytest.mark.parametrize(
    "text, encoding",
    [
        (FRENCH, "latin-1"),
        (GERMAN, "latin-1"),
        (QUOTES, "cp1252"),
        (RUSSIAN, "cp1251"),
        (POLISH, "cp1250"),
        (FRENCH, "utf-8"),
    ],
)
def test_legacy_encodings_decode(text, encoding):
    assert decode_bytes(text.encode(encoding)).text == text


@pytest.mark.parametrize(
    "bom, codec",
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
    ],
)
def test_byte_order_marks_decide(bom, codec):
    decoded = decode_bytes(bom + RUSSIAN.encode(codec))
    assert decoded.text == RUSSIAN
    assert decoded.encoding == codec


def test_broken_bytes_after_a_bom_raise():
    with pytest.raises(EncodingError):
        decode_bytes(codecs.BOM_UTF8 + b"ok \xff\xfe\xfd")


def _page(charset: str, body: str) -> str:
    return f'<html><head><meta charset="{charset}"><title>t</title></head><body><p>{body}</p></body></html>'


def test_meta_charset_that_lies_loses_to_the_bytes():
    data = _page("windows-1251", FRENCH).encode("cp1252")
    decoded = decode_bytes(data)
    assert FRENCH in decoded.text
    assert decoded.declared == "cp1251"
    assert decoded.note and "cp1252" in decoded.note


def test_utf8_bytes_labelled_latin1_are_utf8():
    decoded = decode_bytes(_page("iso-8859-1", RUSSIAN).encode("utf-8"))
    assert RUSSIAN in decoded.text and decoded.encoding == "utf-8"


def test_declared_charset_reads_meta_and_prolog():
    assert declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">') == "iso8859-1"
    assert declared_charset(b'<?xml version="1.0" encoding="windows-1252"?>') == "cp1252"
    assert declared_charset(b"<p>no charset</p>") is None


def test_lying_charset_through_clean_gives_a_warning():
    raw = RawDocument("p", "p.html", _page("windows-1251", FRENCH * 3).encode("cp1252"), "html")
    article = clean(raw)
    assert "déclaré" in article.text
    assert any(w.startswith("encoding:") for w in article.warnings)


def test_mojibake_is_repaired():
    broken = "The ministerâ€™s office said â€œnoâ€\x9d."
    assert normalise_text(broken) == "The minister’s office said “no”."


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("A\x00B\x07C", "ABC"),
        ("tab\there", "tab here"),
        ("line\r\nbreak\rold mac", "line\nbreak\nold mac"),
        ("zero\u200bwidth\ufeff", "zerowidth"),
        ("soft\u00adhyphen", "softhyphen"),
        ("no-break\u00a0space", "no-break space"),
        ("Persian ZWNJ: می\u200cخواهم", "Persian ZWNJ: می\u200cخواهم"),
        ("  padded line  \n\n\n\n next ", "padded line\n\nnext"),
        ("cafe\u0301", "café"),
        ("AT&amp;T and &#8220;quoted&#8221; &amp;amp;", "AT&T and “quoted” &"),
        ("a URL ?x=1&param=2 stays", "a URL ?x=1&param=2 stays"),
    ],
)
def test_normalise_text(raw, expected):
    assert normalise_text(raw) == expected
    assert normalise_text(expected) == expected


def test_empty_input_raises():
    with pytest.raises(EmptyInputError):
        clean(RawDocument("e", "e.txt", b"  \n\t\n", "text"))


def test_only_boilerplate_raises_empty():
    with pytest.raises(EmptyInputError):
        clean(RawDocument("e", "e.txt", "Advertisement\nTerms of Use | Privacy Policy\n".encode(), "text"))
