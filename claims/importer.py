"""Import articles: extract outside the transaction, then store each article atomically."""
from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from pathlib import Path
from typing import Callable, Iterable

from sqlalchemy.engine import Engine

from claims.errors import UserError
from claims.validate import check_url, normalise_url

ARTICLE_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm"}
SAMPLE = Path(__file__).with_name("data") / "sample-article.txt"
# An article is stored in one write transaction, which holds the database's write lock; other
# writers wait at most the busy timeout (30 s). Storing runs at a few hundred claims a second on a
# busy machine, so an article is capped well below what that timeout allows.
MAX_CLAIMS_PER_ARTICLE = 1000


@dataclasses.dataclass
class ImportResult:
    name: str
    status: str  # imported | duplicate | failed
    message: str = ""
    source_id: int | None = None
    claims: int = 0
    links: int = 0
    warnings: list[str] = dataclasses.field(default_factory=list)  # e.g. bytes that were not UTF-8


def is_url(target: str) -> bool:
    return "://" in target or target.lower().startswith(("javascript:", "data:", "file:", "mailto:"))


def expand(targets: Iterable[str]) -> list[str]:
    """Files, folders (their article files, sorted) and URLs, in the order given."""
    out: list[str] = []
    for target in targets:
        if not target.strip():  # Path("") is the current folder: never import it by accident
            raise UserError("an empty path was given: name a file, folder or http(s) URL")
        if is_url(target):
            out.append(target)
            continue
        path = Path(target)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
            if not files:
                raise UserError(f"folder {target} has no article files ({', '.join(sorted(ARTICLE_SUFFIXES))})")
            out.extend(str(p) for p in files)
        elif path.is_file():
            out.append(str(path))
        elif path.exists():  # /dev/zero or a pipe: stat() says 0 bytes, reading never ends
            raise UserError(f"{target} is not a regular file (a device, pipe or socket): save the article to a file")
        else:
            raise UserError(f"{target}: no such file or folder")
    return out


def extract_target(target: str, *, url: str | None = None, published: dt.date | None = None) -> dict:
    """The extraction of one file or URL (no database)."""
    from claims.extract import extract_path, extract_text

    if is_url(target):
        from claims.fetch import fetch

        check_url(target)
        page = fetch(target)
        name = "page.html" if "html" in page.content_type or not page.content_type else "page.txt"
        data = extract_text(page.text, filename=name, url=url or page.url, published=published)
        data["source"]["retrieved_at"] = page.retrieved_at.isoformat()
        if not data["source"].get("url"):
            data["source"]["url"] = page.url
        return data
    return extract_path(target, url=url, published=published)


def _sql_lower(dialect: str):
    """What the database's lower() makes of a name (speaker look-ups compare lower(name)):
    SQLite's lower() folds ASCII letters only."""
    if dialect == "sqlite":
        table = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
        return lambda s: s.translate(table)
    return str.lower


