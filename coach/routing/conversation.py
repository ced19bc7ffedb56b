"""Stage 3: reading a message in the light of the conversation (follow-ups and switches)."""

from __future__ import annotations

import re

_SWITCH = re.compile(
    r"^\W*(different|another|new|separate|unrelated|other|random|quick|side|off[- ]topic)"
    r"( \w+)? (question|topic|thing|subject|note)\b\W*|"
    r"^\W*(changing|change of|switching|switch) (the )?(topic|subject|gears)\W*|"
    r"^\W*(unrelated|on another note|moving on|by the way|btw|also|anyway|ok(ay)? forget (that|it)"
    r"|forget (that|it)|never ?mind( that)?|on a different note|separately|totally different)\b\W*",
    re.IGNORECASE,
)
_FOLLOW_UP = re.compile(
    r"^\W*(yes|yeah|yep|yup|no|nope|ok(ay)?|sure|right|go on|continue|keep going|more|and|but|"
    r"so|then|why|how so|how come|really|example|e\.?g\.?|like what|such as|what about|"
    r"what if|tell me more|say more|explain|elaborate|expand|make (it|that|this)|shorter|"
    r"longer|simpler|rewrite|rephrase|again|another|the (first|second|third|last|next|other) "
    r"one|that|this|it|those|these|which one|can you (do|make|give|show|explain|expand|shorten)|"
    r"could you|do (it|that)|same|number \d|option \d|#\d|\d+\W*$|try|tweak|redo|change (it|that)|"
    r"i like|love (it|that|this)|sounds good|perfect|great|nice|got it|what next|next|now what|"
    r"hmm+|not quite|not really|i don.?t (get|understand)|give me|show me|write (it|that|one))\b",
    re.IGNORECASE,
)
_REFERS_BACK = re.compile(
    r"\b(that|this|it|those|these|them|the (first|second|third|last|other) one|above|you said|"
    r"you mentioned|your (list|suggestion|idea|example|point)s?|option \d|number \d|step \d|"
    r"(first|second|third|fourth|last|other|next) (one|option|idea|version|point|step|part)|"
    r"he|she|they|him|her)\b",
    re.IGNORECASE,
)


def strip_switch(message: str) -> tuple[str, bool]:
    """The message without an explicit topic-change preface, and whether there was one."""
    match = _SWITCH.match(message)
    if match and match.end() < len(message):
        rest = re.sub(r"^(but|and|so|now)\b\W*", "", message[match.end() :].strip(), flags=re.I)
        return rest or message, True
    return message, False


def sounds_like_follow_up(message: str) -> bool:
    """A short message that leans on what was just said ("yes, go on", "the third one?")."""
    words = len(message.split())
    if words > 14:
        return False
    return bool(_FOLLOW_UP.match(message)) or (words <= 10 and bool(_REFERS_BACK.search(message)))
