"""Concurrent writers on one SQLite file: two `claims import` processes and a third process that
marks and tags claims in a loop through the CLI. All finish with exit status 0, every article and
every mark is there, the file passes `PRAGMA integrity_check`, and no "database is locked" error
reaches a user. (WAL + busy_timeout + BEGIN IMMEDIATE for writers: db/engine.py.)"""
from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import textwrap
import time

import pytest

from _robust import ROOT, claims_env, integrity_ok, invoke, needs_extract, popen_claims, run_claims, table_counts, \
    write_articles

SEED_CLAIMS = 8

# The third process: one Python process calling the real CLI entry point once per command (each
# command its own transaction), as fast as it can, until the importers are done.
MARKER = textwrap.dedent("""
    import contextlib, io, json, random, sqlite3, sys, time
    from claims.cli import main

    db, stop_file, log_file = sys.argv[1:4]
    rnd = random.Random(7)
    statuses = ["corroborated", "disputed", "refuted", "retracted", "unverified"]
    log = []

    def run(*argv):
        err = io.StringIO()
        code = 0
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
            try:
                main(["--db", db, "--as", "marker", *argv])
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else 0
        return code, err.getvalue()

    n = 0
    import os
    while not os.path.exists(stop_file) or n < 20:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)
        top = con.execute("SELECT max(id) FROM claim").fetchone()[0]
        con.close()
        claim_id = rnd.randint(1, top)
        status = statuses[n % len(statuses)]
        code, err = run("mark", str(claim_id), status, "--reason", f"mark-{n}")
        log.append({"op": "mark", "n": n, "claim": claim_id, "status": status, "code": code, "err": err})
        code, err = run("tag", str(claim_id), f"t{n}")
        log.append({"op": "tag", "n": n, "claim": claim_id, "tag": f"t{n}", "code": code, "err": err})
        n += 1
    with open(log_file, "w") as f:
        json.dump(log, f)
""")


