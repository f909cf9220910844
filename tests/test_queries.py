"""The typed query API on real SQLite files and the real PostgreSQL server, over the gold dev articles."""
from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path
from types import ModuleType

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, func, select, text

import quotetrack.queries as Q
from quotetrack.db import migrate
from quotetrack.db.engine import make_engine
from quotetrack.db.models import Quote as QuoteModel
from quotetrack.db.speaker_edits import merge_speakers
from quotetrack import search
from quotetrack.search import index_form
from test_queries_support import (fresh_url, gold_articles, gold_engine, gold_url, ingest_gold,  # noqa: F401
                                  pg_server_url)

BLINKEN = "أنتوني بلينكن"
INJECTIONS = [
    "x' OR 1=1 --", '"; DROP TABLE quotes; --', '"', "*", "NEAR(", 'NEAR("a" "b")', "a AND", "OR", "-", ":*",
    "' | ! & ( )", "\\", "%", "_", "quotes_fts MATCH '*'", "\x00", "؟!«»", "",
]


def _n_quotes(eng: Engine) -> int:
    with eng.connect() as c:
        return int(c.execute(select(func.count()).select_from(QuoteModel)).scalar_one())


@pytest.mark.parametrize("name", ["بلينكن", "أنتوني بلينكن", "انتوني بلينكن", "أنتوني بلينكن", "  بلينكن  ",
                                  "وزير الخارجية الأميركي أنتوني بلينكن"])
def test_speaker_spellings_find_blinken(gold_engine: Engine, name: str) -> None:
    with gold_engine.connect() as c:
        if name.startswith("وزير"):  # a title + name is not an alias: unknown, with Blinken suggested
            with pytest.raises(Q.UnknownSpeakerError):
                Q.find_quotes(c, Q.QuoteFilter(speaker=name))
            return
        rows = Q.find_quotes(c, Q.QuoteFilter(speaker=name, limit=None))
    assert {r.speaker for r in rows} == {BLINKEN}
    assert len(rows) == 2
    assert {r.outlet for r in rows} == {"الجزيرة"}
    assert all(r.published == dt.date(2021, 6, 29) and r.month == "2021-06" for r in rows)


def test_unknown_speaker_suggests_closest(gold_engine: Engine) -> None:
    with gold_engine.connect() as c:
        with pytest.raises(Q.UnknownSpeakerError) as ei:
            Q.find_quotes(c, Q.QuoteFilter(speaker="بلينكين"))
    assert ei.value.suggestions[0] == BLINKEN
    assert "بلينكين" in str(ei.value) and BLINKEN in str(ei.value)


def test_word_run_does_not_match_inside_words(gold_engine: Engine) -> None:
    with gold_engine.connect() as c:
        assert Q.match_speakers(c, "لينكن") == []          # a piece of a word is not a name
        assert [r.speaker for r in Q.match_speakers(c, "بلينكن")] == [BLINKEN]


def test_outlet_exact_before_partial_and_unknown(gold_engine: Engine) -> None:
    with gold_engine.connect() as c:
        aj = Q.find_quotes(c, Q.QuoteFilter(outlet="الجزيرة", limit=None))
        saudi = Q.find_quotes(c, Q.QuoteFilter(outlet="الجزيرة (السعودية)", limit=None))
        assert aj and saudi
        assert {r.outlet for r in aj} == {"الجزيرة"}
        assert {r.outlet for r in saudi} == {"الجزيرة (السعودية)"}
        with pytest.raises(Q.UnknownOutletError) as ei:
            Q.find_quotes(c, Q.QuoteFilter(outlet="سكاي نيوز عربيه ش"))
        assert "سكاي نيوز عربية" in ei.value.suggestions


