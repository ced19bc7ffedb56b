"""`brand-coach users list|set-role|disable` and `brand-coach export`, run as a script would."""

from __future__ import annotations

import csv
import io
import json
import uuid

from coach.config import Settings
from tests.review.conftest import Seeded
from tests.test_cli import run


def test_users_list_set_role_and_disable(settings: Settings, migrated: None) -> None:
    email = f"cli-{uuid.uuid4().hex[:8]}@example.com"
    assert run("users", "add", email, "--password", "pw-123456", settings=settings).returncode == 0
    changed = run("users", "set-role", email, "reviewer", "--json", settings=settings)
    assert changed.returncode == 0, changed.stderr
    assert json.loads(changed.stdout)["role"] == "reviewer"
    disabled = run("users", "disable", email, settings=settings)
    assert disabled.returncode == 0 and f"{email} is disabled." in disabled.stdout
    listing = run("users", "list", "--json", settings=settings)
    mine = [u for u in json.loads(listing.stdout) if u["email"] == email]
    assert mine and mine[0]["role"] == "reviewer" and mine[0]["disabled"] is True
    human = run("users", "list", settings=settings).stdout
    assert any(line.startswith(email) and "disabled" in line for line in human.splitlines())
    missing = run("users", "set-role", "nobody@example.com", "admin", settings=settings)
    assert missing.returncode == 1 and "has no account" in missing.stderr


def test_export_matches_the_console_filters(settings: Settings, seeded: Seeded) -> None:
    email = seeded.people[2][1]
    expected = {
        str(r.id)
        for r in seeded.replies
        if r.email == email and r.feedback == 0 and r.at.date().isoformat() >= "2001-03-03"
    }
    args = ["export", "--since", "2001-03-03", "--until", "2001-03-05", "--person", email]
    jsonl = run(*args, "--feedback", "down", settings=settings)
    assert jsonl.returncode == 0, jsonl.stderr
    assert {json.loads(line)["reply_id"] for line in jsonl.stdout.splitlines()} == expected
    as_csv = run(*args, "--feedback", "down", "--format", "csv", settings=settings)
    assert {row["reply_id"] for row in csv.DictReader(io.StringIO(as_csv.stdout))} == expected
    bad = run("export", "--since", "last week", settings=settings)
    assert bad.returncode == 1 and "since must be a date" in bad.stderr
