"""Read one saved HTML page as an Article (offline).

Body text comes from trafilatura, the publication date from htmldate (the
original date, not the last modification) and the outlet from the site name
in the page metadata (og:site_name etc.), falling back to the URL's host.
Nothing is fetched from the network.

Parsing is bounded: pages over ``MAX_HTML_BYTES`` are refused unread, the attributes of a
tag with more than ``MAX_TAG_ATTRIBUTES`` are dropped before parsing (libxml2 checks each
new attribute against all earlier ones: 40,000 attributes cost over a minute), and the
whole parse runs under the per-article time budget of ``timed_extract``.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

from .inputs import MAX_ARTICLE_CHARS, Article, Item, Problem, checked
from .timed_extract import budget_from_env, call_bounded

log = logging.getLogger(__name__)

#: A saved news page is rarely over 2 MB; larger files are refused without being read.
MAX_HTML_BYTES = 10_000_000
#: Tags with more attributes than this keep only their name (no real page comes near it).
MAX_TAG_ATTRIBUTES = 1000
#: An opening tag this long is checked for its number of attributes; shorter ones cannot hold too many.
_LONG_TAG = re.compile(r"<([A-Za-z][\w:-]*)([^<>]{%d,})>" % (MAX_TAG_ATTRIBUTES * 3))


def _drop_attribute_floods(html: str) -> str:
    """Tags carrying more than MAX_TAG_ATTRIBUTES attributes (words) lose them all (linear scan)."""
    def repl(m: re.Match[str]) -> str:
        return f"<{m.group(1)}>" if len(m.group(2).split()) > MAX_TAG_ATTRIBUTES else m.group(0)

    return _LONG_TAG.sub(repl, html)


def _parse(html: str) -> tuple[str | None, object, str | None]:
    import trafilatura
    from htmldate import find_date

    text = trafilatura.extract(html, include_comments=False, include_tables=False,
                               favor_precision=True, with_metadata=False)
    meta = trafilatura.extract_metadata(html)
    date = find_date(html, original_date=True, extensive_search=False, outputformat="%Y-%m-%d")
    return text, meta, date


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        from trafilatura.utils import decode_file

        return str(decode_file(raw))


def read_html_file(path: Path, article_id: str | None = None) -> Iterator[Item]:
    """``html_reader`` for quotetrack.inputs.read_inputs: one page → one Article or a Problem.
    Its id is ``article_id`` (the path relative to the ingest root), else the file's name."""
    src = str(path)
    try:
        with path.open("rb") as f:
            raw = f.read(MAX_HTML_BYTES + 1)
    except OSError as e:
        yield Problem(src, None, f"cannot read: {e.strerror or e}")
        return
    if len(raw) > MAX_HTML_BYTES:
        yield Problem(src, None, f"HTML file too large (> {MAX_HTML_BYTES:,} bytes); not read")
        return
    html = _drop_attribute_floods(_decode(raw))
    del raw
    import htmldate  # noqa: F401 - imported outside the time budget (the first import takes ~1 s)
    import trafilatura  # noqa: F401

    try:
        text, meta, date = call_bounded(lambda: _parse(html), budget_from_env(), "HTML parsing")
    except TimeoutError as e:
        yield Problem(src, None, f"cannot parse HTML: {e}; skipped")
        return
    except Exception as e:  # noqa: BLE001 - a malformed page is one bad article
        yield Problem(src, None, f"cannot parse HTML: {type(e).__name__}: {e}")
        return
    if not text or not text.strip():
        yield Problem(src, None, "no article text found in the HTML page")
        return
    if len(text) > MAX_ARTICLE_CHARS:
        yield Problem(src, None, f"article too long ({len(text):,} characters)")
        return
    url = getattr(meta, "url", None) if meta is not None else None
    outlet = getattr(meta, "sitename", None) if meta is not None else None
    if not outlet and url:
        outlet = urlparse(url).netloc.removeprefix("www.") or None
    title = getattr(meta, "title", None) if meta is not None else None
    if not date and meta is not None:
        date = getattr(meta, "date", None)
    yield checked(Article(id=article_id or path.name, text=text, outlet=outlet or None, date=date or None,
                          title=title or None, url=url or None, source=src))


html_reader = read_html_file

__all__ = ["read_html_file", "html_reader"]
