"""Exports: the full backup (JSON lines, which `restore` loads back), CSV for spreadsheets,
schema.org ClaimReview JSON-LD and W3C PROV-JSON.

Backup format: a header line, then one line per row `{"table": name, "row": {column: value}}` in
dependency order and primary-key order, then a trailer with the row count, so a truncated file is
detected. Dates and times are ISO strings. Export, restore, export gives the same bytes.
"""
from __future__ import annotations

import csv
import datetime as dt
import json
from collections import defaultdict
from typing import IO, Any, Iterator
from urllib.parse import quote

from sqlalchemy import Boolean, Date, DateTime, Float, Integer, bindparam, func, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.engine import Engine
from sqlmodel import Session

from claims.errors import UserError
import db.models as models

FORMAT = "claimtrack-export"
FORMAT_VERSION = 1
# Dependency order: a row only refers to rows of tables listed before it.
TABLES = ("story", "source", "speaker", "speaker_alias", "claim", "quantity", "time_ref", "evidence",
          "claim_link", "tag", "claim_tag", "audit_event")


def _tables():
    meta = models.metadata.tables
    return [meta[name] for name in TABLES]


def _plain(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def _line(obj: dict) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n"


def _story_filter(session: Session, story: str | None) -> dict[str, set[int]] | None:
    """The ids of each table that belong to one story (None: everything)."""
    if story is None:
        return None
    from claims.check import _story_id

    sid = _story_id(session, story)
    claims = set(session.execute(select(models.Claim.id).where(models.Claim.story_id == sid)).scalars())
    sources = set(session.execute(select(models.Source.id).where(models.Source.story_id == sid)).scalars())
    sources |= set(session.execute(select(models.Claim.source_id).where(models.Claim.story_id == sid)).scalars())
    sources |= set(session.execute(select(models.Evidence.source_id)
                                   .where(models.Evidence.claim_id.in_(claims))).scalars())
    speakers = set(session.execute(select(models.Claim.speaker_id).where(models.Claim.story_id == sid)).scalars())
    return {"story": {sid}, "claim": claims, "source": sources, "speaker": speakers - {None}}


def _keep(table: str, row: dict, ids: dict[str, set[int]] | None) -> bool:
    if ids is None:
        return True
    if table in ids:
        return row["id"] in ids[table]
    if table == "speaker_alias":
        return row["speaker_id"] in ids["speaker"]
    if table in ("quantity", "time_ref", "evidence", "claim_tag"):
        return row["claim_id"] in ids["claim"]
    if table == "claim_link":
        return row["a_id"] in ids["claim"] and row["b_id"] in ids["claim"]
    if table == "audit_event":
        return row["claim_id"] in ids["claim"] or (row["target_type"] == "story" and row["target_id"] in ids["story"])
    return True  # tags: the vocabulary is small and shared


def iter_rows(session: Session, story: str | None = None) -> Iterator[tuple[str, dict]]:
    ids = _story_filter(session, story)
    for table in _tables():
        order = list(table.primary_key.columns)
        for row in session.execute(select(table).order_by(*order).execution_options(yield_per=CHUNK)).mappings():
            row = {c.name: _plain(row[c.name]) for c in table.columns}
            if _keep(table.name, row, ids):
                yield table.name, row


def export_jsonl(session: Session, out: IO[str], story: str | None = None) -> int:
    from db.migrate import current_revision

    out.write(_line({"format": FORMAT, "version": FORMAT_VERSION,
                     "schema": current_revision(session.get_bind()), "story": story}))
    n = 0
    for table, row in iter_rows(session, story):
        out.write(_line({"table": table, "row": row}))
        n += 1
    out.write(_line({"end": True, "rows": n}))
    return n


# --- restore --------------------------------------------------------------------------------

def _aware(v: str) -> dt.datetime:
    value = dt.datetime.fromisoformat(v)
    if value.utcoffset() is None:
        raise ValueError(f"{v!r} has no time zone")
    return value


def _converter(column):
    t = getattr(column.type, "impl", column.type)
    if isinstance(t, DateTime):
        return lambda v: _aware(v) if isinstance(v, str) else _bad(v, "a date-time")
    if isinstance(t, Date):
        return lambda v: dt.date.fromisoformat(v) if isinstance(v, str) else _bad(v, "a date")
    if isinstance(t, Boolean):
        return lambda v: v if isinstance(v, bool) else _bad(v, "true or false")
    if isinstance(t, Integer):
        return lambda v: v if isinstance(v, int) and not isinstance(v, bool) else _bad(v, "an integer")
    if isinstance(t, Float):
        return lambda v: float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else _bad(v, "a number")
    return lambda v: v if isinstance(v, str) else _bad(v, "text")


def _bad(value, what: str):
    raise ValueError(f"{value!r} is not {what}")


def _read_rows(path: str) -> Iterator[tuple[int, str, dict]]:
    """(line number, table, row with Python values) for each row of a backup, checked as it is
    read; a problem raises UserError naming its line. The closing line is checked last."""
    tables = {t.name: t for t in _tables()}
    converters = {name: {c.name: (_converter(c), c.nullable) for c in t.columns} for name, t in tables.items()}
    header, end, n, order = None, None, 0, 0
    try:
        handle = open(path, "rb")  # decoded line by line, so a bad byte is reported on its own line
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror}") from None
    with handle:
        number = 0
        try:
            for number, line in enumerate(handle, start=1):
                raw = line.decode("utf-8")
                fail = lambda msg: UserError(f"line {number}: {msg}; the database was not changed")
                if end is not None:
                    raise fail("text after the end of the export")
                if not raw.endswith("\n"):
                    raise fail("the line is cut off (the file is truncated)")
                try:
                    obj = json.loads(raw)
                except json.JSONDecodeError as exc:
                    raise fail(f"not valid JSON ({exc.msg})") from None
                if not isinstance(obj, dict):
                    raise fail("expected a JSON object")
                if header is None:
                    if obj.get("format") != FORMAT:
                        raise fail(f"not a claimtrack export (the first line must name format {FORMAT!r})")
                    if obj.get("version") != FORMAT_VERSION:
                        raise fail(f"export format version {obj.get('version')!r} is not supported")
                    header = obj
                    continue
                if obj.get("end") is True:
                    if obj.get("rows") != n:
                        raise fail(f"the export announces {obj.get('rows')!r} rows but holds {n}")
                    end = obj
                    continue
                table, row = obj.get("table"), obj.get("row")
                if table not in tables or not isinstance(row, dict):
                    raise fail(f"expected {{\"table\": one of {', '.join(TABLES)}, \"row\": {{...}}}}")
                if TABLES.index(table) < order:
                    raise fail(f"table {table!r} comes after the tables that refer to it")
                order = TABLES.index(table)
                unknown = set(row) - set(converters[table])
                if unknown:
                    raise fail(f"unknown column(s) {', '.join(sorted(unknown))} in table {table!r}")
                clean = {}
                for col, (convert, nullable) in converters[table].items():
                    value = row.get(col)
                    if value is None:
                        if not nullable:
                            raise fail(f"column {col!r} of table {table!r} cannot be empty")
                        clean[col] = None
                        continue
                    try:
                        clean[col] = convert(value)
                    except ValueError as exc:
                        raise fail(f"column {col!r} of table {table!r}: {exc}") from None
                n += 1
                yield number, table, clean
        except UnicodeDecodeError:
            raise UserError(f"line {number}: not UTF-8 text; the database was not changed") from None
    if header is None:
        raise UserError("line 1: the file is empty, not a claimtrack export; the database was not changed")
    if end is None:
        raise UserError(f"line {number + 1}: the export ends without its closing line (the file is truncated); "
                        "the database was not changed")


