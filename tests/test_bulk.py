"""The bulk path (db/bulk.py): ~2,000 synthetic claims with everything attached, on SQLite and
(when CLAIMS_TEST_POSTGRES_URL is set) PostgreSQL: counts, search, audit, triggers afterwards,
integrity."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

# benchmarks/ is not an installed package: make it importable however pytest is started.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.build_db import COMMON_WORD, RARE_COUNT, RARE_WORD, Generator
from db.bulk import BulkBatch, BulkLoader, bulk_load
from db.engine import read_session, write_session
from db.queries import ClaimFilter, claim_detail, count_claims, list_claims
from db.writes import NewClaim, NewSource, add_claim

N = 2_000
PG_SCHEMA = "test_bulk"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request, tmp_path):
    """Like conftest's db_url, but PostgreSQL gets a schema of its own, so other suites resetting
    the test database's public schema at the same time do not pull tables from under this one."""
    import os

    from db.engine import dispose_all

    dispose_all()
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'claims.db'}"
        dispose_all()
        return
    base = os.environ.get("CLAIMS_TEST_POSTGRES_URL")
    if not base:
        pytest.skip("set CLAIMS_TEST_POSTGRES_URL to run the PostgreSQL suite")
    from sqlalchemy import create_engine

    admin = create_engine(base)
    with admin.begin() as conn:
        conn.execute(text(f"DROP SCHEMA IF EXISTS {PG_SCHEMA} CASCADE"))
        conn.execute(text(f"CREATE SCHEMA {PG_SCHEMA}"))
    yield base + ("&" if "?" in base else "?") + f"options=-csearch_path%3D{PG_SCHEMA}"
    dispose_all()
    with admin.begin() as conn:
        conn.execute(text(f"DROP SCHEMA IF EXISTS {PG_SCHEMA} CASCADE"))
    admin.dispose()


def _count(engine, table: str) -> int:
    with engine.connect() as conn:
        return conn.execute(text(f'SELECT count(*) FROM "{table}"')).scalar()


def _search_ids(engine, word: str, limit: int = 5000) -> list[int]:
    with read_session(engine) as session:
        return [r.id for r in list_claims(session=session, filters=ClaimFilter(search=word), limit=limit)]


@pytest.fixture
def loaded(engine):
    stats = bulk_load(engine, Generator(N, seed=3, batch_claims=700).batches(), actor="loader")
    return engine, stats


def test_counts_match_what_was_loaded(loaded):
    engine, stats = loaded
    assert stats.claims == N and stats.batches == 3
    for table, rows in stats.rows.items():
        assert _count(engine, table) == rows, table
    assert stats.rows["quantity"] > N // 5 and stats.rows["evidence"] > N // 10
    assert stats.rows["time_ref"] > 0 and stats.rows["claim_tag"] > 0 and stats.rows["claim_link"] > 0
    with read_session(engine) as session:
        assert count_claims(session=session) == N


def test_every_claim_has_one_create_event_like_add_claim(loaded):
    engine, _ = loaded
    with engine.connect() as conn:
        per_claim = conn.execute(text(
            "SELECT count(*), count(DISTINCT claim_id) FROM audit_event WHERE action = 'claim.create'")).one()
        sample = conn.execute(text(
            "SELECT c.id, c.text, c.status, c.kind, c.source_id, c.deadline_state, a.after, a.actor "
            "FROM claim c JOIN audit_event a ON a.claim_id = c.id AND a.action = 'claim.create' "
            "ORDER BY c.id LIMIT 50")).all()
    assert tuple(per_claim) == (N, N)
    for claim_id, body, status, kind, source_id, deadline_state, after, actor in sample:
        parsed = json.loads(after)
        assert after == json.dumps(parsed, ensure_ascii=False, sort_keys=True)  # same form as db.writes
        assert (parsed["text"], parsed["status"], parsed["kind"], parsed["source_id"], parsed["deadline_state"]) == (
            body, status, kind, source_id, deadline_state)
        assert actor == "loader"


