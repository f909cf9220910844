"""Ingest articles into the database: read, extract, store (library API, no CLI).

``ingest(paths, engine)`` streams articles from files, directories, "-" or
ready-made ``Article`` items, runs the extractor on each and stores articles,
outlets, speakers, aliases and quotes. It is idempotent: articles are unique by
``external_id`` and every insert is insert-or-ignore, so re-ingesting adds
nothing and concurrent ingesters never duplicate. ``reextract=True`` replaces
an existing article's quotes (delete + insert in one transaction).
Work is committed per batch: a crash loses at most the batch in flight, and
one bad article becomes a ``Problem`` in the summary instead of sinking its batch.

Each batch is stored in one transaction with a few multi-row statements (articles,
quotes) and speakers looked up for the whole batch at once. ``workers=N`` runs the
extractor in N worker processes (``multiprocessing.Pool.imap``, ordered, in chunks)
while this process reads the input and writes finished batches: at most two batches
are in flight, so memory does not grow with the input.
"""
from __future__ import annotations

import logging
import multiprocessing
import random
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session

from .dates import parse_date
from .db.engine import describe_error
from .db.repo import (add_speaker_facets, add_speaker_stats, content_hash, domain_of, existing_article_ids,
                      get_or_create_outlet, insert_articles, quote_row, recompute_speaker_facets,
                      recompute_speaker_stats, replace_article, store_quotes, utcnow)
from .db.intermediaries import resolve_vias, without_own_via
from .db.speakers import SpeakerResolver, article_names, lock_names
from .html import read_html_file
from .inputs import Article, Item, Problem, read_inputs
from .extractor import without_own_outlet
from .extractor.quote import Quote as QuoteResult

log = logging.getLogger(__name__)

Extractor = Callable[[str], list[QuoteResult]]
_T = TypeVar("_T")
#: PostgreSQL SQLSTATEs worth running a batch again for: deadlock_detected, serialization_failure
_RETRYABLE = frozenset({"40P01", "40001"})
_RETRIES = 5


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
    names_rejected: int = 0  # quotes stored without a speaker: the name failed the shape check (db.name_shape)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"articles_read": self.read, "articles_new": self.new, "articles_skipped": self.skipped,
                "articles_replaced": self.replaced, "articles_failed": self.failed,
                "quotes_stored": self.quotes, "speakers_new": self.speakers_new,
                "names_rejected": self.names_rejected}


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


#: What extraction gave for one article: its quotes, or why it failed.
Extracted = tuple[list[QuoteResult] | None, str | None]


def run_extractor(extractor: Extractor, text: str) -> Extracted:
    """``extractor(text)`` with any exception turned into a one-line reason (never raises)."""
    try:
        return list(extractor(text)), None
    except Exception as e:  # noqa: BLE001 - one article's failure is a Problem, not a crash
        kind = "extraction timed out" if isinstance(e, TimeoutError) else f"extraction failed ({type(e).__name__})"
        return None, f"{kind}: {e}"


_worker_extractor: Extractor | None = None


def _init_worker(extractor: Extractor) -> None:
    global _worker_extractor
    _worker_extractor = extractor


def _extract_in_worker(text: str) -> Extracted:
    assert _worker_extractor is not None
    return run_extractor(_worker_extractor, text)


