"""Run the extractor over a stream of articles, turning per-article failures into problems.

One bad article (unreadable, pathological, timed out) never sinks a batch: its
error is reported with its file and line and the stream goes on.
"""
from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from .inputs import Article, Item, Problem
from .pipeline import extract
from .types import Quote

log = logging.getLogger(__name__)


@dataclass(slots=True)
class ArticleResult:
    article: Article | None
    quotes: list[Quote] = field(default_factory=list)
    problem: Problem | None = None


def extract_article(article: Article) -> ArticleResult:
    try:
        return ArticleResult(article, extract(article.text))
    except TimeoutError:
        return ArticleResult(article, [], Problem(article.source, article.line,
                                                  f"article {article.id!r}: extraction timed out (pathological text); skipped"))
    except RecursionError:
        return ArticleResult(article, [], Problem(article.source, article.line,
                                                  f"article {article.id!r}: text too deeply nested; skipped"))


def extract_items(items: Iterable[Item]) -> Iterator[ArticleResult]:
    for item in items:
        if isinstance(item, Problem):
            yield ArticleResult(None, [], item)
        else:
            yield extract_article(item)
