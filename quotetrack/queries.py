"""The typed query API: who said what, where and when.

Every function takes an open SQLAlchemy ``Connection`` (or ``Session``) on a
database migrated to head and returns plain dataclasses whose ``to_dict()``
keys are the stable field names of the CLI's JSON/CSV output and of the
``quote_details`` view (docs/schema.md).

Filters are always bound parameters; full-text search strings are reduced to
folded words before they reach FTS5 or ``to_tsquery``, so arbitrary user text
is data and never an FTS syntax error. Filtering, sorting and ``LIMIT`` all run
in SQL on indexed columns; Python only shapes the (limited) result.

Shapes that stay fast at millions of quotes (issue 6, migration 0003_query_speed):
quote filters and "newest/oldest first" use the copies ``quotes.published`` /
``quotes.outlet_id`` so one index range — (speaker_id, published, id),
(speaker_id, outlet_id, published, id), (outlet_id, published, id) or (published, id)
— is walked in order and stops after ``limit`` rows; quotes without a date (sorted
last) are fetched by a second query only when the dated ones do not fill the page.
Speaker names are looked up by exact key first (index), the whole-word scan of every
name is the fallback. Unfiltered speaker rankings read ``speaker_stats``; speaker profiles
and the ranking of one calendar month read ``speaker_facets`` (0004_speaker_facets).
"""
from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from enum import Enum
from functools import lru_cache
from typing import Any

import regex
from sqlalchemy import (Connection, ColumnElement, Integer, Select, bindparam, case, cast, false, func, literal,
                        not_, or_, select, text, true, union_all)
from sqlalchemy.orm import Session

from . import search
from .db.models import Article, Outlet, Quote, Speaker, SpeakerAlias, SpeakerFacet, SpeakerStats
from .db.repo import month_key, month_sql
from .db.speakers import speaker_key
from .errors import QuotetrackError
from .extractor.normalize import fold, name_key

Executor = Connection | Session

__all__ = [
    "QuoteFilter", "QuoteRow", "QuoteSort", "SpeakerFilter", "SpeakerRow", "SpeakerRef", "SpeakerProfile",
    "OutletRow", "OutletSort", "ArticleView", "Stat", "UnknownSpeakerError", "UnknownOutletError", "ArticleNotFoundError",
    "CountBy", "CountRow", "count_quotes", "total_quotes", "find_quotes", "iter_quotes", "list_speakers",
    "speaker_profile", "outlet_report", "article_view", "stats",
    "match_speakers", "suggest_speakers", "match_outlets", "fts_words", "fts_match", "cue_forms",
]

_q = Quote.__table__
_a = Article.__table__
_o = Outlet.__table__
_s = Speaker.__table__
_al = SpeakerAlias.__table__
_st = SpeakerStats.__table__
_sf = SpeakerFacet.__table__


# ---------------------------------------------------------------- errors

class UnknownSpeakerError(QuotetrackError):
    """No speaker name or alias matches; ``suggestions`` holds the closest known names."""

    def __init__(self, name: str, suggestions: Sequence[str], *, stored: bool = True) -> None:
        self.name = name
        self.suggestions = list(suggestions)
        hint = ("; closest known speakers: " + ", ".join(self.suggestions)) if self.suggestions else \
            "; list the stored ones with `quotetrack speakers`" if stored else \
            "; no speakers are stored yet (run `quotetrack ingest` first)"
        super().__init__(f"no speaker matches {name!r}{hint}")


class UnknownOutletError(QuotetrackError):
    """No outlet name or domain matches; ``suggestions`` holds the closest known outlets."""

    def __init__(self, name: str, suggestions: Sequence[str]) -> None:
        self.name = name
        self.suggestions = list(suggestions)
        hint = ("; closest known outlets: " + ", ".join(self.suggestions)) if self.suggestions else \
            "; no outlets are stored yet"
        super().__init__(f"no outlet matches {name!r}{hint}")


class ArticleNotFoundError(QuotetrackError):
    """No article has this id."""

    def __init__(self, article: str) -> None:
        self.article = article
        super().__init__(f"no article with id {article!r} (see `quotetrack quotes --format json` for ids)")


# ---------------------------------------------------------------- full-text search

#: The fold of the full-text document (migrations 0002/0005/0007 freeze copies; a test keeps them equal).
FTS_FOLD_PAIRS = search.FOLD_PAIRS
FTS_DROP = search.DROP

#: PostgreSQL: the document of stored column quotes.content_fts (GIN index ix_quotes_content_fts;
#: migrations 0005_pg_fts_column and 0007_arabic_search), which searches test instead of recomputing it per row.
PG_FTS_COLUMN = "quotes.content_fts"
PG_FTS_DOCUMENT = search.pg_document("quotes.content")

_WORD = regex.compile(r"[\p{L}\p{N}]+")


def fts_words(query: str) -> list[str]:
    """The folded words of a text (letters and digits; everything else separates words)."""
    return _WORD.findall(fold(query))


def _dialect(ex: Executor) -> str:
    if isinstance(ex, Session):
        return ex.get_bind().dialect.name
    return ex.dialect.name


def fts_match(query: str, dialect: str = "sqlite") -> str | None:
    """The backend search string of a search in the syntax of ``quotetrack.search``: an FTS5
    MATCH string for SQLite, a ``to_tsquery('simple', …)`` text for PostgreSQL; None when the
    search has no words. Use it to search ``quotes_fts`` / ``quotes.content_fts`` in plain SQL."""
    groups = search.parse(query)
    return search.compile_tsquery(groups) if dialect == "postgresql" else search.compile_fts5(groups)