@dataclass
class _Planned:
    """A batch read from the input: which of its articles need extracting."""

    todo: list[tuple[Article, int | None]]  # (article, id of the stored row when re-extracting)


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
    def prepare(self, a: Article, existing_id: int | None, extracted: Extracted | None = None) -> _Prepared | None:
        published = parse_date(a.date, warn=False) if a.date else None
        if a.date and published is None:
            w = f"{_where(a)}: unrecognised date {a.date!r}; stored as null"
            self.summary.warnings.append(w)
            log.info("%s", w)
        quotes, error = extracted if extracted is not None else run_extractor(self.extract, a.text)
        if quotes is None:
            self._fail(a, error or "extraction failed")
            return None
        good = []
        n = len(a.text)
        for q in without_own_via(without_own_outlet(quotes, a.outlet), a.outlet):
            if not (0 <= q.start <= q.end <= n) or not q.content:
                self.summary.warnings.append(f"{_where(a)}: quote with bad span {q.start}-{q.end} dropped")
                continue
            good.append(q)
        values = {"external_id": a.id, "url": a.url, "title": a.title, "published": published, "text": a.text,
                  "content_hash": content_hash(a.text), "extractor_version": self.version}
        return _Prepared(a, values, good, existing_id)

    # -- per batch ---------------------------------------------------------------
    def _store(self, s: Session, batch: list[_Prepared]) -> list[str]:
        """Store a batch in the open transaction: one multi-row INSERT for the new articles,
        speakers resolved for the whole batch from memory, one multi-row INSERT for the quotes,
        then speaker_stats and speaker_facets brought up to date (last, so shared stats rows are locked only briefly)."""
        now = utcnow()
        self._stored_quotes = 0  # one transaction's worth (a retried one starts again)
        self._rejected = 0
        lock_names(s)  # name resolution reads the names other ingesters store: one writer at a time
        outcomes = ["skipped"] * len(batch)
        article_ids: list[int | None] = [None] * len(batch)
        outlet_ids: list[int | None] = [None] * len(batch)
        new_rows: list[dict[str, Any]] = []
        new_at: dict[str, int] = {}
        recompute: set[int] = set()  # speakers whose quotes were dropped by re-extraction or moved
        dropped_names: set[int] = set()
        for name, url in sorted({(p.article.outlet, p.article.url) for p in batch if p.article.outlet},
                                key=lambda t: (t[0], t[1] or "")):
            # new outlets in one order in every ingester, so concurrent ones cannot deadlock on them
            get_or_create_outlet(s, name, domain_of(url), self.outlets)
        for i, p in enumerate(batch):
            a = p.article
            values = dict(p.values, ingested_at=now, outlet_id=get_or_create_outlet(
                s, a.outlet, domain_of(a.url), self.outlets) if a.outlet else None)
            outlet_ids[i] = values["outlet_id"]
            if p.existing_id is not None:
                gone_speakers, gone_names = replace_article(s, p.existing_id, values)
                recompute |= gone_speakers
                dropped_names |= gone_names
                article_ids[i], outcomes[i] = p.existing_id, "replaced"
            elif a.id not in new_at:  # a repeated id in this batch is skipped like a stored one
                new_at[a.id] = i
                new_rows.append(values)
        for ext_id, new_id in insert_articles(s, new_rows).items():  # missing: stored meanwhile by another ingester
            article_ids[new_at[ext_id]], outcomes[new_at[ext_id]] = new_id, "new"
        uses = []
        for p, aid in zip(batch, article_ids):
            if aid is not None:
                names, rejected = article_names(p.quotes, p.article.id)
                uses += names
                self._rejected += rejected
        res = self.speakers.resolve_batch(s, uses, dropped_names)
        recompute |= res.touched_speakers
        links = iter(res.links)
        vias = iter(resolve_vias(s, [q.via for p, aid in zip(batch, article_ids) if aid is not None for q in p.quotes]))
        rows = []
        for p, aid, oid in zip(batch, article_ids, outlet_ids):
            if aid is not None:
                for q in p.quotes:
                    link = next(links)
                    rows.append(quote_row(aid, q, link[1] if link else None, published=p.values["published"],
                                          outlet_id=oid, alias_id=link[0] if link else None, via_id=next(vias)))
        stored = store_quotes(s, rows)
        self._stored_quotes += len(stored)
        add_speaker_stats(s, stored, skip=recompute)
        if recompute:
            recompute_speaker_stats(s, recompute)
        add_speaker_facets(s, stored, skip=recompute)  # after stats: every ingester locks stats, then facets
        if recompute:
            recompute_speaker_facets(s, recompute)
        return outcomes

    def _transact(self, fn: Callable[[Session], _T]) -> _T:
        """``fn(session)`` in one transaction. A PostgreSQL deadlock or serialization failure between
        concurrent ingesters rolls back (caches included) and runs it again, a few times, after a
        short random pause; any other error, or the last failure, propagates with the caches reset."""
        for attempt in range(_RETRIES + 1):
            created0 = self.speakers.created
            try:
                with Session(self.engine) as s, s.begin():
                    return fn(s)
            except OperationalError as e:
                self._rollback_caches(created0)
                if attempt < _RETRIES and getattr(e.orig, "sqlstate", None) in _RETRYABLE:
                    log.info("transaction conflict (%s); retrying", getattr(e.orig, "sqlstate", "?"))
                    time.sleep(random.uniform(0.02, 0.1) * (attempt + 1))
                    continue
                raise
            except BaseException:
                self._rollback_caches(created0)
                raise
        raise AssertionError("unreachable")

    def _write(self, batch: list[_Prepared]) -> None:
        if not batch:
            return
        try:
            outcomes = self._transact(lambda s: self._store(s, batch))
        except OperationalError as e:
            raise describe_error(e, self.engine.url) from e
        except DBAPIError:
            # one article the database refuses (e.g. a NUL character for PostgreSQL):
            # redo the batch one article per transaction so only that one fails
            log.info("batch failed; retrying its %d articles one by one", len(batch))
            for p in batch:
                self._write_one(p)
            return
        self._count(outcomes, self._stored_quotes, self._rejected)

    def _write_one(self, p: _Prepared) -> None:
        try:
            outcome = self._transact(lambda s: self._store(s, [p])[0])
        except OperationalError as e:
            raise describe_error(e, self.engine.url) from e
        except (IntegrityError, DBAPIError) as e:
            msg = str(getattr(e, "orig", e)).strip().splitlines()[0]
            self._fail(p.article, f"database refused it: {msg}")
            return
        self._count([outcome], self._stored_quotes, self._rejected)

    def _rollback_caches(self, created0: int) -> None:
        self.speakers.created = created0
        self.outlets.clear()

    def _count(self, outcomes: list[str], quotes: int, rejected: int = 0) -> None:
        for o in outcomes:
            if o == "new":
                self.summary.new += 1
            elif o == "replaced":
                self.summary.replaced += 1
            else:
                self.summary.skipped += 1
        self.summary.quotes += quotes
        self.summary.names_rejected += rejected
        self.summary.speakers_new = self.speakers.created

    def plan(self, batch: list[Article]) -> _Planned:
        """Which articles of ``batch`` need extracting (stored ones are skipped unless re-extracting)."""
        if not batch:
            return _Planned([])
        with Session(self.engine) as s:
            try:
                existing = existing_article_ids(s, [a.id for a in batch])
            except OperationalError as e:
                raise describe_error(e, self.engine.url) from e
        todo = []
        for a in batch:
            eid = existing.get(a.id)
            if eid is not None and not self.reextract:
                self.summary.skipped += 1
                continue
            todo.append((a, eid))
        return _Planned(todo)

    def finish(self, planned: _Planned, extracted: Iterable[Extracted] | None = None) -> None:
        """Extract (unless ``extracted`` gives the results, in order) and store a planned batch."""
        results = iter(extracted) if extracted is not None else None
        prepared = []
        for a, eid in planned.todo:
            p = self.prepare(a, eid, next(results) if results is not None else None)
            if p is not None:
                prepared.append(p)
        self._write(prepared)

    def flush(self, batch: list[Article]) -> None:
        self.finish(self.plan(batch))


