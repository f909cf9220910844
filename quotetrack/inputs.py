"""Read articles from files, directories and stdin, one at a time.

Readers stream (a 100 MB JSONL file is never loaded whole) and never raise on
bad data: each unreadable record becomes a ``Problem`` naming its file and line,
and the caller goes on with the next article.
"""
from __future__ import annotations

import io
import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

#: Articles longer than this are refused (characters); extraction is linear but
#: a single absurd record should not stall a batch.
MAX_ARTICLE_CHARS = 20_000_000
#: Bytes a .txt article or one JSONL line may hold (4 UTF-8 bytes per character at
#: most). Larger files and lines are refused before they are read into memory.
MAX_ARTICLE_BYTES = 4 * MAX_ARTICLE_CHARS

TEXT_SUFFIXES = {".txt"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
HTML_SUFFIXES = {".html", ".htm"}


@dataclass(slots=True)
class Article:
    """One article to extract from; metadata is optional."""

    id: str
    text: str
    outlet: str | None = None
    date: str | None = None
    title: str | None = None
    url: str | None = None
    source: str = ""
    line: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def where(self) -> str:
        return f"{self.source}:{self.line}" if self.line is not None else self.source


@dataclass(slots=True)
class Problem:
    """A record that could not be read: where it is and why, in one line."""

    source: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: {self.message}"


Item = Article | Problem


def _looks_binary(head: bytes) -> bool:
    return b"\x00" in head


def _decode(raw: bytes, source: str, line: int | None) -> str | Problem:
    try:
        return raw.decode("utf-8-sig" if line in (None, 1) else "utf-8")
    except UnicodeDecodeError as e:
        return Problem(source, line, f"invalid UTF-8 at byte {e.start}: {raw[e.start:e.start + 4]!r}")


def read_text_file(path: Path, meta: dict[str, Any] | None = None, *, source: str | None = None,
                   stream: BinaryIO | None = None) -> Iterator[Item]:
    """A plain-text file is one article whose id is the file's stem."""
    src = source or str(path)
    try:
        if stream is None and path.stat().st_size > MAX_ARTICLE_BYTES:
            yield Problem(src, None, f"file too large for one article ({path.stat().st_size:,} bytes > "
                                     f"{MAX_ARTICLE_BYTES:,}); not read. Split it, or use .jsonl (one article a line)")
            return
        raw = stream.read(MAX_ARTICLE_BYTES + 1) if stream is not None else path.read_bytes()
    except OSError as e:
        yield Problem(src, None, f"cannot read: {e.strerror or e}")
        return
    if len(raw) > MAX_ARTICLE_BYTES:
        yield Problem(src, None, f"input too large for one article (> {MAX_ARTICLE_BYTES:,} bytes); not read")
        return
    if _looks_binary(raw[:8192]):
        yield Problem(src, None, "binary file (NUL bytes), not text")
        return
    text = _decode(raw, src, None)
    if isinstance(text, Problem):
        yield text
        return
    if not text.strip():
        yield Problem(src, None, "empty file: no text")
        return
    if len(text) > MAX_ARTICLE_CHARS:
        yield Problem(src, None, f"article too long ({len(text):,} characters > {MAX_ARTICLE_CHARS:,})")
        return
    m = dict(meta or {})
    yield Article(id=str(m.pop("id", None) or path.stem), text=text, outlet=m.pop("outlet", None),
                  date=m.pop("date", None), title=m.pop("title", None), url=m.pop("url", None),
                  source=src, extra=m)


def _str_or_none(v: Any) -> str | None:
    if v is None:
        return None
    s = str(v).strip()
    return s or None


def parse_jsonl_record(raw: bytes, src: str, n: int) -> Item | None:
    """One JSONL line → Article, Problem, or None for a blank line."""
    if not raw.strip():
        return None
    if _looks_binary(raw):
        return Problem(src, n, "binary data (NUL bytes), not a JSON line")
    line = _decode(raw, src, n)
    if isinstance(line, Problem):
        return line
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as e:
        return Problem(src, n, f"not JSON: {e.msg} at column {e.colno}")
    if not isinstance(obj, dict):
        return Problem(src, n, f"not a JSON object but {type(obj).__name__}")
    text = obj.get("text")
    if not isinstance(text, str):
        return Problem(src, n, "no 'text' field" if text is None else "'text' is not a string")
    if not text.strip():
        return Problem(src, n, "'text' is empty")
    if len(text) > MAX_ARTICLE_CHARS:
        return Problem(src, n, f"article too long ({len(text):,} characters > {MAX_ARTICLE_CHARS:,})")
    aid = obj.get("id", obj.get("article_id"))
    aid = str(aid) if aid not in (None, "") else f"{Path(src).stem}:{n}"
    known = {"id", "article_id", "text", "outlet", "date", "title", "url"}
    return Article(id=aid, text=text, outlet=_str_or_none(obj.get("outlet")), date=_str_or_none(obj.get("date")),
                   title=_str_or_none(obj.get("title")), url=_str_or_none(obj.get("url")), source=src, line=n,
                   extra={k: v for k, v in obj.items() if k not in known})


def read_jsonl_stream(stream: BinaryIO, src: str, max_line: int = MAX_ARTICLE_BYTES) -> Iterator[Item]:
    """Stream a JSONL byte stream line by line; memory is bounded by ``max_line`` bytes."""
    n = 0
    while True:
        raw = stream.readline(max_line + 1)
        if not raw:
            return
        n += 1
        if len(raw) > max_line:
            # an over-long line: skip the rest of it without keeping it in memory
            while not raw.endswith(b"\n"):
                raw = stream.readline(1 << 20)
                if not raw:
                    break
            yield Problem(src, n, f"line longer than {max_line:,} bytes; skipped")
            continue
        item = parse_jsonl_record(raw, src, n)
        if item is not None:
            yield item


def read_jsonl_file(path: Path) -> Iterator[Item]:
    try:
        f = path.open("rb")
    except OSError as e:
        yield Problem(str(path), None, f"cannot read: {e.strerror or e}")
        return
    with f:
        yield from read_jsonl_stream(f, str(path))


def read_stdin(meta: dict[str, Any] | None = None, stream: BinaryIO | None = None) -> Iterator[Item]:
    """stdin holds JSONL when its first non-blank byte is '{', otherwise one text article."""
    s = stream if stream is not None else sys.stdin.buffer
    buffered = s if isinstance(s, io.BufferedReader) else io.BufferedReader(s)  # type: ignore[arg-type]
    head = buffered.peek(4096)[:4096].lstrip()
    if head.startswith(b"{"):
        yield from read_jsonl_stream(buffered, "<stdin>")
    else:
        yield from read_text_file(Path("stdin"), meta, source="<stdin>", stream=buffered)


def iter_paths(path: Path) -> Iterator[Path]:
    """Files under a directory in a stable order, skipping hidden ones."""
    for root, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def read_path(path: Path, meta: dict[str, Any] | None = None,
              html_reader: Any = None) -> Iterator[Item]:
    """Dispatch on the file type; directories are walked recursively.

    ``html_reader(path) -> Iterator[Item]`` handles .html files when given
    (ingest passes one); otherwise HTML files are reported as unsupported.
    """
    if str(path) == "-":
        yield from read_stdin(meta)
        return
    if not path.exists():
        yield Problem(str(path), None, "no such file or directory")
        return
    if path.is_dir():
        found = False
        for p in iter_paths(path):
            suf = p.suffix.lower()
            if suf in TEXT_SUFFIXES | JSONL_SUFFIXES or (suf in HTML_SUFFIXES and html_reader is not None):
                found = True
                yield from read_path(p, None, html_reader)
        if not found:
            yield Problem(str(path), None, "directory holds no .txt, .jsonl or .html files")
        return
    suf = path.suffix.lower()
    if suf in JSONL_SUFFIXES:
        yield from read_jsonl_file(path)
    elif suf in HTML_SUFFIXES:
        if html_reader is None:
            yield Problem(str(path), None, "HTML is read by 'quotetrack ingest'; extract takes .txt or .jsonl")
        else:
            yield from html_reader(path)
    else:
        yield from read_text_file(path, meta)


def read_inputs(paths: Iterable[str | Path], meta: dict[str, Any] | None = None,
                html_reader: Any = None) -> Iterator[Item]:
    for p in paths:
        yield from read_path(Path(p) if str(p) != "-" else Path("-"), meta, html_reader)
