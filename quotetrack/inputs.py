"""Read articles from files, directories and stdin, one at a time.

Readers stream (a 100 MB JSONL file is never loaded whole) and never raise on
bad data: each unreadable record becomes a ``Problem`` naming its file and line,
and the caller goes on with the next article.
"""
from __future__ import annotations

import hashlib
import io
import json
import os
import re
import stat
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

#: UTF-8 bytes an article id or an outlet name may hold: both are unique keys, and a PostgreSQL
#: btree index entry holds at most ~2,700 bytes (a longer one aborts the whole batch).
MAX_KEY_BYTES = 1000
#: Bytes read at a time when a line or file is streamed without being held whole.
CHUNK_BYTES = 1 << 20

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

_SURROGATE = re.compile("[\ud800-\udfff]")
_CHECKED_FIELDS = ("id", "text", "outlet", "title", "url", "date")


def article_problem(a: Article) -> str | None:
    """Why no database can store ``a`` as it is (None when it can): a lone surrogate in any field (not
    encodable as UTF-8), a NUL in its metadata (PostgreSQL refuses it, even in a lookup), or an id
    or outlet too long for a unique index. Checked before a record joins a batch, so it fails alone."""
    for name in _CHECKED_FIELDS:
        v = getattr(a, name)
        if v is None:
            continue
        if name != "text" and "\x00" in v:  # a NUL in the text is the database's call (SQLite keeps it)
            return f"NUL character in '{name}' at character {v.index(chr(0))}"
        m = _SURROGATE.search(v)
        if m is not None:
            return f"lone surrogate {ascii(m.group())} in '{name}' at character {m.start()} (not valid Unicode)"
    for name in ("id", "outlet"):
        v = getattr(a, name)
        if v is not None and len(v) * 4 > MAX_KEY_BYTES and len(v.encode()) > MAX_KEY_BYTES:
            return f"'{name}' too long ({len(v.encode()):,} bytes > {MAX_KEY_BYTES:,})"
    return None


def checked(a: Article) -> Item:
    """``a``, or the Problem that keeps it out of the database."""
    why = article_problem(a)
    return a if why is None else Problem(a.source or a.id, a.line, f"article {a.id[:80]!r}: {why}")


def text_id(text: str, prefix: str = "stdin") -> str:
    """The id of an article that came without one and without a file name: its content, hashed
    (the same text is the same article; two different texts never collide)."""
    return f"{prefix}:{hashlib.sha256(text.encode('utf-8', 'surrogatepass')).hexdigest()[:16]}"


def _looks_binary(head: bytes) -> bool:
    return b"\x00" in head


def _decode(raw: bytes, source: str, line: int | None) -> str | Problem:
    try:
        return raw.decode("utf-8-sig")  # a BOM is stripped wherever it starts a file or a line
    except UnicodeDecodeError as e:
        return Problem(source, line, f"invalid UTF-8 at byte {e.start}: {raw[e.start:e.start + 4]!r}")


def is_regular(path: Path) -> bool:
    """A regular file (not a FIFO, device or socket, which may never end or block when opened)."""
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False


def _read_limited(f: BinaryIO, limit: int) -> bytes:
    """Up to ``limit + 1`` bytes, stopping early at binary data (NUL bytes in the first chunk)."""
    head = f.read(min(CHUNK_BYTES, limit + 1))
    if _looks_binary(head[:8192]) or len(head) > limit:
        return head
    parts = [head]
    size = len(head)
    while size <= limit:
        chunk = f.read(min(CHUNK_BYTES, limit + 1 - size))
        if not chunk:
            break
        parts.append(chunk)
        size += len(chunk)
    return b"".join(parts)