def _search_clause(ex: Executor, query: str, *, walk_dates: bool = False) -> ColumnElement[bool]:
    """Full-text condition. ``walk_dates`` (SQLite): keep the planner from driving the query by
    the matches' rowids (``+quotes.id``), so it walks ix_quotes_published in order and probes the
    (once materialized) match set, stopping at the page's last row — the fast plan for a
    frequent word, where looking up and sorting every match is not."""
    dialect = _dialect(ex)
    match = fts_match(query, dialect)
    if match is None:
        return false()
    if dialect == "postgresql":
        return text(f"{PG_FTS_COLUMN} @@ to_tsquery('simple'::regconfig, :fts_query)").bindparams(
            fts_query=match)
    col = "+quotes.id" if walk_dates else "quotes.id"
    return text(f"{col} IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH :fts_query)").bindparams(
        fts_query=match)


def _frequent_match(ex: Executor, query: str, limit: int) -> bool:
    """SQLite: does the search match so many quotes that walking the date index (about
    limit * total / matches entries) is cheaper than looking up and sorting every match?
    (Measured at 1M quotes: an index entry costs ~0.3 us to walk, a match ~5 us to fetch.)"""
    match = fts_match(query)
    if match is None or limit <= 0:
        return False
    n = ex.execute(text("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH :m"), {"m": match}).scalar() or 0
    total = ex.execute(select(func.max(_q.c.id))).scalar() or 0
    return n * n * 20 > limit * total


# ---------------------------------------------------------------- name matching

@dataclass(frozen=True, slots=True)
class SpeakerRef:
    """A stored speaker that a name matched."""

    speaker_id: int
    speaker: str
    kind: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _word_run(col: ColumnElement[str], key: str) -> ColumnElement[bool]:
    """``key`` equals ``col`` or is a run of whole words inside it (keys hold only letters, digits, spaces)."""
    pattern = "% " + key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + " %"
    return or_(col == key, (literal(" ") + col + literal(" ")).like(pattern, escape="\\"))


def match_speakers(ex: Executor, name: str) -> list[SpeakerRef]:
    """Speakers whose canonical key or an alias key equals ``speaker_key(name)``; when none does,
    those whose canonical or alias key contains it as a run of whole words.

    So "بلينكن", "أنتوني بلينكن" and "انتوني بلينكن" all find "أنتوني بلينكن". The exact
    match (two index lookups) comes first, as for outlets: a name that IS a stored name
    or alias ("بايدن") finds that speaker only, not also every longer name containing
    it ("هانتر بايدن"); the scan of every name runs only when nothing is exact.
    """
    key = speaker_key(name)
    if not key:
        return []
    exact = {r[0] for r in ex.execute(select(_s.c.id).where(_s.c.key == key))}
    exact |= {r[0] for r in ex.execute(select(_al.c.speaker_id).where(_al.c.key == key))}
    if exact:
        return [SpeakerRef(r.id, r.name, r.kind) for r in ex.execute(
            select(_s.c.id, _s.c.name, _s.c.kind).where(_s.c.id.in_(sorted(exact))).order_by(_s.c.id))]
    alias_ids = select(_al.c.speaker_id).where(_word_run(_al.c.key, key))
    stmt = (select(_s.c.id, _s.c.name, _s.c.kind)
            .where(or_(_word_run(_s.c.key, key), _s.c.id.in_(alias_ids)))
            .order_by(_s.c.id))
    return [SpeakerRef(r.id, r.name, r.kind) for r in ex.execute(stmt)]


def _closest(key: str, candidates: dict[str, str], n: int) -> list[str]:
    """Names whose keys are closest to ``key`` (difflib), best first, deduplicated."""
    if not key or not candidates:
        return []
    hits = difflib.get_close_matches(key, list(candidates), n=n * 3, cutoff=0.5)
    # also offer names sharing a word with the query (a misspelt first name, a right last name)
    words = set(key.split())
    hits += [k for k in candidates if words & set(k.split()) and k not in hits]
    out: list[str] = []
    for k in hits:
        nm = candidates[k]
        if nm not in out:
            out.append(nm)
        if len(out) >= n:
            break
    return out


def suggest_speakers(ex: Executor, name: str, n: int = 5) -> list[str]:
    """Canonical names of the speakers closest in spelling to ``name`` (for "did you mean")."""
    cands: dict[str, str] = {}
    for r in ex.execute(select(_s.c.key, _s.c.name)):
        cands.setdefault(r.key, r.name)
    for r in ex.execute(select(_al.c.key, _s.c.name).join(_s, _s.c.id == _al.c.speaker_id)):
        cands.setdefault(r.key, r.name)
    return _closest(speaker_key(name), cands, n)


def unknown_speaker(ex: Executor, name: str) -> UnknownSpeakerError:
    """The error for a name that matches no speaker: the closest names, or whether any are stored."""
    stored = ex.execute(select(_s.c.id).limit(1)).first() is not None
    return UnknownSpeakerError(name, suggest_speakers(ex, name), stored=stored)


def _speaker_ids(ex: Executor, name: str) -> list[int]:
    refs = match_speakers(ex, name)
    if not refs:
        raise unknown_speaker(ex, name)
    return [r.speaker_id for r in refs]


def match_outlets(ex: Executor, name: str) -> list[int]:
    """Outlet ids for ``name``: exact key or domain first, else outlets whose key contains it as whole words.

    Raises UnknownOutletError (with suggestions) when nothing matches.
    """
    key = name_key(name)
    exact = [r[0] for r in ex.execute(
        select(_o.c.id).where(or_(_o.c.key == key, _o.c.domain == _clean(name).lower())).order_by(_o.c.id))]
    if exact:
        return exact
    runs = [r[0] for r in ex.execute(select(_o.c.id).where(_word_run(_o.c.key, key)).order_by(_o.c.id))] \
        if key else []
    if runs:
        return runs
    cands = {r.key: r.name for r in ex.execute(select(_o.c.key, _o.c.name))}
    raise UnknownOutletError(name, _closest(key, cands, 5))


