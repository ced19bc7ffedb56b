# ruff: noqa: E501  (example messages read better unwrapped)
"""Replies read in the light of the coach's question, and labelled values."""

from __future__ import annotations

import pytest

from coach.memory import answers, rules


def facts(reply: str, coach: str | None = None) -> set[tuple[str, str]]:
    return {(f.category, f.value) for f in answers.extract(reply, coach, rules.extract(reply))}


@pytest.mark.parametrize(
    ("coach", "kinds"),
    [
        ("Nice. Who books you most at the moment?", ["audience"]),
        ("Who's your typical customer?", ["audience"]),
        ("What's the business called, and what kind of jobs make up most of your work?", ["company", "offer"]),
        ("Good to know. Who do you lose sales to most often?", ["competitor"]),
        ("Nice one. Who are you aiming the new name at?", ["audience"]),
        ("What do you want the brand to feel like?", ["value"]),
        ("Clear target. What's the goal this year?", ["goal"]),
        ("How do you like feedback from me?", ["preference"]),
        ("Tell me more about the classes and how you price things.", ["price"]),
        ("Tell me about your main package.", ["offer"]),
        ("What do they charge?", []),  # about someone else
        ("Who are your competitors?", ["competitor"]),
        ("Great, speak soon.", []),  # no question
        ("Where are you based?", ["location"]),
        ("Hey Jess! Who comes to your classes?", ["audience"]),  # a who-question asks for people
        ("That's a lot. What's the biggest bottleneck?", ["challenge"]),
        ("Hi Ben. What's the flagship?", ["offer"]),
        ("Excellent progress. What made the difference?", []),  # what caused it, not a value
    ],
)
def test_what_the_coach_asked_for(coach: str, kinds: list[str]) -> None:
    assert answers.asked(coach) == kinds


@pytest.mark.parametrize(
    ("coach", "reply", "expected"),
    [
        (
            "That's a sensible range. Who books you most at the moment?",
            "homeowners round cardiff mostly, lot of older couples. they find me on checkatrade",
            {("audience", "homeowners round cardiff, lot of older couples")},
        ),
        (
            "What's the business called, and what kind of jobs make up most of your work?",
            "Pugh Plumbing & Heating. boiler services and installs mostly, thats the bread and butter",
            {("company", "Pugh Plumbing & Heating"), ("offer", "boiler services and installs")},
        ),
        (
            "Clear target. Who's the competition when people search direct?",
            "Kev Morgan Heating is the big one round here, his vans are everywhere",
            {("competitor", "Kev Morgan Heating")},
        ),
        (
            "That's a strong value. Who do you see as competition?",
            "Rothwell Legal, on Station Parade. They've just rebranded.",
            {("competitor", "Rothwell Legal")},  # not the street they are on
        ),
        (
            "Good call. What's the goal this year?",
            "Land 3 international clients before Q4. UK or US.",
            {("goal", "Land 3 international clients before Q4")},
        ),
        (
            "Biggest problem right now?",
            "winter. taproom is dead nov to feb",
            {("challenge", "winter: taproom is dead nov to feb")},  # a one-word answer, explained
        ),
        (
            "And what do you sell them — fixed-price builds or retainers?",
            "Both. MVP build is ₦4.5m flat, takes about 10 weeks.",
            {("price", "₦4.5m flat for MVP build"), ("offer", "MVP build")},  # "Both" is not an offer
        ),
        (
            "Hi Greg. What's the business called, and are you the owner?",
            "Hollis Grounds. owner operator. 3 guys working for me",
            {("company", "Hollis Grounds")},  # the business, not Greg's name
        ),
        (
            "What do you make?",
            "we sell online only, our instagram and own web. bikinis and one-pieces, the one-piece is the favourite",
            {("offer", "bikinis and one-pieces")},
        ),
        (
            "Excellent conversion. What's the goal for the year?",
            "Two more physios by next year. I'm turning people away.",
            {("goal", "Two more physios by next year")},  # the deadline stays in the goal
        ),
        ("How do you want me to coach you?", "blunt. dont waste my time", {("preference", "blunt"), ("preference", "don't waste my time")}),
        ("How should I write to you?", "short. english ok but simple. i read on my phone", {("preference", "short"), ("preference", "english ok but simple")}),
        (None, "ok decided. not doing flash days anymore", {("decision", "not doing flash days")}),
        ("Who do you lose deals to?", "7shifts mostly. they're the default", {("competitor", "7shifts")}),
        (
            "Who do you find yourself up against?",
            "Cobble & Crust two doors down, very pretty, pink boxes, a bit pricey. And the supermarket bakeries, they sell a loaf for nothing.",
            {("competitor", "Cobble & Crust"), ("competitor", "the supermarket bakeries")},  # not "pink boxes"
        ),
        (
            "Who's the competition?",
            "- Hartwell Tiles (big, everywhere)\n- cheap importers on the ring road who undercut everyone",
            {("competitor", "Hartwell Tiles"), ("competitor", "cheap importers on the ring road who undercut everyone")},
        ),
        (
            "Hi Rahul! What's your priority right now?",
            "We sell beard oil and a charcoal face wash.",
            {("offer", "beard oil"), ("offer", "a charcoal face wash")},  # a statement, not the goal
        ),
    ],
)
def test_a_reply_answers_the_question(coach: str, reply: str, expected: set[tuple[str, str]]) -> None:
    assert facts(reply, coach) == expected


