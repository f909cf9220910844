"""PostgreSQL full text: a stored tsvector column instead of an expression index

Revision ID: 0005_pg_fts_column
Revises: 0004_speaker_facets
Create Date: 2026-11-27

Written by hand (issue 6, full-text search at 1M quotes on PostgreSQL). 0002 indexed the
expression ``to_tsvector('simple', translate(content, …))``. A search for a frequent word is
fastest by walking ``ix_quotes_published`` newest first and testing each row until the page is
full, but with only an expression index every tested row recomputed its tsvector (about 13 µs),
so such a search took 0.4 s at 1M quotes. ``quotes.content_fts`` is that same document as a
stored generated column: the per-row test reads it, and the GIN index ``ix_quotes_content_fts``
is rebuilt on the column. PostgreSQL computes the column on every insert and update, so ingest
code does not know about it (the models do not map it; autogenerate skips it by name).

SQLite is unchanged (FTS5 since 0002). Upgrade rewrites the quotes table once (about a minute at
1M quotes); downgrade restores the expression index.
"""
from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0005_pg_fts_column"
down_revision: str | Sequence[str] | None = "0004_speaker_facets"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# the fold of 0002_reporting (quotetrack.queries.FTS_FOLD_PAIRS / FTS_DROP; a test keeps them equal)
FOLD_PAIRS: tuple[tuple[str, str], ...] = (
    ("\u0623", "\u0627"), ("\u0625", "\u0627"), ("\u0622", "\u0627"), ("\u0671", "\u0627"),
    ("\u0649", "\u064a"), ("\u0629", "\u0647"), ("\u0624", "\u0648"), ("\u0626", "\u064a"),
)
DROP = "".join(chr(c) for c in range(0x064B, 0x0653)) + "\u0670\u0640"


def document(expr: str) -> str:
    src = "".join(a for a, _ in FOLD_PAIRS) + DROP
    dst = "".join(b for _, b in FOLD_PAIRS)
    return f"to_tsvector('simple'::regconfig, translate({expr}, '{src}', '{dst}'))"


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX IF EXISTS ix_quotes_content_fts")
    op.execute(f"ALTER TABLE quotes ADD COLUMN content_fts tsvector GENERATED ALWAYS AS ({document('content')}) STORED")
    op.execute("CREATE INDEX ix_quotes_content_fts ON quotes USING gin (content_fts)")
    op.execute("ANALYZE quotes")  # statistics of the new column, so the planner can weigh a word's frequency


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX IF EXISTS ix_quotes_content_fts")
    op.execute("ALTER TABLE quotes DROP COLUMN content_fts")
    op.execute(f"CREATE INDEX ix_quotes_content_fts ON quotes USING gin ({document('content')})")
