"""The tables of claimtrack. Created and changed only through the Alembic migrations in db/migrations."""
from __future__ import annotations

import datetime as dt
from typing import Optional

from sqlalchemy import Column, Index, Integer, MetaData, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

# Stable constraint names so batch migrations on SQLite can find them.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
metadata: MetaData = SQLModel.metadata

STATUSES = ("unverified", "corroborated", "disputed", "refuted", "retracted")
KINDS = ("statement", "quantity", "deadline", "event")
STANCES = ("supports", "disputes", "context", "retracts")
RELATIONS = ("contradicts", "corroborates", "revises", "duplicates")
LINK_STATES = ("suggested", "confirmed", "dismissed")
SPEAKER_KINDS = ("person", "organisation", "group", "unnamed")
DEADLINE_STATES = ("pending", "met", "missed")
TIME_ROLES = ("deadline", "when", "since")
PRECISIONS = ("day", "month", "year")


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


class Story(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    name: str = Field(max_length=200, unique=True)
    title: Optional[str] = Field(default=None, sa_column=Column(Text))
    created_at: dt.datetime = Field(default_factory=utcnow)


class Source(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    url: str = Field(max_length=2048)
    url_key: str = Field(max_length=2048, unique=True)
    title: Optional[str] = Field(default=None, sa_column=Column(Text))
    outlet: Optional[str] = Field(default=None, max_length=300)
    published_on: Optional[dt.date] = None
    retrieved_at: Optional[dt.datetime] = None
    content_sha256: Optional[str] = Field(default=None, max_length=64, index=True)
    archive_url: Optional[str] = Field(default=None, max_length=2048)
    language: Optional[str] = Field(default=None, max_length=20)
    body: Optional[str] = Field(default=None, sa_column=Column(Text))
    story_id: Optional[int] = Field(default=None, foreign_key="story.id", index=True)
    created_at: dt.datetime = Field(default_factory=utcnow)


class Speaker(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    name: str = Field(max_length=300, index=True)
    role: Optional[str] = Field(default=None, max_length=300)
    kind: str = Field(default="person", max_length=20)
    merged_into_id: Optional[int] = Field(default=None, foreign_key="speaker.id")


class SpeakerAlias(SQLModel, table=True):
    __tablename__ = "speaker_alias"
    id: Optional[int] = Field(default=None, primary_key=True)
    speaker_id: int = Field(foreign_key="speaker.id", index=True)
    alias: str = Field(max_length=300)
    alias_key: str = Field(max_length=300, unique=True)


_claim_version = Column("version", Integer, nullable=False)


class Claim(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    text: str = Field(sa_column=Column(Text, nullable=False))
    quote: Optional[str] = Field(default=None, sa_column=Column(Text))
    speaker_id: Optional[int] = Field(default=None, foreign_key="speaker.id", index=True)
    said_on: Optional[dt.date] = Field(default=None, index=True)
    said_on_precision: Optional[str] = Field(default=None, max_length=10)
    source_id: int = Field(foreign_key="source.id", index=True)
    span_start: Optional[int] = None
    span_end: Optional[int] = None
    story_id: Optional[int] = Field(default=None, foreign_key="story.id", index=True)
    kind: str = Field(default="statement", max_length=20)
    status: str = Field(default="unverified", max_length=20, index=True)
    deadline_state: Optional[str] = Field(default=None, max_length=20)
    version: int = Field(default=1, sa_column=_claim_version)
    created_at: dt.datetime = Field(default_factory=utcnow)
    updated_at: dt.datetime = Field(default_factory=utcnow)

    # Optimistic locking: an UPDATE that finds another version raises StaleDataError.
    __mapper_args__ = {"version_id_col": _claim_version}


class Quantity(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", index=True)
    low: Optional[float] = None
    high: Optional[float] = None
    approximate: bool = False
    bound: Optional[str] = Field(default=None, max_length=30)
    unit: Optional[str] = Field(default=None, max_length=100)
    measure: Optional[str] = Field(default=None, max_length=100, index=True)
    as_of: Optional[dt.date] = None


class TimeRef(SQLModel, table=True):
    __tablename__ = "time_ref"
    id: Optional[int] = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", index=True)
    phrase: str = Field(max_length=500)
    role: str = Field(default="when", max_length=20)
    earliest: Optional[dt.date] = None
    latest: Optional[dt.date] = None


class Evidence(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", index=True)
    source_id: int = Field(foreign_key="source.id", index=True)
    stance: str = Field(max_length=20)
    excerpt: Optional[str] = Field(default=None, sa_column=Column(Text))
    note: Optional[str] = Field(default=None, sa_column=Column(Text))
    added_by: str = Field(max_length=200)
    added_at: dt.datetime = Field(default_factory=utcnow)


class ClaimLink(SQLModel, table=True):
    __tablename__ = "claim_link"
    __table_args__ = (UniqueConstraint("a_id", "b_id", "relation", name="uq_claim_link_pair"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    a_id: int = Field(foreign_key="claim.id", index=True)
    b_id: int = Field(foreign_key="claim.id", index=True)
    relation: str = Field(max_length=20)
    origin: str = Field(default="manual", max_length=20)
    state: str = Field(default="confirmed", max_length=20)
    reason: Optional[str] = Field(default=None, sa_column=Column(Text))
    created_by: str = Field(max_length=200)
    created_at: dt.datetime = Field(default_factory=utcnow)


class Tag(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    name: str = Field(max_length=100, unique=True)


class ClaimTag(SQLModel, table=True):
    __tablename__ = "claim_tag"
    claim_id: int = Field(foreign_key="claim.id", primary_key=True)
    tag_id: int = Field(foreign_key="tag.id", primary_key=True, index=True)


class AuditEvent(SQLModel, table=True):
    __tablename__ = "audit_event"
    __table_args__ = (Index("ix_audit_event_target", "target_type", "target_id"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    at: dt.datetime = Field(default_factory=utcnow, index=True)
    actor: str = Field(max_length=200)
    action: str = Field(max_length=50)
    target_type: str = Field(max_length=30)
    target_id: int
    claim_id: Optional[int] = Field(default=None, index=True)
    before: Optional[str] = Field(default=None, sa_column=Column(Text))
    after: Optional[str] = Field(default=None, sa_column=Column(Text))
    reason: Optional[str] = Field(default=None, sa_column=Column(Text))
