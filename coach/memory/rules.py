# ruff: noqa: E501  (regular expressions read better unwrapped)
"""The offline fact extractor: the common, explicit ways people state facts, as rules.

Precision first: a fact is stored only when a first-person statement says it outright ("my
name is…", "we're based in…", "a loaf is £4.50"). Before any rule runs, each sentence is cut
into clauses and the clauses that are questions ("…, is that too cheap?"), hypotheticals ("what
if I charged…", "should I move to…") or about other people ("my friend's bakery…") are set
aside, so everything stored is something the person actually said about themselves.

The rule table lives in `coach.memory.patterns`; lower-case place names are checked against
`coach.memory.places`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from coach.memory import patterns as p
from coach.memory.facts import ExtractedFact
from coach.memory.places import NOT_A_NAMED_PLACE, NOT_A_PLACE, is_place
from coach.memory.style import style_requests

_SENTENCES = re.compile(  # not after a title ("Dr. Yasmin Farouk")
    r"(?<![DM]r\.)(?<!Mrs\.)(?<!Ms\.)(?<!Prof\.)(?<!Mag\.)(?<!Md\.)(?<=[.!?])\s+|\n+|\s+(?:—|–|-)\s+(?=[A-Za-z])|(?<=[a-z]{2})\.(?=[A-Z][a-z])"
)
# A list item's letter or number, the one place list markers are removed: "(a) lei, (b) haku",
# "c) workshops" at a line's start or after a comma, "Update: (1) workshop is now $140".
_ENUMERATOR = re.compile(
    r"(?:^|(?<=[\s,:;]))(?:\((?:(?-i:[a-h])|\d{1,2})\)|\d{1,2}\))\s+|(?:^|(?<=[,:;]\s))(?-i:[a-h])\)\s+",
    re.MULTILINE,
)
_BULLET = re.compile(r"^(?:[-*•·]|\d{1,2}[.)])\s+")
_CLAUSES = re.compile(
    r"(,\s+|;\s+|\s+but\s+|\s+though\s+|\s+although\s+|\s+—\s+"
    r"|\s+and\s+(?=(?:(?:now|also|then)\s+)?(?:honestly|tbh|i|i'm|i've|we|we're)\b))",
    re.IGNORECASE,
)
_QUESTION_START = re.compile(
    r"^(?:what|what's|whats|how|why|which|who|whom|whose|where|when|is|are|am|was|were|do|does|did|"
    r"should|shall|can|could|would|will|won't|isn't|aren't|don't|doesn't|any|anything|thoughts|"
    r"right|or|wdyt|no|yes or no|too|worth)\b",
    re.IGNORECASE,
)
HYPOTHETICAL = re.compile(
    r"\b(?:what if|should i|should we|would it|could i|could we|if i|if we|thinking (?:about|of)|"
    r"considering|might|maybe|perhaps|wondering|imagine|suppose|i wish|hypothetically|someday|"
    r"not sure|unsure|toying with|debating|tempted|or should)\b",
    re.IGNORECASE,
)
_OTHERS = re.compile(
    r"\b(?:my|our) (?:friend|sister|brother|mom|mum|dad|mother|father|partner's|husband|wife|cousin|"
    r"colleague|neighbou?r|boss|client's|mate|pal|buddy|bestie|uncle|aunt|auntie|son|daughter|teacher|mentor|former|old|previous|ex|competitor|rival)(?:'s|s)?\b|"
    r"\b(?:he|she|they)\s+(?:runs?|owns?|charges?|sells?|is|are|has|have|do|does)\b|\b(?:he's|she's|they're|there is|there are|there's)\b",
    re.IGNORECASE,
)
COMPETITION = re.compile(
    r"\b(?:competitors?|competition|rivals?|compete|competing)\b", re.IGNORECASE
)
# Aims and plans: "I want to open a branch in Ikeja" is a goal, not where the business is.
_PLAN = re.compile(
    r"\b(?:want|wants|(?<!basic )(?<!pro )(?<!premium )(?<!starter )(?<!standard )(?<!monthly )(?<!annual )(?<!family )(?<!business )(?<!pricing )plans?(?!\s+(?:is|are|costs?)\b)|planning|hope|hoping|aim|aiming|going(?!\s+up\b)(?!\s+to\s+\S*\d)|gonna|would love|'d love|dream|"
    r"goal|target|ambition|intend|someday|one day|eventually|next year|by \d{4})\b",
    re.IGNORECASE,
)
_PAST = re.compile(r"\b(?:grew up|used to|previously|formerly|worked (?:at|for|in)|my old)\b", re.IGNORECASE)
_CLAUSE_START = re.compile(r"[,;.!?]\s+|\s+(?:and|but|so|while)\s+", re.IGNORECASE)
CHANGE = re.compile(
    r"\b(now|no longer|any ?more|moved|moving|relocated|relocating|relocate|update|changed|switched|renamed|rebranded|actually|"
    r"instead|raised|lowered|increased|decreased|dropped|updated|new (?:name|price|rate)|"
    r"these days|from now on|not .+ any longer|correction|pivot(?:ed|ing)|scrap|big shift|"
    r"put .+ up|bumped|upped)\b",
    re.IGNORECASE,
)
_EMOJI = re.compile("[\U0001f000-\U0001faff\u2600-\u27bf\ufe0f\u200d\u2b50\u2b06\u2764]+")
_SHORTHAND: list[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]] = [
    (re.compile(r"[’‘]"), "'"),
    (re.compile(r"[“”]"), '"'),
    (re.compile(r"\b[iI]m\b"), "I'm"),
    (re.compile(r"\bive\b"), "I've"),
    (re.compile(r"\b[iI]am\b"), "I am"),
    (re.compile(r"\bfrm\b"), "from"),
    (re.compile(r"\bi(?=\s)"), "I"),
    (
        re.compile(r"\b(dont|cant|doesnt|didnt|isnt|arent|wont|wouldnt|couldnt)\b"),
        lambda m: m.group(1)[:-1] + "'" + m.group(1)[-1],
    ),
    (re.compile(r"\bthats\b"), "that's"),
    (
        re.compile(r"\b(go|do|chang|mak|sell|tak|gett|runn|work|charg|book|plann|launch|start|mov|stay|say)in\b"),
        r"\1ing",
    ),
    (re.compile(r"\bits (called|named)\b"), r"it's \1"),
    (re.compile(r"\br\b"), "are"),
    (re.compile(r"\bw/o\b"), "without"),
    (re.compile(r"\s@\s"), " at "),
    (re.compile(r"\b(?:pls|plz)\b"), "please"),
    (re.compile(r"\bu\b"), "you"),
]
_GREETING_LEAD = re.compile(
    r"^\s*(?:"
    + p.GREETING
    + r"(?:\s+(?:coach|sir|madam|there|again|team|all|everyone|friend|mate|y'all))*[\s,!.:;~-]*)+",
    re.IGNORECASE,
)
_TAIL = re.compile(
    r"\s*(?:\b(?:now|these days|at the moment|currently|right now|for now|anymore|though|too|"
    r"as well|lol|haha|recently|yesterday|today|ago|a while|btw|tbh|honestly|obviously|i think|"
    r"i guess|really|already|also|always|for sure|same as always|as always|like always|like before|as before|as usual|here|there|mainly|mostly|"
    r"(?:(?:also |starting |from |as of )?(?:last|this|next|earlier this) (?:week|month|year|spring|summer|autumn|fall|winter)))\b|[\"'“”)(])+\s*$",
    re.IGNORECASE,
)
_LEAD = re.compile(
    r"^\s*(?:[\"'“(](?![^\"'”)]{1,40}[\"'”)]\s+\w)|\bcalled\b|\bnamed\b|\bbasically\b|\bprobably\b|\ball the\b)\s*", re.IGNORECASE
)
# Words that open a message without being anyone's name: its topic ("Quiet month, the rain…",
# "So, competition.", "Goal change."), or how the person greets ("hello love.", "Dear Coach",
# "Buenas tardes").
_TOPIC_WORDS = frozenset(
    [
        *("month", "week", "weekend", "day", "year", "morning", "afternoon", "evening", "night"),
        *("news", "update", "updates", "change", "changes", "competition", "competitors"),
        *("question", "questions", "problem", "problems", "issue", "goal", "goals", "money"),
        *("pricing", "prices", "price", "payment", "location", "stores"),
        *("love", "dear", "respected", "coach", "tardes", "noches", "dias", "días"),
        *("gtg", "brb", "ttyl", "bye", "later"),
    ]
)
_NOT_A_NAME = frozenset(
    [
        "dr",  # titles: the name follows
        "mr",
        "mrs",
        "ms",
        "prof",
        "mag",
        "sir",  # forms of address: "Good morning sir. Myself Rajesh…"
        "madam",
        "maam",
        "ma'am",
        "a",
        "an",
        "the",
        "so",
        "not",
        "just",
        "really",
        "very",
        "here",
        "back",
        "trying",
        "looking",
        "hoping",
        "happy",
        "glad",
        "sure",
        "ok",
        "okay",
        "fine",
        "good",
        "great",
        "new",
        "still",
        "also",
        "currently",
        "now",
        "going",
        "thinking",
        "working",
        "starting",
        "struggling",
        "in",
        "on",
        "at",
        "from",
        "with",
        "about",
        "afraid",
        "sorry",
        "ready",
        "done",
        "stuck",
        "curious",
        "interested",
        "excited",
        "worried",
        "confused",
        "wondering",
        "building",
        "launching",
        "running",
        "selling",
        "planning",
        "again",
        "all",
        "everyone",
        "team",
        "there",
        "thanks",
        "thank",
        "quick",
        "me",
        "yes",
        "no",
        "yep",
        "nope",
        "well",
        "um",
        "hmm",
        "ah",
        "oh",
        "lol",
        "update",
        "coach",
        "friend",
        "mate",
        "guys",
        "folks",
        "you",
        "tired",
        "busy",
        "home",
        "late",
        "early",
        "free",
        "lost",
        "broke",
        "sick",
        "ill",
        "around",
        "online",
        "away",
        "out",
        "off",
        "bored",
        "nervous",
        "anxious",
        "keen",
        "open",
        "alone",
        "yesterday",
        "today",
        "tonight",
        "honestly",
        "actually",
        "basically",
        "anyway",
        "right",
        "sorry",
        "perfect",
        "cool",
        "awesome",
        "nice",
        "true",
        "agreed",
        "exactly",
        "absolutely",
        "definitely",
        "totally",
        "lovely",
        "brilliant",
        "wow",
        "ugh",
        "alright",
        "fair",
        "noted",
        "understood",
        "finally",
        "first",
        "second",
        "next",
        "then",
        "later",
        "recently",
        "lately",
        "sadly",
        "luckily",
        "fortunately",
        "unfortunately",
        "meanwhile",
        "besides",
        "however",
        "otherwise",
        "plus",
        "btw",
        "ps",
        "fyi",
        "morning",
        "evening",
        "afternoon",
        "hello",
        "hi",
        "hey",
        "welcome",
        "great",
        "amazing",
        "question",
        "sooo",
        "so",
        "ready",
        "big",
        "small",
        "much",
        "lot",
    ]
)
_GENERIC_QUALIFIERS = frozenset(
    [
        "freelance",
        "licensed",
        "solo",
        "independent",
        "chartered",
        "certified",
        "senior",
        "junior",
        "self-employed",
        "full-time",
        "part-time",
        "professional",
        "qualified",
        "registered",
        "small",
        "new",
        "young",
        "local",
        "full",
        "trained",
        "experienced",
        "head",
        "lead",
        "chief",
        "master",
        "apprentice",
        "trainee",
        "main",
        "the",
        "a",
        "an",
        "and",
        "of",
    ]
)
_DERIVED_INDUSTRY = {
    "photographer": "photography",
    "designer": "design",
    "therapist": "therapy",
    "coach": "coaching",
    "trainer": "training",
    "consultant": "consulting",
    "developer": "development",
    "accountant": "accounting",
    "baker": "baking",
    "brewer": "brewing",
    "groomer": "grooming",
    "stylist": "styling",
    "copywriter": "copywriting",
    "illustrator": "illustration",
    "nutritionist": "nutrition",
    "architect": "architecture",
    "lawyer": "law",
    "attorney": "law",
    "solicitor": "law",
    "writer": "writing",
    "tutor": "tutoring",
    "teacher": "teaching",
    "producer": "production",
    "strategist": "strategy",
    "ceramicist": "ceramics",
    "potter": "pottery",
    "jeweller": "jewellery",
    "jeweler": "jewelry",
    "videographer": "videography",
    "planner": "planning",
    "instructor": "instruction",
    "roaster": "roasting",
    "physiotherapist": "physiotherapy",
    "physio": "physiotherapy",
    "plumber": "plumbing",
    "electrician": "electrical",
    "roofer": "roofing",
    "beekeeper": "beekeeping",
    "carpenter": "carpentry",
    "winemaker": "winemaking",
    "florist": "floristry",
    "translator": "translation",
    "bookkeeper": "bookkeeping",
    "landscaper": "landscaping",
    "caterer": "catering",
    "psychologist": "psychology",
    "osteopath": "osteopathy",
    "acupuncturist": "acupuncture",
    "hairdresser": "hairdressing",
    "tailor": "tailoring",
    "cheesemaker": "cheesemaking",
    "distiller": "distilling",
    "recruiter": "recruitment",
    "midwife": "midwifery",
    "doula": "doula care",
    "dietitian": "nutrition",
    "tattooist": "tattooing",
    "upholsterer": "upholstery",
    "farrier": "farriery",
    "locksmith": "locksmithing",
}
_GENERIC_BUSINESS = frozenset(
    [
        "business",
        "company",
        "shop",
        "store",
        "practice",
        "brand",
        "startup",
        "firm",
        "thing",
        "one",
        "venture",
        "service",
        "platform",
        "agency",
        "studio",
        "side",
        "hustle",
        "side-hustle",
        "question",
        "idea",
        "project",
        "lot",
        "bit",
        "few",
    ]
)
_NOT_AN_INDUSTRY = re.compile(
    r"^(?:(?:[\w-]+\s+){0,2})(?:mum|mom|dad|mother|father|wife|husband|parent|friend|fan|"
    r"member|person|guy|girl|woman|man|bit|lot|couple|few|question|while|week|month|year|day|"
    r"classmate|colleague|cousin|sister|brother|son|daughter|uncle|aunt|auntie|neighbou?r|mentor|"
    r"teacher|student|client|customer|partner|boss|mate|pal|buddy|lady|gentleman|chap|bloke)s?\b"
    r"|^(?:who|i|every|in|near|like|to)\b",  # "who runs a yoga studio", "I rented a kitchen"
    re.IGNORECASE,
)
# What says nothing about the person in the kinds stated in their own words: a heading ("Goals
# for 2026: 1", "The biggest problem"), talk to the coach ("I want to tell you…", "I need to
# think about it", "Not joking", "Hold me to it"), or someone else's advice ("My nephew says I
# should buy trucks").
_STATED_IN_WORDS = frozenset({"goal", "decision", "challenge", "preference", "value", "audience", "offer"})
_NOT_STATED = re.compile(
    r"^(?:my |our |the )?(?:personal |main |biggest |hardest |big )?(?:goals?|problems?|challenges?|"
    r"issues?|things?|one)(?: (?:for )?\d{4})?(?: is)?\W*\d*$|"
    r"^(?:tell you|let me|show (?:you|the photo)|i should mention|think (?:about it|it over)|"
    r"not joking|no joke|nah\b|i hate it|i love it|i said it|hold me to it|number \w+$|too much$|"
    r"khalas$|you're good$|don't get me started$|(?:as |like )?i (?:said|told you)(?: before)?$|"
    r"this will not change$|hmm+$|whatever$|(?:yes|yeah|yep)(?: please| pls)?$|please$|"
    r"from the deck$|values?\W*\d*$|actually yes$|same (?:people|ladies|ones|as before)$|i keep it$|"
    r"all sorts$|different$)|"
    r"\b(?:says|said|suggests?|suggested|reckons)\b[^.]*\b(?:i|we) should\b",
    re.IGNORECASE,
)
_NO_LONGER_A_PROBLEM = re.compile(
    r"\b(?:no longer|not)\s+(?:a\s+|an\s+)?(?:\w+\s+)?(?:problem|concern|issue|worry)\b|"
    r"\bnot a problem\b",
    re.IGNORECASE,
)
# Not a competitor: the customers ("Tourists, many…"), family, or a word about them ("Cheap,
# fast", "not the cooperative").
_NOT_A_COMPETITOR = re.compile(
    r"^(?:new\s+)?(?:tourists|parents|mums|moms|buyers|customers|clients|people|kids|students|locals|"
    r"grandmother|grandfather|mother|father|wife|husband|cheap|big|small|huge|tough|fierce|strong|"
    r"crazy|hard|high|low|everywhere)$|^(?:not|n't|very|same|di|dem)\b|^\W*" + p.MONEY
    + r"|^(?!.*[^\W\d_]{3})(?=.*\d)",  # "R 900": an amount, no name
    re.IGNORECASE,
)
# Not what was decided: when or with whom ("decided last week", "yesterday with Femke"), a
# condition ("If she can promise that"), or the word itself ("new rule").
_NOT_A_DECISION = re.compile(
    r"^(?:last|yesterday|today|tonight|this (?:morning|week|together)|with|about|if|it\b|new rule)",
    re.IGNORECASE,
)
# The family members who share the work: what they do is not the person's role or offer.
_FAMILY = r"(?:wife|husband|son|daughter|mum|mom|dad|brother|sister)"
# A role word the person is not: one hired, compared, listed, or someone else's.
_NOT_ONES_ROLE = re.compile(
    r"^(?:hire[sd]?|hiring|instead|even|(?:and|or) an?|odd|by|as|" + _FAMILY + r")\b",
    re.IGNORECASE,
)
_ROLE_WORD = re.compile(p.ROLE_WORDS, re.IGNORECASE)  # "running coach", not "running late"
# A greeting to the coach is not a role ("thx coach", "Vinaka vakalevu coach").
_ADDRESSED = re.compile(r"^" + p.GREETING + r"(?:\s+\w+)?\s+coach(?:ing)?$", re.IGNORECASE)
_SIZE = re.compile(
    r"^(?:(?:small|tiny|little|new|young|growing|local|family-run|family|independent|one-person|two-person|solo|boutique|start-up)\s+)+",
    re.IGNORECASE,
)
SPLIT_LIST = re.compile(r",\s*(?:and\s+|or\s+|&\s+)?|\s+and\s+|\s+or\s+|\s+&\s+|\s*/\s*")
_SPLIT_OFFER = re.compile(  # not "3,000": a thousands separator
    r",(?!\d{3}\b)\s*(?:and\s+|plus\s+)?|\s+(?:and|plus)\s+(?=(?:a|an|also|our|my|some|the)\b)",
    re.IGNORECASE,
)
_PLACE_TAIL = re.compile(
    r"\s+(?:in|around|across|out of|from)\s+(?P<place>" + p.ANY_PLACE + r")\s*$", re.IGNORECASE
)
_BIG_NUMBER = re.compile(
    r"^\s*(?:crore|lakh|million|billion|mn|bn|m\b|revenue|turnover|in (?:revenue|sales)|a year in)",
    re.IGNORECASE,
)
_HAS_UNIT = re.compile(r"(?:\bper\b|/|\beach\b|\bapiece\b|\s(?:a|an|for|on)\s)", re.IGNORECASE)
_PRONOUN_ITEM = re.compile(
    r"^(?:it|that|this|which|what|they|we|i|mine|ours|price|prices|rate|rates|fee|fees|pricing|cost|total)$",
    re.IGNORECASE,
)
FIRST_PERSON = re.compile(r"\b(?:i|i'm|i've|we|we're|we've|my|our|me|us)\b", re.IGNORECASE)
_PREPOSITION_END = re.compile(
    r"\b(?:for|to|with|of|at|in|on|about|by|from|the|a|an|and|or|my|our)$", re.IGNORECASE
)
_STOP_VALUES = frozenset(
    [
        "already",
        "it",
        "that",
        "this",
        "those",
        "these",
        "most",
        "more",
        "all",
        "everything",
        "nothing",
        "something",
        "yes",
        "no",
        "so",
        "there",
        "here",
        "them",
    ]
)
_LIST_CATEGORIES = frozenset({"competitor", "value"})


@dataclass
class _Statement:
    """One sentence's kept clauses (dropped clauses replaced by '.'), and whether it signals a change."""

    text: str
    change: bool
    competition: bool
    first_person: bool
    introduced: bool = False  # the message introduces the person ("Dale here. …, based in Geelong")


