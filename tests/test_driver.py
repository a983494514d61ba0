"""db.driver: statements on the sqlite3 cursor of a SQLAlchemy transaction still fail as
SQLAlchemy's exceptions (the CLI turns those into one-line 'database error' messages) and
belong to the caller's transaction."""
from __future__ import annotations

import pytest
from sqlalchemy import create_engine
from sqlalchemy.exc import IntegrityError, OperationalError

from db.driver import Driver


def test_driver_errors_are_sqlalchemy_errors_and_roll_back_with_the_transaction(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'd.db'}")
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL)")
    with pytest.raises(IntegrityError):
        with engine.begin() as conn:
            driver = Driver(conn)
            driver.insert("t", ("id", "name"), [(1, "a"), (2, "b")])
            assert driver.rows("SELECT count(*) FROM t") == [(2,)]
            driver.insert("t", ("id", "name"), [(3, "c"), (1, "again")])
    with pytest.raises(OperationalError):
        with engine.begin() as conn:
            Driver(conn).execute("SELECT * FROM no_such_table")
    with engine.connect() as conn:
        assert Driver(conn).rows("SELECT count(*) FROM t") == [(0,)]
        assert Driver(conn).allocate_ids("t", 2) == [1, 2]


def test_driver_statements_reach_cursor_execute_listeners(tmp_path):
    """tests/robustness/test_crash.py kills an import after chosen statements through these events."""
    from sqlalchemy import event

    engine = create_engine(f"sqlite:///{tmp_path / 'd.db'}")
    seen = []
    event.listen(engine, "before_cursor_execute", lambda conn, cur, sql, params, ctx, many: seen.append(("before", sql, many)))
    event.listen(engine, "after_cursor_execute", lambda conn, cur, sql, params, ctx, many: seen.append(("after", sql, many)))
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)")
        seen.clear()
        driver = Driver(conn)
        driver.insert("t", ("id", "name"), [(1, "a"), (2, "b")])
        assert driver.rows("SELECT name FROM t ORDER BY id") == [("a",), ("b",)]
    insert = 'INSERT INTO "t" ("id", "name") VALUES (?, ?)'
    assert seen[:4] == [("before", insert, True), ("after", insert, True),
                        ("before", "SELECT name FROM t ORDER BY id", False), ("after", "SELECT name FROM t ORDER BY id", False)]
