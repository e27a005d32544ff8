"""One extraction run: input documents -> ``extract_documents`` -> filtered results -> a
writer, with a running summary. The CLI builds the pieces; this joins them."""
from __future__ import annotations

import collections
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Protocol

from .inputs import InputDocument
from .records import DocumentResult

if TYPE_CHECKING:
    from spacy.language import Language


class Writer(Protocol):
    def write(self, document: DocumentResult) -> None: ...

    def close(self) -> None: ...


@dataclass
class Summary:
    documents: int = 0
    attributions: int = 0
    errors: int = 0
    skipped: int = 0  # already in the output (--resume)
    words: int = 0
    started: float = field(default_factory=time.perf_counter)

    @property
    def seconds(self) -> float:
        return time.perf_counter() - self.started

    def line(self) -> str:
        rate = self.words / self.seconds if self.seconds > 0 else 0.0
        skipped = f", {self.skipped} skipped (already done)" if self.skipped else ""
        return (f"{self.documents} documents, {self.attributions} attributions, {self.errors} errors{skipped} "
                f"in {self.seconds:.1f} s ({rate:,.0f} words/s)")


@dataclass(frozen=True)
class Keep:
    """Which attributions to keep: cue types (None = all) and hedged only."""

    cue_types: frozenset[str] | None = None
    hedged_only: bool = False

    def __call__(self, document: DocumentResult) -> DocumentResult:
        if self.cue_types or self.hedged_only:
            document.attributions = [
                a for a in document.attributions
                if (not self.cue_types or a.cue.type in self.cue_types) and (not self.hedged_only or a.hedged)
            ]
        return document


def results(inputs: Iterable[InputDocument], nlp: "Language", include_text: bool = False,
            batch_size: int = 32, n_process: int = 1) -> Iterator[tuple[InputDocument, DocumentResult]]:
    """Each input with its result, in input order. A document that could not be read keeps
    its reading error; its text is parsed as empty."""
    from .api import extract_documents

    waiting: collections.deque[InputDocument] = collections.deque()

    def texts() -> Iterator[tuple[str, str]]:
        for item in inputs:
            waiting.append(item)
            yield item.id, item.text or ""

    for document in extract_documents(texts(), nlp, batch_size=batch_size, n_process=n_process):
        item = waiting.popleft()
        document.error = item.error or document.error
        document.meta, document.encoding, document.input_format = item.meta, item.encoding, item.input_format
        if item.text is not None and (include_text or item.input_format == "html"):
            document.text = item.text
        yield item, document


def run(inputs: Iterable[InputDocument], nlp: "Language", writer: Writer, keep: Keep = Keep(), *,
        include_text: bool = False, batch_size: int = 32, n_process: int = 1,
        on_document: Callable[[DocumentResult, int], None] = lambda document, words: None,
        summary: Summary | None = None) -> Summary:
    """Extract every input and write it; ``on_document`` sees each result (for progress and
    error messages). The writer is closed only when the run completes."""
    summary = summary or Summary()
    for item, document in results(inputs, nlp, include_text, batch_size, n_process):
        words = len(item.text.split()) if item.text else 0
        summary.documents += 1
        summary.words += words
        summary.errors += document.error is not None
        document = keep(document)
        summary.attributions += len(document.attributions)
        writer.write(document)
        on_document(document, words)
    writer.close()
    return summary
