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

from sqlalchemy import Boolean, Date, DateTime, Float, Integer, func, select, text
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
        for row in session.execute(select(table).order_by(*order)).mappings():
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


def _parse(path: str) -> tuple[dict, dict[str, list[dict]]]:
    tables = {t.name: t for t in _tables()}
    converters = {name: {c.name: (_converter(c), c.nullable) for c in t.columns} for name, t in tables.items()}
    rows: dict[str, list[dict]] = defaultdict(list)
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
                rows[table].append(clean)
                n += 1
        except UnicodeDecodeError:
            raise UserError(f"line {number}: not UTF-8 text; the database was not changed") from None
    if header is None:
        raise UserError(f"line 1: the file is empty, not a claimtrack export; the database was not changed")
    if end is None:
        raise UserError(f"line {number + 1}: the export ends without its closing line (the file is truncated); "
                        "the database was not changed")
    return header, rows


def restore(*, engine: Engine, path: str) -> dict[str, int]:
    """Load a backup into an empty database in one transaction: all of it, or nothing."""
    header, rows = _parse(path)
    from db.engine import write_session

    with write_session(engine) as session:
        for table in _tables():
            if session.execute(select(func.count()).select_from(table)).scalar():
                raise UserError(f"the database is not empty (table {table.name!r} has rows): restore only "
                                "into a new database, e.g. `claims --db new.db restore FILE`")
        conn = session.connection()
        for table in _tables():
            batch = rows.get(table.name, [])
            for start in range(0, len(batch), 5000):
                try:
                    conn.execute(table.insert(), batch[start:start + 5000])
                except IntegrityError as exc:
                    detail = str(exc.orig).splitlines()[0]
                    raise UserError(f"the export does not hold together (table {table.name!r}: {detail}); "
                                    "the database was not changed") from None
        if conn.dialect.name == "postgresql":
            for table in _tables():
                if "id" in table.columns and rows.get(table.name):
                    conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                                      f"(SELECT max(id) FROM {table.name}))"))
    return {name: len(rows.get(name, [])) for name in TABLES if rows.get(name)}


# --- CSV ------------------------------------------------------------------------------------

CSV_FIELDS = ("id", "story", "status", "kind", "speaker", "speaker_role", "text", "quote", "said_on",
              "source_url", "source_title", "outlet", "published_on", "deadline_state", "quantities",
              "measures", "low", "high", "as_of", "dates", "tags", "evidence", "links")


def _num(v) -> str:
    return "" if v is None else (f"{v:g}" if isinstance(v, float) else str(v))


def claim_records(session: Session, story: str | None = None) -> list[dict]:
    """One flat record per claim with its values, dates, tags, evidence and links (CSV)."""
    data: dict[str, dict[int, dict]] = defaultdict(dict)
    children: dict[str, dict[int, list[dict]]] = defaultdict(lambda: defaultdict(list))
    for table, row in iter_rows(session, story):
        if table in ("story", "source", "speaker", "claim", "tag"):
            data[table][row["id"]] = row
        elif table in ("quantity", "time_ref", "evidence", "claim_tag"):
            children[table][row["claim_id"]].append(row)
        elif table == "claim_link" and row["state"] != "dismissed":
            children["link"][row["a_id"]].append(row)
            children["link"][row["b_id"]].append(row)
    out = []
    for cid, c in data["claim"].items():
        src = data["source"].get(c["source_id"], {})
        sp = data["speaker"].get(c["speaker_id"], {}) if c["speaker_id"] else {}
        qs = children["quantity"][cid]
        out.append({
            "id": cid, "story": data["story"].get(c["story_id"], {}).get("name"), "status": c["status"],
            "kind": c["kind"], "speaker": sp.get("name"), "speaker_role": sp.get("role"), "text": c["text"],
            "quote": c["quote"], "said_on": c["said_on"], "source_url": src.get("url"),
            "source_title": src.get("title"), "outlet": src.get("outlet"), "published_on": src.get("published_on"),
            "deadline_state": c["deadline_state"],
            "quantities": "; ".join(
                " ".join(x for x in (q["bound"] or ("~" if q["approximate"] else ""),
                                     _num(q["low"]) + (f"-{_num(q['high'])}" if q["high"] not in (None, q["low"]) else ""),
                                     q["unit"] or "", f"({q['as_of']})" if q["as_of"] else "") if x) for q in qs),
            "measures": "; ".join(q["measure"] or "" for q in qs),
            "low": "; ".join(_num(q["low"]) for q in qs), "high": "; ".join(_num(q["high"]) for q in qs),
            "as_of": "; ".join(q["as_of"] or "" for q in qs),
            "dates": "; ".join(f"{t['phrase']} [{t['role']}] {t['earliest'] or ''}..{t['latest'] or ''}"
                               for t in children["time_ref"][cid]),
            "tags": "; ".join(sorted(data["tag"][t["tag_id"]]["name"] for t in children["claim_tag"][cid]
                                     if t["tag_id"] in data["tag"])),
            "evidence": "; ".join(f"{e['stance']} {data['source'].get(e['source_id'], {}).get('url', '')}"
                                  for e in children["evidence"][cid]),
            "links": "; ".join(f"{lk['relation']} {lk['b_id'] if lk['a_id'] == cid else lk['a_id']} ({lk['state']})"
                               for lk in children["link"][cid]),
        })
    return out


def export_csv(session: Session, out: IO[str], story: str | None = None) -> int:
    writer = csv.DictWriter(out, fieldnames=list(CSV_FIELDS), lineterminator="\n")
    writer.writeheader()
    records = claim_records(session, story)
    for r in records:
        writer.writerow({k: "" if v is None else v for k, v in r.items()})
    return len(records)


