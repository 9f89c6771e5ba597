"""What every command shares: the group, the --db option, error translation."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Any

import click

from ..config import Settings, load_settings
from ..errors import NewsfuseError

EXIT_OK = 0
EXIT_SOME_INPUTS_FAILED = 1
EXIT_USAGE = 2
EXIT_ERROR = 3


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="newsfuse")
def main() -> None:
    """newsfuse: from many reports, one record per event."""


@main.group()
def export() -> None:
    """Write stored articles or events as files (each kind is a subcommand)."""


def db_option(func: Callable[..., Any]) -> Callable[..., Any]:
    """--db FILE (default: NEWSFUSE_DB, else newsfuse.db in the working directory)."""
    return click.option(
        "--db",
        "db",
        type=click.Path(dir_okay=False),
        default=None,
        help="SQLite store (default: $NEWSFUSE_DB or ./newsfuse.db).",
    )(func)


def settings_for(**overrides: Any) -> Settings:
    return load_settings(**overrides)


def handle_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn a NewsfuseError into one line on stderr and exit status 3."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except NewsfuseError as exc:
            click.echo(f"newsfuse: error: {exc}", err=True)
            sys.exit(EXIT_ERROR)

    return wrapper
