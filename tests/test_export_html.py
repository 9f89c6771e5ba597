"""The HTML report: self-contained, everything escaped (newsfuse.export.html), and checked in
headless Chromium when it is installed."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from newsfuse.export import render_html_report
from newsfuse.fuse import build_event
from newsfuse.model import AnnotatedArticle

MARKER_SCRIPT = "<script>document.title='PWNED';document.body.setAttribute('data-pwned','1')</script>"
MARKER_IMG = "<img src=x onerror=\"document.body.setAttribute('data-pwned','2')\">"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture()
def hostile_items(fuse_items: list[AnnotatedArticle]) -> list[AnnotatedArticle]:
    """The fixture event with markup injected in the text, title, outlet, url and a quote."""
    items = fuse_items
    first = items[0].article
    first.text = first.text + "\n" + MARKER_SCRIPT + " " + MARKER_IMG
    first.title = "Depots <b>hit</b> " + MARKER_SCRIPT
    first.outlet = "Wire <i>One</i>"
    first.url = "javascript:alert(1)"
    if items[0].quotes:
        items[0].quotes[0].speaker = "the prefect " + MARKER_IMG
    return items


@pytest.fixture()
def report(hostile_items) -> str:
    return render_html_report(build_event("ev-<1>", hostile_items), hostile_items)


def test_report_escapes_every_injected_string(report: str) -> None:
    assert "<script" not in report.lower()
    assert "<img" not in report.lower()
    assert "<i>One</i>" not in report and "<b>hit</b>" not in report
    assert "&lt;script&gt;document.title=&#x27;PWNED&#x27;" in report
    assert "Wire &lt;i&gt;One&lt;/i&gt;" in report
    assert "ev-&lt;1&gt;" in report


def test_report_never_links_non_http_urls(report: str) -> None:
    assert 'href="javascript' not in report.lower()
    assert "javascript:alert(1)" in report  # shown as text


def test_report_is_self_contained(report: str) -> None:
    assert report.startswith("<!DOCTYPE html>")
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?!https://news\.example/)(?:https?:)?//""", report)
    assert "<link" not in report and "@import" not in report
    assert "Content-Security-Policy" in report


def test_report_has_all_sections(report: str) -> None:
    for heading in ("Facts", "Disagreements", "Quotes by speaker", "Related events", "Sources side by side",
                    "Articles (time order)"):
        assert f">{heading}<" in report
    assert report.count('class="card"') >= 3  # one column per article, plus disagreement cards


def test_report_marks_evidence_spans(report: str) -> None:
    assert re.search(r'<mark class="contested" title="killed: 3 \(contested\)">at 3</mark>', report)


def _chromium(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess:
    profile = tmp_path / "profile"
    profile.mkdir(exist_ok=True)
    command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={profile}", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=90)


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (scripts/install-test-system-deps.sh)")
def test_report_in_headless_chromium_runs_no_injected_script(report: str, tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(report, encoding="utf-8")
    dumped = _chromium(["--dump-dom", page.as_uri()], tmp_path)
    assert dumped.returncode == 0, dumped.stderr[-2000:]
    dom = dumped.stdout
    assert "Sources side by side" in dom  # the page loaded and rendered
    assert "data-pwned" not in dom.split("<body", 1)[1].split(">", 1)[0]  # no script touched <body>
    title = re.search(r"<title>(.*?)</title>", dom, re.S)
    assert title and title.group(1).strip() != "PWNED"  # the injected script would have set exactly this
    assert not re.search(r"<script\b", dom, re.I) and not re.search(r"<img\b", dom, re.I)
    assert "&lt;script&gt;document.title='PWNED'" in dom  # shown as text
    shot = tmp_path / "shot.png"
    taken = _chromium([f"--screenshot={shot}", "--window-size=1200,900", page.as_uri()], tmp_path)
    assert taken.returncode == 0, taken.stderr[-2000:]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
