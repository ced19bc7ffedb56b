"""What a profile fact is: its categories, how values compare, what an extractor returns."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from coach.memory.patterns import AMOUNT

Category = Literal[
    "name",
    "role",
    "company",
    "industry",
    "location",
    "offer",
    "price",
    "audience",
    "competitor",
    "goal",
    "challenge",
    "value",
    "decision",
    "preference",
]

# Label shown to people, and whether a category holds one current value or a growing list.
CATEGORIES: dict[str, tuple[str, bool]] = {
    "name": ("Name", True),
    "role": ("Role", True),
    "company": ("Business name", True),
    "industry": ("Business type", True),
    "location": ("Locations", False),  # a list: a move replaces it (`SHIFTS`)
    "audience": ("Ideal customers", False),  # a list: a shift of target replaces it (`SHIFTS`)
    "price": ("Prices", False),  # a list, one current price per thing priced (`same_subject`)
    "offer": ("Offers", False),
    "competitor": ("Competitors", False),
    "goal": ("Goals", False),
    "challenge": ("Challenges", False),
    "value": ("Values", False),
    "decision": ("Decisions", False),
    "preference": ("Preferences", False),
}
GROUPS: dict[str, tuple[str, ...]] = {
    "You": ("name", "role", "location", "preference"),
    "Your business": ("company", "industry", "offer", "price"),
    "Your market": ("audience", "competitor"),
    "Direction": ("goal", "challenge", "value", "decision"),
}


def single_valued(category: str) -> bool:
    """True when a new value replaces the old one (name, location…), False for lists (goals…)."""
    return CATEGORIES.get(category, ("", False))[1]


# Categories that hold one current value per thing: a price per item priced.
PER_ITEM = frozenset({"price"})
# Lists whose values a statement can replace as a whole. A business sells to several kinds of
# people ("retirees, and Airbnb owners in Daylesford" are two ideal customers, both current), so
# a new one is added. But "my main customer is corporate teams now" is a shift of target: it
# retires every ideal customer held before; and "my ideal customer is new mums", without change
# language, claims the whole place: the coach asks before replacing them. Places work the same
# way: a second clinic in Highfields or a stall at Salamanca Market adds a location; "we moved to
# Durham" retires every place held; "we're based in York" claims the whole place, so the coach
# asks before it replaces Leeds.
SHIFTS = frozenset({"audience", "location"})
_ALSO = re.compile(r"\b(also|too|as well|not just|not only|besides|another|still)\b", re.IGNORECASE)
_THE_ONE = {
    "audience": re.compile(
        r"\b(?:ideal|target|main|primary|core|dream|perfect|best|real|typical|number one)\s+"
        r"(?:customer|client|audience|market|buyer|guest|student|patient|couple|member|reader|"
        r"user)s?\b",
        re.IGNORECASE,
    ),
    "location": re.compile(
        r"\b(?:based|located|headquartered|live|living)\s+(?:in|out of|from)\b|"
        r"\b(?:i'm|i am|we're|we are)\s+(?:from|in)\b|"
        r"\b(?:home|base|hq|headquarters)\s+(?:is|'s)\b",
        re.IGNORECASE,
    ),
}


def shifts(fact: ExtractedFact) -> bool:
    """Whether `fact` replaces every value of its category at once: a stated change in a
    `SHIFTS` category that does not say it comes on top ("we now also sell to hotels" adds)."""
    return fact.category in SHIFTS and fact.change and not _ALSO.search(fact.quote or fact.value)


def claims_all(category: str, quote: str) -> bool:
    """Whether a statement of a `SHIFTS` category names *the* one ("my ideal customer is…",
    "we're based in York"), so that it would replace every value held: the coach asks first."""
    claim = _THE_ONE.get(category)
    return claim is not None and bool(claim.search(quote)) and not _ALSO.search(quote)


def would_replace(category: str, old: str, new: str, quote: str = "") -> bool:
    """Whether value `new` (stated in `quote`) would replace the held value `old`: a value of
    the same subject (`same_subject`), or a claim on the whole of a `SHIFTS` list."""
    return same_subject(category, old, new) or claims_all(category, quote or new)


def same_subject(category: str, a: str, b: str) -> bool:
    """True when value `b` would replace value `a`: always in a single-valued category; for a
    price, when both price the same thing ("standard bouquet 450 NOK" / "the standard bouquet
    is now 520 NOK"; a plain rate only replaces a plain rate); never in a list."""
    if category in PER_ITEM:
        left, right = set(priced_item(a).split()), set(priced_item(b).split())
        if not left or not right:
            return left == right
        small, large = sorted((left, right), key=len)
        return small <= large
    return single_valued(category)


def fact_key(category: str, value: str) -> str:
    """The stored `key` of a fact: what a new value of it would replace."""
    if category in PER_ITEM:
        return f"{category}:{priced_item(value)}"[:200]
    if single_valued(category):
        return category
    return normalise(value)[:200] or value[:200]


_AMOUNT = re.compile(AMOUNT, re.IGNORECASE)
_NOT_THE_ITEM = frozenset(  # words about the price, not the thing priced
    (  # noqa: SIM905  (a word list reads better as one string)
        "per each apiece only just now flat fixed fee fees price prices rate rates cost costs "
        "charge charging start starts starting from up go goes going went plus vat incl "
        "including excl hour hours hr hrs h month months mo year years yr week weeks wk day days "
        "night nights min mins minute minutes head person people pp pax around about roughly "
        "usually typically currently still new raised lowered increased put bumped sell sells "
        "sold retail retails priced was were will be 'll 's one single"
    ).split()
)


def priced_item(value: str) -> str:
    """The thing a price is for, as normalised words; "" for a plain rate ("$115/hr")."""
    value = re.sub(r"\b(\d+)-to-(\d+)\b", r"\1to\2", value)  # "1-to-1" is a thing, not two numbers
    words = normalise(_AMOUNT.sub(" ", value)).split()
    return " ".join(
        w[:-1] if len(w) > 3 and w.endswith("s") else w  # "session" and "sessions" are one thing
        for w in words
        if w not in _NOT_THE_ITEM and not w.isdigit()
    )


def label(category: str) -> str:
    """The heading a person sees for a category."""
    return CATEGORIES.get(category, (category.title(), False))[0]


def noun(category: str) -> str:
    """The category as one fact of it, for sentences: "price", "goal", "business name"."""
    heading = label(category).lower()
    return heading if single_valued(category) or not heading.endswith("s") else heading[:-1]


_WORDS = re.compile(r"[a-z0-9$€£]+(?:[.,][0-9]+)?")
_FILLER = frozenset(
    [
        "a",
        "an",
        "the",
        "my",
        "our",
        "to",
        "of",
        "for",
        "and",
        "in",
        "at",
        "on",
        "with",
        "is",
        "are",
        "be",
        "i",
        "we",
        "me",
        "us",
        "it",
        "that",
        "who",
    ]
)


def normalise(value: str) -> str:
    """Lower-case content words, so 'The Fern & Flour' and 'fern and flour' compare equal."""
    words = [w for w in _WORDS.findall(value.lower().replace("&", " and ")) if w not in _FILLER]
    return " ".join(words)


def same_value(a: str, b: str) -> bool:
    """Two values say the same thing: equal once normalised, or one's words all appear in the
    other ("Leeds" / "Leeds, UK"; the longer one is then a refinement, not a contradiction)."""
    left, right = normalise(a), normalise(b)
    if not left or not right:
        return left == right
    if left == right:
        return True
    small, large = sorted((set(left.split()), set(right.split())), key=len)
    return bool(small) and small <= large


class ExtractedFact(BaseModel):
    """One fact an extractor found in a message (also the model's structured output)."""

    model_config = ConfigDict(extra="forbid")

    category: Category
    value: str = Field(min_length=1, max_length=300)
    change: bool = Field(
        default=False,
        description="true when the person says this replaces what was true before "
        "('we moved to…', 'I've raised my price to…', 'actually…')",
    )
    retire: bool = Field(
        default=False,
        description="true when the person says this is no longer true ('we stopped selling…')",
    )
    quote: str = Field(default="", max_length=500, description="the words that state it")
    # A guess rather than a statement: read by the learned clause reader or phrase tagger, or
    # derived ("wedding photographer" → wedding photography). A guess fills an empty one-value
    # category but never contradicts what is held: the coach does not ask "shall I update your
    # name to …?" on a guess (`profile.merge`). Not part of the model's structured output.
    _tentative: bool = PrivateAttr(default=False)

    @property
    def tentative(self) -> bool:
        return self._tentative

    def as_guess(self) -> ExtractedFact:
        """This fact, marked as a guess."""
        guess = self.model_copy()
        guess._tentative = True
        return guess


class Extraction(BaseModel):
    """Structured output of the model extractor: every explicit fact in the message."""

    model_config = ConfigDict(extra="forbid")

    facts: list[ExtractedFact]
