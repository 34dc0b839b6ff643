"""The registry holds every rule, and each rule is named after what it flags: a rule's module is
its name (`ccpa_annual_update.py` holds `ccpa-annual-update`) and its package its family."""

from __future__ import annotations

import importlib
import pkgutil
from collections import Counter

import pytest

import noticegen.lint.rules
from noticegen.authoring.schema import attribute_docstrings
from noticegen.lint.rules import ALL_RULES, FAMILIES, Rule
from noticegen.lint.rules.base import option_defaults

PACKAGE = noticegen.lint.rules.__name__


def _family_packages() -> list[str]:
    return [m.name for m in pkgutil.iter_modules(noticegen.lint.rules.__path__) if m.ispkg]


def _rule_modules() -> list[str]:
    return [
        f"{PACKAGE}.{family}.{module.name}"
        for family in _family_packages()
        for module in pkgutil.iter_modules(importlib.import_module(f"{PACKAGE}.{family}").__path__)
        if not module.name.startswith("_")
    ]


def test_every_family_package_is_registered() -> None:
    assert sorted(FAMILIES) == sorted(_family_packages())


@pytest.mark.parametrize("module_name", _rule_modules())
def test_every_rule_module_holds_one_registered_rule_named_after_it(module_name: str) -> None:
    module = importlib.import_module(module_name)
    rules = [
        value
        for value in vars(module).values()
        if isinstance(value, type)
        and issubclass(value, Rule)
        and value.__module__ == module_name
        and "code" in vars(value)
    ]
    assert len(rules) == 1, f"{module_name} holds {len(rules)} rules; one module, one rule"
    [rule] = rules
    family, _, snake = module_name.removeprefix(f"{PACKAGE}.").partition(".")
    assert rule in FAMILIES[family], f"{rule.code} is not listed in {family}'s RULES"
    assert (rule.family, rule.name) == (family, snake.replace("_", "-"))
    camel = "".join(word.capitalize() for word in snake.split("_"))
    assert rule.__name__ == camel, f"{rule.code}'s class is {rule.__name__}, its module {snake}"


def test_every_registered_rule_lives_in_its_family_package() -> None:
    for family, rules in FAMILIES.items():
        for rule in rules:
            assert rule.__module__ == f"{PACKAGE}.{family}.{rule.name.replace('-', '_')}"


def test_every_option_has_a_default_and_a_docstring() -> None:
    """Options are NamedTuples: a field without a default would be required of every user."""
    for rule in ALL_RULES:
        if rule.Options is not None:
            assert tuple(option_defaults(rule.Options)) == rule.Options._fields, rule.code
            assert set(attribute_docstrings(rule.Options)) == set(rule.Options._fields), rule.code


def test_codes_and_names_are_unique() -> None:
    for what in ("code", "name"):
        counts = Counter(getattr(rule, what) for rule in ALL_RULES)
        assert [value for value, n in counts.items() if n > 1] == [], what


def test_a_rule_may_not_state_its_name_or_family() -> None:
    with pytest.raises(TypeError, match="rename the module instead"):
        type("Named", (Rule,), {"code": "NG999", "name": "named"})
