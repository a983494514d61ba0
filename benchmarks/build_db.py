"""Fill a database with N realistic synthetic claims through the project's bulk path (db/bulk.py),
and time it beside a raw `sqlite3.executemany` of the same rows into a scratch copy of the schema.

    python -m benchmarks.build_db --claims 1000000 --db benchmarks/out/claims-1000000.db [--seed 7]

The data: a few hundred stories, about one source (article) per ten claims from forty outlets,
speakers with aliases, quantities (deaths, injured, detentions, troops, evacuated...) with bounds,
deadlines with time references, evidence from later sources, some tags and links. The word
RARE_WORD appears in exactly RARE_COUNT claims (for search benchmarks and tests); COMMON_WORD
("said") in most of them.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import random
import sqlite3
import sys
import time
from pathlib import Path
from typing import Iterator

from db.bulk import ROWSETS, BulkBatch, BulkLoader

RARE_WORD = "kestrelwood"
RARE_COUNT = 10
COMMON_WORD = "said"
BATCH_CLAIMS = 20_000

OUTLETS = [
    ("Andean Herald", "andeanherald.example"), ("Balkan Wire", "balkanwire.example"),
    ("Harbourton Gazette", "harbourtongazette.example"), ("Refuge Watch", "refugewatch.example"),
    ("Meridian Post", "meridianpost.example"), ("Lakeside Courier", "lakesidecourier.example"),
    ("Northern Ledger", "northernledger.example"), ("Coastal Tribune", "coastaltribune.example"),
    ("Steppe Daily", "steppedaily.example"), ("Delta Observer", "deltaobserver.example"),
    ("Highland Record", "highlandrecord.example"), ("Capital Dispatch", "capitaldispatch.example"),
    ("Valley Chronicle", "valleychronicle.example"), ("Frontier Times", "frontiertimes.example"),
    ("Island Sentinel", "islandsentinel.example"), ("River Press", "riverpress.example"),
    ("Plateau Bulletin", "plateaubulletin.example"), ("Eastern Monitor", "easternmonitor.example"),
    ("Southern Mail", "southernmail.example"), ("Westgate Journal", "westgatejournal.example"),
]
PLACES = [
    "Almaty", "Sarnet", "Harbourton", "Velmora", "Ostrava Nova", "Kadrin", "Lessel", "Port Amira",
    "Tolvik", "Brannock", "Marrowfield", "Qaraz", "Dunmere", "Esterholm", "Feyrin", "Galway North",
    "Hollin", "Istra", "Jorvale", "Kelmont", "Lorin", "Mosgard", "Nethra", "Orlov Bay", "Pellham",
    "Quarry Hill", "Rostam", "Selvin", "Tarnow", "Ulmere", "Vashti", "Wenlock", "Yarrow", "Zelany",
]
EVENTS = ["quake", "flood", "strike", "protests", "truce", "drought", "displacement", "blockade",
          "election", "wildfire", "landslide", "ceasefire"]
FIRST = ["Amina", "Boris", "Carla", "Dmitri", "Elena", "Farid", "Grace", "Hassan", "Irina", "Jonas",
         "Kassym", "Leila", "Marek", "Nadia", "Omar", "Priya", "Rustam", "Sofia", "Tomas", "Ulla",
         "Viktor", "Wen", "Yusuf", "Zara", "Aleksei", "Beatriz", "Chen", "Dana", "Emeka", "Fatima"]
LAST = ["Tokayev", "Novak", "Haddad", "Ivanova", "Mensah", "Okafor", "Petrov", "Quispe", "Rahman",
        "Sato", "Taylor", "Umarov", "Varga", "Weber", "Xu", "Yilmaz", "Zhou", "Abbasi", "Baptiste",
        "Castillo", "Dubois", "Eriksen", "Fischer", "Garcia", "Horvat", "Ibrahim", "Jensen", "Kowalski"]
ROLES = ["interior minister", "health minister", "president", "police spokesperson", "mayor",
         "army chief of staff", "emergency services director", "union leader", "governor",
         "foreign minister", "UN envoy", "Red Crescent spokesperson", "opposition leader"]
ORGS = ["the health ministry", "the interior ministry", "the Red Crescent", "the UN refugee agency",
        "the regional governor's office", "the transport union", "the army", "the water authority",
        "the national emergency service", "a coalition of aid groups"]
MEASURES = [  # measure, unit, phrase template
    ("deaths", "people", "{n} people had been killed"), ("injured", "people", "{n} people were injured"),
    ("detentions", "people", "{n} people had been detained"), ("troops", "soldiers", "{n} troops were deployed"),
    ("evacuated", "people", "{n} residents had been evacuated"), ("displaced", "people", "{n} people were displaced"),
    ("missing", "people", "{n} people were still missing"), ("homes_destroyed", "homes", "{n} homes were destroyed"),
    ("arrests", "people", "{n} protesters were arrested"), ("aid_tonnes", "tonnes", "{n} tonnes of aid had arrived"),
]
BOUNDS = [("about", "about {n}", True), ("more than", "more than {n}", False), ("up to", "up to {n}", False),
          ("exact", "{n}", False), ("at least", "at least {n}", False), ("between", "between {n} and {m}", True)]
STATEMENTS = [
    "{who} said the situation in {place} was under control",
    "{who} said talks with the opposition would resume next week in {place}",
    "{who} denied that security forces had fired on protesters in {place}",
    "{who} said foreign agents were behind the unrest in {place}",
    "{who} said water supplies in {place} had been restored",
    "{who} said the government would not negotiate under threat",
    "{who} accused the authorities of blocking aid convoys to {place}",
    "{who} said the curfew in {place} would be lifted",
    "{who} promised compensation for families in {place}",
]
EVENT_TEXT = [
    "Protesters gathered in the main square of {place} on {weekday}, witnesses said",
    "Power was cut across {place} overnight, residents said",
    "The bridge into {place} reopened to traffic, officials said",
    "Shelling was heard on the outskirts of {place} early on {weekday}",
]
DEADLINES = [
    ("{who} gave the strikers until {when} to return to work", "strikers"),
    ("{who} said all armed groups must leave {place} by {when}", "armed groups"),
    ("{who} said the evacuation of {place} would be completed by {when}", "evacuation"),
    ("{who} set a deadline of {when} for the ceasefire talks", "talks"),
]
QUOTES = ["“We will not negotiate under threat,”", "“The numbers will rise,”", "“Help is on its way,”",
          "“This was a deliberate attack,”", "“Order has been restored,”", "“We need more time,”"]
TAGS = ["casualties", "needs-follow-up", "official-figure", "deadline-watch", "disputed-by-witnesses"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
STANCE_WEIGHTS = (("supports", 5), ("disputes", 3), ("context", 3), ("retracts", 1))


class Generator:
    """Deterministic synthetic claims (same seed, same rows) in bulk batches."""

    def __init__(self, n_claims: int, seed: int = 7, batch_claims: int = BATCH_CLAIMS):
        self.n = n_claims
        self.rng = random.Random(seed)
        self.batch_claims = batch_claims
        self.n_stories = max(3, min(300, n_claims // 3000))
        self.n_speakers = max(12, min(6000, n_claims // 150))
        step = max(1, n_claims // RARE_COUNT)
        self.rare_indexes = set(range(step // 2, n_claims, step)) if n_claims >= RARE_COUNT else set()
        self.stances = [s for s, w in STANCE_WEIGHTS for _ in range(w)]

    def _stories(self) -> list[dict]:
        rng, out, used = self.rng, [], set()
        for i in range(self.n_stories):
            place, event, year = rng.choice(PLACES), rng.choice(EVENTS), rng.randint(2019, 2026)
            name = f"{place.lower().replace(' ', '-')}-{event}-{year}"
            if name in used:
                name = f"{name}-{i}"
            used.add(name)
            out.append(dict(key=i, name=name, title=f"{event.title()} in {place}, {year}",
                            place=place, event=event, year=year))
        return out

    def _speakers(self) -> list[dict]:
        rng, out, used = self.rng, [], set()
        for i in range(self.n_speakers):
            if i % 10 == 9:
                org = ORGS[(i // 10) % len(ORGS)]
                base = org[4:] if org.startswith("the ") else org
                name = f"{base[0].upper()}{base[1:]} of {PLACES[(i // 10 // len(ORGS)) % len(PLACES)]}"
                if name.lower() in used:
                    name = f"{name} {i}"
                used.add(name.lower())
                out.append(dict(key=i, name=name, kind="organisation", role=None, aliases=[], ref=org))
                continue
            first, last = rng.choice(FIRST), rng.choice(LAST)
            name = f"{first} {last}"
            if name.lower() in used:
                name = f"{first} {chr(65 + i % 26)}. {last} {i}"
            used.add(name.lower())
            role = rng.choice(ROLES)
            aliases = [f"{role.title()} {name}"]
            if last.lower() not in used:
                used.add(last.lower())
                aliases.append(last)
            out.append(dict(key=i, name=name, kind="person", role=role, aliases=aliases, ref=f"{role.capitalize()} {name}"))
        return out

    def batches(self) -> Iterator[BulkBatch]:
        rng = self.rng
        stories, speakers = self._stories(), self._speakers()
        weights = [1 / (k + 1) for k in range(len(speakers))]  # a few speakers say most things
        cum = list(_accumulate(weights))
        story_sources: dict[int, list[int]] = {s["key"]: [] for s in stories}
        first = BulkBatch(
            stories=[dict(key=s["key"], name=s["name"], title=s["title"]) for s in stories],
            speakers=[dict(key=s["key"], name=s["name"], role=s["role"], kind=s["kind"], aliases=s["aliases"])
                      for s in speakers])
        n_source = 0
        done = 0
        while done < self.n:
            batch = first if done == 0 else BulkBatch()
            size = min(self.batch_claims, self.n - done)
            claims = batch.claims
            made = 0
            while made < size:
                story = stories[rng.randrange(len(stories))]
                outlet, domain = OUTLETS[rng.randrange(len(OUTLETS))]
                published = dt.date(story["year"], 1, 1) + dt.timedelta(days=rng.randrange(365))
                src_key = n_source
                n_source += 1
                slug = f"{story['event']}-{story['place'].lower().replace(' ', '-')}-{src_key}"
                batch.sources.append(dict(
                    key=src_key, url=f"https://{domain}/{published:%Y/%m}/{slug}", url_key=f"https://{domain}/{published:%Y/%m}/{slug}",
                    title=f"{story['event'].title()} in {story['place']}: latest", outlet=outlet, published_on=published,
                    retrieved_at=dt.datetime(published.year, published.month, published.day, 12, tzinfo=dt.timezone.utc),
                    content_sha256=hashlib.sha256(slug.encode()).hexdigest(), language="en", story=story["key"]))
                earlier = story_sources[story["key"]]
                per_article = min(size - made, rng.randint(4, 16))
                for _ in range(per_article):
                    claims.append(self._claim(done + made, story, src_key, published, speakers, cum, earlier))
                    made += 1
                earlier.append(src_key)
            # A few detected contradictions between quantity claims of the same article.
            for i in range(0, len(claims) - 1, 200):
                a, b = claims[i], claims[i + 1]
                if a["source"] == b["source"]:
                    batch.links.append(dict(a=a["key"], b=b["key"], relation="contradicts", origin="detected",
                                            reason="different figures for the same measure"))
            done += size
            yield batch

    def _claim(self, index: int, story: dict, src_key: int, published: dt.date, speakers: list[dict],
               cum: list[float], earlier: list[int]) -> dict:
        rng = self.rng
        speaker = None if rng.random() < 0.12 else speakers[_bisect(cum, rng.random() * cum[-1])]
        who = speaker["ref"] if speaker else "Officials"
        place = story["place"] if rng.random() < 0.7 else PLACES[rng.randrange(len(PLACES))]
        said_on = published - dt.timedelta(days=rng.randrange(3))
        roll = rng.random()
        quantities, dates, quote = None, None, None
        if roll < 0.38:
            kind = "quantity"
            measure, unit, phrase = MEASURES[rng.randrange(len(MEASURES))]
            n = rng.choice((rng.randint(2, 60), rng.randint(20, 900), rng.randint(100, 20000)))
            bound, bound_text, approx = BOUNDS[rng.randrange(len(BOUNDS))]
            m = n + rng.randint(5, max(6, n // 2))
            amount = bound_text.format(n=f"{n:,}", m=f"{m:,}")
            text = f"{who} said {phrase.format(n=amount)} in {place}"
            low, high = {"about": (n, n), "more than": (n, None), "up to": (None, n), "exact": (n, n),
                         "at least": (n, None), "between": (n, m)}[bound]
            quantities = [dict(low=low, high=high, approximate=approx, bound=None if bound == "exact" else bound,
                               unit=unit, measure=measure, as_of=said_on)]
        elif roll < 0.48:
            kind = "deadline"
            template, _ = DEADLINES[rng.randrange(len(DEADLINES))]
            due = said_on + dt.timedelta(days=rng.randint(1, 30))
            when = f"{WEEKDAYS[due.weekday()]}, {due:%B} {due.day}"
            text = template.format(who=who, place=place, when=when)
            dates = [dict(phrase=when, role="deadline", earliest=due, latest=due)]
        elif roll < 0.58:
            kind = "event"
            text = EVENT_TEXT[rng.randrange(len(EVENT_TEXT))].format(place=place, weekday=WEEKDAYS[said_on.weekday()])
            dates = [dict(phrase=WEEKDAYS[said_on.weekday()], role="when", earliest=said_on, latest=said_on)]
        else:
            kind = "statement"
            text = STATEMENTS[rng.randrange(len(STATEMENTS))].format(who=who, place=place)
            if rng.random() < 0.35:
                quote = QUOTES[rng.randrange(len(QUOTES))]
        if index in self.rare_indexes:
            text += f", near the {RARE_WORD.title()} crossing"
        claim = dict(key=index, text=text + ".", quote=quote, speaker=speaker["key"] if speaker else None,
                     said_on=said_on, source=src_key, story=story["key"], kind=kind,
                     quantities=quantities, dates=dates)
        if earlier and rng.random() < 0.18:
            claim["evidence"] = [dict(source=earlier[rng.randrange(len(earlier))],
                                      stance=self.stances[rng.randrange(len(self.stances))],
                                      excerpt="A later report gave different figures." if rng.random() < 0.3 else None)]
        if rng.random() < 0.05:
            claim["tags"] = [TAGS[rng.randrange(len(TAGS))]]
        if rng.random() < 0.02:
            claim["status"] = rng.choice(("corroborated", "disputed", "refuted"))
        return claim


def _accumulate(values):
    total = 0.0
    for v in values:
        total += v
        yield total


def _bisect(cum: list[float], x: float) -> int:
    lo, hi = 0, len(cum) - 1
    while lo < hi:
        mid = (lo + hi) // 2
        if cum[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


# --- the raw baseline ----------------------------------------------------------------------

def _raw_value(value):
    """What SQLAlchemy's SQLite types store, prepared outside the timed part."""
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.timezone.utc).replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value


