"""Several writers at once: optimistic locking (SQLite and PostgreSQL), SQLite pragmas, and two
processes writing the same SQLite file without "database is locked"."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from claims.errors import ConflictError
from db.engine import get_engine, read_session, write_session
from db.models import AuditEvent, Claim
from db.writes import NewClaim, NewSource, add_claim, mark_claim

ROOT = Path(__file__).resolve().parents[1]
CONFLICT = "changed by someone else since you loaded it"


def _claim(engine, text_="Troops will leave within ten days") -> int:
    with write_session(engine) as s:
        return add_claim(session=s, actor="setup", new=NewClaim(text=text_, source=NewSource("https://example.org/a"))).id


def _state(engine, claim_id):
    with read_session(engine) as s:
        c = s.get(Claim, claim_id)
        marks = s.exec(select(AuditEvent.actor, AuditEvent.after).where(
            AuditEvent.claim_id == claim_id, AuditEvent.action == "claim.mark")).all()
        return c.status, c.version, [(actor, after) for actor, after in marks]


def test_second_save_of_a_stale_claim_conflicts(engine):
    """Two editors load version 1; the first saves; the second's save fails and changes nothing."""
    claim_id = _claim(engine)
    writer = engine.execution_options(claims_write=True)
    first, second = Session(writer, expire_on_commit=False), Session(writer, expire_on_commit=False)
    try:
        loaded = []  # each editor holds what it loaded (the session's identity map is weak)
        for session in (first, second):  # both load the claim, then their read ends
            loaded.append(session.get(Claim, claim_id))
            session.commit()
        assert [c.version for c in loaded] == [1, 1]
        mark_claim(session=first, actor="first", claim_id=claim_id, status="disputed", reason="r1")
        first.commit()
        with pytest.raises(ConflictError) as caught:
            mark_claim(session=second, actor="second", claim_id=claim_id, status="refuted", reason="r2")
        assert CONFLICT in str(caught.value) and str(claim_id) in str(caught.value)
        second.rollback()
    finally:
        first.close()
        second.close()
    status, version, marks = _state(engine, claim_id)
    assert (status, version) == ("disputed", 2)
    assert [actor for actor, _ in marks] == ["first"]


def test_overlapping_transactions_conflict_on_postgresql(engine):
    """Both transactions open at once (what PostgreSQL allows): the later UPDATE finds version 2."""
    if engine.dialect.name != "postgresql":
        pytest.skip("SQLite serialises writers: two write transactions cannot overlap")
    claim_id = _claim(engine)
    first, second = Session(engine, expire_on_commit=False), Session(engine, expire_on_commit=False)
    try:
        loaded = [first.get(Claim, claim_id), second.get(Claim, claim_id)]  # noqa: F841 (held on purpose)
        mark_claim(session=first, actor="first", claim_id=claim_id, status="disputed", reason="r1")
        first.commit()
        with pytest.raises(ConflictError, match=CONFLICT):
            mark_claim(session=second, actor="second", claim_id=claim_id, status="refuted", reason="r2")
        second.rollback()
    finally:
        first.close()
        second.close()
    assert _state(engine, claim_id)[:2] == ("disputed", 2)


def test_expected_version_conflicts_before_writing(engine):
    claim_id = _claim(engine)
    with write_session(engine) as s:
        mark_claim(session=s, actor="a", claim_id=claim_id, status="disputed", reason="r", expected_version=1)
    with pytest.raises(ConflictError, match=CONFLICT), write_session(engine) as s:
        mark_claim(session=s, actor="b", claim_id=claim_id, status="refuted", reason="r", expected_version=1)
    assert _state(engine, claim_id)[:2] == ("disputed", 2)


def test_cli_conflict_is_one_line(cli, db_url, user_error, dump):
    assert cli("add", "--text", "t", "--source", "https://example.org/", db=db_url).exit_code == 0
    assert cli("mark", "1", "disputed", "--reason", "r", db=db_url).exit_code == 0
    before = dump(db_url)
    user_error(cli("mark", "1", "refuted", "--reason", "r", "--expect-version", "1", db=db_url), CONFLICT)
    assert dump(db_url) == before


# --- SQLite ----------------------------------------------------------------------------------------

def test_sqlite_pragmas(sqlite_url):
    engine = get_engine(sqlite_url)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar().lower() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
    with pytest.raises(IntegrityError), write_session(engine) as s:
        s.add(Claim(text="orphan", source_id=12345))


def test_idle_reader_does_not_block_a_writer(sqlite_url):
    engine = get_engine(sqlite_url)
    _claim(engine)
    with read_session(engine) as reader:
        reader.exec(select(Claim)).all()  # a read transaction stays open
        started = time.monotonic()
        _claim(engine, "written while someone reads")
        assert time.monotonic() - started < 2
        assert len(reader.exec(select(Claim)).all()) == 1  # the reader keeps its snapshot
    with read_session(engine) as s:
        assert len(s.exec(select(Claim)).all()) == 2


