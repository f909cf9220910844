"""Stored text on a terminal is data: markup, control sequences and bidi overrides in titles, quotes and
outlet names are shown inert, in every table and in `show` (both backends)."""
from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from rich.console import Console
from sqlalchemy import text
from typer.testing import CliRunner

from quotetrack.cli import app
from quotetrack.db.engine import make_engine
from quotetrack.extractor.quote import Quote
from quotetrack.ingest import ingest
from quotetrack.render import _write_blocks, footer, write_table
from quotetrack.terminal import FSI, PDI, isolated, printable, safe_text
from test_queries_support import BACKENDS, new_database, pg_server_url  # noqa: F401

runner = CliRunner()

ESC_CLEAR = "\x1b[2J"
OSC_TITLE = "\x1b]0;pwned\x07"
RLO = "\u202e"
LINK = "[link=http://evil.example]اضغط هنا[/link]"
CONTENT = f"إن المفاوضات [/bold] ستستأنف {LINK} {ESC_CLEAR} غدا{RLO}"
SPEAKER = f"سامي [red]الحسن{OSC_TITLE}"
TITLE = f"[/bold] عنوان {ESC_CLEAR}"
OUTLET = f"{OSC_TITLE}جريدة [b]الغد"
ARTICLE_TEXT = f"وقال الوزير {SPEAKER} {CONTENT}. وانتهى."

FORBIDDEN = ("\x1b", "\x07", "\x9b", RLO)


def _hostile_quote() -> Quote:
    start = ARTICLE_TEXT.index(CONTENT)
    m = ARTICLE_TEXT.index(SPEAKER)
    return Quote(content=CONTENT, start=start, end=start + len(CONTENT), type="indirect", cue="قال",
                 cue_lemma="قال", stance="neutral", speaker=SPEAKER, speaker_kind="person", gender="m",
                 mention=SPEAKER, mention_start=m, mention_end=m + len(SPEAKER), title="الوزير",
                 via=f"وكالة {ESC_CLEAR}[i]رويترز", channel=None, rule="test")


@pytest.fixture(scope="module", params=BACKENDS)
def hostile_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    url = new_database(request.param, tmp_path_factory.mktemp("hostile"), request)
    src = tmp_path_factory.mktemp("in") / "evil.jsonl"
    src.write_text(json.dumps({"id": "evil-1", "outlet": OUTLET, "date": "2021-06-29", "title": TITLE,
                               "url": "http://x.example/a", "text": ARTICLE_TEXT}, ensure_ascii=False) + "\n",
                   encoding="utf-8")
    eng = make_engine(url)
    try:
        s = ingest([src], eng, extractor=lambda t: [_hostile_quote()] if t == ARTICLE_TEXT else [],
                   extractor_version="test")
        assert s.new == 1 and s.quotes == 1
        with eng.connect() as c:   # the data really is stored raw
            assert c.execute(text("SELECT title FROM articles")).scalar() == TITLE
    finally:
        eng.dispose()
    return url


@pytest.mark.parametrize("args", [["show", "evil-1"], ["quotes"], ["quotes", "-s", "سامي"],
                                  ["outlets"], ["speakers"], ["speaker", "سامي"], ["stats"]])
@pytest.mark.parametrize("width", ["200", "60"])
def test_stored_markup_and_escapes_are_inert(hostile_url: str, args: list[str], width: str) -> None:
    r = runner.invoke(app, ["--db", hostile_url, *args], env={"COLUMNS": width})
    assert r.exit_code == 0, r.output
    for bad in FORBIDDEN:
        assert bad not in r.stdout, (args, repr(bad))
    shown = r.stdout.replace(FSI, "").replace(PDI, "")
    if args[0] in ("show", "quotes"):
        # the markup is printed as the text it is, not applied (and `[/bold]` does not crash)
        flat = " ".join(shown.split())
        assert "[/bold]" in flat and "␛[2J" in flat
        if width == "200":
            assert "[link=http://evil.example]" in flat
    if args[0] == "show":
        assert "[/bold] عنوان" in shown and "␛]0;pwned␇جريدة [b]الغد" in shown
    if args[0] == "outlets":
        assert "[b]الغد" in " ".join(shown.split())


