"""Where documents come from: files, folders (walked lazily), stdin -> (id, text | error)."""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

DEFAULT_GLOBS = ("*.txt", "*.md")
STDIN_ID = "-"


@dataclass
class InputDocument:
    id: str
    text: str | None
    error: str | None = None


class InputError(ValueError):
    """A path given on the command line does not exist (a usage error)."""


def decode(data: bytes) -> str:
    """Text from bytes: UTF-8 (with or without BOM) or UTF-16 with BOM; ValueError otherwise."""
    if data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff"):
        return data.decode("utf-16")
    if b"\x00" in data[:8192]:
        raise ValueError("binary file (contains NUL bytes), skipped")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValueError(f"not valid UTF-8 (byte {error.start})") from None


def read_file(path: Path, doc_id: str) -> InputDocument:
    try:
        return InputDocument(doc_id, decode(path.read_bytes()))
    except OSError as error:
        return InputDocument(doc_id, None, f"cannot read: {error.strerror or error}")
    except ValueError as error:
        return InputDocument(doc_id, None, str(error))


def walk(folder: Path, globs: tuple[str, ...]) -> Iterator[Path]:
    """Files under ``folder`` matching any glob, in sorted order, without following symlinked
    folders (no loops)."""
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs.sort()
        root_path = Path(root)
        for name in sorted(files):
            candidate = root_path / name
            if any(candidate.match(g) for g in globs) and candidate.is_file():
                yield candidate


def check_paths(paths: list[str]) -> None:
    for given in paths:
        if given != STDIN_ID and not Path(given).exists():
            raise InputError(f"no such file or folder: {given}")


def iter_documents(paths: list[str], globs: tuple[str, ...] = DEFAULT_GLOBS) -> Iterator[InputDocument]:
    """One document per file; ``-`` (or no path) reads stdin."""
    for given in paths or [STDIN_ID]:
        if given == STDIN_ID:
            data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode("utf-8")
            try:
                yield InputDocument(STDIN_ID, decode(data))
            except ValueError as error:
                yield InputDocument(STDIN_ID, None, str(error))
            continue
        path = Path(given)
        if path.is_dir():
            for file in walk(path, globs):
                yield read_file(file, str(file))
        else:
            yield read_file(path, given)
