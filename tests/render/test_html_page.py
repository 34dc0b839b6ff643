from __future__ import annotations

import itertools
import os
import re
from pathlib import Path

import pytest
from pagehtml import read

from noticegen.i18n.negotiation import INDEX_SCRIPT, SWITCHER_SCRIPT
from noticegen.i18n.strings import Strings
from noticegen.model import (
    ErasureMethod,
    Jurisdiction,
    Notice,
    ParentNotice,
    ParentTopic,
    RetentionEvent,
    RetentionRule,
    Right,
    RightDetail,
    Safeguard,
)
from noticegen.model.sections import SECTIONS
from noticegen.publish.render import html
from noticegen.publish.site import BuildResult
from noticegen.sources.loading import LoadedNotice

SNAPSHOTS = Path(__file__).parent / "snapshots"
UPDATE = os.environ.get("NOTICEGEN_UPDATE_SNAPSHOTS") == "1"


def notice_page(loaded: LoadedNotice, **options: object) -> str:
    assert loaded.notice is not None
    links = [html.SupplementLink("california", "California", "Residents", "california.html")]
    return html.render_notice(
        loaded.notice,
        Strings("en"),
        supplements=links,
        languages=[],
        **options,  # type: ignore[arg-type]
    )


def supplement_page(loaded: LoadedNotice) -> str:
    assert loaded.notice is not None
    supplement = loaded.supplements[0][1]
    return html.render_supplement(
        supplement, loaded.notice, Strings("en"), notice_href="index.html", languages=[]
    )


@pytest.mark.parametrize("name", ["notice", "supplement"])
def test_snapshot(small: LoadedNotice, name: str) -> None:
    """The rendered page is what was reviewed; set NOTICEGEN_UPDATE_SNAPSHOTS=1 to accept a
    deliberate change."""
    page = notice_page(small) if name == "notice" else supplement_page(small)
    snapshot = SNAPSHOTS / f"small-{name}.html"
    if UPDATE or not snapshot.exists():
        snapshot.write_text(page, encoding="utf-8")
    assert page == snapshot.read_text(encoding="utf-8")


def test_page_structure(small: LoadedNotice) -> None:
    page = read(notice_page(small))
    assert page.html_attrs == {"lang": "en", "dir": "ltr"}
    levels = [level for level, _ in page.headings]
    assert levels.count(1) == 1 and levels[0] == 1
    # Headings never skip a level on the way down.
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels))
    assert len(page.ids) == len(set(page.ids)), "duplicate ids"
    tags = [t for t, _ in page.tags]
    for landmark in ("main", "header", "footer", "nav"):
        assert landmark in tags
    assert ("a", {"class": "skip-link", "href": "#main"}) in page.tags


def test_every_entity_id_is_an_anchor(small: LoadedNotice) -> None:
    notice = small.notice
    assert notice is not None
    ids = set(read(notice_page(small)).ids)
    expected = {*notice.data, *notice.purposes, *notice.recipients, *notice.transfers,
                *notice.cookies, *notice.promises, *notice.sections, *notice.documents,
                *(rule.id for rule in notice.retention)}  # fmt: skip
    assert expected <= ids
    internal = {href[1:] for t, a in read(notice_page(small)).tags
                if t == "a" and (href := a.get("href") or "").startswith("#")}  # fmt: skip
    assert internal <= ids, f"links to missing anchors: {internal - ids}"


def _rows(table: str) -> dict[str, str]:
    """Each body row of a table by the anchor its row header links to."""
    rows = table.split("<tbody>")[1].split("</tr>")[:-1]
    return {row.split('href="#')[1].split('"')[0]: row for row in rows}


