# ruff: noqa: E501  (regular expressions read better unwrapped)
"""Facts whose kind is named apart from them: answers to the coach's question ("Who books you
most?" → "homeowners round cardiff mostly") and labelled values ("main goal: catering gigs").

Much of what people tell a coach has no verb of its own: it is a reply to the question the
coach has just asked. `coach.memory.rules` reads statements that say what they are ("our
customers are…"); this module reads a short reply in the light of the coach's last question:

1. the question sentences at the end of the coach's message are matched against `ASKED`, a
   table of the ways a coach asks for each kind of fact (in the order asked);
2. each asked kind is given one sentence of the reply: kinds with something to look for
   (money for a price, a name for a competitor or business, a place, people for an audience)
   take the first sentence that has it; the others take the next sentence in order;
3. only where the rules found nothing of that kind in the reply;
4. an ideal customer is every group the reply names, as one value ("runners, desk workers w
   back pain"); values, challenges, offers and preferences take each further short point of the
   reply ("solid wood. no mdf. 10 yr warranty").

A label works the same way within a message: "Problem: quoting." or "value wise - we turn up
when we say" (a sentence that is only a label gives its kind to the next sentence).

Precision stays first: a reply that starts by dodging ("not sure", "it depends", "good
question") answers nothing, questions, hypotheticals and other people's facts are set aside as
for the rules, and a long sentence gives only its first clause.
"""

from __future__ import annotations

import re

from coach.memory import patterns as p
from coach.memory import rules
from coach.memory.facts import PER_ITEM, ExtractedFact, same_value, single_valued