def test_writer_waits_for_another_writer_instead_of_failing(sqlite_url):
    """A write transaction that reads first, while another writer holds the lock, waits and succeeds."""
    engine = get_engine(sqlite_url)
    claim_id = _claim(engine)
    holding, errors = threading.Event(), []

    def hold_the_lock():
        with write_session(engine) as s:
            mark_claim(session=s, actor="holder", claim_id=claim_id, status="disputed", reason="r")
            holding.set()
            time.sleep(0.5)

    thread = threading.Thread(target=hold_the_lock)
    thread.start()
    holding.wait(5)
    try:
        with write_session(engine) as s:
            s.exec(select(Claim)).all()
            add_claim(session=s, actor="waiter", new=NewClaim(text="second", source=NewSource("https://example.org/b")))
    except Exception as exc:  # noqa: BLE001 - reported below
        errors.append(exc)
    thread.join()
    assert errors == []
    assert _state(engine, claim_id)[:2] == ("disputed", 2)


WORKER = textwrap.dedent("""
    import os, sys, time
    from pathlib import Path
    db, name, n, go = sys.argv[1], sys.argv[2], int(sys.argv[3]), Path(sys.argv[4])
    from db.engine import get_engine, read_session, write_session
    from db.queries import list_claims
    from db.writes import NewClaim, NewSource, add_claim, mark_claim, tag_claim
    Path(f"{go}.{name}").touch()  # imported and ready
    deadline = time.monotonic() + 30
    while not go.exists() and time.monotonic() < deadline:
        time.sleep(0.005)
    engine = get_engine(db)
    for i in range(n):
        with read_session(engine) as s:
            list_claims(session=s, limit=5)
        with write_session(engine) as s:
            claim = add_claim(session=s, actor=name, new=NewClaim(
                text=f"{name} claim {i}", source=NewSource(f"https://example.org/{name}/{i % 3}"),
                speaker="Shared Speaker", story="shared-story"))
            tag_claim(session=s, actor=name, claim_id=claim.id, tags=["shared", name])
        with write_session(engine) as s:
            mark_claim(session=s, actor=name, claim_id=claim.id, status="disputed", reason="r")
    print("done", name)
""")


@pytest.mark.parametrize("fresh", [False, True], ids=["migrated", "fresh"])
def test_two_processes_write_the_same_database(db_url, tmp_path, fresh):
    """Two processes (a TUI and a CLI, or two CLIs) each add 30 claims at the same moment; with
    `fresh` they also both open the brand-new database first (and race to migrate it)."""
    if not fresh:
        get_engine(db_url)  # created and migrated before the writers start
        from db.engine import dispose_all

        dispose_all()
    go = tmp_path / "go"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    procs = [subprocess.Popen([sys.executable, "-c", WORKER, db_url, name, "30", str(go)], cwd=ROOT, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for name in ("alpha", "beta")]
    deadline = time.monotonic() + 60
    while not all(Path(f"{go}.{name}").exists() for name in ("alpha", "beta")) and time.monotonic() < deadline:
        time.sleep(0.01)
    go.touch()  # both start writing at the same moment
    outputs = [p.communicate(timeout=120) for p in procs]
    for proc, (out, err) in zip(procs, outputs):
        assert "database is locked" not in err
        assert proc.returncode == 0, err
        assert out.startswith("done")
    engine = get_engine(db_url)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM claim")).scalar() == 60
        assert conn.execute(text("SELECT count(*) FROM claim WHERE status = 'disputed' AND version = 2")).scalar() == 60
        assert conn.execute(text("SELECT count(*) FROM speaker")).scalar() == 1
        assert conn.execute(text("SELECT count(*) FROM story")).scalar() == 1
        assert conn.execute(text("SELECT count(*) FROM source")).scalar() == 6
        assert conn.execute(text("SELECT count(*) FROM claim_tag")).scalar() == 120
        if engine.dialect.name == "sqlite":
            assert conn.execute(text("SELECT count(*) FROM claim_fts WHERE claim_fts MATCH 'claim'")).scalar() == 60


def test_switch_to_wal_waits_for_another_process_holding_a_new_file(tmp_path):
    """SQLite does not apply the busy timeout to `PRAGMA journal_mode = WAL`: opening a brand-new
    file while another connection writes it (the other process migrating it) failed at once with
    "database is locked" (seen in CI). Opening now waits for the writer, then switches to WAL."""
    import sqlite3

    from db.engine import dispose_all

    path = tmp_path / "claims.db"
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("CREATE TABLE scratch (x)")
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("INSERT INTO scratch VALUES (1)")
    release = threading.Timer(0.4, lambda: holder.execute("COMMIT"))
    release.start()
    try:
        engine = get_engine(f"sqlite:///{path}")
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("SELECT count(*) FROM scratch").scalar() == 1
    finally:
        release.join()
        holder.close()
        dispose_all()
