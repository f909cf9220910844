"""Datasette on a quotetrack SQLite file, run in this process.

datasette reads SQLite files only; the metadata names the database by its file stem, so it is
built for each run from the packaged ``metadata.json`` (the speaker-matching SQL substituted
into the canned queries that take a speaker name).
"""
from __future__ import annotations

import json
from importlib.resources import files
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from ..errors import QuotetrackError

WEB_HINT = "pip install 'quotetrack[web]'"


def _data(name: str) -> str:
    return files("quotetrack.web").joinpath(name).read_text(encoding="utf-8")


def metadata(database: str) -> dict[str, Any]:
    """Datasette metadata for the database named ``database`` (its file stem)."""
    meta: dict[str, Any] = json.loads(_data("metadata.json"))
    db = meta.pop("database")
    cte = _data("speaker_ids.sql").strip()
    for q in db["queries"].values():
        q["sql"] = q["sql"].replace("/*speaker_ids*/", cte)
    meta["description_html"] = meta["description_html"].replace("{db}", database)
    meta["databases"] = {database: db}
    meta["plugins"] = {"quotetrack": {"database": database}}
    return meta


def serve(db_file: Path, *, host: str, port: int) -> None:
    """Run datasette on ``db_file`` in this process until Ctrl-C (or SIGTERM)."""
    if find_spec("datasette") is None:
        raise QuotetrackError(f"the web view needs datasette, which is not installed: {WEB_HINT}")
    import asyncio

    import uvicorn
    from datasette.app import Datasette

    web = Path(str(files("quotetrack.web")))
    ds = Datasette([str(db_file)], metadata=metadata(db_file.stem), template_dir=str(web / "templates"),
                   plugins_dir=str(web / "plugins"), settings={"sql_time_limit_ms": 5000})
    asyncio.run(ds.invoke_startup())
    uvicorn.run(ds.app(), host=host, port=port, log_level="info", lifespan="on", workers=1)