BATCH = 5000


def restore(*, engine: Engine, path: str) -> dict[str, int]:
    """Load a backup into an empty database in one transaction: all of it, or nothing. Rows are
    inserted as they are read (memory stays flat); any problem rolls the whole load back."""
    from db.engine import write_session

    tables = {t.name: t for t in _tables()}
    # Columns that point into their own table (speaker.merged_into_id) are set after the table.
    self_refs = {t.name: [fk.parent.name for fk in t.foreign_keys if fk.column.table is t] for t in _tables()}
    counts: dict[str, int] = defaultdict(int)
    with write_session(engine) as session:
        for table in _tables():
            if session.execute(select(func.count()).select_from(table)).scalar():
                raise UserError(f"the database is not empty (table {table.name!r} has rows): restore only "
                                "into a new database, e.g. `claims --db new.db restore FILE`")
        conn = session.connection()
        batch: list[dict] = []
        patches: list[dict] = []
        current: str | None = None

        def flush() -> None:
            if not batch:
                return
            table = tables[current]
            try:
                conn.execute(table.insert(), batch)
            except IntegrityError as exc:
                detail = str(exc.orig).splitlines()[0]
                raise UserError(f"the export does not hold together (table {table.name!r}: {detail}); "
                                "the database was not changed") from None
            batch.clear()

        def finish_table() -> None:
            flush()
            if patches:
                table = tables[current]
                cols = self_refs[current]
                conn.execute(table.update().where(table.c.id == bindparam("_id"))
                             .values({c: bindparam(c) for c in cols}), patches)
                patches.clear()

        for _number, name, row in _read_rows(path):
            if name != current:
                if current is not None:
                    finish_table()
                current = name
            refs = {c: row[c] for c in self_refs[name] if row.get(c) is not None}
            if refs:
                patches.append({"_id": row["id"], **{c: row[c] for c in self_refs[name]}})
                row = {**row, **{c: None for c in refs}}
            batch.append(row)
            counts[name] += 1
            if len(batch) >= BATCH:
                flush()
        if current is not None:
            finish_table()
        if conn.dialect.name == "postgresql":
            for table in _tables():
                if "id" in table.columns and counts.get(table.name):
                    conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                                      f"(SELECT max(id) FROM {table.name}))"))
    return {name: counts[name] for name in TABLES if counts.get(name)}


