"""Extraction rules on hand-built parses: deterministic, independent of the model's version."""
from dataclasses import replace

import pytest
import spacy
from spacy.tokens import Doc, Span

from claimx.extraction import extract_doc
from claimx.extraction.quotes import find_quotes
from claimx.hedges import HedgeMatcher
from claimx.lexicon import CueModel, load_lexicon

LEXICON = load_lexicon()
VOCAB = spacy.blank("en").vocab  # English lexical attributes (lower case, punctuation), no model


def Vocab():
    return VOCAB


TAGS = {"NOUN": "NN", "PROPN": "NNP", "VERB": "VBD", "AUX": "VBD", "PRON": "PRP", "ADV": "RB", "ADP": "IN",
        "SCONJ": "IN", "DET": "DT", "PART": "POS", "CCONJ": "CC"}


def parse(rows, spaces=None):
    """rows: (word, head index, dep, pos, lemma); tags follow from the coarse tag."""
    return Doc(
        Vocab(), words=[r[0] for r in rows], spaces=spaces,
        heads=[r[1] for r in rows], deps=[r[2] for r in rows], pos=[r[3] for r in rows], lemmas=[r[4] for r in rows],
        tags=[TAGS.get(r[3], r[0]) for r in rows],
    )


def run(doc, lexicon=None):
    lexicon = lexicon or LEXICON
    return extract_doc(doc, lexicon, HedgeMatcher(doc.vocab, lexicon))


def with_model(weights, threshold=0.5):
    """The bundled rules with a cue model of known weights instead of the trained one."""
    return replace(LEXICON, cue_model=CueModel("model.test", weights, threshold, "stance", "test", "test"))


def text_of(doc, span):
    return doc.text[span["start"] : span["end"]]


SAID_THAT = [
    ("Officials", 1, "nsubj", "NOUN", "official"),
    ("said", 1, "ROOT", "VERB", "say"),
    ("that", 4, "mark", "SCONJ", "that"),
    ("talks", 4, "nsubj", "NOUN", "talk"),
    ("failed", 1, "ccomp", "VERB", "fail"),
    (".", 1, "punct", "PUNCT", "."),
]


def test_speech_verb_with_that_clause():
    doc = parse(SAID_THAT)
    [attribution], _ = run(doc)
    assert text_of(doc, attribution["source"]) == "Officials"
    assert attribution["cue"]["lemma"] == "say" and attribution["cue"]["type"] == "speech"
    assert attribution["content"]["text"] == "talks failed"  # the complementizer is not content
    assert attribution["rule"].startswith("speech_verb_clause:")
    assert attribution["kind"] == "indirect"


def test_verb_without_lexicon_entry_makes_nothing_without_the_cue_model():
    rows = [r if r[0] != "said" else ("hoped", 1, "ROOT", "VERB", "zzz") for r in SAID_THAT]
    attributions, _ = run(parse(rows), replace(LEXICON, cue_model=None))
    assert attributions == []


def test_content_runs_on_to_the_end_of_the_cue_clause_but_not_into_another_cue():
    # the parser hung "and exceed them" and ", adding …" from the cue verb, not from the content
    rows = [
        ("She", 1, "nsubj", "PRON", "she"),
        ("said", 1, "ROOT", "VERB", "say"),
        ("costs", 3, "nsubj", "NOUN", "cost"),
        ("rose", 1, "ccomp", "VERB", "rise"),
        ("and", 1, "cc", "CCONJ", "and"),
        ("wages", 6, "nsubj", "NOUN", "wage"),
        ("fell", 1, "conj", "VERB", "fall"),
        (",", 1, "punct", "PUNCT", ","),
        ("adding", 1, "advcl", "VERB", "add"),
        ("that", 11, "mark", "SCONJ", "that"),
        ("taxes", 11, "nsubj", "NOUN", "tax"),
        ("doubled", 8, "ccomp", "VERB", "double"),
        (".", 1, "punct", "PUNCT", "."),
    ]
    doc = parse(rows)
    attributions, _ = run(doc, replace(LEXICON, cue_model=None))
    contents = {a["cue"]["text"]: a["content"]["text"] for a in attributions}
    assert contents == {"said": "costs rose and wages fell", "adding": "taxes doubled"}


def quoted_after(verb, lemma, obj):
    return parse([
        ("Clinton", 1, "nsubj", "PROPN", "Clinton"),
        (verb, 1, "ROOT", "VERB", lemma),
        (obj, 1, "dobj", "PROPN" if obj[0].isupper() else "NOUN", obj.lower()),
        (":", 1, "punct", "PUNCT", ":"),
        ("“", 7, "punct", "PUNCT", "“"),
        ("We", 7, "nsubj", "PRON", "we"),
        ("will", 7, "aux", "AUX", "will"),
        ("win", 1, "parataxis", "VERB", "win"),
        ("this", 9, "det", "DET", "this"),
        ("race", 7, "dobj", "NOUN", "race"),
        (".", 7, "punct", "PUNCT", "."),
        ("”", 7, "punct", "PUNCT", "”"),
    ])


def test_quotation_is_not_the_content_of_a_cue_with_an_object_of_its_own():
    no_model = replace(LEXICON, cue_model=None)
    assert run(quoted_after("mentioned", "mention", "Machado"), no_model)[0] == []  # what she mentioned is Machado
    [told], _ = run(quoted_after("told", "tell", "reporters"), no_model)  # the object of "told" is who heard it
    assert told["rule"].startswith("quote_cue:") and told["content"]["text"] == "“ We will win this race . ”"


def said_that(verb, lemma, subject):
    return parse([
        ("Ann", 1, "nsubj", "PROPN", "Ann"),
        ("said", 1, "ROOT", "VERB", "say"),
        (subject, 3, "nsubj", "NOUN", subject.lower()),
        (verb, 1, "ccomp", "VERB", lemma),
        ("that", 6, "mark", "SCONJ", "that"),
        ("taxes", 6, "nsubj", "NOUN", "tax"),
        ("rise", 3, "ccomp", "VERB", "rise"),
        (".", 1, "punct", "PUNCT", "."),
    ])


def test_a_mental_state_inside_reported_speech_is_part_of_it_but_reported_speech_nests():
    no_model = replace(LEXICON, cue_model=None)
    [said], _ = run(said_that("believe", "believe", "Officials"), no_model)
    assert said["cue"]["text"] == "said" and said["content"]["text"] == "Officials believe that taxes rise"
    outer, inner = run(said_that("claim", "claim", "Officials"), no_model)[0]
    assert (outer["cue"]["text"], inner["cue"]["text"], inner["parent"]) == ("said", "claim", outer["id"])


DEFENDED = [
    ("Trump", 1, "nsubj", "PROPN", "Trump"),
    ("defended", 1, "ROOT", "VERB", "defend"),
    ("his", 3, "poss", "PRON", "his"),
    ("tweets", 1, "dobj", "NOUN", "tweet"),
    (".", 1, "punct", "PUNCT", "."),
]


def test_cue_model_keeps_a_verb_it_scores_above_its_threshold():
    doc = parse(DEFENDED)
    [attribution], _ = run(doc, with_model({"lemma=defend": 4.0, "bias": -2.0}))
    assert attribution["rule"] == "learned_cue:model.test"
    assert (text_of(doc, attribution["source"]), attribution["cue"]["text"], attribution["content"]["text"]) == ("Trump", "defended", "his tweets")
    assert attribution["cue"]["type"] == "stance"
    assert run(doc, with_model({"lemma=defend": 1.0, "bias": -2.0}))[0] == []  # probability 0.27
    assert run(doc, with_model({"bias": 30.0}, threshold=1))[0] == []  # threshold 1 switches it off


def test_a_cue_noun_misread_after_a_name_takes_the_name_as_source():
    rows = [
        ("Smith", 1, "compound", "PROPN", "Smith"),
        ("claims", 1, "ROOT", "NOUN", "claim"),
        ("that", 4, "mark", "SCONJ", "that"),
        ("taxes", 4, "nsubj", "NOUN", "tax"),
        ("rose", 1, "acl", "VERB", "rise"),
        (".", 1, "punct", "PUNCT", "."),
    ]
    doc = parse(rows)
    doc[1].tag_ = "NNS"
    [attribution], _ = run(doc)
    assert attribution["rule"].startswith("noun_cue")
    assert (text_of(doc, attribution["source"]), attribution["content"]["text"]) == ("Smith", "taxes rose")
    determined = parse([("The", 2, "det", "DET", "the")] + [(w, h + 1, d, p, l) for w, h, d, p, l in rows])
    determined[2].tag_ = "NNS"
    [attribution], _ = run(determined)  # "the Smith claims that …": a noun phrase, no one named
    assert attribution["source"] is None


