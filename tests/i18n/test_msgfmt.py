"""Every PO file the project ships or writes passes GNU `msgfmt -c --check-format`: the tool
translation platforms and packagers run, not our own reader."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from noticegen.cli import main

ROOT = Path(__file__).parents[2]
FIXTURE = Path(__file__).parent / "fixtures" / "notice"
MSGFMT = shutil.which("msgfmt")
SHIPPED = sorted(
    p for pattern in ("src/**/*.po", "notice/**/*.po", "tests/**/*.po") for p in ROOT.glob(pattern)
)

pytestmark = pytest.mark.skipif(MSGFMT is None, reason="GNU gettext's msgfmt is not installed")


def msgfmt_errors(path: Path) -> str:
    """msgfmt's fatal errors for a catalog; empty when it compiles."""
    assert MSGFMT is not None
    result = subprocess.run(
        [MSGFMT, "-c", "--check-format", "-o", "/dev/null", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    if result.returncode == 0:
        return ""
    return "\n".join(line for line in result.stderr.splitlines() if "warning:" not in line)


def test_the_shipped_catalogs_are_found() -> None:
    names = {p.relative_to(ROOT).as_posix() for p in SHIPPED}
    assert {"src/noticegen/i18n/locales/ar.po", "notice/locales/fr.po"} <= names


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_shipped_catalog_passes_msgfmt(path: Path) -> None:
    assert msgfmt_errors(path) == ""


def test_the_catalogs_update_writes_pass_msgfmt(tmp_path: Path) -> None:
    notice = Path(shutil.copytree(FIXTURE, tmp_path / "notice"))
    yaml = notice / "notice.yaml"
    # A new language (a fresh catalog) beside the merged ones.
    yaml.write_text(
        yaml.read_text(encoding="utf-8").replace("languages: [", "languages: [es, it, he, ", 1),
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["i18n", "update", str(notice)])
    assert result.exit_code == 0, result.output
    written = sorted((notice / "locales").glob("*.po"))
    assert {p.stem for p in written} >= {"fr", "de", "ar", "es", "it", "he"}
    for path in written:
        assert msgfmt_errors(path) == "", path.name
        assert "FULL NAME" not in path.read_text(encoding="utf-8")
