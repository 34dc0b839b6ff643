"""Problems the loader reports while reading YAML; documented here like every other rule."""

from __future__ import annotations

from ..findings import Severity
from .base import Rule


class _LoaderRule(Rule):
    family = "schema"
    severity = Severity.ERROR
    reported_by_loader = True


class YamlSyntaxError(_LoaderRule):
    """The file is not valid YAML.

    What it does:
        Reports the first place where the file stops being readable YAML: a tab used for
        indentation, an unclosed quote or bracket, a key without a colon.

    Why it matters:
        Nothing after a syntax error can be checked or published, so every other check is blind
        until it is fixed.

    Example:
        ```yaml
        purposes:
        →   marketing:      # the arrow stands for a tab character
        ```

    Fix:
        ```yaml
        purposes:
          marketing:        # indented with spaces
        ```
    """

    code = "NG001"
    name = "yaml-syntax-error"
    hint = "Fix the YAML at this position; indent with spaces, close quotes and brackets."


class DuplicateKey(_LoaderRule):
    """The same key appears twice in one mapping.

    What it does:
        Flags the second occurrence of a key in the same mapping, including two data
        categories, purposes or recipients with the same id.

    Why it matters:
        YAML keeps only one of the two values, so part of what legal wrote silently disappears
        from the published notice.

    Example:
        ```yaml
        data:
          contact.email: {label: Email address, source: provided}
          contact.email: {label: Work email, source: provided}
        ```

    Fix:
        ```yaml
        data:
          contact.email: {label: Email address, source: provided}
          contact.work_email: {label: Work email, source: provided}
        ```
    """

    code = "NG002"
    name = "duplicate-key"
    hint = "Merge the two entries or rename one of them."


class UnknownKey(_LoaderRule):
    """A key that the notice format does not define.

    What it does:
        Flags every key the schema does not know, with the closest known key as a suggestion.

    Why it matters:
        A misspelt key (`legal_bases` for `legal_basis`) would otherwise be ignored, and the
        notice would be published without the statement legal believed it contained.

    Example:
        ```yaml
        purposes:
          billing: {label: Billing, description: ..., legal_bases: contract}
        ```

    Fix:
        ```yaml
        purposes:
          billing: {label: Billing, description: ..., legal_basis: contract}
        ```
    """

    code = "NG003"
    name = "unknown-key"
    hint = "Remove the key or correct its spelling."


class InvalidValue(_LoaderRule):
    """A value of the wrong type or outside the allowed values.

    What it does:
        Flags values that do not fit their field: text where a list is expected, a legal basis
        that is not one of GDPR Art. 6(1)'s, a date that is not a date, an id with capitals.

    Why it matters:
        The notice's meaning depends on these values; a wrong one cannot be checked or rendered.

    Example:
        ```yaml
        notice: {version: 1.10}   # read as the number 1.1
        ```

    Fix:
        ```yaml
        notice: {version: "1.10"}
        ```
    """

    code = "NG004"
    name = "invalid-value"
    hint = "Give a value of the kind the field expects (see the schema reference)."


class MissingField(_LoaderRule):
    """A required field is absent.

    What it does:
        Flags mappings that lack a field the format requires, such as a purpose without a
        description or a recipient without its kind.

    Why it matters:
        Required fields carry the disclosures the law requires; without them the notice is
        incomplete by construction.

    Example:
        ```yaml
        recipients:
          mailer: {label: Email delivery provider}
        ```

    Fix:
        ```yaml
        recipients:
          mailer: {label: Email delivery provider, kind: processor}
        ```
    """

    code = "NG005"
    name = "missing-field"
    hint = "Add the missing field."


