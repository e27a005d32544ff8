"""The command line through Typer's CliRunner: exit codes, formats, errors."""
import csv
import io
import json
from importlib import resources

import jsonschema
import pytest
from typer.testing import CliRunner

from claimx import __version__
from claimx.cli import app

ARTICLE = "The mayor said that the bridge would reopen in May.\n“It is safe,” the engineer told reporters.\n"


@pytest.fixture(scope="module")
def runner(nlp):  # nlp: load the model once before the first CLI call
    return CliRunner()


@pytest.fixture()
def folder(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("Officials reportedly said that talks failed.", encoding="utf-8")
    (tmp_path / "ignored.csv").write_text("x said y", encoding="utf-8")
    return tmp_path


def schema():
    return json.loads(resources.files("claimx").joinpath("schema.json").read_text(encoding="utf-8"))


def test_version_and_help(runner):
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and __version__ in result.output
    result = runner.invoke(app, ["extract", "--help"])
    assert result.exit_code == 0
    for option in ("--format", "--model", "--lexicon", "--glob", "--cues", "--hedged-only"):
        assert option in result.output


def test_stdin_to_json_validates_against_the_schema(runner):
    result = runner.invoke(app, ["extract", "-", "--format", "json"], input=ARTICLE)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    jsonschema.validate(data, schema())
    [document] = data["documents"]
    assert document["id"] == "-" and document["error"] is None
    assert {a["cue"]["text"] for a in document["attributions"]} == {"said", "told"}
    for attribution in document["attributions"]:
        assert ARTICLE[attribution["cue"]["start"] : attribution["cue"]["end"]] == attribution["cue"]["text"]


def test_folder_walk_jsonl_one_document_per_line(runner, folder):
    result = runner.invoke(app, ["extract", str(folder), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    ids = [json.loads(line)["id"] for line in lines]
    assert ids == [str(folder / "a.txt"), str(folder / "sub" / "b.md")]
    for line in lines:
        jsonschema.validate(json.loads(line), schema()["$defs"]["document"] | {"$defs": schema()["$defs"]})


def test_glob_option_changes_the_walk(runner, folder):
    result = runner.invoke(app, ["extract", str(folder), "--format", "jsonl", "--glob", "*.csv"])
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == [str(folder / "ignored.csv")]


def test_default_format_when_not_a_terminal_is_jsonl(runner, folder):
    result = runner.invoke(app, ["extract", str(folder / "a.txt")])
    assert json.loads(result.stdout.splitlines()[0])["id"] == str(folder / "a.txt")


def test_csv_has_a_header_and_one_row_per_attribution(runner, folder):
    result = runner.invoke(app, ["extract", str(folder / "a.txt"), "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["cue"] for r in rows] == ["said", "told"]
    assert rows[0]["source"] == "The mayor"


def test_csv_escapes_formula_cells(runner):
    result = runner.invoke(app, ["extract", "-", "--format", "csv"], input="=HYPERLINK(1) said that taxes rose.\n-5 said that it was cold.")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and all(not r["source"].startswith(("=", "-")) for r in rows)
    assert any(r["source"].startswith("'=") for r in rows)


def test_table_prints_markup_literally_and_neutralises_escapes(runner):
    text = "Officials said that [bold red]prices[/bold red] rose \x1b[31mfast\x1b[0m today."
    result = runner.invoke(app, ["extract", "-", "--format", "table"], input=text, env={"COLUMNS": "250"})
    assert result.exit_code == 0
    assert "[bold red]prices[/bold red]" in result.stdout
    assert "\x1b[31m" not in result.stdout


def test_cue_filter_and_hedged_only(runner, folder):
    result = runner.invoke(app, ["extract", str(folder), "--format", "jsonl", "--hedged-only"])
    documents = [json.loads(line) for line in result.stdout.splitlines()]
    assert [len(d["attributions"]) for d in documents] == [0, 1]
    result = runner.invoke(app, ["extract", "-", "--format", "json", "--cues", "belief"], input=ARTICLE)
    assert json.loads(result.stdout)["documents"][0]["attributions"] == []
    result = runner.invoke(app, ["extract", "-", "--cues", "gossip"], input=ARTICLE)
    assert result.exit_code == 2


def test_missing_path_is_a_usage_error(runner, tmp_path):
    result = runner.invoke(app, ["extract", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2
    assert "no such file" in result.stderr
    assert "Traceback" not in result.output


def test_undecodable_file_is_recorded_and_the_rest_processed(runner, folder):
    (folder / "bad.txt").write_bytes(bytes(range(0x80, 0x100)) * 20)  # no encoding makes text of this
    result = runner.invoke(app, ["extract", str(folder), "--format", "jsonl"])
    assert result.exit_code == 1
    documents = {json.loads(line)["id"]: json.loads(line) for line in result.stdout.splitlines()}
    assert "no other encoding fits" in documents[str(folder / "bad.txt")]["error"]
    assert documents[str(folder / "a.txt")]["attributions"]
    assert "bad.txt" in result.stderr


def test_bad_model_is_one_line_and_exit_1(runner):
    result = runner.invoke(app, ["extract", "-", "--model", "no_such_model_xyz"], input="x")
    assert result.exit_code == 1
    assert "pip install" in result.stderr and "Traceback" not in result.output


def test_bad_lexicon_is_one_line_and_exit_1(runner, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "pattern": "p", "category": "nope", "source": "t"}\n', encoding="utf-8")
    result = runner.invoke(app, ["lexicon", "--lexicon", str(bad)])
    assert result.exit_code == 1 and f"{bad}:1" in result.stderr


def test_lexicon_lists_entries_with_their_file(runner, tmp_path):
    extra = tmp_path / "house.jsonl"
    extra.write_text('{"id": "house.murmur", "pattern": "murmured", "category": "weasel", "source": "house"}\n', encoding="utf-8")
    result = runner.invoke(app, ["lexicon", "--format", "json", "--lexicon", str(extra)])
    rows = json.loads(result.stdout)
    assert {"cues", "hedges", "boilerplate", "sources", "models"} <= {r["kind"] for r in rows}
    assert [r["file"] for r in rows if r["id"] == "house.murmur"] == [str(extra)]


def test_lexicon_lists_what_a_cue_rule_does_beyond_its_lemma(runner):
    rows = {r["id"]: r["rule"] for r in json.loads(runner.invoke(app, ["lexicon", "--kind", "cues", "--format", "json"]).stdout)}
    assert rows["cue.noun.poll"].endswith("frames=in")
    assert rows["cue.seem"].endswith("raising")
    assert rows["cue.say"] == "say (VERB) type=speech stance=neutral"