# How a coach asks for each kind of fact. Order matters only within one question sentence.
ASKED: list[tuple[str, re.Pattern[str]]] = [
    (category, re.compile(pattern, re.IGNORECASE))
    for category, pattern in [
        ("name", r"\b(?:what(?:'s| is) your name|what should i call you|who am i (?:talking|speaking) to)\b"),
        ("company", r"\b(?:(?:business|brand|shop|studio|company|practice|agency|firm|salon|bakery|caf[eé]|label|store|app|podcast|truck|clinic) (?:called|named)|name of (?:your|the) (?:\w+ )?(?:business|brand|shop|studio|company|practice|agency|firm)|what(?:'s| is) (?:your|the) (?:\w+ )?(?:business|brand|company|trading) name|what do you call (?:it|the business|your business)|(?:have|got) a name(?! for)|what(?:'s| is) it called|what(?:'s| is| was) (?:the|your|it all) (?:\w+ ){0,2}called|(?:business|brand|company|shop|trading) name|(?:keep|change) the (?:same )?name|will the name|same name)\b"),
        ("location", r"\b(?:where (?:are|is|do) (?:you|your|the) ?(?:\w+ )?(?:based|located|work|operate|run|trade|find|live)?|where(?:'s| is) (?:the|your) (?:\w+ )?(?:shop|studio|office|practice|business|salon|clinic|base|truck)|which (?:city|town|area|country|part of)|what area|whereabouts)\b"),
        ("role", r"\b(?:what(?:'s| is) your (?:role|title|job)|what do you do (?:there|in the business)|your role)\b"),
        ("industry", r"\b(?:what (?:kind|sort|type) of (?:business|company|work do you do|app|shop|studio|farm|practice|clinic|firm|agency)|what(?:'s| is) (?:your|the) business(?= ?\?)|what (?:line of work|industry|field|sector|trade)|what does the business do|what do you do for (?:a living|work))\b"),
        ("audience", r"\b(?:who(?:'s| is| are) (?:\w+ ){0,3}?(?:buying|booking|coming|turning up|showing up|sitting|ordering|using|paying|signing up|walking in|enrolling|hiring you)|best[- ]fit|(?:kinds?|types?|sorts?) of (?:customers?|clients?|buyers?|guests?|students?|patients?|members?)|who do you (?:most |really )?want to (?:build for|work with|serve|sell to|reach|help)|who (?:actually |usually )?(?:picks|chooses|decides)|who you (?:sell to|serve|work with|target|help|book|attract)|who (?:buys|books|comes|shops|orders|hires|pays|uses|reads|listens|calls|rings|contacts|messages|emails|enquires|visits|is it for|do you (?:serve|sell to|work with|help|want|target|make it for|cater)|are you (?:aiming|selling|targeting|trying|building|for|after|serving|going)|typically|usually|mostly|tends|would|is buying|signs up|turns up|shows up|walks in)|who (?:are|is) (?:your|the) (?:best |main |typical |usual |ideal |favourite |favorite |core |biggest |dream |perfect |regular |key |top )?(?:(?:kind|type|sort) of )?(?:customers?|clients?|buyers?|guests?|students?|people|patients?|members?|readers?|audience|market|crowd)|ideal (?:customer|client|buyer|student|reader|guest|member|audience|job|project|booking|patient|couple)|target (?:audience|market|customer|client)|(?:customers?|clients?|buyers?|audience|students|guests|patients|members) (?:are|look like|is)|who(?:'s| is) (?:it|this) for|who is (?:drinking|eating|buying|using|reading|listening|watching|booking|coming|wearing|shopping|ordering)|(?:does|has|will) (?:the|your) (?:audience|customer|client|market)|(?:audience|customers?|clients?) (?:shift|change)|who(?:'s| is) the (?:\w+ )?(?:customer|client|buyer|audience)|who (?:\w+ )?(?:eats|drinks|uses|enrols|enrolls|is using|are they likely)|(?:who|whom) (?:would )?you (?:can |could |want to |would )?(?:reach|approach)|(?:want|trying|hoping) to reach|anyone new|whom? should (?:the|your) [\w ]{0,20}speak|which (?:customers|clients|people|buyers|students|guests|patients|groups?|segments?) (?:do you|are you|does the)|(?:bring|brings|bringing|attract|attracts|attracting) (?:in )?(?:different|new|more|other) (?:clients|customers|people|buyers|students|guests|patients|crowds?))\b"),
        ("price", r"\b(?:what do you charge|how much (?:do|does|is|are|will|for)|(?:how|what) (?:are|is|do) (?:you|it|they|that|your \w+) (?:priced|cost|charge)|pric(?:e|es|ed|ing)|(?:your|the) (?:rates?|fees?)|what(?:'s| is| are) (?:the|your) (?:rate|fee|cost)s?|what does (?:it|one|a|an|the) [\w ]{0,30}cost)\b"),
        ("offer", r"\b(?:what do you (?:sell|offer|make|do for (?:them|people|clients|customers)|bake|provide|teach|build|do most|mostly do)|what (?:work|jobs|services|products|things|kinds? of \w+) do you (?:do|take on|sell|offer|make)|what do (?:people|clients|customers|guests|they|folks|visitors|students|patients|couples) (?:usually |mostly |normally |typically |actually )?(?:book|buy|order|hire|get|come (?:in )?for|pay (?:you )?for)|how do you (?:sell|make money|earn)|(?:which|what) (?:courses|classes|services|products|packages|dishes) (?:does|do)|your (?:main |core )?(?:package|packages|services|products|range|menu|classes|courses)\b|what (?:kind|sort|type)s? of (?:jobs|work|services|products|projects|things|stuff|classes|dishes|food)|what(?:'s| is| are) (?:on the menu|your (?:main |core |best-?selling |bestselling )?(?:product|service|offer|offering|thing)s?)|what (?:sells|is selling|do people buy|do they buy|are you selling)|(?:main|core|signature|best-?selling) (?:product|service|offer|dish|item)s?|flagship|what sells (?:best|most)|best ?sellers?|most popular|what do you sell (?:them|most))\b"),
        ("competitor", r"\b(?:competitors?|competition|compet(?:e|ing) with|who else|up against|lose (?:sales|work|customers|clients|jobs|business|bookings|deals|pitches|tenders|bids) to|compares? (?:you|your \w+) (?:to|with)|go(?:es)? to instead|alternatives?|comparing you (?:to|with)|who are you up against|other options)\b"),
        ("goal", r"\b(?:goals?|(?:the|that|your) [\w ]{0,20}target|what do you want (?:this year|to (?:achieve|get|do|hit|reach|build|have|grow|be)|from (?:this|the next)|by|in \d)|where do you want|priorit(?:y|ies)|aim(?:ing)?|what would success|success look|what are you (?:hoping|trying|working towards)|hope to|ambitions?|what is next for|by the end of the year|next (?:12|twelve) months)\b"),
        ("challenge", r"\b(?:biggest (?:thing|problem|challenge|obstacle|struggle|headache|issue|frustration|pain|worry|hurdle|bottleneck|risk)|worr(?:y|ies|ying)|bottlenecks?|(?:holding|keeping) (?:you|the brand|the business|it|things) back|getting in the way|in your way|hardest|what(?:'s| is) not working|(?:isn't|is not|isnt) working|stopping you|struggl\w*|pain points?|frustrat\w*|keeps you up|what is tough|what is hard|challenges?|problems?|what goes wrong|obstacles?)\b"),
        ("value", r"\b(?:what do you (?:stand for|value|care about|believe|do better|do differently from)|better than (?:them|they|the|him|her|\w+)|(?:that|which) (?:they|the \w+|\w+) (?:can't|cannot|don't|doesn't|won't)|what do (?:your |the )?(?:customers|clients|people|guests|students|patients|couples|brides|buyers) (?:say|love|rave) about|keep the same|hold (?:on ?to|onto)|(?:your|the) (?:pitch|philosophy|promise)|what makes [\w' ]{1,30} (?:different|special|unique|stand out|yours|you)|what(?:'s| is) special|values?|what makes (?:you|the brand|the business|it) (?:different|special|stand out)|sets you apart|what do you (?:do|have|offer) that|(?:your|the) edge|edge over|why (?:do|would|should) (?:people|customers|clients|they|couples|guests) (?:choose|pick|come to|book|buy from) you|(?:the|your) brand (?:to )?(?:feel|stand for|be known for)|want (?:the brand|people|customers|clients) to (?:feel|think|say|know you)|known for|non-negotiable|what matters (?:most )?to you|why (?:do|did) you (?:do|start)|difference (?:between|from)|principles?|what guides|stand out)\b"),
        ("preference", r"\b(?:how do you (?:like|prefer|want) (?:me|advice|feedback|things|it|your|to (?:get|receive|hear|work|be (?:coached|told|spoken)))|how (?:should|shall) i (?:talk|reply|give|write|send|keep)|how do you want me to|detailed or (?:short|quick|brief)|keep in mind|like me to (?:do|keep|know|remember)|do differently|(?:short|quick|brief) or (?:detailed|long)|format|prefer)\b"),
        ("decision", r"\b(?:what did you (?:decide|go with|choose|pick|land on|settle on)|did you (?:decide|go with|choose|pick|settle)|which (?:one|option|name|way|direction) (?:did|are) you|have you decided|decision|final answer|what is the verdict)\b"),
    ]
]

