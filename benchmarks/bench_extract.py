"""Extraction throughput on real articles, beside a bare scan of all cue words.

    python benchmarks/bench_extract.py [CORPUS.jsonl ...] [--limit N]

Prints articles/s and MB/s for `extract` and for one compiled alternation of every
cue form over the same (normalized) articles, and their ratio. One core, no DB.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import time
from pathlib import Path

import regex

from quotetrack import extract
from quotetrack.extractor.lexicon import load
from quotetrack.extractor.normalize import fold

HERE = Path(__file__).resolve().parent
DEFAULT = [HERE.parent.parent / "shared" / "corpus" / "news.jsonl", HERE.parent.parent / "shared" / "corpus" / "bulk.jsonl"]


def read(paths: list[Path], limit: int) -> list[str]:
    texts: list[str] = []
    for p in paths:
        with p.open(encoding="utf-8") as f:
            for line in f:
                texts.append(json.loads(line)["text"])
                if len(texts) >= limit:
                    return texts
    return texts


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="*", type=Path, default=DEFAULT)
    ap.add_argument("--limit", type=int, default=3000)
    a = ap.parse_args()
    texts = read([p for p in a.corpus if p.exists()], a.limit)
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    words = sorted(load().verbs, key=len, reverse=True)
    bare = regex.compile(r"(?<!\p{L})[وف]?(?:" + "|".join(map(regex.escape, words)) + r")(?!\p{L})")
    extract(texts[0])  # load lexicons once
    t0 = time.perf_counter()
    n_bare = sum(len(bare.findall(fold(t))) for t in texts)
    t_bare = time.perf_counter() - t0
    t0 = time.perf_counter()
    n_quotes = sum(len(extract(t)) for t in texts)
    t_ext = time.perf_counter() - t0
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"articles: {len(texts)}  ({mb:.1f} MB)")
    print(f"bare cue scan : {len(texts) / t_bare:9.1f} articles/s  {mb / t_bare:7.2f} MB/s  ({n_bare} cue hits)")
    print(f"extract       : {len(texts) / t_ext:9.1f} articles/s  {mb / t_ext:7.2f} MB/s  ({n_quotes} quotes)")
    print(f"ratio extract/bare: {t_bare / t_ext:.1%}  (target >= 25%)")


if __name__ == "__main__":
    main()
