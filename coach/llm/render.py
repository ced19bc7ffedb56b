"""Turn a structured `Prompt` into the instructions and messages an OpenAI model reads."""

from __future__ import annotations

from coach.llm.base import Prompt

SHARED_RULES = """\
You are one of five specialist coaches (Diagnostic, Avatar, Canvas, CAPTURE, Core) in one shared
conversation with this person; earlier replies may come from the others. Coach with the IDEA
framework: Insight-driven, Distinctive, Empathetic, Authentic. When you use a knowledge passage,
cite it by its bracketed number, like [1]. Never invent sources, facts about the person, or
memories that are not in this prompt."""


def instructions(prompt: Prompt) -> str:
    """System-level text: the persona's instructions, the shared rules and the knowledge."""
    parts = [prompt.instructions, SHARED_RULES]
    if prompt.profile:
        parts.append(
            "What this person has told you (their profile; use it, don't ask again):\n"
            + "\n".join(f"- {line}" for line in prompt.profile)
        )
    if prompt.summary:
        parts.append(f"Summary of the conversation before the recent turns:\n{prompt.summary}")
    if prompt.recalled:
        parts.append(
            "Earlier things the person said that relate to this message:\n"
            + "\n".join(f"- {line}" for line in prompt.recalled)
        )
    if prompt.passages:
        lines = ["Knowledge passages you may cite:"]
        for number, passage in enumerate(prompt.passages, start=1):
            lines.append(f"[{number}] {passage.title} — {passage.heading}\n{passage.text}")
        parts.append("\n\n".join(lines))
    return "\n\n".join(parts)


def messages(prompt: Prompt) -> list[dict[str, str]]:
    """The conversation so far plus the new message, as role/content pairs."""
    turns = [{"role": t.role, "content": t.content} for t in prompt.history if t.content]
    return [*turns, {"role": "user", "content": prompt.message}]
