"""Behaviour through the real pipeline, on sentences written for the tests."""
import pytest


def only(attributions, cue):
    found = [a for a in attributions if a.cue.text == cue]
    assert len(found) == 1, [(a.cue.text, a.content.text) for a in attributions]
    return found[0]


def by_rule(text, run, rule):
    """The attribution of ``text`` that ``rule`` made, with its offsets checked."""
    attribution = next(a for a in run(text) if a.rule.startswith(rule))
    assert_offsets(text, attribution)
    return attribution


def assert_offsets(text, attribution):
    for span in (attribution.source, attribution.cue, attribution.content, attribution.addressee, *attribution.hedges):
        if span is not None:
            assert text[span.start : span.end] == span.text
    for start, end in attribution.content.spans:
        assert attribution.content.start <= start < end <= attribution.content.end


@pytest.mark.parametrize(
    "text, source, cue, content",
    [
        ("The mayor said that the bridge would reopen in May.", "The mayor", "said", "the bridge would reopen in May"),
        ("The bridge will reopen in May, the mayor said.", "the mayor", "said", "The bridge will reopen in May"),
        ("The bridge will reopen in May, said Anna Berg.", "Anna Berg", "said", "The bridge will reopen in May"),
        ("“We are ready,” the coach told reporters.", "the coach", "told", "“We are ready,”"),
        ("The senator added that the vote was delayed.", "The senator", "added", "the vote was delayed"),
    ],
)
def test_speech_verb_constructions(run, text, source, cue, content):
    attribution = only(run(text), cue)
    assert attribution.source.text == source
    assert attribution.content.text == content
    assert_offsets(text, attribution)


def test_told_names_the_addressee(run):
    text = "Officials told the newspaper that the plant had closed."
    attribution = only(run(text), "told")
    assert attribution.addressee.text == "the newspaper"
    assert attribution.content.text == "the plant had closed"


def test_according_to_at_the_end(run):
    text = "The factory will close next year, according to the local council."
    attribution = only(run(text), "according to")
    assert attribution.source.text == "the local council"
    assert attribution.content.text == "The factory will close next year"
    assert attribution.kind == "according_to"


def test_according_to_at_the_end_covers_both_conjoined_claims(run):
    text = "The town's population stood at 2,000 in 1970 and has since grown to 9,000 people, according to the census office."
    attribution = only(run(text), "according to")
    assert attribution.content.text == "The town's population stood at 2,000 in 1970 and has since grown to 9,000 people"


def test_quote_split_by_its_cue_is_one_attribution_with_two_spans(run):
    text = "“We will win,” she said, “and we will win soon.”"
    attribution = only(run(text), "said")
    assert len(attribution.content.spans) == 2
    first, second = attribution.content.spans
    assert "We will win" in text[first[0] : first[1]] and "soon" in text[second[0] : second[1]]
    assert attribution.kind == "direct"


@pytest.mark.parametrize(
    "text",
    [
        "“We will win,” the coach told reporters on Friday, “and we will win it soon.”",
        "''We will win,'' she said, ''and we will win it soon.''",
    ],
)
def test_split_quote_joins_whichever_part_the_parse_made_content(run, text):
    attribution = only(run(text), "told" if "told" in text else "said")
    assert len(attribution.content.spans) == 2, attribution.content.spans
    assert "split_quote" in attribution.rule


@pytest.mark.parametrize("text", [
    "“Taxes are too high,” Ms. Lee said on the network's “Morning Report.”\n\nThe host moved on.",
    "''Taxes are too high,'' Ms. Lee said during an interview on ''Morning Report.''\n\nThe host moved on.",
])
def test_a_title_the_cue_clause_names_is_no_second_part_of_a_split_quote(run, text):
    attribution = only(run(text), "said")
    assert [text[start:end] for start, end in attribution.content.spans] == [text[: text.index(" Ms.")]]


def test_a_finished_quotation_before_the_cue_is_not_joined(run):
    text = "“We lost.” The coach said that the team would be back next season."
    attribution = only(run(text), "said")
    assert attribution.content.text == "the team would be back next season"


def test_floating_quote_joins_the_previous_speaker(run):
    text = "“The plan is dead,” Maria Lopez said.\n“Nobody will fund it now.”"
    attribution = only(run(text), "said")
    assert any("Nobody will fund" in text[s:e] for s, e in attribution.content.spans)
    assert "floating_quote" in attribution.rule


def test_a_quotation_inside_an_object_phrase_comes_with_the_phrase(run):
    text = "The charity admitted “one or two cases” where gifts may have “slipped through the cracks.”"
    attribution = by_rule(text, run, "quote_cue")
    assert attribution.content.text == "“one or two cases” where gifts may have “slipped through the cracks.”"


def test_the_one_told_is_not_part_of_the_quotation(run):
    text = "The mayor told CNN: “The bridge will open in May.”"
    attribution = only(run(text), "told")
    assert attribution.content.text == "“The bridge will open in May.”"


def test_a_floating_quote_goes_on_with_reported_speech(run):
    text = "The mayor says the bridge should open in May. “It is our best chance, and we should take it.”"
    attribution = only(run(text), "says")
    assert [text[s:e] for s, e in attribution.content.spans] == ["the bridge should open in May", "“It is our best chance, and we should take it.”"]


def test_a_no_break_space_before_a_floating_quote_is_white_space(run):
    text = "“The plan is dead,” Maria Lopez said.\u00a0“Nobody will fund it now.”"
    attribution = only(run(text), "said")
    assert any("Nobody will fund" in text[s:e] for s, e in attribution.content.spans)


def test_a_floating_quote_does_not_go_on_with_a_belief(run):
    text = "The mayor believes the bridge should open in May. “It is our best chance, and we should take it.”"
    assert "best chance" not in only(run(text), "believes").content.text


@pytest.mark.parametrize(
    "text, source, content",
    [
        # "According" parsed as the root, "reeks" as a noun in apposition to "Reed"
        ("According to local radio host Tom Reed, the budget reeks of waste.", "local radio host Tom Reed", "the budget reeks of waste"),
        # the claim's subject parsed as an apposition inside the source's phrase
        ("According to Rep. Ann Lee, state funding of the schools was partly to blame for the closures.", "Rep. Ann Lee",
         "state funding of the schools was partly to blame for the closures"),
    ],
)
def test_according_to_keeps_a_claim_the_parser_hung_inside_the_source(run, text, source, content):
    attribution = only(run(text), "According to")
    assert (attribution.source.text, attribution.content.text) == (source, content)
    assert_offsets(text, attribution)


def test_nested_attribution_gets_a_parent(run):
    text = "According to the newspaper, the minister told colleagues that taxes would rise."
    attributions = run(text)
    outer, inner = only(attributions, "According to"), only(attributions, "told")
    assert inner.parent == outer.id and outer.parent is None


def test_speech_reported_inside_a_quotation_is_part_of_the_quote(run):
    text = "“The board told us the plant would close,” the mayor said."
    [attribution] = run(text)
    assert (attribution.source.text, attribution.cue.text) == ("the mayor", "said")
    assert "The board told us" in attribution.content.text


