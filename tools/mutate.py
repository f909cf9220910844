"""Does the suite bite? Apply one-line mutations of important behaviour, one at a time, to a scratch
copy of the repository, run the tests named for each, and report which mutations they catch.

    python tools/mutate.py                 # every mutation; exit 1 if any survives
    python tools/mutate.py --only merge-aliases fts-escape
    python tools/mutate.py --list

The scratch copy holds the files git tracks or would track (the working tree as it is, uncommitted
edits included) in a temporary directory, beside a ``shared`` link to this checkout's ``../shared``
so data-driven tests run there too. Tests run with ``PYTHONPATH`` on the copy and ``quotetrack/migrations``
linked to its ``migrations/`` (the editable install would otherwise import the original), and without
bytecode files, so every run compiles the mutated source. First the named tests run unmutated: they must
pass, or a "caught" would mean nothing. A mutation whose original text is not found exactly once is an
error (the code moved: update the list)."""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Mutation:
    id: str
    area: str
    file: str
    original: str      # must occur exactly once in ``file``
    replacement: str
    tests: tuple[str, ...]
    what: str          # the behaviour that breaks


MUTATIONS: list[Mutation] = [
    # -- the five of the audit (issue 15)
    Mutation("insert-on-conflict", "ingest", "quotetrack/db/repo.py",
             'ins = dialect_insert(s, t).on_conflict_do_nothing(index_elements=["external_id"]) \\',
             "ins = dialect_insert(s, t) \\",
             ("tests/test_ingest.py::test_concurrent_ingesters_never_duplicate",),
             "concurrent ingesters insert the same article: one fails instead of skipping it"),
    Mutation("merge-aliases", "identity", "quotetrack/db/speakers.py",
             "moved_a = s.execute(update(SpeakerAlias).where(SpeakerAlias.speaker_id == sb.id)",
             "moved_a = s.execute(update(SpeakerAlias).where(SpeakerAlias.speaker_id == -1)",
             ("tests/test_ingest.py::test_merge_moves_the_merged_speakers_aliases",),
             "a merge leaves B's aliases behind (deleted with B): B's other spelling makes a new speaker"),
    Mutation("server-default", "migrations", "migrations/versions/0001_initial.py",
             'sa.Column("manual", sa.Boolean(), server_default=sa.false(), nullable=False)',
             'sa.Column("manual", sa.Boolean(), nullable=False)',
             ("tests/test_db_migrations.py::test_models_and_migrations_agree",),
             "speaker_aliases.manual loses its server default: migrations and models disagree"),
    Mutation("offset-map-runs", "extraction", "quotetrack/extractor/normalize.py",
             "index.extend(range(pos, i))", "index.extend(range(pos + 1, i + 1))",
             ("tests/test_extract_properties.py",),
             "folded text before a dropped/expanded character maps one place off"),
    Mutation("fts-escape", "queries", "quotetrack/queries.py",
             r'_WORD = regex.compile(r"[\p{L}\p{N}]+")', r'_WORD = regex.compile(r"\S+")',
             ("tests/test_queries.py::test_metacharacters_are_data",),
             "search text reaches FTS5 / to_tsquery with its syntax characters"),
    # -- extraction offsets
    Mutation("offset-end", "extraction", "quotetrack/extractor/normalize.py",
             "b = self.index[end - 1] + 1", "b = self.index[end - 1]",
             ("tests/test_extract_properties.py",),
             "a span mapped back to the original loses its last character"),
    Mutation("offset-expansion", "extraction", "quotetrack/extractor/normalize.py",
             "index.extend([i] * len(rep))", "index.extend([i + 1] * len(rep))",
             ("tests/test_extract_properties.py",),
             "characters expanded by folding (presentation forms, ﷲ) map to the next character"),
    # -- ingest
    Mutation("quote-published-copy", "ingest", "quotetrack/db/repo.py",
             '"published": published, "outlet_id": outlet_id,', '"published": None, "outlet_id": outlet_id,',
             ("tests/test_queries_speed.py::test_ingest_reingest_reextract_merge_keep_stats_exact",),
             "quotes lose their copy of the article date (date filters and facets go wrong)"),
    Mutation("reextract-deletes", "ingest", "quotetrack/db/repo.py",
             "gone = s.connection().execute(delete(t).where(t.c.article_id == article_id)",
             "gone = s.connection().execute(delete(t).where(t.c.article_id == -1)",
             ("tests/test_ingest.py",),
             "--reextract keeps the old quotes beside the new ones"),
    Mutation("skip-stored", "ingest", "quotetrack/ingest.py",
             "if eid is not None and not self.reextract:", "if eid is not None and self.reextract:",
             ("tests/test_ingest.py::test_whole_file_then_reingest_adds_nothing",),
             "a re-run extracts and rewrites stored articles instead of skipping them"),
    Mutation("stats-increment", "ingest", "quotetrack/db/repo.py",
             '"quotes": st.c.quotes + ex.quotes, "articles": st.c.articles + ex.articles,',
             '"quotes": ex.quotes, "articles": st.c.articles + ex.articles,',
             ("tests/test_queries_speed.py::test_ingest_reingest_reextract_merge_keep_stats_exact",),
             "speaker_stats.quotes is overwritten by each batch instead of added to"),
    # -- identity
    Mutation("abd-join", "identity", "quotetrack/db/speakers.py",
             'return _ABD.sub("عبد", name_key(name))', "return name_key(name)",
             ("tests/test_ingest.py::test_spelling_variants_fold_to_one_speaker",),
             '"عبد الله" and "عبدالله" become two keys'),
    Mutation("loose-initial", "identity", "quotetrack/db/speakers.py",
             'first = "غ" if tok[0] in "جگ" else tok[0]', "first = tok[0]",
             ("tests/test_ingest.py::test_spelling_variants_fold_to_one_speaker",),
             "غوتيريش / جوتيريش stay two speakers"),
    Mutation("surname-ambiguous", "identity", "quotetrack/db/speakers.py",
             "return ids[0] if len(ids) == 1 else None", "return ids[0] if ids else None",
             ("tests/test_ingest.py::test_bare_surname_of_two_people_joins_neither",),
             "a bare surname shared by two people joins one of them"),
    Mutation("merge-facets", "identity", "quotetrack/db/speakers.py",
             "recompute_speaker_facets(s, {sa_.id, sb.id})", "pass",
             ("tests/test_queries_speed.py::test_ingest_reingest_reextract_merge_keep_stats_exact",),
             "after a merge the kept speaker's facets miss the merged one's quotes"),
    # -- queries
    Mutation("until-inclusive", "queries", "quotetrack/queries.py",
             "out.append(col <= until)", "out.append(col < until)",
             ("tests/test_queries.py::test_date_filters_are_inclusive",),
             "--until drops the quotes of its own day"),
    Mutation("anonymous-share", "queries", "quotetrack/queries.py",
             "anon = func.sum(case((_q.c.anonymous == true(), 1), else_=0))",
             "anon = func.sum(case((_q.c.anonymous == false(), 1), else_=0))",
             ("tests/test_queries.py::test_outlet_report_matches_views",),
             "the outlets report counts named sources as anonymous"),
    # -- migrations
    Mutation("0003-backfill", "migrations", "migrations/versions/0003_query_speed.py",
             '"FROM articles AS a WHERE a.id = quotes.article_id "',
             '"FROM articles AS a WHERE a.id = -quotes.article_id "',
             ("tests/test_queries_speed.py::test_downgrade_upgrade_backfills",),
             "upgrading an existing SQLite database leaves quotes without their date and outlet"),
    Mutation("0004-backfill", "migrations", "migrations/versions/0004_speaker_facets.py",
             '(("title", "title"), ("stance", "stance"),', '(("title", "title"), ("stance", "type"),',
             ("tests/test_queries_speed.py::test_downgrade_upgrade_backfills",),
             "the facet backfill of an existing database fills 'stance' with the quote types"),
    Mutation("0005-downgrade", "migrations", "migrations/versions/0005_pg_fts_column.py",
             'op.execute("ALTER TABLE quotes DROP COLUMN content_fts")', "pass",
             ("tests/test_db_migrations.py::test_each_downgrade_restores_the_revision_below",),
             "downgrading PostgreSQL below 0005 keeps the generated column (and upgrading again fails)"),
]


