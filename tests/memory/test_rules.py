# ruff: noqa: E501  (example messages read better unwrapped)
"""The offline extractor: explicit statements in, nothing invented."""

from __future__ import annotations

import pytest

from coach.memory.rules import extract, plausible


def facts(text: str) -> set[tuple[str, str]]:
    return {(f.category, f.value) for f in extract(text)}


INTRODUCTION = ("name", "role", "company", "industry", "location")


def introduced(text: str) -> set[tuple[str, str]]:
    """The facts of `text` that introduce the person and the business."""
    return {f for f in facts(text) if f[0] in INTRODUCTION}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Hi, my name is Dana and I run a candle shop called Wick & Wax in Leeds.",
            {
                ("name", "Dana"),
                ("company", "Wick & Wax"),
                ("industry", "candle shop"),
                ("location", "Leeds"),
            },
        ),
        ("I charge $150 per session.", {("price", "$150 per session")}),
        (
            "My ideal customer is busy nurses working night shifts.",
            {("audience", "busy nurses working night shifts")},
        ),
        (
            "My main competitors are Glossier, Fenty and Rare Beauty.",
            {("competitor", "Glossier"), ("competitor", "Fenty"), ("competitor", "Rare Beauty")},
        ),
        (
            "My goal is to grow to 1,000 newsletter subscribers by June.",
            {("goal", "grow to 1,000 newsletter subscribers by June")},
        ),
        (
            "We've decided to launch a podcast in spring.",
            {("decision", "launch a podcast in spring"), ("offer", "a podcast in spring")},  # what they launch is also an offer,
        ),
        (
            "I'm Priya, a freelance copywriter.",
            {("name", "Priya"), ("role", "freelance copywriter")},
        ),
    ],
)
def test_explicit_statements_are_extracted(text: str, expected: set[tuple[str, str]]) -> None:
    assert facts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "What if I charged $500?",
        "Should I move to Berlin?",
        "My friend's company is called Zap Studio.",
        "How do I write a tagline for my bakery?",
        "I'm not sure what to do about pricing.",
        "Maybe we could compete with Etsy sellers.",
    ],
)
def test_questions_hypotheticals_and_other_people_give_nothing(text: str) -> None:
    assert extract(text) == []


def test_change_language_is_flagged() -> None:
    (moved,) = extract("We moved the studio to Bristol last month.")
    assert (moved.category, moved.value, moved.change) == ("location", "Bristol", True)
    (stated,) = extract("We're based in Bristol.")
    assert stated.change is False


def test_no_longer_retires() -> None:
    (stopped,) = extract("We no longer sell gift boxes.")
    assert (stopped.category, stopped.value, stopped.retire) == ("offer", "gift boxes", True)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # self-introductions without "my name is"
        (
            "Hi, Sven. Creative director at Nordform.",
            {("name", "Sven"), ("role", "Creative director"), ("company", "Nordform")},
        ),
        ("hey, ollie here, I make soy candles", {("name", "Ollie")}),  # industry: below
        # shapes added after the blind holdout sets
        ("hi there its Shaz here, the business is Suds & Snouts", {("name", "Shaz"), ("company", "Suds & Snouts")}),
        ("the school's called Green Light Driving.", {("company", "Green Light Driving")}),
        ("done it. its Taff Valley Heating now", {("company", "Taff Valley Heating")}),
        ("We have finalised the new name: LedgerLeaf Advisory.", {("company", "LedgerLeaf Advisory")}),
        ("Fixed fees: £350 for a single will and £550 for mirror wills.", {("price", "£350 for single will"), ("price", "£550 for mirror wills")}),
        ("and £40/hr from june for new pupils", {("price", "£40/hr")}),
        ("boiler service is going up to £95 from april", {("price", "£95 for boiler service")}),
        ("Redwood Rides is the other e-bike crowd in town, they're cheaper", {("competitor", "Redwood Rides")}),
        ("the big boys here are Voltline, they've got 12 vans", {("competitor", "Voltline")}),
        ("And now we only go after restaurant groups with central kitchens", {("audience", "restaurant groups with central kitchens")}),
        ("we relocated HQ to Riyadh last month", {("location", "Riyadh")}),
        ("I'm Valentina, from Valparaíso, Chile.", {("name", "Valentina"), ("location", "Valparaíso, Chile")}),
        # a lower-case city is trusted only when it is a known place
        ("we moved to denver in feb", {("location", "Denver")}),
        ("I'm working in hospitality", set()),
        # a price with what is priced, and a unit when one is given
        (
            "oh and a loaf is £4.50 at the moment, is that too cheap?",
            {("price", "£4.50 for a loaf")},
        ),
        ("I charge $95 an hour.", {("price", "$95 an hour")}),
        # lists
        (
            "Competitors: Great Notion and Breakside.",
            {("competitor", "Great Notion"), ("competitor", "Breakside")},
        ),
        (
            "We sell beard oil and a charcoal face wash.",
            {("offer", "beard oil"), ("offer", "a charcoal face wash")},
        ),
        # who is served: people are an audience, things are an offer
        ("We serve busy parents.", {("audience", "busy parents")}),
        ("We serve high-mountain oolong.", {("offer", "high-mountain oolong")}),
        # values stated before the word that names them
        ("Slowness and craft. Those are our values.", {("value", "Slowness"), ("value", "craft")}),
        (
            "Goal: 20 participants in the first cohort.",
            {("goal", "20 participants in the first cohort")},
        ),
        (
            "Challenge: clients think designers are only for rich people.",
            {("challenge", "clients think designers are only for rich people")},
        ),
    ],
)
def test_common_phrasings(text: str, expected: set[tuple[str, str]]) -> None:
    assert {(c, v) for c, v in facts(text) if c != "industry"} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hey, ollie here, I make soy candles", ("industry", "soy candles")),
        ("Hi, I'm Dana. I make soy candles.", ("industry", "soy candles")),
        ("I make soy candles for weddings.", ("offer", "soy candles for weddings")),
        ("Hi, I'm Dana, I run a bakery. I make soy candles too.", ("offer", "soy candles")),
    ],
)
def test_what_a_person_does_in_their_introduction_is_their_business_type(
    text: str, expected: tuple[str, str]
) -> None:
    assert expected in facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "There is already a language company in Paris with that name.",
        "she's based in Phoenix and does similar watercolor",
        "my mate Imran runs a school in Coventry and charges £42",
        "thank you so much, you are very helpful",
        "I want to open a second branch in Ikeja by next year.",
        "launch a course for people moving to Belgium",
        "goal is ₹1 crore revenue this financial year",
    ],
)
def test_other_businesses_plans_and_pleasantries_store_no_place_name_or_price(text: str) -> None:
    assert not [f for f in extract(text) if f.category in ("location", "name", "price", "company")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hi, I'm Dana Reyes, CPA. I run a small tax practice in Leeds.", {("name", "Dana Reyes"), ("role", "CPA"), ("industry", "tax practice"), ("location", "Leeds")}),
        ("I'm a DJ, mostly weddings. trading as Beat Theory", {("role", "DJ"), ("company", "Beat Theory")}),
        ("We moved! Now we are in a bigger place in El Carmen.", {("location", "El Carmen")}),
        ("I have moved to Chief Operating Officer, so that I can focus.", set()),  # a role, not a place
        ("So my goal now is to reach 500 members by the end of 2027.", {("goal", "reach 500 members by the end of 2027")}),
        ("So goal now is 5 cafés, not 3.", {("goal", "5 cafés, not 3")}),
        ("I want 6 weddings a month by December, not 4.", {("goal", "6 weddings a month by December")}),
        ("Still far from our target of 500 by Diwali.", {("goal", "500 by Diwali")}),
        ("I should like to grow to ten staff, and to double our SME clients.", {("goal", "grow to ten staff"), ("goal", "double our SME clients")}),
        ("Small chops platters are the bestseller, then buffet packages for weddings.", {("offer", "Small chops platters"), ("offer", "buffet packages for weddings")}),
        ("Also launching a 'Calm Coat' membership: monthly groom.", {("offer", "Calm Coat membership: monthly groom")}),
        ("evidence first, no fluff, thats us", {("value", "evidence first"), ("value", "no fluff")}),
        ("Please, can you use easy English words?", {("preference", "use easy English words")}),
        ("keep it bullet points like before pls", {("preference", "keep it bullet points")}),
        ("Skip the motivational stuff.", {("preference", "Skip the motivational stuff")}),
    ],
)
def test_more_ways_of_saying_it(text: str, expected: set[tuple[str, str]]) -> None:
    assert facts(text) == expected


