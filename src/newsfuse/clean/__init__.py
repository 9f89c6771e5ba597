"""clean stage: RawDocument (bytes) -> Article (clean text, title, outlet, dates, language).

    from newsfuse.clean import clean
    article = clean(raw)            # raises EncodingError / EmptyInputError

Modules: decode (bytes to text), normalize (NFC, controls, hash form), html (trafilatura),
rules (the boilerplate rule table), text (applies it), metadata (bylines, stamps,
datelines), outlets (domain and name tables), lang (language and script).
"""

from .article import clean

__all__ = ["clean"]
