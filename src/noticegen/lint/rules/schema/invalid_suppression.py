from __future__ import annotations

from ._loader_rule import LoaderRule


class InvalidSuppression(LoaderRule):
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
    hint = "Write `# noticegen: ignore[CODE] reason` with an existing rule code and a reason."