# ---------------------------------------------------------------- quotes

class QuoteSort(str, Enum):
    newest = "newest"
    oldest = "oldest"
    speaker = "speaker"
    outlet = "outlet"


@dataclass(frozen=True, slots=True)
class QuoteFilter:
    """What ``find_quotes`` selects. ``None`` means "any"; dates are inclusive."""

    speaker: str | Sequence[str] | None = None   # one name or several (any of them)
    outlet: str | Sequence[str] | None = None    # one outlet or several (any of them)
    since: dt.date | None = None
    until: dt.date | None = None
    cue: str | None = None
    stance: str | None = None
    type: str | None = None
    anonymous: bool | None = None
    via: str | None = None
    search: str | None = None   # the syntax of quotetrack.search: words, A OR B, "a phrase"
    article: str | None = None
    kind: str | None = None     # the speaker's kind: person, organization, anonymous
    title: str | None = None    # words the speaker's title at the quote contains (folded): سعودي، وزير
    limit: int | None = 50
    sort: QuoteSort = QuoteSort.newest


@dataclass(frozen=True, slots=True)
class QuoteRow:
    """One quote with its speaker, outlet and date; the field names are the ``quote_details`` view's."""

    quote_id: int
    article_id: int
    external_id: str
    published: dt.date | None
    month: str | None
    outlet_id: int | None
    outlet: str | None
    speaker_id: int | None
    speaker: str | None
    speaker_kind: str | None
    title: str | None
    mention: str | None
    content: str
    type: str
    cue: str | None
    cue_lemma: str | None
    stance: str | None
    via: str | None
    channel: str | None
    anonymous: bool
    char_start: int
    char_end: int
    rule: str
    article_title: str | None
    url: str | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


QUOTE_FIELDS: tuple[str, ...] = tuple(QuoteRow.__dataclass_fields__)


def _quote_select() -> Select[Any]:
    return (select(
        _q.c.id.label("quote_id"), _q.c.article_id, _a.c.external_id, _a.c.published,
        _a.c.outlet_id, _o.c.name.label("outlet"), _q.c.speaker_id, _s.c.name.label("speaker"),
        _s.c.kind.label("speaker_kind"), _q.c.title, _q.c.mention, _q.c.content, _q.c.type, _q.c.cue,
        _q.c.cue_lemma, _q.c.stance, _q.c.via, _q.c.channel, _q.c.anonymous, _q.c.char_start, _q.c.char_end,
        _q.c.rule, _a.c.title.label("article_title"), _a.c.url)
        .select_from(_q.join(_a, _a.c.id == _q.c.article_id)
                     .outerjoin(_o, _o.c.id == _a.c.outlet_id)
                     .outerjoin(_s, _s.c.id == _q.c.speaker_id)))


def _date_filters(since: dt.date | None, until: dt.date | None,
                  col: ColumnElement[Any] = _q.c.published) -> list[ColumnElement[bool]]:
    """Inclusive date bounds on ``col``: the quote's copy of its article's date, or ``articles.published``."""
    out: list[ColumnElement[bool]] = []
    if since is not None:
        out.append(col >= since)
    if until is not None:
        out.append(col <= until)
    if since is not None and until is not None and since > until:
        out.append(false())
    return out


def _clean(value: str) -> str:
    """User text as a safe parameter: NUL cannot be stored in PostgreSQL text, so it never matches."""
    return value.replace("\x00", "").strip()


def _contains(col: ColumnElement[str | None], value: str) -> ColumnElement[bool]:
    forms = {_clean(value), fold(_clean(value))} - {""}
    if not forms:
        return false()
    return or_(*(col.contains(v, autoescape=True) for v in sorted(forms)))


#: (column, ids): a speaker/outlet filter that matched several ids, each walked on its own (see ``_page``).
FanOut = tuple[ColumnElement[Any], list[int]]

#: Above this many ids, one ``IN`` query (sorted by the database) is used instead of one walk per id.
_FAN_OUT_MAX = 16


def _quote_conditions(ex: Executor, f: QuoteFilter) -> tuple[list[ColumnElement[bool]], FanOut | None]:
    """Conditions on the quotes table only (its indexes serve them; no join is needed to filter),
    and the speaker (else outlet) filter that matched 2.._FAN_OUT_MAX ids, left out of the conditions."""
    cond: list[ColumnElement[bool]] = []
    fan: FanOut | None = None
    speakers, outlets = _names(f.speaker), _names(f.outlet)
    for col, ids in ((_q.c.speaker_id, _ids(ex, speakers, _speaker_ids) if speakers else None),
                     (_q.c.outlet_id, _ids(ex, outlets, match_outlets) if outlets else None)):
        if ids is None:
            continue
        if fan is None and 1 < len(ids) <= _FAN_OUT_MAX:
            fan = (col, ids)
        else:
            cond.append(col == ids[0] if len(ids) == 1 else col.in_(ids))
    cond += _date_filters(f.since, f.until)
    if f.cue is not None:
        lemmas, forms = cue_forms(f.cue)
        cond.append(or_(_q.c.cue_lemma.in_(lemmas), _q.c.cue.in_(forms)))
    if f.stance is not None:
        cond.append(_q.c.stance == _clean(f.stance))
    if f.type is not None:
        cond.append(_q.c.type == _clean(f.type))
    if f.anonymous is True:
        cond.append(_q.c.anonymous == true())
    elif f.anonymous is False:
        cond.append(_q.c.anonymous == false())
    if f.via is not None:
        cond.append(_contains(_q.c.via, f.via))
    if f.search is not None:
        walk = (_dialect(ex) == "sqlite" and f.limit is not None and f.sort in (QuoteSort.newest, QuoteSort.oldest)
                and f.speaker is None and f.outlet is None and f.article is None and f.cue is None
                and f.via is None and f.kind is None and f.title is None
                and _frequent_match(ex, f.search, f.limit))
        cond.append(_search_clause(ex, f.search, walk_dates=walk))
    if f.article is not None:
        cond.append(_q.c.article_id.in_(select(_a.c.id).where(_a.c.external_id == _clean(f.article))))
    if f.kind is not None:
        cond.append(_q.c.speaker_id.in_(select(_s.c.id).where(_s.c.kind == _clean(f.kind))))
    if f.title is not None:
        title = search.fold_sql(_q.c.title, _dialect(ex))
        words = fts_words(f.title)
        cond += [title.contains(w, autoescape=True) for w in words] if words else [false()]
    return cond, fan


