"""A database made by the FIRST migration and filled with data keeps every row through every later
migration up to head, and the application can still read, search and write it afterwards.

The rows are generated from the schema as it is at the first revision (reflected, not from today's
models), so the test stays valid as migrations are added: a new migration that drops, truncates or
mangles old data fails it."""
from __future__ import annotations

import datetime as dt
import json
import os
import uuid

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import (Boolean, Date, DateTime, Float, Integer, MetaData, Numeric, String, Text, create_engine,
                        func, select, text)

from db.engine import get_engine, read_session, write_session
from db.migrate import alembic_config, current_revision, head_revision, upgrade

ROWS = 12
FIRST = "0001"
HOSTILE = "Токаев \u200f\u200d e\u0301 [bold]x[/]"


def revisions_in_order() -> list[str]:
    scripts = ScriptDirectory.from_config(alembic_config())
    return [r.revision for r in reversed(list(scripts.walk_revisions("base", "heads")))]


def _value(col, table: str, i: int, parents: dict[str, list]):
    """A value for column `col` of row i that fits the column's type as it was at this revision."""
    if col.foreign_keys:
        target = next(iter(col.foreign_keys)).column.table.name
        if target == table:
            return None
        ids = parents[target]
        return ids[i % len(ids)]
    if col.nullable and i % 3 == 2:
        return None  # NULLs must survive too
    t = col.type
    if isinstance(t, Boolean):
        return i % 2 == 0
    if isinstance(t, Integer):
        return 1 if col.name == "version" else i * 7 + 1
    if isinstance(t, (Float, Numeric)):
        return i * 1.5 + 0.25
    if isinstance(t, DateTime):
        return dt.datetime(2022, 1, 1, 12, 30) + dt.timedelta(hours=i)
    if isinstance(t, Date):
        return dt.date(2022, 1, 1) + dt.timedelta(days=i)
    if isinstance(t, (String, Text)):
        limit = getattr(t, "length", None) or 200
        base = f"https://example.com/{table}/{col.name}/{i}" if "url" in col.name else f"{table}.{col.name} {i} {HOSTILE}"
        if col.name in ("status",):
            base = "unverified"
        elif table == "audit_event" and col.name in ("before", "after"):  # JSON documents
            base = json.dumps({"status": "unverified", "note": f"{i} {HOSTILE}"}, ensure_ascii=False)
        elif col.name in ("content_sha256",):
            base = f"{i:064x}"
        return base[:limit]
    raise AssertionError(f"no test value for {table}.{col.name} of type {t!r}: extend _value")


def fill(engine) -> dict[str, list[tuple]]:
    """Insert ROWS rows into every table of the schema as it is now; returns what was inserted."""
    meta = MetaData()
    meta.reflect(engine)
    parents: dict[str, list] = {}
    with engine.begin() as conn:
        for table in meta.sorted_tables:
            if table.name.startswith(("claim_fts", "alembic_", "sqlite_")):
                continue
            rows = []
            for i in range(ROWS):
                row = {c.name: _value(c, table.name, i, parents) for c in table.columns
                       if not (c.primary_key and isinstance(c.type, Integer) and not c.foreign_keys)}
                rows.append(row)
            conn.execute(table.insert(), rows)
            pk = list(table.primary_key.columns)
            if len(pk) == 1:
                parents[table.name] = [r[0] for r in conn.execute(select(pk[0]).order_by(pk[0]))]
    return snapshot(engine)


def snapshot(engine, columns: dict[str, list[str]] | None = None) -> dict[str, list[tuple]]:
    """Every row of every application table, restricted to `columns` when given, in key order."""
    meta = MetaData()
    meta.reflect(engine)
    out = {}
    with engine.connect() as conn:
        for table in meta.sorted_tables:
            if table.name.startswith(("claim_fts", "alembic_", "sqlite_")):
                continue
            if columns is not None and table.name not in columns:
                continue
            cols = [table.c[n] for n in (columns[table.name] if columns else [c.name for c in table.columns])]
            order = list(table.primary_key.columns) or cols
            out[table.name] = [tuple(r) for r in conn.execute(select(*cols).order_by(*order))]
    return out


