"""Where documents come from: files, folders (walked lazily), JSONL corpora, HTML pages and
stdin -> a stream of ``InputDocument`` (text, or the reason there is none).

Nothing here raises for a bad document: an unreadable, binary or undecodable file, or a bad
JSONL line, becomes a document with ``error`` set, and the stream goes on.
"""
from __future__ import annotations

import json
import os
import re
import stat
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Iterator

DEFAULT_GLOBS = {  # files picked up when walking a folder, by --input-format
    "auto": ("*.txt", "*.md", "*.html", "*.htm"),
    "text": ("*.txt", "*.md"),
    "html": ("*.html", "*.htm", "*.xhtml"),
    "jsonl": ("*.jsonl", "*.ndjson"),
}
STDIN_ID = "-"
INPUT_FORMATS = ("auto", "text", "html", "jsonl")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
_PLAINLY_HTML = re.compile(r"\A\s*(<!--.*?-->\s*)*<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>])", re.I | re.S)


@dataclass
class InputDocument:
    id: str
    text: str | None
    error: str | None = None
    meta: dict[str, Any] | None = None
    encoding: str | None = None
    input_format: str | None = None  # text, html (offsets refer to the extracted text) or jsonl


class InputError(ValueError):
    """A path or option given on the command line is unusable (a usage error)."""


@dataclass(frozen=True)
class Reader:
    """How to turn inputs into documents: the format and, for JSONL, the keys."""

    input_format: str = "auto"
    text_key: str = "text"
    id_key: str = "id"
    globs: tuple[str, ...] = ()  # empty: DEFAULT_GLOBS[input_format]

    def format_of(self, name: str, head: bytes = b"") -> str:
        if self.input_format != "auto":
            return self.input_format
        lowered = name.lower()
        if lowered.endswith(JSONL_SUFFIXES):
            return "jsonl"
        if lowered.endswith(HTML_SUFFIXES):
            return "html"
        if head and _PLAINLY_HTML.match(head[:4096].decode("utf-8", "replace")):
            return "html"
        return "text"


# --- bytes -> text ------------------------------------------------------------------------

def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding) from bytes: UTF-8 with or without BOM, UTF-16 with BOM, else the
    legacy encoding charset-normalizer finds. ValueError for binary or undecodable data."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    if b"\x00" in data[:8192]:
        raise ValueError("binary file (contains NUL bytes), skipped")
    try:
        if data.startswith(b"\xef\xbb\xbf"):
            return data[3:].decode("utf-8"), "utf-8-sig"
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        utf8_error = error
    from charset_normalizer import from_bytes

    candidates = list(from_bytes(data))
    if not candidates:
        raise ValueError(f"not valid UTF-8 (byte {utf8_error.start}) and no other encoding fits")
    # charset-normalizer's own ranking (its best() disagrees with it and picked cp775 for
    # English Windows-1252 text in testing); Windows-1252, the legacy encoding of most English
    # text, wins when it is about as clean as the first
    best = candidates[0]
    western = [m for m in candidates if m.encoding == "cp1252" and m.chaos <= best.chaos + 0.01]
    best = western[0] if western else best
    return str(best), best.encoding


def html_to_text(markup: str) -> str:
    """The article text of an HTML page (trafilatura's main-content extraction; its plain
    text conversion when it finds no article)."""
    import trafilatura

    text = trafilatura.extract(markup, include_comments=False, include_tables=False, favor_recall=True)
    if not text:
        text = trafilatura.html2txt(markup) or ""
    return text


def _document(doc_id: str, data: bytes, fmt: str) -> InputDocument:
    try:
        text, encoding = decode(data)
    except ValueError as error:
        return InputDocument(doc_id, None, str(error))
    if fmt == "html":
        try:
            return InputDocument(doc_id, html_to_text(text), encoding=encoding, input_format="html")
        except Exception as error:  # a parser failure on one page must not stop the corpus
            return InputDocument(doc_id, None, f"HTML extraction failed: {error}", encoding=encoding, input_format="html")
    return InputDocument(doc_id, text, encoding=encoding, input_format="text")


# --- JSONL corpora --------------------------------------------------------------------------

