"""Refresh the output shown in README's "Asking questions" section from a real run.

    python tools/refresh_readme.py [--corpus ../shared/corpus/news.jsonl]

Every ``$ quotetrack …`` line of the section's console blocks is run in a scratch directory holding the
corpus (the first command is its ingest), and the lines after it, up to the next command or the end of the
block, are replaced with what it printed (120 columns, without the bidi isolation marks tables put around
Arabic cells, which would be invisible in the README). Each python block is run the same way and the text
block after it replaced with what it printed. ``tests/test_docs_readme.py`` checks the result; run this
after a change that moves the figures (the extractor, speaker identity), then read the diff.
"""
from __future__ import annotations

import argparse
import contextlib
import io
import os
import re
import shlex
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
SECTION = "## Asking questions"
_ISOLATES = str.maketrans("", "", "\u2066\u2067\u2068\u2069")


def _run(args: list[str]) -> str:
    from typer.testing import CliRunner

    from quotetrack.cli import app

    r = CliRunner().invoke(app, args, env={"COLUMNS": "120", "QUOTETRACK_DB": ""})
    if r.exit_code != 0:
        sys.exit(f"quotetrack {shlex.join(args)} exited {r.exit_code}: {r.output[-500:]}")
    return r.stdout.translate(_ISOLATES).rstrip("\n")


def _console(block: str) -> str:
    out: list[str] = []
    for line in block.splitlines():
        if line.startswith("$ quotetrack "):
            out.append(line)
            printed = _run(shlex.split(line)[2:])
            if printed and not line.startswith("$ quotetrack ingest"):
                out.extend(ln.rstrip() for ln in printed.splitlines())
    return "\n".join(out) + "\n"


def _python(code: str) -> str:
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        exec(compile(code, "README.md", "exec"), {"__name__": "__readme__"})  # noqa: S102 - our own README
    return buf.getvalue().translate(_ISOLATES)


def refresh(text: str) -> str:
    start = text.index(SECTION)
    end = text.index("\n## ", start + 3)
    section = text[start:end]
    section = re.sub(r"```console\n(.*?)```", lambda m: "```console\n" + _console(m.group(1)) + "```",
                     section, flags=re.S)
    section = re.sub(r"(```python\n(.*?)```\s*```text\n)(.*?)(```)",
                     lambda m: m.group(1) + _python(m.group(2)) + m.group(4), section, flags=re.S)
    return text[:start] + section + text[end:]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "news.jsonl")
    a = ap.parse_args()
    corpus = a.corpus.resolve()
    text = README.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as d:
        (Path(d) / "news.jsonl").symlink_to(corpus)
        cwd = os.getcwd()
        os.chdir(d)
        try:
            new = refresh(text)
        finally:
            os.chdir(cwd)
    README.write_text(new, encoding="utf-8")
    print("README.md: 'Asking questions' refreshed" if new != text else "README.md: unchanged")


if __name__ == "__main__":
    main()
