"""Merging facts into the profile: add, no-op, update, retire, ask — with history kept."""

from __future__ import annotations

import uuid

import pytest

from coach.bootstrap import Runtime
from coach.errors import NotFound
from coach.memory import rules
from coach.memory.facts import ExtractedFact
from coach.memory.profile import Source


def fact(category: str, value: str, **flags: bool) -> ExtractedFact:
    return ExtractedFact(category=category, value=value, **flags)  # type: ignore[arg-type]


async def active(runtime: Runtime, user: uuid.UUID) -> set[tuple[str, str]]:
    return {(f.category, f.value) for f in await runtime.memory.profile.active(user)}


async def test_add_then_restate_is_a_noop(runtime: Runtime, member: uuid.UUID) -> None:
    profile = runtime.memory.profile
    first = await profile.merge(member, [fact("company", "Fern & Flour")], Source())
    again = await profile.merge(member, [fact("company", "fern and flour")], Source())
    assert [m.op for m in first] == ["add"] and [m.op for m in again] == ["noop"]
    goals = [fact("goal", "open a second shop"), fact("goal", "open a second shop")]
    assert [m.op for m in await profile.merge(member, goals, Source())] == ["add", "noop"]
    assert await active(runtime, member) == {
        ("company", "Fern & Flour"),
        ("goal", "open a second shop"),
    }
    assert len(await profile.everything(member)) == 2  # no duplicates stored


async def test_change_language_updates_and_keeps_history(
    runtime: Runtime, member: uuid.UUID
) -> None:
    profile = runtime.memory.profile
    await profile.merge(member, [fact("location", "Leeds")], Source())
    (merged,) = await profile.merge(member, [fact("location", "Bristol", change=True)], Source())
    assert merged.op == "update" and merged.previous is not None
    assert await active(runtime, member) == {("location", "Bristol")}
    history = {f.value: f for f in await profile.everything(member)}
    old, new = history["Leeds"], history["Bristol"]
    assert (old.status, old.replaced_by, new.status) == ("retired", new.id, "active")
    assert old.valid_to is not None and old.valid_to >= old.valid_from


async def test_the_name_a_person_goes_by_is_not_a_new_name(
    runtime: Runtime, member: uuid.UUID
) -> None:
    """ "Marites, but everyone calls me Tess" is one name; "Tess here" later restates it."""
    profile = runtime.memory.profile

    def names(text: str) -> list[ExtractedFact]:
        return [f for f in rules.extract(text) if f.category == "name"]

    first = names("My name is Marites Santos but everyone calls me Tess.")
    await profile.merge(member, first, Source())
    (later,) = await profile.merge(member, names("Tess here again, quick question."), Source())
    assert later.op == "noop"
    assert await active(runtime, member) == {("name", "Marites Santos (Tess)")}
    assert not await profile.questions(member)


async def test_richer_value_replaces_without_asking(runtime: Runtime, member: uuid.UUID) -> None:
    profile = runtime.memory.profile
    await profile.merge(member, [fact("audience", "busy nurses")], Source())
    (merged,) = await profile.merge(
        member, [fact("audience", "busy nurses working night shifts")], Source()
    )
    assert merged.op == "update"
    assert await active(runtime, member) == {("audience", "busy nurses working night shifts")}


async def test_a_value_that_joins_two_stored_ones_replaces_both(
    runtime: Runtime, member: uuid.UUID
) -> None:
    profile = runtime.memory.profile
    both = [fact("value", "slow work"), fact("value", "made by hand")]
    await profile.merge(member, both, Source())
    (merged,) = await profile.merge(member, [fact("value", "slow work, made by hand")], Source())
    assert merged.op == "update"
    assert await active(runtime, member) == {("value", "slow work, made by hand")}
    retired = [f for f in await profile.everything(member) if f.status == "retired"]
    assert {f.value for f in retired} == {"slow work", "made by hand"}
    assert merged.fact is not None
    assert {f.replaced_by for f in retired} == {merged.fact.id}


async def test_contradiction_asks_and_records_the_answer(
    runtime: Runtime, member: uuid.UUID
) -> None:
    profile = runtime.memory.profile
    await profile.merge(member, [fact("company", "Wick & Wild")], Source())
    (merged,) = await profile.merge(member, [fact("company", "Ember Lane")], Source())
    assert merged.op == "ask"
    assert await active(runtime, member) == {("company", "Wick & Wild")}  # nothing replaced yet

    (question,) = await profile.questions(member)
    assert "Wick & Wild" in question.text and "Ember Lane" in question.text
    assert "Shall I update it?" in question.text
    assert await profile.questions(member) == []  # asked once

    updated = await profile.resolve(member, question.fact_id, accept=True)
    assert updated.status == "active"
    assert await active(runtime, member) == {("company", "Ember Lane")}
    statuses = {f.value: f.status for f in await profile.everything(member)}
    assert statuses == {"Wick & Wild": "retired", "Ember Lane": "active"}
    with pytest.raises(NotFound):
        await profile.resolve(member, question.fact_id, accept=True)


