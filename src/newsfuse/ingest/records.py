"""Article JSON lines: one JSON object per line, only "text" required (DESIGN.md).

Each line becomes one RawDocument of kind "record", or one error naming the file and
line; a broken line never stops the rest of the file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from ..errors import EncodingError, InputError, MalformedRecordError
from ..model import RawDocument

__all__ = ["looks_like_records", "read_records"]

_OPENING = re.compile(rb"\s*(?:\{|\[\s*\{)")


def looks_like_records(head: str | bytes) -> bool:
    """True when the start of a document (BOM already removed) opens a JSON object, or
    an array of objects."""
    raw = head.encode("utf-8", errors="replace") if isinstance(head, str) else head
    return bool(_OPENING.match(raw))


def read_records(name: str, origin: str, data: bytes | str) -> Iterator[RawDocument | InputError]:
    """One RawDocument (or InputError) per non-blank line of ``data``.

    ``name`` is the input id of the file, ``origin`` its path; line N has the origin
    "<origin>:N", and the input id "<name>:N" unless it has an "id".
    ``data`` is UTF-8 bytes, or ``str`` when the file was in another Unicode encoding.
    A file that is one JSON document spread over lines (an object, or an array of
    objects) is read as such rather than reported line by line.
    """
    newline = "\n" if isinstance(data, str) else b"\n"
    lines = data.split(newline)  # type: ignore[arg-type]
    document = _whole_document(data, lines)
    if document is not None:
        yield from _document_records(name, origin, document)
        return
    for number, line in enumerate(lines, start=1):
        if line.strip():
            yield _parsed(line, f"{name}:{number}", f"{origin}:{number}")


def _whole_document(data: bytes | str, lines: list) -> Any:
    """The parsed file when its first non-blank line is not JSON but the whole file is."""
    first = next((line for line in lines if line.strip()), None)
    if first is None or _is_json(first):
        return None
    try:
        return json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return None


def _is_json(line: bytes | str) -> bool:
    try:
        json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return False
    return True


def _document_records(name: str, origin: str, document: Any) -> Iterator[RawDocument | InputError]:
    if isinstance(document, list):
        for index, item in enumerate(document):
            yield _parsed(item, f"{name}[{index}]", f"{origin}[{index}]")
    else:
        yield _parsed(document, name, origin)


def _parsed(item: Any, default_id: str, origin: str) -> RawDocument | InputError:
    try:
        return _record(item, default_id, origin)
    except InputError as exc:
        return exc


def _record(item: Any, default_id: str, origin: str) -> RawDocument:
    """The RawDocument of one JSON line (bytes or str) or of one already parsed value."""
    obj = _loaded(item, origin) if isinstance(item, (bytes, str)) else item
    if not isinstance(obj, dict):
        raise MalformedRecordError(f"JSON value is a {type(obj).__name__}, not an object", origin=origin)
    obj = dict(obj)
    text = obj.pop("text", None)
    if not isinstance(text, str):
        problem = 'no "text" field' if text is None else f'"text" holding {json.dumps(text)[:40]}, not a string'
        raise MalformedRecordError(f"record with {problem}", origin=origin)
    fields = {key: _without_lone_surrogates(value) for key, value in obj.items()}
    input_id = _record_id(fields.get("id"), default_id, origin)
    data = _without_lone_surrogates(text).encode("utf-8")
    return RawDocument(input_id=input_id, origin=origin, data=data, kind="record", fields=fields)


def _without_lone_surrogates(value: Any) -> Any:
    """JSON may escape half a surrogate pair ("\\ud800"), which no UTF-8 can hold: U+FFFD."""
    if not isinstance(value, str):
        return value
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return value


def _loaded(line: bytes | str, origin: str) -> Any:
    if isinstance(line, bytes):
        try:
            line = line.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise EncodingError(f"JSON line is not UTF-8 (byte {exc.start})", origin=origin) from exc
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        raise MalformedRecordError(f"broken JSON line: {exc.msg} at column {exc.colno}", origin=origin) from exc


def _record_id(value: Any, default_id: str, origin: str) -> str:
    """The record's "id" as a string; ``default_id`` when it has none."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return default_id
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise MalformedRecordError(f'"id" must be a string or an integer, got {value!r}', origin=origin)
    return str(value)
