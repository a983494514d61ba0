"""The bulk path: many claims with their stories, sources, speakers, values and evidence in few
statements, one transaction per batch, audited like `db.writes` (one `claim.create` event per
claim). SQLite: SQLAlchemy Core `insert(table)` with lists of dicts (ORM `add_all` is ~10x
slower). PostgreSQL: `COPY FROM STDIN`, as psycopg's executemany costs a server round per row
(see benchmarks/README.md), then `ANALYZE`.

Rows refer to each other by caller-chosen keys: a source says `"story": "quake-2023"` where a
story in this or an earlier batch of the same load has `"key": "quake-2023"`; an `*_id` field
(`story_id`, `source_id`, `speaker_id`) names a row already in the database instead. Quantities,
dates, evidence and tags are nested in their claim; links name two claims of the same batch.

Full-text search on SQLite: the FTS5 sync triggers fire once per row and make a bulk insert
several times slower, so each batch drops them, inserts, indexes its own claims with one
`INSERT INTO claim_fts ... SELECT`, and recreates them before it commits. Other connections
never see the triggers missing, and a load killed half-way leaves whole batches behind.
`search_index="rebuild"` instead drops them for the whole load and rebuilds the index once at
the end (about 20% less FTS work at 1M claims; a crash mid-load leaves the triggers missing until
`rebuild_search(engine)` runs).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import importlib.util
import json
import json.encoder
import re
from unicodedata import normalize as _nfc
from pathlib import Path
from typing import Any, Iterable, Literal

from sqlalchemy import Connection, column, insert, literal, literal_column, select, table, text
from sqlalchemy.sql.expression import TableClause
from sqlalchemy.engine import Engine

from claims.errors import UserError
from claims.validate import check_url, clean_text as _clean, normalise_url
from db.models import (
    KINDS, LINK_STATES, PRECISIONS, RELATIONS, SPEAKER_KINDS, STANCES, STATUSES, TIME_ROLES,
    AuditEvent, Claim, ClaimLink, ClaimTag, Evidence, Quantity, Source, Speaker, SpeakerAlias, Story,
    Tag, TimeRef, utcnow,
)
from db.queries import alias_key

SearchIndex = Literal["per_batch", "rebuild"]
FTS_TRIGGER_NAMES = ("claim_fts_ai", "claim_fts_ad", "claim_fts_au")


def _migration_triggers() -> tuple[str, ...]:
    """The trigger SQL exactly as the initial migration creates it (one definition, not a copy)."""
    path = Path(__file__).with_name("migrations") / "versions" / "0001_initial_schema.py"
    spec = importlib.util.spec_from_file_location("claimtrack_migration_0001", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return tuple(module.SQLITE_FTS_TRIGGERS)


SQLITE_FTS_TRIGGERS = _migration_triggers()


def allocate_ids(conn: Connection, table: str, n: int) -> list[int]:
    """n new primary keys of `table`, ascending. SQLite: above max(id), safe only inside a write
    transaction (BEGIN IMMEDIATE holds the write lock until commit). PostgreSQL: from the table's
    sequence, safe beside concurrent writers."""
    if n == 0:
        return []
    if conn.dialect.name == "sqlite":
        start = conn.exec_driver_sql(f'SELECT coalesce(max(id), 0) FROM "{table}"').scalar() + 1
        return list(range(start, start + n))
    return sorted(conn.execute(
        text("SELECT nextval(pg_get_serial_sequence(:t, 'id')) FROM generate_series(1, :n)"),
        {"t": table, "n": n}).scalars())


@dataclasses.dataclass
class BulkBatch:
    """One transaction's worth of rows. See the module docstring for how rows refer to each other.

    stories:  {key, name, title?}
    sources:  {key, url, title?, outlet?, published_on?, retrieved_at?, content_sha256?,
               archive_url?, language?, body?, story?}
    speakers: {key, name, role?, kind?, aliases?: [str]}
    claims:   {key?, text, quote?, speaker?, said_on?, said_on_precision?, source, span?: (a, b),
               story?, kind?, status?, quantities?: [{low, high, approximate, bound, unit, measure,
               as_of}], dates?: [{phrase, role, earliest, latest}], evidence?: [{source, stance,
               excerpt?, note?}], tags?: [str]}
    links:    {a, b (claim keys), relation, origin?, state?, reason?}
    """
    stories: list[dict] = dataclasses.field(default_factory=list)
    sources: list[dict] = dataclasses.field(default_factory=list)
    speakers: list[dict] = dataclasses.field(default_factory=list)
    claims: list[dict] = dataclasses.field(default_factory=list)
    links: list[dict] = dataclasses.field(default_factory=list)


@dataclasses.dataclass
class BulkStats:
    batches: int = 0
    rows: dict[str, int] = dataclasses.field(default_factory=dict)
    claim_ids: list[tuple[int, int]] = dataclasses.field(default_factory=list)  # (first, last) per batch

    @property
    def claims(self) -> int:
        return self.rows.get("claim", 0)

    @property
    def total_rows(self) -> int:
        return sum(self.rows.values())


def _dump(d: dict) -> str:
    """Audit JSON in the same form as db.writes.record."""
    return json.dumps({k: v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else v for k, v in d.items()},
                      ensure_ascii=False, sort_keys=True)


def _choice(value: str | None, allowed: tuple[str, ...], default: str | None, what: str) -> str | None:
    if value is None:
        return default
    if value not in allowed:
        raise UserError(f"unknown {what} {value!r}: use one of {', '.join(allowed)}")
    return value


def _text(value: str | None, limit: int, what: str) -> str:
    """Required text, cleaned as db.writes.require_text does and no longer than its column."""
    text_ = _nfc("NFC", _clean(value).strip()) if value else ""
    if not text_:
        raise UserError(f"bulk load: a {what} is empty")
    if len(text_) > limit:
        raise UserError(f"bulk load: {what} {text_[:40]!r}... is {len(text_)} characters long; the limit is {limit}")
    return text_


def _optional(value: str | None, limit: int | None = None, what: str = "") -> str | None:
    if not value:
        return None
    text_ = _clean(value).strip() or None
    if text_ and limit and len(text_) > limit:
        raise UserError(f"bulk load: {what} {text_[:40]!r}... is {len(text_)} characters long; the limit is {limit}")
    return text_


def _date(value) -> dt.date | None:
    if value in (None, ""):
        return None
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


# On SQLite the rows go in as the strings SQLAlchemy's Date/DateTime types would store: running
# the type processors row by row costs more than the inserts they feed.
def _sqlite_day(value) -> str | None:
    if type(value) is dt.date:
        return value.isoformat()
    value = _date(value)
    return None if value is None else value.isoformat()


def _sqlite_stamp(value: dt.datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is not None:
        value = value.astimezone(dt.timezone.utc)
    return f"{value:%Y-%m-%d %H:%M:%S}.{value.microsecond:06d}"


@functools.cache
def _plain_table(model) -> TableClause:
    """The model's table with untyped columns: values go to the driver as given."""
    return table(model.__table__.name, *(column(c.name) for c in model.__table__.columns))


