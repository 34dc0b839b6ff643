"""Every rule has a case file `cases/<CODE>.yaml` with failing and passing cases; one
parametrised test runs them all.

A case patches `base/notice.yaml` (mappings merge, `null` deletes a key, lists replace; the
base keeps its layout, so its lines keep their numbers up to the first patched key), or gives
the whole file as `raw`, and may add `files` (path -> text) and `profiles`.

Each case runs only its own rule (`also_run` names other rules whose running it depends on;
their findings are not the case's). A failing case lists every finding it expects under
`expect`: `line`, `column` and a fragment of `message`, with `file` when the finding is not in
notice.yaml and `rule` when it is another rule's (what the loader reports runs whatever the
selection). Any finding not listed fails the case, as does a listed one that is missing; a
passing case expects none.
"""

from __future__ import annotations

import copy
import io
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from noticegen.lint.config import Config
from noticegen.lint.linting import lint
from noticegen.lint.rules import ALL_RULES, BY_CODE
from noticegen.model.findings import Finding
from noticegen.sources.loading import load

HERE = Path(__file__).parent
CASES = HERE / "cases"
MAIN = "notice.yaml"
_yaml = YAML(typ="safe", pure=True)
EXPECT_KEYS = {"line", "column", "message", "file", "rule"}


def merge(base: Any, patch: Any) -> Any:
    """`patch` merged into `base` in place where both are mappings (keeping `base`'s order and
    layout), else a copy of `patch`."""
    if not isinstance(base, dict) or not isinstance(patch, dict):
        return copy.deepcopy(patch)
    for key, value in patch.items():
        if value is None:
            base.pop(key, None)
        else:
            base[key] = merge(base.get(key), value)
    return base


def patched_base(patch: dict[str, Any]) -> str:
    """base/notice.yaml with `patch` merged in, laid out as the base is."""
    layout = YAML(typ="rt", pure=True)
    layout.preserve_quotes = True
    layout.width = 4096  # one value, one line: expected lines do not depend on wrapping
    layout.indent(mapping=2, sequence=4, offset=2)
    layout.default_flow_style = None  # a list or mapping of plain values on one line
    base = layout.load((HERE / "base" / MAIN).read_text(encoding="utf-8"))
    out = io.StringIO()
    layout.dump(merge(base, patch), out)
    return out.getvalue()


def _cases() -> list[Any]:
    params = []
    for rule in ALL_RULES:
        path = CASES / f"{rule.code}.yaml"
        spec = _yaml.load(path.read_text(encoding="utf-8")) if path.exists() else {}
        for outcome in ("fail", "pass"):
            for i, case in enumerate(spec.get(outcome) or []):
                label = case.get("name", str(i))
                params.append(pytest.param(rule.code, case, id=f"{rule.code}-{outcome}-{label}"))
    return params


def write_case(folder: Path, case: dict[str, Any]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    text = case["raw"] if "raw" in case else patched_base(case.get("patch") or {})
    (folder / MAIN).write_text(text, encoding="utf-8")
    for name, content in (case.get("files") or {}).items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")


def run_case(folder: Path, code: str, case: dict[str, Any]) -> list[Finding]:
    """What lint reports on the case with only its rule (and `also_run`) selected, but for
    the findings of `also_run`."""
    write_case(folder, case)
    also_run = tuple(case.get("also_run") or ())
    findings = lint(load(folder), Config(select=(code, *also_run)), case.get("profiles") or ())
    return [f for f in findings if f.rule not in also_run]


def _shown(folder: Path, finding: Finding) -> str:
    file = Path(finding.file).relative_to(folder).as_posix()
    try:
        text = (folder / file).read_text(encoding="utf-8").splitlines()[finding.line - 1]
    except (OSError, IndexError):
        text = ""
    return (
        f"\n  {finding.rule} {file}:{finding.line}:{finding.column} {finding.message}"
        f"\n      | {text}"
    )


def unmatched(
    folder: Path, code: str, findings: list[Finding], expect: list[dict[str, Any]]
) -> tuple[list[Finding], list[dict[str, Any]]]:
    """The findings no expectation states, and the expectations no finding meets."""
    missing = list(expect)
    unexpected = []
    for f in findings:
        file = Path(f.file).relative_to(folder).as_posix()
        match = next(
            (
                e
                for e in missing
                if (e.get("rule", code), e.get("file", MAIN), e.get("line"), e.get("column"))
                == (f.rule, file, f.line, f.column)
                and e["message"] in f.message
            ),
            None,
        )
        if match is None:
            unexpected.append(f)
        else:
            missing.remove(match)
    return unexpected, missing


@pytest.mark.parametrize(("code", "case"), _cases())
def test_rule_case(code: str, case: dict[str, Any], tmp_path: Path) -> None:
    folder = tmp_path / "notice"
    expect = list(case.get("expect") or [])
    assert all(set(e) <= EXPECT_KEYS and "message" in e for e in expect), expect
    assert set(case.get("also_run") or ()) <= set(BY_CODE), case["also_run"]
    unexpected, missing = unmatched(folder, code, run_case(folder, code, case), expect)
    assert not unexpected and not missing, (
        "unexpected findings:"
        + "".join(_shown(folder, f) for f in unexpected)
        + f"\nexpected but not found: {missing}"
    )


def test_a_finding_not_stated_fails_its_case(tmp_path: Path) -> None:
    case = _yaml.load((CASES / "NG409.yaml").read_text(encoding="utf-8"))["fail"][0]
    folder = tmp_path / "notice"
    findings = run_case(folder, "NG409", case)
    first, second = case["expect"]
    assert unmatched(folder, "NG409", findings, [first, second]) == ([], [])
    assert unmatched(folder, "NG409", findings, [first])[0] == [findings[1]]
    moved = {**second, "column": second["column"] + 1}
    assert unmatched(folder, "NG409", findings, [first, moved]) == ([findings[1]], [moved])


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.code)
def test_every_rule_has_failing_and_passing_cases(rule: Any) -> None:
    path = CASES / f"{rule.code}.yaml"
    assert path.exists(), f"missing {path}"
    spec = _yaml.load(path.read_text(encoding="utf-8"))
    assert spec.get("fail"), f"{rule.code} has no failing case"
    assert spec.get("pass"), f"{rule.code} has no passing case"
    assert all(case.get("expect") for case in spec["fail"]), "a failing case states no finding"
    assert not any(case.get("expect") for case in spec["pass"]), "a passing case expects one"


def test_base_notice_loads_without_schema_errors(tmp_path: Path) -> None:
    write_case(tmp_path / "n", {})
    loaded = load(tmp_path / "n")
    assert loaded.notice is not None, [f.message for f in loaded.findings]


def test_the_patched_base_keeps_the_base_layout() -> None:
    base = (HERE / "base" / MAIN).read_text(encoding="utf-8")
    assert patched_base({}) == base
    patched = patched_base({"purposes": {"account": {"legal_basis": "consent"}}})
    assert patched.splitlines()[:25] == base.splitlines()[:25]
    assert patched.splitlines()[25] == "    legal_basis: consent"
