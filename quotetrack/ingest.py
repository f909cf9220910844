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
extractor in N worker processes (``ProcessPoolExecutor.map``, ordered, in chunks)
while this process reads the input and writes finished batches: at most two batches
are in flight, so memory does not grow with the input. A worker that dies (killed,
out of memory) ends the run at once with ``WorkerDied``; Ctrl-C ends it with
``IngestInterrupted``; both carry the summary of what was stored (whole batches),
and a re-run resumes.

Failure boundaries: every record is read, checked, planned, extracted and stored
so that whatever it holds only that record fails. A batch the database refuses
because of one record's data is split in halves and retried until the record is
alone; it becomes a ``Problem`` and the rest is stored.

Identity: an article id already stored (or read earlier in the run) with a different
text is a warning naming both places; the first one stays, unless ``reextract``,
where the one read last replaces it.
"""
from __future__ import annotations

import logging
import os
import random
import signal
import sqlite3
import tempfile
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from sqlalchemy import Engine, select
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session

from .dates import parse_date
from .db.engine import describe_error
from .db.intermediaries import resolve_vias, without_own_via
from .db.models import Article as ArticleRow
from .db.repo import (add_speaker_facets, add_speaker_stats, content_hash, domain_of, get_or_create_outlet,
                      insert_articles, quote_row, recompute_speaker_facets, recompute_speaker_stats,
                      replace_article, store_quotes, utcnow)
from .db.speakers import SpeakerResolver, article_names, lock_names
from .errors import QuotetrackError
from .html import read_html_file
from .inputs import Article, Item, Problem, checked, read_inputs
from .extractor import without_own_outlet
from .extractor.quote import Quote as QuoteResult

log = logging.getLogger(__name__)

Extractor = Callable[[str], list[QuoteResult]]
_T = TypeVar("_T")
#: PostgreSQL SQLSTATEs worth running a batch again for: deadlock_detected, serialization_failure,
#: foreign_key_violation (a speaker merged away by another process; see _conflict_with_another_writer)
_RETRYABLE = frozenset({"40P01", "40001", "23503"})
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

    def stored(self) -> str:
        """What is safely stored so far, in a few words (for a run that stops early)."""
        done = f"{self.new:,} articles and {self.quotes:,} quotes stored"
        return done + (f", {self.replaced:,} re-extracted" if self.replaced else "")


class IngestStopped(QuotetrackError):
    """The run stopped before its end; ``summary`` says what was stored (whole batches only)."""

    def __init__(self, message: str, summary: IngestSummary) -> None:
        super().__init__(f"{message}; {summary.stored()}. Re-run the same command to resume "
                         f"(stored articles are skipped)")
        self.summary = summary


class WorkerDied(IngestStopped):
    """A worker process died (killed, out of memory) during ``ingest(workers=N)``."""


class IngestInterrupted(IngestStopped):
    """Ctrl-C (SIGINT) during an ingest."""


def _first_line(e: BaseException) -> str:
    msg = str(getattr(e, "orig", None) or e).strip()
    return (msg.splitlines()[0] if msg else type(e).__name__)[:300]


def _conflict_with_another_writer(e: DBAPIError) -> bool:
    """A failure that running the transaction again (with fresh caches) cures: a PostgreSQL deadlock or
    serialization failure, or a foreign key to a speaker that a concurrent ``merge-speakers`` deleted
    after this process cached it (PostgreSQL 23503; SQLite says 'FOREIGN KEY constraint failed')."""
    code = getattr(e.orig, "sqlstate", None)
    if code:
        return code in _RETRYABLE
    return "FOREIGN KEY constraint failed" in str(e.orig)


def _record_error(e: Exception) -> bool:
    """Whether ``e`` is the database refusing one record's data (a batch worth splitting) rather
    than the database failing (connection lost, locked, disk full: the run stops).

    PostgreSQL says which by SQLSTATE class: 22 data exception (NUL, bad encoding), 23 integrity,
    54 program limit (an index row too large). Without a SQLSTATE, any error but an OperationalError
    (SQLite's locked / I/O / full disk) is the record's; so is a non-database error in storing one
    (e.g. text no driver can encode)."""
    if isinstance(e, QuotetrackError):
        return False
    if not isinstance(e, DBAPIError):
        return True
    code = getattr(e.orig, "sqlstate", None)
    if code:
        return code[:2] in {"22", "23", "54"}
    return not isinstance(e, OperationalError)


class _Places:
    """Where each article id stored in this run was read (``file:line``), to name both places when
    the id comes again with another text. Kept in a temporary SQLite file so memory does not grow."""

    def __init__(self) -> None:
        fd, self.path = tempfile.mkstemp(prefix="quotetrack-ids-", suffix=".db")
        os.close(fd)
        self.db = sqlite3.connect(self.path)
        self.db.execute("PRAGMA journal_mode=OFF")
        self.db.execute("PRAGMA synchronous=OFF")
        self.db.execute("CREATE TABLE places (id TEXT PRIMARY KEY, place TEXT) WITHOUT ROWID")

    def add(self, rows: Iterable[tuple[str, str]]) -> None:
        self.db.executemany("INSERT OR IGNORE INTO places VALUES (?, ?)", rows)

    def get(self, article_id: str) -> str | None:
        row = self.db.execute("SELECT place FROM places WHERE id = ?", (article_id,)).fetchone()
        return row[0] if row else None

    def close(self) -> None:
        self.db.close()
        try:
            os.unlink(self.path)
        except OSError:
            pass


@dataclass
class _Prepared:
    article: Article
    values: dict[str, Any]
    quotes: list[QuoteResult]
    existing_id: int | None = None


def _items(paths_or_items: Iterable[str | Path | Item], meta: dict[str, Any] | None) -> Iterator[Item]:
    for x in paths_or_items:
        if isinstance(x, Article):
            yield checked(x)
        elif isinstance(x, Problem):
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
    # Ctrl-C reaches the whole process group: the parent alone handles it (one line, no worker tracebacks)
    signal.signal(signal.SIGINT, signal.SIG_IGN)


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
        self.places = _Places()

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
        try:
            return self._prepare(a, existing_id, extracted)
        except Exception as e:  # noqa: BLE001 - one article's failure is a Problem, not a crash
            self._fail(a, f"cannot be prepared ({type(e).__name__}: {_first_line(e)})")
            return None

    def _prepare(self, a: Article, existing_id: int | None, extracted: Extracted | None) -> _Prepared | None:
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
        self._batch_warnings: list[str] = []
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
            else:
                first = batch[new_at[a.id]]
                if first.values["content_hash"] != p.values["content_hash"]:
                    self._conflict(a, _where(first.article), in_store=True)
        inserted = insert_articles(s, new_rows)
        for ext_id, new_id in inserted.items():
            article_ids[new_at[ext_id]], outcomes[new_at[ext_id]] = new_id, "new"
        missing = [e for e in new_at if e not in inserted]  # stored meanwhile (earlier batch in flight, another ingester)
        if missing:
            stored_hash = dict(s.execute(select(ArticleRow.external_id, ArticleRow.content_hash)
                                         .where(ArticleRow.external_id.in_(missing))).all())
            for e in missing:
                p = batch[new_at[e]]
                if stored_hash.get(e, p.values["content_hash"]) != p.values["content_hash"]:
                    self._conflict(p.article, None, in_store=True)
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
            except DBAPIError as e:
                self._rollback_caches(created0)
                if attempt < _RETRIES and _conflict_with_another_writer(e):
                    log.info("transaction conflict (%s); retrying", _first_line(e))
                    time.sleep(random.uniform(0.02, 0.1) * (attempt + 1))
                    continue
                raise
            except BaseException:
                self._rollback_caches(created0)
                raise
        raise AssertionError("unreachable")

    def _conflict(self, a: Article, first: str | None, *, replaced: bool = False, in_store: bool = False) -> None:
        """``a`` repeats a stored id with another text: say so, naming where the stored one came from."""
        first = first or self.places.get(a.id)
        if self.reextract and first is None:
            return  # replacing what an earlier run stored is what --reextract is for
        origin = f"first read at {first}" if first else "stored before this run"
        policy = ("it replaces the stored one (--reextract)" if replaced
                  else "the first one is kept (--reextract replaces it)")
        w = f"{_where(a)}: article id {a.id!r} was already {origin} with a different text; {policy}"
        # inside a transaction the warning waits for its commit (a retried or split batch says it once)
        (self._batch_warnings if in_store else self.summary.warnings).append(w)
        log.info("%s", w)

    def _db_error(self, e: Exception) -> Exception:
        return describe_error(e, self.engine.url) if isinstance(e, DBAPIError) else e

    def _write(self, batch: list[_Prepared]) -> None:
        """Store ``batch`` in one transaction. When the database refuses it because of one record's
        data (see ``_record_error``), the halves are stored separately, down to the record alone,
        which fails as a Problem; a failure of the database itself stops the run."""
        if not batch:
            return
        try:
            outcomes = self._transact(lambda s: self._store(s, batch))
        except Exception as e:
            if not _record_error(e):
                raise self._db_error(e) from e
            if len(batch) == 1:
                self._fail(batch[0].article, f"database refused it: {_first_line(e)}")
                return
            log.info("batch of %d failed (%s); storing its halves apart", len(batch), _first_line(e))
            mid = len(batch) // 2
            self._write(batch[:mid])
            self._write(batch[mid:])
            return
        self._count(outcomes, self._stored_quotes, self._rejected)
        self.summary.warnings.extend(self._batch_warnings)
        self.places.add((p.article.id, _where(p.article)) for p, o in zip(batch, outcomes) if o != "skipped")

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

    def _existing(self, batch: list[Article]) -> dict[str, tuple[int, str]]:
        """external_id → (row id, content hash) of the batch's stored articles. An article the lookup
        itself fails on (its id is no valid text for the database) fails alone, as a Problem."""
        try:
            out: dict[str, tuple[int, str]] = {}
            ids = list(dict.fromkeys(a.id for a in batch))
            with Session(self.engine) as s:
                for i in range(0, len(ids), 500):
                    q = select(ArticleRow.external_id, ArticleRow.id, ArticleRow.content_hash) \
                        .where(ArticleRow.external_id.in_(ids[i:i + 500]))
                    out.update({e: (n, h) for e, n, h in s.execute(q)})
            return out
        except Exception as e:
            if not _record_error(e):
                raise self._db_error(e) from e
            if len(batch) == 1:
                self._fail(batch[0], f"database refused its id: {_first_line(e)}")
                return {batch[0].id: (-1, "")}
            mid = len(batch) // 2
            return self._existing(batch[:mid]) | self._existing(batch[mid:])

    def plan(self, batch: list[Article]) -> _Planned:
        """Which articles of ``batch`` need extracting (stored ones are skipped unless re-extracting)."""
        if not batch:
            return _Planned([])
        existing = self._existing(batch)
        todo = []
        for a in batch:
            eid, stored_hash = existing.get(a.id, (None, ""))
            if eid == -1:
                continue  # failed above
            if eid is not None and stored_hash != content_hash(a.text):
                self._conflict(a, None, replaced=self.reextract)
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
    from .timed_extract import budget_from_env

    budget_from_env()  # a malformed QUOTETRACK_EXTRACT_TIMEOUT is one clear error, before anything is read
    summary = IngestSummary()
    ing = _Ingester(engine, reextract=reextract, extractor=extractor, extractor_version=extractor_version,
                    summary=summary, progress=progress)
    try:
        if workers > 1:
            _run_parallel(ing, _batches(_items(paths_or_items, meta), ing, batch_size), extractor, workers)
        else:
            for batch in _batches(_items(paths_or_items, meta), ing, batch_size):
                ing.flush(batch)
    except KeyboardInterrupt:
        raise IngestInterrupted("interrupted", summary) from None
    finally:
        ing.places.close()
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


def _stop_pool(pool: ProcessPoolExecutor) -> None:
    """Stop the workers now: queued work is cancelled and running workers are terminated
    (an article may be minutes from its end; the parent must not wait for it)."""
    procs = list(getattr(pool, "_processes", {}).values())  # no public handle on the processes
    pool.shutdown(wait=False, cancel_futures=True)
    for proc in procs:
        if proc.is_alive():
            proc.terminate()
    for proc in procs:
        proc.join(5)


def _run_parallel(ing: _Ingester, batches: Iterator[list[Article]], extractor: Extractor, workers: int) -> None:
    """Extract batch k+1 in the pool while batch k is stored here; in input order.

    A dead worker (SIGKILL, the OOM killer) breaks the pool: the results still pending raise
    BrokenProcessPool at once, which ends the run with WorkerDied (whole batches stay stored)."""
    pool = ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(extractor,))
    try:
        pending: deque[tuple[_Planned, Iterator[Extracted]]] = deque()
        for batch in batches:
            planned = ing.plan(batch)
            texts = [a.text for a, _ in planned.todo]
            chunk = max(1, len(texts) // (workers * 4))
            pending.append((planned, pool.map(_extract_in_worker, texts, chunksize=chunk)))
            while len(pending) > 1:
                ing.finish(*pending.popleft())
        while pending:
            ing.finish(*pending.popleft())
    except BrokenProcessPool:
        raise WorkerDied("a worker process died (killed, or out of memory)", ing.summary) from None
    finally:
        _stop_pool(pool)


__all__ = ["ingest", "IngestSummary", "IngestStopped", "IngestInterrupted", "WorkerDied"]
