"""Build a benchmark database of N quotes from real corpus quotes (no extractor runs at scale).

    python benchmarks/make_quotes_db.py --quotes 1000000 --db sqlite:////tmp/quotetrack-bench/q1m.db
    python benchmarks/make_quotes_db.py --quotes 100000 --db postgresql+psycopg://postgres@127.0.0.1/qt100k

A SOURCE database of real extracted quotes (default: the first 383 articles of the news corpus,
ingested once with `--workers 2` into /tmp/quotetrack-bench/source.db) is replicated:
- every replica of an article keeps its real text, title and quotes (offsets stay valid) and gets a
  fresh external id, a publication date drawn uniformly from 2013-2024 and an outlet drawn with the
  source's outlet frequencies;
- person/organization speakers: half the replicated quotes keep their real speaker, the other half
  draw from a Zipf(1) ranking over the real speakers (most quoted first) followed by plausible new
  names (real first names x real family names), so a few speakers dominate and the tail is long, as
  in news; anonymous sources keep their description. Every speaker gets its name as an alias.
Rows are bulk-inserted through the ORM tables (Core executemany, 10,000 rows a statement) into a
database migrated to head, so full-text triggers and indexes are the production ones.
"""
from __future__ import annotations

import argparse
import bisect
import datetime as dt
import itertools
import random
import sys
import time
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select, text

from quotetrack.db import migrate
from quotetrack.db.models import Article, Outlet, Quote, Speaker, SpeakerAlias, SpeakerFacet
from quotetrack.db.repo import facets_select
from quotetrack.db.speakers import name_keys, speaker_key

HERE = Path(__file__).resolve().parent
NEWS = HERE.parent.parent / "shared" / "corpus" / "news.jsonl"
SOURCE = "sqlite:////tmp/quotetrack-bench/source.db"
START, DAYS = dt.date(2013, 1, 1), (dt.date(2024, 12, 31) - dt.date(2013, 1, 1)).days
CHUNK = 10_000


def ensure_source(url: str) -> None:
    from quotetrack.ingest import ingest

    migrate.upgrade(url)
    eng = migrate.open_db(url)
    try:
        with eng.connect() as c:
            if c.scalar(select(func.count()).select_from(Quote.__table__)):
                return
        print(f"building the source database {url} from {NEWS} (real extractor, 2 workers) ...", flush=True)
        s = ingest([NEWS], eng, workers=2)
        print(f"  {s.new} articles, {s.quotes} quotes, {s.speakers_new} speakers", flush=True)
    finally:
        eng.dispose()


def rows(conn: Any, table: Any) -> list[dict[str, Any]]:
    return [dict(r._mapping) for r in conn.execute(select(table).order_by(table.c.id))]


