"""The one place that creates engines: URL resolution, SQLite pragmas, migrations on open, sessions."""
from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from pathlib import Path
from typing import Iterator

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlmodel import Session

from claims.errors import UserError

ENV_URL = "CLAIMS_DATABASE_URL"
BUSY_TIMEOUT_MS = 30_000
_engines: dict[str, Engine] = {}


def default_path() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("claimtrack", appauthor=False)) / "claims.db"


def resolve_url(db: str | None = None) -> str:
    """`--db` value, else CLAIMS_DATABASE_URL, else the default file. A plain path means SQLite."""
    value = db or os.environ.get(ENV_URL) or str(default_path())
    if "://" in value:
        try:
            make_url(value)
        except ArgumentError:
            raise UserError(f"database URL {value!r} is not a valid SQLAlchemy URL") from None
        return value
    path = Path(value).expanduser()
    if value == str(default_path()):
        path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path.resolve()}"


def sqlite_path(url: str) -> str | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return None
    return parsed.database or ":memory:"


def _check_sqlite_path(path: str) -> None:
    if path == ":memory:" or path.startswith("file:"):
        return
    p = Path(path)
    if not p.parent.is_dir():
        raise UserError(f"cannot open database {path}: folder {p.parent} does not exist; create it or choose another --db")
    if p.exists():
        if not os.access(p, os.R_OK | os.W_OK):
            raise UserError(f"cannot open database {path}: no read/write permission on the file")
    elif not os.access(p.parent, os.W_OK | os.X_OK):
        raise UserError(f"cannot create database {path}: no write permission on folder {p.parent}")


def _use_wal(cur: sqlite3.Cursor) -> None:
    """Switch a database file to WAL (kept in the file, so only its first opening changes it).

    The switch needs the file to itself and SQLite does not wait for that with the busy timeout:
    when two processes open a brand-new database at once, one may be migrating it while the other
    asks for WAL and gets "database is locked" at once. Retry within the busy timeout instead."""
    if cur.execute("PRAGMA journal_mode").fetchone()[0].lower() == "wal":
        return
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            cur.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def _setup_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record) -> None:
        # Let SQLAlchemy's begin event decide how transactions start (see _on_begin).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA foreign_keys = ON")
        if engine.url.database not in (None, "", ":memory:"):
            _use_wal(cur)
            cur.execute("PRAGMA synchronous = NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:
        # A write transaction takes the write lock up front, so the busy timeout applies
        # (a deferred read-then-write transaction fails at once with "database is locked").
        immediate = conn.get_execution_options().get("claims_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def get_engine(url: str | None = None, *, migrate: bool = True) -> Engine:
    """One engine per URL per process; migrations are applied the first time it is opened."""
    url = resolve_url(url)
    if url in _engines:
        return _engines[url]
    path = sqlite_path(url)
    kwargs: dict = {}
    if path is not None:
        _check_sqlite_path(path)
        kwargs["connect_args"] = {"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000}
        if path == ":memory:":
            from sqlalchemy.pool import StaticPool

            kwargs["poolclass"] = StaticPool
    else:
        kwargs["pool_pre_ping"] = True
    try:
        engine = create_engine(url, **kwargs)
    except (ArgumentError, ImportError) as exc:
        raise UserError(f"cannot use database URL {url!r}: {exc}") from None
    if path is not None:
        _setup_sqlite(engine)
    if migrate:
        from db.migrate import ensure_current

        try:
            ensure_current(engine)
        except OperationalError as exc:
            engine.dispose()
            reason = " ".join(str(exc.orig).split())  # drivers' messages span lines; errors are one line
            shown = make_url(url).render_as_string(hide_password=True)
            raise UserError(f"cannot open database {shown}: {reason}") from None
    _engines[url] = engine
    return engine


def dispose_all() -> None:
    for engine in _engines.values():
        engine.dispose()
    _engines.clear()


@contextlib.contextmanager
def read_session(engine: Engine) -> Iterator[Session]:
    with Session(engine, expire_on_commit=False) as session:
        yield session


@contextlib.contextmanager
def write_session(engine: Engine) -> Iterator[Session]:
    """One unit of work: commits when the block ends, rolls everything back on any error."""
    with Session(engine.execution_options(claims_write=True), expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


def ping(engine: Engine) -> None:
    with engine.connect() as conn:
        conn.execute(text("SELECT 1"))
