"""The evidence check on the database: load a story's figures and statements, find relations with
`claims.relations`, store them as suggested links and keep deadline states current.

The names here are the API the CLI and the TUI use: run_check, list_links, deadlines, figures.
"""
from __future__ import annotations

import bisect
import datetime as dt
import json
from collections import defaultdict
from typing import Callable, Iterable, Iterator

from sqlalchemy import bindparam, func, or_, select, update
from sqlalchemy.orm import aliased
from sqlmodel import Session

from claims import relations as rel
from claims.errors import NotFoundError
from claims.measures import is_cumulative, measure_for, measures_in, qualifier
from claims.measures import measure_for as _measure_for, measures_in as _measures_in, qualifier as _qualifier
from claims.validate import clean_text
from db.driver import Driver
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


def _only(claim_ids: list[int] | None) -> tuple:
    """A condition restricting a load to some claims (an import's own), or none."""
    return () if claim_ids is None else (Claim.id.in_(list(claim_ids)),)


LONG_RUN = dt.timedelta(days=365)
SEASON = dt.timedelta(days=90)  # a count since a day further back sums a season ("since May")


def _memo(memo: dict | None, fn):
    """fn, or fn remembering its results in `memo` (a detector's, for the length of one import)."""
    if memo is None:
        return fn
    cache = memo.setdefault(fn.__name__, {})

    def call(*args):
        if args not in cache:
            cache[args] = fn(*args)
        return cache[args]
    return call


def load_figures(session: Session, story_id: int | None, claim_ids: list[int] | None = None, *,
                 memo: dict | None = None) -> list[rel.Figure]:
    """Every quantity of the story's claims whose measure is known: stored, named by its unit, or
    (for a bare number) named once in the claim's sentence. A figure whose claim is dated more
    than a year before the figure ('deadliest since 2007, when ... killed 519'), or counted since
    more than SEASON before it ('since May', 'since 2011'), is a long-run total or a past event: it
    is compared only with figures of its kind."""
    rows = session.execute(
        select(Quantity.claim_id, Claim.source_id, Claim.speaker_id, Claim.story_id, Quantity.measure,
               Quantity.unit, Quantity.low, Quantity.high, Quantity.approximate, Quantity.bound, Quantity.as_of)
        .join(Claim, Claim.id == Quantity.claim_id).where(_in_story(Claim.story_id, story_id), *_only(claim_ids))
    ).all()
    bare = {r[0] for r in rows if not r[4] and not r[5]}
    texts: dict[int, str] = {}
    if bare:
        texts.update(session.execute(select(Claim.id, Claim.text).where(Claim.id.in_(list(bare)))).all())
    dated = session.execute(
        select(TimeRef.claim_id, TimeRef.role, TimeRef.earliest, TimeRef.latest)
        .join(Claim, Claim.id == TimeRef.claim_id)
        .where(_in_story(Claim.story_id, story_id), TimeRef.role.in_(("when", "since")), *_only(claim_ids))).all()
    return figures_of(rows, texts, dated, memo=memo,
                      independent=independent_speakers(session, {r[2] for r in rows}, memo))


def independent_speakers(session: Session, speaker_ids: Iterable[int | None], memo: dict | None = None) -> set[int]:
    """Which of these speakers count independently of the authorities (relations.is_independent
    on their name, role and aliases)."""
    known = memo.setdefault("independent", {}) if memo is not None else {}
    ids = sorted({i for i in speaker_ids if i is not None and i not in known})
    driver = Driver(session.connection()) if ids else None
    for at in range(0, len(ids), 500):
        chunk = ids[at:at + 500]
        marks = ", ".join("?" * len(chunk))
        words: dict[int, list[str]] = defaultdict(list)
        # one statement for the names, roles and aliases (this runs once per imported article)
        for sid, text in driver.rows(
                f"SELECT id, name || ' | ' || COALESCE(role, '') FROM speaker WHERE id IN ({marks}) "
                f"UNION ALL SELECT speaker_id, alias FROM speaker_alias WHERE speaker_id IN ({marks})", chunk + chunk):
            words[sid].append(text)
        for sid in chunk:
            known[sid] = rel.is_independent(" | ".join(words.get(sid, ())))
    return {i for i in speaker_ids if i is not None and known.get(i)}


