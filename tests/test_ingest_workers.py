"""Parallel ingest: ``workers=N`` stores exactly what one process stores, keeps per-article
problems, stays idempotent; several processes feeding one database never duplicate or lose rows."""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from quotetrack import extract
from quotetrack.cli import app
from quotetrack.db import migrate
from quotetrack.ingest import ingest
from quotetrack.extractor.quote import Quote as Q

from shared_data import shared_path

ROOT = Path(__file__).resolve().parents[1]

#: every stored column except ids and ingest times, in a stable order
SNAPSHOT = {
    "outlets": "SELECT name, key, domain FROM outlets ORDER BY key",
    "articles": "SELECT a.external_id, o.key, a.url, a.title, a.published, a.content_hash, a.extractor_version "
                "FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id ORDER BY a.external_id",
    "speakers": "SELECT name, key, kind, gender FROM speakers ORDER BY key, kind",
    "aliases": "SELECT a.alias, a.key, a.kind, a.manual, s.key FROM speaker_aliases a "
               "JOIN speakers s ON s.id = a.speaker_id ORDER BY a.key, a.kind",
    "quotes": "SELECT a.external_id, q.char_start, q.char_end, q.content, q.type, q.cue, q.cue_lemma, q.stance, "
              "q.title, q.mention, q.via, q.channel, q.anonymous, q.rule, s.key, s.kind "
              "FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN speakers s ON s.id = q.speaker_id "
              "ORDER BY a.external_id, q.char_start, q.char_end",
}


def snapshot(engine: Any) -> dict[str, list[tuple[Any, ...]]]:
    with engine.connect() as c:
        return {k: [tuple(r) for r in c.execute(text(sql))] for k, sql in SNAPSHOT.items()}


def ids_in_order(engine: Any) -> list[tuple[str, int]]:
    with engine.connect() as c:
        return [tuple(r) for r in c.execute(text("SELECT external_id, id FROM articles ORDER BY id"))]


def wipe(url: str) -> None:
    """Back to an empty database at head (drop everything, migrate again)."""
    migrate.downgrade(url, "base")
    migrate.upgrade(url)


def news_file(tmp_path: Path, n: int, name: str = "news.jsonl", start: int = 0) -> Path:
    lines = shared_path("corpus/news.jsonl").read_text(encoding="utf-8").splitlines()[start:start + n]
    f = tmp_path / name
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return f


def test_two_workers_store_the_same_rows_as_one(db_url: str, tmp_path: Path) -> None:
    """The real extractor on real articles: N=2 gives the same rows (and the same ids) as N=1."""
    f = news_file(tmp_path, 30)
    migrate.upgrade(db_url)
    eng = migrate.open_db(db_url)
    try:
        s1 = ingest([f], eng, batch_size=7, workers=1)
        one, ids1 = snapshot(eng), ids_in_order(eng)
        wipe(db_url)
        s2 = ingest([f], eng, batch_size=7, workers=2)
        two, ids2 = snapshot(eng), ids_in_order(eng)
    finally:
        eng.dispose()
    assert s1.as_dict() == s2.as_dict()
    assert s1.new == 30 and s1.quotes > 100 and s1.speakers_new > 10
    assert len(one["quotes"]) == s1.quotes
    assert one == two
    assert ids1 == ids2  # ordered: articles are stored in input order either way


def _raising_extractor(t: str) -> list[Q]:
    if "BOOM" in t:
        raise RuntimeError("bad article")
    i = t.index("إن ")
    content = t[i + 3:]
    return [Q(content=content, start=i + 3, end=len(t), type="indirect", cue="قال", cue_lemma="قال", stance=None,
              speaker=t.split()[1] + " " + t.split()[2], speaker_kind="person", gender="m", mention=None,
              mention_start=None, mention_end=None, title=None, via=None, channel=None, rule="test")]


def test_workers_keep_per_article_problems_and_stay_idempotent(engine: Any, tmp_path: Path) -> None:
    f = tmp_path / "p.jsonl"
    lines = []
    for i in range(25):
        t = f"قال سالم {['أحمد', 'خالد', 'ناصر'][i % 3]} إن الخبر رقم {i}" + (" BOOM" if i in (4, 17) else "")
        lines.append(json.dumps({"id": f"p{i}", "outlet": "الرياض", "date": "2015-07-0" + str(1 + i % 9),
                                 "text": t}, ensure_ascii=False))
    lines.insert(10, "{not json")
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    s = ingest([f], engine, extractor=_raising_extractor, extractor_version="t", batch_size=4, workers=2)
    assert (s.read, s.new, s.failed, s.unreadable, s.quotes, s.speakers_new) == (25, 23, 3, 1, 23, 3)
    msgs = sorted(str(p) for p in s.problems)
    assert msgs[0].endswith(":11: not JSON: Expecting property name enclosed in double quotes at column 2")
    assert [m.split(": ", 1)[1] for m in msgs[1:]] == [
        "article 'p17': extraction failed (RuntimeError): bad article",
        "article 'p4': extraction failed (RuntimeError): bad article"]
    assert ":5: " in msgs[2] and ":19: " in msgs[1]  # file lines of p4 and p17 (p17 after the bad line)
    again = ingest([f], engine, extractor=_raising_extractor, extractor_version="t", batch_size=4, workers=2)
    assert (again.new, again.skipped, again.quotes, again.failed) == (0, 23, 0, 3)
    with engine.connect() as c:
        assert c.execute(text("SELECT count(*) FROM articles")).scalar_one() == 23
        assert c.execute(text("SELECT count(*) FROM quotes")).scalar_one() == 23


