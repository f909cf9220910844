"""The typed query API: who said what, where and when.

Every function takes an open connection on a database migrated to head — a SQLAlchemy
``Connection``, ``Session`` or ``Engine``, or a bare ``sqlite3`` / ``psycopg`` connection (the CLI's,
which spares a query command the import of SQLAlchemy) — and returns plain dataclasses whose ``to_dict()``
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
from itertools import islice
from typing import Any

import regex

from . import search
from .db.keys import month_key, speaker_key
from .db.runner import STREAM_CHUNK, Runner
from .db.sql_text import FALSE, Sql, where
from .errors import QuotetrackError
from .extractor.normalize import fold, name_key

#: What the functions take: a SQLAlchemy Connection, Session or Engine, or a sqlite3 / psycopg connection.
Executor = Any

__all__ = [
    "QuoteFilter", "QuoteRow", "QuoteSort", "SpeakerFilter", "SpeakerRow", "SpeakerRef", "SpeakerProfile",
    "OutletRow", "OutletSort", "ArticleView", "Stat", "UnknownSpeakerError", "UnknownOutletError", "ArticleNotFoundError",
    "CountBy", "CountRow", "count_quotes", "total_quotes", "find_quotes", "iter_quotes", "list_speakers",
    "speaker_profile", "outlet_report", "article_view", "stats",
    "match_speakers", "suggest_speakers", "match_outlets", "fts_words", "fts_match", "cue_forms",
]


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


def fts_match(query: str, dialect: str = "sqlite") -> str | None:
    """The backend search string of a search in the syntax of ``quotetrack.search``: an FTS5
    MATCH string for SQLite, a ``to_tsquery('simple', …)`` text for PostgreSQL; None when the
    search has no words. Use it to search ``quotes_fts`` / ``quotes.content_fts`` in plain SQL."""
    groups = search.parse(query)
    return search.compile_tsquery(groups) if dialect == "postgresql" else search.compile_fts5(groups)


def _search_clause(q: Sql, query: str, *, walk_dates: bool = False) -> str:
    """Full-text condition. ``walk_dates`` (SQLite): keep the planner from driving the query by
    the matches' rowids (``+quotes.id``), so it walks ix_quotes_published in order and probes the
    (once materialized) match set, stopping at the page's last row — the fast plan for a
    frequent word, where looking up and sorting every match is not."""
    match = fts_match(query, q.dialect)
    if match is None:
        return FALSE
    if q.pg:
        return f"{PG_FTS_COLUMN} @@ to_tsquery('simple'::regconfig, {q.bind(match)})"
    col = "+quotes.id" if walk_dates else "quotes.id"
    return f"{col} IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH {q.bind(match)})"


def _frequent_match(run: Runner, query: str, limit: int) -> bool:
    """SQLite: does the search match so many quotes that walking the date index (about
    limit * total / matches entries) is cheaper than looking up and sorting every match?
    (Measured at 1M quotes: an index entry costs ~0.3 us to walk, a match ~5 us to fetch.)"""
    match = fts_match(query)
    if match is None or limit <= 0:
        return False
    q = run.sql()
    n, total = run.first(q, f"SELECT (SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH {q.bind(match)}), "
                            "(SELECT max(id) FROM quotes)") or (0, 0)
    return (n or 0) * (n or 0) * 20 > limit * (total or 0)


# ---------------------------------------------------------------- name matching

@dataclass(frozen=True, slots=True)
class SpeakerRef:
    """A stored speaker that a name matched."""

    speaker_id: int
    speaker: str
    kind: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def match_speakers(ex: Executor, name: str) -> list[SpeakerRef]:
    """Speakers whose canonical key or an alias key equals ``speaker_key(name)``; when none does,
    those whose canonical or alias key contains it as a run of whole words.

    So "بلينكن", "أنتوني بلينكن" and "انتوني بلينكن" all find "أنتوني بلينكن". The exact
    match (two index lookups) comes first, as for outlets: a name that IS a stored name
    or alias ("بايدن") finds that speaker only, not also every longer name containing
    it ("هانتر بايدن"); the scan of every name runs only when nothing is exact.
    """
    run = Runner.of(ex)
    key = speaker_key(name)
    if not key:
        return []
    q = run.sql()
    k = q.bind(key)
    exact = run.all(q, "SELECT id, name, kind FROM speakers WHERE id IN (SELECT id FROM speakers WHERE key = "
                       f"{k} UNION SELECT speaker_id FROM speaker_aliases WHERE key = {k}) ORDER BY id")
    if exact:
        return [SpeakerRef(*r) for r in exact]
    q = run.sql()
    runs = run.all(q, f"SELECT id, name, kind FROM speakers WHERE ({q.word_run('speakers.key', key)}) OR id IN "
                      f"(SELECT speaker_id FROM speaker_aliases WHERE {q.word_run('speaker_aliases.key', key)}) "
                      "ORDER BY id")
    return [SpeakerRef(*r) for r in runs]


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
    run = Runner.of(ex)
    cands: dict[str, str] = {}
    for key, nm in run.all(run.sql(), "SELECT key, name FROM speakers"):
        cands.setdefault(key, nm)
    for key, nm in run.all(run.sql(), "SELECT speaker_aliases.key, speakers.name FROM speaker_aliases "
                                      "JOIN speakers ON speakers.id = speaker_aliases.speaker_id"):
        cands.setdefault(key, nm)
    return _closest(speaker_key(name), cands, n)


def unknown_speaker(ex: Executor, name: str) -> UnknownSpeakerError:
    """The error for a name that matches no speaker: the closest names, or whether any are stored."""
    run = Runner.of(ex)
    stored = run.first(run.sql(), "SELECT id FROM speakers LIMIT 1") is not None
    return UnknownSpeakerError(name, suggest_speakers(run, name), stored=stored)


def _speaker_ids(ex: Executor, name: str) -> list[int]:
    refs = match_speakers(ex, name)
    if not refs:
        raise unknown_speaker(ex, name)
    return [r.speaker_id for r in refs]


def match_outlets(ex: Executor, name: str) -> list[int]:
    """Outlet ids for ``name``: exact key or domain first, else outlets whose key contains it as whole words.

    Raises UnknownOutletError (with suggestions) when nothing matches.
    """
    run = Runner.of(ex)
    key = name_key(name)
    q = run.sql()
    exact = [r[0] for r in run.all(q, f"SELECT id FROM outlets WHERE key = {q.bind(key)} OR domain = "
                                      f"{q.bind(_clean(name).lower())} ORDER BY id")]
    if exact:
        return exact
    q = run.sql()
    runs = [r[0] for r in run.all(q, f"SELECT id FROM outlets WHERE {q.word_run('key', key)} ORDER BY id")] \
        if key else []
    if runs:
        return runs
    cands = {k: nm for k, nm in run.all(run.sql(), "SELECT key, name FROM outlets")}
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


#: The columns of a QuoteRow but ``month`` (computed from ``published``), in field order.
QUOTE_SELECT = (
    "SELECT quotes.id, quotes.article_id, articles.external_id, articles.published, articles.outlet_id, "
    "outlets.name, quotes.speaker_id, speakers.name, speakers.kind, quotes.title, quotes.mention, "
    "quotes.content, quotes.type, quotes.cue, quotes.cue_lemma, quotes.stance, quotes.via, quotes.channel, "
    "quotes.anonymous, quotes.char_start, quotes.char_end, quotes.rule, articles.title, articles.url "
    "FROM quotes JOIN articles ON articles.id = quotes.article_id "
    "LEFT OUTER JOIN outlets ON outlets.id = articles.outlet_id "
    "LEFT OUTER JOIN speakers ON speakers.id = quotes.speaker_id")


def _clean(value: str) -> str:
    """User text as a safe parameter: NUL cannot be stored in PostgreSQL text, so it never matches."""
    return value.replace("\x00", "").strip()


def _contains(q: Sql, col: str, value: str) -> str:
    forms = {_clean(value), fold(_clean(value))} - {""}
    if not forms:
        return FALSE
    return " OR ".join(q.contains(col, v) for v in sorted(forms))


#: (column, ids): a speaker/outlet filter that matched several ids, each walked on its own (see ``_page``).
FanOut = tuple[str, list[int]]

#: Above this many ids, one ``IN`` query (sorted by the database) is used instead of one walk per id.
_FAN_OUT_MAX = 16


def _quote_conditions(run: Runner, q: Sql, f: QuoteFilter) -> tuple[list[str], FanOut | None]:
    """Conditions on the quotes table only (its indexes serve them; no join is needed to filter),
    and the speaker (else outlet) filter that matched 2.._FAN_OUT_MAX ids, left out of the conditions."""
    cond: list[str] = []
    fan: FanOut | None = None
    for col, names, match in (("quotes.speaker_id", _names(f.speaker), _speaker_ids),
                              ("quotes.outlet_id", _names(f.outlet), match_outlets)):
        if not names:
            continue
        ids = _ids(run, names, match)
        if fan is None and 1 < len(ids) <= _FAN_OUT_MAX:
            fan = (col, ids)
        else:
            cond.append(q.in_(col, ids))
    cond += q.date_bounds("quotes.published", f.since, f.until)
    cond += _value_conditions(q, f)
    if f.search is not None:
        walk = (not q.pg and f.limit is not None and f.sort in (QuoteSort.newest, QuoteSort.oldest)
                and f.speaker is None and f.outlet is None and f.article is None and f.cue is None
                and f.via is None and f.kind is None and f.title is None
                and _frequent_match(run, f.search, f.limit))
        cond.append(_search_clause(q, f.search, walk_dates=walk))
    if f.article is not None:
        cond.append(f"quotes.article_id IN (SELECT articles.id FROM articles WHERE articles.external_id = "
                    f"{q.bind(_clean(f.article))})")
    if f.kind is not None:
        cond.append(f"quotes.speaker_id IN (SELECT speakers.id FROM speakers WHERE speakers.kind = "
                    f"{q.bind(_clean(f.kind))})")
    if f.title is not None:
        title = search.fold_sql("quotes.title", q.dialect)
        words = fts_words(f.title)
        cond += [q.contains(title, w) for w in words] if words else [FALSE]
    return cond, fan


def _value_conditions(q: Sql, f: QuoteFilter) -> list[str]:
    """The filters on one column of the quote: cue, stance, type, anonymous, via."""
    cond: list[str] = []
    if f.cue is not None:
        lemmas, forms = cue_forms(f.cue)
        cond.append(f"{q.in_('quotes.cue_lemma', lemmas)} OR {q.in_('quotes.cue', forms)}")
    if f.stance is not None:
        cond.append(f"quotes.stance = {q.bind(_clean(f.stance))}")
    if f.type is not None:
        cond.append(f"quotes.type = {q.bind(_clean(f.type))}")
    if f.anonymous is not None:
        cond.append(f"quotes.anonymous = {q.boolean(f.anonymous)}")
    if f.via is not None:
        cond.append(_contains(q, "quotes.via", f.via))
    return cond


def _names(value: str | Sequence[str] | None) -> list[str]:
    """A name filter as a list: one string, or several."""
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def _ids(run: Runner, names: list[str], match: Callable[[Executor, str], list[int]]) -> list[int]:
    """The ids any of ``names`` match (each must match something; ``match`` raises otherwise)."""
    out: list[int] = []
    for n in names:
        out += [i for i in match(run, n) if i not in out]
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


def _quote_row(r: Sequence[Any]) -> QuoteRow:
    """A QuoteRow from a row of ``QUOTE_SELECT``."""
    return QuoteRow(*r[:3], _as_date(r[3]), _month(r[3]), *r[4:18], bool(r[18]), *r[19:])


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
    run = Runner.of(ex)
    q = run.sql()
    cond, fan = _quote_conditions(run, q, f)
    limit = None if f.limit is None else max(f.limit, 0)
    if f.sort in (QuoteSort.newest, QuoteSort.oldest):
        return _by_date(run, q, cond, fan, limit, newest=f.sort is QuoteSort.newest,
                        dated_only=f.since is not None or f.until is not None)
    if fan is not None:
        cond.append(q.in_(*fan))
    first = "speakers.name" if f.sort is QuoteSort.speaker else "outlets.name"
    text = (f"{QUOTE_SELECT}{where(cond)} ORDER BY {first} ASC NULLS LAST, quotes.published DESC NULLS LAST, "
            f"quotes.id DESC{_limit(limit)}")
    return _stream(run, q, text)


def _limit(limit: int | None) -> str:
    return "" if limit is None else f" LIMIT {int(limit)}"


def _filtered(ex: Executor, f: QuoteFilter) -> tuple[Runner, Sql, list[str]]:
    """The runner, parameters and conditions of every filter of ``f``, fanned-out ids included (for counts)."""
    run = Runner.of(ex)
    q = run.sql()
    cond, fan = _quote_conditions(run, q, f)
    if fan is not None:
        cond.append(q.in_(*fan))
    return run, q, cond


def total_quotes(ex: Executor, f: QuoteFilter = QuoteFilter()) -> int:
    """How many quotes match ``f`` whatever its limit (for "50 of 1,198")."""
    run, q, cond = _filtered(ex, f)
    if f.sort in (QuoteSort.newest, QuoteSort.oldest) and (f.since is not None or f.until is not None):
        cond.append("quotes.published IS NOT NULL")
    return int(run.scalar(q, f"SELECT count(*) FROM quotes{where(cond)}") or 0)


def _stream(run: Runner, q: Sql, text: str) -> Iterator[QuoteRow]:
    for r in run.stream(q, text):
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
    run, q, cond = _filtered(ex, f)
    limit = _limit(None if f.limit is None else max(f.limit, 0))
    if by in (CountBy.speaker, CountBy.outlet):
        # counted per id on the quotes' own index, then named: the join runs once per group, not per quote
        table, col = ("speakers", "speaker_id") if by is CountBy.speaker else ("outlets", "outlet_id")
        inner = (f"SELECT quotes.{col} AS key, count(quotes.id) AS n FROM quotes"
                 f"{where(cond + [f'quotes.{col} IS NOT NULL'])} GROUP BY quotes.{col}")
        text = (f"SELECT {table}.name AS value, c.n AS quotes FROM ({inner}) c JOIN {table} ON {table}.id = c.key "
                f"ORDER BY c.n DESC, {table}.name{limit}")
        return [CountRow(by.value, str(v), int(n)) for v, n in run.all(q, text)]
    src = "quotes"
    if by is CountBy.month:
        keys = [q.month("quotes.published")]
        cond.append("quotes.published IS NOT NULL")
    elif by is CountBy.via:
        keys = ["quotes.via"]
        cond.append("quotes.via IS NOT NULL")
    else:
        keys = ["coalesce(quotes.cue_lemma, quotes.cue)"]
        cond.append(f"{keys[0]} IS NOT NULL")
    value = keys[-1]
    order = value if by is CountBy.month else f"quotes DESC, {value}"
    text = (f"SELECT {value} AS value, count(quotes.id) AS quotes FROM {src}{where(cond)} "
            f"GROUP BY {', '.join(keys)} ORDER BY {order}{limit}")
    return [CountRow(by.value, str(v), int(n)) for v, n in run.all(q, text)]


def _by_date(run: Runner, q: Sql, cond: list[str], fan: FanOut | None, limit: int | None, *,
             newest: bool, dated_only: bool) -> Iterator[QuoteRow]:
    """Quotes by date (newest or oldest first, undated last, ties by id the same way), limited.

    Same order as ``published DESC|ASC NULLS LAST, id DESC|ASC`` but in two index-friendly
    steps: dated quotes ordered by (published, id) — a plain ascending index walked forward
    or backward, on both backends — then, only if they do not fill ``limit``, the undated ones."""
    if limit == 0:
        return
    way = "DESC" if newest else "ASC"
    n = 0
    for row in _page(run, q, [*cond, "quotes.published IS NOT NULL"], fan,
                     f"quotes.published {way}, quotes.id {way}", limit):
        n += 1
        yield row
    if not dated_only and (limit is None or n < limit):
        yield from _page(run, q, [*cond, "quotes.published IS NULL"], fan, f"quotes.id {way}",
                         None if limit is None else limit - n)


def _page(run: Runner, q: Sql, cond: list[str], fan: FanOut | None, order: str,
          limit: int | None) -> Iterator[QuoteRow]:
    """One sorted page of quotes. When a speaker/outlet filter matched a few ids, each id's own
    index range is walked (at most ``limit`` rows each) and the ids' first rows merged, so no
    id's thousands of quotes are sorted to return a page."""
    if fan is None or limit is None:
        conds = cond if fan is None else [*cond, q.in_(*fan)]
        return _stream(run, q, f"{QUOTE_SELECT}{where(conds)} ORDER BY {order}{_limit(limit)}")
    col, ids = fan
    branches = " UNION ALL ".join(
        f"SELECT b{k}.id FROM (SELECT quotes.id AS id FROM quotes{where([f'{col} = {q.bind(i)}', *cond])} "
        f"ORDER BY {order}{_limit(limit)}) AS b{k}" for k, i in enumerate(ids))
    text = (f"{QUOTE_SELECT} WHERE quotes.id IN (SELECT firsts.id FROM ({branches}) AS firsts) "
            f"ORDER BY {order}{_limit(limit)}")
    return _stream(run, q, text)


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
    run = Runner.of(ex)
    if f.since is None and f.until is None and f.outlet is None:
        yield from _ranked_all_time(run, f.kind, None if f.limit is None else max(f.limit, 0))
        return
    if f.outlet is None and f.limit is not None and f.since is not None and f.until is not None \
            and f.since.day == 1 and f.until == _month_end(f.since):
        yield from _ranked_month(run, f.since, f.until, f.kind, max(f.limit, 0))
        return
    q = run.sql()
    cond = ["quotes.speaker_id IS NOT NULL", *q.date_bounds("quotes.published", f.since, f.until)]
    if f.outlet is not None:
        cond.append(q.in_("quotes.outlet_id", match_outlets(run, f.outlet)))
    # aggregate the quotes alone (a date range reads only the covering ix_quotes_published), then name them
    g = ("SELECT quotes.speaker_id AS speaker_id, count(*) AS quotes, count(DISTINCT quotes.article_id) AS articles, "
         "count(DISTINCT quotes.outlet_id) AS outlets, min(quotes.published) AS first_published, "
         f"max(quotes.published) AS last_published FROM quotes{where(cond)} GROUP BY quotes.speaker_id")
    kind = "" if f.kind is None else f" WHERE speakers.kind = {q.bind(f.kind)}"
    text = (f"SELECT speakers.id, speakers.name, speakers.kind, g.quotes, g.articles, g.outlets, g.first_published, "
            f"g.last_published FROM ({g}) AS g JOIN speakers ON speakers.id = g.speaker_id{kind} "
            f"ORDER BY g.quotes DESC, speakers.name, speakers.id{_limit(None if f.limit is None else max(f.limit, 0))}")
    for i, (sid, name, knd, n, arts, outlets, first, last) in enumerate(run.stream(q, text), 1):
        yield SpeakerRow(i, sid, name, knd, n, arts, outlets, _as_date(first), _as_date(last))


