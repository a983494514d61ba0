"""How fast the TUI shows claims: time to the first rows, and to a search's results, at 1k, 100k, 1M.

    python -m benchmarks.bench_tui [--sizes 1000,100000,1000000] [--dir benchmarks/out]

Opens the app headless with Pilot (100x30) on databases built by `benchmarks.build_db` (built
first when missing; a minimal Core bulk inserter stands in when build_db is not installed) and
prints figures; it asserts nothing. "ready" is from creating the app to the table's
`row_count > 0`; a search is from the filter being applied to its first page being shown.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RARE_WORD = "kestrelwood"
COMMON_WORD = "said"


def ensure_db(n: int, folder: Path) -> Path:
    path = folder / f"claims-{n}.db"
    if path.exists():
        return path
    folder.mkdir(parents=True, exist_ok=True)
    t = time.perf_counter()
    try:
        import benchmarks.build_db  # noqa: F401
    except ImportError:
        minimal_build(n, path)
    else:
        subprocess.run([sys.executable, "-m", "benchmarks.build_db", "--claims", str(n), "--db", str(path), "--no-raw"],
                       check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    print(f"  built {path} in {time.perf_counter() - t:.1f} s", flush=True)
    return path


def minimal_build(n: int, path: Path) -> None:
    """Claims, one source per ten, through Core inserts with the FTS triggers off during the load."""
    import datetime as dt

    from sqlalchemy import insert, text

    from db.engine import dispose_all, get_engine
    from db.models import Claim, Source, Speaker

    engine = get_engine(str(path))
    words = ["minister", "said", "troops", "flood", "evacuated", "deadline", "talks", "ceasefire", "aid"]
    with engine.begin() as conn:
        triggers = conn.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type='trigger' "
                                        "AND name LIKE 'claim_fts%'").all()
        for name, _ in triggers:
            conn.exec_driver_sql(f"DROP TRIGGER {name}")
        conn.execute(insert(Speaker), [{"id": i + 1, "name": f"Speaker {i}", "kind": "person"} for i in range(500)])
        n_sources = max(n // 10, 1)
        conn.execute(insert(Source), [{"id": i + 1, "url": f"https://news.example/{i}",
                                       "url_key": f"https://news.example/{i}", "outlet": f"Outlet {i % 40}",
                                       "created_at": dt.datetime(2025, 1, 1)} for i in range(n_sources)])
        now = dt.datetime(2025, 1, 1)
        for start in range(0, n, 50_000):
            rows = []
            for i in range(start, min(start + 50_000, n)):
                text_ = f"{words[i % 9]} {words[(i * 7) % 9]} {i} people {words[(i * 3) % 9]}"
                if i % (n // 10 or 1) == 0:
                    text_ += f" {RARE_WORD}"
                rows.append({"id": i + 1, "text": text_, "speaker_id": i % 500 + 1, "source_id": i % n_sources + 1,
                             "said_on": dt.date(2020, 1, 1) + dt.timedelta(days=i % 2000), "kind": "statement",
                             "status": "unverified", "version": 1, "created_at": now, "updated_at": now})
            conn.execute(insert(Claim), rows)
        conn.execute(text("INSERT INTO claim_fts(claim_fts) VALUES('rebuild')"))
        for _, sql in triggers:
            conn.exec_driver_sql(sql)
    dispose_all()


async def measure(path: Path, searches: list[str]) -> dict[str, float]:
    from db.engine import dispose_all
    from db.queries import ClaimFilter
    from tui.app import make_app

    out: dict[str, float] = {}
    start = time.perf_counter()
    app = make_app(str(path), actor="bench", poll_seconds=None)
    out["engine_s"] = time.perf_counter() - start
    async with app.run_test(size=(100, 30)) as pilot:
        out["mounted_s"] = time.perf_counter() - start
        table = app.screen.query_one("#claims")
        while table.row_count == 0:
            await asyncio.sleep(0.001)
        out["ready_s"] = time.perf_counter() - start
        out["first_page_s"] = table.last_page_seconds
        await app.workers.wait_for_complete()
        await pilot.pause()
        for word in searches:
            generation = table._generation + 1
            t = time.perf_counter()
            table.set_query(filters=ClaimFilter(search=word))
            while table._loading or table._generation != generation:
                await asyncio.sleep(0.001)
            out[f"search_{word}_s"] = time.perf_counter() - t
            out[f"search_{word}_page_s"] = table.last_page_seconds
            out[f"search_{word}_rows"] = table.row_count
            await app.workers.wait_for_complete()
            await pilot.pause()
            out[f"search_{word}_matches"] = table._shown or 0
            out[f"count_{word}_s"] = timed_count(app.engine, ClaimFilter(search=word))
        out["count_total_s"] = timed_count(app.engine, ClaimFilter())
        t = time.perf_counter()
        table.set_query(filters=ClaimFilter(), sort="said_on", descending=True)
        generation = table._generation
        while table._loading or table._generation != generation:
            await asyncio.sleep(0.001)
        out["sort_said_on_s"] = time.perf_counter() - t
        await app.workers.wait_for_complete()
        await pilot.pause(0.2)
        before = table.row_count
        table.load_more()
        while table._loading:
            await asyncio.sleep(0.001)
        out["next_page_s"] = table.last_page_seconds
        assert table.row_count > before or table._exhausted
    dispose_all()
    return out


def timed_count(engine, filters) -> float:
    """What the count worker spends on one filter (it runs after the first page is shown)."""
    from db.engine import read_session
    from db.queries import count_claims

    with read_session(engine) as session:
        t = time.perf_counter()
        count_claims(session=session, filters=filters)
        return time.perf_counter() - t


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,100000,1000000")
    parser.add_argument("--dir", default=os.environ.get("CLAIMS_BENCH_DIR", str(ROOT / "benchmarks" / "out")))
    parser.add_argument("--runs", type=int, default=3, help="Opens per size (the median is printed).")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    import tui.app  # noqa: F401  (import time is not what is measured)
    import tui.screens.main  # noqa: F401
    print(f"TUI benchmark (headless Pilot, 100x30, median of {args.runs} runs)")
    for n in sizes:
        path = ensure_db(n, Path(args.dir))
        runs = [asyncio.run(measure(path, [RARE_WORD, COMMON_WORD])) for _ in range(args.runs)]
        med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
        ms = lambda key: f"{med[key] * 1000:,.0f} ms"
        print(f"{n:>9,} claims  open db {ms('engine_s')}, app up {ms('mounted_s')}, first rows shown at "
              f"{ms('ready_s')} (page asked -> rows in table {ms('first_page_s')}); total count {ms('count_total_s')}")
        for word in (RARE_WORD, COMMON_WORD):
            print(f"{'':>17}search {word!r}: results shown in {ms(f'search_{word}_s')} "
                  f"(page {ms(f'search_{word}_page_s')}); {med[f'search_{word}_matches']:,.0f} matches counted "
                  f"in {ms(f'count_{word}_s')}")
        print(f"{'':>17}sort by said on, newest first: {ms('sort_said_on_s')}; next page while scrolling: "
              f"{ms('next_page_s')}", flush=True)


if __name__ == "__main__":
    main()