def reported_by_ann(rows):
    """"Ann said <rows>": a one-clause sentence (ending on its full stop) as the complement of "said"."""
    clause = [(w, 1, "ccomp", p, l) if d == "ROOT" else (w, h + 2, d, p, l) for w, h, d, p, l in rows[:-1]]
    return [("Ann", 1, "nsubj", "PROPN", "Ann"), ("said", 1, "ROOT", "VERB", "say")] + clause + [(".", 1, "punct", "PUNCT", ".")]


def test_a_stance_inside_reported_speech_is_part_of_it():
    [said], _ = run(parse(reported_by_ann(DEFENDED)), with_model({"lemma=defend": 4.0, "bias": -2.0}))
    assert (said["cue"]["text"], said["content"]["text"]) == ("said", "Trump defended his tweets")


TOLD_A_STORY = [
    ("Trump", 1, "nsubj", "PROPN", "Trump"),
    ("told", 1, "ROOT", "VERB", "tell"),
    ("a", 3, "det", "DET", "a"),
    ("story", 1, "dobj", "NOUN", "story"),
    (".", 1, "punct", "PUNCT", "."),
]


def test_a_learned_cue_does_not_nest_even_when_its_verb_is_a_speech_verb():
    model = with_model({"lemma=tell": 4.0, "bias": -2.0})
    [told], _ = run(parse(TOLD_A_STORY), model)
    assert (told["rule"], told["cue"]["type"]) == ("learned_cue:model.test", "speech")
    [said], _ = run(parse(reported_by_ann(TOLD_A_STORY)), model)
    assert (said["cue"]["text"], said["content"]["text"]) == ("said", "Trump told a story")


def test_a_learned_cue_with_an_object_and_a_complement_takes_both():
    rows = [
        ("The", 1, "det", "DET", "the"),
        ("state", 2, "nsubj", "NOUN", "state"),
        ("urged", 2, "ROOT", "VERB", "urge"),
        ("the", 4, "det", "DET", "the"),
        ("court", 2, "dobj", "NOUN", "court"),
        ("to", 6, "aux", "PART", "to"),
        ("act", 2, "xcomp", "VERB", "act"),
        (".", 2, "punct", "PUNCT", "."),
    ]
    [urged], _ = run(parse(rows), with_model({"lemma=urge": 4.0, "bias": -2.0}))
    assert (urged["cue"]["text"], urged["content"]["text"]) == ("urged", "the court to act")


def test_a_learned_passive_cue_takes_what_follows_the_verb_with_its_subject():
    rows = [
        ("The", 1, "det", "DET", "the"),
        ("plan", 3, "nsubjpass", "NOUN", "plan"),
        ("was", 3, "auxpass", "AUX", "be"),
        ("faulted", 3, "ROOT", "VERB", "fault"),
        (",", 3, "punct", "PUNCT", ","),  # after a comma the preposition is no argument of the cue's own
        ("for", 3, "prep", "ADP", "for"),
        ("its", 7, "poss", "PRON", "its"),
        ("cost", 5, "pobj", "NOUN", "cost"),
        (".", 3, "punct", "PUNCT", "."),
    ]
    doc = parse(rows)
    [faulted], _ = run(doc, with_model({"lemma=fault": 4.0, "bias": -2.0}))
    assert faulted["cue"]["text"] == "was faulted" and faulted["source"] is None
    assert [doc.text[s:e] for s, e in faulted["content"]["spans"]] == ["The plan", "for its cost"]


def test_a_learned_passive_cue_with_a_complement_keeps_its_subject_in_the_content():
    # "The senator was pressed to resign by colleagues." — the one pressed is part of what is reported
    rows = [("The", 1, "det", "DET", "the"), ("senator", 3, "nsubjpass", "NOUN", "senator"), ("was", 3, "auxpass", "AUX", "be"),
            ("pressed", 3, "ROOT", "VERB", "press"), ("to", 5, "aux", "PART", "to"), ("resign", 3, "xcomp", "VERB", "resign"),
            ("by", 3, "agent", "ADP", "by"), ("colleagues", 6, "pobj", "NOUN", "colleague"), (".", 3, "punct", "PUNCT", ".")]
    doc = parse(rows)
    [pressed], _ = run(doc, with_model({"lemma=press": 4.0, "bias": -2.0}))
    assert pressed["rule"].startswith("learned_cue") and pressed["cue"]["text"] == "was pressed"
    assert text_of(doc, pressed["source"]) == "colleagues"
    assert [doc.text[s:e] for s, e in pressed["content"]["spans"]] == ["The senator", "to resign"]


def test_cue_model_leaves_the_verbs_a_rule_claimed():
    [attribution], _ = run(parse(SAID_THAT), with_model({"bias": 30.0}))
    assert attribution["rule"].startswith("speech_verb_clause:")


def test_cue_model_skips_times_and_scare_quotes():
    called = parse([
        ("Smith", 1, "nsubj", "PROPN", "Smith"),
        ("called", 1, "ROOT", "VERB", "call"),
        ("at", 1, "prep", "ADP", "at"),
        ("noon", 2, "pobj", "NOUN", "noon"),
        (".", 1, "punct", "PUNCT", "."),
    ])
    called.ents = [Span(called, 3, 4, label="TIME")]
    assert run(called, with_model({"bias": 30.0}))[0] == []
    tweeted = parse([
        ("Smith", 1, "nsubj", "PROPN", "Smith"),
        ("tweeted", 1, "ROOT", "VERB", "tweet"),
        ("“", 4, "punct", "PUNCT", "“"),
        ("fake", 4, "amod", "ADJ", "fake"),
        ("news", 1, "dobj", "NOUN", "news"),
        ("”", 4, "punct", "PUNCT", "”"),
    ])
    assert run(tweeted, with_model({"bias": 30.0}))[0] == []


def test_inverted_order_source_after_cue():
    rows = [
        ("Talks", 1, "nsubj", "NOUN", "talk"),
        ("failed", 3, "ccomp", "VERB", "fail"),
        (",", 3, "punct", "PUNCT", ","),
        ("said", 3, "ROOT", "VERB", "say"),
        ("Peskov", 3, "nsubj", "PROPN", "Peskov"),
        (".", 3, "punct", "PUNCT", "."),
    ]
    doc = parse(rows)
    [attribution], _ = run(doc)
    assert attribution["source"]["text"] == "Peskov"
    assert attribution["content"]["text"] == "Talks failed"


def test_according_to_before_the_clause():
    rows = [
        ("According", 5, "prep", "VERB", "accord"),
        ("to", 0, "prep", "ADP", "to"),
        ("Reuters", 1, "pobj", "PROPN", "Reuters"),
        (",", 5, "punct", "PUNCT", ","),
        ("prices", 5, "nsubj", "NOUN", "price"),
        ("rose", 5, "ROOT", "VERB", "rise"),
        (".", 5, "punct", "PUNCT", "."),
    ]
    doc = parse(rows)
    [attribution], _ = run(doc)
    assert attribution["cue"]["text"] == "According to"
    assert attribution["source"]["text"] == "Reuters"
    assert attribution["content"]["text"] == "prices rose"
    assert attribution["kind"] == "according_to"


def test_according_to_a_possessor_of_words_names_the_possessor():
    rows = [
        ("Prices", 1, "nsubj", "NOUN", "price"),
        ("rose", 1, "ROOT", "VERB", "rise"),
        (",", 1, "punct", "PUNCT", ","),
        ("according", 1, "prep", "VERB", "accord"),
        ("to", 3, "prep", "ADP", "to"),
        ("Smith", 7, "poss", "PROPN", "Smith"),
        ("'s", 5, "case", "PART", "'s"),
        ("words", 4, "pobj", "NOUN", "word"),
        (".", 1, "punct", "PUNCT", "."),
    ]
    doc = parse(rows)
    [attribution], _ = run(doc)
    assert attribution["source"]["text"] == "Smith"
    assert attribution["content"]["text"] == "Prices rose"