def test_more_challenge_shapes_and_no_shouted_names() -> None:
    assert facts("The difficulty, put simply, is that we are seen as expensive, and that young founders never find us.") == {
        ("challenge", "we are seen as expensive"),
        ("challenge", "young founders never find us"),
    }
    assert facts("Sir problem is shipping to Europe.") == {("challenge", "shipping to Europe")}
    assert ("name", "DROWNING") not in facts("ok so it's just me, I'm DROWNING 😩 booked 6 days a week")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Emergency call-out is 60€ the first hour.", {("price", "60€ for emergency call-out")}),  # the currency after the amount
        ("Complete kitchen is from 4.500€.", {("price", "4.500€ for complete kitchen")}),
        ("mini £35 full £90 ceramic from £450", {("price", "£35 for mini"), ("price", "£90 for full"), ("price", "£450 for ceramic")}),
        ("£20 to book anything.", {("price", "£20 to book anything")}),
        ("full valet goin to £110 from next wk", {("price", "£110 for full valet")}),
        ("Basic plan is ₹1,499 a month per clinic.", {("price", "basic plan at ₹1,499 a month")}),  # a pricing plan is no plan to do something
        ("the exam programme remains at £950.", {("price", "£950 for the exam programme")}),
        ("ok so goal is 10 ceramics a month.", {("goal", "10 ceramics a month")}),
        ("twenty-five tutors remains the aim", {("goal", "twenty-five tutors")}),
        ("need like $4k a month to do that", set()),
    ],
)
def test_price_and_goal_shapes(text: str, expected: set[tuple[str, str]]) -> None:
    assert facts(text) == expected


def test_adding_something_is_an_offer_not_a_role() -> None:
    assert facts("plus I'm adding a nurse-friendly short set for $32") == {
        ("offer", "a nurse-friendly short set"),
        ("price", "a nurse-friendly short set for $32"),
    }
    assert ("role", "wedding photographer") in facts("Bonjour, I'm Amara, a wedding photographer based in Lyon.")


@pytest.mark.parametrize(
    "text",
    [
        "Been sniffing round the competition lately.",  # not a competitor called "Been"
        "Among the competition, honestly nobody does sourdough.",
        "Having competitors is fine.",
    ],
)
def test_a_word_that_starts_a_sentence_is_not_a_proper_name(text: str) -> None:
    named = {"name", "company", "competitor", "location"}
    assert not {(c, v) for c, v in facts(text) if c in named}


def test_a_one_word_proper_name_still_counts() -> None:
    assert {("name", "Bill"), ("company", "Bill's Plumbing")} <= facts(
        "I'm Bill, I run Bill's Plumbing in Leeds."
    )


