"""Git for the tests that build repositories: a fixed author, so commits work on any machine."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

AUTHOR = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
          "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}  # fmt: skip


def git(repo: Path, *args: str) -> str:
    """Run git in `repo`; its output, or CalledProcessError when it fails."""
    done = subprocess.run(
        ["git", *args],
        cwd=repo,
        env={**os.environ, **AUTHOR},
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout
