"""The docs must not fall behind the code: every command and setting is in the README,
and every error class is in the exception tree written down in errors.py."""

from __future__ import annotations

import dataclasses
import inspect

import click
import pytest

import newsfuse.errors as errors
from newsfuse.cli import main
from newsfuse.config import Settings


def _commands(group: click.Group, prefix: str = "") -> list[str]:
    names = []
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            names.extend(_commands(command, f"{prefix}{name} "))
        else:
            names.append(f"{prefix}{name}")
    return names


@pytest.mark.parametrize("command", _commands(main))
def test_readme_documents_command(repo_root, command):
    readme = (repo_root / "README.md").read_text(encoding="utf-8")
    assert f"`newsfuse {command}" in readme, f"README.md does not document `newsfuse {command}`"


@pytest.mark.parametrize("setting", dataclasses.fields(Settings), ids=lambda f: f.name)
def test_readme_documents_setting(repo_root, setting):
    readme = (repo_root / "README.md").read_text(encoding="utf-8")
    default = str(setting.default)
    shown = {default, f"`{default}`"}
    rows = [line for line in readme.splitlines() if line.startswith(f"| `{setting.name}` |")]
    assert rows, f"README.md's settings table lacks `{setting.name}`"
    assert rows[0].split("|")[2].strip() in shown, f"README.md gives `{setting.name}` a default other than {default}"


@pytest.mark.parametrize(
    "error",
    [cls for _, cls in inspect.getmembers(errors, inspect.isclass) if issubclass(cls, errors.NewsfuseError)],
)
def test_errors_tree_documents_every_error(error):
    assert error.__name__ in errors.__doc__, f"{error.__name__} is missing from the tree in errors.py"
    assert error.__name__ in errors.__all__


def test_errors_codes_are_unique():
    classes = [c for _, c in inspect.getmembers(errors, inspect.isclass) if issubclass(c, errors.NewsfuseError)]
    codes = [c.code for c in classes]
    assert len(codes) == len(set(codes))


def test_quick_start_is_two_make_commands(repo_root):
    readme = (repo_root / "README.md").read_text(encoding="utf-8")
    start = readme.split("## Quick start", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    commands = [line.split("#")[0].strip() for line in start.strip().splitlines()]
    assert commands == ["make demo", "make test"]
    ci = (repo_root / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci, ".ci/run must run the README's test command"


def test_readme_benchmark_summary_matches_pinned_results(repo_root):
    """The README's one-paragraph summary quotes bench/RESULTS.json, not older runs."""
    import json
    import re

    readme = (repo_root / "README.md").read_text(encoding="utf-8")
    summary = readme[readme.index("In short (gva"):].split("\n\n")[0].replace("\n", " ")
    measured = json.loads((repo_root / "bench" / "RESULTS.json").read_text(encoding="utf-8"))["measured"]
    grouping, facts = measured["grouping_gva"], measured["facts_gva_1867_incidents"]
    expected = {
        r"whole pipeline ([\d.]+) articles/s": measured["speed_gva"]["pipeline_articles_per_s"],
        r"grouping B-cubed F1 ([\d.]+)": grouping["bcubed_f1"],
        r"pairwise F1 ([\d.]+)": grouping["pairwise_f1"],
        r"ecbplus B-cubed F1 ([\d.]+)": measured["grouping_ecbplus"]["bcubed_f1"],
        r"killed exact ([\d.]+)%": round(100 * facts["killed"], 1),
        r"injured ([\d.]+)%": round(100 * facts["injured"], 1),
        r"date ([\d.]+)%": round(100 * facts["date"], 1),
        r"state ([\d.]+)%": round(100 * facts["state"], 1),
        r"city ([\d.]+)%": round(100 * facts["city"], 1),
    }
    for pattern, value in expected.items():
        found = re.search(pattern, summary)
        assert found and float(found.group(1)) == value, f"README summary: {pattern} should say {value}"