# --- claims in chunks (CSV, ClaimReview, PROV) ------------------------------------------------

CHUNK = 5000


def _story_cond(session: Session, story: str | None):
    if story is None:
        return True
    from claims.check import _story_id

    return models.Claim.story_id == _story_id(session, story)


def _rows(session: Session, stmt) -> list[dict]:
    return [{k: _plain(v) for k, v in r.items()} for r in session.execute(stmt).mappings()]


def _claim_chunks(session: Session, story: str | None, *extra) -> Iterator[list[dict]]:
    """The claims (of one story), a chunk at a time in id order (keyset: constant memory)."""
    C = models.Claim
    cond, after = _story_cond(session, story), 0
    while True:
        chunk = _rows(session, select(C.__table__).where(cond, C.id > after, *extra).order_by(C.id).limit(CHUNK))
        if not chunk:
            return
        yield chunk
        after = chunk[-1]["id"]


def _by_id(session: Session, model, ids: set) -> dict[int, dict]:
    ids = [i for i in ids if i is not None]
    return {r["id"]: r for r in _rows(session, select(model.__table__).where(model.id.in_(ids)))} if ids else {}


def _children(session: Session, model, claim_ids: list[int]) -> dict[int, list[dict]]:
    out: dict[int, list[dict]] = defaultdict(list)
    table = model.__table__
    for r in _rows(session, select(table).where(table.c.claim_id.in_(claim_ids)).order_by(*table.primary_key)):
        out[r["claim_id"]].append(r)
    return out


CSV_FIELDS = ("id", "story", "status", "kind", "speaker", "speaker_role", "text", "quote", "said_on",
              "source_url", "source_title", "outlet", "published_on", "deadline_state", "quantities",
              "measures", "low", "high", "as_of", "dates", "tags", "evidence", "links")


def _num(v) -> str:
    return "" if v is None else (f"{v:g}" if isinstance(v, float) else str(v))


def _quantity_text(q: dict) -> str:
    value = _num(q["low"]) + (f"-{_num(q['high'])}" if q["high"] not in (None, q["low"]) else "")
    parts = (q["bound"] or ("~" if q["approximate"] else ""), value, q["unit"] or "",
             f"({q['as_of']})" if q["as_of"] else "")
    return " ".join(x for x in parts if x)


