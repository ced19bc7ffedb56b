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
    model: str | None = None

    @property
    def knowledge_base(self) -> str:
        """The knowledge base this specialist answers from (named by its slug)."""
        return self.slug


REQUIRED = ("slug", "name", "title", "description")


def parse_persona(text: str) -> Persona:
    """Read a persona file: `key: value` front matter between `---` lines, then instructions.

    Raises ValueError with a message that says what to fix.
    """
    if not text.lstrip().startswith("---") or text.count("---") < 2:
        raise ValueError(
            "a persona starts with a '---' block of `key: value` lines, closed by '---'"
        )
    _, header, body = text.lstrip().split("---", 2)
    fields: dict[str, str] = {}
    for line in header.strip().splitlines():
        key, sep, value = line.partition(":")
        if not sep:
            raise ValueError(f"front-matter line {line!r} is not `key: value`")
        fields[key.strip()] = value.strip()
    missing = [key for key in REQUIRED if not fields.get(key)]
    if missing:
        raise ValueError(f"missing {', '.join(missing)} in the front matter")
    if fields["slug"] not in SLUGS:
        raise ValueError(f"slug must be one of {', '.join(SLUGS)}")
    try:
        temperature = float(fields.get("temperature", "0.5"))
    except ValueError as error:
        raise ValueError("temperature must be a number between 0 and 2") from error
    if not 0 <= temperature <= 2:
        raise ValueError("temperature must be a number between 0 and 2")
    if not body.strip():
        raise ValueError("the instructions after the front matter are empty")
    return Persona(
        slug=fields["slug"],
        name=fields["name"],
        title=fields["title"],
        description=fields["description"],
        temperature=temperature,
        instructions=body.strip(),
        model=fields.get("model") or None,
    )


def builtin_text(slug: str) -> str:
    """The shipped definition file of a persona, as text."""
    return (_FOLDER / f"{slug}.md").read_text()


@lru_cache
def builtin_personas() -> dict[str, Persona]:
    """The shipped definitions, keyed by slug, in the canonical order."""
    return {slug: parse_persona(builtin_text(slug)) for slug in SLUGS}
