"""speaker facets: per-speaker quote counts by title, stance, type, outlet and month

Revision ID: 0004_speaker_facets
Revises: 0003_query_speed
Create Date: 2026-11-27

Written by hand (issue 6, queries at 1M quotes). ``speaker_facets(speaker_id, facet, value,
quotes)`` holds, for every speaker, how many of their quotes carry each title, stance, type,
outlet (value = outlet id as text) and month (value 'YYYY-MM' of the quote's date; undated quotes
are not counted). NULL values are stored as '' (the key cannot hold NULL). A speaker profile reads
a few dozen of these rows instead of every quote of the speaker, and "top speakers of a month" walks
one month's rows of ``ix_speaker_facets_facet_value`` in count order.

Kept like ``speaker_stats`` (0003): ingest adds commutative counts per batch in the batch
transaction (rows in key order, so concurrent PostgreSQL ingesters cannot deadlock);
re-extraction and ``speakers merge`` recompute the speakers they touch. No triggers.
Upgrade backfills from quotes; downgrade drops the table.

Also widens ``ix_quotes_speaker_id_published`` (0003: speaker_id, published, id) with article_id and
outlet_id: the same order for "a speaker's quotes, newest first", and covering for the articles /
outlets / first-last dates of the few top speakers of a month (index-only instead of one quote row
read per quote). Downgrade restores the 0003 index.
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_speaker_facets"
down_revision: str | Sequence[str] | None = "0003_query_speed"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def facets_sql(month: str) -> str:
    """SELECT speaker_id, facet, value, quotes from quotes (quotetrack.db.repo.facets_select is the
    same in SQLAlchemy; tests/test_queries_speed.py checks both against plain GROUP BYs)."""
    parts = [(name, f"COALESCE({expr}, '')", "") for name, expr in
             (("title", "title"), ("stance", "stance"), ("type", "type"), ("outlet", "CAST(outlet_id AS TEXT)"))]
    parts.append(("month", month, " AND published IS NOT NULL"))
    return " UNION ALL ".join(
        f"SELECT speaker_id, '{name}', {expr}, COUNT(*) FROM quotes WHERE speaker_id IS NOT NULL{extra} "
        f"GROUP BY speaker_id, {expr}" for name, expr, extra in parts)


SPEAKER_INDEX = "ix_quotes_speaker_id_published"


def upgrade() -> None:
    op.drop_index(SPEAKER_INDEX, table_name="quotes")
    op.create_index(SPEAKER_INDEX, "quotes", ["speaker_id", "published", "id", "article_id", "outlet_id"])
    op.create_table(
        "speaker_facets",
        sa.Column("speaker_id", sa.Integer(), nullable=False),
        sa.Column("facet", sa.Text(), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("quotes", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["speaker_id"], ["speakers.id"],
                                name=op.f("fk_speaker_facets_speaker_id_speakers"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("speaker_id", "facet", "value", name=op.f("pk_speaker_facets")),
    )
    bind = op.get_bind()
    month = "to_char(published, 'YYYY-MM')" if bind.dialect.name == "postgresql" else "substr(published, 1, 7)"
    op.execute("INSERT INTO speaker_facets (speaker_id, facet, value, quotes) " + facets_sql(month))
    op.create_index("ix_speaker_facets_facet_value", "speaker_facets", ["facet", "value", "quotes", "speaker_id"])
    if bind.dialect.name == "postgresql" or \
            bind.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").first():
        op.execute("ANALYZE speaker_facets")
        op.execute(f"ANALYZE {'quotes' if bind.dialect.name == 'postgresql' else SPEAKER_INDEX}")


def downgrade() -> None:
    op.drop_index("ix_speaker_facets_facet_value", table_name="speaker_facets")
    op.drop_table("speaker_facets")
    op.drop_index(SPEAKER_INDEX, table_name="quotes")
    op.create_index(SPEAKER_INDEX, "quotes", ["speaker_id", "published", "id"])
