#!/usr/bin/env python3
"""Per-rule (per-sieve) precision and coverage on the gold files, so a rule is judged by what it adds.

    python tools/rule_report.py [GOLD.jsonl ...] [--scorer score.py] [--depth N] [--json]

Every ``Quote`` carries the ``rule`` that produced it (cue.past, cue.part.prodrop,
according, quote.labelled …). For each rule, and for each family (the first ``--depth``
dotted parts, default 1), on each gold file (default ../shared/eval/dev.jsonl and
dev2.jsonl):

- ``pred``: quotes it produced; ``match``: those matched to a gold quote; ``right``:
  those matched with the right speaker; ``no spk``: those that name no speaker. Matching is the shared scorer's, imported
  from ``score.py`` (span overlap ≥ half the longer span, one-to-one, over all the
  predictions of an article at once), never a copy of it.
- ``span P`` = match / pred and ``attr P`` = right / pred: how far the rule is to be
  trusted; ``cover`` = match / gold quotes and ``attr cover`` = right / gold quotes:
  how much of the file it settles.
- ``F1 without``: the file's attribution F1 rescored by ``score.score`` with the
  rule's predictions removed, and ``ΔF1`` = F1 with everything − F1 without: what the
  rule adds (negative: the file is better without it).

The totals row sums the rules; its figures equal ``score.py``'s on the same
predictions (the test checks this). Extraction is ``quotetrack.extract(text,
outlet=...)`` with each gold article's outlet, as ingest runs it.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from functools import partial
from pathlib import Path
from types import ModuleType
from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table

from quotetrack import extract

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
TOTAL = "(all)"
#: a prediction, whether it matched a gold quote, whether its speaker is right
Judged = tuple[dict[str, Any], bool, bool]


def _share(n: int, base: int) -> float:
    return n / base if base else 0.0


@dataclass(slots=True)
class RuleStats:
    """What one rule (or family) produced on one gold file."""

    rule: str
    pred: int = 0
    match: int = 0
    right: int = 0
    no_speaker: int = 0              # predictions that name no speaker (counted wrong by the scorer)
    gold: int = 0                    # gold quotes in the file, the base of coverage
    f1_without: float | None = None
    f1_delta: float | None = None

    @property
    def span_precision(self) -> float:
        return _share(self.match, self.pred)

    @property
    def attribution_precision(self) -> float:
        return _share(self.right, self.pred)

    @property
    def coverage(self) -> float:
        return _share(self.match, self.gold)

    @property
    def attribution_coverage(self) -> float:
        return _share(self.right, self.gold)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d.update(span_precision=round(self.span_precision, 4),
                 attribution_precision=round(self.attribution_precision, 4),
                 coverage=round(self.coverage, 4), attribution_coverage=round(self.attribution_coverage, 4))
        return d


@dataclass(slots=True)
class Report:
    """One gold file: the scorer's own figures, then a row per rule and per family."""

    gold_file: str
    scores: dict[str, Any]
    total: RuleStats
    rules: list[RuleStats]
    families: list[RuleStats]

    def to_dict(self) -> dict[str, Any]:
        return {"gold_file": self.gold_file, "scores": self.scores, "total": self.total.to_dict(),
                "rules": [r.to_dict() for r in self.rules], "families": [f.to_dict() for f in self.families]}