def test_date_filters_are_inclusive(gold_engine: Engine) -> None:
    with gold_engine.connect() as c:
        day = Q.find_quotes(c, Q.QuoteFilter(since=dt.date(2021, 6, 29), until=dt.date(2021, 6, 29), limit=None))
        assert day and {r.published for r in day} == {dt.date(2021, 6, 29)}
        june = Q.find_quotes(c, Q.QuoteFilter(since=dt.date(2018, 6, 1), until=dt.date(2018, 6, 30), limit=None))
        assert june and all(dt.date(2018, 6, 1) <= r.published <= dt.date(2018, 6, 30) for r in june)
        assert Q.find_quotes(c, Q.QuoteFilter(since=dt.date(2030, 1, 1))) == []
        assert Q.find_quotes(c, Q.QuoteFilter(since=dt.date(2021, 1, 1), until=dt.date(2020, 1, 1))) == []


def test_filters_cue_type_anonymous_via(gold_engine: Engine) -> None:
    with gold_engine.connect() as c:
        total = len(Q.find_quotes(c, Q.QuoteFilter(limit=None)))
        anon = Q.find_quotes(c, Q.QuoteFilter(anonymous=True, limit=None))
        named = Q.find_quotes(c, Q.QuoteFilter(anonymous=False, limit=None))
        assert total == 464 and len(anon) == 44 and len(anon) + len(named) == total
        assert all(r.anonymous for r in anon) and not any(r.anonymous for r in named)
        direct = Q.find_quotes(c, Q.QuoteFilter(type="direct", limit=None))
        assert len(direct) == 147 and {r.type for r in direct} == {"direct"}
        akkada = Q.find_quotes(c, Q.QuoteFilter(cue="اكد", limit=None))   # folded spelling of the lemma أكّد
        # every form of the lemma: the verb (أكد، مؤكدا) and its verbal noun with a possessive (تأكيده)
        assert akkada and all(Q.fold(r.cue or "").replace("ّ", "").endswith("كد") or r.cue_lemma == "أكّد"
                              or Q.fold(r.cue or "").startswith("تاكيد") for r in akkada)
        assert len(akkada) == len(Q.find_quotes(c, Q.QuoteFilter(cue="أكّد", limit=None)))
        reuters = Q.find_quotes(c, Q.QuoteFilter(via="رويترز", limit=None))
        assert reuters and all("رويترز" in (r.via or "") for r in reuters)
        assert {r.outlet for r in Q.find_quotes(c, Q.QuoteFilter(outlet="الجزيرة", via="رويترز"))} == {"الجزيرة"}
        stance = Q.find_quotes(c, Q.QuoteFilter(stance="denial", limit=None))
        assert stance and {r.stance for r in stance} == {"denial"}


def test_full_text_search_is_folded_and_anded(gold_engine: Engine) -> None:
    with gold_engine.connect() as c:
        for query in ("الدفاع عن النفس", "اطار الدفاع", "إطار الدِّفاع", "النفس الغارات"):
            rows = Q.find_quotes(c, Q.QuoteFilter(search=query, limit=None))
            assert any(r.speaker == BLINKEN for r in rows), query
            for r in rows:   # every word starts a word of the (folded) content, after an optional clitic
                content = index_form(r.content)
                assert all(regex.search(r"(?<![\p{L}\p{N}])(?:[وفبلك]{0,2}|ال)" + w, content)
                           for w in Q.fts_words(query)), (query, r.content)
        assert Q.find_quotes(c, Q.QuoteFilter(search="الدفاع zzqx")) == []
        both = Q.find_quotes(c, Q.QuoteFilter(search="النفس", speaker="بلينكن", since=dt.date(2021, 6, 1)))
        assert [r.speaker for r in both] == [BLINKEN]


