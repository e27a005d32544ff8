"""Hedge markers through the real pipeline: every category, every pseudo entry."""
import pytest

from claimx.lexicon import HEDGE_CATEGORIES, load_lexicon

CATEGORY_CASES = [
    ("The minister allegedly took the money.", "allegedly", "reportative"),
    ("The plant is reportedly closing.", "reportedly", "reportative"),
    ("The storm may reach the coast tonight.", "may", "epistemic"),
    ("It is likely that prices will rise.", "likely", "epistemic"),
    ("The talks seem to have stalled.", "seem", "epistemic"),
    ("Analysts expect a rate cut soon.", "expect", "doxastic"),
    ("The council will act if the river floods.", "if", "conditional"),
    ("Nobody knows whether the deal will hold.", "whether", "investigation"),
    ("Sources said the talks had failed.", "Sources said", "anonymous_source"),
    ("The plan was confirmed by a source familiar with the talks.", "source familiar with", "anonymous_source"),
    ("It is believed that the ship sank.", "It is believed", "weasel"),
    ("The move is seen as a concession.", "is seen as", "weasel"),
    ("The company claimed that its product was safe.", "claimed", "distancing_cue"),
]


@pytest.mark.parametrize("text, marker, category", CATEGORY_CASES)
def test_each_category_is_found(run_document, text, marker, category):
    hedges = run_document(text).hedges
    assert any(h.text == marker and h.category == category for h in hedges), [(h.text, h.category) for h in hedges]
    for hedge in hedges:
        assert text[hedge.start : hedge.end] == hedge.text


def test_the_cases_cover_every_category():
    assert {c for _, _, c in CATEGORY_CASES} == set(HEDGE_CATEGORIES)


PSEUDO_CASES = {
    "pseudo.no_doubt": "There is no doubt that the bridge is safe.",
    "pseudo.without_doubt": "The bridge is without a doubt safe.",
    "pseudo.whether_or_not": "The match goes ahead whether or not it rains.",
    "pseudo.as_soon_as_possible": "Repairs will start as soon as possible.",
    "pseudo.if_any": "Few, if any, residents were hurt.",
    "pseudo.even_if_not": "The repairs cost millions, if not more.",
    "pseudo.think_tank": "A think tank published the figures.",
    "pseudo.appear_in": "The mayor will appear in court on Monday.",
    "pseudo.as_expected": "As expected, the vote passed.",
    "pseudo.best_possible": "The team got the best possible result.",
    "pseudo.doubt_that_not": "There was no doubt about the result.",
}


def test_every_pseudo_entry_has_a_case():
    assert set(PSEUDO_CASES) == {h.id for h in load_lexicon().hedges if h.pseudo}


@pytest.mark.parametrize("rule_id", sorted(PSEUDO_CASES))
def test_pseudo_entries_block_false_triggers(run_document, rule_id):
    hedges = run_document(PSEUDO_CASES[rule_id]).hedges
    assert hedges == [], [(h.text, h.rule) for h in hedges]


def test_may_the_month_is_not_a_hedge(run_document):
    assert run_document("The bridge reopened in May.").hedges == []


def test_nested_attributions_each_get_their_own_hedges(run):
    text = "According to the newspaper, the minister allegedly told colleagues that taxes would rise."
    attributions = run(text)
    outer = next(a for a in attributions if a.cue.text == "According to")
    inner = next(a for a in attributions if a.cue.text == "told")
    assert [h.text for h in inner.hedges] == ["allegedly"]
    assert outer.hedges == [] and not outer.hedged


# entries that guard against a parser misreading (doubt/think tagged as verbs); with today's
# model the part-of-speech constraints already stop these, so only the others are checked below
GUARDS_ONLY = {"pseudo.no_doubt", "pseudo.without_doubt", "pseudo.think_tank", "pseudo.doubt_that_not"}