def test_search_finds_bulk_loaded_claims(loaded):
    engine, _ = loaded
    rare = _search_ids(engine, RARE_WORD)
    assert len(rare) == RARE_COUNT
    common = _search_ids(engine, COMMON_WORD)
    assert len(common) > N // 2 and common == sorted(common)
    with engine.connect() as conn:
        texts = conn.execute(text("SELECT text FROM claim WHERE id IN (%s)" % ",".join(map(str, rare)))).scalars().all()
    assert all(RARE_WORD in t.lower() for t in texts)
    # Keyset paging over a search walks every match exactly once.
    with read_session(engine) as session:
        seen, after = [], None
        while True:
            page = list_claims(session=session, filters=ClaimFilter(search=COMMON_WORD), limit=300, after=after)
            if not page:
                break
            seen += [r.id for r in page]
            after = page[-1].id
    assert seen == common


def test_claims_added_afterwards_are_indexed_by_the_triggers(loaded):
    engine, _ = loaded
    with write_session(engine) as session:
        claim = add_claim(session=session, actor="tester", new=NewClaim(
            text="The zyxquartz bridge reopened, officials said.",
            source=NewSource(url="https://example.org/after-bulk")))
        new_id = claim.id
    assert new_id == N + 1
    assert _search_ids(engine, "zyxquartz") == [new_id]
    with write_session(engine) as session:
        session.get(type(claim), new_id).text = "The qwvbridge span reopened."
    assert _search_ids(engine, "zyxquartz") == [] and _search_ids(engine, "qwvbridge") == [new_id]
    with read_session(engine) as session:
        detail = claim_detail(session=session, claim_id=1)
    assert detail["history"][0]["action"] == "claim.create"