def test_data_flow_table_has_a_row_per_purpose(small: LoadedNotice) -> None:
    """Issue 15: each purpose with its own legal basis, recipients and retention, not the bases
    of every purpose that uses a piece of data merged into one cell."""
    page = notice_page(small)
    table = page[page.index('<table class="flows cards">') : page.index("</table>")]
    assert [h for _, h in read(table).headings] == []  # no headings inside a table
    assert table.count('<th scope="col">') == 5 and table.count('<th scope="row">') == 3
    rows = _rows(table)
    assert list(rows) == ["account", "abuse-prevention", "newsletter"]
    security = rows["abuse-prevention"]
    assert "IP address" in security and "Legitimate interests" in security
    assert "Hosting provider" in security and "30 days" in security
    assert "Newsletter platform" not in security and "Consent" not in security
    # The email address serves both the account and the newsletter: each keeps its own basis.
    newsletter = rows["newsletter"]
    assert "Email address" in newsletter and "Name" not in newsletter
    assert "Consent (GDPR" in newsletter and "contract" not in newsletter
    assert "Newsletter platform" in newsletter and "Hosting provider" not in newsletter
    # Every value carries its column's name for the narrow-screen cards.
    assert table.count('<td data-label="') == 4 * 3


def test_destinations_are_listed_once(small: LoadedNotice) -> None:
    assert small.notice is not None
    transfers = dict(small.notice.transfers)
    second = transfers["us-hosting"].model_copy(
        update={"safeguard": Safeguard.DATA_PRIVACY_FRAMEWORK}
    )
    notice = small.notice.model_copy(update={"transfers": {**transfers, "us-dpf": second}})
    page = html.render_notice(notice, Strings("en"), supplements=[], languages=[])
    section = page[page.index('<section id="transfers"') :].split("</section>")[0]
    assert [text for level, text in read(section).headings if level == 3] == ["United States"]
    assert 'id="us-hosting"' in section and 'id="us-dpf"' in section
    glance = page[page.index('<section id="at-a-glance"') :].split("</section>")[0]
    assert read(glance).text.count("United States") == 1


def test_the_first_layer_says_only_what_the_model_holds(small: LoadedNotice) -> None:
    page = notice_page(small)
    glance = read(page[page.index('<section id="at-a-glance"') :].split("</section>")[0])
    text = glance.text
    for fact in ("Example Limited", "Email address", "Name", "IP address",
                 "Managing your account", "Consent (GDPR Art. 6(1)(a))", "Hosting provider",
                 "Newsletter platform", "United States", "1 year after your account is closed",
                 "Right of access", "Email", "Web form"):  # fmt: skip
        assert fact in text, fact
    # Each topic leads to its section.
    links = [a["href"] for tag, a in glance.tags if tag == "a"]
    for anchor in ("#controller", "#data", "#purposes", "#recipients", "#transfers",
                   "#retention", "#rights", "#requests"):  # fmt: skip
        assert anchor in links
    assert "Right to know" not in text and "Children" not in text


def test_empty_rights_and_sections_publish_no_bare_heading(small: LoadedNotice) -> None:
    assert small.notice is not None
    sections = {
        **small.notice.sections,
        "empty": small.notice.sections["automated-decisions"].model_copy(
            update={"title": "Nothing here", "body": "  \n"}
        ),
    }
    notice = small.notice.model_copy(update={"sections": sections})
    page = html.render_notice(notice, Strings("en"), supplements=[], languages=[])
    headings = [text for _, text in read(page).headings]
    assert "Nothing here" not in read(page).text
    # `rectification: {}` is listed, under no heading of its own; `access` has its text.
    assert "Right to rectification" not in headings and "Right of access" in headings
    listed = page[page.index('<ul class="rights-listed">') :].split("</ul>")[0]
    assert '<li id="rectification">Right to rectification</li>' in listed
    assert "Right of access" not in listed


def test_only_the_rights_the_model_lists(small: LoadedNotice) -> None:
    notice = small.notice
    assert notice is not None
    text = read(notice_page(small)).text
    for right in Right:
        assert (str(right.label) in text) == (right in notice.rights), right


def test_no_statement_the_model_does_not_hold(small: LoadedNotice) -> None:
    text = read(notice_page(small)).text
    # Nothing is a sale or sharing in the fixture, and it states no opt-out signal handling.
    assert "This disclosure is a sale" not in text and "This disclosure is sharing" not in text
    assert "opt-out preference signals" not in text
    assert "directed to children" not in text


def test_draft_is_watermarked(small: LoadedNotice) -> None:
    page = notice_page(small, draft=True)
    assert 'class="watermark"' in page and "DRAFT" in page
    assert "DRAFT" not in notice_page(small)


