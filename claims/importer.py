"""Import articles: extract outside the transaction, then store each article atomically."""
from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import functools
import hashlib
import json
import json.encoder
import os
from pathlib import Path
from typing import Callable, Iterable

from sqlalchemy.engine import Engine

from claims.errors import UserError
from claims.validate import check_url, normalise_url

ARTICLE_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm"}
SAMPLE = Path(__file__).with_name("data") / "sample-article.txt"
# An article is stored in one write transaction, which holds the database's write lock; other
# writers wait at most the busy timeout (30 s). Storing runs at a few thousand claims a second (a
# few hundred on a busy machine), so an article is capped well below what that timeout allows.
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


@functools.lru_cache(maxsize=65536)
def _alias_key(name: str) -> str:
    from db.queries import alias_key

    return alias_key(name)


@functools.lru_cache(maxsize=65536)
def _clean_name(name: str) -> str:
    from claims.validate import clean_text

    return clean_text(name)


def _sql_lower(dialect: str):
    """What the database's lower() makes of a name (speaker look-ups compare lower(name)):
    SQLite's lower() folds ASCII letters only."""
    if dialect == "sqlite":
        table = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
        return lambda s: s.translate(table)
    return str.lower


class _Writer:
    """Driver-level statements on the article's connection (db.driver.Driver). SQLite: plain
    executemany on the sqlite3 cursor with the values in the form SQLAlchemy's column types
    would send (dates as ISO text, floats as floats): its per-row type processing and
    per-statement work cost more than the inserts. PostgreSQL: Core inserts on the typed tables
    (values as the ORM would bind them)."""

    def __init__(self, conn):
        from db.driver import Driver

        self.conn = conn
        self.driver = driver = Driver(conn)
        self.sqlite = driver.sqlite
        self.day, self.stamp, self.number = driver.day, driver.stamp, driver.number
        self.execute, self.rows = driver.execute, driver.rows

    def marks(self, n: int) -> str:
        return ", ".join(["?"] * n)

    def insert(self, model, columns: tuple[str, ...], rows: list[tuple]) -> None:
        if not rows:
            return
        if self.sqlite:
            self.driver.insert(model.__tablename__, columns, rows)
        else:
            from sqlalchemy import insert

            self.conn.execute(insert(model.__table__), [dict(zip(columns, row)) for row in rows])


AUDIT_COLUMNS = ("at", "actor", "action", "target_type", "target_id", "claim_id", "before", "after", "reason")
CLAIM_COLUMNS = ("id", "text", "quote", "speaker_id", "said_on", "said_on_precision", "source_id", "span_start",
                 "span_end", "story_id", "kind", "status", "deadline_state", "version", "created_at", "updated_at")
QUANTITY_COLUMNS = ("claim_id", "low", "high", "approximate", "bound", "unit", "measure", "as_of")
TIME_COLUMNS = ("claim_id", "phrase", "role", "earliest", "latest")
SPEAKER_COLUMNS = ("id", "name", "role", "kind", "merged_into_id")
ALIAS_COLUMNS = ("speaker_id", "alias", "alias_key")
SOURCE_COLUMNS = ("id", "url", "url_key", "title", "outlet", "published_on", "retrieved_at", "content_sha256",
                  "archive_url", "language", "body", "story_id", "created_at")


_encode = json.encoder.encode_basestring  # how json.dumps(ensure_ascii=False) writes a string


def _dump(d: dict | None) -> str | None:
    """Audit JSON exactly as db.writes.record writes it."""
    if d is None:
        return None
    return json.dumps({k: v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else v for k, v in d.items()},
                      ensure_ascii=False, sort_keys=True)


