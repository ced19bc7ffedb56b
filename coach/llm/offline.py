"""The offline coach: a deterministic, retrieval-grounded composer used when no model is set.

It never pretends to be a language model: every reply says it was put together offline, quotes
the knowledge passages it used and cites them by number.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator

from coach.llm import render
from coach.llm.base import Prompt, StreamEvent, TextDelta, Usage
from coach.tokens import count_tokens

NEXT_STEPS = {
    "diagnostic": "Score your brand from 1 to 5 on each IDEA pillar (Insight-driven, Distinctive, "
    "Empathetic, Authentic) and tell me the lowest one — that is where we dig in first.",
    "avatar": "Describe one real customer you loved working with: who they are, what problem "
    "brought them to you, and what they said when it was solved.",
    "canvas": "Write one sentence each for your offer, who pays for it, and how much — then we can "
    "test whether the model holds together.",
    "capture": "Pick the one channel where your ideal customer already spends time, and tell me "
    "what you have posted there in the last month.",
    "core": "Tell me in two sentences what your business does and for whom — I'll take it from "
    "there, or point you to the right specialist.",
}
_GREETING = re.compile(
    r"^\s*(hi|hello|hey|good (morning|afternoon|evening)|thanks|thank you)\b", re.IGNORECASE
)
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")
_WORD = re.compile(r"[a-z0-9]+")
_MARKUP = re.compile(r"(\*\*|__|`|^\s*(?:[-*+]\s+(?:\[[ xX]\]\s+)?|\d+[.)]\s+|>\s*))", re.MULTILINE)
_STOP = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "but",
        "by",
        "can",
        "do",
        "does",
        "for",
        "from",
        "how",
        "i",
        "if",
        "in",
        "is",
        "it",
        "me",
        "my",
        "of",
        "on",
        "or",
        "our",
        "so",
        "that",
        "the",
        "their",
        "them",
        "there",
        "this",
        "to",
        "us",
        "was",
        "we",
        "what",
        "when",
        "where",
        "which",
        "who",
        "why",
        "will",
        "with",
        "you",
        "your",
        "should",
        "would",
        "could",
        "about",
        "into",
        "than",
        "then",
    ]
)
_CHUNK = re.compile(r"\S+\s*")


def _terms(text: str) -> set[str]:
    return {w.rstrip("s") for w in _WORD.findall(text.lower()) if w not in _STOP and len(w) > 2}


def key_sentences(text: str, query: str, *, limit: int = 3) -> list[str]:
    """The passage's sentences that share most words with the query, in their original order."""
    plain = _MARKUP.sub("", text)
    sentences = [s.strip(" -*#") for s in _SENTENCE.split(plain) if len(s.strip()) > 3]
    wanted = _terms(query)
    scored = [(len(_terms(s) & wanted), i) for i, s in enumerate(sentences)]
    best = sorted((i for score, i in sorted(scored, reverse=True)[:limit] if score > 0))
    chosen = best or list(range(min(2, len(sentences))))
    return [sentences[i] for i in chosen]


# Which profile facts each specialist keeps in mind (labels from `coach.memory.facts`).
RELEVANT = {
    "diagnostic": ("Business name", "Business type", "Challenges", "Goals", "Values"),
    "avatar": ("Ideal customers", "Offers", "Competitors", "Business type"),
    "canvas": ("Offers", "Prices", "Ideal customers", "Competitors"),
    "capture": ("Ideal customers", "Offers", "Goals", "Preferences"),
    "core": ("Business name", "Values", "Goals", "Decisions"),
}
_RECALL = re.compile(
    r"\b(do you (?:know|remember|recall)|remind me|what (?:did|have) i (?:say|tell|told|said)|"
    r"what(?:'s| is| are| was| were) (?:my|our)|who (?:is|are|was|were) (?:my|our)|"
    r"where (?:is|are|am|was) (?:my|our|i|we)|how much do (?:i|we)|what do you know about me)\b",
    re.IGNORECASE,
)