def test_ccpa_table(small: LoadedNotice) -> None:
    page = supplement_page(small)
    table = page[page.index('<table class="ccpa cards wide">') : page.index("</table>")]
    rows = table.split("<tr>")[2:]
    assert [r.split("</th>")[0].split(">")[-1] for r in rows] == [
        "Identifiers",
        "Internet or other electronic network activity",
    ]
    identifiers = rows[0]
    assert "Email address and Name" in identifiers and "Provided by you" in identifiers
    assert "Hosting provider" in identifiers and "Newsletter platform" in identifiers
    assert identifiers.count("None") == 2  # neither sold nor shared


def test_retention_end_only_when_stated(small: LoadedNotice) -> None:
    text = read(notice_page(small)).text
    # `logs` says its data is anonymised; `account-data` leaves the default unstated.
    assert text.count("Then anonymised") == 1
    assert "Then deleted" not in text


def test_right_to_left_language(small: LoadedNotice) -> None:
    assert small.notice is not None
    strings = Strings("ar")
    page = read(html.render_notice(small.notice, strings, supplements=[], languages=[]))
    assert page.html_attrs == {"lang": "ar", "dir": "rtl"}
    assert strings("At a glance") in [text for _, text in page.headings]


def test_names_addresses_and_numbers_are_isolated(small: LoadedNotice) -> None:
    """On a right-to-left page each name, email, number and link the template writes keeps its
    own direction in a <bdi> (links in the notice's prose are the prose's own)."""
    assert small.notice is not None
    notice = html.render_notice(small.notice, Strings("ar"), supplements=[], languages=[])
    supplement = small.supplements[0][1]
    california = html.render_supplement(
        supplement, small.notice, Strings("ar"), notice_href="index.html", languages=[]
    )
    isolated = {
        "Example": "<bdi>", "Example Limited": "<bdi>", "Jane Doe": "<bdi>",
        "Information Commissioner&#39;s Office": "<bdi>", "privacy@example.com": "<bdi>",
        "dpo@example.com": "<bdi>", "https://example.com": "<bdi>", "https://ico.org.uk": "<bdi>",
        "Company no. 123456, Companies House": "<bdi>", "1 Rue Example": "<bdi>",
        "1000 Brussels": "<bdi>",
        "Hosting provider": "<bdi>", "Newsletter platform": "<bdi>", "sid": "<bdi>",
        "https://example.com/privacy-request": "<bdi>", "+44 20 7946 0000": '<bdi dir="ltr">',
        "+1 800 555 0100": '<bdi dir="ltr">',
    }  # fmt: skip
    for text, opening in isolated.items():
        assert f"{opening}{text}</bdi>" in notice + california, text
    # Where the controller is named, no name, address or number is left out of its <bdi>.
    for page in (notice, california):
        section = page[page.index('<section id="controller"') :].split("</section>")[0]
        for text, opening in isolated.items():
            for match in re.finditer(re.escape(f">{text}<"), section):
                assert section[: match.start() + 1].endswith(opening), text


def test_a_name_in_a_sentence_is_isolated_and_escaped() -> None:
    sentence = Strings("ar")(
        "{name} is responsible for your personal data (the controller).", name=html.NAME_SLOT
    )
    out = html.with_name(sentence, "<b>Example & Co.</b>")
    assert "<bdi>&lt;b&gt;Example &amp; Co.&lt;/b&gt;</bdi>" in out
    assert out.count("<bdi>") == 1 and "\x00" not in out


def test_front_page_links_each_language_and_picks_one(small_site: BuildResult) -> None:
    page = (small_site.out / "index.html").read_text(encoding="utf-8")
    assert f"<script>{INDEX_SCRIPT}</script>" in page
    links = [a for tag, a in read(page).tags if tag == "a" and "hreflang" in a]
    # The script falls back to the source language's link; without it the links are the page.
    assert links == [{"href": "en/index.html", "lang": "en", "hreflang": "en", "data-source": None}]


