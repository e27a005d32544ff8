"""Hedge markers from the lexicon, and their scope over attributions.

Markers come from a spaCy ``Matcher`` built from the hedge rules; pseudo rules remove the
markers they overlap ("no doubt", "as soon as possible"); of overlapping markers the longest
stays. Scope follows the dependency parse (see ``claims_hedge``).
"""
from __future__ import annotations

from typing import NamedTuple

from spacy.attrs import LEMMA, LOWER
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
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
    """Rules with a required word that is not a stop word ("allegedly", "sources" + "said")
    are only tried in sentences that contain one of those words; the few others ("may",
    "if", "remains to be seen") everywhere. spaCy's Matcher costs about the same per rule at
    every token, so this skips most of the work."""

    def __init__(self, vocab: Vocab, lexicon: Lexicon) -> None:
        self.matcher = Matcher(vocab, validate=True)  # rules tried in sentences with an anchor word
        self.everywhere = Matcher(vocab, validate=True)
        self.anchors: dict[str, set[int]] = {"LOWER": set(), "LEMMA": set()}  # string hashes
        self.rules: dict[str, HedgeRule] = {}
        for rule in lexicon.hedges:
            pattern = rule.token_pattern()
            words = anchor_words(pattern, vocab)
            if words is None:
                self.everywhere.add(rule.id, [pattern])
            else:
                self.matcher.add(rule.id, [pattern])
                for attribute, word in words:
                    self.anchors[attribute].add(vocab.strings.add(word))
            self.rules[rule.id] = rule

    def __call__(self, doc: Doc) -> list[Marker]:
        matches = list(self.everywhere(doc, as_spans=True))
        if len(self.matcher) and len(doc):
            lowers, lemmas = zip(*doc.to_array([LOWER, LEMMA]).tolist())
            for sent in doc.sents:
                if not (self.anchors["LOWER"].isdisjoint(lowers[sent.start : sent.end]) and self.anchors["LEMMA"].isdisjoint(lemmas[sent.start : sent.end])):
                    matches.extend(self.matcher(sent, as_spans=True))
        return self.markers(matches)

    def markers(self, matches: list[Span]) -> list[Marker]:
        """Matches to markers: pseudo matches block what they overlap; of overlaps the longest stays."""
        pseudo = [span for span in matches if self.rules[span.label_].pseudo]
        blocked = {i for span in pseudo for i in range(span.start, span.end)}
        real = [span for span in matches if not self.rules[span.label_].pseudo and not blocked.intersection(range(span.start, span.end))]
        kept = filter_spans(real)
        return [Marker(s.start, s.end, self.rules[s.label_].category or "", s.label_) for s in sorted(kept, key=lambda s: s.start)]


def anchor_words(pattern: list[dict], vocab: Vocab) -> set[tuple[str, str]] | None:
    """(attribute, word) pairs one of which every match of ``pattern`` contains, none of them a
    stop word (the fewest such words of any required token), or None when there are none."""
    best: set[tuple[str, str]] | None = None
    for spec in pattern:
        if spec.get("OP", "1") not in ("1", "+"):
            continue
        for attribute in ("LOWER", "LEMMA"):
            value = spec.get(attribute)
            words = [value] if isinstance(value, str) else value.get("IN") if isinstance(value, dict) and list(value) == ["IN"] else None
            if not words or any(vocab[word].is_stop for word in words):
                continue
            if best is None or len(words) < len(best):
                best = {(attribute, word) for word in words}
    return best


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
