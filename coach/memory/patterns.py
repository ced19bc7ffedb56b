# ruff: noqa: E501  (a table of regular expressions reads better unwrapped)
"""The offline extractor's table: how people state each kind of fact, as regular expressions.

Each rule captures the value in the group named "v" (prices may also capture the priced thing
as "item"). `coach.memory.rules` runs them over the first-person statements of a message, after
questions, hypotheticals and other people's facts have been set aside. Rules are tried in
order; a span of text already taken by one category is not taken again by a later rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Scope = Literal["sentence", "message", "request"]


@dataclass(frozen=True)
class Rule:
    """One way of stating a fact.

    `category` may be "served" (audience if the value names people, else an offer), "share" (the
    person's share of the work in a team: a role, never an offer) or "those" (the previous
    sentence is the value: "Slowness and craft. Those are our values.").
    `scope`: "sentence" runs on each kept statement; "message" on the whole message (self
    introductions spanning sentences); "request" also on questions ("could you call me Tom?").
    """

    category: str
    pattern: re.Pattern[str]
    scope: Scope = "sentence"


# -- shared pieces --------------------------------------------------------------------------

GREETING = (
    r"(?:hi+|hello|hey+|hiya|howdy|yo|good (?:morning|afternoon|evening|day)|morning|evening|afternoon|"
    r"bonjour|bonsoir|hola|buenas|ciao|salam|salaam|salut|namaste|guten (?:tag|morgen)|g'day|"
    r"kia ora|sawubona|jambo|habari|ol[aá]|hallo|hej|aloha|greetings|shalom|merhaba|konnichiwa|"
    r"dzień dobry|thanks|thank you|cheers|re-bonjour|gday|sup|wassup|heya|oi|howzit|wah gwaan|e a[ií]|"
    r"hæ|ahoj|szia|moi|tere|hei|vanakkam|namaskar|assalamu?\s?alaikum|marhaba|selam|habari|"
    r"dear|respected|helo|thx|bless up|bula|vinaka(?: vakalevu)?)\b"
)
# A clause that starts a statement: the start, after a comma, or after a joining word.
START = r"(?:^|[,;:]\s*|\b(?:and|so|oh|also|but|well|ok|okay|right|btw|yes|yeah|update)\b[,:]?\s+)"
FIRST = r"(?:i|we|i'm|i am|we're|we are|i've|we've)"
BUSINESS_NOUNS = (
    r"(?:company|business|brand|studio|agency|shop|store|startup|firm|practice|bakery|cafe|café|coffee shop|"
    r"restaurant|salon|clinic|label|boutique|consultancy|nonprofit|non-profit|charity|app|"
    r"podcast|newsletter|venture|gym|school|academy|collective|co-op|roastery|tea house|teahouse|"
    r"bar|brewery|farm|gallery|workshop|platform|service|website|online shop|etsy shop|"
    r"atelier|surf school|yoga studio|dance studio|bookshop|bookstore|florist|kitchen|food truck|"
    r"bistro|deli|pub|hotel|guesthouse|b&b|spa|barbershop|atelier|workshop|pottery|distillery|"
    r"winery|vineyard|dairy|creamery|bakehouse|patisserie|chocolaterie|camp|retreat|magazine|"
    r"channel|community|marketplace|kiosk|stall|market stall|franchise|centre|center|van|taproom|"
    r"tuition centre|learning centre|garden centre|smokehouse|rental|rentals|bootcamp|cooperative|coop|estate|venue|reseller|fromagerie|sugar shack|co-?working space|event space|homestay|outfitter|fishing charter|charter|printing press|garage|hostel|lodge|inn|fashion house|catering|"
    r"practice|workshop|bike shop|tattoo parlou?r|parlou?r|nursery|dojo|surgery)"
)
ROLE_WORDS = (
    r"(?:co-?founder|founder|co-?owner|owner|ceo|cto|coo|cmo|director|managing director|head of [a-z ]+|"
    r"marketing manager|manager|freelancer|consultant|coach|designer|photographer|therapist|"
    r"lawyer|attorney|solicitor|accountant|bookkeeper|developer|engineer|baker|chef|cook|artist|writer|"
    r"illustrator|architect|nutritionist|dietitian|trainer|personal trainer|instructor|teacher|"
    r"tutor|stylist|florist|realtor|real estate agent|copywriter|strategist|producer|"
    r"creative director|partner|founding partner|principal|president|solopreneur|entrepreneur|"
    r"brewer|head brewer|roaster|potter|ceramicist|jeweller|jeweler|tailor|seamstress|groomer|"
    r"barber|hairdresser|hairstylist|braider|makeup artist|midwife|doula|physio|physiotherapist|"
    r"osteopath|chiropractor|dentist|doctor|gp|vet|veterinarian|nurse|pharmacist|psychologist|"
    r"psychotherapist|counsellor|counselor|herbalist|acupuncturist|masseuse|massage therapist|"
    r"videographer|filmmaker|editor|journalist|author|podcaster|musician|dj|singer|dancer|"
    r"farmer|winemaker|distiller|maker|crafter|carpenter|builder|electrician|plumber|"
    r"mechanic|landscaper|gardener|cleaner|organiser|organizer|planner|wedding planner|"
    r"event planner|caterer|translator|interpreter|recruiter|advisor|adviser|analyst|"
    r"researcher|lecturer|professor|speaker|mentor|creator|influencer|blogger|vlogger|"
    r"game developer|programmer|data scientist|product manager|marketer|publicist|"
    r"social media manager|virtual assistant|va|bookseller|retailer|shopkeeper|merchant|"
    r"manufacturer|surf instructor|yoga teacher|pilates instructor|tattoo artist|tattooist|painter|"
    r"sole trader|driving instructor|decorator|sparky|tradie|"
    # trades and crafts
    r"proprietor|piano tuner|tuner|restorer|conservator|thatcher|upholsterer|locksmith|welder|"
    r"joiner|roofer|glazier|tiler|bricklayer|stonemason|mason|blacksmith|farrier|saddler|"
    r"cobbler|shoemaker|cabinetmaker|woodworker|luthier|bookbinder|signwriter|"
    r"sign painter|calligrapher|goldsmith|silversmith|weaver|knitter|dyer|beekeeper|"
    r"shepherd|fisherman|butcher|fishmonger|grocer|chocolatier|cheesemaker|sommelier|"
    r"bartender|barista|installer|detailer|chimney sweep|surveyor|inspector|"
    r"tour guide|skipper|courier|delivery driver|dog walker|pet sitter|"
    r"frame builder|shaper|glasser|dev|web dev|solo dev|illustrator|animator|"
    r"photojournalist|speech therapist|speech and language therapist|occupational therapist|"
    r"optician|optometrist|pharmacist|paramedic|coder|tailor|pitmaster|md|gm|captain|gérant|gerant|"
    r"exporter|importer|wholesaler|distributor|head tutor|head coach|head chef|lead photographer|"
    r"boss|chairman|chairwoman|chairperson|asador|blender|master blender|shooter|lead shooter|"
    r"second shooter|barista|owner-operator|owner/operator|sole practitioner|practitioner|"
    r"cfo|cpo|cio|fractional cfo|guide|main guide|mountain guide|firey|firefighter|shearer|"
    r"arborist|tree surgeon|(?:nail|lash|hvac|vet|lab|dental|it|solar) tech|technician|contractor|"
    r"artisan|physician|surgeon|owner-driver|host|co-host|officer|executive|chief executive|"
    # the same in the words people bring from other languages
    r"carpintero|carpintera|gestor|gestora|cocinero|cocinera|dueño|dueña|fondateur|fondatrice|"
    r"co-?fondateur|co-?fondatrice|propriétaire|kinesiólogo|kinesióloga|fisioterapeuta|"
    r"inhaber|inhaberin|gründer|gründerin|eigenaar|oprichter|proprietário|proprietária)"
)
# Parts of running a business that one person does in a team ("i do front desk and the
# rentals", "I do the marketing alone, my husband he does the boiling"): a role, not an offer.
WORK_SHARE = (
    r"(?:marketing|sales|admin|administration|accounting|accounts|bookkeeping|books|finances?|"
    r"money|invoic\w+|payroll|paperwork|quotes|quoting|reservations|bookings|front desk|"
    r"reception|front of house|social media|socials|website|tech|dispatch|logistics|operations|"
    r"ops|hiring|customer service|guests|phones?|emails?|office|"
    r"(?:guest|client|customer|business|money|admin|tech|creative|sales|office|digital|people)"
    r"\s+side)"
)
SHARE_VERB = (
    r"\bi\s+(?:(?:mostly|mainly|only|now|still|also|just)\s+)*(?:do|handle|cover|look after|take care of|run|manage|stay (?:in|on|with))\s+"
    r"(?:(?:only|all|just)\s+)?(?:of\s+)?(?:the\s+)?"
)
# Two roles joined ("owner + head barber", "owner/head instructor", "chef and owner").
ROLE_JOIN = r"(?:\s+(?:and|n|&)\s+|\s*[+/]\s*)(?:[\w-]+\s+)?"
# Words that do not start or make up a business name written in lower case.
_NOT_A_LOWER_NAME = (
    r"(?:a|an|the|my|our|this|that|some|small|little|tiny|big|local|family|two|three|it|things|"
    r"everything|all|most|out|into|ads|errands|social|at|in|for|with|from|on|to|of|and|but|so)\b"
)
# A title before a person's name, left out of the name ("Dr. Lucía Benítez").
TITLE = r"(?:(?-i:Dr|Mr|Mrs|Ms|Prof|Sr|Sra|Dott|Mag|Ing|Md)\.?\s+)?"
# A person's name: one to three capitalised words ("Marie-Ève", "Abdur Rahim Chowdhury").
PERSON_WORD = r"(?-i:[A-ZÀ-ÝĀ-Ž])[^\W\d_]+(?:-[^\W\d_]+)?"
PERSON = (
    PERSON_WORD
    + r"(?:(?:\s(?-i:de|van|von|der|den|da|di|do|dos|das|del|du|la|le|bin|al|el|ter|ten)){0,2}\s"
    + PERSON_WORD
    + r"){0,2}"
)
# A labelled field on a line of its own ("Company: Qureshi Weaves (Pvt) Ltd", "Role: owner").
FIELD = r"^(?:my\s+)?(?:{})\s*:\s*(?P<v>[^:]+?)(?=\s*(?:\(|[.;!]|$))"
# Capitalised words making up a proper name ("Fern & Flour", "Raman Immigration Law").
PROPER = r"(?-i:[A-Z0-9])[\w&'.°-]*(?:\s+(?:&|(?-i:and|of|the|de|del|do|dos|das|des|du|la|le|di|da|al|el|von|van)\b|(?-i:[A-Z0-9])[\w&'.°-]*))*(?<!\sand)(?<!\sof)(?<!\sthe)"
# A place: capitalised words, optionally "City, Region".
PLACE = r"(?-i:[A-ZÀ-ÝĀ-Ž])[\w'.-]*(?:\s(?-i:[A-ZÀ-ÝĀ-Ž])[\w'.-]*){0,2}(?:,\s(?!I\b|I'(?-i:m|ve|d|ll)\b)(?-i:[A-ZÀ-ÝĀ-Ž])[\w'.-]*(?:\s(?-i:[A-ZÀ-ÝĀ-Ž])[\w'.-]*)?)?"
# A place in any case; `rules` only trusts a lower-case one when `places.is_place` knows it.
ANY_PLACE = r"(?:the\s+)?[A-Za-zÀ-ÿ][\w'.-]*(?:,?\s[A-Za-zÀ-ÿ][\w'.-]*){0,2}"
CURRENCY = (
    r"(?:CA\$|A\$|AU\$|US\$|NZ\$|NT\$|HK\$|S\$|R\$|GH₵|GHS|KSh|[$€£¥₹₦₵₱₩₺₪฿₫₴₸₾₼৳₨₭₮₲₡]"
    r"|(?<![A-Za-z])(?-i:S/|Rp|RM|Rs\.?|Tk\.?)\s?(?=\d)|(?<![A-Za-z])(?-i:R)(?=\d)|(?<![A-Za-z])(?-i:[A-Z]{3})\s?)"
)
_UNIT = r"(?:\s*/\s*[\w-]+|\s+(?:per|a|an|for(?:\s+(?:a|an|one|each|the|\d+))?)\s+[\w-]+(?:\s(?:session|hour|month|class|bag|loaf|candle|person|people|guests|episodes?|season|pack|box|identity|project|room|day|week|year))?|\s*(?:pp|p/p|pax)\b|\s+(?:each|apiece|fixed|flat)|\s+(?:a|per) head|\s+on\s+(?-i:[A-Z])\w+)?"
# An amount of money without its unit ("£4.50", "12 000 NOK", "₦4.5m", "$159pp").
AMOUNT = (
    r"(?:" + CURRENCY + r"\s?\d[\d,.]*(?![.,]?\d)(?:k|m|mn|bn|pp|pppn)?\b(?:\s*(?:(?-i:[A-Z]{3})|dollars|euros|pounds|yen|rupees))?"
    r"|\d[\d,.]*(?<=\d)\s?[€£¥₹₦₺₪฿₩₱₫₴₸₾₼৳₨₭₮₲₡](?!\w)"
    r"|\d{1,3}(?:\s\d{3})+\s*(?-i:[A-Z]{3})\b|\d[\d,.]*(?![.,]?\d)k?\s*(?:million\s+|m\s+)?(?:(?-i:[A-Z]{3})\b|dollars|euros?|pounds|yen|rupees|bucks|quid|rand|naira|shillings|pesos|reais|dirhams|riyals?|zł|zl|złoty|kr|lei|baht|ringgit|soles|cedis|(?:Kč|(?-i:Ft)|dong|som|tenge|lari|dram|hryvnia|zloty)\b))"
)
MONEY = AMOUNT + _UNIT
# Where a value ends.
END = r"(?=\s*(?:[.;!?]|,\s|\s(?:and|but|so|because|which|who|where|since|though|although|btw|lol|haha)\s|$))"
END_LONG = r"(?=\s*(?:[.;!?]|$|,\s(?:and|but|so|because|though|which|i|we|it|it's|its|that's|thats)\b|\s(?:but|so|because|since|though|although)\s|\sand\s(?:i|we|i'm|we're|it|it's|they|my|our)\b))"
END_CLAUSE = r"(?=\s*(?:[.;!?]|$))"
END_NAME = (  # names may contain "and" ("Fern and Flour"); "and we…" ends one
    r"(?=\s*(?:[.;!?(]|,\s|\s(?:but|so|because|which|who|where|since|in|at|for|with|from|"
    r"based|located|near|out|on|to|btw|lol|we|i|i'm|we're|outta|pon|everybody|everyone)\s|\sand\s(?:i|we|i'm|we're|it|it's|my|our|they|the|a|an)\b|$))"
)
ADVERB = r"(?:(?:mostly|mainly|primarily|largely|usually|basically|generally|typically|now|currently|still|also|all|really|probably|honestly|definitely|actually)\s+)*"
# A lower-case word that can describe a kind of business ("ramen" shop, "events" catering).
_QUALIFIER = (
    r"(?!(?:the|this|that|these|those|which|what|no|not|other|another|my|our|their|his|her|its|your|is|are|was|"
    r"were|be|building|moving|bigger|new|same|whole|own|name|and|or|but|in|on|at|to|for|with|from|of)\b)"
    r"(?-i:[a-z][\w&'+-]*)"
)


_LISTED_ITEM = r"(?!(?:i|we|it|and|or|but|so|from|to|for|at|still|need|needs|charges?|costs?|like|about|around|is|are|sticking|staying)\b)[a-z][\w-]*(?:\s(?!from\b)[a-z][\w-]*)?"


def _rules(category: str, scope: Scope, *patterns: str) -> list[Rule]:
    return [Rule(category, re.compile(p, re.IGNORECASE), scope) for p in patterns]


RULES: list[Rule] = [
    # -- name ------------------------------------------------------------------------------
    *_rules(
        "name",
        "sentence",
        r"(?:\bmy\s+name(?:'s| is)|(?:^|[,.]\s*)name's|^(?:full\s+)?name\s*:)\s+(?:(?:spelt|spelled|written|pronounced|actually|still|really|just)\s+(?:like\s+|as\s+)?)?" + TITLE + r"(?P<v>(?-i:[A-ZÀ-ÝĀ-Ž])[^\W\d_]+(?:[-'](?-i:[A-Z])[^\W\d_]+)?(?:\s+(?-i:[A-ZÀ-ÝĀ-Ž])[^\W\d_]+(?:-(?-i:[A-Z])[^\W\d_]+)?){0,2}|[a-z][a-z'-]+)",
        r"(?:^|[,.:!]\s*|\band\s+|\b(?:hola+|ol[aá]+|oi+|bonjour|salut|ciao|hallo)\W*\s*|\b(?:so|yes|yeah|ok|okay|well|that|hi|hello|hey)\s+)(?:i'm|i am|soy|sou(?:\s+(?:a|o))?|me llamo|je suis|je m'appelle|mi chiamo|ich bin|ik ben)\s+" + TITLE + r"(?P<v>" + PERSON + r")"
        r"(?=\s*(?:[,.!;(—–]|$|\s(?:and|but|here|from|btw|by the way|aged|-)\b|\s(?-i:I|I'm|I've)\s))",
        # "Permit me to introduce myself: Dr. Annelise Vogt", "So I, Rajesh Kumar Bansal, am…"
        r"\bintroduce myself\s*[:,-]?\s+" + TITLE + r"(?P<v>" + PERSON + r")(?=\s*(?:[,.!;(—–]|$|\s(?:and|from|here)\b))",
        r"\b(?-i:I),\s+" + TITLE + r"(?P<v>" + PERSON + r"),\s+(?:am|have|run|own|was)\b",
        # "Imran bol raha hun" (Urdu/Hindi: "Imran speaking"), "Mi name Desmond" (patois)
        r"(?:^|[,.!:]\s*)(?P<v>" + PERSON + r")\s+bol\s+rah[ai]\s+h(?:u|oo|a)n?\b",
        r"\bmi name\s+(?:is\s+)?(?P<v>" + PERSON + r")\b",
        r"(?:^|[,.!:]\s*|\b(?:it's|its|this is)\s+)(?P<v>" + PERSON + r")\s+here\b",
        r"^myself\s+(?P<v>" + PERSON + r")",
        r"^am\s+(?P<v>(?-i:[A-ZÀ-ÝĀ-Ž])[^\W\d_]+)(?=\s*(?:[,.!;]|$))",
        r"\bthis is\s+(?P<v>" + PERSON + r")\s+(?:from|of|here|speaking|(?-i:I|I'm))\b",
    ),
    *_rules(
        "name",
        "request",
        r"\b(?:call me|people call me|i go by|you can call me)\s+(?P<v>(?-i:[A-Z])[a-z'-]+)" + END,
        # what everyone calls the person, kept beside the full name ("Marites (Tess)")
        r"\b(?:everyone|everybody|evrybody|people|most people|(?:my |most |the )?(?:clients|customers|friends|kids|students|family)|they all|all)\s+(?:just\s+|usually\s+|always\s+)?"
        r"(?:calls?|says?|knows?|kno)\s+(?:me\s+|mi\s+)?(?:as\s+)?(?P<v>" + PERSON_WORD + r")(?=\s*(?:[,.;!?)—–]|$|\s(?:and|but|here)\b))",
        r"(?:^|[—–(]\s*|,\s+)(?P<v>" + PERSON_WORD + r")\s+to\s+(?:most people|my friends|friends|everyone|most|everybody)\b",
        r"\b(?:full name(?:'s| is)|(?:i'm|i am|sou a|soy)\s+" + PERSON_WORD + r"\s+\()\s*(?P<v>" + PERSON + r")(?=\s*(?:[,.;!?)—–]|$|\s(?:but|and)\b))",
    ),
    # -- company (before role, so "founder of X" takes X as the business) ------------------
    *_rules(
        "company",
        "sentence",
        FIELD.format(
            r"company|business|business name|company name|brand|brand name|shop|studio|firm|trading as|trading name|"
            r"practice|clinic|association|cooperative|co-op|salon|bakery|workshop|restaurant|cafe|café|farm|agency|"
            r"school|academy|podcast|newsletter|band|label|store|app|"
            r"name of (?:the |my |our )?(?:business|company|brand|shop|workshop|studio|farm|firm|clinic|practice|store|salon|agency|school)"
        ).replace("(?P<v>", "(?P<v>(?-i:[A-Z0-9])"),
        # "stall name is K's Doubles", "so the brand name!! its Doce Raiz", "we're called Two Birds Content"
        r"\b(?:stall|cart|van|kiosk|stand|booth|boat|page|account|taller|workshop|atelier|truck|band|show|newsletter|podcast|channel|yard|estate|kitchen|"
        r"venture|project|outfit|co-?op|cooperative|association|brand|business|company|shop|studio)\s+name\W*\s*(?:is|it's|its|=)\s+(?:now\s+)?(?P<v>" + PROPER + r")",
        r"\b(?:we're called|we are called|we call it|we called it|we named it|i call it|i called it|i named it)\s+(?P<v>['\"]?" + PROPER + r"['\"]?)" + END_NAME,
        # "We r Sri Velavan Pumps": a name of two words or more ("we're Kenyan" names no business)
        r"\b(?:we're|we are)\s+(?P<v>(?-i:[A-Z])[\w&'.-]*(?:\s+(?:&\s+)?(?-i:[A-Z])[\w&'.-]*)+)" + END_NAME,
        r"^(?P<v>" + PROPER + r")\s+is the (?:name|business name|brand name|shop name)\b",
        r"\b(?:my|our|the)?\s*(?:[\w-]+\s+){0,3}?" + BUSINESS_NOUNS + r"(?:'s name)?(?:\s+is|\s*'s)\s+(?:now\s+|simply\s+|just\s+)?(?:called|named)\s+(?P<v>.+?)" + END_NAME,
        r"\b(?:my|our)\s+(?:[\w-]+\s+)?" + BUSINESS_NOUNS + r"(?:'s)?\s+name\s+is\s+(?:now\s+)?(?P<v>.+?)" + END_NAME,
        r"\b(?:run|running|own|owning|founded|started|launched|co-founded|built|building|have|manage|managing|opened|opening|"
        r"launching|starting|growing|of|at)\s+(?:a|an|my own|our own|the|my|our|this)\s+(?:[\w&'$-]+\s+){0,8}?(?:called|named)\s+(?P<v>.+?)" + END_NAME,
        r"\b(?:it's|it is|brand's|business's|shop's|studio's|company's|app's|podcast's|bakery's|salon's)\s+(?:simply\s+|now\s+|just\s+)?(?:called|named)\s+(?P<v>.+?)" + END_NAME,
        r"\b(?:under the name|by the name of|(?:business|brand|company|shop|studio|practice|agency|farm|salon|bakery|cafe|café|label|store|app)\s+name\s+is|the new name is|(?:^|[,.]\s*)name is|(?:i|we) (?:finally )?have (?:a )?name for (?:my|our) \w+\s*:?)\s+(?P<v>.+?)" + END_NAME,
        r"\b(?:(?:now\s+)?(?:we're|we are)\s+now|now\s+(?:we're|we are)|from this month it is|from now on (?:we're|we are))\s+(?:called\s+)?(?P<v>['\"]?" + PROPER + r"['\"]?)",
        r"\b(?:my|our|the)\s+(?:[\w-]+\s+)?(?:studio|company|business|brand|shop|agency|practice|firm|label|app|bakery|salon|cafe|café|podcast|clinic|school)\s+"
        r"(?:is\s+(?:simply\s+|just\s+|now\s+)?(?:called\s+)?)?(?P<v>" + PROPER + r")(?=\s+(?:is|was)\b|" + END_NAME[3:],
        # "I run Ayo Water Works here in Ibadan", "I run Salt & Stretch — SUP yoga"
        r"(?:\b(?:i|we|mi)\s+(?:run|own|own and run|run and own|co-own|co-run|founded|co-founded|started|launched|manage)|"
        r"\b(?:i've|we've|i have|we have) been running|(?:^|[,;]\s*)(?:run|running|own))\s+(?P<v>" + PROPER + r")"
        r"(?=,|\s+[—–-]\s|\s+(?:here\s+)?in\s|\s+(?:out of|outta|pon|at|near|since|based)\b|\s*[.;!]|\s*$)",
        r"\b(?:renamed?|rebrand(?:ed|ing)?)\s+(?:it|the \w+|our \w+|my \w+|the business|us|ourselves)?\s*(?:from\s+" + PROPER + r"\s+)?(?:to|as)\s+(?P<v>.+?)" + END_NAME,
        # a name written in lower case ("I run sagebrush pest control", "i own blue sardine divers")
        r"(?:^|[.,!]\s*|\b(?:and|so)\s+)(?:i|we)\s+(?:run|own|co-own)\s+(?!" + _NOT_A_LOWER_NAME + r")"
        r"(?P<v>(?-i:[a-z][\w&'-]*)(?:\s+(?:&\s+)?(?!" + _NOT_A_LOWER_NAME + r")(?-i:[a-z][\w&'-]*)){1,3}?)"
        r"(?<!classes)(?<!sessions)(?<!tours)(?<!retreats)(?<!courses)(?<!events)(?<!workshops)(?<!lessons)"
        r"(?=\s+(?:in|out of|from|here|on)\b|\s*[,.;!]|\s*$)",
        r"\b(?:i|we)(?:'m| am|'re| are)\s+(?:the\s+)?(?:founder|owner|ceo|co-?founder)s?\s+(?:of|at)\s+(?P<v>" + PROPER + r")",
        r"^at\s+(?P<v>" + PROPER + r"),?\s+(?:we|i)\b",
        r"\b(?:we're|we are|it's|its|it is)\s+(?P<v>" + PROPER + r")\s+now\b",
        r"\b(?:the\s+)?new name\s*(?:is|:)\s*(?P<v>['\"]?" + PROPER + r"['\"]?)",
        r"\b(?:(?:business|company|brand|shop|studio|farm|firm)\s+name\s*:|the name is)\s*(?P<v>['\"]?" + PROPER + r"['\"]?)",
        r"\b(?:[\w-]+\s+){0,2}?" + ROLE_WORDS + r"\s+(?:of|at)\s+(?P<v>" + PROPER + r")",
        r"\b(?:a|an|my|our)\s+(?:[\w&'-]+\s+){0,4}" + BUSINESS_NOUNS + r",\s+(?P<v>" + PROPER + r")(?=,|\s+in\b|\s*[.;]|$)",
        r"(?:^|[,.]\s*)(?:the\s+)?(?:company|business|brand|shop|studio|firm|farm|agency)\s+(?:is|=)\s+(?P<v>['\"]?" + PROPER + r"['\"]?)" + END_NAME,
        r"\b" + BUSINESS_NOUNS + r"\s+(?:name|named)\s+(?P<v>" + PROPER + r")" + END_NAME,
        r"(?:^|,\s*)(?:is|it's|its)\s+(?:now\s+)?called\s+(?P<v>" + PROPER + r")",
        r"\bname\s+(?:of\s+(?:the|my|our)?\s*\w+\s+|on it\s+)(?:is|still|:)\s+(?P<v>" + PROPER + r")",
        r"\b(?:biz|bizz|business|company|shop|brand)\s+(?:is\s+)?(?:now\s+)?called\s+(?P<v>['\"]?" + PROPER + r"['\"]?)",
        r"\b(?:trading|trade|trades|operating|operate|operates|practi[sc]e|practi[sc]es|practi[sc]ing|going|registered)\s+(?:as|under)\s+(?:the name\s+)?(?P<v>['\"]?" + PROPER + r"['\"]?)",
    ),
    # a new name right after talk of naming ("new name too. It's now Steady Wheel Driving School.")
    *_rules(
        "renamed",
        "sentence",
        r"^(?:(?:it's|it is|we're|we are)\s+now\s+(?:called\s+)?)(?P<v>" + PROPER + r")",
        r"(?:→|->)\s*(?P<v>" + PROPER + r")",
        r"^['\"](?P<v>" + PROPER + r")['\"]",
        r"\b(?:is|are)\s+now\s+(?:called\s+)?['\"](?P<v>" + PROPER + r")['\"]",
    ),
    # -- role ------------------------------------------------------------------------------
    *_rules(
        "role",
        "sentence",
        FIELD.format(r"role|position|title|job title|job|occupation|me|my role"),
        r"^me\s*=\s*(?P<v>[^=.;]+?)(?=\s*(?:[.;!]|$))",
        r"\b(?:i'm working as|i am working as|i'm|i am|i still am|i remain|i work as|i work like|now am|i've been|i have been)\s+(?:now\s+|still\s+|also\s+|more\s+(?:like\s+)?|just\s+|mostly\s+)*(?:the\s+|a\s+|an\s+)?(?P<v>(?:[\w-]+\s+){0,3}?" + ROLE_WORDS + r"(?:" + ROLE_JOIN + ROLE_WORDS + r")?)\b(?!\s+(?:friend|client|'s))",
        r"(?:^|,\s*|\bmy role (?:now\s+)?is\s+)(?:the\s+|a\s+|an\s+)?(?P<v>(?:[\w-]+\s+){0,3}?" + ROLE_WORDS + r"(?:" + ROLE_JOIN + ROLE_WORDS + r")?)"
        r"(?=\s*(?:[,.;!]|$|\s(?:of|at|in|on|near|outta|based|working|for|with|here|from|specialising|specializing|who|doing|and|lol|haha)\b))",
        # "Still a registered dietitian", "Now Managing Director, father retired"
        r"(?:^|[;:]\s*)(?:(?:yes|yep|yeah|no|nope|and|so)[,!.]?\s+)?(?:still|now)\s+(?:just\s+)?(?:the\s+|a\s+|an\s+)?(?P<v>(?:[\w-]+\s+){0,2}?" + ROLE_WORDS + r"(?:" + ROLE_JOIN + ROLE_WORDS + r")?)"
        r"(?=\s*(?:[,.;!]|$|\s(?:full[- ]time|part[- ]time|for now|though|tho|of|at|now)\b))",
        # "my title is now Director", "I have served as medical director", "I stay in Cairo as CTO"
        r"\bmy (?:title|position|designation|job title) is\s+(?:now\s+)?(?:the\s+|a\s+|an\s+)?(?P<v>(?:[\w-]+\s+){0,3}?" + ROLE_WORDS + r")\b",
        r"\bi\s+(?:[\w']+\s+){0,4}?(?:serve|serving|served|stay|staying|remain|remaining|continue|continuing)\s+(?:[\w]+\s+){0,3}?as\s+(?:the\s+|a\s+|an\s+)?(?P<v>(?:[\w-]+\s+){0,3}?" + ROLE_WORDS + r"(?:" + ROLE_JOIN + ROLE_WORDS + r")?)\b",
        r"\b(?:i'm|i am)\s+(?-i:[A-Z])[^\W\d_]+(?:\s+(?-i:[A-Z])[^\W\d_]+)?,\s+(?P<v>(?-i:CPA|CFA|CFP|CA|ACCA|GP|RN|RMT|MD|DDS|PT|VA|PA|DJ|MC|IFA|SEO))(?=\s*[,.;!]|$)",
    ),
    *_rules(
        "share",
        "sentence",
        SHARE_VERB + r"(?P<v>(?:the\s+)?" + WORK_SHARE + r"\b.*?)" + END_LONG,
        # a share named after another ("i do the diagnostics and the money")
        SHARE_VERB + r"(?P<v>(?:[\w-]+\s+){1,3}?(?:and|\+|&)\s+(?:the\s+)?" + WORK_SHARE + r"\b.*?)" + END_LONG,
    ),
    # -- industry --------------------------------------------------------------------------
    *_rules(
        "industry",
        "sentence",
        FIELD.format(r"type|industry|sector|line of business|business type|type of business|trade|field|what|activity|business activity|what we do|speciality|specialty"),
        r"\b(?:i'm|i am|we're|we are|i work|we work|i'm working|we operate)\s+in\s+(?:the\s+)?(?P<v>[\w &/-]{3,40}?)\s+(?:industry|sector|space|market|niche|field|business)\b",
        r"\b(?:we're|we are|i run|we run|i own|we own|it's|it is|its|i'm having|i am having|we're having|my business is|our business is|the business is|i have|i'm building|we're building|building|i started|we started|i've got|we've got|i got|we got|i have got|we have got|i opened|we opened|opened|i set up|we set up)\s+(?:a|an)\s+(?!(?:problem|issue|question|challenge|hard time|lot|bit|feeling)\b)"
        r"(?P<v>(?:[\w&'-]+\s+){0,4}" + BUSINESS_NOUNS + r"(?:\s+of\s+(?!(?:my|our|the|his|her|their|\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty)\b)[\w&'-]+(?:\s+(?:and\s+)?[\w&'-]+){0,3}?(?=\s+(?:in|called|named|near|on|at|based)\b|\s*[,.;!(]|\s*$))?)\b",
        r"\b(?:owner|founder|co-?founder|co-?owner|manager|director|head)\s+(?:of|at)\s+(?:a|an)\s+(?P<v>(?:[\w&'-]+\s+){0,4}" + BUSINESS_NOUNS + r")\b",
        # "I run Kasana Express, parcel delivery in Kampala", "…, which is wedding and event planning"
        r"\b(?:i|we)\s+(?:run|own|founded|started)\s+" + PROPER + r",\s+(?:which is\s+|it's\s+|its\s+|a\s+|an\s+)?(?!(?:a|an|the|it|its|it's|they|we|i|which|that|this|but|and|so|since|because|though|although|who|been|just|still|also|really|very)\b)(?![^,.;]*\b(?:is|are|was|were|has|have|had|been|be|do|does|did|can|will|would|me|my|i|we|our|us)\b)(?P<v>(?-i:[a-z])[\w&'+-]*(?:\s+(?:[\w&'+-]+|\+)){1,6}?)"
        r"(?=\s+(?:in|based|out of|from|near|for|on|since)\b|\s*[,.;!(]|\s*$)",
        # "Nordform, a small branding agency in Stockholm"
        r"(?-i:[A-Z0-9])[\w&'.°-]*(?:\s+(?:&|and|of)?\s*(?-i:[A-Z0-9])[\w&'.°-]*)*,\s+(?:a|an)\s+(?P<v>(?:[\w&'-]+\s+){0,5}?[\w&'-]+)"
        r"(?=\s+(?:in|based|out of|from|that|which|who|located|run|founded|with)\b|\s*[,.;!]|\s*$)",
        r"(?-i:[A-Z0-9])[\w&'.°-]*(?:\s+(?:&|and|of)?\s*(?-i:[A-Z0-9])[\w&'.°-]*)*,\s+(?P<v>(?:[\w&'-]+\s+){0,4}" + BUSINESS_NOUNS + r")(?=\s+(?:in|based|out of|from)\b|\s*[,.;!]|\s*$)",
        r"\b(?:for|with|about|of|grow|growing|run|running)\s+(?:my|our)\s+(?P<v>(?!own\b)(?:[\w&'-]+\s+){1,3}?(?-i:" + BUSINESS_NOUNS + r"))\b",
        r"\b(?:i|we)\s+(?:have|own|run|got)\s+(?!(?:the|my|our|a|an|this|that|his|her|their|your|no|two|three|some|more)\b)(?P<v>(?:[\w&'-]+\s+){0,2}?(?-i:" + BUSINESS_NOUNS + r"))(?=\s+(?:in|name|named|called|near|outside|on)\b|\s*[,.;!]|\s*$)",
        r"\b(?:own|owned|owning|run|ran|running|operate|operated|operating|manage|managed|managing)\s+and\s+(?:run|running|operate|operated|operating|manage|managed|managing)\s+(?:a|an)\s+(?P<v>(?:[\w&'-]+\s+){0,4}" + BUSINESS_NOUNS + r")\b",
        r"\b(?:i'm|i am|we're|we are)\s+running\s+(?:a\s+|an\s+|my\s+|our\s+)?(?P<v>(?:[\w&'-]+\s+){0,4}" + BUSINESS_NOUNS + r")\b",
        r"\b(?:we're|we are|we've|i'm|i am)\s+(?:now\s+)?(?:moving|pivoting|shifting|expanding)\s+(?:from\s+[\w\s-]+?\s+)?into\s+(?P<v>[\w\s-]{3,40}?)" + END,
        # "owner and chef of ramen shop "Menya Hiro" in Osaka", "— events catering in Lekki"
        r"(?:^|[,;—–-]\s*|\b(?:of|at|own|run|runs|have|has)\s+)(?:a\s+|an\s+)?(?P<v>(?:" + _QUALIFIER + r"\s+){1,3}(?-i:" + BUSINESS_NOUNS + r"))"
        r"(?=\s+(?:['\"][^'\"]+['\"]\s+)?(?:in|called|named|based|situated|out of|near|outside|on)\b|\s*[,.;!]|\s*$)",
    ),
    # -- location --------------------------------------------------------------------------
    *_rules(
        "location",
        "sentence",
        FIELD.format(r"location|based|based in|city|address|where"),
        r"\b(?:based|located|headquartered|live|living|settled)\s+(?:out\s+)?(?:in|out of|around|from)\s+(?P<v>" + ANY_PLACE + r")",
        r"\b(?:operate|operating|work|working)\s+(?:out\s+)?(?:in|out of|around|from)\s+(?P<known>)(?P<v>" + ANY_PLACE + r")",
        r"(?:(?:\b(?:a|an|my|our|of)|,|[—–]|\b(?:run|own|have|running))\s+|^)(?:[\w&'-]+\s+){0,3}" + BUSINESS_NOUNS + r"(?:\s+called\s+.+?|\s+['\"][^'\"]+['\"])?\s+(?:(?:up|down|over|out|based)\s+)?(?:in|out of|outside|near)\s+(?P<v>" + PLACE + r")",
        r",\s+(?:[\w&'-]+\s+){0,3}" + BUSINESS_NOUNS + r"\s+in\s+(?P<known>)(?P<v>" + ANY_PLACE + r")",
        r"\bhere in\s+(?P<v>" + ANY_PLACE + r")",
        r"\bshifted\s+(?:the\s+)?(?:whole\s+)?(?:[\w-]+\s+){0,2}?(?:down\s+|up\s+|over\s+|back\s+)?to\s+(?P<v>" + ANY_PLACE + r")",
        r"^myself\s+(?:[\w-]+\s+){1,3}?from\s+(?P<v>" + PLACE + r")",
        r"\b(?:i'm|i am|myself|am)\s+(?-i:[A-ZÀ-Ý])[^\W\d_]+(?:\s+(?-i:[A-ZÀ-Ý])[^\W\d_]+)?,?\s+(?:and\s+)?(?:i'm\s+|i am\s+)?from\s+(?P<v>" + PLACE + r")",
        r",\s*from\s+(?P<known>)(?P<v>" + ANY_PLACE + r")(?=\s*(?:[.;!,]|$))",
        r"(?:^|[,;]\s*)(?:the\s+)?(?:" + BUSINESS_NOUNS[3:-1] + r"|office|atelier|workshop)\s+is\s+(?:now\s+)?(?:in|based in|located in)\s+(?P<v>" + ANY_PLACE + r")",
        r"\b(?:a|an|my|our)\s+(?:[\w&'-]+\s+){0,2}(?:warehouse|kitchen|garage|home|flat|apartment|unit|basement|shed|office|spare room|studio)\s+in\s+(?P<v>" + PLACE + r")",
        r"\b(?:i|we|i've|we've|i have|we have|i'm|we're|i am|we are|just|finally|have|has)\s+(?:just\s+|finally\s+|now\s+|officially\s+)?(?:moved|relocated|relocating|moving)\s+(?:the\s+\w+\s+|our\s+\w+\s+|my\s+\w+\s+|everything\s+|us\s+|it\s+|house\s+|hq\s+|headquarters\s+|the business\s+)?(?:over\s+|back\s+|across\s+)?to\s+(?P<v>" + ANY_PLACE + r")",
        r"\b(?:i'm|i am|we're|we are)\s+(?:originally\s+)?from\s+(?P<v>" + PLACE + r")",
        r"\b(?:i'm|i am|we're|we are|(?:my|our|the)\s+(?:[\w-]+\s+){0,2}?(?:" + BUSINESS_NOUNS[3:-1] + r"|office|base|hq|headquarters|team|studio space|workshop|premises)(?:\s+" + PROPER + r")?)\s+(?:is|are|'s)?\s*"
        r"(?:now\s+|still\s+|currently\s+|also\s+)?(?:in|based in|located in)\s+(?P<v>" + ANY_PLACE + r")",
        r"(?:^|[,;]\s*)(?-i:[A-Z])[\w&'-]*(?:\s+(?:&\s+)?(?-i:[A-Z])[\w&'-]*)*\s+(?:is|'s)\s+(?:now\s+|still\s+)?(?:in|based in|located in)\s+(?P<v>" + PLACE + r")",
        r"\b" + ROLE_WORDS + r"(?:\s+(?:of|at)\s+" + PROPER + r")?\s+(?:in|based in|from)\s+(?P<v>" + PLACE + r")",
        r"\b" + ROLE_WORDS + r"\s+(?:in|based in|from)\s+(?P<known>)(?P<v>" + ANY_PLACE + r")",
        r"\b(?:moved|moving|shifting|shifted|relocating|relocated)\s+(?:the\s+|our\s+|my\s+)?(?:office|business|studio|shop|firm|centre|center|clinic|salon|workshop|practice|company|hq)\s+(?:from\s+[\w' -]+?\s+)?to\s+(?P<v>" + ANY_PLACE + r")",
        r",\s+in\s+(?P<v>" + PLACE + r")(?=\s*[.;!]|$)",
        r"(?:\bnew|\b(?:moved|moving|relocated|relocating|now)\b[^.,;]{0,30}?)\s+(?:[\w-]+\s+){0,2}?(?:unit|place|premises|space|shop|studio|office|site|spot|location|kitchen|workshop|base|home|clinic|salon)\s+(?:on|in|at)\s+(?P<v>" + PLACE + r")",
        r"\b(?:moved|moving|relocated|relocating)\s+(?:in)?to\s+(?:a|an|the|our|my)\s+(?:[\w-]+\s+){0,2}?(?:unit|place|premises|space|shop|studio|office|site|kitchen|workshop|clinic|salon)\s+(?:on|in|at)\s+(?P<known>)(?P<v>" + ANY_PLACE + r")",
        r"\b(?:from home|remotely|online)\s+in\s+(?P<v>" + PLACE + r")",
        # "moving the yard from Ibadan to Abeokuta", "relocate our office from York to Beverley"
        r"(?:^|[,;—–]\s*|\b(?:i|we)(?:'m|'re|'ve|'ll|\s+am|\s+are|\s+have|\s+will)?\s+(?:[\w-]+\s+){0,4}?)"
        r"(?:moved|moving|relocated|relocating|relocate|move)\s+(?:(?:the|our|my)\s+(?:[\w-]+\s+){0,2}?[\w-]+\s+(?:and\s+(?:[\w-]+\s+){0,1}?[\w-]+\s+)?)?"
        r"(?:from\s+(?:[\w'-]+\s+){1,3}?)?to\s+(?P<known>)(?P<v>" + ANY_PLACE + r")",
        r"\b(?:make|sell|bake|work|operate|do|teach|shoot|roast|brew|practice|practise|coach|cook|design|install|deliver)\s+[^.,;]{0,40}?\s(?:in|around|across|out of)\s+(?P<known>)(?P<v>" + ANY_PLACE + r")",
    ),
    # -- audience (before offer and goal: "who I want to work with is…") -------------------
    *_rules(
        "audience",
        "sentence",
        r"\b(?:my|our|the)\s+(?:ideal|target|dream|main|core|typical|perfect|primary)\s+(?:customer|client|audience|buyer|user|market|member|student|reader|guest|patient|demographic)s?"
        r"(?:\s+(?:is|are|would be|:))\s+" + ADVERB + r"(?P<v>.+?)" + END_LONG,
        r"(?:^|(?<!for\s)(?<!of\s)(?<!to\s)(?<!with\s)\b(?:my|our|the)\s+)(?:most of\s+(?:my|our|the)\s+)?(?:[\w-]+\s+)?(?:customers?|clients?|audience|buyers|users|regulars|couples|brides|families|parents|tenants|homeowners|travell?ers|visitors|donors|target market|target audience|target|members|students|learners|pupils|guests|crowd|readers|listeners|patients|shoppers|followers|fans|subscribers|diners|market|orders|jobs|bookings|people (?:paying|buying|booking))(?:\s+now)?\s+"
        r"(?:are|is|r|:)\s+" + ADVERB + r"(?P<v>.+?)" + END_LONG,
        r"\b(?:(?:the\s+)?people|those|the ones|folks)\s+who\s+(?:come|buy|book|shop|sign up|order|visit|hire (?:me|us)|pay|join|enrol|enroll|subscribe)(?:\s+(?:to|from|with|here|the\s+\w+|my\s+\w+|our\s+\w+))?\s+(?:are|is)\s+" + ADVERB + r"(?P<v>.+?)" + END_LONG,
        r"(?:^|,\s*)most of\s+(?:my|our|the)\s+(?:[\w-]+\s+)?(?:customers|clients|buyers|users|students|learners|pupils|guests|members|patients|readers|subscribers)\s+(?:are|r)\s+" + ADVERB + r"(?P<v>.+?)" + END_LONG,
        r"^(?:so,?\s+)?(?:new\s+)?(?:clients|customers|audience|target audience|target market|target|ideal client|ideal customer|market)\s*:\s*(?P<v>.+?)" + END_LONG,
        r"\b(?:i|we)\s+want\s+(?P<v>.+?)\s+to\s+be\s+(?:my|our)\s+(?:main\s+|ideal\s+|target\s+|core\s+)?(?:clients|customers|audience|market|people)\b",
        # "property mgrs r my main target now", "Korean specialty roasters can be our new main market"
        r"(?:^|[,;:]\s*)(?:(?:honestly|i think|i believe|tbh|so|and|but|now|actually|yeah|ok|okay)[,]?\s+)*(?!(?:they|these|those|it|this|that|dey|which|who|price|prices|pricing|quality|growth|money|instagram)\b)(?P<v>[^,;:]{3,80}?)\s+(?:is|are|r|can be|could be|should be|will be|have become|became)\s+(?:now\s+)?(?:my|our|the)\s+(?:(?:new|main|real|biggest|dream|core|principal|ideal|target|best|key)\s+)+(?:target|market|customers?|clients?|kunden|audience|buyers?|crowd)\b",
        r"\b(?:my|our|the)\s+sweet\s+spot\s+(?:now\s+)?(?:is|are)\s+(?:now\s+)?(?P<v>.+?)" + END_LONG,
        r"\bwho\s+(?:i|we)\s+(?:really\s+)?want\s+to\s+(?:work with|serve|reach|sell to|help)\s+(?:is|are)\s+(?P<v>.+?)" + END_LONG,
        r"\b" + ROLE_WORDS + r"\s+(?:working|who works)\s+with\s+(?P<v>.+?)" + END,
        r"\b(?:we're|we are|we)\s+(?:now\s+)?(?:focusing|focussing|focused|focussed)\s+on\s+(?P<v>.+?)" + END_LONG,
        r"(?:^|\b(?:so|and|now)\s+)(?:main|ideal|target|core)\s+(?:customer|client|audience|market)s?\s+(?:now\s+)?(?:is|are)\s+(?P<v>.+?)" + END_LONG,
        r"\bthe\s+(?:clients|customers|people|ones)\s+(?:with whom|who|that)\s+(?:we|i)\s+(?:work|do)\s+(?:best|well)(?:\s+with)?\s+(?:are|is)\s+(?P<v>.+?)" + END_LONG,
        r"\b(?:the\s+)?new\s+(?:target|market|customer|client|audience)(?:\s+(?:i|we)\s+want)?\s*(?:is|:)\s+(?P<v>(?!\d).+?)" + END_LONG,
        r"\b(?:my|our)\s+(?:clientele|client base|customer base)\s+(?:consists|is made up|is drawn)(?:,?\s+(?:in the main|mostly|largely|mainly),?)?\s+(?:of|from)\s+(?P<v>.+?)" + END_LONG,
        r"\b(?:(?:the\s+)?people|those|the ones|folks)\s+who\s+(?:come|buy|book|shop|order|visit|pay)\s+(?:most\s+)?(?:consistently|often|regularly|most)?\s*(?:are|is)\s+(?:what\s+(?:i|we)\s+(?:would|'d)\s+call\s+)?(?P<v>.+?)" + END_LONG,
    ),
    # audience only when the value names people ("we only go after restaurant groups")
    *_rules(
        "people",
        "sentence",
        r"\b(?:i'm|i am|i)\s+(?:now\s+)?(?:focusing|focussing|focused|focussed)\s+(?:more\s+)?on\s+(?P<v>.+?)" + END_LONG,
        r"\bspeciali[sz](?:es|e|ing)\s+in\s+(?P<v>.+?)" + END_LONG,
        r"\b(?:i|we)\s+(?:now\s+)?(?:only\s+)?(?:go after|going after|chase|chasing|targeting)\s+(?P<v>.+?)" + END_LONG,
        r"\b(?:supplying|selling|delivering|catering)\s+(?:[\w'-]+\s+){0,4}?to\s+(?P<v>.+?)" + END_LONG,
        r"^(?:mostly|mainly|largely|primarily)\s+(?P<v>.+?)" + END_LONG,
        r"\b(?:want|wanna|going|plan|planning|need|hope|hoping|trying)\s+to\s+(?:also\s+)?(?:target|go after|reach|attract|win|chase|focus on)\s+(?P<v>.+?)" + END_LONG,
        r"\bswitch(?:ing|in'?|ed)?\s+(?:our\s+|my\s+|the\s+)?focus\s+to\s+(?P<v>.+?)" + END_LONG,
        r"^(?:(?:also|and|now|ok|so|ya|yeah)\s+)*(?:targeting|chasing|going after)\s+(?P<v>.+?)" + END_LONG,
        r"^(?:(?:ya|yeah|actually|honestly|so|now)\s+)*(?P<v>(?:[\w-]+\s+){0,5}?[\w-]+)\s+(?:are|r|is)\s+(?:now\s+|really\s+)?(?:the|my|our)\s+(?:main|core|best|new|target|ideal)\s+(?:ppl|people|customers?|clients?|crowd|buyers|market|audience)\b",
        r"^(?:(?:honestly|really|actually|so|now)[,\s]+)*(?P<v>(?:[\w-]+\s+){0,5}?[\w-]+)\s+(?:are|is)\s+(?:now\s+)?the\s+(?:customers?|clients?|people|market)\s+(?:i|we)\s+(?:want|'m chasing|am chasing|'re chasing|are chasing)",
        r"^(?:(?:but\s+)?(?:honestly|really|actually)\s+)?the\s+(?:real\s+)?(?:buyer|customer|client|decision-?maker)\s+is\s+(?:really\s+|actually\s+)?(?P<v>.+?)" + END_LONG,
        r"\b(?:i|we)\s+(?:primarily\s+|mostly\s+|mainly\s+|now\s+|only\s+)?(?:help|work with|sell to|cater to|cater for|design for|make \w+ for)\s+(?P<v>.+?)(?=\s+(?:to\s+\w+|get|find|build|grow|create|feel|learn|turn|stop|make|launch)\b|" + END_LONG[3:],
    ),
    *_rules(
        "served",
        "sentence",
        r"\b(?:i|we)\s+" + ADVERB + r"(?:serve|target)\s+(?P<v>.+?)" + END_LONG,
    ),
    # -- decision --------------------------------------------------------------------------
    *_rules(
        "decision",
        "sentence",
        r"(?:^|\b(?:i|we|i've|we've|i have|we have|also|so|ok|okay|and)\s+)(?:finally\s+|just\s+|now\s+|also\s+)?(?:decided|decide)\s*(?:[-–—:]\s*)?(?:to\s+|that\s+|on\s+)?(?P<v>(?!,).+?)" + END_CLAUSE,
        r"^(?:ok\s+|okay\s+|so\s+|right\s+)?(?:(?:i've|we've|i have|we have)\s+)?decided\s*[,:]\s*(?:(?:i'm|we're|i am|we are|i'll|we'll)\s+)?(?:doing|going with|going for|taking|keeping|launching|starting)\s+(?P<v>.+?)" + END_CLAUSE,
        r"^decision(?:\s+made)?\s*:\s*(?P<v>.+?)" + END_CLAUSE,
        r"^(?P<v>(?:(?:we|i)\s+)?(?:will|'ll|are going to|'re going to|am going to|'m going to|going to|gonna)\s+.+?),\s*(?:(?:i|we)(?:'ve| have)?\s+)?(?:already\s+)?decided(?:\s+already)?" + END_CLAUSE,
        r"(?:^|[,;]\s*)(?:(?:we're|we are|i'm|i am)\s+)?(?:keeping|sticking with)\s+(?P<v>.+?)" + END_CLAUSE,
        r"\bwhat\s+(?:i|we)\s+(?:will|'ll|are going to|'re going to|am going to|'m going to)\s+do\s+(?:instead\s+)?is\s+(?P<v>.+?)" + END_CLAUSE,
        r"\b(?:i'm|i am|we're|we are)\s+(?:going with|going ahead with|committing to|sticking with)\s+(?P<v>.+?)" + END_CLAUSE,
        r"\b(?:i|we)\s+(?:chose|choose|picked|went with|have chosen|'ve chosen|settled on)\s+(?P<v>.+?)" + END_CLAUSE,
        r"^going with\s+(?P<v>.+?),?\s+(?:decided|final answer|done)\b",
        # "we have resolved to build a booking page", "I took decision: we will do a summer course"
        r"\b(?:resolved|took (?:the |a )?decision|made (?:the |a )?decision)\s*(?:[-–—:,]\s*)?(?:to\s+|that\s+)?(?:(?:we|i)\s+(?:will|shall|'ll)\s+)?(?P<v>(?!,).+?)" + END_CLAUSE,
        # a commitment opening a sentence ("I'll give existing clients 3 months' notice instead")
        r"^(?:(?:ok|okay|yeah|yes|right|fine|fair|sure)[,!]?\s+)*(?:i'll|we'll|i will|we will)\s+(?!(?:be|admit|say|tell|let|keep|send|think|see|try|check|ask|look|get back|consider|have a|need|probably|maybe|never|always|just|definitely|also)\b)(?P<v>.+?)" + END_CLAUSE,
    ),
    # -- price (before offer, so "a pack of 10 for €100" is a price) -----------------------
    *_rules(
        "price",
        "sentence",
        r"(?:^|\b(?:i|we)\s+)(?:now\s+|currently\s+|still\s+|usually\s+|typically\s+)?(?:charge|bill|ask)\s+(?:about\s+|around\s+|roughly\s+|only\s+|just\s+)?(?P<v>" + MONEY + r")",
        r"\b(?:raised|increased|lowered|dropped|changed|moved|put|set|bumped|upped|cut|reduced|raising|increasing|lowering|dropping|changing|moving|putting|bumping|cutting|reducing)\s+(?:(?:my|our|the|a)\s+|(?=(?-i:[A-Z])))(?P<item>(?:[\w-]+\s+){0,3}?[\w-]+)\s+(?:up\s+|down\s+)?to\s+(?P<v>" + MONEY + r")",
        r"\b(?:raised|increased|lowered|dropped|cut|reduced)\s+(?:the\s+)?(?:price|prices|rate|rates|fee|fees)\s+(?:of|for|on)\s+(?:a|an|the|my|our)?\s*(?P<item>(?:[\w-]+\s+){0,3}?[\w-]+)\s+to\s+(?P<v>" + MONEY + r")",
        r"\b(?:new\s+)?price\s+(?:for|of)\s+(?:a|an|the|my|our|one)?\s*(?P<item>(?:[\w-]+\s+){0,3}?[\w-]+)\s+(?:is|will be)\s+(?:now\s+)?(?P<v>" + MONEY + r")",
        r"(?:^|[,:]\s*|\b(?:and|so|oh|now|but)\s+)(?P<item>(?:(?:a|an|the|my|our|each|one|every)\s+)?(?:[\w-]+\s+){0,3}?[\w-]+(?:\s+\([\w\s-]+\))?)\s+"
        r"(?:is|are|costs?|go(?:es)? for|sells? for|runs?|starts? at|retails? (?:at|for)|'s|is priced at|are priced at|will be|'ll be|remains(?: at)?|stays(?: at)?|is still|are still|is from|are from|from)\s+"
        r"(?:now\s+|about\s+|around\s+|just\s+|only\s+|still\s+|typically\s+|currently\s+|roughly\s+|usually\s+|a flat fee of\s+)?(?P<v>" + MONEY + r")",
        r"\b(?:(?:my|our)\s+)?(?:new\s+)?(?:price|rate|fee|pricing)\s*(?:is\s+(?:now\s+)?|'s\s+(?:now\s+)?|will be\s+|'ll be\s+|goes up to\s+|(?:is\s+|'s\s+)?going\s+(?:up\s+)?to\s+|:\s*)(?P<v>" + MONEY + r")",
        r"(?:^|:\s*)(?:\d+[.)]\s*|[-*•]\s+)?(?P<item>(?!(?:i|we|it|they|you|that|this)\b)(?:[\w'+-]+\s+){0,4}?[\w'+-]+)\s*(?:[–—]|\s-)\s*(?P<v>" + MONEY + r")",
        r"(?:^|:\s*)(?P<item>(?!(?:i|we|it|they|you|that|this|and|but|so)\b)(?:[\w'+-]+\s+){0,4}?[\w'+-]+),\s+(?P<v>" + CURRENCY + r"\s?\d[\d,.]*(?:k|m)?" + _UNIT + r")(?=\s*(?:[.;]|$))",
        r"\b(?:it's|it is|it'll be|it will be)\s+(?:now\s+)?(?:a flat fee of\s+|a flat\s+)?(?P<v>" + MONEY + r")",
        r"(?<![\w'])(?!(?:i|we|i'm|we're|i've|we've|it|it's|they|you)\b)(?P<item>(?:[\w-]+\s+){0,3}?[\w-]+)\s+(?:is going up to|going up to|goes up to|go up to|going to|goes to|go to|went up to|went to|is up to|stays(?: at)?|is revised to|revised to|up to|rises to|rise to|will rise to|increases to)\s+(?P<v>" + MONEY + r")",
        r"(?:^|[,:.]\s+|\band\s+)(?P<v>" + AMOUNT + r")\s+to\s+(?P<item>(?:book|reserve|join|enter|hire|start|secure|hold)\b(?:\s+[\w-]+){0,3}?)(?=\s*(?:[,.;]|$))",
        # a bare list, "mini £35 full £90 ceramic from £450": a pair only next to another pair
        r"(?:^|(?<=\d)\s+)(?P<item>" + _LISTED_ITEM + r")\s+(?:from\s+)?(?P<v>" + CURRENCY + r"\s?\d[\d,.]*(?![.,]?\d)k?)"
        r"(?=\s+" + _LISTED_ITEM + r"\s+(?:from\s+)?" + CURRENCY + r"|\s*$)",
        r"(?:^|[,:.]\s+|\b(?:and|or)\s+)(?P<v>" + MONEY + r")\s+for\s+(?:a\s+|an\s+|the\s+|one\s+)?(?P<item>(?:[\w+-]+\s+){0,4}?[\w+-]+)(?=\s*(?:[,.;(]|$|\sand\b))",
        r"(?:^|[,:]\s+|\b(?:or|and)\s+)(?!(?:i|we|i'm|we're|i've|we've|it|it's|they|you)\b)(?:a\s+|an\s+|the\s+)?(?P<item>(?:[\w-]+\s+){0,4}?[\w-]+)\s+for\s+(?P<v>" + MONEY + r")",
        r"(?:^|[,:.]\s+|\band\s+)(?P<v>" + CURRENCY + r"\s?\d[\d,.]*(?:k|m)?)\s+(?!(?:for|per|a|an|each|on|to|from|in|at)\b)(?P<item>(?:[\w-]+\s+){0,3}?[\w-]+)(?=\s*(?:[,.;(]|$))",
        r"(?:^|[,:.]\s+)(?!(?:i|we|i'm|we're|i've|we've|my|our|it|it's|they|you)\b)(?P<item>(?:[\w-]+\s+){1,3}?[\w-]+)\s+(?P<v>" + CURRENCY + r"\s?\d[\d,.]*(?![.,]?\d)(?:k|m)?" + _UNIT + r")(?=\s*(?:[,.;]|$))",
        r"(?:^|[,:]\s+|\b(?:and|so|now|just)\s+)(?P<unit>)(?P<v>" + MONEY + r")(?=\s*(?:[,.;]|$|\s(?:from|starting|as of|now|for|to|per)\b))",
    ),
    # -- offer -----------------------------------------------------------------------------
    *_rules(
        "offer",
        "sentence",
        r"\b(?:i|we)\s+" + ADVERB + r"(?:sell|offer|make|bake|design|produce|provide|create|teach|roast|brew|craft|install|shoot|build|host|stock|supply|do|deliver|publish|print|repair|grow|paint|draw|sew|knit|embroider|cater|film|photograph|translate|groom|tattoo|illustrate|weave|carve|restore|refurbish|upcycle|rent out|hire out|tutor)\s+"
        r"(?P<v>(?!(?:it|them|that|this|things|stuff|more|less|a lot|lots|everything|something|anything|nothing|what|well|ok|okay|not|so|too|a bit|a few|some|our best|my best|the same|a \w+ called|an \w+ called|a(?: [\w-]+){0,3} (?:company|business|shop|studio|agency|brand|bakery|salon|practice|cafe|café)\b)\b).+?)" + END_LONG,
        r"\b(?:i|we)\s+" + ADVERB + r"(?:run|host|hold|organise|organize|lead)\s+(?P<v>(?:[\w'-]+\s+){0,5}(?:workshops?|classes|courses?|retreats?|ceremonies|tours|events|sessions|camps?|programmes?|programs?|masterclasses|bootcamps?|supper clubs?|tastings?|residencies|clinics?|lessons|drop-ins?)\b.*?)" + END_LONG,
        r"(?:^|\b(?:my|our|the)\s+)(?:main\s+|core\s+|flagship\s+|signature\s+|new\s+|best-selling\s+|bestselling\s+)?(?:offer|product|service|offering|package|bestseller|best seller|best-seller|new thing)s?\s+(?:is|are)\s+(?P<v>.+?)" + END,
        r"\b(?:i'm|i am|we're|we are)\s+(?:also\s+|now\s+)?(?:adding|launching|introducing)\s+(?P<v>.+?)" + END_LONG,
        r"^(?P<v>[^,;]{3,60}?)\s+(?:is|are)\s+(?:our|my)\s+(?:best ?sellers?|best-sellers?|signature|flagship|hero product|most popular(?: (?:product|item|service|one|thing))?|big(?:gest)? one|top sellers?|main thing)\b",
        r"^(?P<v>[^,;]{3,60}?)\s+(?:is|are)\s+the\s+(?:best ?sellers?|best-sellers?|most popular(?: (?:product|item|service|one|thing))?|top sellers?)\b",
        r"^(?=(?-i:[a-z0-9]))(?P<v>[^,;]{3,60}?)\s+(?:is|are)\s+the\s+big(?:gest)? one\b",  # "Kev Morgan Heating is the big one round here" is a rival
        r"\b(?:best ?sellers?|best-sellers?|big(?:gest)? one|most popular)\b[^,;]{0,20},\s+then\s+(?P<v>.+?)" + END_LONG,
        r"(?:^|\b(?:also|now|and|so)\s+)(?:launching|introducing|adding)\s+(?:a|an|our|my|the)\s+(?P<v>.+?)" + END_LONG,
        r"\b(?:i|we)\s+(?:have\s+|'ve\s+)?(?:also\s+)?(?:made|created|launched|added|introduced|designed|started)\s+(?:a|an)\s+new\s+(?P<v>.+?)" + END_LONG,
        r"\b(?:decided|deciding|resolved)\b[^.;]{0,40}?\bto\s+(?:introduce|launch|add|start offering|offer|start|make)\s+(?P<v>(?:(?:a|an|our|the|\d)\S*\s+)?.+?)" + END_LONG,
        r"\b(?:i|we)\s+(?:shall|will|'ll|are going to|'re going to)\s+(?:also\s+)?(?:introduce|launch|add)\s+(?P<v>(?:a|an)\s+.+?)" + END_LONG,
        r"\bdecided\s+(?:i'm|im|we're|i am|we are)\s+(?:also\s+)?(?:doing|adding|offering|launching)\s+(?P<v>.+?)" + END_LONG,
        r"\b(?:my|our)\s+(?:principal|main|core|key|primary)\s+(?:offering|service|product)\s+is\s+(?P<v>.+?)" + END_LONG,
        r"\b(?:i|we)\s+(?:offer|provide|sell),\s+(?:\w+ly|in the main|for the most part),\s+(?P<v>.+?)" + END_LONG,
        r"\b(?:we're|we are|i'm|i am)\s+(?:also\s+)?starting\s+to\s+(?:sell|offer|do|make)\s+(?P<v>.+?)" + END_LONG,
        r"\bwhich\s+(?:we|i)\s+(?:shall|will|'ll|are going to|am going to)?\s*(?:call|name|are calling|am calling|have called|have named)\s+(?P<v>['\"]?" + PROPER + r"['\"]?)",
        r"\b(?:my|our|the)\s+(?:principal|main|core|key|primary)\s+(?:services|products|offers|offerings)\s+(?:are|include)\s+(?P<v>.+?)" + END_LONG,
        r"\b(?:we're|we are|i'm|i am)\s+(?:best\s+|mostly\s+)?known\s+for\s+(?:our\s+|my\s+)?(?P<v>.+?)" + END_LONG,
    ),
    # -- competitor ------------------------------------------------------------------------
    *_rules(
        "competitor",
        "sentence",
        r"(?:^|\b(?:my|our|the)\s+)(?:main\s+|biggest\s+|big\s+|closest\s+|direct\s+|local\s+|only\s+|real\s+|nearest\s+|fiercest\s+|toughest\s+|other\s+)?(?:competitors?|competition|rivals?|competiton|competitor|competetors?|competitiors?|competion|competence)\s*(?:is|are|include|includes|would be|:)\s*" + ADVERB + r"(?P<v>.+?)(?=\s*(?:[.;!?]|$|,\s(?!(?-i:[A-Z])|and\s|or\s)|\s(?:but|because|though|tbh)\b))",
        r"(?:^|[,;]\s*)(?P<v>" + PROPER + r")\s+(?:is|are)\s+(?:still\s+)?(?:my|our)\s+(?:main\s+|biggest\s+|real\s+|closest\s+|direct\s+|only\s+)?(?:competitors?|competition|rivals?)\b",
        r"\b(?:i|we)\s+" + ADVERB + r"(?:compete|competing)\s+(?:with|against)\s+(?P<v>.+?)(?=\s*(?:[.;!?]|$|,\s(?:but|so)\s))",
        r"^(?P<v>" + PROPER + r")\s+is\s+the\s+(?:one|brand|company|business|shop)\s+(?:i|we)\s+(?:always\s+)?(?:get|am|are)\s+compared\s+(?:to|with)",
        r"\b(?:another|a rival|a competing|a competitor|a new|the new)\s+(?:[\w-]+\s+){0,2}?(?:" + ROLE_WORDS[3:-1] + r"|" + BUSINESS_NOUNS[3:-1] + r"|place|one|brand|outfit|crowd)\s+(?:called|named)\s+(?P<v>" + PROPER + r")",
        r"(?:\b(?:i|we)\s+(?:keep\s+|stop\s+|just\s+|have\s+|'ve\s+|are\s+|'re\s+|still\s+)*|(?:^|[:;]\s*))(?:lose|lost|losing)\s+(?:a lot of\s+|lots of\s+|most\s+|many\s+|some\s+|a\s+|an\s+|one\s+|two\s+|three\s+|a few\s+|several\s+|\d+\s+)?(?:[\w-]+\s+)?(?:deals?|pitch(?:es)?|clients?|customers?|business|jobs?|work|sales?|bids?|tenders?|accounts?|contracts?|orders?|bookings?|students?|members?|clinics|patients)\s+(?:\w+\s+)?to\s+(?P<v>.+?)(?=\s*(?:[.;!?]|$|,\s)|\s(?:constantly|all the time|every time|who|which|because|since|last|this|recently|lately)\b)",
    ),
    # -- goal ------------------------------------------------------------------------------
    *_rules(
        "goal",
        "sentence",
        r"(?:^|\b(?:my|our|the|a|one)\s+)(?:main\s+|big\s+|biggest\s+|top\s+|number one\s+|#1\s+|primary\s+|\d{4}\s+|long-term\s+|short-term\s+|real\s+|ultimate\s+|only\s+|new\s+|revised\s+|updated\s+)?(?:goal|aim|objective|dream|ambition|mission|target)"
        r"(?:\s+(?:for|this|by)\s+(?:the\s+|this\s+|next\s+)?[\w\s]+?)?\s*(?:is|:|=|this year is|for this year is|right now is|now is|is now|'s now|still is|is still|still|stil|remains)\s*(?:to\s+)?(?P<v>.+?)" + END_CLAUSE,
        r"^(?:(?:ok|okay|so|and|but|right)[,]?\s+)*(?:new\s+|revised\s+|updated\s+)?(?:goal|target)\s+(?:(?:is\s+)?(?:now|still|stil)\s+(?:is\s+)?|is\s+)(?:to\s+)?(?P<v>.+?)" + END_CLAUSE,
        r"^(?P<v>[^,;]{3,60}?)\s+(?:remains|is still|is)\s+the\s+(?:aim|goal|target)\b",
        r"\b(?:a|the|my|our)\s+(?:[\w-]+\s+){0,2}?(?:goal|target|objective)\s+of\s+(?P<v>(?:reaching\s+|hitting\s+|getting\s+)?\d[^.;!?]*?|(?:reaching|hitting|getting)\s+[^.;!?]+?)(?=\s+(?:remains|is|by the end)\b|" + END_CLAUSE[3:],
        r"\b(?:upping|upped|raising|raised|bumping|bumped|changing|changed|moving|moved|increasing|increased|lowering|lowered|dropping|dropped)\s+(?:my\s+|our\s+|the\s+)?(?P<v>(?:goal|target)\s+to\s+.+?)" + END_CLAUSE,
        r"\b(?:i|we)\s+(?:now\s+)?(?:want|need|'m aiming for|am aiming for|are aiming for|aim for)\s+(?P<v>\d[^.;!?]*?)(?=,\s+not\b|" + END_CLAUSE[3:],
        r"^(?:i\s+|we\s+)?(?:really\s+)?(?:want|wanna)\s+to\s+be\s+known\s+as\s+(?P<v>.+?)" + END_CLAUSE,
        r"^(?:want|wanna|hoping|aiming|need)\s+to\s+(?P<v>(?!know|ask|check|talk|chat)\w.+?)" + END_CLAUSE,
        r"^target(?:\s+for\s+[\w\s]+?)?\s*:\s*(?P<v>\d.+?)" + END_CLAUSE,
        r"(?<!who\s)(?<!what\s)(?<!which\s)(?<!that\s)\b(?:i|we)\s+(?:really\s+|would\s+|'d\s+|should\s+)?(?:want|need|hope|plan|aim|intend|love|wish|like)\s+(?:by\s+(?:the end of\s+)?(?:\w+|next \w+)\s+)?to\s+"
        r"(?P<v>(?!(?:know|ask|understand|learn how|check|make sure|figure out|talk|chat|start by|get your|hear|work with is|serve is|reach is|sell to is|help is|be known for|be clean|feel|keep it|keep things|go after)\b).+?)" + END_CLAUSE,
    ),
    # -- challenge -------------------------------------------------------------------------
    *_rules(
        "challenge",
        "sentence",
        r"(?:^|[,;:]\s*|\b(?:my|our|the|a|one)\s+)(?:main\s+|biggest\s+|big\s+|current\s+|real\s+|key\s+|only\s+|major\s+|constant\s+|perennial\s+|principal\s+)?(?:challenge|problem|struggle|issue|pain point|obstacle|bottleneck|headache|worry|weakness|difficulty)s?"
        r"(?:\s+(?:right now|at the moment|for us|for me|these days|now|honestly|currently|at the minute))*(?:,\s*(?:[\w']+\s+){0,2}[\w']+,)?\s*(?:is|are|:|=)\s*(?:that\s+|probably\s+|honestly\s+|just\s+)?(?P<v>.+?)" + END_CLAUSE,
        r"^(?:(?:so|and|but|honestly|ok)[,]?\s+)?(?:the\s+)?(?:hardest|toughest|worst)\s+(?:thing|part|bit)(?:\s+(?:right now|now|for me|for us))?\s*(?:is|=|:)\s*(?:that\s+)?(?P<v>.+?)" + END_CLAUSE,
        r"^(?:(?:ya|yeah|still|honestly|and)\s+)*(?P<v>[^,;]{3,60}?)\s+(?:still\s+)?kills\s+(?:me|us)\b",
        r"^(?:sir|madam|ma'am|boss|honestly|so|ok|okay|but|and)[,]?\s+(?:the\s+)?(?:main\s+|biggest\s+|big\s+)?(?:challenge|problem|issue|headache)\s+(?:is|:)\s+(?P<v>.+?)" + END_CLAUSE,
        r"^(?:new|another|big|one)\s+(?:problem|challenge|issue|headache)\s*[,:]\s*(?P<v>.+?)" + END_CLAUSE,
        r"^(?P<v>[^,;]{3,60}?)\s+(?:is|are)\s+killing\s+(?:me|us)\b",
        r"\b(?:i|we)(?:'ve| have)?\s+(?:got\s+)?(?:a|the|this|one)\s+(?:big\s+|real\s+)?problem\s+(?:that|where|with)\s+(?P<v>.+?)" + END_CLAUSE,
        r"\b(?:i|we)(?:'m|'re| am| are)?\s+(?:really\s+|still\s+)?(?:struggling|struggle|battling)\s+(?:with|to)\s+(?P<v>.+?)" + END_CLAUSE,
    ),
    # -- value -----------------------------------------------------------------------------
    *_rules(
        "value",
        "sentence",
        r"(?:^|\b(?:my|our|the)\s+)(?:core\s+|brand\s+|company\s+)?values\s*(?:are|include|:)\s+(?P<v>.+?)" + END_CLAUSE,
        r"\b(?:my|our)\s+(?:big\s+|main\s+|real\s+)?(?:thing|motto|mantra|philosophy|ethos|credo|core value|speciality|specialty|promise|usp|edge|difference)\s+is\s+(?P<v>.+?)(?=\s*(?:[.;!?]|$|,\s(?:that|this)\b))",
        r"\bwhat\s+(?:i|we)\s+(?:really\s+)?(?:believe in|value|stand for|care about)(?:\s+most)?\s+is\s+(?P<v>.+?)" + END_CLAUSE,
        r"(?<!what\s)(?<!who\s)\b(?:i|we)\s+(?:deeply\s+|really\s+)?(?:value|care (?:deeply |a lot )?about|stand for|believe in)\s+(?!is\b)(?P<v>.+?)" + END_CLAUSE,
        r"^(?:for (?:me|us),?\s+)?(?P<v>[^;]{3,80}?),?\s+(?:those are|that's|that is|these are|are|this is)\s+(?:my|our|the)\s+(?:core\s+|two\s+|brand\s+|three\s+)?(?:values|motto|mantra|core|thing|ethos)\b",
        r"^(?P<v>[^,;]{3,80}?),?\s+(?:that's|that is|is|this is)\s+what\s+(?:my|our|the|we)\s+(?:brand\s+|business\s+|studio\s+|company\s+)?stands?\s+for",
        r"^(?P<v>[^,;]{3,80}?),?\s+(?:are|is|these are|those are)\s+what\s+(?:we|i)\s+stand\s+for",
        r"\bvalues[- ]wise,?\s+(?:it'?s|its|it is)\s+(?P<v>[^,;]+?)(?=\s*(?:[.;!?]|,|$))",
        r"^(?P<v>[^,;]{3,60}?)\s+(?:is|are)\s+non[- ]?negotiable",
        r"^(?P<v>[^,;]{3,50}?),?\s+above all(?:\s+else)?\s*$",
        r"^(?!(?:that's|thats|that is|this is|it's|its)\b)(?P<v>[^;]{3,80}?),?\s+(?:that's|thats|that is)\s+(?:just\s+)?(?:us|me|who we are|who i am|how we roll|our whole thing|kind of our whole thing|our thing|the magic|our promise|my promise|the whole point|the whole thing|the vibe|my pride|our pride)\s*$",
        r"^(?:only that\s+)?(?P<v>[^,;]{3,60}?)\s+(?:must|should|will|has to|have to)\s+(?:always\s+)?(?:remain|stay|be)\s+the\s+(?:foundation|heart|core|basis|backbone)\b",
        r"^(?P<v>[^,;]{3,80}?)\s+(?:is|are)\s+(?:the\s+|our\s+|my\s+)whole\s+(?:brand|business|point|thing)\b",
        r"\bwhat\s+(?:we|i|the\s+\w+|the business|the brand)\s+stands?\s+for(?:\s+is)?\s*[:–—-]\s*(?P<v>.+?)" + END_CLAUSE,
        r"^(?P<v>[^,;]{3,60}?)\s+(?:matters?|is everything|are everything|means everything|means a lot)\s+(?:a lot\s+|so much\s+)?(?:to|for)\s+(?:me|us)\b",
        r"^(?P<v>[^,;]{3,60}?)\s+(?:is|are)\s+(?:the\s+(?:\w+\s+)?things?|what)\s+(?:we|i)\s+want\s+to\s+be\s+known\s+for",
        r"\b(?:we|i)\s+want\s+to\s+be\s+known\s+for\s+(?P<v>.+?)" + END_CLAUSE,
        r"^(?P<v>[^,;]{3,60}?)\s+(?:remains?|is|are)\s+(?:central|core|key)\s+to\s+(?:how we work|what we do|our brand|the brand|us|me)",
        r"\bfor (?:me|us),?\s+(?:the\s+)?(?:most\s+)?important(?:\s+thing)?\s+is\s+(?:that\s+)?(?P<v>.+?)" + END_CLAUSE,
        r"\b(?:for (?:me|us),?\s+)?what\s+(?:matters|counts)(?:\s+most)?(?:\s+(?:to|for)\s+(?:me|us))?\s+is\s+(?:that\s+)?(?P<v>.+?)" + END_CLAUSE,
        r"\bwhat\s+(?:i'm|i am|we're|we are)\s+(?:most\s+)?proud\s+of\s+is\s+(?:that\s+)?(?P<v>.+?)" + END_CLAUSE,
        r"\b(?:the\s+)?most important(?:\s+thing)?\s+(?:for|to)\s+(?:me|us)\s+is\s+(?:that\s+)?(?P<v>.+?)(?=\s*(?:[.;!?]|$|,\s(?:we|i)\b))",
        r"\bwhat\s+(?:i'm|i am|we're|we are)\s+(?:all\s+)?about\s+is\s+(?P<v>.+?)" + END_CLAUSE,
        r"\bwhat\s+(?:i|we)\s+believe\s*:\s*(?P<v>.+?)" + END_CLAUSE,
        r"(?<!what\s)(?<!who\s)\b(?:we|i)\s+believe\s+(?!in\s+is\b)(?:that\s+)?(?P<v>.+?)" + END_CLAUSE,
    ),
    *_rules(
        "decided",
        "sentence",
        r"^(?:ok\s+|okay\s+|so\s+)?(?:i've\s+|we've\s+)?decided\W*$",
    ),
    *_rules(
        "those",
        "sentence",
        r"^(?:those|these|that|this)(?:\s+(?:are|is)|'s)\s+(?:(?:my|our|the)\s+)?(?:core\s+|brand\s+|two\s+|three\s+)?(?:values?|motto|mantra|core|thing|ethos|what (?:we|i) stand for)\b",
        r"^(?:(?:that's|thats|that is) it,?\s+)?(?:that's|thats|that is|this is|it's|its)\s+(?:the|my|our)\s+(?:magic|pride|promise|whole point|whole thing|secret|difference|edge)\s*$",
        r"^(?:that's|that is|this is)\s+(?:the\s+)?(?:value|thing)s?\s+(?:i|we)\s+care\s+about",
        r"^(?:that's|that is|this is)\s+(?:my|our)\s+promise\b",
    ),
    # -- preference ------------------------------------------------------------------------
    *_rules(
        "preference",
        "sentence",
        r"\b(?:i|we)(?:'d|\s+would|\s+should)?\s+(?:much\s+|really\s+|strongly\s+)?(?:prefer|rather|like it when|don't like|do not like|hate|love it when)\s+(?P<v>.+?)" + END_CLAUSE,
        r"^(?:(?:and|also|oh|so|but)\s+)*(?P<v>(?:skip|avoid|cut|no more|less|drop)\s+(?:the\s+)?(?:motivational|fluff|jargon|pep talks?|small talk|waffle|theory|emojis?|hype|buzzwords|long|corporate|cheerleading|flattery|essays?|walls of text)\b.*?)" + END_CLAUSE,
        r"^(?P<v>[^,;]{3,40}?)\s+works?\s+(?:best|better)\s+for\s+me\b",
        r"^(?:(?:still|and|also|oh|so|just|please|pls)\s+)*(?P<v>keep\s+(?:it|things|answers|replies|your answers|them)\s+[\w\s-]{2,30}?)" + END,
        r"\bi\s+(?:like|love|prefer)\s+(?:it\s+)?when\s+you\s+(?P<v>.+?)" + END_CLAUSE,
    ),
    *_rules(
        "preference",
        "request",
        r"\b(?:please|pls|plz),?\s+(?:(?:can|could|would)\s+you\s+)?(?P<v>(?:always|never|don't|do not|keep|answer|reply|respond|write|use|avoid|stick to|no|continue|give me|be|skip|talk|explain|send|show)\b.+?)" + END_CLAUSE,
        r"^(?:(?:still|and|also|so|just|maybe|ok|okay)[.,]?\s+)*(?P<v>(?:keep|no|short|shorter|be|use|less|more|skip|stick|avoid|bullet|plain|simple|easy|continue)\b[^.?!]{2,60}?)\s+(?:please|pls|plz)\W*$",
        r"\b(?:ask|request) that you\s+(?P<v>.+?)(?=\s*[.;!?]|$)",
        r"\bgrateful if you (?:would|could)\s+(?P<v>.+?)(?=\s*[.;!?]|$|;)",
        r"^(?:(?:still|and|also|oh|so|just)\s+)*(?P<v>(?:short|shorter|brief|quick|simple|plain|direct|detailed|longer|casual|blunt|straight)\s+[\w\s-]{2,30}?)\s+(?:please|pls|plz)\b",
    ),
]

# Sentences that talk about competitors without a "competitor is X" shape: "X is the other e-bike
# crowd in town", "the big boys here are X", "X is the elephant in the room".
COMPETITOR_CUE = re.compile(
    r"\b(?:competitors?|competition|rivals?|compete|competing|the other [\w\s-]{1,30}? in (?:town|the area|the city)|"
    r"the big (?:boys|players|guys|ones|names|chains?)|elephant in the room|(?:main|other|only) (?:other )?(?:options?|alternatives?)|"
    r"chain (?:clinic|shop|store|salon|gym|studio|cafe|café|bakery|agency)s?)\b",
    re.IGNORECASE,
)
# Capitalised words that are not a competitor's name.
NOT_A_COMPETITOR = frozenset(
    ["instagram", "facebook", "tiktok", "google", "youtube", "linkedin", "whatsapp", "twitter", "etsy", "shopify", "pinterest", "snapchat", "reddit", "substack", "zoom", "uber", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "covid", "main", "competition", "competitor", "competitors", "the", "they", "there", "their", "also", "and", "but", "so", "our", "my", "we", "i", "it", "its", "it's", "mostly", "mainly", "honestly", "yes", "yeah", "ok", "okay", "well"]
)

RETIRE = re.compile(
    r"\b(?:i|we)(?:'ve| have)?\s+(?:(?:no longer|don't|do not|stopped|quit)\s+(?:sell|offer|make|do|provide|run|selling|offering|making|doing|providing|running)"
    r"|discontinued|dropped|scrapped|axed|retired|paused|stopped)\s+"
    r"(?P<v>.+?)(?=\s*(?:[.;!?]|,\s|\s(?:any ?more|and|but|so|because)\b|$))",
    re.IGNORECASE,
)
# Prices of things that are not what the person charges ("goal is ₹1 crore revenue").
NOT_PRICED = re.compile(
    r"\b(?:goal|target|budget|revenue|turnover|income|profit|salary|rent|costs?|spend|loan|investment|"
    r"funding|raise|valuation|sales|aim|overheads?|margin|it all|total|sponsors?|that|which|this|"
    r"grant|debt|savings|bill|ads?|mrr|arr|cac)\b",
    re.IGNORECASE,
)
# What a price is counted in, not what is sold: "¥6,500 one person", "R189 for a 500ml bottle",
# "per night" (but "table olives in jars" is sold).
PRICED_UNIT = re.compile(
    r"^\W*\d|^(?:one|two|three|four|five|six|per|each|every|min|max|minimum|maximum|up to|from|plus|only|"
    r"just|about|around|roughly|approx|incl|inc|including|ex|excl|depends|depending|starting)\b|"
    r"^(?:\S+\s+)?(?:persons?|people|pax|head|guests?|hours?|hrs?|hr|mins?|minutes?|days?|nights?|weeks?|months?|"
    r"years?|sessions?|pieces?|pcs|kg|g|ml|l|litres?|liters?|bottles?|jars?|dozen|slices?|portions?|"
    r"price|prices|rate|fee|cost|vat|gst|total)$",
    re.IGNORECASE,
)
# Words that name people: "we serve busy parents" is an audience, "we serve oolong" an offer.
PEOPLE = re.compile(
    r"\b(?:people|persons?|parents|mums|moms|mothers|fathers|dads|famil(?:y|ies)|women|men|guys|girls|boys|blokes|"
    r"ladies|owners|founders|entrepreneurs|businesses|companies|brands|startups|start-ups|teams|managers|"
    r"leaders|executives|professionals|couples|kids|children|teens|teenagers|students|learners|beginners|"
    r"seniors|retirees|millennials|gen z|freelancers|creatives|artists|designers|developers|engineers|nurses|"
    r"doctors|teachers|coaches|clinics|agencies|restaurants|hotels|tourists|travell?ers|locals|homeowners|"
    r"renters|buyers|customers|clients|readers|players|gamers|athletes|runners|riders|patients|workers|"
    r"employees|organi[sz]ations|nonprofits|charities|schools|banks|retailers|sellers|makers|ceos|smbs|smes|"
    r"solopreneurs|consultants|therapists|photographers|musicians|writers|authors|creators|folks|someone|"
    r"anyone|brides|grooms|runners|cyclists|dog owners|pet owners|landlords|investors|households|communities|"
    r"cafés|cafes|shops|stores|salons|gyms|studios|practices|firms|neighbou?rhood|adults|youth|graduates|"
    r"(?:restaurant|hotel|hospitality|retail) (?:groups|chains)|operators|chefs|cooks|kitchens|dentists|lawyers|"
    r"solicitors|accountants|plumbers|electricians|builders|tradespeople|tradies|farmers|vets|physios|surgeons|"
    r"pharmacies|hospitals|bakeries|grocers|gardeners|climbers|surfers|hikers|walkers|golfers|skiers|commuters|"
    r"expats|migrants|newcomers|tenants|pensioners|mums-to-be|dog walkers|architects|"
    r"grandparents|foodies|collectors|hobbyists|crafters|knitters|shoppers|diners|"
    r"ppl|bakers|backpackers|nomads|groomers|delis|salaryman|salarymen|estates|\d0\s?somethings|\w+-somethings|hunters|"
    r"guests|regulars|visitors|members|subscribers|users|mother|father|parent|woman|man|couple|student|"
    r"customer|client|tourist|worker|person|buyer|owner|who)\b",
    re.IGNORECASE,
)

# What a group of competitors is called ("the big franchise guys", "the online gestorías",
# "supermarket brands"): the last word of a competitor named by description, not by name.
COMPETING_HEAD = re.compile(
    r"(?:apps|platforms|chains|franchises|franchisees|supermarkets|hypermarkets|malls|factories|"
    r"importers|exporters|wholesalers|distributors|stalls|markets|marketplaces|websites|sites|"
    r"services|programmes|programs|departments|outfits|operators|places|caterers|caterings|"
    r"companies|businesses|firms|agencies|brands|labels|shops|stores|boutiques|studios|salons|"
    r"clinics|practices|schools|academies|gyms|cafés|cafes|restaurants|bars|hotels|bakeries|"
    r"kitchens|trucks|vans|sellers|resellers|vendors|suppliers|makers|producers|providers|"
    r"freelancers|contractors|consultants|coaches|influencers|creators|guys|dudes|bros|blokes|"
    r"girls|ladies|women|men|teams|players|competitors|rivals|copycats|copies|knock-?offs|fakes|"
    r"imports|giants|corporates|corporations|tools|software|packages|products|"
    r"gestorías|gestorias|tablaos|taller(?:es)?|tiendas|"
    r"(?!others$)[\w-]+(?:ers|ors|ists|ians|eurs|smiths|wrights))",
    re.IGNORECASE,
)
