"""A self-contained HTML report: each article with its attributions painted on it.

No external scripts, fonts or network; it opens straight from disk. Every piece of article
text goes through ``html.escape``. The text is cut into segments at every span boundary;
each segment names the spans covering it in ``data-spans`` (``a3-source``, ``a3-cue``,
``a3-content``, ``h5``) and carries the matching classes, so nested and overlapping spans
stay visible. Colour is never the only signal: sources are underlined, cues bold with a
double underline, contents on a tint with a dotted underline, hedges italic with a wavy
underline, and the legend says so. Reading needs no JavaScript; a small script only links a
click on a span to its attribution's details.
"""
from __future__ import annotations

import collections
import html
from typing import IO, Any

from ..records import Attribution, DocumentResult

STYLE = """
body{font:16px/1.6 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1a1a1a;background:#fff;max-width:60rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:2.5rem;border-top:1px solid #999;padding-top:1rem;word-break:break-all}
table.summary{border-collapse:collapse;margin:.5rem 0 1rem}table.summary th,table.summary td{border:1px solid #888;padding:.2rem .6rem;text-align:left}
.article{white-space:pre-wrap;border:1px solid #bbb;padding:1rem;background:#fcfcfc}
.source{text-decoration:underline solid #0b4f8a 2px;text-underline-offset:3px;color:#0b3d6b}
.cue{font-weight:700;text-decoration:underline double #7a1f6b;color:#5c124f}
.content{background:#fff2c6;text-decoration:underline dotted #8a6d00;text-underline-offset:5px}
.content.depth2{background:#ffd98a}.content.depth3{background:#ffc04d}
.hedge{font-style:italic;text-decoration:underline wavy #b30000;color:#8b0000}
.selected{outline:2px solid #000;outline-offset:1px}
.legend span{margin-right:1.2rem}
details{margin:.3rem 0;border-left:3px solid #888;padding-left:.6rem}details.nested{margin-left:1.5rem}
summary{cursor:pointer}dl{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem;margin:.3rem 0}dt{font-weight:600}dd{margin:0}
.label{font-size:.75rem;font-weight:700;border:1px solid currentColor;border-radius:3px;padding:0 .25rem;margin-right:.3rem}
.error{color:#8b0000;font-weight:700}
"""

SCRIPT = """
document.addEventListener('click', function (event) {
  var node = event.target.closest('[data-spans]');
  if (!node) return;
  var ids = node.getAttribute('data-spans').split(' ').filter(function (s) { return s.charAt(0) === 'a'; });
  if (!ids.length) return;
  var attribution = ids[ids.length - 1].split('-')[0];
  var article = node.closest('section');
  article.querySelectorAll('.selected').forEach(function (n) { n.classList.remove('selected'); });
  article.querySelectorAll('[data-spans~="' + attribution + '-source"],[data-spans~="' + attribution + '-cue"],[data-spans~="' + attribution + '-content"]')
    .forEach(function (n) { n.classList.add('selected'); });
  var details = article.querySelector('details[data-attribution="' + attribution + '"]');
  if (details) { details.open = true; details.scrollIntoView({block: 'nearest'}); }
});
"""

LEGEND = ('<p class="legend"><span class="source">source (underlined)</span><span class="cue">cue (bold, double underline)</span>'
          '<span class="content">content (tinted, dotted underline; deeper tint when nested)</span>'
          '<span class="hedge">hedge (italic, wavy underline)</span></p>')


