"""reporting: views for plain SQL and full-text search over quote content

Revision ID: 0002_reporting
Revises: 0001_initial
Create Date: 2026-11-27

Written by hand (autogenerate knows neither views nor FTS). The views return the
same columns and values on SQLite and PostgreSQL: booleans as 0/1 integers,
months as 'YYYY-MM' text, shares as DOUBLE PRECISION rounded to 4 places.
docs/schema.md documents every view; tests/test_docs_schema.py runs its examples.

Full text:
- SQLite: contentless FTS5 table ``quotes_fts`` (rowid = quotes.id) over the
  folded content, kept in sync by the triggers quotes_fts_ai/ad/au.
- PostgreSQL: GIN index ``ix_quotes_content_fts`` on the same folded content.
Folding (alef forms -> alef, alef maqsura -> yeh, teh marbuta -> heh, hamza
carriers; harakat, dagger alef and tatweel removed) is frozen
here; quotetrack.queries.FTS_FOLD_PAIRS / FTS_DROP must stay equal to it (a test
checks). Digits stay as written (SQLite's parser allows ~25 nested REPLACE calls);
queries search both spellings of a number instead. Migrations own these objects; migrations/env.py keeps them out of
autogenerate comparisons (include_object).
"""
from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0002_reporting"
down_revision: str | Sequence[str] | None = "0001_initial"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FOLD_PAIRS: tuple[tuple[str, str], ...] = (
    ("\u0623", "\u0627"), ("\u0625", "\u0627"), ("\u0622", "\u0627"), ("\u0671", "\u0627"),
    ("\u0649", "\u064a"), ("\u0629", "\u0647"), ("\u0624", "\u0648"), ("\u0626", "\u064a"),
)
DROP: str = "".join(chr(c) for c in range(0x064B, 0x0653)) + "\u0670\u0640"

VIEWS = ("quote_details", "speaker_summary", "speaker_outlets", "outlet_summary", "outlet_monthly",
         "outlet_intermediaries")


def _sqlite_fold(expr: str) -> str:
    for a, b in FOLD_PAIRS:
        expr = f"REPLACE({expr}, '{a}', '{b}')"
    for ch in DROP:
        expr = f"REPLACE({expr}, '{ch}', '')"
    return expr


def _pg_fold(expr: str) -> str:
    src = "".join(a for a, _ in FOLD_PAIRS) + DROP
    dst = "".join(b for _, b in FOLD_PAIRS)
    return f"translate({expr}, '{src}', '{dst}')"


