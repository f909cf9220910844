"""query speed: quotes carry their article's date and outlet; per-speaker totals in speaker_stats

Revision ID: 0003_query_speed
Revises: 0002_reporting
Create Date: 2026-11-27

Written by hand (issue 6, queries at 1M quotes). Two denormalizations, both kept by
ingest in the same batch transaction as the quotes themselves (quotetrack/ingest.py,
quotetrack/db/repo.py), never by per-row triggers (a trigger updating a hot summary
row would serialize concurrent PostgreSQL ingesters for their whole batch):

- ``quotes.published`` / ``quotes.outlet_id``: copies of ``articles.published`` /
  ``articles.outlet_id``, so "a speaker's (an outlet's, a date range's) quotes,
  newest first" is one index range walked in order — (speaker_id, published, id),
  (speaker_id, outlet_id, published, id), (outlet_id, published, id), (published, id, ...) —
  instead of every matching quote joined to articles and sorted to return 50; the
  (speaker_id, outlet_id, ...) index also answers "in how many outlets is X quoted" with
  one probe per outlet, and (published, id, speaker_id, article_id, outlet_id) ranks the
  speakers of a date range from the index alone. ``quotes.outlet_id`` has no foreign key (a copy;
  outlets are never deleted) so SQLite can add it without rebuilding ``quotes``.
- ``speaker_stats``: one row per speaker with quotes, distinct articles and first/last
  publication date, so "top speakers of all time" reads 20 rows of an index instead of
  aggregating every quote. Counts are added per batch (commutative upserts, so
  concurrent ingesters stay exact); re-extraction and ``speakers merge`` recompute the
  rows of the speakers they touch.

Upgrade backfills all three from the existing rows (the quotes FTS triggers fire only on
``UPDATE OF id, content``, so the backfill does not touch the search index); downgrade
drops them and leaves every original column as it was.
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_query_speed"
down_revision: str | Sequence[str] | None = "0002_reporting"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

QUOTE_INDEXES = {
    "ix_quotes_speaker_id_published": ["speaker_id", "published", "id"],
    "ix_quotes_speaker_id_outlet_id": ["speaker_id", "outlet_id", "published", "id"],
    "ix_quotes_outlet_id_published": ["outlet_id", "published", "id"],
    # (published, id) order; speaker/article/outlet make it covering for rankings within dates
    "ix_quotes_published": ["published", "id", "speaker_id", "article_id", "outlet_id"],
}

#: Fills speaker_stats from quotes (also used by ingest and merge for the speakers they recompute).
STATS_SELECT = ("SELECT speaker_id, COUNT(*), COUNT(DISTINCT article_id), MIN(published), MAX(published) "
                "FROM quotes WHERE speaker_id IS NOT NULL GROUP BY speaker_id")


def upgrade() -> None:
    op.add_column("quotes", sa.Column("published", sa.Date(), nullable=True))
    op.add_column("quotes", sa.Column("outlet_id", sa.Integer(), nullable=True))
    if op.get_bind().dialect.name == "postgresql":
        op.execute("UPDATE quotes SET published = a.published, outlet_id = a.outlet_id "
                   "FROM articles a WHERE a.id = quotes.article_id "
                   "AND (a.published IS NOT NULL OR a.outlet_id IS NOT NULL)")
    else:
        op.execute("UPDATE quotes SET published = a.published, outlet_id = a.outlet_id "
                   "FROM articles AS a WHERE a.id = quotes.article_id "
                   "AND (a.published IS NOT NULL OR a.outlet_id IS NOT NULL)")
    for name, cols in QUOTE_INDEXES.items():
        op.create_index(name, "quotes", cols)
    op.create_table(
        "speaker_stats",
        sa.Column("speaker_id", sa.Integer(), nullable=False),
        sa.Column("quotes", sa.Integer(), nullable=False),
        sa.Column("articles", sa.Integer(), nullable=False),
        sa.Column("first_published", sa.Date(), nullable=True),
        sa.Column("last_published", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(["speaker_id"], ["speakers.id"],
                                name=op.f("fk_speaker_stats_speaker_id_speakers"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("speaker_id", name=op.f("pk_speaker_stats")),
    )
    op.create_index("ix_speaker_stats_quotes", "speaker_stats", ["quotes"])
    op.execute("INSERT INTO speaker_stats (speaker_id, quotes, articles, first_published, last_published) "
               + STATS_SELECT)
    # planner statistics for the new indexes (SQLite keeps them only where ANALYZE was run before)
    bind = op.get_bind()
    if bind.dialect.name == "postgresql" or \
            bind.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").first():
        op.execute("ANALYZE quotes")
        op.execute("ANALYZE speaker_stats")


def downgrade() -> None:
    op.drop_index("ix_speaker_stats_quotes", table_name="speaker_stats")
    op.drop_table("speaker_stats")
    for name in reversed(QUOTE_INDEXES):
        op.drop_index(name, table_name="quotes")
    # SQLite >= 3.35 drops a column in place (no indexes or constraints use these any more)
    op.drop_column("quotes", "outlet_id")
    op.drop_column("quotes", "published")