_encode = json.encoder.encode_basestring  # what json.dumps(ensure_ascii=False) uses for strings


_KINDS, _STATUSES, _PRECISIONS = frozenset(KINDS), frozenset(STATUSES), frozenset(PRECISIONS)
_TIME_ROLES, _STANCES = frozenset(TIME_ROLES), frozenset(STANCES)


class BulkLoader:
    """Loads batches into one database; keys of stories, sources, speakers and tags are
    remembered across the batches of one loader."""

    def __init__(self, engine: Engine, *, actor: str, search_index: SearchIndex = "per_batch",
                 keep_rows: bool = False, cache_mb: int = 256, copy: bool = True):
        self.engine = engine.execution_options(claims_write=True)
        self.sqlite = engine.dialect.name == "sqlite"
        self.actor = actor
        self.search_index = search_index
        self.keep_rows = keep_rows
        self.cache_mb = cache_mb
        self.copy = copy and engine.dialect.driver == "psycopg"
        self.last_rows: dict[str, list[dict]] = {}
        self.last_constants: dict[str, dict[str, Any]] = {}
        self.stats = BulkStats()
        self._ids: dict[str, dict[Any, int]] = {"story": {}, "source": {}, "speaker": {}}
        self._tags: dict[str, int] = {}
        self._dropped = False
        self._repeats: list[tuple[str, Any, Any]] = []

    # --- ids -----------------------------------------------------------------------------
    def _allocate(self, conn: Connection, table: str, n: int) -> list[int]:
        return allocate_ids(conn, table, n)

    def _ref(self, table: str, row: dict, field: str, *, required: bool = False) -> int | None:
        direct = row.get(f"{field}_id")
        if direct is not None:
            return direct
        key = row.get(field)
        if key is None:
            if required:
                raise UserError(f"a bulk {table} row needs {field!r} or {field + '_id'!r}")
            return None
        try:
            return self._ids[field][key]
        except KeyError:
            raise UserError(f"bulk load: unknown {field} key {key!r} (declare it in this or an earlier batch)") from None

    # --- search index --------------------------------------------------------------------
    def _drop_triggers(self, conn: Connection) -> None:
        for name in FTS_TRIGGER_NAMES:
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")

    def _create_triggers(self, conn: Connection) -> None:
        for statement in SQLITE_FTS_TRIGGERS:
            conn.exec_driver_sql(statement)

    # --- one batch -----------------------------------------------------------------------
    def load(self, batch: BulkBatch) -> None:
        """Insert one batch in one transaction: all of it or none of it."""
        before = {name: len(ids) for name, ids in self._ids.items()} | {"tag": len(self._tags)}
        try:
            rows = self._load(batch)
        except BaseException:
            self._repeats.clear()
            # The transaction rolled back: forget the keys this batch declared (dicts keep order).
            for name, ids in [*self._ids.items(), ("tag", self._tags)]:
                for key in list(ids)[before[name]:]:
                    del ids[key]
            raise
        self.stats.batches += 1
        for name, model in ROWSETS:
            table = model.__tablename__
            self.stats.rows[table] = self.stats.rows.get(table, 0) + len(rows[name])
        if rows["claim"]:
            self.stats.claim_ids.append((rows["claim"][0]["id"], rows["claim"][-1]["id"]))
        self.last_rows = rows if self.keep_rows else {}

    def _load(self, batch: BulkBatch) -> dict[str, list[dict]]:
        with self.engine.begin() as conn:
            if self.sqlite and self.cache_mb:
                # Index pages of a growing million-row table do not fit SQLite's default 2 MB
                # page cache; a larger cache for the load saves re-reading them on every batch.
                previous = conn.exec_driver_sql("PRAGMA cache_size").scalar()
                conn.exec_driver_sql(f"PRAGMA cache_size = {-1024 * self.cache_mb}")
            if self.sqlite and self.search_index == "per_batch":
                self._drop_triggers(conn)
            elif self.sqlite and not self._dropped:
                self._drop_triggers(conn)
                self._dropped = True
            rows = self._insert_batch(conn, batch)
            if self.sqlite and self.search_index == "per_batch":
                if rows["claim"]:  # this batch's ids are one contiguous range (see _allocate)
                    conn.exec_driver_sql(
                        "INSERT INTO claim_fts(rowid, text, quote) SELECT id, text, quote FROM claim "
                        "WHERE id BETWEEN ? AND ?", (rows["claim"][0]["id"], rows["claim"][-1]["id"]))
                self._create_triggers(conn)
            if self.sqlite and self.cache_mb:
                conn.exec_driver_sql(f"PRAGMA cache_size = {previous}")
        return rows

    def finish(self) -> None:
        """SQLite in rebuild mode: index everything once and put the triggers back. PostgreSQL:
        refresh the planner's statistics, which a bulk load outdates at once (autovacuum comes
        later): with none, a common search word took 207 ms at 100k claims instead of 14 ms."""
        if self.sqlite and self._dropped:
            rebuild_search(self.engine)
            self._dropped = False
        if not self.sqlite and self.stats.batches:
            with self.engine.begin() as conn:
                for table in TABLES:
                    conn.exec_driver_sql(f'ANALYZE "{table}"')

    def _insert_batch(self, conn: Connection, batch: BulkBatch) -> dict[str, list[dict]]:
        now = utcnow()
        stamp = _sqlite_stamp(now) if self.sqlite else now
        day = _sqlite_day if self.sqlite else _date
        actor = self.actor
        out: dict[str, list[dict]] = {name: [] for name, _ in ROWSETS}
        audit = out["audit_event"]
        # Columns with one value for the whole batch go into the statement once, not into every
        # row: half the SQLAlchemy work for the audit rows.
        self.last_constants = {
            "claim": {"version": 1, "created_at": stamp, "updated_at": stamp},
            "claim_audit": {"at": stamp, "actor": actor, "action": "claim.create", "target_type": "claim"},
        }

        def event(action, target_type, target_id, after, claim_id=None):
            audit.append(dict(at=stamp, actor=actor, action=action, target_type=target_type, target_id=target_id,
                              claim_id=claim_id, before=None, after=_dump(after), reason=None))

        # Parents are few: cleaned and checked as db.writes does (text longer than its column is
        # refused: PostgreSQL would reject it, SQLite would keep it).
        stories = self._skip_existing(conn, batch.stories, "story", Story.__table__.c.name,
                                      lambda r: _text(r["name"], 200, "story name"), lambda r: r.get("key", r["name"]))
        sources = self._skip_existing(conn, batch.sources, "source", Source.__table__.c.url_key,
                                      lambda r: r.get("url_key") or normalise_url(r["url"]),
                                      lambda r: r.get("key", r["url"]))
        speakers = self._skip_existing(conn, batch.speakers, "speaker", SpeakerAlias.__table__.c.alias_key,
                                       lambda r: alias_key(_text(r["name"], 300, "speaker name")),
                                       lambda r: r.get("key", r["name"]), id_column=SpeakerAlias.__table__.c.speaker_id)
        for row, new_id in zip(stories, self._allocate(conn, "story", len(stories))):
            name = _text(row["name"], 200, "story name")
            out["story"].append(dict(id=new_id, name=name, title=_optional(row.get("title")), created_at=stamp))
            self._ids["story"][row.get("key", row["name"])] = new_id
            event("story.create", "story", new_id, {"name": name})

        for row, new_id in zip(sources, self._allocate(conn, "source", len(sources))):
            url = check_url(row["url"], what="source URL")
            title, outlet = _optional(row.get("title")), _optional(row.get("outlet"), 300, "outlet")
            published_on = _date(row.get("published_on"))
            out["source"].append(dict(
                id=new_id, url=url, url_key=row.get("url_key") or normalise_url(url), title=title, outlet=outlet,
                published_on=day(published_on),
                retrieved_at=_sqlite_stamp(row.get("retrieved_at")) if self.sqlite else row.get("retrieved_at"),
                content_sha256=row.get("content_sha256"),
                archive_url=check_url(row["archive_url"], what="archive URL") if row.get("archive_url") else None,
                language=_optional(row.get("language"), 20, "language"), body=row.get("body"),
                story_id=self._ref("source", row, "story"), created_at=stamp))
            self._ids["source"][row.get("key", row["url"])] = new_id
            event("source.create", "source", new_id, {"url": url, "title": title, "outlet": outlet,
                                                      "published_on": published_on})

        aliases, seen = [], set()  # an alias names one speaker: the first that claims it
        # In batch order; speakers already known by name learn the batch's new aliases, as
        # get_or_create_speaker does.
        fresh = dict(zip(map(id, speakers), self._allocate(conn, "speaker", len(speakers))))
        for row in speakers:
            self._ids["speaker"][row.get("key", row["name"])] = fresh[id(row)]
        for name, repeat_key, first_key in self._repeats:
            self._ids[name][repeat_key] = self._ids[name][first_key]
        self._repeats.clear()
        for row in batch.speakers:
            speaker_id = fresh.get(id(row)) or self._ids["speaker"][row.get("key", row["name"])]
            name = _text(row["name"], 300, "speaker name")
            if id(row) in fresh:
                role = _optional(row.get("role"), 300, "speaker role")
                kind = _choice(row.get("kind"), SPEAKER_KINDS, "person", "speaker kind")
                out["speaker"].append(dict(id=speaker_id, name=name, role=role, kind=kind, merged_into_id=None))
                event("speaker.create", "speaker", speaker_id, {"name": name, "role": role, "kind": kind})
            for alias in [name, *row.get("aliases", ())]:
                alias = _optional(alias, 300, "speaker alias")
                key = alias_key(alias) if alias else None
                if key and key not in seen:
                    seen.add(key)
                    aliases.append(dict(speaker_id=speaker_id, alias=alias, alias_key=key))
        taken = self._existing(conn, SpeakerAlias.__table__.c.alias_key, [a["alias_key"] for a in aliases])
        aliases = [a for a in aliases if a["alias_key"] not in taken]
        for row, new_id in zip(aliases, self._allocate(conn, "speaker_alias", len(aliases))):
            row["id"] = new_id
            out["speaker_alias"].append(row)

        claim_ids = self._allocate(conn, "claim", len(batch.claims))
        by_key: dict[Any, int] = {}
        quantities, dates, evidence, tags = out["quantity"], out["time_ref"], out["evidence"], out["claim_tag"]
        new_tags: list[str] = []
        # The hot loop (once per claim): plain dict lookups, no helper calls on the common path.
        speaker_ids, source_ids, story_ids = self._ids["speaker"], self._ids["source"], self._ids["story"]
        claim_rows, claim_audit, known_tags = out["claim"], out["claim_audit"], self._tags
        sqlite = self.sqlite
        for row, claim_id in zip(batch.claims, claim_ids):
            body = row["text"]
            if body:  # as db.writes.require_text: no terminal controls, trimmed, NFC
                # Printable ASCII has nothing to clean or normalise: skip the regex and NFC.
                body = body.strip() if body.isascii() and body.isprintable() else _nfc("NFC", _clean(body).strip())
            if not body:
                raise UserError("bulk load: a claim has empty text")
            said_on = row.get("said_on")
            if said_on is not None and type(said_on) is not dt.date:
                said_on = _date(said_on)
            said_on_value = said_on.isoformat() if sqlite and said_on is not None else said_on
            speaker_id = row.get("speaker_id")
            if speaker_id is None and row.get("speaker") is not None:
                speaker_id = self._ref("claim", row, "speaker")
            source_id = row.get("source_id")
            if source_id is None:
                source_id = source_ids.get(row.get("source")) or self._ref("claim", row, "source", required=True)
            story_id = row.get("story_id")
            if story_id is None and row.get("story") is not None:
                story_id = story_ids.get(row["story"]) or self._ref("claim", row, "story")
            kind = row.get("kind") or "statement"
            status = row.get("status") or "unverified"
            precision = row.get("said_on_precision") or ("day" if said_on else None)
            if kind not in _KINDS or status not in _STATUSES or (precision is not None and precision not in _PRECISIONS):
                _choice(kind, KINDS, None, "claim kind"), _choice(status, STATUSES, None, "status")
                _choice(precision, PRECISIONS, None, "date precision")
            row_dates = row.get("dates") or ()
            deadline_state = None
            for d in row_dates:
                if d.get("role") == "deadline":
                    deadline_state = "pending"
            span = row.get("span")
            quote = row.get("quote")
            if quote and not (quote.isascii() and quote.isprintable()):
                quote = _clean(quote)
            claim_rows.append({
                "id": claim_id, "text": body, "quote": quote, "speaker_id": speaker_id, "said_on": said_on_value,
                "said_on_precision": precision, "source_id": source_id,
                "span_start": span[0] if span else None, "span_end": span[1] if span else None,
                "story_id": story_id, "kind": kind, "status": status, "deadline_state": deadline_state})
            if "key" in row:
                by_key[row["key"]] = claim_id
            row_quantities = row.get("quantities") or ()
            for q in row_quantities:
                if len(q.get("unit") or "") > 100 or len(q.get("measure") or "") > 100 or len(q.get("bound") or "") > 30:
                    raise UserError(f"bulk load: a quantity's unit, measure or bound is too long: {q!r:.120}")
                quantities.append({
                    "claim_id": claim_id, "low": q.get("low"), "high": q.get("high"),
                    "approximate": bool(q.get("approximate")), "bound": q.get("bound"), "unit": q.get("unit"),
                    "measure": q.get("measure"), "as_of": day(q.get("as_of") or said_on)})
            for d in row_dates:
                role = d.get("role") or "when"
                if role not in _TIME_ROLES:
                    _choice(role, TIME_ROLES, None, "time role")
                dates.append({"claim_id": claim_id, "phrase": d["phrase"][:500], "role": role,
                              "earliest": day(d.get("earliest")), "latest": day(d.get("latest"))})
            for ev in row.get("evidence") or ():
                stance = ev.get("stance")
                if stance not in _STANCES:
                    _choice(stance or "", STANCES, None, "stance")
                evidence.append({
                    "claim_id": claim_id, "source_id": ev.get("source_id") or source_ids.get(ev.get("source"))
                    or self._ref("evidence", ev, "source", required=True), "stance": stance,
                    "excerpt": ev.get("excerpt"), "note": ev.get("note"), "added_by": actor, "added_at": stamp})
            for name in row.get("tags") or ():
                if len(name) > 100 or not name.strip():
                    raise UserError(f"bulk load: tag {name[:20]!r} is empty or longer than 100 characters")
                if name not in known_tags:
                    known_tags[name] = 0
                    new_tags.append(name)
                tags.append(dict(claim_id=claim_id, tag_id=name))
            # The `claim.create` event, byte for byte what db.writes.record writes (json.dumps with
            # sorted keys), built by hand: the generic encoder was a tenth of the whole load.
            claim_audit.append({
                "target_id": claim_id, "claim_id": claim_id,
                "after": (f'{{"dates": {len(row_dates)}, "deadline_state": '
                          f'{"null" if deadline_state is None else chr(34) + deadline_state + chr(34)}, '
                          f'"kind": {_encode(kind)}, "quantities": {len(row_quantities)}, '
                          f'"said_on": {"null" if said_on is None else chr(34) + said_on.isoformat() + chr(34)}, '
                          f'"source_id": {source_id}, "speaker_id": {"null" if speaker_id is None else int(speaker_id)}, '
                          f'"status": {_encode(status)}, "story_id": {"null" if story_id is None else int(story_id)}, '
                          f'"text": {_encode(body)}}}')})

        if new_tags:
            self._known_tags(conn, new_tags)
            missing = [name for name in new_tags if not self._tags[name]]
            for name, new_id in zip(missing, self._allocate(conn, "tag", len(missing))):
                self._tags[name] = new_id
                out["tag"].append(dict(id=new_id, name=name))
        for t in tags:
            t["tag_id"] = self._tags[t["tag_id"]]

        for link in batch.links:
            a, b = by_key[link["a"]], by_key[link["b"]]
            relation = _choice(link["relation"], RELATIONS, None, "relation")
            origin = link.get("origin", "manual")
            state = _choice(link.get("state"), LINK_STATES, "confirmed" if origin == "manual" else "suggested",
                            "link state")
            out["claim_link"].append(dict(a_id=a, b_id=b, relation=relation, origin=origin, state=state,
                                          reason=link.get("reason"), created_by=actor, created_at=stamp))
        for row, new_id in zip(out["claim_link"], self._allocate(conn, "claim_link", len(out["claim_link"]))):
            row["id"] = new_id
            after = {"a": row["a_id"], "b": row["b_id"], "relation": row["relation"], "origin": row["origin"],
                     "state": row["state"]}
            for claim_id in (row["a_id"], row["b_id"]):
                out["link_audit"].append(dict(at=stamp, actor=actor, action="link.create", target_type="link", target_id=new_id,
                                  claim_id=claim_id, before=None, after=_dump(after), reason=row["reason"]))

        for name, model in ROWSETS:
            rows = out[name]
            if not rows:
                continue
            constants = self.last_constants.get(name, {})
            if self.copy and not self.sqlite:
                _copy_rows(conn, model.__tablename__, rows, constants)
                continue
            stmt = insert(_plain_table(model) if self.sqlite else model.__table__)
            if constants:
                stmt = stmt.values({column_: _sql_constant(value) for column_, value in constants.items()})
            conn.execute(stmt, rows)
        return out

    def _known_tags(self, conn: Connection, names: list[str]) -> None:
        """Tags that already exist in the database keep their ids."""
        self._tags.update(self._existing(conn, Tag.__table__.c.name, names))

    @staticmethod
    def _existing(conn: Connection, column, values: list, id_column=None) -> dict[Any, int]:
        """{value: id} for the rows whose unique `column` already holds one of `values`."""
        found: dict[Any, int] = {}
        id_column = column.table.c.id if id_column is None else id_column
        for start in range(0, len(values), 500):
            chunk = values[start:start + 500]
            found.update((value, row_id) for row_id, value in
                         conn.execute(select(id_column, column).where(column.in_(chunk))))
        return found

    def _skip_existing(self, conn: Connection, rows: list[dict], name: str, column, unique, key,
                       id_column=None) -> list[dict]:
        """Rows whose unique value is already stored (or repeated in the batch) are not inserted
        again; their key points at the stored row, as `db.writes` get-or-create does."""
        if not rows:
            return rows
        found = self._existing(conn, column, list({unique(r) for r in rows}), id_column)
        fresh, first = [], {}
        for row in rows:
            value = unique(row)
            if value in found:
                self._ids[name][key(row)] = found[value]
            elif value not in first:
                first[value] = row
                fresh.append(row)
            elif key(row) != key(first[value]):  # same row twice under two keys: one row, both keys
                self._repeats.append((name, key(row), key(first[value])))
        return fresh


