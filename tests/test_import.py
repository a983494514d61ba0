"""`claims import` end to end on a real SQLite file: atomic articles, duplicates, bad files."""
from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from claims.importer import SAMPLE

ROOT = Path(__file__).resolve().parents[1]

ARTICLE = """

Ministry Says Evacuation Of Riverside Towns Complete

March 5, 2024



Authorities evacuated more than 1,200 people from three riverside towns on Monday, the Interior Ministry said.

"Every resident who asked for help has been moved to safety," Interior Minister Ana Kovac said on Tuesday.

The ministry said the shelters would stay open until March 15 inclusive.

Original url:

<https://example-wire.test/2024/03/05/evacuation-complete>
"""


def claims(db: Path, *args: str, input: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "claims", "--db", str(db), *args], capture_output=True,
                          text=True, cwd=ROOT, input=input, timeout=120)


def table_counts(db: Path) -> dict[str, int]:
    con = sqlite3.connect(db)
    try:
        names = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table' "
                                           "AND name NOT LIKE 'claim_fts%' AND name NOT LIKE 'sqlite_%'")]
        return {n: con.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}
    finally:
        con.close()


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "evacuation.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_import_stores_claims_with_source_text_and_spans(tmp_path, article):
    db = tmp_path / "c.db"
    run = claims(db, "import", str(article), "--story", "floods")
    assert run.returncode == 0, run.stderr
    assert "imported" in run.stdout
    listed = json.loads(claims(db, "list", "--story", "floods", "--format", "json").stdout)
    assert len(listed) >= 3
    assert {c["source_url"] for c in listed} == {"https://example-wire.test/2024/03/05/evacuation-complete"}
    con = sqlite3.connect(db)
    body, sha = con.execute("SELECT body, content_sha256 FROM source").fetchone()
    assert len(sha) == 64
    for text, start, end in con.execute("SELECT text, span_start, span_end FROM claim"):
        assert body[start:end] == text  # provenance a reader can re-check
    lows = [r[0] for r in con.execute("SELECT low FROM quantity")]
    assert 1200 in lows
    show = json.loads(claims(db, "show", str(listed[0]["id"]), "--format", "json").stdout)
    assert show["span_verified"] is True and show["paragraph"]


def test_second_import_of_same_article_changes_nothing(tmp_path, article):
    db = tmp_path / "c.db"
    assert claims(db, "import", str(article)).returncode == 0
    before = table_counts(db)
    again = claims(db, "import", str(article))
    assert again.returncode == 0
    assert "skipped" in again.stdout and "already imported" in again.stdout
    assert table_counts(db) == before
    # same text under another URL is recognised by its content hash
    moved = claims(db, "import", str(article), "--url", "https://mirror.test/copy")
    assert "already imported" in moved.stdout
    assert table_counts(db) == before


def test_article_without_date_asks_for_published(tmp_path):
    db = tmp_path / "c.db"
    path = tmp_path / "nodate.txt"
    path.write_text(ARTICLE.replace("March 5, 2024", ""), encoding="utf-8")
    run = claims(db, "import", str(path))
    assert run.returncode == 2
    assert "--published" in run.stderr and "Traceback" not in run.stderr
    assert table_counts(db).get("claim", 0) == 0
    ok = claims(db, "import", str(path), "--published", "2024-03-05")
    assert ok.returncode == 0, ok.stderr
    con = sqlite3.connect(db)
    assert con.execute("SELECT published_on FROM source").fetchone()[0] == "2024-03-05"


def test_folder_with_good_and_bad_files(tmp_path, article):
    db = tmp_path / "c.db"
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 20)
    run = claims(db, "import", str(folder))
    assert run.returncode == 2
    assert "good.txt" in run.stdout
    errors = [l for l in run.stderr.splitlines() if l.startswith("error:")]
    assert any("empty.txt" in l for l in errors) and any("binary.txt" in l for l in errors)
    assert "2 of 3 articles failed" in run.stderr
    assert "Traceback" not in run.stderr
    assert table_counts(db)["source"] == 1


def test_non_http_url_is_refused(tmp_path, article):
    db = tmp_path / "c.db"
    for bad in ("javascript:alert(1)", "file:///etc/passwd", "ftp://x.org/a"):
        run = claims(db, "import", bad)
        assert run.returncode == 2, bad
        assert run.stderr.count("\n") == 1 and "not an http(s) URL" in run.stderr
    run = claims(db, "import", str(article), "--url", "file:///etc/passwd")
    assert run.returncode == 2 and "not an http(s) URL" in run.stderr
    assert table_counts(db).get("claim", 0) == 0


def test_failure_midway_leaves_no_partial_article(tmp_path, article, monkeypatch):
    """The article's claims and values are written, then the insert of its audit events fails:
    nothing of it stays (one transaction per article)."""
    from sqlalchemy.engine import Connection

    from claims import importer
    from db import engine as engine_mod

    real_execute, real_driver_sql = Connection.execute, Connection.exec_driver_sql
    seen = []

    def insert_into(statement) -> str | None:
        if isinstance(statement, str):
            return statement.split('"')[1] if statement.startswith("INSERT INTO") else None
        table = getattr(statement, "table", None)
        return getattr(table, "name", None) if getattr(statement, "is_insert", False) else None

    def check(statement):
        table = insert_into(statement)
        seen.append(table)
        if table == "audit_event" and "claim" in seen:
            raise RuntimeError("disk on fire")

    def failing_execute(self, statement, *args, **kw):
        check(statement)
        return real_execute(self, statement, *args, **kw)

    def failing_driver_sql(self, statement, *args, **kw):
        check(statement)
        return real_driver_sql(self, statement, *args, **kw)

    monkeypatch.setattr(Connection, "execute", failing_execute)
    monkeypatch.setattr(Connection, "exec_driver_sql", failing_driver_sql)
    engine = engine_mod.get_engine(str(tmp_path / "c.db"))
    with pytest.raises(RuntimeError):
        importer.import_paths(engine, [str(article)], actor="t")
    monkeypatch.undo()
    engine_mod.dispose_all()
    assert {"claim", "quantity"} <= set(seen)  # the failure came after the claims were written
    counts = table_counts(tmp_path / "c.db")
    assert counts["claim"] == 0 and counts["source"] == 0 and counts["audit_event"] == 0
    assert counts["quantity"] == 0 and counts["speaker"] == 0


def test_start_imports_the_sample_into_an_empty_database(tmp_path):
    db = tmp_path / "c.db"
    run = claims(db, "start")
    assert run.returncode == 0, run.stderr
    assert "imported the sample article" in run.stderr
    assert SAMPLE.exists()
    n = table_counts(db)["claim"]
    assert n >= 5
    again = claims(db, "start")  # not imported twice
    assert "imported the sample" not in again.stderr
    assert table_counts(db)["claim"] == n


def test_extract_touches_no_database(tmp_path, article):
    db = tmp_path / "never.db"
    run = claims(db, "extract", str(article), "--format", "json")
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    assert data["source"]["published"] == "2024-03-05"
    assert any(q["low"] == 1200 and q["high"] is None for c in data["claims"] for q in c["quantities"])
    assert not db.exists()
