"""Two editors load the same claim and both save: the second gets the clear conflict error and the
first one's change is intact (optimistic locking through the version column).

Runs against the real PostgreSQL server when CLAIMS_TEST_POSTGRES_URL is set (as in CI), in a
schema of its own; the same checks also run on a SQLite file."""
from __future__ import annotations

import os
import threading
import uuid

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import Session, select

from _robust import assert_one_line_error, run_claims
from claims.errors import ConflictError
from db.engine import get_engine, read_session, write_session
from db.models import AuditEvent, Claim
from db.writes import NewClaim, NewSource, add_claim, flush_claim, mark_claim

PG_ENV = "CLAIMS_TEST_POSTGRES_URL"
CONFLICT = "changed by someone else since you loaded it"


@pytest.fixture(scope="module")
def pg_url():
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(f"{PG_ENV} is not set: the PostgreSQL conflict tests need a real server")
    schema = f"robust_{uuid.uuid4().hex[:10]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in base else "?"
    yield f"{base}{sep}options=-csearch_path%3D{schema}"
    with admin.connect() as conn:
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


@pytest.fixture(params=["postgresql", "sqlite"])
def url(request, tmp_path):
    if request.param == "postgresql":
        return request.getfixturevalue("pg_url")
    return str(tmp_path / "claims.db")


def _new_claim(engine, text_: str = "Troops will leave within 10 days") -> int:
    with write_session(engine) as session:
        claim = add_claim(session=session, actor="setup", new=NewClaim(
            text=text_, source=NewSource(url=f"https://example.com/{uuid.uuid4().hex}")))
        return claim.id


def _marks(engine, claim_id: int) -> list[tuple[str, str]]:
    with read_session(engine) as session:
        rows = session.exec(select(AuditEvent).where(AuditEvent.claim_id == claim_id,
                                                     AuditEvent.action == "claim.mark").order_by(AuditEvent.id)).all()
        return [(e.actor, e.reason) for e in rows]


def test_second_mark_with_stale_version_is_refused(url):
    engine = get_engine(url)
    claim_id = _new_claim(engine)
    with read_session(engine) as s:
        loaded_by_alice = s.get(Claim, claim_id).version
    with read_session(engine) as s:
        loaded_by_bob = s.get(Claim, claim_id).version
    with write_session(engine) as s:
        mark_claim(session=s, actor="alice", claim_id=claim_id, status="disputed", reason="alice's source",
                   expected_version=loaded_by_alice)
    with pytest.raises(ConflictError, match=CONFLICT):
        with write_session(engine) as s:
            mark_claim(session=s, actor="bob", claim_id=claim_id, status="corroborated", reason="bob's source",
                       expected_version=loaded_by_bob)
    with read_session(engine) as s:
        claim = s.get(Claim, claim_id)
        assert (claim.status, claim.version) == ("disputed", loaded_by_alice + 1)
    assert _marks(engine, claim_id) == [("alice", "alice's source")]


def test_overlapping_transactions_second_flush_conflicts(url):
    """Both transactions are open at once: Bob reads version 1 while Alice's update is not yet
    committed, so only the version column (not the expected_version check) can catch him."""
    engine = get_engine(url)
    if engine.dialect.name == "sqlite":
        pytest.skip("SQLite serialises writers with BEGIN IMMEDIATE: two write transactions never overlap")
    claim_id = _new_claim(engine)
    outcome: dict = {}
    with write_session(engine) as alice:
        mark_claim(session=alice, actor="alice", claim_id=claim_id, status="refuted", reason="alice",
                   expected_version=1)
        bob_started = threading.Event()

        def bob() -> None:
            try:
                with write_session(engine) as s:
                    claim = s.get(Claim, claim_id)
                    outcome["seen_version"] = claim.version
                    bob_started.set()
                    claim.status = "corroborated"
                    flush_claim(s, claim)  # blocks on Alice's row lock, then finds version 2
            except Exception as exc:  # noqa: BLE001 - the assertion below names it
                outcome["error"] = exc
            finally:
                bob_started.set()

        worker = threading.Thread(target=bob)
        worker.start()
        assert bob_started.wait(20)
        threading.Event().wait(0.3)  # let Bob's UPDATE reach the row lock
    worker.join(30)
    assert not worker.is_alive()
    assert outcome.get("seen_version") == 1
    assert isinstance(outcome.get("error"), ConflictError), outcome
    assert CONFLICT in str(outcome["error"])
    with read_session(engine) as s:
        claim = s.get(Claim, claim_id)
        assert (claim.status, claim.version) == ("refuted", 2)


