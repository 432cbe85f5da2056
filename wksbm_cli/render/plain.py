"""A people's renderable as text for a file: no colour, no terminal codes, a fixed width."""

from __future__ import annotations

import io

from rich.console import Console, RenderableType

WIDTH = 100


def plain_text(renderable: RenderableType) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, width=WIDTH, color_system=None, highlight=False, emoji=False)
    console.print(renderable)
    return "\n".join(line.rstrip() for line in buffer.getvalue().split("\n"))
