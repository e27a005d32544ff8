"""claimx evaluate / check / diff: metrics, agreement with the shared scorer, exit codes."""
from __future__ import annotations

import json
import subprocess
import sys
from xml.etree import ElementTree

import pytest
from typer.testing import CliRunner

from claimx.cli import app
from claimx.evaluate import GoldAttribution, GoldDocument, evaluate

from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"

TEXT = "The mayor said that the bridge would reopen. “It is safe,” she told reporters. Taxes rose."


def span(part: str, text: str = TEXT) -> list[int]:
    start = text.index(part)
    return [start, start + len(part)]


GOLD_RECORD = {
    "id": "bridge",
    "text": TEXT,
    "attributions": [
        {"source": [span("The mayor")], "cue": [span("said")], "content": [span("the bridge would reopen")]},
        {"source": [span("she")], "cue": [span("told")], "content": [span("“It is safe,”")]},
    ],
}


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def gold_file(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(GOLD_RECORD) + "\n", encoding="utf-8")
    return path


def prediction(attributions: list[dict]) -> dict:
    return {"id": "bridge.txt", "error": None, "attributions": attributions, "hedges": []}


def node(part: str) -> dict:
    start, end = span(part)
    return {"text": part, "start": start, "end": end}


def test_perfect_and_partial_predictions_score_as_defined():
    gold = {"bridge": GoldDocument(TEXT, [GoldAttribution([tuple(a["cue"][0])], [tuple(a["content"][0])], [tuple(a["source"][0])],
                                                         cue_text=TEXT[a["cue"][0][0]:a["cue"][0][1]]) for a in GOLD_RECORD["attributions"]])}
    perfect = prediction([{"source": node("The mayor"), "cue": node("said"), "content": node("that the bridge would reopen.")},
                          {"source": node("she"), "cue": node("told"), "content": node("It is safe")}])
    result = evaluate(gold, {"bridge": perfect})
    assert result.value("attribution.f1") == 1.0
    assert result.value("span.content.exact.f1") == 1.0  # "that", punctuation and quote marks are trimmed
    half = prediction([{"source": None, "cue": node("said"), "content": node("the bridge")}])
    result = evaluate(gold, {"bridge": half})
    assert result.value("attribution.p") == 0.0  # source missing where gold has one, content under half
    assert result.value("span.cue.exact.p") == 1.0 and result.value("span.cue.exact.r") == 0.5
    assert result.metrics["span.content.overlap"]["p"] == 1.0 and result.missing == []
    assert evaluate(gold, {}).missing == ["bridge"]


def test_brat_corpus_is_read(tmp_path):
    from claimx.evaluate import read_gold

    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "a.txt").write_text(TEXT, encoding="utf-8")
    s, c, q = span("The mayor"), span("said"), span("the bridge would reopen")
    (tmp_path / "attributions" / "a_ann1.ann").write_text(
        f"T1\tSource {s[0]} {s[1]}\tThe mayor\nT2\tCue {c[0]} {c[1]}\tsaid\nT3\tContent {q[0]} {q[1]}\tx\n"
        "E1\tCue:T2 Source:T1 Content:T3\n", encoding="utf-8")
    gold = read_gold(tmp_path)
    (attribution,) = gold["a"].attributions
    assert attribution.cue_text == "said" and attribution.source == [tuple(s)]


def test_evaluate_runs_extraction_when_no_predictions_and_applies_thresholds(runner, gold_file):
    result = runner.invoke(app, ["evaluate", str(gold_file), "--format", "json", "--min", "attribution.f1=0.5"])
    assert result.exit_code == 0, result.output
    metrics = json.loads(result.stdout)["metrics"]
    assert metrics["attribution"]["f1"] >= 0.5
    failing = runner.invoke(app, ["evaluate", str(gold_file), "--min", "attribution.f1=1.01", "--min", "span.cue.exact=0"])
    assert failing.exit_code == 1 and "attribution.f1" in failing.stderr and "span.cue.exact" not in failing.stderr
    unknown = runner.invoke(app, ["evaluate", str(gold_file), "--min", "accuracy=0.5"])
    assert unknown.exit_code == 2 and "unknown metric" in unknown.stderr
    malformed = runner.invoke(app, ["evaluate", str(gold_file), "--min", "attribution.f1"])
    assert malformed.exit_code == 2


