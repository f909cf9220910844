"""Output formats shared by every listing: rich tables for people, JSON/JSONL/CSV for programs.

Machine formats keep Arabic unescaped (UTF-8) and keys in a stable order, and are written row by
row as the rows arrive (constant memory whatever the result size; ``| head`` stops the query).
Tables are for reading: every cell goes through ``terminal.printable`` (stored text is never
markup or a control sequence), Arabic cells are bidi-isolated, numbers are right-aligned, a
narrow terminal gets one record per block instead of a squeezed grid, and a footer says when a
limit cut the result.
"""
from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Mapping, Sequence
from enum import Enum
from itertools import islice
from typing import TYPE_CHECKING, Any, TextIO

from .terminal import printable, safe_text

if TYPE_CHECKING:
    from rich.console import Console

#: A table holds its rows in memory to size its columns: at most this many are shown.
TABLE_MAX_ROWS = 1000

#: Below this width a column is folded into too few characters to read whole words.
MIN_WRAP_WIDTH = 24


class Format(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


def _json_default(o: Any) -> Any:
    if hasattr(o, "isoformat"):
        return o.isoformat()
    return str(o)


def dumps(obj: Any, indent: int | None = None) -> str:
    return json.dumps(obj, ensure_ascii=False, default=_json_default, indent=indent)


def write_jsonl(rows: Iterable[Mapping[str, Any]], out: TextIO | None = None) -> int:
    out = out or sys.stdout
    n = 0
    for r in rows:
        out.write(dumps(dict(r)) + "\n")
        n += 1
    out.flush()
    return n


def write_json(rows: Iterable[Mapping[str, Any]], out: TextIO | None = None) -> int:
    """One JSON array (indented by 2), written element by element: the same text as
    ``json.dumps(list(rows), indent=2)`` without holding the list."""
    out = out or sys.stdout
    n = 0
    for r in rows:
        item = "\n".join("  " + line for line in dumps(dict(r), indent=2).split("\n"))
        out.write(("[\n" if n == 0 else ",\n") + item)
        n += 1
    out.write("\n]\n" if n else "[]\n")
    out.flush()
    return n


def _csv_cell(v: Any) -> Any:
    if isinstance(v, (list, dict)):
        return dumps(v)
    if hasattr(v, "isoformat"):
        return v.isoformat()
    return "" if v is None else v


def write_csv(rows: Iterable[Mapping[str, Any]], columns: Sequence[str] | None = None,
              out: TextIO | None = None) -> int:
    """CSV with a header row; given ``columns``, the header is written even when there are no rows."""
    out = out or sys.stdout
    writer: csv.DictWriter[str] | None = None
    if columns:
        writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore")
        writer.writeheader()
    n = 0
    for r in rows:
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=list(r.keys()), extrasaction="ignore")
            writer.writeheader()
        writer.writerow({k: _csv_cell(v) for k, v in r.items()})
        n += 1
    out.flush()
    return n


def footer(shown: int, total: int | None, *, capped: bool = False) -> str | None:
    """"50 of 1,198 — use -n 0 for all" when a limit cut the result; when the table's own
    cap did, the machine formats are the way to all rows."""
    if capped:
        of = f" of {total:,}" if total is not None and total > shown else ""
        return f"{shown:,}{of} — a table shows at most {shown:,} rows; use -f csv or -f jsonl for all"
    if total is None or total <= shown:
        return None
    return f"{shown:,} of {total:,} — use -n 0 for all"


def _is_number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _cell(v: Any, number: bool) -> Any:
    if number and isinstance(v, int):
        return safe_text(f"{v:,}")
    return safe_text(v, isolate=True)


def _natural_width(rows: Sequence[Mapping[str, Any]], col: str, label: str) -> int:
    from rich.cells import cell_len

    return max([cell_len(label), *(cell_len(printable(r.get(col))) for r in rows)])


def _fits(rows: Sequence[Mapping[str, Any]], columns: Sequence[str], labels: Mapping[str, str],
          wrap: Sequence[str], width: int) -> bool:
    """Whether a grid leaves every folded column at least MIN_WRAP_WIDTH characters."""
    fixed = sum(_natural_width(rows, c, labels.get(c, c)) for c in columns if c not in wrap)
    borders = 3 * len(columns) + 1
    return width - fixed - borders >= MIN_WRAP_WIDTH * len([c for c in columns if c in wrap])


