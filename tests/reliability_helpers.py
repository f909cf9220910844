"""Shared pieces of the tests/test_reliability_*.py files: real corpus articles,
the CLI run in a real subprocess, and what the database holds per article."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, text

from shared_data import shared_path

ROOT = Path(__file__).resolve().parent.parent

Spans = frozenset[tuple[int, int, str]]


@lru_cache(maxsize=None)
def corpus_records(n: int) -> tuple[dict[str, Any], ...]:
    """The first ``n`` real articles of the shared bulk corpus (skips the test when it is absent, fails it in CI)."""
    out = []
    with shared_path("corpus/bulk.jsonl").open(encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            out.append({k: rec[k] for k in ("id", "outlet", "date", "title", "url", "text") if k in rec})
            if len(out) == n:
                break
    return tuple(out)


def expected_spans(n: int) -> dict[str, Spans]:
    """external_id -> the quotes extract() finds in that article (what ingest must store).

    Computed in a fresh interpreter, so it runs the same code from disk as the ingest
    subprocesses it is compared with (not whatever this test process imported earlier)."""
    code = ("import json, sys\nfrom quotetrack import extract\n"
            "for line in sys.stdin:\n    r = json.loads(line)\n"
            "    print(json.dumps([r['id'], [[q.start, q.end, q.content] for q in extract(r['text'])]], "
            "ensure_ascii=False))\n")
    feed = "".join(json.dumps({"id": r["id"], "text": r["text"]}, ensure_ascii=False) + "\n"
                   for r in corpus_records(n))
    p = subprocess.run([sys.executable, "-c", code], input=feed, capture_output=True, text=True, check=True,
                       env=cli_env(), cwd=ROOT, timeout=600)
    out: dict[str, Spans] = {}
    for line in p.stdout.splitlines():
        eid, spans = json.loads(line)
        out[eid] = frozenset((s, e, c) for s, e, c in spans)
    assert len(out) == n
    return out


def peak_rss_kib() -> str:
    """Python code printing this process's peak RSS in KiB (VmHWM: unlike ru_maxrss it
    does not inherit the parent's size across fork+exec)."""
    return ("[print('MAXRSS', l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM')]\n")


def write_jsonl(path: Path, records: Any) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    return path


def cli_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("QUOTETRACK_DB", None)
    env.update({"PYTHONPATH": str(ROOT), "COLUMNS": "200", **extra})
    return env


def cli(url: str, *args: str) -> list[str]:
    return [sys.executable, "-m", "quotetrack", "--db", url, *args]


def run_cli(url: str, *args: str, timeout: float = 300, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cli(url, *args), capture_output=True, text=True, timeout=timeout, env=cli_env(**env),
                          cwd=ROOT)


def popen_cli(url: str, *args: str, **env: str) -> subprocess.Popen[str]:
    return subprocess.Popen(cli(url, *args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=cli_env(**env), cwd=ROOT)


def plain_engine(url: str) -> Engine:
    return create_engine(url)


def stored_spans(engine: Engine) -> dict[str, Spans]:
    """external_id -> stored quotes, read in ONE statement (one consistent snapshot on both backends)."""
    rows: dict[str, set[tuple[int, int, str]]] = {}
    with engine.connect() as c:
        for eid, s, e, content in c.execute(text(
                "SELECT a.external_id, q.char_start, q.char_end, q.content "
                "FROM articles a LEFT JOIN quotes q ON q.article_id = a.id")):
            spans = rows.setdefault(eid, set())
            if s is not None:
                spans.add((s, e, content))
    return {k: frozenset(v) for k, v in rows.items()}


def scalar(engine: Engine, sql: str) -> int:
    with engine.connect() as c:
        return int(c.execute(text(sql)).scalar_one())


def integrity(engine: Engine) -> dict[str, int]:
    """Counts that must be 0 in a consistent database."""
    return {
        "orphan_quotes": scalar(engine, "SELECT count(*) FROM quotes q WHERE NOT EXISTS "
                                        "(SELECT 1 FROM articles a WHERE a.id = q.article_id)"),
        "dangling_speakers": scalar(engine, "SELECT count(*) FROM quotes q WHERE q.speaker_id IS NOT NULL AND "
                                            "NOT EXISTS (SELECT 1 FROM speakers s WHERE s.id = q.speaker_id)"),
        "duplicate_articles": scalar(engine, "SELECT count(*) FROM (SELECT external_id FROM articles "
                                             "GROUP BY external_id HAVING count(*) > 1) x"),
        "duplicate_quotes": scalar(engine, "SELECT count(*) FROM (SELECT article_id, char_start, char_end "
                                           "FROM quotes GROUP BY article_id, char_start, char_end "
                                           "HAVING count(*) > 1) x"),
        "duplicate_speakers": scalar(engine, "SELECT count(*) FROM (SELECT key, kind FROM speakers "
                                             "GROUP BY key, kind HAVING count(*) > 1) x"),
    }


CLEAN = {"orphan_quotes": 0, "dangling_speakers": 0, "duplicate_articles": 0, "duplicate_quotes": 0,
         "duplicate_speakers": 0}
