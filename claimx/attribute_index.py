"""A faster match step for the stock ``attribute_ruler`` (same rules, same results).

The small English pipeline's attribute ruler maps tags to POS and morphology with ~180 Matcher
rules; spaCy's Matcher tries every rule at every token, which costs as much as the parser.
Its rules are plain token tests (TAG, LOWER, DEP, IS_SPACE: a value, ``IN``, ``NOT_IN`` or
``REGEX``), so ``RuleIndex`` files each rule under the most selective value it requires of its
first token and, at each token, tries only the rules filed under that token's values. The
ruler's own ``set_annotations`` still applies the attributes, in the same rule order.
A ruler with any other kind of rule keeps spaCy's Matcher.
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Any, NamedTuple

from spacy.attrs import IS_SPACE, LOWER, DEP, TAG
from spacy.strings import StringStore, get_string_id
from spacy.tokens import Doc

COLUMNS = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE}  # Doc.to_array columns
POSITION = {key: position for position, key in enumerate(COLUMNS)}
INDEX_PREFERENCE = ["LOWER", "TAG", "DEP", "IS_SPACE"]  # most selective first


class Test(NamedTuple):
    """One attribute test of one token: its value (a string hash, or 0/1 for IS_SPACE) is in
    ``values``, or not in them when ``negate``, or its string matches ``regex``."""

    position: int
    values: frozenset
    negate: bool = False
    regex: re.Pattern[str] | None = None
    regex_results: dict[int, bool] | None = None  # value -> regex result, filled as values come

    def passes(self, row: tuple, strings: StringStore) -> bool:
        value = row[self.position]
        if self.regex is None:
            return (value in self.values) != self.negate
        if value not in self.regex_results:  # type: ignore[operator]
            self.regex_results[value] = self.regex.search(strings[value]) is not None  # type: ignore[index]
        return self.regex_results[value]  # type: ignore[index]


class Rule(NamedTuple):
    number: int  # the ruler's rule index: later rules win
    tokens: tuple[tuple[Test, ...], ...]


def _value_id(key: str, value: Any) -> int:
    return int(value) if key == "IS_SPACE" else get_string_id(value)


def compile_spec(spec: dict) -> tuple[Test, ...] | None:
    """One Matcher token spec as tests, or None when it uses anything the index cannot test."""
    tests = []
    for key, value in spec.items():
        if key not in COLUMNS:
            return None
        position = POSITION[key]
        if isinstance(value, (str, bool)):
            tests.append(Test(position, frozenset([_value_id(key, value)])))
        elif isinstance(value, dict) and len(value) == 1 and set(value) <= {"IN", "NOT_IN"}:
            operator, values = next(iter(value.items()))
            tests.append(Test(position, frozenset(_value_id(key, v) for v in values), operator == "NOT_IN"))
        elif isinstance(value, dict) and list(value) == ["REGEX"] and key != "IS_SPACE":
            tests.append(Test(position, frozenset(), regex=re.compile(value["REGEX"]), regex_results={}))
        else:
            return None
    return tuple(tests)


class RuleIndex:
    def __init__(self, rules: list[Rule], match_ids: list[int], strings: StringStore) -> None:
        self.match_ids = match_ids
        self.strings = strings
        # (column, value) -> (rule, the first token's other tests) for rules requiring that value
        self.by_value: dict[tuple[int, int], list[tuple[Rule, tuple[Test, ...]]]] = defaultdict(list)
        self.unindexed: list[tuple[Rule, tuple[Test, ...]]] = []
        for rule in rules:
            indexable = [t for t in rule.tokens[0] if t.regex is None and not t.negate]
            if not indexable:
                self.unindexed.append((rule, rule.tokens[0]))
                continue
            first = min(indexable, key=lambda t: INDEX_PREFERENCE.index(list(COLUMNS)[t.position]))
            rest = tuple(t for t in rule.tokens[0] if t is not first)
            for value in first.values:
                self.by_value[(first.position, value)].append((rule, rest))
        self.positions = sorted({key[0] for key in self.by_value})

    @classmethod
    def from_ruler(cls, ruler: Any) -> "RuleIndex | None":
        """The index for an AttributeRuler's rules, or None if one of them cannot be indexed."""
        rules = []
        for number, pattern in enumerate(ruler.patterns):
            index = pattern.get("index", 0)
            for token_specs in pattern["patterns"]:
                compiled = [compile_spec(spec) for spec in token_specs]
                if not compiled or any(tests is None for tests in compiled) or not 0 <= index < len(compiled):
                    return None
                rules.append(Rule(number, tuple(compiled)))  # type: ignore[arg-type]
        match_ids = [ruler.vocab.strings.add(str(number)) for number in range(len(ruler.patterns))]
        return cls(rules, match_ids, ruler.vocab.strings)

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """What ``AttributeRuler.match`` returns: (rule number, match id, start, end), sorted."""
        rows = [tuple(row) for row in doc.to_array(list(COLUMNS.values())).tolist()] if len(doc) else []
        found = set()
        for start, row in enumerate(rows):
            for position in self.positions:
                for rule, rest in self.by_value.get((position, row[position]), ()):
                    if (not rest and len(rule.tokens) == 1) or self._matches(rule, rest, rows, start):
                        found.add((rule.number, self.match_ids[rule.number], start, start + len(rule.tokens)))
            for rule, rest in self.unindexed:
                if self._matches(rule, rest, rows, start):
                    found.add((rule.number, self.match_ids[rule.number], start, start + len(rule.tokens)))
        return sorted(found)

    def _matches(self, rule: Rule, first_tests: tuple[Test, ...], rows: list[tuple], start: int) -> bool:
        if start + len(rule.tokens) > len(rows):
            return False
        if not all(test.passes(rows[start], self.strings) for test in first_tests):
            return False
        return all(test.passes(rows[start + offset], self.strings) for offset in range(1, len(rule.tokens)) for test in rule.tokens[offset])


def speed_up(ruler: Any) -> bool:
    """Give ``ruler`` the indexed match step when all its rules allow it; say whether it did."""
    index = RuleIndex.from_ruler(ruler)
    if index is None:
        return False
    ruler.match = index.match
    return True