def test_a_trade_derived_from_a_role_is_only_a_guess() -> None:
    """ "wedding photographer" suggests wedding photography, but the person did not say it: the
    profile keeps it only while it holds no business type (`ExtractedFact.tentative`)."""
    found = {(f.category, f.value): f for f in extract("I'm Amara, a wedding photographer in Lyon.")}
    assert found[("industry", "wedding photography")].tentative
    assert not found[("role", "wedding photographer")].tentative
    stated = extract("I run a wedding photography studio in Lyon.")
    assert [f.tentative for f in stated if f.category == "industry"] == [False]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "callout £65 first hr then £45/hr after. boiler installs from £2,200 fitted",
            {("price", "callout £65 first hr"), ("price", "£45/hr after"), ("price", "£2,200 for boiler installs")},
        ),
        ("Monthly private room for nomads: 1.200€.", {("price", "Monthly private room for nomads: 1.200€")}),
        ("The most popular is surf week: 7 nights + 5 lessons, 490€.", {("price", "The most popular is surf week: 7 nights + 5 lessons, 490€")}),
        # amounts that are not the person's prices
        ("we did about €190k last year.", set()),
        ("And price will be ¥10,000 from next season, not ¥9,000.", {("price", "¥10,000")}),
        ("the Domain started charging trucks $200/wk", set()),
        ("theres lads on facebook doing weddings for £400", set()),
    ],
)
def test_any_amount_for_the_persons_work_is_a_price(text: str, expected: set[tuple[str, str]]) -> None:
    assert facts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("also new target is small salons w 2-5 groomers", {("audience", "small salons w 2-5 groomers")}),
        ("Our clientele consists, in the main, of landed estates and farming families in the Borders.", {("audience", "landed estates and farming families in the Borders")}),
        ("the people who buy most consistently are what I would call design-conscious home cooks.", {("audience", "design-conscious home cooks")}),
        ("switchin focus to homeowners", {("audience", "homeowners")}),
        ("ya actually local commuters r the main ppl now", {("audience", "local commuters")}),
        ("Honestly, restaurants and delis are now the customers I want most.", {("audience", "restaurants and delis")}),
        ("So main customer now is home bakers and small cafes.", {("audience", "home bakers and small cafes")}),
        ("I also want to target tourists on ski holidays.", {("audience", "tourists on ski holidays")}),
        ("we want to reach 500 members", {("goal", "500 members")}),  # a number of people is a goal
    ],
)
def test_who_the_customer_is(text: str, expected: set[tuple[str, str]]) -> None:
    assert facts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I am owner and chef of ramen shop \"Menya Hiro\" in Osaka.", {("role", "owner and chef"), ("industry", "ramen shop"), ("location", "Osaka")}),
        ("I have a surf hostel in Ericeira.", {("industry", "surf hostel"), ("location", "Ericeira")}),
        ("hi im mattia, own ciclo ceresio. bike shop, mostly e-bikes tbh.", {("industry", "bike shop")}),
        # a business that is not theirs, or a word that only points at one
        ("I grew up on a dairy farm in West Cork.", set()),
        ("i own the clinic, 2 other physios work for me", set()),
    ],
)
def test_the_kind_of_business_from_an_introduction(text: str, expected: set[tuple[str, str]]) -> None:
    assert {f for f in facts(text) if f[0] in ("industry", "location", "role")} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a business name after "I run", a label or "by the name of"; the kind of business after "my"
        ("Morning! I'm Ines Duarte. I run Casa Cortiça here in Évora — we make cork homeware.", {("name", "Ines Duarte"), ("company", "Casa Cortiça"), ("location", "Évora"), ("offer", "cork homeware")}),
        ("Hello. Tomasz Wrona, court interpreter, freelance. Business name: Wrona Lingua.", {("name", "Tomasz Wrona"), ("role", "court interpreter"), ("company", "Wrona Lingua")}),
        ("The name is 'Hollow Oak Cidery'. Hollow Oak is the farm lane.", {("company", "Hollow Oak Cidery")}),
        ("It is a tutoring centre for Gujarati, by the name of Shabda Learning House.", {("company", "Shabda Learning House")}),
        ("hi. need help with branding for my oyster farm", {("industry", "oyster farm")}),
        # trades people say they are
        ("Ruairí Boyle. Stonemason.", {("name", "Ruairí Boyle"), ("role", "Stonemason")}),
        ("I am upholsterer and restorer since 15 years.", {("role", "upholsterer and restorer")}),
        # a move of the business is a new location, stated as a change
        ("big news — we're moving the workshop from Leeds to Bradford in May", {("location", "Bradford")}),
        ("we decided to relocate our studio from Porto to Braga", {("location", "Braga"), ("decision", "relocate our studio from Porto to Braga")}),
        # other people moving, a move that is not a place, a name that is not one, a role word used loosely
        # (a commitment is a decision, and what they launch an offer: but no place)
        ("I'll launch a course for people moving to Belgium in September.", {("decision", "launch a course for people moving to Belgium in September"), ("offer", "a course for people moving to Belgium in September")}),
        ("we moved the launch to May", set()),
        ("the name is because most of the scene is in the old town", set()),
        ("I'm the driver of this whole thing", set()),
        ("I run Instagram ads for my small business.", set()),
    ],
)
def test_introductions_and_moves(text: str, expected: set[tuple[str, str]]) -> None:
    assert facts(text) == expected


