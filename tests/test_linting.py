"""The rule engine: positions for violations, selection, overrides, suppressions, a rule crash."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from noticegen.lint import linting
from noticegen.lint.config import Config
from noticegen.lint.context import LintContext
from noticegen.lint.linting import active_profiles, build_context, exit_code, lint, selected_rules
from noticegen.lint.rules import ALL_RULES, Rule, Violation
from noticegen.model.findings import Finding, Position, Severity
from noticegen.sources.loading import LoadedNotice, load

BASE = (Path(__file__).parent / "rules" / "base" / "notice.yaml").read_text(encoding="utf-8")
SUPPLEMENT = """\
supplement:
  id: california
  title: Privacy Notice for California Residents
  jurisdiction: ccpa
  applies_to: Residents of California
"""


def loaded_notice(tmp_path: Path, text: str = BASE, supplement: str | None = None) -> LoadedNotice:
    folder = tmp_path / "n"
    (folder / "supplements").mkdir(parents=True)
    (folder / "notice.yaml").write_text(text, encoding="utf-8")
    if supplement is not None:
        (folder / "supplements" / "california.yaml").write_text(supplement, encoding="utf-8")
    return load(folder)


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


class FakeRule(Rule):
    """A rule whose violations each test sets."""

    code = "NG201"  # a registered rule read after loading, so suppressions apply to it
    violations: tuple[Violation, ...] = ()

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        yield from self.violations


def run_fake(
    monkeypatch: pytest.MonkeyPatch, loaded: LoadedNotice, *violations: Violation
) -> list[Finding]:
    rule = type("Fake", (FakeRule,), {"violations": violations})
    monkeypatch.setattr(linting, "selected_rules", lambda config, profiles: [rule])
    return lint(loaded)


def test_a_violation_path_becomes_the_line_and_column_of_the_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    [f] = run_fake(
        monkeypatch,
        loaded_notice(tmp_path),
        Violation(("purposes", "account", "legal_basis"), "basis"),
    )
    assert f.position == Position(line_of(BASE, "legal_basis: contract"), 5)
    assert f.message == "basis"
    assert f.rule == "NG201"


def test_a_list_item_path_points_at_the_item(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    [f] = run_fake(
        monkeypatch, loaded_notice(tmp_path), Violation(("scope", "applies_to", 0), "item")
    )
    line = line_of(BASE, "applies_to: [")
    assert f.position == Position(line, BASE.splitlines()[line - 1].index("The example") + 1)


def test_a_quote_points_inside_the_prose(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = ("purposes", "account", "description")
    [f] = run_fake(monkeypatch, loaded_notice(tmp_path), Violation(path, "q", quote="RUN your"))
    line = line_of(BASE, "We create and run your account.")
    assert f.position == Position(line, BASE.splitlines()[line - 1].index("run your") + 1)


def test_a_supplement_violation_is_located_in_the_supplement(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loaded = loaded_notice(tmp_path, supplement=SUPPLEMENT)
    [f] = run_fake(
        monkeypatch,
        loaded,
        Violation(("supplement", "applies_to"), "s", file="supplements/california.yaml"),
    )
    assert Path(f.file) == loaded.root / "supplements" / "california.yaml"
    assert f.position == Position(5, 3)


def test_a_violation_with_its_own_position_keeps_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    violation = Violation((), "po", file="locales/fr.po", position=Position(7, 2))
    [f] = run_fake(monkeypatch, loaded_notice(tmp_path), violation)
    assert (Path(f.file).name, f.position) == ("fr.po", Position(7, 2))


def test_a_crashing_rule_becomes_one_finding_and_the_others_still_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Crashing(FakeRule):
        code = "NG101"

        def check(self, ctx: LintContext) -> Iterator[Violation]:
            yield Violation(("notice",), "before the crash")
            raise ZeroDivisionError("boom")

    working = type("Working", (FakeRule,), {"violations": (Violation(("scope",), "fine"),)})
    monkeypatch.setattr(linting, "selected_rules", lambda config, profiles: [Crashing, working])
    findings = lint(loaded_notice(tmp_path))
    assert [(f.rule, f.message.split(":")[0]) for f in findings] == [
        ("NG101", "Internal error"),
        ("NG201", "fine"),
    ]
    crash = next(f for f in findings if f.rule == "NG101")
    assert "ZeroDivisionError: boom" in crash.message
    assert crash.severity == Severity.ERROR


def test_no_rule_runs_when_the_notice_is_no_mapping(tmp_path: Path) -> None:
    loaded = loaded_notice(tmp_path, "- a list\n")
    assert build_context(loaded, Config(), frozenset()) is None
    assert [f.rule for f in lint(loaded)] == ["NG004"]


def test_the_rules_run_on_what_validated_of_a_notice_that_did_not(tmp_path: Path) -> None:
    loaded = loaded_notice(tmp_path, BASE.replace("  name: Example Ltd", "  name: [1]") + "zz: 1\n")
    assert loaded.notice is None and loaded.partial is not None
    assert loaded.partial.left_out == {("controller", "name")}
    ctx = build_context(loaded, Config(), frozenset())
    assert ctx is not None and ctx.left_out == {(None, ("controller", "name"))}
    assert "name" not in ctx.notice.controller.__dict__  # absent, not None


def test_a_rule_that_reads_a_left_out_value_stops_keeping_what_it_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Reader(FakeRule):
        def check(self, ctx: LintContext) -> Iterator[Violation]:
            yield Violation(("scope",), "before")
            yield Violation(("controller", "name"), "at the left-out value")
            yield Violation(("controller", "name", "x"), "under it")
            yield Violation(("controller",), ctx.notice.controller.name)
            yield Violation(("scope",), "after")

    monkeypatch.setattr(linting, "selected_rules", lambda config, profiles: [Reader])
    loaded = loaded_notice(tmp_path, BASE.replace("  name: Example Ltd", "  name: [1]"))
    assert [(f.rule, f.message) for f in lint(loaded)] == [
        ("NG004", "`controller.name`: Input should be a valid string."),
        ("NG201", "before"),
    ]


def test_a_rule_bug_on_a_partial_notice_is_still_an_internal_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Buggy(FakeRule):
        def check(self, ctx: LintContext) -> Iterator[Violation]:
            nickname = ctx.notice.controller.nickname  # type: ignore[attr-defined]
            yield Violation(("scope",), nickname)

    monkeypatch.setattr(linting, "selected_rules", lambda config, profiles: [Buggy])
    loaded = loaded_notice(tmp_path, BASE.replace("  name: Example Ltd", "  name: [1]"))
    crash = next(f for f in lint(loaded) if f.rule == "NG201")
    assert "Internal error" in crash.message and "nickname" in crash.message


def test_loader_findings_ignore_the_configuration(tmp_path: Path) -> None:
    """A notice that did not load was never checked: the configuration cannot hide that."""
    loaded = loaded_notice(tmp_path, BASE + "zz: 1\n")
    assert "NG003" in [f.rule for f in lint(loaded, Config(ignore=("NG003",)))]
    regraded = lint(loaded, Config(severity={"NG003": Severity.WARNING}))
    [f] = [f for f in regraded if f.rule == "NG003"]
    assert f.severity == Severity.ERROR


def test_profiles_come_from_the_override_then_the_config_then_the_notice(tmp_path: Path) -> None:
    loaded = loaded_notice(tmp_path)
    assert active_profiles(loaded, Config()) == {"gdpr"}
    assert active_profiles(loaded, Config(profiles=("ccpa",))) == {"ccpa"}
    assert active_profiles(loaded, Config(profiles=("ccpa",)), ["lgpd"]) == {"lgpd"}


def test_selected_rules_follow_profiles_and_configuration() -> None:
    everything = selected_rules(
        Config(), frozenset({"gdpr", "uk-gdpr", "ccpa", "lgpd", "eprivacy"})
    )
    assert everything == list(ALL_RULES)
    none = selected_rules(Config(), frozenset())
    assert all(not r.profiles for r in none)
    gdpr = selected_rules(Config(), frozenset({"gdpr"}))
    assert all(not r.profiles or "gdpr" in r.profiles for r in gdpr)
    assert all(
        r.code.startswith("NG1") for r in selected_rules(Config(select=("NG1",)), frozenset())
    )
    prose = selected_rules(Config(select=("prose",)), frozenset())
    assert prose and all(r.family == "prose" for r in prose)
    no_review = selected_rules(Config(ignore=("review",)), frozenset())
    assert not any(r.family == "review" for r in no_review)


def test_findings_are_sorted_and_unique(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    twice = Violation(("scope",), "same")
    findings = run_fake(
        monkeypatch, loaded_notice(tmp_path), Violation(("purposes",), "late"), twice, twice
    )
    assert [f.message for f in findings] == ["same", "late"]


def test_suppressions_apply_in_supplements_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = SUPPLEMENT.replace(
        "  applies_to: Residents of California\n",
        "  # noticegen: ignore[NG201] reviewed with counsel\n  applies_to: Residents\n",
    )
    loaded = loaded_notice(tmp_path, supplement=text)
    violation = Violation(("supplement", "applies_to"), "s", file="supplements/california.yaml")
    [f] = run_fake(monkeypatch, loaded, violation)
    assert f.suppressed == "reviewed with counsel"


def test_a_suppression_comment_on_another_line_does_not_apply(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = BASE.replace(
        "  title: Privacy Notice\n", "  title: Privacy Notice  # noticegen: ignore[NG201] x\n"
    )
    [f] = run_fake(monkeypatch, loaded_notice(tmp_path, text), Violation(("scope",), "s"))
    assert f.suppressed is None


def test_exit_code_counts_only_unsuppressed_errors() -> None:
    error = Finding("NG101", Severity.ERROR, "m", "f")
    assert exit_code([error]) == 1
    assert exit_code([replace(error, severity=Severity.WARNING)]) == 0
    assert exit_code([replace(error, suppressed="reason")]) == 0
    assert exit_code([]) == 0


def test_a_gap_left_to_another_rule_is_reported_when_that_rule_does_not_run(
    tmp_path: Path,
) -> None:
    # NG502 (LGPD) leaves a purpose without a legal basis to NG305 (GDPR) when both apply.
    loaded = loaded_notice(tmp_path, BASE.replace("    legal_basis: contract\n", ""))
    both = ["gdpr", "lgpd"]
    rules = {f.rule for f in lint(loaded, Config(), both)}
    assert "NG305" in rules and "NG502" not in rules
    rules = {f.rule for f in lint(loaded, Config(ignore=("NG305",)), both)}
    assert "NG502" in rules and "NG305" not in rules