def write_table(rows: Iterable[Mapping[str, Any]], columns: Sequence[str], *, title: str | None = None,
                console: Console | None = None, wrap: Sequence[str] = (), rtl: Sequence[str] = (),
                labels: Mapping[str, str] | None = None, total: int | None = None,
                max_rows: int = TABLE_MAX_ROWS) -> int:
    """A rich table of at most ``max_rows`` rows (``rtl`` columns right-justified, ``wrap`` ones
    folded), or one block per record when the terminal is too narrow for the grid; ``total``,
    when larger than what is shown, gives the footer."""
    from rich.console import Console
    from rich.table import Table

    console = console or Console()
    labels = labels or {}
    it = iter(rows)
    shown = list(islice(it, max_rows))
    capped = len(shown) == max_rows and next(it, None) is not None
    numeric = {c for c in columns if any(_is_number(r.get(c)) for r in shown)
               and all(r.get(c) is None or _is_number(r.get(c)) for r in shown)}
    if _fits(shown, columns, labels, wrap, console.width):
        table = Table(title=title, show_lines=bool(wrap))
        for c in columns:
            table.add_column(labels.get(c, c), justify="right" if c in rtl or c in numeric else "left",
                             overflow="fold", ratio=3 if c in wrap else None,
                             no_wrap=c not in wrap and c not in rtl)
        for r in shown:
            table.add_row(*[_cell(r.get(c), c in numeric) for c in columns])
        console.print(table)
    else:
        _write_blocks(shown, columns, console, title=title, rtl=rtl, labels=labels, numeric=numeric)
    note = footer(len(shown), total, capped=capped)
    if note:
        console.print(safe_text(note, style="dim"))
    return len(shown)


def _write_blocks(rows: Sequence[Mapping[str, Any]], columns: Sequence[str], console: Console, *,
                  title: str | None, rtl: Sequence[str], labels: Mapping[str, str], numeric: set[str]) -> None:
    """One record per block: a numbered rule, then "label  value" lines folded at whole words."""
    if title:
        console.print(safe_text(title, style="bold"))
    for i, r in enumerate(rows, 1):
        console.rule(safe_text(str(i), style="dim"), align="left")
        items = []
        for c in columns:
            v = r.get(c)
            if v is None or v == "":
                continue
            cell = _cell(v, c in numeric)
            cell.justify = "right" if c in rtl or c in numeric else "left"
            items.append((labels.get(c, c), cell))
        if items:
            console.print(_block(console, items))


def _block(console: Console, items: list[tuple[str, Any]]) -> Any:
    """The lines of one record: what a two-column ``Table.grid(padding=(0, 1))`` (dim labels, folded
    values) prints, laid out directly — the grid measured and rendered every record at several times
    the cost, which made a table of 50 quotes on an 80-column terminal miss the 0.2 s a query may take."""
    from rich.cells import cell_len
    from rich.segment import Segment, Segments
    from rich.table import Table

    label_width = max(cell_len(label) for label, _ in items)
    room = console.width - label_width - 1
    if room < 1 or any(cell_len(label) != len(label) for label, _ in items):   # degenerate: let rich decide
        grid = Table.grid(padding=(0, 1))
        grid.add_column(style="dim", no_wrap=True)
        grid.add_column(overflow="fold")
        for label, cell in items:
            grid.add_row(label, cell)
        return grid
    options = console.options
    width = min(max(max(cell.__rich_measure__(console, options).maximum for _, cell in items), 1), room)
    value_options = options.update(width=width, overflow="fold", no_wrap=False, height=None)
    dim = console.get_style("dim")
    segments: list[Any] = []
    for label, cell in items:
        for n, line in enumerate(console.render_lines(cell, value_options, pad=True)):
            head = [Segment(label.ljust(label_width), dim), Segment(" ", dim)] if n == 0 else \
                [Segment(" " * (label_width + 1), dim)]
            segments += [*head, *line, Segment.line()]
    return Segments(segments)


def render(rows: Iterable[Mapping[str, Any]], fmt: Format, columns: Sequence[str], *,
           title: str | None = None, wrap: Sequence[str] = (), rtl: Sequence[str] = (),
           out: TextIO | None = None, fields: Sequence[str] | None = None,
           labels: Mapping[str, str] | None = None, total: int | None = None) -> int:
    """Write ``rows`` in ``fmt``; the table shows ``columns``, machine formats every field
    (``fields`` names them for the CSV header, so an empty result still has one)."""
    if fmt is Format.jsonl:
        return write_jsonl(rows, out)
    if fmt is Format.json:
        return write_json(rows, out)
    if fmt is Format.csv:
        return write_csv(rows, fields, out)
    from rich.console import Console

    return write_table(rows, columns, title=title, wrap=wrap, rtl=rtl, labels=labels, total=total,
                       console=Console(file=out) if out else None)
