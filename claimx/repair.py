"""Scraped-text fixes that keep every offset pointing into the original input.

``repair()`` returns the text the parser sees plus a map back to the original:
- words glued by scraping ("…yetPeskov told TASS") are split by inserting ", " (the usual
  lost material is a closing quote and comma), when the split is plainly right;
- boilerplate lines ("See also …", "Leave a Reply") are blanked with spaces, same length,
  and a dateline's dash ("WASHINGTON (AP) — …") becomes a paragraph break;
- hard-wrapped prose ("… that the bridge\nwould reopen …", as text dumps and e-mail have
  it) is unwrapped: a line break inside a paragraph becomes a space, same length;
- runs of more than ``LONGEST_WORD`` characters without white space (base64 images, minified
  scripts, a megabyte of punctuation) are blanked too: no word is that long, and the
  tokenizer's prefix and suffix search is quadratic in the length of one.
``chunks()`` cuts very long texts at paragraph breaks. This module imports nothing of claimx.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

GLUE_SEPARATOR = ", "
# a lower-case word of 2+ letters directly followed by a capitalised word of 2+ letters
GLUED = re.compile(r"\b([a-z]{2,})([A-Z][a-z]{2,})\b")
LONGEST_WORD = 300
LONG_RUN = re.compile(r"\S{%d,}" % (LONGEST_WORD + 1))


@dataclass
class Repaired:
    text: str
    original: str
    insertions: list[int] = field(default_factory=list)  # original offsets where GLUE_SEPARATOR went in
    _cache: list[int] = field(default_factory=list, repr=False, compare=False)

    def to_original(self, position: int) -> int:
        """Map an offset in the repaired text to the original text; an offset inside an
        inserted separator maps to the split point."""
        width = len(GLUE_SEPARATOR)
        # insertions before ``position``: the last index whose repaired offset is <= position
        index = bisect.bisect_right(self._repaired_at, position) - 1
        if index < 0:
            return position
        if position < self._repaired_at[index] + width:
            return self.insertions[index]
        return position - (index + 1) * width

    @property
    def _repaired_at(self) -> list[int]:
        if len(self._cache) != len(self.insertions):
            width = len(GLUE_SEPARATOR)
            self._cache[:] = [at + index * width for index, at in enumerate(self.insertions)]
        return self._cache

    def span(self, start: int, end: int) -> tuple[int, int]:
        if not self.insertions:
            return start, end
        return self.to_original(start), self.to_original(end)


def blank_boilerplate(text: str, patterns: Iterable[re.Pattern[str]]) -> str:
    """Replace whole lines that match a boilerplate pattern by spaces (offsets unchanged). A
    pattern with a group named ``paragraph_break`` keeps the line and turns that group into a
    paragraph break instead: the dash of a dateline ("WASHINGTON (AP) — Officials said …"),
    which the parser would otherwise read as part of the first sentence."""
    patterns = list(patterns)
    if not patterns:
        return text
    out = []
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        stripped = body.strip()
        match = next((m for m in (p.fullmatch(stripped) for p in patterns) if m), None) if stripped else None
        if match is not None and "paragraph_break" in match.re.groupindex and match.group("paragraph_break"):
            lead = len(body) - len(body.lstrip())
            start, end = (lead + i for i in match.span("paragraph_break"))
            line = line[:start] + _paragraph_break(end - start) + line[end:]
        elif match is not None:
            line = " " * len(body) + line[len(body) :]
        out.append(line)
    return "".join(out)


def _paragraph_break(width: int) -> str:
    """A blank line in ``width`` characters (one line break when there is room for no more)."""
    return "\n" if width == 1 else " " * (width - 2) + "\n\n"


SENTENCE_END = frozenset(".!?…:;\"”’'")
# a line break with text on both sides: the last character before it and the first after it
LINE_BREAK = re.compile(r"(\S)[ \t\r]*\n[ \t]*(?=(\S))")


def unwrap_lines(text: str) -> str:
    """Replace the line breaks inside paragraphs of hard-wrapped text by spaces.

    A break is a wrap when the line before does not end a sentence and the next line starts
    in lower case; those are always unwrapped. When there are at least three and they are
    most of the breaks after such open lines, the text is hard-wrapped, and every break
    between two non-blank lines is unwrapped ("… that\nPresident Obama …", "… on Sept.\n11"):
    only blank lines then separate paragraphs and headlines."""
    breaks = [(m.end(1) + m.group(0)[1:].index("\n"), m.group(1), m.group(2)) for m in LINE_BREAK.finditer(text)]
    open_lines = [b for b in breaks if b[1] not in SENTENCE_END]
    wraps = [b for b in open_lines if b[2].islower()]
    hard_wrapped = len(wraps) >= 3 and 2 * len(wraps) >= len(open_lines)
    unwrap = breaks if hard_wrapped else wraps
    if not unwrap:
        return text
    chars = list(text)
    for at, _, _ in unwrap:
        chars[at] = " "
    return "".join(chars)


def blank_long_runs(text: str) -> str:
    """Replace every run of non-space characters longer than ``LONGEST_WORD`` by spaces."""
    return LONG_RUN.sub(lambda m: " " * len(m.group()), text)


def glued_splits(text: str, is_known_word: Callable[[str], bool]) -> list[int]:
    """Offsets where two words were glued together: "yetPeskov" -> split before "Peskov".

    The left part must be a known lower-case word, the right part a known word or a name
    that also stands on its own elsewhere in the text; camel-case names (iPhone, YouTube,
    McDonald) fail these tests.
    """
    splits = []
    for match in GLUED.finditer(text):
        left, right = match.group(1), match.group(2)
        if not is_known_word(left):
            continue
        standalone = re.search(rf"(?<![A-Za-z]){re.escape(right)}(?![a-z])", text[: match.start()] + " " + text[match.end():])
        if standalone or is_known_word(right.lower()):
            splits.append(match.start(2))
    return splits


def repair(text: str, is_known_word: Callable[[str], bool], boilerplate: Iterable[re.Pattern[str]] = ()) -> Repaired:
    cleaned = blank_long_runs(unwrap_lines(blank_boilerplate(text, boilerplate)))
    splits = glued_splits(cleaned, is_known_word)
    if not splits:
        return Repaired(cleaned, text)
    pieces, previous = [], 0
    for at in splits:
        pieces.append(cleaned[previous:at])
        pieces.append(GLUE_SEPARATOR)
        previous = at
    pieces.append(cleaned[previous:])
    return Repaired("".join(pieces), text, splits)


def chunks(text: str, limit: int) -> Iterator[tuple[int, str]]:
    """Pieces of at most ``limit`` characters, cut after a newline where possible, else after
    white space, else hard; yields (offset, piece)."""
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = window.rfind("\n") + 1
        if cut <= limit // 4:
            spaces = [m.end() for m in re.finditer(r"\s+", window)]
            cut = spaces[-1] if spaces and spaces[-1] > limit // 4 else limit
        yield start, text[start : start + cut]
        start += cut
    if start < len(text) or start == 0:
        yield start, text[start:]