def load_scorer(path: Path) -> ModuleType:
    """The shared ``score.py``, imported from its file (it is not a package)."""
    spec = importlib.util.spec_from_file_location("quotetrack_shared_score", path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot import the scorer at {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def predict(gold_rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``extract`` on every gold article, as score.py's one-quote-a-line predictions (with ``rule``)."""
    preds = []
    for art in gold_rows:
        for q in extract(art["text"], outlet=art.get("outlet")):
            preds.append({"article_id": str(art["id"]), **q.to_dict()})
    return preds


def judge(scorer: ModuleType, gold_rows: list[dict[str, Any]],
          preds: list[dict[str, Any]]) -> list[Judged]:
    """Each prediction with (matched a gold quote, and with the right speaker), as score.score decides."""
    by_article = scorer.group_predictions(preds)
    out = []
    for art in gold_rows:
        text, gold = art["text"], art.get("quotes") or []
        pred = by_article.get(str(art["id"]), [])
        pairs = dict((pi, gi) for gi, pi in scorer.match([scorer.span_of(q, text) for q in gold],
                                                          [scorer.span_of(q, text) for q in pred],
                                                          scorer.MATCH_RATIO))
        for pi, p in enumerate(pred):
            gi = pairs.get(pi)
            out.append((p, gi is not None, gi is not None and scorer.speaker_right(p.get("speaker"), gold[gi])))
    return out


Key = Callable[[dict[str, Any]], str]


def rule_of(pred: dict[str, Any]) -> str:
    return str(pred["rule"])


def family_of(pred: dict[str, Any], depth: int) -> str:
    """The first ``depth`` dotted parts of the rule: cue.past.prodrop → cue (depth 1), cue.past (2)."""
    return ".".join(rule_of(pred).split(".")[:depth])


def _tally(judged: Iterable[Judged], key: str, gold: int) -> RuleStats:
    s = RuleStats(key, gold=gold)
    for p, matched, right in judged:
        s.pred += 1
        s.match += matched
        s.right += right
        s.no_speaker += not p.get("speaker")
    return s


def _grouped(judged: list[Judged], name: Key, gold: int) -> list[RuleStats]:
    groups: dict[str, list[Judged]] = {}
    for j in judged:
        groups.setdefault(name(j[0]), []).append(j)
    return sorted((_tally(v, k, gold) for k, v in groups.items()), key=lambda s: (-s.pred, s.rule))


def report(scorer: ModuleType, gold_rows: list[dict[str, Any]], preds: list[dict[str, Any]],
           depth: int = 1, gold_file: str = "") -> Report:
    """Rule and family rows for ``preds`` on ``gold_rows``, with each one's marginal attribution F1."""
    scores = scorer.score(gold_rows, preds)
    n_gold = scores["gold_quotes"]
    judged = judge(scorer, gold_rows, preds)
    by_rule: Key = rule_of
    by_family: Key = partial(family_of, depth=depth)
    rules, families = _grouped(judged, by_rule, n_gold), _grouped(judged, by_family, n_gold)
    full = scores["attribution"]["f1"]
    for stats, name in [(r, by_rule) for r in rules] + [(f, by_family) for f in families]:
        without = scorer.score(gold_rows, [p for p in preds if name(p) != stats.rule])["attribution"]["f1"]
        stats.f1_without, stats.f1_delta = without, round(full - without, 4)
    return Report(gold_file, scores, _tally(judged, TOTAL, n_gold), rules, families)


def table(rep: Report) -> Table:
    s = rep.scores
    t = Table(title=f"{rep.gold_file}: {s['articles']} articles, {s['gold_quotes']} gold quotes, quote F1 "
                    f"{s['quote']['f1']:.3f}, attribution F1 {s['attribution']['f1']:.3f}",
              box=box.MARKDOWN, title_justify="left")
    for col in ("rule", "pred", "match", "right", "no spk", "span P", "attr P", "cover", "attr cover", "F1 without", "ΔF1"):
        t.add_column(col, justify="left" if col == "rule" else "right")

    def row(r: RuleStats, style: str | None = None) -> None:
        t.add_row(r.rule, str(r.pred), str(r.match), str(r.right), str(r.no_speaker), f"{r.span_precision:.3f}",
                  f"{r.attribution_precision:.3f}", f"{r.coverage:.3f}", f"{r.attribution_coverage:.3f}",
                  "" if r.f1_without is None else f"{r.f1_without:.3f}",
                  "" if r.f1_delta is None else f"{r.f1_delta:+.3f}", style=style)

    for r in rep.rules:
        row(r)
    t.add_section()
    for f in rep.families:
        row(RuleStats(f"family {f.rule}", f.pred, f.match, f.right, f.no_speaker, f.gold, f.f1_without, f.f1_delta))
    t.add_section()
    row(rep.total, style="bold")
    return t


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", nargs="*", type=Path, help=f"gold JSONL files (default {EVAL}/dev.jsonl, dev2.jsonl)")
    ap.add_argument("--scorer", type=Path, default=EVAL / "score.py", help="the shared score.py")
    ap.add_argument("--depth", type=int, default=1, help="dotted parts of a rule that name its family (default 1)")
    ap.add_argument("--json", action="store_true", help="one JSON object: a report a gold file")
    a = ap.parse_args(argv)
    files = a.gold or [EVAL / "dev.jsonl", EVAL / "dev2.jsonl"]
    for p in [a.scorer, *files]:
        if not p.is_file():
            print(f"error: no file at {p}", file=sys.stderr)
            return 2
    scorer = load_scorer(a.scorer)
    reports = []
    for p in files:
        gold_rows = scorer.load_jsonl(str(p))
        reports.append(report(scorer, gold_rows, predict(gold_rows), a.depth, p.name))
    if a.json:
        print(json.dumps({"reports": [r.to_dict() for r in reports]}, ensure_ascii=False))
        return 0
    console = Console(width=200)
    for r in reports:
        console.print(table(r))
        console.print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
