"""Hard-wrap every text of a folder at a column, the way text dumps and e-mail do, to measure
how claimx reads wrapped input against the same gold (docs/accuracy.md):

    python tools/rewrap.py ../shared/corpora/polnear/dev/text /tmp/wrapped/text [--width 72]

A space is replaced by a line break, so the length and every offset stay the same and the
original gold annotations still apply. Existing line breaks are kept.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def rewrap(text: str, width: int) -> str:
    chars = list(text)
    column, last_space = 0, None
    for index, char in enumerate(chars):
        if char == "\n":
            column, last_space = 0, None
            continue
        if char == " ":
            last_space = index
        column += 1
        if column > width and last_space is not None:
            chars[last_space] = "\n"
            column, last_space = index - last_space, None
    return "".join(chars)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("source", type=Path, help="folder of .txt files")
    parser.add_argument("target", type=Path, help="folder to write the wrapped copies to")
    parser.add_argument("--width", type=int, default=72)
    args = parser.parse_args(argv)
    files = sorted(args.source.glob("*.txt"))
    if not files:
        parser.error(f"{args.source}: no .txt files")
    args.target.mkdir(parents=True, exist_ok=True)
    for path in files:
        (args.target / path.name).write_text(rewrap(path.read_text(encoding="utf-8"), args.width), encoding="utf-8")
    print(f"wrapped {len(files)} files at {args.width} columns into {args.target}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
