"""Shared fixtures: a fresh database per test (SQLite file, and PostgreSQL when
CLAIMS_TEST_POSTGRES_URL is set) and `run_cli`, which runs the real `claims` entry point.

Nothing here is autouse: tests in tests/tui, tests/extraction and tests/evidence ask for what
they need.
"""
from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
import traceback
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
POSTGRES_ENV = "CLAIMS_TEST_POSTGRES_URL"
POSTGRES_SKIP = "set CLAIMS_TEST_POSTGRES_URL to run the PostgreSQL suite"


def pytest_configure(config) -> None:
    """Under pytest-xdist (`make test` runs two workers), each worker gets a PostgreSQL database of its
    own (test_gw0, test_gw1, ...): the suites reset the database's schema, and two workers sharing one
    would drop each other's tables. Set in the environment, so subprocesses of the CLI use it too."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    url = os.environ.get(POSTGRES_ENV)
    if not worker or not url:
        return
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    base = make_url(url)
    name = f"{base.database}_{worker}"
    engine = create_engine(base, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            if conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}).scalar() is None:
                conn.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        engine.dispose()
    os.environ[POSTGRES_ENV] = base.set(database=name).render_as_string(hide_password=False)


def reset_postgres(url: str) -> None:
    """Empty the PostgreSQL test database: drop and recreate the public schema."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
    finally:
        engine.dispose()


def _dispose_engines() -> None:
    from db.engine import dispose_all

    dispose_all()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request, tmp_path) -> str:
    """A fresh, empty database URL (not yet migrated): a temp SQLite file or the PostgreSQL server."""
    yield from fresh_db_url(request.param, tmp_path)


def fresh_db_url(param: str, tmp_path):
    """The body of `db_url`, for a test file that parametrizes the two databases its own way."""
    _dispose_engines()
    if param == "sqlite":
        url = f"sqlite:///{tmp_path / 'claims.db'}"
        yield url
        _dispose_engines()
        return
    url = os.environ.get(POSTGRES_ENV)
    if not url:
        pytest.skip(POSTGRES_SKIP)
    reset_postgres(url)
    yield url
    _dispose_engines()


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    """A fresh SQLite file URL only (for SQLite-specific behaviour: pragmas, file permissions)."""
    _dispose_engines()
    yield f"sqlite:///{tmp_path / 'claims.db'}"
    _dispose_engines()


@pytest.fixture
def engine(db_url):
    """The project's engine for `db_url`, migrated to head."""
    from db.engine import get_engine

    return get_engine(db_url)


def is_postgres(url: str) -> bool:
    return url.startswith("postgresql")


@dataclasses.dataclass
class CliResult:
    exit_code: int
    stdout: str
    stderr: str
    exception: BaseException | None = None

    @property
    def err_lines(self) -> list[str]:
        return self.stderr.splitlines()

    def json(self) -> Any:
        import json

        return json.loads(self.stdout)


def run_cli(*args: Any, db: str | None = None, env: dict[str, str | None] | None = None,
            input: str | None = None, subprocess_: bool = False) -> CliResult:
    """Run `claims [--db DB] ARGS...` through `claims.cli.main`.

    In process by default (Click's CliRunner isolation: fast, separate stdout/stderr, the same
    exit codes as the real program). With `subprocess_=True` it runs `python -m claims.cli` in a
    child process, for what only the real entry point shows (tracebacks, exit status).
    An exception that escapes `main` in process is reported like a crash: exit code 1 and the
    traceback on stderr, so assertions on "one line, no Traceback" catch it.
    Cached engines are disposed before and after, as a fresh process would have none.
    """
    argv = (["--db", db] if db else []) + [str(a) for a in args]
    if subprocess_:
        child_env = dict(os.environ)
        child_env.pop("CLAIMS_DATABASE_URL", None)
        for key, value in (env or {}).items():
            if value is None:
                child_env.pop(key, None)
            else:
                child_env[key] = value
        child_env["PYTHONPATH"] = str(ROOT) + os.pathsep + child_env.get("PYTHONPATH", "")
        proc = subprocess.run([sys.executable, "-m", "claims.cli", *argv], capture_output=True, text=True,
                              input=input, env=child_env, cwd=ROOT, timeout=120)
        return CliResult(proc.returncode, proc.stdout, proc.stderr)

    from click.testing import CliRunner

    from claims.cli import main

    _dispose_engines()
    runner = CliRunner()
    env = {"CLAIMS_DATABASE_URL": None, **(env or {})}
    code: int = 0
    exception = None
    with runner.isolation(input=input, env=env) as (out, err, _mixed):
        try:
            main(argv)
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        except BaseException as exc:  # a crash: what the user would see as a traceback
            exception = exc
            code = 1
            sys.stderr.write("".join(traceback.format_exception(exc)))
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
        stdout, stderr = out.getvalue().decode(), err.getvalue().decode()
    _dispose_engines()
    return CliResult(code, stdout, stderr, exception)


@pytest.fixture(scope="session")
def cli():
    """`run_cli(*args, db=..., env=..., input=..., subprocess_=False) -> CliResult`."""
    return run_cli


def dump_db(url: str) -> dict[str, list[tuple]]:
    """Every row of every table (and the schema revision), sorted: compare before/after a command."""
    from sqlalchemy import create_engine, inspect, text

    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            names = sorted(n for n in inspect(conn).get_table_names()
                           if not (n.startswith("claim_fts_") or n.startswith("sqlite_")))
            return {name: sorted((tuple(r) for r in conn.execute(text(f'SELECT * FROM "{name}"'))), key=repr)
                    for name in names}
    finally:
        engine.dispose()


def assert_user_error(result: CliResult, *words: str) -> None:
    """Exactly one line `error: ...` on stderr, exit status 2, no traceback."""
    assert result.exception is None, result.stderr
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout, result.stderr
    assert result.exit_code == 2, (result.exit_code, result.stdout, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: "), result.stderr
    assert len(lines[0]) > len("error: ") + 5, result.stderr
    for word in words:
        assert word.lower() in lines[0].lower(), (word, lines[0])


@pytest.fixture(scope="session")
def dump():
    """`dump_db(url)`: every row of every table, for before/after comparisons."""
    return dump_db


@pytest.fixture(scope="session")
def user_error():
    """`assert_user_error(result, *words)`: one `error: ...` line, exit 2, no traceback."""
    return assert_user_error