def _resolve_speakers(session, w: _Writer, requests: list[tuple], events: list[dict], actor: str):
    """Find or create the article's speakers, as db.writes.get_or_create_speaker would one call
    at a time (by name or any alias, merged speakers followed to the kept one, a missing role
    learned, new aliases added to the speaker), with two or three look-ups for the whole article.

    `requests` are (name, role, kind, aliases) in the order the old path resolved them. Returns
    (speaker id per request, new speaker rows, new alias rows, role updates of stored speakers);
    new speakers carry provisional ids (>= _PROVISIONAL) until the caller allocates real ones."""
    from claims.validate import require_text

    clean_text = _clean_name  # names recur in every article: cleaned once
    from db.models import SPEAKER_KINDS, utcnow
    from db.writes import _choice, _fit, lock_names

    prepared, wanted, locks = [], set(), []
    for raw, role, kind, aliases in requests:
        extra = [a for a in aliases if a and a.strip()]
        try:
            name = require_text(raw)
        except UserError:  # reported below, in its turn
            name = None
        for n in ([name] if name else []) + extra:
            cleaned = clean_text(n).strip()
            wanted.update((_alias_key(n), _alias_key(cleaned)))
            locks.append(_alias_key(clean_text(n)))
        prepared.append((raw, role, kind, extra))
    lock_names(session, "speaker", locks)
    alias_owner: dict[str, int] = {}
    lower_owner: dict[str, set[int]] = {}
    keys = sorted(wanted)
    for start in range(0, len(keys), 400):
        chunk = keys[start:start + 400]
        marks = w.marks(len(chunk))
        for source, key, sid in w.rows(f"SELECT 0, alias_key, speaker_id FROM speaker_alias WHERE alias_key IN ({marks}) "
                                       f"UNION ALL SELECT 1, lower(name), id FROM speaker WHERE lower(name) IN ({marks})",
                                       chunk + chunk):
            if source == 0:
                alias_owner[key] = sid
            else:
                lower_owner.setdefault(key, set()).add(sid)
    children: dict[int, set[int]] = {}
    info: dict[int, list] = {}  # id -> [merged_into_id, role]
    found = sorted(set(alias_owner.values()) | {i for ids in lower_owner.values() for i in ids})
    for start in range(0, len(found), 400):
        chunk = found[start:start + 400]
        marks = w.marks(len(chunk))
        for sid, merged_into, role in w.rows(f"SELECT id, merged_into_id, role FROM speaker WHERE id IN ({marks}) "
                                             f"OR merged_into_id IN ({marks})", chunk + chunk):
            info[sid] = [merged_into, role]
            if merged_into is not None:
                children.setdefault(merged_into, set()).add(sid)
    missing = {m for m, _ in info.values() if m is not None and m not in info}
    while missing:  # the chain of merges from a speaker found
        rows = w.rows(f"SELECT id, merged_into_id, role FROM speaker WHERE id IN ({w.marks(len(missing))})", sorted(missing))
        for sid, merged_into, role in rows:
            info[sid] = [merged_into, role]
        missing = {m for _, m, _ in rows if m is not None and m not in info}
    lower = _sql_lower(w.conn.dialect.name)

    def event(action, target, after, before=None):
        events.append(dict(at=utcnow(), action=action, target_type="speaker", target_id=target, claim_id=None,
                           before=before, after=after))

    resolved: list[int] = []
    new_rows: list[dict] = []
    new_by_id: dict[int, dict] = {}
    alias_rows: list[list] = []
    role_updates: dict[int, str] = {}
    for raw, role, kind, extra in prepared:
        name = _fit(require_text(raw, what="speaker name"), 300, "speaker name")
        names = [name, *extra]
        cleaned = [clean_text(n).strip() for n in names]
        for n in cleaned:
            _fit(n, 300, "speaker alias")
        role = _fit(clean_text(role).strip() or None, 300, "speaker role") if role else None
        speaker = None
        for n in names:  # db.queries.speaker_ids_for, then the first id and its merges
            key = _alias_key(n)
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
                       kind=_choice(kind or "person", SPEAKER_KINDS, "speaker kind"))
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
        for n in cleaned:
            key = _alias_key(n)
            if key and key not in alias_owner:
                alias_owner[key] = speaker
                alias_rows.append([speaker, n, key])
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
    then detect relations of its claims within the story (a full check of the story)."""
    result, stored = store_article(session, data, actor=actor, story=story, name=name)
    if stored is not None and stored.story_id is not None:
        from claims.check import run_check

        result.links = _link_count(run_check(session=session, actor=actor, story=stored.story))
    return result


def _link_count(outcome: dict | None) -> int:
    return sum(v for k, v in (outcome or {}).items() if isinstance(v, int) and k != "deadlines")


# Detection after each import compares only the new claims with the story (claims.check.StoryDetector)
# while nothing else changes the database; False runs the full check after every article.
INCREMENTAL_DETECTION = True


def _audit_stamp(session) -> int:
    """The newest audit event's id. Every change to the database leaves an audit event, so an
    unchanged id means nobody else wrote since (SQLite: ids follow the order of commits, as
    writers are serialised; PostgreSQL: a transaction that took its ids before our last commit
    and commits after it is not noticed; the next `claims check` finds what it would add)."""
    from db.driver import Driver

    return Driver(session.connection()).scalar("SELECT coalesce(max(id), 0) FROM audit_event")


class _Detection:
    """Detection after the imports of one import_paths call: a StoryDetector per story, valid
    while the newest audit event is the one this importer wrote last."""

    def __init__(self, actor: str):
        self.actor = actor
        self.cache: dict[str, tuple[int, object]] = {}  # story -> (audit stamp after our commit, detector)
        self.pending: tuple[str, int, object] | None = None

    def start(self, session, story: str | None) -> int | None:
        self.pending = None
        return _audit_stamp(session) if story is not None else None

    def run(self, session, stored: Stored, stamp: int | None) -> int:
        from claims.check import StoryDetector, run_check

        cached = self.cache.pop(stored.story, None)  # back in the cache when this transaction commits
        if INCREMENTAL_DETECTION and cached is not None and cached[0] == stamp and cached[1].story_id == stored.story_id:
            detector = cached[1]
            outcome = detector.detect(session=session, actor=self.actor, claim_ids=stored.claim_ids,
                                      stored=(stored.statements, stored.figures, stored.dates))
        else:
            outcome = run_check(session=session, actor=self.actor, story=stored.story)
            detector = StoryDetector(session, stored.story_id) if INCREMENTAL_DETECTION else None
        if detector is not None:
            self.pending = (stored.story, _audit_stamp(session), detector)
        return _link_count(outcome)

    def committed(self) -> None:
        if self.pending is not None:
            story, stamp, detector = self.pending
            self.cache[story] = (stamp, detector)
        self.pending = None


@dataclasses.dataclass
class Stored:
    """What store_article wrote (for detection)."""
    story_id: int | None
    story: str | None
    source_id: int
    claim_ids: list[int]
    # What was stored, as the database gives it back (claims.check.statements_of, figures_of):
    statements: list[tuple] = dataclasses.field(default_factory=list)  # (id, source, text, said_on, published_on, speaker, story)
    figures: list[tuple] = dataclasses.field(default_factory=list)  # (claim, source, speaker, story, measure, unit, low, high, approximate, bound, as_of)
    dates: list[tuple] = dataclasses.field(default_factory=list)  # (claim, role, earliest, latest)


def store_article(session, data: dict, *, actor: str, story: str | None,
                  name: str) -> tuple[ImportResult, Stored | None]:
    """Write one extracted article inside the caller's transaction (duplicates change nothing,
    and come back without a Stored); no detection.

    One statement per table: ids are allocated up front (db.bulk.allocate_ids), the story,
    source, speakers (three look-ups for the whole article), aliases, claims, their values and
    audit events go in as multi-row inserts. What is stored is what db.writes stored through
    get_or_create_speaker and add_claim claim by claim, ids and audit JSON included
    (tests/test_import_equivalence.py compares the two on SQLite and PostgreSQL)."""
    from claims.validate import clean_text, require_text
    from db.models import KINDS, PRECISIONS, TIME_ROLES, Claim, Quantity, Source, Speaker, SpeakerAlias, Story, TimeRef, utcnow
    from db.writes import NewSource, _choice, _date, _fit, get_or_create_source, lock_names

    src = data["source"]
    if not src.get("url"):
        raise UserError(f"{name}: no source URL found in the article; pass --url URL")
    check_url(src["url"], what=f"{name}: source URL")
    if not src.get("published"):
        from claims.extract.pipeline import AMBIGUOUS_DATE_WARNING

        ambiguous = next((w for w in data.get("warnings", []) if AMBIGUOUS_DATE_WARNING in w), None)
        if ambiguous:  # "the date line '03/04/2023' reads as day/month or as month/day: pass --published ..."
            raise UserError(f"{name}: {ambiguous}")
        raise UserError(f"{name}: no publication date found in the article; pass --published DATE")
    sha = src.get("sha256") or hashlib.sha256((src.get("body") or "").encode()).hexdigest()
    url_key = normalise_url(src["url"])
    # On PostgreSQL a concurrent import of the same article must commit before we look (SQLite
    # writers are serialised by BEGIN IMMEDIATE already); else both store it.
    lock_names(session, "source", [url_key])
    lock_names(session, "sha256", [sha])
    conn = session.connection()
    w = _Writer(conn)
    # db.queries.find_source: the same condition, only the columns needed
    existing = w.rows("SELECT id, url, body IS NOT NULL, url_key = ? FROM source WHERE url_key = ? "
                      "OR (content_sha256 = ? AND body IS NOT NULL) LIMIT 1", (url_key, url_key, sha))
    if existing and existing[0][2]:
        return ImportResult(name, "duplicate", f"already imported as source {existing[0][0]} ({existing[0][1]})",
                            source_id=existing[0][0]), None
    events: list[dict] = []  # audit events in the order db.writes would have recorded them

    def event(action, target_type, target_id, after, claim_id=None, at=None):
        events.append(dict(at=at or utcnow(), action=action, target_type=target_type, target_id=target_id,
                           claim_id=claim_id, before=None, after=after))

    story_id = None
    if story is not None:  # db.writes.get_or_create_story
        story = _fit(require_text(story, what="story name"), 200, "story name")
        lock_names(session, "story", [story])
        found = w.rows("SELECT id FROM story WHERE name = ?", (story,))
        if found:
            story_id = found[0][0]
        else:
            story_id = w.driver.allocate_ids("story", 1)[0]
            w.insert(Story, ("id", "name", "title", "created_at"), [(story_id, story, None, w.stamp(utcnow()))])
            event("story.create", "story", story_id, {"name": story})
    retrieved = src.get("retrieved_at")
    new_source = NewSource(url=src["url"], title=src.get("title"), outlet=src.get("outlet"),
                           published_on=dt.date.fromisoformat(src["published"]), language=src.get("language"),
                           retrieved_at=dt.datetime.fromisoformat(retrieved) if retrieved else
                           dt.datetime.now(dt.timezone.utc).replace(microsecond=0),
                           content_sha256=sha, body=src.get("body"))
    if existing:  # known before only as a later source of some claim: db.writes fills it in
        _write_events(w, actor, events)
        events.clear()
        story_row = session.get(Story, story_id) if story_id is not None else None
        source = get_or_create_source(session, new_source, actor=actor, story=story_row)
        if source.body is None:
            source.body, source.content_sha256 = new_source.body, sha
            source.retrieved_at = new_source.retrieved_at
        session.flush()
        source_id, published_on = source.id, source.published_on
    else:  # db.writes.get_or_create_source, a new source
        check_url(new_source.url, what="source URL")
        clean = lambda v: clean_text(v).strip() or None if v else None
        title, outlet = clean(new_source.title), _fit(clean(new_source.outlet), 300, "outlet")
        language = _fit(clean(new_source.language), 20, "language")
        source_id, published_on = w.driver.allocate_ids("source", 1)[0], new_source.published_on
        w.insert(Source, SOURCE_COLUMNS, [(
            source_id, new_source.url, url_key, title, outlet, w.day(published_on), w.stamp(new_source.retrieved_at),
            sha, None, language, new_source.body, story_id, w.stamp(utcnow()))])
        event("source.create", "source", source_id, {"url": new_source.url, "title": title, "outlet": outlet,
                                                     "published_on": published_on})

    claims = data["claims"]
    speakers = {sp["name"]: sp for sp in data.get("speakers", [])}
    # Each speaker is resolved once per article (name, aliases, first role given), in order.
    order: dict[str, int] = {}
    requests = []
    first_role: dict = {}  # speaker as written -> the first role given with it
    for x in claims:
        if x.get("speaker_role") and x.get("speaker") not in first_role:
            first_role[x.get("speaker")] = x.get("speaker_role")
    for c in claims:
        said_by = (c.get("speaker") or "").strip()
        if said_by and said_by not in order:
            sp = speakers.get(c.get("speaker"), {})
            role = first_role.get(c.get("speaker"))
            order[said_by] = len(requests)
            requests.append((c["speaker"], role or sp.get("role"), sp.get("kind"), sp.get("aliases", [])))
    speaker_events: list[dict] = []
    resolved, new_speakers, new_aliases, role_updates = (
        _resolve_speakers(session, w, requests, speaker_events, actor) if requests else ([], [], [], {}))
    real = dict(zip((r["id"] for r in new_speakers), w.driver.allocate_ids("speaker", len(new_speakers))))
    fix = lambda sid: real.get(sid, sid)
    for ev in speaker_events:
        ev["target_id"] = fix(ev["target_id"])
    events += speaker_events

    claim_rows, quantity_rows, time_rows = [], [], []
    stored = Stored(story_id, story, source_id, [])
    claim_ids = w.driver.allocate_ids("claim", len(claims))
    day, number = w.day, w.number
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
        deadline_state = "pending" if any((d.get("role") or "").strip().lower() == "deadline" for d in dates) else None
        now = utcnow()
        stamp = w.stamp(now)
        claim_rows.append((claim_id, text, clean_text(quote) if quote else None, speaker_id, day(said_on),
                           precision or ("day" if said_on else None), source_id, span[0] if span else None,
                           span[1] if span else None, story_id, kind, "unverified", deadline_state, 1, stamp, stamp))
        stored.statements.append((claim_id, source_id, text, said_on, published_on, speaker_id, story_id))
        for q in quantities:
            low, high, as_of = q.get("low"), q.get("high"), _date(q.get("as_of")) or said_on or published_on
            quantity_rows.append((claim_id, number(low), number(high), bool(q.get("approximate")),
                                  q.get("bound"), q.get("unit"), q.get("measure"), day(as_of)))
            stored.figures.append((claim_id, source_id, speaker_id, story_id, q.get("measure"), q.get("unit"),
                                   None if low is None else float(low), None if high is None else float(high),
                                   bool(q.get("approximate")), q.get("bound"), as_of))
        for d in dates:
            role = _choice(d.get("role") or "when", TIME_ROLES, "time role")
            earliest, latest = _date(d.get("earliest")), _date(d.get("latest"))
            time_rows.append((claim_id, clean_text(d["phrase"])[:500], role, day(earliest), day(latest)))
            stored.dates.append((claim_id, role, earliest, latest))
        event("claim.create", "claim", claim_id, _claim_after(
            text=text, speaker_id=speaker_id, said_on=said_on, kind=kind, story_id=story_id, source_id=source_id,
            deadline_state=deadline_state, quantities=len(quantities), dates=len(dates)), claim_id=claim_id, at=now)
    count = len(claim_rows)
    event("source.import", "source", source_id, {"name": name, "claims": count, "sha256": sha, "story": story})
    for sid, role in role_updates.items():
        w.execute("UPDATE speaker SET role = ? WHERE id = ?", (role, sid))
    w.insert(Speaker, SPEAKER_COLUMNS, [(fix(r["id"]), r["name"], r["role"], r["kind"], None) for r in new_speakers])
    w.insert(SpeakerAlias, ALIAS_COLUMNS, [(fix(a[0]), a[1], a[2]) for a in new_aliases])
    w.insert(Claim, CLAIM_COLUMNS, claim_rows)
    w.insert(Quantity, QUANTITY_COLUMNS, quantity_rows)
    w.insert(TimeRef, TIME_COLUMNS, time_rows)
    _write_events(w, actor, events)
    stored.claim_ids = claim_ids
    return ImportResult(name, "imported", f"{count} claims", source_id=source_id, claims=count), stored


def _claim_after(*, text: str, speaker_id: int | None, said_on: dt.date | None, kind: str, story_id: int | None,
                 source_id: int, deadline_state: str | None, quantities: int, dates: int) -> str:
    """A new claim's `claim.create` event JSON, byte for byte what db.writes.record writes for
    add_claim's snapshot (json.dumps, sorted keys), built by hand: json.dumps per claim was a
    tenth of the storage time."""
    null = lambda v: "null" if v is None else str(int(v))
    return (f'{{"dates": {int(dates)}, "deadline_state": {"null" if deadline_state is None else _encode(deadline_state)}, '
            f'"kind": {_encode(kind)}, "quantities": {int(quantities)}, '
            f'"said_on": {"null" if said_on is None else chr(34) + said_on.isoformat() + chr(34)}, '
            f'"source_id": {int(source_id)}, "speaker_id": {null(speaker_id)}, "status": "unverified", '
            f'"story_id": {null(story_id)}, "text": {_encode(text)}}}')


def _write_events(w: _Writer, actor: str, events: list[dict]) -> None:
    """`after` is a dict (dumped here) or JSON already made (_claim_after)."""
    from db.models import AuditEvent

    w.insert(AuditEvent, AUDIT_COLUMNS, [
        (w.stamp(e["at"]), actor, e["action"], e["target_type"], e["target_id"], e["claim_id"], _dump(e["before"]),
         e["after"] if isinstance(e["after"], str) else _dump(e["after"]), None) for e in events])


def import_paths(engine: Engine, targets: Iterable[str], *, actor: str, story: str | None = None,
                   url: str | None = None, published: dt.date | None = None,
                   progress: Callable[[ImportResult], None] | None = None,
                   workers: int | None = None) -> list[ImportResult]:
    """Import many files, folders or URLs; each article is its own transaction. A bad article is
    reported in its result and does not stop the others. Results (and progress calls) come in
    the order given. `workers`: processes extracting ahead of the one storing (default: one
    fewer than the CPUs, at most MAX_WORKERS, when there are more than POOL_ABOVE articles)."""
    targets = expand(targets)
    if url and len(targets) > 1:
        raise UserError("--url applies to one article; import the files one by one to give each its URL")
    results = []
    detection = _Detection(actor)
    workers = _pool_size(len(targets)) if workers is None else workers
    extractions = (_extract_in_pool(targets, url, published, workers, signatures=story is not None)
                   if workers > 0 and len(targets) > 1
                   else ((t, _extract_or_error(t, url, published)) for t in targets))
    try:
        for target, extracted in extractions:
            result = _import_one(engine, target, extracted, actor=actor, story=story, detection=detection)
            results.append(result)
            if progress:
                progress(result)
    finally:
        extractions.close()  # stops the pool's work when an article fails hard or on Ctrl-C
    return results


# Articles are extracted in worker processes while this one stores, when there are more than
# POOL_ABOVE of them and more than one CPU (a pool takes a few tenths of a second to start).
POOL_ABOVE = 16
MAX_WORKERS = 3
# benchmarks/README.md (Import): with a CPU free, 200 articles in ~1.8 s instead of ~3 s; with the
# other CPU busy, about as fast as without.
POOL_BY_DEFAULT = True


def _pool_size(articles: int) -> int:
    if not POOL_BY_DEFAULT or articles <= POOL_ABOVE:
        return 0
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(0, min(cpus - 1, MAX_WORKERS))


def _extract_or_error(target: str, url: str | None, published: dt.date | None, signatures: bool = False):
    """The extraction of one article, or the UserError that says why there is none. `signatures`:
    with the event signatures of its claims' texts (relations.signature of the text as stored),
    which a worker process computes for the importing one's detection."""
    try:
        data = extract_target(target, url=url, published=published)
    except UserError as exc:
        return exc
    if signatures:
        from claims.relations import signature
        from claims.validate import require_text

        texts = []
        for c in data.get("claims", []):
            try:
                texts.append(require_text(c["text"]))
            except (UserError, KeyError, TypeError, AttributeError):  # reported when it is stored
                pass
        data[_SIGNATURES] = {t: signature(t) for t in texts}
    return data