def figures_of(rows: Iterable[tuple], texts: dict[int, str], dated: Iterable[tuple], *,
               memo: dict | None = None, independent: set[int] | frozenset = frozenset()) -> list[rel.Figure]:
    """load_figures from its rows: (claim_id, source_id, speaker_id, story_id, measure, unit, low,
    high, approximate, bound, as_of) per quantity, the texts of (at least) the claims with bare
    numbers, (claim_id, role, earliest, latest) of their 'when' and 'since' dates, and the speakers
    who count independently (independent_speakers).
    A claim with several figures of one group is compared by its highest only: the others are
    parts of it or earlier values ("1,600 detained, about 300 still held"; "from 27 to 29"). For
    a count that only grows, the same holds for a whole source on one day in one voice: the
    authorities' toll is its highest figure, the lower ones count a part ("recovered eight bodies
    on Monday", "nine of the dead were police officers")."""
    measure_for, qualifier, measures_in = (_memo(memo, f) for f in (_measure_for, _qualifier, _measures_in))
    rows = list(rows)
    bare = {r[0] for r in rows if not r[4] and not r[5]}
    named: dict[int, set[str]] = {cid: measures_in(texts[cid]) for cid in bare if cid in texts}
    first_date: dict[int, dt.date] = {}
    for cid, role, earliest, latest in dated:
        day = earliest or latest
        if day and role == "since":
            day -= LONG_RUN - SEASON  # counted since months ago: a season's total, not this event's
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
            names[key] = ((measure_for(measure) or measure) if measure else measure_for(unit)) or rel.unit_measure(unit)
        return names[key]

    out = []
    for claim, source, speaker, story, measure, unit, low, high, approx, bound, as_of in rows:
        m = name_of(claim, measure, unit)
        if m and (low is not None or high is not None):
            past = claim in first_date and as_of is not None and first_date[claim] < as_of - LONG_RUN
            if (unit, m) not in qualifiers:
                qualifiers[(unit, m)] = qualifier(unit, m) if m[0] != rel.UNIT_MEASURE else ""
            out.append(rel.Figure(claim, source, m, low, high, bool(approx), bound, as_of, speaker, story,
                                  "long-run" if past else None, qualifiers[(unit, m)], speaker in independent))
    cumulative = _memo(memo, is_cumulative)
    top: dict[tuple, rel.Figure] = {}
    keys = []
    for f in out:
        key = rel.figure_group(f)
        if key is not None:
            if cumulative(f.measure):
                key = (key, f.source, f.as_of, f.speaker if f.independent else None)
            else:
                key = (key, f.claim)
            if key not in top or _top(f) > _top(top[key]):
                top[key] = f  # ties: the first claim's (a key on the figure alone: rows come in any order)
        keys.append(key)
    return [f for f, key in zip(out, keys) if key is None or top[key] is f]


def _counted(figs: Iterable[rel.Figure]) -> set[int]:
    """Claims whose figures a measure names: they are compared as figures, not as event reports
    (a count of things no measure names, "sludge through more than 100 homes", leaves the
    claim's event to be compared)."""
    return {f.claim for f in figs if f.measure[0] != rel.UNIT_MEASURE}


def _top(f: rel.Figure) -> tuple:
    return (f.high if f.high is not None else f.low, -f.claim, f.low if f.low is not None else -1.0,
            not f.approximate, f.bound or "")


def load_statements(session: Session, story_id: int | None, claim_ids: list[int] | None = None) -> list[rel.Statement]:
    """The story's claims with their dates: said (or published) on, first 'when', deadlines."""
    rows = session.execute(
        select(Claim.id, Claim.source_id, Claim.text, Claim.said_on, Source.published_on, Claim.speaker_id,
               Claim.story_id)
        .join(Source, Source.id == Claim.source_id).where(_in_story(Claim.story_id, story_id), *_only(claim_ids))
    ).all()
    trs = session.execute(
        select(TimeRef.claim_id, TimeRef.role, TimeRef.earliest, TimeRef.latest)
        .join(Claim, Claim.id == TimeRef.claim_id).where(_in_story(Claim.story_id, story_id), *_only(claim_ids))
        .order_by(TimeRef.id)
    ).all()
    return statements_of(rows, trs)


