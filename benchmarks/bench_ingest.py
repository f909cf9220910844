"""Ingest throughput (extract + store) on SQLite and PostgreSQL, and peak memory on a big streamed input.

    python benchmarks/bench_ingest.py [--limit 1500] [--pg URL] [--memory-gb 1.0] [--skip-e2e]

Runs, each in a fresh database and its own process (so peak RSS is per run):
- end-to-end: `ingest(..., workers=N)` with the real extractor, N = 1 and 2, SQLite and PostgreSQL;
- storage only: the same articles with the extraction precomputed (an extractor that looks the
  quotes up), so the figure is what the database side alone sustains;
- memory (``--memory-gb``): a JSONL file of that size (the corpus articles repeated with fresh ids)
  streamed through storage-only ingest into SQLite; prints peak RSS of the ingesting process.
Prints the figures and the machine. PostgreSQL runs use a temporary database on the server of
``--pg`` (default QUOTETRACK_TEST_PG_URL or postgres@127.0.0.1), dropped afterwards.
"""
from __future__ import annotations

import argparse
import json
import os
import pickle
import platform
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from multiprocessing import Pool
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
CORPUS = [HERE.parent.parent / "shared" / "corpus" / "news.jsonl", HERE.parent.parent / "shared" / "corpus" / "bulk.jsonl"]
PG_DEFAULT = os.environ.get("QUOTETRACK_TEST_PG_URL") or "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
TMP = Path(tempfile.gettempdir()) / "quotetrack-bench"
TARGET_SQLITE_2W = 500  # articles/s, end to end into SQLite with --workers 2 (issue 6)
TARGET_RSS_MB = 200     # peak RSS of any process for a 1 GB streamed input (issue 6)


def machine() -> str:
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return f"{model}, {os.cpu_count()} cores{mem}, {platform.system()} {platform.release()}, Python {platform.python_version()}"


# -- one run (in a child process) --------------------------------------------------------------------------------
def _cached_extractor(cache_path: str) -> Any:
    with open(cache_path, "rb") as f:
        cache: dict[str, Any] = pickle.load(f)
    return lambda text: cache.get(text, [])


def run_one(url: str, path: str, workers: int, cache: str | None, batch_size: int) -> dict[str, Any]:
    from quotetrack.db import migrate
    from quotetrack.ingest import ingest

    migrate.upgrade(url)
    eng = migrate.open_db(url)
    kw: dict[str, Any] = {}
    if cache:
        kw = {"extractor": _cached_extractor(cache), "extractor_version": "bench"}
    t0 = time.perf_counter()
    s = ingest([path], eng, workers=workers, batch_size=batch_size, **kw)
    secs = time.perf_counter() - t0
    eng.dispose()
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"articles": s.read, "new": s.new, "quotes": s.quotes, "failed": s.failed, "seconds": secs,
            "articles_s": s.read / secs, "quotes_s": s.quotes / secs, "rss_mb": own, "worker_rss_mb": kids}