_NAME_RULES = [rule for rule in p.RULES if rule.category == "name"]


def _item_break(text: str, at: int) -> str:
    """What replaces a list marker: nothing after punctuation or "and" ("…, (b) haku"), else a
    break between two items ("1) woven labels 2) hang tags")."""
    before = text[:at]
    joined = re.search(r"\b(?:and|or|then|plus)[ \t]$", before, re.IGNORECASE)
    return "\x00" if re.search(r"\w[ \t]$", before) and not joined else ""


def normalise(text: str) -> str:
    """Shorthand spelled out ("im" → "I'm"), emoji as clause ends, spaces tidied."""
    text = _EMOJI.sub(", ", text)  # an emoji mid-sentence ends a clause ("i'm sofia 💍 maker")
    # "Update: (1) workshop is now $140, (2) …"; "1) woven labels 2) hang tags": two items
    text = re.sub(r"[ \t]*\x00", "; ", _ENUMERATOR.sub(lambda m: _item_break(text, m.start()), text))
    # fields or bullets run together on one line: "Company: Hossain Trims / Position: Director",
    # "• Priya Mistry • Founder and head chef • Masala Tiffin Co."
    text = re.sub(r"[ \t]+[•·][ \t]+", "\n", text)
    text = re.sub(r"[ \t]+[/|][ \t]+(?=(?-i:[A-Z])[\w-]*(?:[ \t][\w()-]+){0,3}[ \t]*:[ \t])", "\n", text)
    text = re.sub(r"\s+,(?=\s|$)", ",", text)
    text = re.sub(r"([.!?]),", r"\1", text)
    for pattern, replacement in _SHORTHAND:
        text = pattern.sub(replacement, text)
    return re.sub(r"[ \t]+", " ", text).strip()


