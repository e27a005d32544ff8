"""One repair to the stock rule ``lemmatizer``: verbs that drop a silent "e".

spaCy's English rules strip "-ing", "-ed" or "-es" and keep the first stem its verb list
knows, so "hoping", "hoped" and "hopes" come out as "hop" ("coping" as "cop", "rated" as
"rat", "hates" as "hat"), and the cue lexicon's "hope" never sees them (100 verbs in PolNeAR
train). English spelling settles it: a one-syllable verb ending on one vowel and one
consonant doubles the consonant before "-ing" and "-ed" ("hopping", "hopped"), and takes a
bare "-s" ("hops"); so an undoubled form of such a stem, when the stem with "e" is a verb the
tables know, is that verb. ``repair`` wraps the lemmatizer's ``lemmatize``, which both
spaCy's own step and ``lemma_index`` call, so either path gets the same lemmas.
"""
from __future__ import annotations

import re
from typing import Any, Callable

from spacy.tokens import Token

SHORT_STEM = re.compile(r"[^aeiou]*[aeiou][^aeiouwxy]")  # hop, cop, star, wag: one vowel, one consonant
SIBILANT_ENDS = ("s", "x", "z", "ch", "sh", "o")  # stems that take "-es" of their own: "passes", "goes"


def silent_e_lemma(word: str, lemma: str, verbs: set[str]) -> str:
    """The verb ``word`` inflects, when ``lemma`` is a stem that lost its silent "e"."""
    word = word.lower()
    if lemma + "e" not in verbs:
        return lemma
    for suffix in ("ing", "ed"):
        if word == lemma + suffix and SHORT_STEM.fullmatch(lemma):
            return lemma + "e"
    if word == lemma + "es" and not lemma.endswith(SIBILANT_ENDS):
        return lemma + "e"
    return lemma


def repair(lemmatizer: Any) -> bool:
    """Make a rule-mode ``lemmatizer`` give silent-"e" verbs their own lemma; say whether it did."""
    if getattr(lemmatizer, "mode", None) != "rule" or "lemma_index" not in lemmatizer.lookups.tables:
        return False
    verbs = set(lemmatizer.lookups.get_table("lemma_index").get("verb", ()))
    lemmatize: Callable[[Token], list[str]] = lemmatizer.lemmatize

    def with_silent_e(token: Token) -> list[str]:
        lemmas = lemmatize(token)
        if token.pos_ != "VERB" or not lemmas:
            return lemmas
        return [silent_e_lemma(token.text, lemmas[0], verbs), *lemmas[1:]]

    lemmatizer.lemmatize = with_silent_e
    return True
