"""Alembic wiring: run migrations on open, refuse databases from a newer schema."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import inspect, text
from sqlalchemy.engine import Engine

from claims.errors import UserError

MIGRATIONS = Path(__file__).with_name("migrations")
# The newest migration's revision. Opening a database that is already there needs neither Alembic
# nor the migration scripts (~0.2 s of every command); tests/test_migrations.py checks it is the head.
HEAD = "0002"


def include_name(name, type_, parent_names) -> bool:
    """Search objects made by hand in migrations are not in the models: autogenerate skips them."""
    if type_ == "table":
        return not (name or "").startswith("claim_fts")
    if type_ == "index":
        return name not in ("ix_claim_search", "ix_speaker_lower_name")
    return True


def alembic_config(engine: Engine | None = None):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if engine is not None:
        cfg.attributes["engine"] = engine
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def ensure_current(engine: Engine) -> None:
    """Upgrade to head when behind; refuse a schema this version does not know."""
    current = current_revision(engine)
    if current == HEAD:
        return
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(alembic_config())
    if current is not None:
        try:
            scripts.get_revision(current)
        except Exception:
            raise UserError(
                f"this database has schema {current}, made by a newer claimtrack; upgrade claimtrack to open it"
            ) from None
    upgrade(engine)


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    # A write transaction from the start (BEGIN IMMEDIATE on SQLite): when two processes open a new
    # database at once, the second waits for the first's migration instead of failing as "locked".
    command.upgrade(alembic_config(engine.execution_options(claims_write=True)), revision)
