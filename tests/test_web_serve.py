"""`quotetrack serve`: datasette on the gold articles, started for real on a free local port; every
canned query and the search box answer what the library's query API answers."""
from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from quotetrack import queries as Q
from quotetrack.cli import app
from quotetrack.db.engine import make_engine
from quotetrack.web.server import metadata
from reliability_helpers import ROOT, cli_env
from test_queries_support import gold_sqlite_file

pytest.importorskip("datasette", reason="the web extra (datasette) is not installed")

BLINKEN = "بلينكن"


@pytest.fixture(scope="module")
def gold_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("web") / "gold.db"
    gold_sqlite_file(path)
    return path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    def __init__(self, base: str, db: str) -> None:
        self.base, self.db = base, db

    def get(self, path: str, **params: str) -> str:
        url = self.base + path + ("?" + urllib.parse.urlencode(params) if params else "")
        with urllib.request.urlopen(url, timeout=30) as r:
            body: str = r.read().decode("utf-8")
        return body

    def rows(self, path: str, **params: str) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = json.loads(self.get(f"/{self.db}/{path}.json", _shape="array", **params))
        return rows


@pytest.fixture(scope="module")
def server(gold_file: Path) -> Iterator[Server]:
    port = _free_port()
    p = subprocess.Popen([sys.executable, "-m", "quotetrack", "--db", str(gold_file), "serve", "--port", str(port)],
                         env=cli_env(), cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                         start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(base + "/-/versions.json", timeout=2):
                    break
            except OSError:
                if p.poll() is not None or time.monotonic() > deadline:
                    out = p.stdout.read().decode() if p.stdout else ""
                    pytest.fail(f"quotetrack serve did not start: {out[-2000:]}")
                time.sleep(0.3)
        yield Server(base, gold_file.stem)
    finally:
        p.send_signal(signal.SIGTERM)      # uvicorn shuts down cleanly
        try:
            p.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            p.wait()


@pytest.fixture(scope="module")
def conn(gold_file: Path) -> Iterator[Any]:
    eng = make_engine(f"sqlite:///{gold_file}")
    with eng.connect() as c:
        yield c
    eng.dispose()


def _top_speakers(conn: Any, n: int) -> list[str]:
    return [r.speaker for r in Q.list_speakers(conn, Q.SpeakerFilter(kind="person", limit=n))]


def test_speaker_quotes_match_the_query_api(server: Server, conn: Any) -> None:
    for name in [BLINKEN, "أنتوني بلينكن", *_top_speakers(conn, 3)]:
        got = [r["quote_id"] for r in server.rows("speaker_quotes", speaker=name, _size="max")]
        want = [q.quote_id for q in Q.find_quotes(conn, Q.QuoteFilter(speaker=name, limit=None))]
        assert got == want and got, name


def test_speaker_months_match_the_profile(server: Server, conn: Any) -> None:
    for name in [BLINKEN, *_top_speakers(conn, 3)]:
        got = server.rows("speaker_months", speaker=name)
        assert got == Q.speaker_profile(conn, name).months and got, name


def test_anonymous_share_by_outlet(server: Server, conn: Any) -> None:
    got = server.rows("anonymous_by_outlet")
    want = {r.outlet: (r.quotes, r.anonymous_quotes, r.anonymous_share) for r in Q.outlet_report(conn)}
    assert {r["outlet"]: (r["quotes"], r["anonymous_quotes"], r["anonymous_share"]) for r in got} == want
    shares = [r["anonymous_share"] or 0 for r in got]
    assert shares == sorted(shares, reverse=True) and max(shares) > 0


@pytest.mark.parametrize("via", ["رويترز", "فرانس برس", "الأناضول"])
def test_who_is_quoted_via_an_agency(server: Server, conn: Any, via: str) -> None:
    got = {r["speaker_id"]: r["quotes"] for r in server.rows("quoted_via", via=via)}
    want = Counter(q.speaker_id for q in Q.find_quotes(conn, Q.QuoteFilter(via=via, limit=None)))
    assert got == dict(want)


@pytest.mark.parametrize("words", ["إيران", "ايران", "الأمم المتحدة", "واشنطن"])
def test_search_box_finds_what_the_cli_finds(server: Server, conn: Any, words: str) -> None:
    want = {q.quote_id for q in Q.find_quotes(conn, Q.QuoteFilter(search=words, limit=None))}
    assert want, words
    got = {r["quote_id"] for r in server.rows("quote_details", _search=words, _size="max")}
    assert got == want
    assert {r["id"] for r in server.rows("quotes", _search=words, _size="max")} == want
    html = server.get(f"/{server.db}/quote_details", _search=words)
    assert 'name="_search"' in html     # the search box is shown, and it answered with these rows
    assert f"{len(want)} row" in html


def test_search_text_is_never_fts_syntax(server: Server) -> None:
    for evil in ['"', "NEAR(", "a OR", "*", "إيران AND"]:
        server.rows("quote_details", _search=evil)       # no 500: user text is data


def test_speaker_page_draws_quotes_per_month(server: Server, conn: Any) -> None:
    name = _top_speakers(conn, 1)[0]
    months = Q.speaker_profile(conn, name).months
    html = server.get("/speaker", name=name)
    assert html.count("<rect") == len(months) > 0
    for m in months:
        assert f"<title>{m['month']}: {m['quotes']}</title>" in html
    assert "no dated quotes match" in server.get("/speaker", name="قققققق")


def test_metadata_describes_columns_in_both_languages() -> None:
    meta = metadata("corpus")
    db = meta["databases"]["corpus"]
    assert set(db["queries"]) == {"speaker_quotes", "anonymous_by_outlet", "quoted_via", "speaker_months"}
    assert all("/*speaker_ids*/" not in q["sql"] for q in db["queries"].values())
    content = db["tables"]["quote_details"]["columns"]["content"]
    assert "الاقتباس" in content and "quote" in content
    assert db["tables"]["quote_details"]["fts_table"] == "quotes_fts"


def test_serve_errors_are_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, gold_file: Path) -> None:
    r = CliRunner().invoke(app, ["--db", "postgresql+psycopg://u@127.0.0.1/x", "serve"])
    assert r.exit_code == 1 and "needs a SQLite database" in r.stderr
    r = CliRunner().invoke(app, ["--db", str(tmp_path / "none.db"), "serve"])
    assert r.exit_code == 1 and "no database at" in r.stderr
    import quotetrack.web.server as server_mod

    monkeypatch.setattr(server_mod, "find_spec", lambda name: None)
    r = CliRunner().invoke(app, ["--db", str(gold_file), "serve", "--port", "0"])
    assert r.exit_code == 1 and "pip install 'quotetrack[web]'" in r.stderr


def _chromium() -> str | None:
    for exe in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(exe)
        if found:
            return found
    return None


@pytest.mark.slow
def test_speaker_page_screenshot(server: Server, conn: Any, tmp_path: Path) -> None:
    exe = _chromium()
    if exe is None:
        if os.environ.get("CI"):
            pytest.fail("CI must install chromium (apt-get install -y chromium)")
        pytest.skip("no chromium on this machine")
    shot = tmp_path / "speaker.png"
    url = server.base + "/speaker?" + urllib.parse.urlencode({"name": _top_speakers(conn, 1)[0]})
    p = subprocess.run([exe, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                        f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1200,800",
                        f"--screenshot={shot}", url], capture_output=True, text=True, timeout=120)
    assert shot.exists(), p.stderr[-2000:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (1200, 800)
    assert len(data) > 20_000        # a page with text and a chart; a blank page compresses to ~5 KB