def test_plain_orm_flush_raises_stale_data(url):
    """version_id_col works through any ORM flush, not only through mark_claim."""
    engine = get_engine(url)
    claim_id = _new_claim(engine)
    with Session(engine) as alice, Session(engine, expire_on_commit=False) as bob:
        a = alice.get(Claim, claim_id)
        b = bob.get(Claim, claim_id)
        bob.commit()  # Bob's snapshot ends; his loaded object keeps version 1
        a.text = "Troops will leave within 12 days"
        alice.commit()
        b.text = "Troops will leave within 14 days"
        with pytest.raises(StaleDataError):
            bob.flush()
        bob.rollback()
    with read_session(engine) as s:
        claim = s.get(Claim, claim_id)
        assert (claim.text, claim.version) == ("Troops will leave within 12 days", 2)


def test_flush_claim_turns_stale_data_into_conflict(url):
    engine = get_engine(url)
    claim_id = _new_claim(engine)
    with Session(engine, expire_on_commit=False) as bob:
        b = bob.get(Claim, claim_id)
        bob.commit()
        with write_session(engine) as alice:
            claim = alice.get(Claim, claim_id)
            claim.status = "disputed"
            flush_claim(alice, claim)
        b.status = "corroborated"
        with pytest.raises(ConflictError, match=CONFLICT):
            flush_claim(bob, b)
        bob.rollback()
    with read_session(engine) as s:
        assert s.get(Claim, claim_id).status == "disputed"


def test_cli_second_editor_gets_one_line_conflict(url):
    engine = get_engine(url)
    claim_id = _new_claim(engine)
    first = run_claims("--as", "alice", "mark", str(claim_id), "disputed", "--reason", "first",
                       "--expect-version", "1", db=url)
    assert first.returncode == 0, first.stderr.decode()
    second = run_claims("--as", "bob", "mark", str(claim_id), "corroborated", "--reason", "second",
                        "--expect-version", "1", db=url)
    err = assert_one_line_error(second)
    assert CONFLICT in err
    with read_session(engine) as s:
        assert s.get(Claim, claim_id).status == "disputed"
    assert _marks(engine, claim_id) == [("alice", "first")]


def test_two_processes_importing_the_same_folder_store_each_article_once(url, tmp_path):
    """Both see every article as new when they extract it; inside the write transactions one of them
    must find the other's copy (a duplicate) instead of storing it twice or crashing."""
    import json

    from _robust import has_extract_api, popen_claims, write_articles
    from sqlalchemy import func

    from db.models import Source

    if not has_extract_api():
        pytest.skip("claims.extract (the extraction package) has not landed yet")
    engine = get_engine(url)  # migrated before the race
    folder = tmp_path / "same"
    paths = write_articles(folder, 15, tag="same", seed=5)
    procs = [popen_claims("import", str(folder), "--format", "json", db=url) for _ in range(2)]
    outputs = [p.communicate(timeout=600) for p in procs]
    statuses = []
    for proc, (out, err) in zip(procs, outputs):
        assert proc.returncode == 0, err.decode()[-3000:]
        assert b"Traceback" not in err
        statuses += [r["status"] for r in json.loads(out)]
    assert statuses.count("imported") == len(paths), statuses
    assert statuses.count("duplicate") == len(paths), statuses
    urls = [p.read_text().rsplit("<", 1)[1].split(">", 1)[0] for p in paths]
    with read_session(engine) as s:  # the schema is shared with this module's other tests
        assert s.scalar(select(func.count()).select_from(Source).where(Source.url.in_(urls))) == len(paths)
