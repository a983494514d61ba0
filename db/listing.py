"""Keyset pagination of the claim list in any column order (the TUI's table reads pages through here).

A page continues after the (sort value, id) of the last row shown, so page N costs what page 1
costs; OFFSET would grow with N. NULL values sort first ascending and last descending, as SQLite
does by default (so its indexes on said_on and status serve the order).
"""
from __future__ import annotations

from typing import Any

from sqlalchemy import and_, literal, literal_column, or_, tuple_
from sqlalchemy import select as sa_select
from sqlmodel import Session

from db.models import Claim, Source, Speaker, Story
from db.queries import ClaimFilter, ClaimRow, _filtered, _row_columns, list_claims

# Sort name -> the ClaimRow attribute that holds its value (the keyset's first element).
SORT_KEYS = ("id", "status", "speaker", "text", "said_on", "outlet", "sources", "conflict")
Key = tuple[Any, int]


def sort_key_of(row: ClaimRow, sort: str) -> Key:
    """The keyset position of a row: where the next page starts."""
    return (None if sort == "id" else getattr(row, sort), row.id)


def _sort_expr(sort: str, columns: tuple):
    exprs = {"status": Claim.status, "speaker": Speaker.name, "text": Claim.text, "said_on": Claim.said_on,
             "outlet": Source.outlet, "sources": columns[8], "conflict": columns[9]}
    if sort not in exprs:
        raise ValueError(f"unknown sort {sort!r}: use one of {', '.join(SORT_KEYS)}")
    return exprs[sort]


def _after(expr, value, last_id: int, descending: bool):
    """Rows strictly after (value, last_id) in the order (expr NULLS FIRST/LAST, id)."""
    if isinstance(value, bool):  # SQLAlchemy refuses `expr > True`; a bound parameter is fine
        value = literal(value)
    if not descending:
        if value is None:
            return or_(and_(expr.is_(None), Claim.id > last_id), expr.is_not(None))
        return or_(expr > value, and_(expr == value, Claim.id > last_id))
    if value is None:
        return and_(expr.is_(None), Claim.id < last_id)
    return or_(expr < value, and_(expr == value, Claim.id < last_id), expr.is_(None))


def list_claims_page(*, session: Session, filters: ClaimFilter = ClaimFilter(), sort: str = "id",
                     descending: bool = False, after: Key | None = None, limit: int = 100) -> list[ClaimRow]:
    """One page of claims ordered by `sort` then id, starting after the keyset position `after`."""
    if sort == "id":
        return list_claims(session=session, filters=filters, limit=limit,
                           after=after[1] if after else None, descending=descending)
    # The index walks below suit the whole table or an indexed filter; with a full-text search the
    # matching rows drive the query instead (a walk would run the text query once per claim).
    if sort == "speaker" and not filters.search:
        return _speaker_page(session, filters, descending, after, limit)
    if sort == "conflict" and not filters.search:
        return _conflict_page(session, filters, descending, after, limit)
    columns = _row_columns()
    expr = _sort_expr(sort, columns)
    stmt = sa_select(*columns).select_from(Claim)
    stmt, _ = _filtered(session, stmt, filters)
    stmt = (stmt.join(Source, Source.id == Claim.source_id)
            .outerjoin(Speaker, Speaker.id == Claim.speaker_id)
            .outerjoin(Story, Story.id == Claim.story_id))
    if after is not None:
        stmt = stmt.where(_after(expr, after[0], after[1], descending))
    sqlite = session.get_bind().dialect.name == "sqlite"
    if descending:
        order = [expr.desc() if sqlite else expr.desc().nulls_last(), Claim.id.desc()]
    else:
        order = [expr.asc() if sqlite else expr.asc().nulls_first(), Claim.id.asc()]
    stmt = stmt.order_by(*order).limit(limit)
    return [ClaimRow(*r) for r in session.execute(stmt).all()]