def jsonl_documents(lines: IO[bytes], name: str, reader: Reader) -> Iterator[InputDocument]:
    """One document per line: text from ``reader.text_key``, id from ``reader.id_key``
    (``name:line`` when absent), every other field kept in ``meta``."""
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        fallback_id = f"{name}:{number}"
        try:
            record = json.loads(raw)
        except ValueError as error:
            yield InputDocument(fallback_id, None, f"line {number}: not JSON ({error})")
            continue
        if not isinstance(record, dict):
            yield InputDocument(fallback_id, None, f"line {number}: not a JSON object")
            continue
        doc_id = record.get(reader.id_key)
        doc_id = fallback_id if doc_id is None else str(doc_id)
        text = record.get(reader.text_key)
        meta = {k: v for k, v in record.items() if k not in (reader.id_key, reader.text_key)}
        if not isinstance(text, str):
            problem = "missing" if text is None else "not a string"
            yield InputDocument(doc_id, None, f"line {number}: text key {reader.text_key!r} {problem}", meta=meta, input_format="jsonl")
            continue
        yield InputDocument(doc_id, text, meta=meta, encoding="utf-8", input_format="jsonl")


# --- files and folders ----------------------------------------------------------------------

def _special(path: Path) -> str | None:
    """Why ``path`` is not a regular file we should open (FIFOs would block), or None."""
    try:
        mode = path.stat().st_mode
    except OSError as error:
        return f"cannot read: {error.strerror or error}"
    if stat.S_ISREG(mode):
        return None
    return "not a regular file (FIFO, socket or device), skipped"


def read_file(path: Path, doc_id: str, reader: Reader) -> Iterator[InputDocument]:
    problem = _special(path)
    if problem:
        yield InputDocument(doc_id, None, problem)
        return
    try:
        if reader.format_of(path.name) == "jsonl":
            with path.open("rb") as lines:
                yield from jsonl_documents(lines, doc_id, reader)
            return
        data = path.read_bytes()
    except OSError as error:
        yield InputDocument(doc_id, None, f"cannot read: {error.strerror or error}")
        return
    yield _document(doc_id, data, reader.format_of(path.name, data[:4096]))


def walk(folder: Path, globs: tuple[str, ...]) -> Iterator[Path]:
    """Files under ``folder`` matching any glob, in sorted order, lazily; symlinked folders
    are not followed (no loops), unreadable folders are skipped."""
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs.sort()
        root_path = Path(root)
        for name in sorted(files):
            candidate = root_path / name
            if any(candidate.match(g) for g in globs):
                yield candidate


def check_paths(paths: list[str]) -> None:
    for given in paths:
        if given != STDIN_ID and not os.path.lexists(given):
            raise InputError(f"no such file or folder: {given}")


def input_files(paths: list[str], reader: Reader) -> Iterator[tuple[str, Path | None]]:
    """(id, path) for every input, ``None`` for stdin: what will be read, before reading it."""
    for given in paths or [STDIN_ID]:
        if given == STDIN_ID:
            yield STDIN_ID, None
        elif Path(given).is_dir():
            for file in walk(Path(given), reader.globs or DEFAULT_GLOBS[reader.input_format]):
                yield str(file), file
        else:
            yield given, Path(given)


def read_stdin(reader: Reader, stream: IO[bytes] | None = None) -> Iterator[InputDocument]:
    stream = stream if stream is not None else sys.stdin.buffer
    if reader.input_format == "jsonl":
        yield from jsonl_documents(stream, STDIN_ID, reader)
        return
    data = stream.read()
    yield _document(STDIN_ID, data, reader.format_of("", data[:4096]))


def iter_documents(paths: list[str], reader: Reader = Reader()) -> Iterator[InputDocument]:
    """Every document, one at a time: a file is read when its turn comes."""
    for doc_id, path in input_files(paths, reader):
        if path is None:
            yield from read_stdin(reader)
        else:
            yield from read_file(path, doc_id, reader)


def count_documents(paths: list[str], reader: Reader) -> int | None:
    """How many documents ``iter_documents`` will yield (for a progress bar), without decoding
    them; None when it cannot know (stdin)."""
    total = 0
    for _, path in input_files(paths, reader):
        if path is None:
            return None
        if reader.format_of(path.name) == "jsonl" and _special(path) is None:
            try:
                with path.open("rb") as lines:
                    total += sum(1 for line in lines if line.strip())
            except OSError:
                total += 1
        else:
            total += 1
    return total
