"""The query API on a bare DB-API connection (what the CLI reads through: sqlite3, psycopg) returns
exactly what it returns on a SQLAlchemy one, whose results the other query tests pin, on both backends."""
from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterator
from enum import Enum
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

import quotetrack.queries as Q
from quotetrack.db.engine import make_engine
from quotetrack.db.read_connection import reading
from quotetrack.db.runner import Runner, pyformat
from quotetrack.db.speaker_edits import merge_speakers
from test_queries_support import fresh_url, gold_articles, gold_url, ingest_gold, pg_server_url  # noqa: F401

BLINKEN = "أنتوني بلينكن"
F = Q.QuoteFilter
JUNE_2021 = (dt.date(2021, 6, 1), dt.date(2021, 6, 30))

QUOTE_FILTERS = [
    F(), F(limit=None), F(limit=3, sort=Q.QuoteSort.oldest), F(limit=None, sort=Q.QuoteSort.speaker),
    F(limit=40, sort=Q.QuoteSort.outlet), F(speaker="بلينكن"), F(speaker=("بلينكن", "الحوثي", "بايدن"), limit=4),
    F(outlet="الجزيرة", limit=None), F(outlet=("الجزيرة", "الجزيرة (السعودية)"), limit=5),
    F(since=dt.date(2020, 1, 1), until=dt.date(2021, 12, 31), limit=None), F(since=dt.date(2021, 6, 29)),
    F(cue="اكد", limit=None), F(stance="denial"), F(type="direct", limit=None), F(anonymous=True, limit=None),
    F(anonymous=False, limit=7), F(via="رويترز", limit=None), F(search="الدفاع عن النفس", limit=None),
    F(search="اليمن", limit=5), F(search='"الدفاع عن" OR الحوثي', limit=None), F(search="x' OR 1=1 --"),
    F(kind="organization", limit=None), F(title="وزير", limit=None), F(title="%_"), F(via="50%_off"),
    F(article="aljazeera-2021-06-29-omar-oilfield", limit=None), F(since=JUNE_2021[0], until=JUNE_2021[1]),
]
SPEAKER_FILTERS = [
    Q.SpeakerFilter(), Q.SpeakerFilter(limit=None), Q.SpeakerFilter(kind="person", limit=3),
    Q.SpeakerFilter(since=JUNE_2021[0], until=JUNE_2021[1]), Q.SpeakerFilter(since=JUNE_2021[0], until=JUNE_2021[1],
                                                                             kind="organization", limit=2),
    Q.SpeakerFilter(since=dt.date(2019, 1, 1), limit=None), Q.SpeakerFilter(outlet="الجزيرة", limit=None),
]


