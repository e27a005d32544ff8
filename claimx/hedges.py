"""Hedge markers from the lexicon, and their scope over attributions.

Markers come from a spaCy ``Matcher`` built from the hedge rules; pseudo rules remove the
markers they overlap ("no doubt", "as soon as possible"); of overlapping markers the longest
stays. Scope follows the dependency parse (see ``claims_hedge``).
"""
from __future__ import annotations

from typing import NamedTuple

from spacy.matcher import Matcher
from spacy.tokens import Doc, Token
from spacy.util import filter_spans
from spacy.vocab import Vocab

from .lexicon import HedgeRule, Lexicon

VERB_POS = {"VERB", "AUX"}


class Marker(NamedTuple):
    start: int  # token index
    end: int
    category: str
    rule: str


class HedgeMatcher:
    def __init__(self, vocab: Vocab, lexicon: Lexicon) -> None:
        self.matcher = Matcher(vocab, validate=True)
        self.rules: dict[str, HedgeRule] = {}
        for rule in lexicon.hedges:
            self.matcher.add(rule.id, [rule.token_pattern()])
            self.rules[rule.id] = rule

    def __call__(self, doc: Doc) -> list[Marker]:
        matches = self.matcher(doc, as_spans=True)
        pseudo = [span for span in matches if self.rules[span.label_].pseudo]
        blocked = {i for span in pseudo for i in range(span.start, span.end)}
        real = [span for span in matches if not self.rules[span.label_].pseudo and not blocked.intersection(range(span.start, span.end))]
        kept = filter_spans(real)
        return [Marker(s.start, s.end, self.rules[s.label_].category or "", s.label_) for s in sorted(kept, key=lambda s: s.start)]


def anchor(token: Token) -> Token:
    """The verb a marker hangs from: the marker itself if it is a verb, else its nearest verb
    ancestor."""
    current = token
    for _ in range(8):
        if current.pos_ in VERB_POS and current.dep_ not in ("aux", "auxpass"):
            return current
        if current.head is current:
            return current
        current = current.head
    return current


def is_ancestor(token: Token, descendant: Token) -> bool:
    return token.i != descendant.i and any(a.i == token.i for a in descendant.ancestors)