def test_printable_neutralizes_every_class() -> None:
    assert printable("a\x1b[2Jb") == "a␛[2Jb"
    assert printable("\x1b]8;;http://x\x1b\\t") == "␛]8;;http://x␛\\t"
    assert printable("x\x9b31my") == "x\ufffd31my"            # 8-bit CSI
    assert printable("abc\u202edef\u202a\u2066g") == "abcdefg"  # overrides, embeddings, isolates dropped
    assert printable("سطر\nسطر\tx\r") == "سطر\nسطر x␍"
    assert printable("a\nb", newlines=False) == "a␊b"
    assert printable("\u200fنص\u061c") == "\u200fنص\u061c"      # marks stay
    assert printable(None) == "" and printable(12) == "12"
    assert isolated("الجزيرة") == f"{FSI}الجزيرة{PDI}" and isolated("BBC") == "BBC"
    assert isolated(f"ب{RLO}") == f"{FSI}ب{PDI}"


def _table(rows: list[dict[str, object]], columns: list[str], width: int, **kw: object) -> str:
    buf = io.StringIO()
    write_table(rows, columns, console=Console(file=buf, width=width), **kw)  # type: ignore[arg-type]
    return buf.getvalue()


def test_numbers_right_aligned_and_arabic_isolated() -> None:
    out = _table([{"name": "الجزيرة", "n": 5}, {"name": "BBC", "n": 12345}], ["name", "n"], 60)
    lines = [ln for ln in out.splitlines() if "5" in ln]
    assert len(lines) == 2
    # right edges line up (counted from the line's end: the Arabic line holds two zero-width isolates)
    assert len(lines[0]) - lines[0].index("5") == len(lines[1]) - lines[1].index("12,345") - len("12,34")
    assert f"{FSI}الجزيرة{PDI}" in out and f"{FSI}BBC" not in out


def test_narrow_terminal_gets_blocks_with_whole_words() -> None:
    content = "وقال وزير الخارجية البريطانية إن المفاوضات ستستأنف الأسبوع المقبل في العاصمة العمانية مسقط"
    row = {"external_id": "ant-JA-internationalNews-35-20170122", "published": "2017-01-22",
           "speaker": "بوريس جونسون", "content": content}
    cols = ["external_id", "published", "speaker", "content"]
    narrow = _table([row], cols, 80, wrap=["content"], rtl=["speaker", "content"])
    assert "┃" not in narrow and "─" in narrow                 # a block, not a grid
    words = narrow.replace(FSI, "").replace(PDI, "").split()
    assert all(w in words for w in content.split())          # no word is cut in two
    wide = _table([row], cols, 200, wrap=["content"], rtl=["speaker", "content"])
    assert "┃" in wide and row["external_id"] in wide


def _grid_blocks(rows: list[dict[str, object]], columns: list[str], console: Console, rtl: list[str]) -> None:
    """The blocks as a two-column rich grid per record: what ``render._block`` lays out directly."""
    from rich.table import Table

    from quotetrack.render import _cell

    for i, r in enumerate(rows, 1):
        console.rule(safe_text(str(i), style="dim"), align="left")
        grid = Table.grid(padding=(0, 1))
        grid.add_column(style="dim", no_wrap=True)
        grid.add_column(overflow="fold")
        for c in columns:
            if r.get(c) in (None, ""):
                continue
            cell = _cell(r[c], c == "n")
            cell.justify = "right" if c in rtl or c == "n" else "left"
            grid.add_row(c, cell)
        console.print(grid)


