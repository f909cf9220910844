"""The one way a test reaches the project's shared data (../shared: eval gold files, scorer, corpus).

Outside CI a missing file skips the test with a reason naming it; in CI (``CI`` set, as ``.ci/run``
does) it fails the test, so a CI run without the data cannot pass with half the suite skipped."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def shared_path(relative: str) -> Path:
    """``../shared/<relative>``; skips the calling test (fails it in CI) when the file is missing."""
    path = SHARED / relative
    if not path.exists():
        msg = f"shared data file not found: {path}"
        if in_ci():
            pytest.fail(f"{msg} (CI must run with ../shared checked out)", pytrace=False)
        pytest.skip(msg)
    return path
