"""The Click classes our help and error handling extend, from whichever Click Typer runs on
(recent Typer vendors it as ``typer._click``; older ones use the ``click`` package)."""

from __future__ import annotations

try:  # pragma: no cover - depends on the installed Typer
    from typer._click.core import Context
    from typer._click.exceptions import ClickException, NoArgsIsHelpError
    from typer._click.formatting import HelpFormatter
    from typer.exceptions import Abort
except ImportError:  # pragma: no cover - Typer releases that use the click package
    from click import (  # type: ignore[import-not-found,no-redef,assignment,unused-ignore]
        Context,
        HelpFormatter,
    )
    from click.exceptions import (  # type: ignore[import-not-found,no-redef,assignment,unused-ignore]
        Abort,
        ClickException,
        NoArgsIsHelpError,
    )

__all__ = ["Abort", "ClickException", "Context", "HelpFormatter", "NoArgsIsHelpError"]