def sentences(text: str) -> Iterator[str]:
    """The sentences of a normalised message; a list item loses its bullet ("- Name: Harjit")."""
    for sentence in _SENTENCES.split(text):
        sentence = _BULLET.sub("", sentence.strip())
        if sentence:
            yield sentence


_DANGLING = re.compile(
    r"(?:\s+(?:like|as|than|that|which|where|whereas|because|since|when|and|but|so|while|who|"
    r"the|a|an|if|cause|cos|coz|then|even though|same as|unlike))+\s*$",
    re.IGNORECASE,
)


def trim_dangling(text: str) -> str:
    """`text` without the joining words or prepositions it ends on ("…every Saturday and" →
    "…every Saturday")."""
    text = _DANGLING.sub("", text).strip()
    return _PREPOSITION_END.sub("", text).strip()


def keep_statements(sentence: str) -> str:
    """The sentence with question, hypothetical and other-people clauses replaced by '.'."""
    parts = _CLAUSES.split(sentence)
    clauses, separators = parts[0::2], parts[1::2]
    question = sentence.rstrip().endswith("?")
    starts = [bool(_QUESTION_START.match(c.strip())) for c in clauses]
    kept: list[str] = []
    dropping = False
    for i, clause in enumerate(clauses):
        is_question = question and (starts[i] or (i == len(clauses) - 1 and not any(starts)))
        if starts[i] and question:
            dropping = True  # "…, is that too cheap or should I…?" — the rest is the question
        others = _OTHERS.search(clause)
        if is_question or dropping or HYPOTHETICAL.search(clause):
            kept.append("\x00")
        elif others:
            # "competitor is X near the station they do the same classes": keep what comes
            # before the other people, when it is a statement of its own
            before = _DANGLING.sub("", clause[: others.start()]).strip()
            kept.append(f"{before}\x00" if len(before.split()) >= 3 else "\x00")
        else:
            kept.append(clause.rstrip("?"))
        if i < len(separators):
            kept.append(separators[i] if kept[-1] != "\x00" else " ")
    return re.sub(r"(?:\s*\x00\s*)+", ". ", "".join(kept)).strip(" .,;")


