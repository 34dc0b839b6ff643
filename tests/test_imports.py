"""`noticegen lint` stays fast: it never imports the rendering stack."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FORBIDDEN = ("weasyprint", "jinja2")


def imported_modules(*args: str) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "noticegen", *args],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert "Traceback" not in done.stderr, done.stderr[-2000:]
    return {
        line.rsplit("|", 1)[1].strip()
        for line in done.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }


@pytest.mark.parametrize("fmt", ["text", "sarif"])
def test_lint_never_imports_the_rendering_stack(fmt: str) -> None:
    target = (
        ROOT / "notice"
        if (ROOT / "notice" / "notice.yaml").is_file()
        else (ROOT / "tests" / "rules" / "base" / "notice.yaml")
    )
    modules = imported_modules("lint", str(target), "--format", fmt)
    assert "noticegen.lint.linting" in modules  # the measurement saw the lint path
    loaded = {m for m in modules if m.split(".")[0] in FORBIDDEN}
    assert not loaded, f"lint imported {sorted(loaded)}"
