"""Extraction speed: articles per second on one core, over a few hundred ~600-word articles
built by varying the hand-labelled test articles. Prints figures; asserts nothing.

    .venv/bin/python benchmarks/bench_extract.py [--articles 300]
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claims.extract import extract_text  # noqa: E402
from claims.extract.article import parse_article  # noqa: E402

NAMES = ["Amara Okoye", "Lars Eriksen", "Mei Lin", "Tomás Herrera", "Olga Petrova", "Kwame Mensah"]
PLACES = ["Rivertown", "Port Alden", "Kestrel Bay", "Norwick", "San Lázaro"]


def source_paragraphs() -> list[str]:
    """Body paragraphs of the plain-text and Markdown test articles."""
    paragraphs: list[str] = []
    for path in sorted((ROOT / "tests" / "corpus").glob("*")):
        # labelled articles only: the folder's README.md is no article
        if path.suffix not in (".txt", ".md") or not path.with_name(path.stem + ".gold.json").exists():
            continue
        art = parse_article(path.read_text(encoding="utf-8"), filename=path.name)
        paragraphs += [art.body[s:e] for s, e in art.paragraphs]
    return paragraphs


_DIGITS = re.compile(r"\d+")
_CAPITALISED = re.compile(r"(?<=[a-z,] )[A-Z][a-z]{3,}\b")


def vary(rng: random.Random, para: str) -> str:
    """Change every number and some names, so that no two articles share a sentence (caches
    inside the extractor must not make the figure look better than real use)."""
    para = _DIGITS.sub(lambda m: str(rng.randrange(10 ** (len(m.group()) - 1), 10 ** len(m.group())))
                       if len(m.group()) < 4 else m.group(), para)
    return _CAPITALISED.sub(lambda m: rng.choice(NAMES).split()[-1] if rng.random() < 0.3 else m.group(), para)


def make_article(rng: random.Random, paragraphs: list[str], words: int = 600) -> str:
    day = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(700))
    chosen: list[str] = []
    count = 0
    while count < words:
        para = vary(rng, rng.choice(paragraphs))
        chosen.append(para)
        count += len(para.split())
    head = f"{rng.choice(PLACES)} officials report new figures\n\n{day:%B} {day.day}, {day.year}\n\n"
    tail = f"\n\nOriginal url:\n\n<https://news.example.org/{day.isoformat()}/story-{rng.randrange(10**6)}>\n"
    return head + "\n\n".join(chosen) + tail


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=3,
                        help="passes over the same articles; the best CPU pass is the figure to compare "
                             "(on a shared machine single passes vary by +-20%%)")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    paragraphs = source_paragraphs()
    articles = [make_article(rng, paragraphs) for _ in range(args.articles)]
    words = statistics.mean(len(a.split()) for a in articles)
    extract_text(articles[0], filename="warmup.txt")  # compile regexes, import modules
    timings = []
    claims = 0
    start = time.perf_counter()
    cpu_start = time.process_time()
    for index, article in enumerate(articles):
        t0 = time.perf_counter()
        out = extract_text(article, filename=f"bench-{index}.txt")
        timings.append(time.perf_counter() - t0)
        claims += len(out["claims"])
    total = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    passes = [cpu]
    for _ in range(args.repeat - 1):
        cpu_start = time.process_time()
        for index, article in enumerate(articles):
            extract_text(article, filename=f"bench-{index}.txt")
        passes.append(time.process_time() - cpu_start)
    timings.sort()
    print(f"articles: {len(articles)} (mean {words:.0f} words), claims: {claims}")
    print(f"wall: {total:.2f} s, {len(articles) / total:.0f} articles/s on one core")
    print(f"cpu:  {cpu:.2f} s, {len(articles) / cpu:.0f} articles/s of CPU time (steadier on a busy machine)")
    if len(passes) > 1:
        rates = sorted(len(articles) / p for p in passes)
        print(f"cpu over {len(passes)} passes: best {rates[-1]:.0f}, median {statistics.median(rates):.0f}, "
              f"worst {rates[0]:.0f} articles/s")
    ref = time.process_time()
    for _ in range(100):
        sum(range(10_000))
    ref = (time.process_time() - ref) * 1000
    print(f"reference: 100 x sum(range(10_000)) took {ref:.1f} ms of CPU "
          f"(compare between runs: a larger figure means a busier or slower machine)")
    print(f"per article: median {statistics.median(timings) * 1000:.2f} ms, "
          f"p95 {timings[int(len(timings) * 0.95)] * 1000:.2f} ms, max {timings[-1] * 1000:.2f} ms")


if __name__ == "__main__":
    main()