def esc(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def depths(attributions: list[Attribution]) -> dict[int, int]:
    parent = {a.id: a.parent for a in attributions}
    result = {}
    for a in attributions:
        depth, current, seen = 1, a.parent, set()
        while current is not None and current not in seen and current in parent:
            seen.add(current)
            depth, current = depth + 1, parent[current]
        result[a.id] = depth
    return result


def labelled_spans(document: DocumentResult) -> list[tuple[int, int, str, str]]:
    """(start, end, span id, classes) for every source, cue, content piece and hedge."""
    depth = depths(document.attributions)
    spans = []
    for a in document.attributions:
        if a.source is not None:
            spans.append((a.source.start, a.source.end, f"a{a.id}-source", "source"))
        spans.append((a.cue.start, a.cue.end, f"a{a.id}-cue", "cue"))
        for start, end in a.content.spans:
            spans.append((start, end, f"a{a.id}-content", f"content depth{min(depth[a.id], 3)}"))
    for number, hedge in enumerate(document.hedges):
        spans.append((hedge.start, hedge.end, f"h{number}", "hedge"))
    return [s for s in spans if 0 <= s[0] < s[1]]


def painted(text: str, spans: list[tuple[int, int, str, str]], titles: dict[str, str]) -> str:
    """The text cut at every span boundary; each covered segment is a <span> naming its spans."""
    cuts = sorted({0, len(text), *(s for s, _, _, _ in spans if s <= len(text)), *(e for _, e, _, _ in spans if e <= len(text))})
    starting = collections.defaultdict(list)
    for span in spans:
        starting[span[0]].append(span)
    active: list[tuple[int, int, str, str]] = []
    out = []
    for left, right in zip(cuts, cuts[1:]):
        active = [s for s in active if s[1] > left] + starting.get(left, [])
        piece = esc(text[left:right])
        if not active:
            out.append(piece)
            continue
        ids = " ".join(s[2] for s in active)
        classes = " ".join(dict.fromkeys(c for s in active for c in s[3].split()))
        title = "; ".join(dict.fromkeys(titles[s[2].split("-")[0]] for s in active if s[2].split("-")[0] in titles))
        out.append(f'<span class="{esc(classes)}" data-spans="{esc(ids)}" title="{esc(title)}">{piece}</span>')
    return "".join(out)


def describe(a: Attribution) -> str:
    source = a.source.resolved or a.source.text if a.source else "no source"
    hedges = ", ".join(f"{h.text} ({h.category})" for h in a.hedges) or "none"
    return f"#{a.id}: {source} — {a.cue.text} ({a.cue.type}, {a.cue.stance}); hedges: {hedges}"


def details(a: Attribution) -> str:
    rows = [
        ("source", a.source.text if a.source else "—"), ("resolved", a.source.resolved if a.source else "—"),
        ("source kind", a.source.kind if a.source else "—"), ("cue", a.cue.text), ("cue type", a.cue.type),
        ("stance", a.cue.stance), ("addressee", a.addressee.text if a.addressee else "—"),
        ("content", a.content.text), ("kind", a.kind),
        ("hedges", ", ".join(f"{h.text} ({h.category})" for h in a.hedges) or "none"),
        ("nested in", f"#{a.parent}" if a.parent is not None else "—"), ("rule", a.rule),
    ]
    body = "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in rows)
    nested = ' class="nested"' if a.parent is not None else ""
    hedged = '<span class="label">HEDGED</span>' if a.hedged else ""
    who = a.source.text if a.source else "(no source)"
    return (f'<details{nested} data-attribution="a{a.id}"><summary>{hedged}#{a.id} {esc(who)} '
            f'<b>{esc(a.cue.text)}</b>: {esc(a.content.text[:120])}</summary><dl>{body}</dl></details>')


def summary_table(document: DocumentResult) -> str:
    attributions = document.attributions
    hedged = sum(a.hedged for a in attributions)
    anonymous = sum(1 for a in attributions if a.source is not None and a.source.kind == "anonymous")
    sources = collections.Counter((a.source.resolved or a.source.text) for a in attributions if a.source is not None)
    top = ", ".join(f"{name} ({count})" for name, count in sources.most_common(5)) or "—"
    share = f"{hedged / len(attributions):.0%}" if attributions else "—"
    rows = [("attributions", len(attributions)), ("hedged", f"{hedged} ({share})"), ("anonymous sources", anonymous), ("top sources", top)]
    return '<table class="summary">' + "".join(f"<tr><th>{esc(k)}</th><td>{esc(v)}</td></tr>" for k, v in rows) + "</table>"


class HtmlWriter:
    """One HTML file for all documents; needs each document's ``text`` (the CLI includes it)."""

    def __init__(self, out: IO[str], header: dict[str, Any]) -> None:
        self.out = out
        self.count = 0
        title = f"claimx report — claimx {header.get('claimx_version', '')}, {header.get('model', '')}"
        self.out.write(f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
                       f'<meta name="viewport" content="width=device-width,initial-scale=1">'
                       f'<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'; script-src \'unsafe-inline\'">'
                       f"<title>{esc(title)}</title><style>{STYLE}</style></head><body><h1>{esc(title)}</h1>{LEGEND}\n")

    def write(self, document: DocumentResult) -> None:
        self.count += 1
        parts = [f'<section id="doc-{self.count}" data-document="{esc(document.id)}"><h2>{esc(document.id)}</h2>']
        if document.error:
            parts.append(f'<p class="error">Error: {esc(document.error)}</p>')
        parts.append(summary_table(document))
        if document.text is None:
            parts.append("<p>(text not included: run with --include-text)</p>")
        else:
            titles = {f"a{a.id}": describe(a) for a in document.attributions}
            parts.append(f'<div class="article">{painted(document.text, labelled_spans(document), titles)}</div>')
        parts.append("".join(details(a) for a in document.attributions))
        parts.append("</section>\n")
        self.out.write("".join(parts))

    def close(self) -> None:
        self.out.write(f"<script>{SCRIPT}</script></body></html>\n")
        self.out.flush()
