from __future__ import annotations

from ._loader_rule import LoaderRule


class InvalidValue(LoaderRule):
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
    hint = "Give a value of the kind the field expects (see the schema reference)."