def _speaker_page(session: Session, filters: ClaimFilter, descending: bool, after: Key | None,
                  limit: int) -> list[ClaimRow]:
    """By speaker name without sorting the claim table: walk speakers in name order (index) and each
    speaker's claims in id order (index), as (name, speaker id, claim id); claims with no speaker form
    their own segment, first ascending and last descending."""
    columns = _row_columns()
    # SQLite must keep speaker as the outer loop; with more joins its planner may scan claim and sort
    # a million rows instead (11 s). A unary + on speaker.id stops it from driving the join from claim.
    sqlite = session.get_bind().dialect.name == "sqlite"
    speaker_key = literal_column("+speaker.id") if sqlite else Speaker.id

    def segment(named: bool, key: tuple | None, n: int) -> list[ClaimRow]:
        if named:
            stmt = sa_select(*columns).select_from(Speaker).join(Claim, Claim.speaker_id == speaker_key)
        else:
            stmt = (sa_select(*columns).select_from(Claim).outerjoin(Speaker, Speaker.id == Claim.speaker_id)
                    .where(Claim.speaker_id.is_(None)))
        stmt, _ = _filtered(session, stmt, filters)
        stmt = stmt.join(Source, Source.id == Claim.source_id).outerjoin(Story, Story.id == Claim.story_id)
        order = (Speaker.name, Speaker.id, Claim.id) if named else (Claim.id,)
        if key is not None:
            position = tuple_(*order) if named else Claim.id
            bound = tuple_(*key) if named else key[-1]
            stmt = stmt.where(position < bound if descending else position > bound)
        stmt = stmt.order_by(*[c.desc() if descending else c.asc() for c in order]).limit(n)
        return [ClaimRow(*r) for r in session.execute(stmt).all()]

    segments = [True, False] if descending else [False, True]
    key = None
    if after is not None:
        named = after[0] is not None
        if named:
            speaker_id = session.scalar(sa_select(Claim.speaker_id).where(Claim.id == after[1]))
            key = (after[0], speaker_id, after[1])
        else:
            key = (after[1],)
        segments = segments[segments.index(named):]
    rows: list[ClaimRow] = []
    for named in segments:
        rows += segment(named, key, limit - len(rows))
        key = None
        if len(rows) >= limit:
            break
    return rows


def _conflict_page(session: Session, filters: ClaimFilter, descending: bool, after: Key | None,
                   limit: int) -> list[ClaimRow]:
    """By the conflict marker without testing every claim: the claims in an open contradiction are
    the few named by claim_link, walked by id; the rest are walked by id, skipping those."""
    from sqlalchemy import union

    from db.models import ClaimLink

    open_link = (ClaimLink.relation == "contradicts", ClaimLink.state != "dismissed")
    in_conflict = union(sa_select(ClaimLink.a_id).where(*open_link), sa_select(ClaimLink.b_id).where(*open_link))
    columns = _row_columns()

    def segment(conflict: bool, last_id: int | None, n: int) -> list[ClaimRow]:
        stmt = sa_select(*columns).select_from(Claim)
        stmt, _ = _filtered(session, stmt, filters)
        stmt = (stmt.join(Source, Source.id == Claim.source_id)
                .outerjoin(Speaker, Speaker.id == Claim.speaker_id)
                .outerjoin(Story, Story.id == Claim.story_id))
        member = Claim.id.in_(in_conflict)
        stmt = stmt.where(member if conflict else ~member)
        if last_id is not None:
            stmt = stmt.where(Claim.id < last_id if descending else Claim.id > last_id)
        stmt = stmt.order_by(Claim.id.desc() if descending else Claim.id).limit(n)
        return [ClaimRow(*r) for r in session.execute(stmt).all()]

    segments = [True, False] if descending else [False, True]
    last_id = None
    if after is not None:
        segments = segments[segments.index(bool(after[0])):]
        last_id = after[1]
    rows: list[ClaimRow] = []
    for conflict in segments:
        rows += segment(conflict, last_id, limit - len(rows))
        last_id = None
        if len(rows) >= limit:
            break
    return rows


def rows_by_id(*, session: Session, claim_ids: list[int]) -> dict[int, ClaimRow]:
    """The current rows of these claims (used to refresh the rows already on screen)."""
    if not claim_ids:
        return {}
    stmt = (sa_select(*_row_columns()).select_from(Claim).where(Claim.id.in_(claim_ids))
            .join(Source, Source.id == Claim.source_id)
            .outerjoin(Speaker, Speaker.id == Claim.speaker_id)
            .outerjoin(Story, Story.id == Claim.story_id))
    return {r[0]: ClaimRow(*r) for r in session.execute(stmt).all()}


def data_version(*, session: Session) -> tuple[int, int]:
    """A cheap token that changes whenever anything is written (each write leaves an audit event;
    bulk loads add claims): the TUI polls it while idle and reloads only when it moved."""
    from sqlalchemy import func

    from db.models import AuditEvent

    return (session.scalar(sa_select(func.max(AuditEvent.id))) or 0,
            session.scalar(sa_select(func.max(Claim.id))) or 0)
