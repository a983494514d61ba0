"""The importer's bulk storage (claims.importer.store_extraction: Core multi-row inserts, ids
allocated up front) stores exactly what the ORM path stored before it: db.writes.add_claim claim
by claim, get_or_create_speaker per speaker. `store_orm` below is that earlier path, kept as the
reference; both import the same extractions (real corpus articles, synthetic benchmark articles
and hand-made edge cases) into fresh databases, and every table must come out the same, ids
included, apart from the clock (created_at, at, ...). Runs on SQLite and, with
CLAIMS_TEST_POSTGRES_URL, on PostgreSQL."""
from __future__ import annotations

import copy
import datetime as dt
import hashlib
import random
from pathlib import Path

from sqlalchemy import create_engine, inspect, text

from claims.errors import UserError
from claims.importer import ImportResult, store_article
from claims.validate import check_url, normalise_url
from tests.conftest import is_postgres, reset_postgres

ROOT = Path(__file__).resolve().parents[1]
CLOCK = {"created_at", "updated_at", "at", "added_at"}


def store_orm(session, data: dict, *, actor: str, story: str | None, name: str) -> ImportResult:
    """The importer's storage as it was before the bulk path (commit 1f59bf0), detection left out."""
    from db.queries import find_source
    from db.writes import (NewClaim, NewSource, add_claim, get_or_create_source, get_or_create_speaker,
                           get_or_create_story, lock_names, record)

    src = data["source"]
    if not src.get("url"):
        raise UserError(f"{name}: no source URL found in the article; pass --url URL")
    check_url(src["url"], what=f"{name}: source URL")
    if not src.get("published"):
        raise UserError(f"{name}: no publication date found in the article; pass --published DATE")
    sha = src.get("sha256") or hashlib.sha256((src.get("body") or "").encode()).hexdigest()
    lock_names(session, "source", [normalise_url(src["url"])])
    lock_names(session, "sha256", [sha])
    existing = find_source(session=session, url_key=normalise_url(src["url"]), sha256=sha)
    if existing is not None and existing.body is not None:
        return ImportResult(name, "duplicate", f"already imported as source {existing.id} ({existing.url})",
                            source_id=existing.id)
    story_row = get_or_create_story(session, story, actor=actor)
    retrieved = src.get("retrieved_at")
    new_source = NewSource(url=src["url"], title=src.get("title"), outlet=src.get("outlet"),
                           published_on=dt.date.fromisoformat(src["published"]), language=src.get("language"),
                           retrieved_at=dt.datetime.fromisoformat(retrieved) if retrieved else
                           dt.datetime.now(dt.timezone.utc).replace(microsecond=0),
                           content_sha256=sha, body=src.get("body"))
    source = get_or_create_source(session, new_source, actor=actor, story=story_row)
    if source.body is None:
        source.body, source.content_sha256 = new_source.body, sha
        source.retrieved_at = new_source.retrieved_at
    speakers = {sp["name"]: sp for sp in data.get("speakers", [])}
    resolved: dict[str, object] = {}
    for c in data["claims"]:
        said_by = (c.get("speaker") or "").strip()
        if said_by and said_by not in resolved:
            sp = speakers.get(c.get("speaker"), {})
            role = next((x.get("speaker_role") for x in data["claims"]
                         if x.get("speaker") == c.get("speaker") and x.get("speaker_role")), None)
            resolved[said_by] = get_or_create_speaker(session, c["speaker"], actor=actor, role=role or sp.get("role"),
                                                   kind=sp.get("kind"), aliases=sp.get("aliases", []))
    count = 0
    for c in data["claims"]:
        sp = speakers.get(c.get("speaker") or "", {})
        new = NewClaim(text=c["text"], source=new_source, speaker=c.get("speaker"),
                       speaker_role=c.get("speaker_role") or sp.get("role"), speaker_kind=sp.get("kind"),
                       speaker_aliases=sp.get("aliases", []),
                       said_on=dt.date.fromisoformat(c["said_on"]) if c.get("said_on") else None,
                       said_on_precision=c.get("said_on_precision"), quote=c.get("quote"),
                       kind=c.get("kind") or "statement", span=tuple(c["span"]) if c.get("span") else None,
                       quantities=c.get("quantities", []), dates=c.get("dates", []))
        add_claim(session=session, actor=actor, new=new, source=source, story=story_row,
                  speaker=resolved.get((c.get("speaker") or "").strip()))
        count += 1
    record(session, actor=actor, action="source.import", target_type="source", target_id=source.id,
           after={"name": name, "claims": count, "sha256": sha, "story": story})
    return ImportResult(name, "imported", f"{count} claims", source_id=source.id, claims=count)


