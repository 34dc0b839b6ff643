"""The text and JSON reporters."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from noticegen.cli import main
from noticegen.lint.reporters import REPORTERS, github, text
from noticegen.lint.reporters import json as json_reporter
from noticegen.model.findings import Finding, Position, Severity
from noticegen.sources.escaping import github_data, github_property, text_line

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


BASE = Path(__file__).parent / "rules" / "base" / "notice.yaml"


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
    # the two errors are one defect in two places
    assert text.report(findings).splitlines()[-1] == (
        "Found 4 problems (2 errors, 1 warning, 1 info) in 3 groups."
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
    assert document["summary"] == {
        "error": 1,
        "warning": 0,
        "info": 0,
        "suppressed": 0,
        "groups": 1,
    }


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


# --- text from a stranger's pull request stays text in every channel ------------------------

# Line breaks of every kind, a terminal escape, a bidirectional override, and what GitHub reads
# as workflow commands or their escapes.
HOSTILE = "x\n::error file=a::pwned\r\n%0A\x1b[2J\u2028::warning::y\u202e\x85z"
HOSTILE_FINDING = make(
    file=f"notice/supplements/{HOSTILE}.yaml",
    message=f"`{HOSTILE}` is not a valid id",
    citation=HOSTILE,
    hint=HOSTILE,
)


def _runner_unescape(value: str) -> str:
    """As the Actions runner reads a workflow command's escapes."""
    for escaped, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ",")):
        value = value.replace(escaped, char)
    return value.replace("%25", "%")


def _workflow_commands(output: str) -> list[tuple[str, dict[str, str], str]]:
    """Each line the runner would take for a command: name, properties, message."""
    commands = []
    for line in output.split("\n"):
        if line.lstrip().startswith("::"):
            head, _, data = line.lstrip()[2:].partition("::")
            name, _, props = head.partition(" ")
            pairs = dict(p.split("=", 1) for p in props.split(",") if p)
            properties = {k: _runner_unescape(v) for k, v in pairs.items()}
            commands.append((name, properties, _runner_unescape(data)))
    return commands


def _controls(output: str) -> set[str]:
    return {c for c in output if c != "\n" and (ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F)}


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_text_from_the_notice_stays_on_its_line(fmt: str) -> None:
    out = REPORTERS[fmt]([HOSTILE_FINDING, replace(HOSTILE_FINDING, suppressed=HOSTILE)])
    assert not _controls(out) and "\u2028" not in out and "\u202e" not in out
    commands = _workflow_commands(out)
    if fmt == "text":
        assert commands == [] and len(out.split("\n")) == len(out.splitlines()) + 1 == 6
    else:
        # One annotation: the runner reads back the file's line breaks (so GitHub finds the
        # file), every other control character is shown as an escape.
        [(name, properties, message)] = commands
        assert name == "error"
        assert properties["file"].startswith("notice/supplements/x\n::error file=a::pwned\r\n%0A")
        assert message.startswith("`x\n::error file=a::pwned\r\n%0A\\x1b[2J\\u2028")
        assert not _controls((properties["file"] + message).replace("\n", "").replace("\r", ""))


def test_every_channel_escapes_what_it_must() -> None:
    assert (
        text_line("a\nb\r\tc\x1b[0m\x00\u2028\u202e") == "a\\nb\\r\\tc\\x1b[0m\\x00\\u2028\\u202e"
    )
    assert text_line("naïve — ok ✓") == "naïve — ok ✓"
    assert github_data("50% a\r\nb") == "50%25 a%0D%0Ab"
    assert github_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    assert _runner_unescape(github_property(":,%25\n")) == ":,%25\n"


def test_a_supplement_named_like_a_workflow_command_is_one_annotation(tmp_path: Path) -> None:
    # The reproduction: `x\n::error ...::pwned\n.yaml` in supplements/, linted with
    # --format github, printed a second workflow command.
    (tmp_path / "supplements").mkdir()
    shutil.copy(BASE, tmp_path / "notice.yaml")
    name = "x\n::error file=notice.yaml,line=1::pwned\n.yaml"
    (tmp_path / "supplements" / name).write_text("supplement: {id: 1}\n", "utf-8")
    result = CliRunner().invoke(main, ["lint", str(tmp_path), "--format", "github"])
    commands = _workflow_commands(result.stdout)
    assert commands and all("pwned" not in message for _, _, message in commands)
    # the loader refuses such a name (NG009) under its escaped form, on one line
    assert any("/supplements/x" in props["file"] for _, props, _ in commands)


def test_an_id_with_a_line_break_stays_on_its_line_in_text(tmp_path: Path) -> None:
    notice = BASE.read_text("utf-8")
    notice = notice.replace(
        "\npurposes:\n", '\npurposes:\n  "a\\n::error::pwned":\n    label: X\n', 1
    )
    (tmp_path / "notice.yaml").write_text(notice, "utf-8")
    result = CliRunner().invoke(main, ["lint", str(tmp_path)])
    assert "a\\n::error::pwned" in result.stdout
    assert _workflow_commands(result.stdout) == []


def test_fmt_check_names_a_file_on_one_line(tmp_path: Path) -> None:
    (tmp_path / "supplements").mkdir()
    shutil.copy(BASE, tmp_path / "notice.yaml")
    name = "x\n::error::pwned\n.yaml"
    (tmp_path / "supplements" / name).write_text(
        "supplement:\n  title: T\n  id: x\n  jurisdiction: ccpa\n  applies_to: All\n", "utf-8"
    )
    result = CliRunner().invoke(main, ["fmt", "--check", str(tmp_path)])
    assert "x\\n::error::pwned\\n.yaml" in result.stdout, result.output
    assert _workflow_commands(result.output) == []
