"""Notices written for the first release's model (0.1.0) load, or get a finding that says how to
update them (issue 13).

tests/fixtures/wave1-notice is the IMS notice as committed at 2bde4f8. Since then no field was
renamed or removed: fields became optional, values became lists where a notice may state several
(`legal_basis: consent` is still read as one basis), and cookies gained categories. So the old
notice loads as written, `noticegen fmt` has nothing to migrate, and every finding on it is one a
current notice can get too.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from noticegen.cli import main
from noticegen.lint.config import Config
from noticegen.lint.linting import lint
from noticegen.lint.rules import BY_CODE
from noticegen.sources.loading import load

OLD = Path(__file__).parent / "fixtures" / "wave1-notice"
LOADER_CODES = frozenset(code for code, rule in BY_CODE.items() if rule.reported_by_loader)


def test_the_old_notice_loads_as_written() -> None:
    loaded = load(OLD)
    assert loaded.findings == []
    assert loaded.notice is not None and len(loaded.supplements) == 3
    [purpose_basis] = loaded.notice.purposes["account"].legal_basis
    assert purpose_basis.basis == "contract" and purpose_basis.jurisdictions == []


def test_its_findings_each_say_how_to_update_it() -> None:
    """Without its catalogs, what remains to do is to create them; nothing in the notice."""
    findings = lint(load(OLD), Config())
    assert {f.rule for f in findings} == {"NG702"}
    assert all("noticegen i18n update" in f.hint for f in findings)
    assert not {f.rule for f in findings} & LOADER_CODES


def test_fmt_leaves_the_old_notice_as_it_is(tmp_path: Path) -> None:
    folder = tmp_path / "old"
    shutil.copytree(OLD, folder)
    result = CliRunner().invoke(main, ["fmt", "--check", str(folder)])
    assert result.exit_code == 0, result.output
