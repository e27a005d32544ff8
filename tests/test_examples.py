"""The bundled examples against their expected output, and the seeds gold through the scorer."""
import json
import subprocess
import sys

import pytest

from conftest import ROOT, SHARED

FIELDS = ("kind", "sentence", "parent", "hedged")


def essentials(document):
    return [
        {
            **{k: a[k] for k in FIELDS},
            "source": a["source"] and (a["source"]["text"], a["source"]["start"], a["source"]["resolved"], a["source"]["kind"]),
            "cue": (a["cue"]["text"], a["cue"]["start"], a["cue"]["type"], a["cue"]["stance"]),
            "content": a["content"]["spans"],
            "addressee": a["addressee"] and a["addressee"]["text"],
            "hedges": [(h["text"], h["start"], h["category"]) for h in a["hedges"]],
        }
        for a in document["attributions"]
    ]


def test_examples_match_their_expected_output(nlp):
    """Regenerate with: claimx extract examples --format json > examples/expected.json"""
    import claimx

    expected = json.loads((ROOT / "examples" / "expected.json").read_text(encoding="utf-8"))
    for document in expected["documents"]:
        text = (ROOT / document["id"]).read_text(encoding="utf-8")
        [result] = claimx.extract_documents([(document["id"], text)], nlp)
        assert essentials(result.to_dict()) == essentials(document), document["id"]
        assert [(h["text"], h["start"]) for h in result.to_dict()["hedges"]] == [(h["text"], h["start"]) for h in document["hedges"]]


@pytest.mark.skipif(not (SHARED / "gold" / "seeds.jsonl").exists(), reason="../shared (seeds gold and scorer) is not beside this checkout")
def test_seeds_gold_through_the_scorer(nlp, tmp_path):
    """Every required seed attribution is found with the right source; hedges as annotated."""
    import claimx

    gold = [json.loads(line) for line in (SHARED / "gold" / "seeds.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    documents = [r.to_dict() for r in claimx.extract_documents([(g["id"], g["text"]) for g in gold], nlp)]
    predictions = tmp_path / "seeds.jsonl"
    predictions.write_text("\n".join(json.dumps(d) for d in documents) + "\n", encoding="utf-8")
    scored = subprocess.run(
        [sys.executable, str(SHARED / "tools" / "score.py"), str(SHARED / "gold" / "seeds.jsonl"), str(predictions), "--json"],
        capture_output=True, text=True, check=True,
    )
    metrics = json.loads(scored.stdout)
    assert metrics["hedge"]["f1"] >= 0.90
    by_id = {d["id"]: d for d in documents}
    for record in gold:
        found = by_id[record["id"]]["attributions"]
        for wanted in (a for a in record["attributions"] if not a["optional"]):
            cue = wanted["cue"][0]
            matches = [a for a in found if a["cue"]["start"] < cue[1] and cue[0] < a["cue"]["end"]]
            assert matches, f"{record['id']}: missed {wanted['text']}"
            source = matches[0]["source"]
            if wanted["source"]:
                assert source and source["start"] < wanted["source"][0][1] and wanted["source"][0][0] < source["end"], wanted["text"]
            if wanted.get("resolved"):
                assert source["resolved"] == wanted["resolved"], wanted["text"]
            attached = [(h["start"], h["end"]) for h in matches[0]["hedges"]]
            for start, end in wanted["hedges"]:
                assert any(s < end and start < e for s, e in attached), f"hedge {record['text'][start:end]!r} not on {wanted['text']}"
