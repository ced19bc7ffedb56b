# ruff: noqa: E501  (regular expressions read better unwrapped)
"""How a person asks the coach to talk to them: "keep it short wi me, bullet points", "Be
direct please", "can u keep it casual pls", "I would be grateful for a written summary".

These requests are preferences. They come in any wording, often as an aside inside a reply
about something else ("churn. also no fluff pls, numbers > vibes"), so they are not read by
one pattern each: every clause of a sentence is tested for the shape of a request about style,
that is, an instruction to the coach (or a polite frame around one) that names something about
how replies look or sound.

The preference rules in `coach.memory.patterns` (the "request" scope) read the fixed shapes first
and trim them better ("keep it bullet points like before pls" → "keep it bullet points");
`rules.extract` adds what this module finds only where those rules found nothing overlapping.
Removing those rules in favour of this module lost 1–4 facts per benchmark set, so both stay.
"""

from __future__ import annotations

import re

# Where one request ends and the next begins.
_CLAUSE = re.compile(r"\s*(?:[,;]|\s[—–-]\s|(?<=[a-z])\.\s|\s(?:and|n)\s(?=(?:please|pls|be|give|keep|use|send|show|no|don't|dont|challenge|push|end|address|call|make|talk|write|stick|skip|avoid|stop|plain|short|bullet)\b))\s*", re.IGNORECASE)
# Words that open a request without being part of it.
_LEAD = re.compile(
    r"^(?:(?:and|also|oh|so|n|still|just|ok|okay|ya|yeah|quick ask|one more thing|btw|but)\b[\s:,.-]*"
    r"|(?:please|pls|plz)\b[\s,]*"
    r"|(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+|pls\s+|also\s+|always\s+)?"
    r"|i(?:'d|\s+would|\s+should)\s+(?:be\s+grateful\s+(?:if\s+you\s+(?:would|could)\s+|for\s+)|(?:really\s+)?appreciate\s+(?:it\s+if\s+you\s+(?:would|could)\s+)?|ask\s+that\s+you\s+|like\s+you\s+to\s+|love\s+(?:it\s+if\s+you\s+(?:would|could)\s+)?)"
    r"|(?:if\s+you\s+can\s+|you\s+(?:can|could|should)\s+))+",
    re.IGNORECASE,
)
# An instruction to the coach.
_INSTRUCTION = re.compile(
    r"^(?:keep|be|give|use|send|write|talk|speak|show|challenge|push back|end|start|tell|explain|skip|avoid|stop|"
    r"don't|dont|do not|never|always|no|call|address|make|include|stick|answer|reply|respond|continue|provide|"
    r"less|more|only)\b",
    re.IGNORECASE,
)
# Something about how replies look or sound.
_STYLE = re.compile(
    r"\b(?:me|short|shorter|brief|bullet|bullets|pts|points|examples?|scripts?|essays?|fluff|jargon|plain|simple|"
    r"english|direct|blunt|honest|casual|formal|formally|summary|summaries|action lists?|lists?|numbers|"
    r"step[- ]by[- ]step|detail|detailed|structured|numbered|sentences?|messages?|replies|answers|language|tone|"
    r"emojis?|cheerleading|pep|motivational|waffle|theory|templates?|checklists?|tick off)\b",
    re.IGNORECASE,
)
# A request without a verb: "short replies, bullet pts", "bullet pts only", "plain language, please".
_STYLE_NOUNS = re.compile(
    r"^(?:(?:still|very|super|really)\s+)?(?:short|shorter|brief|quick|simple|plain|direct|casual|formal|clear)\s+(?:replies|answers|messages|sentences?|language|english|words|texts?|pls|please)\b"
    r"|^bullet\s*(?:points|pts|point)\b|^(?:no|zero)\s+(?:essays|fluff|jargon|waffle|hype|emojis|cheerleading|pep talks?|walls? of text|long (?:messages|replies|answers))\b",
    re.IGNORECASE,
)
# A one-off task is not a preference: "can you give me a short tagline?".
_TASK = re.compile(
    r"\b(?:tagline|ideas?|announcement|brief|post|posts|caption|email|name|plan|reels?|slogan|bio|headline|"
    r"draft|description|this|logo|website|ad|ads)\b",
    re.IGNORECASE,
)
_POLITE = re.compile(r"\b(?:please|pls|plz|only|always|me)\b", re.IGNORECASE)
_POLITE_TAIL = re.compile(r"[\s,]*(?:please|pls|plz|thanks|thx|ty)?\W*$", re.IGNORECASE)
_NOT_STYLE = re.compile(r"\b(?:they|their|them|he|she|his|her|customers?|clients?|price|prices|money)\b", re.IGNORECASE)


def style_requests(sentence: str, message: str = "") -> list[str]:
    """The requests about how to talk to the person in one sentence of `message` (questions
    included: "Can you write simple English?"). A request without a verb ("short answers")
    counts when the message asks ("pls no long essays. short answers")."""
    out = []
    for clause in _CLAUSE.split(sentence.strip()):
        text = _LEAD.sub("", clause.strip(" .!?")).strip()
        if not text or len(text.split()) > 14 or _NOT_STYLE.search(text):
            continue
        instruction = bool(_INSTRUCTION.match(text) and _STYLE.search(text)) and (
            not re.match(r"(?:no|less|more|only)\b", text, re.IGNORECASE) or bool(_POLITE.search(message or sentence))
        )
        if instruction and _TASK.search(re.sub(r"^keep it\b", "", text, flags=re.IGNORECASE)):
            continue
        named = (
            bool(_STYLE_NOUNS.match(text))
            and bool(_POLITE.search(message or sentence))
            and (len(text.split()) <= 5 or bool(_POLITE.search(text)))
        )
        if instruction or named:
            value = _POLITE_TAIL.sub("", text) if not _STYLE_NOUNS.fullmatch(text) else text
            if len(value) >= 4:
                out.append(value)
    return out