def extractions() -> list[tuple[str, str | None, dict]]:
    """(name, story, extraction) in import order."""
    from benchmarks.bench_extract import make_article, source_paragraphs
    from claims.extract import extract_path, extract_text

    out = []
    stamp = "2026-01-02T03:04:05+00:00"
    corpus = sorted(p for p in (ROOT / "tests" / "corpus").iterdir() if p.suffix in (".txt", ".md", ".html"))
    for i, path in enumerate(corpus):
        out.append((path.name, ("corpus" if i % 3 else None), extract_path(str(path))))
    rng = random.Random(11)
    paragraphs = source_paragraphs()
    for i in range(6):
        out.append((f"bench{i}", "bench", extract_text(make_article(rng, paragraphs), filename=f"b{i}.txt")))
    # Edge cases, made from the first corpus article.
    base = out[0][2]

    def variant(url: str, body_suffix: str) -> dict:
        d = copy.deepcopy(base)
        d["source"]["url"] = url
        d["source"]["body"] = d["source"]["body"] + body_suffix
        d["source"].pop("sha256", None)
        return d

    # The same speaker under other names; an alias that another speaker already owns; a role
    # learned by a speaker stored without one; control characters and 'The' in names; a speaker
    # named by a prepared alias.
    d = variant("https://edge.example.org/speakers", " one")
    d["speakers"] = [
        {"name": "Kassym-Jomart Tokayev", "role": None, "kind": "person", "aliases": ["Tokayev", "President Tokayev"]},
        {"name": "The  Interior Ministry", "role": "ministry", "kind": "organisation",
         "aliases": ["interior ministry", "Ministry of the Interior\x07"]},
        {"name": "Rain Fields", "role": None, "kind": "person", "aliases": ["R. Fields", "Prepared Alias"]},
        {"name": "Ana \u2019Kovac", "role": None, "kind": "group", "aliases": ["ana 'kovac", "  "]},
    ]
    names = ["Kassym-Jomart Tokayev", "The  Interior Ministry", "Rain Fields", "Ana \u2019Kovac", "Tokayev",
             "  interior ministry ", "Merged Person", "Kept Person"]
    for i, c in enumerate(d["claims"]):
        c["speaker"] = names[i % len(names)]
        c["speaker_role"] = "minister" if i == 9 else None
    out.append(("edge-speakers", "corpus", d))
    # A claim that fails validation half-way through an article: nothing of it is stored.
    d = variant("https://edge.example.org/bad-kind", " two")
    d["claims"][3]["kind"] = "rumour"
    out.append(("edge-bad-kind", "corpus", d))
    d = variant("https://edge.example.org/bad-role", " three")
    d["claims"][-1]["dates"] = [{"phrase": "x", "role": "sometime", "earliest": None, "latest": None}]
    out.append(("edge-bad-time-role", None, d))
    d = variant("https://edge.example.org/bad-speaker", " four")
    d["claims"][2]["speaker"] = "\x01\x02"
    d["claims"][2]["text"] = " \x03 "
    out.append(("edge-bad-speaker", None, d))
    # A source known before without its text (a later source of some claim) gets its body now.
    d = variant("https://edge.example.org/known-source?utm_source=x", " five")
    d["claims"][0]["said_on"] = None
    d["claims"][0]["quantities"] = [{"low": 3, "high": None, "approximate": True, "bound": "about",
                                     "unit": "people", "measure": None, "as_of": None}]
    d["claims"][0]["dates"] = [{"phrase": "by\x1b Friday", "role": " Deadline ", "earliest": "2022-01-14",
                                "latest": "2022-01-14"}]
    d["claims"][1]["quote"] = "quoted\x00 text"
    d["claims"][1]["said_on_precision"] = "month"
    out.append(("edge-known-source", "corpus", d))
    # Duplicates: the same URL again, and the same text under another URL.
    out.append(("dup-url", "corpus", copy.deepcopy(out[0][2])))
    d = copy.deepcopy(out[1][2])
    d["source"]["url"] = "https://mirror.example.org/copy"
    out.append(("dup-sha", None, d))
    for _, _, data in out:
        data["source"]["retrieved_at"] = stamp
    return out