def statements_of(rows: Iterable[tuple], trs: Iterable[tuple]) -> list[rel.Statement]:
    """load_statements from its rows: (id, source_id, text, said_on, published_on, speaker_id,
    story_id) per claim and (claim_id, role, earliest, latest) per date, in the order stored."""
    when: dict[int, tuple[dt.date, dt.date]] = {}
    deadlines: dict[int, list[dt.date]] = defaultdict(list)
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


def _store_links(session: Session, actor: str, found: list[rel.Found], threshold: int = BULK_THRESHOLD) -> None:
    """Store new suggestions with their audit events, as db.writes.link_claims does one by one."""
    if not found:
        return
    if len(found) <= threshold:
        for f in found:
            link_claims(session=session, actor=actor, a_id=f.a, b_id=f.b, relation=f.relation,
                        reason=f.reason, origin="detected")
        return
    session.flush()
    table, audit = ClaimLink.__table__, AuditEvent.__table__
    now = utcnow()
    before = session.execute(select(func.coalesce(func.max(table.c.id), 0))).scalar()
    created = _bound(session, table.c.created_at, now)
    reasons = [clean_text(f.reason).strip() if f.reason else None for f in found]  # as link_claims stores them
    _raw_insert(session, table, _LINK_COLUMNS,
                [(f.a, f.b, f.relation, "detected", "suggested", r, actor, created) for f, r in zip(found, reasons)])
    ids = {(a, b, r): i for i, a, b, r in session.execute(
        select(table.c.id, table.c.a_id, table.c.b_id, table.c.relation).where(table.c.id > before)).all()}
    at = _bound(session, audit.c.at, now)
    events = []
    for f, reason in zip(found, reasons):
        link_id = ids[(f.a, f.b, f.relation)]
        after = _link_after(f)
        events.append((at, actor, "link.create", "link", link_id, f.a, None, after, reason))
        events.append((at, actor, "link.create", "link", link_id, f.b, None, after, reason))
    _raw_insert(session, audit, _AUDIT_COLUMNS, events)


def _link_after(f: rel.Found) -> str:
    """A detected link's `link.create` JSON: what db.writes.record writes (json.dumps(sort_keys=True))."""
    return f'{{"a": {f.a}, "b": {f.b}, "origin": "detected", "relation": "{f.relation}", "state": "suggested"}}'


class _LinkSets:
    """What the deadline rules need of a story's links: pairs linked (in any state), pairs
    dismissed, and reports confirmed or linked by hand."""

    def __init__(self, links: Iterable[tuple] = ()):
        self.dismissed: set[frozenset] = set()
        self.linked: set[frozenset] = set()
        self.confirmed: dict[int, set[int]] = defaultdict(set)
        for _, a, b, relation, state, origin, is_report in links:
            self.linked.add(frozenset((a, b)))
            if state == "dismissed":
                self.dismissed.add(frozenset((a, b)))
            if state == "confirmed" and (origin == "manual" or is_report):
                self.confirmed[a].add(b)
                self.confirmed[b].add(a)