def test_junit_report_is_xml_with_failures(runner, gold_file):
    result = runner.invoke(app, ["evaluate", str(gold_file), "--format", "junit", "--min", "attribution.f1=1.01"])
    assert result.exit_code == 1
    suite = ElementTree.fromstring(result.stdout.encode("utf-8"))
    assert suite.tag == "testsuite" and int(suite.get("tests")) >= 5
    failures = suite.findall(".//failure")
    assert int(suite.get("failures")) == len(failures) == 1 and "attribution.f1" in failures[0].get("message")


@pytest.mark.skipif(not (SHARED / "tools" / "score.py").exists(), reason="the shared scorer is not beside the project")
def test_agrees_with_the_shared_scorer_on_the_seeds(runner, tmp_path):
    predictions = tmp_path / "seeds.json"
    extracted = runner.invoke(app, ["extract", str(SHARED / "seeds"), "--format", "json", "--quiet"])
    predictions.write_text(extracted.stdout, encoding="utf-8")
    gold = SHARED / "gold" / "seeds.jsonl"
    ours = json.loads(runner.invoke(app, ["evaluate", str(gold), str(predictions), "--format", "json"]).stdout)["metrics"]
    scorer = subprocess.run([sys.executable, str(SHARED / "tools" / "score.py"), str(gold), str(predictions), "--json"],
                            capture_output=True, text=True, check=True)
    theirs = json.loads(scorer.stdout)
    for name, values in ours.items():
        for part in ("p", "r", "f1"):
            assert round(values[part], 3) == round(theirs[name][part], 3), (name, part)


# ------------------------------------------------------------------ check


ARTICLE = ("Officials said the plant allegedly leaked for weeks.\n"
           "The company claimed that the water was clean.\n"
           "“We will rebuild the whole district within a year,” was the message on the poster.\n")


def test_check_reports_each_condition_with_its_location(runner, tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, ["check", str(story)])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    conditions = {line.split(": ")[1] for line in lines}
    assert {"hedged", "anonymous-source", "distancing-cue", "unattributed-quote"} <= conditions
    anonymous = next(line for line in lines if ": anonymous-source:" in line)
    assert anonymous.startswith(f"{story}:1:1:")
    quote = next(line for line in lines if ": unattributed-quote:" in line)
    assert quote.startswith(f"{story}:3:1:")


def test_check_filters_conditions_counts_and_json(runner, tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(ARTICLE, encoding="utf-8")
    only = runner.invoke(app, ["check", str(story), "--fail-on", "distancing-cue", "--format", "json"])
    report = json.loads(only.stdout)
    assert only.exit_code == 1 and {h["condition"] for h in report["hits"]} == {"distancing-cue"}
    allowed = runner.invoke(app, ["check", str(story), "--fail-on", "distancing-cue", "--max-count", str(report["count"])])
    assert allowed.exit_code == 0
    clean = tmp_path / "clean.txt"
    clean.write_text("The mayor said that the bridge would reopen in May.\n", encoding="utf-8")
    assert runner.invoke(app, ["check", str(clean)]).exit_code == 0
    assert runner.invoke(app, ["check", str(clean), "--fail-on", "gossip"]).exit_code == 2


# ------------------------------------------------------------------ diff


def test_diff_lists_added_removed_and_changed(runner, tmp_path):
    said = {"id": 0, "kind": "indirect", "rule": "r", "source": node("The mayor"), "cue": node("said"),
            "content": node("the bridge would reopen"), "addressee": None, "hedges": [], "hedged": False, "parent": None}
    told = dict(said, id=1, cue=node("told"), source=node("she"), content=node("“It is safe,”"))
    changed = dict(said, source=None)
    old, new = tmp_path / "old.jsonl", tmp_path / "new.jsonl"
    old.write_text(json.dumps(prediction([said, told])) + "\n", encoding="utf-8")
    new.write_text(json.dumps(prediction([changed])) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["diff", str(old), str(new), "--format", "json", "--exit-code"])
    assert result.exit_code == 1
    changes = {(c["change"], c["cue"]): c for c in json.loads(result.stdout)}
    assert set(changes) == {("changed", "said"), ("removed", "told")}
    assert changes[("changed", "said")]["fields"] == ["source"]
    same = runner.invoke(app, ["diff", str(old), str(old), "--exit-code"])
    assert same.exit_code == 0 and "0 change(s)" in same.stdout
    assert runner.invoke(app, ["diff", str(old), str(tmp_path / "missing.jsonl")]).exit_code == 2
