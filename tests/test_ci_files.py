"""The GitHub action, the workflows and the pre-commit manifest are valid and safe."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
ACTION = ROOT / "action.yml"
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
_yaml = YAML(typ="safe", pure=True)


def run(*args: str | Path, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args], capture_output=True, text=True, check=False, **kwargs
    )


def steps(path: Path) -> list[dict[str, Any]]:
    document = _yaml.load(path.read_text(encoding="utf-8"))
    if "runs" in document:
        return list(document["runs"]["steps"])
    return [step for job in document["jobs"].values() for step in job.get("steps", [])]


def test_action_matches_the_github_actions_schema() -> None:
    done = run(BIN / "check-jsonschema", "--builtin-schema", "vendor.github-actions", ACTION)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_matches_the_github_workflows_schema(workflow: Path) -> None:
    done = run(BIN / "check-jsonschema", "--builtin-schema", "vendor.github-workflows", workflow)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_expected_workflows_exist() -> None:
    assert {p.name for p in WORKFLOWS} >= {"ci.yml", "pages.yml", "pr-diff.yml"}


def test_pre_commit_manifest_is_valid() -> None:
    done = run(BIN / "pre-commit", "validate-manifest", ROOT / ".pre-commit-hooks.yaml")
    assert done.returncode == 0, done.stdout + done.stderr
    hooks = {h["id"]: h for h in _yaml.load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    lint = hooks["noticegen-lint"]
    assert lint["pass_filenames"] is False and lint["require_serial"] is True


def test_every_action_step_that_runs_a_script_says_its_shell() -> None:
    for step in steps(ACTION):
        if "run" in step:
            assert step.get("shell") == "bash", step.get("name")


@pytest.mark.parametrize("path", [ACTION, *WORKFLOWS], ids=lambda p: p.name)
def test_no_expression_is_interpolated_into_a_script(path: Path) -> None:
    """Inputs and event fields reach scripts through env:, never as `${{ }}` in the text,
    where a crafted value (a branch name, a PR title) would become shell code."""
    for step in steps(path):
        assert "${{" not in step.get("run", ""), step.get("name")


def test_action_uploads_sarif_to_code_scanning() -> None:
    uses = [s.get("uses", "") for s in steps(ACTION)]
    assert any(u.startswith("github/codeql-action/upload-sarif@") for u in uses)
    inputs = _yaml.load(ACTION.read_text(encoding="utf-8"))["inputs"]
    assert set(inputs) == {"path", "profiles", "format", "fail-on"}


def test_ci_workflow_runs_the_ci_script() -> None:
    runs = [s.get("run", "") for s in steps(ROOT / ".github" / "workflows" / "ci.yml")]
    assert "bash .ci/run" in runs
    on = _yaml.load((ROOT / ".github" / "workflows" / "ci.yml").read_text())["on"]
    assert "push" in on and "pull_request" in on


def test_pr_diff_never_runs_code_from_the_pull_request() -> None:
    workflow = ROOT / ".github" / "workflows" / "pr-diff.yml"
    checkouts = [s for s in steps(workflow) if s.get("uses", "").startswith("actions/checkout@")]
    assert checkouts and all(
        s["with"]["ref"] == "${{ github.event.pull_request.base.sha }}" for s in checkouts
    )
    assert any("noticegen diff" in s.get("run", "") and "--format markdown" in s.get("run", "")
               for s in steps(workflow))  # fmt: skip


# --- the action's lint script, run here as GitHub would run it ----------------------------


def lint_script() -> tuple[str, dict[str, str]]:
    step = next(s for s in steps(ACTION) if s.get("id") == "lint")
    return step["run"], dict(step["env"])


@pytest.fixture
def failing_notice(tmp_path: Path) -> Path:
    """A notice whose only findings are warnings: NG801, the text changed but not the version."""
    folder = tmp_path / "notice"
    folder.mkdir()
    text = (ROOT / "tests" / "rules" / "base" / "notice.yaml").read_text(encoding="utf-8")
    (folder / ".noticegen").mkdir()
    (folder / ".noticegen" / "previous.yaml").write_text(text, encoding="utf-8")
    (folder / "notice.yaml").write_text(
        text.replace("We create and run", "We run"), encoding="utf-8"
    )
    # only the review rules, so that the findings do not depend on other families
    (folder / "noticegen.toml").write_text('select = ["NG8"]\n', encoding="utf-8")
    return folder


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
@pytest.mark.parametrize(
    ("fail_on", "expected"), [("error", 0), ("warning", 1), ("never", 0), ("bogus", 2)]
)
def test_action_lint_step_honours_fail_on(
    tmp_path: Path, failing_notice: Path, fail_on: str, expected: int
) -> None:
    script, _ = lint_script()
    output = tmp_path / "github_output"
    output.touch()
    env = {
        **os.environ,
        "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}",
        "NOTICE_PATH": str(failing_notice),
        "PROFILES": "gdpr",
        "OUTPUT_FORMAT": "github",
        "FAIL_ON": fail_on,
        "SARIF_FILE": str(tmp_path / "out.sarif"),
        "GITHUB_OUTPUT": str(output),
    }
    done = run("bash", "-c", script, env=env, cwd=tmp_path)
    assert done.returncode == expected, done.stdout + done.stderr
    if expected != 2:
        assert "::warning " in done.stdout and "NG801" in done.stdout
        assert output.read_text() == f"sarif={tmp_path / 'out.sarif'}\n"
        assert re.search(r'"ruleId": "NG801"', (tmp_path / "out.sarif").read_text())