def stated(category: str, value: str, source: str, quote: str | None = None) -> ExtractedFact:
    """A fact read from `source` (the sentence or clause stating it); change language there
    ("now", "moved", "raised"…) marks it as replacing what was true before."""
    return ExtractedFact(
        category=category,  # type: ignore[arg-type]
        value=value,
        change=bool(CHANGE.search(source)),
        quote=(source if quote is None else quote)[:500],
    )


def clean_value(value: str) -> str:
    """A captured value without leading "called"/quotes or trailing "now", "lol", "tbh"…"""
    value = _LEAD.sub("", value.strip())
    previous = None
    while previous != value:
        previous = value
        value = _TAIL.sub("", value).strip(" ,.:;-–—!")
        value = _LEAD.sub("", value)
    return value


def find_place(value: str, known_only: bool) -> str | None:
    """The place named at the start of `value`, or None. Lower-case names must be known places."""
    value = re.sub(r"^the\s+", "", value.strip(), flags=re.IGNORECASE)
    capitalised = re.match(p.PLACE, value)
    if capitalised and not known_only:
        place = capitalised.group(0)
        first = place.split(",")[0].split()[0].lower()
        if first in NOT_A_NAMED_PLACE or place.lower() in NOT_A_PLACE:
            return None
        return place
    words = re.findall(r"[\w'.-]+", value.split(",")[0])
    for n in range(min(3, len(words)), 0, -1):
        candidate = " ".join(words[:n])
        if candidate.lower() not in NOT_A_PLACE and is_place(candidate):
            return candidate if candidate[0].isupper() else candidate.title()
    return None


_BUSINESS_NOUN = re.compile(p.BUSINESS_NOUNS + r"s?", re.IGNORECASE)
# Not a kind of business: "Nairobi called Mshono Studio" (a place and a name), "knee
# rehabilitation after surgery" (a treatment; a surgery is also a doctor's practice).
_NOT_A_KIND = re.compile(r"\b(?:called|named|after|before|during)\b", re.IGNORECASE)


# What every price states: an amount, in figures or words, or that it did not change.
_AN_AMOUNT = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|"
    r"forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|grand|million|half|free|nothing|"
    r"same|unchanged|as before|as (?:it is|they are)|remains?|stays?)\b",
    re.IGNORECASE,
)


def plausible(category: str, value: str) -> bool:
    """Whether a value could be a fact of this category (a name is 1-3 words, a goal is not a
    dangling "to the…")."""
    words = value.split()
    if not words or len(value) > 160 or len(words) > 20 or value.lower() in _STOP_VALUES:
        return False
    first = words[0].lower().strip(",")
    if category in _PROPER_NAMES and len(words) == 1 and _not_a_proper_name(value):
        return False
    if category == "price" and not _AN_AMOUNT.search(value):
        return False  # "Per-seat, monthly, USD" names no amount
    if category == "name":
        if value.isupper() and len(value) > 3:
            return False  # "I'm DROWNING"
        if len(words) > 1 and _BUSINESS_NOUN.fullmatch(words[-1]):
            return False  # "Golden Crest Farms." names the business, not the person
        return (
            len(words) <= 3
            and first not in _NOT_A_NAME
            and not any(w.lower() in _TOPIC_WORDS for w in words)
            and value[0].isalpha()
        )
    if category == "company":
        return (
            len(words) <= 6
            and not re.search(r"\b(?:means|is|are|was|were)\b", value, re.IGNORECASE)
            and first not in {"a", "an", "my", "our", "it", "the", "this", "that"}
            and value.lower() not in NOT_A_PLACE
        )
    if category in ("role", "industry") and _ADDRESSED.match(value):
        return False
    if category == "industry":
        return (
            1 <= len(words) <= 6
            and not _NOT_A_KIND.search(value)
            and value.lower() not in _GENERIC_BUSINESS
            and not _NOT_AN_INDUSTRY.match(value)
        )
    if category == "role":
        if re.match(r"^(?:which|what|whose|more the|only the|the only)\b", value, re.IGNORECASE):
            return False  # "which farmer", "more the head roaster"
        if _NOT_ONES_ROLE.match(value):
            return False  # "Hired a fourth vet", "even a pharmacist", "wife and daughter cook"
        if re.search(r"\b(?:is|are|was|were)\b", value, re.IGNORECASE):
            return False  # "Inês is the painter": someone else's role
        if first.endswith("ing") and len(words) > 1 and words[1].lower() in {"a", "an", "the", "my", "our", "some"}:
            return False  # "I'm adding a nurse-friendly set" (a "wedding photographer" is a role)
        return (
            first not in _NOT_A_NAME
            or first in {"head", "creative", "managing"}
            or (len(words) == 2 and first.endswith("ing") and bool(_ROLE_WORD.fullmatch(words[1])))
        ) and (
            not FIRST_PERSON.search(value) or bool(_ROLE_AND_SHARE.match(value))
        )
    if category == "competitor":
        return not (
            re.match(r"^(?:them|they|him|her|everyone|everybody|people|others)\b", value, re.IGNORECASE)
            or _NOT_A_COMPETITOR.match(value)
            or (len(words) == 1 and is_place(value))  # "the big Oahu shops"
        )
    if category == "decision" and (
        re.match(r"^(?:an?|the)\s+\w+$", value, re.IGNORECASE) or _NOT_A_DECISION.match(value)
    ):
        return False
    if category == "challenge" and _NO_LONGER_A_PROBLEM.search(value):
        return False  # "Diesel is no longer a major concern"
    if category == "challenge" and len(words) == 1:
        return len(value) >= 4 and first not in _NOT_A_NAME
    if category == "offer" and _NOT_AN_OFFER_VALUE.match(value):
        return False  # "Three main things", "of course", "80k"
    if category == "offer" and len(words) == 1 and is_place(value):
        return False  # "we make juices, Dakar"
    if category in _STATED_IN_WORDS and _NOT_STATED.search(value):
        return False
    if category == "audience" and (re.match(r"\W*" + p.MONEY, value, re.IGNORECASE) or first == "to"):
        return False  # "New target: $40k MRR by end of 2026" is a goal
    if category in ("goal", "decision", "challenge", "preference", "audience", "offer"):
        return (
            len(value) >= 3
            and not _PREPOSITION_END.search(value)
            and (
                len(words) >= 2
                or value[0].isupper()
                or category == "offer"
                or (category == "audience" and bool(p.PEOPLE.fullmatch(value)))
            )
        )
    return len(value) >= 2


