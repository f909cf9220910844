"""Arabic-aware full text: a definite article behind a clitic is indexed as the bare article

Revision ID: 0007_arabic_search
Revises: 0006_speaker_identity
Create Date: 2026-12-06

Written by hand (issue 13). The full-text document of a quote was its folded words, so a search
for اليمن missed واليمن، باليمن and لليمن. Now, after folding, every word that starts with a
clitic chain ending in the article (وال فال بال كال لل and the pairs وبال فبال وكال فكال ولل فلل)
is indexed with the bare article (اليمن). One token per word, so positions (phrases) survive.
The other half of the Arabic rules is at query time (quotetrack.search: prefixes for light
suffixes, the article and one-letter clitics as alternatives). The rule is plain REPLACE calls,
so the SQLite triggers need no application function and any SQLite client can still write.

- SQLite: the triggers quotes_fts_ai/ad/au are recreated with the new document and
  ``quotes_fts`` is rebuilt from ``quotes``.
- PostgreSQL: the stored column ``quotes.content_fts`` (0005) is recomputed with the new
  expression and its GIN index rebuilt (rewrites the quotes table once).

The constants and SQL are frozen here; quotetrack.search builds the same SQL (a test checks),
and changing the rule there needs a new migration like this one. Independent of speaker tables.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

from alembic import op

revision: str = "0007_arabic_search"
down_revision: str | Sequence[str] | None = "0006_speaker_identity"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FOLD_PAIRS: tuple[tuple[str, str], ...] = (
    ("\u0623", "\u0627"), ("\u0625", "\u0627"), ("\u0622", "\u0627"), ("\u0671", "\u0627"),
    ("\u0649", "\u064a"), ("\u0629", "\u0647"), ("\u0624", "\u0648"), ("\u0626", "\u064a"),
)
DROP = "".join(chr(c) for c in range(0x064B, 0x0653)) + "\u0670\u0640"
BOUNDARIES: tuple[str, ...] = ("\n", "\u00ab", '"', "\u201c", "\u201d", "(", "-", "/")
ARTICLE_CLITICS: tuple[str, ...] = (
    "\u0648\u0628\u0627\u0644", "\u0641\u0628\u0627\u0644", "\u0648\u0643\u0627\u0644", "\u0641\u0643\u0627\u0644",
    "\u0648\u0644\u0644", "\u0641\u0644\u0644", "\u0648\u0627\u0644", "\u0641\u0627\u0644", "\u0628\u0627\u0644",
    "\u0643\u0627\u0644", "\u0644\u0644",
)
ARTICLE = "\u0627\u0644"
RULE: tuple[tuple[str, str], ...] = tuple((b, b + " ") for b in BOUNDARIES) + tuple(
    (" " + c, " " + ARTICLE) for c in ARTICLE_CLITICS)


def _chain(expr: str, pairs: Sequence[tuple[str, str]], fn: str = "REPLACE") -> str:
    for a, b in pairs:
        expr = f"{fn}({expr}, '{a}', '{b}')"
    return expr


def sqlite_document(expr: str) -> str:
    """New: folded, then the article rule (two SELECT levels: SQLite's parser nests ~25 calls at most)."""
    folded = _chain(expr, [*FOLD_PAIRS, *((ch, "") for ch in DROP)])
    return f"(SELECT {_chain('x', RULE)} FROM (SELECT ' ' || {folded} AS x))"


def pg_document(expr: str) -> str:
    """New: the tsvector of the folded text after the article rule."""
    src = "".join(a for a, _ in FOLD_PAIRS) + DROP
    dst = "".join(b for _, b in FOLD_PAIRS)
    spaced = f"' ' || translate({expr}, '{src}', '{dst}')"
    return f"to_tsvector('simple'::regconfig, {_chain(spaced, RULE, 'replace')})"


def _old_sqlite_document(expr: str) -> str:
    """0002's document: folded words only."""
    return _chain(expr, [*FOLD_PAIRS, *((ch, "") for ch in DROP)])


def _old_pg_document(expr: str) -> str:
    src = "".join(a for a, _ in FOLD_PAIRS) + DROP
    dst = "".join(b for _, b in FOLD_PAIRS)
    return f"to_tsvector('simple'::regconfig, translate({expr}, '{src}', '{dst}'))"


def _sqlite_triggers(doc: Callable[[str], str]) -> None:
    new, old = doc("new.content"), doc("old.content")
    for t in ("quotes_fts_au", "quotes_fts_ad", "quotes_fts_ai"):
        op.execute(f"DROP TRIGGER IF EXISTS {t}")
    op.execute(f"CREATE TRIGGER quotes_fts_ai AFTER INSERT ON quotes BEGIN "
               f"INSERT INTO quotes_fts(rowid, content) VALUES (new.id, {new}); END")
    op.execute(f"CREATE TRIGGER quotes_fts_ad AFTER DELETE ON quotes BEGIN "
               f"INSERT INTO quotes_fts(quotes_fts, rowid, content) VALUES ('delete', old.id, {old}); END")
    op.execute(f"CREATE TRIGGER quotes_fts_au AFTER UPDATE OF id, content ON quotes BEGIN "
               f"INSERT INTO quotes_fts(quotes_fts, rowid, content) VALUES ('delete', old.id, {old}); "
               f"INSERT INTO quotes_fts(rowid, content) VALUES (new.id, {new}); END")
    op.execute("INSERT INTO quotes_fts(quotes_fts) VALUES ('delete-all')")
    op.execute(f"INSERT INTO quotes_fts(rowid, content) SELECT id, {doc('content')} FROM quotes")


def _pg_column(document: str) -> None:
    op.execute("DROP INDEX IF EXISTS ix_quotes_content_fts")
    op.execute("ALTER TABLE quotes DROP COLUMN content_fts")
    op.execute(f"ALTER TABLE quotes ADD COLUMN content_fts tsvector GENERATED ALWAYS AS ({document}) STORED")
    op.execute("CREATE INDEX ix_quotes_content_fts ON quotes USING gin (content_fts)")
    op.execute("ANALYZE quotes")


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _pg_column(pg_document("content"))
    else:
        _sqlite_triggers(sqlite_document)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _pg_column(_old_pg_document("content"))
    else:
        _sqlite_triggers(_old_sqlite_document)