# Kinds answered by something in particular: they look for the sentence that has it.
_ABOUT_PEOPLE = {"audience", "competitor", "name"}
_LOOKING_FOR = {"price", "competitor", "company", "location", "name"}
# Words that open a reply without answering ("Both.", "Honestly?", "Go on.").
_ANSWER_WORD = (
    r"both|yes|no|nope|nah|sure|right|fair|true|totally|definitely|absolutely|for sure|of course|"
    r"thanks|thank you|cheers|easy|simple|great|cool|nice|love it|love that|agreed|exactly|mm+|wait|"
    r"fair enough|good point|done|deal|neither|either|all of them|all three|all of the above|slightly|a little|a bit|somewhat|partly|same as ever|same as always|same as before|as always|as ever"
)
_OPENER = re.compile(
    r"^(?:(?:well|so|oh|ah|um+|hmm+|erm|honestly|frankly|tbh|to be honest|good question|great question|"
    r"go on|ha+|lol|haha|ugh|wow|hi|hey|morning|hello|gosh|ok|okay|alright|ya|yah|yea|yeah|yep|yup)\b[\s,!.?:;-]*"
    r"|(?:" + _ANSWER_WORD + r")(?:\s*[,!.?:;-]+\s*|\s*$))+",
    re.IGNORECASE,
)
# A reply that dodges the question answers nothing.
_DODGE = re.compile(
    r"^(?:i\s+)?(?:not sure|no idea|dunno|don't know|do not know|don't really know|haven't (?:decided|thought|figured)|"
    r"it depends|depends|hard to say|good question|no clue|not really|nothing|none|no one|nobody|can't say|"
    r"let me think|still (?:deciding|thinking|figuring)|i'm not|we're not|we don't|i don't|never|same as(?! ever| always| before| usual)|"
    r"that's (?:a|the) (?:thing|question)|pass|skip|later|not yet|n/a|idk|who knows)\b",
    re.IGNORECASE,
)
_FILLER_LEAD = re.compile(
    r"^(?:(?:mostly|mainly|mostly just|primarily|largely|usually|basically|generally|typically|probably|"
    r"honestly|heaps of|lots of|loads of|a lot of|plenty of|tons of|just|definitely|i think|i guess|i'd say|"
    r"i would say|i reckon|like|kind of|kinda|sort of|really|always|right now|at the moment|currently|"
    r"for now|it's|its|it is|that's|thats|that would be|that'd be|would be|would have to be|has to be|"
    r"that's easy|simple|easy)\b[\s,:]*)+",
    re.IGNORECASE,
)
_WORDS_IN_VALUE = 20
_LABEL_LEAD = r"^(?:(?:ok|okay|so|and|also|oh|update|btw|anyway|right)[,:]?\s+)*(?:(?:my|our|the)\s+)?"
_LABEL_TAIL = r"(?:\s+(?:for (?:me|us)|wise|this year|right now|now|at the moment|for \d{4}|for the year))?"
# "main goal: …", "Important value for me: …", "value wise -"
LABELS: list[tuple[str, re.Pattern[str]]] = [
    (category, re.compile(_LABEL_LEAD + f"(?:{words})" + _LABEL_TAIL, re.IGNORECASE))
    for category, words in [
        ("goal", r"(?:main |big |biggest |top |#1 |number one |primary |real |only |one |new )?(?:goal|aim|objective|ambition|dream|priority)s?"),
        ("challenge", r"(?:main |big |biggest |real |key |current |one |another |new )?(?:problem|challenge|issue|struggle|headache|pain point|worry|bottleneck)s?"),
        ("value", r"(?:core |brand |important |key |main |big )?(?:value|values|principle|principles|motto|ethos|philosophy)"),
        ("competitor", r"(?:main |biggest |big |closest |local |only |direct )?(?:competitor|competitors|competition|rival|rivals)"),
        ("audience", r"(?:ideal |target |main |core |typical |new )?(?:audience|customers?|clients?|market|customer base|client base|target)"),
        ("offer", r"(?:main |core |new )?(?:services|products|offers?|menu|range|packages|line-?up)"),
        ("offer", r"(?:new thing|new|launched it|just launched|new service|new product|new offering)"),
        ("audience", r"(?:update on )?who (?:buys|books|comes|shops|orders)"),
        ("preference", r"(?:preference|preferences)"),
        ("decision", r"(?:decision|final decision|verdict|(?:(?:i|we)(?:'ve| have)? )?(?:finally )?decided)"),
    ]
]
# Requests that ask as a question does: "Tell me about your main package."
_ASKING = re.compile(
    r"^(?:(?:so|ok|okay|now|and|great|good|nice)[,!.]?\s+)?(?:tell me|describe|walk me through|talk me through|share|give me a sense of|i'd love to hear)\b",
    re.IGNORECASE,
)
_FIRST_PERSON = re.compile(r"^(?:i|we|i'm|we're|i've|we've|i'll|we'll|our|my)\b", re.IGNORECASE)
_LISTING = re.compile(
    r"^(?:(?:the\s+|our\s+|my\s+)?(?:menu|range|line-?up|services|products|offers?|options)\s*(?:is|are|:)|"
    r"(?:two|three|four|five|a few|a couple of|couple of)\s+(?:main\s+)?things(?:\s+mainly|\s+mostly|\s+really)?\s*:)\s*",
    re.IGNORECASE,
)
_NEXT_STATEMENT = re.compile(r",\s+(?=(?:[\w'-]+\s+){0,3}(?:is|are|was|were)\b)", re.IGNORECASE)
_PRONOUN = re.compile(r"^(?:they|them|it|he|she|everyone|nobody|no one|people|others|the)\b", re.I)
_ENDS_OPEN = re.compile(r"\b(?:by|in|for|before|until|this|next|last|of|to)$", re.IGNORECASE)
_TRAILING_JOIN = re.compile(r"\s+(?:but|and|so|or|though|because)$", re.IGNORECASE)
_ABOUT_OTHERS = re.compile(r"\b(?:they|their|them|he|she|his|her|theirs)\b", re.IGNORECASE)
_ABOUT_YOU = re.compile(r"\b(?:you|your|you're|yours)\b", re.IGNORECASE)
# Kinds whose one-word answer is explained by the next sentence ("winter. taproom is dead…").
_EXPLAINED = {"challenge", "goal", "value"}
# Kinds a reply often lists as several points, a sentence each ("solid wood. no mdf. 10 yr warranty").
_SEVERAL = {"challenge", "value", "offer", "preference"}
_ASIDE = re.compile(
    r"^(?:that's|thats|that is|this is|these are|sounds|if|which|so|because|cos|coz|lol|haha|i mean|anyway|simple|simples|"
    r"that|trust me|it works|wherever|whenever|sometimes|i think|i guess|i believe|not just|in \w+,? (?:that's|thats|it's|its) rare|"
    r"same as (?:ever|always|before|usual))\b",
    re.IGNORECASE,
)
_TO_THE_COACH = re.compile(r"\b(?:with me|to me|pls|please|plz)\b", re.IGNORECASE)
_NEGATED = re.compile(r"^(?:no|not|never|don't|do not|nothing)\b", re.IGNORECASE)
_POINT_LEAD = re.compile(r"^(?:(?:also|and|n|plus|oh and|another (?:one|thing) is|then)\b[\s,:]*)+", re.IGNORECASE)
_PLACE_BEFORE = re.compile(r"\b(?:on|in|at|near|off|by|from|of)\s+$", re.IGNORECASE)

