#!/usr/bin/env python3
"""Mine the news corpus for lexicon candidates, with counts, for a linguist to review.

    python tools/mine_lexicon.py [CORPUS.jsonl ...] [--out DIR] [--min-count N] [--top N] [--limit N]

Lexicon rows should be forms of Arabic news, found by how often they occur, not
read off one gold sentence (issue 11, item 5). This script proposes them; a person
decides. Nothing it prints is added to ``quotetrack/lexicon`` automatically.

Six sections, each a TSV table (candidate as most often written, its folded form,
count, a section-specific note, one example snippet), every candidate absent from
the lexicon it would join:

- ``cues``: words (و/ف stripped) followed within 0-6 words by a complementizer of
  ``markers.tsv`` (أن، إن، بأن، فإن, with pronoun suffixes) in the same sentence, not
  in any lexicon, and shaped like a participle (م… ending in ا/ه/ين/ون) or a verb
  (past or imperfect templates) whose sibling forms occur in the corpus too (أوضح:
  أوضحت، أوضحوا; names and nouns have none). ``أن`` followed by an imperfect verb
  (يجب أن يكون) does not count. The note gives the share of all the word's
  occurrences that had a complementizer after it (high for verbs of saying, low
  for nouns); rows are ordered by count × share.
- ``titles``: the definite word heading the adjectives right before a name
  ("الجاسوس الروسي سيرغي" → الجاسوس), not in ``titles.tsv`` (nor in another
  lexicon) and not the genitive of a known title or of a definite noun (وزير
  الخزانة، للسياسات العامة). Names are bootstrapped from the corpus: the first
  indefinite word that no lexicon knows after a known title ("الرئيس الأمريكي
  دونالد" → دونالد), seen there twice and in a tenth of all its uses. Ranked by
  how many distinct names the word precedes (a title precedes many).
- ``anonymous``: the head of the noun phrase before an anonymity phrase of
  ``markers.tsv`` (طلب عدم الكشف …), and plural nouns followed by a plural nisba
  adjective (مسؤولون أمريكيون) anywhere, or by any nisba right after a cue verb,
  not in ``anonymous.tsv``.
- ``given_names``: the names bootstrapped for ``titles`` (the first unknown indefinite word after a title,
  seen there twice and in a tenth of its uses) that ``given_names.tsv`` lacks, most often after a title
  first; the note gives that share. Surnames used alone, places and clubs come too: keep first names only.
- ``narrative_verbs``: the word right after the particle قد (وقد، فقد، لقد), which only a verb follows
  ("قد أثار"، "وقد حاولت"), not in any lexicon nor in ``narrative_verbs.tsv`` nor a first name. Verbal nouns and
  names that are also verbs (عمل، دعم، رفعت، أشرف) come too: keep forms that are only verbs.
- ``media``: the name after وكالة/صحيفة/قناة/موقع/إذاعة/مجلة/شبكة (quotation marks
  skipped), extended word by word while one continuation keeps most of the count
  (فرانس → فرانس برس), not in ``media.tsv``. Ranked by how often the outlet is
  cited (لصحيفة X، قالت وكالة X، بحسب موقع X), so قناة السويس sinks.

Articles are read as they stream (bulk.jsonl, 17k articles, in about 15 s on one
core); a line that is not a JSON article is reported on stderr, skipped, and makes the
exit code 1 (the other articles are still mined).
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import regex

from quotetrack.extractor.lexicon import Lexicon, load
from quotetrack.extractor.normalize import fold

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"

_TOKEN = regex.compile(r"[\p{Arabic}\p{Mn}\u0640]+|[.!?؟:;؛،,«»\"“”„\n]")
_WORD = regex.compile(r"^\p{Arabic}{2,}$")          # folded words only: no digits or marks
_HARD_STOP = frozenset(".!?؟\n:«»\"“”„;؛")              # ends a sentence or a quotation
_COMMA = frozenset("،,")
_DEFINITE = ("ال", "لل", "بال", "وال", "فال")
#: definite as written: the article after و/ف/ب/ك, or لل (ألحان and ألمانيا fold to ال… but are not)
_WRITTEN_DEFINITE = regex.compile(r"^[وف]?[بك]?\p{Mn}*ال|^[وف]?\p{Mn}*لل")
_OPENING_MARKS = frozenset("«\"“„")
_CONJ = "وف"
_PROCLITICS = ("و", "ف", "ل", "ب", "وب", "ول", "فب", "فل")
WINDOW = 6                                           # words allowed between a cue and its complementizer
MIN_INFLECTIONS = 2                                  # siblings a word needs in the corpus to pass as a verb
MIN_SHARE = 0.1                                      # of a cue candidate's occurrences, followed by one
SNIPPET = (5, 6)                                     # words shown before / after a hit
MEDIA_HEADS = ("وكالة", "صحيفة", "قناة", "موقع", "إذاعة", "مجلة", "شبكة")
# Function words that a verb template would let through; closed class, so a list.
FUNCTION_WORDS = ("بعد", "قبل", "منذ", "حتى", "غير", "رغم", "برغم", "مثل", "لدى", "ثم", "او", "اي", "اذا", "لو",
                  "لان", "كي", "لكي", "بل", "هل", "هذه", "هؤلاء", "اما", "اول", "تم", "يتم", "ليس", "ليست",
                  "كان", "كانت", "يكون", "تكون", "يمكن", "يجب", "بين", "عبر", "امام", "خلال", "ضمن", "سوف",
                  "تلك", "ذلك", "كل", "من", "في", "على", "عن", "الى", "مع", "دون", "اكثر", "اقل", "اخر", "انه")


Token = tuple[str, str]                              # (as written, folded)


@dataclass(frozen=True, slots=True)
class Candidate:
    """One row for review: the form as most often written, why, and where it was seen."""

    form: str
    folded: str
    count: int
    note: str
    example: str


def read_articles(paths: Iterable[Path], limit: int = 0, bad: list[str] | None = None) -> Iterator[list[Token]]:
    """The tokens of every article (at most ``limit`` a file when > 0).

    A line that is not an article is skipped and described in ``bad``.
    """
    cache: dict[str, str] = {}
    for path in paths:
        with path.open(encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if limit and n > limit:
                    break
                try:
                    text = json.loads(line)["text"]
                    if not isinstance(text, str):
                        raise TypeError("text is not a string")
                except (ValueError, KeyError, TypeError) as e:
                    if bad is not None:
                        bad.append(f"{path}:{n}: skipped, not a JSON article with a text: {e}")
                    continue
                toks = _TOKEN.findall(text)
                yield [(t, cache.get(t) or cache.setdefault(t, fold(t))) for t in toks]


def snippet(toks: list[Token], i: int, j: int) -> str:
    a, b = max(0, i - SNIPPET[0]), min(len(toks), j + SNIPPET[1])
    return " ".join(t[0] for t in toks[a:b] if t[0] != "\n")


def is_word(f: str) -> bool:
    return bool(_WORD.match(f))


class Known:
    """Folded lexicon entries, to leave out what the extractor already has."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        single = {p for ps in lex.markers.values() for p in ps if " " not in p}
        self.verbs = frozenset(lex.verbs)
        self.titles = frozenset(lex.titles)
        self.anonymous = frozenset(lex.anonymous)
        self.media = frozenset(lex.media)
        self.function = frozenset(fold(w) for w in FUNCTION_WORDS) | single
        self.any_entry = (self.verbs | self.titles | self.anonymous | self.media | self.function
                          | frozenset(lex.adjectives) | frozenset(lex.organizations) | frozenset(lex.places)
                          | frozenset(lex.channels))
        self.entry_behind_clitic = with_clitics(self.any_entry)
        self.title_behind_clitic = with_clitics(self.titles)

    def verb(self, f: str) -> bool:
        """A form of verbs.tsv, also behind و/ف/ل/ب."""
        return f in self.verbs or (len(f) >= 4 and f[:1] in "وفلب" and f[1:] in self.verbs) or (
            len(f) >= 5 and f[:2] in ("ول", "فل") and f[2:] in self.verbs)

    def knows(self, f: str) -> bool:
        """In some lexicon, as written or without its article (adjectives and titles list both)."""
        return (f in self.entry_behind_clitic or (f.startswith("ال") and f[2:] in self.any_entry)
                or self.verb(f))

    def modifier(self, f: str) -> bool:
        """A definite adjective after a title: a nisba (الروسي، الأمريكية) or a listed one (السابق)."""
        if not f.startswith("ال") or len(f) < 5:
            return False
        return f.endswith(("ي", "يه")) or f[2:] in self.lex.adjectives or f[2:] in self.function


