"""Where results go: stdout, or a file written so that finished work is never lost.

- JSONL to a file is appended and flushed document by document; ``--resume`` reads the ids
  already there (dropping a last line cut off mid-write) and skips those documents.
- Every other format is written to a temporary file beside the target and renamed over it
  only when the run completes, so an interrupted run leaves no truncated file behind.
"""
from __future__ import annotations

import json
import os
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterator


class OutputError(ValueError):
    """The output file cannot be used as asked (a usage error)."""


def finished_ids(path: Path) -> set[str]:
    """Ids of the documents already in a JSONL output. A last line without its newline (the
    run was killed mid-write) is cut off the file, so appending continues cleanly."""
    if not path.exists():
        return set()
    ids: set[str] = set()
    keep = 0  # bytes of complete, valid lines
    with path.open("rb") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.endswith(b"\n"):
                break
            try:
                record = json.loads(line)
                ids.add(str(record["id"]))
            except (ValueError, KeyError, TypeError):
                if line.strip():
                    raise OutputError(f"{path}:{number}: not a claimx JSONL line; cannot resume into this file") from None
            keep += len(line)
    if keep < path.stat().st_size:
        with path.open("r+b") as handle:
            handle.truncate(keep)
    return ids


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def check_resume(path: str | None, fmt: str) -> None:
    """--resume appends to a JSONL file: anything else is a usage error, found before reading."""
    if path is None or path == "-" or fmt != "jsonl":
        raise OutputError("--resume needs --output FILE with --format jsonl (JSON and CSV are written whole)")


@contextmanager
def destination(path: str | None, fmt: str, resume: bool = False) -> Iterator[IO[str]]:
    """A text stream for the results: stdout, a JSONL file (appended to when ``resume``), or
    an atomic file."""
    if resume:
        check_resume(path, fmt)
    if path is None or path == "-":
        yield sys.stdout
        return
    target = Path(path)
    if target.is_dir():
        raise OutputError(f"--output {path} is a folder")
    if not target.parent.exists():
        raise OutputError(f"--output {path}: folder {target.parent} does not exist")
    if fmt == "jsonl":
        with target.open("a" if resume else "w", encoding="utf-8", newline="\n") as out:
            yield out
        return
    with atomic_file(target) as out:
        yield out


@contextmanager
def atomic_file(target: Path, newline: str = "") -> Iterator[IO[str]]:
    """A text file that appears at ``target`` whole, or not at all: written beside it under a
    temporary name and renamed over it only when the block completes."""
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline=newline) as out:
            yield out
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp makes 0600; give the usual mode
        os.replace(temporary, target)
    except BaseException:
        os.unlink(temporary)
        raise
