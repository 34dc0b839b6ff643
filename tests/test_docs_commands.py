"""Every `noticegen` command shown in the docs runs, in a scratch repository holding a copy of
the notice: it exits 0 (or 1, lint with findings) and never with a traceback."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from gitrepo import git

ROOT = Path(__file__).resolve().parents[1]
DOCS = [*sorted((ROOT / "docs").glob("*.md")), ROOT / "README.md"]
PUBLISHED = ROOT / "tests" / "fixtures" / "ims-as-published"
_FENCE = re.compile(r"^```(sh|console)[ \t]*\n(.*?)^```", re.M | re.S)
# `serve` runs until stopped: it is shown, not run.
_NOT_RUN = ("noticegen serve",)


def commands(path: Path) -> list[str]:
    found = []
    for match in _FENCE.finditer(path.read_text(encoding="utf-8")):
        body = match.group(2).replace("\\\n", " ")
        for line in body.splitlines():
            command = line.strip().removeprefix("$ ").strip()
            if command.startswith("noticegen ") and not command.startswith(_NOT_RUN):
                found.append(command)
    return found


CASES = [(path, command) for path in DOCS if path.exists() for command in commands(path)]


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A repository whose history has the published notice, then the current one; origin/main
    points at the published one, as on a branch that changes the notice."""
    root = tmp_path_factory.mktemp("docs-repo")
    git(root, "init", "-q")
    shutil.copytree(PUBLISHED, root / "notice")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "published")
    git(root, "update-ref", "refs/remotes/origin/main", "HEAD")
    shutil.rmtree(root / "notice")
    shutil.copytree(ROOT / "notice", root / "notice")
    shutil.copytree(PUBLISHED, root / "tests" / "fixtures" / "ims-as-published")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "current")
    return root


def test_the_docs_show_commands() -> None:
    assert len(CASES) >= 5


@pytest.mark.parametrize(("doc", "command"), CASES, ids=[f"{p.name}:{c[:50]}" for p, c in CASES])
def test_documented_command_runs(scratch: Path, doc: Path, command: str) -> None:
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    done = subprocess.run(
        ["bash", "-c", command], cwd=scratch, env=env, capture_output=True, text=True,
        timeout=300, stdin=subprocess.DEVNULL, check=False,
    )  # fmt: skip
    output = done.stdout + done.stderr
    assert "Traceback" not in output, output
    assert done.returncode in (0, 1), f"{doc.name}: `{command}` exited {done.returncode}:\n{output}"
