"""Crash safety: `claims import FOLDER` killed with SIGKILL at random moments. Afterwards the
database opens, passes `PRAGMA integrity_check`, and every article is either complete (all its
claims, values and audit events, compared with a clean import of the same file) or absent; running
the import again completes the rest."""
from __future__ import annotations

import json
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from _robust import ROOT, claims_env, integrity_ok, invoke, needs_extract, popen_claims, run_claims, write_articles

ARTICLES = 24


def article_url(path: Path) -> str:
    return path.read_text().rsplit("<", 1)[1].split(">", 1)[0]


def signatures(db: Path) -> dict[str, tuple]:
    """Per source URL, everything the article import wrote about it, without ids or times."""
    con = sqlite3.connect(db)
    try:
        out = {}
        for sid, url, body, sha in con.execute("SELECT id, url, body, content_sha256 FROM source"):
            claims = con.execute(
                "SELECT c.id, c.text, c.quote, c.said_on, c.kind, c.span_start, c.span_end, c.status, sp.name "
                "FROM claim c LEFT JOIN speaker sp ON sp.id = c.speaker_id WHERE c.source_id = ? ORDER BY c.id",
                (sid,)).fetchall()
            ids = [c[0] for c in claims]
            marks = ",".join("?" * len(ids))
            quantities = con.execute(
                f"SELECT c.text, q.low, q.high, q.approximate, q.bound, q.unit, q.measure, q.as_of FROM quantity q "
                f"JOIN claim c ON c.id = q.claim_id WHERE q.claim_id IN ({marks}) ORDER BY q.claim_id, q.id",
                ids).fetchall()
            times = con.execute(
                f"SELECT c.text, t.phrase, t.role, t.earliest, t.latest FROM time_ref t "
                f"JOIN claim c ON c.id = t.claim_id WHERE t.claim_id IN ({marks}) ORDER BY t.claim_id, t.id",
                ids).fetchall()
            events = con.execute(
                f"SELECT action, target_type, reason FROM audit_event WHERE claim_id IN ({marks}) "
                f"OR (target_type = 'source' AND target_id = ?) ORDER BY id", [*ids, sid]).fetchall()
            import_events = [json.loads(a) for (a,) in con.execute(
                "SELECT after FROM audit_event WHERE action = 'source.import' AND target_id = ?", (sid,))]
            for e in import_events:
                e.pop("name", None)
            out[url] = (body, sha, [c[1:] for c in claims], quantities, times, events, import_events)
        return out
    finally:
        con.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The articles, a clean import of them (the reference), and a migrated empty database."""
    base = tmp_path_factory.mktemp("crash")
    folder = base / "articles"
    paths = write_articles(folder, ARTICLES, tag="k", seed=3)
    reference = base / "reference.db"
    started = time.monotonic()
    proc = run_claims("import", str(folder), db=reference)
    import_seconds = time.monotonic() - started
    assert proc.returncode == 0, proc.stderr.decode()
    ref = signatures(reference)
    assert sorted(ref) == sorted(article_url(p) for p in paths)
    assert all(len(sig[2]) >= 3 and sig[5] for sig in ref.values()), "articles without claims or events"
    empty = base / "empty.db"
    started = time.monotonic()
    assert run_claims("list", db=empty).returncode == 0  # migrated, no data
    startup_seconds = time.monotonic() - started
    small = base / "small"  # for the statement-by-statement trials: four of the same articles
    small.mkdir()
    for p in paths[:4]:
        shutil.copy(p, small / p.name)
    return dict(folder=folder, paths=paths, reference=ref, seconds=import_seconds, startup=startup_seconds,
                empty=empty, base=base, small=small, small_urls={article_url(p) for p in paths[:4]})


def wait_for_sources(db: Path, target: int, proc, timeout: float = 120) -> float:
    """Poll (as a WAL reader, which never blocks the writer) until `target` sources exist."""
    started = time.monotonic()
    while time.monotonic() - started < timeout and proc.poll() is None:
        try:
            con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
            try:
                if con.execute("SELECT count(*) FROM source").fetchone()[0] >= target:
                    break
            finally:
                con.close()
        except sqlite3.Error:
            pass
        time.sleep(0.005)
    return time.monotonic() - started


def one_trial(corpus, trial: int, rnd: random.Random) -> tuple[int, float]:
    db = corpus["base"] / f"trial-{trial}.db"
    fresh = trial % 4 == 0  # some trials die while the database is being created and migrated
    if not fresh:
        shutil.copy(corpus["empty"], db)
    proc = popen_claims("import", str(corpus["folder"]), db=db)
    if fresh:  # during start-up: creating and migrating the database
        delay = rnd.uniform(0.05, 1.2 * corpus["startup"])
        time.sleep(delay)
    else:  # once `target` articles are stored, a moment into the next one (independent of machine speed)
        target = rnd.randrange(ARTICLES)
        waited, extra = wait_for_sources(db, target, proc), rnd.uniform(0, 0.04)
        time.sleep(extra)
        delay = waited + extra
    proc.send_signal(signal.SIGKILL)
    proc.wait(30)
    killed = proc.returncode == -signal.SIGKILL

    # The database opens (finishing any migration the kill interrupted) ...
    opened = invoke("list", "--format", "json", "--limit", "1", db=db)
    assert opened.code == 0, (trial, delay, opened)
    integrity_ok(db)
    # ... and every article is complete or absent.
    got = signatures(db)
    reference = corpus["reference"]
    assert set(got) <= set(reference), set(got) - set(reference)
    for url, sig in got.items():
        assert sig == reference[url], f"trial {trial} (killed after {delay:.2f} s): {url} is incomplete"
    con = sqlite3.connect(db)
    orphans = con.execute("SELECT count(*) FROM claim WHERE source_id NOT IN (SELECT id FROM source)").fetchone()[0]
    con.close()
    assert orphans == 0

    # Importing again completes what the kill interrupted.
    again = invoke("import", str(corpus["folder"]), db=db)
    assert again.code == 0, again
    assert signatures(db) == reference
    integrity_ok(db)
    return len(got) if killed else -1, delay


def run_trials(corpus, kills: int, seed: int) -> None:
    """Trials until `kills` of them killed the import before it finished (at most 2 x kills)."""
    rnd = random.Random(seed)
    outcomes = []
    while sum(1 for k, _ in outcomes if k >= 0) < kills and len(outcomes) < 2 * kills:
        outcomes.append(one_trial(corpus, len(outcomes), rnd))
    present = [k for k, _ in outcomes]
    print(f"\n{len(outcomes)} SIGKILL trials (start-up {corpus['startup']:.2f} s, clean import of {ARTICLES} "
          f"articles {corpus['seconds']:.2f} s); articles present after each kill: {present} "
          f"(-1 = finished before the kill)")
    assert sum(1 for k in present if k >= 0) >= kills, "too few trials killed the import before it ended"


@needs_extract
def test_sigkill_during_import_three_trials(corpus):
    run_trials(corpus, 3, seed=1)


@needs_extract
@pytest.mark.slow
def test_sigkill_during_import_many_trials(corpus):
    run_trials(corpus, 20, seed=2)


# Deterministic kills: the process kills itself right after its Nth SQL statement, so every stage
# of a migration or an import (inside a transaction, between two of them) can be hit on purpose.
KILL_AFTER = textwrap.dedent("""
    import os, signal, sys
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    limit, count = int(sys.argv[1]), 0

    @event.listens_for(Engine, "after_cursor_execute")
    def _die(*_):
        global count
        count += 1
        if count >= limit:
            os.kill(os.getpid(), signal.SIGKILL)

    from claims.cli import main
    main(sys.argv[2:])