def test_a_move_of_the_business_is_a_change() -> None:
    (moved,) = [f for f in extract("we decided to relocate our studio from Porto to Braga") if f.category == "location"]
    assert moved.change  # it replaces the old location without asking


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a profile written as labelled fields, one per line, with a title before the name
        (
            "Some details first:\nName: Dr. Anika Rao\nRole: optometrist-owner\nCompany: Rao Eyecare (Pvt) Ltd\nType: community opticians\nLocation: Pune",
            {
                ("name", "Anika Rao"),
                ("role", "optometrist-owner"),
                ("company", "Rao Eyecare"),
                ("industry", "community opticians"),
                ("location", "Pune"),
            },
        ),
        ("I am Dr. Tomasz Nowak, a vet.", {("name", "Tomasz Nowak"), ("role", "vet")}),
        ("company is Brightwave Solar. im the owner", {("company", "Brightwave Solar"), ("role", "owner")}),
        ("I own and run Quinta da Serra, it's in the Douro.", {("company", "Quinta da Serra")}),
        ("I have bakery in Gdynia, name is Słodki Kąt.", {("industry", "bakery"), ("location", "Gdynia"), ("company", "Słodki Kąt")}),
        ("I've got a joinery firm up in Kendal", {("industry", "joinery firm"), ("location", "Kendal")}),
        ("owner + head chef, 4 staff", {("role", "owner + head chef")}),
        ("I've been a locksmith since 2009", {("role", "locksmith")}),
        # a field that is not the business, a problem that is not a kind of business
        ("business: slow this month tbh", set()),
        ("I have a problem with the business being so quiet", set()),
        ("I own the clinic outright now", set()),
    ],
)
def test_profiles_written_as_fields_and_terse_introductions(text: str, expected: set[tuple[str, str]]) -> None:
    assert introduced(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("gday, bruce here. cattle n sheep farm near Gundagai", {("name", "Bruce"), ("industry", "cattle n sheep farm"), ("location", "Gundagai")}),
        ("I am having a co-working space in Brno.", {("industry", "co-working space"), ("location", "Brno")}),
        ("owner + pitmaster, we run a smokehouse in Austin", {("role", "owner + pitmaster"), ("industry", "smokehouse"), ("location", "Austin")}),
        ("its a tattoo parlour in Leith, im the only artist", {("industry", "tattoo parlour"), ("location", "Leith")}),
    ],
)
def test_greetings_and_business_words_of_terse_introductions(text: str, expected: set[tuple[str, str]]) -> None:
    assert introduced(text) >= expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("biz is called Tidewater Tutoring. im the founder/head tutor", {("company", "Tidewater Tutoring"), ("role", "founder/head tutor")}),
        ("Is called Taller de Cerámica Lume, for the light.", {("company", "Taller de Cerámica Lume")}),
        ("Name of the shop is Bramble Books.", {("company", "Bramble Books")}),
        ("The practice trades as Kestrel Physio.", {("company", "Kestrel Physio")}),
        ("I have owned and operated a secondhand bookshop in Hay for years.", {("industry", "secondhand bookshop"), ("location", "Hay")}),
    ],
)
def test_more_ways_to_name_the_business(text: str, expected: set[tuple[str, str]]) -> None:
    assert introduced(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hey. mo here, i run copperline plumbing & heating in leeds", {("name", "Mo"), ("company", "copperline plumbing & heating")}),
        ("we own salt creek kayaks, small outfit", {("company", "salt creek kayaks")}),
        ("I run pottery classes in Frome", set()),  # what they do, not a name
        ("i run errands for the shop most mornings", set()),
        ("hi im ana. owner of Lumen Moto, scooter rental in ubud", {("name", "Ana"), ("company", "Lumen Moto"), ("role", "owner"), ("industry", "scooter rental"), ("location", "Ubud")}),
        ("I am working as head baker for Miller & Daughters.", {("role", "head baker")}),
        ("My name is Mag. Petra Huber; I am a tax adviser.", {("name", "Petra Huber"), ("role", "tax adviser")}),
    ],
)
def test_names_in_lower_case_and_more_introductions(text: str, expected: set[tuple[str, str]]) -> None:
    assert introduced(text) == expected


