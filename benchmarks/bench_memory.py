"""Peak memory of the ingesting parent process as the input grows (issue 14: flat within 20 %), and
of streaming every stored quote out (issue 14: ≤ 150 MB on the 1M-quote database).

    python benchmarks/bench_memory.py [--workers 2] [--sizes 4000,17000,68000]
    python benchmarks/bench_memory.py --export-db sqlite:////tmp/quotetrack-bench/q1m.db   (make_quotes_db.py builds it)

Each size is a prefix of ../shared/corpus/bulk.jsonl (17k articles), or the file concatenated with
itself to reach it (68k = bulk.jsonl 4x, as in the issue: the repeated copies are read, planned and
skipped). Each run is `quotetrack ingest FILE -q --workers N` into a new SQLite file, in a fresh
interpreter that prints its own peak RSS (VmHWM) when done; the workers' peak comes from
RUSAGE_CHILDREN. Prints one row per size and the growth of the parent from the smallest size.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BULK = HERE.parent.parent / "shared" / "corpus" / "bulk.jsonl"

RUN = """
import resource, sys
from quotetrack.cli import app
rc = 0
try:
    app(sys.argv[1:])
except SystemExit as e:
    rc = e.code or 0
hwm = [int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM')][0]
kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print('RSS', hwm, kids, file=sys.stderr)
sys.exit(rc)
"""


def make_input(path: Path, n: int) -> int:
    lines = BULK.read_bytes().splitlines(keepends=True)
    written = 0
    with path.open("wb") as f:
        while written < n:
            for line in lines[:n - written]:
                f.write(line)
            written += min(len(lines), n - written)
    return written


def run(path: Path, db: Path, workers: int) -> tuple[float, float, float, str]:
    t0 = time.monotonic()
    p = subprocess.run([sys.executable, "-c", RUN, "--db", f"sqlite:///{db}", "ingest", str(path), "-q",
                        "--workers", str(workers)], capture_output=True, text=True, cwd=HERE.parent)
    secs = time.monotonic() - t0
    rss = [x for x in p.stderr.splitlines() if x.startswith("RSS ")]
    if p.returncode not in (0, 1) or not rss:
        raise SystemExit(f"ingest failed ({p.returncode}):\n{p.stderr[-3000:]}")
    _, parent, kids = rss[0].split()
    read = [x for x in p.stderr.splitlines() if "articles read" in x]
    return int(parent) / 1024, int(kids) / 1024, secs, (read[0].split()[-2] if read else "?")


def export(db: str) -> None:
    """``quotes -n 0 -f FORMAT`` into /dev/null, each format in a fresh interpreter; then ``| head -1``."""
    print(f"quotes -n 0 -f FORMAT on {db}; peak RSS (VmHWM) of the process", flush=True)
    print(f"{'format':>8}{'output MB':>11}{'peak MB':>9}{'seconds':>9}{'target':>9}", flush=True)
    for fmt in ("jsonl", "json", "csv"):
        t0 = time.monotonic()
        p = subprocess.Popen([sys.executable, "-c", RUN, "--db", db, "quotes", "-n", "0", "-f", fmt],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=HERE.parent)
        assert p.stdout is not None and p.stderr is not None
        out = sum(len(b) for b in iter(lambda: p.stdout.read(1 << 20), b"")) / 1e6  # type: ignore[union-attr]
        err = p.stderr.read().decode()
        p.wait()
        rss = [x for x in err.splitlines() if x.startswith("RSS ")]
        if p.returncode != 0 or not rss:
            raise SystemExit(f"quotes failed ({p.returncode}):\n{err[-3000:]}")
        mb = int(rss[0].split()[1]) / 1024
        print(f"{fmt:>8}{out:>11,.0f}{mb:>9.0f}{time.monotonic() - t0:>9.1f}{'<= 150':>9}", flush=True)
    t0 = time.monotonic()
    p = subprocess.Popen([sys.executable, "-c", RUN, "--db", db, "quotes", "-n", "0", "-f", "jsonl"],
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=HERE.parent)
    assert p.stdout is not None
    p.stdout.readline()
    first = time.monotonic() - t0
    p.stdout.close()  # as `| head -1` does: the writer gets a closed pipe
    p.wait()
    print(f"first row of `quotes -n 0 -f jsonl | head -1` after {first:.2f} s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--sizes", default="4000,17000,68000")
    ap.add_argument("--export-db", help="measure streaming every quote out of this database instead of ingest")
    args = ap.parse_args()
    if args.export_db:
        export(args.export_db)
        return
    if not BULK.is_file():
        raise SystemExit(f"corpus not found: {BULK}")
    sizes = [int(x) for x in args.sizes.split(",")]
    print(f"ingest --workers {args.workers} into a new SQLite file; peak RSS (VmHWM) of the parent", flush=True)
    print(f"{'articles':>9}{'read':>9}{'parent MB':>11}{'worker MB':>11}{'seconds':>9}", flush=True)
    base = None
    with tempfile.TemporaryDirectory(prefix="qt-mem-") as tmp:
        for n in sizes:
            f = Path(tmp) / f"in{n}.jsonl"
            make_input(f, n)
            parent, kids, secs, read = run(f, Path(tmp) / f"m{n}.db", args.workers)
            base = parent if base is None else base
            print(f"{n:>9,}{read:>9}{parent:>11.0f}{kids:>11.0f}{secs:>9.1f}", flush=True)
            f.unlink()
    print(f"parent growth from {sizes[0]:,} to {sizes[-1]:,} articles: {100 * (parent - base) / base:+.0f} % "
          f"(target: within 20 %)")


if __name__ == "__main__":
    main()
