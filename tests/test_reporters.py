"""The text and JSON reporters."""

from __future__ import annotations

import json
from dataclasses import replace

from noticegen.findings import Finding, Position, Severity
from noticegen.reporters import REPORTERS, github, text
from noticegen.reporters import json as json_reporter

ERROR = Finding(
    rule="NG101",
    name="undefined-reference",
    severity=Severity.ERROR,
    message="Recipient `mailer` refers to purpose `newsletter`, which is not defined.",
    file="notice/notice.yaml",
    position=Position(12, 17),
    citation="GDPR Art. 12(1)",
    hint="Define the id, or correct the reference.",
)


def make(**changes: object) -> Finding:
    return replace(ERROR, **changes)  # type: ignore[arg-type]


def test_every_format_is_registered() -> None:
    assert set(REPORTERS) == {"text", "json", "github", "sarif"}


def test_text_is_file_line_col_code_severity_message_then_source_and_fix() -> None:
    out = text.report([ERROR]).splitlines()
    assert out == [
        "notice/notice.yaml:12:17: NG101 [error] Recipient `mailer` refers to purpose "
        "`newsletter`, which is not defined.",
        "    source: GDPR Art. 12(1)",
        "    fix: Define the id, or correct the reference.",
        "Found 1 problem (1 error).",
    ]


def test_text_summary_counts_each_severity() -> None:
    findings = [
        ERROR,
        make(position=Position(13, 1)),
        make(severity=Severity.WARNING, hint="", citation=""),
        make(severity=Severity.INFO, hint="", citation=""),
    ]
    assert text.report(findings).splitlines()[-1] == (
        "Found 4 problems (2 errors, 1 warning, 1 info)."
    )


def test_text_without_findings_says_so() -> None:
    assert text.report([]) == "No problems found.\n"


def test_text_lists_suppressed_findings_with_their_reason_and_counts_them() -> None:
    quiet = make(suppressed="agreed with counsel")
    out = text.report([ERROR, quiet])
    assert (
        f"{quiet.file}:{quiet.line}:{quiet.column}: {quiet.rule} suppressed: agreed with counsel"
        in out
    )
    assert "[error]" in out.splitlines()[0]
    assert out.splitlines()[-1] == "Found 1 problem (1 error). 1 suppressed with a reason."


def test_github_summary_shows_the_reason_of_a_suppression() -> None:
    out = github.report([make(suppressed="agreed with counsel")])
    assert "suppressed: agreed with counsel" in out
    assert "::error" not in out


def test_json_findings_have_the_contract_fields_with_their_types() -> None:
    document = json.loads(json_reporter.report([ERROR]))
    [finding] = document["findings"]
    assert finding["rule"] == "NG101"
    assert finding["severity"] == "error"
    assert finding["message"] == ERROR.message
    assert finding["file"] == "notice/notice.yaml"
    assert (finding["line"], finding["column"]) == (12, 17)
    assert (finding["end_line"], finding["end_column"]) == (12, 17)
    assert finding["citation"] == "GDPR Art. 12(1)"
    assert finding["hint"] == ERROR.hint
    assert "suppressed" not in finding
    assert document["summary"] == {"error": 1, "warning": 0, "info": 0, "suppressed": 0}


def test_json_keeps_suppressed_findings_with_their_reason() -> None:
    document = json.loads(json_reporter.report([ERROR, make(suppressed="legal hold")]))
    assert [f.get("suppressed") for f in document["findings"]] == [None, "legal hold"]
    assert document["summary"]["suppressed"] == 1
    assert document["summary"]["error"] == 1


def test_json_keeps_non_ascii_text_readable() -> None:
    out = json_reporter.report([make(message="Données « sensibles »")])
    assert "Données « sensibles »" in out
    assert json.loads(out)["findings"][0]["message"] == "Données « sensibles »"


def test_json_of_no_findings_is_an_empty_list() -> None:
    document = json.loads(json_reporter.report([]))
    assert document["findings"] == []