def claim_records(session: Session, story: str | None = None) -> Iterator[dict]:
    """One flat record per claim with its values, dates, tags, evidence and links (CSV)."""
    M = models
    stories = {r["id"]: r["name"] for r in _rows(session, select(M.Story.id, M.Story.name))}
    tags = {r["id"]: r["name"] for r in _rows(session, select(M.Tag.id, M.Tag.name))}
    for chunk in _claim_chunks(session, story):
        ids = [c["id"] for c in chunk]
        quantities = _children(session, M.Quantity, ids)
        times = _children(session, M.TimeRef, ids)
        evidence = _children(session, M.Evidence, ids)
        claim_tags = _children(session, M.ClaimTag, ids)
        links: dict[int, list[dict]] = defaultdict(list)
        for lk in _rows(session, select(M.ClaimLink.__table__).where(
                M.ClaimLink.state != "dismissed",
                (M.ClaimLink.a_id.in_(ids)) | (M.ClaimLink.b_id.in_(ids))).order_by(M.ClaimLink.id)):
            links[lk["a_id"]].append(lk)
            links[lk["b_id"]].append(lk)
        sources = _by_id(session, M.Source, {c["source_id"] for c in chunk}
                         | {e["source_id"] for es in evidence.values() for e in es})
        speakers = _by_id(session, M.Speaker, {c["speaker_id"] for c in chunk})
        for c in chunk:
            cid, src, sp, qs = c["id"], sources.get(c["source_id"], {}), speakers.get(c["speaker_id"], {}), quantities[c["id"]]
            yield {
                "id": cid, "story": stories.get(c["story_id"]), "status": c["status"], "kind": c["kind"],
                "speaker": sp.get("name"), "speaker_role": sp.get("role"), "text": c["text"], "quote": c["quote"],
                "said_on": c["said_on"], "source_url": src.get("url"), "source_title": src.get("title"),
                "outlet": src.get("outlet"), "published_on": src.get("published_on"),
                "deadline_state": c["deadline_state"],
                "quantities": "; ".join(_quantity_text(q) for q in qs),
                "measures": "; ".join(q["measure"] or "" for q in qs),
                "low": "; ".join(_num(q["low"]) for q in qs), "high": "; ".join(_num(q["high"]) for q in qs),
                "as_of": "; ".join(q["as_of"] or "" for q in qs),
                "dates": "; ".join(f"{t['phrase']} [{t['role']}] {t['earliest'] or ''}..{t['latest'] or ''}"
                                   for t in times[cid]),
                "tags": "; ".join(sorted(tags[t["tag_id"]] for t in claim_tags[cid] if t["tag_id"] in tags)),
                "evidence": "; ".join(f"{e['stance']} {sources.get(e['source_id'], {}).get('url', '')}"
                                      for e in evidence[cid]),
                "links": "; ".join(f"{lk['relation']} {lk['b_id'] if lk['a_id'] == cid else lk['a_id']} ({lk['state']})"
                                   for lk in links[cid]),
            }


def export_csv(session: Session, out: IO[str], story: str | None = None) -> int:
    writer = csv.DictWriter(out, fieldnames=list(CSV_FIELDS), lineterminator="\n")
    writer.writeheader()
    n = 0
    for r in claim_records(session, story):
        writer.writerow({k: "" if v is None else v for k, v in r.items()})
        n += 1
    return n


# --- ClaimReview ----------------------------------------------------------------------------

RATINGS = {"corroborated": (5, "Corroborated"), "disputed": (3, "Disputed"), "refuted": (1, "Refuted"),
           "retracted": (1, "Retracted")}


def claim_reviews(session: Session, story: str | None = None) -> Iterator[dict]:
    """schema.org ClaimReview objects for every claim with a verdict (status other than unverified),
    with the fields of Google's fact-check markup."""
    M = models
    for chunk in _claim_chunks(session, story, M.Claim.status.in_(list(RATINGS))):
        ids = [c["id"] for c in chunk]
        marks = {e["claim_id"]: e for e in _rows(session, select(M.AuditEvent.__table__).where(
            M.AuditEvent.claim_id.in_(ids), M.AuditEvent.action == "claim.mark").order_by(M.AuditEvent.id))}
        sources = _by_id(session, M.Source, {c["source_id"] for c in chunk})
        speakers = _by_id(session, M.Speaker, {c["speaker_id"] for c in chunk})
        for c in chunk:
            yield _review(c, sources[c["source_id"]], speakers.get(c["speaker_id"]), marks.get(c["id"]))


