"""The presentation choices of one run, settled by the CLI and handed to every renderer.

Whatever a renderer may depend on besides its data is a field here: the language, the folder's
words (``istilah``, roles), how CSV cells are written, and what the CLI found out about the
surroundings (the repository root for CI annotations, the browser named for PDF). Renderers
read no environment variable and run no program to learn these themselves.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from wksbm_cli.model.records import Config


@dataclass(frozen=True)
class Context:
    lang: str = "en"
    config: Config = field(default_factory=Config)
    shown_root: str = "."  # the records folder as the user named it (titles of summaries)
    raw_csv: bool = False  # --raw-csv: cells exactly as recorded, no formula guard
    quiet: bool = False  # --quiet: people's output is the final count line alone
    per_rule: bool = False  # validate --statistics: problems counted per rule
    # Where CI annotations' paths are relative to (GITHUB_WORKSPACE, else the git work tree);
    # None: paths as shown.
    repo_root: str | None = None
    browser: str = ""  # WKSBM_BROWSER: the browser to print PDF with ("": look on PATH)
