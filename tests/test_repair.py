import re

import pytest

from claimx.repair import chunks, glued_splits, repair, unwrap_lines

KNOWN = {"yet", "said", "the", "story", "told", "plans", "no", "mac"}


def is_known(word):
    return word in KNOWN


def test_glued_words_split_and_offsets_map_back():
    text = "There are no plans yetPeskov told TASS. Dmitry Peskov is a spokesman."
    repaired = repair(text, is_known)
    assert "yet, Peskov" in repaired.text
    start = repaired.text.index("Peskov")
    assert text[slice(*repaired.span(start, start + len("Peskov")))] == "Peskov"
    end = repaired.text.index(",")
    assert repaired.span(0, end) == (0, text.index("Peskov"))
    tass = repaired.text.index("TASS")
    assert text[slice(*repaired.span(tass, tass + 4))] == "TASS"


@pytest.mark.parametrize("word", ["iPhone", "McDonald", "YouTube", "eBay", "macOS", "JavaScript"])
def test_camel_case_names_are_not_split(word):
    assert glued_splits(f"He bought a {word} yesterday.", is_known) == []


def test_unknown_left_part_is_not_split():
    assert glued_splits("The qwzPeskov case. Peskov said so.", is_known) == []


def test_boilerplate_lines_are_blanked_without_moving_offsets():
    text = "Real news here.\nSee also  Something else\nLeave a Reply\nMore news."
    patterns = [re.compile(r"(see also)\b.*", re.I), re.compile(r"leave a reply", re.I)]
    repaired = repair(text, is_known, patterns)
    assert len(repaired.text) == len(text)
    assert "See also" not in repaired.text and "Leave" not in repaired.text
    assert repaired.text.endswith("More news.")


def test_a_dateline_dash_becomes_a_paragraph_break():
    from claimx.lexicon import load_lexicon

    patterns = [rule.compiled() for rule in load_lexicon().boilerplate]
    text = "Headline\n  WASHINGTON (AP) — Officials said so.\nNATO said so.\nWashington - a city.\nUSA TODAY—Lee said so."
    repaired = repair(text, is_known, patterns).text
    assert len(repaired) == len(text)
    assert repaired.split("\n") == [
        "Headline", "  WASHINGTON (AP) ", "", "Officials said so.",  # " — " became " " and a paragraph break
        "NATO said so.",  # capitals without a dash: no dateline
        "Washington - a city.",  # a dateline's city is in capitals
        "USA TODAY", "Lee said so.",  # a dash of one character: one line break
    ]


@pytest.mark.parametrize("limit", [10, 37, 1000])
def test_chunks_cover_the_text_in_order(limit):
    text = ("A paragraph of words.\n" * 20) + "x" * 95
    pieces = list(chunks(text, limit))
    assert "".join(p for _, p in pieces) == text
    assert all(len(p) <= limit for _, p in pieces)
    assert all(text[o : o + len(p)] == p for o, p in pieces)


def test_empty_text_is_one_empty_chunk():
    assert list(chunks("", 10)) == [(0, "")]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a lower-case continuation is always a wrap
        ("The mayor said that the bridge\nwould reopen.", "The mayor said that the bridge would reopen."),
        # a headline line, then a sentence: not wrapped
        ("Mayor says budget is tight\nThe council said no.", "Mayor says budget is tight\nThe council said no."),
        # hard-wrapped text: every single break inside a paragraph goes, blank lines stay
        ("Officials said on\nMonday that the\nbridge would\nreopen after\nrepairs.\n\nNext paragraph\nhere.",
         "Officials said on Monday that the bridge would reopen after repairs.\n\nNext paragraph here."),
        ("Two lines.\nNo wrap here.", "Two lines.\nNo wrap here."),
    ],
)
def test_hard_wrapped_lines_are_joined_without_moving_offsets(text, expected):
    assert unwrap_lines(text) == expected
    assert len(unwrap_lines(text)) == len(text)


def test_an_editors_note_line_is_boilerplate_but_a_sentence_about_one_is_not():
    from claimx.lexicon import load_lexicon

    patterns = [rule.compiled() for rule in load_lexicon().boilerplate]
    text = "Officials said so.\nEditor’s note: The mayor has said the bridge is safe.\nThe editor's note said the bridge is safe."
    lines = repair(text, is_known, patterns).text.split("\n")
    assert lines[0] == "Officials said so." and lines[1].strip() == "" and lines[2] == "The editor's note said the bridge is safe."
