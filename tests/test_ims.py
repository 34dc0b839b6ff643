"""IMS Consulting's notice: the completed notice is clean, the as-published text is caught.

The as-published findings are pinned in a golden file. After a deliberate change to the rules or
the fixture, regenerate it with `NOTICEGEN_UPDATE_GOLDEN=1 pytest tests/test_ims.py` and review
the diff like any other change.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from noticegen.cli import main
from noticegen.lint.config import find_config, load_config
from noticegen.lint.linting import lint
from noticegen.model import Supplement
from noticegen.model.findings import Finding, Severity
from noticegen.sources.loading import load, read_source, validate

ROOT = Path(__file__).resolve().parents[1]
NOTICE = ROOT / "notice"
AS_PUBLISHED = ROOT / "tests" / "fixtures" / "ims-as-published"
GOLDEN = ROOT / "tests" / "fixtures" / "ims-as-published.golden.json"
SUPPLEMENTS = sorted((NOTICE / "supplements").glob("*.yaml"))


def lint_folder(folder: Path) -> list[Finding]:
    """Lint as `noticegen lint` does, with the folder's own configuration."""
    loaded = load(folder)
    return lint(loaded, load_config(find_config(loaded.root)))


def describe(findings: list[Finding]) -> list[str]:
    return [f"{f.file}:{f.line}:{f.column}: {f.rule} [{f.severity}] {f.message}" for f in findings]


def test_notice_has_no_error_or_warning() -> None:
    serious = [f for f in lint_folder(NOTICE) if f.severity >= Severity.WARNING]
    assert serious == [], "\n".join(describe(serious))


def test_notice_lints_clean_through_the_cli() -> None:
    result = CliRunner().invoke(main, ["lint", str(NOTICE)])
    assert result.exit_code == 0, result.output


def golden_rows(findings: list[Finding]) -> list[dict[str, object]]:
    return [
        {
            "rule": f.rule,
            "file": Path(f.file).name,
            "line": f.line,
            "column": f.column,
            "message": f.message,
        }
        for f in findings
    ]


def test_as_published_findings_match_the_golden_file() -> None:
    rows = golden_rows(lint_folder(AS_PUBLISHED))
    if os.environ.get("NOTICEGEN_UPDATE_GOLDEN") == "1":
        GOLDEN.write_text(json.dumps(rows, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert rows == expected, (
        "The findings on the as-published notice changed. If the change is intended, run "
        "`NOTICEGEN_UPDATE_GOLDEN=1 pytest tests/test_ims.py` and review the golden diff."
    )


def test_as_published_fails_with_many_located_rules() -> None:
    result = CliRunner().invoke(main, ["lint", str(AS_PUBLISHED), "--format", "json"])
    assert result.exit_code == 1, result.output
    findings = json.loads(result.output)["findings"]
    assert len({f["rule"] for f in findings}) >= 8
    unlocated = [f for f in findings if f["line"] < 1 or f["column"] < 1]
    assert unlocated == []


def test_as_published_has_no_schema_findings() -> None:
    """The fixture models the text within the format: only rule findings, never NG001-NG009."""
    schema = [f for f in lint_folder(AS_PUBLISHED) if f.rule < "NG010"]
    assert schema == [], "\n".join(describe(schema))


def test_the_notice_has_the_three_supplements() -> None:
    assert [p.stem for p in SUPPLEMENTS] == ["brazil", "california", "eu"]


@pytest.mark.parametrize("path", SUPPLEMENTS, ids=lambda p: p.stem)
def test_supplement_loads_without_findings(path: Path) -> None:
    source, read_findings = read_source(path)
    supplement, problems = validate(Supplement, source, "supplement")
    assert supplement is not None
    assert read_findings + problems == []
    in_supplement = [f for f in lint_folder(NOTICE) if Path(f.file).resolve() == path.resolve()]
    assert in_supplement == [], "\n".join(describe(in_supplement))
