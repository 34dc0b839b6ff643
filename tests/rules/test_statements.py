"""The reading of denials in prose that the contradiction rules share (NG651-NG659)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from noticegen.lint.rules.contradictions._statements import VERB_FORMS, _kinds


@pytest.mark.parametrize(("kind", "form"), [(k, f) for k, fs in VERB_FORMS.items() for f in fs])
def test_each_verb_form_names_its_kind_in_any_case(kind: str, form: str) -> None:
    expected = {"transfer": "share"}.get(kind, kind)  # a transfer to someone is sharing
    assert _kinds(form.upper(), "to a partner") == {expected}
    assert _kinds(form.title(), "outside the EEA") >= (
        {"transfer"} if kind == "transfer" else set()
    )


def test_letters_that_fold_to_ascii_read_as_the_verb() -> None:
    # "ſ" (long s) and "ı" (dotless i) match "s" and "i" when case is ignored.
    assert _kinds("ſell", "") == {"sell"}
    assert _kinds("dıscloſed", "") == {"share"}


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=60), st.text(max_size=30))
def test_any_verbs_text_gives_kinds_without_error(verbs: str, rest: str) -> None:
    assert _kinds(verbs, rest) <= {"sell", "share", "transfer", "collect"}
