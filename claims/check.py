"""The evidence check on the database: load a story's figures and statements, find relations with
`claims.relations`, store them as suggested links and keep deadline states current.

The names here are the API the CLI and the TUI use: run_check, list_links, deadlines, figures.
"""
from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from typing import Iterable

from sqlalchemy import bindparam, func, or_, select, update
from sqlalchemy.orm import aliased
from sqlmodel import Session

from claims import relations as rel
from claims.errors import NotFoundError
from claims.measures import is_cumulative, measure_for, measures_in, qualifier
from db.models import AuditEvent, Claim, ClaimLink, Evidence, Quantity, Source, Speaker, Story, TimeRef, utcnow
from db.writes import link_claims, record

# How a suggested link between a deadline claim and a report of its event begins its reason.
REPORT_REASON = "reports the event on"
# Up to this many new links are stored one by one through db.writes.link_claims; more (a first
# check of a large story) go in one bulk insert that writes the same rows and audit events.
BULK_THRESHOLD = 200
_CHUNK = 20_000


def _story_id(session: Session, story: str | None) -> int | None:
    if story is None:
        return None
    sid = session.execute(select(Story.id).where(Story.name == story)).scalar()
    if sid is None:
        raise NotFoundError(f"no story named {story!r}; `claims stories` lists them")
    return sid


def _in_story(column, story_id: int | None):
    return column == story_id if story_id is not None else column.is_not(None)


LONG_RUN = dt.timedelta(days=365)


def load_figures(session: Session, story_id: int | None) -> list[rel.Figure]:
    """Every quantity of the story's claims whose measure is known: stored, named by its unit, or
    (for a bare number) named once in the claim's sentence. A figure whose claim is dated more
    than a year before the figure ('deadliest since 2007, when ... killed 519', 'since 2011') is
    a long-run total or a past event: it is compared only with figures of its kind."""
    rows = session.execute(
        select(Quantity.claim_id, Claim.source_id, Claim.speaker_id, Claim.story_id, Quantity.measure,
               Quantity.unit, Quantity.low, Quantity.high, Quantity.approximate, Quantity.bound, Quantity.as_of)
        .join(Claim, Claim.id == Quantity.claim_id).where(_in_story(Claim.story_id, story_id))
    ).all()
    bare = {r[0] for r in rows if not r[4] and not r[5]}
    named: dict[int, set[str]] = {}
    if bare:
        for cid, text in session.execute(select(Claim.id, Claim.text).where(Claim.id.in_(list(bare)))).all():
            named[cid] = measures_in(text)
    first_date: dict[int, dt.date] = {}
    for cid, earliest, latest in session.execute(
            select(TimeRef.claim_id, TimeRef.earliest, TimeRef.latest)
            .join(Claim, Claim.id == TimeRef.claim_id)
            .where(_in_story(Claim.story_id, story_id), TimeRef.role.in_(("when", "since")))).all():
        day = earliest or latest
        if day and (cid not in first_date or day < first_date[cid]):
            first_date[cid] = day
    names: dict[str | None, str | None] = {}
    qualifiers: dict[tuple, str] = {}

    def name_of(claim: int, measure: str | None, unit: str | None) -> str | None:
        if not measure and not unit:
            found = named.get(claim, set())
            return next(iter(found)) if len(found) == 1 else None
        key = measure or unit
        if key not in names:
            names[key] = (measure_for(measure) or measure) if measure else measure_for(unit)
        return names[key]

    out = []
    for claim, source, speaker, story, measure, unit, low, high, approx, bound, as_of in rows:
        m = name_of(claim, measure, unit)
        if m and (low is not None or high is not None):
            past = claim in first_date and as_of is not None and first_date[claim] < as_of - LONG_RUN
            if (unit, m) not in qualifiers:
                qualifiers[(unit, m)] = qualifier(unit, m)
            out.append(rel.Figure(claim, source, m, low, high, bool(approx), bound, as_of, speaker, story,
                                  "long-run" if past else None, qualifiers[(unit, m)]))
    return out