def _names(value: str | Sequence[str] | None) -> list[str]:
    """A name filter as a list: one string, or several."""
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def _ids(ex: Executor, names: list[str], match: Callable[[Executor, str], list[int]]) -> list[int]:
    """The ids any of ``names`` match (each must match something; ``match`` raises otherwise)."""
    out: list[int] = []
    for n in names:
        out += [i for i in match(ex, n) if i not in out]
    return out


def cue_forms(cue: str) -> tuple[list[str], list[str]]:
    """(lemmas, surface forms) a cue filter matches: as typed, folded, and, through the
    reporting-verb lexicon, the lemma of any form spelt like it ("اكد" finds lemma "أكّد")."""
    cue = _clean(cue)
    typed = {cue, fold(cue)} - {""}
    lemmas, forms = set(typed), set(typed)
    key = fold(cue)
    try:
        from .extractor.lexicon import load
        verbs = load().verbs
    except (ImportError, QuotetrackError):  # lexicon missing or broken: match as typed
        verbs = {}
    for folded_form, v in verbs.items():
        if folded_form == key or v.lemma_key == key:
            lemmas.add(v.lemma)
            if v.lemma_key == key:
                forms.add(v.form)
    return sorted(lemmas), sorted(forms)


def _month(d: dt.date | str | None) -> str | None:
    if d is None:
        return None
    return (d.isoformat() if isinstance(d, dt.date) else str(d))[:7]


def _quote_row(r: Any) -> QuoteRow:
    m = dict(r._mapping)
    m["month"] = _month(m["published"])
    m["anonymous"] = bool(m["anonymous"])
    return QuoteRow(**m)


def find_quotes(ex: Executor, f: QuoteFilter = QuoteFilter()) -> list[QuoteRow]:
    """Quotes matching every filter in ``f``, sorted and limited in SQL.

    Raises UnknownSpeakerError / UnknownOutletError (with suggestions) when a
    speaker or outlet name matches nothing.
    """
    return list(iter_quotes(ex, f))


def iter_quotes(ex: Executor, f: QuoteFilter = QuoteFilter()) -> Iterator[QuoteRow]:
    """``find_quotes`` as a stream: rows are fetched in chunks while they are consumed (a
    server-side cursor on PostgreSQL), so even every quote of the database takes constant
    memory. Unknown names raise here, before the first row."""
    cond, fan = _quote_conditions(ex, f)
    limit = None if f.limit is None else max(f.limit, 0)
    if f.sort in (QuoteSort.newest, QuoteSort.oldest):
        return _by_date(ex, cond, fan, limit, newest=f.sort is QuoteSort.newest,
                        dated_only=f.since is not None or f.until is not None)
    if fan is not None:
        cond.append(fan[0].in_(fan[1]))
    if f.sort is QuoteSort.speaker:
        order = [_s.c.name.asc().nulls_last(), _q.c.published.desc().nulls_last(), _q.c.id.desc()]
    else:
        order = [_o.c.name.asc().nulls_last(), _q.c.published.desc().nulls_last(), _q.c.id.desc()]
    stmt = _quote_select().where(*cond).order_by(*order)
    if limit is not None:
        stmt = stmt.limit(limit)
    return _stream(ex, stmt)


def total_quotes(ex: Executor, f: QuoteFilter = QuoteFilter()) -> int:
    """How many quotes match ``f`` whatever its limit (for "50 of 1,198")."""
    cond, fan = _quote_conditions(ex, f)
    if fan is not None:
        cond.append(fan[0].in_(fan[1]))
    if f.sort in (QuoteSort.newest, QuoteSort.oldest) and (f.since is not None or f.until is not None):
        cond.append(_q.c.published.is_not(None))
    return int(ex.execute(select(func.count()).select_from(_q).where(*cond)).scalar() or 0)


#: Rows fetched per round trip when a result is streamed.
STREAM_CHUNK = 1000


def _stream(ex: Executor, stmt: Select[Any]) -> Iterator[QuoteRow]:
    for r in ex.execute(stmt.execution_options(yield_per=STREAM_CHUNK)):
        yield _quote_row(r)


class CountBy(str, Enum):
    """What ``count_quotes`` groups by."""

    speaker = "speaker"
    outlet = "outlet"
    month = "month"
    via = "via"
    cue = "cue"


@dataclass(frozen=True, slots=True)
class CountRow:
    """How many quotes have one value of ``by``; ``to_dict`` names the value after ``by``."""

    by: str
    value: str
    quotes: int

    def to_dict(self) -> dict[str, Any]:
        return {self.by: self.value, "quotes": self.quotes}


