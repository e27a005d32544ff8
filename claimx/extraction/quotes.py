"""Quotation spans: every quote style, unbalanced marks tolerated, paragraph-spanning quotes.

A quote is (start, end) in character offsets of ``doc.text``, marks included. Never raises.
"""
from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Doc, Token

OPENING = {"“": "”", "«": "»", "„": "”", "‘": "’", "``": "''", "‹": "›"}
CLOSING = {"”", "»", "’", "''", "›"}
STRAIGHT = {'"'}
TWO_APOSTROPHES = "''"  # opens as well as closes in text typed with '' for both (NYT archives)
SINGLE = {"‘", "’", "‹", "›"}


class Quote(NamedTuple):
    start: int  # offset of the opening mark
    end: int  # offset after the closing mark (or the paragraph's end when left open)
    closed: bool


def find_quotes(doc: Doc) -> list[Quote]:
    quotes: list[Quote] = []
    open_at: int | None = None  # char offset of the open mark
    open_mark = ""
    inner = False  # a straight-quoted phrase inside a curly quotation is open
    reopening = -1  # index of the mark that reopens a quotation running on into a new paragraph
    for token in doc:
        text = _mark(token)
        if text is None or token.i == reopening:
            continue  # the second half of a mark split in two; a mark that only reopens
        if token.is_space:
            if open_at is not None and "\n" in text:
                following = _next_non_space(doc, token.i)
                if following is not None and following.text in (open_mark, *OPENING, *STRAIGHT):
                    reopening = following.i
                    continue  # a quote running on over a paragraph break reopens there
                quotes.append(Quote(open_at, _trim_end(doc, token.i), False))
                open_at = None
            continue
        if open_at is None:
            if text in OPENING or text in STRAIGHT or text == TWO_APOSTROPHES or _closer_opening_a_paragraph(token):
                open_at, open_mark, inner = token.idx, text, False
            continue
        if open_mark == "“" and text in STRAIGHT and (inner or _after_space(token)):
            inner = not inner  # “He said "no" twice”: the inner pair opens after a space
            continue
        if open_mark in SINGLE and text in ("“", '"', "``"):
            open_at, open_mark = token.idx, text  # a stray single mark before the real quote
            continue
        if text in STRAIGHT and open_mark in STRAIGHT or (text in CLOSING and open_mark not in STRAIGHT) or _mixed_close(token, text, open_mark):
            if open_mark not in SINGLE and text in SINGLE:
                continue  # nested single quote inside a double one
            quotes.append(Quote(open_at, token.idx + len(text), True))
            open_at = None
    if open_at is not None:
        quotes.append(Quote(open_at, _trim_end(doc, len(doc)), False))
    return [q for q in quotes if q.end - q.start > 2]


def _mixed_close(token: Token, text: str, open_mark: str) -> bool:
    """Marks mixed by hand or by a scraper: “…" and "…” are quotations too, and so is “…“
    (closed by an opening mark glued to the word before it). A straight mark closes a curly
    one only right after a word ("“no evidence" yet")."""
    if open_mark in STRAIGHT:
        return text == "”"
    if text == "“" and open_mark == "“":
        return not _after_space(token) and bool(token.whitespace_)  # “No,“ he said: an opening mark typed for the closing one
    return text in STRAIGHT and open_mark == "“" and not _after_space(token)


def _after_space(token: Token) -> bool:
    return token.i == 0 or bool(token.doc[token.i - 1].whitespace_) or token.doc[token.i - 1].is_space


def _closer_opening_a_paragraph(token: Token) -> bool:
    """A closing mark typed where an opening one belongs: ”Text …” at the start of a line."""
    doc = token.doc
    if token.text != "”" or token.i + 1 >= len(doc) or doc[token.i + 1].is_space or token.whitespace_:
        return False
    return token.i == 0 or (doc[token.i - 1].is_space and "\n" in doc[token.i - 1].text)


def _mark(token: Token) -> str | None:
    """The token's text, with "``" made whole where the tokenizer split it into two "`", and a
    closing mark alone where a signing dash is glued to it ("”―")."""
    doc = token.doc
    if len(token.text) == 2 and token.text[0] in CLOSING and token.text[1] in "―—":
        return token.text[0]
    if token.text == "`":
        if token.i + 1 < len(doc) and doc[token.i + 1].text == "`" and not token.whitespace_:
            return "``"
        if token.i > 0 and doc[token.i - 1].text == "`" and not doc[token.i - 1].whitespace_:
            return None
    return token.text


def _next_non_space(doc: Doc, index: int):
    for token in doc[index + 1 :]:
        if not token.is_space:
            return token
    return None


def _trim_end(doc: Doc, index: int) -> int:
    """End offset of the last non-space token before token ``index``."""
    for token in reversed(doc[:index]):
        if not token.is_space:
            return token.idx + len(token.text)
    return 0


def inner(quote: Quote, text: str) -> tuple[int, int]:
    """The quoted words without the marks."""
    start, end = quote.start, quote.end
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not (text[end - 1].isalnum() or text[end - 1] in ".!?%)"):
        end -= 1
    return start, end