@pytest.mark.parametrize(
    ("category", "text", "values"),
    [
        # decisions stated as resolutions or as a commitment opening a sentence
        ("decision", "After a long talk with my partner, we have resolved to open on Sundays.", {"open on Sundays"}),
        ("decision", "I took decision: we will close the second shop in March.", {"close the second shop in March"}),
        ("decision", "Yeah, fair. I'll drop the hourly rate and quote per project instead.", {"drop the hourly rate and quote per project instead"}),
        ("decision", "I'll be honest, it's been a slow month. I'll send you the menu later.", set()),
        ("competitor", "my real competiton is Harbour Fish Bar, two streets over", {"Harbour Fish Bar"}),
        ("competitor", "Brightside Dental is still our main competitor, sadly.", {"Brightside Dental"}),
        ("audience", "property mgrs r my main target now, not homeowners", {"property mgrs"}),
        ("audience", "I think boutique hotels can be our new main market.", {"boutique hotels"}),
        ("audience", "the sweet spot is now small law firms with 5-20 staff", {"small law firms with 5-20 staff"}),
        ("audience", "Price is the main focus now.", set()),
        ("audience", "they are our main customers", set()),
        ("challenge", "hardest thing = i work outta my spare room", {"I work outta my spare room"}),
        ("challenge", "The perennial difficulty is that suppliers deliver late in December.", {"suppliers deliver late in December"}),
        ("challenge", "ya parking still kills me.", {"parking"}),
        ("challenge", "that kills me lol", set()),
        # a business that was opened or set up
        ("industry", "Three years ago I opened a little climbing gym in Tarbes.", {"climbing gym"}),
        ("industry", "we set up a small joinery workshop in 2019", {"joinery workshop"}),
        ("industry", "We opened a second location last spring.", set()),
        # a list written with bullets or numbers: each item is read like a sentence
        ("name", "The basics:\n- Name: Tomasz Wrona\n- Trade: plastering", {"Tomasz Wrona"}),
        ("industry", "The basics:\n- Name: Tomasz Wrona\n- Trade: plastering", {"plastering"}),
        ("price", "1. we charge £40 a session\n2. most clients are nurses", {"£40 a session"}),
        # a name given without its subject, and a rebrand that names the old name too
        ("company", "I have a small practice of physio, is called Raiz Fisio.", {"Raiz Fisio"}),
        ("company", "We decided to rebrand from Tidy Vans to Tidy Fleet.", {"Tidy Fleet"}),
        ("role", "I work like painter and decorator, interior and exterior.", {"painter and decorator"}),
        ("role", "I worked as a nurse before, now I run the bakery", set()),  # a past job
    ],
)
def test_one_kind_of_fact_in_more_wordings(category: str, text: str, values: set[str]) -> None:
    assert {v for c, v in facts(text) if c == category} == values


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # In a team, what the person does is their role, and none of it is something they sell.
        (
            "me and jonas own it, he is the mechanic, i do front desk and the rentals",
            {("role", "front desk and the rentals")},
        ),
        (
            "my husband is the electrician. i do quotes, sales, admin, chasing money lol",
            {("role", "quotes, sales, admin, chasing money")},
        ),
        (
            "And I do the marketing alone, my husband he does the boiling.",
            {("role", "marketing alone")},
        ),
        # A role named outright wins; the share of the work is neither a role nor an offer.
        (
            "I am the manager, I do the guests, the kitchen, the social media.",
            {("role", "manager")},
        ),
        # What a business does for its customers stays an offer.
        ("I do kitchens and bathrooms.", {("offer", "kitchens and bathrooms")}),
        ("I used to do the marketing for a big agency.", set()),
    ],
)
def test_a_share_of_the_work_is_a_role_not_an_offer(
    text: str, expected: set[tuple[str, str]]
) -> None:
    assert {f for f in facts(text) if f[0] in ("role", "offer")} == expected


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        # A reply that names the business is not the person's name; its trade stays an offer.
        (
            "Golden Crest Farms. We do layers for eggs, about 3,000 birds.",
            {("name", "Golden Crest Farms"), ("offer", "000 birds")},
            {("offer", "layers for eggs"), ("offer", "about 3,000 birds")},
        ),
        # A place and a name are not a kind of business.
        (
            "Hi! I'm Wanjiru. I have a small tailoring studio in Kilimani, Nairobi called Mshono Studio.",
            {("industry", "Nairobi called Mshono Studio")},
            {("industry", "tailoring studio")},
        ),
        (
            "Our caseload is mostly neck pain from desk work, knee rehabilitation after surgery.",
            {("industry", "knee rehabilitation after surgery")},
            set(),
        ),
    ],
)
def test_readings_that_are_not_what_they_seem_are_dropped(
    text: str, absent: set[tuple[str, str]], present: set[tuple[str, str]]
) -> None:
    found = facts(text)
    assert not absent & found and present <= found


def prices(text: str) -> set[str]:
    return {v for c, v in facts(text) if c == "price"}


@pytest.mark.parametrize(
    ("text", "price"),
    [
        # A thousands separator is part of the amount, whatever follows it.
        ("Coffee tables $1,100 to start.", "Coffee tables $1,100 to start"),
        ("3kw full system GH₵28,000 installed.", "3kw full system GH₵28,000 installed"),
        ("Dorm beds at $18.000 CLP a night.", "Dorm beds at $18.000 CLP a night"),
        ("I meant $2,100 not 2,200.", "I meant $2,100 not 2,200"),
        # Currencies written the way people in Peru, Indonesia, Malaysia, Bangladesh, Sri Lanka,
        # Czechia, Hungary, Vietnam and Kazakhstan write them.
        ("Private class is S/ 45 for one hour.", "private class at S/ 45 for one hour"),
        ("500g raw honey is Rp 120.000.", "Rp 120.000 for 500g raw honey"),
        ("Follow-ups go to RM 130 from next month.", "RM 130 for follow-ups"),
        ("Garam masala 250 gram is Tk 220.", "Tk 220 for garam masala 250 gram"),
        ("basic store setup Rs 180k", "Rs 180k for basic store setup"),
        ("IPA keg is 4 100 Kč.", "IPA keg is 4 100 Kč"),
        ("A standard consultation is 9 500 Ft.", "A standard consultation is 9 500 Ft"),
        ("Coffee is 45,000₫ a cup.", "coffee at 45,000₫ a cup"),
        ("Lessons are 5,000 tenge per hour.", "lessons at 5,000 tenge per hour"),
        # What is priced never ends in a dangling word ("… at at …", "… for an assessment at").
        ("Private classes at S/ 45 an hour.", "private classes at S/ 45 an hour"),
        ("Initial assessment at Tk 2,000.", "Tk 2,000 for initial assessment"),
        ("Boosters stay at £48.", "£48 for boosters stay"),
    ],
)
def test_a_price_is_read_whole(text: str, price: str) -> None:
    assert prices(text) == {price}


@pytest.mark.parametrize(
    "text",
    [
        "we set every post in concrete 3ft deep.",
        "We sell 40 something candles a week.",
        "IR35 status reviews are what contractors ask for.",  # not 35 rand
    ],
)
def test_words_that_look_like_currencies_are_not_prices(text: str) -> None:
    assert not prices(text)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("I am the asador, the one at the grill.", "asador"),
        ("I still am the president of the guild.", "president"),
        ("I remain the managing partner.", "managing partner"),
        ("Me: founder and head roaster", "founder and head roaster"),
        ("Role: Owner, I do estimates and sales", "Owner, I do estimates and sales"),
        ("me and two fitters. i do the repairs and the money", "repairs and the money"),
        ("I mostly run the business side now.", "business side"),
        ("I'm the owner, the boss, the everything.", "owner, boss"),  # one role, not three
    ],
)
def test_ways_of_naming_ones_own_role(text: str, role: str) -> None:
    assert [v for c, v in facts(text) if c == "role"] == [role]


