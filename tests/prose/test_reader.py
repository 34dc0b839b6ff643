"""The prose reader: statements, negation scope, hedges, pronouns, and hostile text."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from noticegen.lint.prose import Statement, company_pattern, read_text, sentences
from noticegen.lint.prose.lexicon import ACTIONS
from noticegen.lint.prose.reader import MAX_SENTENCE


def only(text: str, company: re.Pattern[str] | None = None) -> Statement:
    found = read_text(text, company)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    "text",
    [
        "We never sell your personal data.",
        "Under no circumstances do we sell your personal data.",
        "At no time is your personal data sold.",
        "Your personal data is not sold.",
        "We do not, and will not, sell your personal data.",
        "We sell no personal data.",
    ],
)
def test_denials_are_negated_facts(text: str) -> None:
    statement = only(text)
    assert (statement.action, statement.negated, statement.is_fact) == ("sell", True, True)
    assert statement.data == ("personal",)
    assert statement.by_company


@pytest.mark.parametrize(
    "text",
    [
        "We do not sell your personal data unless you ask us to.",
        "We do not sell your personal data except to our successor.",
        "We sell no personal data other than your name.",
        "We only sell aggregated statistics.",
    ],
)
def test_exceptions_qualify_the_statement(text: str) -> None:
    statement = only(text)
    assert statement.action == "sell"
    assert statement.qualified and not statement.is_fact


def test_a_condition_and_a_possibility_are_not_facts() -> None:
    first, second = read_text("If we have a newsletter, we may send it to you.")
    assert first.conditional and second.conditional and second.possible
    assert not (first.is_fact or second.is_fact)
    assert only("We may share your email address.").possible


def test_coordinated_verbs_share_the_negation_and_the_object() -> None:
    sell, share = read_text("We do not sell or share your email address with third parties.")
    assert (sell.action, share.action) == ("sell", "share")
    assert sell.negated and share.negated
    assert sell.data == share.data == ("contact.email",)
    assert share.recipients == ("third_party",)


def test_a_new_subject_starts_a_new_statement() -> None:
    collect, share = read_text("We collect your email address and we share it with partners.")
    assert not collect.negated and not share.negated
    assert share.data == ("contact.email",)  # "it" is the data of the statement before


def test_a_pronoun_reads_as_the_data_of_the_sentence_before() -> None:
    statements = read_text("You give us your email address. We do not use this information.")
    use = statements[-1]
    assert (use.action, use.negated, use.actor, use.data) == ("use", True, "we", ("contact.email",))
    assert use.quote == "do not use"


def test_an_inverted_passive_denial() -> None:
    text = "Under no circumstances is it shared with other organisations for commercial purposes."
    statement = only(text)
    assert (statement.action, statement.negated, statement.actor) == ("share", True, "passive")
    assert statement.recipients == ("third_party",)
    assert statement.purposes == ("commercial",)
    assert text[statement.start :].startswith(statement.quote)


def test_a_noun_states_an_action_where_the_company_has_one() -> None:
    ads = only("We currently have no third-party advertising.")
    assert (ads.action, ads.negated, ads.recipients) == ("advertise", True, ("third_party",))
    letter = only("There is no newsletter.")
    assert (letter.action, letter.negated, letter.purposes, letter.actor) == (
        "send",
        True,
        ("newsletter",),
        "we",
    )
    assert read_text("Advertising is explained below.") == []


def test_the_infinitive_after_a_verb_is_its_purpose() -> None:
    use = only("We do not use your email address to send marketing emails.")
    assert use.action == "use" and "communication" in use.purposes


def test_who_acts() -> None:
    assert only("Please do not share your password.").actor == "you"
    assert only("Advertisers collect your clicks.").actor == "other"
    assert only("Example Ltd never sells data.", company_pattern("Example Ltd")).actor == "we"
    assert only("IP addresses are not linked to your account.").actor == "passive"


def test_an_email_address_is_data_not_a_verb() -> None:
    assert read_text("Your email address is shown on your profile.") == []


def test_the_quote_is_in_the_text() -> None:
    text = "Intro.\n\nWe do **not** share your email address."
    (statement,) = read_text(text)
    assert statement.quote in text
    assert text[statement.start : statement.start + len(statement.quote)] == statement.quote


def test_markdown_tables_and_lists_are_read_cell_by_cell() -> None:
    table = "| Data | Use |\n| --- | --- |\n| Email address | We never sell it |\n"
    assert [s.action for s in read_text(table) if s.by_company] == ["sell"]
    listing = "- We do not sell your data.\n- We share your email address with partners.\n"
    assert [(s.action, s.negated) for s in read_text(listing)] == [
        ("sell", True),
        ("share", False),
    ]


def test_a_sentence_longer_than_any_reader_reads_is_skipped() -> None:
    long = "We share " + "your data, " * (MAX_SENTENCE // 10) + "with partners."
    assert read_text(long) == []
    assert list(sentences(long)) == []


_PIECES = st.sampled_from(
    [
        "We do not sell",
        " your email address",
        " (and (nested (brackets)))",
        "[IP addresses are tied to you]",
        " | ",
        "\n- ",
        "\n| --- |\n",
        " unless",
        " never",
        " it",
        ". ",
        ", ",
        " Nous ne vendons pas vos données.",
        " Wir geben Ihre Daten nicht weiter.",
        " 私たちはデータを販売しません。",
        " ſell",
        "((((((((((",
        "**",
        " no third-party advertising",
        " newsletter",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=60).map("".join) | st.text(max_size=400))
def test_any_text_reads_without_error(text: str) -> None:
    for statement in read_text(text):
        assert statement.quote in text
        assert statement.action in ACTIONS
        assert text[statement.start : statement.start + len(statement.quote)] == statement.quote


@settings(max_examples=20, deadline=None)
@given(st.integers(min_value=1, max_value=5000), st.sampled_from(["(", "[", "| ", "- ", "x "]))
def test_very_long_and_deeply_nested_text_reads(depth: int, piece: str) -> None:
    text = "We do not sell " + piece * depth + "your data" + ")" * depth + "."
    read_text(text)
    read_text(text.replace(" ", "\n"))
