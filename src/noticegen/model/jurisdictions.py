"""The legal regimes a notice can claim to meet: one record each, the one list of them.

The profiles `noticegen lint --profile` and the configuration accept, the schema's values and
the names the published page gives are all read from `Jurisdiction`.
"""

from __future__ import annotations

import enum

from .terms import N_


class Jurisdiction(enum.StrEnum):
    """A legal regime whose disclosure requirements the notice claims to meet. The US state
    laws other than California's, Switzerland's and Canada's have no completeness rules yet:
    declaring one names it on the page and lets supplements address it."""

    label: str
    """The name the published page gives it (an English msgid of the built-in catalogs)."""
    citation: str
    """The statute, as lawyers cite it."""
    region: str
    """Where it applies: an ISO 3166-1 alpha-2 country code, an ISO 3166-2 subdivision code,
    or EU."""

    def __new__(cls, code: str, label: str, citation: str, region: str) -> Jurisdiction:
        member = str.__new__(cls, code)
        member._value_ = code
        member.label = label
        member.citation = citation
        member.region = region
        return member

    GDPR = ("gdpr", N_("European Union (GDPR)"), "Regulation (EU) 2016/679", "EU")
    UK_GDPR = ("uk-gdpr", N_("United Kingdom (UK GDPR)"), "UK GDPR; Data Protection Act 2018", "GB")
    EPRIVACY = ("eprivacy", N_("European Union (ePrivacy)"), "Directive 2002/58/EC", "EU")
    LGPD = ("lgpd", N_("Brazil (LGPD)"), "Lei nº 13.709/2018", "BR")
    CH_FADP = (
        "ch-fadp",
        N_("Switzerland (revFADP)"),
        "Federal Act on Data Protection, SR 235.1",
        "CH",
    )
    CA_PIPEDA = ("ca-pipeda", N_("Canada (PIPEDA)"), "S.C. 2000, c. 5", "CA")
    CA_QC_LAW25 = (
        "ca-qc-law25",
        N_("Quebec (Law 25)"),
        "CQLR c. P-39.1, as amended by S.Q. 2021, c. 25",
        "CA-QC",
    )
    # US state laws: the comprehensive consumer privacy laws in force in 2026 (20 states,
    # checked against https://myprivacy.blog/20-state-privacy-laws-2026/ and
    # https://www.koleyjessen.com/insights/publications/new-state-privacy-laws-effective-january-1-2026-indiana-kentucky-and-rhode-island),
    # and Nevada's sale opt-out, which predates them.
    CCPA = ("ccpa", N_("California (CCPA)"), "Cal. Civ. Code 1798.100 et seq.", "US-CA")
    US_VA = ("us-va", N_("Virginia (VCDPA)"), "Va. Code 59.1-575 et seq.", "US-VA")
    US_CO = ("us-co", N_("Colorado (CPA)"), "Colo. Rev. Stat. 6-1-1301 et seq.", "US-CO")
    US_CT = ("us-ct", N_("Connecticut (CTDPA)"), "Conn. Gen. Stat. 42-515 et seq.", "US-CT")
    US_UT = ("us-ut", N_("Utah (UCPA)"), "Utah Code 13-61-101 et seq.", "US-UT")
    US_TX = ("us-tx", N_("Texas (TDPSA)"), "Tex. Bus. & Com. Code 541.001 et seq.", "US-TX")
    US_FL = ("us-fl", N_("Florida (FDBR)"), "Fla. Stat. 501.701 et seq.", "US-FL")
    US_OR = ("us-or", N_("Oregon (OCPA)"), "Or. Rev. Stat. 646A.570 et seq.", "US-OR")
    US_MT = ("us-mt", N_("Montana (MCDPA)"), "Mont. Code 30-14-2801 et seq.", "US-MT")
    US_DE = ("us-de", N_("Delaware (DPDPA)"), "Del. Code tit. 6, 12D-101 et seq.", "US-DE")
    US_IA = ("us-ia", N_("Iowa (ICDPA)"), "Iowa Code 715D.1 et seq.", "US-IA")
    US_NE = ("us-ne", N_("Nebraska (NDPA)"), "Neb. Rev. Stat. 87-1101 et seq.", "US-NE")
    US_NH = ("us-nh", N_("New Hampshire (NHPA)"), "N.H. Rev. Stat. 507-H:1 et seq.", "US-NH")
    US_NJ = ("us-nj", N_("New Jersey (NJDPA)"), "N.J. Stat. 56:8-166.4 et seq.", "US-NJ")
    US_TN = ("us-tn", N_("Tennessee (TIPA)"), "Tenn. Code 47-18-3201 et seq.", "US-TN")
    US_MN = ("us-mn", N_("Minnesota (MCDPA)"), "Minn. Stat. 325M.10 et seq.", "US-MN")
    US_MD = ("us-md", N_("Maryland (MODPA)"), "Md. Code, Com. Law 14-4601 et seq.", "US-MD")
    US_IN = ("us-in", N_("Indiana (INCDPA)"), "Ind. Code 24-15 et seq.", "US-IN")
    US_KY = ("us-ky", N_("Kentucky (KCDPA)"), "Ky. Rev. Stat. 367.3611 et seq.", "US-KY")
    US_RI = ("us-ri", N_("Rhode Island (RIDTPPA)"), "R.I. Gen. Laws 6-48.1-1 et seq.", "US-RI")
    US_NV = ("us-nv", N_("Nevada (sale opt-out)"), "Nev. Rev. Stat. 603A.300 et seq.", "US-NV")