def load_statements(session: Session, story_id: int | None) -> list[rel.Statement]:
    """The story's claims with their dates: said (or published) on, first 'when', deadlines."""
    rows = session.execute(
        select(Claim.id, Claim.source_id, Claim.text, Claim.said_on, Source.published_on, Claim.speaker_id,
               Claim.story_id)
        .join(Source, Source.id == Claim.source_id).where(_in_story(Claim.story_id, story_id))
    ).all()
    when: dict[int, tuple[dt.date, dt.date]] = {}
    deadlines: dict[int, list[dt.date]] = defaultdict(list)
    trs = session.execute(
        select(TimeRef.claim_id, TimeRef.role, TimeRef.earliest, TimeRef.latest)
        .join(Claim, Claim.id == TimeRef.claim_id).where(_in_story(Claim.story_id, story_id))
        .order_by(TimeRef.id)
    ).all()
    for claim_id, role, earliest, latest in trs:
        if role == "deadline" and (latest or earliest):
            deadlines[claim_id].append(latest or earliest)
        elif role == "when" and claim_id not in when and (earliest or latest):
            when[claim_id] = (earliest or latest, latest or earliest)
    return [rel.Statement(cid, source, text, said_on or published, when.get(cid), tuple(deadlines.get(cid, ())),
                          speaker, story)
            for cid, source, text, said_on, published, speaker, story in rows]


def _existing_links(session: Session, story_id: int | None) -> list[tuple]:
    """(id, a, b, relation, state, origin, is_report_link) of every link of the story."""
    a = aliased(Claim)
    return session.execute(
        select(ClaimLink.id, ClaimLink.a_id, ClaimLink.b_id, ClaimLink.relation, ClaimLink.state, ClaimLink.origin,
               ClaimLink.reason.startswith(REPORT_REASON))
        .join(a, a.id == ClaimLink.a_id).where(_in_story(a.story_id, story_id))
    ).all()


def _dump(d: dict) -> str:
    return json.dumps(d, ensure_ascii=False, sort_keys=True)


def _raw_insert(session: Session, table, columns: tuple[str, ...], rows: list[tuple]) -> None:
    """executemany at the driver level: a bulk path without per-row type processing (the caller
    passes values already in the driver's form)."""
    conn = session.connection()
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    sql = f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({', '.join([mark] * len(columns))})"
    for start in range(0, len(rows), _CHUNK):
        conn.exec_driver_sql(sql, rows[start:start + _CHUNK])


def _bound(session: Session, column, value):
    """A value as the driver receives it for this column (dates with their storage format)."""
    dialect = session.connection().dialect
    process = column.type.dialect_impl(dialect).bind_processor(dialect)
    return process(value) if process else value


_LINK_COLUMNS = ("a_id", "b_id", "relation", "origin", "state", "reason", "created_by", "created_at")
_AUDIT_COLUMNS = ("at", "actor", "action", "target_type", "target_id", "claim_id", "before", "after", "reason")


def _store_links(session: Session, actor: str, found: list[rel.Found]) -> None:
    """Store new suggestions with their audit events, as db.writes.link_claims does one by one."""
    if len(found) <= BULK_THRESHOLD:
        for f in found:
            link_claims(session=session, actor=actor, a_id=f.a, b_id=f.b, relation=f.relation,
                        reason=f.reason, origin="detected")
        return
    session.flush()
    table, audit = ClaimLink.__table__, AuditEvent.__table__
    now = utcnow()
    before = session.execute(select(func.coalesce(func.max(table.c.id), 0))).scalar()
    created = _bound(session, table.c.created_at, now)
    _raw_insert(session, table, _LINK_COLUMNS,
                [(f.a, f.b, f.relation, "detected", "suggested", f.reason, actor, created) for f in found])
    ids = {(a, b, r): i for i, a, b, r in session.execute(
        select(table.c.id, table.c.a_id, table.c.b_id, table.c.relation).where(table.c.id > before)).all()}
    at = _bound(session, audit.c.at, now)
    events = []
    for f in found:
        link_id = ids[(f.a, f.b, f.relation)]
        # What db.writes.record writes: json.dumps(sort_keys=True) of the link's fields.
        after = (f'{{"a": {f.a}, "b": {f.b}, "origin": "detected", "relation": "{f.relation}", '
                 f'"state": "suggested"}}')
        events.append((at, actor, "link.create", "link", link_id, f.a, None, after, f.reason))
        events.append((at, actor, "link.create", "link", link_id, f.b, None, after, f.reason))
    _raw_insert(session, audit, _AUDIT_COLUMNS, events)