_SIGNATURES = "_signatures"  # the extraction's key for them


def _ignore_sigint() -> None:
    """Workers leave Ctrl-C to the importing process, which stops the pool."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


@contextlib.contextmanager
def _main_module_hidden():
    """Worker processes would otherwise import the program's main module (a script run with
    `python script.py`, pytest's, or `python -` which has none): only claims.* is needed."""
    import sys
    import types

    main = sys.modules["__main__"]
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        sys.modules["__main__"] = main


# This process extracts the first articles while the workers start (see _extract_in_pool).
EXTRACT_WHILE_STARTING = True


def _warm_up() -> None:
    """A worker's first task: it answers once it has started (claims.extract is preloaded)."""


def _extract_in_pool(targets: list[str], url: str | None, published: dt.date | None, workers: int, *,
                     signatures: bool = False):
    """(target, extraction or UserError) in input order, extracted by `workers` processes a few
    articles ahead of the caller. The processes come from a forkserver (a fresh process with
    claims.extract loaded, not a copy of this one with its database connections and threads).

    Starting them takes ~0.3 s (the fork server imports claims.extract), so a thread starts them
    while this process extracts the first articles itself; from the article after the one it is
    on when they answer, the workers extract."""
    import collections
    import multiprocessing
    import threading
    from concurrent.futures import ProcessPoolExecutor

    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["claims.importer", "claims.extract"])
    started: dict = {}  # "pool": the executor; "error": why it could not start
    ready = threading.Event()

    def start() -> None:
        try:
            pool = started["pool"] = ProcessPoolExecutor(workers, mp_context=ctx, initializer=_ignore_sigint)
            with _main_module_hidden():  # every worker starts here (one a submit, while none is idle)
                warm = [pool.submit(_warm_up) for _ in range(workers)]
            for future in warm:
                future.result()
        except BaseException as exc:  # noqa: BLE001 - reported in the importing thread
            started["error"] = exc
        finally:
            ready.set()

    starter = threading.Thread(target=start, name="claims-import-pool", daemon=True)
    starter.start()
    pending: collections.deque = collections.deque()  # (index, future), in input order
    next_submit: int | None = None  # the next article for the workers, once they run

    def running(first: int) -> int:
        """Where the workers begin, once started: at `first`, or nowhere when they could not start."""
        error = started.get("error")
        if error is not None and not isinstance(error, (OSError, ValueError)):
            raise error
        # OSError, ValueError: the workers could not start (no fork server here: "bad value(s) in
        # fds_to_keep" inside a full-screen app, a file-descriptor or process limit): this
        # process extracts every article.
        return first if error is None else len(targets)

    def submit() -> None:  # keep a few articles ahead
        nonlocal next_submit
        while next_submit is not None and next_submit < len(targets) and len(pending) < 4 * workers + 2:
            pending.append((next_submit, started["pool"].submit(_extract_or_error, targets[next_submit], url,
                                                                published, signatures)))
            next_submit += 1

    finished = False
    try:
        if not EXTRACT_WHILE_STARTING:
            ready.wait()
            next_submit = running(0)
        for i, target in enumerate(targets):
            if next_submit is None and ready.is_set():
                next_submit = running(i + 1)  # this one is extracted here while they take the next
            submit()
            if pending and pending[0][0] == i:
                extracted = pending.popleft()[1].result()  # any other error is raised here, in its turn
            else:
                extracted = _extract_or_error(target, url, published)
            submit()
            yield target, extracted
        finished = True
    finally:
        starter.join()
        pool = started.get("pool")
        if pool is not None:
            if not finished:
                # Interrupted (Ctrl-C) or failed: the workers ignore SIGINT and would finish their
                # articles; they hold no database, so they stop now. Left running, the interpreter's exit
                # waited on them, and once in a few dozen runs (a loaded machine) on a pool that never
                # answered.
                for process in list((getattr(pool, "_processes", None) or {}).values()):
                    process.terminate()
            pool.shutdown(wait=finished, cancel_futures=True)


