"""Specialists as admins edit them: versioned, picked up live, built-ins as the fallback."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from coach.bootstrap import Runtime
from coach.errors import InvalidInput, NotFound
from coach.personas import builtin_text
from coach.personas.store import PersonaStore
from coach.storage.models import PersonaVersion

STRICT_CANVAS = (
    builtin_text("canvas")
    .replace("temperature: 0.4", "temperature: 0.1")
    .replace("name: Canvas", "name: Canvas Pro")
)


@pytest.fixture
async def store(runtime: Runtime) -> PersonaStore:
    """A persona store on a clean persona table (tests here share it, so each starts empty)."""
    async with runtime.db.session() as session:
        await session.execute(PersonaVersion.__table__.delete())
        await session.commit()
    return PersonaStore(runtime.db)


async def test_without_edits_the_built_in_definitions_are_live(store: PersonaStore) -> None:
    persona, source = await store.show("canvas")
    assert (persona.name, source) == ("Canvas", "built-in")


async def test_an_edit_is_picked_up_by_a_running_store_without_restart(
    store: PersonaStore, runtime: Runtime
) -> None:
    running = PersonaStore(runtime.db)  # another process's view, already warm
    assert (await running.all())["canvas"].name == "Canvas"
    version = await store.edit("canvas", STRICT_CANVAS, author="admin@example.com", note="stricter")
    assert version == 1
    live = (await running.all())["canvas"]
    assert (live.name, live.temperature) == ("Canvas Pro", 0.1)
    assert (await running.show("canvas"))[1] == "version 1"


async def test_history_and_rollback_keep_every_version(store: PersonaStore) -> None:
    await store.edit("canvas", STRICT_CANVAS, author="a@example.com")
    await store.edit(
        "canvas", STRICT_CANVAS.replace("Canvas Pro", "Canvas Max"), author="b@example.com"
    )
    assert (await store.show("canvas"))[0].name == "Canvas Max"

    assert await store.rollback("canvas") == 3  # back to version 1, as a new version
    assert (await store.show("canvas"))[0].name == "Canvas Pro"
    assert await store.rollback("canvas", to=0) == 4  # the built-in
    assert (await store.show("canvas"))[0].name == "Canvas"
    history = await store.history("canvas")
    assert [v.version for v in history] == [4, 3, 2, 1]
    assert history[1].note == "rollback to version 1"


async def test_a_broken_stored_version_falls_back_to_the_built_in(
    store: PersonaStore, runtime: Runtime
) -> None:
    await store.edit("canvas", STRICT_CANVAS, author=None)
    async with runtime.db.session() as session:  # simulate a bad hand edit in the database
        await session.execute(update(PersonaVersion).values(definition="not a persona"))
        await session.commit()
    await store.edit("avatar", builtin_text("avatar"), author=None)  # any change invalidates caches
    persona, source = await store.show("canvas")
    assert (persona.name, source) == ("Canvas", "built-in")


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("no front matter", "starts with a '---' block"),
        (STRICT_CANVAS.replace("temperature: 0.1", "temperature: 9"), "temperature"),
        (STRICT_CANVAS.replace("slug: canvas", "slug: avatar"), "not 'canvas'"),
        (
            STRICT_CANVAS.split("---\n", 2)[0]
            + "---\n"
            + STRICT_CANVAS.split("---\n", 2)[1]
            + "---\n",
            "empty",
        ),
    ],
    ids=["no-front-matter", "bad-temperature", "wrong-slug", "no-instructions"],
)
async def test_invalid_edits_are_refused_with_a_reason(
    store: PersonaStore, text: str, problem: str
) -> None:
    with pytest.raises(InvalidInput, match=problem):
        await store.edit("canvas", text, author=None)
    assert await store.history("canvas") == []


async def test_unknown_persona_and_version_are_clear_errors(store: PersonaStore) -> None:
    with pytest.raises(NotFound, match="choose one of"):
        await store.show("marketing")
    with pytest.raises(NotFound, match="no version 7"):
        await store.rollback("canvas", to=7)
