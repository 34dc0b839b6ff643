"""Run the selected rules over a loaded notice. Knows nothing about any one rule."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from pydantic import BaseModel

from ..model import Notice
from ..model.findings import Finding, Position, blocking
from ..sources.loading import LoadedNotice, PathT, SourceFile, finding
from .config import Config
from .context import LintContext
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
    notice = readable_notice(loaded)
    try:
        return frozenset(str(j) for j in notice.notice.jurisdictions) if notice else frozenset()
    except AttributeError:  # left out of a notice that did not validate
        return frozenset()


def readable_notice(loaded: LoadedNotice) -> Notice | None:
    """The notice, or what validated of it (see `loading.Partial`)."""
    return loaded.notice or (loaded.partial.model if loaded.partial else None)


def selected_rules(config: Config, profiles: frozenset[str]) -> list[type[Rule]]:
    return [
        rule
        for rule in ALL_RULES
        if config.enabled(rule) and (not rule.profiles or rule.profiles & profiles)
    ]


def build_context(
    loaded: LoadedNotice, config: Config, profiles: frozenset[str]
) -> LintContext | None:
    """What the rules read: the notice, or what validated of it with the places of the values
    left out; None when nothing did (a file that is no mapping: only loader findings)."""
    notice = readable_notice(loaded)
    if notice is None:
        return None
    partial = [(source, p.model) for source, p in loaded.partial_supplements]
    supplements = sorted(
        (
            (Path(source.path).relative_to(loaded.root).as_posix(), supplement)
            for source, supplement in [*loaded.supplements, *partial]
        ),
        key=lambda pair: pair[0],
    )
    left_out: set[tuple[str | None, PathT]] = set()
    if loaded.partial:
        left_out.update((None, path) for path in loaded.partial.left_out)
    for source, supplement in loaded.partial_supplements:
        relative = Path(source.path).relative_to(loaded.root).as_posix()
        left_out.update((relative, path) for path in supplement.left_out)
    return LintContext(
        notice=notice,
        root=loaded.root,
        main_file=Path(loaded.main.path).name,
        rules_run=frozenset(rule.code for rule in selected_rules(config, profiles)),
        profiles=profiles,
        supplements=supplements,
        left_out=frozenset(left_out),
    )


def run_rule(
    rule: type[Rule], ctx: LintContext, loaded: LoadedNotice, options: RuleOptions | None = None
) -> list[Finding]:
    """One rule's findings, given its own options. A rule that crashes yields one finding
    instead of a traceback, so that the other rules still report and CI shows where the fault
    is.

    On a notice that did not validate, a rule that reads a value the loader left out stops
    there, keeping what it found before, and nothing it says at or under such a value is
    reported: the loader's finding already says what is wrong with it."""
    found = []
    try:
        for violation in rule(options).check(ctx):
            if not ctx.leaves_out(violation.file, violation.path):
                found.append(_locate(rule, violation, loaded))
    except AttributeError as error:
        if not _reads_left_out_value(error):
            return [_crash(rule, error, loaded)]
    except Exception as error:  # a rule bug must not hide every other finding
        return [_crash(rule, error, loaded)]
    return found


def _reads_left_out_value(error: AttributeError) -> bool:
    """Whether the error is the read of a model field the loader left out (`loading.Partial`):
    a validated model holds every one of its fields."""
    model = getattr(error, "obj", None)
    return (
        isinstance(model, BaseModel)
        and error.name in type(model).model_fields
        and error.name not in model.__dict__
    )


def _crash(rule: type[Rule], error: Exception, loaded: LoadedNotice) -> Finding:
    return replace(
        finding(
            rule,
            f"Internal error: rule {rule.code} ({rule.name}) failed with "
            f"{type(error).__name__}: {error}. Please report this as a noticegen bug.",
            loaded.main.path,
            Position(1, 1),
        ),
        hint="The other rules ran; this one could not check the notice.",
    )


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
    sources = [loaded.main, *(s for s, _ in [*loaded.supplements, *loaded.partial_supplements])]
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