async def test_a_guess_fills_an_empty_one_value_category_but_never_contradicts(
    runtime: Runtime, member: uuid.UUID
) -> None:
    """What the learned readers guess (or a trade derived from a role) is kept when nothing is
    held, but never asks to replace what the person stated; a list takes a guess as usual."""
    profile = runtime.memory.profile
    (first,) = await profile.merge(member, [fact("industry", "pottery").as_guess()], Source())
    assert first.op == "add"
    await profile.merge(member, [fact("industry", "ceramics studio", change=True)], Source())
    guesses = [fact("industry", "only pottery"), fact("name", "Spelt"), fact("goal", "ten kilns")]
    await profile.merge(member, [fact("name", "Rangi")], Source())
    merged = await profile.merge(member, [g.as_guess() for g in guesses], Source())
    assert [m.op for m in merged] == ["noop", "noop", "add"]
    assert await profile.questions(member) == []
    assert await active(runtime, member) == {
        ("industry", "ceramics studio"),
        ("name", "Rangi"),
        ("goal", "ten kilns"),
    }
    (stated,) = await profile.merge(member, [fact("name", "Aroha")], Source())
    assert stated.op == "ask"  # the same value stated, not guessed, is asked about


async def test_ideal_customers_are_a_list_that_a_shift_replaces(
    runtime: Runtime, member: uuid.UUID
) -> None:
    profile = runtime.memory.profile
    await profile.merge(member, [fact("audience", "retirees in the little towns")], Source())
    (second,) = await profile.merge(
        member, [fact("audience", "Airbnb owners in Daylesford")], Source()
    )
    assert second.op == "add"  # a second kind of customer, not a contradiction
    (also,) = await profile.merge(
        member,
        [fact("audience", "hotels", change=True, quote="we now also sell to hotels")],
        Source(),
    )
    assert also.op == "add"  # "now", but "also": it comes on top
    assert await profile.questions(member) == []
    assert len(await profile.active(member)) == 3

    (shift,) = await profile.merge(
        member,
        [fact("audience", "corporate teams", change=True, quote="corporate teams now, mostly")],
        Source(),
    )
    assert shift.op == "update"
    assert await active(runtime, member) == {("audience", "corporate teams")}
    history = {f.value: f for f in await profile.everything(member)}
    assert {f.status for v, f in history.items() if v != "corporate teams"} == {"retired"}
    assert {f.replaced_by for v, f in history.items() if v != "corporate teams"} == {
        history["corporate teams"].id
    }


async def test_naming_the_ideal_customer_asks_before_replacing_them_all(
    runtime: Runtime, member: uuid.UUID
) -> None:
    profile = runtime.memory.profile
    for value in ("busy nurses", "shift workers"):
        await profile.merge(member, [fact("audience", value)], Source())
    claim = "My ideal customer is new mums."
    (merged,) = await profile.merge(member, [fact("audience", "new mums", quote=claim)], Source())
    assert merged.op == "ask"  # "my ideal customer is…" claims the whole place
    assert await active(runtime, member) == {
        ("audience", "busy nurses"),
        ("audience", "shift workers"),
    }
    (question,) = await profile.questions(member)
    assert "ideal customer was “busy nurses”" in question.text and "new mums" in question.text
    await profile.resolve(member, question.fact_id, accept=True)
    assert await active(runtime, member) == {("audience", "new mums")}
    statuses = {f.value: f.status for f in await profile.everything(member)}
    assert statuses == {"busy nurses": "retired", "shift workers": "retired", "new mums": "active"}