def _deadline_updates(statements: list[rel.Statement],
                      links: list[tuple], today: dt.date) -> tuple[dict[int, rel.DeadlineState], list[rel.Found]]:
    """Judge every deadline claim; returns the states and the report links still to suggest."""
    deadline_claims = [s for s in statements if s.deadlines]
    if not deadline_claims:
        return {}, []
    by_id = {s.claim: s for s in statements}
    matched = rel.match_reports(deadline_claims, statements)
    dismissed = {frozenset((a, b)) for _, a, b, _, state, *_ in links if state == "dismissed"}
    linked = {frozenset((a, b)) for _, a, b, *_ in links}
    confirmed: dict[int, set[int]] = defaultdict(set)  # reports confirmed or linked by hand
    for _, a, b, relation, state, origin, is_report in links:
        if state == "confirmed" and (origin == "manual" or is_report):
            confirmed[a].add(b)
            confirmed[b].add(a)
    states: dict[int, rel.DeadlineState] = {}
    new_links: list[rel.Found] = []
    for d in deadline_claims:
        reports = [r for r in matched.get(d.claim, []) if frozenset((d.claim, r.claim)) not in dismissed]
        own = rel.own_report(d)
        if own is not None:
            reports.append(own)
        known = {r.claim for r in reports}
        for other in confirmed.get(d.claim, ()):  # reports linked by hand
            s = by_id.get(other)
            if s and not s.deadlines and other not in known and rel.report_date(s):
                sig = rel.signature(s.text)
                reports.append(rel.Report(other, rel.report_date(s), negated=sig.negated or sig.denial))
        state = rel.deadline_state(rel.deadline_of(d), reports, today=today)
        states[d.claim] = state
        for r in reports:
            if r.claim != d.claim and r.claim in state.evidence and frozenset((d.claim, r.claim)) not in linked:
                relation = "corroborates" if state.state == "met" else "contradicts"
                verb = {"met": "meets", "missed": "misses"}.get(state.state, "bears on")
                new_links.append(rel.Found(d.claim, r.claim, relation,
                                           f"{REPORT_REASON} {r.on.isoformat()}"
                                           f"{' as not done' if r.negated else ''}: {verb} the deadline "
                                           f"{state.deadline.isoformat()}"))
    return states, new_links


def _save_deadline_states(session: Session, actor: str, states: dict[int, rel.DeadlineState]) -> int:
    """Store changed deadline states with a `claim.deadline` audit event each (bulk past
    BULK_THRESHOLD: one UPDATE executemany that bumps the version, as an ORM save would)."""
    if not states:
        return 0
    current: dict[int, str | None] = {}
    ids = list(states)
    for start in range(0, len(ids), 10_000):
        current.update(session.execute(select(Claim.id, Claim.deadline_state)
                                       .where(Claim.id.in_(ids[start:start + 10_000]))).all())
    changed = [(cid, st) for cid, st in states.items() if current.get(cid) != st.state]
    if not changed:
        return 0
    if len(changed) <= BULK_THRESHOLD:
        for claim_id, st in changed:
            claim = session.get(Claim, claim_id)
            before = claim.deadline_state
            claim.deadline_state = st.state
            claim.updated_at = utcnow()
            session.flush()
            record(session, actor=actor, action="claim.deadline", target_type="claim", target_id=claim_id,
                   claim_id=claim_id, before={"deadline_state": before},
                   after={"deadline_state": st.state, "deadline": st.deadline, "evidence": list(st.evidence)},
                   reason="claims check")
        return len(changed)
    session.flush()
    table = Claim.__table__
    now = utcnow()
    session.execute(
        update(table).where(table.c.id == bindparam("cid"))
        .values(deadline_state=bindparam("state"), updated_at=bindparam("now"), version=table.c.version + 1),
        [{"cid": cid, "state": st.state, "now": now} for cid, st in changed])
    at = _bound(session, AuditEvent.__table__.c.at, now)
    _raw_insert(session, AuditEvent.__table__, _AUDIT_COLUMNS, [
        (at, actor, "claim.deadline", "claim", cid, cid, _dump({"deadline_state": current.get(cid)}),
         _dump({"deadline": st.deadline.isoformat(), "deadline_state": st.state, "evidence": list(st.evidence)}),
         "claims check") for cid, st in changed])
    return len(changed)