# Groups of people in a reply ("families with doodles, and a fair few retired couples").
_GROUP_SPLIT = re.compile(r",\s+(?:and\s+)?(?=\S)|;\s+|\s+(?:and|plus)\s+(?=(?:a fair few|a few|some|increasingly|also|more and more|lots of|loads of|plenty of|heaps of|more|a lot of)\b)", re.IGNORECASE)
_GROUP_LEAD = re.compile(
    r"^(?:(?:and|plus|also|still|then|specifically|especially|particularly|in particular|some|a few|a fair few|a lot of|lots of|loads of|heaps of|plenty of|increasingly|more and more|more|mostly|mainly|primarily|largely|the odd|occasional(?:ly)?)\b\s*)+",
    re.IGNORECASE,
)
_STARTING = re.compile(
    r"^(?:(?:i|we)(?:'m|'re| am| are)?\s+(?:now\s+|also\s+|just\s+)?(?:start|starting|started|launch|launching|launched|offer|offering|do|doing|run|running|have|added|adding)\s+)",
    re.IGNORECASE,
)
_GROUP_END = re.compile(r"\s+(?:and (?:are|is|they|who)|because|but|so|since|as they)\b", re.IGNORECASE)
_NARROWING = re.compile(r"^(?:specifically|especially|particularly|in particular)\b", re.IGNORECASE)
_PRONOUN_OR_YOU = re.compile(r"^(?:they|them|it|he|she|i|we|you|my|our|which|that|this|those|these|who|but)\b", re.IGNORECASE)


def asked(message: str | None) -> list[str]:
    """The kinds of fact the coach's message asks for, in the order asked (empty when it
    ends without a question)."""
    if not message:
        return []
    tail = re.split(r"\n\s*\n", message.strip())[-1]
    tail = re.sub(r"\b(who|what|where|how|when|which)['’]s\b", r"\1 is", tail, flags=re.IGNORECASE)
    questions = [
        s
        for s in re.split(r"(?<=[.!?])\s+|\n+", tail)
        if s.rstrip().endswith("?") or _ASKING.match(s.lstrip("-*• "))
    ]
    if not questions:
        return []
    kinds: list[str] = []
    for question in questions[-2:]:
        others = {o.lower() for o in _ABOUT_OTHERS.findall(question)}
        who_buys_them = others == {"them"} and re.match(r"^\W*(?:\w+[,.!]\s+)?who\b", question, re.I)
        if others and not who_buys_them and not _ABOUT_YOU.search(question):
            continue  # "What do they charge?" asks about someone else ("Who buys them?" does not)
        hits = sorted(
            (match.start(), -match.end(), category)
            for category, pattern in ASKED
            if (match := pattern.search(question))
        )
        if re.match(r"^\W*(?:\w+[,.!]\s+)?(?:who|whom)\b", question, re.IGNORECASE):
            hits = [h for h in hits if h[2] in _ABOUT_PEOPLE]  # "Who comes to your classes?"
        reached = -1
        for start, end, category in hits:
            if start < reached:
                continue  # inside an earlier, longer cue ("who are you aiming" is not a goal)
            reached = -end
            if category not in kinds:
                kinds.append(category)
    return kinds


def extract(message: str, coach_asked: str | None, found: list[ExtractedFact]) -> list[ExtractedFact]:
    """`found` (the rules' facts for `message`) with the facts that answer what `coach_asked`
    asked for, or that follow a label, in the kinds `found` does not already hold. A name in
    `found` that answers "what's the business called?" becomes the business. Asked what they
    sell, the things named beside the reply's prices are offers too."""
    facts = _answers(message, coach_asked, found)
    text = rules.normalise(message)
    if "offer" in asked(coach_asked) and _answers_at_all(text):
        facts += _listed_offers(re.split(r"(?<=[.!?])\s+|\n+", text), facts)
    return _one_of_each(facts)


