"""The evidence commands through the real `claims` entry point (Click's CliRunner)."""
from __future__ import annotations

import json

import pytest

from claims.cli import cli as claims_group
from db.engine import get_engine, write_session
from tests.evidence.conftest import D, add

COMMANDS = ["check", "links", "conflicts", "confirm", "dismiss", "deadlines", "figures", "measures", "export",
            "restore"]


@pytest.fixture
def db(tmp_path):
    from db.engine import dispose_all

    path = str(tmp_path / "x.db")
    engine = get_engine(path)
    with write_session(engine) as s:
        add(s, "Accounts place the toll between dozens and 146.", source="https://a.example/1",
            quantities=[(24, 146, "deaths", D(2022, 1, 13), True)])
        add(s, "One official said 230 died.", source="https://b.example/1", speaker="A",
            quantities=[(230, 230, "deaths", D(2022, 1, 16))])
        add(s, "Another official said 238 died.", source="https://c.example/1", speaker="B",
            quantities=[(238, 238, "deaths", D(2022, 1, 16))])
        add(s, "The pullout would be completed by Wednesday next week.", source="https://a.example/1",
            said_on=D(2022, 1, 13), dates=[{"phrase": "by Wednesday next week", "role": "deadline",
                                            "latest": "2022-01-19"}])
    dispose_all()
    return path


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(cli, command):
    assert command in claims_group.commands
    result = cli(command, "--help")
    assert result.exit_code == 0 and len(result.stdout) > 80, result.stderr


def test_check_links_conflicts_deadlines(cli, db):
    result = cli("check", "--story", "s", "--today", "2022-02-01", db=db)
    assert result.exit_code == 0, result.stderr
    assert "2 new suggestion(s): 1 contradicts, 1 revises" in result.stdout
    links = cli("links", "--story", "s", "--format", "json", db=db).json()
    assert [(x["a"], x["b"], x["relation"], x["origin"], x["state"]) for x in links] == [
        (1, 2, "revises", "detected", "suggested"), (2, 3, "contradicts", "detected", "suggested")]
    assert all(set(x) == {"id", "a", "b", "relation", "origin", "state", "reason"} for x in links)
    conflicts = cli("conflicts", "--story", "s", db=db)
    assert "CONTRADICTS" in conflicts.stdout and "Another official said 238 died." in conflicts.stdout
    deadlines = cli("deadlines", "--story", "s", "--format", "json", "--today", "2022-02-01", db=db).json()
    assert deadlines == [{"claim": 4, "deadline": "2022-01-19", "state": "pending", "overdue": True, "evidence": []}]
    table = cli("deadlines", "--today", "2022-01-10", db=db)
    assert "pending" in table.stdout and "overdue" not in table.stdout


def test_confirm_and_dismiss_are_audited_and_dismissed_stays_gone(cli, db):
    cli("check", db=db)
    assert cli("confirm", "1", "--reason", "official figure", db=db, env={"CLAIMS_USER": "ann"}).exit_code == 0
    result = cli("dismiss", "2", "--reason", "different counts", db=db, env={"CLAIMS_USER": "bob"})
    assert result.exit_code == 0 and "dismissed" in result.stdout
    history = cli("history", "2", "--format", "json", db=db).json()
    actions = [(e["action"], e["actor"], e["reason"]) for e in history if e["target_type"] == "link"]
    assert ("link.confirmed", "ann", "official figure") in actions
    assert ("link.dismissed", "bob", "different counts") in actions
    again = cli("check", "--format", "json", db=db).json()
    assert again["new_links_total"] == 0
    assert [x["id"] for x in cli("links", "--format", "json", db=db).json()] == [1]
    assert [x["state"] for x in cli("links", "--all", "--format", "json", db=db).json()] == ["confirmed", "dismissed"]


def test_user_errors(cli, db, user_error):
    user_error(cli("confirm", "99", db=db), "no link with ID 99")
    user_error(cli("check", "--story", "nope", db=db), "no story named")
    user_error(cli("check", "--margin", "lots", db=db), "margin")
    user_error(cli("figures", "--story", "nope", "--measure", "deaths", db=db), "no story named")


def test_figures_table_draws_the_history(cli, db):
    result = cli("figures", "--story", "s", "--measure", "killed", db=db)
    assert result.exit_code == 0, result.stderr
    first = result.stdout.splitlines()[0]
    assert first.startswith("killed in s: ") and "█" in first
    assert "around 24-146" in result.stdout and "█" * 20 in result.stdout
    rows = cli("figures", "--story", "s", "--measure", "deaths", "--format", "json", db=db).json()
    assert [r["as_of"] for r in rows] == ["2022-01-13", "2022-01-16", "2022-01-16"]


def test_measures_and_the_override_file(cli, tmp_path, user_error):
    override = tmp_path / "measures.json"
    override.write_text(json.dumps({"deaths": {"synonyms": ["lives lost"]},
                                    "arrivals": {"synonyms": ["new arrivals"], "cumulative": True},
                                    "troops": {"cumulative": True}}))
    env = {"CLAIMS_MEASURES_FILE": str(override)}
    listed = cli("measures", "--format", "json", env=env).json()
    assert listed["file"] == str(override)
    assert "lives lost" in listed["measures"]["deaths"]["synonyms"]
    assert listed["measures"]["arrivals"] == {"synonyms": ["new arrivals"], "cumulative": True}
    assert listed["measures"]["troops"]["cumulative"] is True
    assert "overrides:" in cli("measures", env=env).stdout
    override.write_text("{not json")
    user_error(cli("measures", env=env), "measures file")
