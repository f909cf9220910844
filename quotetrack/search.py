"""Full-text search that reads Arabic: the indexed document and the small query syntax.

Index time (migration 0007_arabic_search, the same SQL on both backends): quote content is
folded (alef forms, yeh/alef maqsura, teh marbuta, hamza carriers; harakat and tatweel dropped)
and a definite article carried by a clitic is reduced to the bare article: وال، فال، بال، كال،
لل and their pairs (وبال، فلل …) become ال at the start of a word, so واليمن، باليمن and لليمن
are all indexed as اليمن. One token per word keeps word positions, so phrases work natively.

Query time (``compile_fts5`` / ``compile_tsquery``), the syntax researchers type:

- words: every word must appear (AND). A word of three letters or more is a prefix, so light
  suffixes come for free (إيراني finds الإيرانية، إيرانيين); a word also matches with the
  article and with the one-letter clitics و ف ب ل ك before it (ايران finds وإيران، لإيران،
  الإيراني). Words of one or two letters match whole words (with the same clitics).
- ``A OR B``: either (OR binds the two terms next to it: ``اليمن إيران OR طهران`` is
  اليمن AND (إيران OR طهران)).
- ``"A B"``: a phrase, the words next to each other in this order (each word a prefix; the first
  may carry a clitic).

Everything else is data: only letters and digits reach the backend, each inside a quoted FTS5
string or as a tsquery lexeme, so no user text is ever parsed as FTS syntax.
"""
from __future__ import annotations

from dataclasses import dataclass
import regex

from .extractor.normalize import fold

__all__ = ["FOLD_PAIRS", "DROP", "BOUNDARIES", "ARTICLE_CLITICS", "Term", "parse", "index_form",
           "word_variants", "compile_fts5", "compile_tsquery", "sqlite_document", "pg_document", "fold_sql"]

#: Characters folded before indexing (frozen in migrations 0002, 0005 and 0007; a test keeps them equal).
FOLD_PAIRS: tuple[tuple[str, str], ...] = (
    ("\u0623", "\u0627"), ("\u0625", "\u0627"), ("\u0622", "\u0627"), ("\u0671", "\u0627"),
    ("\u0649", "\u064a"), ("\u0629", "\u0647"), ("\u0624", "\u0648"), ("\u0626", "\u064a"),
)
DROP: str = "".join(chr(c) for c in range(0x064B, 0x0653)) + "\u0670\u0640"

#: Characters a word may follow without a space; a space is put after each so that the article
#: rule below, which looks for " " + clitic, sees the word start.
BOUNDARIES: tuple[str, ...] = ("\n", "\u00ab", '"', "\u201c", "\u201d", "(", "-", "/")

#: A clitic chain ending in the definite article, longest first: each becomes the bare article.
ARTICLE_CLITICS: tuple[str, ...] = (
    "\u0648\u0628\u0627\u0644", "\u0641\u0628\u0627\u0644", "\u0648\u0643\u0627\u0644", "\u0641\u0643\u0627\u0644",
    "\u0648\u0644\u0644", "\u0641\u0644\u0644", "\u0648\u0627\u0644", "\u0641\u0627\u0644", "\u0628\u0627\u0644",
    "\u0643\u0627\u0644", "\u0644\u0644",
)  # وبال فبال وكال فكال ولل فلل وال فال بال كال لل
ARTICLE = "\u0627\u0644"  # ال

#: One-letter clitics (and their pairs) a query word may carry in the text: و ف ب ل ك وب ول وك فب فل فك.
_CLITICS: tuple[str, ...] = ("\u0648", "\u0641", "\u0628", "\u0644", "\u0643", "\u0648\u0628", "\u0648\u0644",
                             "\u0648\u0643", "\u0641\u0628", "\u0641\u0644", "\u0641\u0643")
_WORD = regex.compile(r"[\p{L}\p{N}]+")
_TOKEN = regex.compile(r'"[^"]*"?|[^\s"]+')
_TO_ARABIC_DIGITS = str.maketrans("0123456789", "".join(chr(0x0660 + i) for i in range(10)))
#: a word this long or longer is searched as a prefix
PREFIX_MIN = 3


def _article_rule(text: str) -> str:
    """The index-time rule on already folded text, exactly as the SQL of ``sqlite_document`` does it."""
    s = " " + text
    for b in BOUNDARIES:
        s = s.replace(b, b + " ")
    for c in ARTICLE_CLITICS:
        s = s.replace(" " + c, " " + ARTICLE)
    return s


def index_form(text: str) -> str:
    """What the index holds for ``text`` (a Python twin of the migration's SQL, for tests and queries)."""
    t = text
    for a, b in FOLD_PAIRS:
        t = t.replace(a, b)
    for ch in DROP:
        t = t.replace(ch, "")
    return _article_rule(t)


# ---------------------------------------------------------------- the SQL of the document

