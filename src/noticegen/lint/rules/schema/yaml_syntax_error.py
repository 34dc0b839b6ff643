from __future__ import annotations

from ._loader_rule import LoaderRule


class YamlSyntaxError(LoaderRule):
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
    hint = "Fix the YAML at this position; indent with spaces, close quotes and brackets."
