"""The bad input issue 13 names, end to end through `noticegen lint`: each gives a finding at its
file:line, never a traceback, and a malformed value of the same fields is a loader finding while
the other rules still run.

- a catch-all ("your personal data") where the law needs the categories listed (NG404, CCPA);
- a legal basis limited to a jurisdiction the notice does not declare (NG225);
- a cookie category listed in a cookie policy that is not among `documents` (NG101);
- a right limited with no reason (NG226).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from noticegen.cli import main

BASE = (Path(__file__).parent / "rules" / "base" / "notice.yaml").read_text(encoding="utf-8")

CATCH_ALL = """\
recipients:
  hosting: {label: Hosting provider, kind: processor, data_catch_all: MARK, purposes: [account]}
"""
SCOPED_BASIS = """\
    legal_basis:
      - {basis: contract, jurisdictions: [gdpr]}
      - {basis: lgpd_7_v, jurisdictions: MARK}
"""
COOKIE_LISTED = """\
cookies:
  analytics: {category: analytics, listed_in: MARK, purpose: account, consent: true}
"""
RIGHT_LIMITED = """\
  erasure: {limited: MARK}
"""


def notice(case: str, value: str) -> str:
    """The base notice with the case's lines in place, `MARK` replaced by `value`."""
    lines = case.replace("MARK", value)
    if case is SCOPED_BASIS:
        return BASE.replace("    legal_basis: contract\n", lines)
    if case is RIGHT_LIMITED:
        return BASE.replace("rights:\n", "rights:\n" + lines)
    return BASE + lines


def lint_json(tmp_path: Path, text: str, *profiles: str) -> tuple[int, list[dict[str, object]]]:
    folder = tmp_path / "n"
    folder.mkdir()
    (folder / "notice.yaml").write_text(text, encoding="utf-8")
    args = ["lint", str(folder), "--format", "json"]
    for profile in profiles:
        args += ["--profile", profile]
    result = CliRunner().invoke(main, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    findings = json.loads(result.stdout)["findings"]
    assert not [f for f in findings if str(f["message"]).startswith("Internal error")]
    return result.exit_code, findings


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


CASES = [
    # (case, value, profiles, rule expected, text on its line)
    (CATCH_ALL, "true", ("ccpa",), "NG404", "data_catch_all"),
    (SCOPED_BASIS, "[lgpd]", (), "NG225", "lgpd_7_v"),
    (COOKIE_LISTED, "cookie_policy", (), "NG101", "listed_in"),
    (RIGHT_LIMITED, "true", (), "NG226", "limited"),
    # the same fields, malformed: the loader's finding, at the value
    (CATCH_ALL, "everything", ("ccpa",), "NG004", "data_catch_all"),
    (SCOPED_BASIS, "[narnia]", (), "NG004", "narnia"),
    (COOKIE_LISTED, "Cookie Policy", (), "NG004", "listed_in"),
    (RIGHT_LIMITED, "sometimes", (), "NG004", "limited"),
    (RIGHT_LIMITED, "{}", (), "NG004", "limited"),
]


@pytest.mark.parametrize(("case", "value", "profiles", "rule", "on"), CASES)
def test_each_bad_fact_is_a_finding_at_its_line(
    tmp_path: Path, case: str, value: str, profiles: tuple[str, ...], rule: str, on: str
) -> None:
    text = notice(case, value)
    code, findings = lint_json(tmp_path, text, *profiles)
    assert code == 1
    line = line_of(text, on)
    assert [f for f in findings if f["rule"] == rule and f["line"] == line], findings


def test_a_malformed_fact_leaves_the_other_rules_running(tmp_path: Path) -> None:
    """The unnamed cookie policy is reported by the loader, and the right limited without a
    reason by its rule, in the same run."""
    text = notice(RIGHT_LIMITED, "true") + COOKIE_LISTED.replace("MARK", "Cookie Policy")
    _, findings = lint_json(tmp_path, text)
    assert {("NG004", line_of(text, "listed_in")), ("NG226", line_of(text, "limited"))} <= {
        (f["rule"], f["line"]) for f in findings
    }
