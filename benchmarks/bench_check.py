"""Time a full evidence check on one synthetic story: 100,000 quantity claims over 20 measures.

    python -m benchmarks.bench_check [--claims 100000] [--measures 20] [--db PATH] [--seed 7]

The story is inserted with SQLAlchemy Core bulk inserts (the FTS triggers are dropped during the
load and the index rebuilt after). Its figures grow over a year with noise, from 2,000 sources,
some approximate or bounded, so the check finds many corroborations and revisions and some
contradictions. Prints the phases and the totals; asserts nothing about time.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import tempfile
import time
from pathlib import Path

from sqlalchemy import func, insert, select, text

from db.engine import get_engine, read_session, write_session
from db.models import AuditEvent, Claim, ClaimLink, Quantity, Source, Story, TimeRef, utcnow

MEASURES = ["deaths", "injured", "detentions", "troops", "evacuated", "missing", "homeless", "displaced",
            "hospitalised", "rescued", "affected", "protesters", "infections"]
BOUNDS = [None] * 8 + ["more than", "at least", "nearly", "up to"]


def build(engine, n_claims: int, n_measures: int, seed: int) -> None:
    rnd = random.Random(seed)
    measures = (MEASURES + [f"measure{i}" for i in range(n_measures)])[:n_measures]
    start = dt.date(2024, 1, 1)
    now = utcnow()
    n_sources = max(1, n_claims // 50)
    with engine.begin() as conn:
        if engine.dialect.name == "sqlite":
            for trig in ("claim_fts_ai", "claim_fts_ad", "claim_fts_au"):
                conn.execute(text(f"DROP TRIGGER IF EXISTS {trig}"))
        conn.execute(insert(Story.__table__), [dict(id=1, name="synthetic", created_at=now)])
        conn.execute(insert(Source.__table__), [
            dict(id=i, url=f"https://news{i % 40}.example/{i}", url_key=f"https://news{i % 40}.example/{i}",
                 outlet=f"Outlet {i % 40}", published_on=start + dt.timedelta(days=i * 365 // n_sources),
                 story_id=1, created_at=now) for i in range(1, n_sources + 1)])
        claims, quantities, times = [], [], []
        for cid in range(1, n_claims + 1):
            source = rnd.randint(1, n_sources)
            day = (source * 365) // n_sources
            measure = measures[cid % n_measures]
            base = (cid % n_measures + 1) * 100 + day * 3
            value = max(0, round(base * rnd.uniform(0.9, 1.1)))
            bound = rnd.choice(BOUNDS)
            approximate = rnd.random() < 0.3
            claims.append(dict(id=cid, text=f"Officials said {value} people were counted as {measure} in the region.",
                               source_id=source, story_id=1, kind="quantity", status="unverified", version=1,
                               said_on=start + dt.timedelta(days=day), created_at=now, updated_at=now))
            quantities.append(dict(claim_id=cid, low=None if bound == "up to" else value,
                                   high=value if bound in (None, "up to", "nearly") else None,
                                   approximate=approximate, bound=bound, unit=measure, measure=measure,
                                   as_of=start + dt.timedelta(days=day)))
            if cid % 1000 == 0:
                times.append(dict(claim_id=cid, phrase="within a week", role="deadline", earliest=None,
                                  latest=start + dt.timedelta(days=day + 7)))
        for table, rows in ((Claim.__table__, claims), (Quantity.__table__, quantities), (TimeRef.__table__, times)):
            for i in range(0, len(rows), 20_000):
                conn.execute(insert(table), rows[i:i + 20_000])
        if engine.dialect.name == "sqlite":

            conn.execute(text("INSERT INTO claim_fts(claim_fts) VALUES ('rebuild')"))
    # Put the search triggers back as the migration made them.
    if engine.dialect.name == "sqlite":
        import importlib

        mig = importlib.import_module("db.migrations.versions.0001_initial_schema")
        with engine.begin() as conn:
            for statement in mig.SQLITE_FTS_TRIGGERS:
                conn.execute(text(statement))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--measures", type=int, default=20)
    parser.add_argument("--db", help="SQLite path or URL (default: a temp file)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    db = args.db or str(Path(tempfile.mkdtemp()) / "bench_check.db")
    engine = get_engine(db)
    t0 = time.perf_counter()
    build(engine, args.claims, args.measures, args.seed)
    print(f"built {args.claims:,} quantity claims over {args.measures} measures in {time.perf_counter() - t0:.1f}s")

    from claims import check, relations
    from claims.measures import is_cumulative

    with read_session(engine) as session:
        t = time.perf_counter()
        figs = check.load_figures(session, 1)
        t_load = time.perf_counter() - t
        t = time.perf_counter()
        statements = check.load_statements(session, 1)
        t_stmts = time.perf_counter() - t
        t = time.perf_counter()
        n_found = sum(1 for _ in relations.detect_figures(figs, cumulative=is_cumulative))
        t_detect = time.perf_counter() - t
        t = time.perf_counter()
        counted = {f.claim for f in figs}
        n_events = sum(1 for _ in relations.detect_events(s for s in statements if s.claim not in counted))
        t_events = time.perf_counter() - t
    print(f"phases: load figures {t_load:.2f}s ({len(figs):,}), load statements {t_stmts:.2f}s, "
          f"compare figures {t_detect:.2f}s ({n_found:,} relations), events {t_events:.2f}s ({n_events:,})")

    relations.signature.cache_clear()  # the full check starts cold, as a fresh `claims check` would
    t, cpu = time.perf_counter(), time.process_time()
    with write_session(engine) as session:
        result = check.run_check(session=session, actor="bench", story="synthetic", today=dt.date(2025, 6, 1))
    first, first_cpu = time.perf_counter() - t, time.process_time() - cpu
    print(f"full check: {first:.2f}s wall, {first_cpu:.2f}s CPU (load average {os.getloadavg()[0]:.1f})"
          f"  -> {result['new_links_total']:,} new links {result['new_links']}, "
          f"deadlines {result['deadlines']}")
    relations.signature.cache_clear()
    t, cpu = time.perf_counter(), time.process_time()
    with write_session(engine) as session:
        again = check.run_check(session=session, actor="bench", story="synthetic", today=dt.date(2025, 6, 1))
    print(f"second check (nothing new): {time.perf_counter() - t:.2f}s wall, {time.process_time() - cpu:.2f}s CPU "
          f"-> {again['new_links_total']} new links")
    with read_session(engine) as session:
        links = session.scalar(select(func.count()).select_from(ClaimLink))
        events = session.scalar(select(func.count()).select_from(AuditEvent))
    print(f"stored: {links:,} links, {events:,} audit events; database {db}")


if __name__ == "__main__":
    main()