def _facts(prompt: Prompt) -> list[tuple[str, str]]:
    return [tuple(line.split(": ", 1)) for line in prompt.profile if ": " in line]  # type: ignore[misc]


def memory_lines(prompt: Prompt) -> list[str]:
    """An answer to "what's my…/do you remember…" from the profile and recalled exchanges."""
    wanted = _terms(prompt.message)
    facts = _facts(prompt)
    matching = [(k, v) for k, v in facts if _terms(f"{k} {v}") & wanted] or facts
    lines = [f"- **{k}:** {v}" for k, v in matching]
    lines += [f"- _{line}_" for line in prompt.recalled if _terms(line) & wanted][:3]
    if not lines:
        return ["You haven't told me about that yet — tell me and I'll remember it."]
    return ["Here's what you've told me:", *lines]


def keeping_in_mind(prompt: Prompt) -> str | None:
    """One line naming the facts this specialist takes into account, if any."""
    facts = dict(_facts(prompt))
    picked = [
        f"{k.lower()}: {facts[k]}" for k in RELEVANT.get(prompt.persona.slug, ()) if k in facts
    ]
    name = facts.get("Name")
    if not picked and not name:
        return None
    who = f"{name}, " if name else ""
    said = "; ".join(picked[:4]) or "what you've told me so far"
    return f"{who}I'm keeping in mind what you've told me — {said}."


def compose(prompt: Prompt) -> str:
    """The whole offline reply as Markdown."""
    persona = prompt.persona
    lines = [
        f"_Offline mode — no language model is connected, so {persona.name} has put this together "
        f"from the {persona.name} knowledge base._",
        "",
    ]
    if (prompt.profile or prompt.recalled) and _RECALL.search(prompt.message):
        lines += memory_lines(prompt)
        lines += ["", f"**Your next step:** {NEXT_STEPS.get(persona.slug, NEXT_STEPS['core'])}"]
        return "\n".join(lines)
    remembered = keeping_in_mind(prompt)
    if remembered:
        lines += [remembered, ""]
    if _GREETING.match(prompt.message) and len(prompt.message.split()) <= 6:
        lines.append(
            f"Hello! I'm {persona.name}, your {persona.title.lower()}. "
            "Brand Coach has five specialists — Diagnostic (brand assessments), Avatar (your ideal "
            "customer), Canvas (business model and pricing), CAPTURE (content strategy) and Core "
            "(brand foundations) — and I'll bring in whichever fits your question."
        )
    elif prompt.passages:
        lines.append(f"Here is what our {persona.title.lower()} material says about that:")
        for number, passage in enumerate(prompt.passages, start=1):
            quote = " ".join(key_sentences(passage.text, prompt.message))
            lines += ["", f"**{passage.heading}** — _{passage.title}_ [{number}]", f"> {quote}"]
    else:
        lines.append(
            f"I couldn't find anything in the {persona.name} knowledge base that matches this "
            "closely enough to quote, so I won't guess."
        )
    lines += ["", f"**Your next step:** {NEXT_STEPS.get(persona.slug, NEXT_STEPS['core'])}"]
    if prompt.passages:
        lines += ["", "**Sources**"]
        lines += [f"[{n}] {p.title} — {p.heading}" for n, p in enumerate(prompt.passages, start=1)]
    return "\n".join(lines)


class OfflineCoach:
    """Streams `compose(prompt)` word by word; costs nothing and needs no network."""

    label = "offline coach"

    def __init__(self, *, delay: float = 0.0) -> None:
        self.delay = delay

    async def stream(self, prompt: Prompt) -> AsyncIterator[StreamEvent]:
        """Yield the composed reply a few words at a time, then token counts."""
        reply = compose(prompt)
        pieces = _CHUNK.findall(reply)
        for start in range(0, len(pieces), 3):
            yield TextDelta("".join(pieces[start : start + 3]))
            await asyncio.sleep(self.delay)
        prompt_text = render.instructions(prompt) + "".join(
            m["content"] for m in render.messages(prompt)
        )
        yield Usage(count_tokens(prompt_text), count_tokens(reply))