def _month_end(d: dt.date) -> dt.date:
    return dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1) - dt.timedelta(days=1)


def _ranked_month(run: Runner, since: dt.date, until: dt.date, kind: str | None, limit: int) -> list[SpeakerRow]:
    """The top ``limit`` speakers of one calendar month, from its ``speaker_facets`` rows walked in count
    order (ix_speaker_facets_facet_value): the count of the limit-th gives the cut, every speaker at or
    above it is named and ordered (ties by name), and only those speakers' quotes of the month are read
    (ix_quotes_speaker_id_published) for their articles, outlets and first/last dates."""
    if limit == 0:
        return []
    q = run.sql()
    cond = ["speaker_facets.facet = 'month'", f"speaker_facets.value = {q.bind(month_key(since))}",
            "speaker_facets.quotes > 0"]
    src = "speaker_facets JOIN speakers ON speakers.id = speaker_facets.speaker_id"
    if kind is not None:
        cond.append(f"speakers.kind = {q.bind(kind)}")
    cut = run.scalar(q, f"SELECT speaker_facets.quotes FROM {src if kind is not None else 'speaker_facets'}"
                        f"{where(cond)} ORDER BY speaker_facets.quotes DESC LIMIT 1 OFFSET {int(limit) - 1}")
    top = run.all(q, f"SELECT speakers.id, speakers.name, speakers.kind, speaker_facets.quotes FROM {src}"
                     f"{where([*cond, f'speaker_facets.quotes >= {q.bind(cut or 1)}'])} "
                     f"ORDER BY speaker_facets.quotes DESC, speakers.name, speakers.id LIMIT {int(limit)}")
    if not top:
        return []
    q = run.sql()
    cond = [q.in_("quotes.speaker_id", [r[0] for r in top]), *q.date_bounds("quotes.published", since, until)]
    detail = {r[0]: r[1:] for r in run.all(
        q, "SELECT quotes.speaker_id, count(DISTINCT quotes.article_id), count(DISTINCT quotes.outlet_id), "
           f"min(quotes.published), max(quotes.published) FROM quotes{where(cond)} GROUP BY quotes.speaker_id")}
    out = []
    for i, (sid, name, knd, n) in enumerate(top, 1):
        arts, outlets, first, last = detail.get(sid, (0, 0, None, None))
        out.append(SpeakerRow(i, sid, name, knd, int(n), arts, outlets, _as_date(first), _as_date(last)))
    return out


