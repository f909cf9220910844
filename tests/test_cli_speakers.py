"""`quotetrack speakers rename | split | alias remove | review` and `speakers merge` from the command line."""
from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from quotetrack.cli import app

runner = CliRunner()
ARTICLES = [
    {"id": "k1", "outlet": "الجزيرة", "date": "2021-06-01",
     "text": "قال وزير الخارجية الأميركي جون كيري إن المفاوضات مع إيران مستمرة حتى الآن."},
    {"id": "k2", "outlet": "العربية", "date": "2021-06-02",
     "text": "قال وزير الخارجية الأميركي جون كيري إن واشنطن لن تتخلى عن حلفائها في المنطقة."},
    {"id": "k3", "outlet": "الشرق الأوسط", "date": "2021-06-03",
     "text": "قال رئيس الوزراء البريطاني بوريس جونسون إن بلاده ستغادر الاتحاد الأوروبي في موعدها."},
]


def _db(tmp_path: Path) -> str:
    src = tmp_path / "a.jsonl"
    src.write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in ARTICLES) + "\n", encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'q.db'}"
    r = runner.invoke(app, ["--db", url, "ingest", str(src), "-q"])
    assert r.exit_code == 0, r.stderr
    return url


def _speakers(url: str) -> dict[str, int]:
    r = runner.invoke(app, ["--db", url, "speakers", "-f", "json", "-n", "0"])
    assert r.exit_code == 0, r.stderr
    return {row["speaker"]: row["quotes"] for row in json.loads(r.stdout)}


def test_rename_split_alias_remove_from_the_cli(tmp_path: Path) -> None:
    url = _db(tmp_path)
    assert _speakers(url) == {"جون كيري": 2, "بوريس جونسون": 1}
    r = runner.invoke(app, ["--db", url, "speakers", "rename", "جون كيري", "جون فوربس كيري"])
    assert r.exit_code == 0 and "جون كيري -> جون فوربس كيري" in r.stdout
    r = runner.invoke(app, ["--db", url, "speakers", "split", "جون فوربس كيري", "كيري آخر", "--article", "k2"])
    assert r.exit_code == 0 and "moved 1 quotes" in r.stdout, r.stderr
    assert _speakers(url) == {"جون فوربس كيري": 1, "كيري آخر": 1, "بوريس جونسون": 1}
    # the decisions hold through a re-extraction
    src = tmp_path / "a.jsonl"
    r = runner.invoke(app, ["--db", url, "ingest", str(src), "-q", "--reextract"])
    assert r.exit_code == 0, r.stderr
    assert _speakers(url) == {"جون فوربس كيري": 1, "كيري آخر": 1, "بوريس جونسون": 1}
    # the speaker's own name cannot be removed; another name takes its quotes to a speaker of its own
    r = runner.invoke(app, ["--db", url, "speakers", "alias", "remove", "جون فوربس كيري", "جون فوربس كيري"])
    assert r.exit_code == 1 and "rename it instead" in r.stderr
    r = runner.invoke(app, ["--db", url, "speakers", "alias", "remove", "جون فوربس كيري", "جون كيري"])
    assert r.exit_code == 0 and "1 quotes moved to جون كيري" in r.stdout, r.stderr
    assert _speakers(url) == {"جون كيري": 1, "كيري آخر": 1, "بوريس جونسون": 1}
    # errors are one line and exit 1 / 2
    r = runner.invoke(app, ["--db", url, "speakers", "rename", "لا أحد هنا", "س"])
    assert r.exit_code == 1 and r.stderr.startswith("error: no speaker named")
    r = runner.invoke(app, ["--db", url, "speakers", "rename", "بوريس جونسون", "بوريس من"])
    assert r.exit_code == 1 and "not a name" in r.stderr
    r = runner.invoke(app, ["--db", url, "speakers", "split", "بوريس جونسون"])
    assert r.exit_code == 2
    r = runner.invoke(app, ["--db", url, "speakers", "merge", "جون كيري", "كيري آخر"])
    assert r.exit_code == 0 and "1 quotes" in r.stdout
    assert _speakers(url) == {"جون كيري": 2, "بوريس جونسون": 1}


def test_review_from_the_cli(tmp_path: Path) -> None:
    url = _db(tmp_path)
    r = runner.invoke(app, ["--db", url, "speakers", "review", "-f", "json", "--min-quotes", "1"])
    assert r.exit_code == 0, r.stderr
    assert json.loads(r.stdout) == []  # clean names, no near-duplicates
    r = runner.invoke(app, ["--db", url, "speakers", "review"])
    assert r.exit_code == 0 and "nothing to review" in r.stderr