def with_clitics(words: Iterable[str]) -> dict[str, str]:
    """Every word behind و/ف/ل/ب (one or two; لل for ال) → the word itself, for one lookup a token."""
    words = list(words)
    out = {w: w for w in words}
    for w in words:
        if len(w) < 3:
            continue
        for p in _PROCLITICS:
            out.setdefault(p + w, w)
        if w.startswith("ال"):
            for p in ("لل", "ولل", "فلل"):
                out.setdefault(p + w[2:], w)
    return out


def strip_definite(f: str) -> str:
    """A definite word without و/ف/ب/ك/ل before its article: والفنان، للفنان → الفنان."""
    if f[:3] in ("وال", "فال", "بال", "كال"):
        return f[1:]
    if f[:4] in ("وبال", "فبال"):
        return f[2:]
    if f[:3] in ("ولل", "فلل"):
        return "ال" + f[3:]
    if f[:2] == "لل":
        return "ال" + f[2:]
    return f


class Spellings:
    """How each folded candidate is written, so it is shown as a person would write it."""

    def __init__(self) -> None:
        self.seen: defaultdict[str, Counter[str]] = defaultdict(Counter)

    def add(self, folded: str, written: str) -> None:
        self.seen[folded][written] += 1

    def best(self, folded: str) -> str:
        c = self.seen.get(folded)
        return c.most_common(1)[0][0] if c else folded