#: In how many outlets a speaker is quoted: one probe of ix_quotes_speaker_id_outlet_id per outlet.
#: A ``LIMIT 1`` scalar subquery, not ``EXISTS``: PostgreSQL turns EXISTS into a semi-join that
#: reads every quote of the speaker (thousands for the top ones); this stays one probe per outlet.
OUTLET_COUNT = ("(SELECT count(*) FROM outlets WHERE (SELECT quotes.id FROM quotes WHERE quotes.speaker_id = "
                "speakers.id AND quotes.outlet_id = outlets.id LIMIT 1) IS NOT NULL)")

#: Speakers of the all-time ranking whose outlet counts one query computes.
_RANK_CHUNK = 500


def _ranked_all_time(run: Runner, kind: str | None, limit: int | None) -> Iterator[SpeakerRow]:
    q = run.sql()
    kind_cond = "" if kind is None else f" AND speakers.kind = {q.bind(kind)}"
    rows = run.stream(q, "SELECT speakers.id, speakers.name, speakers.kind, speaker_stats.quotes, speaker_stats.articles, "
                         "speaker_stats.first_published, speaker_stats.last_published FROM speaker_stats "
                         f"JOIN speakers ON speakers.id = speaker_stats.speaker_id WHERE speaker_stats.quotes > 0{kind_cond} "
                         f"ORDER BY speaker_stats.quotes DESC, speakers.name, speakers.id{_limit(limit)}")
    # the ranking is streamed in chunks; each chunk's outlet counts take one more query
    rank = 0
    while chunk := list(islice(rows, _RANK_CHUNK)):
        oq = run.sql()
        outlets = dict(run.all(oq, f"SELECT speakers.id, {OUTLET_COUNT} FROM speakers WHERE "
                                   f"{oq.in_('speakers.id', [r[0] for r in chunk])}"))
        for sid, name, knd, n, arts, first, last in chunk:
            rank += 1
            yield SpeakerRow(rank, sid, name, knd, n, arts, outlets.get(sid, 0), _as_date(first), _as_date(last))


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


