"""Ingest articles into the database: read, extract, store (library API, no CLI).

``ingest(paths, engine)`` streams articles from files, directories, "-" or
ready-made ``Article`` items, runs the extractor on each and stores articles,
outlets, speakers, aliases and quotes. It is idempotent: articles are unique by
``external_id`` and every insert is insert-or-ignore, so re-ingesting adds
nothing and concurrent ingesters never duplicate. ``reextract=True`` replaces
an existing article's quotes (delete + insert in one transaction).
Work is committed per batch: a crash loses at most the batch in flight, and
one bad article becomes a ``Problem`` in the summary instead of sinking its batch.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session

from .dates import parse_date
from .db.engine import describe_error
from .db.repo import (content_hash, domain_of, existing_article_ids, get_or_create_outlet, insert_article,
                      quote_row, replace_article, store_quote_rows, utcnow)
from .db.speakers import SpeakerResolver
from .html import read_html_file
from .inputs import Article, Item, Problem, read_inputs
from .types import Quote as QuoteResult

log = logging.getLogger(__name__)

Extractor = Callable[[str], list[QuoteResult]]


@dataclass
class IngestSummary:
    """What an ingest did. ``failed`` counts unreadable records and articles that could not be stored."""

    read: int = 0
    new: int = 0
    skipped: int = 0
    replaced: int = 0
    failed: int = 0
    unreadable: int = 0  # records that never became an article (part of ``failed``)
    quotes: int = 0
    speakers_new: int = 0
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"articles_read": self.read, "articles_new": self.new, "articles_skipped": self.skipped,
                "articles_replaced": self.replaced, "articles_failed": self.failed,
                "quotes_stored": self.quotes, "speakers_new": self.speakers_new}


@dataclass
class _Prepared:
    article: Article
    values: dict[str, Any]
    quotes: list[QuoteResult]
    existing_id: int | None = None


def _items(paths_or_items: Iterable[str | Path | Item], meta: dict[str, Any] | None) -> Iterator[Item]:
    for x in paths_or_items:
        if isinstance(x, (Article, Problem)):
            yield x
        else:
            yield from read_inputs([x], meta, html_reader=read_html_file)


def _where(a: Article) -> str:
    return a.where or a.id


class _Ingester:
    def __init__(self, engine: Engine, *, reextract: bool, extractor: Extractor, extractor_version: str,
                 summary: IngestSummary, progress: Callable[[IngestSummary], None] | None) -> None:
        self.engine = engine
        self.reextract = reextract
        self.extract = extractor
        self.version = extractor_version
        self.summary = summary
        self.progress = progress
        self.speakers = SpeakerResolver()
        self.outlets: dict[str, int] = {}

    def _tick(self) -> None:
        if self.progress is not None:
            self.progress(self.summary)

    def problem(self, p: Problem) -> None:
        self.summary.failed += 1
        self.summary.problems.append(p)
        log.info("%s", p)

    def _fail(self, a: Article, msg: str) -> None:
        self.problem(Problem(a.source or a.id, a.line, f"article {a.id!r}: {msg}"))

    # -- per article, outside any transaction -----------------------------------
    def prepare(self, a: Article, existing_id: int | None) -> _Prepared | None:
        published = parse_date(a.date, warn=False) if a.date else None
        if a.date and published is None:
            w = f"{_where(a)}: unrecognised date {a.date!r}; stored as null"
            self.summary.warnings.append(w)
            log.info("%s", w)
        try:
            quotes = list(self.extract(a.text))
        except Exception as e:  # noqa: BLE001 - one article's failure is a Problem, not a crash
            kind = "extraction timed out" if isinstance(e, TimeoutError) else f"extraction failed ({type(e).__name__})"
            self._fail(a, f"{kind}: {e}")
            return None
        good = []
        n = len(a.text)
        for q in quotes:
            if not (0 <= q.start <= q.end <= n) or not q.content:
                self.summary.warnings.append(f"{_where(a)}: quote with bad span {q.start}-{q.end} dropped")
                continue
            good.append(q)
        values = {"external_id": a.id, "url": a.url, "title": a.title, "published": published, "text": a.text,
                  "content_hash": content_hash(a.text), "extractor_version": self.version}
        return _Prepared(a, values, good, existing_id)

    # -- per batch ---------------------------------------------------------------
    def _store(self, s: Session, p: _Prepared) -> str:
        a = p.article
        values = dict(p.values, ingested_at=utcnow(),
                      outlet_id=get_or_create_outlet(s, a.outlet, domain_of(a.url), self.outlets) if a.outlet else None)
        if p.existing_id is not None:
            replace_article(s, p.existing_id, values)
            article_id, outcome = p.existing_id, "replaced"
        else:
            new_id = insert_article(s, values)
            if new_id is None:  # stored meanwhile (duplicate id in this input, or another ingester)
                return "skipped"
            article_id, outcome = new_id, "new"
        rows = [quote_row(article_id, q, self.speakers.resolve(s, q)) for q in p.quotes]
        self._stored_quotes += store_quote_rows(s, rows)
        return outcome

    def _write(self, batch: list[_Prepared]) -> None:
        outcomes: list[str] = []
        self._stored_quotes = 0
        created0 = self.speakers.created
        try:
            with Session(self.engine) as s, s.begin():
                for p in batch:
                    outcomes.append(self._store(s, p))
        except OperationalError as e:
            self._rollback_caches(created0)
            raise describe_error(e, self.engine.url) from e
        except DBAPIError:
            # one article the database refuses (e.g. a NUL character for PostgreSQL):
            # redo the batch one article per transaction so only that one fails
            self._rollback_caches(created0)
            log.info("batch failed; retrying its %d articles one by one", len(batch))
            for p in batch:
                self._write_one(p)
            return
        except BaseException:
            self._rollback_caches(created0)
            raise
        self._count(outcomes, self._stored_quotes)

    def _write_one(self, p: _Prepared) -> None:
        self._stored_quotes = 0
        created0 = self.speakers.created
        try:
            with Session(self.engine) as s, s.begin():
                outcome = self._store(s, p)
        except OperationalError as e:
            self._rollback_caches(created0)
            raise describe_error(e, self.engine.url) from e
        except (IntegrityError, DBAPIError) as e:
            self._rollback_caches(created0)
            msg = str(getattr(e, "orig", e)).strip().splitlines()[0]
            self._fail(p.article, f"database refused it: {msg}")
            return
        except BaseException:
            self._rollback_caches(created0)
            raise
        self._count([outcome], self._stored_quotes)

    def _rollback_caches(self, created0: int) -> None:
        self.speakers.reset()
        self.speakers.created = created0
        self.outlets.clear()

    def _count(self, outcomes: list[str], quotes: int) -> None:
        for o in outcomes:
            if o == "new":
                self.summary.new += 1
            elif o == "replaced":
                self.summary.replaced += 1
            else:
                self.summary.skipped += 1
        self.summary.quotes += quotes
        self.summary.speakers_new = self.speakers.created

    def flush(self, batch: list[Article]) -> None:
        if not batch:
            return
        with Session(self.engine) as s:
            try:
                existing = existing_article_ids(s, [a.id for a in batch])
            except OperationalError as e:
                raise describe_error(e, self.engine.url) from e
        prepared = []
        for a in batch:
            eid = existing.get(a.id)
            if eid is not None and not self.reextract:
                self.summary.skipped += 1
                continue
            p = self.prepare(a, eid)
            if p is not None:
                prepared.append(p)
        self._write(prepared)


def ingest(paths_or_items: Iterable[str | Path | Item], engine: Engine, *, reextract: bool = False,
           batch_size: int = 200, meta: dict[str, Any] | None = None,
           progress: Callable[[IngestSummary], None] | None = None,
           extractor: Extractor | None = None, extractor_version: str | None = None) -> IngestSummary:
    """Read, extract and store articles; returns what happened.

    ``paths_or_items``: paths (files, directories, "-") and/or ``Article``/``Problem``
    items. ``meta`` gives metadata (outlet, date, title, url, id) for .txt and stdin
    text. ``extractor`` defaults to ``quotetrack.extract``. ``progress(summary)`` is
    called after every record. Raises DatabaseError when the database itself fails
    (batches already committed stay).
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    if extractor is None or extractor_version is None:
        from . import EXTRACTOR_VERSION, extract

        extractor = extractor or extract
        extractor_version = extractor_version or EXTRACTOR_VERSION
    summary = IngestSummary()
    ing = _Ingester(engine, reextract=reextract, extractor=extractor, extractor_version=extractor_version,
                    summary=summary, progress=progress)
    batch: list[Article] = []
    for item in _items(paths_or_items, meta):
        if isinstance(item, Problem):
            summary.unreadable += 1
            ing.problem(item)
            ing._tick()
            continue
        summary.read += 1
        batch.append(item)
        if len(batch) >= batch_size:
            ing.flush(batch)
            batch = []
        ing._tick()
    ing.flush(batch)
    ing._tick()
    return summary


__all__ = ["ingest", "IngestSummary"]
