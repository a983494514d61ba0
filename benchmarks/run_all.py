"""Run every benchmark on databases of several sizes and print one table of how each cost grows.

    python -m benchmarks.run_all [--sizes 1000,100000,1000000] [--rebuild]

Each size is built once into benchmarks/out/claims-SIZE.db (kept for the next run; --rebuild
makes it again). Then, per size: bench_cli (list, search, show, count), `claims export --format
jsonl` and `claims check` as a user runs them. Then every other benchmarks/bench_*.py once
(bench_tui over the same databases; the others make their own data). Each prints its own
figures; the table at the end gathers the common ones.
"""
from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import time
from pathlib import Path

from benchmarks import bench_cli
from benchmarks.build_db import COMMON_WORD, build

HERE = Path(__file__).parent
OUT = HERE / "out"
OWN = {"bench_cli"}
TIMEOUT_S = 900


def other_benchmarks() -> list[str]:
    return sorted(p.stem for p in HERE.glob("bench_*.py") if p.stem not in OWN)


def built(size: int, *, rebuild: bool, seed: int) -> tuple[Path, dict]:
    db = OUT / f"claims-{size}.db"
    record = OUT / f"claims-{size}.build.json"
    if rebuild or not db.exists() or not record.exists():
        print(f"\n== building {size:,} claims", flush=True)
        figures = build(size, str(db), seed=seed, replace=True)
        record.write_text(json.dumps(figures, indent=1))
    else:
        figures = json.loads(record.read_text())
        print(f"\n== {db} exists (built {figures['claims']:,} claims at {figures['claims_per_s']:,} claims/s; "
              f"--rebuild to make it again)", flush=True)
    return db, figures


def timed_command(db: Path, *args: str) -> dict:
    """One run of a `claims` command as a user runs it; output goes to a file, not the terminal."""
    if not _has_command(args[0]):
        return {"missing": True}
    sink = OUT / f"{db.stem}.{args[0]}.out"
    started = time.perf_counter()
    try:
        with sink.open("w") as out:
            result = subprocess.run([*bench_cli.claims_command(), "--db", str(db), *args], stdout=out,
                                    stderr=subprocess.PIPE, text=True, timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired:
        return {"error": f"over {TIMEOUT_S} s"}
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        return {"error": result.stderr.strip().splitlines()[-1][:120] if result.stderr.strip() else
                f"exit {result.returncode}"}
    size = sink.stat().st_size
    sink.unlink()  # an export of 1M claims is over a gigabyte: keep its size, not the file
    return {"seconds": round(seconds, 3), "output_bytes": size}


_commands: set[str] | None = None


def _has_command(name: str) -> bool:
    global _commands
    if _commands is None:
        from claims.cli import cli

        _commands = set(cli.commands)
    return name in _commands


# How to call the benchmarks others own. bench_tui walks the built databases itself; bench_check
# and bench_extract make their own data (given --db, bench_check would add its story to ours).
OTHER_ARGS = {
    "bench_tui": lambda sizes: ["--sizes", ",".join(map(str, sizes)), "--dir", str(OUT)],
    "bench_check": lambda sizes: [],
    "bench_extract": lambda sizes: [],
}


def run_others(sizes: list[int]) -> None:
    """Each other benchmarks/bench_*.py once, printing its own figures."""
    for name in other_benchmarks():
        args = OTHER_ARGS.get(name, lambda sizes: [])(sizes)
        print(f"\n-- {name} {' '.join(args)}", flush=True)
        try:
            result = subprocess.run([sys.executable, "-m", f"benchmarks.{name}", *args], timeout=TIMEOUT_S)
        except subprocess.TimeoutExpired:
            print(f"   {name}: stopped after {TIMEOUT_S} s", flush=True)
            continue
        if result.returncode != 0:
            print(f"   {name}: exit status {result.returncode}", flush=True)


def _ms(f: dict, key: str = "query_ms") -> str:
    return f"{f[key]:.1f}" if key in f else "-"


def table(rows: list[dict]) -> str:
    head = ["claims", "bulk load claims/s", "vs raw", "list ms", "search common ms", "search rare ms",
            "show ms", "count ms", "check s", "export s"]
    lines = [" | ".join(head), " | ".join("---" for _ in head)]
    for r in rows:
        b, f = r["build"], r["cli"]["figures"]
        common = f[f"search common ({COMMON_WORD})"]
        rare = next(v for k, v in f.items() if k.startswith("search rare"))
        cell = lambda q: f"{_ms(q)} / {q['process_ms']:.0f}" if "process_ms" in q else _ms(q)
        cmd = lambda c: f"{c['seconds']:.1f}" if "seconds" in c else ("n/a" if c.get("missing") else c.get("error", "-"))
        ratio = f"{b['ratio']:.2f} (CPU {b['cpu_ratio']:.2f})" if b.get("cpu_ratio") else (f"{b['ratio']:.2f}" if b.get("ratio") else "-")
        lines.append(" | ".join([
            f"{b['claims']:,}", f"{b['claims_per_s']:,} ({b['seconds']:.1f} s)", ratio,
            cell(f["list first page"]), cell(common), cell(rare), cell(f["show claim"]), _ms(f["count all"]),
            cmd(r["check"]), cmd(r["export"])]))
    lines.append("")
    lines.append("list/search/show: query alone in ms / whole `claims` subprocess in ms (medians); "
                 "count: count(*) of all claims; check/export: one run of the command.")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run_all", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,100000,1000000", help="Comma-separated claim counts.")
    parser.add_argument("--rebuild", action="store_true", help="Build the databases again.")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=7, help="Subprocess runs per CLI figure.")
    args = parser.parse_args(argv)
    try:
        sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    except ValueError:
        parser.error(f"--sizes {args.sizes!r}: give claim counts separated by commas, e.g. 1000,100000")
    OUT.mkdir(parents=True, exist_ok=True)
    rows = []
    for size in sizes:
        db, build_figures = built(size, rebuild=args.rebuild, seed=args.seed)
        print(f"\n-- bench_cli on {db.name}", flush=True)
        cli_figures = bench_cli.bench(str(db), repeat=args.repeat)
        # export first: check stores suggestions (claim links) and so changes the database.
        export = timed_command(db, "export", "--format", "jsonl")
        check = timed_command(db, "check")
        print(f"\n-- commands on {db.name}: export jsonl {export}; check {check}", flush=True)
        rows.append({"build": build_figures, "cli": cli_figures, "check": check, "export": export})
    run_others(sizes)
    summary = table(rows)
    print(f"\n== summary ({time.strftime('%Y-%m-%d')}, {platform.machine()}, "
          f"{_cores()} cores, Python {platform.python_version()})\n{summary}")
    (OUT / "summary.md").write_text(summary + "\n")
    (OUT / "summary.json").write_text(json.dumps(rows, indent=1, default=str))


def _cores() -> int:
    import os

    return os.cpu_count() or 0


if __name__ == "__main__":
    main()
