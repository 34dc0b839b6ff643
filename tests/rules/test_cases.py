"""Every rule has a case file `cases/<CODE>.yaml` with failing and passing cases; one
parametrised test runs them all.

A case patches `base/notice.yaml` (mappings merge, `null` deletes a key, lists replace), or
gives the whole file as `raw`, and may add `files` (path -> text) and `profiles`.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from noticegen.config import Config
from noticegen.linting import lint
from noticegen.loading import load
from noticegen.rules import ALL_RULES

HERE = Path(__file__).parent
CASES = HERE / "cases"
_yaml = YAML(typ="safe", pure=True)


def merge(base: Any, patch: Any) -> Any:
    if not isinstance(base, dict) or not isinstance(patch, dict):
        return copy.deepcopy(patch)
    merged = dict(base)
    for key, value in patch.items():
        if value is None:
            merged.pop(key, None)
        else:
            merged[key] = merge(base.get(key), value)
    return merged


def _cases() -> list[Any]:
    params = []
    for rule in ALL_RULES:
        path = CASES / f"{rule.code}.yaml"
        spec = _yaml.load(path.read_text(encoding="utf-8")) if path.exists() else {}
        for outcome in ("fail", "pass"):
            for i, case in enumerate(spec.get(outcome) or []):
                label = case.get("name", str(i))
                params.append(
                    pytest.param(rule.code, outcome, case, id=f"{rule.code}-{outcome}-{label}")
                )
    return params


def write_case(folder: Path, case: dict[str, Any]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    if "raw" in case:
        (folder / "notice.yaml").write_text(case["raw"], encoding="utf-8")
    else:
        base = _yaml.load((HERE / "base" / "notice.yaml").read_text(encoding="utf-8"))
        out = folder / "notice.yaml"
        with out.open("w", encoding="utf-8") as handle:
            YAML(typ="safe", pure=True).dump(merge(base, case.get("patch") or {}), handle)
    for name, text in (case.get("files") or {}).items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


@pytest.mark.parametrize(("code", "outcome", "case"), _cases())
def test_rule_case(code: str, outcome: str, case: dict[str, Any], tmp_path: Path) -> None:
    write_case(tmp_path / "notice", case)
    findings = lint(load(tmp_path / "notice"), Config(), case.get("profiles") or ())
    fired = [f for f in findings if f.rule == code]
    if outcome == "fail":
        assert fired, f"{code} did not fire; findings: {[(f.rule, f.message) for f in findings]}"
        assert all(f.line >= 1 and f.column >= 1 for f in fired)
        if "expect_line" in case:
            assert fired[0].line == case["expect_line"], fired
    else:
        assert not fired, f"{code} fired on a passing case: {[f.message for f in fired]}"


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.code)
def test_every_rule_has_failing_and_passing_cases(rule: Any) -> None:
    path = CASES / f"{rule.code}.yaml"
    assert path.exists(), f"missing {path}"
    spec = _yaml.load(path.read_text(encoding="utf-8"))
    assert spec.get("fail"), f"{rule.code} has no failing case"
    assert spec.get("pass"), f"{rule.code} has no passing case"


def test_base_notice_loads_without_schema_errors(tmp_path: Path) -> None:
    write_case(tmp_path / "n", {})
    loaded = load(tmp_path / "n")
    assert loaded.notice is not None, [f.message for f in loaded.findings]
