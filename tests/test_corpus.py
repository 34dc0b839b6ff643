"""Real published notices, transcribed into the model, with every lint finding judged by hand.

Each folder under tests/corpus/ holds a notice.yaml and an expected.yaml that sorts the findings of
`noticegen lint` into `expected` (a privacy lawyer would agree) and `false_today` (judged false: a
bug in the model or the rules). The suite stays green while the false findings are only recorded:

- an error that is in neither list fails (a new finding must be judged);
- an `expected` error that is no longer reported fails (a rule stopped catching a real problem);
- with NOTICEGEN_CORPUS_STRICT=1 (or FALSE_TODAY_FAILS = True), every finding still listed under
  `false_today` fails too: flip it once the model and rule work has removed them. A notice whose
  expected.yaml says `strict: true` is held to that already (its false findings are all gone).

Run with `pytest tests/test_corpus.py -s` to see the counts of true and false findings per notice.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from noticegen.lint.config import find_config, load_config
from noticegen.lint.linting import lint
from noticegen.model.findings import Finding, Severity
from noticegen.sources.loading import load

CORPUS = Path(__file__).parent / "corpus"
NOTICES = sorted(folder.name for folder in CORPUS.iterdir() if (folder / "notice.yaml").is_file())
FALSE_TODAY_FAILS = os.environ.get("NOTICEGEN_CORPUS_STRICT") == "1"
"""Set to True (or the variable to 1) to make every finding judged false fail the suite."""


Key = tuple[str, str, int]
"""A finding's place in expected.yaml: file (relative to the notice folder), rule, line."""


@dataclass(frozen=True)
class Judged:
    """The hand-made verdicts of one notice: the keys of true and of false findings."""

    true: frozenset[Key]
    true_errors: frozenset[Key]
    false: frozenset[Key]
    strict: bool
    """Every finding still judged false fails the suite, whatever FALSE_TODAY_FAILS says."""


def judged(name: str) -> Judged:
    data = YAML(typ="safe").load((CORPUS / name / "expected.yaml").read_text(encoding="utf-8"))

    def keys(verdict: str, severity: str | None = None) -> frozenset[Key]:
        return frozenset(
            (entry.get("file", "notice.yaml"), entry["rule"], line)
            for entry in data.get(verdict) or []
            if severity is None or entry["severity"] == severity
            for line in entry["lines"]
        )

    return Judged(
        keys("expected"), keys("expected", "error"), keys("false_today"), data.get("strict") is True
    )


def lint_notice(name: str) -> list[tuple[Key, Finding]]:
    """The notice's unsuppressed findings, each with its key in expected.yaml."""
    loaded = load(CORPUS / name)
    config = load_config(find_config(loaded.root))
    # The review rules compare with the notice as committed in this repository: an edit to a
    # corpus notice not yet committed is no defect of the published notice.
    config = replace(config, ignore=(*config.ignore, "review"))
    return [
        ((Path(f.file).relative_to(loaded.root).as_posix(), f.rule, f.line), f)
        for f in lint(loaded, config)
        if f.suppressed is None
    ]


def describe(findings: list[Finding]) -> str:
    return "\n".join(f"{f.file}:{f.line}: {f.rule} [{f.severity}] {f.message}" for f in findings)


def test_the_corpus_holds_at_least_five_notices_each_with_its_source_and_gaps() -> None:
    assert len(NOTICES) >= 5, NOTICES
    for name in NOTICES:
        for required in ("SOURCE.md", "GAPS.md", "expected.yaml"):
            assert (CORPUS / name / required).is_file(), f"{name}/{required}"


def summary(findings: list[tuple[Key, Finding]], verdicts: Judged) -> str:
    """Counts of true, false and unjudged findings per severity, for the log."""
    counts: Counter[tuple[str, str]] = Counter()
    for key, f in findings:
        verdict = (
            "true" if key in verdicts.true else "false" if key in verdicts.false else "unjudged"
        )
        counts[str(f.severity), verdict] += 1
    return ", ".join(
        f"{severity}s {counts[severity, 'true']} true / {counts[severity, 'false']} false"
        + (f" / {counts[severity, 'unjudged']} unjudged" if counts[severity, "unjudged"] else "")
        for severity in ("error", "warning", "info")
    )


@pytest.mark.parametrize("name", NOTICES)
def test_every_error_is_judged_and_every_true_error_is_still_found(name: str) -> None:
    verdicts = judged(name)
    findings = lint_notice(name)
    print(f"\n{name}: {summary(findings, verdicts)}")
    unjudged = [
        f
        for key, f in findings
        if f.severity >= Severity.ERROR and key not in verdicts.true | verdicts.false
    ]
    assert unjudged == [], (
        f"Errors on tests/corpus/{name} that expected.yaml does not judge; add each under "
        f"`expected` or `false_today`:\n{describe(unjudged)}"
    )
    lost = sorted(verdicts.true_errors - {key for key, _ in findings})
    assert lost == [], f"True errors on tests/corpus/{name} are no longer reported: {lost}"
    if FALSE_TODAY_FAILS or verdicts.strict:
        still_false = [f for key, f in findings if key in verdicts.false]
        assert still_false == [], (
            f"Findings judged false are still reported:\n{describe(still_false)}"
        )
