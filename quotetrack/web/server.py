"""Build the datasette command line for a quotetrack SQLite file.

datasette reads SQLite files only; the metadata names the database by its file stem, so it is
written for each run from the packaged ``metadata.json`` (the speaker-matching SQL substituted
into the canned queries that take a speaker name).
"""
from __future__ import annotations

import json
import sys
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
    meta = json.loads(_data("metadata.json"))
    db = meta.pop("database")
    cte = _data("speaker_ids.sql").strip()
    for q in db["queries"].values():
        q["sql"] = q["sql"].replace("/*speaker_ids*/", cte)
    meta["description_html"] = meta["description_html"].replace("{db}", database)
    meta["databases"] = {database: db}
    meta["plugins"] = {"quotetrack": {"database": database}}
    return meta


def datasette_argv(db_file: Path, workdir: Path, *, host: str, port: int) -> list[str]:
    """The ``python -m datasette serve ...`` command for ``db_file``; the metadata goes in ``workdir``."""
    if find_spec("datasette") is None:
        raise QuotetrackError(f"the web view needs datasette, which is not installed: {WEB_HINT}")
    meta = workdir / "metadata.json"
    meta.write_text(json.dumps(metadata(db_file.stem), ensure_ascii=False, indent=2), encoding="utf-8")
    web = Path(str(files("quotetrack.web")))
    return [sys.executable, "-m", "datasette", "serve", str(db_file), "--metadata", str(meta),
            "--template-dir", str(web / "templates"), "--plugins-dir", str(web / "plugins"),
            "--host", host, "--port", str(port), "--setting", "sql_time_limit_ms", "5000"]