def _resolve_speakers(session, conn, requests: list[tuple], events: list[dict], actor: str, stamp):
    """Find or create the article's speakers, as db.writes.get_or_create_speaker would one call
    at a time (by name or any alias, merged speakers followed to the kept one, a missing role
    learned, new aliases added to the speaker), with three look-ups for the whole article.

    `requests` are (name, role, kind, aliases) in the order the old path resolved them. Returns
    (speaker id per request, new speaker rows, new alias rows, role updates of stored speakers);
    new speakers carry provisional ids (>= _PROVISIONAL) until the caller allocates real ones."""
    from sqlalchemy import func, select

    from claims.validate import clean_text, require_text
    from db.models import SPEAKER_KINDS, Speaker, SpeakerAlias
    from db.queries import alias_key
    from db.writes import _choice, _fit, lock_names

    def keys_of(raw, aliases):
        names = [raw, *[a for a in aliases if a and a.strip()]]
        return [alias_key(n) for n in names] + [alias_key(clean_text(n).strip()) for n in names]

    wanted = {k for raw, _, _, aliases in requests for k in keys_of(raw.strip(), aliases)}
    for raw, *_ in requests:
        try:
            wanted.add(alias_key(require_text(raw)))
        except UserError:  # reported below, in its turn
            pass
    lock_names(session, "speaker", [alias_key(clean_text(n)) for raw, _, _, aliases in requests
                                    for n in [raw.strip(), *[a for a in aliases if a and a.strip()]]])
    alias_owner: dict[str, int] = {}
    lower_owner: dict[str, set[int]] = {}
    children: dict[int, set[int]] = {}
    info: dict[int, list] = {}  # id -> [merged_into_id, role]
    table, aliases_t = Speaker.__table__, SpeakerAlias.__table__
    keys = sorted(wanted)
    for start in range(0, len(keys), 500):
        chunk = keys[start:start + 500]
        alias_owner.update(conn.execute(select(aliases_t.c.alias_key, aliases_t.c.speaker_id)
                                        .where(aliases_t.c.alias_key.in_(chunk))).all())
        for sid, lowered in conn.execute(select(table.c.id, func.lower(table.c.name))
                                         .where(func.lower(table.c.name).in_(chunk))).all():
            lower_owner.setdefault(lowered, set()).add(sid)
    found = set(alias_owner.values()) | {i for ids in lower_owner.values() for i in ids}
    if found:
        for sid, target in conn.execute(select(table.c.id, table.c.merged_into_id)
                                        .where(table.c.merged_into_id.in_(sorted(found)))).all():
            children.setdefault(target, set()).add(sid)
            found.add(sid)
    missing = found
    while missing:  # every speaker a look-up may reach, and the chain of merges from each
        rows = conn.execute(select(table.c.id, table.c.merged_into_id, table.c.role)
                            .where(table.c.id.in_(sorted(missing)))).all()
        for sid, merged_into, role in rows:
            info[sid] = [merged_into, role]
        missing = {m for _, m, _ in rows if m is not None and m not in info}
    lower = _sql_lower(conn.dialect.name)

    def event(action, target, after, before=None):
        events.append(dict(at=stamp(), actor=actor, action=action, target_type="speaker", target_id=target,
                           claim_id=None, before=before, after=after, reason=None))

    resolved: list[int] = []
    new_rows: list[dict] = []
    new_by_id: dict[int, dict] = {}
    alias_rows: list[dict] = []
    role_updates: dict[int, str] = {}
    for raw, role, kind, aliases in requests:
        name = _fit(require_text(raw, what="speaker name"), 300, "speaker name")
        names = [name, *[a for a in aliases if a and a.strip()]]
        for n in names:
            _fit(clean_text(n).strip(), 300, "speaker alias")
        role = _fit(clean_text(role).strip() or None, 300, "speaker role") if role else None
        speaker = None
        for n in names:  # db.queries.speaker_ids_for, then the first id and its merges
            key = alias_key(n)
            ids = set(lower_owner.get(key, ()))
            if key in alias_owner:
                ids.add(alias_owner[key])
            if ids:
                for i in list(ids):
                    ids |= children.get(i, set())
                speaker = min(ids)
                while info[speaker][0]:
                    speaker = info[speaker][0]
                break
        created = speaker is None
        if created:
            speaker = _PROVISIONAL + len(new_rows)
            row = dict(id=speaker, name=name, role=clean_text(role).strip() if role else None,
                       kind=_choice(kind or "person", SPEAKER_KINDS, "speaker kind"), merged_into_id=None)
            new_rows.append(row)
            new_by_id[speaker] = row
            info[speaker] = [None, row["role"]]
            lower_owner.setdefault(lower(name), set()).add(speaker)
        elif role and not info[speaker][1]:
            info[speaker][1] = role
            if speaker in new_by_id:
                new_by_id[speaker]["role"] = role
            else:
                role_updates[speaker] = role
            event("speaker.update", speaker, {"role": role}, before={"role": None})
        added = []
        for n in names:
            n = clean_text(n).strip()
            key = alias_key(n)
            if key and key not in alias_owner:
                alias_owner[key] = speaker
                alias_rows.append(dict(speaker_id=speaker, alias=n, alias_key=key))
                added.append(n)
        if created:
            row = new_by_id[speaker]
            event("speaker.create", speaker, {"name": row["name"], "role": row["role"], "kind": row["kind"],
                                              "aliases": added})
        elif added:
            event("speaker.alias", speaker, {"aliases": added})
        resolved.append(speaker)
    return resolved, new_rows, alias_rows, role_updates


_PROVISIONAL = 1 << 60


def store_extraction(session, data: dict, *, actor: str, story: str | None, name: str) -> ImportResult:
    """Write one extracted article inside the caller's transaction (duplicates change nothing),
    then detect relations of its claims within the story."""
    result, stored = store_article(session, data, actor=actor, story=story, name=name)
    if stored is not None and stored.story_id is not None:
        from claims.check import run_check

        outcome = run_check(session=session, actor=actor, story=stored.story)
        result.links = sum(v for k, v in (outcome or {}).items() if isinstance(v, int) and k != "deadlines")
    return result


@dataclasses.dataclass
class Stored:
    """What store_article wrote (for detection)."""
    story_id: int | None
    story: str | None
    source_id: int
    claim_ids: list[int]


