"""Instructions an article for extraction, steady across machines and load (timing on a shared VM
swings by 20% and more). Run it twice under callgrind, with N articles and with none, and divide
the difference by N:

    PYTHONHASHSEED=0 valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.N.out \\
        .venv/bin/python benchmarks/callgrind_extract.py [REPO] 40
    PYTHONHASHSEED=0 valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.0.out \\
        .venv/bin/python benchmarks/callgrind_extract.py [REPO] 0

REPO (default: this checkout) lets one compare an older engine (a git worktree) on the same articles.
"""
from __future__ import annotations

import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent


def main() -> None:
    args = sys.argv[1:]
    repo = args.pop(0) if len(args) == 2 else str(HERE)
    n = int(args[0]) if args else 40
    sys.path.insert(0, str(HERE))  # the article generator of this checkout, for both engines
    from benchmarks.bench_extract import make_article, source_paragraphs
    rng = random.Random(7)
    paragraphs = source_paragraphs()
    articles = [make_article(rng, paragraphs) for _ in range(n + 1)]
    sys.path.insert(0, repo)
    for name in [m for m in sys.modules if m == "claims" or m.startswith("claims.")]:
        del sys.modules[name]  # the engine under test, not the one the generator imported
    from claims.extract import extract_text
    extract_text(articles[0])  # imports and compiled patterns, in both runs alike
    for article in articles[1:]:
        extract_text(article)


if __name__ == "__main__":
    main()