def test_roles_named_apart_derive_no_trade() -> None:
    """ "baker, decorator, photographer" is three hats, not a "photography" business; "the only
    potter in town" is no "only pottery" business."""
    assert not {c for c, _ in facts("I'm the baker, decorator, photographer and driver.")} & {"industry"}
    assert not {c for c, _ in facts("I'm the only potter in town.")} & {"industry"}


@pytest.mark.parametrize(
    ("text", "competitor"),
    [
        ("Bad news: lost a client to Brightwell Tech who offered 15% less.", "Brightwell Tech"),
        ("We added invoicing so we stop losing clinics to Dentara.", "Dentara"),
    ],
)
def test_who_the_person_loses_work_to_is_a_competitor(text: str, competitor: str) -> None:
    assert ("competitor", competitor) in facts(text)


@pytest.mark.parametrize(
    ("text", "unwanted"),
    [
        ("My name is spelt Rangi, with an R.", ("name", "Spelt")),
        ("We went with Juniper Print, a former classmate of mine.", ("industry", "former classmate of mine")),
        ("Competition? Not Merkato, the tourists go there.", ("competitor", "Merkato")),
    ],
)
def test_words_around_a_value_are_not_the_value(text: str, unwanted: tuple[str, str]) -> None:
    assert unwanted not in facts(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hola! soy Marisol Vega, I make piñatas in Tucson.", {("name", "Marisol Vega")}),
        ("sou a Luíza (Luíza Prado) and i bake cheese breads", {("name", "Luíza Prado")}),
        ("hi, kofi here. i run Swift Lane, parcel delivery on motorbikes in Accra", {("company", "Swift Lane"), ("industry", "parcel delivery")}),
        ("I'm Orla and I run Tidewater Events, which is wedding and event planning out of Cork.", {("industry", "wedding and event planning")}),
        ("I have a little shop of teas and spices in Fez.", {("industry", "shop of teas and spices")}),
        ("- Name: Ana Lima\n- What: small-batch hot sauce\n- Where: Recife", {("industry", "small-batch hot sauce")}),
    ],
)
def test_more_introductions_name_the_business(text: str, expected: set[tuple[str, str]]) -> None:
    assert expected <= facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "I run Juniper, it has been a hard winter.",
        "I run Harbour Handy Co, basically me and my drill.",
        "We are a physiotherapy practice of four therapists.",
    ],
)
def test_what_follows_a_business_is_not_always_its_kind(text: str) -> None:
    kinds = {v for c, v in facts(text) if c == "industry"}
    assert not any(word in v for v in kinds for word in ("hard", "drill", "four"))


@pytest.mark.parametrize(
    ("value", "price"),
    [
        ("Per-seat, monthly, USD", False),  # a way of pricing, no amount
        ("the classic is the full grill with salads", False),
        ("the cheese boards are sixty five", True),
        ("sandwich same", True),
        ("£12 a jar", True),
    ],
)
def test_a_price_states_an_amount(value: str, price: bool) -> None:
    """The rules and the learned readers alike: a stored price names an amount."""
    assert plausible("price", value) is price


def test_a_list_marker_is_not_part_of_the_value() -> None:
    """ "c) workshop $120" and later "workshop at $140" price the same thing: one current price."""
    values = [v for c, v in facts("Prices:\nb) lei $45\nc) workshop $120 per person") if c == "price"]
    assert values and not any(v.startswith(("b)", "c)")) for v in values)


def test_a_list_marker_inside_a_line_is_not_part_of_the_value() -> None:
    """ "(c) workshop $120 per person", later "(1) workshop is now $140": both price the workshop."""
    before = facts("(a) $35 for a lei, (b) haku lei $65, (c) workshop $120 per person.")
    after = facts("Update: (1) workshop is now $140 per person. (2) Lei stay the same.")
    assert ("price", "workshop $120 per person") in before
    assert ("price", "workshop at $140 per person") in after


def test_numbered_items_on_one_line_are_apart() -> None:
    """ "(a) X (b) Y" and "1) X 2) Y" name two things, not one run-on value."""
    assert {("competitor", "Harbour Bakes"), ("competitor", "Quayside Loaves")} <= facts(
        "Our competitors are (a) Harbour Bakes (b) Quayside Loaves."
    )


def names(text: str) -> set[str]:
    return {v for c, v in facts(text) if c == "name"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("hello ok so I am Tamar and I restore old clocks in Haifa", "Tamar"),
        ("Good day. Let me introduce myself: Ingrid Solberg, a ceramicist in Bergen.", "Ingrid Solberg"),
        ("So I, Oluwaseun Adeyemi, am now the sole director.", "Oluwaseun Adeyemi"),
        ("hi this is Pedro Alves speaking, I fix boat engines", "Pedro Alves"),
        ("hey coach. iam Ravi Menon from Kochi, spice exports", "Ravi Menon"),
        ("morning. tomas here, i sharpen knives at the market", "Tomas"),
        ("Hi. Anke van Dijk here, from Leiden.", "Anke van Dijk"),
        ("Farhan bol raha hun, Karachi se", "Farhan"),
        ("Details - Name: Md. Rafiq Islam / Company: Islam Knitwear", "Rafiq Islam"),
    ],
)
def test_more_ways_of_giving_ones_name(text: str, name: str) -> None:
    assert names(text) == {name}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("My name is Margarethe Olsen but everyone calls me Grete.", "Margarethe Olsen (Grete)"),
        ("I'm Tomasina — Tommy to most people — and I run a bike shop.", "Tomasina (Tommy)"),
        ("Hey! I'm Kit (Katherine) and I groom dogs in Perth.", "Kit (Katherine)"),
        ("I'm Zoë Moreau but everybody calls me Zoë-Ann.", "Zoë Moreau (Zoë-Ann)"),
        ("Good morning sir. Myself Harish Chandra Rao, proprietor of Rao Textiles.", "Harish Chandra Rao"),
    ],
)
def test_the_name_a_person_goes_by_is_kept_beside_their_name(text: str, name: str) -> None:
    """Both are the person's: one fact "Full (Short)", not two names competing for one slot, and a
    form of address ("sir") is no one's name."""
    assert names(text) == {name}


