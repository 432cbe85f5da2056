"""Real git repositories for the CI tests: a records folder at the root, committed."""

from __future__ import annotations

import subprocess
import textwrap
from pathlib import Path

from conftest import CONFIG, GOOD_EVENT, GOOD_ORG


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", *args], cwd=repo, capture_output=True, text=True, check=True, timeout=60
    )
    return done.stdout


def org(org_id: str, extra: str = "") -> str:
    return GOOD_ORG.replace("id: wksbm-contoh", f"id: {org_id}") + textwrap.dedent(extra)


def event(event_id: str, *orgs: str) -> str:
    text = GOOD_EVENT.replace("id: 2025-06-17-pelatihan", f"id: {event_id}")
    text = text.replace("tanggal: 2025-06-17", f"tanggal: {event_id[:10]}")
    return text.replace("organisasi: [wksbm-contoh]", f"organisasi: [{', '.join(orgs)}]")


def write(repo: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        target = repo / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


def make_repo(root: Path, files: dict[str, str]) -> Path:
    """A git repository at ``root`` holding wksbm.yaml and ``files``, all in one commit."""
    root.mkdir(parents=True, exist_ok=True)
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "user.name", "Test")
    git(root, "config", "user.email", "test@example.invalid")
    git(root, "config", "commit.gpgsign", "false")
    write(root, {"wksbm.yaml": CONFIG, **files})
    commit(root, "base")
    return root


def commit(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)
