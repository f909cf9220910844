"""Issue 7, guarantee 2: four `quotetrack ingest` processes over overlapping inputs into
one database (SQLite in WAL mode with a busy timeout; PostgreSQL) end with exact
counts, and readers querying during the ingest only ever see whole articles.
(tests/test_ingest_workers.py covers four processes with --workers on PostgreSQL
with a synthetic extractor; this one runs the real CLI and extractor on both backends.)"""
from __future__ import annotations

import threading
import time
from pathlib import Path

from quotetrack.db import migrate
from quotetrack.extractor.normalize import name_key

from reliability_helpers import (CLEAN, corpus_records, expected_spans, integrity, plain_engine, popen_cli, run_cli,
                                 scalar, stored_spans, write_jsonl)

N = 160


def test_four_processes_overlapping_inputs_with_readers(db_url: str, tmp_path: Path) -> None:
    records = corpus_records(N)
    expected = expected_spans(N)
    # overlapping windows, two of them in reverse order: every article is in two inputs
    windows = [records[0:80], records[40:120][::-1], records[80:160], (records[120:160] + records[0:40])[::-1]]
    files = [write_jsonl(tmp_path / f"in{i}.jsonl", w) for i, w in enumerate(windows)]
    migrate.upgrade(db_url)
    eng = plain_engine(db_url)
    reads: list[int] = []
    bad: list[str] = []
    stop = threading.Event()

    def reader() -> None:
        last = 0
        while not stop.is_set():
            try:
                snap = stored_spans(eng)  # one statement: one snapshot
            except Exception as e:  # noqa: BLE001 - a reader must never fail
                bad.append(f"reader failed: {e!r}")
                return
            for eid, spans in snap.items():
                if spans != expected[eid]:
                    bad.append(f"{eid}: saw {len(spans)} of {len(expected[eid])} quotes")
            if len(snap) < last:
                bad.append(f"article count went back from {last} to {len(snap)}")
            last = len(snap)
            reads.append(len(snap))
            time.sleep(0.03)

    threads = [threading.Thread(target=reader)]
    for t in threads:
        t.start()
    try:
        procs = [popen_cli(db_url, "ingest", str(f), "--batch-size", "7", "-q") for f in files]
        stats_during = run_cli(db_url, "stats", "-f", "json")  # the CLI reads while four processes write
        outs = [p.communicate(timeout=600) for p in procs]
    finally:
        stop.set()
        for t in threads:
            t.join()
    try:
        for p, (out, err) in zip(procs, outs):
            assert p.returncode == 0, err
        assert stats_during.returncode == 0, stats_during.stderr
        assert bad == []
        assert len(reads) > 5 and any(0 < n < N for n in reads), "the readers never saw the ingest in progress"
        assert stored_spans(eng) == expected
        assert scalar(eng, "SELECT count(*) FROM articles") == N
        assert scalar(eng, "SELECT count(*) FROM quotes") == sum(map(len, expected.values()))
        outlets = {name_key(r["outlet"]) for r in records if r.get("outlet")}
        assert scalar(eng, "SELECT count(*) FROM outlets") == len(outlets)
        assert integrity(eng) == CLEAN
        # each process reports how many it stored; together exactly N new articles
        new = 0
        for _, err in outs:
            line = next(x for x in err.splitlines() if "articles new" in x)
            new += int(line.split("│")[-2].strip().replace(",", ""))
        assert new == N
    finally:
        eng.dispose()
