"""Run the selected rules over a loaded notice. Knows nothing about any one rule."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from .config import Config
from .context import LintContext
from .findings import Finding, Position, blocking
from .loading import LoadedNotice, SourceFile, finding
from .rules import ALL_RULES, BY_CODE, Rule, RuleOptions, Violation
from .rules.schema import UNREADABLE_RULES, InvalidSuppression

QUOTE_SEARCH_LINES = 200
"""How far below a value's first line a quoted phrase is looked for (a long Markdown text)."""
_SUPPRESSION = re.compile(r"#\s*noticegen:\s*ignore\[([A-Za-z0-9, ]+)\]\s*(.*)$")
_UNREADABLE_CODES = frozenset(rule.code for rule in UNREADABLE_RULES)
_SUPPRESSION_ATTEMPT = re.compile(r"#\s*noticegen:\s*ignore\b")


def active_profiles(
    loaded: LoadedNotice, config: Config, override: Sequence[str] = ()
) -> frozenset[str]:
    if override:
        return frozenset(override)
    if config.profiles:
        return frozenset(config.profiles)
    if loaded.notice is None:
        return frozenset()
    return frozenset(str(j) for j in loaded.notice.notice.jurisdictions)


def selected_rules(config: Config, profiles: frozenset[str]) -> list[type[Rule]]:
    return [
        rule
        for rule in ALL_RULES
        if config.enabled(rule) and (not rule.profiles or rule.profiles & profiles)
    ]


def build_context(
    loaded: LoadedNotice, config: Config, profiles: frozenset[str]
) -> LintContext | None:
    """What the rules read; None when the notice did not validate (only loader findings)."""
    if loaded.notice is None:
        return None
    return LintContext(
        notice=loaded.notice,
        root=loaded.root,
        main_file=Path(loaded.main.path).name,
        rules_run=frozenset(rule.code for rule in selected_rules(config, profiles)),
        profiles=profiles,
        supplements=[
            (Path(source.path).relative_to(loaded.root).as_posix(), supplement)
            for source, supplement in loaded.supplements
        ],
    )


def run_rule(
    rule: type[Rule], ctx: LintContext, loaded: LoadedNotice, options: RuleOptions | None = None
) -> list[Finding]:
    """One rule's findings, given its own options. A rule that crashes yields one finding
    instead of a traceback, so that the other rules still report and CI shows where the fault
    is."""
    try:
        return [_locate(rule, violation, loaded) for violation in rule(options).check(ctx)]
    except Exception as error:  # a rule bug must not hide every other finding
        return [
            replace(
                finding(
                    rule,
                    f"Internal error: rule {rule.code} ({rule.name}) failed with "
                    f"{type(error).__name__}: {error}. Please report this as a noticegen bug.",
                    loaded.main.path,
                    Position(1, 1),
                ),
                hint="The other rules ran; this one could not check the notice.",
            )
        ]


def lint(
    loaded: LoadedNotice, config: Config | None = None, profiles: Sequence[str] = ()
) -> list[Finding]:
    """All findings for a loaded notice, sorted, with suppressions and overrides applied."""
    config = config or Config()
    active = active_profiles(loaded, config, profiles)
    # What the loader reports means part of the notice could not be read: no configuration
    # or suppression may hide it, or lint would pass a notice it never checked.
    loader_findings = list(loaded.findings)
    findings: list[Finding] = []
    ctx = build_context(loaded, config, active)
    if ctx is not None:
        for rule in selected_rules(config, active):
            if not rule.reported_by_loader:
                findings += run_rule(rule, ctx, loaded, config.options.get(rule.code))
    findings = [_override(f, config) for f in findings]
    sources = [loaded.main, *(s for s, _ in loaded.supplements)]
    findings = _apply_suppressions(findings, sources, config)
    return sorted(set(loader_findings + findings), key=Finding.sort_key)


def _locate(rule: type[Rule], violation: Violation, loaded: LoadedNotice) -> Finding:
    source = loaded.source(violation.file)
    position = violation.position or source.position(violation.path)
    if violation.quote and source.text:
        position = _find_quote(source, position, violation.quote) or position
    return finding(rule, violation.message, source.path, position, violation.hint)


def _find_quote(source: SourceFile, start: Position, quote: str) -> Position | None:
    """The position of `quote` in the file at or after `start`, for pointing inside prose.

    The search starts at `start`'s column, so that a key before the value (`dpo:` for "DPO")
    is not taken for the phrase. It is bounded so that many quotes in a large file stay linear
    in its size."""
    lines = source.folded_lines
    needle = quote.lower()
    for number in range(start.line - 1, min(len(lines), start.line - 1 + QUOTE_SEARCH_LINES)):
        column = lines[number].find(needle, start.column - 1 if number == start.line - 1 else 0)
        if column >= 0:
            return Position(number + 1, column + 1)
    return None


def _override(f: Finding, config: Config) -> Finding:
    level = config.severity.get(f.rule)
    return replace(f, severity=level) if level is not None else f


def _apply_suppressions(
    findings: list[Finding], sources: Iterable[SourceFile], config: Config
) -> list[Finding]:
    """Honour `# noticegen: ignore[CODE] reason` on the finding's line or the line above."""
    reasons: dict[tuple[str, int, str], str] = {}
    result = list(findings)

    def invalid(source: SourceFile, number: int, column: int, message: str) -> None:
        if config.enabled(InvalidSuppression):
            result.append(
                finding(InvalidSuppression, message, source.path, Position(number, column))
            )

    for source in sources:
        if "noticegen:" not in source.text:
            continue
        for number, line in enumerate(source.text.splitlines(), start=1):
            attempt = _SUPPRESSION_ATTEMPT.search(line)
            if not attempt:
                continue
            match = _SUPPRESSION.search(line)
            if not match:
                invalid(
                    source,
                    number,
                    attempt.start() + 1,
                    "Malformed suppression: write `# noticegen: ignore[CODE] reason`.",
                )
                continue
            codes = [c.strip().upper() for c in match.group(1).split(",") if c.strip()]
            reason = match.group(2).strip()
            unknown = [c for c in codes if c not in BY_CODE]
            if unknown:
                invalid(
                    source,
                    number,
                    match.start() + 1,
                    f"Suppression names no rule that exists: {', '.join(unknown)}.",
                )
            unreadable = [c for c in codes if c in _UNREADABLE_CODES]
            if unreadable:
                invalid(
                    source,
                    number,
                    match.start() + 1,
                    f"Suppression of {', '.join(unreadable)} has no effect: what the notice's "
                    "reading reports cannot be suppressed; fix the notice instead.",
                )
            if not reason:
                invalid(
                    source,
                    number,
                    match.start() + 1,
                    f"Suppression of {', '.join(codes)} gives no reason.",
                )
                continue
            target = number + 1 if line.lstrip().startswith("#") else number
            for code in codes:
                reasons[(source.path, target, code)] = reason
    return [
        replace(f, suppressed=reasons[(f.file, f.line, f.rule)])
        if (f.file, f.line, f.rule) in reasons
        else f
        for f in result
    ]


def exit_code(findings: Iterable[Finding]) -> int:
    """1 when an unsuppressed finding is an error, else 0."""
    return int(bool(blocking(findings)))
