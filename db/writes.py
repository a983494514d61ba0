"""Writes: every change goes through here and leaves an audit event. Callers own the transaction
(`db.engine.write_session`), so a command happens completely or not at all."""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import Any, Iterable

from sqlalchemy import func, or_, text
from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import Session, select

from claims.errors import ConflictError, NotFoundError, UserError
from claims.validate import check_url, normalise_url, require_text, clean_text
from db.models import (
    KINDS, LINK_STATES, PRECISIONS, RELATIONS, SPEAKER_KINDS, STANCES, STATUSES, TIME_ROLES,
    AuditEvent, Claim, ClaimLink, ClaimTag, Evidence, Quantity, Source, Speaker, SpeakerAlias, Story,
    Tag, TimeRef, utcnow,
)
from db.queries import alias_key, get_claim, speaker_ids_for


def _jsonable(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def record(session: Session, *, actor: str, action: str, target_type: str, target_id: int,
           claim_id: int | None = None, before: dict | None = None, after: dict | None = None,
           reason: str | None = None) -> AuditEvent:
    """Append one audit event (the log is never updated or deleted)."""
    dump = lambda d: None if d is None else json.dumps({k: _jsonable(v) for k, v in d.items()},
                                                       ensure_ascii=False, sort_keys=True)
    event = AuditEvent(actor=actor, action=action, target_type=target_type, target_id=target_id,
                       claim_id=claim_id, before=dump(before), after=dump(after), reason=reason)
    session.add(event)
    return event


def lock_names(session: Session, kind: str, keys: Iterable[str]) -> None:
    """On PostgreSQL, one transaction at a time may find-or-create a given name (the lock is held
    until commit): otherwise two writers both miss the row and the second fails on the unique
    constraint (or, for speakers, makes a duplicate). SQLite writers are serialised already."""
    if session.get_bind().dialect.name != "postgresql":
        return
    for key in sorted(set(keys)):  # one order everywhere, so two writers cannot deadlock
        session.execute(text("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))"), {"key": f"{kind}:{key}"})


def _fit(value: str | None, limit: int, what: str) -> str | None:
    """Refuse text longer than its column: PostgreSQL would reject it and SQLite would keep it."""
    if value is not None and len(value) > limit:
        raise UserError(f"{what} is {len(value)} characters long; the limit is {limit}")
    return value


def _choice(value: str, allowed: Iterable[str], what: str) -> str:
    allowed = tuple(allowed)
    v = (value or "").strip().lower()
    if v not in allowed:
        raise UserError(f"unknown {what} {value!r}: use one of {', '.join(allowed)}")
    return v


# --- stories, sources, speakers -------------------------------------------------------------

def get_or_create_story(session: Session, name: str | None, *, actor: str) -> Story | None:
    if name is None:
        return None
    name = _fit(require_text(name, what="story name"), 200, "story name")
    lock_names(session, "story", [name])
    story = session.exec(select(Story).where(Story.name == name)).first()
    if story is None:
        story = Story(name=name)
        session.add(story)
        session.flush()
        record(session, actor=actor, action="story.create", target_type="story", target_id=story.id,
               after={"name": name})
    return story


@dataclasses.dataclass
class NewSource:
    url: str
    title: str | None = None
    outlet: str | None = None
    published_on: dt.date | None = None
    archive_url: str | None = None
    language: str | None = None
    retrieved_at: dt.datetime | None = None
    content_sha256: str | None = None
    body: str | None = None


def get_or_create_source(session: Session, new: NewSource, *, actor: str, story: Story | None = None) -> Source:
    """The source with this URL (after normalisation), created when new."""
    check_url(new.url, what="source URL")
    if new.archive_url:
        check_url(new.archive_url, what="archive URL")
    key = normalise_url(new.url)
    clean = lambda v: clean_text(v).strip() or None if v else None
    fields = {"title": clean(new.title), "outlet": _fit(clean(new.outlet), 300, "outlet"),
              "published_on": new.published_on, "archive_url": new.archive_url,
              "language": _fit(clean(new.language), 20, "language")}
    lock_names(session, "source", [key])
    source = session.exec(select(Source).where(Source.url_key == key)).first()
    if source is not None:
        changed = {}
        for field, value in fields.items():
            if value and getattr(source, field) is None:
                setattr(source, field, value)
                changed[field] = value
        if story is not None and source.story_id is None:
            source.story_id = story.id
            changed["story_id"] = story.id
        if changed:
            record(session, actor=actor, action="source.update", target_type="source", target_id=source.id,
                   after=changed)
        return source
    source = Source(url=new.url, url_key=key, title=fields["title"], outlet=fields["outlet"],
                    published_on=new.published_on, archive_url=new.archive_url, language=fields["language"],
                    retrieved_at=new.retrieved_at, content_sha256=new.content_sha256, body=new.body,
                    story_id=story.id if story else None)
    session.add(source)
    session.flush()
    record(session, actor=actor, action="source.create", target_type="source", target_id=source.id,
           after={"url": source.url, "title": source.title, "outlet": source.outlet,
                  "published_on": source.published_on})
    return source


def get_or_create_speaker(session: Session, name: str, *, actor: str, role: str | None = None,
                          kind: str | None = None, aliases: Iterable[str] = ()) -> Speaker:
    """Find a speaker by name or any alias; create it when unknown; learn new aliases."""
    name = _fit(require_text(name, what="speaker name"), 300, "speaker name")
    names = [name, *[a for a in aliases if a and a.strip()]]
    for n in names:
        _fit(clean_text(n).strip(), 300, "speaker alias")
    role = _fit(clean_text(role).strip() or None, 300, "speaker role") if role else None
    lock_names(session, "speaker", [alias_key(clean_text(n)) for n in names])
    speaker = None
    for n in names:
        ids = speaker_ids_for(session, n)
        if ids:
            speaker = session.get(Speaker, ids[0])
            while speaker.merged_into_id:
                speaker = session.get(Speaker, speaker.merged_into_id)
            break
    created = speaker is None
    if created:
        speaker = Speaker(name=name, role=clean_text(role).strip() if role else None,
                          kind=_choice(kind or "person", SPEAKER_KINDS, "speaker kind"))
        session.add(speaker)
        session.flush()
    elif role and not speaker.role:
        speaker.role = role
        record(session, actor=actor, action="speaker.update", target_type="speaker", target_id=speaker.id,
               before={"role": None}, after={"role": role})
    added = []
    for n in names:
        n = clean_text(n).strip()
        key = alias_key(n)
        if key and session.exec(select(SpeakerAlias.id).where(SpeakerAlias.alias_key == key)).first() is None:
            session.add(SpeakerAlias(speaker_id=speaker.id, alias=n, alias_key=key))
            session.flush()
            added.append(n)
    if created:
        record(session, actor=actor, action="speaker.create", target_type="speaker", target_id=speaker.id,
               after={"name": speaker.name, "role": speaker.role, "kind": speaker.kind, "aliases": added})
    elif added:  # an existing speaker learned new names
        record(session, actor=actor, action="speaker.alias", target_type="speaker", target_id=speaker.id,
               after={"aliases": added})
    return speaker


def _current(session: Session, speaker: Speaker) -> Speaker:
    """The speaker a merged one now lives on (merges leave the old row as a pointer)."""
    while speaker.merged_into_id:
        speaker = session.get(Speaker, speaker.merged_into_id)
    return speaker


def merge_speakers(*, session: Session, actor: str, keep: str, merge: str) -> Speaker:
    """Fold speaker `merge` into `keep`: its aliases and claims move; the merged row remains as a pointer."""
    keep_ids, merge_ids = speaker_ids_for(session, keep), speaker_ids_for(session, merge)
    if not keep_ids:
        raise NotFoundError(f"no speaker named {keep!r}; `claims speakers` lists them")
    if not merge_ids:
        raise NotFoundError(f"no speaker named {merge!r}; `claims speakers` lists them")
    kept = _current(session, session.get(Speaker, keep_ids[0]))
    gone = _current(session, session.get(Speaker, merge_ids[0]))
    if kept.id == gone.id:
        raise UserError(f"{keep!r} and {merge!r} are already the same speaker")
    moved = 0
    for claim in session.exec(select(Claim).where(Claim.speaker_id == gone.id)).all():
        claim.speaker_id = kept.id
        moved += 1
    for alias in session.exec(select(SpeakerAlias).where(SpeakerAlias.speaker_id == gone.id)).all():
        alias.speaker_id = kept.id
    gone.merged_into_id = kept.id
    if not kept.role and gone.role:
        kept.role = gone.role
    record(session, actor=actor, action="speaker.merge", target_type="speaker", target_id=kept.id,
           before={"merged": gone.name, "merged_id": gone.id}, after={"into": kept.name, "claims_moved": moved})
    return kept


# --- claims ---------------------------------------------------------------------------------

@dataclasses.dataclass
class NewClaim:
    text: str
    source: NewSource
    speaker: str | None = None
    speaker_role: str | None = None
    speaker_kind: str | None = None
    speaker_aliases: list[str] = dataclasses.field(default_factory=list)
    said_on: dt.date | None = None
    said_on_precision: str | None = None
    story: str | None = None
    quote: str | None = None
    kind: str = "statement"
    span: tuple[int, int] | None = None
    quantities: list[dict] = dataclasses.field(default_factory=list)
    dates: list[dict] = dataclasses.field(default_factory=list)


def _date(value) -> dt.date | None:
    if value in (None, ""):
        return None
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def claim_snapshot(claim: Claim) -> dict:
    return {"text": claim.text, "status": claim.status, "speaker_id": claim.speaker_id,
            "said_on": claim.said_on, "kind": claim.kind, "story_id": claim.story_id,
            "source_id": claim.source_id, "deadline_state": claim.deadline_state}


def add_claim(*, session: Session, actor: str, new: NewClaim, source: Source | None = None,
              story: Story | None = None, speaker: Speaker | None = None) -> Claim:
    """Store one claim with its values; source, story and speaker are found or created (an
    importer that already resolved the speaker passes it, and `new.speaker` is not looked up)."""
    text = require_text(new.text, what="claim text")
    kind = _choice(new.kind or "statement", KINDS, "claim kind")
    if new.said_on_precision is not None:
        _choice(new.said_on_precision, PRECISIONS, "date precision")
    story = story or get_or_create_story(session, new.story, actor=actor)
    source = source or get_or_create_source(session, new.source, actor=actor, story=story)
    if speaker is None and new.speaker and new.speaker.strip():
        speaker = get_or_create_speaker(session, new.speaker, actor=actor, role=new.speaker_role,
                                        kind=new.speaker_kind, aliases=new.speaker_aliases)
    now = utcnow()
    claim = Claim(text=text, quote=clean_text(new.quote) if new.quote else None,
                  speaker_id=speaker.id if speaker else None, said_on=new.said_on,
                  said_on_precision=new.said_on_precision or ("day" if new.said_on else None),
                  source_id=source.id, span_start=new.span[0] if new.span else None,
                  span_end=new.span[1] if new.span else None, story_id=story.id if story else None,
                  kind=kind, created_at=now, updated_at=now,
                  # set before the first flush: a later change would make a new claim version 2
                  deadline_state="pending" if any((d.get("role") or "").strip().lower() == "deadline"
                                                  for d in new.dates) else None)
    session.add(claim)
    session.flush()
    for q in new.quantities:
        session.add(Quantity(claim_id=claim.id, low=q.get("low"), high=q.get("high"),
                             approximate=bool(q.get("approximate")), bound=q.get("bound"),
                             unit=q.get("unit"), measure=q.get("measure"),
                             as_of=_date(q.get("as_of")) or new.said_on or source.published_on))
    for d in new.dates:
        session.add(TimeRef(claim_id=claim.id, phrase=clean_text(d["phrase"])[:500],
                            role=_choice(d.get("role") or "when", TIME_ROLES, "time role"),
                            earliest=_date(d.get("earliest")), latest=_date(d.get("latest"))))
    record(session, actor=actor, action="claim.create", target_type="claim", target_id=claim.id,
           claim_id=claim.id, after=claim_snapshot(claim) | {"quantities": len(new.quantities),
                                                              "dates": len(new.dates)})
    return claim


def _check_version(claim: Claim, expected_version: int | None) -> None:
    if expected_version is not None and claim.version != expected_version:
        raise ConflictError(
            f"claim {claim.id} was changed by someone else since you loaded it "
            f"(version {expected_version}, now {claim.version}); reload it and try again"
        )


def flush_claim(session: Session, claim: Claim) -> None:
    """Flush a claim update; a concurrent save by someone else becomes a ConflictError."""
    claim_id = claim.id  # read before the flush: after a failed flush the session cannot load it
    try:
        session.flush()
    except StaleDataError:
        raise ConflictError(
            f"claim {claim_id} was changed by someone else since you loaded it; reload it and try again"
        ) from None


def mark_claim(*, session: Session, actor: str, claim_id: int, status: str, reason: str,
               expected_version: int | None = None) -> Claim:
    """Change a claim's status. A reason is required: it is what a reader of the record will cite."""
    status = _choice(status, STATUSES, "status")
    reason = require_text(reason, what="reason") if reason and reason.strip() else None
    if reason is None:
        raise UserError("a status change needs a reason: add --reason TEXT")
    claim = get_claim(session=session, claim_id=claim_id)
    _check_version(claim, expected_version)
    before = claim.status
    claim.status = status
    claim.updated_at = utcnow()
    flush_claim(session, claim)
    record(session, actor=actor, action="claim.mark", target_type="claim", target_id=claim.id,
           claim_id=claim.id, before={"status": before}, after={"status": status}, reason=reason)
    return claim


def tag_claim(*, session: Session, actor: str, claim_id: int, tags: Iterable[str], remove: bool = False) -> list[str]:
    """Add (or remove) tags; returns the tags that changed."""
    claim = get_claim(session=session, claim_id=claim_id)
    names = []
    for t in tags:
        name = require_text(t, what="tag").lower()
        if len(name) > 100:
            raise UserError(f"tag {name[:20]!r}... is longer than 100 characters")
        names.append(name)
    if not names:
        raise UserError("give at least one tag")
    lock_names(session, "tag", names)
    changed = []
    for name in dict.fromkeys(names):
        tag = session.exec(select(Tag).where(Tag.name == name)).first()
        if remove:
            link = tag and session.get(ClaimTag, (claim.id, tag.id))
            if link:
                session.delete(link)
                changed.append(name)
            continue
        if tag is None:
            tag = Tag(name=name)
            session.add(tag)
            session.flush()
        if session.get(ClaimTag, (claim.id, tag.id)) is None:
            session.add(ClaimTag(claim_id=claim.id, tag_id=tag.id))
            changed.append(name)
    if changed:
        session.flush()
        record(session, actor=actor, action="claim.untag" if remove else "claim.tag", target_type="claim",
               target_id=claim.id, claim_id=claim.id, after={"tags": changed})
    return changed


def add_evidence(*, session: Session, actor: str, claim_id: int, source: NewSource, stance: str,
                 excerpt: str | None = None, note: str | None = None) -> Evidence:
    """Attach a later source to a claim with its stance."""
    stance = _choice(stance, STANCES, "stance")
    claim = get_claim(session=session, claim_id=claim_id)
    story = session.get(Story, claim.story_id) if claim.story_id else None
    src = get_or_create_source(session, source, actor=actor, story=story)
    ev = Evidence(claim_id=claim.id, source_id=src.id, stance=stance,
                  excerpt=clean_text(excerpt).strip() or None if excerpt else None,
                  note=clean_text(note).strip() or None if note else None, added_by=actor)
    session.add(ev)
    session.flush()
    record(session, actor=actor, action="evidence.add", target_type="evidence", target_id=ev.id,
           claim_id=claim.id, after={"source_id": src.id, "url": src.url, "stance": stance,
                                     "excerpt": ev.excerpt, "note": ev.note})
    return ev


def link_claims(*, session: Session, actor: str, a_id: int, b_id: int, relation: str,
                reason: str | None = None, origin: str = "manual") -> ClaimLink:
    """Relate two claims. A manual link confirms an existing suggestion; a detected link never
    revives one a person dismissed."""
    relation = _choice(relation, RELATIONS, "relation")
    if a_id == b_id:
        raise UserError("a claim cannot be linked to itself: give two different claim IDs")
    a = get_claim(session=session, claim_id=a_id)
    b = get_claim(session=session, claim_id=b_id)
    if origin == "manual" and not (reason and reason.strip()):
        raise UserError("a link needs a reason: add --reason TEXT")
    reason = clean_text(reason).strip() if reason else None
    existing = session.exec(select(ClaimLink).where(
        ClaimLink.relation == relation,
        or_((ClaimLink.a_id == a.id) & (ClaimLink.b_id == b.id), (ClaimLink.a_id == b.id) & (ClaimLink.b_id == a.id)),
    )).first()
    if existing is not None:
        if origin == "manual" and existing.state != "confirmed":
            return set_link_state(session=session, actor=actor, link_id=existing.id, state="confirmed", reason=reason)
        return existing
    link = ClaimLink(a_id=a.id, b_id=b.id, relation=relation, origin=origin,
                     state="confirmed" if origin == "manual" else "suggested", reason=reason, created_by=actor)
    session.add(link)
    session.flush()
    after = {"a": a.id, "b": b.id, "relation": relation, "origin": origin, "state": link.state}
    for claim_id in (a.id, b.id):
        record(session, actor=actor, action="link.create", target_type="link", target_id=link.id,
               claim_id=claim_id, after=after, reason=reason)
    return link


def set_link_state(*, session: Session, actor: str, link_id: int, state: str, reason: str | None = None) -> ClaimLink:
    """Confirm or dismiss a link (dismissed detected links are never suggested again)."""
    state = _choice(state, LINK_STATES, "link state")
    link = session.get(ClaimLink, link_id)
    if link is None:
        raise NotFoundError(f"no link with ID {link_id}; `claims links` lists them")
    before = link.state
    link.state = state
    session.flush()
    for claim_id in (link.a_id, link.b_id):
        record(session, actor=actor, action=f"link.{state}" if state != "suggested" else "link.reopen",
               target_type="link", target_id=link.id, claim_id=claim_id,
               before={"state": before}, after={"state": state, "relation": link.relation,
                                                "a": link.a_id, "b": link.b_id}, reason=reason)
    return link
