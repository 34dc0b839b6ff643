"""Where personal data may go without a transfer mechanism: the EEA, and the countries the EU
(GDPR Art. 45) or the UK (UK GDPR Art. 45; Data Protection Act 2018 s. 17A) has found
adequate, one record per country with its decisions, the one list of them.

The transfer rules derive from it which destinations are covered (NG309, NG324); a decision
that covers only organisations certified under a framework (the United States) covers a
recipient only where the notice says it is certified (`safeguard: data_privacy_framework`).
"""

from __future__ import annotations

import datetime
from typing import NamedTuple

EEA = frozenset(
    {
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
        "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
        "IS", "LI", "NO", "EEA", "EU",
    }
)  # fmt: skip
"""EU member states, Iceland, Liechtenstein and Norway, as ISO 3166-1 alpha-2 codes, and the
region codes `EEA` and `EU` notices use for all of them."""


class Decision(NamedTuple):
    """An adequacy decision or regulation: the act and since when it applies."""

    act: str
    """The act, as lawyers cite it."""
    since: datetime.date
    """The date it was adopted (the Commission's decisions) or came into force (the UK's)."""
    certified_only: bool = False
    """Whether it covers only organisations certified under a framework (the Data Privacy
    Framework): a recipient is then covered only where the notice says it is certified."""


class Adequacy(NamedTuple):
    """A country found adequate by the EU, the UK or both."""

    country: str
    """ISO 3166-1 alpha-2 code."""
    eu: Decision | None
    """The Commission's adequacy decision (GDPR Art. 45(3), or Directive 95/46/EC Art. 25(6)
    for those adopted before the GDPR, kept in force by GDPR Art. 45(9))."""
    uk: Decision | None
    """The UK's adequacy regulations (Data Protection Act 2018 s. 17A, or Schedule 21 para. 5
    for the EU decisions in force when the UK left the EU)."""


_D1 = datetime.date
# The EU decisions in force on 31 December 2020 became UK adequacy regulations from 1 January
# 2021 (Data Protection Act 2018 Schedule 21 para. 5), as did the EEA states and Gibraltar
# (para. 4).
_UK_CARRIED_OVER = Decision("Data Protection Act 2018, Schedule 21 para. 5", _D1(2021, 1, 1))

ADEQUACY: tuple[Adequacy, ...] = (
    Adequacy(
        "AD", Decision("Commission Decision 2010/625/EU", _D1(2010, 10, 19)), _UK_CARRIED_OVER
    ),
    Adequacy("AR", Decision("Commission Decision 2003/490/EC", _D1(2003, 6, 30)), _UK_CARRIED_OVER),
    Adequacy(
        "BR", Decision("Commission Implementing Decision (EU) 2026/179", _D1(2026, 1, 26)), None
    ),
    Adequacy("CA", Decision("Commission Decision 2002/2/EC", _D1(2001, 12, 20)), _UK_CARRIED_OVER),
    Adequacy("CH", Decision("Commission Decision 2000/518/EC", _D1(2000, 7, 26)), _UK_CARRIED_OVER),
    Adequacy("FO", Decision("Commission Decision 2010/146/EU", _D1(2010, 3, 5)), _UK_CARRIED_OVER),
    Adequacy(
        "GB",
        Decision(
            "Commission Implementing Decision (EU) 2021/1772, renewed on 19 December 2025 until "
            "27 December 2031",
            _D1(2021, 6, 28),
        ),
        None,
    ),
    Adequacy(
        "GG", Decision("Commission Decision 2003/821/EC", _D1(2003, 11, 21)), _UK_CARRIED_OVER
    ),
    Adequacy(
        "GI", None, Decision("Data Protection Act 2018, Schedule 21 para. 4", _D1(2021, 1, 1))
    ),
    Adequacy("IL", Decision("Commission Decision 2011/61/EU", _D1(2011, 1, 31)), _UK_CARRIED_OVER),
    Adequacy("IM", Decision("Commission Decision 2004/411/EC", _D1(2004, 4, 28)), _UK_CARRIED_OVER),
    Adequacy("JE", Decision("Commission Decision 2008/393/EC", _D1(2008, 5, 8)), _UK_CARRIED_OVER),
    Adequacy(
        "JP",
        Decision("Commission Implementing Decision (EU) 2019/419", _D1(2019, 1, 23)),
        _UK_CARRIED_OVER,
    ),
    Adequacy(
        "KR",
        Decision("Commission Implementing Decision (EU) 2022/254", _D1(2021, 12, 17)),
        Decision("SI 2022/1213, Data Protection (Adequacy) (Republic of Korea)", _D1(2022, 12, 19)),
    ),
    Adequacy(
        "NZ",
        Decision("Commission Implementing Decision 2013/65/EU", _D1(2012, 12, 19)),
        _UK_CARRIED_OVER,
    ),
    Adequacy(
        "US",
        Decision(
            "Commission Implementing Decision (EU) 2023/1795 (EU-US Data Privacy Framework)",
            _D1(2023, 7, 10),
            certified_only=True,
        ),
        Decision(
            "SI 2023/1028, Data Protection (Adequacy) (United States of America) (UK Extension "
            "to the Data Privacy Framework)",
            _D1(2023, 10, 12),
            certified_only=True,
        ),
    ),
    Adequacy(
        "UY",
        Decision("Commission Implementing Decision 2012/484/EU", _D1(2012, 8, 21)),
        _UK_CARRIED_OVER,
    ),
)
"""Every country with an EU or UK adequacy decision."""

BY_COUNTRY: dict[str, Adequacy] = {a.country: a for a in ADEQUACY}
"""The records by ISO code."""
