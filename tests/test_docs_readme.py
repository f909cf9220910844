"""README "Asking questions": every command and code block runs on the real news corpus, exits 0
and gives the rows shown (compared cell by cell with the command's JSON, not byte for byte, so
table layout may change)."""
from __future__ import annotations

import contextlib
import io
import json
import re
import shlex
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from quotetrack.cli import app

ROOT = Path(__file__).resolve().parents[1]
NEWS = ROOT.parent / "shared" / "corpus" / "news.jsonl"
runner = CliRunner()


def _section() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index("## Asking questions")
    end = text.index("\n## ", start + 3)
    return text[start:end]


def _console_commands() -> list[tuple[str, list[str]]]:
    """(command, the table lines shown under it) for every `$ quotetrack …` line of the section."""
    out: list[tuple[str, list[str]]] = []
    for block in re.findall(r"```console\n(.*?)```", _section(), flags=re.S):
        for line in block.splitlines():
            if line.startswith("$ quotetrack "):
                out.append((line[2:], []))
            elif line.startswith("│") and out:
                out[-1][1].append(line)
    return out


def _python_blocks() -> list[tuple[str, str]]:
    """(code, the output shown in the ```text block after it)."""
    return re.findall(r"```python\n(.*?)```\s*```text\n(.*?)```", _section(), flags=re.S)


def _cell_text(v: Any) -> list[str]:
    if isinstance(v, list):
        return ["، ".join(map(str, v))]
    if isinstance(v, float):
        return [str(v), f"{v:.1%}"]
    return [] if v is None else [str(v)]


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory holding news.jsonl, where the section's ingest command builds quotetrack.db."""
    if not NEWS.exists():
        pytest.skip(f"real corpus not found at {NEWS}")
    d = tmp_path_factory.mktemp("readme")
    (d / "news.jsonl").symlink_to(NEWS)
    return d


def test_section_asks_the_questions() -> None:
    cmds = [c for c, _ in _console_commands()]
    assert cmds[0] == "quotetrack ingest news.jsonl" and len(cmds) >= 9
    for needle in ("--count-by outlet", "--sort anonymous_share", "--via", "--count-by month", "--title"):
        assert any(needle in c for c in cmds), needle
    assert len(_python_blocks()) == 2


def test_every_command_gives_the_rows_shown(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(workdir)
    monkeypatch.delenv("QUOTETRACK_DB", raising=False)
    for cmd, lines in _console_commands():
        args = shlex.split(cmd)[1:]
        r = runner.invoke(app, args)
        assert r.exit_code == 0, (cmd, r.output)
        if not lines:
            continue
        j = runner.invoke(app, [*args, "-f", "json"])
        rows = [[t for v in row.values() for t in _cell_text(v)] for row in json.loads(j.stdout)]
        assert rows, cmd
        for line in lines:   # every cell of a shown line comes from one row of the command's result
            cells = [c.strip() for c in line.strip().strip("│").split("│") if c.strip()]
            assert any(all(any(c in t for t in row) for c in cells) for row in rows), (cmd, line)
        shown = sum(1 for ln in lines if ln.split("│")[1].strip())   # lines that start a row
        assert shown <= len(rows), cmd


def test_python_and_pandas_blocks_print_what_is_shown(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(workdir)
    monkeypatch.delenv("QUOTETRACK_DB", raising=False)
    if not (workdir / "quotetrack.db").exists():
        assert runner.invoke(app, ["ingest", "news.jsonl"]).exit_code == 0
    for code, shown in _python_blocks():
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            exec(compile(code, "README.md", "exec"), {"__name__": "__readme__"})  # noqa: S102 - our own README
        printed = [ln.strip() for ln in buf.getvalue().splitlines()]
        for line in shown.strip().splitlines():
            assert line.strip() in printed, (line, printed)
