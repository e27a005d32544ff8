"""JSON, JSONL and CSV output. JSON is streamed document by document; JSONL is flushed per line."""
from __future__ import annotations

import csv
import io
import json
from typing import IO, Any

from ..records import DocumentResult

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
CSV_COLUMNS = [
    "document", "attribution", "kind", "rule", "source", "source_kind", "resolved", "cue", "cue_lemma", "cue_type",
    "stance", "content", "addressee", "hedges", "hedged", "parent",
    "source_start", "source_end", "cue_start", "cue_end", "content_start", "content_end",
]


def dumps(data: Any) -> str:
    """JSON that is always valid: lone surrogates in the input are escaped, not crashed on."""
    text = json.dumps(data, ensure_ascii=False)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = json.dumps(data, ensure_ascii=True)
    return text


class JsonWriter:
    def __init__(self, out: IO[str], header: dict[str, Any]) -> None:
        self.out = out
        self.count = 0
        self.out.write(dumps(header)[:-1] + ', "documents": [')

    def write(self, document: DocumentResult) -> None:
        # one line in all: readers that split JSON Lines on "\n{" must not mistake it for JSONL
        self.out.write(("" if self.count == 0 else ", ") + dumps(document.to_dict()))
        self.count += 1

    def close(self) -> None:
        self.out.write("]}\n")
        self.out.flush()


class JsonlWriter:
    def __init__(self, out: IO[str], header: dict[str, Any]) -> None:
        self.out = out

    def write(self, document: DocumentResult) -> None:
        self.out.write(dumps(document.to_dict()) + "\n")
        self.out.flush()

    def close(self) -> None:
        self.out.flush()


def safe_cell(value: Any) -> str:
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


class CsvWriter:
    def __init__(self, out: IO[str], header: dict[str, Any]) -> None:
        self.out = out
        self.writer = csv.writer(out, lineterminator="\n")
        self.writer.writerow(CSV_COLUMNS)

    def write(self, document: DocumentResult) -> None:
        for a in document.attributions:
            source = a.source
            row = [
                document.id, a.id, a.kind, a.rule,
                source.text if source else "", source.kind if source else "", source.resolved if source else "",
                a.cue.text, a.cue.lemma, a.cue.type, a.cue.stance, a.content.text,
                a.addressee.text if a.addressee else "", ";".join(h.text for h in a.hedges), a.hedged,
                "" if a.parent is None else a.parent,
                source.start if source else "", source.end if source else "",
                a.cue.start, a.cue.end, a.content.start, a.content.end,
            ]
            self.writer.writerow([safe_cell(v) for v in row])
        self.out.flush()

    def close(self) -> None:
        self.out.flush()


def to_csv(documents: list[DocumentResult]) -> str:
    buffer = io.StringIO()
    writer = CsvWriter(buffer, {})
    for document in documents:
        writer.write(document)
    return buffer.getvalue()