def _deadline_updates(statements: list[rel.Statement] | dict[int, rel.Statement],
                      links: list[tuple] | _LinkSets, today: dt.date, *,
                      deadline_claims: list[rel.Statement] | None = None,
                      index: rel.ReportIndex | None = None,
                      matched: dict[int, list[rel.Report]] | None = None,
                      effective: dict[int, list[rel.Report]] | None = None,
                      frequent: dict | None = None) -> tuple[dict[int, rel.DeadlineState], list[rel.Found]]:
    """Judge every deadline claim (or those given); returns the states and the report links
    still to suggest. `statements` may be a dict by claim id, `index` a ReportIndex of them,
    `matched` the claims' reports when known (relations.match_reports). `effective` receives
    each claim's reports as judged (dismissed ones left out, its own and those linked by hand
    added), in date order. `frequent`: the index's frequent stems per story, when known."""
    by_id = statements if isinstance(statements, dict) else {s.claim: s for s in statements}
    if deadline_claims is None:
        deadline_claims = [s for s in by_id.values() if s.deadlines]
    if not deadline_claims:
        return {}, []
    if matched is None:
        matched = (index.match(deadline_claims, frequent) if index is not None
                   else rel.match_reports(deadline_claims, list(by_id.values())))
    sets = links if isinstance(links, _LinkSets) else _LinkSets(links)
    dismissed, linked, confirmed = sets.dismissed, sets.linked, sets.confirmed
    states: dict[int, rel.DeadlineState] = {}
    new_links: list[rel.Found] = []
    for d in deadline_claims:
        reports = matched.get(d.claim, [])
        reports = [r for r in reports if frozenset((d.claim, r.claim)) not in dismissed] if dismissed else list(reports)
        own = rel.own_report(d)
        if own is not None:
            reports.append(own)
        by_hand = confirmed.get(d.claim, ())
        known = {r.claim for r in reports} if by_hand else ()
        for other in by_hand:  # reports linked by hand
            s = by_id.get(other)
            if s and not s.deadlines and other not in known and rel.report_date(s):
                sig = rel.signature(s.text)
                reports.append(rel.Report(other, rel.report_date(s), negated=sig.negated or sig.denial))
        if effective is not None:
            reports = effective[d.claim] = sorted(reports, key=rel.REPORT_ORDER)
        state = rel.deadline_state(rel.deadline_of(d), reports, today=today)
        states[d.claim] = state
        new_links += _report_links(d, reports, state, linked)
    return states, new_links


def _report_links(d: rel.Statement, reports: Iterable[rel.Report], state: rel.DeadlineState,
                  linked: set[frozenset]) -> list[rel.Found]:
    """The links between deadline claim d and the reports (of those given) its state rests on."""
    evidence = set(state.evidence)
    out = []
    for r in reports:
        if r.claim in evidence and r.claim != d.claim and frozenset((d.claim, r.claim)) not in linked:
            relation = "corroborates" if state.state == "met" else "contradicts"
            verb = {"met": "meets", "missed": "misses"}.get(state.state, "bears on")
            out.append(rel.Found(d.claim, r.claim, relation,
                                 f"{REPORT_REASON} {r.on.isoformat()}"
                                 f"{' as not done' if r.negated else ''}: {verb} the deadline "
                                 f"{state.deadline.isoformat()}"))
    return out


def _save_deadline_states(session: Session, actor: str, states: dict[int, rel.DeadlineState],
                          threshold: int = BULK_THRESHOLD) -> int:
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
    if len(changed) <= threshold:
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


def _collector(linked: set[frozenset]) -> tuple[list[rel.Found], Callable[[Iterable[rel.Found]], None]]:
    """A list of found relations and the function that adds to it what is new: a pair already
    linked (even dismissed) is left alone, and a pair gets one relation per check, except that a
    revision may also corroborate ("at least 61", then "at least 75")."""
    found: list[rel.Found] = []
    found_pairs: dict[frozenset, str] = {}

    def take(items: Iterable[rel.Found]) -> None:
        for f in items:
            pair = frozenset((f.a, f.b))
            if pair in linked:
                continue
            seen = found_pairs.get(pair)
            if seen is None or (seen == "revises" and f.relation == "corroborates"):
                found_pairs[pair] = f.relation
                found.append(f)

    return found, take


def _check_story(session: Session, story_id: int, margin: float, today: dt.date
                 ) -> tuple[list[rel.Found], dict[int, rel.DeadlineState]]:
    """The new relations and the deadline states of one story."""
    links = _existing_links(session, story_id)
    linked = {frozenset((a, b)) for _, a, b, *_ in links}
    statements = load_statements(session, story_id)
    found, take = _collector(linked)

    figs = load_figures(session, story_id)
    take(rel.detect_figures(figs, cumulative=is_cumulative, margin=margin))
    counted = _counted(figs)  # figures are compared as figures, not as event reports
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


# --- detection after an import ----------------------------------------------------------------

