"""Output formats shared by every listing: rich tables for people, JSON/JSONL/CSV for programs.

Machine formats keep Arabic unescaped (UTF-8) and keys in a stable order.
"""
from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Mapping, Sequence
from enum import Enum
from typing import Any, TextIO

from rich.console import Console
from rich.table import Table


class Format(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


def _json_default(o: Any) -> Any:
    if hasattr(o, "isoformat"):
        return o.isoformat()
    return str(o)


def dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, default=_json_default)


def write_jsonl(rows: Iterable[Mapping[str, Any]], out: TextIO | None = None) -> int:
    out = out or sys.stdout
    n = 0
    for r in rows:
        out.write(dumps(dict(r)) + "\n")
        n += 1
    out.flush()
    return n


def write_json(rows: Iterable[Mapping[str, Any]], out: TextIO | None = None) -> int:
    out = out or sys.stdout
    data = [dict(r) for r in rows]
    out.write(json.dumps(data, ensure_ascii=False, indent=2, default=_json_default) + "\n")
    return len(data)


def _csv_cell(v: Any) -> Any:
    if isinstance(v, (list, dict)):
        return dumps(v)
    if hasattr(v, "isoformat"):
        return v.isoformat()
    return "" if v is None else v


def write_csv(rows: Iterable[Mapping[str, Any]], columns: Sequence[str] | None = None,
              out: TextIO | None = None) -> int:
    out = out or sys.stdout
    writer: csv.DictWriter[str] | None = None
    n = 0
    for r in rows:
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=list(columns or r.keys()), extrasaction="ignore")
            writer.writeheader()
        writer.writerow({k: _csv_cell(v) for k, v in r.items()})
        n += 1
    if writer is None and columns:
        csv.DictWriter(out, fieldnames=list(columns)).writeheader()
    out.flush()
    return n


def write_table(rows: Iterable[Mapping[str, Any]], columns: Sequence[str], *, title: str | None = None,
                console: Console | None = None, wrap: Sequence[str] = (), rtl: Sequence[str] = ()) -> int:
    """A rich table; ``rtl`` columns are right-justified (Arabic), ``wrap`` ones fold long text."""
    console = console or Console()
    table = Table(title=title, show_lines=bool(wrap))
    for c in columns:
        table.add_column(c, justify="right" if c in rtl else "left", overflow="fold",
                         ratio=3 if c in wrap else None, no_wrap=c not in wrap and c not in rtl)
    n = 0
    for r in rows:
        table.add_row(*["" if r.get(c) is None else str(r.get(c)) for c in columns])
        n += 1
    console.print(table)
    return n


def render(rows: Iterable[Mapping[str, Any]], fmt: Format, columns: Sequence[str], *,
           title: str | None = None, wrap: Sequence[str] = (), rtl: Sequence[str] = (),
           out: TextIO | None = None) -> int:
    """Write ``rows`` in ``fmt``; the table shows ``columns``, machine formats every field."""
    if fmt is Format.jsonl:
        return write_jsonl(rows, out)
    if fmt is Format.json:
        return write_json(rows, out)
    if fmt is Format.csv:
        return write_csv(rows, None, out)
    return write_table(rows, columns, title=title, wrap=wrap, rtl=rtl,
                       console=Console(file=out) if out else None)