# What no one sells: a count of things ("Three main things", "2 packages"), a bare number or
# amount, or a filler word.
_NOT_AN_OFFER_VALUE = re.compile(
    r"^(?:(?:mostly|just|only)\s+)?(?:\d+|one|two|three|four|five|six|seven|a few|few|several|some|"
    r"(?:a )?couple of)\s+(?:main\s+|different\s+)?(?:things?|packages?|options?|services?|products?)$|"
    r"^(?:regarding|because)\b|\bthe following\W*$|"
    r"^(?:my\s+)?" + _FAMILY + r"(?![\w-])|"
    r"^[\W\d]*(?:k|m|mil|million|grand)?[\W\d]*$|"
    r"^(?:of course|based|sure|age|the money|money|solo|everything|stuff|myself|(?:a )?(?:new )?products?)$",
    re.IGNORECASE,
)
# Categories whose values are proper names, and the single words that never are one: a number
# ("we are 4"), or an English function word or contraction starting a sentence ("Among them…",
# "Been sniffing round the competition", "We've got an orchard").
# A role and the person's share of the work ("Role: Owner, I do estimates and sales").
_ROLE_AND_SHARE = re.compile(
    p.ROLE_WORDS + "(?:" + p.ROLE_JOIN + p.ROLE_WORDS + r")?,?\s+(?:and\s+)?i\s+"
    r"(?:also\s+|still\s+|mostly\s+)?(?:do|make|handle|run|cook|bake|design|teach|shoot|write|sell|"
    r"manage|answer)\b",
    re.IGNORECASE,
)
_PROPER_NAMES = frozenset({"name", "company", "competitor", "location"})
_FUNCTION_WORDS = (ENGLISH_STOP_WORDS - {"bill", "co", "de", "con", "mill"}) | {  # names, or in them
    "having", "being", "doing", "probably", "honestly", "basically", "actually", "locally",
    "biggest", "bigger",
}


def _not_a_proper_name(word: str) -> bool:
    word = word.strip(" .,;:!?'\"").lower()
    return (
        not any(c.isalpha() for c in word)
        or word in _FUNCTION_WORDS
        or word.replace("’", "'") in {"we've", "i've", "we're", "i'm", "it's", "they're"}
    )


_ITEM_TAIL = re.compile(r"(?:\s+(?:at|for|from|around|about|is|are|was|costs?|of))+$", re.IGNORECASE)


def _price(match: re.Match[str], statement: str) -> str | None:
    """The price in a match, with what is priced when the amount has no unit ("£4.50 for a loaf")."""
    money = clean_value(match.group("v"))
    if "unit" in match.groupdict() and not _HAS_UNIT.search(money):
        return None  # a bare amount is a price only with its unit ("$115/hr", "£36 an hour")
    if _BIG_NUMBER.match(statement[match.end("v") :]):
        return None
    item = match.groupdict().get("item")
    if item is None:
        return money
    item = re.sub(
        r"^(?:(?:oh|and|so|but|now|also|well|ok|okay|yes|yeah)\s+)+",
        "",
        clean_value(item),
        flags=re.IGNORECASE,
    )
    words = item.split()
    if (
        not words
        or p.NOT_PRICED.search(item)
        or (FIRST_PERSON.match(words[0]) and len(words) == 1)
    ):
        return None
    if _PRONOUN_ITEM.match(words[-1]):
        return money
    item = re.sub(r"^(?:my|our)\s+", "", item, flags=re.IGNORECASE)
    item = _ITEM_TAIL.sub("", item) or item  # "private classes at" → "private classes"
    item = (
        item[0].lower() + item[1:] if item[0].isupper() and not item.split()[0].isupper() else item
    )
    if re.match(r"(?:book|reserve|join|enter|hire|start|secure|hold)\b", item, re.IGNORECASE):
        return f"{money} to {item}"  # "£20 to book anything"
    return f"{item} at {money}" if _HAS_UNIT.search(money) else f"{money} for {item}"


_OFFER_VERB = re.compile(
    r"^(?:sell|offer|make|bake|supply|provide|do|run|create)\s+", re.IGNORECASE
)
_NOT_AN_OFFER = re.compile(
    r"^(?:them|it|those|these|that|this|for|to|with|in|at|on|by|online|offline|abroad|locally|through|via|"
    r"directly|direct|wholesale|retail|everywhere|worldwide|internationally|only|here|there|mostly|"
    r"our (?:instagram|website|site|shop|store|web)|own (?:web|website|site|shop))\b",
    re.IGNORECASE,
)


def split_offers(value: str) -> list[str]:
    """The offers in a listed value, without places, prices and selling verbs."""
    value = re.sub(r"\s*\([^)]*\)?", "", value)
    value = re.sub(
        r"\s+(?:out of|from|in|at)\s+(?:a|an|my|our|the)\s+.*$", "", value, flags=re.IGNORECASE
    )
    tail = _PLACE_TAIL.search(value)
    if tail and find_place(tail.group("place"), known_only=not tail.group("place")[0].isupper()):
        value = value[: tail.start()]
    value = re.sub(r"(?:\s+(?:for|at|from|@))?[\s,]*" + p.MONEY + r"(?:[,;]\s.*)?\s*$", "", value, flags=re.IGNORECASE)  # "… report $170", "…, at £1,200, as a first step"
    value = re.sub(r"(?<!\w)['\"]([^'\"]{2,40})['\"](?!\w)", r"\1", value)  # 'Kev Lite' for…
    parts = [clean_value(v).strip("'\"") for v in _SPLIT_OFFER.split(value)]
    out = []
    for part in parts:
        tail = _PLACE_TAIL.search(part)
        if tail and find_place(tail.group("place"), known_only=not tail.group("place")[0].isupper()):
            part = part[: tail.start()].strip()
        part = re.sub(r"^(?:also|mostly|mainly|just)\s+", "", part, flags=re.IGNORECASE)
        part = re.sub(_OFFER_VERB, "", part)
        if (
            part
            and not _NOT_AN_OFFER.match(part)
            and not re.match(r"(?:me|us|i|we|you|they|it)\b", part, re.IGNORECASE)
            and not re.fullmatch(p.MONEY, part, re.IGNORECASE)
        ):
            out.append(part)
    return out


_ROLE_PAIR = re.compile(r"\b(?:and|n)\b|[&+/]", re.IGNORECASE)


def _derived_industry(role: str) -> str | None:
    """ "wedding photographer" → "wedding photography" (a qualified role names the trade)."""
    words = role.lower().split()
    if len(words) < 2 or words[-1] not in _DERIVED_INDUSTRY or _ROLE_PAIR.search(role) or "," in role:
        return None  # "founder/head tutor" is two roles, not a tutoring business
    qualifiers = [w for w in words[:-1] if w not in _GENERIC_QUALIFIERS]
    if not qualifiers or any(w in _FUNCTION_WORDS for w in qualifiers):  # "the only potter"
        return None
    return " ".join([*qualifiers, _DERIVED_INDUSTRY[words[-1]]])


