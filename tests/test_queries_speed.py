"""Issue 6, query speed (migrations 0003_query_speed, 0004_speaker_facets): the denormalized quote
columns, speaker_stats and speaker_facets stay exact through ingest, re-ingest, re-extraction, merges, downgrade and
upgrade; the fast query shapes return exactly what the plain SQL over the views returns;
and on SQLite the plans walk the intended indexes instead of sorting.

Real SQLite files and the real PostgreSQL server (``db_url``); no mocks.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import Engine, text

import quotetrack.queries as Q
from quotetrack.db import migrate
from quotetrack.db.engine import make_engine
from quotetrack.db.speaker_edits import merge_speakers
from quotetrack.ingest import ingest
from quotetrack.inputs import Article
from quotetrack.extractor.quote import Quote

SPEAKERS = ["سمير علي", "علي حسن", "منى الشامي", "وزارة الخارجية", "كريم داود", "ليلى يوسف"]
OUTLETS = ["الجزيرة", "العربية", None, "بي بي سي عربي"]


def _articles(n: int = 40) -> list[Article]:
    out = []
    for i in range(n):
        date = None if i % 7 == 3 else (dt.date(2020, 1, 1) + dt.timedelta(days=(i * 37) % 700)).isoformat()
        text_ = " ".join(f"جملة رقم {i} فقرة {k} قال فيها المتحدث كلاما مهما" for k in range(6))
        out.append(Article(id=f"a{i}", text=text_, outlet=OUTLETS[i % len(OUTLETS)], date=date,
                           title=f"عنوان {i}", url=None, source="t", line=i + 1))
    return out


def _extractor(shift: int = 0) -> Any:
    """Deterministic quotes: 1-4 per article, speakers from SPEAKERS (``shift`` changes who says what)."""
    def extract(text_: str) -> list[Quote]:
        i = int(text_.split()[2])
        qs = []
        step = len(text_) // 6
        for k in range((i + shift) % 4 + 1):
            name = SPEAKERS[(i * 3 + k + shift) % len(SPEAKERS)]
            kind = "organization" if name.startswith("وزارة") else "person"
            qs.append(Quote(content=text_[k * step:k * step + 20], start=k * step, end=k * step + 20,
                            type=("direct", "indirect", "mixed")[(i + k) % 3], cue="قال", cue_lemma="قال",
                            stance=("neutral", None, "assertive")[(i + k) % 3], speaker=name, speaker_kind=kind,
                            gender=None, mention=None, mention_start=None, mention_end=None,
                            title=("وزير", None)[k % 2], via=None, channel=None, rule="test"))
        return qs
    return extract


def _ingest(eng: Engine, arts: list[Article], shift: int = 0, reextract: bool = False) -> Any:
    return ingest(arts, eng, batch_size=9, extractor=_extractor(shift), extractor_version="t", reextract=reextract)


def _assert_consistent(eng: Engine) -> None:
    """quotes.published/outlet_id equal their article's; speaker_stats equals the aggregate of quotes."""
    with eng.connect() as c:
        bad = c.execute(text("SELECT count(*) FROM quotes q JOIN articles a ON a.id = q.article_id "
                             "WHERE NOT ((q.published = a.published OR (q.published IS NULL AND a.published IS NULL)) "
                             "AND (q.outlet_id = a.outlet_id OR (q.outlet_id IS NULL AND a.outlet_id IS NULL)))"
                             )).scalar()
        assert bad == 0
        want = {tuple(r) for r in c.execute(text(
            "SELECT q.speaker_id, COUNT(*), COUNT(DISTINCT q.article_id), MIN(a.published), MAX(a.published) "
            "FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.speaker_id IS NOT NULL "
            "GROUP BY q.speaker_id"))}
        got = {tuple(r) for r in c.execute(text(
            "SELECT speaker_id, quotes, articles, first_published, last_published FROM speaker_stats"))}
        assert want and got == want
        month = "to_char(a.published, 'YYYY-MM')" if c.dialect.name == "postgresql" else "substr(a.published, 1, 7)"
        want_f: set[tuple[Any, ...]] = set()
        for facet, expr, extra in (("title", "COALESCE(q.title, '')", ""), ("stance", "COALESCE(q.stance, '')", ""),
                                   ("type", "q.type", ""), ("outlet", "COALESCE(CAST(a.outlet_id AS TEXT), '')", ""),
                                   ("month", month, " AND a.published IS NOT NULL")):
            want_f |= {(r[0], facet, r[1], r[2]) for r in c.execute(text(
                f"SELECT q.speaker_id, {expr}, COUNT(*) FROM quotes q JOIN articles a ON a.id = q.article_id "
                f"WHERE q.speaker_id IS NOT NULL{extra} GROUP BY q.speaker_id, {expr}"))}
        got_f = {tuple(r) for r in c.execute(text("SELECT speaker_id, facet, value, quotes FROM speaker_facets"))}
        assert {f[1] for f in want_f} == {"title", "stance", "type", "outlet", "month"}
        assert got_f == want_f