def run_concurrently(tmp_path, per_importer: int) -> dict:
    db = tmp_path / "claims.db"
    for i in range(SEED_CLAIMS):
        r = invoke("add", "--text", f"Seed claim {i} about {i * 10} trucks", "--source",
                   f"https://example.com/seed/{i}", db=db)
        assert r.code == 0, r
    folder_a = tmp_path / "a"
    folder_b = tmp_path / "b"
    articles = write_articles(folder_a, per_importer, tag="a") + write_articles(folder_b, per_importer, tag="b")
    stop_file, log_file = tmp_path / "stop", tmp_path / "marker.json"
    started = time.monotonic()
    marker = subprocess.Popen([sys.executable, "-c", MARKER, str(db), str(stop_file), str(log_file)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=claims_env(), cwd=ROOT)
    importers = [popen_claims("import", str(folder), "--format", "json", db=db) for folder in (folder_a, folder_b)]
    outputs = [p.communicate(timeout=600) for p in importers]
    stop_file.touch()
    marker_out, marker_err = marker.communicate(timeout=600)
    elapsed = time.monotonic() - started
    return dict(db=db, articles=articles, importers=importers, outputs=outputs, marker=marker,
                marker_err=marker_err, log=json.loads(log_file.read_text()) if log_file.exists() else [],
                elapsed=elapsed)


def check(run: dict, per_importer: int) -> None:
    db = run["db"]
    for proc, (out, err) in zip(run["importers"], run["outputs"]):
        text = err.decode("utf-8", "replace")
        assert "locked" not in text.lower(), text
        assert proc.returncode == 0, text[-3000:]
        results = json.loads(out)
        assert len(results) == per_importer
        assert all(r["status"] == "imported" for r in results), [r for r in results if r["status"] != "imported"]
    marker_err = run["marker_err"].decode("utf-8", "replace")
    assert run["marker"].returncode == 0, marker_err[-3000:]
    log = run["log"]
    assert log, "the marker did nothing"
    for entry in log:
        assert "locked" not in entry["err"].lower(), entry
        assert entry["code"] == 0, entry

    integrity_ok(db)
    con = sqlite3.connect(db)
    try:
        # Every article is there, whole: its source with text, its claims, its import event.
        urls = {u: (sid, body) for sid, u, body in con.execute("SELECT id, url, body FROM source")}
        for path in run["articles"]:
            url = path.read_text().rsplit("<", 1)[1].split(">", 1)[0]
            assert url in urls, f"{path.name} missing"
            sid, body = urls[url]
            assert body
            n_claims = con.execute("SELECT count(*) FROM claim WHERE source_id = ?", (sid,)).fetchone()[0]
            assert n_claims >= 3, (path.name, n_claims)
            event = con.execute("SELECT after FROM audit_event WHERE action = 'source.import' AND target_id = ?",
                                (sid,)).fetchone()
            assert event and json.loads(event[0])["claims"] == n_claims
        # Every mark and tag is there, in order: the last mark of each claim is its status.
        marks = {r for (r,) in con.execute("SELECT reason FROM audit_event WHERE action = 'claim.mark' "
                                           "AND actor = 'marker'")}
        last_status: dict[int, str] = {}
        for entry in log:
            if entry["op"] == "mark":
                assert f"mark-{entry['n']}" in marks
                last_status[entry["claim"]] = entry["status"]
            else:
                assert con.execute("SELECT 1 FROM claim_tag ct JOIN tag t ON t.id = ct.tag_id "
                                   "WHERE ct.claim_id = ? AND t.name = ?", (entry["claim"], entry["tag"])).fetchone()
        for claim_id, status in last_status.items():
            assert con.execute("SELECT status FROM claim WHERE id = ?", (claim_id,)).fetchone()[0] == status
        n_marks = sum(1 for e in log if e["op"] == "mark")
        assert con.execute("SELECT count(*) FROM audit_event WHERE action = 'claim.mark'").fetchone()[0] == n_marks
        # The search index followed every write.
        assert con.execute("INSERT INTO claim_fts(claim_fts) VALUES('integrity-check')") is not None
    finally:
        con.close()
    print(f"\n{2 * per_importer} articles imported by two processes while a third made "
          f"{len(log)} mark/tag commands: {run['elapsed']:.1f} s")


@needs_extract
def test_two_importers_of_fifty_articles_and_a_marker(tmp_path):
    check(run_concurrently(tmp_path, 50), 50)


@needs_extract
@pytest.mark.slow
def test_two_importers_of_150_articles_and_a_marker(tmp_path):
    check(run_concurrently(tmp_path, 150), 150)


def long_article(sentences: int, tag: str) -> str:
    body = "\n\n".join(
        f"The agency said {100 + i} people were evacuated from village {i} on Monday, and officials "
        f"expected about {i % 50 + 2} more buses by Thursday." for i in range(sentences))
    return f"Long report {tag}\n\nMarch 5, 2024\n\n{body}\n\nOriginal url:\n\n<https://example.com/long-{tag}>\n"


@needs_extract
def test_an_article_too_long_for_one_transaction_is_refused(tmp_path):
    """One article is one write transaction; one with thousands of statements would hold the write
    lock for minutes and other writers would get 'database is locked'. It is refused instead."""
    from claims.importer import MAX_CLAIMS_PER_ARTICLE

    db = tmp_path / "claims.db"
    assert invoke("list", db=db).code == 0
    path = tmp_path / "long.txt"
    path.write_text(long_article(MAX_CLAIMS_PER_ARTICLE + 200, "x"))
    before = table_counts(db)
    r = invoke("import", str(path), db=db)
    assert r.code == 2, r
    assert "limit" in r.err and "split" in r.err, r.err
    assert table_counts(db) == before


@needs_extract
@pytest.mark.slow
def test_writers_never_see_locked_while_the_longest_allowed_article_imports(tmp_path):
    from claims.importer import MAX_CLAIMS_PER_ARTICLE

    db = tmp_path / "claims.db"
    assert invoke("add", "--text", "seed", "--source", "https://example.com/seed", db=db).code == 0
    path = tmp_path / "long.txt"
    path.write_text(long_article(MAX_CLAIMS_PER_ARTICLE - 50, "y"))
    importer = popen_claims("import", str(path), db=db)
    marks = []
    while importer.poll() is None:
        marks.append(run_claims("mark", "1", "disputed" if len(marks) % 2 else "refuted", "--reason",
                                f"m{len(marks)}", db=db))
    out, err = importer.communicate()
    assert importer.returncode == 0, err.decode()
    for m in marks:
        assert m.returncode == 0 and b"locked" not in m.stderr, m.stderr.decode()
