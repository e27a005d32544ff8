"""Hostile and odd inputs: encodings, HTML, special files, huge tokens, fuzzing. Every input
file is generated here; no corpus text."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from claimx.cli import app
from claimx.inputs import Reader, decode, iter_documents

STORY = ("\u201cWe will not accept this,\u201d the minister said on Tuesday \u2014 adding that the caf\u00e9 "
         "owners\u2019 union had been consulted. Officials said the plan would cost \u20ac3 million.\n")


@pytest.fixture
def runner():
    return CliRunner()


def documents_of(result) -> dict[str, dict]:
    return {d["id"]: d for d in map(json.loads, result.stdout.splitlines())}


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252"])
def test_encodings_decode_to_the_same_text_and_are_recorded(runner, tmp_path, encoding):
    path = tmp_path / "story.txt"
    path.write_bytes((STORY * 4).encode(encoding))
    text, found = decode(path.read_bytes())
    assert text == STORY * 4
    result = runner.invoke(app, ["extract", str(path), "--format", "jsonl", "--include-text"])
    document = documents_of(result)[str(path)]
    assert document["encoding"] == found and document["text"] == STORY * 4
    for a in document["attributions"]:
        assert document["text"][a["cue"]["start"]:a["cue"]["end"]] == a["cue"]["text"]
    if encoding == "cp1252":
        assert found not in ("utf-8", "utf-8-sig")


def test_binary_file_is_skipped_with_a_message_and_the_rest_go_on(runner, tmp_path):
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path), "--format", "jsonl"])
    documents = documents_of(result)
    assert result.exit_code == 1 and "binary" in documents[str(tmp_path / "image.txt")]["error"]
    assert documents[str(tmp_path / "story.txt")]["attributions"]


PAGE = """<!DOCTYPE html><html><head><title>Bridge</title><script>var tracking = "the mayor said nothing";</script>
<style>p {color: red}</style></head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Bridge to reopen</h1><p>The mayor said on Monday that the bridge would reopen in May
after two years of repairs.</p><p>&ldquo;We are proud of the crews,&rdquo; she told reporters at the site.
Officials said the cost had doubled, and critics allegedly warned that the budget was never realistic.</p>
<p>The council will vote on the final payment next week, according to the city's finance office.</p></article>
<footer>Subscribe to our newsletter. Leave a Reply.</footer></body></html>"""


def test_html_file_is_reduced_to_article_text_and_offsets_refer_to_it(runner, tmp_path):
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(page), "--format", "jsonl"])
    document = documents_of(result)[str(page)]
    assert document["input_format"] == "html"
    text = document["text"]
    assert "The mayor said on Monday" in text and "<p>" not in text and "tracking" not in text
    assert document["attributions"]
    for a in document["attributions"]:
        for part in ("source", "cue", "content"):
            if a[part]:
                assert text[a[part]["start"]:a[part]["end"]] == a[part]["text"]


def test_stdin_that_is_plainly_html_is_treated_as_html(runner):
    result = runner.invoke(app, ["extract", "-", "--format", "jsonl"], input=PAGE)
    document = documents_of(result)["-"]
    assert document["input_format"] == "html" and "<article>" not in document["text"]
    as_text = runner.invoke(app, ["extract", "-", "--format", "jsonl", "--input-format", "text"], input=PAGE)
    assert documents_of(as_text)["-"]["input_format"] == "text"


@pytest.mark.parametrize("text", ["", "   \n\t\n  ", "\u200b\u00a0"])
def test_empty_input_is_a_document_with_nothing_in_it(runner, text):
    result = runner.invoke(app, ["extract", "-", "--format", "jsonl"], input=text)
    assert result.exit_code == 0
    document = documents_of(result)["-"]
    assert document["error"] is None and document["attributions"] == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_fifo_and_symlink_loop_do_not_hang_the_walk(tmp_path):
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "missing.txt")
    start = time.time()
    documents = {d.id: d for d in iter_documents([str(tmp_path)], Reader())}
    assert time.time() - start < 5
    assert documents[str(tmp_path / "story.txt")].text == STORY
    assert "not a regular file" in documents[str(tmp_path / "pipe.txt")].error
    assert "cannot read" in documents[str(tmp_path / "dangling.txt")].error
    assert not any(key.startswith(str(tmp_path / "loop")) for key in documents)


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root reads everything")
def test_unreadable_file_is_an_error_not_a_crash(tmp_path):
    locked = tmp_path / "locked.txt"
    locked.write_text(STORY, encoding="utf-8")
    locked.chmod(0)
    (document,) = iter_documents([str(locked)], Reader())
    assert "cannot read" in document.error


def test_broken_pipe_ends_quietly(tmp_path):
    for n in range(30):
        (tmp_path / f"{n:02d}.txt").write_text(STORY * 3, encoding="utf-8")
    command = f"{sys.executable} -m claimx extract {tmp_path} --format jsonl | head -1"
    result = subprocess.run(["bash", "-o", "pipefail", "-c", command], capture_output=True, text=True, timeout=300)
    assert len(result.stdout.splitlines()) == 1
    assert "Traceback" not in result.stderr and "BrokenPipe" not in result.stderr


def test_json_stays_valid_for_lone_surrogates(runner):
    from claimx.records import DocumentResult
    from claimx.render.machine import dumps

    line = dumps(DocumentResult(id="x\udcff", text="odd \ud800 text").to_dict())
    assert json.loads(line)["text"] == "odd \ud800 text"
    line.encode("utf-8")  # writable as UTF-8


def test_huge_token_and_huge_input_are_cut_safely(run_document):
    blob = "data:image/png;base64," + "QUJD" * 250_000  # a 1 MB "word"
    text = STORY + blob + "\n" + STORY
    document = run_document(text)
    assert document.error is None
    assert len(document.attributions) >= 2
    for a in document.attributions:
        assert text[a.cue.start:a.cue.end] == a.cue.text


QUOTES = "\"'“”‘’«»‹›`„"
fuzz_text = st.lists(
    st.one_of(
        st.text(max_size=40),
        st.sampled_from(list(QUOTES)),
        st.text(alphabet=QUOTES + " ,.:\n", max_size=30),
        st.sampled_from(["said", "told", "according to", "allegedly", "yetPeskov", "He said:", "\n\n", "—"]),
        st.builds(lambda w, n: " ".join([w] * n), st.sampled_from(["word", "said that", "“a”"]), st.integers(1, 400)),
    ),
    max_size=30,
).map("".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(text=fuzz_text)
def test_fuzz_never_raises_and_offsets_slice_back(run_document, text):
    document = run_document(text)
    assert document.error is None
    spans = [h for h in document.hedges]
    for a in document.attributions:
        spans += [s for s in (a.source, a.cue, a.content, a.addressee) if s is not None] + list(a.hedges)
        for start, end in a.content.spans:
            assert 0 <= start <= end <= len(text)
    for span in spans:
        assert 0 <= span.start <= span.end <= len(text)
        assert text[span.start:span.end] == span.text
