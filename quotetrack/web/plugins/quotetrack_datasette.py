"""Datasette plugin loaded by ``quotetrack serve`` (``--plugins-dir``), never installed globally.

- SQL functions the canned queries use: ``qt_speaker_key`` and ``qt_fold``, the CLI's own
  spelling folds, so a name or agency typed in any spelling finds what ``quotetrack`` finds.
- ``escape_fts`` replaced (``trylast``, after datasette's own) by the CLI's search-string
  builder (``queries.fts_match``): the search box reads the CLI's search syntax, folded and with
  clitics like the index, so "إيران" finds "ايران" and user text is never raw FTS syntax.
- The data of the speaker page (``templates/pages/speaker.html``): quotes per month.
"""
from __future__ import annotations

from typing import Any

from datasette import hookimpl

from quotetrack.db.speakers import speaker_key
from quotetrack.extractor.normalize import fold
from quotetrack.queries import fts_match

PLUGIN = "quotetrack"


def _fts(query: str | None) -> str:
    # a search with no words matches nothing (an empty phrase), as in the CLI
    return fts_match(query or "") or '""'


@hookimpl(trylast=True)  # type: ignore[untyped-decorator]
def prepare_connection(conn: Any) -> None:
    conn.create_function("qt_speaker_key", 1, lambda s: speaker_key(s or ""), deterministic=True)
    conn.create_function("qt_fold", 1, lambda s: None if s is None else fold(s), deterministic=True)
    conn.create_function("escape_fts", 1, _fts, deterministic=True)


def _database(datasette: Any) -> str:
    name = (datasette.plugin_config(PLUGIN) or {}).get("database")
    if name:
        return str(name)
    return str(next(n for n in datasette.databases if not n.startswith("_")))


@hookimpl  # type: ignore[untyped-decorator]
def extra_template_vars(template: str, request: Any, datasette: Any) -> Any:
    if template != "pages/speaker.html":
        return {}

    async def speaker_page() -> dict[str, Any]:
        db_name = _database(datasette)
        name = (request.args.get("name") or "").strip() if request else ""
        months: list[dict[str, Any]] = []
        speakers: list[str] = []
        if name:
            db = datasette.get_database(db_name)
            sql = (await datasette.get_canned_query(db_name, "speaker_months", None))["sql"]
            months = [dict(r) for r in await db.execute(sql, {"speaker": name})]
            ids_sql = sql.split("SELECT d.month", 1)[0] + "SELECT s.name FROM speakers s " \
                "WHERE s.id IN (SELECT id FROM speaker_ids) ORDER BY s.name"
            speakers = [r[0] for r in await db.execute(ids_sql, {"speaker": name})]
        top = max((m["quotes"] for m in months), default=0)
        return {"qt_database": db_name, "qt_name": name, "qt_months": months, "qt_top": top,
                "qt_speakers": speakers, "qt_total": sum(m["quotes"] for m in months)}

    return speaker_page