def column_names(engine) -> dict[str, list[str]]:
    meta = MetaData()
    meta.reflect(engine)
    return {t.name: [c.name for c in t.columns] for t in meta.sorted_tables
            if not t.name.startswith(("claim_fts", "alembic_", "sqlite_"))}


@pytest.fixture(params=["sqlite", "postgresql"])
def fresh_url(request, tmp_path):
    if request.param == "sqlite":
        yield str(tmp_path / "claims.db")
        return
    base = os.environ.get("CLAIMS_TEST_POSTGRES_URL")
    if not base:
        pytest.skip("CLAIMS_TEST_POSTGRES_URL is not set: the PostgreSQL migration test needs a real server")
    schema = f"robust_mig_{uuid.uuid4().hex[:10]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    yield f"{base}{'&' if '?' in base else '?'}options=-csearch_path%3D{schema}"
    from db.engine import dispose_all

    dispose_all()
    with admin.connect() as conn:
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


def test_first_revision_is_0001():
    assert revisions_in_order()[0] == FIRST


def test_each_migration_keeps_the_data_of_the_one_before(fresh_url):
    engine = get_engine(fresh_url, migrate=False)
    upgrade(engine, FIRST)
    assert current_revision(engine) == FIRST
    fill(engine)
    for revision in revisions_in_order()[1:]:
        before_cols = column_names(engine)
        before = snapshot(engine)
        upgrade(engine, revision)
        after_cols = column_names(engine)
        kept = {t: [c for c in cols if c in after_cols.get(t, [])] for t, cols in before_cols.items()}
        assert set(before) <= set(after_cols), f"{revision} dropped tables {set(before) - set(after_cols)}"
        restricted_before = {t: [tuple(r[before_cols[t].index(c)] for c in kept[t]) for r in rows]
                             for t, rows in before.items()}
        assert snapshot(engine, kept) == restricted_before, f"migration {revision} changed or lost rows"
    assert current_revision(engine) == head_revision()


def test_opening_an_old_database_upgrades_it_with_nothing_lost(fresh_url):
    """What a user does: a database from the first release, opened by today's claimtrack
    (`get_engine` runs `ensure_current`). Counts and every row of the old columns compare equal,
    and the application reads, searches and writes it."""
    old = get_engine(fresh_url, migrate=False)
    upgrade(old, FIRST)
    before_cols = column_names(old)
    before = fill(old)
    from db.engine import dispose_all

    dispose_all()
    engine = get_engine(fresh_url)  # migrations on open
    assert current_revision(engine) == head_revision()
    after = snapshot(engine, before_cols)
    assert {t: len(r) for t, r in after.items()} == {t: len(r) for t, r in before.items()}
    assert after == before

    from db.models import Claim
    from db.queries import ClaimFilter, claim_detail, count_claims, list_claims
    from db.writes import NewClaim, NewSource, add_claim, mark_claim

    with read_session(engine) as s:
        assert count_claims(session=s) == ROWS
        first_id = s.scalar(select(func.min(Claim.id)))
        detail = claim_detail(session=s, claim_id=first_id)
        assert HOSTILE in detail["text"]
        assert [r.id for r in list_claims(session=s, filters=ClaimFilter(search="Токаев"), limit=100)]
    with write_session(engine) as s:
        mark_claim(session=s, actor="t", claim_id=first_id, status="disputed", reason="after upgrade")
        new = add_claim(session=s, actor="t", new=NewClaim(text="Quintessential zebra count rose",
                                                           source=NewSource(url="https://example.com/new")))
        new_id = new.id
    with read_session(engine) as s:
        # The search index is still kept in step (batch migrations can drop triggers).
        assert [r.id for r in list_claims(session=s, filters=ClaimFilter(search="quintessential zebra"))] == [new_id]
        assert s.get(Claim, first_id).version == 2
