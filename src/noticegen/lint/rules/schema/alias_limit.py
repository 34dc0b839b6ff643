from __future__ import annotations

from ._loader_rule import LoaderRule


class AliasLimit(LoaderRule):
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
    hint = "Write the values out instead of repeating them through aliases."