# --- ClaimReview ----------------------------------------------------------------------------

RATINGS = {"corroborated": (5, "Corroborated"), "disputed": (3, "Disputed"), "refuted": (1, "Refuted"),
           "retracted": (1, "Retracted")}


def claim_reviews(session: Session, story: str | None = None) -> list[dict]:
    """schema.org ClaimReview objects for every claim with a verdict (status other than unverified),
    with the fields of Google's fact-check markup."""
    data: dict[str, dict[int, dict]] = defaultdict(dict)
    marks: dict[int, dict] = {}
    for table, row in iter_rows(session, story):
        if table in ("source", "speaker", "claim"):
            data[table][row["id"]] = row
        elif table == "audit_event" and row["action"] == "claim.mark":
            marks[row["claim_id"]] = row  # the latest verdict wins
    reviews = []
    for cid, c in data["claim"].items():
        if c["status"] not in RATINGS:
            continue
        value, name = RATINGS[c["status"]]
        src = data["source"][c["source_id"]]
        sp = data["speaker"].get(c["speaker_id"]) if c["speaker_id"] else None
        mark = marks.get(cid)
        author = ({"@type": "Person" if sp["kind"] == "person" else "Organization", "name": sp["name"]}
                  | ({"jobTitle": sp["role"]} if sp.get("role") and sp["kind"] == "person" else {})) if sp else \
            {"@type": "Organization", "name": src["outlet"] or src["url"]}
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
            "identifier": f"claim-{cid}",
        }
        if mark and mark.get("reason"):
            review["reviewBody"] = mark["reason"]
        reviews.append(review)
    return reviews


# --- PROV -----------------------------------------------------------------------------------

PROV_PREFIX = {"claimtrack": "https://claimtrack.example/id/", "schema": "https://schema.org/"}


def _qn(kind: str, key: Any) -> str:
    return f"claimtrack:{kind}-{quote(str(key), safe='')}"


def provenance(session: Session, story: str | None = None) -> dict:
    """W3C PROV-JSON: sources as entities, claims derived from them, speakers and users as agents,
    status changes (and other audited changes of a claim) as activities."""
    doc: dict[str, dict] = {k: {} for k in ("entity", "agent", "activity", "wasDerivedFrom", "wasAttributedTo",
                                             "wasAssociatedWith", "used", "wasGeneratedBy")}
    data: dict[str, dict[int, dict]] = defaultdict(dict)
    rel = iter(range(1, 10**9))

    def relation(kind: str, **attrs) -> None:
        doc[kind][f"_:{kind}{next(rel)}"] = {f"prov:{k}": v for k, v in attrs.items()}

    for table, row in iter_rows(session, story):
        data[table][row["id"] if "id" in row else len(data[table])] = row
    for sid, s in data["source"].items():
        doc["entity"][_qn("source", sid)] = {
            "prov:type": "schema:CreativeWork", "prov:label": s["title"] or s["url"], "schema:url": s["url"],
            **({"schema:publisher": s["outlet"]} if s["outlet"] else {}),
            **({"schema:datePublished": s["published_on"]} if s["published_on"] else {})}
    for sid, sp in data["speaker"].items():
        doc["agent"][_qn("speaker", sid)] = {
            "prov:type": "prov:Person" if sp["kind"] == "person" else "prov:Organization", "prov:label": sp["name"]}
    users = set()
    for cid, c in data["claim"].items():
        ent = _qn("claim", cid)
        doc["entity"][ent] = {"prov:type": "schema:Claim", "prov:label": c["text"], "claimtrack:status": c["status"]}
        relation("wasDerivedFrom", generatedEntity=ent, usedEntity=_qn("source", c["source_id"]))
        if c["speaker_id"]:
            relation("wasAttributedTo", entity=ent, agent=_qn("speaker", c["speaker_id"]))
    for eid, ev in data["evidence"].items():
        if ev["claim_id"] in data["claim"]:
            relation("wasDerivedFrom", generatedEntity=_qn("claim", ev["claim_id"]),
                     usedEntity=_qn("source", ev["source_id"]), **{"label": f"evidence: {ev['stance']}"})
    for aid, e in data["audit_event"].items():
        if e["claim_id"] is None or e["claim_id"] not in data["claim"]:
            continue
        act = _qn("audit", aid)
        attrs = {"prov:label": e["action"], "prov:startTime": e["at"], "prov:endTime": e["at"]}
        if e["reason"]:
            attrs["claimtrack:reason"] = e["reason"]
        if e["after"]:
            attrs["claimtrack:after"] = e["after"]
        doc["activity"][act] = attrs
        user = _qn("user", e["actor"])
        if user not in users:
            users.add(user)
            doc["agent"][user] = {"prov:type": "prov:Person", "prov:label": e["actor"]}
        relation("wasAssociatedWith", activity=act, agent=user)
        relation("used", activity=act, entity=_qn("claim", e["claim_id"]), time=e["at"])
    return {"prefix": PROV_PREFIX, **{k: v for k, v in doc.items() if v}}


# --- entry point ----------------------------------------------------------------------------

def export(*, session: Session, fmt: str, out: IO[str], story: str | None = None) -> None:
    """Write one export format to `out`."""
    if fmt == "jsonl":
        export_jsonl(session, out, story)
    elif fmt == "csv":
        export_csv(session, out, story)
    elif fmt == "claimreview":
        out.write(json.dumps(claim_reviews(session, story), ensure_ascii=False, indent=2) + "\n")
    elif fmt == "prov":
        out.write(json.dumps(provenance(session, story), ensure_ascii=False, indent=2) + "\n")
    else:
        raise UserError(f"unknown export format {fmt!r}: use jsonl, csv, claimreview or prov")