def _review(c: dict, src: dict, sp: dict | None, mark: dict | None) -> dict:
    value, name = RATINGS[c["status"]]
    if sp:
        author = {"@type": "Person" if sp["kind"] == "person" else "Organization", "name": sp["name"]}
        if sp.get("role") and sp["kind"] == "person":
            author["jobTitle"] = sp["role"]
    else:
        author = {"@type": "Organization", "name": src["outlet"] or src["url"]}
    appearance = {"@type": "CreativeWork", "url": src["url"]}
    if src.get("title"):
        appearance["headline"] = src["title"]
    if src.get("published_on"):
        appearance["datePublished"] = src["published_on"]
    if src.get("outlet"):
        appearance["publisher"] = {"@type": "Organization", "name": src["outlet"]}
    item = {"@type": "Claim", "author": author, "appearance": [appearance], "firstAppearance": appearance}
    said = c["said_on"] or src.get("published_on")
    if said:
        item["datePublished"] = said
    review = {
        "@context": "https://schema.org", "@type": "ClaimReview", "claimReviewed": c["text"],
        "datePublished": (mark["at"] if mark else c["updated_at"])[:10],
        "reviewRating": {"@type": "Rating", "ratingValue": value, "bestRating": 5, "worstRating": 1,
                         "alternateName": name},
        "itemReviewed": item,
        "author": {"@type": "Person", "name": mark["actor"]} if mark else {"@type": "Organization",
                                                                           "name": "claimtrack"},
        "identifier": f"claim-{c['id']}",
    }
    if mark and mark.get("reason"):
        review["reviewBody"] = mark["reason"]
    return review


def export_claimreview(session: Session, out: IO[str], story: str | None = None) -> int:
    """A JSON array, written one review at a time."""
    n = 0
    out.write("[")
    for review in claim_reviews(session, story):
        out.write(("," if n else "") + "\n" + json.dumps(review, ensure_ascii=False, indent=2))
        n += 1
    out.write("\n]\n" if n else "]\n")
    return n


# --- PROV -----------------------------------------------------------------------------------

PROV_PREFIX = {"claimtrack": "https://claimtrack.example/id/", "schema": "https://schema.org/"}


def _qn(kind: str, key: Any) -> str:
    return f"claimtrack:{kind}-{quote(str(key), safe='')}"