@pytest.mark.parametrize("evil", INJECTIONS)
def test_metacharacters_are_data(gold_engine: Engine, evil: str) -> None:
    before = _n_quotes(gold_engine)
    with gold_engine.connect() as c:
        words = [index_form(w).strip() for w in Q.fts_words(evil) if w != "OR"]
        for r in Q.find_quotes(c, Q.QuoteFilter(search=evil)):   # only letters and digits are searched
            assert any(w in index_form(r.content) for w in words), (evil, r.content)
        with pytest.raises(Q.UnknownSpeakerError, match="^no speaker matches"):
            Q.find_quotes(c, Q.QuoteFilter(speaker=evil))
        with pytest.raises(Q.UnknownOutletError, match="^no outlet matches"):
            Q.find_quotes(c, Q.QuoteFilter(outlet=evil))
        assert Q.find_quotes(c, Q.QuoteFilter(via=evil, cue=evil, stance=evil, article=evil)) == []
    assert _n_quotes(gold_engine) == before


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40))
def test_any_search_text_never_raises(gold_engine: Engine, s: str) -> None:
    with gold_engine.connect() as c:
        rows = Q.find_quotes(c, Q.QuoteFilter(search=s, limit=5))
    assert len(rows) <= 5


def test_limit_and_sort_run_in_sql(gold_engine: Engine) -> None:
    with gold_engine.connect() as c:
        newest = Q.find_quotes(c, Q.QuoteFilter(limit=7))
        oldest = Q.find_quotes(c, Q.QuoteFilter(limit=7, sort=Q.QuoteSort.oldest))
        by_speaker = Q.find_quotes(c, Q.QuoteFilter(limit=30, sort=Q.QuoteSort.speaker, anonymous=False))
    assert len(newest) == 7 and len(oldest) == 7
    assert [r.published for r in newest] == sorted((r.published for r in newest), reverse=True)
    assert newest[0].published == dt.date(2021, 6, 29) and oldest[0].published == dt.date(2015, 7, 21)
    names = [r.speaker for r in by_speaker if r.speaker]
    assert names == sorted(names)


def test_list_speakers_ranked_and_filtered(gold_engine: Engine) -> None:
    with gold_engine.connect() as c:
        rows = Q.list_speakers(c, Q.SpeakerFilter(limit=None))
        aj = Q.list_speakers(c, Q.SpeakerFilter(outlet="الجزيرة", limit=None))
        people = Q.list_speakers(c, Q.SpeakerFilter(kind="person", limit=3))
        view = {r.speaker_id: r.quotes for r in c.execute(text("SELECT speaker_id, quotes FROM speaker_summary"))}
        in_aj = {r.speaker_id for r in c.execute(text(
            "SELECT speaker_id FROM speaker_outlets WHERE outlet = :o"), {"o": "الجزيرة"})}
    counts = [r.quotes for r in rows]
    assert counts == sorted(counts, reverse=True) and [r.rank for r in rows] == list(range(1, len(rows) + 1))
    assert {r.speaker_id: r.quotes for r in rows} == view
    assert {r.speaker_id for r in aj} == in_aj and BLINKEN in {r.speaker for r in aj}
    assert len(people) == 3 and {r.kind for r in people} == {"person"}


def test_speaker_profile(gold_engine: Engine) -> None:
    with gold_engine.connect() as c:
        p = Q.speaker_profile(c, "انتوني بلينكن", latest=1)
        with pytest.raises(Q.UnknownSpeakerError):
            Q.speaker_profile(c, "لا أحد بهذا الاسم")
    assert [s.speaker for s in p.speakers] == [BLINKEN]
    assert p.quotes == 2 and p.articles == 1
    assert p.titles == [{"title": "وزير الخارجية الأميركي", "quotes": 2}]
    assert p.outlets == [{"outlet": "الجزيرة", "quotes": 2}]
    assert p.months == [{"month": "2021-06", "quotes": 2}]
    assert sum(s["quotes"] for s in p.stances) == 2
    assert len(p.latest) == 1 and p.latest[0].speaker == BLINKEN
    d = p.to_dict()
    assert d["speakers"][0]["speaker"] == BLINKEN and d["latest"][0]["content"]