def _alternates(page: str) -> list[tuple[str | None, str | None]]:
    return [(a["hreflang"], a["href"]) for tag, a in read(page).tags
            if tag == "link" and a.get("rel") == "alternate"]  # fmt: skip


def _published_at(notice: Notice, url: str | None) -> Notice:
    return notice.model_copy(update={"notice": notice.notice.model_copy(update={"url": url})})


FRENCH_PAGE_VERSIONS = [
    html.LanguageLink("fr", "Français", "fr/index.html", True),
    html.LanguageLink("en", "English", "en/index.html", False),
]


def test_each_language_version_is_an_alternate(small: LoadedNotice) -> None:
    assert small.notice is not None and small.notice.notice.language == "en"
    notice = _published_at(small.notice, None)  # addresses relative to the page
    versions = FRENCH_PAGE_VERSIONS
    page = html.render_notice(notice, Strings("fr"), supplements=[], languages=versions)
    assert _alternates(page) == [
        ("fr", "../fr/index.html"),
        ("en", "../en/index.html"),
        ("x-default", "../index.html"),  # the front page, which opens the reader's language
    ]
    assert f"</nav>\n<script>{SWITCHER_SCRIPT}</script>" in page
    switcher = [a["href"] for tag, a in read(page).tags if tag == "a" and "hreflang" in a]
    assert switcher == ["../fr/index.html", "../en/index.html"]
    front = html.render_index(notice, Strings("en"), languages=versions)
    assert ("x-default", "index.html") in _alternates(front)
    marked = [a["hreflang"] for tag, a in read(front).tags if tag == "a" and "data-source" in a]
    assert marked == ["en"]


def test_alternates_are_full_addresses_under_the_notices_url(small: LoadedNotice) -> None:
    # Search engines ignore relative hreflang addresses.
    assert small.notice is not None
    notice = _published_at(small.notice, "https://www.example.com/privacy")
    versions = FRENCH_PAGE_VERSIONS
    page = html.render_notice(notice, Strings("fr"), supplements=[], languages=versions)
    assert _alternates(page) == [
        ("fr", "https://www.example.com/privacy/fr/index.html"),
        ("en", "https://www.example.com/privacy/en/index.html"),
        ("x-default", "https://www.example.com/privacy/index.html"),
    ]
    # A draft is not at the published address.
    draft = html.render_notice(
        notice, Strings("fr"), supplements=[], languages=versions, draft=True
    )
    assert ("x-default", "../index.html") in _alternates(draft)
    # A supplement has no front page of its own: its source-language version is the default.
    supplement_versions = [
        html.LanguageLink("pt-BR", "Português", "pt-BR/brazil.html", True),
        html.LanguageLink("en", "English", "en/brazil.html", False),
    ]
    default = supplement_versions[1]
    assert html.alternates(supplement_versions, default, "https://x.example/", "../") == [
        ("pt-BR", "https://x.example/pt-BR/brazil.html"),
        ("en", "https://x.example/en/brazil.html"),
        ("x-default", "https://x.example/en/brazil.html"),
    ]


def test_one_language_has_no_alternates_and_no_switcher(small: LoadedNotice) -> None:
    page = notice_page(small)
    assert _alternates(page) == [] and "<script>" not in page


def test_x_default_without_a_version_in_the_source_language() -> None:
    versions = [
        html.LanguageLink("pt-BR", "Português", "pt-BR/brazil.html", True),
        html.LanguageLink("es", "Español", "es/brazil.html", False),
    ]
    assert html.default_language(versions, "en") == versions[0]
    assert html.default_language(versions[:1], "pt-BR") is None


def test_front_page_has_no_switcher_of_its_own(small: LoadedNotice) -> None:
    # The page is the list of languages; a switcher marking one as "this page" would mislead.
    assert small.notice is not None
    versions = [
        html.LanguageLink("en", "English", "en/index.html", False),
        html.LanguageLink("fr", "Français", "fr/index.html", False),
    ]
    page = html.render_index(small.notice, Strings("en"), languages=versions)
    tags = read(page).tags
    assert not [a for tag, a in tags if tag == "nav" or "aria-current" in a]
    assert SWITCHER_SCRIPT not in page and INDEX_SCRIPT in page
    assert [a["hreflang"] for tag, a in tags if tag == "a" and "hreflang" in a] == ["en", "fr"]


