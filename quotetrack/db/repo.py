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

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from ..errors import DatabaseError
from ..normalize import name_key
from ..types import Quote as QuoteResult
from .models import Article, Outlet, Quote


def dialect_insert(session: Session, model: Any) -> Any:
    """``insert(model)`` (an ORM class or a Table) of the session's dialect, with ``on_conflict_do_nothing``."""
    name = session.get_bind().dialect.name
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


def insert_article(s: Session, values: dict[str, Any]) -> int | None:
    """Insert one article; None when its external_id is already stored."""
    ins = dialect_insert(s, Article).values(**values)
    return s.scalar(ins.on_conflict_do_nothing(index_elements=["external_id"]).returning(Article.id))  # type: ignore[no-any-return]


def replace_article(s: Session, article_id: int, values: dict[str, Any]) -> None:
    """Update an article's row and drop its quotes (the caller stores the new ones)."""
    s.execute(delete(Quote).where(Quote.article_id == article_id))
    s.execute(update(Article).where(Article.id == article_id).values(**values))


def quote_row(article_id: int, q: QuoteResult, speaker_id: int | None) -> dict[str, Any]:
    return {
        "article_id": article_id, "speaker_id": speaker_id, "content": q.content,
        "char_start": q.start, "char_end": q.end, "type": q.type or "direct", "cue": q.cue,
        "cue_lemma": q.cue_lemma, "stance": q.stance, "title": q.title, "mention": q.mention,
        "via": q.via, "channel": q.channel, "anonymous": bool(q.anonymous), "rule": q.rule or "unknown",
    }


def store_quote_rows(s: Session, rows: list[dict[str, Any]]) -> int:
    """Insert quote rows (duplicates of the same span are ignored); returns how many were new."""
    if not rows:
        return 0
    t = Quote.__table__
    ins = dialect_insert(s, t).on_conflict_do_nothing(
        index_elements=["article_id", "char_start", "char_end"]).returning(t.c.id)
    # Core, not ORM bulk: one multi-row INSERT per 1,000 rows (insertmanyvalues) on both backends
    return len(s.connection().execute(ins, rows).all())


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)
