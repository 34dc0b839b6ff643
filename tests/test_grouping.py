"""A defect that repeats is shown once with its places: the grouping itself, then each reporter on
the as-published IMS notice, where NG401 fires for each of its data items (none has a CCPA
category). NG305 reports a notice with no legal basis anywhere once, so it no longer repeats."""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from noticegen.cli import main
from noticegen.lint.config import find_config, load_config
from noticegen.lint.linting import lint
from noticegen.lint.reporters import REPORTERS, github, sarif, text
from noticegen.lint.reporters import json as json_reporter
from noticegen.lint.reporters.grouping import PLACEHOLDER, group_findings
from noticegen.model.findings import Finding, Position, Severity
from noticegen.sources.loading import load

ROOT = Path(__file__).resolve().parents[1]
PUBLISHED = ROOT / "tests" / "fixtures" / "ims-as-published"
SCHEMA = ROOT / "tests" / "data" / "sarif-schema-2.1.0.json"

NO_BASIS = Finding(
    rule="NG305",
    name="purpose-without-legal-basis",
    severity=Severity.ERROR,
    message="Purpose `news` (Sending you news) does not state its legal basis under Art. 6(1).",
    file="notice.yaml",
    position=Position(83, 3),
    citation="GDPR Art. 6(1), 13(1)(c), 14(1)(c)",
    hint="Add the purpose's `legal_basis`.",
)


def purpose(id_: str, label: str, line: int) -> Finding:
    message = f"Purpose `{id_}` ({label}) does not state its legal basis under Art. 6(1)."
    return replace(NO_BASIS, message=message, position=Position(line, 3))


@pytest.fixture(scope="module")
def published(request: pytest.FixtureRequest) -> list[Finding]:
    """The as-published findings with repository-relative paths, as CI reports them."""
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        loaded = load(PUBLISHED.relative_to(ROOT))
        return lint(loaded, load_config(find_config(loaded.root)))


def by_rule(findings: list[Finding], rule: str) -> list[Finding]:
    return [f for f in findings if f.rule == rule]


NO_CATEGORY = " has no CCPA category, so the list of categories of personal information \
collected in the last 12 months is incomplete."


def datum_named(f: Finding) -> str:
    """The data item an NG401 message names: its id and label."""
    return f.message.removesuffix(NO_CATEGORY)


# --- what is one defect -----------------------------------------------------------------------


def test_instances_differ_only_in_what_they_quote() -> None:
    findings = [
        purpose("news", "Sending you news", 83),
        purpose("a (b)", "Label (with parentheses)", 90),
        replace(NO_BASIS, message='The text mentions "may", so it is open-ended'),
        replace(NO_BASIS, message="The text mentions \u201cmight\u201d, so it is open-ended"),
    ]
    [legal_basis, open_ended] = group_findings(findings)
    assert legal_basis.findings == tuple(findings[:2])
    assert legal_basis.message == (
        f"Purpose {PLACEHOLDER} does not state its legal basis under Art. 6(1)."
    )
    assert [legal_basis.instance(f) for f in findings[:2]] == [
        "`news` (Sending you news)",
        "`a (b)` (Label (with parentheses))",
    ]
    assert open_ended.findings == tuple(findings[2:])
    assert open_ended.instance(findings[3]) == "\u201cmight\u201d"


@pytest.mark.parametrize(
    "change",
    [
        {"rule": "NG306"},
        {"message": "Purpose `x` (X) does not state its legal basis under Art. 9(2)."},
        {"severity": Severity.WARNING},
        {"citation": "GDPR Art. 6(1)"},
        {"hint": "Another fix."},
        {"suppressed": "agreed with counsel"},
    ],
)
def test_what_a_group_shows_once_keeps_findings_apart(change: dict[str, object]) -> None:
    other = replace(purpose("x", "X", 90), **change)  # type: ignore[arg-type]
    assert len(group_findings([NO_BASIS, other])) == 2


def test_what_every_instance_quotes_stays_in_the_message() -> None:
    # NG901 quotes the field it names as well as the data item
    findings = [
        replace(NO_BASIS, message=f"`{id_}` ({id_}): its `ccpa_category` names no store type.")
        for id_ in ("a", "b")
    ]
    [group] = group_findings(findings)
    assert group.message == f"{PLACEHOLDER}: its `ccpa_category` names no store type."
    assert [group.instance(f) for f in findings] == ["`a` (a)", "`b` (b)"]


def test_a_quote_that_reads_like_the_placeholder_keeps_each_message_whole() -> None:
    findings = [
        replace(NO_BASIS, message="`a` is wrong."),
        replace(NO_BASIS, message=f"{PLACEHOLDER} is wrong."),
    ]
    [group] = group_findings(findings)
    assert group.message == f"{PLACEHOLDER} is wrong."
    assert [group.instance(f) for f in findings] == [f.message for f in findings]


def test_a_group_of_one_keeps_its_message() -> None:
    [group] = group_findings([NO_BASIS])
    assert group.message == NO_BASIS.message


