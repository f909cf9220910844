"""speaker identity: quotes link to the name they carry; names know their spelling group

Revision ID: 0006_speaker_identity
Revises: 0005_pg_fts_column
Create Date: 2026-12-06

Written by hand (issue 12, order-independent speaker identity). A quote's speaker is decided in
two steps: the quote carries a name (``quotes.alias_id`` → ``speaker_aliases``, the name its article
gives the speaker), and every name is resolved to a speaker by a deterministic function of all
stored names (``quotetrack.db.speakers``). The columns here make that resolution an indexed lookup:

- ``speaker_aliases.loose``: the transliteration-tolerant key (ترامب/ترمب, بلينكن/بلينكين);
- ``speaker_aliases.surname``: the last word of a person name without inner vowel letters, so a
  one-word name finds the full names that carry it (بوتن → فلاديمير بوتين);
- ``speaker_aliases.forename``: the loose first word of a multi-word person name, so a one-word
  name that is mostly a first name (محمد, جون) is not taken for a surname;
- ``speaker_aliases.gender``: the gender the text shows for that name;
- ``speakers.manual``: the name was set by hand (``speakers rename``) and is kept.

It also adds the intermediaries (``via``) as rows: ``intermediaries`` (one per agency or outlet,
``key`` its folded name without the head word), ``intermediary_aliases`` (its spellings: فرانس برس,
الفرنسية, أ ف ب …) and ``quotes.via_id`` (``quotetrack.db.intermediaries``), so reports group by agency.

Only columns are added (no table rebuild on SQLite). Names seen before this revision have no
``loose`` yet and their quotes no ``alias_id``: ``quotetrack ingest --reextract`` re-resolves them.
Downgrade drops the columns.
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006_speaker_identity"
down_revision: str | Sequence[str] | None = "0005_pg_fts_column"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("speakers", sa.Column("manual", sa.Boolean(), server_default=sa.false(), nullable=False))
    op.add_column("speaker_aliases", sa.Column("loose", sa.Text(), nullable=True))
    op.add_column("speaker_aliases", sa.Column("surname", sa.Text(), nullable=True))
    op.add_column("speaker_aliases", sa.Column("forename", sa.Text(), nullable=True))
    op.add_column("speaker_aliases", sa.Column("gender", sa.Text(), nullable=True))
    op.add_column("quotes", sa.Column("alias_id", sa.Integer(), nullable=True))
    op.create_table(
        "intermediaries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_intermediaries")),
        sa.UniqueConstraint("key", name=op.f("uq_intermediaries_key")),
    )
    op.create_table(
        "intermediary_aliases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("intermediary_id", sa.Integer(), nullable=False),
        sa.Column("alias", sa.Text(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["intermediary_id"], ["intermediaries.id"], ondelete="CASCADE",
                                name=op.f("fk_intermediary_aliases_intermediary_id_intermediaries")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_intermediary_aliases")),
        sa.UniqueConstraint("key", name=op.f("uq_intermediary_aliases_key")),
    )
    op.create_index("ix_intermediary_aliases_intermediary_id", "intermediary_aliases", ["intermediary_id"])
    op.add_column("quotes", sa.Column("via_id", sa.Integer(), nullable=True))
    op.create_index("ix_quotes_via_id", "quotes", ["via_id"])
    op.create_index("ix_speaker_aliases_loose", "speaker_aliases", ["loose"])
    op.create_index("ix_speaker_aliases_surname", "speaker_aliases", ["surname"])
    op.create_index("ix_speaker_aliases_forename", "speaker_aliases", ["forename"])
    op.create_index("ix_quotes_alias_id", "quotes", ["alias_id"])


def downgrade() -> None:
    op.drop_index("ix_quotes_via_id", table_name="quotes")
    op.drop_column("quotes", "via_id")
    op.drop_index("ix_intermediary_aliases_intermediary_id", table_name="intermediary_aliases")
    op.drop_table("intermediary_aliases")
    op.drop_table("intermediaries")
    op.drop_index("ix_quotes_alias_id", table_name="quotes")
    op.drop_index("ix_speaker_aliases_forename", table_name="speaker_aliases")
    op.drop_index("ix_speaker_aliases_surname", table_name="speaker_aliases")
    op.drop_index("ix_speaker_aliases_loose", table_name="speaker_aliases")
    # SQLite >= 3.35 drops a column in place (no index or constraint uses these any more)
    op.drop_column("quotes", "alias_id")
    for col in ("gender", "forename", "surname", "loose"):
        op.drop_column("speaker_aliases", col)
    op.drop_column("speakers", "manual")
