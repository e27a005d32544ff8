"""Batch processing: JSONL corpora, --output, --resume, atomic writes, workers, Ctrl-C, Dask."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimx.cli import app
from claimx.output import destination, finished_ids

SPEAKERS = ["The mayor", "Officials", "A spokeswoman for the ministry", "Senator Ann Lee", "The company"]


def article(number: int) -> str:
    speaker = SPEAKERS[number % len(SPEAKERS)]
    return (f"{speaker} said on day {number} that the bridge would reopen.\n\n"
            f"“We are not sure about the budget,” {speaker.lower() if speaker.startswith('The') else speaker} told reporters. "
            f"Critics reportedly believe the plan may fail.\n")


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def corpus(tmp_path) -> Path:
    """A JSONL corpus with custom keys, an extra field, a bad line and a record without text."""
    path = tmp_path / "corpus.jsonl"
    lines = [json.dumps({"doc": f"d{n}", "body": article(n), "outlet": f"paper-{n % 3}"}) for n in range(12)]
    lines.insert(5, "{not json")
    lines.insert(8, json.dumps({"doc": "no-text", "outlet": "x"}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def extract_jsonl(runner, *args: str):
    result = runner.invoke(app, ["extract", *args])
    return result, [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_jsonl_input_with_custom_keys_keeps_other_fields_in_meta(runner, corpus):
    result, documents = extract_jsonl(runner, str(corpus), "--text-key", "body", "--id-key", "doc", "--format", "jsonl")
    assert result.exit_code == 1  # two bad records
    by_id = {d["id"]: d for d in documents}
    assert len(documents) == 14
    assert by_id["d4"]["meta"] == {"outlet": "paper-1"} and by_id["d4"]["input_format"] == "jsonl"
    assert by_id["d4"]["attributions"] and by_id["d4"]["error"] is None
    assert "not JSON" in by_id[f"{corpus}:6"]["error"]
    assert "'body' missing" in by_id["no-text"]["error"]
    assert "2 errors" in result.stderr  # the summary line


def test_summary_line_and_quiet(runner, tmp_path):
    (tmp_path / "a.txt").write_text(article(1), encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path), "--format", "jsonl"])
    assert result.exit_code == 0 and "1 documents" in result.stderr and "attributions" in result.stderr
    quiet = runner.invoke(app, ["extract", str(tmp_path), "--format", "jsonl", "--quiet"])
    assert quiet.exit_code == 0 and quiet.stderr == "" and quiet.stdout == result.stdout


def test_resume_after_a_run_cut_off_mid_line(runner, corpus, tmp_path):
    full = tmp_path / "full.jsonl"
    args = [str(corpus), "--text-key", "body", "--id-key", "doc", "--quiet"]
    runner.invoke(app, ["extract", *args, "--output", str(full)])
    data = full.read_bytes()
    cut = tmp_path / "cut.jsonl"
    cut.write_bytes(data[: len(data) * 2 // 3])  # ends inside a line, as after a kill
    assert not cut.read_bytes().endswith(b"\n")
    result = runner.invoke(app, ["extract", *args, "--output", str(cut), "--resume"])
    assert result.exit_code == 0  # the two bad records were in the kept part: skipped, not retried
    resumed = [json.loads(line) for line in cut.read_text(encoding="utf-8").splitlines()]
    original = [json.loads(line) for line in full.read_text(encoding="utf-8").splitlines()]
    assert sorted(d["id"] for d in resumed) == sorted(d["id"] for d in original)  # nothing twice, nothing lost
    assert sorted(map(json.dumps, resumed)) == sorted(map(json.dumps, original))


def test_finished_ids_refuses_a_file_that_is_not_claimx_output(tmp_path):
    from claimx.output import OutputError

    other = tmp_path / "notes.jsonl"
    other.write_text("hello\n", encoding="utf-8")
    with pytest.raises(OutputError):
        finished_ids(other)


def test_resume_needs_a_jsonl_output_file(runner, tmp_path):
    (tmp_path / "a.txt").write_text(article(1), encoding="utf-8")
    (tmp_path / "o.json").write_text('{"documents": []}', encoding="utf-8")  # an earlier JSON run
    for extra in (["--resume"], ["--resume", "--output", str(tmp_path / "o.json"), "--format", "json"]):
        result = runner.invoke(app, ["extract", str(tmp_path / "a.txt"), *extra])
        assert result.exit_code == 2 and "--resume" in result.stderr


def test_json_output_appears_whole_or_not_at_all(tmp_path):
    target = tmp_path / "out.json"
    target.write_text("previous run", encoding="utf-8")
    with pytest.raises(RuntimeError):
        with destination(str(target), "json") as out:
            out.write('{"documents": [')
            raise RuntimeError("killed mid-run")
    assert target.read_text(encoding="utf-8") == "previous run"
    assert list(tmp_path.iterdir()) == [target]  # no temporary file left behind
    with destination(str(target), "json") as out:
        out.write("{}")
    assert target.read_text(encoding="utf-8") == "{}"


def test_csv_and_json_output_files(runner, tmp_path):
    (tmp_path / "a.txt").write_text(article(2), encoding="utf-8")
    for fmt in ("json", "csv"):
        target = tmp_path / f"out.{fmt}"
        result = runner.invoke(app, ["extract", str(tmp_path / "a.txt"), "--format", fmt, "--output", str(target)])
        assert result.exit_code == 0 and result.stdout == ""
        assert target.stat().st_size > 0
    assert json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["documents"][0]["attributions"]


def test_two_workers_give_the_same_output_as_one(nlp):
    import claimx

    pairs = [(f"d{n}", article(n)) for n in range(10)]
    one = [d.to_dict() for d in claimx.extract_documents(pairs, nlp, batch_size=3)]
    two = [d.to_dict() for d in claimx.extract_documents(iter(pairs), nlp, batch_size=3, n_process=2)]
    assert one == two and [d["id"] for d in two] == [p[0] for p in pairs]


def test_ctrl_c_leaves_finished_documents_on_disk(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(400):
        (folder / f"{n:04d}.txt").write_text(article(n) * 3, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    process = subprocess.Popen(
        [sys.executable, "-m", "claimx", "extract", str(folder), "--output", str(out), "--batch-size", "4"],
        stderr=subprocess.PIPE, text=True,
        # a shell starts background jobs with Ctrl-C ignored, and exec keeps that: restore it
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    deadline = time.time() + 120
    while time.time() < deadline and (not out.exists() or out.stat().st_size == 0):
        time.sleep(0.2)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert "interrupted" in stderr and "Traceback" not in stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    assert 0 < len(lines) < 400
    assert all(json.loads(line)["id"] for line in lines)  # every line complete


@pytest.mark.skipif(sys.platform == "win32", reason="local Dask cluster with process workers")
def test_dask_cluster_output_equals_single_process_output(nlp, tmp_path):
    distributed = pytest.importorskip("dask.distributed")
    import claimx
    from claimx.batch import run_on_dask
    from claimx.inputs import InputDocument

    documents = [InputDocument(f"d{n}", article(n), input_format="text") for n in range(9)]
    expected = [d.to_dict() for d in claimx.extract_documents([(d.id, d.text) for d in documents], nlp)]
    for d in expected:
        d["input_format"] = "text"
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with distributed.Client(cluster) as client:
            first = run_on_dask(documents, tmp_path / "parts", client, partition_size=2)
            again = run_on_dask(documents, tmp_path / "parts", client, partition_size=2)
    assert first.parts_written == 5 and first.documents == 9
    assert again.parts_written == 0 and again.parts_skipped == 5  # rerun resumes
    parts = sorted((tmp_path / "parts").glob("part-*.jsonl"))
    got = [json.loads(line) for part in parts for line in part.read_text(encoding="utf-8").splitlines()]
    assert got == expected
    assert not [p for p in (tmp_path / "parts").iterdir() if p.name.startswith(".")]
