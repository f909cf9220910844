"""Tokens and sentence bounds over the normalized text.

Sentences end at . ! ? ؟ … and newlines, except inside quoted spans, after
abbreviations such as "د.", inside dotted acronyms ("د.ب.أ") and inside numbers; the extractor needs to know where
a reported clause can end without stopping inside a direct quote.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from itertools import accumulate, chain
from operator import itemgetter

import regex

from .quotemarks import QuotedSpan

# a word changes where the script does ("لـCNN" folds to "لCNN": the preposition, then the outlet);
# a dotted acronym is one word ("سي.إن.إن" holds no complementizer إن), and so is the title "د." or "أ.د."
# with its dot (a title before a name, not the acronym "د.ب.أ"); both open with one to three Arabic letters and a
# dot, which a possessive lookahead checks first, so that an ordinary word never tries them
_CLASSES = {"AL": r"[\p{Arabic}&&\p{L}]", "LMND": r"[\p{L}\p{M}\p{N}.]", "S": r"\s", "AR": r"\p{Arabic}",
            "ARM": r"[\p{Arabic}\p{M}]", "W1": r"[\p{Arabic}\p{M}\p{N}_]", "W2": r"[[\p{L}\p{M}\p{N}_]--\p{Arabic}]",
            "P": r"[^\s\p{L}\p{M}\p{N}_]"}
_SHAPE = (r"(?={AL}{{1,3}}+\.)(?:(?<!{LMND})(?:ا\.)?د\.(?={S}*{AR})(?!{ARM}{{1,3}}\.{AR})|{AL}{{1,3}}(?:\.{AL}{{1,3}})+"
          r"(?!{ARM}))|{W1}+|{W2}+|{P}")
_TOKEN = regex.compile(_SHAPE.format(**_CLASSES), regex.V1)
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_END = regex.compile(r"[.!?؟…]+|\n")
_LAST_WORD = regex.compile(r"(\p{L}+)$")
_ARABIC_LETTER = regex.compile(r"\p{Arabic}")
# a dateline at the head of an article ("دبي، الإمارات العربية المتحدة (CNN) -- "، "واشنطن (CNN) – "، "باريس، فرنسا - ":
# 593 of the corpus articles open with one): where and from whom, a segment of its own, never the subject of the
# first sentence ("… المتحدة – وجه الشيخ …، مطالبا" gave 44 quotes to "العربية")
_DATELINE = regex.compile(r"^[^\n.،,()]{2,30}(?:[،,][^\n.،,()]{2,40})?\s*(?:\(CNN\))?\s*(?:--|–|—|-)\s")
# two dots then a word that does not open with و, inside an open bracket: a pause in a title ("معرض (الفيصل.. شاهد
# وشهيد)"); elsewhere ".." may end a sentence (a general rule lost two quotes on unseen articles, so it stays narrow)
_DOTS_GO_ON = regex.compile(r"[ ]*[\p{Arabic}&&[^و\p{N}]]", regex.V1)
_IN_BRACKETS = regex.compile(r"\([^()\n]*$")
_ABBREV = frozenset({"د", "م", "أ", "ا", "ج", "ص", "ت", "س"})


class Token:
    """A word or punctuation mark of the folded text with its offsets.

    A plain slotted class, not a frozen dataclass: an article makes about a thousand
    of these and the dataclass constructor was a fifth of extraction time.
    """

    __slots__ = ("text", "start", "end", "is_word")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.is_word = text[0].isalnum() or text[0] == "_"  # asked of every token several times: set once

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Token) and (self.text, self.start, self.end) == (other.text, other.start, other.end)

    def __hash__(self) -> int:
        return hash((self.text, self.start, self.end))

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.start}, {self.end})"


def tokenize(text: str) -> list[Token]:
    words, starts, ends = _spans(text)
    return list(map(Token, words, starts, ends))


def _spans(text: str) -> tuple[list[str], list[int], list[int]]:
    """The words of ``_TOKEN`` in ``text`` with their start and end offsets. Text of the Basic Multilingual Plane (all
    of the corpus) is read by ``_bmp_token()``, the same pattern for the stdlib ``re``, about twice as fast."""
    if _ASTRAL.search(text) is None:
        pairs = _bmp_token().findall(text)  # (the white space before each word, the word)
        at = list(accumulate(map(len, chain.from_iterable(pairs))))  # (offsets summed in C, no Match objects)
        return list(map(itemgetter(1), pairs)), at[0::2], at[1::2]
    matches = list(_TOKEN.finditer(text))  # (the match methods mapped in C: no Python loop but Token's own)
    return list(map(regex.Match.group, matches)), list(map(regex.Match.start, matches)), \
        list(map(regex.Match.end, matches))


@lru_cache(maxsize=1)
def _bmp_token() -> "re.Pattern[str]":
    """``_TOKEN`` for text without characters past U+FFFF, for the stdlib ``re``: each class of ``_CLASSES`` written
    out as the BMP characters ``regex`` puts in it (so the two agree on every such text), and the white space
    before each word captured, since only white space lies between words (every other character opens one)."""
    bmp = "".join(map(chr, range(0x10000)))
    spelled = {}
    for name, cls in _CLASSES.items():
        runs = regex.compile(cls + "+", regex.V1).finditer(bmp)
        spelled[name] = "[" + "".join(re.escape(m.group()[0]) + ("-" + re.escape(m.group()[-1]) if len(m.group()) > 1
                                                                  else "") for m in runs) + "]"
    return re.compile("({S}*)(".format(**spelled) + _SHAPE.format(**spelled) + ")")


class Sentences:
    """Sentence end positions, aware of quoted spans."""

    def __init__(self, text: str, quotes: list[QuotedSpan]):
        inside = [(q.open, q.close) for q in quotes]
        opens = [a for a, _ in inside]
        ends: list[int] = []
        for m in _END.finditer(text):
            (i, e), mark = m.span(), m.group()  # (each read once: a long article has hundreds of marks)
            if mark != "\n":
                k = bisect.bisect_right(opens, i) - 1
                if k >= 0 and inside[k][0] < i < inside[k][1]:
                    continue
                if mark == "." and i > 0:
                    prev = text[i - 1]
                    nxt = text[e] if e < len(text) else " "
                    if prev.isdigit() and nxt.isdigit():
                        continue
                    if nxt.isascii() and nxt.isalnum() and prev.isascii() and prev.isalnum():
                        continue  # "www.saudiairlines.com"، "U.S": a dot inside a Latin word or address
                    w = _LAST_WORD.search(text, max(0, i - 8), i)
                    if w and len(w.group(1)) <= 3 and _ARABIC_LETTER.match(nxt) and (
                            i - len(w.group(1)) == 0 or not text[i - len(w.group(1)) - 1].isalpha()):
                        continue  # a dotted acronym: "(د.ب.أ)"، "إن.بي.سي"
                    if w and (w.group(1) in _ABBREV or (len(w.group(1)) == 1 and _ARABIC_LETTER.match(w.group(1))
                                                        and w.group(1) != "ه")) \
                            and (i - len(w.group(1)) == 0 or not text[i - len(w.group(1)) - 1].isalpha()):
                        continue  # an abbreviation or an initial: "د."، "فولكان ب."، "ديفيد ل. فيليبس" (not the
                        # Hijri year's "هـ." that often ends one)
                    if nxt in "،,":
                        continue  # ".،" ends no sentence
                if mark == ".." and _DOTS_GO_ON.match(text, e) and _IN_BRACKETS.search(text, max(0, i - 60), i):
                    continue  # "(الفيصل.. شاهد وشهيد)": a pause inside a bracketed title, not an end
            ends.append(e if mark != "\n" else i)
        ends.append(len(text))
        dateline = _DATELINE.match(text)
        if dateline is not None and ("،" in dateline.group() or "," in dateline.group() or "(" in dateline.group()):
            ends.append(dateline.end())
        self.ends = sorted(set(ends))
        self.text = text

    def bounds(self, pos: int) -> tuple[int, int]:
        """(start, end) of the sentence holding ``pos``; end is after its final mark."""
        k = bisect.bisect_right(self.ends, pos)
        end = self.ends[k] if k < len(self.ends) else len(self.text)
        start = self.ends[k - 1] if k > 0 else 0
        while start < end and self.text[start] in " \n\t":
            start += 1
        return start, end
