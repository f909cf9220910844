"""Regenerate benchmarks/RESULTS.md: every benchmark, with date, machine and commands.

    python benchmarks/run_all.py [--quick] [--pg URL]

Runs bench_extract.py, bench_ingest.py (with a 1 GB streamed memory run unless --quick),
make_quotes_db.py (100K and 1M quotes on SQLite under /tmp/quotetrack-bench and on PostgreSQL
databases qt_bench_100k / qt_bench_1m, built when missing), bench_queries.py and bench_cli_latency.py
(100K SQLite), and writes their output verbatim into RESULTS.md. Takes about half an hour on 2 cores (--quick: a few minutes).
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

HERE = Path(__file__).resolve().parent
PY = sys.executable
TMP = Path("/tmp/quotetrack-bench")
PG = os.environ.get("QUOTETRACK_TEST_PG_URL") or "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"


def run(cmd: list[str]) -> str:
    print("$", " ".join(cmd), flush=True)
    out = subprocess.run(cmd, capture_output=True, text=True, cwd=HERE.parent)
    if out.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{out.stderr[-3000:]}")
    print(out.stdout, flush=True)
    return out.stdout


def pg_db(name: str, pg: str) -> tuple[str, bool]:
    """URL of database ``name`` on the server of ``pg``; True when it had to be created (so is empty)."""
    admin = create_engine(pg, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        exists = c.exec_driver_sql("SELECT 1 FROM pg_database WHERE datname = %(n)s", {"n": name}).first()
        if not exists:
            c.exec_driver_sql(f'CREATE DATABASE "{name}" ENCODING \'UTF8\' TEMPLATE template0')
    admin.dispose()
    return make_url(pg).set(database=name).render_as_string(hide_password=False), not exists


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--pg", default=PG)
    a = ap.parse_args()
    TMP.mkdir(parents=True, exist_ok=True)
    sections: list[tuple[str, str, str]] = []
    cmd = [PY, "benchmarks/bench_extract.py", "--limit", "500" if a.quick else "2000"]
    sections.append(("Extraction", " ".join(cmd[1:]), run(cmd)))
    cmd = [PY, "benchmarks/bench_ingest.py", "--limit", "300" if a.quick else "1500", "--pg", a.pg]
    if not a.quick:
        cmd += ["--memory-gb", "1.0"]
    sections.append(("Ingest", " ".join(cmd[1:]), run(cmd)))
    urls = []
    for n, label in ((100_000, "100k"), (1_000_000, "1m")):
        if a.quick and n > 100_000:
            continue
        path = TMP / f"q{label}.db"
        url = f"sqlite:///{path}"
        if not path.exists():
            run([PY, "benchmarks/make_quotes_db.py", "--quotes", str(n), "--db", url])
        urls.append(url)
        pg_url, fresh = pg_db(f"qt_bench_{label}", a.pg)
        if fresh:
            run([PY, "benchmarks/make_quotes_db.py", "--quotes", str(n), "--db", pg_url])
        urls.append(pg_url)
    for url in urls:  # databases kept from an earlier run: bring them to the code's schema first
        run([PY, "-m", "quotetrack", "--db", url, "db", "upgrade"])
    plans = TMP / "plans.txt"
    for stale in TMP.glob("ingest-*.db*"):  # the ingest runs' databases (GBs after the memory run) are done with
        stale.unlink()
    os.sync()  # let the ingest runs' writeback finish: it would show up as query latency
    cmd = [PY, "benchmarks/bench_queries.py", *urls, "--runs", "20" if a.quick else "40", "--plans", str(plans)]
    sections.append(("Queries", " ".join(cmd[1:]), run(cmd)))
    cmd = [PY, "benchmarks/bench_cli_latency.py", "--db", urls[0], "--runs", "5" if a.quick else "15"]
    sections.append(("CLI latency", " ".join(cmd[1:]), run(cmd)))
    machine = subprocess.run([PY, "-c", "import sys; sys.path.insert(0, 'benchmarks'); import bench_ingest; "
                              "print(bench_ingest.machine())"], capture_output=True, text=True,
                             cwd=HERE.parent).stdout.strip()
    load = os.getloadavg()
    lines = ["# Benchmark results", "",
             f"Generated {dt.datetime.now().astimezone():%Y-%m-%d %H:%M %Z} by `python benchmarks/run_all.py"
             f"{' --quick' if a.quick else ''}` on {machine}; load average at the end "
             f"{load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} (other work on the machine slows every figure).",
             "Targets and the analysis of misses: see the notes beside each table in README.md § Scale and the "
             "issue notes; query plans of every shape are written to /tmp/quotetrack-bench/plans.txt.", ""]
    for title, command, output in sections:
        lines += [f"## {title}", "", f"`python {command}`", "", "```", output.rstrip(), "```", ""]
    if plans.exists():
        lines += ["## Query plans", "", "```", plans.read_text(encoding="utf-8").rstrip(), "```", ""]
    (HERE / "RESULTS.md").write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {HERE / 'RESULTS.md'}")


if __name__ == "__main__":
    main()