def _top(rows: list[Candidate], min_count: int) -> list[Candidate]:
    return sorted((r for r in rows if r.count >= min_count), key=lambda r: (-r.count, r.folded))


def inflections(f: str) -> dict[str, set[str]]:
    """The other forms a folded word would have if it were a participle or a verb, by analysis.

    A word is taken for a verb only when the corpus has its siblings (أكد: أكدت، أكدوا؛
    يعتقد: تعتقد، يعتقدون؛ مضيفا: مضيفة، مضيفين): names and nouns have none.
    """
    out: dict[str, set[str]] = {}
    if f.startswith("ال") or len(f) < 3:
        return out
    if f[0] == "م" and len(f) >= 4:
        for end in ("ين", "ون", "ا", "ه"):
            if f.endswith(end) and len(f) - len(end) >= 3:
                stem = f[:-len(end)]
                out["participle"] = {stem + e for e in ("ا", "ه", "ين", "ون", "تين")} - {f}
                break
    if f[0] in "يتان" and len(f) >= 4:
        stem = f[1:-2] if f.endswith(("ون", "ان")) and len(f) >= 6 else f[1:]
        out["imperfect"] = {p + stem for p in "يتن"} | {"ي" + stem + "ون"} - {f}
    for end in ("وا", "ت", ""):
        if f.endswith(end) and len(f) - len(end) >= 3 and not f.endswith("ات"):
            stem = f[:len(f) - len(end)]
            out["past"] = {stem, stem + "ت", stem + "وا"} - {f}
            break
    return out