def count_quotes(ex: Executor, f: QuoteFilter, by: CountBy | str) -> list[CountRow]:
    """Quotes matching every filter of ``f``, counted per speaker, outlet, month ('YYYY-MM'),
    intermediary or cue lemma: months in calendar order, the others most first (ties by value).
    Quotes without a value (no speaker, no date, no via) are not counted; ``f.limit`` caps the rows."""
    by = CountBy(by)
    cond, fan = _quote_conditions(ex, f)
    if fan is not None:
        cond.append(fan[0].in_(fan[1]))
    n = func.count(_q.c.id).label("quotes")
    src: Any = _q
    if by is CountBy.speaker:
        keys: list[Any] = [_q.c.speaker_id, _s.c.name]
        src = _q.join(_s, _s.c.id == _q.c.speaker_id)
    elif by is CountBy.outlet:
        keys = [_q.c.outlet_id, _o.c.name]
        src = _q.join(_o, _o.c.id == _q.c.outlet_id)
    elif by is CountBy.month:
        keys = [month_sql(_q.c.published, _dialect(ex))]
        cond.append(_q.c.published.is_not(None))
    elif by is CountBy.via:
        keys = [_q.c.via]
        cond.append(_q.c.via.is_not(None))
    else:
        keys = [func.coalesce(_q.c.cue_lemma, _q.c.cue)]
        cond.append(keys[0].is_not(None))
    value = keys[-1]
    stmt = select(value.label("value"), n).select_from(src).where(*cond).group_by(*keys)
    stmt = stmt.order_by(value) if by is CountBy.month else stmt.order_by(n.desc(), value)
    if f.limit is not None:
        stmt = stmt.limit(max(f.limit, 0))
    return [CountRow(by.value, str(r.value), int(r.quotes)) for r in ex.execute(stmt)]


def _by_date(ex: Executor, cond: list[ColumnElement[bool]], fan: FanOut | None, limit: int | None, *,
             newest: bool, dated_only: bool) -> Iterator[QuoteRow]:
    """Quotes by date (newest or oldest first, undated last, ties by id the same way), limited.

    Same order as ``published DESC|ASC NULLS LAST, id DESC|ASC`` but in two index-friendly
    steps: dated quotes ordered by (published, id) — a plain ascending index walked forward
    or backward, on both backends — then, only if they do not fill ``limit``, the undated ones."""
    if limit == 0:
        return
    pub, qid = (_q.c.published.desc(), _q.c.id.desc()) if newest else (_q.c.published.asc(), _q.c.id.asc())
    n = 0
    for row in _page(ex, [*cond, _q.c.published.is_not(None)], fan, [pub, qid], limit):
        n += 1
        yield row
    if not dated_only and (limit is None or n < limit):
        yield from _page(ex, [*cond, _q.c.published.is_(None)], fan, [qid],
                         None if limit is None else limit - n)


def _page(ex: Executor, cond: list[ColumnElement[bool]], fan: FanOut | None, order: list[Any],
          limit: int | None) -> Iterator[QuoteRow]:
    """One sorted page of quotes. When a speaker/outlet filter matched a few ids, each id's own
    index range is walked (at most ``limit`` rows each) and the ids' first rows merged, so no
    id's thousands of quotes are sorted to return a page."""
    if fan is None or limit is None:
        where = cond if fan is None else [*cond, fan[0].in_(fan[1])]
        stmt = _quote_select().where(*where).order_by(*order)
        if limit is not None:
            stmt = stmt.limit(limit)
        return _stream(ex, stmt)
    col, ids = fan
    branches = [select(_q.c.id).where(col == i, *cond).order_by(*order).limit(limit).subquery() for i in ids]
    firsts = union_all(*[select(b.c.id) for b in branches]).subquery()
    stmt = _quote_select().where(_q.c.id.in_(select(firsts.c.id))).order_by(*order).limit(limit)
    return _stream(ex, stmt)


# ---------------------------------------------------------------- speakers

@dataclass(frozen=True, slots=True)
class SpeakerFilter:
    outlet: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    kind: str | None = None
    limit: int | None = 50


@dataclass(frozen=True, slots=True)
class SpeakerRow:
    """A speaker ranked by how often they are quoted (within the filter)."""

    rank: int
    speaker_id: int
    speaker: str
    kind: str
    quotes: int
    articles: int
    outlets: int
    first_published: dt.date | None
    last_published: dt.date | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _as_date(v: Any) -> dt.date | None:
    if v is None or isinstance(v, dt.date):
        return v
    return dt.date.fromisoformat(str(v)[:10])


def list_speakers(ex: Executor, f: SpeakerFilter = SpeakerFilter()) -> list[SpeakerRow]:
    """Speakers ranked by quote count (ties by name), counting only quotes that pass the filter.

    Without a date or outlet filter the ranking is read from ``speaker_stats`` (``limit``
    rows of its quotes index) and only the outlet counts of those speakers are computed,
    one index probe per (speaker, outlet); with one, the matching quotes are aggregated."""
    return list(iter_speakers(ex, f))


def iter_speakers(ex: Executor, f: SpeakerFilter = SpeakerFilter()) -> Iterator[SpeakerRow]:
    """``list_speakers`` as a stream, fetched in chunks while consumed (constant memory)."""
    if f.since is None and f.until is None and f.outlet is None:
        yield from _ranked_all_time(ex, f.kind, None if f.limit is None else max(f.limit, 0))
        return
    if f.outlet is None and f.limit is not None and f.since is not None and f.until is not None \
            and f.since.day == 1 and f.until == _month_end(f.since):
        yield from _ranked_month(ex, f.since, f.until, f.kind, max(f.limit, 0))
        return
    cond = _date_filters(f.since, f.until)
    if f.outlet is not None:
        cond.append(_q.c.outlet_id.in_(match_outlets(ex, f.outlet)))
    # aggregate the quotes alone (a date range reads only the covering ix_quotes_published), then name them
    g = (select(_q.c.speaker_id, func.count().label("quotes"),
                func.count(func.distinct(_q.c.article_id)).label("articles"),
                func.count(func.distinct(_q.c.outlet_id)).label("outlets"),
                func.min(_q.c.published).label("first_published"),
                func.max(_q.c.published).label("last_published"))
         .where(_q.c.speaker_id.is_not(None), *cond).group_by(_q.c.speaker_id).subquery("g"))
    stmt = (select(_s.c.id, _s.c.name, _s.c.kind, g.c.quotes, g.c.articles, g.c.outlets, g.c.first_published,
                   g.c.last_published)
            .select_from(g.join(_s, _s.c.id == g.c.speaker_id))
            .order_by(g.c.quotes.desc(), _s.c.name, _s.c.id))
    if f.kind is not None:
        stmt = stmt.where(_s.c.kind == f.kind)
    if f.limit is not None:
        stmt = stmt.limit(max(f.limit, 0))
    for i, r in enumerate(ex.execute(stmt.execution_options(yield_per=STREAM_CHUNK)), 1):
        yield SpeakerRow(i, r.id, r.name, r.kind, r.quotes, r.articles, r.outlets,
                         _as_date(r.first_published), _as_date(r.last_published))