@pytest.mark.parametrize(
    "url",
    ["https://www.example.com/privacy", "https://www.example.com/privacy/",
     "https://www.example.com/privacy?lang=auto", "https://www.example.com/privacy#top",
     "https://www.example.com/privacy/index.html"],
)  # fmt: skip
def test_the_site_address_is_the_folder_the_url_names(url: str) -> None:
    assert html.site_address(url) == "https://www.example.com/privacy/"


def test_each_basis_of_a_purpose_is_shown_with_the_laws_it_is_limited_to(
    small: LoadedNotice,
) -> None:
    assert small.notice is not None
    pid, purpose = next(iter(small.notice.purposes.items()))
    bases = [
        {"basis": "contract", "jurisdictions": ["gdpr", "uk-gdpr"]},
        {"basis": "lgpd_7_v", "jurisdictions": ["lgpd"]},
    ]
    changed = purpose.model_validate({**purpose.model_dump(), "legal_basis": bases})
    notice = small.notice.model_copy(update={"purposes": {**small.notice.purposes, pid: changed}})
    page = read(html.render_notice(notice, Strings("en"), supplements=[], languages=[])).text
    assert (
        "Performance of a contract (GDPR Art. 6(1)(b)) (GDPR and UK GDPR) and LGPD Art. 7(V) (LGPD)"
        in page
    )


def test_a_recipient_of_unnamed_personal_data_is_shown_in_words_never_as_links(
    small: LoadedNotice,
) -> None:
    assert small.notice is not None
    rid, recipient = next(iter(small.notice.recipients.items()))
    vague = recipient.model_copy(update={"data": [], "data_catch_all": True})
    recipients = {**small.notice.recipients, rid: vague}
    notice = small.notice.model_copy(update={"recipients": recipients})
    page = html.render_notice(notice, Strings("en"), supplements=[], languages=[])
    section = page[page.index('<section id="recipients"') :].split("</section>")[0]
    received = section.split("Data received</dt><dd>")[1].split("</dd>")[0]
    assert received == "Your personal data (no categories named)"


def test_a_right_shows_the_laws_it_applies_under_and_the_reason_for_its_limit(
    small: LoadedNotice,
) -> None:
    assert small.notice is not None
    rights = dict(small.notice.rights)
    rights[Right.APPEAL] = RightDetail(jurisdictions=[Jurisdiction.CCPA])
    rights[Right.ERASURE] = RightDetail(
        limited=True, limit_reason="Public postings others copied cannot be erased."
    )
    notice = small.notice.model_copy(update={"rights": rights})
    page = read(html.render_notice(notice, Strings("en"), supplements=[], languages=[])).text
    assert "Right to appeal a refused request (CCPA)" in page
    assert "Limits of this rightPublic postings others copied cannot be erased." in page


def test_retention_says_whose_data_and_until_the_person_deletes_it(small: LoadedNotice) -> None:
    assert small.notice is not None
    first = small.notice.retention[0]
    rules = [
        first.model_copy(
            update={
                "applies_to": "Visitors",
                "period": None,
                "after": RetentionEvent.USER_DELETION,
                "erasure": ErasureMethod.DELETE_OR_ANONYMISE,
            }
        ),
        *small.notice.retention[1:],
    ]
    notice = small.notice.model_copy(update={"retention": rules})
    page = read(html.render_notice(notice, Strings("en"), supplements=[], languages=[])).text
    assert "Visitors: Until you delete it. Then deleted or anonymised." in page


def test_a_recipients_own_privacy_notice_is_a_link_only_when_stated(small: LoadedNotice) -> None:
    assert small.notice is not None
    rid, recipient = next(iter(small.notice.recipients.items()))
    url = "https://processor.example/privacy"
    with_link = {
        **small.notice.recipients,
        rid: recipient.model_copy(update={"privacy_policy_url": url}),
    }
    notice = small.notice.model_copy(update={"recipients": with_link})
    page = html.render_notice(notice, Strings("en"), supplements=[], languages=[])
    assert f'<a href="{url}"><bdi>{url}</bdi></a>' in page
    bare = html.render_notice(small.notice, Strings("en"), supplements=[], languages=[])
    assert "Its own privacy notice" not in bare