def test_conjoined_cue_inherits_the_subject():
    rows = [
        ("She", 1, "nsubj", "PRON", "she"),
        ("laughed", 1, "ROOT", "VERB", "laugh"),
        ("and", 1, "cc", "CCONJ", "and"),
        ("added", 1, "conj", "VERB", "add"),
        ("that", 6, "mark", "SCONJ", "that"),
        ("it", 6, "nsubj", "PRON", "it"),
        ("worked", 3, "ccomp", "VERB", "work"),
        (".", 1, "punct", "PUNCT", "."),
    ]
    [attribution], _ = run(parse(rows))
    assert attribution["source"]["text"] == "She"
    assert attribution["cue"]["text"] == "added"


def test_agentless_passive_has_no_source():
    rows = [
        ("It", 2, "nsubjpass", "PRON", "it"),
        ("was", 2, "auxpass", "AUX", "be"),
        ("reported", 2, "ROOT", "VERB", "report"),
        ("that", 5, "mark", "SCONJ", "that"),
        ("talks", 5, "nsubj", "NOUN", "talk"),
        ("failed", 2, "ccomp", "VERB", "fail"),
        (".", 2, "punct", "PUNCT", "."),
    ]
    [attribution], _ = run(parse(rows))
    assert attribution["source"] is None
    assert attribution["content"]["text"] == "talks failed"


def test_hedge_on_the_cue_is_in_scope_and_pseudo_entries_block():
    rows = [
        ("He", 2, "nsubj", "PRON", "he"),
        ("allegedly", 2, "advmod", "ADV", "allegedly"),
        ("said", 2, "ROOT", "VERB", "say"),
        ("there", 4, "expl", "PRON", "there"),
        ("was", 2, "ccomp", "VERB", "be"),
        ("no", 6, "det", "DET", "no"),
        ("doubt", 4, "attr", "NOUN", "doubt"),
    ]
    doc = parse(rows)
    [attribution], hedges = run(doc)
    assert [h["text"] for h in attribution["hedges"]] == ["allegedly"]
    assert attribution["hedged"] is True
    assert [h["category"] for h in hedges] == ["reportative"]  # "doubt" in "no doubt" is blocked


@pytest.mark.parametrize(
    "words, expected",
    [
        (["“", "Yes", "”", "he", "said"], ["“Yes”"]),
        (["«", "Oui", "»", "she", "said"], ["«Oui»"]),
        (["``", "Yes", "''", "he", "said"], ["``Yes''"]),
        (["`", "`", "Yes", "''", "he", "said"], ["``Yes''"]),  # `` split in two by the tokenizer
        (["''", "Yes", ",", "''", "he", "said", "''", "no", "''"], ["''Yes,''", "''no''"]),  # '' both ways
        (["”", "Wrong", "mark", "”", "she", "said"], ["”Wrongmark”"]),  # a closer typed to open a paragraph
        (['"', "Yes", '"', "and", '"', "no", '"'], ['"Yes"', '"no"']),
        (["He", "said", "“", "never", "again"], ["“neveragain"]),  # left open: runs to the end
        (["”", "odd", "”", "marks", "“"], ["”odd”"]),  # a closer opening the text opens; a dangling opener: nothing
        (["“", "No", "deal", '"', "yet"], ["“Nodeal\""]),  # mixed by hand: a straight mark closes a curly one
        (['"', "Yes", "”", "he", "said"], ['"Yes”']),
    ],
)
def test_quote_styles_and_unbalanced_marks(words, expected):
    doc = Doc(Vocab(), words=words, spaces=[False] * len(words))
    assert [doc.text[q.start : q.end] for q in find_quotes(doc)] == expected


def test_a_straight_mark_after_a_space_does_not_close_a_curly_quote():
    words = ["“", "He", "said", '"', "no", '"', "twice", "”"]
    doc = Doc(Vocab(), words=words, spaces=[False, True, True, False, False, True, True, False])
    assert [doc.text[q.start : q.end] for q in find_quotes(doc)] == [doc.text]


def test_an_opening_mark_glued_to_a_word_and_followed_by_a_space_closes_a_quotation():
    words = ["“", "Not", "yet", ",", "“", "he", "said", ".", "“", "Soon", ".", "”"]
    spaces = [False, True, False, False, True, True, False, True, False, False, False, False]
    doc = Doc(Vocab(), words=words, spaces=spaces)
    assert [doc.text[q.start : q.end] for q in find_quotes(doc)] == ["“Not yet,“", "“Soon.”"]


@pytest.mark.parametrize("mark, close", [("“", "”"), ('"', '"')])
def test_quote_reopened_after_a_paragraph_break_continues(mark, close):
    """The straight mark that reopens the quotation does not close it (it used to, and the
    real closing mark then opened a quotation of its own)."""
    words = [mark, "First", "part", "\n", mark, "second", "part", "\n", mark, "third", close, "after"]
    doc = Doc(Vocab(), words=words, spaces=[False] * len(words))
    quotes = find_quotes(doc)
    assert [doc.text[q.start : q.end] for q in quotes] == [doc.text[: -len("after")]] and quotes[0].closed


def test_source_phrase_never_takes_in_the_clause_holding_its_cue():
    # a misparse: "said" hangs under "aides" as a relative clause; its subject is "aides"
    rows = [
        ("aides", 1, "nsubj", "NOUN", "aide"),
        ("said", 1, "ROOT", "VERB", "say"),
        ("Smith", 3, "nsubj", "PROPN", "Smith"),
        ("lost", 1, "ccomp", "VERB", "lose"),
    ]
    from claimx.extraction.sources import phrase_tokens

    doc = parse(rows)
    assert [t.text for t in phrase_tokens(doc[0])] == ["aides"]
    mis = parse([("aides", 0, "ROOT", "NOUN", "aide"), ("said", 0, "relcl", "VERB", "say"), ("Smith", 3, "nsubj", "PROPN", "Smith"), ("lost", 1, "ccomp", "VERB", "lose")])
    assert [t.text for t in phrase_tokens(mis[0])] == ["aides", "said", "Smith", "lost"]
    assert [t.text for t in phrase_tokens(mis[0], outside=mis[1])] == ["aides"]


def _colon_candidate(content_end: str):
    from claimx.extraction.attributions import Candidate

    words = ["She", "said", "she", "has", "one", "quality", ":", "steadiness", "and", "strength", ".", "\n", "Next", "line", "."]
    spaces = [True, True, True, True, True, False, True, True, True, False, False, False, True, False, False]
    doc = Doc(Vocab(), words=words, spaces=spaces)
    text = doc.text
    cue = (text.index("said"), text.index("said") + 4)
    return doc, Candidate("t", cue, "say", "speech", "neutral", [(text.index("she has"), text.index(content_end) + len(content_end))])


def test_content_stopping_at_a_colon_runs_to_the_end_of_the_line():
    from claimx.extraction import extend_past_colon

    doc, candidate = _colon_candidate("quality")
    extend_past_colon(candidate, doc.text)
    assert [doc.text[s:e] for s, e in candidate.content] == ["she has one quality", "steadiness and strength."]
    assert candidate.extra_rules == ["past_colon"]


def test_content_not_stopping_at_a_colon_is_unchanged():
    from claimx.extraction import extend_past_colon

    doc, candidate = _colon_candidate("one")
    extend_past_colon(candidate, doc.text)
    assert [doc.text[s:e] for s, e in candidate.content] == ["she has one"]


def test_a_cue_noun_with_a_subject_takes_it_as_source():
    # the tagger misreads a verb as a plural noun but still hangs the subject from it
    doc = parse([
        ("Hartley", 1, "nsubj", "PROPN", "Hartley"),
        ("claims", 1, "ROOT", "NOUN", "claim"),
        ("that", 5, "mark", "SCONJ", "that"),
        ("the", 4, "det", "DET", "the"),
        ("audit", 5, "nsubj", "NOUN", "audit"),
        ("erred", 1, "ccomp", "VERB", "err"),
        (".", 1, "punct", "PUNCT", "."),
    ])
    [attribution], _ = run(doc, replace(LEXICON, cue_model=None))  # read once, as the verb its arguments make it
    assert (text_of(doc, attribution["source"]), attribution["content"]["text"]) == ("Hartley", "the audit erred")


