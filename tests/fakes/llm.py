"""A strict scripted fake of the project's own LLM protocol."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field

from coach.llm.base import Prompt, StreamEvent, TextDelta, Usage

Step = str | Usage | Exception


@dataclass
class ScriptedLLM:
    """Replays scripted replies; fails on an unexpected call and (at teardown) on an unused one."""

    scripts: list[list[Step]] = field(default_factory=list)
    prompts: list[Prompt] = field(default_factory=list)
    on_call: Callable[[Prompt], Awaitable[None]] | None = None
    label: str = "scripted fake"

    def script(self, *steps: Step) -> None:
        """Queue one reply: text pieces, a Usage, or an exception to raise at that point."""
        self.scripts.append(list(steps))

    async def stream(self, prompt: Prompt) -> AsyncIterator[StreamEvent]:
        """Play the next script."""
        assert self.scripts, f"unexpected model call for {prompt.message!r}"
        steps = self.scripts.pop(0)
        self.prompts.append(prompt)
        if self.on_call is not None:
            await self.on_call(prompt)
        for step in steps:
            if isinstance(step, Exception):
                raise step
            yield TextDelta(step) if isinstance(step, str) else step
