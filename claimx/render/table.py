"""A readable Rich table per document: Source | Cue | Content | Hedges, hedges highlighted.

Article text is never read as Rich markup (everything goes through ``Text``), and control
characters (ANSI escapes included) are replaced before they reach the terminal.
"""
from __future__ import annotations

import unicodedata
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..records import Attribution, DocumentResult

CONTENT_LIMIT = 400  # characters of content shown before it is cut with an ellipsis
HEDGE_STYLE = "bold yellow"


def safe(text: str) -> str:
    """Control and format characters become visible placeholders; newlines become spaces."""
    out = []
    for char in text:
        if char in "\n\r\t":
            out.append(" ")
        elif unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co") :
            out.append("\ufffd")
        else:
            out.append(char)
    return "".join(out)


def content_text(attribution: Attribution) -> Text:
    content = attribution.content
    shown = content.text[:CONTENT_LIMIT]
    text = Text(safe(shown))
    for hedge in attribution.hedges:
        start, end = hedge.start - content.start, hedge.end - content.start
        if 0 <= start < len(shown):
            text.stylize(HEDGE_STYLE, start, min(end, len(shown)))
    if len(content.text) > CONTENT_LIMIT:
        text.append("…")
    return text


def source_text(attribution: Attribution) -> Text:
    source = attribution.source
    if source is None:
        return Text("—", style="dim")
    text = Text(safe(source.text), style="bold")
    if source.resolved and source.resolved != source.text:
        text.append(f"\n→ {safe(source.resolved)}", style="cyan")
    return text


def cue_text(attribution: Attribution) -> Text:
    cue = attribution.cue
    text = Text(safe(cue.text), style="green")
    text.append(f"\n{cue.type}", style="dim")
    if cue.stance != "neutral":
        text.append(f" · {cue.stance}", style="magenta")
    return text


def hedges_text(attribution: Attribution) -> Text:
    if not attribution.hedges:
        return Text("")
    return Text("\n".join(f"{safe(h.text)} ({h.category})" for h in attribution.hedges), style=HEDGE_STYLE)


def render_document(document: DocumentResult, console: Console) -> None:
    title = Text(safe(document.id), style="bold")
    if document.error:
        console.print(Text.assemble(title, (f"  error: {safe(document.error)}", "red")))
        return
    if not document.attributions:
        console.print(Text.assemble(title, ("  no attributions found", "dim")))
        return
    table = Table(title=title, title_justify="left", show_lines=True, expand=True)
    table.add_column("#", justify="right", style="dim", no_wrap=True)
    table.add_column("Source", ratio=2)
    table.add_column("Cue", ratio=1)
    table.add_column("Content", ratio=5)
    table.add_column("Hedges", ratio=2)
    for attribution in document.attributions:
        number = str(attribution.id) if attribution.parent is None else f"{attribution.id}↳{attribution.parent}"
        marker = "⚠ " if attribution.hedged else ""
        table.add_row(Text(marker + number), source_text(attribution), cue_text(attribution), content_text(attribution), hedges_text(attribution))
    console.print(table)


class TableWriter:
    def __init__(self, out: Any, header: dict[str, Any]) -> None:
        self.console = Console(file=out, highlight=False, emoji=False, markup=False)

    def write(self, document: DocumentResult) -> None:
        render_document(document, self.console)

    def close(self) -> None:
        pass