@pytest.mark.parametrize(
    "text, relay, relay_source, inner, inner_source",
    [
        ("The newspaper quoted the minister as saying that taxes would rise.", "quoted", "The newspaper", "saying", "the minister"),
        ("The minister was quoted by Reuters as saying the deal was off.", "was quoted", "Reuters", "saying", "The minister"),
        ("Advisers to the president, cited by CNN, claim that the talks failed.", "cited by", "CNN", "claim", "Advisers to the president"),
    ],
)
def test_relayed_speech_is_two_nested_attributions(run, text, relay, relay_source, inner, inner_source):
    attributions = run(text)
    outer, nested = only(attributions, relay), only(attributions, inner)
    assert outer.source.text == relay_source and outer.parent is None
    assert nested.parent == outer.id and nested.source.text == inner_source  # the relay is not part of it
    assert nested.content.text in ("taxes would rise", "the deal was off", "the talks failed")
    assert_offsets(text, outer)


@pytest.mark.parametrize(
    "text, reporter, cited, claim",
    [
        ("Reuters, citing two officials, reported that the deal was off.", "Reuters", "two officials", "the deal was off"),
        ("The paper said, citing a senior diplomat, that talks had stalled.", "The paper", "a senior diplomat", "talks had stalled"),
        ("Citing unnamed sources, the agency said the minister would resign.", "the agency", "unnamed sources", "the minister would resign"),
    ],
)
def test_citing_a_source_makes_it_the_source_of_the_report(run, text, reporter, cited, claim):
    attributions = run(text)
    citing = [a for a in attributions if a.rule.startswith("citing")]
    assert [(a.source.text, a.content.text) for a in citing] == [(cited, claim)]
    [report] = [a for a in attributions if a.source.text == reporter]
    assert report.content.text == claim and citing[0].parent == report.id


def test_citing_evidence_is_not_a_source(run):
    attributions = run("The senator said the economy had grown, citing the rise in wages.")
    assert not any(a.rule.startswith("citing") for a in attributions)


def test_quoted_as_saying_without_an_agent_is_the_quoted_persons_attribution(run):
    [attribution] = run("The minister was quoted as saying the deal was off.")
    assert (attribution.source.text, attribution.cue.text, attribution.content.text) == ("The minister", "saying", "the deal was off")


def test_speech_after_a_quote_mark_left_open_is_kept(run):
    # an unclosed mark is as likely a typo as a quotation: the cue after it stays
    text = 'Critics called the plan "a disaster, and the mayor said that the plan would fail.'
    assert only(run(text), "said").source.text == "the mayor"


def test_mixed_quote_marks_close_the_quotation(run):
    text = '"The bridge is safe,” the engineer said. “We checked every cable," she added.'
    attributions = run(text)
    assert only(attributions, "said").content.text.startswith('"The bridge is safe,”')
    assert only(attributions, "added").content.text == "“We checked every cable,\""


def test_surname_and_pronoun_resolve_to_the_full_name(run):
    text = "Dmitry Peskov spoke on Monday. Later Peskov said the talks were over. He said nothing else was planned."
    attributions = run(text)
    said = [a for a in attributions if a.cue.text == "said"]
    assert [a.source.resolved for a in said] == ["Dmitry Peskov", "Dmitry Peskov"]
    assert said[1].source.kind == "pronoun"


def test_glued_words_are_split_and_offsets_stay_in_the_original(run):
    text = "Dmitry Peskov spoke to reporters.\nThere are no plans for a meeting yetPeskov told TASS."
    attribution = only(run(text), "told")
    assert attribution.source.text == "Peskov" and attribution.source.resolved == "Dmitry Peskov"
    assert attribution.addressee.text == "TASS"
    assert attribution.content.text == "There are no plans for a meeting yet"
    assert_offsets(text, attribution)


def test_a_headline_line_does_not_merge_with_the_next_sentence(run):
    text = "Mayor says budget is tight\nThe council said that schools would get more money."
    attribution = only(run(text), "said")
    assert attribution.source.text == "The council"
    assert "Mayor" not in attribution.content.text


def test_hard_wrapped_text_reads_as_if_unwrapped(run):
    text = ("The mayor of the city said on Monday that the bridge\nwould reopen in May, after"
            " repairs that cost the\ncouncil more than it had planned. “We are\nready,” the"
            " engineer told\nreporters.\n")
    attributions = run(text)
    said = only(attributions, "said")
    assert said.content.text == "the bridge\nwould reopen in May, after repairs that cost the\ncouncil more than it had planned"
    told = only(attributions, "told")
    assert told.source.text == "the engineer" and told.content.text.startswith("“We are\nready")
    for attribution in attributions:
        assert_offsets(text, attribution)  # texts and offsets are the original's, line breaks included


def test_boilerplate_lines_make_no_attributions(run):
    text = "See also  Officials said that prices rose\nLeave a Reply\n2 min read"
    assert run(text) == []


@pytest.mark.parametrize("dateline", ["RENO, Nev. (AP) — ", "NEW YORK, Nov. 19 (UPI) -- ", "DES MOINES, Iowa - ", "WASHINGTON — "])
def test_a_dateline_is_not_part_of_the_first_sentence(run, dateline):
    """The parser reads "RENO, Nev. (AP) — Republican hopeful Ann Lee said" as if the city
    were the subject; the dateline is blanked for parsing, offsets stay the original's."""
    text = dateline + "Republican hopeful Ann Lee said Sunday that the wall would be built."
    said = only(run(text), "said")
    assert said.source.text == "Republican hopeful Ann Lee"
    assert_offsets(text, said)


def test_agentless_report_has_no_source(run):
    text = "It was reported that the ship had sunk."
    attribution = only(run(text), "was reported")
    assert attribution.source is None


@pytest.mark.parametrize("text, cue, subject", [
    ("The minister is said to have resigned.", "is said", "The minister"),
    ("The suspect is believed to have fled abroad.", "is believed", "The suspect"),
])
def test_x_is_said_to_has_no_source_and_x_in_the_content(run, text, cue, subject):
    attribution = only(run(text), cue)
    assert attribution.source is None and attribution.hedged
    assert attribution.rule.startswith("passive_cue_clause")
    assert [text[s:e] for s, e in attribution.content.spans][0] == subject


@pytest.mark.parametrize("text", [
    "Officials met leaders of a group called the Free Union on Monday.",
    "The program, called EB-5, lets investors apply for visas.",
])
def test_a_naming_participle_is_not_an_attribution(run, text):
    assert [a.cue.text for a in run(text) if a.cue.text.startswith("called")] == []


@pytest.mark.parametrize("text, kind", [
    ("The Russian leader said the talks were useful.", "nominal"),  # "Russian" names no organisation
    ("A spokesman for Anna Berg said the rally would go ahead.", "nominal"),  # nor is he Anna Berg
    ("Kremlin representative Dmitry Peskov said no call was planned.", "person"),
    ("The European Union said the sanctions would stay.", "organization"),
])
def test_source_kind_is_what_the_head_names(run, text, kind):
    assert only(run(text), "said").source.kind == kind