def run_check(*, session: Session, actor: str, story: str | None = None, margin: float | None = None,
              today: dt.date | None = None) -> dict:
    """Detect relations in one story (or every story, one at a time) and store the new ones as
    suggested links; update deadline states. Pairs that already have a link (including a
    dismissed one) are left alone, so a dismissed suggestion never comes back. Returns counts."""
    margin = rel.approx_margin(margin)
    today = today or dt.date.today()
    if story is not None:
        story_ids = [_story_id(session, story)]
    else:
        story_ids = list(session.execute(select(Claim.story_id).where(Claim.story_id.is_not(None))
                                         .group_by(Claim.story_id).order_by(Claim.story_id)).scalars())
    by_relation = {r: 0 for r in ("contradicts", "corroborates", "revises", "duplicates")}
    states: dict[int, rel.DeadlineState] = {}
    pending_links: list[rel.Found] = []
    pending_states: dict[int, rel.DeadlineState] = {}
    total, updated = 0, 0
    for story_id in story_ids:
        new, story_states = _check_story(session, story_id, margin, today)
        for f in new:
            by_relation[f.relation] += 1
        total += len(new)
        states.update(story_states)
        pending_links += new
        pending_states.update(story_states)
        # Stories are stored in batches: many small stories still take the bulk path.
        if len(pending_links) > _CHUNK or len(pending_states) > _CHUNK:
            _store_links(session, actor, pending_links)
            updated += _save_deadline_states(session, actor, pending_states)
            pending_links, pending_states = [], {}
    _store_links(session, actor, pending_links)
    updated += _save_deadline_states(session, actor, pending_states)
    by_state = {s: 0 for s in ("pending", "met", "missed")}
    for st in states.values():
        by_state[st.state] += 1
    return {"story": story, "new_links": by_relation, "new_links_total": total,
            "deadlines_updated": updated, "deadlines": by_state,
            "overdue": sum(1 for st in states.values() if st.overdue)}


def _check_story(session: Session, story_id: int, margin: float, today: dt.date
                 ) -> tuple[list[rel.Found], dict[int, rel.DeadlineState]]:
    """The new relations and the deadline states of one story."""
    links = _existing_links(session, story_id)
    linked = {frozenset((a, b)) for _, a, b, *_ in links}
    statements = load_statements(session, story_id)
    found: list[rel.Found] = []
    found_pairs: dict[frozenset, str] = {}

    def take(items: Iterable[rel.Found]) -> None:
        """Keep what is new: a pair already linked (even dismissed) is left alone, and a pair gets
        one relation per check, except that a revision may also corroborate ("at least 61", then
        "at least 75")."""
        for f in items:
            pair = frozenset((f.a, f.b))
            if pair in linked:
                continue
            seen = found_pairs.get(pair)
            if seen is None or (seen == "revises" and f.relation == "corroborates"):
                found_pairs[pair] = f.relation
                found.append(f)

    figs = load_figures(session, story_id)
    take(rel.detect_figures(figs, cumulative=is_cumulative, margin=margin))
    counted = {f.claim for f in figs}  # figures are compared as figures, not as event reports
    take(rel.detect_events(statements, counted=counted))
    by_id = {s.claim: s for s in statements}
    disputes = [(by_id[cid], source_id, stance) for cid, source_id, stance in session.execute(
        select(Evidence.claim_id, Evidence.source_id, Evidence.stance)
        .join(Claim, Claim.id == Evidence.claim_id)
        .where(Claim.story_id == story_id, Evidence.stance.in_(("disputes", "retracts")))
        .order_by(Evidence.id)).all() if cid in by_id]
    take(rel.detect_disputes(disputes, statements))
    states, report_links = _deadline_updates(statements, links, today)
    take(report_links)
    return found, states


def refresh_deadlines(*, session: Session, actor: str, claim_ids: Iterable[int], today: dt.date | None = None) -> int:
    """Re-judge the deadlines of the stories these claims belong to (after a confirm or dismiss)."""
    story_ids = set(session.execute(select(Claim.story_id).where(Claim.id.in_(list(claim_ids)))).scalars())
    changed = 0
    for story_id in story_ids - {None}:
        statements = load_statements(session, story_id)
        states, _ = _deadline_updates(statements, _existing_links(session, story_id),
                                      today or dt.date.today())
        changed += _save_deadline_states(session, actor, states)
    return changed


# --- reading --------------------------------------------------------------------------------