def test_cue_model_adds_no_second_attribution_for_a_word_a_rule_claimed_with_another_span():
    """"called on the council to resign": the rule's cue is "called on"; the model's reading of
    the same verb ("called", with "to resign") would be a second attribution of one cue word."""
    doc = parse([
        ("The", 1, "det", "DET", "the"),
        ("mayor", 2, "nsubj", "NOUN", "mayor"),
        ("called", 2, "ROOT", "VERB", "call"),
        ("on", 2, "prep", "ADP", "on"),
        ("the", 5, "det", "DET", "the"),
        ("council", 3, "pobj", "NOUN", "council"),
        ("to", 7, "aux", "PART", "to"),
        ("resign", 2, "xcomp", "VERB", "resign"),
        (".", 2, "punct", "PUNCT", "."),
    ])
    [attribution], _ = run(doc, with_model({"bias": 30.0}))
    assert attribution["rule"].startswith("prepositional_cue:") and attribution["cue"]["text"] == "called on"


def test_cue_model_reads_a_passive_verb_as_attributing_its_subject_to_its_agent():
    """"The deal was rejected by Congress": content the deal, source Congress, cue "was rejected";
    a pronoun subject ("It was rejected") has nothing to attribute."""
    rows = [
        ("The", 1, "det", "DET", "the"),
        ("deal", 3, "nsubjpass", "NOUN", "deal"),
        ("was", 3, "auxpass", "AUX", "be"),
        ("rejected", 3, "ROOT", "VERB", "reject"),
        ("by", 3, "agent", "ADP", "by"),
        ("Congress", 4, "pobj", "PROPN", "Congress"),
        (".", 3, "punct", "PUNCT", "."),
    ]
    doc = parse(rows)
    [attribution], _ = run(doc, with_model({"dep=nsubjpass": 4.0, "bias": -2.0}))
    assert (text_of(doc, attribution["source"]), attribution["cue"]["text"], attribution["content"]["text"]) == ("Congress", "was rejected", "The deal")
    pronoun = parse([("It", 2, "nsubjpass", "PRON", "it")] + [(w, h - 1, d, p, l) for w, h, d, p, l in rows[2:]])
    assert run(pronoun, with_model({"bias": 30.0}))[0] == []


WENT_ON_TO_SAY = [
    ("Trump", 1, "nsubj", "PROPN", "Trump"),
    ("went", 1, "ROOT", "VERB", "go"),
    ("on", 1, "prt", "ADP", "on"),
    ("to", 4, "aux", "PART", "to"),
    ("say", 1, "xcomp", "VERB", "say"),
    ("that", 7, "mark", "SCONJ", "that"),
    ("talks", 7, "nsubj", "NOUN", "talk"),
    ("failed", 4, "ccomp", "VERB", "fail"),
    (".", 1, "punct", "PUNCT", "."),
]


def test_a_cue_governed_by_the_verb_right_before_it_takes_that_verb_in():
    doc = parse(WENT_ON_TO_SAY)
    [attribution], _ = run(doc, replace(LEXICON, cue_model=None))
    assert (attribution["cue"]["text"], text_of(doc, attribution["source"]), attribution["content"]["text"]) == ("went on to say", "Trump", "talks failed")


def quick_to_say(adjective):
    return parse([
        ("Officials", 1, "nsubj", "NOUN", "official"),
        ("were", 1, "ROOT", "AUX", "be"),
        ("not", 1, "neg", "PART", "not"),
        (adjective, 1, "acomp", "ADJ", adjective),
        ("to", 5, "aux", "PART", "to"),
        ("say", 3, "xcomp", "VERB", "say"),
        ("that", 8, "mark", "SCONJ", "that"),
        ("talks", 8, "nsubj", "NOUN", "talk"),
        ("failed", 5, "ccomp", "VERB", "fail"),
        (".", 1, "punct", "PUNCT", "."),
    ])


def test_a_cue_governed_by_a_predicate_adjective_takes_in_the_adjective_and_its_verb():
    doc = quick_to_say("quick")
    [attribution], _ = run(doc, replace(LEXICON, cue_model=None))
    assert (attribution["cue"]["text"], text_of(doc, attribution["source"]), attribution["content"]["text"]) == ("were not quick to say", "Officials", "talks failed")


def test_an_adjective_that_is_a_cue_of_its_own_stays_out_of_the_verbs_cue():
    doc = quick_to_say("eager")  # "eager" has its own entry: two attributions, as PolNeAR marks them
    attributions, _ = run(doc, replace(LEXICON, cue_model=None))
    assert [a["cue"]["text"] for a in attributions] == ["were not eager", "to say"]


def test_a_cue_after_an_object_of_another_verb_stays_on_its_own():
    doc = parse([
        ("He", 1, "nsubj", "PRON", "he"),
        ("called", 1, "ROOT", "VERB", "call"),
        ("a", 3, "det", "DET", "a"),
        ("briefing", 1, "dobj", "NOUN", "briefing"),
        ("to", 5, "aux", "PART", "to"),
        ("say", 1, "advcl", "VERB", "say"),
        ("that", 8, "mark", "SCONJ", "that"),
        ("talks", 8, "nsubj", "NOUN", "talk"),
        ("failed", 5, "ccomp", "VERB", "fail"),
        (".", 1, "punct", "PUNCT", "."),
    ])
    said = [a for a in run(doc, replace(LEXICON, cue_model=None))[0] if a["cue"]["lemma"] == "say"]
    assert [a["cue"]["text"] for a in said] == ["to say"]


def test_no_second_attribution_whose_cue_takes_in_a_word_of_an_earlier_cue():
    """"wants to build a wall": the rule's cue is "wants"; the model's reading of "build" would
    have the cue "wants to build", overlapping it."""
    doc = parse([
        ("Trump", 1, "nsubj", "PROPN", "Trump"),
        ("wants", 1, "ROOT", "VERB", "want"),
        ("to", 3, "aux", "PART", "to"),
        ("build", 1, "xcomp", "VERB", "build"),
        ("a", 5, "det", "DET", "a"),
        ("wall", 3, "dobj", "NOUN", "wall"),
        (".", 1, "punct", "PUNCT", "."),
    ])
    [attribution], _ = run(doc, with_model({"bias": 30.0}))
    assert attribution["cue"]["text"] == "wants" and attribution["content"]["text"] == "to build a wall"


@pytest.mark.parametrize("subject, copula, adjective, say_head, source", [
    ("It", "is", "hard", 1, None),  # "it" stands in for the clause: the writer speaks
    ("It", "is", "hard", 2, None),  # the same, with "say" hung from the adjective
    ("They", "are", "ready", 1, "They"),
    ("Officials", "were", "quick", 2, "Officials"),  # through the adjective to its verb's subject
])
def test_a_cue_after_be_and_an_adjective_takes_the_subject_unless_it_is_an_extraposed_it(subject, copula, adjective, say_head, source):
    doc = parse([
        (subject, 1, "nsubj", "PRON" if subject in ("It", "They") else "NOUN", subject.lower()),
        (copula, 1, "ROOT", "AUX", "be"),
        (adjective, 1, "acomp", "ADJ", adjective),
        ("to", 4, "aux", "PART", "to"),
        ("say", say_head, "xcomp", "VERB", "say"),
        ("that", 7, "mark", "SCONJ", "that"),
        ("talks", 7, "nsubj", "NOUN", "talk"),
        ("failed", 4, "ccomp", "VERB", "fail"),
        (".", 1, "punct", "PUNCT", "."),
    ])
    [attribution], _ = run(doc, replace(LEXICON, cue_model=None))
    assert attribution["cue"]["lemma"] == "say" and attribution["content"]["text"] == "talks failed"
    assert (attribution["source"] and text_of(doc, attribution["source"])) == source


