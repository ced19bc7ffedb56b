"""The five specialists, defined as Markdown files beside this module (one per slug)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

SLUGS = ("diagnostic", "avatar", "canvas", "capture", "core")
DEFAULT = "core"
_FOLDER = Path(__file__).parent


@dataclass(frozen=True)
class Persona:
    """A specialist coach: who they are, what they take, how they answer."""

    slug: str
    name: str
    title: str
    description: str
    temperature: float
    instructions: str

    @property
    def knowledge_base(self) -> str:
        """The knowledge base this specialist answers from (named by its slug)."""
        return self.slug


def parse_persona(text: str) -> Persona:
    """Read a persona file: `key: value` front matter between `---` lines, then instructions."""
    if not text.startswith("---"):
        raise ValueError("persona file must start with a '---' front-matter block")
    _, header, body = text.split("---", 2)
    fields: dict[str, str] = {}
    for line in header.strip().splitlines():
        key, _, value = line.partition(":")
        fields[key.strip()] = value.strip()
    return Persona(
        slug=fields["slug"],
        name=fields["name"],
        title=fields["title"],
        description=fields["description"],
        temperature=float(fields.get("temperature", "0.5")),
        instructions=body.strip(),
    )


@lru_cache
def builtin_personas() -> dict[str, Persona]:
    """The shipped definitions, keyed by slug, in the canonical order."""
    return {slug: parse_persona((_FOLDER / f"{slug}.md").read_text()) for slug in SLUGS}