@pytest.mark.parametrize("text, resolved", [
    ("Maria Lopez opened the session. Peter Hall criticized her budget. She said that the cuts were needed.", "Maria Lopez"),
    ("Peter Hall opened the session. Maria Lopez criticized his budget. He said that the cuts were needed.", "Peter Hall"),
    ("Mrs. Lopez met Mr. Hall. He said the meeting went well.", "Mr. Hall"),
])
def test_a_pronoun_skips_a_name_of_the_other_gender(run, text, resolved):
    said = only(run(text), "said")
    assert said.source.kind == "pronoun" and said.source.resolved == resolved


@pytest.mark.parametrize("text", [
    "It goes without saying that the budget is too tight.",
    "Let's say that the college costs a lot more than planned.",
    "That said, the college costs a lot more than planned.",
    "The mayor liked the plan; that said, the college costs a lot more than planned.",
])
def test_a_set_phrase_with_a_cue_verb_attributes_nothing(run, text):
    assert [a for a in run(text) if a.cue.lemma == "say"] == []


def test_a_set_phrase_that_must_open_a_clause_is_a_cue_after_a_noun(run):
    said = only(run('Marchers carried a banner that said, "The river belongs to all of us."'), "said")
    assert said.content.text.startswith('"The river belongs')


def test_distancing_cue_has_stance_and_hedge(run):
    text = "The company claimed that its product was safe."
    attribution = only(run(text), "claimed")
    assert attribution.cue.stance == "distancing"
    assert attribution.hedged and attribution.hedges[0].category == "distancing_cue"


def test_empty_and_odd_input_never_raise(run):
    for text in ["", "   \n\n ", "“ “ ” ” \" ' ‘", "said said said", "«" * 50]:
        for attribution in run(text):
            assert_offsets(text, attribution)


def test_long_document_is_chunked_with_offsets_intact(nlp, monkeypatch):
    import claimx
    from claimx import api

    monkeypatch.setattr(api, "CHUNK_CHARS", 200)
    paragraph = "The weather was calm. Officials said that the port would reopen on Monday.\n"
    text = paragraph * 12
    attributions = claimx.extract(text, nlp)
    assert len(attributions) == 12
    assert len({a.id for a in attributions}) == 12
    for attribution in attributions:
        assert_offsets(text, attribution)


def test_parenthetical_cue_reports_the_claim_around_it(run):
    text = "In the long run, the economist said, the city will need more trains."
    attribution = only(run(text), "said")
    assert attribution.source.text == "the economist"
    pieces = [text[s:e] for s, e in attribution.content.spans]
    assert pieces == ["In the long run", "the city will need more trains"]
    assert attribution.rule.startswith("parenthetical_cue")
    assert_offsets(text, attribution)


@pytest.mark.parametrize(
    "sentence, rule, pieces",
    [
        ("The tax plan is unclear about who would qualify, several economists say, including a rule they say could exclude renters.",
         "parenthetical_cue", ["The tax plan is unclear about who would qualify", "including a rule they say could exclude renters"]),
        ("The bridge will reopen in May, the mayor said, including the lanes for bicycles.",
         "inverted_cue_clause", ["The bridge will reopen in May", "including the lanes for bicycles"]),
    ],
)
def test_what_follows_a_set_off_cue_goes_on_with_the_claim(run, sentence, rule, pieces):
    # the paragraph break after the sentence hangs from its final period, inside the cue's clause
    text = sentence + "\n\nThe vote is on Monday."
    assert [text[s:e] for s, e in by_rule(text, run, rule).content.spans] == pieces


def between_paragraphs(sentence):
    return "The vote is on Monday.\n\n" + sentence + "\n\nThe count follows."


@pytest.mark.parametrize(
    "text, source, content",
    [
        (between_paragraphs("More money for the schools, the mayor said."), "the mayor", "More money for the schools"),
        (between_paragraphs("Budget unclear on whether teachers are covered, experts say."), "experts", "Budget unclear on whether teachers are covered"),
        (between_paragraphs("People like Scott, he said."), "he", "People like Scott"),
        # a claim the parser broke into pieces hung from the cue: a subject and a phrase, or the claim's subject
        ("Those who take on heavy debt struggle, even with a good job, he said.", "he", "Those who take on heavy debt struggle, even with a good job"),
        ('The rejection of the treaty signals "the beginning of the end" for the union, said Tom Wells, founder of the party.',
         "Tom Wells, founder of the party", 'The rejection of the treaty signals "the beginning of the end" for the union'),
    ],
)
def test_a_claim_before_a_closing_cue_is_its_content(run, text, source, content):
    attribution = by_rule(text, run, "fronted_fragment")
    assert (attribution.source.text, attribution.content.text) == (source, content)


def test_a_verbless_claim_needs_more_than_when_and_where(run):
    text = between_paragraphs("In a speech last July, the mayor said: the schools come first.")
    assert all(not a.rule.startswith("fronted_fragment") for a in run(text))


@pytest.mark.parametrize(
    "text, source, pieces",
    [
        ("After the court ruled on the law last year, Jones said, most such laws were considered safe.",
         "Jones", ["After the court ruled on the law last year", "most such laws were considered safe"]),
        ("Rather than seeing the costs rise further, said Ann Ford, the group's director, the company wants the rules changed.",
         "Ann Ford, the group's director", ["Rather than seeing the costs rise further", "the company wants the rules changed"]),
    ],
)
def test_what_comes_before_a_cue_set_off_by_commas_is_content(run, text, source, pieces):
    attribution = by_rule(text, run, "speech_verb_clause")
    assert attribution.source.text == source
    assert [text[s:e] for s, e in attribution.content.spans] == pieces


def test_a_cue_not_set_off_keeps_its_fronted_circumstance(run):
    text = "After the court ruled, Jones said the laws were safe."
    attribution = by_rule(text, run, "speech_verb_clause")
    assert attribution.content.text == "the laws were safe"


def test_how_the_cue_happened_is_not_content(run):
    text = "Speaking to reporters, Jones said, the laws were safe."
    assert all("Speaking" not in a.content.text for a in run(text))


@pytest.mark.parametrize(
    "text, source, content",
    [
        ("Asked if the plan was legal, 46 percent of voters said yes.", "46 percent of voters", "yes"),
        ("Asked if he was ever bullied, the mayor said no.", "the mayor", "no"),
        ("Half of them said so in the earlier poll.", "Half of them", "so"),
        ("Six in ten said the same of the governor.", "Six in ten", "the same of the governor"),
        ("He said no to the war.", "He", "no to the war"),
    ],
)
def test_a_one_word_answer_is_the_content(run, text, source, content):
    attribution = only(run(text), "said")
    assert (attribution.source.text, attribution.content.text) == (source, content)
    assert attribution.rule.startswith("short_answer")


def test_no_as_a_determiner_is_not_an_answer(run):
    assert all(a.content.text != "no" for a in run("Asked about the deal, the mayor said no comment."))


@pytest.mark.parametrize(
    "text, cue, source, addressee, content",
    [
        ("Asked if he was ever bullied, the mayor said no.", "Asked", None, "the mayor", "if he was ever bullied"),
        ("Asked by a reporter if the plan would work, the governor said she was sure of it.", "Asked", "a reporter", "the governor",
         "if the plan would work"),
        ("When asked about the merger, she defended her decision.", "asked about", None, "she", "the merger"),
        ("“We’ll see,” the mayor said when asked whether he would run again.", "asked", None, "the mayor", "whether he would run again"),
    ],
)
def test_a_fronted_asked_is_put_to_the_subject_not_said_by_it(run, text, cue, source, addressee, content):
    attribution = only(run(text), cue)
    assert getattr(attribution.source, "text", None) == source
    assert attribution.addressee.text == addressee
    assert attribution.content.text == content