def _section(page: str, anchor: str) -> str:
    match = re.search(rf'<section id="{anchor}".*?</section>', page, re.DOTALL)
    return match.group(0) if match else ""


def test_a_layered_notice_links_its_parent_in_each_section_the_parent_covers(
    small: LoadedNotice,
) -> None:
    assert small.notice is not None
    url = "https://group.example/privacy"
    meta = small.notice.notice.model_copy(
        update={
            "parent": ParentNotice(
                title="Group Privacy Policy",
                url=url,
                covers=[ParentTopic.RIGHTS, ParentTopic.SECURITY],
            )
        }
    )
    notice = small.notice.model_copy(update={"notice": meta, "security": None})
    page = html.render_notice(notice, Strings("en"), supplements=[], languages=[])
    line = (
        f'<p class="from-parent">For more on this, see the <a href="{url}"><bdi>Group Privacy '
        "Policy</bdi></a>, which this notice supplements.</p>"
    )
    # The security section is shown for the parent's line alone; the others keep their own.
    assert line in _section(page, "rights") and line in _section(page, "security")
    assert line not in _section(page, "controller") and page.count(line) == 2
    assert "from-parent" not in notice_page(small)


def test_each_parent_notice_topic_is_a_section_of_the_page() -> None:
    anchors = {section.anchor for section in SECTIONS}
    assert {str(topic) for topic in ParentTopic} <= anchors


def test_a_parent_notice_title_is_shown_as_text(small: LoadedNotice) -> None:
    assert small.notice is not None
    parent = ParentNotice(
        title='<script>alert(1)</script>"',
        url='https://group.example/?a=1&b="x',
        covers=[ParentTopic.RIGHTS],
    )
    meta = small.notice.notice.model_copy(update={"parent": parent})
    page = html.render_notice(
        small.notice.model_copy(update={"notice": meta}),
        Strings("en"),
        supplements=[],
        languages=[],
    )
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;&#34;" in page
    assert '<a href="https://group.example/?a=1&amp;b=&#34;x">' in page


def test_a_purpose_run_for_another_controller_says_for_whom(small: LoadedNotice) -> None:
    assert small.notice is not None
    pid, purpose = next(iter(small.notice.purposes.items()))
    run_for = purpose.model_copy(update={"on_behalf_of": "The shop that runs the site"})
    notice = small.notice.model_copy(update={"purposes": {**small.notice.purposes, pid: run_for}})
    page = html.render_notice(notice, Strings("en"), supplements=[], languages=[])
    assert "<dt>On behalf of</dt><dd>The shop that runs the site</dd>" in page
    assert "On behalf of" not in notice_page(small)


def test_an_opt_out_link_described_by_its_place_is_shown_as_said(small: LoadedNotice) -> None:
    assert small.notice is not None and small.notice.requests is not None
    where = "In the footer of every page"
    requests = small.notice.requests.model_copy(update={"opt_out_link_location": where})
    notice = small.notice.model_copy(update={"requests": requests})
    page = read(html.render_notice(notice, Strings("en"), supplements=[], languages=[])).text
    assert f"Do Not Sell or Share My Personal Information: {where}" in page
    bare = html.render_notice(small.notice, Strings("en"), supplements=[], languages=[])
    assert "Do Not Sell or Share My Personal Information" not in bare


def test_data_never_stored_says_so_instead_of_a_period(small: LoadedNotice) -> None:
    assert small.notice is not None
    first = small.notice.retention[0]
    never = RetentionRule(id=first.id, data=first.data, stored=False)
    notice = small.notice.model_copy(update={"retention": [never, *small.notice.retention[1:]]})
    page = read(html.render_notice(notice, Strings("en"), supplements=[], languages=[])).text
    assert "We never store it." in page
    # One item of a list is no sentence: "…, 1 year and Not stored", never "and We never store it".
    glance = page.split("At a glance", 1)[1].split("Contents", 1)[0]
    assert "Not stored" in glance and "We never store it" not in glance