@pytest.mark.parametrize("rule_id", sorted(set(PSEUDO_CASES) - GUARDS_ONLY))
def test_without_its_pseudo_entry_the_case_would_fire(nlp, rule_id):
    from claimx.hedges import HedgeMatcher

    lexicon = nlp.get_pipe("claimx").lexicon
    without = type(lexicon)(cues=lexicon.cues, hedges=[h for h in lexicon.hedges if h.id != rule_id])
    doc = nlp(PSEUDO_CASES[rule_id])
    assert HedgeMatcher(nlp.vocab, without)(doc), "the pseudo entry guards nothing here"
    assert HedgeMatcher(nlp.vocab, lexicon)(doc) == []


def test_anchor_words_avoid_stop_words_and_optional_tokens(nlp):
    from claimx.hedges import anchor_words

    vocab = nlp.vocab
    assert anchor_words([{"LOWER": "may"}], vocab) == {("LOWER", "may")}  # only a stop word: anchored on it
    assert anchor_words([{"POS": "ADJ"}, {"LOWER": "if", "OP": "?"}], vocab) is None  # no required word: tried everywhere
    assert anchor_words([{"LEMMA": "be"}, {"LOWER": {"IN": ["said", "rumored"]}}, {"LOWER": "to"}], vocab) == {("LOWER", "said"), ("LOWER", "rumored")}
    assert anchor_words([{"LOWER": "allegedly", "OP": "?"}, {"LOWER": "may"}], vocab) == {("LOWER", "may")}
    assert anchor_words([{"LOWER": "if"}, {"LOWER": "any"}], vocab) == {("LOWER", "if")}  # the first of equally few
    assert anchor_words([{"LOWER": {"IN": ["sources", "insiders", "aides"]}}, {"LEMMA": "claim"}], vocab) == {("LEMMA", "claim")}


def test_a_rule_without_a_required_word_is_tried_everywhere(nlp):
    from claimx.hedges import HedgeMatcher
    from claimx.lexicon import HedgeRule

    lexicon = nlp.get_pipe("claimx").lexicon
    rule = HedgeRule("test.modal", [{"TAG": "MD"}], "epistemic", False, "test", "test")
    only = type(lexicon)(cues=lexicon.cues, hedges=[rule])
    matcher = HedgeMatcher(nlp.vocab, only)
    assert len(matcher.everywhere) == 1 and not matcher.anchored
    doc = nlp("The mayor spoke. Taxes will rise.")
    assert [doc[m.start].text for m in matcher(doc)] == ["will"]


def test_of_two_rules_marking_the_same_words_the_first_in_the_file_wins(nlp):
    from claimx.hedges import HedgeMatcher
    from claimx.lexicon import HedgeRule

    lexicon = nlp.get_pipe("claimx").lexicon
    first = HedgeRule("z.reportative", [{"LOWER": "alleged"}], "reportative", False, "test", "test")
    second = HedgeRule("a.distancing", [{"LOWER": "alleged"}], "distancing_cue", False, "test", "test")
    doc = nlp("The alleged plot was never proven.")
    for rules in ([first, second], [second, first]):
        [marker] = HedgeMatcher(nlp.vocab, type(lexicon)(cues=lexicon.cues, hedges=rules))(doc)
        assert marker.rule == rules[0].id


def test_anchored_matching_finds_what_one_matcher_over_the_document_finds(nlp):
    """Sentences without an anchor word are skipped: that must never lose a marker."""
    from spacy.matcher import Matcher

    hedge_matcher = nlp.get_pipe("claimx").hedge_matcher
    assert len(hedge_matcher.anchored) > len(hedge_matcher.everywhere)
    whole = Matcher(nlp.vocab)
    for rule_id, rule in hedge_matcher.rules.items():
        whole.add(rule_id, [rule.token_pattern()])
    text = "\n".join(text for text, _, _ in CATEGORY_CASES) + "\nThe mayor spoke.\n" + " ".join(PSEUDO_CASES.values())
    doc = nlp(text)
    found = hedge_matcher(doc)
    assert len(found) >= len(CATEGORY_CASES)
    assert found == hedge_matcher.markers(whole(doc, as_spans=True))
