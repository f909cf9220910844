"""Settings read from the environment, checked once so a bad value is one clear error (no traceback)."""
from __future__ import annotations

import math
import os

from .errors import ConfigError


def seconds_from_env(name: str, default: float) -> float:
    """A finite, non-negative number of seconds from the environment variable ``name`` (``default``
    when unset or blank). Anything else ("abc", "nan", "inf", "-1") is a ConfigError naming it."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value < 0 or value > 1e7:
        raise ConfigError(f"{name}={raw!r} is not a number of seconds (a finite number from 0 to 10,000,000; "
                          f"unset it for the default, {default:g})")
    return value
