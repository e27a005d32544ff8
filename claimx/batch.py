"""Corpora beyond one machine: claimx on a Dask cluster (``pip install 'claimx[dask]'``).

The driver reads documents and cuts them into partitions; each partition is a task that a
Dask worker runs with its own pipeline (loaded once per worker process and cached); the
results come back to the driver, which writes one JSONL part per partition
(``part-00000.jsonl``, …) through a temporary file, so a part that exists is complete and a
rerun skips it. Workers need claimx and the model installed; they do not need the files.

    from dask.distributed import Client
    from claimx.batch import run_on_dask
    from claimx.inputs import iter_documents

    with Client("tcp://scheduler:8786") as client:
        run_on_dask(iter_documents(["corpus/"]), "out/", client)
"""
from __future__ import annotations

from collections import deque
from dataclasses import asdict, dataclass
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator

from .inputs import InputDocument
from .output import atomic_file
from .render.machine import dumps

if TYPE_CHECKING:
    from spacy.language import Language

_PIPELINES: dict[tuple[str | None, tuple[str, ...]], "Language"] = {}


def pipeline(model: str | None = None, lexicons: tuple[str, ...] = ()) -> "Language":
    """The claimx pipeline for ``model`` and ``lexicons``, loaded once per process."""
    key = (model, tuple(lexicons))
    if key not in _PIPELINES:
        from .api import load

        _PIPELINES[key] = load(model, lexicons)
    return _PIPELINES[key]


def extract_partition(records: list[dict[str, Any]], model: str | None = None, lexicons: tuple[str, ...] = (),
                      include_text: bool = False) -> list[dict[str, Any]]:
    """claimx output documents (plain dicts) for a partition of input records
    (``InputDocument`` fields: id, text, error, meta, encoding, input_format). Runs on a worker."""
    from .run import results

    nlp = pipeline(model, lexicons)
    inputs = [InputDocument(**record) for record in records]
    return [document.to_dict() for _, document in results(inputs, nlp, include_text, batch_size=32)]


def partitions(documents: Iterable[InputDocument], size: int) -> Iterator[list[dict[str, Any]]]:
    stream = iter(documents)
    while batch := list(islice(stream, size)):
        yield [asdict(document) for document in batch]


@dataclass
class DaskRun:
    parts_written: int = 0
    parts_skipped: int = 0  # already complete from an earlier run
    documents: int = 0
    attributions: int = 0
    errors: int = 0


def part_path(folder: Path, number: int) -> Path:
    return folder / f"part-{number:05d}.jsonl"


def write_part(path: Path, documents: list[dict[str, Any]]) -> None:
    with atomic_file(path, newline="\n") as out:
        out.writelines(dumps(document) + "\n" for document in documents)


def run_on_dask(documents: Iterable[InputDocument], output_dir: str | Path, client: Any, *,
                partition_size: int = 100, model: str | None = None, lexicons: Iterable[str] = (),
                include_text: bool = False, in_flight_per_worker: int = 2) -> DaskRun:
    """Fan ``documents`` out to the Dask cluster behind ``client`` in partitions of
    ``partition_size`` and write one JSONL part per partition into ``output_dir``. At most
    ``in_flight_per_worker`` partitions per worker are outstanding, so the driver's memory
    stays flat. Parts that already exist are skipped (the run resumes)."""
    folder = Path(output_dir)
    folder.mkdir(parents=True, exist_ok=True)
    workers = max(1, len(client.scheduler_info().get("workers", {})))
    lexicons = tuple(lexicons)
    summary = DaskRun()
    pending: deque = deque()

    def collect(number: int, future: Any) -> None:
        documents_out = future.result()
        write_part(part_path(folder, number), documents_out)
        summary.parts_written += 1
        summary.documents += len(documents_out)
        summary.attributions += sum(len(d["attributions"]) for d in documents_out)
        summary.errors += sum(d["error"] is not None for d in documents_out)

    for number, records in enumerate(partitions(documents, partition_size)):
        if part_path(folder, number).exists():
            summary.parts_skipped += 1
            continue
        pending.append((number, client.submit(extract_partition, records, model, lexicons, include_text, pure=False)))
        while len(pending) >= workers * in_flight_per_worker:
            collect(*pending.popleft())
    while pending:
        collect(*pending.popleft())
    return summary
