"""A million claims through the bulk path: counts, search results and integrity hold at scale.
Slow (minutes): `make test-slow` runs it; `make test` leaves it out."""
from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

# benchmarks/ is not an installed package: make it importable however pytest is started.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from benchmarks.build_db import COMMON_WORD, RARE_COUNT, RARE_WORD, Generator, build

pytestmark = pytest.mark.slow
N = int(os.environ.get("CLAIMS_SLOW_CLAIMS", 1_000_000))  # smaller to try the test itself quickly


@pytest.fixture(scope="module")
def million(tmp_path_factory):
    from db.engine import dispose_all

    path = tmp_path_factory.mktemp("million") / "claims.db"
    figures = build(N, str(path), raw=False, out=io.StringIO())
    dispose_all()
    yield str(path), figures
    dispose_all()


@pytest.fixture(scope="module")
def engine(million):
    from db.engine import get_engine

    return get_engine(million[0])


def test_counts(million, engine):
    _, figures = million
    assert figures["claims"] == N
    with engine.connect() as conn:
        for table, rows in figures["rows_by_table"].items():
            assert conn.execute(text(f'SELECT count(*) FROM "{table}"')).scalar() == rows, table
        assert conn.execute(text("SELECT count(*) FROM audit_event WHERE action = 'claim.create'")).scalar() == N
        assert conn.execute(text("SELECT count(*) FROM claim_fts")).scalar() == N
    from db.engine import read_session
    from db.queries import ClaimFilter, count_claims

    with read_session(engine) as session:
        assert count_claims(session=session) == N
        assert count_claims(session=session, filters=ClaimFilter(search=RARE_WORD)) == RARE_COUNT


def test_search_rare_word_through_the_cli(million, cli):
    path, _ = million
    result = cli("list", "--search", RARE_WORD, "--limit", "50", "--format", "json", db=path)
    assert result.exit_code == 0, result.stderr
    rows = result.json()
    expected = sorted(i + 1 for i in Generator(N).rare_indexes)  # fresh database: claim id = index + 1
    assert [r["id"] for r in rows] == expected and len(expected) == RARE_COUNT
    assert all(RARE_WORD in r["text"].lower() for r in rows)


def test_search_common_word_pages_match_a_plain_scan(million, engine, cli):
    path, _ = million
    with engine.connect() as conn:
        # Every template word "said" is a whole word, so a LIKE scan is an independent answer.
        scan = conn.execute(text("SELECT count(*) FROM claim WHERE text LIKE :p OR quote LIKE :p"),
                            {"p": f"%{COMMON_WORD}%"}).scalar()
        first = conn.execute(text("SELECT id FROM claim WHERE text LIKE :p OR quote LIKE :p ORDER BY id LIMIT 100"),
                             {"p": f"%{COMMON_WORD}%"}).scalars().all()
        middle = conn.execute(text("SELECT id FROM claim WHERE (text LIKE :p OR quote LIKE :p) AND id > :mid "
                                   "ORDER BY id LIMIT 50"), {"p": f"%{COMMON_WORD}%", "mid": N // 2}).scalars().all()
    from db.engine import read_session
    from db.queries import ClaimFilter, count_claims

    with read_session(engine) as session:
        assert count_claims(session=session, filters=ClaimFilter(search=COMMON_WORD)) == scan > N // 2
    page1 = cli("list", "--search", COMMON_WORD, "--limit", "50", "--format", "json", db=path).json()
    page2 = cli("list", "--search", COMMON_WORD, "--limit", "50", "--after", page1[-1]["id"], "--format", "json",
                db=path).json()
    assert [r["id"] for r in page1 + page2] == first
    deep = cli("list", "--search", COMMON_WORD, "--limit", "50", "--after", N // 2, "--format", "json", db=path).json()
    assert [r["id"] for r in deep] == middle


def test_show_and_add_after_the_load(million, engine, cli):
    path, _ = million
    shown = cli("show", N * 2 // 3, "--format", "json", db=path)
    assert shown.exit_code == 0, shown.stderr
    assert shown.json()["history"][0]["action"] == "claim.create"
    added = cli("add", "--text", "The qzxwv ferry resumed service.", "--source", "https://example.org/ferry",
                "--format", "json", db=path)
    assert added.exit_code == 0, added.stderr
    new_id = added.json()["id"]
    assert new_id == N + 1
    found = cli("list", "--search", "qzxwv", "--format", "json", db=path).json()
    assert [r["id"] for r in found] == [new_id]


def test_integrity(million, engine):
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        conn.exec_driver_sql("INSERT INTO claim_fts(claim_fts) VALUES('integrity-check')")
        assert conn.exec_driver_sql("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'").scalar() == 3
