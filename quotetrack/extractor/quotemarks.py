"""Pair quotation marks into quoted spans.

Arabic news uses « », “ ” (in either order), " and „; writers mix them and
leave some unclosed. Pairing runs per paragraph on a stack per mark class; a
quote left open at a paragraph end continues when the next paragraph reopens
with the same class (one multi-paragraph quote), and is otherwise closed at the
paragraph end and flagged unbalanced.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

# class of each mark; directional ones carry a preferred role
_CLASS = {"«": "angle", "»": "angle", "“": "curly", "”": "curly", "„": "curly", "‟": "curly",
          '"': "ascii", "″": "ascii", "‹": "sangle", "›": "sangle"}
QUOTE_CHARS = frozenset(_CLASS)
_MARKS = re.compile("[" + "".join(re.escape(c) for c in _CLASS) + "]")  # (the stdlib re: faster on a plain class)


@dataclass(frozen=True, slots=True)
class QuotedSpan:
    open: int        # index of the opening mark
    close: int       # index of the closing mark (or of the paragraph end when unbalanced)
    mark: str
    balanced: bool = True

    @property
    def inner(self) -> tuple[int, int]:
        return self.open + 1, self.close


def _is_opener(text: str, i: int) -> bool:
    """Decide the role of a directional or ASCII mark from its neighbours."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if after.isspace() or after in ".,،؛:!?؟)" or i + 1 >= len(text):
        return False
    if before.isspace() or before in "(:[-—–/" or i == 0:
        return True
    # glued to a proclitic: بـ"…"، لـ«…»، و"…"
    return before in "ـبلوفك" and not (i >= 2 and text[i - 2].isalpha() and before not in "ـ")


def _after_colon(text: str, i: int, start: int) -> bool:
    j = i - 1
    while j >= start and text[j] == " ":
        j -= 1
    return j >= start and text[j] == ":"


def _sentence_end(text: str, open_: int, limit: int) -> int:
    """The index of the first sentence-ending mark after ``open_`` and before ``limit`` (else ``limit``)."""
    for j in range(open_ + 2, limit):
        if text[j] in ".؟!?" and (j + 1 >= len(text) or not text[j + 1].isdigit()):
            return j
    return limit


def find_quotes(text: str) -> list[QuotedSpan]:
    """All top-level quoted spans of ``text`` in order (nested ones are dropped)."""
    spans: list[QuotedSpan] = []
    carry: tuple[int, str] | None = None  # an open quote from the previous paragraph
    marks = list(map(re.Match.start, _MARKS.finditer(text)))  # (found once: most paragraphs hold none)
    pos = 0
    for para in text.split("\n"):
        start, end = pos, pos + len(para)
        pos = end + 1
        stack: list[tuple[int, str, str]] = []  # (index, class, mark)
        if carry is not None:
            first = para.lstrip()
            if first[:1] in QUOTE_CHARS and _CLASS[first[0]] == carry[1]:
                # the quote goes on: skip the reopening mark
                stack.append((carry[0], carry[1], "cont"))
                skip = start + (len(para) - len(first))
            else:  # never closed: it ends with its sentence (a quote never swallows the next source's report)
                spans.append(QuotedSpan(carry[0], _sentence_end(text, carry[0], start - 1), text[carry[0]],
                                        balanced=False))
                skip = -1
            carry = None
        else:
            skip = -1
        for i in marks[bisect.bisect_left(marks, start):bisect.bisect_left(marks, end)]:
            ch = text[i]
            cls = _CLASS[ch]
            if i == skip:
                continue
            top = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][1] == cls), None)
            if top is not None and _after_colon(text, i, start) and _sentence_end(text, stack[top][0], i) < i:
                # "… «أن هناك … محددة.وقال:»كل ما …»": a mark right after a colon opens speech; the quote still
                # open before it was never closed and ends with its own sentence
                o = stack.pop(top)
                del stack[top:]
                spans.append(QuotedSpan(o[0], _sentence_end(text, o[0], i), text[o[0]], balanced=False))
                stack.append((i, cls, ch))
                continue
            if ch in "«‹„":
                role_open = top is None or _is_opener(text, i)
                if top is not None and not _is_opener(text, i):
                    role_open = False
            elif ch in "»›":
                role_open = top is None and _is_opener(text, i)
            else:  # “ ” " ″ toggle: a mark closes the open one of its class
                role_open = top is None
                if top is None and i > start and text[i - 1].isalpha() and i + 1 < end and text[i + 1] in ":،,.":
                    continue  # "في تغريدة بحسابه بموقع تويتر”: “…": a stray closing mark, glued to a word and
                    # followed by punctuation, opens nothing
                if top is not None and _is_opener(text, i) and _sentence_end(text, stack[top][0], i) < i:
                    # "… "رفض الحزب التفاوض. وكان من المقرر … حول "انتقال …"": a mark that opens (space before,
                    # a word after) past a sentence end pairs with what follows; the quote still open was
                    # never closed and ends with its own sentence
                    o = stack.pop(top)
                    del stack[top:]
                    spans.append(QuotedSpan(o[0], _sentence_end(text, o[0], i), text[o[0]], balanced=False))
                    role_open = True
            if role_open:
                stack.append((i, cls, ch))
            elif top is not None:
                o = stack.pop(top)
                del stack[top:]  # anything opened inside and left open is dropped
                spans.append(QuotedSpan(o[0], i, text[o[0]]))
        opened = [s for s in stack if s[0] >= 0]
        if opened:
            o = opened[0]
            carry = (o[0], o[1])
    if carry is not None:
        spans.append(QuotedSpan(carry[0], _sentence_end(text, carry[0], len(text)), text[carry[0]], balanced=False))
    spans.sort(key=lambda s: (s.open, -s.close))
    top_level: list[QuotedSpan] = []
    for s in spans:
        if top_level and s.open < top_level[-1].close:
            continue
        if s.close - s.open > 1:
            top_level.append(s)
    return top_level