def ingest(paths_or_items: Iterable[str | Path | Item], engine: Engine, *, reextract: bool = False,
           batch_size: int = 200, meta: dict[str, Any] | None = None,
           progress: Callable[[IngestSummary], None] | None = None,
           extractor: Extractor | None = None, extractor_version: str | None = None,
           workers: int = 1) -> IngestSummary:
    """Read, extract and store articles; returns what happened.

    ``paths_or_items``: paths (files, directories, "-") and/or ``Article``/``Problem``
    items. ``meta`` gives metadata (outlet, date, title, url, id) for .txt and stdin
    text. ``extractor`` defaults to ``quotetrack.extract`` under the per-article time budget
    of ``extraction.extract_bounded`` (a timed-out article is a Problem, not a hang). ``progress(summary)`` is
    called after every record. Raises DatabaseError when the database itself fails
    (batches already committed stay).

    ``workers`` > 1 extracts in that many worker processes (the platform's default
    start method; with "spawn"/"forkserver" the extractor must be picklable). The
    stored rows are the same as with one process.
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    if workers < 1:
        raise ValueError("workers must be at least 1")
    if extractor is None or extractor_version is None:
        from . import EXTRACTOR_VERSION
        from .timed_extract import extract_bounded  # extract() under a per-article wall-clock budget

        extractor = extractor or extract_bounded
        extractor_version = extractor_version or EXTRACTOR_VERSION
    summary = IngestSummary()
    ing = _Ingester(engine, reextract=reextract, extractor=extractor, extractor_version=extractor_version,
                    summary=summary, progress=progress)
    if workers > 1:
        with multiprocessing.Pool(workers, initializer=_init_worker, initargs=(extractor,)) as pool:
            _run_parallel(ing, _batches(_items(paths_or_items, meta), ing, batch_size), pool, workers)
    else:
        for batch in _batches(_items(paths_or_items, meta), ing, batch_size):
            ing.flush(batch)
    ing._tick()
    return summary


def _batches(items: Iterable[Item], ing: _Ingester, batch_size: int) -> Iterator[list[Article]]:
    """The input's articles in lists of ``batch_size`` (unreadable records become problems on the way)."""
    batch: list[Article] = []
    for item in items:
        if isinstance(item, Problem):
            ing.summary.unreadable += 1
            ing.problem(item)
            ing._tick()
            continue
        ing.summary.read += 1
        batch.append(item)
        if len(batch) >= batch_size:
            yield batch
            batch = []
        ing._tick()
    if batch:
        yield batch


def _run_parallel(ing: _Ingester, batches: Iterator[list[Article]], pool: Any, workers: int) -> None:
    """Extract batch k+1 in the pool while batch k is stored here; in input order."""
    pending: deque[tuple[_Planned, Iterator[Extracted]]] = deque()
    for batch in batches:
        planned = ing.plan(batch)
        texts = [a.text for a, _ in planned.todo]
        chunk = max(1, len(texts) // (workers * 4))
        pending.append((planned, pool.imap(_extract_in_worker, texts, chunksize=chunk)))
        while len(pending) > 1:
            ing.finish(*pending.popleft())
    while pending:
        ing.finish(*pending.popleft())


__all__ = ["ingest", "IngestSummary"]
