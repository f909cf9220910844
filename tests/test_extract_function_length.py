"""The extractor stays readable as small stages (issue 11): no function in ``quotetrack/extractor/``
runs longer than 80 lines, so each construction is read by a function named for it rather than by one
more branch in a long walk."""
from __future__ import annotations

import ast
from pathlib import Path

import quotetrack.extractor

MAX_LINES = 80


def _function_lengths() -> list[tuple[int, str]]:
    root = Path(quotetrack.extractor.__file__).parent
    out = []
    for path in sorted(root.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                out.append((node.end_lineno - node.lineno + 1, f"{path.name}:{node.lineno} {node.name}"))
    return out


def test_no_extractor_function_is_longer_than_80_lines():
    lengths = _function_lengths()
    assert len(lengths) > 50  # the scan found the package's functions
    too_long = sorted((n, where) for n, where in lengths if n > MAX_LINES)
    assert too_long == [], too_long