def test_a_verb_right_after_a_closing_quote_takes_the_subject_after_it():
    """'“… Deep trouble,” said Lopez' parsed with "trouble", a word of the quotation, as a
    second subject of "said": the subject after the verb is the speaker."""
    doc = parse([
        ("“", 8, "punct", "PUNCT", "“"),
        ("The", 2, "det", "DET", "the"),
        ("plan", 3, "nsubj", "NOUN", "plan"),
        ("failed", 3, "ROOT", "VERB", "fail"),
        (".", 3, "punct", "PUNCT", "."),
        ("Deep", 6, "amod", "ADJ", "deep"),
        ("trouble", 8, "nsubj", "NOUN", "trouble"),
        ("”", 8, "punct", "PUNCT", "”"),
        ("said", 8, "ROOT", "VERB", "say"),
        ("Lopez", 8, "nsubj", "PROPN", "Lopez"),
        (".", 8, "punct", "PUNCT", "."),
    ])
    [attribution], _ = run(doc, replace(LEXICON, cue_model=None))
    assert attribution["cue"]["text"] == "said"
    assert text_of(doc, attribution["source"]) == "Lopez"
    assert attribution["content"]["text"] == "“ The plan failed . Deep trouble ”"  # the whole quotation


def test_a_content_cut_by_a_sentence_break_on_a_word_runs_into_the_next_sentence():
    """The parser ended a sentence on "talks", with no full stop and no line break."""
    rows = [
        ("Officials", 1, "nsubj", "NOUN", "official"),
        ("said", 1, "ROOT", "VERB", "say"),
        ("she", 3, "nsubj", "PRON", "she"),
        ("felt", 1, "ccomp", "VERB", "feel"),
        ("the", 5, "det", "DET", "the"),
        ("talks", 3, "dobj", "NOUN", "talk"),
        ("failed", 6, "ROOT", "VERB", "fail"),
        ("badly", 6, "advmod", "ADV", "badly"),
        (".", 6, "punct", "PUNCT", "."),
    ]
    doc = parse(rows)
    assert [s.text for s in doc.sents] == ["Officials said she felt the talks", "failed badly ."]
    [attribution], _ = run(doc, replace(LEXICON, cue_model=None))
    assert attribution["content"]["text"] == "she felt the talks failed badly"
    doc = parse(rows[:6] + [(".", 1, "punct", "PUNCT", ".")] + [(w, h + 1, d, p, l) for w, h, d, p, l in rows[6:]])
    [attribution], _ = run(doc, replace(LEXICON, cue_model=None))
    assert attribution["content"]["text"] == "she felt the talks"  # a full stop ends it



def test_a_cue_clause_closing_the_sentence_takes_all_before_its_comma_when_the_parser_hung_it_inside():
    # "…, she said." with the cue read as a clause of the claim's verb, and a word of the claim as its second subject
    rows = [
        ("Prices", 1, "nsubj", "NOUN", "price"),
        ("made", 1, "ROOT", "VERB", "make"),
        ("it", 3, "nsubj", "PRON", "it"),
        ("hard", 1, "ccomp", "ADJ", "hard"),
        ("for", 10, "mark", "SCONJ", "for"),
        ("families", 10, "nsubj", "NOUN", "family"),
        ("to", 7, "aux", "PART", "to"),
        ("move", 10, "advcl", "VERB", "move"),
        (",", 10, "punct", "PUNCT", ","),
        ("she", 10, "nsubj", "PRON", "she"),
        ("said", 1, "advcl", "VERB", "say"),
        (".", 1, "punct", "PUNCT", "."),
    ]
    doc = parse(rows)
    attributions, _ = run(doc, replace(LEXICON, cue_model=None))
    [said] = [a for a in attributions if a["cue"]["text"] == "said"]
    assert said["rule"].startswith("closing_cue_clause:")
    assert text_of(doc, said["source"]) == "she"
    assert said["content"]["text"] == "Prices made it hard for families to move"


def test_a_speaker_the_parser_hung_inside_the_quotation_before_a_subjectless_cue_is_the_source():
    # “We won,” Berg, an aide, said.  — "Berg" read as an apposition of the quoted clause's verb
    words = [("“", 2, "punct", "PUNCT", "“"), ("We", 2, "nsubj", "PRON", "we"), ("won", 10, "ccomp", "VERB", "win"),
             (",", 2, "punct", "PUNCT", ","), ("”", 5, "punct", "PUNCT", "”"), ("Berg", 2, "appos", "PROPN", "Berg"),
             (",", 5, "punct", "PUNCT", ","), ("an", 8, "det", "DET", "an"), ("aide", 5, "appos", "NOUN", "aide"),
             (",", 10, "punct", "PUNCT", ","), ("said", 10, "ROOT", "VERB", "say"), (".", 10, "punct", "PUNCT", ".")]
    doc = parse(words, spaces=[False, True, False, False, True, False, True, True, False, True, False, False])
    [said], _ = run(doc, replace(LEXICON, cue_model=None))
    assert text_of(doc, said["source"]) == "Berg, an aide"
    assert said["content"]["text"] == "“We won,”"


def tight(rows):
    """Spaces as written: none before a comma or full stop."""
    return [i + 1 < len(rows) and rows[i + 1][0] not in ",." for i in range(len(rows))]


def by_rules(doc):
    """The attributions the rules alone find in ``doc`` (no cue model)."""
    return run(doc, replace(LEXICON, cue_model=None))[0]


def rules_only(rows, cue="said"):
    """The parse of ``rows`` and its one attribution with this cue text, found by the rules alone."""
    doc = parse(rows, spaces=tight(rows))
    [attribution] = [a for a in by_rules(doc) if a["cue"]["text"] == cue]
    return doc, attribution


def test_a_speaker_the_parser_hung_inside_a_fronted_phrase_is_the_source_of_the_subjectless_cue():
    # After the vote, Lee, the envoy, said talks failed.  — "Lee" read as a conjunct of "vote"
    doc, said = rules_only([
        ("After", 9, "prep", "ADP", "after"), ("the", 2, "det", "DET", "the"), ("vote", 0, "pobj", "NOUN", "vote"),
        (",", 2, "punct", "PUNCT", ","), ("Lee", 2, "conj", "PROPN", "Lee"), (",", 4, "punct", "PUNCT", ","),
        ("the", 7, "det", "DET", "the"), ("envoy", 4, "appos", "NOUN", "envoy"), (",", 9, "punct", "PUNCT", ","),
        ("said", 9, "ROOT", "VERB", "say"), ("talks", 11, "nsubj", "NOUN", "talk"), ("failed", 9, "ccomp", "VERB", "fail"),
        (".", 9, "punct", "PUNCT", "."),
    ])
    assert text_of(doc, said["source"]) == "Lee, the envoy"
    assert said["content"]["text"] == "talks failed"


def test_a_speaker_the_parser_hung_inside_the_claim_is_the_source_and_no_part_of_the_content():
    # Talks failed, Lee, the envoy, wrote.  — "Lee" read as an apposition inside the claim
    rows = [
        ("Talks", 1, "nsubj", "NOUN", "talk"), ("failed", 8, "ccomp", "VERB", "fail"), (",", 1, "punct", "PUNCT", ","),
        ("Lee", 1, "npadvmod", "PROPN", "Lee"), (",", 3, "punct", "PUNCT", ","), ("the", 6, "det", "DET", "the"),
        ("envoy", 3, "appos", "NOUN", "envoy"), (",", 8, "punct", "PUNCT", ","), ("wrote", 8, "ROOT", "VERB", "write"),
        (".", 8, "punct", "PUNCT", "."),
    ]
    doc, wrote = rules_only(rows, "wrote")
    assert text_of(doc, wrote["source"]) == "Lee, the envoy"
    assert wrote["content"]["text"] == "Talks failed"


def test_a_noun_after_a_preposition_right_before_a_subjectless_cue_is_not_taken_for_its_speaker():
    # In talks with reporters said talks failed.  — no comma: "reporters" is the preposition's object
    doc, said = rules_only([
        ("In", 4, "prep", "ADP", "in"), ("talks", 0, "pobj", "NOUN", "talk"), ("with", 1, "prep", "ADP", "with"),
        ("reporters", 2, "pobj", "NOUN", "reporter"), ("said", 4, "ROOT", "VERB", "say"),
        ("talks", 6, "nsubj", "NOUN", "talk"), ("failed", 4, "ccomp", "VERB", "fail"), (".", 4, "punct", "PUNCT", "."),
    ])
    assert said["source"] is None