def test_ingest_reingest_reextract_merge_keep_stats_exact(engine: Engine) -> None:
    arts = _articles()
    s = _ingest(engine, arts)
    assert s.new == 40 and s.quotes > 60
    _assert_consistent(engine)
    with engine.connect() as c:
        before = c.execute(text("SELECT * FROM speaker_stats ORDER BY speaker_id")).all()
    assert _ingest(engine, arts).new == 0                     # re-ingest adds nothing
    with engine.connect() as c:
        assert c.execute(text("SELECT * FROM speaker_stats ORDER BY speaker_id")).all() == before
    s = _ingest(engine, arts[:25], shift=1, reextract=True)   # other speakers, other quote counts
    assert s.replaced == 25
    _assert_consistent(engine)
    s = _ingest(engine, _articles(55)[40:], shift=2)          # new articles on top
    assert s.new == 15
    _assert_consistent(engine)
    merge_speakers(engine, "سمير علي", "كريم داود")
    _assert_consistent(engine)
    with engine.connect() as c:
        assert Q.match_speakers(c, "كريم داود")[0].speaker == "سمير علي"
        top = Q.list_speakers(c, Q.SpeakerFilter(limit=None))
        n = c.execute(text("SELECT count(*) FROM quotes WHERE speaker_id = :i"), {"i": top[0].speaker_id}).scalar()
    assert top[0].quotes == n


def test_downgrade_upgrade_backfills(engine: Engine, db_url: str) -> None:
    _ingest(engine, _articles())
    with engine.connect() as c:
        stats = c.execute(text("SELECT * FROM speaker_stats ORDER BY speaker_id")).all()
        facets = c.execute(text("SELECT * FROM speaker_facets ORDER BY speaker_id, facet, value")).all()
        quotes = c.execute(text("SELECT id, published, outlet_id FROM quotes ORDER BY id")).all()
    assert len(facets) > 30
    engine.dispose()
    migrate.downgrade(db_url, "0002_reporting")
    eng = make_engine(db_url)
    try:
        with eng.connect() as c:
            cols = set(c.execute(text("SELECT * FROM quotes LIMIT 1")).keys())
            assert "published" not in cols and "outlet_id" not in cols
            assert c.execute(text("SELECT count(*) FROM quotes")).scalar() == len(quotes)
    finally:
        eng.dispose()
    migrate.upgrade(db_url)
    eng = make_engine(db_url)
    try:
        with eng.connect() as c:
            assert c.execute(text("SELECT * FROM speaker_stats ORDER BY speaker_id")).all() == stats
            assert c.execute(text("SELECT * FROM speaker_facets ORDER BY speaker_id, facet, value")).all() == facets
            assert c.execute(text("SELECT id, published, outlet_id FROM quotes ORDER BY id")).all() == quotes
        _assert_consistent(eng)
    finally:
        eng.dispose()


# -- same results as plain SQL over the views ---------------------------------------------------------------------
def _ref_quotes(c: Any, where: str, params: dict[str, Any], limit: int | None, newest: bool = True) -> list[int]:
    d = "DESC" if newest else "ASC"
    sql = (f"SELECT quote_id FROM quote_details WHERE {where} "
           f"ORDER BY CASE WHEN published IS NULL THEN 1 ELSE 0 END, published {d}, quote_id {d}")
    if limit is not None:
        sql += f" LIMIT {limit}"
    return [r[0] for r in c.execute(text(sql), params)]