def child(args: list[str]) -> dict[str, Any]:
    """Run ``run_one`` in a fresh interpreter; returns its figures."""
    out = subprocess.run([sys.executable, __file__, "--_child", json.dumps(args)], capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"run failed: {out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


# -- databases -----------------------------------------------------------------------------------------------------
class Databases:
    def __init__(self, pg: str | None) -> None:
        self.pg = pg
        self.made: list[str] = []
        TMP.mkdir(parents=True, exist_ok=True)

    def sqlite(self, name: str) -> str:
        p = TMP / f"{name}.db"
        for suf in ("", "-wal", "-shm"):
            Path(str(p) + suf).unlink(missing_ok=True)
        return f"sqlite:///{p}"

    def postgres(self) -> str | None:
        if not self.pg:
            return None
        from sqlalchemy import create_engine
        from sqlalchemy.engine import make_url
        from sqlalchemy.exc import OperationalError

        admin = create_engine(self.pg, isolation_level="AUTOCOMMIT")
        name = f"quotetrack_bench_{os.getpid()}_{uuid.uuid4().hex[:6]}"
        try:
            with admin.connect() as c:
                c.exec_driver_sql(f'CREATE DATABASE "{name}" ENCODING \'UTF8\' TEMPLATE template0')
        except OperationalError as e:
            print(f"PostgreSQL skipped: {str(e.orig).strip().splitlines()[0]}")
            self.pg = None
            return None
        finally:
            admin.dispose()
        self.made.append(name)
        return make_url(self.pg).set(database=name).render_as_string(hide_password=False)

    def drop(self) -> None:
        if not self.made or not self.pg:
            return
        from sqlalchemy import create_engine

        admin = create_engine(self.pg, isolation_level="AUTOCOMMIT")
        with admin.connect() as c:
            for name in self.made:
                c.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


# -- inputs --------------------------------------------------------------------------------------------------------
def _extract_line(line: str) -> tuple[str, Any]:
    from quotetrack import extract

    text = json.loads(line)["text"]
    return text, extract(text)


def prepare_inputs(limit: int) -> tuple[Path, Path, float]:
    """The first ``limit`` corpus articles as JSONL, and their extraction cached (computed with 2 processes)."""
    lines: list[str] = []
    for p in CORPUS:
        if p.exists():
            with p.open(encoding="utf-8") as f:
                for line in f:
                    if len(lines) < limit and line.strip():
                        lines.append(line.rstrip("\n"))
    if not lines:
        raise SystemExit(f"no corpus at {CORPUS[0].parent}")
    TMP.mkdir(parents=True, exist_ok=True)
    data = TMP / f"articles-{len(lines)}.jsonl"
    data.write_text("\n".join(lines) + "\n", encoding="utf-8")
    cache = TMP / f"extracted-{len(lines)}.pkl"
    if not cache.exists():
        with Pool(min(2, os.cpu_count() or 1)) as pool:
            result = dict(pool.imap(_extract_line, lines, chunksize=8))
        cache.write_bytes(pickle.dumps(result))
    return data, cache, data.stat().st_size / 1e6


def big_input(src: Path, gb: float) -> Path:
    """A JSONL file of about ``gb`` GB: ``src``'s articles repeated with fresh ids (written once, streamed)."""
    out = TMP / f"big-{gb:g}gb.jsonl"
    target = int(gb * 1e9)
    if out.exists() and out.stat().st_size >= target:
        return out
    rows = [json.loads(line) for line in src.read_text(encoding="utf-8").splitlines()]
    size, copy = 0, 0
    with out.open("w", encoding="utf-8") as f:
        while size < target:
            for r in rows:
                line = json.dumps(dict(r, id=f"{r['id']}#{copy}"), ensure_ascii=False) + "\n"
                f.write(line)
                size += len(line.encode("utf-8"))
            copy += 1
    return out


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--_child":
        a = json.loads(sys.argv[2])
        print(json.dumps(run_one(*a)))
        return
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=1500, help="corpus articles per run")
    ap.add_argument("--pg", default=PG_DEFAULT, help="PostgreSQL admin URL ('' to skip)")
    ap.add_argument("--batch-size", type=int, default=200)
    ap.add_argument("--memory-gb", type=float, default=0.0, help="also stream a JSONL of this size (storage only)")
    ap.add_argument("--skip-e2e", action="store_true", help="storage-only runs only")
    a = ap.parse_args()
    data, cache, mb = prepare_inputs(a.limit)
    dbs = Databases(a.pg or None)
    print(f"machine: {machine()}")
    print(f"input: {data.name}, {mb:.1f} MB; batch size {a.batch_size}")
    print(f"{'run':<34}{'articles/s':>11}{'quotes/s':>10}{'MB/s':>7}{'seconds':>9}{'RSS MB':>8}{'worker RSS':>11}"
          f"  target")
    try:
        runs: list[tuple[str, str | None, int, str | None]] = []
        for backend in ("sqlite", "postgresql"):
            for w in (1, 2):
                if not a.skip_e2e:
                    runs.append((f"{backend} end-to-end --workers {w}", backend, w, None))
            runs.append((f"{backend} storage only (precomputed)", backend, 1, str(cache)))
        for label, backend, w, c in runs:
            url = dbs.sqlite(f"ingest-{w}") if backend == "sqlite" else dbs.postgres()
            if url is None:
                continue
            r = child([url, str(data), w, c, a.batch_size])
            assert r["failed"] == 0 and r["new"] == r["articles"], r
            target = ""
            if backend == "sqlite" and w == 2 and c is None:
                target = f"  >= {TARGET_SQLITE_2W}: {'met' if r['articles_s'] >= TARGET_SQLITE_2W else 'MISSED'}"
            print(f"{label:<34}{r['articles_s']:>11.1f}{r['quotes_s']:>10.0f}{mb / r['seconds']:>7.2f}"
                  f"{r['seconds']:>9.1f}{r['rss_mb']:>8.0f}{r['worker_rss_mb']:>11.0f}{target}", flush=True)
        if a.memory_gb:
            big = big_input(data, a.memory_gb)
            gb = big.stat().st_size / 1e9
            # end to end, as a user runs it: real extraction in 2 workers, the parent storing
            r = child([dbs.sqlite("ingest-big"), str(big), 2, None, a.batch_size])
            peak = max(r["rss_mb"], r["worker_rss_mb"])
            print(f"memory: {gb:.2f} GB streamed ({r['articles']:,} articles, {r['quotes']:,} quotes) into SQLite, "
                  f"end to end --workers 2: peak RSS parent {r['rss_mb']:.0f} MB, each worker <= "
                  f"{r['worker_rss_mb']:.0f} MB (target <= {TARGET_RSS_MB} MB: {'met' if peak <= TARGET_RSS_MB else 'MISSED'}), "
                  f"{r['articles_s']:.0f} articles/s over {r['seconds']:.0f} s")
    finally:
        dbs.drop()


if __name__ == "__main__":
    main()
