"""tools/train_cue_model.py end to end on a corpus written for the test: the labels come from
the gold, and the fit moves each verb's weight the way its examples point."""
import importlib.util

import pytest

from claimx.lexicon import load_lexicon

from conftest import ROOT

SENTENCES = ["Trump defended his tweets.", "The club bought a house.", "Pence defended the plan.", "The firm bought a boat."]


def load_tool():
    spec = importlib.util.spec_from_file_location("train_cue_model", ROOT / "tools" / "train_cue_model.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def write_corpus(folder):
    (folder / "text").mkdir(parents=True)
    (folder / "attributions").mkdir()
    text = " ".join(SENTENCES)
    (folder / "text" / "a.txt").write_text(text, encoding="utf-8")
    lines, number = [], 0
    for sentence in SENTENCES:
        if "defended" not in sentence:
            continue  # buying is not a stance: no annotation
        start = text.index(sentence)
        subject, _, rest = sentence.partition(" defended ")
        parts = {"Source": (start, start + len(subject)), "Cue": (start + len(subject) + 1, start + len(subject) + 9),
                 "Content": (start + len(subject) + 10, start + len(sentence) - 1)}
        refs = []
        for role, (s, e) in parts.items():
            number += 1
            lines.append(f"T{number}\t{role} {s} {e}\t{text[s:e]}")
            refs.append(f"{role}:T{number}")
        lines.append(f"E{number}\t{refs[1]} {refs[0]} {refs[2]}")
    (folder / "attributions" / "a_ann1.ann").write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_training_learns_from_the_gold_and_writes_a_loadable_model(tmp_path, capsys):
    write_corpus(tmp_path / "corpus")
    out = tmp_path / "model.jsonl"
    assert load_tool().main([str(tmp_path / "corpus"), "--out", str(out), "--min-count", "1"]) == 0
    assert "4 candidate verbs, 2 match a gold attribution" in capsys.readouterr().err
    model = load_lexicon([out]).cue_model
    assert model.weights["lemma=defend"] > 0 > model.weights["lemma=buy"]


def test_a_folder_that_is_not_a_corpus_is_a_usage_error(tmp_path):
    with pytest.raises(SystemExit) as stop:
        load_tool().main([str(tmp_path)])
    assert stop.value.code == 2


def test_the_fit_reaches_the_regularised_optimum():
    """Where the gradient of log loss + |w|^2 / 2c vanishes: for one feature seen in n
    positive and m negative examples, and a bias, the optimum is known in closed form only
    in special cases, so check the gradient instead, and that a weaker penalty fits harder."""
    import math

    tool = load_tool()
    rows = [(["bias", "lemma=defend"], True)] * 3 + [(["bias", "lemma=defend"], False)] + [(["bias", "lemma=buy"], False)] * 4
    for c in (0.3, 3.0):
        weights = tool.fit(rows, c)
        gradient = {name: (0.0 if name == "bias" else weights[name] / c) for name in weights}
        for features, positive in rows:
            probability = 1 / (1 + math.exp(-sum(weights[f] for f in features)))
            for f in features:
                gradient[f] += probability - positive
        assert max(abs(g) for g in gradient.values()) < 1e-4
    assert tool.fit(rows, 3.0)["lemma=defend"] > tool.fit(rows, 0.3)["lemma=defend"] > 0


def test_the_model_sees_the_argument_with_the_subject_and_the_verb_with_its_place(nlp):
    """The pairs the cue model weighs beyond single features: the argument's dependency with
    the kind of subject, the lemma with the verb's own dependency."""
    from claimx.extraction.attributions import read_verb

    doc = nlp("Ann Lee backs the plan that voters who want a bridge rejected.")
    features = {token.lemma_: read_verb(token).features for token in doc if token.lemma_ in ("back", "want")}
    assert {"dep_subject=dobj_PERSON", "lemma_verb_dep=back_ROOT"} <= set(features["back"])
    assert {"dep_subject=dobj_PRON:who", "lemma_verb_dep=want_relcl"} <= set(features["want"])
