"""Chat-side rules: who may change knowledge, and what the welcome says."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from ui.uploads import can_write


@pytest.mark.parametrize(
    ("role", "allowed"), [("member", False), ("reviewer", False), ("coach", True), ("admin", True)]
)
def test_roles_that_may_change_knowledge(role: str, allowed: bool) -> None:
    assert can_write(SimpleNamespace(metadata={"role": role})) is allowed


def test_a_user_without_a_role_may_not() -> None:
    assert not can_write(None) and not can_write(SimpleNamespace(metadata=None))


def test_welcome_names_the_live_specialists() -> None:
    from dataclasses import replace

    from coach.personas import builtin_personas
    from ui.chat import welcome_text

    personas = dict(builtin_personas())
    personas["canvas"] = replace(personas["canvas"], name="Canvas Pro")
    text = welcome_text(personas, offline=True, coach=True)
    assert "**Canvas Pro**" in text and "Offline mode" in text and "/kb" in text
    assert "/kb" not in welcome_text(personas, offline=False, coach=False)