def plain(x: Any) -> Any:
    """Results as comparable data (dataclasses as their ``to_dict``)."""
    if hasattr(x, "to_dict"):
        return plain(x.to_dict())
    if dataclasses.is_dataclass(x):
        return plain(dataclasses.asdict(x))
    if isinstance(x, dict):
        return {k: plain(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [plain(v) for v in x]
    return x.value if isinstance(x, Enum) else x


def outcome(fn: Callable[[Any], Any], conn: Any) -> Any:
    """What ``fn(conn)`` returns, or the error (type, message, suggestions) it raises."""
    try:
        return plain(fn(conn))
    except (Q.UnknownSpeakerError, Q.UnknownOutletError, Q.ArticleNotFoundError) as e:
        return type(e).__name__, str(e), getattr(e, "suggestions", None)


def calls() -> Iterator[tuple[str, Callable[[Any], Any]]]:
    for i, f in enumerate(QUOTE_FILTERS):
        yield f"find_quotes {i}", lambda c, f=f: Q.find_quotes(c, f)
        yield f"total_quotes {i}", lambda c, f=f: Q.total_quotes(c, f)
    for by in Q.CountBy:
        yield f"count_quotes {by.value}", lambda c, by=by: Q.count_quotes(c, F(limit=None), by)
        yield f"count_quotes {by.value} filtered", lambda c, by=by: Q.count_quotes(c, F(since=dt.date(2020, 1, 1),
                                                                                         anonymous=False, limit=5), by)
    for i, sf in enumerate(SPEAKER_FILTERS):
        yield f"list_speakers {i}", lambda c, sf=sf: Q.list_speakers(c, sf)
    for name in (BLINKEN, "انتوني بلينكن", "الحوثي", "بلينكين", "لا أحد بهذا الاسم"):
        yield f"speaker_profile {name}", lambda c, name=name: Q.speaker_profile(c, name, latest=3)
        yield f"match_speakers {name}", lambda c, name=name: Q.match_speakers(c, name)
        yield f"suggest_speakers {name}", lambda c, name=name: Q.suggest_speakers(c, name)
    for name in ("الجزيرة", "aljazeera.net", "سكاي نيوز عربيه ش"):
        yield f"match_outlets {name}", lambda c, name=name: Q.match_outlets(c, name)
    yield "outlet_report", lambda c: Q.outlet_report(c)
    yield "outlet_report anonymous_share", lambda c: Q.outlet_report(c, since=dt.date(2018, 1, 1), top=2,
                                                                      sort="anonymous_share")
    for article in ("aljazeera-2021-06-29-omar-oilfield", "1", "no-such-article"):
        yield f"article_view {article}", lambda c, article=article: Q.article_view(c, article)
    yield "stats", Q.stats


CALLS = dict(calls())


@pytest.fixture(scope="module")
def sa_results(gold_url: str) -> dict[str, Any]:
    eng = make_engine(gold_url)
    try:
        with eng.connect() as c:
            return {name: outcome(fn, c) for name, fn in CALLS.items()}
    finally:
        eng.dispose()


def test_bare_connection_returns_what_sqlalchemy_returns(gold_url: str, sa_results: dict[str, Any]) -> None:
    with reading(gold_url) as conn:
        assert Runner(conn).kind in ("sqlite3", "psycopg")   # the CLI's way, not SQLAlchemy's
        got = {name: outcome(fn, conn) for name, fn in CALLS.items()}
    assert got.keys() == sa_results.keys()
    for name in CALLS:
        assert got[name] == sa_results[name], name
    # the battery is not trivially empty
    assert len(sa_results["find_quotes 1"]) == 464 and sa_results["speaker_profile " + BLINKEN]["quotes"] == 2
    assert sa_results["match_speakers بلينكين"] == [] and sa_results["speaker_profile بلينكين"][0] == "UnknownSpeakerError"


def test_engine_and_session_are_accepted(gold_url: str, sa_results: dict[str, Any]) -> None:
    eng = make_engine(gold_url)
    try:
        assert plain(Q.stats(eng)) == sa_results["stats"]
        assert plain(Q.find_quotes(eng, QUOTE_FILTERS[1])) == sa_results["find_quotes 1"]
        with Session(eng) as s:
            assert plain(Q.speaker_profile(s, BLINKEN, latest=3)) == sa_results["speaker_profile " + BLINKEN]
    finally:
        eng.dispose()
    with pytest.raises(TypeError, match="cannot run queries on"):
        Q.stats(object())


def test_streams_survive_an_early_close(gold_url: str) -> None:
    """A stream abandoned after its first row (``quotes -f jsonl | head -1``) ends without an error."""
    with reading(gold_url) as conn:
        rows = Q.iter_quotes(conn, F(limit=None))
        first = next(rows)
    assert first.quote_id > 0
    rows.close()


def test_type_counts_follow_speaker_edits(fresh_url: str) -> None:
    """stats reads the quote types from speaker_facets (plus the quotes without a speaker): still equal
    to counting the quotes after a merge."""
    eng = make_engine(fresh_url)
    try:
        ingest_gold(eng, gold_articles()[:12])
        top = Q.list_speakers(eng, Q.SpeakerFilter(kind="person", limit=2))
        merge_speakers(eng, top[0].speaker_id, top[1].speaker_id)
        with eng.connect() as c:
            want = {f"quotes_{t}": n for t, n in c.execute(text("SELECT type, count(*) FROM quotes GROUP BY type"))}
            unnamed = c.execute(text("SELECT count(*) FROM quotes WHERE speaker_id IS NULL")).scalar()
        got = {s.metric: s.value for s in Q.stats(eng) if s.metric.startswith("quotes_") and s.metric != "quotes_with_via"}
    finally:
        eng.dispose()
    assert got == want and sum(want.values()) > 0 and unnamed > 0   # both parts of the sum are used


def test_placeholders_become_pyformat_and_casts_stay() -> None:
    assert pyformat("a LIKE :p0 ESCAPE '\\' AND b @@ to_tsquery('simple'::regconfig, :p1) AND c = '50%'") == \
        "a LIKE %(p0)s ESCAPE '\\' AND b @@ to_tsquery('simple'::regconfig, %(p1)s) AND c = '50%%'"


def test_readers_of_old_names_still_work() -> None:
    """speaker_key / month_key moved to db.keys; the modules that held them still export them."""
    from quotetrack.db import keys, repo, speakers

    assert speakers.speaker_key is keys.speaker_key and repo.month_key is keys.month_key
    assert keys.month_key(dt.date(2021, 6, 29)) == "2021-06"
