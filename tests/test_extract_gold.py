"""Regression guard: the shared scorer on the dev gold file must stay above measured floors."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from quotetrack import extract

EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval"

# just under the figures measured on 2026-11-28 (quote F1 0.939, strict 0.878, attribution 0.906, pro-drop 0.974)
FLOORS = {"quote": 0.92, "quote_strict": 0.85, "attribution": 0.88}
PRO_DROP_FLOOR = 0.95


@pytest.mark.skipif(not (EVAL / "dev.jsonl").exists(), reason=f"gold file not found at {EVAL} (CI has ../shared)")
def test_dev_scores_stay_above_floor() -> None:
    spec = importlib.util.spec_from_file_location("score", EVAL / "score.py")
    assert spec and spec.loader
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    gold = score.load_jsonl(str(EVAL / "dev.jsonl"))
    preds = []
    for art in gold:
        for q in extract(art["text"]):
            preds.append({"article_id": art["id"], **q.to_dict()})
    r = score.score(gold, preds)
    for key, floor in FLOORS.items():
        assert r[key]["f1"] >= floor, (key, r[key])
    assert r["pro_drop_speaker_accuracy"] >= PRO_DROP_FLOOR
    assert r["predictions_for_unknown_articles"] == 0
    print(json.dumps({k: r[k] for k in ("quote", "quote_strict", "attribution")}))
