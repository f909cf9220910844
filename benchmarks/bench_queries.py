"""Query latency (p50/p95) of each query shape, through quotetrack.queries (the functions the CLI uses).

    python benchmarks/bench_queries.py DB_URL [DB_URL ...] [--runs 40] [--plans PLANS.txt]

For each database (built by make_quotes_db.py) and each shape, runs the query ``--runs`` times with
parameters drawn from the data (top-100 speakers, outlets, one-month windows, mid-frequency words),
after one warm-up run, and prints p50/p95 in milliseconds beside the target. ``--plans`` writes the
query plan (EXPLAIN QUERY PLAN / EXPLAIN) of each shape's main statement, to show index use.
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import event, func, select, text

from quotetrack import queries as Q
from quotetrack.db import migrate
from quotetrack.db.models import Outlet, Quote, Speaker

TARGET_MS = {"fulltext": 50.0, "fulltext_or": 50.0, "fulltext_phrase": 50.0}
DEFAULT_TARGET_MS = 20.0


def params(conn: Any, rnd: random.Random) -> dict[str, list[Any]]:
    sp = Speaker.__table__
    q = Quote.__table__
    top = [r[0] for r in conn.execute(
        select(sp.c.name).join(q, q.c.speaker_id == sp.c.id).where(sp.c.kind != "anonymous")
        .group_by(sp.c.id, sp.c.name).order_by(func.count().desc()).limit(100))]
    outlets = [r[0] for r in conn.execute(select(Outlet.__table__.c.name))]
    sample = [r[0] for r in conn.execute(select(q.c.content).where(q.c.id % 997 == 0).limit(300))]
    words = [w for c in sample for w in Q.fts_words(c) if len(w) >= 5]
    counts: dict[str, int] = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    mid = sorted(counts, key=lambda w: -counts[w])[5:80] or words[:20]
    pairs = [" ".join(ws[i:i + 2]) for c in sample[:60] for ws in [Q.fts_words(c)] for i in range(0, len(ws) - 1, 7)
             if len(ws[i]) >= 3 and len(ws[i + 1]) >= 3]
    months = [dt.date(y, m, 1) for y in range(2013, 2025) for m in range(1, 13)]
    return {"speaker": top, "outlet": outlets, "word": mid, "month": months, "pair": pairs or mid}


def month_window(d: dt.date) -> tuple[dt.date, dt.date]:
    nxt = dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    return d, nxt - dt.timedelta(days=1)


def shapes(p: dict[str, list[Any]], rnd: random.Random) -> dict[str, Callable[[Any], Any]]:
    def by_speaker(c: Any) -> Any:
        return Q.find_quotes(c, Q.QuoteFilter(speaker=rnd.choice(p["speaker"])))

    def by_outlet(c: Any) -> Any:
        return Q.find_quotes(c, Q.QuoteFilter(outlet=rnd.choice(p["outlet"])))

    def by_dates(c: Any) -> Any:
        since, until = month_window(rnd.choice(p["month"]))
        return Q.find_quotes(c, Q.QuoteFilter(since=since, until=until))

    def combined(c: Any) -> Any:
        y = rnd.randrange(2013, 2025)
        return Q.find_quotes(c, Q.QuoteFilter(speaker=rnd.choice(p["speaker"][:30]), outlet=rnd.choice(p["outlet"]),
                                              since=dt.date(y, 1, 1), until=dt.date(y, 12, 31)))

    def fulltext(c: Any) -> Any:
        return Q.find_quotes(c, Q.QuoteFilter(search=rnd.choice(p["word"])))

    def fulltext_or(c: Any) -> Any:
        return Q.find_quotes(c, Q.QuoteFilter(search=f"{rnd.choice(p['word'])} OR {rnd.choice(p['word'])}"))

    def fulltext_phrase(c: Any) -> Any:
        return Q.find_quotes(c, Q.QuoteFilter(search=f'"{rnd.choice(p["pair"])}"'))

    def count_by_month(c: Any) -> Any:
        return Q.count_quotes(c, Q.QuoteFilter(speaker=rnd.choice(p["speaker"]), limit=None), Q.CountBy.month)

    def newest(c: Any) -> Any:
        return Q.find_quotes(c, Q.QuoteFilter())

    def top_speakers(c: Any) -> Any:
        return Q.list_speakers(c, Q.SpeakerFilter(limit=20))

    def top_speakers_month(c: Any) -> Any:
        since, until = month_window(rnd.choice(p["month"]))
        return Q.list_speakers(c, Q.SpeakerFilter(since=since, until=until, limit=20))

    def profile(c: Any) -> Any:
        return Q.speaker_profile(c, rnd.choice(p["speaker"]))

    return {"by_speaker": by_speaker, "by_outlet": by_outlet, "by_date_range": by_dates, "combined": combined,
            "fulltext": fulltext, "fulltext_or": fulltext_or, "fulltext_phrase": fulltext_phrase,
            "count_by_month": count_by_month, "newest_unfiltered": newest, "top_speakers": top_speakers,
            "top_speakers_month": top_speakers_month, "speaker_profile": profile}


def explain(conn: Any, sql: str, parameters: Any) -> list[str]:
    raw = conn.connection.driver_connection
    if conn.dialect.name == "sqlite":
        cur = raw.execute("EXPLAIN QUERY PLAN " + sql, parameters)
        return [f"{'  ' * 0}{r[3]}" for r in cur.fetchall()]
    with raw.cursor() as cur:
        cur.execute("EXPLAIN " + sql, parameters)
        return [r[0] for r in cur.fetchall()]


def bench(url: str, runs: int, seed: int, plans: list[str] | None) -> list[tuple[str, float, float, int]]:
    eng = migrate.open_db(url)
    out = []
    try:
        with eng.connect() as conn:
            n = conn.scalar(select(func.count()).select_from(Quote.__table__))
            rnd = random.Random(seed)
            p = params(conn, rnd)
            captured: list[tuple[str, Any]] = []

            def capture(_c: Any, _cur: Any, statement: str, parameters: Any, _ctx: Any, _many: bool) -> None:
                captured.append((statement, parameters))

            for name, fn in shapes(p, rnd).items():
                fn(conn)  # warm-up (page cache, statement cache)
                times = []
                for _ in range(runs):
                    t0 = time.perf_counter()
                    fn(conn)
                    times.append((time.perf_counter() - t0) * 1000)
                times.sort()
                p50 = statistics.median(times)
                p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
                out.append((name, p50, p95, n))
                if plans is not None:
                    captured.clear()
                    event.listen(eng, "before_cursor_execute", capture)
                    try:
                        fn(conn)
                    finally:
                        event.remove(eng, "before_cursor_execute", capture)
                    main = max(captured, key=lambda sp: len(sp[0]))  # the big statement of the shape
                    plans.append(f"## {url.split('/')[-1]} {name} ({conn.dialect.name}, {n:,} quotes)")
                    plans.append(main[0].strip())
                    plans += ["    " + line for line in explain(conn, main[0], main[1])]
                    plans.append("")
    finally:
        eng.dispose()
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("urls", nargs="+")
    ap.add_argument("--runs", type=int, default=40)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--plans", type=Path, default=None)
    a = ap.parse_args()
    plans: list[str] | None = [] if a.plans else None
    print(f"{'database':<44}{'shape':<22}{'quotes':>10}{'p50 ms':>9}{'p95 ms':>9}{'target':>8}  ok")
    for url in a.urls:
        with migrate.open_db(url).connect() as c:
            backend = c.dialect.name
        for name, p50, p95, n in bench(url, a.runs, a.seed, plans):
            target = TARGET_MS.get(name, DEFAULT_TARGET_MS)
            where = f"{backend}:{url.rsplit('/', 1)[-1]}"
            print(f"{where:<44}{name:<22}{n:>10,}{p50:>9.1f}{p95:>9.1f}{target:>8.0f}  {'yes' if p95 <= target else 'NO'}",
                  flush=True)
    if a.plans and plans is not None:
        a.plans.write_text("\n".join(plans) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