def test_a_stranded_speaker_is_also_the_source_of_a_prepositional_cue_but_not_of_a_passive_one():
    # After the vote, Lee, the envoy, called for talks.  /  … , was asked about talks.
    def rows(*verb):
        return [
            ("After", 9, "prep", "ADP", "after"), ("the", 2, "det", "DET", "the"), ("vote", 0, "pobj", "NOUN", "vote"),
            (",", 2, "punct", "PUNCT", ","), ("Lee", 2, "conj", "PROPN", "Lee"), (",", 4, "punct", "PUNCT", ","),
            ("the", 7, "det", "DET", "the"), ("envoy", 4, "appos", "NOUN", "envoy"), (",", 9, "punct", "PUNCT", ","),
            *verb,
        ]
    active = rows(("called", 9, "ROOT", "VERB", "call"), ("for", 9, "prep", "ADP", "for"), ("talks", 10, "pobj", "NOUN", "talk"),
                  (".", 9, "punct", "PUNCT", "."))
    doc, called = rules_only(active, "called for")
    assert text_of(doc, called["source"]) == "Lee, the envoy"
    passive = rows(("was", 10, "auxpass", "AUX", "be"), ("asked", 10, "ROOT", "VERB", "ask"), ("about", 10, "prep", "ADP", "about"),
                   ("talks", 11, "pobj", "NOUN", "talk"), (".", 10, "punct", "PUNCT", "."))
    passive = [(w, 10 if h == 9 else h, d, p, l) for w, h, d, p, l in passive]
    _, asked = rules_only(passive, "was asked about")
    assert asked["source"] is None


def test_of_two_subjects_the_parser_hung_from_the_cue_the_speaker_is_the_one_next_to_it():
    # “The fact that he tried,” Lee said.  — the quotation's own subject is read as the cue's too
    rows = [
        ("“", 9, "punct", "PUNCT", "“"), ("The", 2, "det", "DET", "the"), ("fact", 9, "nsubj", "NOUN", "fact"),
        ("that", 5, "mark", "SCONJ", "that"), ("he", 5, "nsubj", "PRON", "he"), ("tried", 2, "acl", "VERB", "try"),
        (",", 9, "punct", "PUNCT", ","), ("”", 9, "punct", "PUNCT", "”"), ("Lee", 9, "nsubj", "PROPN", "Lee"),
        ("said", 9, "ROOT", "VERB", "say"), (".", 9, "punct", "PUNCT", "."),
    ]
    spaces = [False, True, True, True, True, False, False, True, True, False, False]
    doc = parse(rows, spaces=spaces)
    [said] = [a for a in by_rules(doc) if a["cue"]["text"] == "said"]
    assert text_of(doc, said["source"]) == "Lee"
    assert said["content"]["text"] == "“The fact that he tried,”"


def test_a_phrase_the_parser_hung_from_a_parenthetical_cue_in_front_of_its_speaker_belongs_to_the_claim():
    # After the vote, Lee said, talks failed.  — "After the vote" hung from "said", "said" from "failed"
    doc, said = rules_only([
        ("After", 5, "prep", "ADP", "after"), ("the", 2, "det", "DET", "the"), ("vote", 0, "pobj", "NOUN", "vote"),
        (",", 5, "punct", "PUNCT", ","), ("Lee", 5, "nsubj", "PROPN", "Lee"), ("said", 9, "parataxis", "VERB", "say"),
        (",", 5, "punct", "PUNCT", ","), ("talks", 9, "nsubj", "NOUN", "talk"), ("failed", 9, "ROOT", "VERB", "fail"),
        (".", 9, "punct", "PUNCT", "."),
    ])
    assert said["rule"].startswith("parenthetical_cue")
    assert text_of(doc, said["source"]) == "Lee"
    assert [doc.text[start:end] for start, end in said["content"]["spans"]] == ["After the vote", "talks failed"]


def test_for_read_as_the_mark_of_an_infinitive_clause_still_makes_a_prepositional_cue():
    # Lee called for the envoy to resign.  — "for" parsed as the mark of "resign", an adverbial clause
    doc, called = rules_only([
        ("Lee", 1, "nsubj", "PROPN", "Lee"), ("called", 1, "ROOT", "VERB", "call"), ("for", 6, "mark", "SCONJ", "for"),
        ("the", 4, "det", "DET", "the"), ("envoy", 6, "nsubj", "NOUN", "envoy"), ("to", 6, "aux", "PART", "to"),
        ("resign", 1, "advcl", "VERB", "resign"), (".", 1, "punct", "PUNCT", "."),
    ], "called for")
    assert called["rule"].startswith("prepositional_cue")
    assert text_of(doc, called["source"]) == "Lee"
    assert called["content"]["text"] == "the envoy to resign"


def test_a_time_phrase_between_the_verb_and_its_preposition_still_makes_a_prepositional_cue():
    # Lee responded on Monday to the charges.  /  Lee responded in kind to the charges.
    def rows(word, lemma):
        return [
            ("Lee", 1, "nsubj", "PROPN", "Lee"), ("responded", 1, "ROOT", "VERB", "respond"), ("on" if word == "Monday" else "in", 1, "prep", "ADP", "on"),
            (word, 2, "pobj", "PROPN", lemma), ("to", 1, "prep", "ADP", "to"), ("the", 6, "det", "DET", "the"),
            ("charges", 4, "pobj", "NOUN", "charge"), (".", 1, "punct", "PUNCT", "."),
        ]
    doc = parse(rows("Monday", "Monday"), spaces=tight(rows("Monday", "Monday")))
    doc.ents = [Span(doc, 3, 4, label="DATE")]
    [responded] = [a for a in by_rules(doc) if a["rule"].startswith("prepositional_cue")]
    assert responded["content"]["text"] == "the charges"
    assert text_of(doc, responded["source"]) == "Lee"
    kind = parse(rows("kind", "kind"), spaces=tight(rows("kind", "kind")))
    assert not [a for a in by_rules(kind) if a["rule"].startswith("prepositional_cue")]


def test_an_as_clause_set_inside_the_claim_leaves_the_claim_on_both_sides_of_it():
    # The plan, as Lee noted, is dead.  /  The plan is dead, as Lee noted.
    doc, noted = rules_only([
        ("The", 1, "det", "DET", "the"), ("plan", 7, "nsubj", "NOUN", "plan"), (",", 7, "punct", "PUNCT", ","),
        ("as", 5, "mark", "SCONJ", "as"), ("Lee", 5, "nsubj", "PROPN", "Lee"), ("noted", 7, "advcl", "VERB", "note"),
        (",", 7, "punct", "PUNCT", ","), ("is", 7, "ROOT", "AUX", "be"), ("dead", 7, "acomp", "ADJ", "dead"),
        (".", 7, "punct", "PUNCT", "."),
    ], "noted")
    assert noted["rule"].startswith("as_clause")
    assert [doc.text[start:end] for start, end in noted["content"]["spans"]] == ["The plan", "is dead"]
    doc, noted = rules_only([
        ("The", 1, "det", "DET", "the"), ("plan", 2, "nsubj", "NOUN", "plan"), ("is", 2, "ROOT", "AUX", "be"),
        ("dead", 2, "acomp", "ADJ", "dead"), (",", 2, "punct", "PUNCT", ","), ("as", 7, "mark", "SCONJ", "as"),
        ("Lee", 7, "nsubj", "PROPN", "Lee"), ("noted", 2, "advcl", "VERB", "note"), (".", 2, "punct", "PUNCT", "."),
    ], "noted")
    assert noted["content"]["text"] == "The plan is dead"


def test_a_time_inside_the_predicate_is_part_of_the_content_and_a_closing_one_is_not():
    # Lee announced a levy on Monday on coal plants.  /  Lee announced a levy on Monday.
    rows = [
        ("Lee", 1, "nsubj", "PROPN", "Lee"), ("announced", 1, "ROOT", "VERB", "announce"), ("a", 3, "det", "DET", "a"),
        ("levy", 1, "dobj", "NOUN", "levy"), ("on", 1, "prep", "ADP", "on"), ("Monday", 4, "pobj", "PROPN", "Monday"),
        ("on", 1, "prep", "ADP", "on"), ("coal", 8, "compound", "NOUN", "coal"), ("plants", 6, "pobj", "NOUN", "plant"),
        (".", 1, "punct", "PUNCT", "."),
    ]
    doc = parse(rows, spaces=tight(rows))
    doc.ents = [Span(doc, 5, 6, label="DATE")]
    [announced] = [a for a in by_rules(doc) if a["cue"]["text"] == "announced"]
    assert announced["content"]["text"] == "a levy on Monday on coal plants"
    closing = rows[:6] + [(".", 1, "punct", "PUNCT", ".")]
    doc = parse(closing, spaces=tight(closing))
    doc.ents = [Span(doc, 5, 6, label="DATE")]
    [announced] = [a for a in by_rules(doc) if a["cue"]["text"] == "announced"]
    assert announced["content"]["text"] == "a levy"


