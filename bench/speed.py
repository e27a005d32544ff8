"""Throughput and memory of claimx against the bare spaCy parse, in one run on the same texts.

Run by hand (not part of the tests):  python bench/speed.py [--words 200000] [--corpus DIR]
Texts: ../shared/corpora/polnear/dev/text when present (repeated up to --words), else a
generated corpus. Prints words/s for each configuration, their ratios and peak RSS.
"""
from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

import spacy

import claimx
from claimx.pipeline import default_model

ROOT = Path(__file__).resolve().parents[1]


def corpus(folder: Path, words: int) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))] if folder.is_dir() else []
    if not texts:
        texts = ["“The plan is ready,” the mayor said on Monday. Officials said that taxes would rise.\n" * 20]
    out, count = [], 0
    while count < words:
        for text in texts:
            out.append(text)
            count += len(text.split())
            if count >= words:
                break
    return out


def timed(label: str, run, texts: list[str]) -> float:
    words = sum(len(t.split()) for t in texts)
    start = time.perf_counter()
    run(texts)
    seconds = time.perf_counter() - start
    rate = words / seconds
    print(f"{label:42} {words:8d} words {seconds:7.1f} s {rate:8.0f} words/s")
    return rate


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--words", type=int, default=200_000)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpora" / "polnear" / "dev" / "text")
    args = parser.parse_args()
    texts = corpus(args.corpus, args.words)
    model = default_model()
    bare = spacy.load(model)
    nlp = claimx.load(model)
    pairs = lambda: (("d%d" % i, t) for i, t in enumerate(texts))  # noqa: E731
    list(claimx.extract_documents([(str(i), t) for i, t in enumerate(texts[:20])], nlp))  # warm-up
    base = timed(f"bare spaCy nlp.pipe ({', '.join(bare.pipe_names)})", lambda ts: list(bare.pipe(ts, batch_size=32)), texts)
    one = timed("claimx extract_documents, 1 process", lambda ts: list(claimx.extract_documents(pairs(), nlp, batch_size=32)), texts)
    two = timed("claimx extract_documents, 2 processes", lambda ts: list(claimx.extract_documents(pairs(), nlp, batch_size=32, n_process=2)), texts)
    print(f"claimx 1 process / bare spaCy: {one / base:.2f}x")
    print(f"claimx 2 processes / 1 process: {two / one:.2f}x")
    print(f"peak RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