# The row sets of a batch, in insert order: parents before children, so foreign keys hold at
# every statement, and audit events in the order they happened (claim.create before link.create).
ROWSETS = (
    ("story", Story), ("source", Source), ("speaker", Speaker), ("speaker_alias", SpeakerAlias),
    ("tag", Tag), ("claim", Claim), ("quantity", Quantity), ("time_ref", TimeRef), ("evidence", Evidence),
    ("claim_tag", ClaimTag), ("claim_link", ClaimLink), ("audit_event", AuditEvent),
    ("claim_audit", AuditEvent), ("link_audit", AuditEvent),
)
TABLES = tuple(dict.fromkeys(model.__tablename__ for _, model in ROWSETS))


def _copy_rows(conn: Connection, table: str, rows: list[dict], constants: dict) -> None:
    """PostgreSQL: COPY FROM STDIN on the transaction's own connection. psycopg's executemany runs
    one INSERT per row on the server; COPY streams the rows."""
    columns, extra = list(rows[0]), list(constants.values())
    cursor = conn.connection.dbapi_connection.cursor()
    try:
        with cursor.copy(f'COPY "{table}" ({", ".join([*columns, *constants])}) FROM STDIN') as copy:
            for row in rows:
                copy.write_row([*(row[c] for c in columns), *extra])
    finally:
        cursor.close()