@pytest.mark.parametrize(
    ("coach", "reply"),
    [
        ("Who buys from you most?", "not sure yet, that's what I want to figure out"),
        ("What's the goal this year?", "Honestly? No idea. Sales are down."),  # dodged: nothing after
        ("What do they charge?", "heard $320 for group. but they put 12 kids in one class"),
        ("Who is your ideal customer?", "should it be students or retirees?"),
        ("Who is your ideal customer?", "what if we went after students?"),
        ("Great, speak soon.", "new mums in their 30s"),
        (None, "mostly bouquets"),
    ],
)
def test_no_answer_no_fact(coach: str | None, reply: str) -> None:
    assert facts(reply, coach) == set()


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("ok so main goal: get catering gigs. weddings, office parties", {("goal", "get catering gigs")}),
        ("Important value for me: honest repair. I never replace parts that can be fixed.", {("value", "honest repair")}),
        ("value wise - we turn up when we say. that's it", {("value", "we turn up when we say")}),
        ("So, new target: Shopify brands with 10 to 50 employees", {("audience", "Shopify brands with 10 to 50 employees")}),
        ("Target: 150 installations in 2026.", {("goal", "150 installations in 2026")}),
        ("yeah. ok i've decided - from april we're putting a booking button on the site", {("decision", "from april we're putting a booking button on the site")}),
    ],
)
def test_labelled_values(reply: str, expected: set[tuple[str, str]]) -> None:
    assert facts(reply) == expected


@pytest.mark.parametrize(
    ("coach", "reply", "expected"),
    [
        (  # every group named, in one sentence or in short ones
            "Who tends to book with you most?",
            "mostly busy families with labradors tbh, and a fair few retired couples with terriers",
            {("audience", "busy families with labradors, retired couples with terriers")},
        ),
        (
            "Who comes through the door most?",
            "cyclists. lots of cyclists. some office workers w sore knees",
            {("audience", "cyclists, office workers w sore knees")},
        ),
        (
            "Who usually buys them?",  # "them" are the products: still a question about you
            "Women 30-50, they like linen and quiet homes.",
            {("audience", "Women 30-50")},
        ),
        (
            "Does the new area bring different clients?",
            "Slightly. Still families, but also students from the college",
            {("audience", "families")},
        ),
        # a business name in any case, and what else the question asked
        ("Does the bakery have a name?", "Yes, Crumb Theory. Crumb is a pun, obviously.", {("company", "Crumb Theory")}),
        ("What's the clinic called?", "eastside motion", {("company", "eastside motion")}),
        (
            "What's the business called and what jobs do you do most?",
            "KB plumbing. mostly boilers, radiators, plus bathrooms n leaks",
            {("company", "KB plumbing"), ("offer", "boilers"), ("offer", "radiators"), ("offer", "bathrooms n leaks")},
        ),
        # a principle asked for is a value; standing out is not a preference about the coach
        ("What principles guide how you sell?", "Honesty above all. We never upsell.", {("value", "Honesty")}),
        (
            "How do you want to stand out from them?",
            "grandma's recipes, everything baked fresh every morning",
            {("value", "grandma's recipes"), ("value", "everything baked fresh every morning")},
        ),
        # a label: "new thing", "goal -"
        (None, "new thing - 'Dawn Run' for beginners, £20 a head", {("offer", "Dawn Run for beginners"), ("price", "£20 a head")}),
        (None, "launched it. bike fit w video report $150", {("offer", "bike fit w video report"), ("price", "bike fit w video report $150")}),
        (None, "goal - 2 staff full time by spring", {("goal", "2 staff full time by spring")}),
    ],
)
def test_groups_names_and_labels(coach: str | None, reply: str, expected: set[tuple[str, str]]) -> None:
    assert facts(reply, coach) == expected


@pytest.mark.parametrize(
    ("coach", "reply", "expected"),
    [
        (
            "What do you stand for?",
            "solid oak. no veneer. made in my own shed. 10 yr warranty",
            {("value", "solid oak: no veneer"), ("value", "made in my own shed"), ("value", "10 yr warranty")},
        ),
        (
            "Remind me what's non-negotiable for you?",
            "same as ever. 5 yr guarantee, turn up on time. thats kind of my whole thing",
            {("value", "5 yr guarantee"), ("value", "turn up on time")},
        ),
    ],
)
def test_a_reply_listing_points_gives_each(coach: str, reply: str, expected: set[tuple[str, str]]) -> None:
    assert facts(reply, coach) == expected


