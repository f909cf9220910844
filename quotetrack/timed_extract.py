"""Run the extractor over a stream of articles, turning per-article failures into problems.

One bad article (unreadable, pathological, timed out) never sinks a batch: its
error is reported with its file and line and the stream goes on.
"""
from __future__ import annotations

import gc
import logging
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from types import FrameType
from typing import TypeVar

from .settings import seconds_from_env
from .inputs import Article, Item, Problem
from .extractor import extract, without_own_outlet
from .extractor.quote import Quote

log = logging.getLogger(__name__)

#: Wall-clock budget for extracting ONE article, in seconds (``QUOTETRACK_EXTRACT_TIMEOUT``
#: overrides; 0 turns the guard off). A typical news article takes ~15 ms and a
#: 1 MB article ~7 s, so only pathological text reaches it.
DEFAULT_BUDGET_S = 10.0
BUDGET_ENV = "QUOTETRACK_EXTRACT_TIMEOUT"
_T = TypeVar("_T")


class ExtractionTimeout(TimeoutError):
    """extract() (or HTML parsing) ran past its per-article budget and was interrupted."""


def budget_from_env() -> float:
    """The per-article budget in seconds (``QUOTETRACK_EXTRACT_TIMEOUT``); raises ConfigError when malformed."""
    return seconds_from_env(BUDGET_ENV, DEFAULT_BUDGET_S)


def _guard_available() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def call_bounded(fn: Callable[[], _T], limit: float, what: str = "extraction") -> _T:
    """``fn()``, interrupted with ``ExtractionTimeout`` after ``limit`` seconds (0: no limit).

    The guard is a POSIX interval timer (``SIGALRM``) whose handler raises inside
    ``fn``, so it stops pure-Python loops as well as data-built regexes (which also
    carry their own ``timeout=``); a long call into C (lxml) is stopped when it returns.
    It needs the main thread of its process (the CLI, and each worker process of a
    pool); on any other thread ``fn`` runs without the wall-clock guard. A timer
    already armed by the caller is restored afterwards.
    """
    if limit <= 0 or not _guard_available():
        return fn()
    armed = True

    def _on_alarm(signum: int, frame: FrameType | None) -> None:
        if armed:
            raise ExtractionTimeout(f"{what} exceeded its {limit:g} s budget")

    t0 = time.monotonic()
    # no cyclic GC while the timer is armed: an alarm landing in a gc callback is an "unraisable"
    # exception, lost (and, under pytest, reported as an error); cycles are collected once it is back on
    gc_was_on = gc.isenabled()
    gc.disable()
    old_handler = signal.signal(signal.SIGALRM, _on_alarm)
    # re-fire every 50 ms: an alarm that lands where Python ignores exceptions
    # (a gc callback, a __del__) is raised again at the next one
    old_delay, old_interval = signal.setitimer(signal.ITIMER_REAL, limit, 0.05)
    try:
        return fn()
    finally:
        armed = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old_handler)
        if gc_was_on:
            gc.enable()
        if old_delay > 0:  # give the caller's timer back what is left of it
            signal.setitimer(signal.ITIMER_REAL, max(old_delay - (time.monotonic() - t0), 1e-3), old_interval)


def extract_bounded(text: str, budget: float | None = None) -> list[Quote]:
    """``extract(text)``, interrupted with ``ExtractionTimeout`` after ``budget`` seconds
    (default: ``QUOTETRACK_EXTRACT_TIMEOUT``, else 10 s; see ``call_bounded``)."""
    return call_bounded(lambda: extract(text), budget_from_env() if budget is None else budget)


@dataclass(slots=True)
class ArticleResult:
    article: Article | None
    quotes: list[Quote] = field(default_factory=list)
    problem: Problem | None = None


def extract_article(article: Article, budget: float | None = None) -> ArticleResult:
    try:
        return ArticleResult(article, without_own_outlet(extract_bounded(article.text, budget), article.outlet))
    except TimeoutError as e:
        return ArticleResult(article, [], Problem(article.source, article.line,
                                                  f"article {article.id!r}: extraction timed out ({e}; "
                                                  f"pathological text); skipped"))
    except RecursionError:
        return ArticleResult(article, [], Problem(article.source, article.line,
                                                  f"article {article.id!r}: text too deeply nested; skipped"))


def extract_items(items: Iterable[Item], budget: float | None = None) -> Iterator[ArticleResult]:
    """Each item's quotes or problem; the budget is read (and checked) once, before the first."""
    budget = budget_from_env() if budget is None else budget
    for item in items:
        if isinstance(item, Problem):
            yield ArticleResult(None, [], item)
        else:
            yield extract_article(item, budget)
