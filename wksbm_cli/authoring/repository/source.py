"""Where the CI of a new records repository gets wksbm from: a git repository at a fixed revision.

A bare ``pip install wksbm`` asks package indexes for a name nobody has claimed for this tool:
the install fails, and whoever claims the name later runs code in every such CI (dependency
confusion). So the generated CI installs wksbm from the git repository this wksbm itself was
installed from (PEP 610 ``direct_url.json``: VCS URL and commit), or from ``--wksbm-source``;
with neither, the CI files fail with a message saying what to fill in, and install nothing.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from wksbm_cli.errors import WksbmError

_REMOTE = re.compile(r"^(?:https|ssh|git)://[^\s/@]+(?:@[^\s/]+)?/\S+$")
_COMMIT = re.compile(r"^[0-9a-f]{40}$")


@dataclass(frozen=True)
class Source:
    url: str  # a git URL a CI runner can clone: https://..., ssh://...
    rev: str  # a commit id (verifiable), or a tag/branch as given

    @property
    def pip_spec(self) -> str:
        return f"wksbm @ git+{self.url}@{self.rev}"

    @property
    def pinned_to_commit(self) -> bool:
        return bool(_COMMIT.match(self.rev))


def parse(text: str) -> Source:
    """``URL@REV`` (``git+`` prefix optional) -> Source; refuses a local path or a missing REV,
    neither of which a remote CI runner could install from."""
    raw = text.strip()
    bare = raw[4:] if raw.startswith("git+") else raw
    url, sep, rev = bare.rpartition("@")
    if not sep or not rev or not _REMOTE.match(url):
        raise WksbmError("init.source-unusable", source=raw)
    return Source(url, rev)


def from_direct_url(text: str | None) -> Source | None:
    """The PEP 610 record of an install from git; None for a local folder or editable install
    (a path on this machine means nothing to a CI runner) and for anything else."""
    if not text:
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    url, vcs = data.get("url"), data.get("vcs_info")
    if not isinstance(url, str) or not isinstance(vcs, dict) or vcs.get("vcs") != "git":
        return None
    commit = vcs.get("commit_id")
    if not isinstance(commit, str) or not _COMMIT.match(commit):
        return None
    url = url[4:] if url.startswith("git+") else url
    if not _REMOTE.match(url) or "subdirectory" in data:
        return None
    return Source(url, commit)


def installed() -> Source | None:
    """Where the running wksbm was installed from, when that is a git repository."""
    from importlib import metadata

    try:
        text = metadata.distribution("wksbm").read_text("direct_url.json")
    except metadata.PackageNotFoundError:
        return None
    return from_direct_url(text)