@pytest.mark.parametrize(
    "text, first, second",
    [
        ("Lee said he welcomed the ruling and added that he would plead guilty.",
         ("said", "Lee", "he welcomed the ruling"), ("added", "Lee", "he would plead guilty")),
        ("The minister said Monday that he will try to form a government and insisted that his party was still the largest.",
         ("said", "The minister", "he will try to form a government"), ("insisted", "The minister", "his party was still the largest")),
    ],
)
def test_a_second_speech_verb_hung_inside_the_first_content_reports_too(run, text, first, second):
    # the parser conjoins the second verb with the head of the first one's content
    attributions = run(text)
    for cue, source, content in (first, second):
        attribution = only(attributions, cue)
        assert (attribution.source.text, attribution.content.text, attribution.parent) == (source, content, None)


def test_a_speech_verb_inside_a_quotation_stays_in_the_content(run):
    text = ("Ann Berg said the mayor approached her “and said, ‘It’s so nice to meet you’ and all of the niceties he was trying"
            " to say at the time. And said, ‘I just want you to know how much we appreciate you.’”")
    assert "and said" in only(run(text), "said").content.text


@pytest.mark.parametrize(
    "text, cue, source",
    [
        ("New polls showing that the mayor is ahead came out on Monday.", "showing", "New polls"),
        ("The union issued a statement saying that the strike would go on.", "issued a statement saying", "The union"),
    ],
)
def test_a_participle_after_a_noun_speaks_for_the_noun_or_its_issuer(run, text, cue, source):
    assert only(run(text), cue).source.text == source


def test_a_participle_after_a_quotation_closing_on_a_comma_shares_the_speaker(run):
    text = "Cardin said the way to proceed was “to pass a simple renewal of the act,” suggesting that the vote could come soon."
    assert only(run(text), "suggesting").source.text == "Cardin"


def test_reportedly_attributes_its_clause_to_no_one(run):
    text = "The club is reportedly spending two million dollars on television ads."
    attribution = only(run(text), "reportedly")
    assert attribution.source is None and attribution.rule.startswith("reportative_adverb")
    assert [text[s:e] for s, e in attribution.content.spans] == ["The club is", "spending two million dollars on television ads"]
    assert [h.category for h in attribution.hedges] == ["reportative"]


def test_reportedly_on_a_cue_verb_is_that_verbs_hedge(run):
    attribution = only(run("The mayor reportedly said that the bridge would close."), "said")
    assert attribution.source.text == "The mayor" and [h.text for h in attribution.hedges] == ["reportedly"]


@pytest.mark.parametrize(
    "text, source, cue, content",
    [
        ("As officials noted, the bridge is old.", "officials", "noted", "the bridge is old"),
        ("The plan failed, as the publication notes.", "the publication", "notes", "The plan failed"),
        ("The mayor met the governor that day, as The Times reported on Tuesday.", "The Times", "reported",
         "The mayor met the governor that day"),
        ("As reported by the Daily Star, the council expects a deficit.", "the Daily Star", "reported", "the council expects a deficit"),
        ("The count was slow, as police have said.", "police", "said", "The count was slow"),
        ("Trust is collapsing, as the magazine recently noted.", "the magazine", "noted", "Trust is collapsing"),
    ],
)
def test_as_clauses(run, text, source, cue, content):
    attribution = only(run(text), cue)
    assert attribution.rule.startswith("as_clause")
    assert (attribution.source.text, attribution.content.text) == (source, content)


def test_a_temporal_as_is_not_an_attribution(run):
    assert not [a for a in run("As she seeks reelection, the senator keeps her distance.") if a.rule.startswith("as_clause")]


def test_quote_before_a_titled_speaker_is_found(run):
    text = "The debate went on late.\n\n“Will we win? Probably,” Ms. Rivera said. “We have the votes.”"
    attribution = only(run(text), "said")
    assert attribution.source.text == "Ms. Rivera"
    assert text[attribution.content.spans[0][0]:].startswith("“Will we win?")
    assert_offsets(text, attribution)


@pytest.mark.parametrize("between", ["\n", " "])
def test_a_quotation_ending_a_paragraph_or_a_sentence_is_not_the_next_cues_content(run, between):
    text = f"“We are ready for this game, and we will win it.”{between}The coach spoke to the team after the game."
    assert [a.cue.text for a in run(text) if a.content.text.startswith("“We are ready")] == []


@pytest.mark.parametrize("text, cue, content", [
    # a quotation closing on a question mark leaves its sentence open for the cue after it
    ("“Why would we stop now, after all this work?” the coach asked.", "asked", "“Why would we stop now, after all this work?”"),
    # the parser hangs "expand" from "backed"; the content was "to support and"
    ("The union backed the deal, promising to support and in many cases expand the training programs.", "promising",
     "to support and in many cases expand the training programs"),
])
def test_content_runs_where_the_parse_cut_it_short(run, text, cue, content):
    assert only(run(text), cue).content.text == content


def test_a_conjunction_before_a_second_cue_is_left_out_of_the_first_content(run):
    text = "The governor outlined her budget and vowed to cut taxes."
    assert [a.content.text for a in run(text) if a.content.text.endswith(" and")] == []
    assert only(run(text), "vowed").content.text == "to cut taxes"


def test_transcript_labels_inside_a_quoted_transcript_are_attributions(run):
    text = ('The station released this transcript:\n\n"HOST: Let us start with the storm that hit the coast tonight.\n\n'
            '"MAYOR: Well, the crews have been out there all week and they will stay.\n\n'
            '"HOST: Thank you for joining us on the show."\n\nThe interview ended there.')
    labels = [(a.source.text, a.content.text.split(",")[0]) for a in run(text) if a.rule.startswith("colon_quote")]
    assert labels == [("HOST", "Let us start with the storm that hit the coast tonight"), ("MAYOR", "Well"),
                      ("HOST", 'Thank you for joining us on the show."')]


@pytest.mark.parametrize("label", ["UPDATE", "Editor's note", "VIDEO", "STAT OF THE WEEK"])
def test_a_section_label_before_a_colon_names_no_speaker(run, label):
    text = f"{label}: The council voted on Tuesday to close the old bridge for repairs.\n\nHOST: Will the bridge open again this year?"
    assert [a.source.text for a in run(text) if a.rule.startswith("colon_quote")] == ["HOST"]


@pytest.mark.parametrize("text, source", [
    # the tagger runs the organisation's name past the colon into a headline it tags without a verb
    ("Harbor Watch: Interior Department Hid Key Files For Months.\n\nThe group sued on Monday.", "Harbor Watch"),
    # the tagger leaves the headline's full name untagged; the article names her by surname
    ("Ines Marchetti: ‘I’m Sick Of Being Ignored.’\n\nThe council met on Monday, and Marchetti left early.", "Ines Marchetti"),
])
def test_a_headline_speaker_the_tagger_misses_is_found(run, text, source):
    assert [a.source.text for a in run(text) if a.rule.startswith("colon_quote")] == [source]