class RawBaseline:
    """The same rows, same tables, same indexes and the same FTS step, through bare sqlite3."""

    def __init__(self, path: Path, cache_mb: int):
        from db.engine import dispose_all, get_engine
        from db.bulk import FTS_TRIGGER_NAMES, SQLITE_FTS_TRIGGERS

        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        get_engine(str(path))  # the schema, by the same migrations
        dispose_all()
        self.path = path
        self.conn = sqlite3.connect(path, isolation_level=None)
        for pragma in ("journal_mode = WAL", "synchronous = NORMAL", "foreign_keys = ON",
                       f"cache_size = {-1024 * cache_mb}" if cache_mb else "cache_size = -2000"):
            self.conn.execute(f"PRAGMA {pragma}")
        self.drop = [f"DROP TRIGGER IF EXISTS {n}" for n in FTS_TRIGGER_NAMES]
        self.create = list(SQLITE_FTS_TRIGGERS)
        self.seconds = 0.0
        self.cpu_seconds = 0.0
        self.rows = 0

    def load(self, rows: dict[str, list[dict]], constants: dict[str, dict]) -> None:
        """Every row whole: the batch-wide values the project path puts in its statements are
        sent here with each row, as a plain executemany would."""
        prepared = []
        for name, model in ROWSETS:
            table_rows = rows.get(name) or []
            if table_rows:
                extra = constants.get(name, {})
                cols = [*table_rows[0], *extra]
                tail = tuple(_raw_value(v) for v in extra.values())
                sql = f'INSERT INTO "{model.__tablename__}" ({", ".join(cols)}) VALUES ({", ".join("?" * len(cols))})'
                prepared.append((sql, [tuple(_raw_value(r[c]) for c in table_rows[0]) + tail for r in table_rows]))
                self.rows += len(table_rows)
        claims = rows["claim"]
        started, cpu = time.perf_counter(), time.process_time()
        cur = self.conn.cursor()
        cur.execute("BEGIN IMMEDIATE")
        for sql in self.drop:
            cur.execute(sql)
        for sql, values in prepared:
            cur.executemany(sql, values)
        if claims:
            cur.execute("INSERT INTO claim_fts(rowid, text, quote) SELECT id, text, quote FROM claim "
                        "WHERE id BETWEEN ? AND ?", (claims[0]["id"], claims[-1]["id"]))
        for sql in self.create:
            cur.execute(sql)
        cur.execute("COMMIT")
        self.seconds += time.perf_counter() - started
        self.cpu_seconds += time.process_time() - cpu

    def close(self) -> None:
        self.conn.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)


# --- the command ---------------------------------------------------------------------------

def build(n_claims: int, db: str, *, seed: int = 7, raw: bool = True, replace: bool = False,
          batch_claims: int = BATCH_CLAIMS, cache_mb: int = 256, out=sys.stdout) -> dict:
    """Build the database; returns the figures (also printed)."""
    from db.engine import dispose_all, get_engine, sqlite_path, resolve_url

    url = resolve_url(db)
    path = sqlite_path(url)
    if path and Path(path).exists():
        if not replace:
            print(f"error: {path} exists; remove it or pass --replace", file=sys.stderr)
            raise SystemExit(2)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    wall = time.perf_counter()
    engine = get_engine(url)
    loader = BulkLoader(engine, actor="build_db", keep_rows=raw and path is not None, cache_mb=cache_mb)
    baseline = RawBaseline(Path(f"{path}.raw-scratch"), cache_mb) if raw and path else None
    project_s = project_cpu = generate_s = 0.0
    gen = Generator(n_claims, seed=seed, batch_claims=batch_claims).batches()
    try:
        while True:
            t = time.perf_counter()
            batch = next(gen, None)
            generate_s += time.perf_counter() - t
            if batch is None:
                break
            t, cpu = time.perf_counter(), time.process_time()
            loader.load(batch)
            project_s += time.perf_counter() - t
            project_cpu += time.process_time() - cpu
            if baseline is not None:
                baseline.load(loader.last_rows, loader.last_constants)
            loader.last_rows = {}
        t, cpu = time.perf_counter(), time.process_time()
        loader.finish()
        project_s += time.perf_counter() - t
        project_cpu += time.process_time() - cpu
        if path:  # leave one self-contained file (not counted: a raw load would checkpoint too)
            with engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        if baseline is not None:
            baseline.close()
    stats = loader.stats
    figures = dict(
        claims=stats.claims, rows=stats.total_rows, rows_by_table=dict(stats.rows), seconds=round(project_s, 3),
        cpu_seconds=round(project_cpu, 3),
        claims_per_s=round(stats.claims / project_s) if project_s else None,
        rows_per_s=round(stats.total_rows / project_s) if project_s else None,
        generate_seconds=round(generate_s, 3), wall_seconds=round(time.perf_counter() - wall, 3), db=url,
    )
    if baseline is not None:
        figures |= dict(raw_seconds=round(baseline.seconds, 3), raw_cpu_seconds=round(baseline.cpu_seconds, 3),
                        cpu_ratio=round(baseline.cpu_seconds / project_cpu, 3) if project_cpu else None,
                        raw_claims_per_s=round(stats.claims / baseline.seconds) if baseline.seconds else None,
                        raw_rows_per_s=round(baseline.rows / baseline.seconds) if baseline.seconds else None,
                        ratio=round(baseline.seconds / project_s, 3) if project_s else None)
    dispose_all()
    if path:
        figures["db_bytes"] = os.path.getsize(path)
    _report(figures, out)
    return figures