async def test_places_are_a_list_that_a_move_replaces(runtime: Runtime, member: uuid.UUID) -> None:
    profile = runtime.memory.profile
    await profile.merge(
        member, [fact("location", "Toowoomba", quote="I'm based in Toowoomba")], Source()
    )
    second = "signing a lease for a 2nd clinic in Highfields"
    (added,) = await profile.merge(member, [fact("location", "Highfields", quote=second)], Source())
    assert added.op == "add"  # a second place, not a contradiction
    assert await profile.questions(member) == []

    claim = "Our studio is based in Dalby."
    (asked,) = await profile.merge(member, [fact("location", "Dalby", quote=claim)], Source())
    assert asked.op == "ask"  # "based in" claims the whole place: the coach asks first
    (question,) = await profile.questions(member)
    await profile.resolve(member, question.fact_id, accept=False)

    (moved,) = await profile.merge(
        member,
        [fact("location", "Brisbane", change=True, quote="we moved to Brisbane in May")],
        Source(),
    )
    assert moved.op == "update"  # a move retires every place held, and keeps their history
    assert await active(runtime, member) == {("location", "Brisbane")}
    statuses = {f.value: f.status for f in await profile.everything(member)}
    assert statuses == {
        "Toowoomba": "retired",
        "Highfields": "retired",
        "Dalby": "rejected",
        "Brisbane": "active",
    }


async def test_declined_contradiction_keeps_the_old_value(
    runtime: Runtime, member: uuid.UUID
) -> None:
    profile = runtime.memory.profile
    await profile.merge(member, [fact("price", "$150 per session")], Source())
    await profile.merge(member, [fact("price", "$90 per session")], Source())
    (question,) = await profile.questions(member)
    await profile.resolve(member, question.fact_id, accept=False)
    assert await active(runtime, member) == {("price", "$150 per session")}
    statuses = {f.value: f.status for f in await profile.everything(member)}
    assert statuses["$90 per session"] == "rejected"


async def test_prices_are_kept_per_thing_priced(runtime: Runtime, member: uuid.UUID) -> None:
    profile = runtime.memory.profile
    await profile.merge(
        member,
        [
            fact("price", "450 NOK for a standard hand-tied bouquet"),
            fact("price", "wedding packages start at 12 000 NOK"),
        ],
        Source(),
    )
    assert len(await profile.active(member)) == 2  # two things priced, no contradiction
    assert await profile.questions(member) == []

    (raised,) = await profile.merge(
        member, [fact("price", "standard bouquet at 520 NOK", change=True)], Source()
    )
    assert raised.op == "update" and raised.previous is not None
    assert raised.previous.value == "450 NOK for a standard hand-tied bouquet"
    assert await active(runtime, member) == {
        ("price", "standard bouquet at 520 NOK"),
        ("price", "wedding packages start at 12 000 NOK"),  # untouched
    }

    (asked,) = await profile.merge(
        member, [fact("price", "wedding packages from 15 000 NOK")], Source()
    )
    assert asked.op == "ask"  # the same thing at another price, without change language
    (question,) = await profile.questions(member)
    assert "12 000 NOK" in question.text and "15 000 NOK" in question.text
    await profile.resolve(member, question.fact_id, accept=True)
    assert await active(runtime, member) == {
        ("price", "standard bouquet at 520 NOK"),
        ("price", "wedding packages from 15 000 NOK"),
    }


async def test_retire_edit_and_delete(runtime: Runtime, member: uuid.UUID) -> None:
    profile = runtime.memory.profile
    added = await profile.merge(
        member, [fact("offer", "gift boxes"), fact("offer", "candle workshops")], Source()
    )
    (retired,) = await profile.merge(member, [fact("offer", "gift boxes", retire=True)], Source())
    assert retired.op == "retire"
    assert await active(runtime, member) == {("offer", "candle workshops")}

    workshops = added[1].fact
    assert workshops is not None
    edited = await profile.edit(member, workshops.id, "candle-making workshops")
    assert await active(runtime, member) == {("offer", "candle-making workshops")}
    removed = await profile.delete(member, edited.id)
    assert removed == 2  # the edited value and the version it replaced
    assert await active(runtime, member) == set()
    values = {f.value for f in await profile.everything(member)}
    assert values == {"gift boxes"}  # the retired, unrelated fact keeps its history


async def test_another_person_cannot_touch_my_facts(runtime: Runtime, member: uuid.UUID) -> None:
    other = (await runtime.accounts.add(f"other-{uuid.uuid4().hex[:8]}@example.com")).id
    (mine,) = await runtime.memory.profile.merge(member, [fact("name", "Dana")], Source())
    assert mine.fact is not None
    with pytest.raises(NotFound):
        await runtime.memory.profile.delete(other, mine.fact.id)
    with pytest.raises(NotFound):
        await runtime.memory.profile.edit(other, mine.fact.id, "Eve")
    assert await active(runtime, other) == set()
    assert await active(runtime, member) == {("name", "Dana")}
