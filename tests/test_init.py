"""`noticegen init`: a scaffold that lints clean except at the items marked to complete."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from noticegen.authoring.scaffold import UNDESCRIBED
from noticegen.cli import main, review
from noticegen.lint.config import Config
from noticegen.lint.linting import lint
from noticegen.sources.loading import load

PROFILES = ["gdpr", "uk-gdpr", "ccpa", "lgpd", "eprivacy"]


def init(*args: str, input: str | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["init", *args], input=input)
    return result.exit_code, result.output


# Gaps the scaffold marks with a comment, because no placeholder can stand in the value, and
# the rules that report them.
COMMENTED_GAPS = {"kind: toll_free_phone": {"NG415", "NG416", "NG422"}, UNDESCRIBED: {"NG807"}}
# Placeholders NG804 reports, each written on its line by the scaffold.
MARKERS = ("TODO(noticegen)", ".invalid", ": XX", "[XX]")


def unmarked_findings(folder: Path) -> list[str]:
    """Every finding that is not a marked item: NG804 on a line holding a placeholder, or the
    rule that reports a gap marked in a comment on its line."""
    lines = (folder / "notice.yaml").read_text(encoding="utf-8").splitlines()

    def marked(rule: str, line: str) -> bool:
        if rule == "NG804":
            return any(m in line for m in MARKERS)
        return any(gap in line and rule in rules for gap, rules in COMMENTED_GAPS.items())

    return [
        f"{f.rule} line {f.line}: {f.message} | {lines[f.line - 1].strip()}"
        for f in lint(load(folder), Config())
        if not marked(f.rule, lines[f.line - 1])
    ]


@pytest.mark.parametrize("jurisdiction", PROFILES)
def test_scaffold_lints_clean_except_marked_items(tmp_path: Path, jurisdiction: str) -> None:
    code, output = init(str(tmp_path / "n"), "--company", "Example GmbH", "--email",
                        "privacy@example.com", "--jurisdiction", jurisdiction)  # fmt: skip
    assert code == 0, output
    loaded = load(tmp_path / "n")
    assert loaded.notice is not None, [f.message for f in loaded.findings]
    assert [str(j) for j in loaded.notice.notice.jurisdictions] == [jurisdiction]
    assert loaded.notice.controller.name == "Example GmbH"
    assert unmarked_findings(tmp_path / "n") == []
    assert lint(load(tmp_path / "n"), Config()), "the marked items must be reported"


def test_all_jurisdictions_together(tmp_path: Path) -> None:
    args = [a for j in PROFILES for a in ("--jurisdiction", j)]
    assert init(str(tmp_path / "n"), *args)[0] == 0
    assert unmarked_findings(tmp_path / "n") == []


def test_without_answers_and_terminal_placeholders_are_written_and_reported(tmp_path: Path) -> None:
    code, output = init(str(tmp_path / "n"))
    assert code == 0, output
    text = (tmp_path / "n" / "notice.yaml").read_text(encoding="utf-8")
    assert "privacy@example.invalid" in text
    findings = lint(load(tmp_path / "n"), Config())
    lines = text.splitlines()
    reported = {lines[f.line - 1].strip().split(":")[0] for f in findings if f.rule == "NG804"}
    assert {"name", "email"} <= reported
    assert unmarked_findings(tmp_path / "n") == []


def test_at_a_terminal_missing_answers_are_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(review, "_interactive", lambda: True)
    code, output = init(
        str(tmp_path / "n"), input="Acme Ltd\nprivacy@acme.example.com\ngdpr ccpa\n"
    )
    assert code == 0, output
    notice = load(tmp_path / "n").notice
    assert notice is not None
    assert notice.controller.name == "Acme Ltd"
    assert notice.controller.email == "privacy@acme.example.com"
    assert [str(j) for j in notice.notice.jurisdictions] == ["gdpr", "ccpa"]


def test_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "keep.txt").write_text("mine", encoding="utf-8")
    code, output = init(str(tmp_path))
    assert code == 2 and "--force" in output
    assert [p.name for p in tmp_path.iterdir()] == ["keep.txt"]
    code, _ = init(str(tmp_path), "--force")
    assert code == 0 and (tmp_path / "notice.yaml").is_file()
    assert (tmp_path / "keep.txt").read_text(encoding="utf-8") == "mine"


@pytest.mark.parametrize(
    "args",
    [
        ["--email", "not-an-address"],
        ["--email", "a@b.example?cc=x@evil.example"],
        ["--email", "privacy@example.com\n"],
        ["--company", "  "],
    ],
)
def test_bad_answers_write_nothing(tmp_path: Path, args: list[str]) -> None:
    code, output = init(str(tmp_path / "n"), *args)
    assert code == 2 and len(output.strip().splitlines()) == 1
    assert not (tmp_path / "n").exists()


def test_company_names_are_quoted_safely(tmp_path: Path) -> None:
    name = 'Acme: "Best" #1 Ltd'
    assert init(str(tmp_path / "n"), "--company", name)[0] == 0
    notice = load(tmp_path / "n").notice
    assert notice is not None and notice.controller.name == name


def test_scaffold_is_already_formatted(tmp_path: Path) -> None:
    assert init(str(tmp_path / "n"), "--jurisdiction", "ccpa")[0] == 0
    result = CliRunner().invoke(main, ["fmt", "--check", str(tmp_path / "n")])
    assert result.exit_code == 0, result.output


def test_lint_json_of_scaffold_has_no_traceback(tmp_path: Path) -> None:
    assert init(str(tmp_path / "n"))[0] == 0
    result = CliRunner().invoke(main, ["lint", str(tmp_path / "n"), "--format", "json"])
    assert result.exit_code == 1
    assert json.loads(result.output)["summary"]["error"] > 0


@pytest.mark.parametrize("email", ["*x@y.z", "&x@y.z.example", "!x@y.z", "|x@y.z", "[a@b.c]"])
def test_an_email_that_yaml_would_read_as_syntax_is_written_quoted(
    tmp_path: Path, email: str
) -> None:
    """`init --email '*x@y.z'` wrote `email: *x@y.z`, an alias, and the notice did not parse."""
    code, output = init(str(tmp_path / "n"), "--email", email)
    if code == 2:  # refused by the model's own Email type: nothing written
        assert "not an email address" in output and not (tmp_path / "n").exists()
        return
    loaded = load(tmp_path / "n")
    assert loaded.notice is not None, [f.message for f in loaded.findings]
    assert loaded.notice.controller.email == email


def test_a_notice_that_cannot_be_written_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import os

    def full_disk(*args: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("noticegen.authoring.scaffold.atomic_write_text", full_disk)
    code, output = init(str(tmp_path / "n"))
    assert code == 2 and "No space left on device" in output
    assert len(output.strip().splitlines()) == 1