@pytest.mark.parametrize(
    "text",
    ["so I'm Happy with it", "Everyone says Lisbon is cheaper", "same here, we charge $40", "back here. we moved"],
)
def test_words_that_are_not_names(text: str) -> None:
    assert not names(text)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("I've hired two editors so I'm more the art director now.", "art director"),
        ("Still a registered pharmacist, still the same shop.", "registered pharmacist"),
        ("Update: 1) new van 2) Now Managing Director, my uncle retired", "Managing Director"),
        ("I should say my title is now Director.", "Director"),
        ("Nadia takes Berlin. I stay in Lyon as CTO.", "CTO"),
        ("kemal here, 34, beekeeper on the hills above Bursa", "beekeeper"),
        ("hola, pablo, carpintero. I restore old doors", "carpintero"),
        ("my uncle opened the forge in 1990 and now I'm the smith and the owner", "smith and the owner"),
        ("me = founder + head brewer. my cousin does deliveries", "founder + head brewer"),
        ("owner + welder lol, my nephew helps on weekends", "owner + welder"),
        ("I'm more like the host and editor now", "host and editor"),
    ],
)
def test_more_ways_of_naming_ones_role(text: str, role: str) -> None:
    assert ("role", role) in facts(text)


def test_a_list_of_trades_is_not_a_role() -> None:
    assert not {f for f in facts("We sell to retail, tech, and healthcare.") if f[0] == "role"}


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("Name: Juma Said / Company: Said Boatworks / Position: Owner", "Said Boatworks"),
        ("i sell grilled corn from a cart. cart name is Juma's Corner", "Juma's Corner"),
        ("hi, i run a small design shop with my cousin. we're called Two Pines Studio (long story)", "Two Pines Studio"),
        ("hey. i'm a bookkeeper, run Ledgerly Books, out of Hobart.", "Ledgerly Books"),
        ("I run a removals firm out of Derby called Swift Shift Removals we do local moves", "Swift Shift Removals"),
        ("Ada's Alterations is the name, my son picked it.", "Ada's Alterations"),
        ("Owner: Leila Haddad\nClinic: Cedar Dental Care\nPlace: Beirut", "Cedar Dental Care"),
        ("we opened the website: we called it Olive Row, like the farm.", "Olive Row"),
    ],
)
def test_more_ways_of_naming_the_business(text: str, company: str) -> None:
    assert ("company", company) in facts(text)


@pytest.mark.parametrize("text", ["We are Kenyan, so we know the market.", "We are Closed on Mondays."])
def test_what_we_are_is_not_always_our_name(text: str) -> None:
    assert not {f for f in facts(text) if f[0] == "company"}


def test_a_field_naming_a_person_is_not_the_business() -> None:
    assert ("company", "Aziz Karimov") not in facts("Name of owner: Aziz Karimov\nName of workshop: Tikuv Uy")
    assert ("company", "Tikuv Uy") in facts("Name of owner: Aziz Karimov\nName of workshop: Tikuv Uy")


def test_bullets_on_one_line_are_separate_fields() -> None:
    assert ("role", "Founder and head chef") in facts("Quick intro: • Anjali Shah • Founder and head chef • Tiffin Tales")


@pytest.mark.parametrize(
    ("text", "industry"),
    [
        ("Hi, I'm Naledi, founder of Bright Path. I do leadership coaching for nurses.", "leadership coaching for nurses"),
        ("Hi, I'm Sione and I'm a slate roofer in Auckland.", "slate roofing"),
    ],
)
def test_the_trade_given_with_the_name(text: str, industry: str) -> None:
    assert ("industry", industry) in facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "The big garden centre charges £12 a tray, we're cheaper.",  # another seller
        "My neighbour sells honey at the market, £6 a jar.",
        "Golden Loaf down the road sells sourdough for $9, which is mad.",
        "Our rivals do a starter box at €25 but it's poor quality.",
        "One of the bigger studios in town advertises 'ten classes for £60'.",
        "A friend reckons I should do a monthly box, $40 a month.",  # suggested by someone else
        "A customer wrote that it was the best €80 she ever spent.",  # reported
        "I considered €150 but it felt like too much.",  # only considered
        "We will pay him $30 an hour to help over the summer.",  # what the business pays
        "Last year we were at $120,000.",  # what the business made
        "MRR is $9k now, churn about 2%.",
    ],
)
def test_an_amount_that_is_not_the_persons_price_is_not_stored(text: str) -> None:
    assert not [f for f in extract(text) if f.category == "price"]


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("My salon charges £30 for a cut.", "£30"),
        ("Our bakery sells sourdough at £5 a loaf.", "£5"),
        ("The candles cost £18 each.", "£18"),
        ("They cost 22 euros each, the blocks.", "22 euros"),  # what is sold, not who sells
        ("Clients pay €90 per session.", "€90"),
    ],
)
def test_the_persons_own_price_is_still_read(text: str, amount: str) -> None:
    assert [f.value for f in extract(text) if f.category == "price" and amount in f.value]


@pytest.mark.parametrize(
    "text",
    [
        "Hello. Quiet month, the rain never stops.",  # the topic, not a name
        "Hi! So, competition. There's a new studio in town.",
        "hello love. news: the market wants us back.",  # a greeting
        "Dear Coach, I write with an update.",
        "Respected Sir, we have moved the office.",
        "thx. gtg, the kids need me",
        "Hi there. Deb and I went through the numbers.",  # someone with the person
    ],
)
def test_the_words_opening_a_message_are_not_a_name_or_role(text: str) -> None:
    assert not [f for f in extract(text) if f.category in ("name", "role")]