def _one_of_each(facts: list[ExtractedFact]) -> list[ExtractedFact]:
    """One fact where two readings of a message say the same thing ("website copy" and
    "Website copy package"): the fuller one, in the place of the first. The profile merge would
    replace the first with the fuller one anyway, but facts read from an uploaded document wait
    as `pending`, where a later same value is dropped — so the fuller one must come first here."""
    kept: list[ExtractedFact] = []
    for fact in facts:
        if single_valued(fact.category) or fact.category in PER_ITEM:
            kept.append(fact)
            continue
        same = next(
            (i for i, k in enumerate(kept) if k.category == fact.category and same_value(k.value, fact.value)),
            None,
        )
        if same is None:
            kept.append(fact)
        elif len(fact.value) > len(kept[same].value):
            kept[same] = fact
    return kept


def _answers(message: str, coach_asked: str | None, found: list[ExtractedFact]) -> list[ExtractedFact]:
    text = rules.normalise(message)
    replies = [
        _TRAILING_JOIN.sub("", kept)
        for sentence in rules.sentences(text)
        for kept in rules.keep_statements(sentence).split(". ")  # set-aside clauses end a piece
    ]
    out = _labelled(replies, found)
    kinds = asked(coach_asked)
    if "audience" in kinds:
        found = [_all_groups(f, replies) if f.category == "audience" else f for f in found]
    if "company" in kinds:
        found = _name_was_the_business(found, replies)
    if "competitor" in kinds and _answers_at_all(text):
        for value, piece in _competing(replies):
            if not any(f.category == "competitor" and same_value(f.value, value) for f in found + out):
                out.append(rules.stated("competitor", value, piece))
    asked_for = kinds
    kinds = [k for k in kinds if not any(f.category == k for f in found + out)]
    if not kinds:
        return found + out
    if not _answers_at_all(text):
        return found + out
    first = _OPENER.sub("", replies[0]).strip() if replies else ""
    pieces = [first, *replies[1:]] if first else replies[1:]  # "Slightly. Still families…"
    if not pieces:
        return found + out
    # sentences that answered an earlier part of the question ("JW roofing. mostly flat roofs…")
    used = {
        i
        for i, piece in enumerate(pieces)
        if _stated_in(piece, [f for f in found if f.category in asked_for])
    }
    for kind in kinds:
        for i, piece in enumerate(pieces):
            if i in used or not piece.strip():
                continue
            if kind not in _LOOKING_FOR and _stated_in(piece, found):
                break  # the sentence states something else ("We sell beard oil…")
            values = _answer(kind, piece)
            if kind == "audience" and values is not None:
                groups, taken = _segments(pieces, i, used)
                if groups:
                    values = groups
                    used.update(taken)
            if values is None:
                if (
                    kind in _LOOKING_FOR
                    or (kind == "audience" and p.PEOPLE.search(piece))
                    or (kind == "offer" and i == 0 and _FIRST_PERSON.match(piece))
                ):
                    continue  # "we sell online only. bikinis and one-pieces" — look on
                break  # the next sentence in order was not an answer: stop looking
            used.add(i)
            if (
                kind in _EXPLAINED
                and len(values) == 1
                and len(values[0].split()) <= 2
                and i + 1 < len(pieces)
                and i + 1 not in used
            ):
                more = _first_clause(pieces[i + 1])
                if more and not _DODGE.match(more):
                    values = [f"{values[0]}: {more}"]
                    used.add(i + 1)
            if kind in _SEVERAL:
                more_values, taken = _more_points(kind, pieces, i + 1, used, found)
                values = [*values, *more_values]
                used.update(taken)
            for value in values:
                if _plausible(kind, value) and not any(
                    f.category == kind and f.value.lower() == value.lower() for f in out
                ):
                    out.append(rules.stated(kind, value, piece))
            break
    return found + out


_PRICED = re.compile(p.MONEY, re.IGNORECASE)  # an amount with its unit ("28 euro per night")
_ITEM_SPLIT = re.compile(r"\s*(?:[,;:(]|\s[–—-]\s|\b(?:and|then|plus|or)\s)\s*", re.IGNORECASE)
_ITEM_LEAD = re.compile(
    r"^(?:(?:also|and|then|plus|oh|so|mainly|mostly|main|our|my|the|a|an|some|just|there(?:'s| is| are)|"
    r"(?:i|we)(?:'ve| have| also have| do| sell| offer| also do| make| run)|(?:the )?(?:main|most popular|"
    r"best ?seller|bestseller|biggest) (?:one |thing |dish |product |seller )?(?:is|are)|main is)\b\s*)+",
    re.IGNORECASE,
)
_ITEM_TAIL = re.compile(
    r"\s+(?:is|are|was|were)\b.*$|"
    r"(?:\s+(?:at|for|from|is|are|costs?|@|go|goes|sells?|starts?|runs?|avg|average|approx|(?:i|we)(?:'re| are| am)? charg\w+))+$",
    re.IGNORECASE,
)
_NOT_AN_ITEM = re.compile(
    r"^(?:with|after|before|until|which|that|who|when|where|if|because|outsells?|sells?|takes?|paid|costs?|"
    r"payable|billed|upfront|avg|average|each|all|everything)\b|\d\s*-\s*\d",
    re.IGNORECASE,
)