def test_outlet_report_matches_views(gold_engine: Engine) -> None:
    with gold_engine.connect() as c:
        rows = Q.outlet_report(c)
        view = {r.outlet_id: r for r in c.execute(text("SELECT * FROM outlet_summary"))}
        stats = {s.metric: s.value for s in Q.stats(c)}
        named = dict(c.execute(text(  # distinct named (not anonymous) speakers per outlet
            "SELECT a.outlet_id, count(DISTINCT q.speaker_id) FROM quotes q JOIN articles a ON a.id = q.article_id "
            "JOIN speakers s ON s.id = q.speaker_id WHERE s.kind <> 'anonymous' GROUP BY a.outlet_id")).all())
    assert len(rows) == 15 == stats["outlets"]
    assert sum(r.quotes for r in rows) == stats["quotes"] == 464
    assert sum(r.articles for r in rows) == stats["articles"] == 30
    for r in rows:
        v = view[r.outlet_id]
        assert (r.articles, r.quotes, r.anonymous_quotes, r.speakers, r.via_quotes) == \
            (v.articles, v.quotes, v.anonymous_quotes, v.speakers, v.via_quotes)
        assert r.anonymous_share == pytest.approx(v.anonymous_share)
        assert len(r.top_speakers) == min(3, named.get(r.outlet_id, 0))
    aj = next(r for r in rows if r.outlet == "الجزيرة")
    # its three intermediaries, one quote each (their order among equals follows the backend's collation)
    assert sorted(aj.top_intermediaries) == sorted(["رويترز", "نيويورك تايمز", "وكالة الأنباء السورية"])
    assert aj.anonymous_share == pytest.approx(7 / 24, abs=1e-4)


def test_article_view_offsets(gold_engine: Engine) -> None:
    with gold_engine.connect() as c:
        v = Q.article_view(c, "aljazeera-2021-06-29-omar-oilfield")
        by_pk = Q.article_view(c, str(v.article_id))
        with pytest.raises(Q.ArticleNotFoundError):
            Q.article_view(c, "no-such-article")
    assert by_pk.external_id == v.external_id
    assert len(v.quotes) == 24 and v.outlet == "الجزيرة"
    assert all(v.text[q.char_start:q.char_end] == q.content for q in v.quotes)
    assert [q.char_start for q in v.quotes] == sorted(q.char_start for q in v.quotes)


def test_quote_details_view_has_the_api_fields(gold_engine: Engine) -> None:
    with gold_engine.connect() as c:
        api = {r.quote_id: r for r in Q.find_quotes(c, Q.QuoteFilter(limit=None))}
        res = c.execute(text("SELECT * FROM quote_details"))
        cols = list(res.keys())
        view = [dict(r._mapping) for r in res]
    assert tuple(cols) == Q.QUOTE_FIELDS
    assert len(view) == len(api) == 464
    for v in view[:50]:
        a = api[v["quote_id"]].to_dict()
        assert v["anonymous"] in (0, 1) and bool(v["anonymous"]) == a["anonymous"]
        assert str(v["published"]) == str(a["published"]) and v["month"] == a["month"]
        for k in ("speaker", "outlet", "content", "via", "cue_lemma", "external_id", "char_start"):
            assert v[k] == a[k]


def test_stats(gold_engine: Engine) -> None:
    with gold_engine.connect() as c:
        s = {x.metric: x.value for x in Q.stats(c)}
    assert s["articles"] == 30 and s["quotes"] == 464 and s["anonymous_quotes"] == 44
    assert s["quotes_direct"] + s["quotes_indirect"] + s["quotes_mixed"] == 464
    assert s["first_published"] == dt.date(2015, 7, 21) and s["last_published"] == dt.date(2021, 6, 29)
    assert s["extractor_versions"] == "gold"