def read_text_file(path: Path, meta: dict[str, Any] | None = None, *, source: str | None = None,
                   stream: BinaryIO | None = None, article_id: str | None = None) -> Iterator[Item]:
    """A plain-text file is one article. Its id is ``meta["id"]``, else ``article_id`` (the path
    relative to the ingest root, see ``file_id``), else the hash of its text (stdin)."""
    src = source or str(path)
    try:
        if stream is None and is_regular(path) and path.stat().st_size > MAX_ARTICLE_BYTES:
            yield Problem(src, None, f"file too large for one article ({path.stat().st_size:,} bytes > "
                                     f"{MAX_ARTICLE_BYTES:,}); not read. Split it, or use .jsonl (one article a line)")
            return
        if stream is not None:
            raw = _read_limited(stream, MAX_ARTICLE_BYTES)
        else:
            with path.open("rb") as f:
                raw = _read_limited(f, MAX_ARTICLE_BYTES)
    except OSError as e:
        yield Problem(src, None, f"cannot read: {e.strerror or e}")
        return
    if _looks_binary(raw[:8192]):
        yield Problem(src, None, "binary file (NUL bytes), not text")
        return
    if len(raw) > MAX_ARTICLE_BYTES:
        yield Problem(src, None, f"input too large for one article (> {MAX_ARTICLE_BYTES:,} bytes); not read")
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
    aid = str(m.pop("id", None) or article_id or text_id(text))
    yield checked(Article(id=aid, text=text, outlet=m.pop("outlet", None),
                  date=m.pop("date", None), title=m.pop("title", None), url=m.pop("url", None),
                  source=src, extra=m))


def _str_or_none(v: Any) -> str | None:
    if v is None:
        return None
    s = str(v).strip()
    return s or None


def parse_jsonl_record(raw: bytes, src: str, n: int, key: str | None = None) -> Item | None:
    """One JSONL line → Article, Problem, or None for a blank line; never raises, whatever the line
    holds (nesting deeper than the parser's recursion, a 5,000-digit number, a lone surrogate).

    A record without an id gets ``key:n`` (``key`` names the file, see ``file_id``), or the hash
    of its text when there is no file (stdin)."""
    try:
        return _parse_jsonl_record(raw, src, n, key)
    except RecursionError:
        return Problem(src, n, "JSON nested too deeply")
    except Exception as e:  # noqa: BLE001 - one record's failure is a Problem, not a crash
        return Problem(src, n, f"unreadable record ({type(e).__name__}: {str(e)[:200]})")


def _parse_jsonl_record(raw: bytes, src: str, n: int, key: str | None) -> Item | None:
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
    except ValueError as e:  # e.g. an integer of more than 4,300 digits
        return Problem(src, n, f"not JSON this reader accepts: {str(e).splitlines()[0].split(';')[0][:200]}")
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
    if aid in (None, ""):
        aid = f"{key}:{n}" if key is not None else text_id(text)
    elif isinstance(aid, (dict, list)):
        return Problem(src, n, f"'id' is not a string or a number but {type(aid).__name__}")
    aid = str(aid)
    known = {"id", "article_id", "text", "outlet", "date", "title", "url"}
    return checked(Article(id=aid, text=text, outlet=_str_or_none(obj.get("outlet")), date=_str_or_none(obj.get("date")),
                   title=_str_or_none(obj.get("title")), url=_str_or_none(obj.get("url")), source=src, line=n,
                   extra={k: v for k, v in obj.items() if k not in known}))


def read_jsonl_stream(stream: BinaryIO, src: str, max_line: int = MAX_ARTICLE_BYTES,
                      key: str | None = None) -> Iterator[Item]:
    """Stream a JSONL byte stream line by line; memory is bounded by ``max_line`` bytes.

    Binary data (NUL bytes) where a line should start ends the file with one Problem: a device
    such as /dev/zero never ends and holds no lines."""
    n = 0
    while True:
        try:
            raw = stream.readline(min(max_line + 1, CHUNK_BYTES))
            if not raw:
                return
            n += 1
            if _looks_binary(raw[:8192]) and not raw.endswith(b"\n"):
                yield Problem(src, n, "binary data (NUL bytes) and no line end; the rest is not read")
                return
            parts = [raw]
            size = len(raw)
            while size <= max_line and not parts[-1].endswith(b"\n"):
                more = stream.readline(min(max_line + 1 - size, CHUNK_BYTES))
                if not more:
                    break
                parts.append(more)
                size += len(more)
            if size > max_line:
                # an over-long line: skip the rest of it without keeping it in memory
                last = parts[-1]
                parts.clear()
                while not last.endswith(b"\n"):
                    last = stream.readline(CHUNK_BYTES)
                    if not last:
                        break
                yield Problem(src, n, f"line longer than {max_line:,} bytes; skipped")
                continue
            raw = parts[0] if len(parts) == 1 else b"".join(parts)
        except OSError as e:
            yield Problem(src, n or None, f"cannot read: {e.strerror or e}")
            return
        item = parse_jsonl_record(raw, src, n, key)
        if item is not None:
            yield item