def test_a_cue_noun_after_its_verb_joins_the_cue(run):
    noun_cue = only(run("Officials voiced concern that the deal would collapse."), "voiced concern")
    assert (noun_cue.source.text, noun_cue.content.text) == ("Officials", "the deal would collapse")


@pytest.mark.parametrize(
    "text, cue, source",
    [
        ("The union said in a statement that the strike would go on.", "said in a statement", "The union"),
        ("Workers marched in the hope that the company would raise wages.", "in the hope", "Workers"),  # the verb says nothing
        ("Officials bristled at the suggestion that the plan had failed.", "at the suggestion", "Officials"),
        ("Prices fell amid reports that the plant would close.", "reports", None),  # when, not whose
        ("Ann Lee shared her belief that the plan would fail.", "shared her belief", "Ann Lee"),  # her own
        ("Civil rights groups embraced his argument that the courts are best.", "argument", "his"),  # someone else's
    ],
)
def test_a_cue_noun_a_verb_takes_speaks_for_the_verbs_subject_unless_it_names_another(run, text, cue, source):
    [attribution] = run(text)  # the parser hung the clause from the noun: not also "said in" with the noun as content
    assert (attribution.cue.text, attribution.source and attribution.source.text) == (cue, source)


def test_a_light_verb_takes_its_claim_noun_and_preposition_into_the_cue(nlp):
    from dataclasses import replace

    from claimx.extraction import extract_doc

    # the learned model decides whether "expressed" is a cue; a model that keeps every verb isolates the span rule
    component = nlp.get_pipe("claimx")
    lexicon = replace(component.lexicon, cue_model=replace(component.lexicon.cue_model, weights={"bias": 30.0}))
    with nlp.select_pipes(disable=["claimx"]):
        doc = nlp("Several senators expressed doubts about the new budget plan. The firm bought a report in Politico.")
    records, _ = extract_doc(doc, lexicon, component.hedge_matcher)
    cues = {r["cue"]["text"]: r["content"]["text"] for r in records}
    assert cues["expressed doubts about"] == "the new budget plan"
    assert "bought" in cues  # a report "in Politico" is where, not what: the cue stays the verb


def test_quote_signed_after_a_dash(run):
    text = "Readers wrote in.\n“The plan is a disgrace. It must be dropped.” ― Maria Lopez\n“I like it.” Nobody else.\n"
    attribution = only(run(text), "―")
    assert attribution.source.text == "Maria Lopez"
    assert attribution.content.text == "“The plan is a disgrace. It must be dropped.”"
    assert [a.cue.text for a in run(text)].count("―") == 1


def test_transcript_speaker_label_runs_to_the_end_of_the_line(run):
    text = "Partial transcript:\n\nHOST: Welcome back to the show. We start with the budget.\n\nWASHINGTON: The Senate voted on the bill today.\n"
    attributions = run(text)
    attribution = only(attributions, ":")
    assert attribution.source.text == "HOST"
    assert attribution.content.text == "Welcome back to the show. We start with the budget"


def test_called_object_predicate_is_the_claim(run):
    text = "The mayor called the report a lie."
    attribution = only(run(text), "called")
    assert attribution.source.text == "The mayor"
    assert attribution.content.text == "the report a lie"
    # no rule reads an object without a predicate as a claim (the learned cue model may: its call)
    assert [a for a in run("The club called a meeting on Monday.") if not a.rule.startswith("learned_cue")] == []
    text = "The senator called her vote in favor of the war a mistake."
    attribution = only(run(text), "called")
    assert attribution.content.spans == [[text.index("her vote"), text.index(" mistake") + len(" mistake")]]


@pytest.mark.parametrize(
    "text, cue, source, content",
    [
        ("The union has called for a ban on overtime.", "has called for", "The union", "a ban on overtime"),
        ("The mayor called on residents to stay indoors.", "called on", "The mayor", "residents to stay indoors"),
        ("Critics pointed to the rising costs.", "pointed to", "Critics", "the rising costs"),
        ("The governor warned about the cost of the new bridge.", "warned about", "The governor", "the cost of the new bridge"),
        ("Farmers complained of the late rains.", "complained of", "Farmers", "the late rains"),
        ("The senator called for a boycott after the company closed its plant in the city.", "called for", "The senator",
         "a boycott after the company closed its plant in the city"),  # the rest of the cue's clause
        ("The senator called for a voice vote, and then a second vote.", "called for", "The senator", "a voice vote, and then a second vote"),
    ],
)
def test_prepositional_cue_takes_the_object_as_content(run, text, cue, source, content):
    attribution = only(run(text), cue)
    assert (attribution.source.text, attribution.content.text) == (source, content)
    assert attribution.rule.startswith("prepositional_cue")


@pytest.mark.parametrize("text, cue, source", [
    # the parser hangs the past-tense verb on the noun before it, as if it were "a man (who was) yelled at"
    ("As the governor finished her speech, a man yelled “Go back!”", "yelled", "a man"),
    # ... and on a noun inside the relative clause before it
    ("Mr. Quillen, who had failed to win his party's nomination, called for a recount of the votes.", "called for", "Mr. Quillen"),
])
def test_a_past_tense_verb_the_parser_hangs_on_a_noun_has_a_subject(run, text, cue, source):
    assert only(run(text), cue).source.text == source


@pytest.mark.parametrize("text", [
    "She and her brother joined a resistance movement called the Northern Freedom Party.",
    "He spoke at a dinner sponsored by the donor club called Harbor Alliance.",
])
def test_a_noun_named_by_a_verb_the_tagger_reads_as_past_tense_quotes_no_one(run, text):
    assert [a.cue.text for a in run(text) if a.cue.lemma == "call"] == []


@pytest.mark.parametrize("text, cue, source", [
    ("In a survey released on Monday by the college, the mayor led her rival by five points.", "In", "a survey released on Monday by the college"),
    ("In the Harbor Institute Poll released Sunday, the mayor led her rival by five points.", "In", "the Harbor Institute Poll released Sunday"),  # a poll's name
    ("Yet in a survey released on Monday, the mayor led her rival by five points.", "in", "a survey released on Monday"),  # the conjunction opens no content
])
def test_a_poll_before_a_clause_is_its_source(run, text, cue, source):
    attribution = only(run(text), cue)
    assert attribution.source.text == source
    assert attribution.content.text == "the mayor led her rival by five points"
    assert attribution.cue.type == "evidence" and attribution.rule.startswith("framing_preposition")
    assert_offsets(text, attribution)


@pytest.mark.parametrize("text", [
    "The mayor took part in a poll of local leaders.",  # after the verb: where, not who says so
    "In its own poll, the Harbor Institute found that the race was close.",  # the institute speaks for its poll
])
def test_a_poll_is_no_frame_after_its_verb_or_before_its_issuers_cue(run, text):
    assert [a.cue.text for a in run(text) if a.rule.startswith("framing_preposition")] == []


