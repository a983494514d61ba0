"""`claims show ID --as-of DATE` rebuilds links, their states and the deadline state from the log."""
from __future__ import annotations

from sqlalchemy import create_engine, text

from db.engine import dispose_all, get_engine, write_session
from tests.evidence.conftest import D, add


def backdate(path: str, claim_id: int, days: list[str]) -> None:
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.begin() as conn:
            ids = conn.execute(text("SELECT id FROM audit_event WHERE claim_id = :c ORDER BY id"),
                               {"c": claim_id}).scalars().all()
            assert len(ids) == len(days), ids
            for event_id, day in zip(ids, days):
                conn.execute(text("UPDATE audit_event SET at = :at WHERE id = :id"),
                             {"at": f"{day} 12:00:00", "id": event_id})
    finally:
        engine.dispose()


def test_show_as_of_rebuilds_links_and_deadline_state(cli, tmp_path):
    path = str(tmp_path / "x.db")
    with write_session(get_engine(path)) as s:
        promise = add(s, "The army would complete its withdrawal by Friday.", source="https://a.example/1",
                      said_on=D(2022, 1, 10), dates=[{"phrase": "by Friday", "role": "deadline", "latest": "2022-01-14"}])
        add(s, "The army has completed its withdrawal.", source="https://b.example/1", said_on=D(2022, 1, 13))
    dispose_all()
    assert cli("check", "--today", "2022-01-15", db=path).exit_code == 0
    assert cli("dismiss", "1", "--reason", "another army", db=path).exit_code == 0
    # create, link suggested, deadline met, link dismissed, deadline back to pending
    backdate(path, promise, ["2022-01-10", "2022-01-15", "2022-01-15", "2022-01-20", "2022-01-20"])

    def as_of(day):
        result = cli("show", promise, "--as-of", day, "--format", "json", db=path)
        assert result.exit_code == 0, result.stderr
        return result.json()

    before = as_of("2022-01-12")
    assert (before["deadline_state"], before["links"]) == ("pending", [])
    checked = as_of("2022-01-16")
    assert checked["deadline_state"] == "met"
    assert [(lk["relation"], lk["state"], lk["origin"]) for lk in checked["links"]] == [
        ("corroborates", "suggested", "detected")]
    dismissed = as_of("2022-01-21")
    assert dismissed["deadline_state"] == "pending"
    assert [lk["state"] for lk in dismissed["links"]] == ["dismissed"]
    now = cli("show", promise, "--format", "json", db=path).json()
    assert now["deadline_state"] == "pending"
