"""Command groups whose commands are imported when they are looked up.

A command module imports what its commands need (the ingest stack, alembic, datasette); loading
every module to run one command made `quotetrack quotes` pay for all of them. A group built on
``LazyCommandsGroup`` lists its commands by name and imports the module defining one only when
it runs (or when --help lists them).
"""
from __future__ import annotations

import copy
from functools import lru_cache
from importlib import import_module
from typing import Any, ClassVar

import typer
import typer.main
from typer.core import TyperGroup


@lru_cache(maxsize=None)
def commands_of(module: str) -> TyperGroup:
    """The commands that ``quotetrack.commands.<module>`` registers with its ``register(app)``."""
    sub = typer.Typer()
    import_module(f"quotetrack.commands.{module}").register(sub)
    return typer.main.get_group(sub)


class LazyCommandsGroup(TyperGroup):
    """``LAZY`` maps a command name (in listing order) to (module, the name it registers there)."""

    LAZY: ClassVar[dict[str, tuple[str, str]]] = {}

    def list_commands(self, ctx: Any) -> list[str]:
        return [*super().list_commands(ctx), *self.LAZY]

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        cmd = super().get_command(ctx, cmd_name)
        if cmd is None and cmd_name in self.LAZY:
            module, name = self.LAZY[cmd_name]
            cmd = commands_of(module).get_command(ctx, name)
            if cmd is not None and name != cmd_name:   # the same command under another name
                cmd = copy.copy(cmd)
                cmd.name = cmd_name
        return cmd