def store_article(session, data: dict, *, actor: str, story: str | None,
                  name: str) -> tuple[ImportResult, Stored | None]:
    """Write one extracted article inside the caller's transaction (duplicates change nothing,
    and come back without a Stored); no detection.

    The story and source go through db.writes (one row each); speakers, aliases, claims, their
    values and audit events go in with one multi-row INSERT per table, ids allocated up front
    (db.bulk.allocate_ids). What is stored is what db.writes.add_claim would store claim by
    claim (tests/test_import_equivalence.py compares the two)."""
    import json

    from sqlalchemy import insert, update

    from claims.validate import clean_text, require_text
    from db.bulk import allocate_ids
    from db.models import KINDS, PRECISIONS, TIME_ROLES, AuditEvent, Claim, Quantity, Speaker, SpeakerAlias, TimeRef, utcnow
    from db.queries import find_source
    from db.writes import NewSource, _choice, _date, get_or_create_source, get_or_create_story, lock_names

    src = data["source"]
    if not src.get("url"):
        raise UserError(f"{name}: no source URL found in the article; pass --url URL")
    check_url(src["url"], what=f"{name}: source URL")
    if not src.get("published"):
        raise UserError(f"{name}: no publication date found in the article; pass --published DATE")
    sha = src.get("sha256") or hashlib.sha256((src.get("body") or "").encode()).hexdigest()
    # On PostgreSQL a concurrent import of the same article must commit before we look (SQLite
    # writers are serialised by BEGIN IMMEDIATE already); else both store it.
    lock_names(session, "source", [normalise_url(src["url"])])
    lock_names(session, "sha256", [sha])
    existing = find_source(session=session, url_key=normalise_url(src["url"]), sha256=sha)
    if existing is not None and existing.body is not None:
        return ImportResult(name, "duplicate", f"already imported as source {existing.id} ({existing.url})",
                            source_id=existing.id), None
    story_row = get_or_create_story(session, story, actor=actor)
    retrieved = src.get("retrieved_at")
    new_source = NewSource(url=src["url"], title=src.get("title"), outlet=src.get("outlet"),
                           published_on=dt.date.fromisoformat(src["published"]), language=src.get("language"),
                           retrieved_at=dt.datetime.fromisoformat(retrieved) if retrieved else
                           dt.datetime.now(dt.timezone.utc).replace(microsecond=0),
                           content_sha256=sha, body=src.get("body"))
    source = get_or_create_source(session, new_source, actor=actor, story=story_row)
    if source.body is None:  # known before only as a later source of some claim: now we have its text
        source.body, source.content_sha256 = new_source.body, sha
        source.retrieved_at = new_source.retrieved_at
    session.flush()  # the story and source rows and their events come first, as before
    conn = session.connection()
    source_id, story_id, published_on = source.id, story_row.id if story_row else None, source.published_on

    def dump(d):
        return None if d is None else json.dumps({k: v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else v
                                                  for k, v in d.items()}, ensure_ascii=False, sort_keys=True)

    events: list[dict] = []
    claims = data["claims"]
    speakers = {sp["name"]: sp for sp in data.get("speakers", [])}
    # Each speaker is resolved once per article (name, aliases, first role given), in order.
    order: dict[str, int] = {}
    requests = []
    for c in claims:
        said_by = (c.get("speaker") or "").strip()
        if said_by and said_by not in order:
            sp = speakers.get(c.get("speaker"), {})
            role = next((x.get("speaker_role") for x in claims
                         if x.get("speaker") == c.get("speaker") and x.get("speaker_role")), None)
            order[said_by] = len(requests)
            requests.append((c["speaker"], role or sp.get("role"), sp.get("kind"), sp.get("aliases", [])))
    speaker_events: list[dict] = []
    resolved, new_speakers, new_aliases, role_updates = (
        _resolve_speakers(session, conn, requests, speaker_events, actor, utcnow) if requests else ([], [], [], {}))
    real = dict(zip((r["id"] for r in new_speakers), allocate_ids(conn, "speaker", len(new_speakers))))
    fix = lambda sid: real.get(sid, sid)
    for row in new_speakers:
        row["id"] = fix(row["id"])
    for row in new_aliases:
        row["speaker_id"] = fix(row["speaker_id"])
    for ev in speaker_events:
        ev["target_id"] = fix(ev["target_id"])
        ev["before"], ev["after"] = dump(ev["before"]), dump(ev["after"])
    events += speaker_events

    claim_rows, quantity_rows, time_rows = [], [], []
    claim_ids = allocate_ids(conn, "claim", len(claims))
    for c, claim_id in zip(claims, claim_ids):  # what db.writes.add_claim does, claim by claim
        said_on = dt.date.fromisoformat(c["said_on"]) if c.get("said_on") else None
        span = tuple(c["span"]) if c.get("span") else None
        text = require_text(c["text"], what="claim text")
        kind = _choice(c.get("kind") or "statement", KINDS, "claim kind")
        precision = c.get("said_on_precision")
        if precision is not None:
            _choice(precision, PRECISIONS, "date precision")
        said_by = (c.get("speaker") or "").strip()
        speaker_id = fix(resolved[order[said_by]]) if said_by else None
        quantities, dates = c.get("quantities", []), c.get("dates", [])
        quote = c.get("quote")
        now = utcnow()
        row = dict(id=claim_id, text=text, quote=clean_text(quote) if quote else None, speaker_id=speaker_id,
                   said_on=said_on, said_on_precision=precision or ("day" if said_on else None),
                   source_id=source_id, span_start=span[0] if span else None, span_end=span[1] if span else None,
                   story_id=story_id, kind=kind, status="unverified",
                   deadline_state="pending" if any((d.get("role") or "").strip().lower() == "deadline"
                                                   for d in dates) else None,
                   version=1, created_at=now, updated_at=now)
        claim_rows.append(row)
        for q in quantities:
            quantity_rows.append(dict(claim_id=claim_id, low=q.get("low"), high=q.get("high"),
                                      approximate=bool(q.get("approximate")), bound=q.get("bound"),
                                      unit=q.get("unit"), measure=q.get("measure"),
                                      as_of=_date(q.get("as_of")) or said_on or published_on))
        for d in dates:
            time_rows.append(dict(claim_id=claim_id, phrase=clean_text(d["phrase"])[:500],
                                  role=_choice(d.get("role") or "when", TIME_ROLES, "time role"),
                                  earliest=_date(d.get("earliest")), latest=_date(d.get("latest"))))
        snapshot = {k: row[k] for k in ("text", "status", "speaker_id", "said_on", "kind", "story_id", "source_id",
                                        "deadline_state")}
        events.append(dict(at=now, actor=actor, action="claim.create", target_type="claim", target_id=claim_id,
                           claim_id=claim_id, before=None, reason=None,
                           after=dump(snapshot | {"quantities": len(quantities), "dates": len(dates)})))
    count = len(claim_rows)
    events.append(dict(at=utcnow(), actor=actor, action="source.import", target_type="source", target_id=source_id,
                       claim_id=None, before=None, reason=None,
                       after=dump({"name": name, "claims": count, "sha256": sha, "story": story})))
    speaker_t = Speaker.__table__
    for sid, role in role_updates.items():
        conn.execute(update(speaker_t).where(speaker_t.c.id == sid).values(role=role))
    for table, rows in ((speaker_t, new_speakers), (SpeakerAlias.__table__, new_aliases),
                        (Claim.__table__, claim_rows), (Quantity.__table__, quantity_rows),
                        (TimeRef.__table__, time_rows), (AuditEvent.__table__, events)):
        if rows:
            conn.execute(insert(table), rows)
    return (ImportResult(name, "imported", f"{count} claims", source_id=source_id, claims=count),
            Stored(story_id, story_row.name if story_row else None, source_id, claim_ids))


