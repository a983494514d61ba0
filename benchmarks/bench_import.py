"""Import speed: articles per second into a fresh SQLite file through `claims.importer`
(extraction, one transaction per article, detection for the story), over a few hundred ~600-word
articles built like bench_extract's. Prints figures; asserts nothing.

    .venv/bin/python -m benchmarks.bench_import [--articles 200] [--story bench]
"""
from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from benchmarks.bench_extract import make_article, source_paragraphs
from claims.importer import import_paths
from db.engine import dispose_all, get_engine


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--story", default=None, help="file every article under this story (runs detection each time)")
    parser.add_argument("--workers", type=int, default=None,
                        help="processes extracting while the main one stores (default: the importer's choice)")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    paragraphs = source_paragraphs()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        for i in range(args.articles):
            (folder / f"a{i:04d}.txt").write_text(make_article(rng, paragraphs), encoding="utf-8")
        engine = get_engine(str(Path(tmp) / "bench.db"))
        wall, cpu = time.perf_counter(), time.process_time()
        results = import_paths(engine, [str(folder)], actor="bench", story=args.story, workers=args.workers)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        claims = sum(r.claims for r in results)
        failed = [r for r in results if r.status != "imported"]
        dispose_all()
    print(f"imported {len(results) - len(failed)} of {len(results)} articles, {claims} claims"
          + (f"; {len(failed)} not imported (first: {failed[0].message})" if failed else ""))
    print(f"wall {wall:.2f} s = {len(results) / wall:.0f} articles/s; "
          f"CPU of this process {cpu:.2f} s = {len(results) / cpu:.0f} articles/s ({claims / cpu:.0f} claims/s)"
          + ("; extraction ran in worker processes, not counted" if args.workers else ""))


if __name__ == "__main__":
    main()
