from __future__ import annotations

from ._loader_rule import LoaderRule


class InputTooLarge(LoaderRule):
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
    hint = "Split or simplify the file."
