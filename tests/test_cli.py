"""The `claims` command line, command by command (the tour in issue 2), on SQLite and PostgreSQL."""
from __future__ import annotations

import csv
import io
import json

import click
import pytest
from sqlalchemy import create_engine, text

from claims.cli import cli as claims_group

URL_A = "https://www.x.org/a/?utm_source=y"


def command_paths(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    paths = []
    for name, command in sorted(group.commands.items()):
        paths.append(prefix + (name,))
        if isinstance(command, click.Group):
            paths += command_paths(command, prefix + (name,))
    return paths


ALL_COMMANDS = command_paths(claims_group)


def command_at(path: tuple[str, ...]) -> click.Command:
    command: click.Command = claims_group
    for name in path:
        command = command.commands[name]
    return command


def add(cli, db, text_: str, source: str = URL_A, **options) -> int:
    args = ["add", "--text", text_, "--source", source, "--format", "json"]
    for key, value in options.items():
        args += [f"--{key.replace('_', '-')}", value]
    result = cli(*args, db=db)
    assert result.exit_code == 0, result.stderr
    return result.json()["id"]


def list_json(cli, db, *filters) -> list[dict]:
    result = cli("list", "--format", "json", *filters, db=db)
    assert result.exit_code == 0, result.stderr
    return result.json()


def ids(rows) -> list[int]:
    return [r["id"] for r in rows]


# --- help ------------------------------------------------------------------------------------

def test_every_command_is_found():
    names = {p[0] for p in ALL_COMMANDS}
    expected = {"add", "list", "show", "mark", "tag", "source", "link", "history", "speakers", "stories", "db"}
    assert expected <= names
    assert ("source", "add") in ALL_COMMANDS
    assert ("speakers", "merge") in ALL_COMMANDS
    assert ("db", "upgrade") in ALL_COMMANDS and ("db", "locate") in ALL_COMMANDS


@pytest.mark.parametrize("path", ALL_COMMANDS, ids=lambda p: " ".join(p))
def test_every_command_has_help(cli, path, tmp_path):
    command = command_at(path)
    assert (command.help or "").strip(), f"`claims {' '.join(path)}` has no help text"
    result = cli(*path, "--help", db=str(tmp_path / "never-opened.db"))
    assert result.exit_code == 0, result.stderr
    assert f"Usage: claims {' '.join(path)}" in result.stdout
    first_line = " ".join(command.help.strip().splitlines()[0].split())
    assert first_line in " ".join(result.stdout.split())
    assert not (tmp_path / "never-opened.db").exists(), "--help must not open the database"


@pytest.mark.parametrize("path", ALL_COMMANDS, ids=lambda p: " ".join(p))
def test_every_option_has_help(path):
    command = command_at(path)
    missing = [p.opts[0] for p in command.params if isinstance(p, click.Option) and not p.hidden and not p.help]
    assert missing == [], f"`claims {' '.join(path)}` options without help: {missing}"


def test_top_level_help_lists_every_command(cli):
    result = cli("--help")
    assert result.exit_code == 0
    for name in claims_group.commands:
        assert f"  {name} " in result.stdout, f"`claims --help` does not list {name}"
    for group_name in ("source", "speakers", "db"):
        group = claims_group.commands[group_name]
        sub = cli(group_name, "--help")
        for name in group.commands:
            assert f"  {name} " in sub.stdout


# --- add and list ------------------------------------------------------------------------------

def test_add_then_list_json_has_the_documented_fields(cli, db_url):
    claim_id = add(cli, db_url, "The toll rose to 45 people", speaker="Kassym-Jomart Tokayev",
                   said_on="2022-01-19", story="kazakhstan-2022", outlet="Herald")
    rows = list_json(cli, db_url)
    assert len(rows) == 1
    row = rows[0]
    assert {"id", "text", "speaker", "said_on", "status", "source_url", "story"} <= row.keys()
    assert row["id"] == claim_id
    assert row["text"] == "The toll rose to 45 people"
    assert row["speaker"] == "Kassym-Jomart Tokayev"
    assert row["said_on"] == "2022-01-19"
    assert row["status"] == "unverified"
    assert row["source_url"] == URL_A
    assert row["story"] == "kazakhstan-2022"


def test_add_accepts_a_written_out_date(cli, db_url):
    add(cli, db_url, "Said on a named day", said_on="Jan 19 2022")
    assert list_json(cli, db_url)[0]["said_on"] == "2022-01-19"


def test_list_table_and_csv(cli, db_url):
    add(cli, db_url, "First claim about the bridge", speaker="Ana Kovac")
    add(cli, db_url, "Second claim, with a comma", said_on="2024-03-05")
    table = cli("list", db=db_url)
    assert table.exit_code == 0
    assert "First claim about the bridge" in table.stdout and "Ana Kovac" in table.stdout
    assert table.stdout.splitlines()[0].split()[:2] == ["id", "status"]

    out = cli("list", "--format", "csv", db=db_url)
    assert out.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert [r["text"] for r in rows] == ["First claim about the bridge", "Second claim, with a comma"]
    assert {"id", "text", "speaker", "said_on", "status", "source_url", "story"} <= rows[0].keys()
    assert rows[1]["said_on"] == "2024-03-05" and rows[0]["speaker"] == "Ana Kovac"


def test_list_on_an_empty_database_says_so(cli, db_url):
    result = cli("list", db=db_url)
    assert result.exit_code == 0
    assert "no claims yet" in result.stdout
    assert list_json(cli, db_url) == []


@pytest.fixture
def filled(cli, db_url):
    """Five claims across two stories, three speakers, dates, tags and statuses."""
    c = {}
    c["toll"] = add(cli, db_url, "The toll rose to 45 people", speaker="Kassym-Jomart Tokayev",
                    said_on="2022-01-05", story="kazakhstan-2022", outlet="Herald")
    c["troops"] = add(cli, db_url, "Troops will leave within ten days", speaker="The Kazakh president",
                      said_on="2022-01-19", story="kazakhstan-2022", source="https://news.example.com/troops")
    c["flood"] = add(cli, db_url, "More than 1,200 people were evacuated", speaker="Ana Kovac",
                     said_on="2024-03-05", story="balkan-floods", source="https://wire.example.org/flood",
                     outlet="Balkan Wire")
    c["shelter"] = add(cli, db_url, "Shelters stay open until March 15", said_on="2024-03-06",
                       story="balkan-floods", source="https://wire.example.org/flood")
    c["peoples"] = add(cli, db_url, "Peoplehood and tollbooths are unrelated words",
                       source="https://other.example.net/x")
    assert cli("tag", c["toll"], "casualties", "Revised", db=db_url).exit_code == 0
    assert cli("tag", c["flood"], "casualties", db=db_url).exit_code == 0
    assert cli("mark", c["troops"], "disputed", "--reason", "troops stayed", db=db_url).exit_code == 0
    return c


def test_list_filters(cli, db_url, filled):
    c = filled
    assert ids(list_json(cli, db_url, "--story", "kazakhstan-2022")) == [c["toll"], c["troops"]]
    assert ids(list_json(cli, db_url, "--story", "no-such-story")) == []
    assert ids(list_json(cli, db_url, "--status", "disputed")) == [c["troops"]]
    assert ids(list_json(cli, db_url, "--status", "unverified")) == [c["toll"], c["flood"], c["shelter"], c["peoples"]]
    assert ids(list_json(cli, db_url, "--tag", "casualties")) == [c["toll"], c["flood"]]
    assert ids(list_json(cli, db_url, "--tag", "revised")) == [c["toll"]]
    assert ids(list_json(cli, db_url, "--tag", "Revised")) == [c["toll"]]  # as it was typed when tagging
    assert ids(list_json(cli, db_url, "--since", "2022-01-10")) == [c["troops"], c["flood"], c["shelter"]]
    assert ids(list_json(cli, db_url, "--until", "2022-01-19")) == [c["toll"], c["troops"]]
    assert ids(list_json(cli, db_url, "--since", "Jan 6 2022", "--until", "2024-03-05")) == [c["troops"], c["flood"]]
    assert ids(list_json(cli, db_url, "--source", "https://wire.example.org/flood")) == [c["flood"], c["shelter"]]
    assert ids(list_json(cli, db_url, "--source", "Balkan Wire")) == [c["flood"], c["shelter"]]
    assert ids(list_json(cli, db_url, "--limit", "2")) == [c["toll"], c["troops"]]
    assert ids(list_json(cli, db_url, "--limit", "2", "--after", str(c["troops"]))) == [c["flood"], c["shelter"]]
    assert ids(list_json(cli, db_url, "--story", "balkan-floods", "--tag", "casualties")) == [c["flood"]]
    none = cli("list", "--story", "no-such-story", db=db_url)
    assert none.exit_code == 0 and "no claims match" in none.stdout


def test_list_source_filter_normalises_the_url(cli, db_url, filled):
    """`--source` given as another spelling of a stored URL finds its claims (same key as dedup)."""
    c = filled
    assert ids(list_json(cli, db_url, "--source", "http://wire.example.org/flood/?utm_source=feed")) == [
        c["flood"], c["shelter"]]
    assert ids(list_json(cli, db_url, "--source", "http://x.org/a")) == [c["toll"]]


def test_list_speaker_matches_any_alias(cli, db_url, filled):
    c = filled
    assert ids(list_json(cli, db_url, "--speaker", "kassym-jomart TOKAYEV")) == [c["toll"]]
    assert ids(list_json(cli, db_url, "--speaker", "Kazakh president")) == [c["troops"]]
    merged = cli("speakers", "merge", "Kassym-Jomart Tokayev", "The Kazakh president", db=db_url)
    assert merged.exit_code == 0, merged.stderr
    both = [c["toll"], c["troops"]]
    assert ids(list_json(cli, db_url, "--speaker", "the Kazakh president")) == both
    assert ids(list_json(cli, db_url, "--speaker", "Kassym-Jomart Tokayev")) == both
    assert ids(list_json(cli, db_url, "--speaker", "Nobody")) == []


def test_list_search_is_full_text(cli, db_url, filled):
    c = filled
    # words in any order, each must appear
    assert ids(list_json(cli, db_url, "--search", "people toll")) == [c["toll"]]
    assert ids(list_json(cli, db_url, "--search", "PEOPLE")) == [c["toll"], c["flood"]]
    # whole words, not substrings ("tol" is in "toll", "people" is in "Peoplehood")
    assert ids(list_json(cli, db_url, "--search", "tol")) == []
    assert c["peoples"] not in ids(list_json(cli, db_url, "--search", "people"))
    # FTS syntax in user input is not interpreted and does not crash
    for query in ('toll OR "', "NEAR(toll", "toll*", "-toll", "'; drop table claim; --", ":", "()"):
        result = cli("list", "--search", query, "--format", "json", db=db_url)
        assert result.exit_code == 0, (query, result.stderr)
    assert ids(list_json(cli, db_url, "--search", "toll*")) == [c["toll"]]
    assert ids(list_json(cli, db_url, "--search", "troops", "--status", "disputed")) == [c["troops"]]


def test_search_uses_the_database_full_text_engine(db_url, engine):
    """The search is FTS5 MATCH on SQLite and a tsvector @@ query on PostgreSQL, never LIKE."""
    from sqlalchemy import event

    from db.engine import read_session, write_session
    from db.queries import ClaimFilter, count_claims, list_claims
    from db.writes import NewClaim, NewSource, add_claim

    with write_session(engine) as session:
        add_claim(session=session, actor="t", new=NewClaim(text="Quake toll revised", source=NewSource(URL_A)))
    statements = []
    listener = lambda conn, cursor, statement, *rest: statements.append(statement)
    event.listen(engine, "before_cursor_execute", listener)
    try:
        with read_session(engine) as session:
            rows = list_claims(session=session, filters=ClaimFilter(search="revised quake"))
            assert count_claims(session=session, filters=ClaimFilter(search="revised quake")) == 1
    finally:
        event.remove(engine, "before_cursor_execute", listener)
    assert [r.text for r in rows] == ["Quake toll revised"]
    searches = [s for s in statements if "claim" in s.lower()]
    assert searches
    marker = "MATCH" if engine.dialect.name == "sqlite" else "@@"
    assert all(marker in s for s in searches), searches
    assert not any("LIKE" in s.upper() for s in searches), searches


# --- show, mark, tag, sources, links, history ---------------------------------------------------

def test_show_has_everything(cli, db_url):
    a = add(cli, db_url, "The toll rose to 45 people", speaker="Kassym-Jomart Tokayev", said_on="2022-01-05",
            story="kazakhstan-2022", quote="Forty-five people died", title="Toll rises", outlet="Herald",
            published="2022-01-06", role="President")
    b = add(cli, db_url, "Only 30 people died", source="https://other.example.org/b", story="kazakhstan-2022")
    assert cli("tag", a, "casualties", db=db_url).exit_code == 0
    ev = cli("source", "add", a, "https://later.example.org/report", "--stance", "disputes", "--title", "Report",
             "--outlet", "Later", "--published", "2022-02-01", "--excerpt", "the toll was 30", "--note", "check",
             "--archive-url", "https://archive.example.org/x", db=db_url)
    assert ev.exit_code == 0, ev.stderr
    assert cli("link", a, b, "--relation", "contradicts", "--reason", "45 vs 30", db=db_url).exit_code == 0
    assert cli("mark", a, "disputed", "--reason", "a later report says 30", db=db_url).exit_code == 0

    detail = cli("show", a, "--format", "json", db=db_url).json()
    assert detail["id"] == a and detail["text"] == "The toll rose to 45 people"
    assert detail["quote"] == "Forty-five people died"
    assert detail["status"] == "disputed" and detail["version"] == 2
    assert detail["said_on"] == "2022-01-05" and detail["story"] == "kazakhstan-2022"
    assert detail["speaker"]["name"] == "Kassym-Jomart Tokayev" and detail["speaker"]["role"] == "President"
    assert detail["source"]["url"] == URL_A and detail["source"]["outlet"] == "Herald"
    assert detail["source"]["title"] == "Toll rises" and detail["source"]["published_on"] == "2022-01-06"
    assert detail["tags"] == ["casualties"]
    [evidence] = detail["evidence"]
    assert evidence["stance"] == "disputes" and evidence["excerpt"] == "the toll was 30" and evidence["note"] == "check"
    assert evidence["source"]["url"] == "https://later.example.org/report"
    assert evidence["source"]["archive_url"] == "https://archive.example.org/x"
    assert evidence["source"]["published_on"] == "2022-02-01"
    [lk] = detail["links"]
    assert lk["relation"] == "contradicts" and lk["other"] == b and lk["reason"] == "45 vs 30"
    actions = [e["action"] for e in detail["history"]]
    assert actions == ["claim.create", "claim.tag", "evidence.add", "link.create", "claim.mark"]

    table = cli("show", a, db=db_url)
    assert table.exit_code == 0
    for expected in ("The toll rose to 45 people", "Forty-five people died", "Kassym-Jomart Tokayev", "disputed",
                     "kazakhstan-2022", URL_A, "casualties", "https://later.example.org/report", "the toll was 30",
                     "contradicts", "45 vs 30", "a later report says 30", "claim.mark"):
        assert expected in table.stdout, expected

    other = cli("show", b, "--format", "json", db=db_url).json()
    assert [lk["other"] for lk in other["links"]] == [a]


def test_mark_needs_a_reason_and_is_audited(cli, db_url, user_error, dump):
    a = add(cli, db_url, "A claim")
    before = dump(db_url)
    user_error(cli("mark", a, "refuted", db=db_url), "reason")
    user_error(cli("mark", a, "refuted", "--reason", "   ", db=db_url), "reason")
    assert dump(db_url) == before
    result = cli("mark", a, "Refuted", "--reason", "the ministry retracted it", db=db_url)
    assert result.exit_code == 0, result.stderr
    assert "refuted" in result.stdout
    events = cli("history", a, "--format", "json", db=db_url).json()
    mark = events[-1]
    assert mark["action"] == "claim.mark"
    assert mark["before"] == {"status": "unverified"} and mark["after"] == {"status": "refuted"}
    assert mark["reason"] == "the ministry retracted it"
    assert list_json(cli, db_url)[0]["status"] == "refuted"


def test_mark_expect_version(cli, db_url, user_error, dump):
    a = add(cli, db_url, "A claim")
    assert cli("mark", a, "disputed", "--reason", "r1", "--expect-version", "1", db=db_url).exit_code == 0
    before = dump(db_url)
    stale = cli("mark", a, "refuted", "--reason", "r2", "--expect-version", "1", db=db_url)
    user_error(stale, "changed by someone else since you loaded it")
    assert dump(db_url) == before
    assert cli("mark", a, "refuted", "--reason", "r2", "--expect-version", "2", db=db_url).exit_code == 0
    assert cli("show", a, "--format", "json", db=db_url).json()["version"] == 3


def test_tag_and_untag(cli, db_url):
    a = add(cli, db_url, "A claim")
    result = cli("tag", a, "Floods", "deaths", "floods", db=db_url)
    assert result.exit_code == 0 and "added 2 tag(s)" in result.stdout
    assert cli("tag", a, "deaths", db=db_url).stdout.startswith("added 0 tag(s)")
    assert cli("show", a, "--format", "json", db=db_url).json()["tags"] == ["deaths", "floods"]
    assert cli("tag", a, "deaths", "--remove", db=db_url).exit_code == 0
    assert cli("show", a, "--format", "json", db=db_url).json()["tags"] == ["floods"]
    actions = [(e["action"], e["after"]) for e in cli("history", a, "--format", "json", db=db_url).json()]
    assert actions[1:] == [("claim.tag", {"tags": ["floods", "deaths"]}), ("claim.untag", {"tags": ["deaths"]})]


def test_source_add_dedupes_normalised_urls(cli, db_url):
    a = add(cli, db_url, "A claim", source=URL_A)
    result = cli("source", "add", a, "http://x.org/a", "--stance", "supports", db=db_url)
    assert result.exit_code == 0, result.stderr
    assert "supports" in result.stdout
    detail = cli("show", a, "--format", "json", db=db_url).json()
    assert detail["evidence"][0]["source"]["id"] == detail["source"]["id"]
    engine = create_engine(db_url)
    try:
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM source")).scalar() == 1
    finally:
        engine.dispose()
    for stance in ("disputes", "context", "retracts"):
        assert cli("source", "add", a, f"https://b.example.org/{stance}", "--stance", stance, db=db_url).exit_code == 0
    stances = [e["stance"] for e in cli("show", a, "--format", "json", db=db_url).json()["evidence"]]
    assert stances == ["supports", "disputes", "context", "retracts"]


def test_link(cli, db_url, user_error):
    a, b = add(cli, db_url, "Claim A"), add(cli, db_url, "Claim B")
    user_error(cli("link", a, b, "--relation", "revises", db=db_url), "reason")
    user_error(cli("link", a, a, "--relation", "revises", "--reason", "x", db=db_url))
    user_error(cli("link", a, 999, "--relation", "revises", "--reason", "x", db=db_url), "999")
    for relation in ("contradicts", "corroborates", "revises", "duplicates"):
        result = cli("link", a, b, "--relation", relation, "--reason", f"r {relation}", db=db_url)
        assert result.exit_code == 0, result.stderr
    relations = [lk["relation"] for lk in cli("show", b, "--format", "json", db=db_url).json()["links"]]
    assert relations == ["contradicts", "corroborates", "revises", "duplicates"]
    assert list_json(cli, db_url)[0]["conflict"] is True


def test_history_table_and_json(cli, db_url):
    a = add(cli, db_url, "A claim")
    cli("mark", a, "corroborated", "--reason", "two sources agree", db=db_url)
    events = cli("history", a, "--format", "json", db=db_url).json()
    assert [e["action"] for e in events] == ["claim.create", "claim.mark"]
    assert all(e["claim_id"] == a and e["at"] for e in events)
    table = cli("history", a, db=db_url)
    assert table.exit_code == 0
    assert "claim.mark" in table.stdout and "two sources agree" in table.stdout
    assert "unverified -> corroborated" in table.stdout


def test_actor_from_as_then_env_then_os_user(cli, db_url):
    import getpass

    a = add(cli, db_url, "A claim")
    cli("--as", "alice", "mark", a, "disputed", "--reason", "r1", db=db_url)
    cli("mark", a, "refuted", "--reason", "r2", db=db_url, env={"CLAIMS_USER": "bob"})
    cli("--as", "carol", "tag", a, "x", db=db_url, env={"CLAIMS_USER": "bob"})
    cli("source", "add", a, "https://b.example.org/", "--stance", "context", db=db_url, env={"CLAIMS_USER": "dave"})
    events = cli("history", a, "--format", "json", db=db_url).json()
    assert [e["actor"] for e in events] == [getpass.getuser(), "alice", "bob", "carol", "dave"]
    detail = cli("show", a, "--format", "json", db=db_url).json()
    assert detail["evidence"][0]["added_by"] == "dave"


def test_speakers_and_merge(cli, db_url, user_error):
    a = add(cli, db_url, "Claim one", speaker="Kassym-Jomart Tokayev", role="President")
    b = add(cli, db_url, "Claim two", speaker="The Kazakh president")
    add(cli, db_url, "Claim three", speaker="tokayev")  # a third spelling, a third speaker for now
    speakers = cli("speakers", "--format", "json", db=db_url).json()
    assert sorted(s["name"] for s in speakers) == ["Kassym-Jomart Tokayev", "The Kazakh president", "tokayev"]
    table = cli("speakers", db=db_url)
    assert table.exit_code == 0 and "President" in table.stdout

    result = cli("--as", "editor", "speakers", "merge", "Kassym-Jomart Tokayev", "kazakh president", db=db_url)
    assert result.exit_code == 0, result.stderr
    assert cli("speakers", "merge", "Tokayev", "Kassym-Jomart Tokayev", db=db_url).exit_code == 0
    [kept] = cli("speakers", "--format", "json", db=db_url).json()
    assert kept["name"] == "tokayev"
    assert kept["claims"] == 3
    assert sorted(kept["aliases"]) == ["Kassym-Jomart Tokayev", "The Kazakh president", "tokayev"]
    assert cli("show", b, "--format", "json", db=db_url).json()["speaker"]["id"] == kept["id"]
    assert cli("show", a, "--format", "json", db=db_url).json()["speaker"]["role"] == "President"
    user_error(cli("speakers", "merge", "Tokayev", "Kazakh president", db=db_url), "same speaker")
    user_error(cli("speakers", "merge", "Tokayev", "Nobody at all", db=db_url), "Nobody at all")


def test_stories(cli, db_url):
    add(cli, db_url, "One", story="kazakhstan-2022")
    add(cli, db_url, "Two", story="kazakhstan-2022", source="https://b.example.org/")
    add(cli, db_url, "Three", story="balkan-floods", source="https://c.example.org/")
    add(cli, db_url, "Four", source="https://d.example.org/")
    rows = cli("stories", "--format", "json", db=db_url).json()
    assert [(r["name"], r["claims"], r["sources"]) for r in rows] == [
        ("balkan-floods", 1, 1), ("kazakhstan-2022", 2, 2)]
    table = cli("stories", db=db_url)
    assert "kazakhstan-2022" in table.stdout and "balkan-floods" in table.stdout


def test_db_upgrade_and_locate(cli, db_url, tmp_path):
    from db.migrate import head_revision

    result = cli("db", "upgrade", db=db_url)
    assert result.exit_code == 0, result.stderr
    assert head_revision() in result.stdout
    assert cli("db", "upgrade", db=db_url).exit_code == 0  # twice is fine

    assert cli("db", "locate", db=db_url).stdout.strip() == db_url
    target = tmp_path / "sub" / ".." / "elsewhere.db"
    located = cli("db", "locate", db=str(target))
    assert located.exit_code == 0
    assert located.stdout.strip() == f"sqlite:///{(tmp_path / 'elsewhere.db')}"
    assert not (tmp_path / "elsewhere.db").exists()
    env_located = cli("db", "locate", env={"CLAIMS_DATABASE_URL": str(tmp_path / "env.db")})
    assert env_located.stdout.strip() == f"sqlite:///{tmp_path / 'env.db'}"


def _backdate(url: str, claim_id: int, days: list[str]) -> None:
    """Move a claim's audit events to the given days (oldest first), as if made back then."""
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            event_ids = conn.execute(text("SELECT id FROM audit_event WHERE claim_id = :c ORDER BY id"),
                                     {"c": claim_id}).scalars().all()
            assert len(event_ids) == len(days)
            for event_id, day in zip(event_ids, days):
                conn.execute(text("UPDATE audit_event SET at = :at WHERE id = :id"),
                             {"at": f"{day} 12:00:00", "id": event_id})
    finally:
        engine.dispose()


def test_show_as_of(cli, db_url, user_error):
    a = add(cli, db_url, "A claim")
    b = add(cli, db_url, "B claim", source="https://b.example.org/")
    cli("tag", a, "early", db=db_url)
    cli("mark", a, "disputed", "--reason", "doubts", db=db_url)
    cli("source", "add", a, "https://later.example.org/", "--stance", "retracts", db=db_url)
    cli("mark", a, "retracted", "--reason", "withdrawn", db=db_url)
    cli("link", a, b, "--relation", "revises", "--reason", "new figure", db=db_url)
    _backdate(db_url, a, ["2024-01-01", "2024-01-02", "2024-02-01", "2024-03-01", "2024-03-01", "2024-04-01"])

    user_error(cli("show", a, "--as-of", "2023-12-31", db=db_url), "did not exist")
    jan = cli("show", a, "--as-of", "2024-01-15", "--format", "json", db=db_url).json()
    assert jan["status"] == "unverified" and jan["tags"] == ["early"] and jan["evidence"] == [] and jan["links"] == []
    assert jan["as_of"] == "2024-01-15"
    feb = cli("show", a, "--as-of", "2024-02-01", "--format", "json", db=db_url).json()
    assert feb["status"] == "disputed" and [e["action"] for e in feb["history"]][-1] == "claim.mark"
    mar = cli("show", a, "--as-of", "March 1 2024", "--format", "json", db=db_url).json()
    assert mar["status"] == "retracted" and [e["stance"] for e in mar["evidence"]] == ["retracts"]
    assert mar["links"] == []
    now = cli("show", a, "--as-of", "2030-01-01", "--format", "json", db=db_url).json()
    assert now["status"] == "retracted" and len(now["links"]) == 1
    table = cli("show", a, "--as-of", "2024-01-15", db=db_url)
    assert table.exit_code == 0 and "[unverified]" in table.stdout
    user_error(cli("show", a, "--as-of", "2024-13-01", db=db_url), "--as-of")


def test_json_output_is_valid_with_odd_text(cli, db_url):
    odd = 'Quote "inside", [bold]markup[/] and \u00e9\u00e8 \u2014 \u4e2d\u6587'
    a = add(cli, db_url, odd)
    assert list_json(cli, db_url)[0]["text"] == odd
    table = cli("list", db=db_url)
    assert "[bold]markup[/]" in table.stdout
    assert json.loads(cli("show", a, "--format", "json", db=db_url).stdout)["text"] == odd


def test_postgresql_search_uses_the_gin_index(db_url, engine):
    """The query's tsvector expression is the indexed one, so PostgreSQL can use ix_claim_search."""
    if engine.dialect.name != "postgresql":
        pytest.skip("the GIN index is PostgreSQL's; SQLite's MATCH is checked above")
    from db.engine import read_session
    from db.models import Claim
    from db.queries import ClaimFilter, _filtered
    from sqlalchemy import select

    with engine.begin() as conn:
        conn.execute(text("INSERT INTO source (url, url_key, created_at) VALUES ('https://a.org/', 'https://a.org', now())"))
        conn.execute(text("INSERT INTO claim (text, source_id, kind, status, version, created_at, updated_at) "
                          "SELECT 'claim number ' || g, 1, 'statement', 'unverified', 1, now(), now() "
                          "FROM generate_series(1, 500) g"))
        conn.execute(text("ANALYZE claim"))
    with read_session(engine) as session:
        stmt, _ = _filtered(session, select(Claim.id).select_from(Claim), ClaimFilter(search="number 123"))
        compiled = stmt.compile(dialect=engine.dialect)
        conn = session.connection()
        conn.exec_driver_sql("SET LOCAL enable_seqscan = off")
        plan = "\n".join(r[0] for r in conn.exec_driver_sql("EXPLAIN " + str(compiled), compiled.params))
    assert "ix_claim_search" in plan, plan


def test_database_from_the_environment_and_the_default_location(cli, tmp_path):
    env_db = tmp_path / "from-env.db"
    result = cli("add", "--text", "t", "--source", "https://example.org/", env={"CLAIMS_DATABASE_URL": str(env_db)})
    assert result.exit_code == 0, result.stderr
    assert env_db.exists()
    other = tmp_path / "flag.db"
    assert cli("list", db=str(other), env={"CLAIMS_DATABASE_URL": str(env_db)}).exit_code == 0
    assert other.exists(), "--db wins over CLAIMS_DATABASE_URL"

    data_home = tmp_path / "xdg"
    located = cli("db", "locate", env={"XDG_DATA_HOME": str(data_home), "CLAIMS_DATABASE_URL": None})
    assert located.exit_code == 0
    assert located.stdout.strip() == f"sqlite:///{data_home / 'claimtrack' / 'claims.db'}"
    listed = cli("list", env={"XDG_DATA_HOME": str(data_home), "CLAIMS_DATABASE_URL": None})
    assert listed.exit_code == 0, listed.stderr
    assert (data_home / "claimtrack" / "claims.db").exists()


def test_audit_log_is_append_only(cli, db_url, dump):
    a = add(cli, db_url, "A claim", speaker="Ana Kovac", story="s")
    b = add(cli, db_url, "B claim", speaker="Kovac", source="https://b.example.org/")
    seen: list = []
    for args in (["mark", a, "disputed", "--reason", "r"], ["tag", a, "x", "y"], ["tag", a, "x", "--remove"],
                 ["source", "add", a, "https://c.example.org/", "--stance", "supports"],
                 ["link", a, b, "--relation", "revises", "--reason", "r"], ["speakers", "merge", "Ana Kovac", "Kovac"],
                 ["mark", b, "refuted", "--reason", "r"]):
        assert cli(*args, db=db_url).exit_code == 0, args
        events = sorted(dump(db_url)["audit_event"], key=lambda row: row[0])  # by id
        assert events[:len(seen)] == seen, f"{args} changed or removed earlier audit events"
        assert len(events) > len(seen), f"{args} left no audit event"
        seen = events
