"""Regression guard: the shared scorer on EVERY gold file of ../shared/eval must stay above its floors.

A gold file found there without a row in FLOORS fails, so a new file is scored from the day it lands."""
from __future__ import annotations

import importlib.util
import json
from types import ModuleType

import pytest

from quotetrack import extract

from shared_data import SHARED, shared_path

#: gold file -> minimum (attribution F1, quote F1, pro-drop speaker accuracy); raise them as the extractor improves
FLOORS: dict[str, tuple[float, float, float]] = {
    "dev.jsonl": (0.905, 0.935, 0.96),
    "dev2.jsonl": (0.86, 0.91, 0.95),
}

GOLD_FILES = sorted(set(FLOORS) | {p.name for p in (SHARED / "eval").glob("*.jsonl")})


@pytest.fixture(scope="module")
def scorer() -> ModuleType:
    """../shared/eval/score.py, imported by path (it is not a package)."""
    spec = importlib.util.spec_from_file_location("score", shared_path("eval/score.py"))
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", GOLD_FILES)
def test_gold_scores_stay_above_floors(name: str, scorer: ModuleType) -> None:
    gold = scorer.load_jsonl(str(shared_path(f"eval/{name}")))
    assert name in FLOORS, f"no floors for gold file {name}: add a row to FLOORS in {__file__}"
    preds = [{"article_id": art["id"], **q.to_dict()} for art in gold for q in extract(art["text"])]
    r = scorer.score(gold, preds)
    print(name, json.dumps({k: r[k] for k in ("quote", "quote_strict", "attribution", "pro_drop_speaker_accuracy")}))
    got = (r["attribution"]["f1"], r["quote"]["f1"], r["pro_drop_speaker_accuracy"])
    assert all(g >= f for g, f in zip(got, FLOORS[name], strict=True)), \
        f"{name}: (attribution F1, quote F1, pro-drop) {got} under floors {FLOORS[name]}"
    assert r["predictions_for_unknown_articles"] == 0