def _introduction(message: str, greeted: bool) -> str | None:
    """A name given at the start of a message: "Hi, Sven. Creative director at…", "Tom Hughes. I'm…"."""
    proper = re.match(
        r"^(?P<v>(?-i:[A-ZÀ-Ý])[^\W\d_]+(?:-(?-i:[A-Z])[^\W\d_]+)?(?:\s+(?-i:[A-ZÀ-Ý])[^\W\d_]+(?:-(?-i:[A-Z])[^\W\d_]+)?){0,2})"
        r"(?:\s+here)?[.,]\s+(?=(?:i|i'm|i am|we|we're|my|our)\b|(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,3}?"
        + p.ROLE_WORDS
        + r"\b)",
        message,
        re.IGNORECASE,
    )
    if proper:
        name = proper.group("v")
        if (greeted or len(name.split()) > 1) and name.split()[0].lower() not in _NOT_A_NAME:
            return name
    here = re.match(  # "helo, nikos here, i have a boatyard": one lower-case word, then "here"
        r"^(?:[^.!?,]{1,25}[.,!]\s+)?(?P<v>[a-z][a-z-]{1,14})\s+here[,.!]", message, re.IGNORECASE
    )
    if here and not _not_a_name_word(here.group("v").lower()):
        return here.group("v").title()
    if not greeted:
        return None
    lower = re.match(
        r"^(?:(?:ok|okay|so|well|right|um|hmm)\W+)*(?:(?:i'm|i am)\s+)?(?P<v>[a-z][a-z'-]{1,14}(?:\s(?!(?:and|here|from|the|a|an|so|just|really|new|back)\b)[a-z][a-z'-]{1,12}(?=[.,!]))?)(?:\s+here)?(?:[.,!]\s+|\s+here\b|\s+and\s+(?!(?:i|me|my)\b))",
        message,
        re.IGNORECASE,
    )
    if lower and not any(_not_a_name_word(word) for word in lower.group("v").lower().split()):
        return lower.group("v").title()
    return None


def _not_a_name_word(word: str) -> bool:
    """A lower-case word that is no one's name ("back", "trying", "glad", "born")."""
    return (
        bool(re.search(r"(?:ing|ed|ly|ful|ous)$", word))
        or word in _NOT_A_NAME
        or word in _TOPIC_WORDS
        or word in _FUNCTION_WORDS
    )


def extract(text: str) -> list[ExtractedFact]:
    """Every explicit fact in `text`, in the order stated (no duplicates)."""
    message = normalise(text)
    greeting = _GREETING_LEAD.match(message)
    greeted = bool(
        greeting
        and greeting.group(0).strip()
        and not re.search(r"thank|cheers", greeting.group(0), re.IGNORECASE)
    )
    message = message[greeting.end() :] if greeting else message

    found: list[ExtractedFact] = []
    seen: set[tuple[str, str]] = set()

    def add(
        category: str,
        value: str,
        quote: str,
        *,
        change: bool = False,
        retire: bool = False,
        guess: bool = False,
    ) -> None:
        key = (category, value.lower())
        if key in seen or not plausible(category, value):
            return
        seen.add(key)
        fact = ExtractedFact(
            category=category,  # type: ignore[arg-type]
            value=value,
            change=change,
            retire=retire,
            quote=quote[:500],
        )
        found.append(fact.as_guess() if guess else fact)

    name = _introduction(message, greeted)
    if name:
        add("name", name, message)

    previous = ""
    for sentence in sentences(message):
        for rule in p.RULES:
            if rule.scope == "request":
                for match in rule.pattern.finditer(sentence):
                    add(
                        rule.category,
                        clean_value(match.group("v")),
                        sentence,
                        change=bool(CHANGE.search(sentence)),
                    )
        held = [f.value.lower() for f in found if f.category == "preference"]
        for request in style_requests(sentence, message):
            if not any(request.lower() in h or h in request.lower() for h in held):
                add("preference", request, sentence)
        statement = _Statement(
            keep_statements(sentence),
            bool(CHANGE.search(sentence)),
            bool(COMPETITION.search(sentence) or p.COMPETITOR_CUE.search(sentence)),
            bool(FIRST_PERSON.search(sentence)),
            introduced=any(f.category == "name" for f in found)
            or any(r.category == "name" and r.pattern.search(sentence) for r in _NAME_RULES),
        )
        if statement.text:
            _from_statement(statement, sentence, previous, add)
        previous = statement.text
    places = [f.value for f in found if f.category == "location"]
    found[:] = [  # "Valparaíso" and "Valparaíso, Chile" from one message: one place
        f
        for f in found
        if f.category != "location" or not any(o != f.value and o.startswith(f.value) for o in places)
    ]
    if any(f.category == "name" for f in found):
        _introduced_trade(found, set(_opening(list(sentences(message)), found)))
    _one_name(found, message)
    _one_role(found)
    roles = [f.value for f in found if f.category == "role"]
    if roles and not any(f.category == "industry" for f in found):
        industry = _derived_industry(roles[0])
        if industry:
            add("industry", industry, text, guess=True)  # implied, not stated
    return found


def _one_role(found: list[ExtractedFact]) -> None:
    """A share of the work ("i do front desk and the rentals") is the role only when the message
    names no role outright ("I am the manager, I do the guests, the kitchen…"), and only once.
    Roles named apart in one message are one role ("I'm the owner, the boss" → "owner, boss")."""
    roles = [f for f in found if f.category == "role"]
    shares = [f for f in roles if _is_share(f)]
    if shares:
        keep = shares[:1] if len(shares) == len(roles) else []
        found[:] = [f for f in found if f not in shares or f in keep]
    roles = [f for f in found if f.category == "role"]
    if len(roles) > 1:
        parts: list[str] = []
        for role in roles:
            part = re.sub(r"^(?:and|&)\s+(?:the\s+)?", "", role.value, flags=re.IGNORECASE)
            if not any(part.lower() in have.lower() for have in parts):
                parts.append(part)
        joined = roles[0].model_copy(update={"value": ", ".join(parts)})
        found[:] = [joined if f is roles[0] else f for f in found if f not in roles[1:]]


def _whole_words(value: str, text: str) -> re.Match[str] | None:
    """`value` as whole words in `text` ("Bev" is not the start of "Beverly")."""
    return re.search(r"(?<!\w)" + re.escape(value) + r"(?!\w)", text)


def _one_name(found: list[ExtractedFact], message: str) -> None:
    """One name from a message that gives two: a name inside a fuller one is dropped ("Tom" beside
    "Tom Hughes"), and a second name is what the person goes by, kept beside the first
    ("Marites but everyone calls me Tess" → "Marites (Tess)"), since both are theirs."""
    names = [f for f in found if f.category == "name"]
    kept = [
        f
        for f in names
        if not any(
            o is not f and set(f.value.lower().split()) < set(o.value.lower().split()) for o in names
        )
    ]
    if len(kept) < 2:
        found[:] = [f for f in found if f.category != "name" or f in kept]
        return
    first, second = sorted(kept, key=lambda f: m.start() if (m := _whole_words(f.value, message)) else len(message))[:2]
    both = first.model_copy(
        update={"value": f"{first.value} ({second.value})", "change": first.change or second.change}
    )
    found[:] = [both if f is first else f for f in found if f.category != "name" or f is first]


def _is_share(fact: ExtractedFact) -> bool:
    """Whether a role was read from "I do …" (its value follows a share verb in its quote)."""
    quote, value = fact.quote.lower(), fact.value.lower()
    return any(quote.startswith(value, m.end()) for m in _SHARE.finditer(quote))