def test_a_rule_may_name_the_defect_and_each_instance_keeps_its_message() -> None:
    named = "A purpose does not state its legal basis."
    findings = [
        replace(purpose("news", "News", 83), group=named),
        replace(NO_BASIS, message="Purpose `ads` relies on nothing.", group=named),
    ]
    [group] = group_findings(findings)
    assert group.message == named
    assert [group.instance(f) for f in findings] == [f.message for f in findings]


def test_the_fingerprint_ignores_place_severity_and_suppression() -> None:
    [a] = group_findings([NO_BASIS])
    changes: list[dict[str, object]] = [
        {"position": Position(1, 1)},
        {"severity": Severity.INFO},
        {"suppressed": "reason"},
        {"message": NO_BASIS.message.replace("news", "ads")},
    ]
    for change in changes:
        [b] = group_findings([replace(NO_BASIS, **change)])  # type: ignore[arg-type]
        assert b.fingerprint == a.fingerprint
    [other] = group_findings([replace(NO_BASIS, rule="NG306")])
    assert other.fingerprint != a.fingerprint


_IDS = st.sampled_from(["news", "ads", "a (b)", "`", "x\u202ey", "50%"])
_FINDINGS = st.lists(
    st.builds(
        Finding,
        rule=st.sampled_from(["NG305", "NG401"]),
        severity=st.sampled_from(list(Severity)),
        message=st.builds(
            "{} `{}` ({}) {}".format,
            st.sampled_from(["Purpose", "Data"]),
            _IDS,
            _IDS,
            st.sampled_from(["is wrong.", "is missing."]),
        ),
        file=st.sampled_from(["notice.yaml", "supplements/ca.yaml"]),
        position=st.builds(Position, st.integers(1, 5), st.integers(1, 3)),
        hint=st.sampled_from(["", "Fix it."]),
        suppressed=st.sampled_from([None, None, "reason"]),
        group=st.sampled_from(["", "", "Named."]),
    ),
    max_size=30,
)


@settings(max_examples=300, deadline=None)
@given(findings=_FINDINGS)
def test_grouping_never_loses_or_duplicates_an_instance(findings: list[Finding]) -> None:
    groups = group_findings(findings)
    instances = [f for group in groups for f in group.findings]
    assert Counter(map(id, instances)) == Counter(map(id, findings))
    assert all(group.findings for group in groups)
    # groups follow their first finding; a group keeps the findings' order
    firsts = [findings.index(group.first) for group in groups]
    assert firsts == sorted(firsts)
    for group in groups:
        positions = [i for i, f in enumerate(findings) if any(f is g for g in group.findings)]
        assert [findings[i] for i in positions] == list(group.findings)
        assert len({(f.rule, f.severity, f.hint, f.suppressed) for f in group.findings}) == 1
    # every reporter accounts for every finding
    document = json.loads(json_reporter.report(findings))
    assert sum(len(g["instances"]) for g in document["groups"]) == len(findings)
    assert [i for g in document["groups"] for i in g["instances"]] == [
        {"file": f.file, "line": f.line, "column": f.column, "message": f.message}
        for f in instances
    ]
    assert len(json.loads(sarif.report(findings))["runs"][0]["results"]) == len(findings)
    active = [g for g in groups if g.first.suppressed is None]
    assert document["summary"]["groups"] == len(active)
    assert sum(line.startswith("::") for line in github.report(findings).splitlines()) == len(
        active
    )


# --- each reporter on the as-published notice -------------------------------------------------


def test_text_shows_the_missing_ccpa_category_once_with_each_data_item(
    published: list[Finding],
) -> None:
    out = text.report(published).splitlines()
    no_category = by_rule(published, "NG401")
    places = len(no_category)
    assert places > 1
    first = no_category[0]
    start = out.index(
        f"{first.file}:{first.line}:{first.column}: NG401 [error] {PLACEHOLDER}{NO_CATEGORY} "
        f"({places} places)"
    )
    assert out[start + 1 : start + places + 3] == [
        *(f"    at {f.file}:{f.line}:{f.column}: {datum_named(f)}" for f in no_category),
        f"    source: {first.citation}",
        f"    fix: {first.hint}",
    ]
    assert out[start + 1].endswith("`identity.name` (First and Last name)")
    assert sum(" NG401 " in line for line in out) == 1
    groups = len(group_findings(published))
    counts = Counter(f.severity.name.lower() for f in published)
    assert out[-1] == (
        f"Found {len(published)} problems ({counts['error']} errors, {counts['warning']} "
        f"warnings, {counts['info']} info) in {groups} groups."
    )
    assert groups <= len(published) - (places - 1)


def test_json_groups_the_findings_and_keeps_the_flat_list(published: list[Finding]) -> None:
    document = json.loads(json_reporter.report(published))
    assert document["findings"] == [f.to_dict() for f in published]
    [no_category] = [g for g in document["groups"] if g["rule"] == "NG401"]
    assert set(no_category) == {
        "rule", "name", "severity", "message", "source", "fix", "fingerprint", "instances"
    }  # fmt: skip
    first = by_rule(published, "NG401")[0]
    assert no_category["severity"] == "error"
    assert no_category["message"] == PLACEHOLDER + NO_CATEGORY
    assert no_category["source"] == first.citation
    assert no_category["fix"] == first.hint
    assert no_category["instances"] == [
        {"file": f["file"], "line": f["line"], "column": f["column"], "message": f["message"]}
        for f in document["findings"]
        if f["rule"] == "NG401"
    ]
    singles = [g for g in document["groups"] if len(g["instances"]) == 1]
    assert all(g["message"] == g["instances"][0]["message"] for g in singles)
    assert document["summary"]["groups"] == len(document["groups"])


