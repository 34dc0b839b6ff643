"""`noticegen lint` as CI sees it: exit codes, formats, configuration and suppressions."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from noticegen.cli import main

BASE = (Path(__file__).parent / "rules" / "base" / "notice.yaml").read_text(encoding="utf-8")
# Rules that are quiet on the base notice whatever else the catalogue grows to hold.
QUIET = '[tool.noticegen]\nselect = ["NG0", "NG1"]\n'
DANGLING = (
    "recipients:\n"
    "  mailer:\n"
    "    label: Mail provider\n"
    "    kind: processor\n"
    "    purposes: [newsletter]\n"
)


def write(folder: Path, text: str = BASE, config: str | None = QUIET) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "notice.yaml").write_text(text, encoding="utf-8")
    if config is not None:
        (folder / "noticegen.toml").write_text(config, encoding="utf-8")
    return folder


def lint(*args: str) -> Result:
    return CliRunner().invoke(main, ["lint", *args])


def findings(result: Result) -> list[dict[str, Any]]:
    return list(json.loads(result.stdout)["findings"])


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_clean_notice_exits_0(tmp_path: Path) -> None:
    result = lint(str(write(tmp_path / "n")))
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "No problems found."


def test_malformed_notice_gives_one_finding_per_problem_at_its_line(tmp_path: Path) -> None:
    text = (
        BASE.replace("legal_basis: contract", "legal_basis: [contract]")
        .replace("  title: Privacy Notice\n", "  title: Privacy Notice\n  titel: Typo\n")
        .replace("scope:\n", "scope:\n  applies_to: [first]\n", 1)
    )
    result = lint(str(write(tmp_path / "n", text)), "--format", "json")
    assert result.exit_code == 1
    got = sorted((f["rule"], f["line"]) for f in findings(result))
    assert got == [
        ("NG002", line_of(text, "applies_to: [The example.com website]")),
        ("NG003", line_of(text, "titel")),
        ("NG004", line_of(text, "legal_basis: [contract]")),
    ]


def test_tab_indentation_is_one_finding_at_its_line(tmp_path: Path) -> None:
    text = BASE + "zz_tab:\n\t- x\n"
    result = lint(str(write(tmp_path / "n", text)), "--format", "json")
    assert result.exit_code == 1
    [finding] = findings(result)
    assert (finding["rule"], finding["line"]) == ("NG001", line_of(text, "\t- x"))


def test_dangling_reference_is_one_finding_at_the_reference(tmp_path: Path) -> None:
    text = BASE + DANGLING
    result = lint(str(write(tmp_path / "n", text)), "--format", "json")
    assert result.exit_code == 1
    [finding] = findings(result)
    assert finding["rule"] == "NG101"
    assert finding["line"] == line_of(text, "[newsletter]")
    assert finding["column"] == text.splitlines()[finding["line"] - 1].index("newsletter") + 1


def test_json_findings_carry_the_contract_fields(tmp_path: Path) -> None:
    result = lint(str(write(tmp_path / "n", BASE + DANGLING)), "--format", "json")
    [finding] = findings(result)
    assert {"rule", "severity", "message", "file", "line", "column"} <= set(finding)
    assert finding["severity"] == "error"
    assert finding["file"].endswith("notice.yaml")
    assert json.loads(result.stdout)["summary"]["error"] == 1


def test_text_format_is_file_line_col_code_message_with_a_hint(tmp_path: Path) -> None:
    text = BASE + DANGLING
    folder = write(tmp_path / "n", text)
    result = lint(str(folder))
    first, *rest = result.stdout.splitlines()
    line = line_of(text, "[newsletter]")
    assert first.startswith(f"{folder / 'notice.yaml'}:{line}:")
    assert " NG101 [error] " in first
    assert any(x.strip().startswith("fix:") for x in rest)
    assert rest[-1] == "Found 1 problem (1 error)."


def test_nonexistent_path_is_exit_2_with_one_line(tmp_path: Path) -> None:
    result = lint(str(tmp_path / "nope"))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1


def test_folder_without_notice_is_exit_2_with_one_line(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = lint(str(tmp_path / "empty"))
    assert result.exit_code == 2
    assert "no notice.yaml" in result.stderr
    assert result.stderr.count("\n") == 1


def test_a_single_file_can_be_linted(tmp_path: Path) -> None:
    folder = write(tmp_path / "n", BASE + DANGLING)
    result = lint(str(folder / "notice.yaml"), "--format", "json")
    assert [f["rule"] for f in findings(result)] == ["NG101"]


# Configuration --------------------------------------------------------------------------------


def test_pyproject_table_is_found_above_the_notice(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.noticegen]\nignore = ["NG101"]\n', encoding="utf-8"
    )
    folder = write(tmp_path / "notice", BASE + DANGLING, config=None)
    result = lint(str(folder), "--format", "json")
    assert "NG101" not in {f["rule"] for f in findings(result)}


def test_ignore_by_prefix_turns_a_family_off(tmp_path: Path) -> None:
    config = '[tool.noticegen]\nselect = ["NG0", "NG1"]\nignore = ["NG1"]\n'
    result = lint(str(write(tmp_path / "n", BASE + DANGLING, config)))
    assert result.exit_code == 0


def test_select_runs_only_the_selected_rules(tmp_path: Path) -> None:
    # a noticegen.toml may hold the settings at its top level
    folder = write(tmp_path / "n", BASE + DANGLING, 'select = ["NG2"]\n')
    result = lint(str(folder), "--format", "json")
    assert result.exit_code != 2, result.stderr
    assert all(f["rule"].startswith("NG2") for f in findings(result))


def test_select_and_ignore_on_the_command_line_take_families(tmp_path: Path) -> None:
    folder = write(tmp_path / "n", BASE + DANGLING, config=None)
    result = lint(str(folder), "--format", "json", "--select", "references")
    assert {f["rule"] for f in findings(result)} == {"NG101"}
    ignored = lint(str(folder), "--format", "json", "--select", "references", "--ignore", "NG1")
    assert (ignored.exit_code, findings(ignored)) == (0, [])


def test_select_on_the_command_line_replaces_the_configurations(tmp_path: Path) -> None:
    folder = write(tmp_path / "n", BASE + DANGLING, 'select = ["NG2"]\n')
    result = lint(str(folder), "--format", "json", "--select", "ng101")
    assert {f["rule"] for f in findings(result)} == {"NG101"}


def test_an_unknown_family_on_the_command_line_is_a_usage_error(tmp_path: Path) -> None:
    result = lint(str(write(tmp_path / "n")), "--ignore", "referenses")
    assert result.exit_code == 2
    assert "'referenses' in `--ignore`" in result.stderr
    assert "did you mean 'references'?" in result.stderr


def test_severity_override_changes_the_exit_code(tmp_path: Path) -> None:
    config = QUIET + 'severity = { NG101 = "warning" }\n'
    result = lint(str(write(tmp_path / "n", BASE + DANGLING, config)), "--format", "json")
    assert result.exit_code == 0
    assert [(f["rule"], f["severity"]) for f in findings(result)] == [("NG101", "warning")]


def test_profiles_in_the_configuration_replace_the_declared_jurisdictions(tmp_path: Path) -> None:
    declared = lint(str(write(tmp_path / "a", config="")), "--format", "json")
    configured = lint(
        str(write(tmp_path / "b", config='profiles = ["ccpa"]\n')), "--format", "json"
    )
    assert any(f["rule"].startswith("NG3") for f in findings(declared))  # gdpr rules
    assert not any(f["rule"].startswith("NG3") for f in findings(configured))
    assert any(f["rule"].startswith("NG4") for f in findings(configured))  # ccpa rules


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ('[tool.noticegen]\nselct = ["NG1"]\n', "unknown setting 'selct'"),
        ('[tool.noticegen]\nignore = ["NG999"]\n', "unknown rule code, prefix or family 'NG999'"),
        ('[tool.noticegen]\nseverity = { NG999 = "info" }\n', "unknown rule code 'NG999'"),
        ('[tool.noticegen]\nseverity = { NG101 = "fatal" }\n', "must be error, warning or info"),
        ('[tool.noticegen]\nprofiles = ["gdprr"]\n', "unknown profile 'gdprr'"),
        ('[tool.noticegen]\nselect = "NG1"\n', "must be a list of strings"),
        ("[tool.noticegen\n", "cannot read configuration"),
    ],
)
def test_configuration_mistakes_are_exit_2_with_one_line(
    tmp_path: Path, config: str, message: str
) -> None:
    result = lint(str(write(tmp_path / "n", config=config)))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert message in result.stderr
    assert "noticegen.toml" in result.stderr


def test_configuration_mistake_names_its_line(tmp_path: Path) -> None:
    config = '[tool.noticegen]\nselect = ["NG1"]\nignore = ["NG1", "XX1"]\n'
    result = lint(str(write(tmp_path / "n", config=config)))
    assert "noticegen.toml:3:" in result.stderr


# Suppressions ---------------------------------------------------------------------------------


def with_comment(comment: str, *, above: bool) -> str:
    if above:
        return BASE + DANGLING.replace(
            "    purposes: [newsletter]\n", f"    {comment}\n    purposes: [newsletter]\n"
        )
    return BASE + DANGLING.replace("[newsletter]\n", f"[newsletter]  {comment}\n")


@pytest.mark.parametrize("above", [False, True], ids=["same-line", "line-above"])
def test_suppression_with_a_reason_silences_the_finding(tmp_path: Path, above: bool) -> None:
    text = with_comment("# noticegen: ignore[NG101] newsletter launches next month", above=above)
    folder = write(tmp_path / "n", text)
    as_json = lint(str(folder), "--format", "json")
    assert as_json.exit_code == 0
    [finding] = findings(as_json)
    assert finding["suppressed"] == "newsletter launches next month"
    assert json.loads(as_json.stdout)["summary"]["suppressed"] == 1
    as_text = lint(str(folder))
    assert "NG101 [error]" not in as_text.stdout
    assert "NG101 suppressed: newsletter launches next month" in as_text.stdout
    assert "1 suppressed with a reason" in as_text.stdout
    sarif = json.loads(lint(str(folder), "--format", "sarif").stdout)
    [result] = sarif["runs"][0]["results"]
    assert result["suppressions"] == [
        {"kind": "inSource", "justification": "newsletter launches next month"}
    ]


def test_suppression_without_a_reason_is_ng010_and_does_not_suppress(tmp_path: Path) -> None:
    text = with_comment("# noticegen: ignore[NG101]", above=False)
    result = lint(str(write(tmp_path / "n", text)), "--format", "json")
    assert result.exit_code == 1
    line = line_of(text, "ignore[NG101]")
    got = sorted((f["rule"], f["line"], "suppressed" in f) for f in findings(result))
    assert got == [("NG010", line, False), ("NG101", line, False)]


@pytest.mark.parametrize(
    ("comment", "says"),
    [
        ("# noticegen: ignore[NG999] old rule", "no rule that exists: NG999"),
        ("# noticegen: ignore[NG101 newsletter soon", "Malformed suppression"),
    ],
)
def test_suppression_of_an_unknown_code_or_malformed_is_ng010(
    tmp_path: Path, comment: str, says: str
) -> None:
    text = with_comment(comment, above=False)
    result = lint(str(write(tmp_path / "n", text)), "--format", "json")
    assert result.exit_code == 1
    [ng010] = [f for f in findings(result) if f["rule"] == "NG010"]
    assert says in ng010["message"]
    assert ng010["line"] == line_of(text, "noticegen: ignore")


def test_configuration_cannot_hide_a_notice_that_did_not_load(tmp_path: Path) -> None:
    folder = write(tmp_path / "n", BASE + "zz_unknown: 1  # noticegen: ignore[NG003] legacy\n")
    (folder / "noticegen.toml").write_text('ignore = ["NG0"]\n', encoding="utf-8")
    result = lint(str(folder), "--format", "json")
    assert result.exit_code == 1
    [ng003] = [f for f in findings(result) if f["rule"] == "NG003"]
    assert "suppressed" not in ng003


def test_suppression_of_another_code_leaves_the_finding(tmp_path: Path) -> None:
    text = with_comment("# noticegen: ignore[NG201] not this one", above=False)
    result = lint(str(write(tmp_path / "n", text)), "--format", "json")
    assert result.exit_code == 1
    assert [f["rule"] for f in findings(result)] == ["NG101"]


def test_suppression_codes_may_be_listed_and_in_lower_case(tmp_path: Path) -> None:
    text = with_comment("# noticegen: ignore[ng201, ng101] agreed with counsel", above=True)
    result = lint(str(write(tmp_path / "n", text)), "--format", "json")
    assert result.exit_code == 0


def test_a_supplement_file_alone_is_a_usage_error_naming_its_notice(tmp_path: Path) -> None:
    folder = write(tmp_path / "n")
    (folder / "supplements").mkdir()
    supplement = folder / "supplements" / "eu.yaml"
    supplement.write_text("supplement: {}\n", encoding="utf-8")
    result = lint(str(supplement))
    assert result.exit_code == 2
    assert f"noticegen lint {folder}" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_schema_into_an_unwritable_place_is_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    result = CliRunner().invoke(main, ["schema", "--out", str(blocker / "schema")])
    assert result.exit_code == 2
    assert "cannot write the schemas" in result.stderr
    assert "Traceback" not in result.output
