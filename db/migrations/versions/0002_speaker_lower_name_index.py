"""index speakers by lower(name)

Speaker look-ups compare lower(name) (claims/importer.py, db/queries.speaker_ids_for): without an
index on that expression each look-up scanned the speaker table.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa  # noqa: F401
import sqlmodel.sql.sqltypes  # noqa: F401


revision: str = '0002'
down_revision: Union[str, None] = '0001'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    # made by hand (an expression index; db.migrate.include_name keeps autogenerate from dropping it)
    op.execute("CREATE INDEX ix_speaker_lower_name ON speaker (lower(name))")


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_speaker_lower_name")
