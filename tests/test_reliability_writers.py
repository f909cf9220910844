"""Issue 14, finding 6 (PostgreSQL): the summary tables stay exact when `ingest --reextract` runs beside
an ingest of new articles (the recompute used to overwrite the other's uncommitted increments), and a
`merge-speakers` that collides with an ingest retries or fails in one line. Real processes."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from quotetrack.db import migrate
from quotetrack.db.repo import facets_select

from reliability_helpers import ROOT, cli_env, plain_engine, popen_cli

#: ingest(argv[3:]) into argv[1] with an extractor whose quotes all go to three speakers (maximal sharing of
#: speaker_stats rows); argv[2] = "re" re-extracts, and makes every article's quotes differ from the first run;
#: "slow" ingests with a pause between a batch's speaker_stats increments and its commit (a busy server), which
#: is when a concurrent recompute used to read counts that missed them and then overwrite them.
SCRIPT = r"""
import sys, time
import quotetrack.ingest as qi
from quotetrack.db.migrate import open_db
from quotetrack.extractor.quote import Quote
from quotetrack.ingest import ingest

if sys.argv[2] == "slow":
    real = qi.add_speaker_facets
    def slow_facets(*a, **k):
        time.sleep(0.1)
        return real(*a, **k)
    qi.add_speaker_facets = slow_facets

NAMES = ["أنتوني بلينكن", "سيرغي لافروف", "وانغ يي"]
shift = 1 if sys.argv[2] == "re" else 0

def extract(t):
    out = []
    for k, part in enumerate(t.split(" | ")):
        start = t.index(part)
        name = NAMES[(len(part) + k + shift) % len(NAMES)]
        out.append(Quote(content=part, start=start, end=start + len(part), type="direct", cue="قال",
                         cue_lemma="قال", stance=None, speaker=name, speaker_kind="person", gender=None,
                         mention=name, mention_start=None, mention_end=None, title=None, via=None,
                         channel=None, rule="test"))
    return out

eng = open_db(sys.argv[1])
s = ingest(sys.argv[3:], eng, extractor=extract, extractor_version="t" + sys.argv[2], batch_size=4,
           reextract=sys.argv[2] == "re")
eng.dispose()
print(s.new, s.replaced, s.failed)
"""


def _articles(tmp_path: Path, name: str, start: int, n: int) -> Path:
    f = tmp_path / name
    with f.open("w", encoding="utf-8") as out:
        for i in range(start, start + n):
            rec = {"id": f"a{i}", "date": f"2016-0{1 + i % 9}-{1 + i % 28:02d}",
                   "text": " | ".join(f"الجملة {i} رقم {k}" for k in range(1 + i % 4))}
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return f


def _run(url: str, mode: str, *files: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", SCRIPT, url, mode, *map(str, files)], cwd=ROOT, env=cli_env(),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _summaries_exact(url: str) -> None:
    eng = plain_engine(url)
    try:
        with eng.connect() as c:
            stats = sorted(tuple(r) for r in c.execute(text(
                "SELECT speaker_id, quotes, articles, first_published, last_published FROM speaker_stats")))
            truth = sorted(tuple(r) for r in c.execute(text(
                "SELECT speaker_id, count(*), count(DISTINCT article_id), min(published), max(published) "
                "FROM quotes WHERE speaker_id IS NOT NULL GROUP BY speaker_id")))
            facets = sorted(tuple(r) for r in c.execute(text(
                "SELECT speaker_id, facet, value, quotes FROM speaker_facets")))
            facets_truth = sorted(tuple(r) for r in c.execute(facets_select("postgresql")))
    finally:
        eng.dispose()
    assert stats == truth
    assert facets == facets_truth


@pytest.mark.postgres
def test_reextract_beside_new_articles_keeps_speaker_stats_exact(pg_url: str, tmp_path: Path) -> None:
    migrate.upgrade(pg_url)
    old = _articles(tmp_path, "old.jsonl", 0, 120)
    p = _run(pg_url, "first", old)
    assert p.communicate(timeout=300)[0].split() == ["120", "0", "0"]
    new = _articles(tmp_path, "new.jsonl", 1000, 120)
    procs = [_run(pg_url, "slow", new), _run(pg_url, "re", old)]
    outs = [q.communicate(timeout=300) for q in procs]
    for q, (out, err) in zip(procs, outs):
        assert q.returncode == 0, err
    assert outs[0][0].split() == ["120", "0", "0"] and outs[1][0].split() == ["0", "120", "0"]
    _summaries_exact(pg_url)


@pytest.mark.postgres
def test_merge_speakers_beside_an_ingest_never_shows_a_traceback(pg_url: str, tmp_path: Path) -> None:
    """Merges run while an ingest keeps creating quotes and aliases of the speakers merged: each merge
    succeeds or fails in one `error:` line; nothing dangles and the summaries stay exact."""
    migrate.upgrade(pg_url)
    seed = _articles(tmp_path, "seed.jsonl", 0, 30)
    assert _run(pg_url, "first", seed).communicate(timeout=300)[0].split() == ["30", "0", "0"]
    ingester = _run(pg_url, "first", _articles(tmp_path, "more.jsonl", 100, 240))
    results = []
    for k in range(6):
        a, b = ("أنتوني بلينكن", "سيرغي لافروف") if k % 2 == 0 else ("سيرغي لافروف", "أنتوني بلينكن")
        m = popen_cli(pg_url, "merge-speakers", a, b)
        out, err = m.communicate(timeout=120)
        results.append((m.returncode, out, err))
        if ingester.poll() is not None:
            break
    out, err = ingester.communicate(timeout=300)
    assert ingester.returncode == 0, err
    for rc, out, err in results:
        assert "Traceback" not in err, err
        assert rc == 0 or (rc == 1 and len(err.strip().splitlines()) == 1 and err.startswith("error: ")), err
    eng = plain_engine(pg_url)
    try:
        with eng.connect() as c:
            assert c.execute(text("SELECT count(*) FROM quotes q WHERE q.speaker_id IS NOT NULL AND NOT EXISTS "
                                  "(SELECT 1 FROM speakers s WHERE s.id = q.speaker_id)")).scalar_one() == 0
    finally:
        eng.dispose()
    _summaries_exact(pg_url)