@pytest.mark.parametrize("limit", [1, 3, 7, 50, None])
def test_find_quotes_matches_plain_sql(engine: Engine, limit: int | None) -> None:
    _ingest(engine, _articles())
    with engine.connect() as c:
        ids = {r.speaker: r.speaker_id for r in Q.list_speakers(c, Q.SpeakerFilter(limit=None))}
        ali = [ids["سمير علي"], ids["علي حسن"]]
        jaz = Q.match_outlets(c, "الجزيرة")[0]
        assert sorted(r.speaker_id for r in Q.match_speakers(c, "علي")) == sorted(ali)  # whole-word fallback, 2 ids
        cases = [
            (Q.QuoteFilter(limit=limit), "1=1", {}),
            (Q.QuoteFilter(speaker="منى الشامي", limit=limit), "speaker_id = :s", {"s": ids["منى الشامي"]}),
            (Q.QuoteFilter(speaker="علي", limit=limit), "speaker_id IN (:a, :b)", {"a": ali[0], "b": ali[1]}),
            (Q.QuoteFilter(outlet="الجزيرة", limit=limit), "outlet_id = :o", {"o": jaz}),
            (Q.QuoteFilter(since=dt.date(2020, 3, 1), until=dt.date(2021, 2, 28), limit=limit),
             "published BETWEEN :x AND :y", {"x": dt.date(2020, 3, 1), "y": dt.date(2021, 2, 28)}),
            (Q.QuoteFilter(speaker="علي", outlet="الجزيرة", since=dt.date(2020, 1, 1), limit=limit),
             "speaker_id IN (:a, :b) AND outlet_id = :o AND published >= :x",
             {"a": ali[0], "b": ali[1], "o": jaz, "x": dt.date(2020, 1, 1)}),
            (Q.QuoteFilter(type="direct", anonymous=False, limit=limit), "type = 'direct' AND anonymous = 0", {}),
        ]
        for f, where, params in cases:
            for newest in (True, False):
                f2 = Q.QuoteFilter(**{**{k: getattr(f, k) for k in f.__dataclass_fields__},
                                      "sort": Q.QuoteSort.newest if newest else Q.QuoteSort.oldest})
                got = [r.quote_id for r in Q.find_quotes(c, f2)]
                assert got == _ref_quotes(c, where, params, limit, newest), (where, newest)
        assert any(r.published is None for r in Q.find_quotes(c, Q.QuoteFilter(limit=None)))


