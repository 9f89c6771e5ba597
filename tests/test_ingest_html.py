from __future__ import annotations

import pytest

from newsfuse.ingest.html import html_document, looks_like_html


@pytest.mark.parametrize(
    "head",
    [
        b"<!DOCTYPE html><html><body><p>x</p></body></html>",
        b"\n\n  <html lang='en'><head></head>",
        b"<div class='story'><p>Text</p></div>",
        b"<!-- saved page --><p>Text</p>",
        b'<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml">',
        b"Saved by a crawler\n<html><body>x</body></html>",
        "<p>UTF-16 decoded head</p>",
    ],
)
def test_looks_like_html_recognises_markup(head: bytes | str) -> None:
    assert looks_like_html(head)


@pytest.mark.parametrize(
    "head",
    [
        b"Plain text about a council meeting.",
        b"Prices rose < 2% while wages rose > 3%.",
        b"<<< breaking >>> a storm reached the coast",
        b"[Updated] The road reopened at noon.",
    ],
)
def test_looks_like_html_leaves_text_alone(head: bytes) -> None:
    assert not looks_like_html(head)


def test_html_document_has_kind_html() -> None:
    doc = html_document("p.html", "in/p.html", b"<p>x</p>")
    assert (doc.kind, doc.data, doc.input_id) == ("html", b"<p>x</p>", "p.html")
