"""Read one saved HTML page as an Article (offline).

Body text comes from trafilatura, the publication date from htmldate (the
original date, not the last modification) and the outlet from the site name
in the page metadata (og:site_name etc.), falling back to the URL's host.
Nothing is fetched from the network.
"""
from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

from .inputs import MAX_ARTICLE_CHARS, Article, Item, Problem

log = logging.getLogger(__name__)

MAX_HTML_BYTES = 50_000_000


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        from trafilatura.utils import decode_file

        return str(decode_file(raw))


def read_html_file(path: Path) -> Iterator[Item]:
    """``html_reader`` for quotetrack.inputs.read_inputs: one page → one Article or a Problem."""
    src = str(path)
    try:
        raw = path.read_bytes()
    except OSError as e:
        yield Problem(src, None, f"cannot read: {e.strerror or e}")
        return
    if len(raw) > MAX_HTML_BYTES:
        yield Problem(src, None, f"HTML file too large ({len(raw):,} bytes)")
        return
    html = _decode(raw)
    try:
        import trafilatura
        from htmldate import find_date

        text = trafilatura.extract(html, include_comments=False, include_tables=False,
                                   favor_precision=True, with_metadata=False)
        meta = trafilatura.extract_metadata(html)
        date = find_date(html, original_date=True, extensive_search=False, outputformat="%Y-%m-%d")
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
    yield Article(id=path.stem, text=text, outlet=outlet or None, date=date or None, title=title or None,
                  url=url or None, source=src)


html_reader = read_html_file

__all__ = ["read_html_file", "html_reader"]
