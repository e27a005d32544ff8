"""Throughput and memory of claimx against the bare spaCy parse, in one run on the same texts.

Run by hand (not part of the tests):  python bench/speed.py [--words 200000] [--corpus DIR]
Texts: ../shared/corpora/polnear/dev/text when present (repeated up to --words), else a
generated corpus. Prints words/s for each configuration, their ratios and peak RSS.
"""
from __future__ import annotations

import argparse
import resource
import statistics
import os
import subprocess
import sys
import tempfile
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


def timed(label: str, run, texts: list[str], in_workers: bool = False) -> tuple[float, float]:
    """Words per second of wall-clock time and of this process's CPU time (which a busy
    neighbour on a shared host does not inflate)."""
    words = sum(len(t.split()) for t in texts)
    start, cpu_start = time.perf_counter(), time.process_time()
    run(texts)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    cpu_column = "CPU in worker processes" if in_workers else f"CPU {cpu:7.1f} s {words / cpu:8.0f} words/CPU-s"
    print(f"{label:42} {words:8d} words {seconds:7.1f} s {words / seconds:8.0f} words/s   {cpu_column}")
    return words / seconds, words / cpu


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--words", type=int, default=200_000)
    parser.add_argument("--rounds", type=int, default=2, help="alternating runs of bare spaCy and claimx; the best of each is kept")
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpora" / "polnear" / "dev" / "text")
    args = parser.parse_args()
    texts = corpus(args.corpus, args.words)
    model = default_model()
    bare = spacy.load(model)
    nlp = claimx.load(model)
    pairs = lambda: (("d%d" % i, t) for i, t in enumerate(texts))  # noqa: E731
    list(claimx.extract_documents([(str(i), t) for i, t in enumerate(texts[:20])], nlp))  # warm-up
    # alternate the two single-process runs and keep the best of each: the machine's speed drifts
    base = one = base_cpu = one_cpu = 0.0
    for _ in range(args.rounds):
        wall, cpu = timed(f"bare spaCy nlp.pipe ({', '.join(bare.pipe_names)})", lambda ts: list(bare.pipe(ts, batch_size=32)), texts)
        base, base_cpu = max(base, wall), max(base_cpu, cpu)
        wall, cpu = timed("claimx extract_documents, 1 process", lambda ts: list(claimx.extract_documents(pairs(), nlp, batch_size=32)), texts)
        one, one_cpu = max(one, wall), max(one_cpu, cpu)
    two, _ = timed("claimx extract_documents, 2 processes", lambda ts: list(claimx.extract_documents(pairs(), nlp, batch_size=32, n_process=2)), texts, in_workers=True)
    print(f"peak RSS of this process (two pipelines loaded): {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    with tempfile.TemporaryDirectory() as folder:
        for i, text in enumerate(texts):
            Path(folder, f"{i:05d}.txt").write_text(text, encoding="utf-8")
        peaks = cli_peak_rss([str(Path(sys.executable).parent / "claimx"), "extract", folder, "-j", "2", "-q", "-o", os.devnull])
    print(f"claimx extract FOLDER -j 2: peak RSS main {peaks[0]:.0f} MB, workers " + ", ".join(f"{p:.0f}" for p in peaks[1:]) + " MB")
    cold_spacy = startup([sys.executable, "-c", f"import spacy; spacy.load({model!r})"], "")
    cold_claimx = startup([str(Path(sys.executable).parent / "claimx"), "extract", "-", "--format", "jsonl", "--quiet"],
                          "“The talks are over,” the minister told reporters on Monday.")
    print(f"start-up, median of 5: bare spacy.load {cold_spacy:.2f} s; echo … | claimx extract - {cold_claimx:.2f} s")
    print(f"claimx 1 process / bare spaCy: {one / base:.2f}x wall, {one_cpu / base_cpu:.2f}x CPU   (target >= 0.95)")
    print(f"claimx 2 processes / 1 process: {two / one:.2f}x   (target >= 1.7)")
    print(f"claimx start-up / spacy.load: {cold_claimx / cold_spacy:.2f}x   (target <= 1.3)")


def cli_peak_rss(command: list[str]) -> list[float]:
    """Peak RSS (VmHWM, MB) of a command and of each of its child processes, read from /proc
    while it runs (Linux)."""
    process = subprocess.Popen(command)
    peaks: dict[int, float] = {}
    while process.poll() is None:
        pids = [process.pid]
        try:
            pids += [int(p) for p in Path(f"/proc/{process.pid}/task/{process.pid}/children").read_text().split()]
        except OSError:
            pass
        for pid in pids:
            try:
                status = Path(f"/proc/{pid}/status").read_text()
            except OSError:
                continue
            kb = int(status.split("VmHWM:")[1].split()[0]) if "VmHWM:" in status else 0
            peaks[pid] = max(peaks.get(pid, 0), kb / 1024)
        time.sleep(0.5)
    main_peak = peaks.pop(process.pid, 0.0)
    return [main_peak, *peaks.values()]


def startup(command: list[str], stdin: str) -> float:
    times = []
    for _ in range(5):
        start = time.perf_counter()
        subprocess.run(command, input=stdin, text=True, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


if __name__ == "__main__":
    main()