def build(db: str, n_quotes: int, source: str, seed: int) -> None:
    rnd = random.Random(seed)
    src = migrate.open_db(source)
    with src.connect() as c:
        outlets = rows(c, Outlet.__table__)
        articles = rows(c, Article.__table__)
        speakers = rows(c, Speaker.__table__)
        aliases = rows(c, SpeakerAlias.__table__)
        quotes = rows(c, Quote.__table__)
    src.dispose()
    by_article: dict[int, list[dict[str, Any]]] = {}
    for q in quotes:
        by_article.setdefault(q["article_id"], []).append(q)
    articles = [a for a in articles if a["id"] in by_article]
    # outlet frequencies of the source
    freq: dict[int, int] = {}
    for a in articles:
        if a["outlet_id"] is not None:
            freq[a["outlet_id"]] = freq.get(a["outlet_id"], 0) + 1
    outlet_ids = sorted(freq)
    outlet_cum = list(itertools.accumulate(freq[o] for o in outlet_ids))
    # speakers: real ones ranked by quotes, then synthetic names (real first names x real family names)
    count: dict[int, int] = {}
    for q in quotes:
        if q["speaker_id"] is not None:
            count[q["speaker_id"]] = count.get(q["speaker_id"], 0) + 1
    kind_of = {s["id"]: s["kind"] for s in speakers}
    persons = [s for s in speakers if s["kind"] == "person" and len(s["name"].split()) >= 2]
    firsts = sorted({s["name"].split()[0] for s in persons})
    lasts = sorted({s["name"].split()[-1] for s in persons})
    keys = {(s["key"], s["kind"]) for s in speakers}
    next_speaker = max(s["id"] for s in speakers) + 1
    want_new = int(n_quotes * 0.06)  # distinct speakers grow sub-linearly: ~6 % of quotes add a name
    new_speakers: list[dict[str, Any]] = []
    for _ in range(want_new * 3):
        if len(new_speakers) >= want_new:
            break
        name = f"{rnd.choice(firsts)} {rnd.choice(lasts)}"
        key = speaker_key(name)
        if (key, "person") in keys:
            continue
        keys.add((key, "person"))
        new_speakers.append({"id": next_speaker, "name": name, "key": key, "kind": "person", "gender": None,
                             "manual": False})
        next_speaker += 1
    ranked: dict[str, list[int]] = {}
    for kind in ("person", "organization"):
        real = sorted((sid for sid, k in kind_of.items() if k == kind), key=lambda sid: -count.get(sid, 0))
        ranked[kind] = real + ([s["id"] for s in new_speakers] if kind == "person" else [])
    zipf_cum = {k: list(itertools.accumulate(1.0 / (i + 1) for i in range(len(v)))) for k, v in ranked.items()}

    def draw(kind: str) -> int:
        cum = zipf_cum[kind]
        return ranked[kind][bisect.bisect(cum, rnd.random() * cum[-1])]

    migrate.upgrade(db)
    eng = migrate.open_db(db)
    t0 = time.perf_counter()
    with eng.begin() as c:
        if c.scalar(select(func.count()).select_from(Quote.__table__)):
            raise SystemExit(f"{db} already holds quotes; give an empty database")
        c.execute(insert(Outlet.__table__), outlets)
        for i in range(0, len(speakers + new_speakers), CHUNK):
            c.execute(insert(Speaker.__table__), (speakers + new_speakers)[i:i + CHUNK])
        alias_rows = [{k: v for k, v in a.items() if k != "id"} for a in aliases]
        seen = {(a["key"], a["kind"]) for a in aliases}
        for s in new_speakers:
            if (s["key"], s["kind"]) not in seen:
                lk, sn, fn = name_keys(s["key"], s["kind"], is_scoped=False)
                row = dict.fromkeys(c_.name for c_ in SpeakerAlias.__table__.c if c_.name != "id")  # every column
                row.update(speaker_id=s["id"], alias=s["name"], key=s["key"], kind=s["kind"], manual=False,
                           loose=lk, surname=sn, forename=fn)
                alias_rows.append(row)
        for i in range(0, len(alias_rows), CHUNK):
            c.execute(insert(SpeakerAlias.__table__), alias_rows[i:i + CHUNK])
        a_buf: list[dict[str, Any]] = []
        q_buf: list[dict[str, Any]] = []
        made, aid, qid, replica = 0, 0, 0, 0
        while made < n_quotes:
            for a in articles:
                if made >= n_quotes:
                    break
                aid += 1
                outlet = a["outlet_id"] if replica == 0 else \
                    outlet_ids[bisect.bisect(outlet_cum, rnd.random() * outlet_cum[-1])]
                published = START + dt.timedelta(days=rnd.randrange(DAYS + 1))
                a_buf.append(dict(a, id=aid, external_id=f"{a['external_id']}#{replica}", outlet_id=outlet,
                                  published=published))
                for q in by_article[a["id"]]:
                    if made >= n_quotes:
                        break
                    qid += 1
                    made += 1
                    sid = q["speaker_id"]
                    if replica and sid is not None and kind_of[sid] in ranked and rnd.random() < 0.5:
                        sid = draw(kind_of[sid])
                    # quotes carry their article's date and outlet (0003_query_speed), as ingest writes them
                    q_buf.append(dict(q, id=qid, article_id=aid, speaker_id=sid, published=published,
                                      outlet_id=outlet))
                if len(q_buf) >= CHUNK:
                    c.execute(insert(Article.__table__), a_buf)
                    c.execute(insert(Quote.__table__), q_buf)
                    a_buf, q_buf = [], []
                    print(f"\r  {made:,} quotes", end="", file=sys.stderr, flush=True)
            replica += 1
        if a_buf:
            c.execute(insert(Article.__table__), a_buf)
        if q_buf:
            c.execute(insert(Quote.__table__), q_buf)
        # per-speaker totals, as ingest keeps them (one aggregate here instead of per batch)
        c.execute(text("INSERT INTO speaker_stats (speaker_id, quotes, articles, first_published, last_published) "
                       "SELECT speaker_id, COUNT(*), COUNT(DISTINCT article_id), MIN(published), MAX(published) "
                       "FROM quotes WHERE speaker_id IS NOT NULL GROUP BY speaker_id"))
        # per-speaker facet counts (0004_speaker_facets), the same rows as the migration's backfill
        c.execute(insert(SpeakerFacet.__table__).from_select(
            ["speaker_id", "facet", "value", "quotes"], facets_select(c.dialect.name)))
        if c.dialect.name == "postgresql":
            for t in ("outlets", "articles", "speakers", "speaker_aliases", "quotes"):
                c.execute(text(f"SELECT setval(pg_get_serial_sequence('{t}', 'id'), (SELECT max(id) FROM {t}))"))
    with eng.connect() as c:
        if c.dialect.name == "postgresql":
            c.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("ANALYZE")
        else:
            c.exec_driver_sql("ANALYZE")
            c.commit()
    eng.dispose()
    print(f"\n{db}: {made:,} quotes in {aid:,} articles, {len(speakers) + len(new_speakers):,} speakers, "
          f"{len(outlets)} outlets, {time.perf_counter() - t0:.0f} s", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quotes", type=int, required=True)
    ap.add_argument("--db", required=True, help="an empty database (SQLite file under /tmp, or PostgreSQL)")
    ap.add_argument("--source", default=SOURCE, help="a database of real extracted quotes to replicate")
    ap.add_argument("--seed", type=int, default=6)
    a = ap.parse_args()
    ensure_source(a.source)
    build(a.db, a.quotes, a.source, a.seed)


if __name__ == "__main__":
    main()