def _month_end(d: dt.date) -> dt.date:
    return dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1) - dt.timedelta(days=1)


def _ranked_month(ex: Executor, since: dt.date, until: dt.date, kind: str | None, limit: int) -> list[SpeakerRow]:
    """The top ``limit`` speakers of one calendar month, from its ``speaker_facets`` rows walked in count
    order (ix_speaker_facets_facet_value): the count of the limit-th gives the cut, every speaker at or
    above it is named and ordered (ties by name), and only those speakers' quotes of the month are read
    (ix_quotes_speaker_id_published) for their articles, outlets and first/last dates."""
    if limit == 0:
        return []
    month = month_key(since)
    where = [_sf.c.facet == "month", _sf.c.value == month, _sf.c.quotes > 0]
    if kind is not None:
        where.append(_s.c.kind == kind)
    src = _sf.join(_s, _s.c.id == _sf.c.speaker_id)
    cut = ex.execute(select(_sf.c.quotes).select_from(src if kind is not None else _sf).where(*where)
                     .order_by(_sf.c.quotes.desc()).offset(limit - 1).limit(1)).scalar()
    top = ex.execute(select(_s.c.id, _s.c.name, _s.c.kind, _sf.c.quotes).select_from(src)
                     .where(*where, _sf.c.quotes >= (cut or 1))
                     .order_by(_sf.c.quotes.desc(), _s.c.name, _s.c.id).limit(limit)).all()
    if not top:
        return []
    detail = {r[0]: r[1:] for r in ex.execute(
        select(_q.c.speaker_id, func.count(func.distinct(_q.c.article_id)),
               func.count(func.distinct(_q.c.outlet_id)), func.min(_q.c.published), func.max(_q.c.published))
        .where(_q.c.speaker_id.in_([r.id for r in top]), *_date_filters(since, until))
        .group_by(_q.c.speaker_id))}
    out = []
    for i, r in enumerate(top, 1):
        arts, outlets, first, last = detail.get(r.id, (0, 0, None, None))
        out.append(SpeakerRow(i, r.id, r.name, r.kind, int(r.quotes), arts, outlets, _as_date(first),
                              _as_date(last)))
    return out


def _outlet_counts(speaker_id: ColumnElement[int]) -> Any:
    """In how many outlets ``speaker_id`` is quoted: one probe of ix_quotes_speaker_id_outlet_id per outlet.

    A ``LIMIT 1`` scalar subquery, not ``EXISTS``: PostgreSQL turns EXISTS into a semi-join that
    reads every quote of the speaker (thousands for the top ones); this stays one probe per outlet."""
    probe = (select(_q.c.id).where(_q.c.speaker_id == speaker_id, _q.c.outlet_id == _o.c.id).limit(1)
             .correlate_except(_q).scalar_subquery())
    return select(func.count()).select_from(_o).where(probe.is_not(None)).scalar_subquery()


def _ranked_all_time(ex: Executor, kind: str | None, limit: int | None) -> Iterator[SpeakerRow]:
    stmt = (select(_s.c.id, _s.c.name, _s.c.kind, _st.c.quotes, _st.c.articles, _st.c.first_published,
                   _st.c.last_published)
            .select_from(_st.join(_s, _s.c.id == _st.c.speaker_id))
            .where(_st.c.quotes > 0, *([_s.c.kind == kind] if kind is not None else []))
            .order_by(_st.c.quotes.desc(), _s.c.name, _s.c.id))
    if limit is not None:
        stmt = stmt.limit(limit)
    # the ranking is streamed in chunks of 500; each chunk's outlet counts take one more query
    rank = 0
    for chunk in ex.execute(stmt.execution_options(yield_per=500)).partitions():
        sid = _s.c.id
        outlets = {r[0]: r[1] for r in ex.execute(
            select(sid, _outlet_counts(sid)).where(sid.in_([r.id for r in chunk])))}
        for r in chunk:
            rank += 1
            yield SpeakerRow(rank, r.id, r.name, r.kind, r.quotes, r.articles, outlets.get(r.id, 0),
                             _as_date(r.first_published), _as_date(r.last_published))


@dataclass(frozen=True, slots=True)
class SpeakerProfile:
    """Everything known about the speaker(s) a name matches."""

    query: str
    speakers: list[SpeakerRef]
    quotes: int
    articles: int
    first_published: dt.date | None
    last_published: dt.date | None
    aliases: list[dict[str, Any]] = field(default_factory=list)   # alias, manual
    titles: list[dict[str, Any]] = field(default_factory=list)    # title, quotes
    outlets: list[dict[str, Any]] = field(default_factory=list)   # outlet, quotes
    months: list[dict[str, Any]] = field(default_factory=list)    # month, quotes
    stances: list[dict[str, Any]] = field(default_factory=list)   # stance, quotes
    types: list[dict[str, Any]] = field(default_factory=list)     # type, quotes
    latest: list[QuoteRow] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        d = {k: getattr(self, k) for k in self.__dataclass_fields__}
        d["speakers"] = [s.to_dict() for s in self.speakers]
        d["latest"] = [q.to_dict() for q in self.latest]
        return d


