"""Places: known names in any case or accent, and the place a clause names."""

from __future__ import annotations

import pytest

from coach.memory.places import fold, is_place, place_phrase


def test_known_places_are_found_without_case_or_accents() -> None:
    assert fold("Thiès") == "thies"
    assert is_place("thies") and is_place("Thiès") and is_place("tallinn")
    assert is_place("Galway, Ireland")
    # GeoNames has towns called University, Best and Police; in a chat they are words.
    assert not any(is_place(word) for word in ("university", "best", "police", "tours"))


@pytest.mark.parametrize(
    ("clause", "place"),
    [
        (
            "I run a garage at Kissy Road in Freetown, been fixing cars since 17",
            "Kissy Road in Freetown",
        ),
        (
            "a dental clinic in the Pocitos neighbourhood of Montevideo",
            "Pocitos neighbourhood of Montevideo",
        ),
        ("mezcal tours out of Oaxaca city", "Oaxaca city"),
        ("run a shearing gang outta gore", "gore"),  # lower case, after "outta"
        ("surf school in mancora peru, me + 2 instructors", "mancora peru"),
        ("mango farm near thies + we dry mangos", "thies"),
        ("new spot on ottawa st", "ottawa st"),
        ("we move shop in April to Thủ Đức, near the university", "Thủ Đức"),
        ("i do solar installations, suame kumasi", "kumasi"),  # a known name, no preposition
    ],
)
def test_the_place_a_clause_names(clause: str, place: str) -> None:
    assert place_phrase(clause) == place


@pytest.mark.parametrize(
    "clause",
    [
        "I love working in March",
        "I post on Instagram every day",
        "we do weddings in town mostly",
        "I am in love with the new logo",
        "the best tours are the small ones",
    ],
)
def test_no_place_is_made_up(clause: str) -> None:
    assert place_phrase(clause) is None