def test_invalid_workers(engine: Any) -> None:
    with pytest.raises(ValueError, match="workers"):
        ingest([], engine, workers=0)


def test_cli_workers(db_url: str, tmp_path: Path) -> None:
    f = news_file(tmp_path, 12)
    runner = CliRunner()
    migrate.upgrade(db_url)
    r = runner.invoke(app, ["--db", db_url, "ingest", str(f), "-q", "--workers", "2", "--batch-size", "5"])
    assert r.exit_code == 0, r.stderr
    assert "articles new" in r.stderr
    # exactly the quotes the extractor finds in each article, stored once
    recs = [json.loads(line) for line in f.read_text(encoding="utf-8").splitlines()]
    want = {(r["id"], q.start, q.end, q.content) for r in recs for q in extract(r["text"], outlet=r["outlet"])}
    eng = migrate.open_db(db_url)
    try:
        with eng.connect() as c:
            assert c.execute(text("SELECT count(*) FROM articles")).scalar_one() == 12
            stored = [tuple(x) for x in c.execute(text(
                "SELECT a.external_id, q.char_start, q.char_end, q.content FROM quotes q "
                "JOIN articles a ON a.id = q.article_id"))]
    finally:
        eng.dispose()
    assert len(want) > 12 and sorted(stored) == sorted(want)
    r = runner.invoke(app, ["--db", db_url, "ingest", str(f), "--workers", "0"])
    assert r.exit_code == 2


# -- several processes, one PostgreSQL database -----------------------------------------------------------------
WORKER_SCRIPT = textwrap.dedent("""
    import sys
    from quotetrack.db.migrate import open_db
    from quotetrack.ingest import ingest
    from quotetrack.extractor.quote import Quote

    NAMES = ["محمد سالم", "خالد عمر", "ناصر الحربي", "ليلى حسن", "يوسف الأحمد", "سارة علي", "عمر فاروق"]

    def extract(t):
        out = []
        for k, part in enumerate(t.split(" | ")):
            start = t.index(part)
            name = NAMES[(len(part) + k) % len(NAMES)]
            out.append(Quote(content=part, start=start, end=start + len(part), type="direct", cue="قال",
                             cue_lemma="قال", stance=None, speaker=name, speaker_kind="person", gender=None,
                             mention=name, mention_start=None, mention_end=None, title=None, via=None,
                             channel=None, rule="test"))
        return out

    url, workers, *files = sys.argv[1:]
    eng = open_db(url)
    s = ingest(files, eng, extractor=extract, extractor_version="t", batch_size=5, workers=int(workers))
    eng.dispose()
    print(s.new, s.skipped, s.quotes)
""")


@pytest.mark.postgres
def test_concurrent_processes_feed_one_postgresql(pg_url: str, tmp_path: Path) -> None:
    """Four processes (two with --workers 2) ingest overlapping inputs at once: exact counts, no duplicates."""
    n = 300
    arts = [{"id": f"a{i}", "outlet": ["الرياض", "عكاظ", "الوطن"][i % 3], "date": f"2015-08-{1 + i % 28:02d}",
             "text": " | ".join(f"الجملة {i} رقم {k} {'ـ' * (i % 5)}" for k in range(1 + i % 4))}
            for i in range(n)]
    expected_quotes = sum(1 + i % 4 for i in range(n))

    def write(name: str, idx: range) -> str:
        p = tmp_path / name
        p.write_text("".join(json.dumps(arts[i], ensure_ascii=False) + "\n" for i in idx), encoding="utf-8")
        return str(p)

    files = [write("all.jsonl", range(n)), write("first.jsonl", range(0, 200)),
             write("last.jsonl", range(100, n)), write("rev.jsonl", range(n - 1, -1, -1))]
    migrate.upgrade(pg_url)
    script = tmp_path / "worker.py"
    script.write_text(WORKER_SCRIPT, encoding="utf-8")
    procs = [subprocess.Popen([sys.executable, str(script), pg_url, str(w), f], cwd=ROOT,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for f, w in zip(files, (1, 2, 1, 2))]
    outs = [p.communicate(timeout=300) for p in procs]
    for p, (out, err) in zip(procs, outs):
        assert p.returncode == 0, err
    new = [int(o.split()[0]) for o, _ in outs]
    quotes = [int(o.split()[2]) for o, _ in outs]
    assert sum(new) == n  # every article stored by exactly one process
    assert sum(quotes) == expected_quotes
    eng = migrate.open_db(pg_url)
    try:
        with eng.connect() as c:
            one = lambda sql: c.execute(text(sql)).scalar_one()  # noqa: E731
            assert one("SELECT count(*) FROM articles") == n
            assert one("SELECT count(DISTINCT external_id) FROM articles") == n
            assert one("SELECT count(*) FROM quotes") == expected_quotes
            assert one("SELECT count(*) FROM (SELECT DISTINCT article_id, char_start, char_end FROM quotes) x") \
                == expected_quotes
            assert one("SELECT count(*) FROM speakers") == 7
            assert one("SELECT count(*) FROM outlets") == 3
            assert one("SELECT count(*) FROM articles a WHERE NOT EXISTS "
                       "(SELECT 1 FROM quotes q WHERE q.article_id = a.id)") == 0
    finally:
        eng.dispose()