_SAFE_TEXT = re.compile(r"[\w .:+-]*")


def _sql_constant(value):
    """A batch-wide value for `insert().values()`: inline SQL when it is a number or plain text
    (no per-row work at all), else a bound parameter (the actor's name comes from the user)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return literal_column(str(value))
    if isinstance(value, str) and _SAFE_TEXT.fullmatch(value) and value.isascii():
        return literal_column(f"'{value}'")
    return literal(value)


def rebuild_search(engine: Engine) -> None:
    """SQLite: rebuild the FTS index from the claim table and (re)create its sync triggers, in one
    transaction. Also the repair for a database whose triggers went missing."""
    if engine.dialect.name != "sqlite":
        return
    with engine.execution_options(claims_write=True).begin() as conn:
        for name in FTS_TRIGGER_NAMES:
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
        conn.exec_driver_sql("INSERT INTO claim_fts(claim_fts) VALUES('rebuild')")
        for statement in SQLITE_FTS_TRIGGERS:
            conn.exec_driver_sql(statement)


def bulk_load(engine: Engine, batches: Iterable[BulkBatch], *, actor: str = "bulk-load",
              search_index: SearchIndex = "per_batch") -> BulkStats:
    """Load every batch (one transaction each) and leave the search index complete."""
    loader = BulkLoader(engine, actor=actor, search_index=search_index)
    try:
        for batch in batches:
            loader.load(batch)
    finally:
        loader.finish()
    return loader.stats