def export_prov(session: Session, out: IO[str], story: str | None = None) -> None:
    """W3C PROV-JSON, written section by section: sources as entities, claims derived from them
    (and from the sources of their evidence), speakers and users as agents, audited changes of a
    claim (status changes, links, evidence, tags) as activities used by that claim's entity."""
    M = models
    cond = _story_cond(session, story)
    claim_in_scope = select(M.Claim.id).where(cond)
    source_ids = (select(M.Claim.source_id).where(cond)
                  .union(select(M.Evidence.source_id).where(M.Evidence.claim_id.in_(claim_in_scope))))
    counter = iter(range(1, 10**12))

    def section(name: str, items: Iterator[tuple[str, dict]], first: bool = False) -> None:
        out.write(("{" if first else ",") + "\n" + json.dumps(name) + ": {")
        for i, (key, value) in enumerate(items):
            out.write(("," if i else "") + "\n  " + json.dumps(key) + ": " + json.dumps(value, ensure_ascii=False))
        out.write("\n}")

    def stream(stmt) -> Iterator[dict]:
        for r in session.execute(stmt.execution_options(yield_per=CHUNK)).mappings():
            yield {k: _plain(v) for k, v in r.items()}

    def entities():
        for s in stream(select(M.Source.__table__).where(M.Source.id.in_(source_ids)).order_by(M.Source.id)):
            attrs = {"prov:type": "schema:CreativeWork", "prov:label": s["title"] or s["url"], "schema:url": s["url"]}
            if s["outlet"]:
                attrs["schema:publisher"] = s["outlet"]
            if s["published_on"]:
                attrs["schema:datePublished"] = s["published_on"]
            yield _qn("source", s["id"]), attrs
        for c in stream(select(M.Claim.id, M.Claim.text, M.Claim.status).where(cond).order_by(M.Claim.id)):
            yield _qn("claim", c["id"]), {"prov:type": "schema:Claim", "prov:label": c["text"],
                                          "claimtrack:status": c["status"]}

    def agents():
        speakers = select(M.Claim.speaker_id).where(cond)
        for sp in stream(select(M.Speaker.id, M.Speaker.name, M.Speaker.kind).where(M.Speaker.id.in_(speakers))
                         .order_by(M.Speaker.id)):
            yield _qn("speaker", sp["id"]), {"prov:type": "prov:Person" if sp["kind"] == "person"
                                             else "prov:Organization", "prov:label": sp["name"]}
        for u in stream(select(M.AuditEvent.actor).where(M.AuditEvent.claim_id.in_(claim_in_scope))
                        .group_by(M.AuditEvent.actor).order_by(M.AuditEvent.actor)):
            yield _qn("user", u["actor"]), {"prov:type": "prov:Person", "prov:label": u["actor"]}

    def events():
        return stream(select(M.AuditEvent.__table__).where(M.AuditEvent.claim_id.in_(claim_in_scope))
                      .order_by(M.AuditEvent.id))

    def activities():
        for e in events():
            attrs = {"prov:label": e["action"], "prov:startTime": e["at"], "prov:endTime": e["at"]}
            if e["reason"]:
                attrs["claimtrack:reason"] = e["reason"]
            if e["after"]:
                attrs["claimtrack:after"] = e["after"]
            yield _qn("audit", e["id"]), attrs

    def derivations():
        for c in stream(select(M.Claim.id, M.Claim.source_id).where(cond).order_by(M.Claim.id)):
            yield f"_:d{next(counter)}", {"prov:generatedEntity": _qn("claim", c["id"]),
                                         "prov:usedEntity": _qn("source", c["source_id"])}
        for ev in stream(select(M.Evidence.__table__).where(M.Evidence.claim_id.in_(claim_in_scope))
                         .order_by(M.Evidence.id)):
            yield f"_:d{next(counter)}", {"prov:generatedEntity": _qn("claim", ev["claim_id"]),
                                         "prov:usedEntity": _qn("source", ev["source_id"]),
                                         "prov:label": f"evidence: {ev['stance']}"}

    def attributions():
        for c in stream(select(M.Claim.id, M.Claim.speaker_id).where(cond, M.Claim.speaker_id.is_not(None))
                        .order_by(M.Claim.id)):
            yield f"_:a{next(counter)}", {"prov:entity": _qn("claim", c["id"]),
                                         "prov:agent": _qn("speaker", c["speaker_id"])}

    def associations():
        for e in events():
            yield f"_:w{next(counter)}", {"prov:activity": _qn("audit", e["id"]), "prov:agent": _qn("user", e["actor"])}

    def usages():
        for e in events():
            yield f"_:u{next(counter)}", {"prov:activity": _qn("audit", e["id"]),
                                         "prov:entity": _qn("claim", e["claim_id"]), "prov:time": e["at"]}

    out.write("{\n" + json.dumps("prefix") + ": " + json.dumps(PROV_PREFIX))
    for name, items in (("entity", entities()), ("agent", agents()), ("activity", activities()),
                        ("wasDerivedFrom", derivations()), ("wasAttributedTo", attributions()),
                        ("wasAssociatedWith", associations()), ("used", usages())):
        section(name, items)
    out.write("\n}\n")


def provenance(session: Session, story: str | None = None) -> dict:
    """The PROV-JSON document as data (for small exports and tests)."""
    import io

    buf = io.StringIO()
    export_prov(session, buf, story)
    return json.loads(buf.getvalue())


# --- entry point ----------------------------------------------------------------------------

def export(*, session: Session, fmt: str, out: IO[str], story: str | None = None) -> None:
    """Write one export format to `out`."""
    if fmt == "jsonl":
        export_jsonl(session, out, story)
    elif fmt == "csv":
        export_csv(session, out, story)
    elif fmt == "claimreview":
        export_claimreview(session, out, story)
    elif fmt == "prov":
        export_prov(session, out, story)
    else:
        raise UserError(f"unknown export format {fmt!r}: use jsonl, csv, claimreview or prov")