def _import_one(engine: Engine, target: str, extracted, *, actor: str, story: str | None,
                detection: _Detection) -> ImportResult:
    from db.engine import write_session

    try:
        if isinstance(extracted, UserError):
            raise extracted
        data = extracted
        if _SIGNATURES in data:  # computed by the worker that extracted it
            from claims.relations import given_signatures

            given_signatures(data.pop(_SIGNATURES))
        if len(data.get("claims", [])) > MAX_CLAIMS_PER_ARTICLE:
            raise UserError(f"{target}: {len(data['claims']):,} statements in one article; the limit is "
                            f"{MAX_CLAIMS_PER_ARTICLE:,} (each article is one transaction): split the file")
        with write_session(engine) as session:
            stamp = detection.start(session, story)
            result, stored = store_article(session, data, actor=actor, story=story, name=target)
            if stored is not None and stored.story_id is not None:
                result.links = detection.run(session, stored, stamp)
        detection.committed()
        result.warnings = list(data.get("warnings", []))
    except UserError as exc:
        result = ImportResult(target, "failed", str(exc).removeprefix(f"{target}: "))
    return result


def import_sample(engine: Engine, *, actor: str) -> ImportResult:
    """The bundled sample article, into the story 'sample' (what `make run` shows a new user)."""
    return import_paths(engine, [str(SAMPLE)], actor=actor, story="sample")[0]
