"""Detection after an import (claims.check.StoryDetector: the new claims against the story, kept
in memory between the articles of one import) adds exactly what the full check after every
article added before it: the same suggested links, deadline states, audit events and
ImportResults. Also when something else changes the story half-way (a dismissed link) and when
articles fail or are duplicates. SQLite and, with CLAIMS_TEST_POSTGRES_URL, PostgreSQL.

(A single `claims check` over the finished story is not the reference: detection links each
figure to its nearest neighbours at the time, so the order articles arrive in matters; the
per-article full check was the importer's behaviour and is what incremental detection keeps.)"""
from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from tests.conftest import fresh_db_url, is_postgres, reset_postgres

ROOT = Path(__file__).resolve().parents[1]


def write_articles(folder: Path, n: int) -> None:
    from benchmarks.bench_extract import make_article, source_paragraphs

    rng = random.Random(5)
    paragraphs = source_paragraphs()
    folder.mkdir()
    corpus = sorted(p for p in (ROOT / "tests" / "corpus").iterdir() if p.suffix in (".txt", ".md", ".html"))
    for i in range(n):
        (folder / f"a{i:03d}.txt").write_text(make_article(rng, paragraphs), encoding="utf-8")
        if i % 4 == 0 and corpus:
            src = corpus.pop(0)
            shutil.copy(src, folder / f"a{i:03d}b{src.suffix}")
    (folder / "a005c.txt").write_text("", encoding="utf-8")  # fails
    shutil.copy(folder / "a003.txt", folder / "a007c.txt")  # a duplicate
    later = folder.with_name("later")
    later.mkdir()
    for i in range(3):
        (later / f"l{i}.txt").write_text(make_article(rng, paragraphs), encoding="utf-8")


def snapshot(url: str) -> dict:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            links = sorted(conn.execute(text(
                "SELECT a_id, b_id, relation, origin, state, reason, created_by FROM claim_link")).all())
            claims = sorted(conn.execute(text("SELECT id, deadline_state, version FROM claim")).all())
            events = sorted((tuple(r) for r in conn.execute(text(
                "SELECT actor, action, target_type, CASE WHEN target_type = 'link' THEN NULL ELSE target_id END, "
                "claim_id, before, after, reason FROM audit_event")).all()), key=repr)
            return {"links": links, "claims": claims, "events": events}
    finally:
        engine.dispose()


def run_import(url: str, folder: Path, incremental: bool, monkeypatch) -> tuple[list, dict]:
    from claims import importer
    from db.engine import dispose_all, get_engine, write_session
    from db.writes import NewSource, add_evidence, set_link_state

    from claims import check

    monkeypatch.setattr(importer, "INCREMENTAL_DETECTION", incremental)
    calls = {"full": 0, "incremental": 0}
    real_full, real_detect = check.run_check, check.StoryDetector.detect

    def full(**kw):
        calls["full"] += 1
        return real_full(**kw)

    def detect(self, **kw):
        calls["incremental"] += 1
        return real_detect(self, **kw)

    monkeypatch.setattr(check, "run_check", full)
    monkeypatch.setattr(check.StoryDetector, "detect", detect)
    engine = get_engine(url)
    done = []

    def progress(result):
        done.append(result)
        if len(done) == 12:  # someone dismisses a suggestion while the import runs, and attaches
            # an article still to come as disputing a stored claim
            later = (folder / "a030.txt").read_text(encoding="utf-8").rsplit("<", 1)[1].split(">")[0]
            with write_session(engine) as session:
                link_id = session.execute(text("SELECT min(id) FROM claim_link")).scalar()
                set_link_state(session=session, actor="editor", link_id=link_id, state="dismissed", reason="no")
                claim_id = session.execute(text("SELECT min(id) FROM claim WHERE text LIKE '%%evacuat%%' "
                                                "OR text LIKE '%%strike%%'")).scalar()
                add_evidence(session=session, actor="editor", claim_id=claim_id, source=NewSource(url=later),
                             stance="disputes", note="the later article disputes it")

    results = importer.import_paths(engine, [str(folder)], actor="importer", story="s", progress=progress)
    # a second import into the same story (a new detector, loaded from the database)
    more = importer.import_paths(engine, [str(folder.with_name("later"))], actor="importer", story="s")
    dispose_all()
    imported = sum(r.status == "imported" for r in results + more)
    # incremental: a full check for the first article, after the outside change, and for the
    # first article of the second import; the new claims alone for all the others
    assert calls == ({"full": 3, "incremental": imported - 3} if incremental else {"full": imported, "incremental": 0})
    snap = snapshot(url)
    snap["disputes"] = [link for link in snap["links"] if "disputes claim" in (link[5] or "")]
    return [(r.name, r.status, r.message, r.claims, r.links) for r in results + more], snap


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=[pytest.mark.postgres, pytest.mark.slow])])
def db_url(request, tmp_path):
    """The two databases; the PostgreSQL run (about 12 s) is behind `make test-slow`."""
    yield from fresh_db_url(request.param, tmp_path)


def test_incremental_detection_adds_what_the_full_check_after_each_article_added(db_url, tmp_path, monkeypatch):
    from db.engine import dispose_all

    folder = tmp_path / "articles"
    write_articles(folder, 36)
    outcomes = []
    for label, incremental in (("full", False), ("incremental", True)):
        dispose_all()
        if is_postgres(db_url):
            reset_postgres(db_url)
            url = db_url
        else:
            url = f"sqlite:///{tmp_path / label}.db"
        outcomes.append(run_import(url, folder, incremental, monkeypatch))
    (full_results, full), (inc_results, inc) = outcomes
    statuses = [r[1] for r in inc_results]
    assert statuses.count("failed") >= 1 and statuses.count("duplicate") == 1 and statuses.count("imported") > 30
    assert inc_results == full_results
    assert len(full["links"]) > 100 and any(state for _, state, _ in full["claims"])
    assert full["disputes"]  # the disputing source's own claims were compared with the disputed one
    assert inc["links"] == full["links"]
    assert inc["claims"] == full["claims"]
    assert inc["events"] == full["events"]
