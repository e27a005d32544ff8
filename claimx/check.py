"""Newsroom policy checks over extraction results: each hit has a location (line:column) in
the document's text, so editors can jump to it, as with a linter."""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any, Iterator

from .records import Attribution, DocumentResult

CONDITIONS = ("hedged", "anonymous-source", "unattributed-quote", "distancing-cue")
# a quotation of four words or more between matching marks, on one line
QUOTATION = re.compile(r"“[^”\n]*”|\"[^\"\n]*\"|«[^»\n]*»")
MIN_QUOTE_WORDS = 4


@dataclass
class Hit:
    document: str
    line: int
    column: int
    condition: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def __str__(self) -> str:
        return f"{self.document}:{self.line}:{self.column}: {self.condition}: {self.message}"


def position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _describe(a: Attribution) -> str:
    who = a.source.text if a.source else "(no source)"
    content = a.content.text if len(a.content.text) <= 60 else a.content.text[:57] + "..."
    return f"{who} {a.cue.text}: {content!r}"


def attribution_hits(a: Attribution, conditions: set[str]) -> Iterator[tuple[str, int, str]]:
    """(condition, offset, message) for one attribution."""
    if "hedged" in conditions and a.hedged:
        markers = ", ".join(f"{h.text} ({h.category})" for h in a.hedges)
        yield "hedged", a.cue.start, f"{_describe(a)} hedged by {markers}"
    if "anonymous-source" in conditions and a.source is not None and a.source.kind == "anonymous":
        yield "anonymous-source", a.source.start, f"anonymous source {a.source.text!r} for {a.content.text[:60]!r}"
    if "distancing-cue" in conditions and a.cue.stance == "distancing":
        yield "distancing-cue", a.cue.start, f"distancing cue {a.cue.text!r}: {_describe(a)}"
    if "unattributed-quote" in conditions and a.source is None and a.kind in ("direct", "mixed"):
        yield "unattributed-quote", a.content.start, f"quotation with no source: {a.content.text[:60]!r}"


def unattributed_quotations(document: DocumentResult, text: str) -> Iterator[tuple[int, str]]:
    """Quotations of MIN_QUOTE_WORDS words or more that no attribution's content covers."""
    covered = [(s, e) for a in document.attributions for s, e in a.content.spans]
    for match in QUOTATION.finditer(text):
        if len(match.group().split()) < MIN_QUOTE_WORDS:
            continue
        if not any(s <= match.start() + 1 and match.end() - 1 <= e for s, e in covered):
            yield match.start(), f"quotation with no attribution: {match.group()[:60]!r}"


def check(document: DocumentResult, text: str, conditions: set[str]) -> list[Hit]:
    found: list[tuple[int, str, str]] = []
    for a in document.attributions:
        found.extend((offset, condition, message) for condition, offset, message in attribution_hits(a, conditions))
    if "unattributed-quote" in conditions:
        found.extend((offset, "unattributed-quote", message) for offset, message in unattributed_quotations(document, text))
    return [Hit(document.id, *position(text, offset), condition, message) for offset, condition, message in sorted(found)]