def _ranked_facet(q: Sql, facet: str, ids: list[int]) -> str:
    """One facet's values for the speakers ``ids`` with their summed quotes, numbered most first (ties by value)."""
    value, src = "nullif(f.value, '')", "speaker_facets AS f"
    if facet == "outlet":
        value, src = "outlets.name", f"{src} LEFT OUTER JOIN outlets ON outlets.id = CAST(nullif(f.value, '') AS INTEGER)"
    return (f"SELECT '{facet}' AS facet, {value} AS value, sum(f.quotes) AS quotes, "
            f"row_number() OVER (ORDER BY sum(f.quotes) DESC, {value}) AS rn FROM {src} "
            f"WHERE {q.in_('f.speaker_id', ids)} AND f.facet = '{facet}' GROUP BY {value}")


def _facets(run: Runner, ids: list[int]) -> dict[str, list[dict[str, Any]]]:
    """Quote counts of the speakers ``ids`` by title, outlet, stance and type, most first (ties by value,
    in the database's order), and by month in month order, from their ``speaker_facets`` rows
    (a few dozen rows of its primary key instead of every quote; '' there is NULL here)."""
    q = run.sql()
    ranked = " UNION ALL ".join(_ranked_facet(q, f, ids) for f in ("title", "stance", "type", "outlet"))
    out: dict[str, list[tuple[int, dict[str, Any]]]] = {"title": [], "stance": [], "type": [], "outlet": []}
    for facet, value, n, rn in run.all(q, ranked):
        out[facet].append((rn, {facet: value, "quotes": int(n)}))
    res = {k: [d for _, d in sorted(v, key=lambda t: t[0])] for k, v in out.items()}
    q = run.sql()
    res["month"] = [{"month": m, "quotes": int(n)} for m, n in run.all(
        q, f"SELECT value, sum(quotes) FROM speaker_facets WHERE {q.in_('speaker_id', ids)} AND facet = 'month' "
           "GROUP BY value ORDER BY value")]
    return res


