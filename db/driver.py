"""Statements at the driver level for the hot write paths (claims.importer's storage and
claims.check's per-article detector), on the connection of the caller's transaction.

SQLite: straight to a sqlite3 cursor. Going through SQLAlchemy's `exec_driver_sql` cost ~0.05 ms a
statement (execution context, result set-up) on top of statements that take tens of
microseconds; sqlite3 still caches the prepared statements per connection. Listeners of
before/after_cursor_execute are still told of each statement. Errors are raised as
SQLAlchemy's exception classes (OperationalError for a full disk, IntegrityError, ...), as
SQLAlchemy would raise them, so callers and the CLI's one-line error handling see no difference.
PostgreSQL: `exec_driver_sql` with `%s` placeholders.

Values go to the driver as they are: callers pass them in the form SQLAlchemy's column types
would send (on SQLite dates as ISO text, times as `stamp()` text)."""
from __future__ import annotations

import datetime as dt
import sqlite3
from typing import Sequence

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError


def _wrapped(sql: str, params, exc: sqlite3.Error, conn: Connection) -> DBAPIError:
    return DBAPIError.instance(sql, params, exc, sqlite3.Error, dialect=conn.dialect)


class Driver:
    """`?` placeholders everywhere (turned into `%s` off SQLite)."""

    def __init__(self, conn: Connection):
        self.conn = conn
        self.sqlite = conn.dialect.name == "sqlite"
        self._cursor = conn.connection.driver_connection.cursor() if self.sqlite else None
        dispatch = conn.dispatch  # listeners as of now (a driver lives for one transaction)
        self._listened = bool(dispatch.before_cursor_execute or dispatch.after_cursor_execute)
        self._stamp: tuple[dt.datetime | None, str | None] = (None, None)

    def _sqlite(self, sql: str, params, many: bool):
        """Run on the cursor, telling the connection's before/after_cursor_execute listeners as
        SQLAlchemy would (tests/robustness/test_crash.py kills the process after chosen
        statements; their return values are not used)."""
        if self._listened:
            self.conn.dispatch.before_cursor_execute(self.conn, self._cursor, sql, params, None, many)
        try:
            cursor = self._cursor.executemany(sql, params) if many else self._cursor.execute(sql, params)
        except sqlite3.Error as exc:
            raise _wrapped(sql, params, exc, self.conn) from exc
        if self._listened:
            self.conn.dispatch.after_cursor_execute(self.conn, self._cursor, sql, params, None, many)
        return cursor

    def rows(self, sql: str, params: Sequence = ()) -> list[tuple]:
        if self.sqlite:
            cursor = self._sqlite(sql, params, False)
            try:
                return cursor.fetchall()
            except sqlite3.Error as exc:
                raise _wrapped(sql, params, exc, self.conn) from exc
        return [tuple(r) for r in self.conn.exec_driver_sql(sql.replace("?", "%s"), tuple(params)).all()]

    def scalar(self, sql: str, params: Sequence = ()):
        found = self.rows(sql, params)
        return found[0][0] if found else None

    def execute(self, sql: str, params: Sequence = ()) -> None:
        if self.sqlite:
            self._sqlite(sql, params, False)
        else:
            self.conn.exec_driver_sql(sql.replace("?", "%s"), tuple(params))

    def executemany(self, sql: str, rows: list[Sequence]) -> None:
        if not rows:
            return
        if self.sqlite:
            self._sqlite(sql, rows, True)
        else:
            self.conn.exec_driver_sql(sql.replace("?", "%s"), [tuple(r) for r in rows])

    def insert(self, table: str, columns: Sequence[str], rows: list[Sequence]) -> None:
        """One multi-row INSERT (executemany) of `rows`, values in `columns` order."""
        names = ", ".join(f'"{c}"' for c in columns)
        self.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({", ".join(["?"] * len(columns))})', rows)

    def allocate_ids(self, table: str, n: int) -> list[int]:
        """db.bulk.allocate_ids on this connection (SQLite: above max(id), under the write lock)."""
        if n == 0:
            return []
        if self.sqlite:
            start = self.rows(f'SELECT coalesce(max(id), 0) FROM "{table}"')[0][0] + 1
            return list(range(start, start + n))
        from db.bulk import allocate_ids

        return allocate_ids(self.conn, table, n)

    # --- values as SQLAlchemy's types send them ---------------------------------------------
    def day(self, value: dt.date | None):
        return value.isoformat() if self.sqlite and value is not None else value

    def stamp(self, value: dt.datetime | None):
        """A DateTime value: on SQLite the text SQLAlchemy stores (time zone dropped). The
        clock has whole seconds (db.models.utcnow), so one article's stamps are mostly equal:
        the last one is remembered."""
        if not self.sqlite or value is None:
            return value
        last, text = self._stamp
        if value != last or value.tzinfo is not last.tzinfo:
            text = f"{value:%Y-%m-%d %H:%M:%S}.{value.microsecond:06d}"
            self._stamp = (value, text)
        return text

    def number(self, value):
        return float(value) if self.sqlite and value is not None else value