class CueMiner:
    """Words followed within WINDOW words by a complementizer, in the same sentence."""

    def __init__(self, known: Known) -> None:
        self.known = known
        comps = set(known.lex.markers.get("complementizer", ()))
        suffixes = ("",) + known.lex.markers.get("pronoun_suffix", ())
        self.complementizers = frozenset(c + s for c in comps for s in suffixes)
        self.bare = frozenset(comps)
        self.total: Counter[str] = Counter()
        self.before: Counter[str] = Counter()
        self.spellings = Spellings()
        self.examples: dict[str, str] = {}

    def see(self, toks: list[Token]) -> None:
        self.total.update(f for _, f in toks)
        counted: set[int] = set()                    # a word before two complementizers counts once
        for i, (_, f) in enumerate(toks):
            if f in self.complementizers and self._opens_clause(toks, i):
                self._count_before(toks, i, counted)

    def _opens_clause(self, toks: list[Token], i: int) -> bool:
        """Not the أن of a verb complement (يجب أن يكون، بعد أن قال is caught by FUNCTION_WORDS)."""
        if toks[i][1] not in self.bare or i + 1 >= len(toks):
            return True
        nxt = toks[i + 1][1]
        return not (nxt[:1] in "يتن" and len(nxt) >= 3)

    def _count_before(self, toks: list[Token], i: int, counted: set[int]) -> None:
        words = 0
        j = i - 1
        while j >= 0 and words <= WINDOW:
            orig, f = toks[j]
            if f in _HARD_STOP:
                break
            if f not in _COMMA:
                words += 1
                if is_word(f) and j not in counted:
                    counted.add(j)
                    self.before[f] += 1
                    self.spellings.add(f, orig)
                    if f not in self.examples:
                        self.examples[f] = snippet(toks, j, i + 1)
            j -= 1

    def _base(self, f: str) -> str:
        """Strip و/ف when the rest is a word of its own (not وزير → زير)."""
        if f[0] in _CONJ and len(f) >= 4 and self.total[f[1:]] >= 0.1 * self.total[f]:
            return f[1:]
        return f

    def rows(self, min_count: int) -> list[Candidate]:
        merged: Counter[str] = Counter()
        totals: Counter[str] = Counter()
        forms: dict[str, str] = {}
        for f, c in self.before.items():
            b = self._base(f)
            merged[b] += c
            totals[b] += self.total[f]
            if b == f or b not in forms:
                forms[b] = f
        out = []
        for b, c in merged.items():
            share = c / totals[b]
            if share < MIN_SHARE or self.known.knows(b) or b in self.bare:
                continue
            found = {k: sum(self.total[x] > 0 for x in v) for k, v in inflections(b).items()}
            if not found or max(found.values()) < MIN_INFLECTIONS:
                continue
            shape = max(found, key=lambda k: found[k])
            src = forms[b]
            spelled = self.spellings.best(src)[len(src) - len(b):]      # without the و/ف stripped
            note = f"{shape}, {found[shape]} inflections; {share:.2f} of {totals[b]}"
            out.append(Candidate(spelled, b, c, note, self.examples[src]))
        # frequent AND mostly followed by a complementizer first: أعتقد (571 × 0.93) before أحمد (210 × 0.14)
        return sorted((r for r in out if r.count >= min_count),
                      key=lambda r: (-r.count * r.count / totals[r.folded], r.folded))