def _listed_offers(pieces: list[str], held: list[ExtractedFact]) -> list[ExtractedFact]:
    """Asked what they sell, the things a reply names beside its prices ("We have beds in dorm,
    28 euro per night, and private rooms for 75 euro") or in the same breath: each is an
    offer. Only sentences that name a price are read this way, whole ("then there are tasting
    tours" is theirs here), unless they ask, wonder or talk about others; a unit of the price
    ("6 piece", "two hours") is not a thing sold."""
    have = " ".join(f.value.lower() for f in held if f.category == "offer")
    out: list[ExtractedFact] = []
    for piece in pieces:
        if (
            not _PRICED.search(piece)
            or _ABOUT_OTHERS.search(piece)
            or piece.rstrip().endswith("?")
            or rules.HYPOTHETICAL.search(piece)
            or rules.COMPETITION.search(piece)
        ):
            continue
        for chunk in _ITEM_SPLIT.split(_PRICED.sub(" , ", piece)):
            item = _ITEM_TAIL.sub("", _ITEM_LEAD.sub("", chunk.strip(" .!")))
            item = re.sub(r"^(?:for|at|from|is|are)\s+", "", item, flags=re.IGNORECASE).strip(" .!")
            words = item.split()
            if (
                not 1 <= len(words) <= 6
                or p.PRICED_UNIT.search(item)
                or _NOT_AN_ITEM.search(item)
                or _FIRST_PERSON.match(item)
                or _PRONOUN_OR_YOU.match(item)
                or item.lower() in have
                or not rules.plausible("offer", item)
            ):
                continue
            have += " " + item.lower()
            out.append(ExtractedFact(category="offer", value=item, quote=piece[:500]))
    return out


def _stated_in(piece: str, facts: list[ExtractedFact]) -> bool:
    """Whether the sentence is where one of these facts was read (its quote holds it)."""
    return any(f.quote and piece[:30] in f.quote for f in facts)


def _plausible(kind: str, value: str) -> bool:
    """The rules' test, except that a one-word reply to a direct question counts ("blunt")."""
    if len(value.split()) == 1 and kind in ("preference", "value", "challenge", "goal", "audience"):
        return len(value) >= 4 and value.lower() not in _NOT_AN_ANSWER
    return rules.plausible(kind, value)


_NOT_AN_ANSWER = frozenset(
    ["yeah", "nope", "sure", "okay", "dunno", "none", "nothing", "same", "simple", "simple as that", "thats it", "that's it", "same as ever"]
)


def _answers_at_all(text: str) -> bool:
    """False when the reply opens by dodging ("not sure yet…", "No idea."), asking back, or
    wondering ("what if we went after students?")."""
    for sentence in rules.sentences(text):
        opening = _OPENER.sub("", sentence).strip()
        if not opening:
            continue  # "Honestly?" — look at the next sentence
        kept = rules.keep_statements(opening)
        first_word = re.findall(r"[\w'-]+", opening)[:1]
        return not _DODGE.match(opening) and re.findall(r"[\w'-]+", kept)[:1] == first_word
    return False


def _name_was_the_business(found: list[ExtractedFact], pieces: list[str]) -> list[ExtractedFact]:
    """Asked for the business's name, a reply opening with a proper name gives the business,
    not the person ("Hollis Grounds. owner operator.")."""
    opening = re.match(p.PROPER, pieces[0]) if pieces else None
    if opening is None:
        return found
    return [
        f.model_copy(update={"category": "company"})
        if f.category == "name" and f.value == opening.group(0).strip(" .'")
        else f
        for f in found
    ]


def _labelled(pieces: list[str], found: list[ExtractedFact]) -> list[ExtractedFact]:
    """Values that follow a label: "main goal: get catering gigs", "value wise - we turn up"."""
    out: list[ExtractedFact] = []
    for i, piece in enumerate(pieces):
        for kind, label in LABELS:
            match = label.match(piece)
            if not match or any(f.category == kind for f in found + out):
                continue
            rest = piece[match.end() :]
            if re.match(r"\s*(?:[:=]|\s[-–—])\s*\S", rest):
                value_text = re.split(r"[:=]|\s[-–—]", rest, maxsplit=1)[-1].strip()
            elif not rest.strip(" -–—:") and i + 1 < len(pieces):
                value_text = pieces[i + 1]  # "value wise - we turn up when we say"
            else:
                continue
            if kind == "offer":  # "New thing. I start workshops…"
                value_text = _STARTING.sub("", value_text)
            if kind == "audience" and value_text[:1].isdigit():
                kind = "goal"  # "Target: 150 installations in 2026"
            values = _answer(kind, value_text) if kind != "competitor" else _competitors(value_text)
            for value in values or []:
                if rules.plausible(kind, value):
                    quote = f"{piece} {value_text}" if value_text != rest else piece
                    out.append(rules.stated(kind, value, piece, quote))
            break
    return out


