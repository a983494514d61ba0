"""Alembic migrations: an empty database upgraded to head matches the models exactly, and the
hand-made full-text search objects exist and stay in sync (SQLite and PostgreSQL)."""
from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text
from sqlmodel import SQLModel

import db.models  # noqa: F401  (registers the tables)
from db.migrate import MIGRATIONS, current_revision, head_revision, include_name, upgrade


def _diff(engine) -> list:
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={
            "compare_type": True, "include_name": include_name, "target_metadata": SQLModel.metadata})
        return compare_metadata(context, SQLModel.metadata)


def test_upgrade_empty_database_to_head_matches_the_models(db_url):
    engine = create_engine(db_url)
    try:
        assert current_revision(engine) is None
        upgrade(engine)
        assert current_revision(engine) == head_revision()
        assert _diff(engine) == []
        tables = set(inspect(engine).get_table_names())
        assert set(SQLModel.metadata.tables) <= tables
    finally:
        engine.dispose()


def test_autogenerate_would_notice_a_model_change(db_url):
    """The comparison is not vacuous: a column the migrations lack shows up as a difference."""
    engine = create_engine(db_url)
    try:
        upgrade(engine)
        with engine.begin() as conn:
            conn.execute(text("ALTER TABLE claim ADD COLUMN stray INTEGER"))
        assert any(d[0] == "remove_column" and d[2] == "claim" and d[3].name == "stray" for d in _diff(engine))
    finally:
        engine.dispose()


def test_one_head_and_opening_migrates(db_url):
    from db.engine import get_engine

    engine = get_engine(db_url)
    assert current_revision(engine) == head_revision()
    upgrade(engine)  # again: nothing to do
    assert current_revision(engine) == head_revision()


def test_full_text_search_objects_exist(db_url, engine):
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            triggers = set(conn.execute(text(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'claim'")).scalars())
            assert {"claim_fts_ai", "claim_fts_ad", "claim_fts_au"} <= triggers
            assert conn.execute(text("SELECT sql FROM sqlite_master WHERE name = 'claim_fts'")).scalar().upper() \
                .startswith("CREATE VIRTUAL TABLE CLAIM_FTS USING FTS5")
        else:
            indexdef = conn.execute(text(
                "SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_claim_search'")).scalar()
            assert indexdef and "gin" in indexdef.lower() and "to_tsvector" in indexdef


def test_full_text_index_follows_inserts_updates_and_deletes(db_url, engine):
    from db.engine import read_session, write_session
    from db.models import Claim
    from db.queries import ClaimFilter, list_claims
    from db.writes import NewClaim, NewSource, add_claim

    def found(words: str) -> list[int]:
        with read_session(engine) as session:
            return [r.id for r in list_claims(session=session, filters=ClaimFilter(search=words))]

    with write_session(engine) as session:
        claim_id = add_claim(session=session, actor="t", new=NewClaim(
            text="Evacuations along the river", quote="we moved everyone",
            source=NewSource("https://example.org/a"))).id
    assert found("river") == [claim_id] and found("everyone") == [claim_id]
    with write_session(engine) as session:
        session.get(Claim, claim_id).text = "Evacuations along the canal"
    assert found("river") == [] and found("canal") == [claim_id]
    with write_session(engine) as session:
        session.delete(session.get(Claim, claim_id))
    assert found("canal") == []
    if engine.dialect.name == "sqlite":
        with engine.connect() as conn:  # the external-content index is consistent with the table
            conn.execute(text("INSERT INTO claim_fts(claim_fts, rank) VALUES('integrity-check', 1)"))


def test_downgrade_to_base_and_up_again(db_url):
    from alembic import command

    from db.migrate import alembic_config

    engine = create_engine(db_url)
    try:
        upgrade(engine)
        command.downgrade(alembic_config(engine), "base")
        left = set(inspect(engine).get_table_names()) - {"alembic_version"}
        assert not left & set(SQLModel.metadata.tables)
        assert not any(name.startswith("claim_fts") for name in left)
        upgrade(engine)
        assert _diff(engine) == []
    finally:
        engine.dispose()


def test_migration_files_follow_the_template():
    """New revisions import sqlmodel's types (autogenerate renders AutoString from them)."""
    template = (MIGRATIONS / "script.py.mako").read_text()
    assert "import sqlmodel.sql.sqltypes" in template
    for script in sorted((MIGRATIONS / "versions").glob("*.py")):
        body = script.read_text()
        if "sqlmodel.sql.sqltypes." in body:
            assert "import sqlmodel.sql.sqltypes" in body, script.name
    assert Path(MIGRATIONS / "env.py").read_text().count("render_as_batch") == 1


def test_head_constant_is_the_newest_migration():
    """db.migrate.HEAD lets an up-to-date database open without loading Alembic: it must be the head."""
    from db.migrate import HEAD, head_revision

    assert HEAD == head_revision()


def test_speakers_are_found_by_lower_name_through_an_index(db_url, engine):
    """Speaker look-ups compare lower(name): the index on that expression exists, and on SQLite the
    look-up's plan uses it instead of scanning the table; a downgrade to 0001 removes it."""
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            names = set(conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'index'")).scalars())
            plan = " ".join(str(row[-1]) for row in conn.execute(
                text("EXPLAIN QUERY PLAN SELECT id FROM speaker WHERE lower(name) = :k"), {"k": "x"}))
            assert "ix_speaker_lower_name" in plan, plan
        else:
            names = set(conn.execute(text("SELECT indexname FROM pg_indexes WHERE tablename = 'speaker'")).scalars())
    assert "ix_speaker_lower_name" in names
    upgrade_engine = create_engine(db_url)
    try:
        from alembic import command

        from db.migrate import alembic_config

        command.downgrade(alembic_config(upgrade_engine), "0001")
        insp = inspect(upgrade_engine)
        assert "ix_speaker_lower_name" not in {ix["name"] for ix in insp.get_indexes("speaker")}
        upgrade(upgrade_engine)
        assert current_revision(upgrade_engine) == head_revision()
    finally:
        upgrade_engine.dispose()
