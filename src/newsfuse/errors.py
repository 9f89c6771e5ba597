"""The exception tree of newsfuse, written down once.

    NewsfuseError                 base; every error has a code, a message and a hint
    ├── InputError                an input could not be read as an article (E1xx)
    │   ├── EmptyInputError       E101  empty or whitespace-only content
    │   ├── BinaryInputError      E102  binary content (not text, HTML or JSON lines)
    │   ├── TooLargeError         E103  over the size limit (also a gzip that expands past it)
    │   ├── EncodingError         E104  bytes that no encoding decodes cleanly
    │   ├── MalformedRecordError  E105  a broken JSON line, or one without "text"
    │   └── UnreadableInputError  E106  missing file, unreadable directory, broken gzip
    ├── ConfigError               E201  a setting has a bad value
    ├── ModelError                E301  an NLP model cannot be found or loaded
    ├── StoreError                E401  the SQLite store cannot be opened or migrated
    └── NotFoundError             E404  no article or event with that id

The library raises; the CLI turns these into one line each and an exit status.
Third-party errors are translated where they are caught (ingest, store, nlp), so callers
only ever see this tree.
"""

from __future__ import annotations

__all__ = [
    "NewsfuseError",
    "InputError",
    "EmptyInputError",
    "BinaryInputError",
    "TooLargeError",
    "EncodingError",
    "MalformedRecordError",
    "UnreadableInputError",
    "ConfigError",
    "ModelError",
    "StoreError",
    "NotFoundError",
]


class NewsfuseError(Exception):
    """Base of every newsfuse error: ``code`` (stable, e.g. "E104"), ``message`` (what was
    wrong, naming the input) and ``hint`` (what to do)."""

    code = "E000"
    default_hint = ""

    def __init__(self, message: str, *, hint: str | None = None, origin: str | None = None) -> None:
        self.message = message
        self.hint = self.default_hint if hint is None else hint
        self.origin = origin
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.origin}: " if self.origin else ""
        tail = f" ({self.hint})" if self.hint else ""
        return f"[{self.code}] {where}{self.message}{tail}"

    def to_dict(self) -> dict[str, str | None]:
        """The one JSON error shape: code, message, hint, origin."""
        return {"code": self.code, "message": self.message, "hint": self.hint, "origin": self.origin}


class InputError(NewsfuseError):
    code = "E100"


class EmptyInputError(InputError):
    code = "E101"
    default_hint = "the file has no text; check the crawl or remove it"


class BinaryInputError(InputError):
    code = "E102"
    default_hint = "give text, HTML or JSON lines (optionally gzipped)"


class TooLargeError(InputError):
    code = "E103"
    default_hint = "split the input, or raise the limit with --max-bytes or NEWSFUSE_MAX_BYTES"


class EncodingError(InputError):
    code = "E104"
    default_hint = "re-save the file as UTF-8"


class MalformedRecordError(InputError):
    code = "E105"
    default_hint = 'each line must be one JSON object with at least a "text" string'


class UnreadableInputError(InputError):
    code = "E106"
    default_hint = "check the path and its permissions"


class ConfigError(NewsfuseError):
    code = "E201"
    default_hint = "see the settings table in README.md for the settings and their defaults"


class ModelError(NewsfuseError):
    code = "E301"
    default_hint = "install the model with `make install`, or set NEWSFUSE_SPACY_MODEL to an installed spaCy pipeline"


class StoreError(NewsfuseError):
    code = "E401"
    default_hint = "check the --db path; a store from a newer newsfuse cannot be opened by an older one"


class NotFoundError(NewsfuseError):
    code = "E404"
    default_hint = "list what is stored with `newsfuse articles` or `newsfuse events`"