@pytest.mark.parametrize("width", [16, 21, 40, 80, 133])
@pytest.mark.parametrize("styled", [False, True])
def test_blocks_print_what_a_rich_grid_prints(width: int, styled: bool) -> None:
    content = "وقال وزير الخارجية البريطانية إن المفاوضات ستستأنف الأسبوع المقبل [bold]x[/bold] \x1b[2J مسقط"
    rows: list[dict[str, object]] = [
        {"external_id": "ant-JA-internationalNews-35-20170122-with-a-very-long-identifier-that-folds",
         "speaker": "بوريس جونسون", "content": content, "n": 1234567, "empty": ""},
        {"external_id": "x", "n": 5}, {"speaker": None, "content": "قصير"}, {}]
    cols = ["external_id", "speaker", "content", "n", "empty"]
    rtl = ["speaker", "content"]
    outs = []
    for write in ("render", "grid"):
        buf = io.StringIO()
        con = Console(file=buf, width=width, force_terminal=styled, color_system="truecolor" if styled else None)
        if write == "render":
            _write_blocks(rows, cols, con, title=None, rtl=rtl, labels={}, numeric={"n"})
        else:
            _grid_blocks(rows, cols, con, rtl)
        outs.append(buf.getvalue())
    assert outs[0] == outs[1]
    assert ("\x1b[" in outs[0]) == styled and "قصير" in outs[0]


def test_footer_texts() -> None:
    assert footer(50, 1198) == "50 of 1,198 — use -n 0 for all"
    assert footer(16, 16) is None and footer(3, None) is None
    assert footer(1000, 265431, capped=True) == \
        "1,000 of 265,431 — a table shows at most 1,000 rows; use -f csv or -f jsonl for all"


def test_quotes_table_has_article_date_and_footer(hostile_url: str, tmp_path: Path) -> None:
    from test_queries_support import gold_sqlite_file

    url = gold_sqlite_file(tmp_path / "g.db")
    r = runner.invoke(app, ["--db", url, "quotes", "-n", "3"], env={"COLUMNS": "220"})
    assert r.exit_code == 0
    head = r.stdout.splitlines()[1:4]
    assert any("article" in ln and "date" in ln for ln in head)
    assert r.stdout.rstrip().endswith("3 of 464 — use -n 0 for all")
    r = runner.invoke(app, ["--db", url, "quotes", "-n", "0"], env={"COLUMNS": "220"})
    assert "of 464" not in r.stdout
    r = runner.invoke(app, ["--db", url, "quotes", "-s", "بلينكن", "-n", "1"], env={"COLUMNS": "80"})
    assert r.stdout.rstrip().endswith("1 of 2 — use -n 0 for all") and "aljazeera-" in r.stdout


def test_extract_table_and_explain_are_inert(tmp_path: Path) -> None:
    src = tmp_path / "evil.txt"
    src.write_text(f"وقال وزير الخارجية [/bold] {RLO} أحمد علي إن المفاوضات {ESC_CLEAR} ستستأنف "
                   "[link=http://evil]اضغط[/link] الأسبوع المقبل.\n", encoding="utf-8")
    for args in (["extract", str(src)], ["extract", "--explain", str(src)]):
        r = runner.invoke(app, args, env={"COLUMNS": "200"})
        assert r.exit_code == 0, r.output
        assert not any(bad in r.stdout for bad in FORBIDDEN)
        assert "␛[2J" in r.stdout and "[/link]" in r.stdout


def test_same_length_mode_keeps_offsets() -> None:
    s = f"ab{RLO}c\x1bd"
    out = printable(s, same_length=True)
    assert len(out) == len(s) and out == "ab\u200bc␛d"


def test_demo_at_80_columns_keeps_words_whole(tmp_path: Path) -> None:
    """The issue's repro: at 80 columns the grid gave the content 9 characters (البريطا/نية)."""
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    as_json = runner.invoke(app, ["--db", url, "demo", "-f", "json"])
    assert as_json.exit_code == 0
    contents = [r["content"] for r in json.loads(as_json.stdout)]
    r = runner.invoke(app, ["--db", url, "demo"], env={"COLUMNS": "80"})
    assert r.exit_code == 0
    assert max(len(line) for line in r.stdout.splitlines()) <= 82        # two isolates per line at most
    words = set(r.stdout.replace(FSI, "").replace(PDI, "").split())
    for c in contents:
        assert all(w in words for w in c.split()), c
