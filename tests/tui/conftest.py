"""Fixtures for the TUI tests: a fresh temp SQLite file per test, seeded through db.writes."""
from __future__ import annotations

import datetime as dt
import shutil

import pytest

from db.engine import dispose_all, get_engine, write_session
from db.writes import NewClaim, NewSource, add_claim, link_claims, tag_claim

TODAY = dt.date(2025, 6, 1)
INJECTION = "[bold red]boom[/] [link=file:///etc/passwd]x[/link]"


def seed(engine) -> dict[str, int]:
    """A small fixed data set: two stories, three speakers, a contradiction."""
    ids = {}
    with write_session(engine) as s:
        def add(key, text, *, speaker=None, role=None, said_on=None, story="flood", outlet="Balkan Wire",
                url="https://balkanwire.example/flood", quantities=(), dates=()):
            claim = add_claim(session=s, actor="seed", new=NewClaim(
                text=text, speaker=speaker, speaker_role=role, said_on=said_on, story=story,
                quantities=list(quantities), dates=list(dates),
                source=NewSource(url=url, title="Floods force evacuations", outlet=outlet,
                                 published_on=dt.date(2024, 3, 5))))
            ids[key] = claim.id

        add("evac", "About 12,000 people were evacuated from the river towns by Tuesday.",
            speaker="Mira Kovač", role="interior minister", said_on=dt.date(2024, 3, 5),
            quantities=[{"low": 12000, "high": 12000, "approximate": True, "unit": "people", "measure": "evacuated"}],
            dates=[{"phrase": "by Tuesday", "role": "deadline", "earliest": "2024-03-05", "latest": "2024-03-05"}])
        add("evac2", "Only 8,000 residents had left their homes.", speaker="Red Cross", said_on=dt.date(2024, 3, 6),
            url="https://redcross.example/update", outlet="Red Cross",
            quantities=[{"low": 8000, "high": 8000, "unit": "people", "measure": "evacuated"}])
        add("dam", "The dam is safe and will not fail.", speaker="Mira Kovač", said_on=dt.date(2024, 3, 4))
        add("strike", "Bus drivers will strike from Monday.", speaker="Union of Drivers", story="strike",
            outlet="Harbourton Gazette", url="https://gazette.example/strike", said_on=dt.date(2024, 11, 8))
        add("inject", INJECTION, speaker=None, story="strike", outlet="Harbourton Gazette",
            url="https://gazette.example/strike", said_on=dt.date(2024, 11, 9))
        s.flush()
        tag_claim(session=s, actor="seed", claim_id=ids["dam"], tags=["infrastructure"])
        link_claims(session=s, actor="seed", a_id=ids["evac"], b_id=ids["evac2"], relation="contradicts",
                    reason="12,000 vs 8,000 evacuated")
    return ids


FIXED_AT = "2025-05-01 09:00:00.000000"


@pytest.fixture(scope="session")
def template_db(tmp_path_factory):
    """Migrated and seeded once; each test gets its own copy (a fresh file per test, quickly)."""
    path = tmp_path_factory.mktemp("tui-template") / "claims.db"
    engine = get_engine(str(path))
    ids = seed(engine)
    with engine.begin() as conn:  # a fixed clock for the snapshots
        conn.exec_driver_sql(f"UPDATE audit_event SET at = '{FIXED_AT}'")
        conn.exec_driver_sql(f"UPDATE claim SET created_at = '{FIXED_AT}', updated_at = '{FIXED_AT}'")
    dispose_all()
    return path, ids


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / "claims.db"
    yield str(path)
    dispose_all()


@pytest.fixture
def seeded(template_db, db_path):
    shutil.copyfile(template_db[0], db_path)
    engine = get_engine(db_path)
    return db_path, engine, dict(template_db[1])


@pytest.fixture
def make(seeded):
    """Build the app on the seeded database (fixed clock, no polling)."""
    from tui.app import make_app

    path, engine, ids = seeded

    def build(**kwargs):
        kwargs.setdefault("actor", "tester")
        kwargs.setdefault("today", TODAY)
        kwargs.setdefault("poll_seconds", None)
        return make_app(path, **kwargs)

    build.engine = engine
    build.ids = ids
    return build


async def settle(pilot, rounds: int = 10) -> None:
    """Let workers finish and the messages they post be handled (which may start more workers)."""
    for _ in range(rounds):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if all(worker.is_finished for worker in pilot.app.workers):
            await pilot.pause()
            if all(worker.is_finished for worker in pilot.app.workers):
                return


async def opened(pilot):
    """Wait until the claims table shows rows; return the table."""
    await settle(pilot)
    table = pilot.app.screen.query_one("#claims")
    for _ in range(50):
        if table.row_count:
            break
        await pilot.pause(0.02)
    await settle(pilot)
    return table


def claim_status(engine, claim_id: int) -> str:
    from db.engine import read_session
    from db.models import Claim

    with read_session(engine) as s:
        return s.get(Claim, claim_id).status


def audit_actions(engine, claim_id: int) -> list[tuple[str, str, str | None]]:
    from sqlmodel import select

    from db.engine import read_session
    from db.models import AuditEvent

    with read_session(engine) as s:
        return [(e.action, e.actor, e.reason) for e in
                s.exec(select(AuditEvent).where(AuditEvent.claim_id == claim_id).order_by(AuditEvent.id)).all()]


async def type_text(pilot, text: str) -> None:
    await pilot.press(*[{" ": "space"}.get(ch, ch) for ch in text])
