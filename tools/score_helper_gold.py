"""Score the extractor on the helper-annotated sets in eval/helper_gold (annotations only; the article texts
are joined from ../shared/corpus by id), with ../shared/eval/score.py.

    python tools/score_helper_gold.py [D E F G H I J K L M]

The sets were annotated under ../shared/eval/GUIDELINES.md by a model-based helper that read only the article
text, not the extractor's output: a second opinion, not a human gold file. See eval/helper_gold/README.md for
which sets were read while writing rules (D, E, G, H, K, L) and which were kept unread (F, I, J, M).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def texts(ids: set[str]) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for name in ("news.jsonl", "bulk.jsonl"):
        with (SHARED / "corpus" / name).open(encoding="utf-8") as f:
            for line in f:
                d = json.loads(line)
                if d["id"] in ids:
                    out[d["id"]] = d
    return out


def main(sets: list[str]) -> None:
    for name in sets:
        rows = [json.loads(x) for x in (ROOT / "eval" / "helper_gold" / f"{name}.jsonl").read_text("utf-8").splitlines()]
        arts = texts({r["id"] for r in rows})
        with tempfile.TemporaryDirectory() as tmp:
            gold = Path(tmp) / "gold.jsonl"
            with gold.open("w", encoding="utf-8") as f:
                for r in rows:
                    d = arts[r["id"]]
                    f.write(json.dumps({k: d.get(k) for k in ("id", "outlet", "date", "title", "text")} | {
                        "quotes": r["quotes"]}, ensure_ascii=False) + "\n")
            pred = Path(tmp) / "pred.jsonl"
            with pred.open("w", encoding="utf-8") as f:
                subprocess.run([sys.executable, "-m", "quotetrack", "extract", str(gold), "--format", "jsonl"],
                               stdout=f, check=True)
            print(f"== helper set {name}")
            subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), str(gold), str(pred)], check=True)


if __name__ == "__main__":
    known = sorted(p.stem for p in (ROOT / "eval" / "helper_gold").glob("*.jsonl"))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sets", nargs="*", metavar="SET", help=f"sets to score (default: all of {known})")
    sets = ap.parse_args().sets or known
    if unknown := [s for s in sets if s not in known]:
        ap.error(f"no helper set {', '.join(unknown)} (known: {', '.join(known)})")
    main(sets)
