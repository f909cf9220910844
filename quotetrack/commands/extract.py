"""`quotetrack extract`: run the extractor over files and print quotes (no database)."""
from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from ..extractor.quote import Quote
from ..timed_extract import ArticleResult, extract_items
from ..inputs import read_inputs
from ..render import Format, write_table
from ..terminal import printable, safe_text

COLUMNS = ["article_id", "speaker", "cue", "type", "content"]
#: The CSV header (written even when nothing is found): the article id and ``Quote.to_dict()``'s keys.
FIELDS = ["article_id", *dict.fromkeys([*Quote.__dataclass_fields__, "anonymous"])]


def register(app: typer.Typer) -> None:
    @app.command("extract")
    def extract_cmd(
        inputs: Annotated[list[str], typer.Argument(help=".txt, .jsonl, a directory, or - for stdin.")],
        fmt: Annotated[Format, typer.Option("--format", "-f", help="table | json | jsonl | csv")] = Format.table,
        explain: Annotated[bool, typer.Option("--explain", help="Show the rule and the highlighted sentence.")] = False,
    ) -> None:
        """Find every quote and its speaker in articles; print them (nothing is stored)."""
        err = Console(stderr=True)
        failed = 0
        rows: list[dict[str, object]] = []
        out = Console()
        stream = fmt in (Format.jsonl,)
        from ..render import dumps

        from ..errors import QuotetrackError
        from ..timed_extract import budget_from_env

        try:
            budget = budget_from_env()
        except QuotetrackError as e:
            typer.echo(f"error: {e}", err=True)
            raise typer.Exit(1) from None
        for res in extract_items(read_inputs(inputs), budget):
            if res.problem is not None:
                failed += 1
                err.print(f"[red]error:[/red] {escape(printable(res.problem, newlines=False))}", highlight=False, markup=True, soft_wrap=True)
                continue
            assert isinstance(res, ArticleResult) and res.article is not None
            for q in res.quotes:
                row = {"article_id": res.article.id, **q.to_dict()}
                if stream:
                    sys.stdout.write(dumps(row) + "\n")
                elif explain and fmt is Format.table:
                    from ..explain import highlight

                    out.rule(safe_text(f"{res.article.id} · {q.rule}"))
                    line = safe_text(q.speaker, style="bold")
                    line.append(printable(f" · {q.cue} · {q.type} · {q.speaker_kind}"
                                          + (f" · via {q.via}" if q.via else "")
                                          + (f" · {q.channel}" if q.channel else "")))
                    out.print(line)
                    out.print(highlight(res.article.text, q))
                else:
                    rows.append(row)
        if fmt is Format.json:
            from ..render import write_json

            write_json(rows)
        elif fmt is Format.csv:
            from ..render import write_csv

            write_csv(rows, FIELDS)
        elif fmt is Format.table and not explain:
            write_table(rows, COLUMNS, wrap=["content"], rtl=["speaker", "content"])
        if failed:
            err.print(f"{failed} input(s) failed; the others were processed.")
            raise typer.Exit(1)