class TitleMiner:
    """Words before names; the names come from the words after known titles (two passes)."""

    def __init__(self, known: Known) -> None:
        self.known = known
        self.after_title: Counter[str] = Counter()
        self.names: frozenset[str] = frozenset()
        self.total: Counter[str] = Counter()
        self.before: Counter[str] = Counter()
        self.distinct: defaultdict[str, set[str]] = defaultdict(set)
        self.spellings = Spellings()
        self.examples: dict[str, str] = {}
        self.name_spellings = Spellings()
        self.name_examples: dict[str, str] = {}

    def see_titles(self, toks: list[Token]) -> None:
        """Pass 1: the first word no lexicon knows after a title chain is a name."""
        titles, known = self.known.title_behind_clitic, self.known.entry_behind_clitic
        for i, (_, f) in enumerate(toks):
            if f not in titles:
                continue
            for orig, g in toks[i + 1:i + 5]:
                if not is_word(g):
                    break
                if g.startswith("ال") or g in known:
                    continue
                if not _WRITTEN_DEFINITE.match(orig):
                    self.after_title[g] += 1
                    self.name_spellings.add(g, orig)
                    if g not in self.name_examples:
                        self.name_examples[g] = snippet(toks, i, i + 3)
                break

    def fix_names(self, total: Counter[str], min_count: int = 2, min_share: float = 0.1) -> None:
        """Names: seen after a title at least ``min_count`` times and in ``min_share`` of all their uses."""
        self.names = frozenset(n for n, c in self.after_title.items()
                               if c >= min_count and c >= min_share * total[n])
        self.total = total

    def see(self, toks: list[Token]) -> None:
        """Pass 2: the definite word heading the adjectives before a name (الجاسوس الروسي سيرغي)."""
        names = self.names
        for i in range(1, len(toks)):
            name = toks[i][1]
            if name not in names:
                continue
            j = i - 1
            while j > 0 and self.known.modifier(strip_definite(toks[j][1])):
                j -= 1
            orig, f = toks[j]
            base = strip_definite(f)
            if base != f and self.total[base] < 0.1 * self.total[f]:
                base = f                             # والده is not و + الده
            if (not is_word(f) or not _WRITTEN_DEFINITE.match(orig) or not base.startswith("ال")
                    or self.known.knows(base) or base in names):
                continue
            if j > 0 and (self.known.knows(strip_definite(toks[j - 1][1])) or _WRITTEN_DEFINITE.match(toks[j - 1][0])):
                continue                             # continues a title or a noun: وزير الخزانة ستيفن، للسياسات العامة
            self.before[base] += 1
            self.distinct[base].add(name)
            if f == base:
                self.spellings.add(base, orig)
            if base not in self.examples:
                self.examples[base] = snippet(toks, j, i + 2)

    def name_rows(self, min_count: int) -> list[Candidate]:
        """First names for given_names.tsv: the bootstrapped names it lacks, most often after a title first. Many
        are surnames used alone (ترامب), places or clubs: a person keeps only the first words of names."""
        given = self.known.lex.given_names
        out = [Candidate(self.name_spellings.best(n), n, self.after_title[n],
                         f"{self.after_title[n] / max(self.total[n], 1):.2f} of {self.total[n]} after a title",
                         self.name_examples[n])
               for n in self.names if n not in given and self.after_title[n] >= min_count]
        return sorted(out, key=lambda r: (-r.count, r.folded))

    def rows(self, min_count: int) -> list[Candidate]:
        out = [Candidate(self.spellings.best(b), b, c, f"{len(self.distinct[b])} names", self.examples[b])
               for b, c in self.before.items() if len(self.distinct[b]) >= 2]
        return sorted((r for r in out if r.count >= min_count),
                      key=lambda r: (-len(self.distinct[r.folded]), -r.count, r.folded))




def is_plural_nisba(f: str) -> bool:
    """Indefinite plural nisba adjective: أمريكيون، غربيين."""
    return len(f) >= 5 and not f.startswith(_DEFINITE) and f.endswith(("يون", "يين"))


def is_nisba(f: str) -> bool:
    """Indefinite feminine nisba, the adjective of broken plurals: (مصادر) أمنية، (أوساط) سياسية."""
    return len(f) >= 5 and not f.startswith(_DEFINITE) and f.endswith("يه")


class AnonymousMiner:
    """Heads of anonymous sources: before an anonymity phrase about a name (طلب عدم الكشف عن
    اسمه/هويته/صفته), a plural noun + listed nationality (مسؤولون أمريكيون), or any noun + nisba
    right after a cue (وقالت مصادر أمنية)."""

    IDENTITY = ("اسم", "هويت", "صفت")

    def __init__(self, known: Known) -> None:
        self.known = known
        self.phrases: defaultdict[str, list[tuple[str, ...]]] = defaultdict(list)
        for p in known.lex.markers.get("anonymity", ()):
            words = tuple(p.split())
            self.phrases[words[0]].append(words)
        self.first_words = with_clitics(self.phrases)
        self.count: Counter[str] = Counter()
        self.how: defaultdict[str, Counter[str]] = defaultdict(Counter)
        self.spellings = Spellings()
        self.examples: dict[str, str] = {}

    def see(self, toks: list[Token]) -> None:
        for i in range(len(toks) - 1):
            f = toks[i][1]
            first = self.first_words.get(f)
            if first is not None and any(self._at(toks, i, p) for p in self.phrases[first]) and any(
                    g.startswith(self.IDENTITY) for _, g in toks[i + 1:i + 6]):
                j = self._head_before(toks, i)
                if j is not None:
                    self._add(toks, j, i, "before anonymity phrase")
                continue
            nisba = toks[i + 1][1]
            if not nisba.endswith(("يون", "يين", "يه")) or f.startswith("ال") or not is_word(f):
                continue
            plural = f.endswith(("ون", "ين")) and is_plural_nisba(nisba) and nisba[:-2] in self.known.lex.adjectives
            if plural or ((is_plural_nisba(nisba) or is_nisba(nisba)) and i > 0 and self.known.verb(toks[i - 1][1])):
                self._add(toks, i, i + 1, "plural + nisba" if plural else "after cue + nisba")

    @staticmethod
    def _at(toks: list[Token], i: int, phrase: tuple[str, ...]) -> bool:
        words = [f for _, f in toks[i + 1:i + len(phrase)]]
        return words == list(phrase[1:])

    def _head_before(self, toks: list[Token], i: int) -> int | None:
        """The word right after a cue verb at most five words before ``i`` (وقال مسؤول في بورصة مصر طلب …)."""
        for j in range(i - 1, max(-1, i - 6), -1):
            f = toks[j][1]
            if not is_word(f):
                return None
            if self.known.verb(f):
                return j + 1 if j + 1 < i else None
        return None

    def _add(self, toks: list[Token], j: int, end: int, how: str) -> None:
        orig, f = toks[j]
        base = strip_definite(f)
        if base.startswith("ال") and base[2:] in self.known.anonymous:
            return
        if self.known.knows(base) or len(base) < 3:
            return
        self.count[base] += 1
        self.how[base][how] += 1
        if f == base:
            self.spellings.add(base, orig)
        if base not in self.examples:
            self.examples[base] = snippet(toks, j, end + 1)

    def rows(self, min_count: int) -> list[Candidate]:
        return _top([Candidate(self.spellings.best(b), b, c,
                               ", ".join(f"{h} {n}" for h, n in self.how[b].most_common()), self.examples[b])
                     for b, c in self.count.items()], min_count)