def _views(month: str) -> list[str]:
    """CREATE VIEW statements; ``month`` is the dialect's 'YYYY-MM' of articles.published."""
    anon = "CASE WHEN q.anonymous THEN 1 ELSE 0 END"

    def share(part: str, whole: str) -> str:
        return f"CAST(ROUND(1.0 * {part} / NULLIF({whole}, 0), 4) AS DOUBLE PRECISION)"

    return [
        f"""CREATE VIEW quote_details AS
SELECT q.id AS quote_id, q.article_id, a.external_id, a.published, {month} AS month,
       a.outlet_id, o.name AS outlet, q.speaker_id, s.name AS speaker, s.kind AS speaker_kind,
       q.title, q.mention, q.content, q.type, q.cue, q.cue_lemma, q.stance, q.via, q.channel,
       {anon} AS anonymous, q.char_start, q.char_end, q.rule,
       a.title AS article_title, a.url
FROM quotes q
JOIN articles a ON a.id = q.article_id
LEFT JOIN outlets o ON o.id = a.outlet_id
LEFT JOIN speakers s ON s.id = q.speaker_id""",
        f"""CREATE VIEW speaker_summary AS
SELECT s.id AS speaker_id, s.name AS speaker, s.key, s.kind, s.gender,
       COUNT(q.id) AS quotes, COUNT(DISTINCT q.article_id) AS articles,
       COUNT(DISTINCT a.outlet_id) AS outlets,
       SUM(CASE WHEN q.type = 'direct' THEN 1 ELSE 0 END) AS direct_quotes,
       SUM(CASE WHEN q.type = 'indirect' THEN 1 ELSE 0 END) AS indirect_quotes,
       SUM(CASE WHEN q.type = 'mixed' THEN 1 ELSE 0 END) AS mixed_quotes,
       SUM(CASE WHEN q.via IS NOT NULL THEN 1 ELSE 0 END) AS via_quotes,
       MIN(a.published) AS first_published, MAX(a.published) AS last_published
FROM speakers s
JOIN quotes q ON q.speaker_id = s.id
JOIN articles a ON a.id = q.article_id
GROUP BY s.id, s.name, s.key, s.kind, s.gender""",
        """CREATE VIEW speaker_outlets AS
SELECT s.id AS speaker_id, s.name AS speaker, s.kind, a.outlet_id, o.name AS outlet,
       COUNT(q.id) AS quotes, COUNT(DISTINCT q.article_id) AS articles,
       MIN(a.published) AS first_published, MAX(a.published) AS last_published
FROM quotes q
JOIN speakers s ON s.id = q.speaker_id
JOIN articles a ON a.id = q.article_id
LEFT JOIN outlets o ON o.id = a.outlet_id
GROUP BY s.id, s.name, s.kind, a.outlet_id, o.name""",
        f"""CREATE VIEW outlet_summary AS
SELECT o.id AS outlet_id, o.name AS outlet, o.domain,
       COUNT(DISTINCT a.id) AS articles, COUNT(q.id) AS quotes,
       COALESCE(SUM({anon}), 0) AS anonymous_quotes,
       {share(f"SUM({anon})", "COUNT(q.id)")} AS anonymous_share,
       COUNT(DISTINCT q.speaker_id) AS speakers,
       COALESCE(SUM(CASE WHEN q.via IS NOT NULL THEN 1 ELSE 0 END), 0) AS via_quotes,
       MIN(a.published) AS first_published, MAX(a.published) AS last_published
FROM outlets o
JOIN articles a ON a.outlet_id = o.id
LEFT JOIN quotes q ON q.article_id = a.id
GROUP BY o.id, o.name, o.domain""",
        f"""CREATE VIEW outlet_monthly AS
SELECT o.id AS outlet_id, o.name AS outlet, {month} AS month,
       COUNT(DISTINCT a.id) AS articles, COUNT(q.id) AS quotes,
       COALESCE(SUM({anon}), 0) AS anonymous_quotes,
       {share(f"SUM({anon})", "COUNT(q.id)")} AS anonymous_share
FROM outlets o
JOIN articles a ON a.outlet_id = o.id
LEFT JOIN quotes q ON q.article_id = a.id
WHERE a.published IS NOT NULL
GROUP BY o.id, o.name, {month}""",
        """CREATE VIEW outlet_intermediaries AS
SELECT a.outlet_id, o.name AS outlet, q.via,
       COUNT(q.id) AS quotes, COUNT(DISTINCT q.speaker_id) AS speakers,
       COUNT(DISTINCT q.article_id) AS articles,
       MIN(a.published) AS first_published, MAX(a.published) AS last_published
FROM quotes q
JOIN articles a ON a.id = q.article_id
LEFT JOIN outlets o ON o.id = a.outlet_id
WHERE q.via IS NOT NULL
GROUP BY a.outlet_id, o.name, q.via""",
    ]


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        month = "to_char(a.published, 'YYYY-MM')"
        op.execute(f"CREATE INDEX ix_quotes_content_fts ON quotes USING gin "
                   f"(to_tsvector('simple'::regconfig, {_pg_fold('content')}))")
    else:
        month = "SUBSTR(a.published, 1, 7)"
        op.execute("CREATE VIRTUAL TABLE quotes_fts USING fts5("
                   "content, content='', tokenize='unicode61 remove_diacritics 2')")
        new, old = _sqlite_fold("new.content"), _sqlite_fold("old.content")
        op.execute(f"CREATE TRIGGER quotes_fts_ai AFTER INSERT ON quotes BEGIN "
                   f"INSERT INTO quotes_fts(rowid, content) VALUES (new.id, {new}); END")
        op.execute(f"CREATE TRIGGER quotes_fts_ad AFTER DELETE ON quotes BEGIN "
                   f"INSERT INTO quotes_fts(quotes_fts, rowid, content) VALUES ('delete', old.id, {old}); END")
        op.execute(f"CREATE TRIGGER quotes_fts_au AFTER UPDATE OF id, content ON quotes BEGIN "
                   f"INSERT INTO quotes_fts(quotes_fts, rowid, content) VALUES ('delete', old.id, {old}); "
                   f"INSERT INTO quotes_fts(rowid, content) VALUES (new.id, {new}); END")
        op.execute(f"INSERT INTO quotes_fts(rowid, content) SELECT id, {_sqlite_fold('content')} FROM quotes")
    for stmt in _views(month):
        op.execute(stmt)


def downgrade() -> None:
    for name in reversed(VIEWS):
        op.execute(f"DROP VIEW IF EXISTS {name}")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_quotes_content_fts")
    else:
        for t in ("quotes_fts_au", "quotes_fts_ad", "quotes_fts_ai"):
            op.execute(f"DROP TRIGGER IF EXISTS {t}")
        op.execute("DROP TABLE IF EXISTS quotes_fts")