def read_jsonl_file(path: Path, key: str | None = None) -> Iterator[Item]:
    try:
        f = path.open("rb")
    except OSError as e:
        yield Problem(str(path), None, f"cannot read: {e.strerror or e}")
        return
    with f:
        yield from read_jsonl_stream(f, str(path), key=key if key is not None else file_id(path, path))


def read_stdin(meta: dict[str, Any] | None = None, stream: BinaryIO | None = None) -> Iterator[Item]:
    """stdin holds JSONL when its first non-blank byte (after a BOM) is '{', otherwise one text article.

    A text article's id is ``meta["id"]`` (``ingest --id``), else the hash of its text; a JSONL
    record without an id gets the hash of its text."""
    s = stream if stream is not None else sys.stdin.buffer
    buffered = s if isinstance(s, io.BufferedReader) else io.BufferedReader(s)  # type: ignore[arg-type]
    head = buffered.peek(4096)[:4096].removeprefix(b"\xef\xbb\xbf").lstrip()
    if head.startswith(b"{"):
        yield from read_jsonl_stream(buffered, "<stdin>")
    else:
        yield from read_text_file(Path("stdin"), meta, source="<stdin>", stream=buffered)


def file_id(path: Path, root: Path) -> str:
    """The id of the article in file ``path`` found under the ingest argument ``root``: the path
    relative to ``root``'s parent, so it starts with ``root``'s own name (``site/2018/01/index.html``
    for ``ingest site``; ``article.txt`` for ``ingest a/article.txt``). It does not depend on the
    current directory, and two files under one root never share an id."""
    base = Path(os.path.abspath(root)).parent
    return Path(os.path.abspath(path)).relative_to(base).as_posix()


def iter_paths(path: Path) -> Iterator[Path]:
    """Files under a directory in a stable order, skipping hidden ones."""
    for root, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def read_path(path: Path, meta: dict[str, Any] | None = None,
              html_reader: Any = None, root: Path | None = None) -> Iterator[Item]:
    """Dispatch on the file type; directories are walked recursively.

    ``html_reader(path, article_id) -> Iterator[Item]`` handles .html files when given
    (ingest passes one); otherwise HTML files are reported as unsupported. ``root`` is the
    ingest argument ``path`` was found under (itself when named directly); ids derive from it.
    Inside a directory only regular files are read (a FIFO there would block, a device never end);
    one named directly is streamed.
    """
    if str(path) == "-":
        yield from read_stdin(meta)
        return
    if not path.exists():
        yield Problem(str(path), None, "no such file or directory")
        return
    root = root if root is not None else path
    if path.is_dir():
        found = False
        for p in iter_paths(path):
            suf = p.suffix.lower()
            if suf in TEXT_SUFFIXES | JSONL_SUFFIXES or (suf in HTML_SUFFIXES and html_reader is not None):
                found = True
                if not is_regular(p):
                    yield Problem(str(p), None, "not a regular file (a FIFO, device or socket); skipped")
                    continue
                yield from read_path(p, None, html_reader, root)
        if not found:
            yield Problem(str(path), None, "directory holds no .txt, .jsonl or .html files")
        return
    suf = path.suffix.lower()
    key = file_id(path, root)
    if suf in JSONL_SUFFIXES:
        yield from read_jsonl_file(path, key)
    elif suf in HTML_SUFFIXES:
        if html_reader is None:
            yield Problem(str(path), None, "HTML is read by 'quotetrack ingest'; extract takes .txt or .jsonl")
        else:
            yield from html_reader(path, key)
    else:
        yield from read_text_file(path, meta, article_id=key)


def read_inputs(paths: Iterable[str | Path], meta: dict[str, Any] | None = None,
                html_reader: Any = None) -> Iterator[Item]:
    for p in paths:
        yield from read_path(Path(p) if str(p) != "-" else Path("-"), meta, html_reader)
