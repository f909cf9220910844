"""Query commands: `quotes`, `speakers` (+ `speakers merge`), `speaker`, `outlets`, `show`, `stats`.

A thin layer over ``quotetrack.queries``: parse options, open the database,
call one query function, render. Every listing takes ``--format
table|json|jsonl|csv``; machine formats carry every field under stable names.
Exit codes: 0 success (also for an empty result), 1 unknown speaker/outlet/article
or database problem (message on stderr), 2 bad option value (e.g. a date).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from enum import Enum
from typing import Annotated, Any

import typer

from .. import queries as Q
from ..errors import QuotetrackError
from ..render import TABLE_MAX_ROWS, Format, dumps, render, write_csv
from ..terminal import printable, safe_text
from .lazy import LazyCommandsGroup
from . import root_db

FormatOption = Annotated[Format, typer.Option("--format", "-f", help="Output: table (people), json, jsonl, csv.",
                                              case_sensitive=False)]


class QuoteTypeChoice(str, Enum):
    direct = "direct"
    indirect = "indirect"
    mixed = "mixed"


class KindChoice(str, Enum):
    person = "person"
    organization = "organization"
    anonymous = "anonymous"


SinceOption = Annotated[str | None, typer.Option("--since", help="Only articles published on/after this ISO date "
                                                 "(YYYY-MM-DD).", metavar="DATE")]
UntilOption = Annotated[str | None, typer.Option("--until", help="Only articles published on/before this ISO date.",
                                                 metavar="DATE")]
OutletOption = Annotated[str | None, typer.Option("--outlet", "-o", help="Outlet name or domain.")]

#: The largest count an option accepts (SQLite integers stop at 2**63 - 1; no result is larger).
MAX_COUNT = 1_000_000_000


def _date(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    v = value.strip()
    try:
        if len(v) == 7:   # YYYY-MM: the month's first (since) or last (until) day
            first = dt.date.fromisoformat(v + "-01")
            if option == "--until":
                nxt = first.replace(year=first.year + (first.month == 12), month=first.month % 12 + 1)
                return nxt - dt.timedelta(days=1)
            return first
        if len(v) == 4 and v.isdigit():
            return dt.date(int(v), 12, 31) if option == "--until" else dt.date(int(v), 1, 1)
        return dt.date.fromisoformat(v)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not an ISO date (YYYY-MM-DD, YYYY-MM or YYYY)",
                                 param_hint=option) from None


@contextmanager
def _connect(ctx: typer.Context) -> Iterator[Any]:
    """An open connection on a database at head (a bare sqlite3/psycopg one where it can be, see
    ``db.read_connection``); QuotetrackError → `error: ...` and exit 1."""
    from ..db.read_connection import reading

    try:
        with reading(root_db(ctx)) as conn:
            yield conn
    except QuotetrackError as e:
        typer.echo(f"error: {printable(e, newlines=False)}", err=True)
        raise typer.Exit(1) from None


def _rows(items: Sequence[Any]) -> list[dict[str, Any]]:
    return [i.to_dict() for i in items]


def _joined(rows: list[dict[str, Any]], fields: Sequence[str], sep: str) -> list[dict[str, Any]]:
    """Lists flattened to text for table/CSV cells."""
    return [{k: (sep.join(map(str, v)) if k in fields and isinstance(v, list) else v) for k, v in r.items()}
            for r in rows]


def _emit(rows: Iterable[dict[str, Any]], fmt: Format, columns: Sequence[str], *, title: str | None = None,
          wrap: Sequence[str] = (), rtl: Sequence[str] = (), empty: str = "no results",
          fields: Sequence[str] | None = None, labels: dict[str, str] | None = None,
          total: int | None = None) -> None:
    """Render ``rows`` (streamed in machine formats); an empty table is one line on stderr."""
    if fmt is Format.table:
        rows = list(rows)
        if not rows:
            typer.echo(empty, err=True)
            return
    render(rows, fmt, columns, title=title, wrap=wrap, rtl=rtl, fields=fields, labels=labels, total=total)


def _table_fetch(limit: int) -> int:
    """Rows to fetch for a table: the limit, or one more than the table shows (to tell it was cut)."""
    return limit if 0 < limit <= TABLE_MAX_ROWS else TABLE_MAX_ROWS + 1


# ---------------------------------------------------------------- quotes

QUOTE_COLUMNS = ("external_id", "published", "outlet", "speaker", "content", "cue", "via")
QUOTE_LABELS = {"external_id": "article", "published": "date"}
SEARCH_HELP = ("Full-text search over the quote content, Arabic spelling folded: every word must appear, "
               "as a word start after an optional clitic or article (اليمن finds واليمن، لليمن، اليمنية; "
               "إيراني finds الإيرانية); A OR B for either; \"a phrase\" for words in order.")


def _check_filters(since: dt.date | None, until: dt.date | None, kind: KindChoice | None,
                   anonymous: bool | None) -> None:
    """Filters that cannot both hold are a usage error (exit 2), not a silent empty result."""
    if since is not None and until is not None and since > until:
        raise typer.BadParameter(f"--since {since} is after --until {until}", param_hint="--since/--until")
    if kind is not None and anonymous is not None and (kind is KindChoice.anonymous) != anonymous:
        flag = "--anonymous" if anonymous else "--named"
        raise typer.BadParameter(f"--kind {kind.value} contradicts {flag}", param_hint="--kind")



def quotes_cmd(
    ctx: typer.Context,
    speaker: Annotated[list[str] | None, typer.Option("--speaker", "-s", help="Speaker name or alias; "
                                                      "spelling-tolerant (بلينكن، أنتوني بلينكن، انتوني بلينكن all "
                                                      "match). Repeat for several speakers.")] = None,
    outlet: Annotated[list[str] | None, typer.Option("--outlet", "-o", help="Outlet name or domain. Repeat for "
                                                     "several outlets.")] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    cue: Annotated[str | None, typer.Option("--cue", help="Reporting verb, any form or its lemma (قال، أكد).")] = None,
    stance: Annotated[str | None, typer.Option("--stance", help="Cue stance (neutral, assertive, denial, ...).")] = None,
    type_: Annotated[QuoteTypeChoice | None, typer.Option("--type", help="Quote type.")] = None,
    anonymous: Annotated[bool | None, typer.Option("--anonymous/--named",
                                                   help="Only anonymous sources / only named ones.")] = None,
    kind: Annotated[KindChoice | None, typer.Option("--kind", help="Only speakers of this kind.")] = None,
    title: Annotated[str | None, typer.Option("--title", help="Words of the speaker's title at the quote "
                                              "(سعودي، وزير; all must appear, spelling folded).")] = None,
    via: Annotated[str | None, typer.Option("--via", help="Intermediary (outlet or agency quoted through).")] = None,
    search: Annotated[str | None, typer.Option("--search", "-q", help=SEARCH_HELP)] = None,
    article: Annotated[str | None, typer.Option("--article", help="Only this article id.")] = None,
    count_by: Annotated[Q.CountBy | None, typer.Option("--count-by", help="Print the number of matching quotes "
                                                      "per speaker, outlet, month, via or cue instead of the "
                                                      "quotes.")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=0, max=MAX_COUNT,
                                       help="At most N quotes (or counts; 0 = all).")] = 50,
    sort: Annotated[Q.QuoteSort, typer.Option("--sort", help="Order of the quotes.")] = Q.QuoteSort.newest,
    fmt: FormatOption = Format.table,
) -> None:
    """List quotes: who said what, where and when, filtered by speaker, outlet, date, cue, title, text...

    With --count-by, the number of matching quotes per speaker, outlet, month, via or cue.
    """
    start, end = _date(since, "--since"), _date(until, "--until")
    _check_filters(start, end, kind, anonymous)
    f = Q.QuoteFilter(speaker=tuple(speaker or ()) or None, outlet=tuple(outlet or ()) or None, since=start,
                      until=end, cue=cue, stance=stance, type=type_.value if type_ else None, anonymous=anonymous,
                      via=via, search=search, article=article, kind=kind.value if kind else None, title=title,
                      limit=limit or None, sort=sort)
    if count_by is not None:
        with _connect(ctx) as conn:
            counts = Q.count_quotes(conn, f, count_by)
        _emit(_rows(counts), fmt, (count_by.value, "quotes"), title=f"quotes by {count_by.value}",
              rtl=(count_by.value,), empty="no quotes match")
        return
    with _connect(ctx) as conn:
        if fmt is not Format.table:
            _emit((r.to_dict() for r in Q.iter_quotes(conn, f)), fmt, (), fields=Q.QUOTE_FIELDS)
            return
        fetch = _table_fetch(limit)
        rows = Q.find_quotes(conn, dataclasses.replace(f, limit=fetch))
        total = Q.total_quotes(conn, f) if len(rows) >= min(fetch, TABLE_MAX_ROWS) else len(rows)
        _emit(_rows(rows), fmt, QUOTE_COLUMNS, title="quotes", wrap=("content",), labels=QUOTE_LABELS,
              rtl=("outlet", "speaker", "content", "cue", "via"), empty="no quotes match",
              total=total)


# ---------------------------------------------------------------- speakers

class SpeakersGroup(LazyCommandsGroup):
    """`speakers` lists speakers; its corrections (merge, rename, split, alias remove, review) live in
    `commands/speakers.py`, imported only when one of them runs."""

    LAZY = {name: ("speakers", name) for name in ("merge", "rename", "split", "alias", "review")}


speakers_app = typer.Typer(name="speakers", cls=SpeakersGroup, invoke_without_command=True, no_args_is_help=False,
                           help="Speakers ranked by how often they are quoted; `speakers merge A B` merges two.")


@speakers_app.callback(invoke_without_command=True)
def speakers_cmd(
    ctx: typer.Context,
    outlet: OutletOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    kind: Annotated[KindChoice | None, typer.Option("--kind", help="Only this kind of speaker.")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=0, max=MAX_COUNT,
                                       help="At most N speakers (0 = all).")] = 50,
    fmt: FormatOption = Format.table,
) -> None:
    """Speakers ranked by number of quotes, with articles, outlets and first/last date."""
    if ctx.invoked_subcommand is not None:
        return
    start, end = _date(since, "--since"), _date(until, "--until")
    _check_filters(start, end, None, None)
    f = Q.SpeakerFilter(outlet=outlet, since=start, until=end, kind=kind.value if kind else None, limit=limit or None)
    if fmt is Format.table:
        f = dataclasses.replace(f, limit=_table_fetch(limit))
    with _connect(ctx) as conn:
        _emit((r.to_dict() for r in Q.iter_speakers(conn, f)), fmt,
              ("rank", "speaker", "kind", "quotes", "articles", "outlets", "last_published"),
              title="speakers", rtl=("speaker",), empty="no speakers match", fields=SPEAKER_FIELDS)


SPEAKER_FIELDS = tuple(Q.SpeakerRow.__dataclass_fields__)


# ---------------------------------------------------------------- speaker profile

def _profile_long_rows(p: Q.SpeakerProfile) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for s in p.speakers:
        rows.append({"section": "speaker", "value": s.speaker, "count": None})
    for a in p.aliases:
        rows.append({"section": "alias", "value": a["alias"], "count": None})
    for section, key, items in (("title", "title", p.titles), ("outlet", "outlet", p.outlets),
                                ("month", "month", p.months), ("stance", "stance", p.stances),
                                ("type", "type", p.types)):
        rows += [{"section": section, "value": i[key], "count": i["quotes"]} for i in items]
    return rows


def speaker_cmd(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Speaker name or alias (spelling-tolerant).")],
    latest: Annotated[int, typer.Option("--latest", min=0, max=MAX_COUNT,
                                        help="How many latest quotes to show.")] = 5,
    fmt: FormatOption = Format.table,
) -> None:
    """A speaker's profile: aliases, titles seen, outlets, quotes over time, stance mix, latest quotes.

    json/jsonl give the whole profile as one object; csv gives (section, value, count) rows.
    """
    with _connect(ctx) as conn:
        p = Q.speaker_profile(conn, name, latest=latest)
    if fmt is Format.json:
        sys.stdout.write(dumps(p.to_dict()) + "\n")
        return
    if fmt is Format.jsonl:
        sys.stdout.write(dumps(p.to_dict()) + "\n")
        return
    if fmt is Format.csv:
        write_csv(_profile_long_rows(p), ("section", "value", "count"))
        return
    from rich.console import Console
    from rich.table import Table

    con = Console()
    names = "، ".join(s.speaker for s in p.speakers)
    kinds = ", ".join(sorted({s.kind for s in p.speakers}))
    span = f"{p.first_published or '?'} .. {p.last_published or '?'}"
    head = safe_text(names, style="bold")
    head.append(printable(f" ({kinds}): {p.quotes:,} quotes in {p.articles:,} articles, {span}"))
    con.print(head, justify="right")
    if p.aliases:
        con.print(safe_text("aliases: " + "، ".join(a["alias"] for a in p.aliases)), justify="right")
    for title, key, items in (("titles seen", "title", p.titles), ("outlets", "outlet", p.outlets),
                              ("quotes by month", "month", p.months), ("stance mix", "stance", p.stances),
                              ("quote types", "type", p.types)):
        if not items:
            continue
        t = Table(title=title)
        t.add_column(key, justify="right")
        t.add_column("quotes", justify="right")
        for i in items:
            t.add_row(safe_text(i[key], isolate=True), f"{i['quotes']:,}")
        con.print(t)
    if p.latest:
        render(_rows(p.latest), Format.table, ("published", "outlet", "content", "cue"), title="latest quotes",
               wrap=("content",), rtl=("outlet", "content", "cue"))


# ---------------------------------------------------------------- outlets

def outlets_cmd(
    ctx: typer.Context,
    since: SinceOption = None,
    until: UntilOption = None,
    top: Annotated[int, typer.Option("--top", min=1, max=MAX_COUNT,
                                     help="How many top speakers/intermediaries.")] = 3,
    sort: Annotated[Q.OutletSort, typer.Option("--sort", help="Most quotes first, or the highest share of "
                                               "anonymous sources first.")] = Q.OutletSort.quotes,
    limit: Annotated[int, typer.Option("--limit", "-n", min=0, max=MAX_COUNT,
                                       help="At most N outlets (0 = all).")] = 0,
    fmt: FormatOption = Format.table,
) -> None:
    """Per outlet: articles, quotes, share of anonymous sources, top speakers, top intermediaries."""
    start, end = _date(since, "--since"), _date(until, "--until")
    _check_filters(start, end, None, None)
    with _connect(ctx) as conn:
        rows = _rows(Q.outlet_report(conn, since=start, until=end, top=top, sort=sort))
    rows = rows[:limit] if limit else rows
    if fmt in (Format.table, Format.csv):
        rows = _joined(rows, ("top_speakers", "top_intermediaries"), "، " if fmt is Format.table else "; ")
    if fmt is Format.table:
        for r in rows:
            share = r["anonymous_share"]
            r["anonymous_share"] = "" if share is None else f"{share:.1%}"
    _emit(rows, fmt, ("outlet", "articles", "quotes", "anonymous_share", "top_speakers", "top_intermediaries"),
          title="outlets", wrap=("top_speakers", "top_intermediaries"), fields=tuple(Q.OutletRow.__dataclass_fields__),
          rtl=("outlet", "anonymous_share", "top_speakers", "top_intermediaries"), empty="no outlets match")


# ---------------------------------------------------------------- show

def _highlighted(view: Q.ArticleView) -> Any:
    from rich.text import Text

    txt = view.text
    out = Text(justify="right")
    pos = 0
    for n, q in enumerate(view.quotes, 1):
        start, end = max(q.char_start, pos), max(q.char_end, pos)
        mspan: tuple[int, int] | None = None
        if q.mention:
            ms = txt.rfind(q.mention, max(0, start - 300), start)
            if ms < 0:
                ms = txt.find(q.mention, end, end + 300)
            if ms >= pos:
                mspan = (ms, ms + len(q.mention))
        cuts = sorted({start, end, *(mspan or ())})
        for a, b in zip([pos, *cuts], [*cuts, None]):
            if b is None:
                break
            seg = txt[a:b]
            if not seg:
                continue
            style = ""
            if start <= a and b <= end:
                style = "bold yellow"
            elif mspan and mspan[0] <= a and b <= mspan[1]:
                style = "bold cyan"
            out.append(printable(seg), style=style)
        pos = max(cuts)
        out.append(f"[{n}]", style="dim")
    out.append(printable(txt[pos:]))
    return out


def show_cmd(
    ctx: typer.Context,
    article_id: Annotated[str, typer.Argument(metavar="ARTICLE_ID", help="The article's id (as ingested).")],
    fmt: FormatOption = Format.table,
) -> None:
    """An article with each quote (yellow) and its speaker's mention (cyan) highlighted in context.

    json gives the article with its quotes; jsonl/csv give its quotes, one per row.
    """
    with _connect(ctx) as conn:
        view = Q.article_view(conn, article_id)
    if fmt is Format.json:
        sys.stdout.write(dumps(view.to_dict()) + "\n")
        return
    if fmt in (Format.jsonl, Format.csv):
        render(_rows(view.quotes), fmt, (), fields=Q.QUOTE_FIELDS)
        return
    from rich.console import Console

    con = Console()
    con.print(safe_text(view.title or view.external_id, style="bold"), justify="right")
    con.print(safe_text(" | ".join(str(x) for x in (view.outlet, view.published, view.url, view.external_id) if x)),
              justify="right")
    con.print()
    con.print(_highlighted(view))
    con.print()
    rows = [{"n": i, **q.to_dict()} for i, q in enumerate(view.quotes, 1)]
    _emit(rows, Format.table, ("n", "speaker", "title", "cue", "type", "via", "content"), title="quotes",
          wrap=("content",), rtl=("speaker", "title", "cue", "via", "content"), empty="no quotes in this article")


# ---------------------------------------------------------------- stats

def stats_cmd(ctx: typer.Context, fmt: FormatOption = Format.table) -> None:
    """Database totals: articles, outlets, quotes, speakers, anonymous share, dates, extractor versions."""
    with _connect(ctx) as conn:
        rows = _rows(Q.stats(conn))
    _emit(rows, fmt, ("metric", "value"), title="quotetrack database", fields=("metric", "value"))


def register(app: typer.Typer) -> None:
    app.command("quotes")(quotes_cmd)
    app.add_typer(speakers_app)
    app.command("speaker")(speaker_cmd)
    app.command("outlets")(outlets_cmd)
    app.command("show")(show_cmd)
    app.command("stats")(stats_cmd)