def _runner_unescape(value: str) -> str:
    for escaped, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ",")):
        value = value.replace(escaped, char)
    return value.replace("%25", "%")


def test_github_annotates_each_defect_once_at_its_first_place(published: list[Finding]) -> None:
    out = github.report(published)
    commands = [line for line in out.splitlines() if line.startswith("::")]
    assert len(commands) == len(group_findings(published))
    [annotation] = [c for c in commands if "title=NG401 " in c]
    head, _, message = annotation[2:].partition("::")
    no_category = by_rule(published, "NG401")
    places = min(len(no_category), github.ANNOTATION_PLACES)
    first = no_category[0]
    assert f"line={first.line},col={first.column}," in head
    lines = _runner_unescape(message).split("\n")
    assert lines[1] == f"In {len(no_category)} places:"
    assert lines[2 : 2 + places] == [
        f"- {f.file}:{f.line}:{f.column}: {datum_named(f)}" for f in no_category[:places]
    ]
    assert lines[-1] == first.hint
    # the plain listing is grouped too, and still names every place
    plain = [line for line in out.splitlines() if not line.startswith("::")]
    for f in published:
        assert any(f"{f.file}:{f.line}:{f.column}" in line for line in plain)


def test_sarif_results_of_one_defect_share_a_fingerprint_and_link_each_other(
    published: list[Finding],
) -> None:
    document = json.loads(sarif.report(published))
    validator = jsonschema.Draft4Validator(json.loads(SCHEMA.read_text("utf-8")))
    assert list(validator.iter_errors(document)) == []
    results = document["runs"][0]["results"]
    assert len(results) == len(published)
    no_category = [r for r in results if r["ruleId"] == "NG401"]
    assert len({r["partialFingerprints"][sarif.FINGERPRINT] for r in no_category}) == 1
    others = {r["partialFingerprints"][sarif.FINGERPRINT] for r in results if r not in no_category}
    assert no_category[0]["partialFingerprints"][sarif.FINGERPRINT] not in others
    lines = [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in no_category]
    for result, line in zip(no_category, lines, strict=True):
        related = result["relatedLocations"]
        assert [r["physicalLocation"]["region"]["startLine"] for r in related] == [
            other for other in lines if other != line
        ]
        links = re.findall(r"\[line (\d+)\]\((\d+)\)", result["message"]["text"])
        assert [(int(n), int(i)) for n, i in links] == [
            (r["physicalLocation"]["region"]["startLine"], r["id"]) for r in related
        ]
        assert result["suppressions"] == []
    singles = [r for r in results if r["ruleId"] in ("NG327", "NG302")]
    assert singles and all("relatedLocations" not in r for r in singles)


def test_sarif_caps_related_places_and_github_the_places_it_lists() -> None:
    findings = [purpose(f"p{i}", f"P{i}", i + 1) for i in range(150)]
    document = json.loads(sarif.report(findings))
    first = document["runs"][0]["results"][0]
    assert len(first["relatedLocations"]) == sarif.RELATED_PLACES
    assert first["message"]["text"].count("](") == sarif.RELATED_PLACES
    assert "[line 101](100) and 49 more." in first["message"]["text"]
    [annotation] = [line for line in github.report(findings).splitlines() if line.startswith("::")]
    message = _runner_unescape(annotation.split("::", 2)[2])
    assert message.count("\n- notice.yaml:") == github.ANNOTATION_PLACES
    assert "\n- and 100 more (see the log)" in message


def test_a_grouped_hostile_id_stays_text_in_every_channel() -> None:
    hostile = "x\x1b[2J%0A::error file=a::pwned\u202e"
    findings = [purpose(hostile + str(i), hostile, i + 1) for i in range(3)]
    for fmt in ("text", "github"):
        out = REPORTERS[fmt](findings)
        assert "\x1b" not in out and "\u202e" not in out
        commands = [line for line in out.splitlines() if line.lstrip().startswith("::")]
        assert len(commands) == (1 if fmt == "github" else 0)
        if fmt == "github":
            message = _runner_unescape(commands[0].split("::", 2)[2])
            assert message.count("\n") == 5 and "%0A::error" in message


def test_reports_are_byte_identical_run_to_run(published: list[Finding]) -> None:
    for fmt, report in REPORTERS.items():
        assert report(published) == report(list(published)), fmt


def test_lint_cli_groups_the_published_notice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(main, ["lint", "tests/fixtures/ims-as-published"])
    assert result.exit_code == 1
    assert result.stdout.count(" NG401 ") == 1 and "(16 places)" in result.stdout