def list_links(*, session: Session, story: str | None = None, include_dismissed: bool = False,
               relations: Iterable[str] | None = None) -> list[dict]:
    """Links between claims (of one story), oldest first, with both claims' texts."""
    a, b = aliased(Claim), aliased(Claim)
    stmt = (select(ClaimLink.id, ClaimLink.a_id, ClaimLink.b_id, ClaimLink.relation, ClaimLink.origin,
                   ClaimLink.state, ClaimLink.reason, a.text, b.text)
            .join(a, a.id == ClaimLink.a_id).join(b, b.id == ClaimLink.b_id).order_by(ClaimLink.id))
    if story is not None:
        sid = _story_id(session, story)
        stmt = stmt.where(or_(a.story_id == sid, b.story_id == sid))
    if not include_dismissed:
        stmt = stmt.where(ClaimLink.state != "dismissed")
    if relations is not None:
        stmt = stmt.where(ClaimLink.relation.in_(list(relations)))
    keys = ("id", "a", "b", "relation", "origin", "state", "reason", "a_text", "b_text")
    return [dict(zip(keys, row)) for row in session.execute(stmt).all()]


def deadlines(*, session: Session, story: str | None = None, today: dt.date | None = None) -> list[dict]:
    """Every claim with a deadline: its state (as of the last check), whether it is overdue today,
    and the claims that report the event (suggested report links not dismissed, and links made by
    hand)."""
    today = today or dt.date.today()
    sid = _story_id(session, story)
    cond = Claim.story_id == sid if sid is not None else True
    rows = session.execute(
        select(Claim.id, Claim.text, Claim.deadline_state, TimeRef.earliest, TimeRef.latest)
        .join(TimeRef, TimeRef.claim_id == Claim.id).where(TimeRef.role == "deadline", cond)
        .order_by(Claim.id, TimeRef.id)
    ).all()
    by_claim: dict[int, dict] = {}
    for cid, text, state, earliest, latest in rows:
        entry = by_claim.setdefault(cid, {"claim": cid, "text": text, "state": state or "pending", "dates": []})
        if latest or earliest:
            entry["dates"].append(latest or earliest)
    if not by_claim:
        return []
    with_deadline = set(session.execute(select(TimeRef.claim_id).where(TimeRef.role == "deadline")).scalars())
    evidence: dict[int, list[int]] = defaultdict(list)
    for a_id, b_id in session.execute(
            select(ClaimLink.a_id, ClaimLink.b_id).where(
                ClaimLink.state != "dismissed",
                or_(ClaimLink.origin == "manual", ClaimLink.reason.startswith(REPORT_REASON)),
                or_(ClaimLink.a_id.in_(list(by_claim)), ClaimLink.b_id.in_(list(by_claim))))
            .order_by(ClaimLink.id)).all():
        for d, other in ((a_id, b_id), (b_id, a_id)):
            if d in by_claim and other not in with_deadline and other not in evidence[d]:
                evidence[d].append(other)
    out = []
    for cid, entry in by_claim.items():
        deadline = min(entry["dates"]) if entry["dates"] else None
        state = entry["state"]
        out.append({"claim": cid, "deadline": deadline.isoformat() if deadline else None, "state": state,
                    "overdue": bool(state == "pending" and deadline and today > deadline),
                    "evidence": sorted(evidence.get(cid, [])) if state != "pending" else [],
                    "text": entry["text"]})
    return out


def figures(*, session: Session, story: str, measure: str) -> list[dict]:
    """The values of one measure in one story over time, with who gave them and where."""
    sid = _story_id(session, story)
    wanted = measure_for(measure) or measure
    rows = session.execute(
        select(Quantity.claim_id, Quantity.as_of, Quantity.low, Quantity.high, Quantity.approximate,
               Quantity.bound, Quantity.unit, Quantity.measure, Source.url, Source.outlet, Speaker.name, Claim.text)
        .join(Claim, Claim.id == Quantity.claim_id).join(Source, Source.id == Claim.source_id)
        .outerjoin(Speaker, Speaker.id == Claim.speaker_id).where(Claim.story_id == sid)
        .order_by(Quantity.as_of, Quantity.claim_id, Quantity.id)
    ).all()
    out = []
    for cid, as_of, low, high, approx, bound, unit, m, url, outlet, speaker, text in rows:
        name = (measure_for(m) or m) if m else measure_for(unit)
        if name != wanted:
            continue
        out.append({"claim": cid, "as_of": as_of.isoformat() if as_of else None, "low": low, "high": high,
                    "approximate": bool(approx), "bound": bound, "unit": unit, "source_url": url,
                    "outlet": outlet, "speaker": speaker, "text": text})
    out.sort(key=lambda r: (r["as_of"] is None, r["as_of"] or "", r["claim"]))
    return out