def fold_sql(col: str, dialect: str) -> str:
    """SQL text of column ``col`` folded like the document (no article rule), for substring filters on it."""
    if dialect == "postgresql":
        return f"translate({col}, '{''.join(a for a, _ in FOLD_PAIRS) + DROP}', '{''.join(b for _, b in FOLD_PAIRS)}')"
    return _sqlite_chain(col, [*FOLD_PAIRS, *((ch, "") for ch in DROP)])


def _sqlite_chain(expr: str, pairs: list[tuple[str, str]]) -> str:
    for a, b in pairs:
        expr = f"REPLACE({expr}, '{a}', '{b}')"
    return expr


def _rule_pairs() -> list[tuple[str, str]]:
    return [(b, b + " ") for b in BOUNDARIES] + [(" " + c, " " + ARTICLE) for c in ARTICLE_CLITICS]


def sqlite_document(expr: str) -> str:
    """SQLite: a scalar subquery giving the indexed text of ``expr`` (two levels, because SQLite's
    parser stack overflows past about 25 nested calls in a trigger)."""
    folded = _sqlite_chain(expr, [*FOLD_PAIRS, *((ch, "") for ch in DROP)])
    rule = _sqlite_chain("x", _rule_pairs())
    return f"(SELECT {rule} FROM (SELECT ' ' || {folded} AS x))"


def pg_document(expr: str) -> str:
    """PostgreSQL: the tsvector of the indexed text of ``expr`` (an immutable expression)."""
    src = "".join(a for a, _ in FOLD_PAIRS) + DROP
    dst = "".join(b for _, b in FOLD_PAIRS)
    s = f"' ' || translate({expr}, '{src}', '{dst}')"
    for a, b in _rule_pairs():
        s = f"replace({s}, '{a}', '{b}')"
    return f"to_tsvector('simple'::regconfig, {s})"


# ---------------------------------------------------------------- the query syntax

@dataclass(frozen=True, slots=True)
class Term:
    """One word (``len(words) == 1``) or a phrase, as index-form words."""

    words: tuple[str, ...]


def _query_words(chunk: str) -> list[str]:
    return [w for w in (_article_rule(x).strip() for x in _WORD.findall(fold(chunk))) if w]


def parse(query: str) -> list[list[Term]]:
    """The search as AND of groups, each group an OR of terms; [] when it has no words."""
    groups: list[list[Term]] = []
    pending_or = False
    for tok in _TOKEN.findall(query):
        if tok == "OR":
            pending_or = bool(groups)
            continue
        if tok.startswith('"'):
            words = _query_words(tok.strip('"'))
            terms = [Term(tuple(words))] if words else []
        else:
            terms = [Term((w,)) for w in _query_words(tok)]
        for i, t in enumerate(terms):
            if pending_or and i == 0:
                groups[-1].append(t)
            else:
                groups.append([t])
        if terms:
            pending_or = False
    return groups


def word_variants(word: str) -> list[str]:
    """The index tokens (or prefixes) one query word matches: the word, with the article, with a
    one-letter clitic or a pair; and each with Arabic-Indic digits when it has ASCII digits."""
    if word.startswith(ARTICLE) and len(word) > len(ARTICLE) or word.isdigit():
        bases = [word]
    else:
        bases = [word, ARTICLE + word, *(c + word for c in _CLITICS)]
    out: list[str] = []
    for b in bases:
        for v in (b, b.translate(_TO_ARABIC_DIGITS)):
            if v not in out:
                out.append(v)
    return out


def _is_prefix(word: str) -> bool:
    return len(word) >= PREFIX_MIN


def compile_fts5(groups: list[list[Term]]) -> str | None:
    """The SQLite FTS5 MATCH string of a parsed search (None when it has no words)."""
    def tok(w: str, prefix: bool) -> str:
        return f'"{w}"' + (" *" if prefix else "")

    def term(t: Term) -> str:
        first, rest = t.words[0], t.words[1:]
        tail = "".join(" + " + tok(w, _is_prefix(w)) for w in rest)
        return " OR ".join("(" + tok(v, _is_prefix(first)) + tail + ")" for v in word_variants(first))

    if not groups:
        return None
    return " AND ".join("(" + " OR ".join(term(t) for t in g) + ")" for g in groups)


def compile_tsquery(groups: list[list[Term]]) -> str | None:
    """The PostgreSQL ``to_tsquery('simple', …)`` text of a parsed search (None when it has no words)."""
    def lex(w: str) -> str:
        return w + (":*" if _is_prefix(w) else "")

    def term(t: Term) -> str:
        first = "(" + " | ".join(lex(v) for v in word_variants(t.words[0])) + ")"
        return " <-> ".join([first, *(lex(w) for w in t.words[1:])])

    if not groups:
        return None
    return " & ".join("(" + " | ".join("(" + term(t) + ")" for t in g) + ")" for g in groups)
