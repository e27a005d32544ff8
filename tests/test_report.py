"""The HTML report: highlighted spans equal the attributions' text, article text is escaped,
the file is self-contained; and, in a real headless Chromium, nothing injected runs."""
from __future__ import annotations

import collections
import json
import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimx.cli import app

ROOT = Path(__file__).resolve().parents[1]
HOSTILE = ('The mayor said that <script>document.documentElement.setAttribute("data-pwned", "script")</script> was fine.\n'
           '"><img src=x onerror="document.documentElement.setAttribute(\'data-pwned\', \'img\')"> '
           'Officials said that [bold]markup[/bold] & \u001b[31mescapes\u001b[0m stay text.\n')


class Segments(HTMLParser):
    """Text of every element carrying data-spans, joined per span id; plus tags seen inside
    the article bodies."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: dict[str, str] = collections.defaultdict(str)
        self.stack: list[list[str]] = []
        self.article_depth = 0
        self.article_tags: list[str] = []
        self.scripts = 0
        self.root_attrs: dict[str, str | None] = {}

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "html":
            self.root_attrs = attributes
        if tag == "script":
            self.scripts += 1
        if self.article_depth:
            self.article_tags.append(tag)
            self.article_depth += 1
        if tag == "div" and attributes.get("class") == "article":
            self.article_depth = 1
        self.stack.append((attributes.get("data-spans") or "").split())

    def handle_endtag(self, tag):
        if self.stack:
            self.stack.pop()
        if self.article_depth:
            self.article_depth -= 1

    def handle_data(self, data):
        if self.stack:
            for span_id in self.stack[-1]:
                self.text[span_id] += data


def parse(markup: str) -> Segments:
    parser = Segments()
    parser.feed(markup)
    return parser


def expected_spans(documents: list[dict]) -> list[dict[str, str]]:
    """Per document: span id -> the text the report must show for it."""
    out = []
    for document in documents:
        text = document["text"]
        spans = {}
        for a in document["attributions"]:
            if a["source"]:
                spans[f"a{a['id']}-source"] = a["source"]["text"]
            spans[f"a{a['id']}-cue"] = a["cue"]["text"]
            spans[f"a{a['id']}-content"] = "".join(text[s:e] for s, e in a["content"]["spans"])
        for number, hedge in enumerate(document["hedges"]):
            spans[f"h{number}"] = hedge["text"]
        out.append(spans)
    return out


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    """The report of the seed examples plus a hostile article, and the same run as JSON."""
    folder = tmp_path_factory.mktemp("report")
    inputs = folder / "in"
    inputs.mkdir()
    for example in sorted((ROOT / "examples").glob("*.txt")):
        shutil.copy(example, inputs / example.name)
    (inputs / "zz-hostile.txt").write_text(HOSTILE, encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(app, ["extract", str(inputs), "--format", "html", "--output", str(folder / "report.html"), "-q"])
    assert result.exit_code == 0, result.output
    machine = runner.invoke(app, ["extract", str(inputs), "--format", "json", "--include-text", "-q"])
    return folder / "report.html", json.loads(machine.stdout)["documents"]


def sections(markup: str) -> list[str]:
    return markup.split("<section ")[1:]


def test_each_highlight_shows_exactly_its_span_text(report):
    path, documents = report
    markup = path.read_text(encoding="utf-8")
    assert len(sections(markup)) == len(documents)
    for section, expected in zip(sections(markup), expected_spans(documents)):
        seen = parse("<section " + section).text
        assert expected and dict(seen) == expected


def test_article_text_is_escaped_and_the_file_self_contained(report):
    path, _ = report
    markup = path.read_text(encoding="utf-8")
    parsed = parse(markup)
    assert parsed.article_tags and set(parsed.article_tags) == {"span"}  # no <script>, no <img> from the text
    assert parsed.scripts == 1  # only the report's own
    assert "&lt;script&gt;" in markup and "onerror=" not in markup.replace("onerror=&quot;", "")
    for external in ('src="http', "src='http", 'href="http', "<link", "@import", "url("):
        assert external not in markup


def test_report_has_a_summary_and_details_per_attribution(report):
    path, documents = report
    markup = path.read_text(encoding="utf-8")
    for section, document in zip(sections(markup), documents):
        assert "hedged" in section and "top sources" in section
        assert section.count("<details") == len(document["attributions"])


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        if shutil.which(name):
            return shutil.which(name)
    return None


CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def test_in_headless_chromium_spans_match_and_nothing_injected_runs(report, tmp_path):
    chromium = find_chromium()
    if chromium is None:
        if os.environ.get("CLAIMX_REQUIRE_BROWSER"):
            pytest.fail("CLAIMX_REQUIRE_BROWSER is set but no chromium was found")
        pytest.skip("no chromium, chromium-browser or google-chrome on PATH (.ci/run installs Debian's chromium)")
    path, documents = report
    base = [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}"]
    dom = subprocess.run([*base, "--dump-dom", path.as_uri()], capture_output=True, text=True, timeout=120, check=True).stdout
    parsed = parse(dom)
    assert "data-pwned" not in parsed.root_attrs and "data-pwned" not in dom.split("<body", 1)[0]
    assert set(parsed.article_tags) == {"span"}
    for section, expected in zip(sections(dom), expected_spans(documents)):
        assert dict(parse("<section " + section).text) == expected
    screenshot = Path(os.environ.get("CLAIMX_ARTIFACTS", tmp_path)) / "report.png"
    screenshot.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([*base, "--window-size=1200,1600", f"--screenshot={screenshot}", path.as_uri()],
                   capture_output=True, timeout=120, check=True)
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