class StoryDetector:
    """Detection after imports into one story, for claims.importer: an import's new claims are
    compared with the story's claims, and gets the links and deadline states a full `run_check`
    would add at that point, without re-reading and re-comparing the whole story each time.

    The story's figures (per comparison group, sorted), event reports, report index, deadline
    claims, deadline states and links are kept in memory between imports. Detection rules
    depend on a short window of neighbours (relations.scan_figure, scan_event), so only the
    figures and reports near the new ones are re-scanned; deadline claims are re-judged when a
    new claim could report their event or a change in the story's frequent words changes their
    candidates. The caller must build a new detector (after a full run_check) whenever anything
    else may have changed the story: claims.importer compares the newest audit event id."""

    def __init__(self, session: Session, story_id: int, *, margin: float | None = None,
                 today: dt.date | None = None):
        self.story_id = story_id
        self.margin = rel.approx_margin(margin)
        self.memo: dict = {}  # claims.measures answers, for the length of one import
        figs = load_figures(session, story_id, memo=self.memo)
        statements = load_statements(session, story_id)
        self.links = _LinkSets(_existing_links(session, story_id))
        self.groups: dict[tuple, tuple[list[rel.Figure], list[tuple[float, float]]]] = {}
        for f in figs:
            key = rel.figure_group(f)
            if key is not None:
                self.groups.setdefault(key, ([], []))[0].append(f)
        for group, spans in self.groups.values():
            group.sort(key=rel.figure_order)
            spans[:] = [rel.interval(f, self.margin) for f in group]
        self.counted = _counted(figs)
        self.statements: dict[int, rel.Statement] = {s.claim: s for s in statements}
        self.events: dict[tuple, list] = {}
        for s in statements:
            for key, item in rel.event_entries(s):
                self.events.setdefault(key, []).append(item)
        for group in self.events.values():
            group.sort(key=rel.event_order)
        self.index = rel.ReportIndex(statements)
        self._frequent: set[str] | None = None  # the story's frequent stems after the last detect
        # Sources attached to the story's claims as disputing them (new ones come with an audit
        # event, after which the importer builds a new detector).
        self.disputing = {source for source, in session.execute(
            select(Evidence.source_id).join(Claim, Claim.id == Evidence.claim_id)
            .where(Claim.story_id == story_id, Evidence.stance.in_(("disputes", "retracts")))).all()}
        self._deadline_keys: dict[str, set[int]] = defaultdict(set)
        self._deadline_stems: dict[str, set[int]] = defaultdict(set)
        for s in statements:
            if s.deadlines:
                self._index_deadline(s)
        deadline_claims = [s for s in statements if s.deadlines]
        # The deadline states stored in the database (new claims' come from the importer).
        with_deadline = {s.claim for s in deadline_claims}
        self.saved: dict[int, str | None] = {cid: state for cid, state in Driver(session.connection()).rows(
            "SELECT id, deadline_state FROM claim WHERE story_id = ?", (story_id,)) if cid in with_deadline}
        # Each deadline claim's reports as last judged, in date order (see _deadline_updates).
        self.effective: dict[int, list[rel.Report]] = {}
        # The reports behind each state's evidence, in report order, once needed (_judge_gained).
        self._evidence: dict[int, list[rel.Report]] = {}
        self.states, _ = _deadline_updates(self.statements, self.links, today or dt.date.today(),
                                           deadline_claims=deadline_claims, index=self.index,
                                           effective=self.effective)

    def _index_deadline(self, d: rel.Statement) -> None:
        sig = self.index.sigs.get(d.claim) or rel.signature(d.text)
        for k in rel.event_keys(sig.kinds):
            self._deadline_keys[k].add(d.claim)
        for st in sig.stems - rel._PHASE_STEMS:
            self._deadline_stems[st].add(d.claim)

    def detect(self, *, session: Session, actor: str, claim_ids: list[int], today: dt.date | None = None,
               stored: tuple[list, list, list] | None = None) -> dict:
        """Store the links and deadline states the new claims bring; returns run_check's counts.
        `stored`: the new claims' (statements, figures, dates) rows as the importer wrote them
        (see claims.importer.Stored), else they are read from the database."""
        today = today or dt.date.today()
        sid, new = self.story_id, set(claim_ids)
        if stored is None:
            new_figs = load_figures(session, sid, claim_ids, memo=self.memo)
            new_statements = load_statements(session, sid, claim_ids)
        else:
            rows, figures, dates = stored
            new_statements = statements_of(rows, dates)
            # store_article makes a claim with a deadline date 'pending'
            self.saved.update((r[0], None) for r in rows)
            self.saved.update((c, "pending") for c, role, _, _ in dates if role == "deadline")
            new_figs = figures_of(figures, {r[0]: r[2] for r in rows},
                                  [d for d in dates if d[1] in ("when", "since")], memo=self.memo,
                                  independent=independent_speakers(session, {r[2] for r in figures}, self.memo))
        linked = self.links.linked
        found, take = _collector(linked)

        take(self._figures(new_figs, new))
        self.counted |= _counted(new_figs)
        take(self._events(new_statements, new))
        take(self._disputes(session, new_statements, new))
        frequent_before = self._frequent if self._frequent is not None else (
            self.index.frequent(sid) if self.index.size[sid] else set())
        self.index.add(new_statements)
        for s in new_statements:
            self.statements[s.claim] = s
        frequent_after = self._frequent = self.index.frequent(sid)
        # Deadline claims whose candidates changed with the frequent stems, and new ones, are
        # matched again; the others only gain the new claims that report their event.
        rematch = {s.claim for s in new_statements if s.deadlines}
        for st in frequent_before ^ frequent_after:
            rematch |= self._deadline_stems.get(st, set())
        # The others are judged again only when they gain a report: added to the reports they
        # were judged on (a new claim's pair is never dismissed nor linked by hand), and only
        # the new reports can need a link (the state's other evidence was linked before).
        gained: dict[int, list[rel.Report]] = {}
        for d_id, candidates in self._candidates(new_statements, frequent_after).items():
            if d_id in rematch:
                continue
            d = self.statements[d_id]
            sd = self.index.sigs[d_id]
            reports = rel.as_reports(d, sd, candidates, self.index.sigs)
            if reports:  # a deadline claim that gains no report keeps its state and links
                gained[d_id] = reports
        for s in new_statements:
            if s.deadlines:
                self._index_deadline(s)
        states, report_links = _deadline_updates(self.statements, self.links, today,
                                                 deadline_claims=[self.statements[c] for c in sorted(rematch)],
                                                 index=self.index, effective=self.effective,
                                                 frequent={sid: frequent_after})
        for c in rematch:
            self._evidence.pop(c, None)
        for d_id in sorted(gained):
            d, judged = self.statements[d_id], self.effective[d_id]
            for r in gained[d_id]:
                bisect.insort_right(judged, r, key=rel.REPORT_ORDER)
            state, added = self._judge_gained(d, gained[d_id], today)
            states[d_id] = state
            report_links += _report_links(d, gained[d_id], added, linked)
        take(report_links)
        # What link_claims and the ORM save would write, in a few driver-level statements.
        session.flush()
        driver = Driver(session.connection())
        now = utcnow()
        self._insert_links(session, driver, actor, found, now)
        updated = self._save_states(session, driver, actor, states, now)
        for f in found:
            linked.add(frozenset((f.a, f.b)))
        self.states.update(states)
        by_relation = {r: 0 for r in ("contradicts", "corroborates", "revises", "duplicates")}
        for f in found:
            by_relation[f.relation] += 1
        by_state = {s: 0 for s in ("pending", "met", "missed")}
        for st in self.states.values():
            by_state[st.state] += 1
        overdue = sum(1 for st in self.states.values() if st.state == "pending" and today > st.deadline)
        return {"story": None, "new_links": by_relation, "new_links_total": len(found),
                "deadlines_updated": updated, "deadlines": by_state, "overdue": overdue}

    def _judge_gained(self, d: rel.Statement, gained: list[rel.Report], today: dt.date
                      ) -> tuple[rel.DeadlineState, rel.DeadlineState]:
        """relations.deadline_state over d's reports (self.effective[d.claim], the gained ones
        already inserted), from its last state and the reports gained, without going over all
        its reports again: a deadline met stays met, and one missed or pending stays so unless
        a report of the other kind arrives; then, rarely, all reports are weighed again.
        Returns the state and the same state with only the gained reports as evidence (what
        _report_links needs: the earlier evidence was linked before)."""
        deadline, old = rel.deadline_of(d), self.states[d.claim]
        positive = [r for r in gained if not r.negated]
        evidence = self._evidence.get(d.claim)
        if evidence is None:  # the reports behind old.evidence, in report order
            if old.state == "pending":
                evidence = []
            else:
                wanted = set(old.evidence)
                evidence = [r for r in self.effective[d.claim] if r.claim in wanted]  # gained: not in it
        if old.state == "met":
            added = [r for r in positive if r.on <= deadline]
        elif old.state == "missed" and evidence and not evidence[0].negated:  # from a report after the deadline
            added = None if any(r.on <= deadline for r in positive) else positive
        elif old.state == "missed":  # from a denial after the deadline, nothing reported
            added = None if positive else [r for r in gained if r.negated and r.on > deadline]
        else:  # pending
            added = None if positive or any(r.negated and r.on > deadline for r in gained) else []
        if added is None:  # the state changes: weigh every report
            self._evidence.pop(d.claim, None)
            state = rel.deadline_state(deadline, self.effective[d.claim], today=today)
            return state, state
        self._evidence[d.claim] = evidence
        if old.state == "pending":
            state = rel.DeadlineState("pending", today > deadline, deadline, ())
            return state, state
        if not added:
            return old, rel.DeadlineState(old.state, False, deadline, ())
        claims = list(old.evidence)  # in the order of `evidence`
        for r in added:
            at = bisect.bisect_right(evidence, rel.REPORT_ORDER(r), key=rel.REPORT_ORDER)
            evidence.insert(at, r)
            claims.insert(at, r.claim)
        return (rel.DeadlineState(old.state, False, deadline, tuple(claims)),
                rel.DeadlineState(old.state, False, deadline, tuple(r.claim for r in added)))

    def _insert_links(self, session: Session, driver: Driver, actor: str, found: list[rel.Found],
                      now: dt.datetime) -> None:
        """_store_links's bulk path: the links (ids allocated up front, in the order found, as the
        database would number them) and their two `link.create` events each."""
        if not found:
            return
        stamp = _bound(session, ClaimLink.__table__.c.created_at, now)
        at = _bound(session, AuditEvent.__table__.c.at, now)
        reasons = [clean_text(f.reason).strip() if f.reason else None for f in found]  # as link_claims stores them
        ids = driver.allocate_ids("claim_link", len(found))
        driver.insert("claim_link", ("id", *_LINK_COLUMNS), [
            (i, f.a, f.b, f.relation, "detected", "suggested", r, actor, stamp) for i, f, r in zip(ids, found, reasons)])
        events = []
        for link_id, f, reason in zip(ids, found, reasons):
            after = _link_after(f)
            events.append((at, actor, "link.create", "link", link_id, f.a, None, after, reason))
            events.append((at, actor, "link.create", "link", link_id, f.b, None, after, reason))
        driver.insert("audit_event", _AUDIT_COLUMNS, events)

    def _save_states(self, session: Session, driver: Driver, actor: str, states: dict[int, rel.DeadlineState],
                     now: dt.datetime) -> int:
        """_save_deadline_states's bulk path, with the stored states known (self.saved) instead
        of read back."""
        unknown = [cid for cid in states if cid not in self.saved]
        for start in range(0, len(unknown), 500):
            chunk = unknown[start:start + 500]
            self.saved.update(driver.rows(f"SELECT id, deadline_state FROM claim WHERE id IN ({', '.join(['?'] * len(chunk))})",
                                          chunk))
        saved = self.saved
        changed = [(cid, st) for cid, st in states.items() if saved.get(cid) != st.state]
        if not changed:
            return 0
        updated = _bound(session, Claim.__table__.c.updated_at, now)
        at = _bound(session, AuditEvent.__table__.c.at, now)
        driver.executemany("UPDATE claim SET deadline_state = ?, updated_at = ?, version = version + 1 WHERE id = ?",
                           [(st.state, updated, cid) for cid, st in changed])
        driver.insert("audit_event", _AUDIT_COLUMNS, [
            (at, actor, "claim.deadline", "claim", cid, cid, _dump({"deadline_state": saved.get(cid)}),
             _dump({"deadline": st.deadline.isoformat(), "deadline_state": st.state, "evidence": list(st.evidence)}),
             "claims check") for cid, st in changed])
        for cid, st in changed:
            saved[cid] = st.state
        return len(changed)

    def _figures(self, new_figs: list[rel.Figure], new: set[int]) -> Iterator[rel.Found]:
        """relations.detect_figures over the whole story, restricted to pairs with a new claim:
        each new figure is inserted in its group, and every figure whose window holds one is
        scanned again (in the order the full detection visits them)."""
        touched: dict[tuple, list[rel.Figure]] = {}
        for f in new_figs:
            key = rel.figure_group(f)
            if key is None:
                continue
            group, spans = self.groups.setdefault(key, ([], []))
            at = bisect.bisect_right(group, rel.figure_order(f), key=rel.figure_order)
            group.insert(at, f)
            spans.insert(at, rel.interval(f, self.margin))
            touched.setdefault(key, []).append(f)
        for key, (group, spans) in self.groups.items():  # the order detect_figures visits groups
            if key not in touched:
                continue
            positions = set()
            for f in touched[key]:
                at = bisect.bisect_left(group, rel.figure_order(f), key=rel.figure_order)
                while group[at] is not f:
                    at += 1
                positions.update(range(at, min(len(group), at + rel.WINDOW + 1)))
            is_cum = _memo(self.memo, is_cumulative)(key[1])
            for i in sorted(positions):
                yield from rel.scan_figure(group, spans, i, is_cum, new=new)

    def _events(self, new_statements: list[rel.Statement], new: set[int]) -> Iterator[rel.Found]:
        """relations.detect_events restricted to pairs with a new claim, as _figures does."""
        touched: dict[tuple, list] = {}
        for s in new_statements:
            for key, item in rel.event_entries(s):
                group = self.events.setdefault(key, [])
                bisect.insort_right(group, item, key=rel.event_order)
                touched.setdefault(key, []).append(item)
        seen: set[tuple[int, int]] = set()
        for key in sorted(touched, key=rel.event_group_order):
            group = self.events[key]
            positions = set()
            for item in touched[key]:
                at = bisect.bisect_left(group, rel.event_order(item), key=rel.event_order)
                positions.update(range(at, min(len(group), at + rel.EVENT_WINDOW + 1)))
            for i in sorted(positions):  # a pair of two stored claims was judged before
                yield from rel.scan_event(group, i, key[1], seen, self.counted, only=new)

    def _disputes(self, session: Session, new_statements: list[rel.Statement], new: set[int]) -> Iterator[rel.Found]:
        """A source attached as disputing some claim of the story, now imported with claims of
        its own: those claims are compared with the disputed one (relations.detect_disputes)."""
        sources = {s.source for s in new_statements} & self.disputing
        if not sources:
            return
        rows = session.execute(
            select(Evidence.claim_id, Evidence.source_id, Evidence.stance)
            .join(Claim, Claim.id == Evidence.claim_id)
            .where(Claim.story_id == self.story_id, Evidence.stance.in_(("disputes", "retracts")),
                   Evidence.source_id.in_(list(sources)))
            .order_by(Evidence.id)).all()
        if not rows:
            return
        by_id = dict(self.statements)
        by_id.update((s.claim, s) for s in new_statements)
        disputes = [(by_id[cid], source_id, stance) for cid, source_id, stance in rows if cid in by_id]
        own = [s for s in by_id.values() if s.source in sources]
        for f in rel.detect_disputes(disputes, own):
            if f.a in new or f.b in new:
                yield f

    def _candidates(self, new_statements: list[rel.Statement], frequent: set[str]) -> dict[int, list[rel.Statement]]:
        """For each stored deadline claim, the new claims that are candidate reports of its event
        (relations.ReportIndex.match's rule: a kind of event in common, or two shared stems that
        are neither frequent in the story nor phase words), in their order."""
        out: dict[int, list[rel.Statement]] = defaultdict(list)
        for s in new_statements:
            sig = self.index.sigs[s.claim]
            if s.deadlines or sig.modal or rel.report_date(s) is None or rel.is_future(s):
                continue
            hits: set[int] = set()
            for k in sig.kinds:
                hits |= self._deadline_keys.get(k, set())
            counts: dict[int, int] = defaultdict(int)
            for st in sig.stems - frequent:
                for d in self._deadline_stems.get(st, ()):
                    counts[d] += 1
            hits.update(d for d, n in counts.items() if n >= 2)
            for d in hits:
                out[d].append(s)
        return out