# A reply to "who do you compete with?" names competitors one after another: "X, and then Y",
# "- X (big) - Y", "X. Also Y who do…". Each item opens with its competitor.
_COMPETING_ITEMS = re.compile(
    r",\s+(?:and\s+)?(?:then\s+|also\s+)?|;\s+|\s+(?:and then|and also|and|n|plus|or)\s+"
    r"(?=(?:the|a|an|some|lots|loads|all|other|many|random|cheap|big|(?-i:[A-Z])))",
    re.IGNORECASE,
)
_COMPETING_LEAD = re.compile(
    r"^(?:(?:and|also|then|plus|oh|so|but|well|honestly|probably|mostly|mainly|maybe|i guess|i think|"
    r"i'd say|i would say|competitors?|competition|(?:the\s+)?(?:main|big|biggest|obvious|real|other)"
    r"(?:\s+(?:one|ones|competitor|competition|threat|enemy))?(?:\s+(?:is|are))?|"
    r"there(?:'s| is| are)(?:\s+also)?|is|are|like|kind of|really|for sure|definitely|especially|"
    r"\d+[.)]|[-*•])(?:\s*[,:.]\s*|\s+))+",
    re.IGNORECASE,
)
# Where a competitor's description ends and what is said about it starts.
_COMPETING_END = re.compile(
    r"\s*(?:[,;:(…]|\.\.\.|\s[—–-]\s|\s(?:they|they're|who are|which are|is|are|was|were|but|"
    r"because|charge|charges|charging|sell|sells|selling|have|has|do|does|win|wins|take|takes|"
    r"promise|promises|cost|costs|advertise|advertises|kind of|i guess|lol|haha|mostly|honestly|"
    r"now|too)\b)",
    re.IGNORECASE,
)
_NOT_COMPETING = re.compile(
    r"^(?:i|we|i'm|we're|it|it's|its|he|she|they|them|you|my|our|me|us|this|that|these|those|their|"
    r"his|her|what|who|no|nothing|none|nobody|not|neither|either|everyone|everybody|one|if|when|"
    r"because|so|yes|yeah|ok|okay|well|good|great|thanks|there|here|last|next|first|then|now|just|"
    r"for|in|on|at|to|from|with|by|of|very|same|every|each|different|customers|clients|buyers|"
    r"tourists|locals|people)\b",
    re.IGNORECASE,
)
_ABOUT_US = re.compile(r"\b(?:i|we|me|us|my|our|i'm|we're|you|your)\b", re.IGNORECASE)
_HEAD_ENDS = re.compile(
    r"\s(?:in|on|at|from|of|with|w/|like|for|near|who|that|which|doing|selling|up|down|over|"
    r"around|across|out)\s",
    re.IGNORECASE,
)


def _named_competitors(piece: str) -> list[str]:
    """The rules' proper names of competitors, less the street one is on ("X, on Station Parade")."""
    return [
        name
        for name in rules.named_competitors(piece)
        if not _PLACE_BEFORE.search(piece[: piece.find(name)])
    ]


def _competing(pieces: list[str]) -> list[tuple[str, str]]:
    """Every competitor a reply to "who do you compete with?" names, with its sentence: the
    proper names ("Umuco Coffee House") and the groups named by description ("the big stalls in
    the mercado 20 de Noviembre", "freelancers on upwork"). A group is the noun phrase that
    opens an item of the reply, up to what is said about it (", they sell…", "who are…"), and
    only when its last word names businesses or people ("stalls", "freelancers", "apps"): "pink
    boxes" or "a bit dry" describe a competitor, they are not one."""
    found: list[tuple[str, str]] = []
    for piece in pieces:
        if piece.rstrip().endswith("?") or _DODGE.match(_OPENER.sub("", piece).strip()):
            continue
        values = _named_competitors(piece)
        for item in _COMPETING_ITEMS.split(piece):
            item = _COMPETING_LEAD.sub("", _OPENER.sub("", item.strip())).strip()
            if not item or _NOT_COMPETING.match(item):
                continue
            group = rules.clean_value(_COMPETING_END.split(item, maxsplit=1)[0].strip(" .!'\""))
            words = group.split()
            head = _HEAD_ENDS.split(f"{group} ")[0].split()
            if (
                not 2 <= len(words) <= 12
                or not head
                or _ABOUT_US.search(group)
                or re.search(r"\d", words[0])
                or not p.COMPETING_HEAD.fullmatch(head[-1])
                or rules.is_place(group)
                or any(same_value(group, v) for v in values)
            ):
                continue
            values.append(group)
        found += [(value, piece) for value in values if rules.plausible("competitor", value)]
    return found


def _competitors(text: str) -> list[str]:
    """Names after a competition label: proper names, else the listed words."""
    names = rules.named_competitors(text)
    if names:
        return names
    return [v for v in (rules.clean_value(x) for x in rules.SPLIT_LIST.split(text)) if v][:4]


_AFTERWORD = re.compile(r"\s+(?:still|now|too|though|lol|haha|again|anyway)$", re.IGNORECASE)


def _answer(kind: str, piece: str) -> list[str] | None:
    """The values `piece` gives for `kind`, or None when it does not answer it."""
    clause = _first_clause(piece)
    if not clause or _DODGE.match(clause):
        return None
    if kind == "price":  # the first amount that is the person's own ("the chain charges ₹900")
        for money in re.finditer(p.MONEY, piece, re.IGNORECASE):
            before = piece[: money.start()]
            if not rules.someone_elses_amount(before, before + money.group(0)):
                return [rules.clean_value(money.group(0))]
        return None
    if kind == "competitor":
        names = _named_competitors(piece)
        if not names and len(clause.split()) <= 3 and not _PRONOUN.match(clause):
            names = [clause]  # "7shifts mostly", "interflora"
        return names or None
    if kind == "company" and len(clause.split()) <= 4 and not _PRONOUN_OR_YOU.match(clause):
        return [_AFTERWORD.sub("", clause).strip(" .'")]  # "northside motion", "JW roofing"
    if kind in ("company", "name"):
        proper = re.match(p.PROPER, clause)
        if not proper or len(proper.group(0).split()) > 5:
            return None
        return [proper.group(0).strip(" .'")]
    if kind == "location":
        place = rules.find_place(clause, known_only=not clause[:1].isupper())
        return [place] if place else None
    if kind == "audience" and not p.PEOPLE.search(clause) and len(clause.split()) > 6:
        return None
    if kind == "offer":
        if _FIRST_PERSON.match(clause) or re.match(r"^(?:their|his|her)\b", clause, re.IGNORECASE):
            return None  # a statement of its own, which the rules have read; another's goods
        clause = _LISTING.sub("", clause)
        clause = _NEXT_STATEMENT.split(clause)[0]  # "bikinis and one-pieces, the one-piece is…"
        return rules.split_offers(clause) or None
    if kind == "value":
        parts = [rules.clean_value(v) for v in rules.SPLIT_LIST.split(clause)]
        if all(part and len(part.split()) <= 5 for part in parts):
            return parts  # a list of values: "honesty, speed and care"
        return [clause]
    return [clause]