""")


def kill_after(n: int, db: Path, *args: str) -> int:
    proc = subprocess.run([sys.executable, "-c", KILL_AFTER, str(n), "--db", str(db), *args], capture_output=True,
                          env=claims_env(), cwd=ROOT, timeout=120)
    return proc.returncode


def statements(db: Path, *args: str) -> int:
    """How many SQL statements the command runs to the end (counted, not killed)."""
    count_script = KILL_AFTER.replace("os.kill(os.getpid(), signal.SIGKILL)", "pass").replace(
        "main(sys.argv[2:])", "import atexit; atexit.register(lambda: print(count, file=sys.stderr)); main(sys.argv[2:])")
    proc = subprocess.run([sys.executable, "-c", count_script, "0", "--db", str(db), *args], capture_output=True,
                          env=claims_env(), cwd=ROOT, timeout=120)
    return int(proc.stderr.decode().strip().splitlines()[-1])


def check_after_kill(corpus, db: Path, label: str) -> None:
    opened = invoke("list", "--format", "json", "--limit", "1", db=db)
    assert opened.code == 0, (label, opened)
    integrity_ok(db)
    reference = corpus["reference"]
    for url, sig in signatures(db).items():
        assert sig == reference[url], f"{label}: {url} is incomplete"


def statement_kill_trials(corpus, tmp_path, points: int) -> None:
    total_migrate = statements(tmp_path / "count-m.db", "list")
    count_db = tmp_path / "count-i.db"
    shutil.copy(corpus["empty"], count_db)
    total_import = statements(count_db, "import", str(corpus["small"]))
    rnd = random.Random(points)
    for n in sorted(rnd.sample(range(1, total_migrate), min(points, total_migrate - 1))):
        db = tmp_path / f"m{n}.db"
        assert kill_after(n, db, "list") == -signal.SIGKILL
        check_after_kill(corpus, db, f"killed after statement {n} of {total_migrate} of the first open")
    for n in sorted(rnd.sample(range(1, total_import), min(points, total_import - 1))):
        db = tmp_path / f"i{n}.db"
        shutil.copy(corpus["empty"], db)
        assert kill_after(n, db, "import", str(corpus["small"])) == -signal.SIGKILL
        check_after_kill(corpus, db, f"killed after statement {n} of {total_import} of the import")
        again = invoke("import", str(corpus["small"]), db=db)
        assert again.code == 0, again
        assert signatures(db) == {u: s for u, s in corpus["reference"].items() if u in corpus["small_urls"]}
    print(f"\nkilled after chosen statements: migration has {total_migrate}, import of 4 articles {total_import}")


@needs_extract
@pytest.mark.slow
def test_killed_after_chosen_statements_of_migration_and_import(corpus, tmp_path):
    statement_kill_trials(corpus, tmp_path, 12)