class NarrativeVerbMiner:
    """Finite verbs that are not verbs of saying: the word after قد, for narrative_verbs.tsv."""

    PARTICLE = frozenset({"قد", "وقد", "فقد", "لقد", "ولقد"})

    def __init__(self, known: Known) -> None:
        self.known = known
        self.listed = known.lex.narrative_verbs | frozenset(known.lex.given_names)
        self.count: Counter[str] = Counter()
        self.spellings = Spellings()
        self.examples: dict[str, str] = {}

    def see(self, toks: list[Token]) -> None:
        for i in range(len(toks) - 1):
            if toks[i][1] not in self.PARTICLE:
                continue
            orig, f = toks[i + 1]
            if not is_word(f) or len(f) < 3 or f in self.listed or self.known.knows(f):
                continue
            self.count[f] += 1
            self.spellings.add(f, orig)
            self.examples.setdefault(f, snippet(toks, i, i + 2))

    def rows(self, min_count: int) -> list[Candidate]:
        return _top([Candidate(self.spellings.best(f), f, c, "after قد", self.examples[f])
                     for f, c in self.count.items()], min_count)


class MediaMiner:
    """Names after an outlet head noun, extended while one continuation dominates.

    Occurrences in a reporting context (لصحيفة، قالت قناة، بحسب وكالة، مع موقع) are
    counted apart and rank first: قناة السويس and موقع الحادث are rarely cited.
    """

    DOMINANT = 0.6
    MAX_WORDS = 4
    CITING = ("حسب", "بحسب", "وفق", "وفقا", "نقلا", "عن", "مع", "لدى")

    def __init__(self, known: Known) -> None:
        self.known = known
        self.heads = with_clitics(fold(h) for h in MEDIA_HEADS)
        self.citing = frozenset(fold(w) for w in self.CITING)
        self.count: Counter[tuple[str, ...]] = Counter()
        self.cited: Counter[tuple[str, ...]] = Counter()
        self.spellings = Spellings()
        self.examples: dict[tuple[str, ...], str] = {}

    def see(self, toks: list[Token]) -> None:
        for i, (_, f) in enumerate(toks):
            if f not in self.heads:
                continue
            j = i + 1
            while j < len(toks) and toks[j][1] in _OPENING_MARKS:
                j += 1
            words: list[Token] = []
            while j < len(toks) and len(words) < self.MAX_WORDS and is_word(toks[j][1]):
                g = toks[j][1]
                if g in self.known.function or g in self.heads or (words and self.known.verb(g)):
                    break
                words.append(toks[j])
                j += 1
            cited = f[0] == "ل" or (i > 0 and (toks[i - 1][1] in self.citing or self.known.verb(toks[i - 1][1])))
            for k in range(1, len(words) + 1):
                key = tuple(w[1] for w in words[:k])
                self.count[key] += 1
                self.cited[key] += cited
                self.spellings.add(" ".join(key), " ".join(w[0] for w in words[:k]))
                if key not in self.examples:
                    self.examples[key] = snippet(toks, i, i + 1 + k)

    def _known(self, key: tuple[str, ...]) -> bool:
        return any(" ".join(key[:k]) in self.known.media for k in range(1, len(key) + 1))

    def rows(self, min_count: int) -> list[Candidate]:
        children: defaultdict[tuple[str, ...], int] = defaultdict(int)
        for key, c in self.count.items():
            if len(key) > 1:
                parent = key[:-1]
                children[parent] = max(children[parent], c)
        out = [Candidate(self.spellings.best(" ".join(key)), " ".join(key), c, f"{self.cited[key]} cited",
                         self.examples[key])
               for key, c in self.count.items()
               if c >= min_count and children[key] < self.DOMINANT * c and not self._known(key)
               and not (len(key) == 1 and self.known.verb(key[0]))]
        return sorted(out, key=lambda r: (-self.cited[tuple(r.folded.split())], -r.count, r.folded))


