"""Accuracy against gold annotations, with the metrics of the shared scorer
(``../shared/tools/score.py``), so that ``claimx evaluate`` and the scorer agree:

- ``span.<role>.exact``: a predicted span equals a gold span after trimming white space,
  punctuation, quote marks and a leading "that" (role: source, cue, content);
- ``span.<role>.overlap``: each span scores |overlap| / |own length| against its best partner;
- ``attribution``: one-to-one matching of whole attributions (cues overlap, contents overlap
  by at least half of the gold content, sources both absent or overlapping);
- ``attribution.speech``: the same, over attributions whose cue is a speech cue;
- ``hedge``: document-level hedge markers matched by overlap.

All micro-averaged over documents; characters are counted without white space.
Gold is a brat standoff corpus (``text/`` + ``attributions/``, PolNeAR/PARC layout) or a gold
JSONL file; predictions are claimx JSON or JSONL output, matched to gold by file stem.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable
from xml.etree import ElementTree

Span = tuple[int, int]
SPEECH_CUES = re.compile(
    r"^(said|says|say|saying|told|tells|tell|telling|according to|added|adds|wrote|writes|"
    r"stated|states|claimed|claims|announced|announces|noted|notes|explained|explains|"
    r"asked|asks|insisted|insists|argued|argues|reported|reports|declared|declares|"
    r"repeated|repeats|confirmed|confirms|denied|denies|alleged|alleges|continued|"
    r"recalled|warned|warns|acknowledged|admitted|suggested|suggests|replied|responded)$",
    re.I,
)
TRIM = " \t\r\n.,;:!?\"'“”‘’«»()[]—–-…"
ROLES = ("source", "cue", "content")
METRICS = tuple(f"span.{r}.{k}" for r in ROLES for k in ("exact", "overlap")) + ("attribution", "attribution.speech", "hedge")


class GoldError(ValueError):
    """The gold or prediction file cannot be read (a usage error)."""


@dataclass
class GoldAttribution:
    cue: list[Span]
    content: list[Span]
    source: list[Span] = field(default_factory=list)
    optional: bool = False
    cue_text: str = ""


@dataclass
class GoldDocument:
    text: str
    attributions: list[GoldAttribution] | None  # None: no attribution annotation
    hedges: list[Span] | None = None  # None: no hedge annotation


# ------------------------------------------------------------------ reading


def read_gold(path: Path) -> dict[str, GoldDocument]:
    if path.is_dir():
        return read_brat(path)
    if path.is_file():
        return read_gold_jsonl(path)
    raise GoldError(f"no such gold corpus or file: {path}")


def read_brat(folder: Path) -> dict[str, GoldDocument]:
    """Brat standoff: text/STEM.txt with attributions/STEM_<annotator>.ann (the first, sorted)."""
    if not (folder / "text").is_dir():
        raise GoldError(f"{folder} is not a brat corpus (no text/ folder)")
    documents = {}
    for txt in sorted((folder / "text").glob("*.txt")):
        annotations = sorted((folder / "attributions").glob(txt.stem + "_*.ann"))
        if annotations:
            text = txt.read_text(encoding="utf-8")
            documents[txt.stem] = GoldDocument(text, _brat_attributions(text, annotations[0].read_text(encoding="utf-8")))
    return documents


def _brat_attributions(text: str, annotation: str) -> list[GoldAttribution]:
    spans: dict[str, list[Span]] = {}
    events: list[dict[str, list[str]]] = []
    for line in annotation.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label_and_spans = parts[1].split(" ", 1)
            if len(label_and_spans) == 2:
                try:
                    spans[parts[0]] = [tuple(map(int, piece.split())) for piece in label_and_spans[1].split(";")]  # type: ignore[misc]
                except ValueError:
                    pass
        elif line.startswith("E") and len(parts) >= 2:
            roles: dict[str, list[str]] = {}
            for argument in parts[1].split():
                role, _, ref = argument.partition(":")
                roles.setdefault(re.sub(r"\d+$", "", role), []).append(ref)
            events.append(roles)
    result = []
    for roles in events:
        def get(role: str) -> list[Span]:
            return [s for ref in roles.get(role, []) for s in spans.get(ref, [])]

        cue, content = get("Cue"), get("Content")
        if cue and content:
            result.append(GoldAttribution(cue, content, get("Source"), cue_text=" ".join(text[s:e] for s, e in cue)))
    return result


def read_gold_jsonl(path: Path) -> dict[str, GoldDocument]:
    documents = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            text = record["text"]
            attributions = None if record.get("attributions") is None else [
                GoldAttribution(
                    cue=[tuple(s) for s in a["cue"]], content=[tuple(s) for s in a["content"]],
                    source=[tuple(s) for s in a.get("source") or []], optional=a.get("optional", False),
                    cue_text=" ".join(text[s:e] for s, e in a["cue"]),
                )
                for a in record["attributions"]
            ]
            hedges = [tuple(h["span"]) for h in record["hedges"]] if "hedges" in record else None
            documents[record["id"]] = GoldDocument(text, attributions, hedges)
        except (ValueError, KeyError, TypeError) as error:
            raise GoldError(f"{path}:{number}: not a gold record ({error})") from None
    return documents


def stem(document_id: str) -> str:
    return re.sub(r"\.(txt|text|md|html?)$", "", Path(document_id).name)


def read_output(path: Path) -> list[dict[str, Any]]:
    """The documents of a claimx JSON (one object with "documents") or JSONL output."""
    try:
        raw = path.read_text(encoding="utf-8").strip()
        if raw.startswith("{") and "\n{" not in raw:
            blob = json.loads(raw)
            documents = blob["documents"] if "documents" in blob else [blob]
        else:
            documents = [json.loads(line) for line in raw.splitlines() if line.strip()]
    except (OSError, ValueError) as error:
        raise GoldError(f"cannot read claimx output {path}: {error}") from None
    if not all(isinstance(d, dict) and "attributions" in d for d in documents):
        raise GoldError(f"{path} is not claimx output (documents without 'attributions')")
    return documents


def read_predictions(path: Path) -> dict[str, dict[str, Any]]:
    """claimx output by document stem, the key gold documents have."""
    return {stem(str(d.get("id"))): d for d in read_output(path)}


def _spans(node: dict[str, Any] | None) -> list[Span]:
    if not node:
        return []
    if node.get("spans"):
        return [tuple(s) for s in node["spans"]]  # type: ignore[misc]
    return [(node["start"], node["end"])]


def predicted(document: dict[str, Any], hedge_categories: set[str] | None = None) -> tuple[list[GoldAttribution], list[Span]]:
    attributions = [
        GoldAttribution(_spans(a.get("cue")), _spans(a.get("content")), _spans(a.get("source")), cue_text=a["cue"].get("text", ""))
        for a in document.get("attributions", [])
        if _spans(a.get("cue")) and _spans(a.get("content"))
    ]
    hedges = [(h["start"], h["end"]) for h in document.get("hedges", [])
              if hedge_categories is None or h.get("category") in hedge_categories]
    return attributions, hedges


# ------------------------------------------------------------------ matching


def trimmed(text: str, spans: list[Span]) -> tuple[Span, ...]:
    out = []
    for start, end in sorted(spans):
        while start < end and text[start] in TRIM:
            start += 1
        while end > start and text[end - 1] in TRIM:
            end -= 1
        if text[start:start + 5].lower() == "that " and end - start > 5:
            start += 5
        if start < end:
            out.append((start, end))
    return tuple(out)


def chars(text: str, spans: list[Span]) -> set[int]:
    return {i for s, e in spans for i in range(s, e) if not text[i].isspace()}


def overlap(text: str, a: list[Span], b: list[Span]) -> int:
    return len(chars(text, a) & chars(text, b))


@dataclass
class Counts:
    """Precision and recall numerators (they differ for overlap scores) and denominators."""

    tp_p: float = 0.0
    n_pred: int = 0
    tp_r: float = 0.0
    n_gold: int = 0

    def add(self, tp_p: float, n_pred: int, tp_r: float, n_gold: int) -> None:
        self.tp_p += tp_p
        self.n_pred += n_pred
        self.tp_r += tp_r
        self.n_gold += n_gold

    def result(self) -> dict[str, float | int]:
        p = self.tp_p / self.n_pred if self.n_pred else 0.0
        r = self.tp_r / self.n_gold if self.n_gold else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(p, 4), "r": round(r, 4), "f1": round(f1, 4), "pred": self.n_pred, "gold": self.n_gold}


def score_spans(text: str, gold: list[list[Span]], pred: list[list[Span]], exact: Counts, soft: Counts) -> None:
    gold = [g for g in gold if trimmed(text, g)]
    pred = [p for p in pred if trimmed(text, p)]
    gold_keys = {trimmed(text, g) for g in gold}
    pred_keys = {trimmed(text, p) for p in pred}
    hits = len(gold_keys & pred_keys)
    exact.add(hits, len(pred_keys), hits, len(gold_keys))
    p_part = sum(max((overlap(text, p, g) for g in gold), default=0) / max(1, len(chars(text, p))) for p in pred)
    r_part = sum(max((overlap(text, p, g) for p in pred), default=0) / max(1, len(chars(text, g))) for g in gold)
    soft.add(p_part, len(pred), r_part, len(gold))


def same_attribution(text: str, gold: GoldAttribution, pred: GoldAttribution) -> bool:
    if not overlap(text, gold.cue, pred.cue):
        return False
    if overlap(text, gold.content, pred.content) * 2 < len(chars(text, gold.content)):
        return False
    if not gold.source and not pred.source:
        return True
    return bool(gold.source and pred.source and overlap(text, gold.source, pred.source))


def score_attributions(text: str, gold: list[GoldAttribution], pred: list[GoldAttribution], counts: Counts) -> None:
    """Greedy one-to-one matching; predictions that match optional gold count neither way."""
    used: set[int] = set()
    matched = matched_optional = 0
    for g in gold:
        for index, p in enumerate(pred):
            if index not in used and same_attribution(text, g, p):
                used.add(index)
                matched_optional += g.optional
                matched += not g.optional
                break
    counts.add(matched, len(pred) - matched_optional, matched, sum(not g.optional for g in gold))


def is_speech(attribution: GoldAttribution) -> bool:
    return bool(SPEECH_CUES.match(attribution.cue_text.strip()))


@dataclass
class Evaluation:
    metrics: dict[str, dict[str, float | int]]
    per_document: dict[str, dict[str, float | int]]
    documents: int
    missing: list[str]

    def value(self, name: str) -> float:
        """``attribution.f1``, ``span.cue.exact.p`` …; a bare metric name means its F1."""
        metric, _, part = name.rpartition(".")
        if part not in ("p", "r", "f1"):
            metric, part = name, "f1"
        if metric not in self.metrics:
            raise KeyError(name)
        return float(self.metrics[metric][part])

    def to_dict(self) -> dict[str, Any]:
        return {"metrics": self.metrics, "documents": self.documents, "missing_predictions": self.missing,
                "per_document": self.per_document}


def evaluate(gold: dict[str, GoldDocument], predictions: dict[str, dict[str, Any]],
             hedge_categories: set[str] | None = None) -> Evaluation:
    counts = {name: Counts() for name in METRICS}
    per_document = {}
    for name, document in gold.items():
        pred_attributions, pred_hedges = predicted(predictions.get(name, {}), hedge_categories)
        text = document.text
        if document.hedges is not None:
            counts["hedge"].add(
                sum(1 for h in pred_hedges if any(overlap(text, [h], [g]) for g in document.hedges)), len(pred_hedges),
                sum(1 for g in document.hedges if any(overlap(text, [h], [g]) for h in pred_hedges)), len(document.hedges),
            )
        if document.attributions is None:
            continue
        required = [g for g in document.attributions if not g.optional]
        for role in ROLES:
            score_spans(text, [getattr(g, role) for g in required if getattr(g, role)],
                        [getattr(p, role) for p in pred_attributions if getattr(p, role)],
                        counts[f"span.{role}.exact"], counts[f"span.{role}.overlap"])
        own = Counts()
        score_attributions(text, document.attributions, pred_attributions, own)
        counts["attribution"].add(own.tp_p, own.n_pred, own.tp_r, own.n_gold)
        per_document[name] = own.result()
        score_attributions(text, [g for g in document.attributions if is_speech(g)],
                           [p for p in pred_attributions if is_speech(p)], counts["attribution.speech"])
    return Evaluation({n: c.result() for n, c in counts.items()}, per_document, len(gold),
                      sorted(n for n in gold if n not in predictions))


# ------------------------------------------------------------------ thresholds and reports


def parse_threshold(text: str) -> tuple[str, float]:
    name, sep, value = text.partition("=")
    try:
        if not sep:
            raise ValueError
        return name.strip(), float(value)
    except ValueError:
        raise GoldError(f"--min {text!r}: expected METRIC=VALUE, e.g. attribution.f1=0.6") from None


def shortfalls(evaluation: Evaluation, thresholds: Iterable[tuple[str, float]]) -> list[str]:
    """A message for each threshold the evaluation falls short of."""
    failures = []
    for name, minimum in thresholds:
        try:
            value = evaluation.value(name)
        except KeyError:
            raise GoldError(f"--min {name}: unknown metric; choose from {', '.join(METRICS)} (with .p, .r or .f1)") from None
        if value < minimum:
            failures.append(f"{name} = {value:.3f} < {minimum:.3f}")
    return failures


def junit_xml(evaluation: Evaluation, thresholds: list[tuple[str, float]]) -> str:
    """One test case per metric (and per threshold); a failure element where a threshold is missed."""
    suite = ElementTree.Element("testsuite", name="claimx.evaluate")
    cases = 0
    failures = 0
    limits = dict(thresholds)
    for name, values in evaluation.metrics.items():
        if not (values["gold"] or values["pred"]):
            continue
        case = ElementTree.SubElement(suite, "testcase", classname="claimx.evaluate", name=name)
        cases += 1
        ElementTree.SubElement(case, "system-out").text = json.dumps(values)
        for part in ("p", "r", "f1"):
            key = f"{name}.{part}" if f"{name}.{part}" in limits else (name if part == "f1" and name in limits else None)
            if key is not None and float(values[part]) < limits[key]:
                failures += 1
                ElementTree.SubElement(case, "failure", message=f"{key} = {values[part]:.3f} < {limits[key]:.3f}")
    suite.set("tests", str(cases))
    suite.set("failures", str(failures))
    return ElementTree.tostring(suite, encoding="unicode", xml_declaration=True)
