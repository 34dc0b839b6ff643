from __future__ import annotations

from ._loader_rule import LoaderRule


class UnreadableFile(LoaderRule):
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
    hint = "Save the file as UTF-8 text."
