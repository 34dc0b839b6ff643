"""What a rule is: a code, a name, a severity, a docstring for lawyers, and a pure check.

A rule states its code; its family is the package it lives in and its name is its module's
(`rules/ccpa/ccpa_annual_update.py` holds `ccpa-annual-update` of family `ccpa`).
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple, TypeAlias

from ...model.findings import Position, Severity

if TYPE_CHECKING:
    from ..context import LintContext

DOC_SECTIONS = ("What it does", "Why it matters", "Example", "Fix")


class Violation(NamedTuple):
    """What a rule reports: where in the model, and what is wrong there.

    `path` is a path into the file's data (e.g. `("purposes", "marketing", "data", 2)`); the
    engine turns it into a line and column. `file` names a supplement or catalog file relative
    to the notice folder when the problem is not in the main notice. `quote` is a phrase inside
    a prose value to point at precisely. `position` is used as is when a rule reads a file that
    has no YAML paths (a PO catalog).
    """

    path: tuple[str | int, ...]
    message: str
    hint: str = ""
    file: str | None = None
    quote: str | None = None
    position: Position | None = None


RuleOptions: TypeAlias = tuple[Any, ...]
"""A rule's options, read from `[tool.noticegen.options.CODE]`: a `NamedTuple` of typed fields,
each with a default and a docstring, that the rule declares as `Options`. The configuration is
checked against it with pydantic (strict) only when it sets options: a pydantic model would
cost every lint its definition."""


def option_defaults(options: type[RuleOptions]) -> dict[str, Any]:
    """Each option of a rule's `Options` with its default."""
    return dict(options._field_defaults)  # type: ignore[attr-defined]  # a NamedTuple's


class Rule:
    """Base of every rule. Subclasses set the class attributes and implement `check`."""

    code: ClassVar[str]
    name: ClassVar[str]
    """The rule's module name in kebab case, set when the class is defined."""
    family: ClassVar[str]
    """The package the rule's module is in, set when the class is defined."""
    severity: ClassVar[Severity] = Severity.ERROR
    profiles: ClassVar[frozenset[str]] = frozenset()
    """Profiles that turn the rule on; empty means it always runs."""
    citation: ClassVar[str] = ""
    hint: ClassVar[str] = ""
    reported_by_loader: ClassVar[bool] = False
    Options: ClassVar[type[RuleOptions] | None] = None
    """The options the rule reads, if any; it reads them as `self.options`."""
    options: RuleOptions | None

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        stated = {"name", "family"} & set(vars(cls))
        if stated:
            raise TypeError(
                f"{cls.__qualname__} states {' and '.join(sorted(stated))}: a rule's family "
                "is its package and its name is its module's; rename the module instead"
            )
        if "code" in vars(cls):  # a rule, not a base that rules of a family share
            package, _, module = cls.__module__.rpartition(".")
            cls.name = module.replace("_", "-")
            cls.family = package.rpartition(".")[2]

    def __init__(self, options: RuleOptions | None = None) -> None:
        """`options` are the rule's own, validated; the defaults when none are configured."""
        if options is None and self.Options is not None:
            options = self.Options()
        self.options = options

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        return iter(())

    @classmethod
    def summary(cls) -> str:
        first_paragraph = (cls.__doc__ or "").strip().split("\n\n")[0]
        return " ".join(first_paragraph.split())

    @classmethod
    def doc_sections(cls) -> dict[str, str]:
        """The docstring split into its titled sections (`What it does:` and so on)."""
        doc = cls.__doc__ or ""
        lines = doc.expandtabs().splitlines()
        indent = min((len(x) - len(x.lstrip()) for x in lines[1:] if x.strip()), default=0)
        body = "\n".join(x[indent:] for x in lines[1:])
        parts = re.split(r"^(" + "|".join(DOC_SECTIONS) + r"):\s*$", body, flags=re.M)
        sections = {"Summary": cls.summary()}
        for title, text in zip(parts[1::2], parts[2::2], strict=True):
            sections[title] = textwrap.dedent(text).strip("\n").rstrip()
        return sections