def import_paths(engine: Engine, targets: Iterable[str], *, actor: str, story: str | None = None,
                   url: str | None = None, published: dt.date | None = None,
                   progress: Callable[[ImportResult], None] | None = None) -> list[ImportResult]:
    """Import many files, folders or URLs; each article is its own transaction. A bad article is
    reported in its result and does not stop the others."""
    from db.engine import write_session

    targets = expand(targets)
    if url and len(targets) > 1:
        raise UserError("--url applies to one article; import the files one by one to give each its URL")
    results = []
    for target in targets:
        try:
            data = extract_target(target, url=url, published=published)
            if len(data.get("claims", [])) > MAX_CLAIMS_PER_ARTICLE:
                raise UserError(f"{target}: {len(data['claims']):,} statements in one article; the limit is "
                                f"{MAX_CLAIMS_PER_ARTICLE:,} (each article is one transaction): split the file")
            with write_session(engine) as session:
                result = store_extraction(session, data, actor=actor, story=story, name=target)
            result.warnings = list(data.get("warnings", []))
        except UserError as exc:
            result = ImportResult(target, "failed", str(exc).removeprefix(f"{target}: "))
        results.append(result)
        if progress:
            progress(result)
    return results


def import_sample(engine: Engine, *, actor: str) -> ImportResult:
    """The bundled sample article, into the story 'sample' (what `make run` shows a new user)."""
    return import_paths(engine, [str(SAMPLE)], actor=actor, story="sample")[0]