def test_the_speaker_after_a_closing_quote_mark_wins_over_a_subject_inherited_from_inside_the_quotation():
    # “We lost,” Lee, 58, told AFP.  — "told" conjoined to "lost", so it inherits "We"
    rows = [
        ("“", 2, "punct", "PUNCT", "“"), ("We", 2, "nsubj", "PRON", "we"), ("lost", 2, "ROOT", "VERB", "lose"),
        (",", 2, "punct", "PUNCT", ","), ("”", 5, "punct", "PUNCT", "”"), ("Lee", 2, "conj", "PROPN", "Lee"),
        (",", 5, "punct", "PUNCT", ","), ("58", 5, "appos", "NUM", "58"), (",", 5, "punct", "PUNCT", ","),
        ("told", 2, "conj", "VERB", "tell"), ("AFP", 9, "dobj", "PROPN", "AFP"), (".", 2, "punct", "PUNCT", "."),
    ]
    spaces = [False, True, False, False, True, False, True, False, True, True, False, False]
    doc = parse(rows, spaces=spaces)
    [told] = [a for a in by_rules(doc) if a["cue"]["text"] == "told"]
    assert text_of(doc, told["source"]) == "Lee, 58"
    assert told["content"]["text"] == "“We lost,”"


def records_show(claim_head, claim_dep, cue_head, cue_dep, cue_pos):
    """"The plane was insured in 2011, records show." with the claim's verb and the cue hung
    as given."""
    rows = [("The", 1, "det", "DET", "the"), ("plane", 3, "nsubjpass", "NOUN", "plane"), ("was", 3, "auxpass", "AUX", "be"),
            ("insured", claim_head, claim_dep, "VERB", "insure"), ("in", 3, "prep", "ADP", "in"), ("2011", 4, "pobj", "NUM", "2011"),
            (",", 8, "punct", "PUNCT", ","), ("records", 8, "nsubj", "NOUN", "record"), ("show", cue_head, cue_dep, cue_pos, "show"),
            (".", cue_head if cue_dep == "ROOT" else claim_head, "punct", "PUNCT", ".")]
    return parse(rows, spaces=[True, True, True, True, True, False, True, True, False, False])


@pytest.mark.parametrize(
    "doc",
    [
        records_show(3, "ROOT", 3, "advcl", "VERB"),  # an evidence cue after its content, as a speech cue can be
        records_show(8, "ccomp", 8, "ROOT", "NOUN"),  # "show" tagged as a noun, yet with a subject and a clause as only a verb has
    ],
    ids=["closing_evidence_clause", "verb_tagged_as_noun"],
)
def test_a_finding_closes_its_sentence_in_a_cue_clause_of_its_own(doc):
    [show], _ = run(doc, replace(LEXICON, cue_model=None))
    assert (show["cue"]["text"], text_of(doc, show["source"]), show["content"]["text"]) == ("show", "records", "The plane was insured in 2011")


def test_a_quoted_clause_keeps_its_subject_left_in_front_of_the_cue_clause():
    # An economic downturn, he said, “could be a good time.” — the cue hung from the quoted verb
    rows = [("An", 2, "det", "DET", "an"), ("economic", 2, "amod", "ADJ", "economic"), ("downturn", 9, "nsubj", "NOUN", "downturn"),
            (",", 5, "punct", "PUNCT", ","), ("he", 5, "nsubj", "PRON", "he"), ("said", 9, "parataxis", "VERB", "say"),
            (",", 5, "punct", "PUNCT", ","), ("“", 9, "punct", "PUNCT", "“"), ("could", 9, "aux", "AUX", "could"),
            ("be", 9, "ROOT", "AUX", "be"), ("a", 12, "det", "DET", "a"), ("good", 12, "amod", "ADJ", "good"),
            ("time", 9, "attr", "NOUN", "time"), (".", 9, "punct", "PUNCT", "."), ("”", 9, "punct", "PUNCT", "”")]
    doc = parse(rows, spaces=[True, True, False, True, True, False, True, False, True, True, True, True, False, False, False])
    [said], _ = run(doc, replace(LEXICON, cue_model=None))
    assert said["rule"].startswith("quote_cue")
    assert text_of(doc, said["source"]) == "he"
    assert [doc.text[s:e] for s, e in said["content"]["spans"]] == ["An economic downturn", "“could be a good time.”"]


def test_what_someone_calls_a_thing_keeps_the_what_in_the_content():
    # They abandoned what Hedge called a relic.
    rows = [("They", 1, "nsubj", "PRON", "they"), ("abandoned", 1, "ROOT", "VERB", "abandon"), ("what", 4, "dobj", "PRON", "what"),
            ("Hedge", 4, "nsubj", "PROPN", "Hedge"), ("called", 1, "ccomp", "VERB", "call"), ("a", 6, "det", "DET", "a"),
            ("relic", 4, "oprd", "NOUN", "relic"), (".", 1, "punct", "PUNCT", ".")]
    doc = parse(rows, spaces=[True, True, True, True, True, True, False, False])
    [called] = [a for a in run(doc, replace(LEXICON, cue_model=None))[0] if a["cue"]["text"] == "called"]
    assert text_of(doc, called["source"]) == "Hedge"
    assert [doc.text[s:e] for s, e in called["content"]["spans"]] == ["what", "a relic"]


def test_a_raising_verb_before_a_verb_the_cue_model_keeps_gives_way_to_it():
    # "Cruz seemed to blame the network." — Cruz blames; "seemed" is part of the cue, not the writer's impression
    rows = [("Cruz", 1, "nsubj", "PROPN", "Cruz"), ("seemed", 1, "ROOT", "VERB", "seem"), ("to", 3, "aux", "PART", "to"),
            ("blame", 1, "xcomp", "VERB", "blame"), ("the", 5, "det", "DET", "the"), ("network", 3, "dobj", "NOUN", "network"),
            (".", 1, "punct", "PUNCT", ".")]
    doc = parse(rows, spaces=[True, True, True, True, True, False, False])
    [blamed], _ = run(doc, with_model({"lemma=blame": 4.0, "bias": -2.0}))
    assert blamed["rule"].startswith("learned_cue")
    assert (blamed["cue"]["text"], text_of(doc, blamed["source"]), blamed["content"]["text"]) == ("seemed to blame", "Cruz", "the network")
    [seemed], _ = run(doc, replace(LEXICON, cue_model=None))  # without the model, the impression stays
    assert seemed["rule"].startswith("raising_verb") and seemed["source"] is None


def test_an_adverb_of_manner_right_after_the_cue_verb_is_part_of_the_cue():
    # "She said sarcastically that the plan worked." — how she said it belongs to the cue, not to the content
    rows = [("She", 1, "nsubj", "PRON", "she"), ("said", 1, "ROOT", "VERB", "say"), ("sarcastically", 1, "advmod", "ADV", "sarcastically"),
            ("that", 6, "mark", "SCONJ", "that"), ("the", 5, "det", "DET", "the"), ("plan", 6, "nsubj", "NOUN", "plan"),
            ("worked", 1, "ccomp", "VERB", "work"), (".", 1, "punct", "PUNCT", ".")]
    doc = parse(rows, spaces=[True] * 6 + [False, False])
    [said], _ = run(doc)
    assert (said["cue"]["text"], said["content"]["text"]) == ("said sarcastically", "the plan worked")
    # a capitalised word the tagger took for an adverb is a name, not how anything was said
    named = parse([r if r[0] != "sarcastically" else ("Skelly", 1, "advmod", "ADV", "Skelly") for r in rows], spaces=[True] * 6 + [False, False])
    [said], _ = run(named)
    assert said["cue"]["text"] == "said"


