"""Verbs whose silent "e" the stock lemmatizer drops ("hoping" → "hop") get their own lemma."""
from __future__ import annotations

import pytest

from claimx.lemma_repair import silent_e_lemma

VERBS = {"hop", "hope", "cop", "cope", "star", "stare", "pass", "note", "plan", "plane"}


@pytest.mark.parametrize("word, stock, lemma", [
    ("hoping", "hop", "hope"), ("hoped", "hop", "hope"), ("hopes", "hop", "hope"),
    ("Coping", "cop", "cope"), ("stared", "star", "stare"),
    ("hopping", "hop", "hop"),  # a doubled consonant is the short verb's own
    ("planned", "plan", "plan"),
    ("passes", "pass", "pass"),  # a sibilant stem takes "-es" itself
    ("noted", "note", "note"),  # already right
    ("visited", "visit", "visit"),  # no "visite" to turn into
])
def test_an_undoubled_form_of_a_short_stem_is_the_verb_with_e(word, stock, lemma):
    assert silent_e_lemma(word, stock, VERBS) == lemma


def test_the_pipeline_lemmatizes_silent_e_verbs_in_both_paths(nlp):
    text = "The mayor is hoping the bridge opens; she hoped so and hopes so, coping with the delay."
    for doc in (nlp(text), next(nlp.pipe([text]))):
        assert [t.lemma_ for t in doc if t.lower_ in ("hoping", "hoped", "hopes", "coping")] == ["hope", "hope", "hope", "cope"]


def test_a_hope_is_read_by_its_cue_rule(run):
    attributions = run("The mayor is hoping that the bridge opens in May.")
    assert [(a.rule, a.content.text) for a in attributions] == [("speech_verb_clause:cue.hope", "the bridge opens in May")]


def test_hoping_for_names_what_is_hoped_for(run):
    attribution = next(a for a in run("The campaign is hoping for a strong finish in Ohio.") if a.cue.text == "is hoping for")
    assert (attribution.rule, attribution.content.text) == ("prepositional_cue:cue.hope", "a strong finish in Ohio")