@lru_cache(maxsize=1)
def _facet_statements() -> tuple[Any, Any]:
    """The two facet statements, built once (``ids`` is an expanding bind parameter): building
    four windowed selects and their union per profile cost more than running them."""
    ids = bindparam("ids", expanding=True)
    sf = _sf.alias("f")
    val = func.nullif(sf.c.value, "")
    parts = []
    for facet, col, src in (("title", val, sf), ("stance", val, sf), ("type", val, sf),
                            ("outlet", _o.c.name, sf.outerjoin(_o, _o.c.id == cast(val, Integer)))):
        n = func.sum(sf.c.quotes)
        parts.append(select(literal(facet).label("facet"), col.label("value"), n.label("quotes"),
                            func.row_number().over(order_by=(n.desc(), col)).label("rn"))
                     .select_from(src).where(sf.c.speaker_id.in_(ids), sf.c.facet == facet).group_by(col))
    months = (select(_sf.c.value, func.sum(_sf.c.quotes)).where(_sf.c.speaker_id.in_(ids), _sf.c.facet == "month")
              .group_by(_sf.c.value).order_by(_sf.c.value))
    return union_all(*parts), months


def _facets(ex: Executor, ids: list[int]) -> dict[str, list[dict[str, Any]]]:
    """Quote counts of the speakers ``ids`` by title, outlet, stance and type, most first (ties by value,
    in the database's order), and by month in month order, from their ``speaker_facets`` rows
    (a few dozen rows of its primary key instead of every quote; '' there is NULL here)."""
    ranked, months = _facet_statements()
    out: dict[str, list[tuple[int, dict[str, Any]]]] = {"title": [], "stance": [], "type": [], "outlet": []}
    for r in ex.execute(ranked, {"ids": ids}):
        out[r.facet].append((r.rn, {r.facet: r.value, "quotes": int(r.quotes)}))
    res = {k: [d for _, d in sorted(v, key=lambda t: t[0])] for k, v in out.items()}
    res["month"] = [{"month": r[0], "quotes": int(r[1])} for r in ex.execute(months, {"ids": ids})]
    return res


def speaker_profile(ex: Executor, name: str, *, latest: int = 5) -> SpeakerProfile:
    """A profile of the speaker(s) ``name`` matches: aliases, titles, outlets, months, stance mix, latest quotes."""
    refs = match_speakers(ex, name)
    if not refs:
        raise unknown_speaker(ex, name)
    ids = [r.speaker_id for r in refs]
    if len(ids) == 1:  # one speaker: the totals are kept in speaker_stats
        tot = ex.execute(select(_st.c.quotes, _st.c.articles, _st.c.first_published, _st.c.last_published)
                         .where(_st.c.speaker_id == ids[0])).first() or (0, 0, None, None)
    else:  # several: distinct articles across them need the quotes
        tot = ex.execute(select(func.count(_q.c.id), func.count(func.distinct(_q.c.article_id)),
                                func.min(_q.c.published), func.max(_q.c.published))
                         .where(_q.c.speaker_id.in_(ids))).one()
    aliases = [{"alias": r.alias, "manual": bool(r.manual)} for r in ex.execute(
        select(_al.c.alias, _al.c.manual).where(_al.c.speaker_id.in_(ids)).order_by(_al.c.alias))]
    fac = _facets(ex, ids)
    cond: list[ColumnElement[bool]] = [_q.c.speaker_id == ids[0]] if len(ids) == 1 else []
    fan: FanOut | None = (_q.c.speaker_id, ids) if 1 < len(ids) <= _FAN_OUT_MAX else None
    if len(ids) > _FAN_OUT_MAX:
        cond = [_q.c.speaker_id.in_(ids)]
    return SpeakerProfile(
        query=name, speakers=refs, quotes=tot[0], articles=tot[1],
        first_published=_as_date(tot[2]), last_published=_as_date(tot[3]), aliases=aliases,
        titles=[t for t in fac["title"][:21] if t["title"] is not None][:20],
        outlets=fac["outlet"],
        months=fac["month"],
        stances=fac["stance"],
        types=fac["type"],
        latest=list(_by_date(ex, cond, fan, max(latest, 0), newest=True, dated_only=False)),
    )


# ---------------------------------------------------------------- outlets

@dataclass(frozen=True, slots=True)
class OutletRow:
    """Per outlet: volume, reliance on anonymous sources, who is quoted and through whom."""

    outlet_id: int
    outlet: str
    domain: str | None
    articles: int
    quotes: int
    anonymous_quotes: int
    anonymous_share: float | None
    speakers: int
    via_quotes: int
    top_speakers: list[str]
    top_intermediaries: list[str]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _top_per_outlet(ex: Executor, col: ColumnElement[Any], extra: ColumnElement[bool], n: int,
                    since: dt.date | None, until: dt.date | None,
                    join_speaker: bool) -> dict[int, list[str]]:
    cnt = func.count(_q.c.id)
    base = _q.join(_a, _a.c.id == _q.c.article_id)
    if join_speaker:
        base = base.join(_s, _s.c.id == _q.c.speaker_id)
    inner = (select(_a.c.outlet_id.label("outlet_id"), col.label("value"), cnt.label("n"),
                    func.row_number().over(partition_by=_a.c.outlet_id, order_by=(cnt.desc(), col)).label("rn"))
             .select_from(base).where(extra, _a.c.outlet_id.is_not(None),
                                      *_date_filters(since, until, _a.c.published))
             .group_by(_a.c.outlet_id, col).subquery())
    out: dict[int, list[str]] = {}
    for r in ex.execute(select(inner.c.outlet_id, inner.c.value).where(inner.c.rn <= n)
                        .order_by(inner.c.outlet_id, inner.c.rn)):
        out.setdefault(r.outlet_id, []).append(r.value)
    return out