def test_a_name_opening_a_message_is_still_a_name() -> None:
    assert ("name", "Carmen") in facts("Hello. Carmen here, quick update.")
    assert ("name", "Tomás") in facts("Dear coach, I'm Tomás, a wedding photographer.")


@pytest.mark.parametrize(
    "text",
    [
        "We do two things. First, we paint tiles by hand.",
        "Three main things: 1. Weekly tiffin boxes 2. Office lunch platters",
        "hey. duarte here. i make shopify themes, solo, lisbon",
        "Mole negro is the star, of course.",
        "i do wedding photography, based in lekki",
    ],
)
def test_counts_fillers_and_places_are_not_offers(text: str) -> None:
    offers = {v.lower() for c, v in facts(text) if c == "offer"}
    assert not offers & {"two things", "three main things", "solo", "lisbon", "of course", "based"}


def test_a_master_of_a_trade_names_the_trade_not_a_master_trade() -> None:
    assert not [v for c, v in facts("I'm a master carpenter in Guadalajara.") if c == "industry" and "master" in v]


@pytest.mark.parametrize(
    "text",
    [
        "Big news, I signed a retainer with a law firm in Old Montreal.",
        "We hired Ana, a designer from Porto, for the new labels.",
        "My friend Priya, who runs a practice in Leicester, raised her fees.",
        "We ship through a fulfilment partner in Rotterdam now.",
    ],
)
def test_where_another_party_is_is_not_the_business_location(text: str) -> None:
    assert not [f for f in extract(text) if f.category == "location"]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("I have a small bakery in Leeds.", "Leeds"),
        ("We are a design partner based in Pune.", "Pune"),
        ("We moved to a bigger unit in Kirkstall.", "Kirkstall"),
    ],
)
def test_the_business_location_is_still_read(text: str, place: str) -> None:
    assert ("location", place) in facts(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("My friend, who runs a yoga studio, charges a lot.", "industry"),
        ("BIG NEWS I rented a small studio near the metro!", "industry"),
        ("nope, all good. cheers coach", "role"),
        ("Hired a second baker for weekends, starts May.", "role"),
        ("i do the selling, wife and daughter cook.", "role"),
        ("Competition? Tourists, mostly, they buy at the airport.", "competitor"),
        ("Decided last week, the team is already on it.", "decision"),
        ("If she can promise that, maybe.", "decision"),
    ],
)
def test_what_someone_else_does_or_when_is_not_the_persons_fact(text: str, category: str) -> None:
    assert not [f for f in extract(text) if f.category == category]


def test_a_role_named_after_an_activity_is_a_role() -> None:
    assert ("role", "running coach") in facts("I'm a running coach in Leeds.")
    assert not [f for f in extract("I'm running late, sorry.") if f.category == "role"]


def test_family_doing_the_work_is_not_an_offer() -> None:
    assert ("offer", "wife and daughter cook") not in facts("i do the selling, wife and daughter cook.")
    assert ("offer", "daughter-and-mother matching dresses") in facts("We sell daughter-and-mother matching dresses.")



@pytest.mark.parametrize(
    ("text", "not_a_fact"),
    [
        ("Goals for 2027: 1. Open a second shop 2. Hire a baker", "goals for 2027"),
        ("I want to tell you: the benches are now from $400.", "tell you"),
        ("Maybe a loyalty card. I need to think about it.", "think about it"),
        ("Like I said before, we never use palm oil.", "i said before"),
        ("My cousin says I should open a second stall at the beach.", "my cousin says"),
    ],
)
def test_a_heading_or_talk_to_the_coach_is_not_a_fact(text: str, not_a_fact: str) -> None:
    assert not [v for _, v in facts(text) if v.lower().startswith(not_a_fact)]


def test_a_new_target_in_money_is_a_goal_not_an_audience() -> None:
    assert ("goal", "$40k MRR by end of 2027") in facts("New target: $40k MRR by end of 2027.")
    assert not [f for f in extract("New target: $40k MRR by end of 2027.") if f.category == "audience"]
    said = "Our customers are mostly owner-managed companies with a turnover under £1m."
    assert ("audience", "owner-managed companies with a turnover under £1m") in facts(said)



@pytest.mark.parametrize(
    "text",
    [
        "Fit-Pro has 45 zł for a drop-in, we're cheaper.",  # a named seller
        "BCG is like $900 a day, crazy money.",
        "My freind does pottery courses for €300.",  # however it is spelt
    ],
)
def test_a_named_seller_or_a_friend_prices_their_own_work(text: str) -> None:
    assert not [f for f in extract(text) if f.category == "price"]


@pytest.mark.parametrize(
    ("text", "amount"),
    [("PT sessions are £40 each.", "£40"), ("DIY kits are £12.", "£12"), ("IELTS prep is £200 for 8 weeks.", "£200")],
)
def test_a_product_named_in_capitals_keeps_its_price(text: str, amount: str) -> None:
    assert [f for f in extract(text) if f.category == "price" and amount in f.value]


def test_a_problem_that_is_gone_is_not_a_challenge() -> None:
    assert not plausible("challenge", "Rent is no longer a big concern")
    assert not plausible("challenge", "Parking not a problem anymore")
    assert plausible("challenge", "Rent is a big concern")


def test_a_reply_opening_with_yes_can_still_name_an_offer() -> None:
    assert plausible("offer", "Yes, a new seaweed soap")


def test_words_about_the_competition_are_not_competitors() -> None:
    assert not plausible("competitor", "big")
    assert not plausible("competitor", "R 900")
    assert plausible("competitor", "Big Stack Burgers")