def _segments(pieces: list[str], start: int, used: set[int]) -> tuple[list[str], list[int]]:
    """Every group of people a reply names, as one ideal-customer value: "runners. lots of
    runners. some desk workers w back pain" → "runners, desk workers w back pain". The groups
    may share a sentence ("families with doodles, and a fair few retired couples") or follow in
    short sentences of their own; the first sentence that says something else ends them."""
    groups: list[str] = []
    taken: list[int] = []
    for i in range(start, len(pieces)):
        if i in used or (i > start and not _segment_sentence(pieces[i])):
            break
        text = _FILLER_LEAD.sub("", _OPENER.sub("", pieces[i].strip())).strip(" ,.;:-")
        for part in _GROUP_SPLIT.split(_GROUP_LEAD.sub("", text)):
            part = rules.clean_value(_GROUP_END.split(_GROUP_LEAD.sub("", part.strip()))[0])
            if not part:
                continue
            if _PRONOUN_OR_YOU.match(part) or len(part.split()) > 12:
                break
            have = {w for g in groups for w in re.findall(r"\w+", g.lower())}
            if not set(re.findall(r"\w+", part.lower())) <= have:
                groups.append(part)
        taken.append(i)
    return ([", ".join(groups)] if groups else []), taken


def _more_points(
    kind: str, pieces: list[str], start: int, used: set[int], found: list[ExtractedFact]
) -> tuple[list[str], list[int]]:
    """The further points of a reply to "what makes you different?", "what's in the way?",
    "what do you sell?" or "how should I talk to you?": each following short sentence, and each
    short part of a listing one ("10 yr guarantee, turn up on time"), until a sentence that is
    long, dodges or talks about someone else."""
    values: list[str] = []
    taken: list[int] = []
    for i in range(start, len(pieces)):
        if i in used:
            continue
        if _stated_in(pieces[i], found):
            continue  # the rules read it as something else ("no essays pls")
        text = _POINT_LEAD.sub("", _OPENER.sub("", pieces[i].strip())).strip(" ,.;:-")
        if not text or len(text.split()) > 14 or _DODGE.match(text) or _PRONOUN.match(text):
            break
        if _ASIDE.match(text) or (kind == "preference" and _FIRST_PERSON.match(text)):
            continue  # "that's kind of my whole thing"; "I skim everything" explains a preference
        parts = [rules.clean_value(part) for part in re.split(r",\s+|\s+[—–]\s+", text)]
        parts = [
            part
            for part in parts
            if (len(part.split()) >= 2 or len(part) >= 6)
            and not (kind == "offer" and _NEGATED.match(part))  # "no traditional" is not sold
            and not _ASIDE.match(part)  # "…, trust me"
            and not _ABOUT_OTHERS.search(part)
            and not (kind != "preference" and _TO_THE_COACH.search(part))  # "keep being blunt with me"
        ]
        if not parts:
            continue
        values += parts if all(len(part.split()) <= 7 for part in parts) else [rules.clean_value(text)]
        taken.append(i)
    return [v for v in values if v.lower() not in _NOT_AN_ANSWER], taken


def _all_groups(fact: ExtractedFact, pieces: list[str]) -> ExtractedFact:
    """The rules' ideal customer from a reply to "who buys?", widened to every group the reply
    names ("mostly busy families…, and a fair few retired couples with spaniels")."""
    for i, piece in enumerate(pieces):
        if fact.value in piece:
            groups, _ = _segments(pieces, i, set())
            if groups and fact.value in groups[0] and len(groups[0]) > len(fact.value):
                return fact.model_copy(update={"value": groups[0][:300]})
            break
    return fact


def _segment_sentence(piece: str) -> bool:
    """A short sentence that names another group ("Commuters.", "some desk workers w back pain")."""
    text = _GROUP_LEAD.sub("", _OPENER.sub("", piece.strip())).strip(" ,.;:-")
    words = text.split()
    return (
        0 < len(words) <= 8
        and not _PRONOUN_OR_YOU.match(text)
        and not _DODGE.match(text)
        and not re.search(r"\b(?:is|are|was|were|do|does|did|have|has|had)\b", text, re.IGNORECASE)
        and (bool(p.PEOPLE.search(text)) or len(words) <= 3)
    ) or bool(_NARROWING.match(piece.strip()))


def _first_clause(piece: str) -> str:
    """The reply's sentence without its opening filler, cut to its first clause when long."""
    text = _FILLER_LEAD.sub("", _OPENER.sub("", piece.strip())).strip(" ,.;:-")
    if len(text.split()) > _WORDS_IN_VALUE:
        text = re.split(r",\s+|;\s+|\s+(?:but|because|so|which)\s+", text)[0]
    if len(text.split()) > _WORDS_IN_VALUE:
        return ""
    cleaned = rules.clean_value(text)
    if _ENDS_OPEN.search(cleaned):  # "Two more physios by next year" keeps its "next year"
        return text.strip(" ,.;:!")
    return cleaned