def test_speaker_rankings_and_profile_match_views(engine: Engine) -> None:
    _ingest(engine, _articles())
    _ingest(engine, _articles()[:10], shift=1, reextract=True)
    with engine.connect() as c:
        ref = [tuple(r) for r in c.execute(text(
            "SELECT speaker_id, quotes, articles, outlets, first_published, last_published FROM speaker_summary "
            "ORDER BY quotes DESC, speaker, speaker_id"))]
        got = Q.list_speakers(c, Q.SpeakerFilter(limit=None))
        assert [(r.speaker_id, r.quotes, r.articles, r.outlets, r.first_published, r.last_published)
                for r in got] == [(a, b, cc, d, Q._as_date(e), Q._as_date(f)) for a, b, cc, d, e, f in ref]
        assert [r.speaker_id for r in Q.list_speakers(c, Q.SpeakerFilter(limit=2))] == [r[0] for r in ref[:2]]
        orgs = Q.list_speakers(c, Q.SpeakerFilter(kind="organization"))
        assert [r.speaker for r in orgs] == ["وزارة الخارجية"]
        # a filter that keeps every quote ranks the same way through the aggregate path
        wide = Q.list_speakers(c, Q.SpeakerFilter(since=dt.date(1900, 1, 1), limit=None))
        assert all(w.quotes <= g.quotes for w, g in zip(sorted(wide, key=lambda r: r.speaker_id),
                                                          sorted(got, key=lambda r: r.speaker_id)))
        # one calendar month: read from speaker_facets, equal to the aggregate over the quotes of the month
        months = [r[0] for r in c.execute(text("SELECT DISTINCT month FROM quote_details WHERE month IS NOT NULL"))]
        assert len(months) > 5
        for m in sorted(months)[:8]:
            since = dt.date.fromisoformat(m + "-01")
            until = Q._month_end(since)
            for kind in (None, "person", "organization"):
                kw = "" if kind is None else f" AND speaker_kind = '{kind}'"
                ref_m = [tuple(r) for r in c.execute(text(
                    "SELECT speaker_id, count(*) n, count(DISTINCT article_id), count(DISTINCT outlet_id), "
                    "min(published), max(published) FROM quote_details WHERE speaker_id IS NOT NULL "
                    f"AND published BETWEEN :x AND :y{kw} GROUP BY speaker_id, speaker "
                    "ORDER BY n DESC, speaker, speaker_id"), {"x": since, "y": until})]
                for lim in (1, 2, 3, 50):
                    got_m = Q.list_speakers(c, Q.SpeakerFilter(since=since, until=until, kind=kind, limit=lim))
                    assert [(r.speaker_id, r.quotes, r.articles, r.outlets, r.first_published, r.last_published)
                            for r in got_m] == [(a, b, cc, d, Q._as_date(e), Q._as_date(f))
                                                for a, b, cc, d, e, f in ref_m[:lim]], (m, kind, lim)
                    assert [r.rank for r in got_m] == list(range(1, len(got_m) + 1))
        for name in ("منى الشامي", "علي"):
            p = Q.speaker_profile(c, name, latest=4)
            ids = [s.speaker_id for s in p.speakers]
            marks = ", ".join(str(i) for i in ids)
            qd = f"FROM quote_details WHERE speaker_id IN ({marks})"
            n, arts, first, last = c.execute(text(
                f"SELECT count(*), count(DISTINCT article_id), min(published), max(published) {qd}")).one()
            assert (p.quotes, p.articles, p.first_published, p.last_published) == \
                (n, arts, Q._as_date(first), Q._as_date(last))
            for facet, col in (("stances", "stance"), ("types", "type"), ("outlets", "outlet")):
                want = [{col: v, "quotes": k} for v, k in c.execute(text(
                    f"SELECT {col}, count(*) {qd} GROUP BY {col} ORDER BY count(*) DESC, {col}"))]
                assert getattr(p, facet) == want, facet
            want_t = [{"title": v, "quotes": k} for v, k in c.execute(text(
                f"SELECT title, count(*) {qd} AND title IS NOT NULL GROUP BY title ORDER BY count(*) DESC, title"))]
            assert p.titles == want_t
            want_m = [{"month": v, "quotes": k} for v, k in c.execute(text(
                f"SELECT month, count(*) {qd} AND month IS NOT NULL GROUP BY month ORDER BY month"))]
            assert p.months == want_m
            assert [q.quote_id for q in p.latest] == _ref_quotes(c, f"speaker_id IN ({marks})", {}, 4)


@contextmanager
def _statements(eng: Engine) -> Iterator[list[tuple[str, Any]]]:
    """Record (statement, parameters) of everything ``eng`` executes inside the block."""
    from sqlalchemy import event

    seen: list[tuple[str, Any]] = []

    def listener(*a: Any) -> None:
        seen.append((a[2], a[3]))

    event.listen(eng, "before_cursor_execute", listener)
    try:
        yield seen
    finally:
        event.remove(eng, "before_cursor_execute", listener)


# -- plans (SQLite): the index is walked in order, nothing is sorted ---------------------------------------------
def test_sqlite_plans_walk_the_indexes(sqlite_url: str) -> None:
    eng = migrate.open_db(sqlite_url)
    try:
        _ingest(eng, _articles())
        with eng.connect() as c, _statements(eng) as seen:
            c.exec_driver_sql("ANALYZE")
            c.commit()
            seen.clear()
            shapes = {
                "ix_quotes_speaker_id_published": lambda: Q.find_quotes(c, Q.QuoteFilter(speaker="منى الشامي")),
                "ix_quotes_outlet_id_published": lambda: Q.find_quotes(c, Q.QuoteFilter(outlet="الجزيرة")),
                "ix_quotes_published": lambda: Q.find_quotes(c, Q.QuoteFilter(since=dt.date(2020, 5, 1))),
                "ix_quotes_speaker_id_outlet_id": lambda: Q.find_quotes(
                    c, Q.QuoteFilter(speaker="منى الشامي", outlet="الجزيرة", since=dt.date(2020, 1, 1))),
                "ix_speaker_stats_quotes": lambda: Q.list_speakers(c, Q.SpeakerFilter(limit=3)),
            }
            for index, run in shapes.items():
                seen.clear()
                run()
                stmt, params = max(seen, key=lambda sp: len(sp[0]))
                plan = " | ".join(r[3] for r in c.connection.driver_connection.execute(
                    "EXPLAIN QUERY PLAN " + stmt, params))
                assert f"INDEX {index} " in plan, (index, plan)
                assert "TEMP B-TREE FOR ORDER BY" not in plan, (index, plan)
    finally:
        eng.dispose()