def _report(f: dict, out) -> None:
    print(f"built {f['claims']:,} claims ({f['rows']:,} rows in {len(f['rows_by_table'])} tables) into {f['db']}", file=out)
    print(f"  project bulk path: {f['seconds']:.2f} s = {f['claims_per_s']:,} claims/s, {f['rows_per_s']:,} rows/s "
          f"(data generation {f['generate_seconds']:.2f} s not counted; wall {f['wall_seconds']:.2f} s)", file=out)
    if "raw_seconds" in f:
        print(f"  raw sqlite3.executemany, same rows: {f['raw_seconds']:.2f} s = {f['raw_claims_per_s']:,} claims/s, "
              f"{f['raw_rows_per_s']:,} rows/s", file=out)
        print(f"  project/raw rate: {f['ratio']:.2f} by wall time, {f['cpu_ratio']:.2f} by CPU time "
              f"(project {f['cpu_seconds']:.2f} s CPU, raw {f['raw_cpu_seconds']:.2f} s CPU; target >= 0.50)", file=out)
    print("  rows: " + ", ".join(f"{t} {n:,}" for t, n in f["rows_by_table"].items()), file=out)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.build_db", description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, required=True, help="How many claims to create.")
    parser.add_argument("--db", required=True, help="SQLite file path or SQLAlchemy URL.")
    parser.add_argument("--seed", type=int, default=7, help="Random seed (same seed, same data).")
    parser.add_argument("--batch", type=int, default=BATCH_CLAIMS, help="Claims per transaction.")
    parser.add_argument("--no-raw", action="store_true", help="Skip the raw sqlite3 baseline.")
    parser.add_argument("--cache-mb", type=int, default=256,
                        help="SQLite page cache during the load, for both paths (0: SQLite's default 2 MB).")
    parser.add_argument("--replace", action="store_true", help="Delete an existing database file first.")
    args = parser.parse_args(argv)
    if args.claims < 1:
        parser.error("--claims must be at least 1")
    build(args.claims, args.db, seed=args.seed, raw=not args.no_raw, replace=args.replace, batch_claims=args.batch,
          cache_mb=args.cache_mb)


if __name__ == "__main__":
    main()
