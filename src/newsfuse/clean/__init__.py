"""clean stage: RawDocument (bytes) -> Article (clean text, title, outlet, dates, language).

    from newsfuse.clean import clean
    article = clean(raw)            # raises EncodingError / EmptyInputError

What comes out:

- ``text``: NFC, no control or invisible format characters, lines stripped, paragraphs
  separated by ``\\n`` (at most one blank line in a row), boilerplate cut. Cleaning clean
  text changes nothing.
- ``removed``: every cut piece with its reason ("title", "byline", "photo caption",
  "comment section", "copyright footer", "legal menu", ...; the table is in :mod:`.rules`);
  ``captions`` keeps photo captions as metadata.
- metadata: a record's fields (title, published, source, url, lang, author) win; then
  the page's markup (HTML); then what the text says ("Source:", bylines, "Updated:",
  datelines, copyright lines). ``outlet`` stays None when nothing names one.
- ``sha256``: SHA-256 of ``hash_key(title) + "\\n" + hash_key(text)``, where ``hash_key``
  is NFKC, casefolded, quotes straightened, dashes as "-", whitespace runs as one space
  (:func:`.normalize.article_hash`): the same article twice hashes the same.
- ``warnings``: "short text: N characters" (below ``Settings.min_text_chars``), a
  charset that lied, HTML that trafilatura could not read.

Modules: decode (bytes to text), normalize (NFC, controls, hash form), html (trafilatura),
rules (the boilerplate rule table), notices (site notices: paywalls, sign-ups, playlists),
text (applies the rules), metadata (bylines, stamps, datelines), outlets (domain and name
tables), lang (language and script).
"""

from .article import clean

__all__ = ["clean"]