def test_a_reply_listing_what_is_sold_gives_each_offer_but_not_what_is_not() -> None:
    reply = "kitchens mostly. custom oak cabinets. also built-in wardrobes. no laminate"
    assert facts(reply, "What kind of work do you take on?") == {
        ("offer", "kitchens"),
        ("offer", "custom oak cabinets"),
        ("offer", "built-in wardrobes"),
    }


@pytest.mark.parametrize(
    ("coach", "reply", "offers"),
    [
        (
            "What do guests book with you?",
            "We have beds in dorm, 28 euro per night, and private rooms for 75 euro. And surf lessons, 40€ for two hours.",
            {"beds in dorm", "private rooms", "surf lessons"},  # not "two hours"
        ),
        (
            "What do you sell?",
            "Our extra virgin olive oil is the main thing — R189 for a 500ml bottle. Then there are tasting tours on the farm at R250 per person, and table olives in jars.",
            {"extra virgin olive oil", "tasting tours on the farm", "table olives in jars"},
        ),
        ("What is your main dish?", "Main is tonkotsu ramen, ¥980. Also gyoza, 6 piece ¥450.", {"tonkotsu ramen", "gyoza"}),
        # another business's prices, and a price asked about, name nothing this person sells
        ("What do you sell?", "Their oil sells for R250 a bottle. Should I do gift boxes at R300?", set()),
    ],
)
def test_asked_what_they_sell_the_priced_things_are_offers(coach: str, reply: str, offers: set[str]) -> None:
    assert {v for c, v in facts(reply, coach) if c == "offer"} == offers


@pytest.mark.parametrize(
    ("coach", "reply", "expected"),
    [
        (None, "We press within 4 hours of picking. That's it, that's the magic.", {("value", "We press within 4 hours of picking")}),
        (None, "Only that discretion and plain English must remain the foundation of everything we do.", {("value", "discretion"), ("value", "plain English")}),
        (
            "OK. What do you do better than them?",
            "same electrician every time, no random guy. n i give 1 yr warranty on wiring",
            {("value", "same electrician every time"), ("value", "no random guy"), ("value", "I give 1 yr warranty on wiring")},
        ),
        (  # asides are not values
            "What do you do better than Tasty Bites?",
            "Everything is fried fresh on site, never reheated. And I always show up on time — in Lagos that's rare, trust me.",
            {("value", "Everything is fried fresh on site, never reheated"), ("value", "I always show up on time")},
        ),
    ],
)
def test_what_sets_them_apart(coach: str | None, reply: str, expected: set[tuple[str, str]]) -> None:
    assert facts(reply, coach) == expected


@pytest.mark.parametrize(
    ("coach", "reply", "offers"),
    [
        (
            "What do people actually buy or book from Leirverk?",
            "Two things mainly: wheel-throwing classes for beginners, and custom tableware for restaurants. The beginner course is 4 evenings and costs 2400 kr.",
            {"wheel-throwing classes for beginners", "custom tableware for restaurants", "beginner course"},
        ),
        (None, "We shall introduce a fixed-fee succession review for family businesses, at £1,200, as a gentler first step.", {"a fixed-fee succession review for family businesses"}),
        (None, "Our principal offering is intensive German for expatriates.", {"intensive German for expatriates"}),
        (None, "no one. also decided im doing inverter + solar install also from next month", {"inverter + solar install"}),
    ],
)
def test_ways_of_naming_what_is_sold(coach: str | None, reply: str, offers: set[str]) -> None:
    assert {v for c, v in facts(reply, coach) if c == "offer"} == offers


def test_two_readings_of_one_thing_are_one_fact() -> None:
    reply = "Three things: website copy, brand voice guides, and transcreation. Website copy package is C$2,800."
    offers = [v for c, v in facts(reply, "What do clients hire you for?") if c == "offer"]
    assert "Website copy package" in offers
    assert "website copy" not in offers


@pytest.mark.parametrize(
    ("coach", "reply", "expected"),
    [
        ("What's the bakery called?", "Crumb & Co 🥐 (my sister picked it)", ("company", "Crumb & Co")),
        ("Nice! What's the gallery called?", "Salt Line Gallery. Named after the tide mark.", ("company", "Salt Line Gallery")),
        ("Will you keep the same name?", "yep, Northbound Cycles still", ("company", "Northbound Cycles")),
        ("What's your business?", "Candles. Soy ones mostly, poured by hand.", ("industry", "Candles")),
    ],
)
def test_the_business_name_or_kind_asked_in_other_words(coach: str, reply: str, expected: tuple[str, str]) -> None:
    assert expected in facts(reply, coach)


@pytest.mark.parametrize(
    "coach",
    [
        "And who's buying most?",
        "Who's turning up to the evening classes?",
        "Who are your best-fit clients?",
        "Any new kinds of customers lately?",
        "Who do you most want to work with?",
    ],
)
def test_who_the_customers_are_asked_in_other_words(coach: str) -> None:
    assert "audience" in answers.asked(coach)


def test_a_capitalised_pronoun_opening_a_reply_is_not_a_place() -> None:
    found = facts("We now cover Ashford as well as Folkestone.", "Where are you based these days?")
    assert not any(c == "location" and v.startswith("We") for c, v in found)
