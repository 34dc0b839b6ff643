"""The reader's lexicon (src/noticegen/lint/prose/lexicon.csv) is data: each entry is well formed
and read as what it says."""

from __future__ import annotations

import re

import pytest

from noticegen.lint.prose import read_text
from noticegen.lint.prose.lexicon import ACTIONS, KINDS, lexicon, lookup, pattern
from noticegen.model import RecipientKind

_ENTRIES = [
    (kind, phrase, value) for kind in KINDS for phrase, value in lexicon().entries[kind].items()
]
_PURPOSES = set(lexicon().entries["purpose"].values())
# What a recipient phrase may name: a kind of the model, or a wider class rules know.
_RECIPIENTS = {k.value for k in RecipientKind} | {"third_party", "advertiser"}


@pytest.mark.parametrize(("kind", "phrase", "value"), _ENTRIES)
def test_each_entry_is_well_formed_and_found_as_itself(kind: str, phrase: str, value: str) -> None:
    assert phrase == phrase.strip().lower() and "  " not in phrase
    if kind == "action":
        assert value in ACTIONS
    elif kind == "noun":
        action, purpose = value.split("/")
        assert action in ACTIONS and purpose
    elif kind == "data":
        assert re.fullmatch(r"[a-z_]+(?:\.[a-z_]+)*", value)
    elif kind == "recipient":
        assert value in _RECIPIENTS
    match = pattern(kind).search(f"x {phrase.upper()} x")
    assert match is not None and lookup(kind, match.group(0)) == value


def test_a_data_concept_covers_its_descendants_in_the_lexicon() -> None:
    # every dotted concept's parent is either named by a phrase or a bare category word
    concepts = set(lexicon().entries["data"].values())
    parents = {c.rsplit(".", 1)[0] for c in concepts if "." in c}
    assert "contact" in concepts and "contact" in parents


def test_noun_purposes_are_purposes_the_rules_know() -> None:
    for value in lexicon().entries["noun"].values():
        purpose = value.split("/")[1]
        assert purpose in _PURPOSES | {"profiling"}


@pytest.mark.parametrize("action", ACTIONS)
def test_every_action_is_read_in_a_sentence(action: str) -> None:
    forms = [p for p, v in lexicon().entries["action"].items() if v == action and " " not in p]
    statements = read_text(f"We do not {forms[0]} your email address.")
    assert [(s.action, s.negated) for s in statements] == [(action, True)]