def _from_statement(
    statement: _Statement, sentence: str, previous: str, add: Callable[..., None]
) -> None:
    text = statement.text
    for match in p.RETIRE.finditer(text):
        for value in split_offers(match.group("v")):
            add("offer", value, sentence, retire=True)
    taken: list[tuple[int, int, str]] = []
    for rule in p.RULES:
        if rule.scope != "sentence":
            continue
        category = rule.category
        if statement.competition and category in (
            "company",
            "location",
            "price",
            "offer",
            "industry",
            "served",
        ):
            continue
        if category in ("location", "industry") and not (
            statement.first_person or statement.change or statement.introduced
        ):
            continue
        for match in rule.pattern.finditer(text):
            if category == "decided":
                if previous and len(previous.split()) <= 12:
                    add("decision", clean_value(previous), sentence, change=statement.change)
                continue
            if category == "renamed":
                if re.search(r"\b(?:name|renam\w*|rebrand\w*)\b", f"{previous} {text}", re.I):
                    add("company", clean_value(match.group("v")), sentence, change=True)
                continue
            if category == "those":
                if previous and len(previous.split()) <= 10:
                    for value in SPLIT_LIST.split(clean_value(previous)):
                        add("value", clean_value(value), sentence, change=statement.change)
                continue
            start, end = match.span("v")
            if category in ("company", "location", "price", "industry", "role", "share"):
                clause = _CLAUSE_START.split(text[:start])[-1]
                if category != "industry":  # "event planning" is a trade, not a plan
                    clause += text[start:end]
                if _PLAN.search(clause) or _PAST.search(clause):
                    continue  # "I want to open a branch in Ikeja", "I grew up on a farm in Cork"
                if category == "price" and someone_elses_amount(
                    _said_before(sentence, text, start),
                    clause,
                    _CLAUSE_START.split(text[end:])[0],
                ):
                    continue
                if category == "location" and _someone_elses_place(
                    _said_before(sentence, text, start)
                ):
                    continue  # "a retainer with a law firm in Old Montreal"
            if any(min(end, e) - max(start, s) > 0.5 * (end - start) for s, e, _ in taken):
                continue
            values = [(c, v) for c, v in _values(category, match, text) if plausible(c, v)]
            if not values:
                continue  # an implausible reading leaves the words to the next rule
            taken.append((start, end, category))
            for cat, value in values:
                add(cat, value, sentence, change=statement.change)
    if statement.competition and not any(c == "competitor" for _, _, c in taken):
        for name in named_competitors(text):
            add("competitor", name, sentence)
    if not statement.competition:
        for value in _unread_prices(text, [(s, e) for s, e, c in taken if c == "price"], sentence):
            add("price", value, sentence, change=statement.change)


_AMOUNT = re.compile(p.AMOUNT, re.IGNORECASE)
_PRICE_LEAD = re.compile(  # "plus I'm adding a set for $32" → "a set for $32"
    r"^(?:(?:plus|also|and|so|now|oh|ok|okay)\s+)*(?:i|we)(?:'m|'re|\s+am|\s+are)?\s+(?:now\s+|also\s+)?"
    r"(?:adding|launching|selling|offering|doing|running|charging|do|sell|offer|run|charge|added|launched)\s+",
    re.IGNORECASE,
)
_NOT_OURS = re.compile(  # an amount someone else charges, earns, or the person only thinks of
    r"\b(?:they|their|them|he|his|she|her|guy|guys|lads|mate|friend|heard|think|maybe|worth|"
    r"penny|did|doing|made|making|earn\w*|mrr|arr|done with|charging|compare\w*)\b",
    re.IGNORECASE,
)
# Whose amount it is. Someone else's: a seller other than the person ("the chain charges ₹900",
# "my cousin sells bags, ₦9,500 each", "one Instagram blogger now sells…"), found in the words
# since the person last spoke of themselves; an amount reported or suggested by someone ("friend
# says I should sell videos, ¥3,000 a month", "one review: 'best R450 I've spent'"); or one only
# considered ("I considered €280 but…").
_SOMEONE_ELSE = re.compile(
    r"\b(?:they(?!\s+(?:cost|are|come|go|retail|run|want|need|order|buy|book|pay|love|like)\b)|they're|their|them|he|he's|his|him|she|"
    r"she's|her|hers|friends?|freinds?|mate|buddy|cousin|aunty|auntie|aunt|uncle|nephew|niece|neighbou?r|"
    r"comadre|colleague|family|competitors?|rivals?|chains?|someone|somebody|another|others|"
    r"everyone|everybody|supermarkets?|dealers?|government|bloggers?|influencers?|freelancers?|"
    r"adjusters?|agencies|(?:a|one|some|the|this)\s+(?:guy|lady|woman|man|bloke|sponsor|"
    r"operator|vendor|company|firm)|one of (?:the|those)|"
    r"every (?:other|aunty|auntie|shop|store|one)|(?<!my )(?<!our )other \w+s|"
    r"(?<!my )(?<!our )(?:shops?|stores?|bakeries|caf[eé]s?|clinics?|salons?|studios?|gyms?|"
    r"hotels?|spas?|brands?|companies|apps?)\s+(?:\w+\s+)?(?:in|at|on|near|of|like|around|down)|"
    r"considered|instead of)\b",
    re.IGNORECASE,
)
# A seller named in the third person ("the kostis family asks 11 euro", "finch charges US$70"),
# unless it is the person's own ("my salon charges £30").
_SELLS = re.compile(
    r"\b(?<!standard )(?:charges|sells(?!\s+for)|asks|advertises|shows|accepts|publishes|quotes)"
    r"(?=\s+[^\s:])|^\W*(?-i:[A-Z][\w'-]*[A-Z][\w'-]*)\s+(?:has|does|is like)\b",
    re.IGNORECASE,
)
_REPORTED = re.compile(
    r"\b(?:says?|said|suggest(?:s|ed)?|reckons?|insists?|told|wrote|emailed|messaged|commented|"
    r"(?:a|one) review|reviews? (?:on|said|says)|left (?:a|this) review|advertis\w+|quoted|offered me|asked (?:if|whether|me))\b|[\"“]",
    re.IGNORECASE,
)
# Amounts that are not a price: what the business makes or pays ("last year we were at
# $540,000", "we will pay him S/ 800").
_NOT_A_PRICE = re.compile(
    r"\b(?:(?:we|i)\s+(?:were|was)\s+at|last (?:yr|year|month)|(?:pay|paid|paying)\s+"
    r"(?:him|her|them)|(?:we|i)(?:'ll| will| have to| had to| now)?\s+(?:pay|paid)|had to pay)\b",
    re.IGNORECASE,
)
_BY_WHEN = re.compile(  # a target: "£3k a month by summer"
    r"\bby (?:summer|spring|autumn|fall|winter|christmas|the end|end of|next|20\d\d)\b", re.IGNORECASE
)
_OURSELVES = re.compile(r"\b(?:i|i'm|i've|i'll|we|we're|we've|we'll|my|our|us|me)\b", re.IGNORECASE)


# Where someone else is: a place after another party ("signed a retainer with a law firm in
# Old Montreal", "hired a nurse from Guadalajara", "my friend, who runs a practice in
# Nottingham"), not after the person's own business ("I have a bakery in Leeds").
_PLACE_PREPOSITION = re.compile(
    r"\s*\b(?:in|from|at|near|out of|outside|based in|located in)\s*$", re.IGNORECASE
)
_SOMEONE_ELSES_PLACE = re.compile(
    r"(?:\b(?:with|for|from|through|via|by|hire|hired|hiring|buy|buying|bought)\s+"
    r"(?:a|an|another|one|some)\s+(?:[\w-]+\s+){0,3}[\w-]+"
    r"|\b(?:who|that)\s+(?:runs|owns|has|does|works)\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}[\w-]+"
    r"|\b(?:friend|colleague|partner|mate|cousin|freelancer|nurse|designer|guy|lady|woman|man|"
    r"buyer|client|customer|someone|somebody|another|competitor|rival)s?"
    r"|^\W*(?:a|an|one)\s+(?:[\w-]+\s+){0,3}[\w-]+)$",
    re.IGNORECASE,
)

_WE_ARE_A = re.compile(r"\b(?:i am|i'm|we are|we're)\s+(?:a|an)\s+(?:[\w-]+\s+){0,4}[\w-]+$", re.IGNORECASE)


def _someone_elses_place(before: str) -> bool:
    """Whether the place after `before` is where another party is, not the person's business
    ("we are a consulting partner based in Pune" is theirs)."""
    party = _PLACE_PREPOSITION.sub("", before)
    return bool(_SOMEONE_ELSES_PLACE.search(party)) and not _WE_ARE_A.search(party)


