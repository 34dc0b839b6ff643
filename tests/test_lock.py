"""The locks match pyproject.toml, and a lock left behind by a dependency change is reported."""

from __future__ import annotations

import runpy
import shutil
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]


def lock_tool(folder: Path) -> dict[str, Any]:
    tool = runpy.run_path(str(ROOT / "tools" / "lock.py"))
    tool["check"].__globals__.update(
        PYPROJECT=folder / "pyproject.toml",
        LOCKS={folder / "requirements.lock": "", folder / "requirements-runtime.lock": ""},
    )
    return tool


@pytest.fixture
def project(tmp_path: Path) -> Path:
    for name in ("pyproject.toml", "requirements.lock", "requirements-runtime.lock"):
        shutil.copy(ROOT / name, tmp_path / name)
    return tmp_path


def test_the_committed_locks_match_pyproject(project: Path) -> None:
    assert lock_tool(project)["check"]() == 0


def test_a_changed_dependency_names_the_command_that_refreshes_the_locks(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pyproject = project / "pyproject.toml"
    pyproject.write_text(
        pyproject.read_text(encoding="utf-8").replace('"click ~= 8.1"', '"click ~= 8.2"'),
        encoding="utf-8",
    )
    assert lock_tool(project)["check"]() == 1
    message = capsys.readouterr().err
    assert "requirements.lock" in message and "`make lock`" in message
    assert message.count("\n") == 1


def test_an_unrelated_pyproject_edit_keeps_the_locks(project: Path) -> None:
    pyproject = project / "pyproject.toml"
    pyproject.write_text(
        pyproject.read_text(encoding="utf-8").replace("line-length = 100", "line-length = 99"),
        encoding="utf-8",
    )
    assert lock_tool(project)["check"]() == 0


def test_every_locked_requirement_is_pinned_with_hashes() -> None:
    for lock in ("requirements.lock", "requirements-runtime.lock"):
        entries = (ROOT / lock).read_text(encoding="utf-8").split("\n")
        names = [line for line in entries if line and not line.startswith((" ", "#"))]
        assert names, lock
        for line in names:
            assert "==" in line and line.rstrip().endswith("\\"), line
