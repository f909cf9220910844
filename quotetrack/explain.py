"""Human-readable explanations of extraction results (for `extract --explain`)."""
from __future__ import annotations

from rich.text import Text

from .extractor.quote import Quote
from .terminal import printable


def sentence_window(text: str, q: Quote, margin: int = 160) -> tuple[int, int]:
    lo = min(q.start, q.mention_start if q.mention_start is not None else q.start,
             q.cue_start if q.cue_start is not None else q.start)
    hi = max(q.end, q.mention_end or q.end, q.cue_end or q.end)
    a = max(0, text.rfind("\n", 0, lo) + 1, lo - margin)
    nl = text.find("\n", hi)
    b = min(len(text), nl if nl >= 0 else len(text), hi + margin)
    return a, b


def highlight(text: str, q: Quote) -> Text:
    """The quote's sentence with the cue, the speaker mention and the content marked."""
    a, b = sentence_window(text, q)
    t = Text(printable(text[a:b], same_length=True))
    t.stylize("bold green", q.start - a, q.end - a)
    if q.mention_start is not None and q.mention_end is not None:
        t.stylize("bold cyan", q.mention_start - a, q.mention_end - a)
    if q.cue_start is not None and q.cue_end is not None:
        t.stylize("bold magenta", q.cue_start - a, q.cue_end - a)
    return t
