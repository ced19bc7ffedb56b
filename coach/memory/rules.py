# ruff: noqa: E501  (a table of regular expressions reads better unwrapped)
"""The offline fact extractor: rules for the common, explicit ways people state facts.

Precision first: a fact is stored only when a first-person statement says it outright ("my
name is…", "we're based in…", "I charge…"). Questions, hypotheticals ("what if I charged…",
"should I move to…") and statements about other people ("my friend's company…") are skipped,
so everything it stores is something the person actually said.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from coach.memory.facts import ExtractedFact

_SENTENCES = re.compile(r"(?<=[.!?])\s+|\n+|\s+(?:—|–|-)\s+(?=[A-Za-z])")
_HYPOTHETICAL = re.compile(
    r"\b(what if|should i|should we|would it|could i|could we|if i|if we|thinking (?:about|of)|"
    r"considering|might|maybe|wondering|imagine|suppose|i wish|hypothetically|someday)\b",
    re.IGNORECASE,
)
_OTHERS = re.compile(
    r"\b(my|our) (friend|sister|brother|mom|mum|dad|mother|father|partner|husband|wife|cousin|"
    r"colleague|neighbou?r|boss|client|former|old|previous|ex)('s|s)?\b",
    re.IGNORECASE,
)
_CHANGE = re.compile(
    r"\b(now|no longer|any ?more|moved|relocated|changed|switched|renamed|rebranded|actually|"
    r"instead|raised|lowered|increased|decreased|dropped|updated|new (?:name|price|rate)|"
    r"these days|from now on|not .+ any longer|correction|pivot(?:ed|ing))\b",
    re.IGNORECASE,
)
_END = r"(?=\s*(?:[.;!?]|,\s|\s(?:and|but|so|because|which|who|where|since|though|although)\s|$))"
_END_NAME = (  # names may contain "and" ("Fern and Flour"); "and we…" ends one
    r"(?=\s*(?:[.;!?]|,\s|\s(?:but|so|because|which|who|where|since|in|at|for|with|from|"
    r"based|located|near|out|on|to)\s|\sand\s(?:i|we|i'm|we're|it|it's|my|our|they|the|a|an)\b|$))"
)
_TAIL = re.compile(
    r"\s*(?:\b(?:now|these days|at the moment|currently|right now|for now|anymore|though|too|"
    r"as well|lol|haha|recently|yesterday|today|ago|a while|"
    r"(?:last|this|next|earlier this) (?:week|month|year|spring|summer|autumn|fall|winter))\b|[\"'“”)])+\s*$",
    re.IGNORECASE,
)
_LEAD = re.compile(r"^\s*(?:[\"'“(]|\bcalled\b|\bnamed\b)\s*", re.IGNORECASE)
_NOT_A_NAME = frozenset(
    [
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
    ]
)
_BUSINESS_NOUNS = (
    r"(?:company|business|brand|studio|agency|shop|store|startup|firm|practice|bakery|cafe|café|"
    r"restaurant|salon|clinic|label|boutique|consultancy|nonprofit|non-profit|charity|app|"
    r"product|podcast|newsletter|venture|gym|school|academy|collective|co-op|roastery|"
    r"bar|brewery|farm|gallery|workshop|platform|service|site|website)"
)
_ROLE_WORDS = (
    r"(?:co-?founder|founder|owner|ceo|cto|coo|cmo|director|managing director|head of [a-z ]+|"
    r"marketing manager|manager|freelancer|consultant|coach|designer|photographer|therapist|"
    r"lawyer|attorney|solicitor|accountant|developer|engineer|baker|chef|artist|writer|"
    r"illustrator|architect|nutritionist|dietitian|trainer|personal trainer|instructor|teacher|"
    r"tutor|stylist|florist|realtor|real estate agent|copywriter|strategist|producer|"
    r"creative director|partner|principal|president|solopreneur|entrepreneur)"
)

_MONEY = (
    r"(?:(?:CA\$|A\$|US\$|NZ\$|[$€£¥₹]|(?-i:R)(?=\d)|(?-i:[A-Z]{3})\s?)\s?\d[\d,.]*k?"
    r"(?:\s*(?:(?-i:[A-Z]{3})|dollars|euros|pounds|yen|rupees))?"
    r"|\d[\d,.]*k?\s*(?:(?-i:[A-Z]{3})|dollars|euros|pounds|yen|rupees|bucks))"
    r"(?:\s*(?:per|a|an|/|for(?:\s+(?:a|an|one|each|the))?)\s*[\w-]+(?:\s(?:session|hour|month|class|bag|loaf|candle))?|\s+each)?"
)

# (category, pattern); the value is the group named "v".
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (c, re.compile(p, re.IGNORECASE))
    for c, p in [
        ("name", r"\bmy name(?:'s| is)\s+(?P<v>[a-z][a-z'-]+(?:\s+(?-i:[A-Z])[a-z'-]+)?)"),
        (
            "name",
            r"(?:^|\b(?:hi|hello|hey|yes|ok|okay)\b[,!.]?\s+|[,.]\s*)(?:i'm|i am|im)\s+"
            r"(?P<v>(?-i:[A-ZÀ-Ý])[^\W\d_]+(?:\s(?-i:[A-ZÀ-Ý])[^\W\d_]+)?)"
            r"(?=\s*(?:[,.!;]|$|\s(?:and|here|from|btw|by the way)\b))",
        ),
        (
            "name",
            r"(?:^|[,.!:]\s*|\b(?:hi|hello|hey|hola|salam)\w*[,!]?\s+(?:coach,?\s+)?)(?P<v>(?-i:[A-ZÀ-Ý])[^\W\d_]+)\s+here\b",
        ),
        ("name", r"\b(?:call me|people call me)\s+(?P<v>[A-Za-z][a-z'-]+)" + _END),
        ("name", r"\bthis is\s+(?P<v>(?-i:[A-Z])[a-z'-]+)\s+(?:from|of|here)\b"),
        (
            "company",
            r"\b(?:my|our|the)\s+(?:[\w-]+\s+){0,3}?" + _BUSINESS_NOUNS + r"(?:'s name)?\s+"
            r"(?:is|'s)\s+(?:called|named)\s+(?P<v>.+?)" + _END_NAME,
        ),
        (
            "company",
            r"\b(?:my|our)\s+(?:company|business|brand|studio|shop|agency|firm|practice)"
            r"(?:'s)?\s+name\s+is\s+(?P<v>.+?)" + _END_NAME,
        ),
        (
            "company",
            r"\b(?:i|we)\s+(?:run|own|founded|started|launched|co-founded|built|have|manage)\s+"
            r"(?:a|an|my own|our own|the)\s+(?:[\w&'-]+\s+){0,5}?(?:called|named)\s+"
            r"(?P<v>.+?)" + _END_NAME,
        ),
        (
            "company",
            r"\b(?:it's|it is|it’s|brand's|business's|shop's|studio's|company's)\s+(?:simply\s+|now\s+)?"
            r"(?:called|named)\s+(?P<v>.+?)" + _END_NAME,
        ),
        (
            "company",
            r"\b(?:under the name|(?:business|brand|company|shop|studio|practice|agency)\s+name\s+is)\s+"
            r"(?P<v>.+?)" + _END_NAME,
        ),
        (
            "company",
            r"\b(?:my|our)\s+(?:studio|company|business|brand|shop|agency|practice|firm|label|app)\s+"
            r"is\s+(?:simply\s+|just\s+)?(?:called\s+)?(?P<v>(?-i:[A-Z])[\w&'.-]*(?:\s+(?:&|and|of|(?-i:[A-Z])[\w&'.-]*))*)",
        ),
        (
            "company",
            r"\b(?:founder|co-founder|owner|ceo|partner|founding partner|director|creative director|"
            r"managing director|head)(?:\s+and\s+ceo)?\s+(?:of|at)\s+"
            r"(?P<v>(?-i:[A-Z])[\w&'.-]*(?:\s+(?:&|and|of|(?-i:[A-Z])[\w&'.-]*))*)",
        ),
        (
            "company",
            r"\b(?:i|we)\s+(?:run|own|founded|started|launched)\s+"
            r"(?P<v>(?-i:[A-Z])[\w&'.-]*(?:\s+(?:&|and|of|(?-i:[A-Z])[\w&'.-]*))*)(?=,)",
        ),
        (
            "company",
            r"\b(?:renamed|rebranded)\s+(?:it|the \w+|our \w+|my \w+|the business|us)?\s*"
            r"(?:to|as)\s+(?P<v>.+?)" + _END_NAME,
        ),
        (
            "company",
            r"\b(?:i|we)(?:'m| am|'re| are)\s+(?:the\s+)?(?:founder|owner|ceo|co-?founder)s?\s+"
            r"(?:of|at)\s+(?P<v>(?-i:[A-Z])[\w&'.-]*(?:\s+(?:&|and|of|(?-i:[A-Z])[\w&'.-]*))*)",
        ),
        (
            "role",
            r"\b(?:i'm|i am|i work as)\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+)?(?P<v>"
            + _ROLE_WORDS
            + r")\b(?!\s+(?:friend|client))",
        ),
        (
            "role",
            r"(?:^|,\s*|\bi'?m\s+(?:now\s+)?|\bi am\s+(?:now\s+)?|\bmy role (?:now\s+)?is\s+)"
            r"(?:the\s+|a\s+|an\s+)?(?P<v>(?:[\w-]+\s+){0,3}?"
            + _ROLE_WORDS
            + r"(?:\s+and\s+"
            + _ROLE_WORDS
            + r")?)"
            r"(?=\s*(?:[,.;!]|$|\s(?:of|at|in|based|working|for|with|here)\b))",
        ),
        (
            "industry",
            r"\b(?:i'm|i am|we're|we are|i work|we work|i'm working|we operate)\s+in\s+(?:the\s+)?"
            r"(?P<v>[\w &/-]{3,40}?)\s+(?:industry|sector|space|market|niche|field)\b",
        ),
        (
            "industry",
            r"\b(?:we're|we are|i run|we run|i own|we own|it's|it is|my business is|our business "
            r"is|the business is|i have)\s+(?:a|an)\s+(?P<v>(?:[\w&'-]+\s+){0,4}"
            + _BUSINESS_NOUNS
            + r")\b",
        ),
        (
            "location",
            r"\b(?:based|located|headquartered|live|living|settled|operate|work)\s+(?:out\s+)?"
            r"(?:in|out of)\s+(?P<v>(?:the\s+)?[A-Za-z][\w'.-]*(?:,?\s(?-i:[A-Z])[\w'.-]*){0,3})",
        ),
        (
            "location",
            r"\b(?:a|an|my|our)\s+(?:[\w&'-]+\s+){0,3}" + _BUSINESS_NOUNS + r"(?:\s+called\s+.+?)?"
            r"\s+in\s+(?P<v>(?-i:[A-Z])[\w'.-]*(?:,?\s(?-i:[A-Z])[\w'.-]*){0,3})",
        ),
        (
            "location",
            r"\b(?:moved|relocated|relocating|moving)\s+(?:the\s+\w+\s+|our\s+\w+\s+|my\s+\w+\s+|"
            r"everything\s+|us\s+)?(?:over\s+|back\s+)?to\s+(?P<v>(?-i:[A-Z])[\w'.-]*(?:,?\s(?-i:[A-Z])[\w'.-]*){0,3})",
        ),
        (
            "location",
            r"\b(?:i'm|i am|we're|we are)\s+(?:originally\s+)?from\s+"
            r"(?P<v>(?-i:[A-Z])[\w'.-]*(?:,?\s(?-i:[A-Z])[\w'.-]*){0,3})",
        ),
        (
            "audience",
            r"\b(?:my|our)\s+(?:ideal|target|dream|main|core|typical|perfect)\s+"
            r"(?:customer|client|audience|buyer|user|market|member|student|reader)s?"
            r"(?:\s+(?:is|are|would be))\s+(?:now\s+)?(?P<v>.+?)(?=\s*(?:[.;!?]|$|,\s(?:and|but|so)\s))",
        ),
        (
            "audience",
            r"\b(?:my|our)\s+(?:customers|clients|audience|buyers|users|regulars|target|target market|members|students)\s+(?:are|is|r)\s+(?:mostly\s+|"
            r"mainly\s+|usually\s+|now\s+)?(?P<v>.+?)" + _END,
        ),
        (
            "audience",
            r"\b(?:i|we)\s+(?:mostly\s+|mainly\s+|now\s+)?(?:serve|target|work with|sell to|cater to)\s+"
            r"(?P<v>.+?)" + _END,
        ),
        (
            "audience",
            r"\b(?:i|we)\s+(?:primarily\s+|mostly\s+|mainly\s+|now\s+)?help\s+(?P<v>.+?)(?=\s+(?:to\s+\w+|get|find|build|grow|create|feel|"
            r"learn|turn|stop|make|launch)\b|" + _END[3:],
        ),
        (
            "audience",
            r"\bwho\s+(?:i|we)\s+(?:really\s+)?want\s+to\s+(?:work with|serve|reach|sell to|help)\s+"
            r"(?:is|are)\s+(?P<v>.+?)" + _END,
        ),
        (
            "audience",
            r"\b" + _ROLE_WORDS + r"\s+(?:working|who works)\s+with\s+(?P<v>.+?)" + _END,
        ),
        (
            "price",
            r"\b(?:i|we)\s+(?:now\s+)?(?:charge|bill|ask)\s+(?:about\s+|around\s+|roughly\s+)?"
            r"(?P<v>[$€£¥₹]\s?\d[\d,.]*k?(?:\s*(?:(?-i:[A-Z]{3})|dollars|euros|pounds))?"
            r"(?:\s*(?:per|a|an|/|for (?:a|an|the|each))\s*[a-z-]+)?|"
            r"\d[\d,.]*k?\s*(?:(?-i:[A-Z]{3})|dollars|euros|pounds|usd|eur|gbp|rupees|yen)"
            r"(?:\s*(?:per|a|an|/|for (?:a|an|the|each))\s*[a-z-]+)?)",
        ),
        (
            "price",
            r"\b(?:my|our)\s+(?:[\w-]+\s+){0,3}?(?:price|rate|fee|pricing|package|retainer|"
            r"subscription|membership|course|program|programme)s?\s+(?:is|are|costs?|starts at|"
            r"runs|goes for|sells for)\s+(?:now\s+)?(?:about\s+|around\s+)?"
            r"(?P<v>[$€£¥₹]\s?\d[\d,.]*k?(?:\s*(?:per|a|an|/)\s*[a-z-]+)?|\d[\d,.]*k?\s*"
            r"(?:(?-i:[A-Z]{3})|dollars|euros|pounds)(?:\s*(?:per|a|an|/)\s*[a-z-]+)?)",
        ),
        (
            "price",
            r"\b(?:raised|increased|lowered|dropped|changed|moved|put|set)\s+(?:my|our|the)\s+"
            r"(?:[\w-]+\s+){0,2}?(?:price|rate|fee|prices|rates|fees)\s+(?:up\s+|down\s+)?to\s+"
            r"(?P<v>[$€£¥₹]?\s?\d[\d,.]*k?(?:\s*(?:(?-i:[A-Z]{3})|dollars|euros|pounds))?"
            r"(?:\s*(?:per|a|an|/)\s*[a-z-]+)?)",
        ),
        (
            "price",
            r"\b(?:is|are|costs?|runs?|charging|pay|starts at|sells? for|priced at)\s+"
            r"(?:now\s+|about\s+|around\s+|just\s+|typically\s+|still\s+|only\s+)?(?P<v>"
            + _MONEY
            + r")",
        ),
        (
            "offer",
            r"\b(?:i|we)\s+(?:sell|offer|make|bake|design|produce|provide|create|teach|"
            r"roast|brew|craft)\s+(?P<v>(?!(?:it|them|that|this|things|stuff|more|less|a lot)\b)"
            r".+?)" + _END,
        ),
        (
            "offer",
            r"\b(?:my|our)\s+(?:main\s+|core\s+|flagship\s+|signature\s+|new\s+)?(?:offer|product|"
            r"service|offering)s?\s+(?:is|are)\s+(?P<v>.+?)" + _END,
        ),
        (
            "competitor",
            r"\b(?:my|our)\s+(?:main\s+|biggest\s+|closest\s+|direct\s+|local\s+)?"
            r"(?:competitors?|competition|rivals?)\s+(?:is|are|include|would be)\s+"
            r"(?P<v>.+?)(?=\s*(?:[.;!?]|$|,\s(?:but|so)\s))",
        ),
        (
            "competitor",
            r"\b(?:i|we)\s+(?:mostly\s+|mainly\s+)?(?:compete|competing)\s+(?:with|against)\s+"
            r"(?P<v>.+?)(?=\s*(?:[.;!?]|$|,\s(?:but|so)\s))",
        ),
        (
            "goal",
            r"\b(?:my|our)\s+(?:main\s+|big\s+|biggest\s+|top\s+|number one\s+|#1\s+|primary\s+|"
            r"\d{4}\s+|long-term\s+|short-term\s+)?(?:goal|aim|objective|target|dream|ambition)"
            r"(?:\s+for\s+[\w\s]+?)?\s+(?:is|this year is|for this year is)\s+(?:to\s+)?"
            r"(?P<v>.+?)(?=\s*(?:[.;!?]|$))",
        ),
        (
            "goal",
            r"\b(?:i|we)\s+(?:really\s+)?(?:want|need|hope|plan|aim|intend)\s+to\s+"
            r"(?P<v>(?!(?:know|ask|understand|learn how|check|make sure|figure out|talk|chat|"
            r"start by|get your|hear)\b).+?)(?=\s*(?:[.;!?]|$))",
        ),
        (
            "challenge",
            r"\b(?:my|our)\s+(?:main\s+|biggest\s+|big\s+|current\s+|real\s+)?(?:challenge|problem|"
            r"struggle|issue|pain point|obstacle|bottleneck|headache)s?\s+(?:is|are|right now is)\s+"
            r"(?:that\s+)?(?P<v>.+?)(?=\s*(?:[.;!?]|$))",
        ),
        (
            "challenge",
            r"\b(?:i|we)(?:'m|'re| am| are)?\s+(?:really\s+)?(?:struggling|struggle)\s+(?:with|to)\s+"
            r"(?P<v>.+?)(?=\s*(?:[.;!?]|$))",
        ),
        (
            "value",
            r"\b(?:my|our)\s+(?:core\s+|brand\s+|company\s+)?values\s+(?:are|include)\s+"
            r"(?P<v>.+?)(?=\s*(?:[.;!?]|$))",
        ),
        (
            "value",
            r"\b(?:i|we)\s+(?:deeply\s+|really\s+)?(?:value|care (?:deeply |a lot )?about|stand for|"
            r"believe in)\s+(?P<v>.+?)(?=\s*(?:[.;!?]|$))",
        ),
        (
            "value",
            r"^(?:for (?:me|us),?\s+)?(?P<v>[^,;]{3,80}?),?\s+(?:those are|that's|that is|these are|are)\s+"
            r"(?:my|our|the)\s+(?:core\s+|two\s+|brand\s+)?values\b",
        ),
        (
            "value",
            r"^(?P<v>[^,;]{3,80}?),?\s+(?:that's|that is|is)\s+what\s+(?:my|our|the)\s+"
            r"(?:brand|business|studio|company)\s+stands for",
        ),
        (
            "value",
            r"\bvalues[- ]wise,?\s+(?:it'?s|its|it is)\s+(?P<v>[^,;]+?)(?=\s*(?:[.;!?]|,|$))",
        ),
        (
            "value",
            r"^(?P<v>[^,;]{3,60}?)\s+(?:is|are)\s+non[- ]?negotiable",
        ),
        (
            "value",
            r"\b(?:we|i)\s+believe\s+(?:that\s+)?(?P<v>.+?)(?=\s*(?:[.;!?]|$))",
        ),
        (
            "decision",
            r"\b(?:i|we)(?:'ve| have)?\s+(?:finally\s+|just\s+)?decided\s+(?:to\s+|that\s+|on\s+)?"
            r"(?P<v>.+?)(?=\s*(?:[.;!?]|$))",
        ),
        (
            "decision",
            r"\b(?:i'm|i am|we're|we are)\s+(?:going with|going ahead with|committing to|sticking with)"
            r"\s+(?P<v>.+?)(?=\s*(?:[.;!?]|$))",
        ),
        (
            "preference",
            r"\b(?:i|we)\s+(?:much\s+|really\s+|strongly\s+)?(?:prefer|would rather|'d rather|"
            r"like it when|don't like|do not like|hate|love it when)\s+(?P<v>.+?)(?=\s*(?:[.;!?]|$))",
        ),
        (
            "preference",
            r"\bplease\s+(?:always\s+|never\s+|don't\s+|do not\s+|keep\s+)(?P<v>.+?)(?=\s*(?:[.;!?]|$))",
        ),
    ]
]
_RETIRE = re.compile(
    r"\b(?:i|we)\s+(?:no longer|don't|do not|stopped|quit|discontinued|dropped)\s+"
    r"(?:sell|offer|make|do|provide|run|selling|offering|making|doing|providing|running)\s+"
    r"(?P<v>.+?)(?=\s*(?:[.;!?]|,\s|\s(?:any ?more|and|but|so|because)\b|$))",
    re.IGNORECASE,
)
_SPLIT_LIST = re.compile(r",\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s*/\s*")
_LISTS = frozenset({"competitor", "value"})


def _sentences(text: str) -> Iterator[str]:
    for sentence in _SENTENCES.split(text):
        sentence = sentence.strip()
        if sentence:
            yield sentence


def _clean(value: str) -> str:
    value = _LEAD.sub("", value.strip())
    previous = None
    while previous != value:
        previous = value
        value = _TAIL.sub("", value).strip(" ,.:;-–—")
    return value


def _plausible(category: str, value: str) -> bool:
    words = value.split()
    if not words or len(value) > 160 or len(words) > 20:
        return False
    if category == "name":
        return len(words) <= 3 and words[0].lower() not in _NOT_A_NAME
    if category in ("company", "location"):
        return len(words) <= 6 and words[0].lower() not in {"a", "an", "my", "our", "it", "the"}
    if category == "industry":
        return len(words) <= 6
    return len(value) >= 2


def extract(text: str) -> list[ExtractedFact]:
    """Every explicit fact in `text`, in the order stated (no duplicates)."""
    found: list[ExtractedFact] = []
    seen: set[tuple[str, str]] = set()
    for sentence in _sentences(text):
        if sentence.endswith("?") or _HYPOTHETICAL.search(sentence) or _OTHERS.search(sentence):
            continue
        change = bool(_CHANGE.search(sentence))
        for match in _RETIRE.finditer(sentence):
            value = _clean(match.group("v"))
            if _plausible("offer", value):
                found.append(
                    ExtractedFact(category="offer", value=value, retire=True, quote=sentence[:500])
                )
        for category, pattern in _PATTERNS:
            for match in pattern.finditer(sentence):
                raw = _clean(match.group("v"))
                values = (
                    [_clean(v) for v in _SPLIT_LIST.split(raw)] if category in _LISTS else [raw]
                )
                for value in values:
                    key = (category, value.lower())
                    if not _plausible(category, value) or key in seen:
                        continue
                    seen.add(key)
                    found.append(
                        ExtractedFact(
                            category=category,  # type: ignore[arg-type]
                            value=value,
                            change=change,
                            quote=sentence[:500],
                        )
                    )
    return found
