"""Train claimx's cue model (models/cue_model.jsonl) on a brat corpus such as PolNeAR train.

    python tools/train_cue_model.py ../shared/corpora/polnear/train [--threshold 0.5] [--out models/cue_model.jsonl]

claimx runs over every article with the model set to keep every verb (threshold 0), so the
examples are exactly the verbs the learned construction sees at run time: those with an
argument that no rule claimed. A verb is a positive example when its attribution matches a
gold one (the scorer's match: cues overlap, half the gold content covered, sources agree).
The fit is logistic regression (Adagrad, L2) over the features of
``claimx.extraction.attributions.verb_features``. Only weights are written: feature names
are lemmas, tags and labels, never corpus text.
"""
from __future__ import annotations

import argparse
import collections
import json
import math
import random
import sys
import tempfile
from pathlib import Path

from claimx.evaluate import GoldError, predicted, read_brat, same_attribution
from claimx.extraction.attributions import read_verb
from claimx.pipeline import load_pipeline
from claimx.component import EXTENSION

ROOT = Path(__file__).resolve().parents[1]
MODEL_ID = "model.learned_cues"
SOURCE = "logistic regression over verb features, fitted on PolNeAR train by tools/train_cue_model.py (weights only, no text)"


def examples(corpus: Path, limit: int | None) -> list[tuple[list[str], bool]]:
    gold = read_brat(corpus)
    if not gold:
        raise GoldError(f"{corpus}: no annotated documents (text/*.txt with attributions/*.ann)")
    stems = sorted(gold)[:limit]
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as keep_all:
        keep_all.write(json.dumps({"id": MODEL_ID, "weights": {}, "threshold": 0, "type": "stance", "source": "training"}) + "\n")
    nlp = load_pipeline(lexicon_paths=[keep_all.name])
    rows = []
    texts = (gold[stem].text for stem in stems)
    for stem, doc in zip(stems, nlp.pipe(texts, batch_size=8)):
        truth, text = gold[stem].attributions or [], gold[stem].text
        records = [r for r in doc._.get(EXTENSION)["attributions"] if r["rule"].startswith("learned_cue")]
        for record in records:
            [attribution], _ = predicted({"attributions": [record]})
            cue = doc.char_span(record["cue"]["start"], record["cue"]["end"], alignment_mode="expand")
            readings = [read_verb(t) for t in cue if t.lemma_.lower() == record["cue"]["lemma"]]
            reading = next(r for r in readings if r is not None)
            rows.append((reading.features, any(same_attribution(text, g, attribution) for g in truth)))
    Path(keep_all.name).unlink()
    return rows


def frequent(rows: list[tuple[list[str], bool]], min_count: int) -> list[tuple[list[str], bool]]:
    """Features seen fewer than ``min_count`` times dropped: they fit single examples."""
    counts = collections.Counter(f for features, _ in rows for f in features)
    return [([f for f in features if counts[f] >= min_count], positive) for features, positive in rows]


def fit(rows: list[tuple[list[str], bool]], epochs: int, rate: float, l2: float) -> dict[str, float]:
    weights: dict[str, float] = {}
    squares: dict[str, float] = {}
    order = list(rows)
    shuffle = random.Random(0).shuffle
    for _ in range(epochs):
        shuffle(order)
        for features, positive in order:
            score = sum(weights.get(f, 0.0) for f in features)
            error = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score)))) - float(positive)
            for f in features:
                gradient = error + l2 * weights.get(f, 0.0)
                squares[f] = squares.get(f, 0.0) + gradient * gradient
                weights[f] = weights.get(f, 0.0) - rate * gradient / math.sqrt(squares[f] + 1e-8)
    return weights


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path, help="brat corpus folder: text/*.txt and attributions/*.ann")
    parser.add_argument("--out", type=Path, default=ROOT / "models" / "cue_model.jsonl")
    parser.add_argument("--threshold", type=float, default=0.5, help="probability a verb needs to be kept (default 0.5)")
    parser.add_argument("--epochs", type=int, default=15)
    parser.add_argument("--rate", type=float, default=0.2, help="Adagrad learning rate")
    parser.add_argument("--l2", type=float, default=1e-4)
    parser.add_argument("--min-count", type=int, default=5, help="drop features seen fewer times (default 5)")
    parser.add_argument("--limit", type=int, help="use only the first N documents (a quick trial)")
    args = parser.parse_args(argv)
    try:
        rows = examples(args.corpus, args.limit)
    except GoldError as error:
        parser.error(str(error))
    positives = sum(1 for _, positive in rows if positive)
    print(f"{len(rows)} candidate verbs, {positives} match a gold attribution", file=sys.stderr)
    weights = fit(frequent(rows, args.min_count), args.epochs, args.rate, args.l2)
    kept = {f: round(w, 3) for f, w in sorted(weights.items()) if abs(w) >= 0.01}
    model = {"id": MODEL_ID, "weights": kept, "threshold": args.threshold, "type": "stance", "source": SOURCE}
    args.out.write_text(json.dumps(model, ensure_ascii=False, sort_keys=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {len(kept)} weights", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