def test_full_text_index_follows_writes(fresh_url: str) -> None:
    """Re-extraction (delete + insert), speaker merges (update) and deletes keep search in sync."""
    arts = [a for a in gold_articles() if a["id"] == "aljazeera-2021-06-29-omar-oilfield"]
    eng = make_engine(fresh_url)
    try:
        ingest_gold(eng, arts)
        with eng.connect() as c:   # Maroutou: "...بالدفاع عن النفس", Blinken: "...الدفاع عن النفس"
            rows = Q.find_quotes(c, Q.QuoteFilter(search="عن النفس"))
            assert {r.speaker for r in rows} == {BLINKEN, "واين ماروتو"}
            # بالدفاع is الدفاع behind a clitic (0007_arabic_search): both quotes match
            assert len(Q.find_quotes(c, Q.QuoteFilter(search="الدفاع عن النفس"))) == 2
            assert [r.speaker for r in Q.find_quotes(c, Q.QuoteFilter(search='"إطار الدفاع"'))] == [BLINKEN]
        merge_speakers(eng, BLINKEN, "واين ماروتو")
        with eng.connect() as c:
            rows = Q.find_quotes(c, Q.QuoteFilter(search="عن النفس"))
            assert [r.speaker for r in rows] == [BLINKEN, BLINKEN]
        with eng.begin() as c:
            c.execute(text("UPDATE quotes SET content = :t WHERE id = :i"), {"t": "نص جديد تماما", "i": rows[0].quote_id})
        with eng.connect() as c:
            assert [r.quote_id for r in Q.find_quotes(c, Q.QuoteFilter(search="عن النفس"))] == [rows[1].quote_id]
            assert [r.quote_id for r in Q.find_quotes(c, Q.QuoteFilter(search="جديد"))] == [rows[0].quote_id]
        with eng.begin() as c:
            c.execute(text("DELETE FROM articles"))
        with eng.connect() as c:
            assert Q.find_quotes(c, Q.QuoteFilter(search="جديد")) == []
            if eng.dialect.name == "sqlite":   # the FTS table holds nothing for deleted rows
                n = c.execute(text("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'النفس'")).scalar()
                assert n == 0
    finally:
        eng.dispose()


def test_downgrade_and_upgrade_backfills_search(fresh_url: str) -> None:
    arts = [a for a in gold_articles() if a["id"] == "aljazeera-2021-06-29-omar-oilfield"]
    eng = make_engine(fresh_url)
    try:
        ingest_gold(eng, arts)
    finally:
        eng.dispose()
    migrate.downgrade(fresh_url, "0001_initial")
    eng = make_engine(fresh_url)
    try:
        with eng.connect() as c:
            assert c.execute(text("SELECT count(*) FROM quotes")).scalar() == 24
    finally:
        eng.dispose()
    migrate.upgrade(fresh_url)
    eng = make_engine(fresh_url)
    try:
        with eng.connect() as c:
            assert len(Q.find_quotes(c, Q.QuoteFilter(search="عن النفس"))) == 2
            assert c.execute(text("SELECT count(*) FROM quote_details")).scalar() == 24
    finally:
        eng.dispose()


def _revision(name: str) -> ModuleType:
    """The migration module ``versions/<name>.py``, loaded from the shipped package."""
    path = Path(migrate.migrations_dir()) / "versions" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"_rev_{name}", path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_migration_fold_table_matches_queries() -> None:
    mod = _revision("0002_reporting")
    assert mod.FOLD_PAIRS == Q.FTS_FOLD_PAIRS and mod.DROP == Q.FTS_DROP
    assert mod._pg_fold("quotes.content") in Q.PG_FTS_DOCUMENT
    assert mod.revision == "0002_reporting" and mod.down_revision == "0001_initial"
    mod5 = _revision("0005_pg_fts_column")
    assert mod5.FOLD_PAIRS == Q.FTS_FOLD_PAIRS and mod5.DROP == Q.FTS_DROP
    mod7 = _revision("0007_arabic_search")
    assert mod7.FOLD_PAIRS == Q.FTS_FOLD_PAIRS and mod7.DROP == Q.FTS_DROP
    assert mod7._old_pg_document("quotes.content") == mod5.document("quotes.content")
    assert mod7.pg_document("quotes.content") == Q.PG_FTS_DOCUMENT
    assert mod7.sqlite_document("new.content") == search.sqlite_document("new.content")
    assert (mod7.BOUNDARIES, mod7.ARTICLE_CLITICS) == (search.BOUNDARIES, search.ARTICLE_CLITICS)