@pytest.mark.postgres
def test_postgres_search_tests_the_stored_document(pg_url: str) -> None:
    """0005_pg_fts_column: quotes.content_fts holds the folded document for every row (kept by
    PostgreSQL on insert and update) and a search tests that column, never recomputing to_tsvector."""
    migrate.upgrade(pg_url)
    eng = migrate.open_db(pg_url)
    try:
        _ingest(eng, _articles())
        with eng.connect() as c, _statements(eng) as seen:
            stale = c.execute(text(f"SELECT count(*) FROM quotes WHERE content_fts IS DISTINCT FROM "
                                   f"{Q.PG_FTS_DOCUMENT}")).scalar()
            assert stale == 0
            assert c.execute(text("SELECT count(*) FROM quotes")).scalar() > 40
            c.execute(text("UPDATE quotes SET content = 'تغيرت كلمته' WHERE id = (SELECT min(id) FROM quotes)"))
            assert [r.content for r in Q.find_quotes(c, Q.QuoteFilter(search="كلمته"))] == ["تغيرت كلمته"]
            c.exec_driver_sql("ANALYZE")
            seen.clear()
            found = Q.find_quotes(c, Q.QuoteFilter(search="جملة"))
            assert found and all("جملة" in r.content for r in found)
            stmt, params = max(seen, key=lambda sp: len(sp[0]))
            with c.connection.driver_connection.cursor() as cur:
                cur.execute("EXPLAIN " + stmt, params)
                plan = " | ".join(r[0] for r in cur.fetchall())
            assert "content_fts @@" in plan, plan
            assert "to_tsvector" not in plan, plan
            c.rollback()
    finally:
        eng.dispose()


def test_sqlite_month_ranking_and_profile_read_speaker_facets(sqlite_url: str) -> None:
    """One month's ranking walks ix_speaker_facets_facet_value; a profile reads speaker_facets by its key;
    neither scans quotes (only index searches of the chosen speakers' quotes)."""
    eng = migrate.open_db(sqlite_url)
    try:
        _ingest(eng, _articles())
        with eng.connect() as c, _statements(eng) as seen:
            c.exec_driver_sql("ANALYZE")
            c.commit()
            seen.clear()
            month = c.execute(text("SELECT min(published) FROM quotes")).scalar()
            since = dt.date.fromisoformat(str(month)[:8] + "01")
            for run, index in ((lambda: Q.list_speakers(c, Q.SpeakerFilter(since=since, until=Q._month_end(since),
                                                                            limit=3)),
                                "ix_speaker_facets_facet_value"),
                               (lambda: Q.speaker_profile(c, "منى الشامي"), "pk_speaker_facets")):
                seen.clear()
                assert run()
                plans = [" | ".join(r[3] for r in c.connection.driver_connection.execute(
                    "EXPLAIN QUERY PLAN " + stmt, params)) for stmt, params in list(seen)]
                joined = " || ".join(plans)
                assert "speaker_facets" in joined and index in joined.replace("sqlite_autoindex_speaker_facets_1",
                                                                             "pk_speaker_facets"), joined
                assert not re.search(r"\bSCAN (quotes|speaker_facets|f)\b", joined), joined
    finally:
        eng.dispose()


def test_concurrent_ingests_keep_stats_and_facets_exact(engine: Engine) -> None:
    """Two ingesters at once (threads, own connections) on the same speakers: the per-batch upserts of
    speaker_stats and speaker_facets commute and lock rows in key order, so both finish (no deadlock on
    PostgreSQL) and the summaries equal plain SQL over the quotes."""
    import threading

    arts = _articles(80)
    errors: list[BaseException] = []

    def run(part: list[Article], shift: int) -> None:
        try:
            _ingest(engine, part, shift=shift)
        except BaseException as e:  # noqa: BLE001 - reported by the assertion below
            errors.append(e)

    threads = [threading.Thread(target=run, args=(arts[k::2], k)) for k in (0, 1)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not errors and not any(t.is_alive() for t in threads)
    with engine.connect() as c:
        assert c.execute(text("SELECT count(*) FROM articles")).scalar() == 80
    _assert_consistent(engine)