def prepare(engine) -> None:
    """What the database holds before the imports: speakers (one merged into another, one with a
    prepared alias, one without a role) and a source known without its text."""
    from db.engine import write_session
    from db.writes import NewClaim, NewSource, add_claim, get_or_create_speaker, merge_speakers

    with write_session(engine) as s:
        get_or_create_speaker(s, "Kept Person", actor="prep")
        get_or_create_speaker(s, "Merged Person", actor="prep", aliases=["M. Person"])
        merge_speakers(session=s, actor="prep", keep="Kept Person", merge="Merged Person")
        get_or_create_speaker(s, "Someone Else", actor="prep", aliases=["Prepared Alias"])
        get_or_create_speaker(s, "Kassym-Jomart Tokayev", actor="prep")
        add_claim(session=s, actor="prep", new=NewClaim(
            text="An earlier claim citing the source.", story="corpus",
            source=NewSource(url="https://edge.example.org/known-source", title="Known")))


def run(store, engine, items) -> list[tuple]:
    from db.engine import write_session

    results = []
    for name, story, data in items:
        try:
            with write_session(engine) as session:
                r = store(session, copy.deepcopy(data), actor="importer", story=story, name=name)
                r = r[0] if isinstance(r, tuple) else r
        except UserError as exc:
            r = ImportResult(name, "failed", str(exc))
        results.append((r.name, r.status, r.message, r.source_id, r.claims))
    return results


def contents(url: str) -> dict:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            out = {}
            for name in sorted(inspect(conn).get_table_names()):
                if name.startswith(("claim_fts", "sqlite_", "alembic")):
                    continue
                cols = [c["name"] for c in inspect(conn).get_columns(name) if c["name"] not in CLOCK]
                rows = conn.execute(text(f'SELECT {", ".join(cols)} FROM "{name}"')).all()
                out[name] = sorted((tuple(r) for r in rows), key=repr)
            if url.startswith("sqlite"):
                # The FTS5 index agrees with the claim table (external content), and finds the rows.
                conn.exec_driver_sql("INSERT INTO claim_fts(claim_fts, rank) VALUES('integrity-check', 1)")
                out["fts"] = sorted(conn.exec_driver_sql(
                    "SELECT rowid FROM claim_fts WHERE claim_fts MATCH 'said OR killed OR people'").scalars())
            else:
                out["fts"] = sorted(conn.execute(text(
                    "SELECT id FROM claim WHERE to_tsvector('simple', text || ' ' || coalesce(quote, '')) "
                    "@@ plainto_tsquery('simple', 'said')")).scalars())
            return out
    finally:
        engine.dispose()


def fresh(db_url: str, tmp_path: Path, label: str) -> str:
    from db.engine import dispose_all

    dispose_all()
    if is_postgres(db_url):
        reset_postgres(db_url)
        return db_url
    return f"sqlite:///{tmp_path / label}.db"


def test_bulk_storage_stores_what_the_orm_path_stored(db_url, tmp_path):
    from db.engine import get_engine

    items = extractions()
    if is_postgres(db_url):
        # A rolled-back article still uses up sequence values on PostgreSQL, and the two paths
        # use up different numbers of them; without the failing articles ids must agree too.
        items = [item for item in items if not item[0].startswith("edge-bad")]
    dumps, results = [], []
    for label, store in (("orm", store_orm), ("bulk", store_article)):
        url = fresh(db_url, tmp_path, label)
        engine = get_engine(url)
        prepare(engine)
        results.append(run(store, engine, items))
        dumps.append(contents(url))
    assert results[0] == results[1]
    status = {r[0]: r[1] for r in results[1]}
    assert [status.get(n, "failed") for n in ("edge-speakers", "edge-bad-kind", "edge-bad-time-role",
                                              "edge-bad-speaker", "edge-known-source", "dup-url", "dup-sha")] == [
        "imported", "failed", "failed", "failed", "imported", "duplicate", "duplicate"], results[1]
    orm, bulk = dumps
    assert orm.keys() == bulk.keys()
    for table in orm:
        assert orm[table] == bulk[table], table
    assert len(bulk["claim"]) > 200 and len(bulk["speaker_alias"]) > 20 and bulk["fts"]
    actions = {row[2] for row in bulk["audit_event"]}  # (id, actor, action, ...)
    assert {"speaker.create", "speaker.alias", "speaker.update", "source.update", "claim.create",
            "source.import", "story.create"} <= actions, actions
