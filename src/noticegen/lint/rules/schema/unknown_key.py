from __future__ import annotations

from ._loader_rule import LoaderRule


class UnknownKey(LoaderRule):
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
    hint = "Remove the key or correct its spelling."
