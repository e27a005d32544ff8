import json

import pytest

from claimx.lexicon import HEDGE_CATEGORIES, LexiconError, load_lexicon


def write(tmp_path, *records, raw=None):
    path = tmp_path / "user.jsonl"
    path.write_text(raw if raw is not None else "\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


def test_bundled_rules_load_and_cover_every_hedge_category():
    lexicon = load_lexicon()
    assert lexicon.cue("say", "VERB").type == "speech"
    assert lexicon.cue("claim", "VERB").stance == "distancing"
    assert lexicon.cue("deny", "VERB").stance == "denial"
    categories = {h.category for h in lexicon.hedges if not h.pseudo}
    assert categories == set(HEDGE_CATEGORIES)
    assert any(h.pseudo for h in lexicon.hedges)
    assert lexicon.boilerplate and lexicon.source_kind_words("media")


@pytest.mark.parametrize(
    "record, message",
    [
        ({"id": "x", "pattern": "perhaps", "category": "epistemic", "source": "t", "colour": "red"}, "unknown key"),
        ({"id": "x", "pattern": "perhaps", "category": "vague", "source": "t"}, "category"),
        ({"id": "x", "pattern": [{"LEMA": "may"}], "category": "epistemic", "source": "t"}, "unknown token attribute"),
        ({"id": "x", "pattern": "", "category": "epistemic", "source": "t"}, "empty pattern"),
        ({"id": "x", "pattern": "no way", "pseudo": True, "category": "epistemic", "source": "t"}, "pseudo"),
        ({"id": "x", "lemma": "mutter", "pos": "VERB", "type": "gossip", "stance": "neutral", "source": "t"}, "type"),
        ({"id": "x", "regex": "(unclosed", "source": "t"}, "bad regex"),
        ({"id": "x", "lemma": "call", "pos": "VERB", "type": "speech", "stance": "neutral", "prepositions": ["For "], "source": "t"}, "prepositions"),
        ({"id": "x", "lemma": "quote", "pos": "VERB", "type": "speech", "stance": "neutral", "relay": "yes", "source": "t"}, "relay"),
        ({"id": "x", "lemma": "poll", "pos": "VERB", "type": "evidence", "stance": "neutral", "frames": ["in"], "source": "t"}, "for nouns"),
        ({"id": "x", "lemma": "seem", "pos": "VERB", "type": "evidence", "stance": "neutral", "raising": "yes", "source": "t"}, "raising"),
        ({"id": "x", "lemma": "poll", "pos": "NOUN", "type": "evidence", "stance": "neutral", "frames": ["In a"], "source": "t"}, "frames"),
        ({"id": "x", "not_a_cue": "say", "source": "t"}, "two or more words"),
        ({"id": "x", "not_a_cue": "that said", "clause_start": "yes", "source": "t"}, "clause_start"),
        ({"pattern": "perhaps", "category": "epistemic", "source": "t"}, "missing key 'id'"),
        ({"id": "model.learned_cues", "weights": {"bias": "high"}, "threshold": 0.5, "type": "stance", "source": "t"}, "weights"),
        ({"id": "model.learned_cues", "weights": {}, "threshold": 1.5, "type": "stance", "source": "t"}, "threshold"),
        ({"id": "model.learned_cues", "weights": {}, "threshold": 0.5, "type": "hunch", "source": "t"}, "type"),
        ({"id": "model.other", "weights": {}, "threshold": 0.5, "type": "stance", "source": "t"}, "a second cue model"),
    ],
)
def test_invalid_entries_name_file_and_line(tmp_path, record, message):
    ok = {"id": "fine", "pattern": "mayhap", "category": "epistemic", "source": "t"}
    path = write(tmp_path, ok, record)
    with pytest.raises(LexiconError) as error:
        load_lexicon([path])
    assert f"{path}:2" in str(error.value)
    assert message in str(error.value)


def test_duplicate_ids_in_one_file_are_errors(tmp_path):
    entry = {"id": "dup", "pattern": "mayhap", "category": "epistemic", "source": "t"}
    path = write(tmp_path, entry, entry)
    with pytest.raises(LexiconError, match="duplicate id 'dup'"):
        load_lexicon([path])


def test_bad_json_is_an_error_with_line(tmp_path):
    path = write(tmp_path, raw='{"id": "a", "pattern": "x", "category": "epistemic", "source": "t"}\n{not json\n')
    with pytest.raises(LexiconError, match=r"user.jsonl:2: not valid JSON"):
        load_lexicon([path])


def test_user_file_adds_and_overrides(tmp_path):
    path = write(
        tmp_path,
        {"id": "reportative.allegedly", "pattern": "allegedly", "category": "weasel", "source": "house style"},
        {"id": "house.mutter", "lemma": "mutter", "pos": "VERB", "type": "speech", "stance": "neutral", "source": "house style"},
    )
    lexicon = load_lexicon([path])
    allegedly = [h for h in lexicon.hedges if h.id == "reportative.allegedly"]
    assert len(allegedly) == 1 and allegedly[0].category == "weasel" and allegedly[0].file == str(path)
    assert lexicon.cue("mutter", "VERB").id == "house.mutter"


def test_bundled_cue_model_is_on_and_a_user_file_can_replace_it(tmp_path):
    bundled = load_lexicon().cue_model
    assert bundled is not None and 0 < bundled.threshold < 1 and "bias" in bundled.weights
    off = write(tmp_path, {"id": bundled.id, "weights": {}, "threshold": 1, "type": "stance", "source": "switched off"})
    replaced = load_lexicon([off]).cue_model
    assert (replaced.threshold, replaced.weights, replaced.file) == (1.0, {}, str(off))


def test_missing_user_file_is_a_lexicon_error(tmp_path):
    with pytest.raises(LexiconError, match="cannot read"):
        load_lexicon([tmp_path / "absent.jsonl"])
