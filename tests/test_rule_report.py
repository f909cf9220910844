"""tools/rule_report.py: per-rule figures that add up to the shared scorer's, and a marginal F1 that
says which rules help.

The scorer is ../shared/eval/score.py (CI has ../shared; the tests skip without it). Articles come from
tests/data/gold_sample.jsonl, three gold articles of dev.jsonl kept in the repository.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import rule_report  # noqa: E402

SCORER = ROOT.parent / "shared" / "eval" / "score.py"
SAMPLE = Path(__file__).parent / "data" / "gold_sample.jsonl"

pytestmark = pytest.mark.skipif(not SCORER.exists(), reason=f"scorer not found at {SCORER} (CI has ../shared)")


@pytest.fixture(scope="module")
def scorer() -> ModuleType:
    return rule_report.load_scorer(SCORER)


@pytest.fixture(scope="module")
def gold(scorer: ModuleType) -> list[dict[str, Any]]:
    return scorer.load_jsonl(str(SAMPLE))


def _free_span(art: dict[str, Any], length: int = 40) -> tuple[int, int]:
    """A span of the article that overlaps no gold quote: a prediction there cannot match."""
    taken = sorted((q["start"], q["end"]) for q in art["quotes"])
    pos = 0
    for s, e in taken + [(len(art["text"]), len(art["text"]))]:
        if s - pos >= length:
            return pos, pos + length
        pos = max(pos, e)
    raise AssertionError("no free span in the article")


def _planted(gold: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Gold quotes as predictions: right in article 0, wrong speaker in article 1, plus junk in article 0."""
    a, b = gold[0], gold[1]
    preds = [{"article_id": a["id"], "start": q["start"], "end": q["end"], "content": q["content"],
              "speaker": q["speaker"], "rule": "test.copy"} for q in a["quotes"]]
    preds += [{"article_id": b["id"], "start": q["start"], "end": q["end"], "content": q["content"],
               "speaker": "لا أحد", "rule": "test.wrong"} for q in b["quotes"]]
    s, e = _free_span(a)
    preds.append({"article_id": a["id"], "start": s, "end": e, "content": a["text"][s:e],
                  "speaker": a["quotes"][0]["speaker"], "rule": "junk"})
    preds.append({"article_id": b["id"], "start": s, "end": e, "content": b["text"][s:e], "speaker": None,
                  "rule": "junk"})
    return preds


def test_planted_rules_get_the_figures_they_earn(scorer: ModuleType, gold: list[dict[str, Any]]) -> None:
    preds = _planted(gold)
    rep = rule_report.report(scorer, gold, preds)
    rules = {r.rule: r for r in rep.rules}
    n_a, n_b = len(gold[0]["quotes"]), len(gold[1]["quotes"])
    n_gold = sum(len(g["quotes"]) for g in gold)
    copy, wrong, junk = rules["test.copy"], rules["test.wrong"], rules["junk"]
    assert (copy.pred, copy.match, copy.right) == (n_a, n_a, n_a)
    assert copy.coverage == pytest.approx(n_a / n_gold) and copy.attribution_precision == 1.0
    assert (wrong.pred, wrong.match, wrong.right) == (n_b, n_b, 0)
    assert wrong.span_precision == 1.0 and wrong.attribution_precision == 0.0
    assert (junk.pred, junk.match, junk.right, junk.no_speaker) == (2, 0, 0, 1)
    # Right attributions add to F1; wrong speakers and junk only cost precision.
    assert copy.f1_delta is not None and copy.f1_delta > 0
    assert wrong.f1_delta is not None and wrong.f1_delta < 0
    assert junk.f1_delta is not None and junk.f1_delta < 0
    fam = {f.rule: f for f in rep.families}
    assert set(fam) == {"test", "junk"} and fam["test"].pred == n_a + n_b
    assert fam["test"].right == n_a


def test_totals_equal_the_scorer_on_extracted_quotes(scorer: ModuleType, gold: list[dict[str, Any]]) -> None:
    preds = rule_report.predict(gold)
    assert preds and all(p["rule"] for p in preds)
    rep = rule_report.report(scorer, gold, preds)
    scores = scorer.score(gold, preds)
    t = rep.total
    assert t.pred == scores["predicted_quotes"] == sum(r.pred for r in rep.rules) == sum(f.pred for f in rep.families)
    assert t.match == sum(r.match for r in rep.rules) and t.right == sum(r.right for r in rep.rules)
    assert scorer.prf(t.match, t.pred, t.gold) == scores["quote"]
    assert scorer.prf(t.right, t.pred, t.gold) == scores["attribution"]
    assert (t.match, t.right) == (sum(f.match for f in rep.families), sum(f.right for f in rep.families))


def test_json_output_carries_every_rule(scorer: ModuleType, gold: list[dict[str, Any]],
                                        capsys: pytest.CaptureFixture[str]) -> None:
    assert rule_report.main([str(SAMPLE), "--scorer", str(SCORER), "--json", "--depth", "2"]) == 0
    out = json.loads(capsys.readouterr().out)
    (rep,) = out["reports"]
    preds = rule_report.predict(gold)
    assert {r["rule"] for r in rep["rules"]} == {p["rule"] for p in preds}
    assert all(f["rule"].count(".") <= 1 for f in rep["families"])
    assert rep["scores"]["attribution"] == scorer.score(gold, preds)["attribution"]


def test_missing_gold_file_is_one_line_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert rule_report.main([str(tmp_path / "nope.jsonl"), "--scorer", str(SCORER)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nope.jsonl" in err