def test_what_respondents_said_in_a_poll_nests_in_the_poll(run):
    text = "In a poll released on Monday, most voters said the race was close."
    attributions = run(text)
    poll, voters = only(attributions, "In"), only(attributions, "said")
    assert (poll.source.text, poll.content.text) == ("a poll released on Monday", "most voters said the race was close")
    assert (voters.source.text, voters.parent) == ("most voters", poll.id)


@pytest.mark.parametrize("text, cue, parts", [
    ("The plan seems too risky for most families.", "seems", ["The plan", "too risky for most families"]),
    ("The senator appears to have left the race.", "appears", ["The senator", "to have left the race"]),
    ("It seems that the talks have failed.", "seems", ["the talks have failed"]),
])
def test_a_raising_verb_is_an_agentless_impression_of_its_subject(run, text, cue, parts):
    attribution = only(run(text), cue)
    assert attribution.source is None and attribution.cue.type == "evidence"
    assert [text[s:e] for s, e in attribution.content.spans] == parts
    assert attribution.rule.startswith("raising_verb") and attribution.hedged


@pytest.mark.parametrize("text", [
    "She appeared on television on Monday.",  # no complement: an appearance, not an impression
    "His attempt at appearing calm failed.",
    "They cannot seem to agree on a date.",
])
def test_a_raising_verb_without_an_impression_attributes_nothing(run, text):
    assert [a.cue.text for a in run(text) if a.rule.startswith("raising_verb")] == []


def test_a_raising_verb_before_a_cue_verb_joins_that_cue(run):
    attribution = only(run("The mayor seems to think the vote is safe."), "seems to think")
    assert attribution.source.text == "The mayor" and attribution.content.text == "the vote is safe"


def test_prepositional_cue_ignores_other_prepositions(run):
    assert run("The mayor called at noon.") == []
    assert run("The mayor called on Monday.") == []
    assert [a.cue.text for a in run("The mayor called for calm on Monday.")] == ["called for"]


@pytest.mark.parametrize(
    "text, cue",
    [
        ("The minister has also said that the talks failed.", "has also said"),
        ("The company did not deny that it had paid.", "did not deny"),
        ("It was reported that the talks failed.", "was reported"),
        ("Officials said that the talks failed.", "said"),
        ("The senator often says that the budget is too big.", "often says"),
        ("Officials repeatedly denied that the talks failed.", "repeatedly denied"),
        ('The governor said: "We will rebuild every road in the state."', "said:"),
        ('Then Smith said, "We will rebuild every road in the state."', "said"),
        ("The mayor said in a statement that the road would close.", "said in a statement"),
        ("“We lost,” the party said in a joint statement.", "said in a joint statement"),
        ("The mayor said in an interview that the road would close.", "said"),  # the gold splits on interviews
        ("The mayor has since said that the road would close.", "has since said"),  # the tagger's "since" is a conjunction
    ],
)
def test_cue_span_takes_auxiliaries_adverbs_and_a_colon(run, text, cue):
    assert [a.cue.text for a in run(text)] == [cue]


def test_source_keeps_its_relative_clause_but_is_named_by_its_core(run):
    [attribution] = run("Officials who spoke to Reuters said the talks had failed.")
    assert attribution.source.text == "Officials who spoke to Reuters"
    assert attribution.source.kind == "anonymous"  # not "media": Reuters is in the clause
    [attribution] = run("Don Fowler, who led the party for years, said it would win.")
    assert attribution.source.text == "Don Fowler, who led the party for years"
    assert (attribution.source.kind, attribution.source.resolved) == ("person", "Don Fowler")


def test_what_is_supposed_to_happen_is_no_ones_belief(run):
    assert run("The bridge was supposed to open in May.") == []
    assert [a.cue.text for a in run("The mayor supposed that the bridge would open.")] == ["supposed"]


def test_a_verb_that_takes_no_clause_does_not_take_a_quotation(run):
    text = "The mayor spoke to reporters: “The bridge will open in May.”"  # PolNeAR train marks none of 10 as the quote's cue
    assert all(a.cue.text != "spoke" for a in run(text) if a.rule.startswith("quote_cue"))  # the cue model may still weigh "spoke to"


@pytest.mark.parametrize(
    "text, content",
    [
        ("The mayor praised the team for winning the final on Saturday.", "the team for winning the final on Saturday"),
        ("The mayor praised the team on Saturday.", "the team"),  # when the cue happened
    ],
)
def test_a_date_inside_an_adjunct_does_not_make_it_the_cue_time(run, text, content):
    assert only(run(text), "praised").content.text == content


@pytest.mark.parametrize(
    "text, cue, source",
    [
        ("The minister spoke at a news conference announcing that the state would sue the city.", "announcing", "The minister"),
        ("The union issued a statement announcing that the strike was over.", "issued a statement announcing", "The union"),
        ("Polls showing that the mayor is ahead worry his rivals.", "showing", "Polls"),
    ],
)
def test_a_participle_after_a_noun_speaks_for_the_noun_its_issuer_or_the_speaker_at_it(run, text, cue, source):
    assert only(run(text), cue).source.text == source


def test_a_speaker_after_a_quotation_read_as_an_object_is_the_source(run):
    text = "“It is the mayor’s to lose at this point,” added another New Hampshire Democrat."
    attribution = only(run(text), "added")
    assert attribution.source.text == "another New Hampshire Democrat"


def test_a_percentage_source_keeps_its_sign(run):
    attribution = only(run("In the poll, 42% said they would vote for Lee."), "said")
    assert attribution.source.text == "42%"


@pytest.mark.parametrize(
    "text, source",
    [
        ("Trump on Friday claimed the vote was rigged.", "Trump"),
        ("The report on Wednesday said the plant would close.", "The report"),
        ("A letter on Monday from the agency warned that the dam was weak.", "A letter on Monday from the agency"),
        ("A poll in June found that most voters were undecided.", "A poll in June"),
        ("The governor last week said the budget was short.", "The governor"),
    ],
)
def test_a_time_phrase_ending_the_source_tells_when_not_who(run, text, source):
    [attribution] = run(text)
    assert attribution.source.text == source


@pytest.mark.parametrize(
    "text, source",
    [
        ("Even the mayor said the plan was bad.", "the mayor"),
        ("The senators all said the plan was bad.", "The senators"),
        ("Lee and Kim both said the plan was bad.", "Lee and Kim"),
        ("Both of them said the plan was bad.", "Both of them"),  # the head itself
        ("Only the mayor said the plan was bad.", "Only the mayor"),
        ("Just 30 percent of voters said the plan was bad.", "30 percent of voters"),
        ("Meanwhile Rihanna, who was honored with an award, spoke about the plan.", "Rihanna, who was honored with an award"),
    ],
)
def test_a_focus_word_at_the_edge_of_the_source_is_not_part_of_it(run, text, source):
    [attribution] = run(text)
    assert attribution.source.text == source


def test_source_closes_its_bracket(run):
    [attribution] = run("Sen. Ann Perry (R-Ga.) said the bill would pass.")
    assert attribution.source.text == "Sen. Ann Perry (R-Ga.)"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("I think the plan will fail, and you know the budget is short.", ["think"]),  # the writer's belief; "you know" is a filler
        ("We want the council to act.", ["want"]),
        ("If you think the plan will fail, vote against it.", []),  # a generic "you"
        ("The mayor thinks the plan will fail.", ["thinks"]),
        ("I said that the plan would fail.", ["said"]),
        ("“I think the plan will fail,” the mayor said.", ["said"]),  # inside a quotation: the quoted speaker's words
    ],
)
def test_first_person_mental_states_are_the_writers_attributions(run, text, expected):
    assert [a.cue.text for a in run(text)] == expected