SECTIONS = ("cues", "titles", "anonymous", "media", "given_names", "narrative_verbs")
HEADER = ("candidate", "folded", "count", "note", "example")


def mine(paths: list[Path], limit: int = 0, min_count: int = 3, lexicon: Lexicon | None = None,
         bad: list[str] | None = None) -> dict[str, list[Candidate]]:
    """Every section's candidates over the articles of ``paths`` (two streaming passes).

    ``lexicon`` defaults to the package's; a test passes one with entries removed. Lines
    that are not articles are listed in ``bad`` (from the first pass only).
    """
    known = Known(lexicon or load())
    cues, titles, anon, media = CueMiner(known), TitleMiner(known), AnonymousMiner(known), MediaMiner(known)
    verbs = NarrativeVerbMiner(known)
    for toks in read_articles(paths, limit, bad):
        cues.see(toks)
        verbs.see(toks)
        titles.see_titles(toks)
        anon.see(toks)
        media.see(toks)
    titles.fix_names(cues.total)
    for toks in read_articles(paths, limit):
        titles.see(toks)
    return {"cues": cues.rows(min_count), "titles": titles.rows(min_count),
            "anonymous": anon.rows(min_count), "media": media.rows(min_count),
            "given_names": titles.name_rows(min_count), "narrative_verbs": verbs.rows(min_count)}


def tsv(rows: list[Candidate]) -> str:
    lines = ["\t".join(HEADER)]
    lines += ["\t".join((r.form, r.folded, str(r.count), r.note, r.example.replace("\t", " "))) for r in rows]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="*", type=Path, help=f"JSONL articles (default {DEFAULT_CORPUS}/*.jsonl)")
    ap.add_argument("--out", type=Path, help="write one SECTION.tsv a section into this directory")
    ap.add_argument("--min-count", type=int, default=3, help="leave out candidates seen fewer times (default 3)")
    ap.add_argument("--top", type=int, default=0, help="at most N rows a section (default all)")
    ap.add_argument("--limit", type=int, default=0, help="read at most N articles a file (default all)")
    a = ap.parse_args(argv)
    paths = a.corpus or sorted(DEFAULT_CORPUS.glob("*.jsonl"))
    missing = [str(p) for p in paths if not p.is_file()]
    if not paths or missing:
        print(f"error: no corpus file at {', '.join(missing) or DEFAULT_CORPUS}", file=sys.stderr)
        return 2
    bad: list[str] = []
    result = mine(paths, a.limit, a.min_count, bad=bad)
    for msg in bad:
        print(msg, file=sys.stderr)
    if a.out:
        a.out.mkdir(parents=True, exist_ok=True)
    for name in SECTIONS:
        rows = result[name][:a.top] if a.top else result[name]
        if a.out:
            (a.out / f"{name}.tsv").write_text(tsv(rows), encoding="utf-8")
        else:
            sys.stdout.write(f"# {name}: {len(result[name])} candidates\n{tsv(rows)}\n")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
