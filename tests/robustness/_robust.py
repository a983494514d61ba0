"""Helpers for the robustness suite: article files in the corpus shape, the real `claims` command
in a subprocess, and checks that a database is whole."""
from __future__ import annotations

import datetime as dt
import importlib
import importlib.util
import re
import os
import random
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CLAIMS = [sys.executable, "-m", "claims"]

OUTLETS = ["Northgate Ledger", "Coastline Daily", "Valley Wire", "Meridian Tribune", "Harbor Sentinel"]
SPEAKERS = [("agency director", "Mirela Kovačević"), ("Interior Minister", "Jonas Adeyemi"),
            ("police spokesman", "Teodor Vlasic"), ("Mayor", "Ana Lindqvist"),
            ("President", "Kassym-Jomart Tokayev")]
PLACES = ["DOBOJ", "PORT ELLIS", "KARAGANDA", "MERIDA", "NORTHFIELD"]
MEASURES = [("people", "evacuated"), ("homes", "damaged"), ("soldiers", "deployed"), ("families", "relocated")]


def article_text(i: int, *, tag: str = "a", seed: int = 0) -> str:
    """A plain-text article in the corpus shape: headline, date line, paragraphs with quotes and
    numbers, and an `Original url:` block with a URL unique to (tag, i)."""
    rnd = random.Random(f"{tag}-{i}-{seed}")
    outlet = OUTLETS[i % len(OUTLETS)]
    role, name = SPEAKERS[rnd.randrange(len(SPEAKERS))]
    place = PLACES[rnd.randrange(len(PLACES))]
    unit, verb = MEASURES[rnd.randrange(len(MEASURES))]
    published = dt.date(2024, 1, 1) + dt.timedelta(days=rnd.randrange(600))
    n1, n2, n3 = 100 + 7 * i + rnd.randrange(50), 10 + rnd.randrange(90), 2 + rnd.randrange(30)
    surname = name.split()[-1]
    return (
        f"Officials say {n1} {unit} {verb} in {place.title()} as storm {tag.upper()}{i} passes\n\n"
        f"{published:%B} {published.day}, {published.year}\n\n"
        f"{place}, Region ({outlet}) - Rescue teams said more than {n1:,} {unit} were {verb} on Monday "
        f"after two days of heavy rain, the civil protection agency said.\n\n"
        f"\"The water is still rising and we expect about {n2} more {unit} to be affected by Thursday,\" "
        f"{role} {name} told reporters on Tuesday.\n\n"
        f"{surname} said at least {n3} people were missing and up to {n2 * 10} volunteers had joined the effort.\n\n"
        f"Police said around {n3 + 40} roads had been closed since Sunday.\n\n"
        f"Reporting by Staff {tag}{i}; Editing by Desk\n\n"
        f"Original url:\n\n"
        f"<https://www.example-{tag}.com/{published:%Y/%m/%d}/storm-{tag}-{i}-{seed}>\n"
    )


def write_articles(folder: Path, count: int, *, tag: str, seed: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        p = folder / f"{tag}-{i:03d}.txt"
        p.write_text(article_text(i, tag=tag, seed=seed), encoding="utf-8")
        paths.append(p)
    return paths


def claims_env(extra: dict | None = None) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("CLAIMS_DATABASE_URL",)}
    env.update({"CLAIMS_USER": "robustness", "PYTHONPATH": str(ROOT), "NO_COLOR": "1", "COLUMNS": "160"})
    env.update(extra or {})
    return env


def run_claims(*args: str, db: str | Path | None = None, timeout: float = 120, env: dict | None = None,
               input: bytes | None = None) -> subprocess.CompletedProcess:
    """The real command in a subprocess (exit codes and stderr as a user sees them). Output is bytes."""
    cmd = [*CLAIMS, *(["--db", str(db)] if db is not None else []), *args]
    return subprocess.run(cmd, capture_output=True, timeout=timeout, env=claims_env(env), cwd=ROOT, input=input)


def popen_claims(*args: str, db: str | Path, env: dict | None = None) -> subprocess.Popen:
    return subprocess.Popen([*CLAIMS, "--db", str(db), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=claims_env(env), cwd=ROOT)


def assert_one_line_error(proc: subprocess.CompletedProcess, *, code: int = 2) -> str:
    """The CLI contract for a user mistake: exit 2, stderr one `error:` line, no traceback."""
    err = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode == code, f"exit {proc.returncode}, stderr: {err[-2000:]}"
    assert "Traceback" not in err, err[-3000:]
    error_lines = [ln for ln in err.splitlines() if ln.startswith("error:")]
    assert error_lines, err
    return err


def integrity_ok(path: str | Path) -> None:
    con = sqlite3.connect(str(path))
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        con.close()


def table_counts(path: str | Path) -> dict[str, int]:
    con = sqlite3.connect(str(path))
    try:
        names = [r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE 'claim_fts%' ORDER BY name")]
        return {n: con.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}
    finally:
        con.close()


def has_extract_api() -> bool:
    """claims.extract is importable and offers the functions the importer calls."""
    try:
        mod = importlib.import_module("claims.extract")
    except Exception:
        return False
    return all(hasattr(mod, name) for name in ("extract_path", "extract_text"))


needs_extract = pytest.mark.skipif(not has_extract_api(), reason="claims.extract (the extraction package) has not landed yet")


class Result:
    def __init__(self, code: int, out: str, err: str):
        self.code, self.out, self.err = code, out, err

    def __repr__(self) -> str:
        return f"Result(code={self.code}, out={self.out[-500:]!r}, err={self.err[-2000:]!r})"


def invoke(*args: str, db: str | Path | None = None) -> Result:
    """`claims ARGS` in process through the real entry point (fast enough for hypothesis).
    Anything escaping `main` is reported like the crash a user would see: code 1 and a traceback."""
    import traceback

    from click.testing import CliRunner

    from claims.cli import main
    from db.engine import dispose_all

    argv = (["--db", str(db)] if db is not None else []) + [str(a) for a in args]
    dispose_all()
    code = 0
    with CliRunner().isolation(env={"CLAIMS_DATABASE_URL": None, "CLAIMS_USER": "robustness"}) as (out, err, _):
        try:
            main(argv)
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        except BaseException as exc:  # noqa: BLE001 - a crash is what this reports
            code = 1
            sys.stderr.write("".join(traceback.format_exception(exc)))
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
        result = Result(code, out.getvalue().decode("utf-8", "replace"), err.getvalue().decode("utf-8", "replace"))
    dispose_all()
    return result


def assert_clean_failure(r: Result) -> None:
    assert r.code == 2, r
    assert "Traceback" not in r.err, r
    lines = r.err.splitlines()
    assert lines and all(ln.startswith("error:") for ln in lines), r


TERMINAL_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def assert_no_terminal_control(s: str) -> None:
    """No ESC, BEL, C1 or other control character reaches the terminal (newline and tab are fine)."""
    bad = TERMINAL_CONTROL.findall(s.replace("\r\n", "\n"))
    assert not bad, f"control characters {sorted(set(bad))!r} in output: {s[:800]!r}"
