"""Time the store's reads on a built database: the query alone (in this process, engine open, warm
cache) and the whole `claims` subprocess a user waits for.

    python -m benchmarks.bench_cli --db benchmarks/out/claims-1000000.db [--repeat 7]

Searches use a common word (COMMON_WORD, in most claims) and a rare one (RARE_WORD, in ten):
both must be fast. Figures are medians; nothing is asserted (benchmarks never assert a time).
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable

from benchmarks.build_db import COMMON_WORD, RARE_WORD


def _process_ms(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median wall and CPU (user + system of the child) milliseconds of a subprocess. The CPU
    figure holds steady when other work shares the machine; the wall figure is what a user waits."""
    fn()
    walls, cpus = [], []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        fn()
        walls.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls) * 1000, statistics.median(cpus) * 1000


def _median_ms(fn: Callable[[], object], repeat: int) -> float:
    fn()  # warm: first compile, page cache
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def claims_command() -> list[str]:
    """The installed `claims` script beside this interpreter (what a user runs)."""
    script = Path(sys.executable).with_name("claims")
    if script.exists():
        return [str(script)]
    found = shutil.which("claims")
    return [found] if found else [sys.executable, "-c", "from claims.cli import main; main()"]


def run_cli(db: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*claims_command(), "--db", db, *args], capture_output=True, text=True,
                          env={**os.environ, "COLUMNS": "160"})


def bench(db: str, *, repeat: int = 7, out=sys.stdout) -> dict:
    """Every figure in milliseconds, keyed by what was timed."""
    from db.engine import dispose_all, get_engine, read_session
    from db.queries import ClaimFilter, claim_detail, count_claims, list_claims
    from sqlalchemy import text

    engine = get_engine(db)
    with engine.connect() as conn:
        max_id = conn.execute(text("SELECT max(id) FROM claim")).scalar() or 0
    show_id = max(1, max_id // 2)

    def q(fn):
        def timed():
            with read_session(engine) as session:
                return fn(session)
        return timed

    common, rare = ClaimFilter(search=COMMON_WORD), ClaimFilter(search=RARE_WORD)
    queries = {
        "list first page": q(lambda s: list_claims(session=s, limit=50)),
        f"search common ({COMMON_WORD})": q(lambda s: list_claims(session=s, filters=common, limit=50)),
        f"search rare ({RARE_WORD})": q(lambda s: list_claims(session=s, filters=rare, limit=50)),
        "search page 2 (common)": q(lambda s: list_claims(session=s, filters=common, limit=50, after=max_id // 3)),
        "show claim": q(lambda s: claim_detail(session=s, claim_id=show_id)),
        "count all": q(lambda s: count_claims(session=s)),
        f"count search ({COMMON_WORD})": q(lambda s: count_claims(session=s, filters=common)),
    }
    figures: dict[str, dict] = {}
    for name, fn in queries.items():
        figures[name] = {"query_ms": round(_median_ms(fn, repeat * 3), 2)}
    with read_session(engine) as s:
        counts = {"claims": count_claims(session=s), "common": count_claims(session=s, filters=common),
                  "rare": count_claims(session=s, filters=rare)}
    dispose_all()

    commands = {
        "python + claims --help (floor)": ["--help"],
        "list first page": ["list", "--limit", "50"],
        f"search common ({COMMON_WORD})": ["list", "--search", COMMON_WORD, "--limit", "50"],
        f"search rare ({RARE_WORD})": ["list", "--search", RARE_WORD, "--limit", "50"],
        "show claim": ["show", str(show_id)],
    }
    for name, args in commands.items():
        result = run_cli(db, *args)
        if result.returncode != 0:
            figures.setdefault(name, {})["error"] = result.stderr.strip()[:200]
            continue
        wall, cpu = _process_ms(lambda: run_cli(db, *args), repeat)
        figures.setdefault(name, {}).update(process_ms=round(wall, 1), process_cpu_ms=round(cpu, 1))

    print(f"claims store on {db}: {counts['claims']:,} claims; '{COMMON_WORD}' in {counts['common']:,}, "
          f"'{RARE_WORD}' in {counts['rare']:,}; medians of {repeat * 3} queries / {repeat} processes", file=out)
    print(f"  {'what':34} {'query':>10} {'process':>10} {'proc. CPU':>10}", file=out)
    for name, f in figures.items():
        query = f"{f['query_ms']:.2f} ms" if "query_ms" in f else "-"
        process = f"{f['process_ms']:.0f} ms" if "process_ms" in f else f.get("error", "-")
        cpu = f"{f['process_cpu_ms']:.0f} ms" if "process_cpu_ms" in f else "-"
        print(f"  {name:34} {query:>10} {process:>10} {cpu:>10}", file=out)
    return {"db": db, "counts": counts, "figures": figures}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_cli", description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True, help="A database built by benchmarks.build_db.")
    parser.add_argument("--repeat", type=int, default=7, help="Subprocess runs per command (queries: 3x).")
    args = parser.parse_args(argv)
    bench(args.db, repeat=args.repeat)


if __name__ == "__main__":
    main()