def test_a_text_that_reads_its_words_is_a_cue_but_an_inscription_is_not():
    # "The statement read “We won.”" — the statement is the source of what it reads
    rows = [("The", 1, "det", "DET", "the"), ("statement", 2, "nsubj", "NOUN", "statement"), ("read", 2, "ROOT", "VERB", "read"),
            ("“", 5, "punct", "PUNCT", "“"), ("We", 5, "nsubj", "PRON", "we"), ("won", 2, "ccomp", "VERB", "win"),
            (".", 2, "punct", "PUNCT", "."), ("”", 2, "punct", "PUNCT", "”")]
    doc = parse(rows, spaces=[True, True, True, False, True, False, False, False])
    [read], _ = run(doc, replace(LEXICON, cue_model=None))
    assert (read["source"]["text"], read["cue"]["text"], read["cue"]["type"]) == ("The statement", "read", "writing")
    assert "We won" in read["content"]["text"]
    # "They held a sign that read “We won.”" — what a sign bears is a label, no one's claim
    rows = [("They", 1, "nsubj", "PRON", "they"), ("held", 1, "ROOT", "VERB", "hold"), ("a", 3, "det", "DET", "a"),
            ("sign", 1, "dobj", "NOUN", "sign"), ("that", 5, "nsubj", "PRON", "that"), ("read", 3, "relcl", "VERB", "read"),
            ("“", 8, "punct", "PUNCT", "“"), ("We", 8, "nsubj", "PRON", "we"), ("won", 5, "ccomp", "VERB", "win"),
            (".", 1, "punct", "PUNCT", "."), ("”", 1, "punct", "PUNCT", "”")]
    doc = parse(rows, spaces=[True] * 6 + [False, True, False, False, False])
    doc[4].tag_ = "WDT"
    attributions, _ = run(doc, replace(LEXICON, cue_model=None))
    assert not [a for a in attributions if a["cue"]["text"] == "read"]


def test_a_subject_the_parser_took_for_part_of_a_noun_ending_in_the_cue_is_the_source():
    # "The plane flew rarely, court records show." — "records" hung from "show" as a compound
    rows = [("The", 1, "det", "DET", "the"), ("plane", 2, "nsubj", "NOUN", "plane"), ("flew", 7, "ccomp", "VERB", "fly"),
            ("rarely", 2, "advmod", "ADV", "rarely"), (",", 7, "punct", "PUNCT", ","), ("court", 6, "compound", "NOUN", "court"),
            ("records", 7, "compound", "NOUN", "record"), ("show", 7, "ROOT", "VERB", "show"), (".", 7, "punct", "PUNCT", ".")]
    doc = parse(rows, spaces=[True, True, True, False, True, True, True, False, False])
    doc[7].tag_ = "VBP"
    [show], _ = run(doc, replace(LEXICON, cue_model=None))
    assert (show["source"]["text"], show["cue"]["text"], show["content"]["text"]) == ("court records", "show", "The plane flew rarely")


def issued_a_statement(participle, lemma, when=("Tuesday", "DATE")):
    """"The union issued a statement <when> <participle> talks failed." with the participle as
    the statement's clause."""
    doc = parse([
        ("The", 1, "det", "DET", "the"),
        ("union", 2, "nsubj", "NOUN", "union"),
        ("issued", 2, "ROOT", "VERB", "issue"),
        ("a", 4, "det", "DET", "a"),
        ("statement", 2, "dobj", "NOUN", "statement"),
        (when[0], 2, "npadvmod", "PROPN", when[0].lower()),
        (participle, 4, "acl", "VERB", lemma),
        ("talks", 8, "nsubj", "NOUN", "talk"),
        ("failed", 6, "ccomp", "VERB", "fail"),
        (".", 2, "punct", "PUNCT", "."),
    ])
    doc[6].tag_ = "VBG"
    if when[1]:
        doc.ents = [Span(doc, 5, 6, label=when[1])]
    return doc


def test_a_participle_cue_after_an_issued_statement_takes_in_the_issuing_verb():
    doc = issued_a_statement("saying", "say")
    [attribution], _ = run(doc, replace(LEXICON, cue_model=None))
    assert (attribution["cue"]["text"], text_of(doc, attribution["source"]), attribution["content"]["text"]) == (
        "issued a statement Tuesday saying", "The union", "talks failed")


def test_the_issuing_verb_leaves_the_cue_to_a_participle_the_model_keeps():
    doc = issued_a_statement("fearing", "zzz")  # no lexicon entry: only the model (keeping every verb) makes it a cue
    attributions, _ = run(doc, with_model({"bias": 30.0}))
    assert [a["cue"]["text"] for a in attributions] == ["issued a statement Tuesday fearing"]


def test_a_statement_and_a_participle_apart_by_more_than_a_time_stay_apart():
    doc = issued_a_statement("saying", "say", when=("too", None))
    [attribution], _ = run(doc, replace(LEXICON, cue_model=None))
    assert attribution["cue"]["text"] == "saying"


def test_a_verb_that_carries_on_an_infinitive_takes_it_into_the_cue():
    def continued_to(lemma):
        return parse([
            ("Lee", 1, "nsubj", "PROPN", "lee"),
            ("continued", 1, "ROOT", "VERB", lemma),
            ("to", 3, "aux", "PART", "to"),
            ("portray", 1, "xcomp", "VERB", "zzz"),
            ("the", 5, "det", "DET", "the"),
            ("mayor", 3, "dobj", "NOUN", "mayor"),
            ("as", 3, "prep", "ADP", "as"),
            ("weak", 6, "pobj", "ADJ", "weak"),
            (".", 1, "punct", "PUNCT", "."),
        ])
    [carried], _ = run(continued_to("continue"), with_model({"bias": 30.0}))
    assert (carried["cue"]["text"], carried["content"]["text"]) == ("continued to portray", "the mayor as weak")
    own = [a["cue"]["text"] for a in run(continued_to("zzz"), with_model({"bias": 30.0}))[0]]
    assert own[0] == "continued"  # any other verb keeps its own cue, the infinitive its content


def test_a_capitalised_may_before_a_finite_verb_is_the_speakers_name():
    def may_say(first, verb, lemma_tag):
        doc = parse([
            (first, 1, "aux", "AUX", "may"),
            (verb, 1, "ROOT", "VERB", "say"),
            ("that", 4, "mark", "SCONJ", "that"),
            ("talks", 4, "nsubj", "NOUN", "talk"),
            ("failed", 1, "ccomp", "VERB", "fail"),
            (".", 1, "punct", "PUNCT", "."),
        ])
        doc[0].tag_, doc[1].tag_ = "MD", lemma_tag
        return doc
    doc = may_say("May", "said", "VBD")  # the tagger's modal, but no modal comes before "said"
    [attribution], _ = run(doc, replace(LEXICON, cue_model=None))
    assert (attribution["cue"]["text"], text_of(doc, attribution["source"])) == ("said", "May")
    [modal], _ = run(may_say("May", "say", "VB"), replace(LEXICON, cue_model=None))  # "May say that …": a modal
    assert (modal["cue"]["text"], modal["source"]) == ("May say", None)


def made_it_clear(mark):
    return parse([
        ("Officials", 1, "nsubj", "NOUN", "official"),
        ("made", 1, "ROOT", "VERB", "make"),
        ("it", 3, "nsubj", "PRON", "it"),
        ("clear", 1, "ccomp", "ADJ", "clear"),
        (mark, 6, "mark", "SCONJ", mark),
        ("talks", 6, "nsubj", "NOUN", "talk"),
        ("failed", 3, "advcl", "VERB", "fail"),
        (".", 1, "punct", "PUNCT", "."),
    ])


def test_made_it_clear_is_one_cue_with_the_clause_the_parser_hung_from_the_adjective():
    doc = made_it_clear("that")
    [attribution], _ = run(doc, replace(LEXICON, cue_model=None))
    assert (attribution["cue"]["text"], text_of(doc, attribution["source"]), attribution["content"]["text"]) == (
        "made it clear", "Officials", "talks failed")
    assert run(made_it_clear("because"), replace(LEXICON, cue_model=None))[0] == []  # a reason, not what was made clear