def test_discussed_object_is_the_content(run):
    attribution = only(run("The ministers discussed a new trade agreement on Friday."), "discussed")
    assert attribution.content.text == "a new trade agreement"


@pytest.mark.parametrize(
    "text, source",
    [
        ("The governor appeared on the radio and began by saying he would not resign.", "The governor"),
        ("She declined to name candidates, aside from saying she wants a younger team.", "She"),
        ("The mayor appeared at a hearing for his role in the deal and for saying that the plan would fail.", "The mayor"),
        ("The senator was criticized for saying that the bill was dead.", "The senator"),  # passive above, active saying
    ],
)
def test_gerund_after_a_preposition_takes_the_governing_subject(run, text, source):
    said = [a for a in run(text) if a.cue.text == "saying"]
    assert [a.source.text for a in said] == [source]
    assert said[0].rule.startswith("speech_verb_clause")


@pytest.mark.parametrize("text, cue", [
    ("Senator Hale said he did not believe the claims, arguing that the party was divided.", "arguing"),
    ("Senator Hale said the economy had grown, citing the rise in wages.", "citing"),
])
def test_a_trailing_participle_belongs_to_the_reporting_clause(run, text, cue):
    # the parser hangs it inside the reported clause; its subject is the reporter's
    assert only(run(text), cue).source.text == "Senator Hale"


def test_name_left_in_a_phrase_by_a_missing_comma_is_the_source(run):
    [attribution] = run("At a dinner with donors in Ohio Senator Mills said that taxes would rise.")
    assert attribution.source.text.endswith("Mills")
    assert attribution.source.resolved.endswith("Mills")


def test_signature_dash_glued_to_the_closing_mark(run):
    text = "“We will rebuild the bridge before winter comes.”― Ana Ruiz\nThe council met later."
    attribution = only(run(text), "―")
    assert attribution.source.text == "Ana Ruiz"


def test_headline_label_the_model_does_not_tag_is_a_speaker_when_named_elsewhere(run):
    text = "Mills: Budget Talks Have Failed Again\n\nSenator Anna Mills spoke to reporters on Monday."
    attribution = only(run(text), ":")
    assert attribution.source.text == "Mills" and attribution.source.resolved.endswith("Anna Mills")
    assert run("Update: Budget Talks Have Failed Again\n\nThe council met on Monday.") == []


def test_a_reporting_noun_labels_a_headline(run):
    text = "Poll: Clinton Leads Trump by Five Points in Ohio\n\nThe survey was taken last week."
    attribution = only(run(text), ":")
    assert (attribution.source.text, attribution.content.text) == ("Poll", "Clinton Leads Trump by Five Points in Ohio")


@pytest.mark.parametrize(
    "headline, source",
    [
        ("Party insiders: Lee will win the primary", "Party insiders"),
        ("Lee campaign: Ford plan threatens jobs", "Lee campaign"),
        ("Lee to voters: Ford will raise taxes", "Lee"),
    ],
)
def test_a_headline_label_naming_someone_speaks_for_the_line(run, headline, source):
    text = headline + "\n\nThe council met on Monday with Tom Lee and Ann Ford."
    attribution = only(run(text), ":")
    assert (attribution.source.text, attribution.content.text) == (source, headline.split(": ")[1])


@pytest.mark.parametrize("headline", ["Correction: An earlier version misstated the date", "Breaking: Lee will win the primary"])
def test_a_section_label_names_no_one(run, headline):
    assert all(a.cue.text != ":" for a in run(headline + "\n\nThe council met on Monday."))


def test_a_scare_quoted_phrase_is_not_a_statement(run):
    assert run("The senator tweeted “fake news” on Friday.") == []
    assert [a.cue.text for a in run("The senator tweeted “We will never give up this fight.” on Friday.")] == ["tweeted"]


@pytest.mark.parametrize(
    "text, content",
    [
        ("Was she satisfied?\n\n“To a point,” she said. “He sort of dodged it.”", ["“To a point,”", "“He sort of dodged it.”"]),
        ("The hall was full. “Absolutely,” he said when asked.", ["“Absolutely,”"]),
        ("“Safety,” said Ann Grimm, a nurse.", ["“Safety,”"]),
        ("The hall was full.\u00a0“Absolutely,” he said.", ["“Absolutely,”"]),  # a no-break space, as scraped
    ],
)
def test_a_short_answer_opening_its_sentence_is_a_statement(run, text, content):
    attribution = only(run(text), "said")
    assert [text[s:e] for s, e in attribution.content.spans] == content


def test_a_short_quote_inside_a_sentence_is_still_a_label(run):
    assert run("The senator tweeted “fake news,” on Friday.") == []


def test_batch_lemmas_are_spacys_own(nlp):
    """claimx gives the lemmatizer a column-wise batch step (claimx/lemma_index.py); ``nlp(text)``
    keeps spaCy's token-by-token one. Both must give every token the same lemma."""
    text = "The ministers were saying that talks had stalled; Peskov's aides denied it, calling the reports leaked."
    batch = list(nlp.pipe([text, text]))
    stock = nlp(text)
    assert [t.lemma_ for t in batch[0]] == [t.lemma_ for t in stock] == [t.lemma_ for t in batch[1]]
    assert {"say", "stall", "deny", "call", "report"} <= {t.lemma_ for t in batch[0]}


def test_a_colon_closing_a_paragraph_introduces_the_next_paragraph(run):
    text = ("The mayor added:\n\nWe will not stop until the bridge is rebuilt. That is a promise.\n\n"
            "The council met again on Tuesday.")
    attribution = only(run(text), "added:")
    assert (attribution.source.text, attribution.content.text) == (
        "The mayor", "We will not stop until the bridge is rebuilt. That is a promise.")
    assert attribution.rule.startswith("block_quotation")
    assert_offsets(text, attribution)


def test_a_colon_after_a_pointing_object_introduces_the_next_paragraph(run):
    text = "The senator wrote the following:\n\nWe mourn the victims and stand with their families.\n"
    attribution = only(run(text), "wrote")
    assert (attribution.rule.split(":")[0], attribution.content.text) == ("block_quotation", "We mourn the victims and stand with their families.")


def test_a_colon_after_a_named_object_introduces_nothing(run):
    text = "The mayor described the plan:\n\nThe bridge closes in May and reopens in June.\n"
    assert [a for a in run(text) if a.rule.startswith("block_quotation")] == []


@pytest.mark.parametrize("text", [
    "Imagine that the council cancels the bridge.",
    "Don't forget that the bridge closes in May.",
    "Tell me the bridge is safe.",
])
def test_an_imperative_addresses_the_reader_and_attributes_nothing(run, text):
    assert [(a.cue.text, a.content.text) for a in run(text)] == []


def test_the_same_verb_with_a_subject_is_an_attribution(run):
    attribution = only(run("Residents imagine that the council will cancel the bridge."), "imagine")
    assert attribution.source.text == "Residents"