class OutletSort(str, Enum):
    quotes = "quotes"
    anonymous_share = "anonymous_share"


def outlet_report(ex: Executor, *, since: dt.date | None = None, until: dt.date | None = None,
                  top: int = 3, sort: OutletSort | str = OutletSort.quotes) -> list[OutletRow]:
    """One row per outlet: articles, quotes, anonymous share, top speakers and intermediaries; most
    quotes first, or (``sort="anonymous_share"``) the outlets leaning most on anonymous sources first."""
    anon = func.sum(case((_q.c.anonymous == true(), 1), else_=0))
    via = func.sum(case((_q.c.via.is_not(None), 1), else_=0))
    nq = func.count(_q.c.id)
    stmt = (select(_o.c.id, _o.c.name, _o.c.domain, func.count(func.distinct(_a.c.id)).label("articles"),
                   nq.label("quotes"), anon.label("anonymous_quotes"),
                   func.count(func.distinct(_q.c.speaker_id)).label("speakers"), via.label("via_quotes"))
            .select_from(_o.join(_a, _a.c.outlet_id == _o.c.id).outerjoin(_q, _q.c.article_id == _a.c.id))
            .where(*_date_filters(since, until, _a.c.published))
            .group_by(_o.c.id, _o.c.name, _o.c.domain)
            .order_by(nq.desc(), _o.c.name))
    tops = _top_per_outlet(ex, _s.c.name, _s.c.kind != "anonymous", top, since, until, True)
    vias = _top_per_outlet(ex, _q.c.via, _q.c.via.is_not(None), top, since, until, False)
    rows = []
    for r in ex.execute(stmt):
        anon_n = int(r.anonymous_quotes or 0)
        rows.append(OutletRow(
            r.id, r.name, r.domain, r.articles, r.quotes, anon_n,
            round(anon_n / r.quotes, 4) if r.quotes else None, r.speakers, int(r.via_quotes or 0),
            tops.get(r.id, []), vias.get(r.id, [])))
    if OutletSort(sort) is OutletSort.anonymous_share:
        rows.sort(key=lambda o: (-(o.anonymous_share or 0.0), -o.quotes, o.outlet))
    return rows


# ---------------------------------------------------------------- one article

@dataclass(frozen=True, slots=True)
class ArticleView:
    """An article's text and metadata with its quotes (offsets index ``text``)."""

    article_id: int
    external_id: str
    outlet: str | None
    published: dt.date | None
    title: str | None
    url: str | None
    text: str
    quotes: list[QuoteRow]

    def to_dict(self) -> dict[str, Any]:
        d = {k: getattr(self, k) for k in self.__dataclass_fields__}
        d["quotes"] = [q.to_dict() for q in self.quotes]
        return d


def article_view(ex: Executor, article: str | int) -> ArticleView:
    """The article with external id ``article`` (or, failing that, numeric database id) and its quotes."""
    cols = (_a.c.id, _a.c.external_id, _o.c.name, _a.c.published, _a.c.title, _a.c.url, _a.c.text)
    base = select(*cols).select_from(_a.outerjoin(_o, _o.c.id == _a.c.outlet_id))
    row = ex.execute(base.where(_a.c.external_id == _clean(str(article)))).first()
    if row is None and str(article).isdigit():
        row = ex.execute(base.where(_a.c.id == int(article))).first()
    if row is None:
        raise ArticleNotFoundError(str(article))
    quotes = [_quote_row(r) for r in ex.execute(
        _quote_select().where(_q.c.article_id == row.id).order_by(_q.c.char_start, _q.c.id))]
    return ArticleView(row.id, row.external_id, row.name, _as_date(row.published), row.title, row.url,
                       row.text, quotes)


# ---------------------------------------------------------------- stats

@dataclass(frozen=True, slots=True)
class Stat:
    metric: str
    value: Any

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def stats(ex: Executor) -> list[Stat]:
    """Database totals as (metric, value) rows, in a fixed order."""
    def one(stmt: Any) -> Any:
        return ex.execute(stmt).scalar()

    n_quotes = one(select(func.count()).select_from(_q)) or 0
    n_anon = one(select(func.count()).select_from(_q).where(_q.c.anonymous == true())) or 0
    first, last = ex.execute(select(func.min(_a.c.published), func.max(_a.c.published))).one()
    out = [
        Stat("articles", one(select(func.count()).select_from(_a)) or 0),
        Stat("outlets", one(select(func.count()).select_from(_o)) or 0),
        Stat("quotes", n_quotes),
        Stat("speakers", one(select(func.count()).select_from(_s)) or 0),
        Stat("speaker_aliases", one(select(func.count()).select_from(_al)) or 0),
        Stat("anonymous_quotes", n_anon),
        Stat("anonymous_share", round(n_anon / n_quotes, 4) if n_quotes else None),
        Stat("quotes_with_via", one(select(func.count()).select_from(_q).where(_q.c.via.is_not(None))) or 0),
        Stat("articles_without_quotes", one(select(func.count()).select_from(_a).where(
            not_(select(_q.c.id).where(_q.c.article_id == _a.c.id).exists()))) or 0),
        Stat("first_published", _as_date(first)),
        Stat("last_published", _as_date(last)),
    ]
    for t, n in ex.execute(select(_q.c.type, func.count()).group_by(_q.c.type).order_by(_q.c.type)):
        out.append(Stat(f"quotes_{t}", n))
    versions = [r[0] for r in ex.execute(select(_a.c.extractor_version).distinct().order_by(_a.c.extractor_version))]
    out.append(Stat("extractor_versions", ", ".join(versions)))
    return out

