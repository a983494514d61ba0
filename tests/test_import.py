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
    from db.driver import Driver

    real_execute, real_driver_sql = Connection.execute, Connection.exec_driver_sql
    real_many = Driver.executemany
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

    def failing_many(self, statement, *args, **kw):  # SQLite's inserts skip SQLAlchemy (db.driver)
        check(statement)
        return real_many(self, statement, *args, **kw)

    monkeypatch.setattr(Connection, "execute", failing_execute)
    monkeypatch.setattr(Connection, "exec_driver_sql", failing_driver_sql)
    monkeypatch.setattr(Driver, "executemany", failing_many)
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


# --- extraction in worker processes (import_paths(workers=N)) -------------------------------------

def _pool_folder(tmp_path: Path) -> Path:
    import random

    from benchmarks.bench_extract import make_article, source_paragraphs

    rng = random.Random(3)
    paragraphs = source_paragraphs()
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(9):
        (folder / f"a{i}.txt").write_text(make_article(rng, paragraphs), encoding="utf-8")
    (folder / "a3b.txt").write_text("", encoding="utf-8")
    (folder / "a5b.txt").write_bytes(bytes(range(256)) * 20)
    (folder / "a6b.txt").write_text(ARTICLE.replace("March 5, 2024", ""), encoding="utf-8")
    (folder / "a7b.txt").write_text((folder / "a1.txt").read_text(encoding="utf-8"), encoding="utf-8")
    return folder


def _pools(monkeypatch) -> list:
    """Every ProcessPoolExecutor the importer makes from now on."""
    import concurrent.futures

    made = []
    real = concurrent.futures.ProcessPoolExecutor

    class Recorded(real):
        def __init__(self, *args, **kw):
            super().__init__(*args, **kw)
            made.append(self)

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", Recorded)
    return made


def _workers_gone(pool, timeout: float = 10.0) -> bool:
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not any(p.is_alive() for p in list((pool._processes or {}).values())):
            return True
        time.sleep(0.05)
    return False


@pytest.mark.parametrize("workers,head_start", [(1, False), (2, False), (2, True)])
def test_worker_processes_import_what_one_process_imports(tmp_path, monkeypatch, workers, head_start):
    """head_start: this process extracts the first articles while the workers start (made slow
    here, so that the workers take over half-way); else the workers extract every article."""
    import time

    from claims import importer
    from claims.importer import import_paths
    from db.engine import dispose_all, get_engine
    from tests.conftest import dump_db

    folder = _pool_folder(tmp_path)
    pools = _pools(monkeypatch)
    monkeypatch.setattr(importer, "EXTRACT_WHILE_STARTING", head_start)
    here = []
    real_extract = importer.extract_target

    def slow_extract(target, **kw):  # in this process only: the workers run the real one
        here.append(target)
        time.sleep(0.1)
        return real_extract(target, **kw)

    monkeypatch.setattr(importer, "extract_target", slow_extract)
    outcomes = []
    for label, n in (("one", 0), ("pool", workers)):
        dispose_all()
        url = f"sqlite:///{tmp_path / label}.db"
        seen = []
        results = import_paths(get_engine(url), [str(folder)], actor="t", story="s", workers=n,
                               progress=lambda r: seen.append(r.name))
        assert seen == [r.name for r in results] == sorted(seen)  # in input order
        dump = dump_db(url)
        clock = {"claim": (14, 15), "audit_event": (1,), "story": (3,), "source": (6, 12), "claim_link": (8,)}
        for table, columns in clock.items():  # created_at, at, retrieved_at: the clock differs
            dump[table] = [tuple(v for i, v in enumerate(row) if i not in columns) for row in dump[table]]
        outcomes.append(([(r.name, r.status, r.message, r.claims, r.links, r.warnings) for r in results], dump))
    dispose_all()
    assert len(pools) == 1 and _workers_gone(pools[0])
    assert outcomes[1] == outcomes[0]
    local = len(here) - len(outcomes[0][0])  # extracted here in the pool run
    assert (0 < local < len(outcomes[0][0])) if head_start else local == 0
    statuses = [r[1] for r in outcomes[1][0]]
    assert statuses.count("failed") == 3 and statuses.count("duplicate") == 1 and statuses.count("imported") == 9


@pytest.mark.parametrize("stop", [RuntimeError, KeyboardInterrupt])
def test_worker_processes_stop_when_the_import_stops(tmp_path, monkeypatch, stop):
    """An error while storing, or Ctrl-C, ends the import there: the articles stored so far stay,
    the workers end, nothing is left running."""
    from claims.importer import import_paths
    from db.engine import dispose_all, get_engine

    folder = _pool_folder(tmp_path)
    pools = _pools(monkeypatch)
    done = []

    def progress(result):
        done.append(result)
        if len(done) == 3:
            raise stop("stop")

    engine = get_engine(str(tmp_path / "c.db"))
    with pytest.raises(stop):
        import_paths(engine, [str(folder)], actor="t", workers=2, progress=progress)
    dispose_all()
    assert len(pools) == 1 and _workers_gone(pools[0])
    assert table_counts(tmp_path / "c.db")["source"] == 3