def test_a_relative_clause_that_attributes_is_not_part_of_the_source(run):
    text = "Ms. Lee, who said in an interview that she had not seen the report, called the plan reckless."
    assert only(run(text), "called").source.text == "Ms. Lee"
    assert only(run(text), "said").source.text == "who"


def test_a_participle_after_the_source_is_not_part_of_it(run):
    text = "The governor, speaking to reporters in Denver, said the bridge would reopen."
    assert only(run(text), "said").source.text == "The governor"


def test_a_relative_clause_that_describes_stays_in_the_source(run):
    assert only(run("Ms. Lee, who chairs the panel, said the plan was reckless."), "said").source.text == "Ms. Lee, who chairs the panel"


@pytest.mark.parametrize("closing, found", [("The mayor said.", True), ("The mayor said on Friday.", True),
                                            ("The mayor did not say.", False), ("The mayor said the vote is off.", False)])
def test_a_quotation_ending_its_sentence_is_what_a_bare_cue_sentence_after_it_said(run, closing, found):
    text = "“Nobody expected the storm to come this soon.” " + closing
    quoted = [a for a in run(text) if a.content.text.startswith("“Nobody")]
    assert bool(quoted) == found
    if found:
        assert (quoted[0].source.text, quoted[0].content.text) == ("The mayor", "“Nobody expected the storm to come this soon.”")


@pytest.mark.parametrize(
    "text, source, cue, content",
    [
        ("The senator has long been critical of the new tax.", "The senator", "has long been critical of", "the new tax"),
        ("Officials remain hopeful that the talks will resume.", "Officials", "remain hopeful", "the talks will resume"),
        ("The mayor was eager to leave the council.", "The mayor", "was eager", "to leave the council"),
    ],
)
def test_an_adjective_after_a_copula_is_a_cue_with_its_complement_as_content(run, text, source, cue, content):
    attribution = by_rule(text, run, "adjective_cue")
    assert (attribution.source.text, attribution.cue.text, attribution.content.text) == (source, cue, content)


@pytest.mark.parametrize("text", ["The report is critical to the case.", "It is certain that the vote fails."])
def test_an_adjective_with_another_preposition_or_an_expletive_subject_reports_nothing(run, text):
    assert not any(a.rule.startswith("adjective_cue") for a in run(text))


@pytest.mark.parametrize("text, cue, source, content", [
    ("She's argued that the levy will fail.", "'s argued", "She", "the levy will fail"),  # "'s" is "has": a passive cue takes no clause with its own subject
    ("The governor was asked about the levy and said that it will fail.", "said", "The governor", "it will fail"),  # a finite verb has no share in "was"
])
def test_an_active_cue_the_parse_reads_as_passive_keeps_its_speaker(run, text, cue, source, content):
    attribution = only(run(text), cue)
    assert (attribution.source and attribution.source.text, attribution.content.text) == (source, content)


@pytest.mark.parametrize("text", ["It's said that the levy will fail.", "He's said to be ill."])
def test_a_contracted_passive_cue_stays_agentless(run, text):
    assert only(run(text), "'s said").source is None


@pytest.mark.parametrize("text, cue", [
    ("The two mayors have both argued that the levy will fail.", "have both argued"),
    ("Lee and Kim have each claimed that the levy will fail.", "have each claimed"),
    ("The councillors have all said that the levy will fail.", "have all said"),
])
def test_a_quantifier_after_the_auxiliary_is_part_of_the_cue(run, text, cue):
    assert only(run(text), cue).content.text == "the levy will fail"


def test_a_trailing_participle_inside_an_objects_clause_speaks_for_the_main_subject(run):
    text = "Lee dismissed the notion that the plan would be a burden on the city, saying the costs are small."
    assert only(run(text), "saying").source.text == "Lee"  # the parser hangs "saying" inside "that the plan would be …"


@pytest.mark.parametrize("text, source", [
    ("One resident, who like others spoke on the condition of anonymity, said the bridge was unsafe.",
     "One resident, who like others spoke on the condition of anonymity"),
    ("Lee, meanwhile, who has no such support, said the bridge was unsafe.", "Lee, meanwhile, who has no such support"),
    ("Kasich jokingly offered the man a job as a clerk, then says the bridge was unsafe.", "Kasich"),  # one speaker, two acts
])
def test_a_speaker_the_parser_reads_as_a_reported_clause_is_the_source(run, text, source):
    attribution = only(run(text), "said" if "said" in text else "then says")  # the parser makes the clause before the comma the verb's complement
    assert (attribution.source and attribution.source.text, attribution.content.text) == (source, "the bridge was unsafe")


def test_a_verb_conjoined_to_a_misread_cue_has_its_speaker(run):
    text = "Lee summed up the plan as “terrible,” denounced its cost and said it should be dropped."
    assert [(a.cue.text, a.source and a.source.text) for a in run(text)] == [("denounced", "Lee"), ("said", "Lee")]


def test_a_speaker_hung_inside_a_fronted_phrase_keeps_the_comma_after_their_age(run):
    text = "As part of his plea, Ann Lee, 44, said that the city would pay."  # the parser hangs her from "plea"
    attribution = only(run(text), "said")
    assert (attribution.source and attribution.source.text, attribution.content.text) == ("Ann Lee, 44", "the city would pay")


def test_a_participle_introducing_a_quotation_speaks_for_the_clause_it_hangs_from(run):
    text = "Lee spoke in Iowa on Sunday, telling the crowd, “Some people get a little carried away, have you noticed that?”"
    assert only(run(text), "telling").source.text == "Lee"  # the parser takes "you", inside the quotation, for the subject


@pytest.mark.parametrize("text, source", [
    ("''I'm better with my hands than I am with my head,'' said Robin Maynard, half joking.", "Robin Maynard"),
    ('"One man came in and said maybe we should start leaving," said the woman, who like many in the town did not want to be named.', "the woman"),
])
def test_a_speaker_after_the_cue_read_as_the_subject_of_a_second_clause_is_the_source(run, text, source):
    attribution = only(run(text), "said")  # the parser reads "said [Lee was joking]"
    quotation = text[: text.rindex(" said ")]
    assert attribution.source is not None and attribution.source.text.startswith(source)  # with its relative clause, if no cue claims it
    assert attribution.content.text == quotation


def test_an_according_to_phrase_closing_a_content_stays_out_of_it(run):
    attributions = run("Lee told aides that the plan had failed, according to two people who attended the meeting.")
    assert only(attributions, "told").content.text == "the plan had failed"
    assert only(attributions, "according to").source.text == "two people who attended the meeting"


def test_a_role_the_entity_took_in_is_no_part_of_the_resolved_name(run):
    attributions = run("Chancellor Angela Merkel said the talks had failed. Merkel added that she was sorry.")
    assert [a.source.resolved for a in attributions] == ["Angela Merkel", "Angela Merkel"]


def test_an_as_clause_with_the_one_told(run):
    [attribution] = run("As Lee told the Daily News on Monday, tax relief is given for jobs.")
    assert (attribution.source.text, attribution.cue.text, attribution.addressee.text, attribution.content.text) == (
        "Lee", "told", "the Daily News", "tax relief is given for jobs")