def _speaker_totals(run: Runner, ids: list[int]) -> Sequence[Any]:
    """(quotes, articles, first, last) of the speakers ``ids``: one speaker's are kept in speaker_stats;
    distinct articles across several need their quotes."""
    q = run.sql()
    if len(ids) == 1:
        return run.first(q, "SELECT quotes, articles, first_published, last_published FROM speaker_stats "
                            f"WHERE speaker_id = {q.bind(ids[0])}") or (0, 0, None, None)
    return run.first(q, "SELECT count(quotes.id), count(DISTINCT quotes.article_id), min(quotes.published), "
                        f"max(quotes.published) FROM quotes WHERE {q.in_('quotes.speaker_id', ids)}") \
        or (0, 0, None, None)


def speaker_profile(ex: Executor, name: str, *, latest: int = 5) -> SpeakerProfile:
    """A profile of the speaker(s) ``name`` matches: aliases, titles, outlets, months, stance mix, latest quotes."""
    run = Runner.of(ex)
    refs = match_speakers(run, name)
    if not refs:
        raise unknown_speaker(run, name)
    ids = [r.speaker_id for r in refs]
    tot = _speaker_totals(run, ids)
    q = run.sql()
    aliases = [{"alias": a, "manual": bool(m)} for a, m in run.all(
        q, f"SELECT alias, manual FROM speaker_aliases WHERE {q.in_('speaker_id', ids)} ORDER BY alias")]
    fac = _facets(run, ids)
    q = run.sql()
    fan: FanOut | None = ("quotes.speaker_id", ids) if 1 < len(ids) <= _FAN_OUT_MAX else None
    cond = [] if fan is not None else [q.in_("quotes.speaker_id", ids)]
    return SpeakerProfile(
        query=name, speakers=refs, quotes=tot[0], articles=tot[1],
        first_published=_as_date(tot[2]), last_published=_as_date(tot[3]), aliases=aliases,
        titles=[t for t in fac["title"][:21] if t["title"] is not None][:20],
        outlets=fac["outlet"],
        months=fac["month"],
        stances=fac["stance"],
        types=fac["type"],
        latest=list(_by_date(run, q, cond, fan, max(latest, 0), newest=True, dated_only=False)),
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


def _top_per_outlet(run: Runner, col: str, extra: str, n: int, since: dt.date | None, until: dt.date | None,
                    join_speaker: bool) -> dict[int, list[str]]:
    """The ``n`` most frequent values of ``col`` per outlet (ties by value)."""
    q = run.sql()
    src = "quotes JOIN articles ON articles.id = quotes.article_id"
    if join_speaker:
        src += " JOIN speakers ON speakers.id = quotes.speaker_id"
    cond = [extra, "articles.outlet_id IS NOT NULL", *q.date_bounds("articles.published", since, until)]
    inner = (f"SELECT articles.outlet_id AS outlet_id, {col} AS value, count(quotes.id) AS n, row_number() OVER "
             f"(PARTITION BY articles.outlet_id ORDER BY count(quotes.id) DESC, {col}) AS rn FROM {src}"
             f"{where(cond)} GROUP BY articles.outlet_id, {col}")
    out: dict[int, list[str]] = {}
    for oid, value in run.all(q, f"SELECT t.outlet_id, t.value FROM ({inner}) AS t WHERE t.rn <= {q.bind(n)} "
                                 "ORDER BY t.outlet_id, t.rn"):
        out.setdefault(oid, []).append(value)
    return out


class OutletSort(str, Enum):
    quotes = "quotes"
    anonymous_share = "anonymous_share"


def outlet_report(ex: Executor, *, since: dt.date | None = None, until: dt.date | None = None,
                  top: int = 3, sort: OutletSort | str = OutletSort.quotes) -> list[OutletRow]:
    """One row per outlet: articles, quotes, anonymous share, top speakers and intermediaries; most
    quotes first, or (``sort="anonymous_share"``) the outlets leaning most on anonymous sources first."""
    run = Runner.of(ex)
    q = run.sql()
    text = ("SELECT outlets.id, outlets.name, outlets.domain, count(DISTINCT articles.id), count(quotes.id), "
            f"sum(CASE WHEN quotes.anonymous = {q.boolean(True)} THEN 1 ELSE 0 END), count(DISTINCT quotes.speaker_id), "
            "sum(CASE WHEN quotes.via IS NOT NULL THEN 1 ELSE 0 END) FROM outlets "
            "JOIN articles ON articles.outlet_id = outlets.id LEFT OUTER JOIN quotes ON quotes.article_id = articles.id"
            f"{where(q.date_bounds('articles.published', since, until))} "
            "GROUP BY outlets.id, outlets.name, outlets.domain ORDER BY count(quotes.id) DESC, outlets.name")
    tops = _top_per_outlet(run, "speakers.name", "speakers.kind != 'anonymous'", top, since, until, True)
    vias = _top_per_outlet(run, "quotes.via", "quotes.via IS NOT NULL", top, since, until, False)
    rows = []
    for oid, name, domain, arts, n, anon, speakers, via in run.all(q, text):
        anon_n = int(anon or 0)
        rows.append(OutletRow(oid, name, domain, arts, n, anon_n, round(anon_n / n, 4) if n else None, speakers,
                              int(via or 0), tops.get(oid, []), vias.get(oid, [])))
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
    run = Runner.of(ex)
    base = ("SELECT articles.id, articles.external_id, outlets.name, articles.published, articles.title, "
            "articles.url, articles.text FROM articles LEFT OUTER JOIN outlets ON outlets.id = articles.outlet_id")
    q = run.sql()
    row = run.first(q, f"{base} WHERE articles.external_id = {q.bind(_clean(str(article)))}")
    if row is None and str(article).isdigit():
        q = run.sql()
        row = run.first(q, f"{base} WHERE articles.id = {q.bind(int(article))}")
    if row is None:
        raise ArticleNotFoundError(str(article))
    aid, external_id, outlet, published, title, url, text = row
    q = run.sql()
    quotes = [_quote_row(r) for r in run.all(
        q, f"{QUOTE_SELECT} WHERE quotes.article_id = {q.bind(aid)} ORDER BY quotes.char_start, quotes.id")]
    return ArticleView(aid, external_id, outlet, _as_date(published), title, url, text, quotes)


# ---------------------------------------------------------------- stats

@dataclass(frozen=True, slots=True)
class Stat:
    metric: str
    value: Any

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


#: Quotes per type without reading every quote: a speaker's are counted in its ``type`` facets
#: (``speaker_facets``, kept equal to its quotes by ingest and by every speaker edit), so only
#: the quotes without a speaker are read (ix_quotes_speaker_id).
TYPE_COUNTS = ("SELECT t, sum(n) FROM (SELECT value AS t, sum(quotes) AS n FROM speaker_facets WHERE facet = 'type' "
               "GROUP BY value UNION ALL SELECT quotes.type, count(*) FROM quotes WHERE quotes.speaker_id IS NULL "
               "GROUP BY quotes.type) AS x GROUP BY t HAVING sum(n) > 0 ORDER BY t")


def stats(ex: Executor) -> list[Stat]:
    """Database totals as (metric, value) rows, in a fixed order."""
    run = Runner.of(ex)
    q = run.sql()
    totals = run.first(q, (
        "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM outlets), (SELECT count(*) FROM quotes), "
        "(SELECT count(*) FROM speakers), (SELECT count(*) FROM speaker_aliases), "
        f"(SELECT count(*) FROM quotes WHERE quotes.anonymous = {q.boolean(True)}), "
        "(SELECT count(*) FROM quotes WHERE quotes.via IS NOT NULL), "
        "(SELECT count(*) FROM articles WHERE NOT EXISTS (SELECT quotes.id FROM quotes "
        "WHERE quotes.article_id = articles.id)), "
        "(SELECT min(articles.published) FROM articles), (SELECT max(articles.published) FROM articles)"))
    n_art, n_out, n_quotes, n_spk, n_alias, n_anon, n_via, n_bare, first, last = totals or (0,) * 8 + (None, None)
    out = [
        Stat("articles", n_art or 0),
        Stat("outlets", n_out or 0),
        Stat("quotes", n_quotes or 0),
        Stat("speakers", n_spk or 0),
        Stat("speaker_aliases", n_alias or 0),
        Stat("anonymous_quotes", n_anon or 0),
        Stat("anonymous_share", round(n_anon / n_quotes, 4) if n_quotes else None),
        Stat("quotes_with_via", n_via or 0),
        Stat("articles_without_quotes", n_bare or 0),
        Stat("first_published", _as_date(first)),
        Stat("last_published", _as_date(last)),
    ]
    for t, n in run.all(q, TYPE_COUNTS):
        out.append(Stat(f"quotes_{t}", int(n)))
    versions = [r[0] for r in run.all(q, "SELECT DISTINCT articles.extractor_version FROM articles "
                                         "ORDER BY articles.extractor_version")]
    out.append(Stat("extractor_versions", ", ".join(versions)))
    return out
