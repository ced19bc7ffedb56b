"""Only coaches and admins may write to the knowledge bases."""

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
