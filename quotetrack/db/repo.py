"""Store helpers: outlets, articles and quotes, idempotent on SQLite and PostgreSQL.

Every insert is an insert-or-ignore on the table's unique key
(``INSERT ... ON CONFLICT DO NOTHING``), so re-running an ingest adds nothing
and two ingesters working at once never create duplicates.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlparse

from sqlalchemy import (Connection, String, and_, case, cast, delete, distinct, exists, func, literal, literal_column,
                        select, union_all, update)
from sqlalchemy.orm import Session

from ..errors import DatabaseError
from ..extractor.normalize import name_key
from ..extractor.quote import Quote as QuoteResult
from .keys import month_key  # noqa: F401  (defined there, used here and by importers)
from .models import Article, Outlet, Quote, Speaker, SpeakerFacet, SpeakerStats


def dialect_insert(bind: Session | Connection, model: Any) -> Any:
    """``insert(model)`` (an ORM class or a Table) of the bind's dialect, with ``on_conflict_do_nothing``
    and ``on_conflict_do_update`` (SQLite and PostgreSQL spell them alike)."""
    name = (bind.get_bind() if isinstance(bind, Session) else bind).dialect.name
    if name == "sqlite":
        from sqlalchemy.dialects.sqlite import insert
    elif name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert  # type: ignore[assignment]
    else:
        raise DatabaseError(f"unsupported database {name!r}: quotetrack stores to SQLite or PostgreSQL")
    return insert(model)


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def domain_of(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlparse(url).hostname
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None


def get_or_create_outlet(s: Session, name: str, domain: str | None = None,
                         cache: dict[str, int] | None = None) -> int | None:
    key = name_key(name)
    if not key:
        return None
    if cache is not None and key in cache:
        return cache[key]
    ins = dialect_insert(s, Outlet).values(name=name.strip(), key=key, domain=domain)
    oid = s.scalar(ins.on_conflict_do_nothing(index_elements=["key"]).returning(Outlet.id))
    if oid is None:
        oid = s.scalar(select(Outlet.id).where(Outlet.key == key))
        if domain:
            s.execute(update(Outlet).where(Outlet.id == oid, Outlet.domain.is_(None)).values(domain=domain))
    if cache is not None and oid is not None:
        cache[key] = oid
    return oid


def existing_article_ids(s: Session, external_ids: Sequence[str]) -> dict[str, int]:
    """external_id → id of the given articles already stored."""
    out: dict[str, int] = {}
    ids = list(dict.fromkeys(external_ids))
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        out.update({e: a for e, a in s.execute(select(Article.external_id, Article.id)
                                               .where(Article.external_id.in_(chunk)))})
    return out


def insert_articles(s: Session, rows: list[dict[str, Any]]) -> dict[str, int]:
    """Insert many articles in multi-row statements; external_id → id of those that were new
    (ids already stored, by anyone, are left alone and missing from the result)."""
    if not rows:
        return {}
    t = Article.__table__
    ins = dialect_insert(s, t).on_conflict_do_nothing(index_elements=["external_id"]) \
        .returning(t.c.external_id, t.c.id)
    return {e: i for e, i in s.connection().execute(ins, rows)}


def replace_article(s: Session, article_id: int, values: dict[str, Any]) -> tuple[set[int], set[int]]:
    """Update an article's row and drop its quotes (the caller stores the new ones).

    Returns the speaker ids and the name (alias) ids of the dropped quotes: the speakers'
    ``speaker_stats`` rows must be recomputed (``recompute_speaker_stats``) once the new quotes
    are in, and the names resolved again (``SpeakerResolver.resolve_batch``)."""
    t = Quote.__table__
    gone = s.connection().execute(delete(t).where(t.c.article_id == article_id)
                                  .returning(t.c.speaker_id, t.c.alias_id)).all()
    s.execute(update(Article).where(Article.id == article_id).values(**values))
    return {sid for sid, _ in gone if sid is not None}, {aid for _, aid in gone if aid is not None}


def quote_row(article_id: int, q: QuoteResult, speaker_id: int | None, *, published: dt.date | None = None,
              outlet_id: int | None = None, alias_id: int | None = None,
              via_id: int | None = None) -> dict[str, Any]:
    """A quotes row; ``published``/``outlet_id`` are the article's (copied onto quotes, 0003_query_speed),
    ``alias_id`` the name the article gives the speaker and ``via_id`` the intermediary (0006_speaker_identity)."""
    return {"alias_id": alias_id, "via_id": via_id,
        "article_id": article_id, "speaker_id": speaker_id, "content": q.content,
        "char_start": q.start, "char_end": q.end, "type": q.type or "direct", "cue": q.cue,
        "cue_lemma": q.cue_lemma, "stance": q.stance, "title": q.title, "mention": q.mention,
        "via": q.via, "channel": q.channel, "anonymous": bool(q.anonymous), "rule": q.rule or "unknown",
        "published": published, "outlet_id": outlet_id,
    }


#: What ``store_quotes`` reports of each quote it inserted (enough to keep speaker_stats and speaker_facets):
#: id, speaker_id, article_id, published, title, stance, type, outlet_id
StoredQuote = tuple[int, "int | None", int, "dt.date | None", "str | None", "str | None", str, "int | None"]


def store_quotes(s: Session, rows: list[dict[str, Any]]) -> list[StoredQuote]:
    """Insert quote rows (duplicates of the same span are ignored); returns the rows that were new."""
    if not rows:
        return []
    t = Quote.__table__
    ins = dialect_insert(s, t).on_conflict_do_nothing(
        index_elements=["article_id", "char_start", "char_end"]).returning(
        t.c.id, t.c.speaker_id, t.c.article_id, t.c.published, t.c.title, t.c.stance, t.c.type, t.c.outlet_id)
    # Core, not ORM bulk: one multi-row INSERT per 1,000 rows (insertmanyvalues) on both backends
    return [tuple(r) for r in s.connection().execute(ins, rows)]  # type: ignore[misc]


# ---------------------------------------------------------------- speaker_stats

def _earlier(a: Any, b: Any) -> Any:
    """SQL: the earlier of two nullable dates (NULL only when both are)."""
    return case((b.is_(None), a), (a.is_(None) | (b < a), b), else_=a)


def _later(a: Any, b: Any) -> Any:
    return case((b.is_(None), a), (a.is_(None) | (b > a), b), else_=a)


def add_speaker_stats(s: Session, stored: list[StoredQuote], *, skip: set[int] | frozenset[int] = frozenset()) -> None:
    """Add newly inserted quotes of NEW articles to ``speaker_stats`` (one upsert row per speaker).

    Increments are commutative (count + n, earliest/latest date), so concurrent ingesters
    stay exact; rows are upserted in speaker id order, so two transactions lock shared
    speakers in the same order and cannot deadlock. ``skip``: speakers the caller will
    recompute instead (``recompute_speaker_stats``)."""
    agg: dict[int, list[Any]] = {}
    for r in stored:
        sid, aid, published = r[1], r[2], r[3]
        if sid is None or sid in skip:
            continue
        a = agg.get(sid)
        if a is None:
            agg[sid] = [1, {aid}, published, published]
            continue
        a[0] += 1
        a[1].add(aid)
        if published is not None:
            a[2] = published if a[2] is None or published < a[2] else a[2]
            a[3] = published if a[3] is None or published > a[3] else a[3]
    if not agg:
        return
    st = SpeakerStats.__table__
    ins = dialect_insert(s, st)
    ex = ins.excluded
    ins = ins.on_conflict_do_update(index_elements=["speaker_id"], set_={
        "quotes": st.c.quotes + ex.quotes, "articles": st.c.articles + ex.articles,
        "first_published": _earlier(st.c.first_published, ex.first_published),
        "last_published": _later(st.c.last_published, ex.last_published)})
    s.connection().execute(ins, [
        {"speaker_id": sid, "quotes": a[0], "articles": len(a[1]), "first_published": a[2], "last_published": a[3]}
        for sid, a in sorted(agg.items())])


def _lock_stats_rows(c: Connection, speaker_ids: list[int]) -> None:
    """PostgreSQL: lock the ``speaker_stats`` rows of ``speaker_ids`` (created empty when missing) before
    counting their quotes. Under READ COMMITTED, a count taken while another ingester holds one of those
    rows (its increment not yet committed) would overwrite that increment; once the lock is held, every
    such writer has committed and the next statement's snapshot sees its quotes, and any later one
    waits and adds on top. Every writer of speaker_facets locks these rows first, so this covers them
    too. SQLite runs one writer at a time and needs none of it."""
    if c.dialect.name != "postgresql":
        return
    from sqlalchemy.dialects.postgresql import insert as pg_insert

    st, sp = SpeakerStats.__table__, Speaker.__table__
    # only speakers that still exist (re-extraction and merges delete speakers left without quotes)
    live = c.execute(select(sp.c.id).where(sp.c.id.in_(speaker_ids))).scalars().all()
    if live:
        c.execute(pg_insert(st).on_conflict_do_nothing(index_elements=["speaker_id"]),
                  [{"speaker_id": sid, "quotes": 0, "articles": 0} for sid in live])
    c.execute(select(st.c.speaker_id).where(st.c.speaker_id.in_(speaker_ids))
              .order_by(st.c.speaker_id).with_for_update())


def recompute_speaker_stats(conn: Connection | Session, speaker_ids: set[int] | list[int]) -> None:
    """Set the ``speaker_stats`` rows of ``speaker_ids`` from their quotes (after quotes were
    deleted or moved: re-extraction, ``merge_speakers``); speakers left without quotes lose their row."""
    c = conn.connection() if isinstance(conn, Session) else conn
    q, st = Quote.__table__, SpeakerStats.__table__
    ids = sorted(speaker_ids)
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        _lock_stats_rows(c, chunk)
        sel = (select(q.c.speaker_id, func.count(), func.count(distinct(q.c.article_id)),
                      func.min(q.c.published), func.max(q.c.published))
               .where(q.c.speaker_id.in_(chunk)).group_by(q.c.speaker_id).order_by(q.c.speaker_id))
        ins = dialect_insert(c, st).from_select(
            ["speaker_id", "quotes", "articles", "first_published", "last_published"], sel)
        ex = ins.excluded
        c.execute(ins.on_conflict_do_update(index_elements=["speaker_id"], set_={
            "quotes": ex.quotes, "articles": ex.articles, "first_published": ex.first_published,
            "last_published": ex.last_published}))
        c.execute(delete(st).where(st.c.speaker_id.in_(chunk),
                                   ~exists().where(and_(q.c.speaker_id == st.c.speaker_id))))


# ---------------------------------------------------------------- speaker_facets

def add_speaker_facets(s: Session, stored: list[StoredQuote], *,
                       skip: set[int] | frozenset[int] = frozenset()) -> None:
    """Add newly inserted quotes to ``speaker_facets`` (one upsert row per speaker, facet and value).

    Like ``add_speaker_stats``: counts only, so increments commute and concurrent ingesters stay
    exact; rows are upserted in key order (speaker id first), so transactions lock shared rows in the
    same order and cannot deadlock. ``skip``: speakers the caller recomputes instead."""
    agg: dict[tuple[int, str, str], int] = {}
    for _qid, sid, _aid, published, title, stance, typ, outlet_id in stored:
        if sid is None or sid in skip:
            continue
        keys = [(sid, "title", title or ""), (sid, "stance", stance or ""), (sid, "type", typ or ""),
                (sid, "outlet", "" if outlet_id is None else str(outlet_id))]
        if published is not None:
            keys.append((sid, "month", month_key(published)))
        for k in keys:
            agg[k] = agg.get(k, 0) + 1
    if not agg:
        return
    sf = SpeakerFacet.__table__
    ins = dialect_insert(s, sf)
    ins = ins.on_conflict_do_update(index_elements=["speaker_id", "facet", "value"],
                                    set_={"quotes": sf.c.quotes + ins.excluded.quotes})
    s.connection().execute(ins, [{"speaker_id": k[0], "facet": k[1], "value": k[2], "quotes": n}
                                 for k, n in sorted(agg.items())])


def month_sql(col: Any, dialect: str) -> Any:
    """SQL for the ``'YYYY-MM'`` of a date column, the same value on both backends as ``month_key``."""
    if dialect == "postgresql":
        return func.to_char(col, literal_column("'YYYY-MM'"))
    return func.substr(col, 1, 7)


def facets_select(dialect: str, speaker_ids: list[int] | None = None) -> Any:
    """SELECT speaker_id, facet, value, quotes computed from quotes (of ``speaker_ids``, or all);
    the same rows as migration 0004's backfill."""
    q = Quote.__table__
    month = month_sql(q.c.published, dialect)
    parts = []
    for name, expr, extra in (("title", func.coalesce(q.c.title, ""), None),
                              ("stance", func.coalesce(q.c.stance, ""), None),
                              ("type", func.coalesce(q.c.type, ""), None),
                              ("outlet", func.coalesce(cast(q.c.outlet_id, String), ""), None),
                              ("month", month, q.c.published.is_not(None))):
        cond = [q.c.speaker_id.is_not(None) if speaker_ids is None else q.c.speaker_id.in_(speaker_ids)]
        if extra is not None:
            cond.append(extra)
        parts.append(select(q.c.speaker_id, literal(name, String).label("facet"), expr.label("value"),
                            func.count().label("quotes")).where(*cond).group_by(q.c.speaker_id, expr))
    return union_all(*parts)


def recompute_speaker_facets(conn: Connection | Session, speaker_ids: set[int] | list[int]) -> None:
    """Set the ``speaker_facets`` rows of ``speaker_ids`` from their quotes (re-extraction, merges)."""
    c = conn.connection() if isinstance(conn, Session) else conn
    sf = SpeakerFacet.__table__
    ids = sorted(speaker_ids)
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        c.execute(delete(sf).where(sf.c.speaker_id.in_(chunk)))
        sel = facets_select(c.dialect.name, chunk).subquery()
        ins = dialect_insert(c, sf).from_select(["speaker_id", "facet", "value", "quotes"],
                                       select(sel).order_by(sel.c.speaker_id, sel.c.facet, sel.c.value))
        # another ingester may have added a row since the DELETE: its quotes are in this SELECT
        c.execute(ins.on_conflict_do_update(index_elements=["speaker_id", "facet", "value"],
                                            set_={"quotes": ins.excluded.quotes}))


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)
