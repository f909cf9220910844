"""Issue 7, guarantee 1: an ingest killed with SIGKILL mid-run leaves a consistent
database (whole batches only, every stored article with all its quotes), and a
re-run ends with exactly the expected articles and quotes, none duplicated.
Real `python -m quotetrack ingest` processes over real corpus articles, on SQLite and PostgreSQL."""
from __future__ import annotations

import os
import signal
import time
from pathlib import Path

from quotetrack.db import migrate

from reliability_helpers import (CLEAN, corpus_records, expected_spans, integrity, plain_engine, popen_cli, run_cli,
                                 scalar, stored_spans, write_jsonl)

N = 300
BATCH = 20


def test_sigkill_mid_ingest_then_rerun(db_url: str, tmp_path: Path) -> None:
    records = corpus_records(N)
    expected = expected_spans(N)
    assert sum(map(len, expected.values())) > N  # real articles with real quotes
    f = write_jsonl(tmp_path / "bulk.jsonl", records)
    migrate.upgrade(db_url)
    eng = plain_engine(db_url)
    try:
        proc = popen_cli(db_url, "ingest", str(f), "--batch-size", str(BATCH), "-q")
        deadline = time.monotonic() + 120
        try:
            while scalar(eng, "SELECT count(*) FROM articles") == 0:
                assert proc.poll() is None, f"ingest ended before its first batch was seen: {proc.communicate()}"
                assert time.monotonic() < deadline, "no batch committed within 120 s"
                time.sleep(0.01)
            os.kill(proc.pid, signal.SIGKILL)
        finally:
            proc.kill()
            proc.communicate()
        assert proc.returncode == -signal.SIGKILL

        # consistent after the kill: whole batches, in input order, each article with ALL its quotes
        stored = stored_spans(eng)
        assert 0 < len(stored) < N, "the kill must land mid-run"
        assert len(stored) % BATCH == 0
        assert set(stored) == {r["id"] for r in records[:len(stored)]}
        for eid, spans in stored.items():
            assert spans == expected[eid], eid
        assert integrity(eng) == CLEAN
        killed_at = len(stored)

        # the re-run completes the job: exactly the expected rows, nothing twice
        r = run_cli(db_url, "ingest", str(f), "--batch-size", str(BATCH), "-q")
        assert r.returncode == 0, r.stderr
        assert stored_spans(eng) == expected
        assert scalar(eng, "SELECT count(*) FROM articles") == N
        assert scalar(eng, "SELECT count(*) FROM quotes") == sum(map(len, expected.values()))
        assert integrity(eng) == CLEAN
        assert f"{N - killed_at:,}" in r.stderr  # the summary: only the missing articles were new

        # and one more run adds nothing
        before = scalar(eng, "SELECT count(*) FROM quotes"), scalar(eng, "SELECT count(*) FROM speakers")
        r = run_cli(db_url, "ingest", str(f), "-q")
        assert r.returncode == 0, r.stderr
        assert (scalar(eng, "SELECT count(*) FROM quotes"), scalar(eng, "SELECT count(*) FROM speakers")) == before
    finally:
        eng.dispose()
