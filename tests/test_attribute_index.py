"""The indexed attribute-ruler match must give exactly what spaCy's Matcher gives."""
from __future__ import annotations

import pytest
import spacy

from claimx.attribute_index import RuleIndex, compile_spec, speed_up
from claimx.pipeline import default_model

# written for this test: contractions and dialect spellings the ruler's regex rules cover,
# expletives, auxiliaries used as main verbs, determiners used as pronouns, odd white space
TEXTS = [
    "It ain't over, y'all, and there's nothin' they can do about it.",
    "She has had enough. Did they do it? He gets what he got.\n\nThat is what those were.",
    "There are   three  reasons\t\nwhy the mayor's aides, who'd said so, won't resign; it was known.",
    "“We are not going to leave,” he said — and then, after a pause: “Not yet.”",
    "",
    "\n \n",
]


@pytest.fixture(scope="module")
def parsed():
    nlp = spacy.load(default_model())
    return nlp.get_pipe("attribute_ruler"), list(nlp.pipe(TEXTS, disable=["attribute_ruler", "lemmatizer", "ner"]))


def test_index_matches_what_the_matcher_matches(parsed):
    ruler, docs = parsed
    index = RuleIndex.from_ruler(ruler)
    assert index is not None, "the stock ruler's rules should all be indexable"
    for doc in docs:
        assert index.match(doc) == sorted(set(ruler.match(doc)))
    assert sum(len(ruler.match(doc)) for doc in docs) > sum(len(doc) for doc in docs)  # the test exercised rules


def test_sped_up_pipeline_annotates_as_the_stock_one():
    stock, faster = spacy.load(default_model()), spacy.load(default_model())
    assert speed_up(faster.get_pipe("attribute_ruler"))
    for text in TEXTS:
        ours, theirs = faster(text), stock(text)
        assert [(t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_) for t in ours] == [
            (t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_) for t in theirs
        ]


@pytest.mark.parametrize(
    "spec",
    [{"LOWER": {"FUZZY": "said"}}, {"LENGTH": 3}, {"LOWER": "said", "OP": "?"}, {"TAG": {">=": 3}}],
)
def test_rules_it_cannot_index_are_refused(spec):
    assert compile_spec(spec) is None


def test_a_ruler_with_an_unindexable_rule_keeps_spacys_matcher():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "said"}]], {"LEMMA": "say"})
    ruler.add([[{"LENGTH": 40}]], {"POS": "X"})
    original = ruler.match
    assert speed_up(ruler) is False
    assert ruler.match == original


def test_later_rules_win_as_in_spacy():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "told"}]], {"LEMMA": "first"})
    ruler.add([[{"LOWER": {"IN": ["told", "said"]}}]], {"LEMMA": "second"})
    ruler.add([[{"LOWER": {"REGEX": "^s"}}, {"IS_SPACE": False}]], {"LEMMA": "third"}, index=1)
    expected = [t.lemma_ for t in nlp("he told us she said so")]
    assert speed_up(ruler) is True
    assert [t.lemma_ for t in nlp("he told us she said so")] == expected == ["", "second", "", "", "third", "third"]


def test_claimx_pipeline_uses_the_index(nlp):
    assert isinstance(nlp.get_pipe("attribute_ruler").match.__self__, RuleIndex)