def scratch_copy(dest: Path) -> Path:
    """Copy the tracked and untracked-but-not-ignored files of ROOT to ``dest/repo``; link ``dest/shared``."""
    files = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                           capture_output=True, check=True).stdout.decode().split("\0")
    repo = dest / "repo"
    for name in filter(None, files):
        src = ROOT / name
        if src.is_file():
            (repo / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, repo / name)
    if (ROOT.parent / "shared").exists():
        (dest / "shared").symlink_to(ROOT.parent / "shared")
    (repo / "quotetrack" / "migrations").symlink_to(repo / "migrations")
    return repo


def run_tests(repo: Path, tests: tuple[str, ...], timeout: float) -> tuple[str, float, str]:
    """('passed' | 'failed' | 'timeout' | 'error', seconds, last output line) of pytest on ``tests``
    (pytest exits 1 when a test failed; 2-5 mean it could not run them: 'error')."""
    env = dict(os.environ, PYTHONPATH=str(repo), PYTHONDONTWRITEBYTECODE="1")
    env.pop("QUOTETRACK_DB", None)
    t0 = time.perf_counter()
    try:
        p = subprocess.run([sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", *tests],
                           cwd=repo, env=env, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return "timeout", time.perf_counter() - t0, f"no result in {timeout:.0f} s"
    lines = [x for x in p.stdout.splitlines() if x.strip()]
    last = lines[-1] if lines else p.stderr.strip()[-200:]
    status = {0: "passed", 1: "failed"}.get(p.returncode, "error")
    return status, time.perf_counter() - t0, last


def check_imports(repo: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(repo), PYTHONDONTWRITEBYTECODE="1")
    code = "import quotetrack.db.migrate as m, quotetrack; print(quotetrack.__file__); print(m.migrations_dir())"
    out = subprocess.run([sys.executable, "-c", code], cwd=repo, env=env, capture_output=True, text=True,
                         check=True).stdout.split()
    if not all(Path(x).resolve().is_relative_to(repo.resolve()) for x in out):
        sys.exit(f"the scratch copy imports code from elsewhere: {out}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", nargs="*", help="mutation ids to run (default: all)")
    ap.add_argument("--list", action="store_true", help="list the mutations and exit")
    ap.add_argument("--timeout", type=float, default=900, help="seconds per test run (default 900)")
    ap.add_argument("--keep", action="store_true", help="keep the scratch directory")
    a = ap.parse_args()
    chosen = [m for m in MUTATIONS if not a.only or m.id in a.only]
    if a.only and len(chosen) != len(set(a.only)):
        sys.exit(f"unknown mutation id in {a.only}; see --list")
    if a.list:
        for m in chosen:
            print(f"{m.id:22} {m.area:11} {m.file}: {m.what}")
        return 0

    tmp = Path(tempfile.mkdtemp(prefix="qt-mutate-"))
    try:
        repo = scratch_copy(tmp)
        check_imports(repo)
        baseline = tuple(dict.fromkeys(t for m in chosen for t in m.tests))
        status, secs, last = run_tests(repo, baseline, a.timeout)
        print(f"baseline (unmutated, {len(baseline)} test targets): {status} in {secs:.0f} s: {last}", flush=True)
        if status != "passed":
            return 2
        rows = []
        for m in chosen:
            path = repo / m.file
            source = path.read_text(encoding="utf-8")
            n = source.count(m.original)
            if n != 1:
                rows.append((m, "ERROR", 0.0, f"original text found {n} times"))
                continue
            path.write_text(source.replace(m.original, m.replacement), encoding="utf-8")
            try:
                status, secs, last = run_tests(repo, m.tests, a.timeout)
            finally:
                path.write_text(source, encoding="utf-8")
            # a pytest error (collection, usage) says the mutation broke more than behaviour: not a catch
            verdict = {"failed": "caught", "timeout": "caught (timeout)", "error": "ERROR"}.get(status, "SURVIVED")
            rows.append((m, verdict, secs, last))
            print(f"{m.id}: {verdict} ({secs:.0f} s) {last}", flush=True)
    finally:
        if a.keep:
            print(f"scratch copy kept in {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)

    print("\n| mutation | area | file | change | tests run | result | s |")
    print("|---|---|---|---|---|---|---:|")
    for m, verdict, secs, _last in rows:
        tests = ", ".join(t.removeprefix("tests/") for t in m.tests)
        print(f"| {m.id} | {m.area} | {m.file} | {m.what} | {tests} | {verdict} | {secs:.0f} |")
    caught = sum(v.startswith("caught") for _, v, _, _ in rows)
    print(f"\n{caught} of {len(rows)} mutations caught")
    return 0 if caught == len(rows) else 1


if __name__ == "__main__":
    sys.exit(main())
