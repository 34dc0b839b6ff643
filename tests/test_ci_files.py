"""The GitHub action, the workflows and the pre-commit manifest are valid and safe."""

from __future__ import annotations

import json
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


# --- the action's steps, run as the GitHub runner runs a `shell: bash` step ------------------

RUNNER_BASH = ("bash", "--noprofile", "--norc", "-eo", "pipefail")
EXPRESSION = re.compile(r"\$\{\{\s*([^}]+?)\s*\}\}")


def run_action(
    tmp_path: Path, inputs: dict[str, str]
) -> tuple[list[tuple[str, int]], str, dict[str, str]]:
    """Every `run:` step of action.yml but the install (noticegen comes from this venv), in order,
    under the runner's `bash -eo pipefail`, with `${{ }}` in env: and if: worked out as GitHub
    would. Returns each step's (name, status), the joined output and the lint step's outputs."""
    document = _yaml.load(ACTION.read_text(encoding="utf-8"))
    values = {f"inputs.{k}": str(v.get("default", "")) for k, v in document["inputs"].items()}
    values |= {f"inputs.{k}": v for k, v in inputs.items()}
    temp = tmp_path / "runner-temp"
    temp.mkdir()
    values |= {"runner.temp": str(temp), "github.action_path": str(ROOT)}
    outputs: dict[str, str] = {}
    ran: list[tuple[str, int]] = []
    log = ""
    for index, step in enumerate(document["runs"]["steps"]):
        if "run" not in step or "pip install" in step["run"]:
            continue
        # no status function in a condition means success() && ...
        if any(status for _, status in ran):
            continue
        if "steps.lint.outputs.sarif != ''" in step.get("if", "") and not outputs.get("sarif"):
            continue

        def value(match: re.Match[str], outputs: dict[str, str] = outputs) -> str:
            name = match.group(1)
            return (
                outputs.get(name.removeprefix("steps.lint.outputs."), "")
                if name.startswith("steps.lint.outputs.")
                else values[name]
            )

        output_file = tmp_path / f"output-{index}"
        output_file.touch()
        env = {k: EXPRESSION.sub(value, str(v)) for k, v in step.get("env", {}).items()}
        env |= {
            "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}",
            "HOME": os.environ.get("HOME", str(tmp_path)),
            "GITHUB_OUTPUT": str(output_file),
        }
        script = tmp_path / f"step-{index}.sh"
        script.write_text(step["run"], encoding="utf-8")
        done = run(*RUNNER_BASH, script, env=env, cwd=tmp_path)
        ran.append((step["name"], done.returncode))
        log += done.stdout + done.stderr
        if step.get("id") == "lint":
            outputs = dict(line.split("=", 1) for line in output_file.read_text().splitlines())
    return ran, log, outputs


def notice_copy(tmp_path: Path, source: Path, name: str) -> Path:
    folder = tmp_path / name
    shutil.copytree(source, folder)
    return folder


AS_PUBLISHED = ROOT / "tests" / "fixtures" / "ims-as-published"


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
@pytest.mark.parametrize(
    ("fail_on", "failing_step"), [("error", "Decide by fail-on"), ("never", None)]
)
def test_action_annotates_uploads_and_fails_last_on_a_notice_with_errors(
    tmp_path: Path, fail_on: str, failing_step: str | None
) -> None:
    # a name with a space and a leading dash: quoted, never read as an option
    notice = notice_copy(tmp_path, AS_PUBLISHED, "-my notice")
    ran, log, outputs = run_action(tmp_path, {"path": str(notice.name), "fail-on": fail_on})
    assert [name for name, status in ran if status] == ([failing_step] if failing_step else [])
    assert ran[-1][0] == "Decide by fail-on"
    assert re.search(r"^::error file=.*notice\.yaml,line=\d+", log, re.M)
    sarif = json.loads(Path(outputs["sarif"]).read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0" and sarif["runs"][0]["results"]


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_action_passes_on_a_clean_notice(tmp_path: Path) -> None:
    notice = notice_copy(tmp_path, ROOT / "notice", "notice")
    ran, log, outputs = run_action(tmp_path, {"path": str(notice.name)})
    assert [status for _, status in ran] == [0, 0]
    assert "::error" not in log
    assert (
        json.loads(Path(outputs["sarif"]).read_text(encoding="utf-8"))["runs"][0]["results"] == []
    )


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
@pytest.mark.parametrize(
    ("inputs", "expected"),
    [({"fail-on": "bogus"}, 2), ({"path": "no such folder"}, 2)],
)
def test_action_stops_on_a_usage_error_without_uploading(
    tmp_path: Path, inputs: dict[str, str], expected: int
) -> None:
    ran, log, outputs = run_action(tmp_path, inputs)
    assert ran == [("Lint the notice", expected)]
    assert "sarif" not in outputs
    assert "::error" in log


def test_pr_diff_parses_the_pull_request_without_a_write_token() -> None:
    document = _yaml.load((ROOT / ".github" / "workflows" / "pr-diff.yml").read_text())
    assert document["permissions"] == {}
    for job in document["jobs"].values():
        runs_noticegen = any("noticegen" in s.get("run", "") for s in job["steps"])
        writes = any(v == "write" for v in job.get("permissions", {}).values())
        assert not (runs_noticegen and writes)
        if writes:
            assert not any("uses" in s and "checkout" in s["uses"] for s in job["steps"])


@pytest.mark.parametrize("path", [ACTION, *WORKFLOWS], ids=lambda p: p.name)
def test_third_party_actions_are_pinned_to_a_commit(path: Path) -> None:
    for step in steps(path):
        if "uses" in step:
            assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", step["uses"]), step["uses"]


def test_checkouts_leave_no_credentials_behind() -> None:
    for path in WORKFLOWS:
        for step in steps(path):
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False, path.name
