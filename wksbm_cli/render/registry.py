"""Which function draws which subject in which format: the one table every command asks.

A command names its subject (``problems``, ``completeness``, ``report``...) and the format the
user chose; :func:`render` finds the entry below and calls its function with the data and the
run's presentation choices (:class:`wksbm_cli.render.context.Context`). Every renderer has that
one shape, ``(data, ctx) -> text | bytes | rich renderable``, and reads nothing else (no
environment, no git, no clock), so its output is a function of its arguments.

A command's ``--format`` choices are this table's formats of its subject
(``cli/options.py``), so adding a format is one renderer, one line here and one golden file;
every command of that subject offers it at once, and its ``--help`` lists it.

Entries name their function as ``"module:function"`` and are imported on first use, not here:
the CLI reads this table when it starts (for the choices), and importing every renderer then
would pull rich tables, the engine's result types and the HTML report into ``wksbm --help``
(``tests/test_startup.py``). ``tests/test_render_registry.py`` resolves every entry, so a
misspelt name fails there and not in a user's hands.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from rich.console import RenderableType

    from wksbm_cli.render.context import Context

#: What a renderer returns. ``text``: a str written byte-exact (machines, files, Markdown);
#: ``people``: a rich renderable for a terminal (written as plain text to a pipe or a file);
#: ``bytes``: a binary document, which only goes to a file (``--output``).
Kind = Literal["text", "people", "bytes"]


@dataclass(frozen=True)
class Renderer:
    subject: str
    format: str
    target: str  # "package.module:function", imported on first use
    kind: Kind = "text"
    # Paths shown relative to the repository root (annotations a CI service places on files):
    # the CLI then finds that root and passes it as ``Context.repo_root``.
    repo_paths: bool = False
    # "module:function" called with the Context before any work, to refuse early what cannot
    # succeed (PDF: no browser to print with).
    check: str | None = None

    def function(self) -> Callable[..., Any]:
        return resolve(self.target)


def resolve(target: str) -> Callable[..., Any]:
    module, _, name = target.partition(":")
    function: Callable[..., Any] = getattr(importlib.import_module(module), name)
    return function


_P = "wksbm_cli.render.problems."
_F = "wksbm_cli.render.figures."

RENDERERS: tuple[Renderer, ...] = (
    # wksbm validate
    Renderer("problems", "text", _P + "text:render", "people"),
    Renderer("problems", "json", _P + "json_out:render"),
    Renderer("problems", "github", _P + "github:render", repo_paths=True),
    Renderer("problems", "sarif", _P + "sarif:render", repo_paths=True),
    # wksbm completeness
    Renderer("completeness", "text", _F + "completeness_out:render_text", "people"),
    Renderer("completeness", "json", _F + "completeness_out:render_json"),
    Renderer("completeness", "csv", _F + "completeness_out:render_csv"),
    Renderer("completeness", "markdown", _F + "completeness_out:render_markdown"),
    # wksbm summary
    Renderer("summary", "text", _F + "summary_out:render_text", "people"),
    Renderer("summary", "json", _F + "summary_out:render_json"),
    Renderer("summary", "markdown", _F + "summary_out:render_markdown"),
    Renderer("summary", "csv", _F + "summary_out:render_csv"),
    # wksbm report
    Renderer("report", "text", _F + "report_out:render_text", "people"),
    Renderer("report", "markdown", _F + "report_out:render_markdown"),
    Renderer("report", "csv", _F + "report_out:render_csv"),
    Renderer("report", "json", _F + "report_out:render_json"),
    Renderer("report", "html", _F + "report_html:render"),
    Renderer(
        "report",
        "pdf",
        _F + "report_html:render_pdf",
        "bytes",
        check="wksbm_cli.render.pdf:preflight",
    ),
    # wksbm list, wksbm show
    Renderer("list", "text", _F + "record_views:list_text", "people"),
    Renderer("list", "json", _F + "record_views:list_json"),
    Renderer("list", "csv", _F + "record_views:list_csv"),
    Renderer("show", "text", _F + "record_views:show_text", "people"),
    Renderer("show", "json", _F + "record_views:show_json"),
    # wksbm diff
    Renderer("diff", "markdown", _F + "diff_markdown:render"),
    # wksbm wilayah
    Renderer("wilayah", "text", _F + "wilayah_out:render_text", "people"),
    Renderer("wilayah", "json", _F + "wilayah_out:render_json"),
    # wksbm rules
    Renderer("rules", "text", _F + "rules_doc:render_text", "people"),
    Renderer("rules", "markdown", _F + "rules_doc:render_markdown"),
    Renderer("rules", "json", _F + "rules_doc:render_json"),
    # wksbm pengurus, sk, status, peserta
    Renderer("edit", "text", _F + "edit_out:render_text"),
    Renderer("edit", "json", _F + "edit_out:render_json"),
    # wksbm import
    Renderer("import", "text", _F + "import_out:render_text"),
    Renderer("import", "json", _F + "import_out:render_json"),
)

_INDEX: dict[tuple[str, str], Renderer] = {(r.subject, r.format): r for r in RENDERERS}


def subjects() -> tuple[str, ...]:
    return tuple(dict.fromkeys(r.subject for r in RENDERERS))


def formats(subject: str) -> tuple[str, ...]:
    """The formats of ``subject``, in the order ``--help`` lists them."""
    found = tuple(r.format for r in RENDERERS if r.subject == subject)
    if not found:
        raise KeyError(f"no renderer for {subject!r}")
    return found


def renderer(subject: str, fmt: str) -> Renderer:
    return _INDEX[(subject, fmt)]


def render(subject: str, fmt: str, data: Any, ctx: Context) -> str | bytes | RenderableType | None:
    """``data`` drawn as ``fmt``: str, bytes, a rich renderable, or None for nothing at all."""
    drawn: str | bytes | RenderableType | None = renderer(subject, fmt).function()(data, ctx)
    return drawn
