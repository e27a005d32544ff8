"""Hedge markers from the lexicon, and their scope over attributions.

Markers come from a spaCy ``Matcher`` built from the hedge rules; pseudo rules remove the
markers they overlap ("no doubt", "as soon as possible"); of overlapping markers the longest
stays. Scope follows the dependency parse (see ``claims_hedge``).
"""
from __future__ import annotations

from typing import NamedTuple

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans
from spacy.vocab import Vocab

from .lexicon import HedgeRule, Lexicon

VERB_POS = {"VERB", "AUX"}
ANCHOR_COLUMNS = ["LOWER", "LEMMA"]  # the token attributes an anchor word is read from


class Marker(NamedTuple):
    start: int  # token index
    end: int
    category: str
    rule: str


class HedgeMatcher:
    """Each rule is tried only in the sentences that hold one of its anchor words
    (``anchor_words``: "allegedly"; "sources" for "sources said"; "may"), with a Matcher of its
    own; a rule that requires no word at all is tried everywhere. spaCy's Matcher costs about
    the same per rule at every token, so a sentence pays only for the rules it could match."""

    def __init__(self, vocab: Vocab, lexicon: Lexicon) -> None:
        self.everywhere = Matcher(vocab, validate=True)
        self.anchored: dict[str, Matcher] = {}  # rule id -> a Matcher with that rule alone
        # (column, string hash) -> ids of the rules anchored by that word; column 0 LOWER, 1 LEMMA
        self.by_anchor: dict[tuple[int, int], list[str]] = {}
        self.rules: dict[str, HedgeRule] = {}
        for rule in lexicon.hedges:
            pattern = rule.token_pattern()
            words = anchor_words(pattern, vocab)
            if words is None:
                self.everywhere.add(rule.id, [pattern])
            else:
                self.anchored[rule.id] = Matcher(vocab, validate=True)
                self.anchored[rule.id].add(rule.id, [pattern])
                for attribute, word in sorted(words):
                    self.by_anchor.setdefault((ANCHOR_COLUMNS.index(attribute), vocab.strings.add(word)), []).append(rule.id)
            self.rules[rule.id] = rule
        self.order = {rule_id: number for number, rule_id in enumerate(self.rules)}

    def __call__(self, doc: Doc) -> list[Marker]:
        matches = list(self.everywhere(doc, as_spans=True)) if len(self.everywhere) else []
        if self.anchored and len(doc):
            rows = doc.to_array(ANCHOR_COLUMNS).tolist()
            for sent in doc.sents:
                rule_ids = {rule_id for row in rows[sent.start : sent.end] for column, value in enumerate(row)
                            for rule_id in self.by_anchor.get((column, value), ())}
                for rule_id in sorted(rule_ids, key=self.order.__getitem__):  # of two rules marking the same words, the first in the file
                    matches.extend(self.anchored[rule_id](sent, as_spans=True))
        return self.markers(matches)

    def markers(self, matches: list[Span]) -> list[Marker]:
        """Matches to markers: pseudo matches block what they overlap; of overlaps the longest stays."""
        pseudo = [span for span in matches if self.rules[span.label_].pseudo]
        blocked = {i for span in pseudo for i in range(span.start, span.end)}
        real = [span for span in matches if not self.rules[span.label_].pseudo and not blocked.intersection(range(span.start, span.end))]
        kept = filter_spans(real)
        return [Marker(s.start, s.end, self.rules[s.label_].category or "", s.label_) for s in sorted(kept, key=lambda s: s.start)]


def anchor_words(pattern: list[dict], vocab: Vocab) -> set[tuple[str, str]] | None:
    """(attribute, word) pairs one of which every match of ``pattern`` contains: the fewest
    such words of any required token, stop words only when no required token has other words
    ("may", "if"), or None when no token is required by its words."""
    best: tuple[bool, int, set[tuple[str, str]]] | None = None  # (has a stop word, how many, pairs)
    for spec in pattern:
        if spec.get("OP", "1") not in ("1", "+"):
            continue
        for attribute in ANCHOR_COLUMNS:
            value = spec.get(attribute)
            words = [value] if isinstance(value, str) else value.get("IN") if isinstance(value, dict) and list(value) == ["IN"] else None
            if not words:
                continue
            candidate = (any(vocab[word].is_stop for word in words), len(words), {(attribute, word) for word in words})
            if best is None or candidate[:2] < best[:2]:
                best = candidate
    return None if best is None else best[2]


def anchor(token: Token) -> Token:
    """The verb a marker hangs from: the marker itself if it is a verb, else its nearest verb
    ancestor."""
    current = token
    for _ in range(8):
        if current.pos_ in VERB_POS and current.dep_ not in ("aux", "auxpass"):
            return current
        if current.head.i == current.i:
            return current
        current = current.head
    return current


def is_ancestor(token: Token, descendant: Token) -> bool:
    return token.i != descendant.i and any(a.i == token.i for a in descendant.ancestors)
