"""Stored text made safe for a terminal: article data is data, never markup or control sequences.

Titles, quotes and outlet names come from crawled pages. Printed raw, an ESC sequence clears the
screen, an OSC sets the window title or a hyperlink, and an RLO (U+202E) reverses every
character after it. ``printable`` neutralizes all of these; every table and ``show`` print
through it, and as ``rich.text.Text`` (never a markup string), so ``[/bold]`` stays text.
"""
from __future__ import annotations

import re
from typing import Any

#: Bidi embeddings, overrides and isolates (LRE RLE PDF LRO RLO, LRI RLI FSI PDI): dropped from data,
#: since an unbalanced one reorders everything after it. Marks (LRM, RLM, ALM) only affect their
#: neighbours and stay.
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"

FSI = "\u2068"   # first strong isolate: the cell's own first letter sets its direction
PDI = "\u2069"   # pop directional isolate

_TABLE: dict[int, int | None] = {c: 0x2400 + c for c in range(0x20)}     # C0 controls -> their visible pictures (␛, ␀, ␍)
_TABLE[0x7F] = 0x2421                               # DEL -> ␡
_TABLE.update({c: 0xFFFD for c in range(0x80, 0xA0)})   # C1 controls (8-bit CSI, OSC ...) -> �
_TABLE.update({ord(c): None for c in BIDI_CONTROLS})
_TABLE[ord("\t")] = ord(" ")
_KEEP_NEWLINES = dict(_TABLE)
_KEEP_NEWLINES[ord("\n")] = ord("\n")
#: Same, one character for one (bidi controls become a zero-width space), so offsets stay valid.
_SAME_LENGTH = dict(_KEEP_NEWLINES)
_SAME_LENGTH.update({ord(c): 0x200B for c in BIDI_CONTROLS})

_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")


def printable(value: Any, *, newlines: bool = True, same_length: bool = False) -> str:
    """``value`` as text with control, escape and bidi-override characters neutralized.

    C0 controls become their visible Unicode pictures (ESC shows as ␛), C1 controls become
    U+FFFD, bidi embeddings/overrides/isolates are dropped (``same_length``: replaced by a
    zero-width space, so character offsets into the text stay valid); ``newlines`` keeps line breaks.
    """
    s = "" if value is None else str(value)
    return s.translate(_SAME_LENGTH if same_length else _KEEP_NEWLINES if newlines else _TABLE)


def isolated(value: Any) -> str:
    """``printable(value)``, wrapped in a bidi isolate when it holds Arabic, so a right-to-left
    cell never reorders the columns or punctuation around it."""
    s = printable(value)
    return f"{FSI}{s}{PDI}" if _ARABIC.search(s) else s


def safe_text(value: Any, style: str = "", *, isolate: bool = False, **kwargs: Any) -> Any:
    """A ``rich.text.Text`` of ``printable(value)`` (``isolated`` with ``isolate``): printed as is,
    never parsed as markup."""
    from rich.text import Text

    return Text(isolated(value) if isolate else printable(value), style=style, **kwargs)