def test_integrity_and_triggers_as_the_migration_made_them(loaded):
    engine, _ = loaded
    if engine.dialect.name != "sqlite":
        pytest.skip("FTS5 triggers and PRAGMA integrity_check are SQLite's")
    from db.bulk import SQLITE_FTS_TRIGGERS

    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
        conn.exec_driver_sql("INSERT INTO claim_fts(claim_fts) VALUES('integrity-check')")
        triggers = dict(conn.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").all())
    assert sorted(triggers) == ["claim_fts_ad", "claim_fts_ai", "claim_fts_au"]
    assert sorted(triggers.values()) == sorted(SQLITE_FTS_TRIGGERS)


def test_rebuild_mode_gives_the_same_index(engine):
    stats = bulk_load(engine, Generator(600, seed=5, batch_claims=250).batches(), search_index="rebuild")
    assert stats.claims == 600
    assert len(_search_ids(engine, RARE_WORD)) == RARE_COUNT
    if engine.dialect.name == "sqlite":
        with engine.connect() as conn:
            conn.exec_driver_sql("INSERT INTO claim_fts(claim_fts) VALUES('integrity-check')")
            assert conn.exec_driver_sql("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'").scalar() == 3


def test_a_failed_batch_leaves_nothing_and_the_loader_usable(engine):
    loader = BulkLoader(engine, actor="loader")
    good = BulkBatch(sources=[dict(key="a", url="https://example.org/a")],
                     claims=[dict(text="First claim said here.", source="a")])
    loader.load(good)
    bad = BulkBatch(sources=[dict(key="b", url="https://example.org/b")],
                    claims=[dict(text="Fine.", source="b"), dict(text="   ", source="b")])
    with pytest.raises(Exception, match="empty text"):
        loader.load(bad)
    assert _count(engine, "claim") == 1 and _count(engine, "source") == 1
    with pytest.raises(Exception, match="unknown source key 'b'"):
        loader.load(BulkBatch(claims=[dict(text="Uses the rolled-back source.", source="b")]))
    loader.load(BulkBatch(sources=[dict(key="b", url="https://example.org/b")],
                          claims=[dict(text="Second claim.", source="b"), dict(text="Third.", source="a")]))
    loader.finish()
    assert _count(engine, "claim") == 3 and _count(engine, "source") == 2
    assert len(_search_ids(engine, "claim")) == 2


def test_existing_stories_sources_speakers_and_tags_are_reused(engine):
    with write_session(engine) as session:
        add_claim(session=session, actor="t", new=NewClaim(
            text="Before.", story="quake-2023", speaker="Kassym Tokayev", speaker_aliases=["Tokayev"],
            source=NewSource(url="https://example.org/story?utm_source=x")))
    bulk_load(engine, [BulkBatch(
        stories=[dict(key="s", name="quake-2023")],
        sources=[dict(key="u", url="https://www.example.org/story/", story="s")],
        speakers=[dict(key="k", name="President Tokayev", aliases=["Tokayev"])],
        claims=[dict(text="After.", source="u", story="s", speaker="k", tags=["casualties"])])])
    assert _count(engine, "story") == 1 and _count(engine, "source") == 1
    with engine.connect() as conn:
        aliases = dict(conn.execute(text("SELECT alias_key, speaker_id FROM speaker_alias")).all())
    # "Tokayev" stays with the first speaker; the new speaker keeps only its own new name.
    assert aliases == {"kassym tokayev": 1, "tokayev": 1, "president tokayev": 2}
    with read_session(engine) as session:
        rows = list_claims(session=session, filters=ClaimFilter(story="quake-2023"))
    assert [r.text for r in rows] == ["Before.", "After."]


def test_a_batch_without_claims_keeps_the_triggers(engine):
    bulk_load(engine, [BulkBatch(stories=[dict(key="s", name="empty-story")])])
    with write_session(engine) as session:
        claim_id = add_claim(session=session, actor="t", new=NewClaim(
            text="Indexed by the trigger.", source=NewSource(url="https://example.org/t"))).id
    assert _search_ids(engine, "trigger") == [claim_id]


def test_a_row_repeated_under_two_keys_is_stored_once(engine):
    bulk_load(engine, [BulkBatch(
        stories=[dict(key=1, name="flood-2024"), dict(key=2, name="flood-2024")],
        sources=[dict(key="a", url="https://example.org/x"), dict(key="b", url="https://www.example.org/x/")],
        speakers=[dict(key="p", name="Ann Lee"), dict(key="q", name="ann lee", aliases=["Minister Lee"])],
        claims=[dict(text="One.", source="a", story=1, speaker="p"), dict(text="Two.", source="b", story=2, speaker="q")])])
    for table in ("story", "source", "speaker"):
        assert _count(engine, table) == 1, table
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(DISTINCT source_id), count(DISTINCT speaker_id) FROM claim")).one() == (1, 1)
        assert sorted(conn.execute(text("SELECT alias_key FROM speaker_alias")).scalars()) == ["ann lee", "minister lee"]


def test_text_survives_the_trip_exactly(engine):
    """Tabs, newlines, backslashes, quotes and non-Latin text: COPY on PostgreSQL escapes them."""
    body = 'Line one\tcol\nline two \\N \\ "quoted" Токаев — مرحبا 😀'
    bulk_load(engine, [BulkBatch(sources=[dict(key="s", url="https://example.org/s", title="A\tB\\C")],
                                 claims=[dict(text=body, quote="\\.", source="s", said_on="2024-02-29",
                                              quantities=[dict(low=1.5, high=None, approximate=True, measure="deaths")])])])
    with engine.connect() as conn:
        row = conn.execute(text("SELECT c.text, c.quote, c.said_on, s.title, q.low, q.high, q.approximate "
                                "FROM claim c JOIN source s ON s.id = c.source_id JOIN quantity q ON q.claim_id = c.id")).one()
    assert row[0] == body and row[1] == "\\." and str(row[2]) == "2024-02-29" and row[3] == "A\tB\\C"
    assert (row[4], row[5], bool(row[6])) == (1.5, None, True)
    assert _search_ids(engine, "токаев") == [1]


def test_the_raw_baseline_stores_the_same_rows(engine, tmp_path):
    """benchmarks.build_db compares against a raw executemany of the same rows: check they are."""
    if engine.dialect.name != "sqlite":
        pytest.skip("the raw baseline is sqlite3")
    import sqlite3

    from benchmarks.build_db import RawBaseline

    loader = BulkLoader(engine, actor="o'brien", keep_rows=True)
    raw = RawBaseline(tmp_path / "raw.db", 16)
    for batch in Generator(1500, seed=9, batch_claims=600).batches():
        loader.load(batch)
        raw.load(loader.last_rows, loader.last_constants)
    raw.conn.close()
    ours = sqlite3.connect(engine.url.database)
    theirs = sqlite3.connect(tmp_path / "raw.db")
    for table in ("claim", "audit_event", "quantity", "time_ref", "evidence", "claim_tag", "claim_link",
                  "source", "speaker", "speaker_alias", "story", "tag"):
        query = f'SELECT * FROM "{table}" ORDER BY 1, 2'
        assert ours.execute(query).fetchall() == theirs.execute(query).fetchall(), table
    history = ours.execute("SELECT group_concat(action) FROM (SELECT action FROM audit_event WHERE claim_id = "
                           "(SELECT min(a_id) FROM claim_link) ORDER BY id)").fetchone()[0]
    assert history == "claim.create,link.create"


def test_refuses_bad_values_with_a_sentence(engine):
    from claims.errors import UserError

    for claim, words in [(dict(text="x", source="s", status="bogus"), "unknown status"),
                         (dict(text="x", source="s", kind="rumour"), "unknown claim kind"),
                         (dict(text="x", source="nowhere"), "unknown source key")]:
        batch = BulkBatch(sources=[dict(key="s", url="https://example.org/s")], claims=[claim])
        with pytest.raises(UserError, match=words):
            bulk_load(engine, [batch])
    with pytest.raises(UserError, match="story name .* the limit is 200"):
        bulk_load(engine, [BulkBatch(stories=[dict(key="s", name="x" * 201)])])
    with pytest.raises(UserError, match="speaker alias .* the limit is 300"):
        bulk_load(engine, [BulkBatch(speakers=[dict(key="k", name="Ann", aliases=["y" * 301])])])
    with pytest.raises(UserError, match="not an http"):
        bulk_load(engine, [BulkBatch(sources=[dict(key="j", url="javascript:alert(1)")])])
    assert _count(engine, "claim") == 0 and _count(engine, "source") == 0 and _count(engine, "story") == 0


def test_parent_text_is_cleaned_and_known_speakers_reused(engine):
    with write_session(engine) as session:
        known = add_claim(session=session, actor="t", new=NewClaim(
            text="Before.", speaker="Kassym Tokayev", source=NewSource(url="https://example.org/k")))
    bulk_load(engine, [BulkBatch(
        sources=[dict(key="u", url="https://example.org/u", title="Title\x1b]52;c;aGk=\x07", outlet=" Wire\x1b[2J ")],
        speakers=[dict(key="k", name="kassym  TOKAYEV", aliases=["The Kazakh president"]),
                  dict(key="m", name="Marat Tokayev", aliases=["the kazakh President"])],
        claims=[dict(text="After.", source="u", speaker="k")])])
    with engine.connect() as conn:
        assert conn.execute(text("SELECT title, outlet FROM source WHERE url = 'https://example.org/u'")).one() == (
            "Title]52;c;aGk=", "Wire[2J")
        assert conn.execute(text("SELECT count(*) FROM speaker")).scalar() == 2
        assert conn.execute(text("SELECT s.name FROM speaker_alias a JOIN speaker s ON s.id = a.speaker_id "
                                 "WHERE a.alias_key = 'kazakh president'")).scalar() == "Kassym Tokayev"
        assert conn.execute(text("SELECT speaker_id FROM claim WHERE text = 'After.'")).scalar() == known.speaker_id
