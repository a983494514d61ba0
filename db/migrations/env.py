"""Alembic environment: the engine comes from db.engine (or alembic's own URL when run by hand)."""
from alembic import context
from sqlalchemy import create_engine, text

import db.models  # noqa: F401  (registers the tables)
from sqlmodel import SQLModel

config = context.config
target_metadata = SQLModel.metadata

from db.migrate import include_name


def run_migrations_online() -> None:
    engine = config.attributes.get("engine")
    if engine is None:
        engine = create_engine(config.get_main_option("sqlalchemy.url"))
    with engine.connect() as connection:
        if connection.dialect.name == "postgresql":
            # Two processes opening a new database at once: the second waits, then finds it current.
            connection.execute(text("SELECT pg_advisory_xact_lock(7363915287)"))
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            compare_type=True,
            include_name=include_name,
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


run_migrations_online()
