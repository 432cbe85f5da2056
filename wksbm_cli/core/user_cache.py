"""The user's own cache folder for wksbm (``$XDG_CACHE_HOME/wksbm``, else ``~/.cache/wksbm``):
the key that signs run summaries, and data derived from installed packages. Never the records
folder, which arrives from pull requests."""

from __future__ import annotations

import os


def user_cache_dir() -> str:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "wksbm")
