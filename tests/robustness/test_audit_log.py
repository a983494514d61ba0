"""The audit log is append-only and complete: any sequence of commands (good and bad) never changes
or removes an earlier event, every command that changed something added at least one event, and a
refused command added none."""
from __future__ import annotations

import sqlite3

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from _robust import invoke

IDS = st.integers(min_value=1, max_value=6).map(str)
TEXT = st.sampled_from(["Токаев said 2,000 troops", "[b]x[/b]", "", "  ", "\x1b[2Jesc", "e\u0301 \u200f"])
COMMANDS = st.one_of(
    st.tuples(st.just("add"), TEXT, st.sampled_from(["https://example.com/a", "https://example.com/b", "javascript:x"]),
              st.sampled_from(["Токаев", "Tokayev", ""])).map(
        lambda t: ["add", "--text", t[1], "--source", t[2], *(["--speaker", t[3]] if t[3] else [])]),
    st.tuples(IDS, st.sampled_from(["disputed", "corroborated", "refuted", "bogus"]), TEXT).map(
        lambda t: ["mark", t[0], t[1], "--reason", t[2]]),
    st.tuples(IDS, st.sampled_from(["troops", "Kazakhstan", "", "[b]t[/b]"]), st.booleans()).map(
        lambda t: ["tag", t[0], t[1], *(["--remove"] if t[2] else [])]),
    st.tuples(IDS, st.sampled_from(["https://example.com/later", "file:///etc/passwd"]),
              st.sampled_from(["supports", "disputes"])).map(lambda t: ["source", "add", t[0], t[1], "--stance", t[2]]),
    st.tuples(IDS, IDS, TEXT).map(lambda t: ["link", t[0], t[1], "--relation", "contradicts", "--reason", t[2]]),
    st.just(["speakers", "merge", "Токаев", "Tokayev"]),
)


def events(db) -> list[tuple]:
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT * FROM audit_event ORDER BY id").fetchall()
    finally:
        con.close()


def data_rows(db) -> list[tuple]:
    """Everything except the audit log, to tell whether a command changed anything."""
    con = sqlite3.connect(db)
    try:
        names = [n for (n,) in con.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE "
                                           "'claim_fts%' AND name NOT LIKE 'sqlite_%' AND name NOT IN "
                                           "('audit_event', 'alembic_version')")]
        return [(n, con.execute(f'SELECT * FROM "{n}" ORDER BY 1').fetchall()) for n in sorted(names)]
    finally:
        con.close()


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(commands=st.lists(COMMANDS, min_size=3, max_size=10))
def test_any_command_sequence_only_appends_to_the_log(tmp_path_factory, commands):
    db = tmp_path_factory.mktemp("audit") / "claims.db"
    for i in range(3):
        assert invoke("add", "--text", f"Seed {i} with 1{i} trucks", "--source", f"https://example.com/s{i}",
                      "--speaker", "Tokayev" if i else "Токаев", db=db).code == 0
    for args in commands:
        log_before, rows_before = events(db), data_rows(db)
        r = invoke(*args, db=db)
        assert "Traceback" not in r.err, (args, r)
        log_after, rows_after = events(db), data_rows(db)
        assert log_after[:len(log_before)] == log_before, f"{args} changed or removed earlier audit events"
        if r.code != 0:
            assert (log_after, rows_after) == (log_before, rows_before), f"refused {args} still wrote"
        elif rows_after != rows_before:
            assert len(log_after) > len(log_before), f"{args} changed data without an audit event"