def test_ctrl_c_during_an_import_with_worker_processes(tmp_path):
    """A real SIGINT to a process importing with workers: it stops with KeyboardInterrupt, the
    articles committed so far stay whole, and no worker process outlives it."""
    import os
    import signal
    import time

    folder = tmp_path / "many"
    folder.mkdir()
    script = tmp_path / "run.py"
    script.write_text(f"""
import random, sys
from pathlib import Path
from benchmarks.bench_extract import make_article, source_paragraphs
rng, paragraphs = random.Random(1), source_paragraphs()
for i in range(150):
    Path({str(folder)!r}, f"a{{i:03d}}.txt").write_text(make_article(rng, paragraphs), encoding="utf-8")
import concurrent.futures
from claims.importer import import_paths
from db.engine import get_engine
real = concurrent.futures.ProcessPoolExecutor
def progress(result):  # once the workers run (the first articles are extracted here while they start)
    pool = made[0] if made else None
    if pool is not None and pool._processes:
        print("stored", " ".join(str(p.pid) for p in pool._processes.values()), flush=True)
made = []
class Recorded(real):
    def __init__(self, *a, **kw):
        super().__init__(*a, **kw)
        made.append(self)
concurrent.futures.ProcessPoolExecutor = Recorded
try:
    import_paths(get_engine({str(tmp_path / 'c.db')!r}), [{str(folder)!r}], actor="t", story="s", workers=2,
                 progress=progress)
except KeyboardInterrupt:
    print("interrupted", flush=True)
    sys.exit(130)
print("finished", flush=True)
""", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, str(script)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    first = proc.stdout.readline()
    assert first.startswith("stored"), (first, proc.stderr.read() if proc.poll() is not None else "")
    workers = [int(p) for p in first.split()[1:]]
    assert workers
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, (out, err)
    assert "interrupted" in out and "finished" not in out
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(Path(f"/proc/{pid}").exists() for pid in workers):
        time.sleep(0.1)
    assert not any(Path(f"/proc/{pid}").exists() for pid in workers), "a worker outlived the import"
    counts = table_counts(tmp_path / "c.db")
    stored = counts["source"]
    assert 1 <= stored < 150
    con = sqlite3.connect(tmp_path / "c.db")  # every stored article is whole: its claims and its import event
    assert con.execute("SELECT count(*) FROM audit_event WHERE action = 'source.import'").fetchone()[0] == stored
    assert con.execute("SELECT count(DISTINCT source_id) FROM claim").fetchone()[0] == stored


def test_workers_option_on_the_command_line(tmp_path):
    """`--workers 1` extracts in a worker process and stores the same as `--workers 0`; a bad
    count is one error line, exit 2, nothing stored."""
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(3):
        (folder / f"a{i}.txt").write_text(ARTICLE.replace("evacuation-complete", f"evacuation-{i}")
                                          .replace("1,200", f"1,2{i}0"), encoding="utf-8")
    counts = {}
    for n in ("0", "1"):
        db = tmp_path / f"w{n}.db"
        run = claims(db, "import", str(folder), "--workers", n)
        assert run.returncode == 0, run.stderr
        assert run.stdout.count("imported ") == 3
        counts[n] = table_counts(db)
    assert counts["0"] == counts["1"] and counts["0"]["source"] == 3
    bad = claims(tmp_path / "bad.db", "import", str(folder), "--workers", "-1")
    assert bad.returncode == 2 and bad.stderr.startswith("error:") and "--workers" in bad.stderr
    assert "Traceback" not in bad.stderr and bad.stderr.count("\n") == 1
    assert not (tmp_path / "bad.db").exists() or table_counts(tmp_path / "bad.db").get("claim", 0) == 0


def test_ambiguous_date_line_asks_for_published_and_stores_nothing(tmp_path):
    article = tmp_path / "amb.txt"
    article.write_text(ARTICLE.replace("March 5, 2024", "Issued on: 03/04/2024 - 10:00"), encoding="utf-8")
    db = tmp_path / "c.db"
    run = claims(db, "import", str(article))
    assert run.returncode == 2
    assert run.stderr == (f"error: {article}: the date line 'Issued on: 03/04/2024 - 10:00' reads as day/month "
                          "or as month/day: pass --published YYYY-MM-DD\n")
    assert table_counts(db).get("claim", 0) == 0
    ok = claims(db, "import", str(article), "--published", "2024-04-03")
    assert ok.returncode == 0 and ok.stderr == "", ok.stderr
    con = sqlite3.connect(db)
    assert con.execute("SELECT published_on FROM source").fetchall() == [("2024-04-03",)]
    con.close()


def test_workers_that_cannot_start_leave_extraction_to_this_process(tmp_path, monkeypatch):
    """When the worker processes cannot start (here: submit raises as inside a full-screen app),
    the import extracts in its own process and stores every article."""
    from concurrent.futures import ProcessPoolExecutor

    from claims.importer import import_paths
    from db.engine import dispose_all, get_engine

    def refuse(self, *args, **kwargs):
        raise ValueError("bad value(s) in fds_to_keep")

    monkeypatch.setattr(ProcessPoolExecutor, "submit", refuse)
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(3):
        (folder / f"a{i}.txt").write_text(ARTICLE.replace("evacuation-complete", f"evacuation-{i}"), encoding="utf-8")
    results = import_paths(get_engine(str(tmp_path / "c.db")), [str(folder)], actor="t", workers=2)
    dispose_all()
    assert [r.status for r in results] == ["imported"] * 3
    assert table_counts(tmp_path / "c.db")["source"] == 3
