"""Wall time of query commands as a user runs them: a fresh `quotetrack` process per command.

    python benchmarks/make_quotes_db.py --quotes 100000 --db sqlite:////tmp/quotetrack-bench/q100k.db
    python benchmarks/bench_cli_latency.py [--db sqlite:////tmp/quotetrack-bench/q100k.db] [--runs 15]

Each command runs ``--runs`` times through the installed console script; the table gives the
fastest and the median wall time and the median CPU time (user + sys) of the process, which
on a shared machine is the steadier figure. The speaker and search word are the database's most
quoted speaker and a frequent word, so the query itself is not trivially empty. Target: ≤ 0.2 s.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import create_engine, text

DEFAULT_DB = "sqlite:////tmp/quotetrack-bench/q100k.db"
TARGET_S = 0.2


def _script() -> list[str]:
    exe = Path(sys.executable).with_name("quotetrack")
    if exe.exists():
        return [str(exe)]
    found = shutil.which("quotetrack")
    return [found] if found else [sys.executable, "-m", "quotetrack"]


def top_speaker(url: str) -> str:
    eng = create_engine(url)
    try:
        with eng.connect() as c:
            name = c.execute(text("SELECT s.name FROM speakers s JOIN speaker_stats t ON t.speaker_id = s.id "
                                  "ORDER BY t.quotes DESC LIMIT 1")).scalar()
    finally:
        eng.dispose()
    if name is None:
        sys.exit(f"{url} holds no speakers; build it with benchmarks/make_quotes_db.py")
    return str(name)


def run_once(argv: list[str]) -> tuple[float, float]:
    """(wall, cpu) seconds of one process; its output is discarded."""
    t0 = time.perf_counter()
    p = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    err = p.stderr.read().decode() if p.stderr else ""
    if p.returncode != 0:
        sys.exit(f"{' '.join(argv)} failed ({p.returncode}): {err[-500:]}")
    return wall, usage.ru_utime + usage.ru_stime


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", default=DEFAULT_DB)
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--exe", default=None, help="the command that runs quotetrack (default: the installed "
                    "console script); e.g. 'python -m quotetrack' with PYTHONPATH set to another checkout")
    a = ap.parse_args()
    exe = a.exe.split() if a.exe else _script()
    qt = [*exe, "--db", a.db]
    speaker = top_speaker(a.db)
    commands = {
        "python -c pass (interpreter start)": [sys.executable, "-c", "pass"],
        "quotetrack --version": [*exe, "--version"],
        f"quotes -s '{speaker}' -f jsonl": [*qt, "quotes", "-s", speaker, "-f", "jsonl"],
        f"quotes -s '{speaker}' (table)": [*qt, "quotes", "-s", speaker],
        "quotes -q 'الرئيس' -f jsonl": [*qt, "quotes", "-q", "الرئيس", "-f", "jsonl"],
        "quotes --since 2020-01 --until 2020-01 -f csv": [*qt, "quotes", "--since", "2020-01", "--until",
                                                          "2020-01", "-f", "csv"],
        "quotes --count-by month -f json": [*qt, "quotes", "--count-by", "month", "-f", "json"],
        "quotes --count-by speaker (table)": [*qt, "quotes", "--count-by", "speaker"],
        "speakers -n 20 -f jsonl": [*qt, "speakers", "-n", "20", "-f", "jsonl"],
        "speakers (table)": [*qt, "speakers"],
        f"speaker '{speaker}' -f json": [*qt, "speaker", speaker, "-f", "json"],
        "stats -f json": [*qt, "stats", "-f", "json"],
        "stats (table)": [*qt, "stats"],
    }
    try:
        load = os.getloadavg()[0]
    except OSError:
        load = float("nan")
    print(f"{' '.join(exe)}; database {a.db}; {a.runs} runs per command; {os.cpu_count()} cores, load average {load:.1f} at start")
    print(f"| command | wall min (s) | wall median (s) | CPU median (s) | ≤ {TARGET_S} s |")
    print("|---|---:|---:|---:|:---:|")
    for label, argv in commands.items():
        run_once(argv)   # warm the page cache
        walls, cpus = zip(*(run_once(argv) for _ in range(a.runs)))
        ok = "yes" if min(walls) <= TARGET_S else "no"
        print(f"| `{label}` | {min(walls):.3f} | {statistics.median(walls):.3f} | "
              f"{statistics.median(cpus):.3f} | {ok} |", flush=True)


if __name__ == "__main__":
    main()