class ExplicitTag(_LoaderRule):
    """An explicit YAML tag such as `!!python/object`.

    What it does:
        Refuses every explicit tag (`!!str`, `!include`, `!!python/...`).

    Why it matters:
        Tags are how YAML attacks run code or read files; noticegen never needs them, and a
        loader that silently dropped them would lose data.

    Example:
        ```yaml
        notice: !!python/object/apply:os.system ['echo pwned']
        ```

    Fix:
        ```yaml
        notice: {id: acme, title: Privacy Notice, version: "1.0", effective: 2026-01-01}
        ```
    """

    code = "NG006"
    name = "explicit-tag"
    hint = "Remove the tag."


class AliasLimit(_LoaderRule):
    """YAML aliases that expand beyond a safe size.

    What it does:
        Counts aliases (`*name`) and the nodes they expand to, and refuses the file past a cap.

    Why it matters:
        A "billion laughs" file is a few lines long and expands to billions of values; a
        linter that followed it would hang CI.

    Example:
        ```yaml
        a: &a [lol, lol, lol]
        b: &b [*a, *a, *a]
        c: [*b, *b, *b]
        ```

    Fix:
        ```yaml
        purposes:
          billing: {label: Billing, description: Invoicing, data: [contact.email]}
        ```
    """

    code = "NG007"
    name = "alias-limit"
    hint = "Write the values out instead of repeating them through aliases."


class InputTooLarge(_LoaderRule):
    """A file that is too large or too deeply nested to be a notice.

    What it does:
        Refuses files over 1 MB, YAML nested more than 32 levels deep, a single text over
        100,000 characters, a list or mapping of more than 5,000 entries and a file of more
        than 100,000 values.

    Why it matters:
        No privacy notice comes close to these limits; input that does is a mistake or an
        attack, and reading it would stall CI.

    Example:
        ```yaml
        a: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[x]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]
        ```

    Fix:
        ```yaml
        a: [x]
        ```
    """

    code = "NG008"
    name = "input-too-large"
    hint = "Split or simplify the file."


class UnreadableFile(_LoaderRule):
    """A file that cannot be read as UTF-8 text.

    What it does:
        Flags files that are binary, not encoded in UTF-8, or cannot be opened, and does not
        read a symbolic link that leads outside the notice folder or anything that is not a
        regular file (a device, a pipe): a pull request could point one at a secret.

    Why it matters:
        A notice saved in a legacy encoding shows garbled accents once published.

    Example:
        ```text
        title: Politique de confidentialit\xe9      (Latin-1 byte)
        ```

    Fix:
        ```yaml
        title: Politique de confidentialité       # saved as UTF-8
        ```
    """

    code = "NG009"
    name = "unreadable-file"
    hint = "Save the file as UTF-8 text."


class InvalidSuppression(_LoaderRule):
    """A `noticegen: ignore[...]` comment that gives no reason, names no rule, or is malformed.

    What it does:
        Flags suppression comments that do not say why the finding does not apply, that name
        a rule code that does not exist or a problem found while reading the notice (NG001 to
        NG009, which no comment can hide), or that are not written as
        `# noticegen: ignore[CODE] reason`.

    Why it matters:
        A suppressed finding is a legal judgement; without the reason, the next reviewer cannot
        tell an informed decision from a way to make CI green.

    Example:
        ```yaml
        purposes:  # noticegen: ignore[NG201]
        ```

    Fix:
        ```yaml
        purposes:  # noticegen: ignore[NG201] archived data, kept only under legal hold
        ```
    """

    code = "NG010"
    name = "invalid-suppression"
    hint = "Write `# noticegen: ignore[CODE] reason` with an existing rule code and a reason."


UNREADABLE_RULES: tuple[type[Rule], ...] = (
    YamlSyntaxError,
    DuplicateKey,
    UnknownKey,
    InvalidValue,
    MissingField,
    ExplicitTag,
    AliasLimit,
    InputTooLarge,
    UnreadableFile,
)
"""What the loader finds while reading: part of the notice could not be read, which no
configuration or suppression may hide or re-grade."""
LOADER_RULES: tuple[type[Rule], ...] = (*UNREADABLE_RULES, InvalidSuppression)
