"""ISO 3166-1 alpha-2 country codes, checked against CLDR's territory data as Babel ships it.

CLDR also names regions that are not countries (`001`, `EU`, `EZ`, `QO`, `UN`) and codes ISO
leaves to users (`XK` for Kosovo, `ZZ`): a country here is a territory CLDR gives an ISO 3166-1
numeric code, outside ISO's user-assigned ranges and other than `EU` (CLDR numbers it 967).
"""

from __future__ import annotations

import difflib
from functools import lru_cache

from pydantic_core import PydanticCustomError

from .terms import Region

PLACEHOLDER = "XX"
"""ISO 3166-1 leaves XX to users: `noticegen init` writes it where it does not know the
country, and NG804 reports it; the schema accepts it so that a new notice loads."""
REGIONS: tuple[str, ...] = tuple(Region)
"""Groups of countries a transfer or a recipient's location may name instead of a country."""


def _user_assigned(code: str) -> bool:
    # ISO 3166-1 section 8.1.3: AA, QM-QZ, XA-XZ and ZZ are for users, never for a country.
    return code in ("AA", "ZZ") or code.startswith("X") or "QM" <= code <= "QZ"


@lru_cache(maxsize=1)
def iso_codes() -> frozenset[str]:
    """Every ISO 3166-1 alpha-2 code, e.g. `GB`; from CLDR's global data alone (no locale's
    names to load on the lint path)."""
    from babel.core import get_global

    numbered = (
        codes[0] for alias, codes in get_global("territory_aliases").items() if alias.isdigit()
    )
    return frozenset(
        code
        for code in numbered
        if len(code) == 2 and code.isalpha() and code != "EU" and not _user_assigned(code)
    )


@lru_cache(maxsize=1)
def iso_countries() -> dict[str, str]:
    """ISO 3166-1 alpha-2 code -> English name, e.g. `GB` -> "United Kingdom"."""
    from babel import Locale

    names = Locale.parse("en").territories
    return {code: str(names.get(code, code)) for code in sorted(iso_codes())}


def nearest(value: str) -> list[str]:
    """The codes `value` most likely means: `gb`, `UK`, `GBR`, `826` or "United Kingdom" ->
    [`GB`]; `AN` (the former Netherlands Antilles) -> [`BQ`, `CW`, `SX`]; [] when none."""
    from babel.core import get_global

    countries = iso_countries()
    key = value.strip()
    if key.upper() in countries:
        return [key.upper()]
    aliases = get_global("territory_aliases")
    replaced = [c for c in aliases.get(key.upper(), ()) if c in countries]
    if replaced:
        return sorted(replaced)
    by_name = {name.casefold(): code for code, name in countries.items()}
    if key.casefold() in by_name:
        return [by_name[key.casefold()]]
    close = difflib.get_close_matches(key.casefold(), list(by_name), n=1, cutoff=0.8)
    return [by_name[close[0]]] if close else []


def _error(value: str, allowed: str) -> PydanticCustomError:
    countries = iso_countries()
    meant = [f"`{code}` for {countries[code]}" for code in nearest(value)]
    if meant:
        advice = " (did you mean " + " or ".join(meant) + "?)"
    else:
        advice = f": no country has it; give {allowed}"
    return PydanticCustomError(
        "country_code",
        "`{value}` is not an ISO 3166-1 alpha-2 country code{advice}",
        {"value": value, "advice": advice},
    )


def check_country(value: object) -> object:
    """A country's code as it stands, or a finding naming the code it most likely means."""
    if not isinstance(value, str) or value == PLACEHOLDER or value in iso_codes():
        return value
    raise _error(value, "two capital letters, such as `FR`")


def check_country_or_region(value: object) -> object:
    """A country's code or one of REGIONS as it stands, or a finding as for a country."""
    if isinstance(value, str) and value in REGIONS:
        return value
    if not isinstance(value, str) or value == PLACEHOLDER or value in iso_codes():
        return value
    raise _error(value, "two capital letters, such as `FR`, or " + ", ".join(REGIONS))