def someone_elses_amount(before: str, clause: str, after: str = "") -> bool:
    """Whether the amount after `before` (its sentence up to it) is not the person's own price:
    someone else's, reported by someone else, only considered, or not a price at all ("£3k a
    month by summer" is a goal). `clause` is the clause holding it, `after` the rest of it."""
    lead = _CLAUSE_START.split(before)[-1]
    since = [m.start() for m in _OURSELVES.finditer(before)]
    window = before[since[-1] :] if since else before
    return any(
        _SOMEONE_ELSE.search(part)
        or (_SELLS.search(part) and not re.match(r"\W*(?:my|our)\b", part, re.IGNORECASE))
        for part in (window, lead, clause)
    ) or bool(
        _REPORTED.search(before)
        or _NOT_A_PRICE.search(f"{window} {clause}")
        or _BY_WHEN.search(f"{clause}{after}")
    )


_PRICE_PIECE = re.compile(r"\s*(?:[;(]|,(?!\d{3}(?!\d))|\s[–—-]\s|\.\s|\b(?:and|then|but|while|whereas)\s)\s*", re.IGNORECASE)


def _said_before(sentence: str, text: str, at: int) -> str:
    """What the sentence says before position `at` of `text`, the statements kept from it
    (keeping statements drops "My neighbour sells honey at the market," before "£6 a jar")."""
    found = sentence.rfind(text[at:])
    return sentence[:found] if found >= 0 else text[:at]


def _unread_prices(text: str, read: list[tuple[int, int]], sentence: str = "") -> list[str]:
    """Amounts of money no price rule read, each with the words around it ("callout £65 first
    hr", "7 nights + 5 lessons, 490€"): a person naming an amount for their own work states a
    price, however they word it. Amounts of revenue, rent, goals and the like are not prices."""
    values = []
    pieces = [(m.start(), m.end()) for m in _PRICE_PIECE.finditer(text)]
    for match in _AMOUNT.finditer(text):
        if any(s <= match.start() < e for s, e in read) or _BIG_NUMBER.match(text[match.end() :]):
            continue
        start = max([e for s, e in pieces if e <= match.start()], default=0)
        end = min([s for s, e in pieces if s >= match.end()], default=len(text))
        if not re.search(r"[^\W\d]{3}", text[start : match.start()] + text[match.end() : end]):
            start = max([e for s, e in pieces if e <= max(0, start - 1)], default=0)  # "…, 490€"
        value = _PRICE_LEAD.sub("", clean_value(text[start:end]))
        if (
            someone_elses_amount(
                _said_before(sentence or text, text, match.start()),
                text[start : match.end()],
                text[match.end() : end],
            )
            or p.NOT_PRICED.search(value)
            or _NOT_OURS.search(value)
            or re.search(r"\b(?:not|than|instead of|was|were|from)\s+$", text[: match.start()], re.IGNORECASE)
            or _PLAN.search(value)
            or len(value.split()) > 12
            or not re.search(r"[^\W\d]{3}", _AMOUNT.sub("", value))
        ):
            continue
        values.append(value)
    return values


def named_competitors(text: str) -> list[str]:
    """The proper names in a sentence about competition ("X is the other e-bike crowd in town")."""
    names = []
    for match in re.finditer(r"(?<![\w'])" + p.PROPER, text):
        name = match.group(0).strip(" .'")
        words = name.split()
        if words and words[0].lower() in {"not", "no", "never"}:
            continue  # "Not Merkato, the tourists go there"
        while words and (
            words[0].lower() in p.NOT_A_COMPETITOR or words[0].lower() in _FUNCTION_WORDS
        ):
            words.pop(0)
        name = " ".join(words)
        if (
            not name
            or (len(words) == 1 and re.search(r"(?:ly|ing)$", name))  # "Specially", "Copying"
            or re.match(p.AMOUNT, name, re.IGNORECASE)  # "CHF 0.22"
            or name.lower() in p.NOT_A_COMPETITOR
            or name.lower() in _NOT_A_NAME
            or (name.isupper() and len(name) <= 4)
            or name[0].isdigit()
            or is_place(name)
        ):
            continue
        names.append(name)
    return names


def _opening(said: list[str], found: list[ExtractedFact]) -> list[str]:
    """The sentences of a self-introduction: the one giving the name and the next ("Hi, I'm
    Naledi, founder of Rise & Root. I do business coaching for women…")."""
    names = [f.value for f in found if f.category == "name"]
    at = next((i for i, s in enumerate(said) if any(_whole_words(n, s) for n in names)), 0)
    return said[at : at + 2]


def _introduced_trade(found: list[ExtractedFact], opening: set[str]) -> None:
    """In a self-introduction, what the person says they do in the same breath is their trade
    ("name's Rangi, I run guided e-bike tours round the lakes"): that offer becomes the industry.
    `opening` holds the sentences that count as the introduction."""
    if any(f.category == "industry" for f in found):
        return
    for i, fact in enumerate(found):
        if (
            fact.category == "offer"
            and fact.quote in opening
            and not fact.retire
            and plausible("industry", fact.value)
        ):
            found[i] = fact.model_copy(update={"category": "industry"})
            return


_OTHERS_SHARE = re.compile(r",\s+(?:my|our|his|her|he|she|they)\b", re.IGNORECASE)
_SHARE = re.compile(p.SHARE_VERB, re.IGNORECASE)


def _values(category: str, match: re.Match[str], text: str) -> list[tuple[str, str]]:
    raw = clean_value(match.group("v"))
    if category == "served":
        category = "audience" if p.PEOPLE.search(raw) else "offer"
    if category == "people":
        if not p.PEOPLE.search(raw):
            return []
        category = "audience"
    if (
        category == "audience"
        and not p.PEOPLE.search(raw)
        and match.re.pattern.startswith("^(?:so")
    ):
        return []
    if category == "audience" and raw[:1].isdigit():
        category = "goal"  # "target is 20 new clients by June"
    if category == "price":
        price = _price(match, text)
        return [("price", price)] if price else []
    if category == "location":
        place = find_place(raw, known_only="known" in match.groupdict())
        if place and re.search(r"\b" + p.ROLE_WORDS + r"$|\b(?:officer|lead|chair)$", place, re.IGNORECASE):
            return []  # "I have moved to Chief Product Officer"
        return [("location", place)] if place else []
    if category == "offer":
        return [("offer", v) for v in split_offers(raw)]
    if category == "share":  # "the marketing alone, my husband he does the boiling"
        return [("role", _OTHERS_SHARE.split(raw, maxsplit=1)[0].strip(" ,"))]
    if category == "goal":  # "to grow to ten employees, and to increase the share of…"
        return [("goal", clean_value(v)) for v in re.split(r",?\s+and\s+to\s+", raw) if clean_value(v)]
    if category == "challenge":  # "that we are seen as expensive, and that founders never find us"
        return [("challenge", clean_value(v)) for v in re.split(r",?\s+and\s+that\s+", raw) if clean_value(v)]
    if category == "decision":  # "decided to add prenatal pilates": a decision, and an offer
        launched = re.match(
            r"^(?:(?:i'm|we're|i am|we are)\s+)?(?:to\s+)?(?:also\s+)?(?:doing|adding|launching|introducing|add|launch|introduce|start offering|offer)\s+(?P<v>.+)$",
            raw,
            re.IGNORECASE,
        )
        offers = split_offers(launched.group("v")) if launched else []
        return [("decision", raw)] + [("offer", v) for v in offers if plausible("offer", v)]
    if category in _LIST_CATEGORIES:
        return [(category, clean_value(v)) for v in SPLIT_LIST.split(raw) if clean_value(v)]
    if category == "industry":
        raw = _SIZE.sub("", raw)
        return [("industry", raw)] if raw else []
    if category == "name" and raw.islower():
        raw = raw.capitalize()
    return [(category, raw)]
