"""Bad input, each case: one line `error: ...` on stderr, exit status 2, no traceback, and the
database exactly as it was (issue 2, "Bad input")."""
from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

GOOD_URL = "https://news.example.org/a"
LONG_URL = "https://example.org/" + "a" * 10_000

BAD_URLS = {
    "javascript": "javascript:alert(1)",
    "file": "file:///etc/passwd",
    "data": "data:text/html,<script>alert(1)</script>",
    "credentials": "http://user:secret@example.org/a",
    "user-at-evil": "http://user@evil.com@good.org/",
    "leading-space": " javascript:alert(1)",
    "tab-in-scheme": "java\tscript:alert(1)",
    "newline": "https://example.org/a\nb",
    "no-host": "http:///path",
    "ftp": "ftp://example.org/file",
    "no-scheme": "example.org/a",
    "too-long": LONG_URL,
    "bad-port": "http://example.org:99999/",
    "empty": "",
}

BAD_DATES = {"month-13": "2022-13-45", "blursday": "next blursday", "ambiguous": "01/02/2022",
             "feb-30": "2022-02-30", "incomplete": "March 2022", "empty": " "}

# (args with {id} for an existing claim, words the message must contain)
CASES: dict[str, tuple[list[str], tuple[str, ...]]] = {
    "show-unknown-id": (["show", "999"], ("999",)),
    "mark-unknown-id": (["mark", "999", "refuted", "--reason", "r"], ("999",)),
    "tag-unknown-id": (["tag", "999", "x"], ("999",)),
    "history-unknown-id": (["history", "999"], ("999",)),
    "source-add-unknown-id": (["source", "add", "999", GOOD_URL, "--stance", "supports"], ("999",)),
    "link-unknown-id": (["link", "{id}", "999", "--relation", "revises", "--reason", "r"], ("999",)),
    "show-non-numeric-id": (["show", "abc"], ("abc",)),
    "mark-unknown-status": (["mark", "{id}", "debunked", "--reason", "r"], ("debunked",)),
    "list-unknown-status": (["list", "--status", "debunked"], ("debunked",)),
    "mark-no-reason": (["mark", "{id}", "refuted"], ("reason",)),
    "empty-text": (["add", "--text", "", "--source", GOOD_URL], ("empty",)),
    "blank-text": (["add", "--text", "  \n\t ", "--source", GOOD_URL], ("empty",)),
    "control-only-text": (["add", "--text", "\x1b\x07\x9b", "--source", GOOD_URL], ("empty",)),
    "empty-story": (["add", "--text", "t", "--source", GOOD_URL, "--story", " "], ("story",)),
    "empty-tag": (["tag", "{id}", " "], ("tag",)),
    "long-tag": (["tag", "{id}", "t" * 101], ("100",)),
    "unknown-stance": (["source", "add", "{id}", GOOD_URL, "--stance", "agrees"], ("agrees",)),
    "unknown-relation": (["link", "{id}", "{id}", "--relation", "refutes", "--reason", "r"], ("refutes",)),
    "zero-limit": (["list", "--limit", "0"], ("limit",)),
    "unknown-command": (["frobnicate"], ("frobnicate",)),
    "unknown-option": (["list", "--colour"], ("colour",)),
    "bad-archive-url": (["source", "add", "{id}", GOOD_URL, "--stance", "context", "--archive-url",
                         "javascript:alert(1)"], ("archive URL",)),
}
for name, url in BAD_URLS.items():
    CASES[f"add-url-{name}"] = (["add", "--text", "t", "--source", url], ())
    CASES[f"source-add-url-{name}"] = (["source", "add", "{id}", url, "--stance", "supports"], ())
for name, value in BAD_DATES.items():
    CASES[f"said-on-{name}"] = (["add", "--text", "t", "--source", GOOD_URL, "--said-on", value], ("--said-on",))
    CASES[f"since-{name}"] = (["list", "--since", value], ("--since",))
    CASES[f"published-{name}"] = (["source", "add", "{id}", GOOD_URL, "--stance", "supports", "--published",
                                   value], ("--published",))
CASES["as-of-month-13"] = (["show", "{id}", "--as-of", "2022-13-45"], ("--as-of",))
CASES["until-blursday"] = (["list", "--until", "next blursday"], ("--until",))


def _seed(cli, db_url):
    result = cli("add", "--text", "The toll rose to 45", "--source", GOOD_URL, "--speaker", "Ana Kovac",
                 "--story", "quake", "--format", "json", db=db_url)
    assert result.exit_code == 0, result.stderr
    cli("tag", "1", "seed", db=db_url)
    return result.json()["id"]


@pytest.fixture(scope="module")
def sqlite_template(cli, tmp_path_factory):
    """One seeded SQLite file per module, copied for each test (migrating takes most of the time)."""
    path = tmp_path_factory.mktemp("template") / "claims.db"
    return path, _seed(cli, f"sqlite:///{path}")


@pytest.fixture
def seeded(cli, db_url, request):
    """A database with one claim (speaker, story, tag): (url, claim id)."""
    if db_url.startswith("sqlite:///"):
        path, claim_id = request.getfixturevalue("sqlite_template")
        shutil.copyfile(path, db_url.removeprefix("sqlite:///"))
        return db_url, claim_id
    return db_url, _seed(cli, db_url)


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input(cli, seeded, dump, user_error, case):
    db_url, claim_id = seeded
    args, words = CASES[case]
    args = [a.replace("{id}", str(claim_id)) for a in args]
    before = dump(db_url)
    result = cli(*args, db=db_url)
    user_error(result, *words)
    assert dump(db_url) == before


def test_bad_url_message_names_the_problem(cli, seeded, user_error):
    db_url, _ = seeded
    user_error(cli("add", "--text", "t", "--source", "javascript:alert(1)", db=db_url), "is not an http(s) URL")
    user_error(cli("add", "--text", "t", "--source", "http://user:pw@example.org/", db=db_url), "credentials")
    long = cli("add", "--text", "t", "--source", LONG_URL, db=db_url)
    user_error(long, "2048")
    assert len(long.stderr) < 300, "the message must not echo a 10,000 character URL"


def test_control_characters_in_bad_input_are_not_echoed(cli, seeded, user_error):
    db_url, _ = seeded
    result = cli("add", "--text", "t", "--source", "http://exa\x1b]52;c;aGk=\x07mple.org/", db=db_url)
    user_error(result)
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr


# --- the database itself --------------------------------------------------------------------

@pytest.mark.parametrize("args", [["list"], ["add", "--text", "t", "--source", GOOD_URL], ["db", "upgrade"]])
def test_database_in_a_missing_folder(cli, tmp_path, user_error, args):
    path = tmp_path / "missing" / "claims.db"
    result = cli(*args, db=str(path))
    user_error(result, "does not exist")
    assert not path.parent.exists()


def _immutable(path: Path):
    """A file or folder that even root cannot write: chattr +i (undone by the returned callable)."""
    if not shutil.which("chattr"):
        pytest.skip("running as root makes permissions moot, and chattr is not available")
    proc = subprocess.run(["chattr", "+i", str(path)], capture_output=True, text=True)
    if proc.returncode != 0:
        pytest.skip(f"running as root makes permissions moot, and chattr +i failed: {proc.stderr.strip()}")
    return lambda: subprocess.run(["chattr", "-i", str(path)], check=True)


def _read_only(path: Path):
    """Make a file or folder read-only for this process, whoever runs the tests."""
    if os.geteuid() == 0:
        return _immutable(path)
    mode = path.stat().st_mode
    path.chmod(0o555 if path.is_dir() else 0o444)
    return lambda: path.chmod(mode)


def _make_db(cli, path: Path) -> None:
    assert cli("add", "--text", "t", "--source", GOOD_URL, db=str(path)).exit_code == 0
    # run_cli disposed the engine: the WAL is checkpointed into the file and removed
    assert not Path(f"{path}-wal").exists()


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.mark.parametrize("args", [["list"], ["add", "--text", "t2", "--source", GOOD_URL]])
def test_database_file_without_write_permission(cli, tmp_path, user_error, args):
    path = tmp_path / "claims.db"
    _make_db(cli, path)
    before = _files(tmp_path)
    undo = _read_only(path)
    try:
        result = cli(*args, db=str(path))
    finally:
        undo()
    user_error(result, "permission")
    assert _files(tmp_path) == before


@pytest.mark.parametrize("args", [["list"], ["add", "--text", "t", "--source", GOOD_URL]])
def test_new_database_in_a_folder_without_write_permission(cli, tmp_path, user_error, args):
    folder = tmp_path / "locked"
    folder.mkdir()
    undo = _read_only(folder)
    try:
        result = cli(*args, db=str(folder / "claims.db"))
    finally:
        undo()
    user_error(result, "permission")
    assert list(folder.iterdir()) == []


def test_existing_database_in_a_folder_without_write_permission(cli, tmp_path, user_error):
    """SQLite needs to create the -wal and -shm files beside the database: a clear error, not a crash."""
    folder = tmp_path / "locked"
    folder.mkdir()
    path = folder / "claims.db"
    _make_db(cli, path)
    before = _files(folder)
    undo = _read_only(folder)
    try:
        result = cli("add", "--text", "t2", "--source", GOOD_URL, db=str(path))
    finally:
        undo()
    user_error(result)
    assert _files(folder) == before


def _stamp(url: str, revision: str) -> None:
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = :r"), {"r": revision})
    finally:
        engine.dispose()


@pytest.mark.parametrize("args", [["list"], ["show", "1"], ["add", "--text", "t", "--source", GOOD_URL],
                                  ["mark", "1", "refuted", "--reason", "r"], ["db", "upgrade"]])
def test_database_from_a_newer_schema(cli, seeded, dump, user_error, args):
    db_url, _ = seeded
    _stamp(db_url, "9999_from_the_future")
    before = dump(db_url)
    user_error(cli(*args, db=db_url), "newer")
    assert dump(db_url) == before


def test_database_url_that_is_not_a_url(cli, user_error):
    user_error(cli("list", db="nosuchdialect://x/y"))


def test_unreachable_server_is_one_line_without_the_password(cli, user_error):
    result = cli("list", db="postgresql+psycopg://postgres:s3cret@127.0.0.1:1/nothing")
    user_error(result, "cannot open database")
    assert "s3cret" not in result.stderr


def test_a_file_that_is_not_a_database(cli, tmp_path, user_error):
    path = tmp_path / "notes.txt"
    path.write_text("this is not a database\n" * 100)
    before = path.read_bytes()
    user_error(cli("list", db=str(path)))
    assert path.read_bytes() == before


def test_a_sqlite_database_of_another_program(cli, tmp_path, user_error):
    """An SQLite file with unrelated tables is not silently migrated into a claims database...
    or, if it is, the other program's tables are untouched."""
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.execute("INSERT INTO notes (body) VALUES ('keep me')")
    conn.commit()
    conn.close()
    result = cli("list", db=str(path))
    assert "Traceback" not in result.stderr and result.exception is None
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT body FROM notes").fetchall() == [("keep me",)]
    conn.close()


# --- the real entry point ----------------------------------------------------------------------

def test_real_entry_point_prints_one_line(cli, tmp_path, user_error):
    """`python -m claims.cli` itself, in child processes run side by side (each takes ~1 s to start)."""
    from concurrent.futures import ThreadPoolExecutor

    path = tmp_path / "claims.db"
    _make_db(cli, path)
    newer = tmp_path / "newer.db"
    _make_db(cli, newer)
    _stamp(f"sqlite:///{newer}", "9999_from_the_future")
    runs = [
        (["show", "999"], path, "999"),
        (["add", "--text", "t", "--source", "javascript:alert(1)"], path, "http(s)"),
        (["list"], tmp_path / "nope" / "claims.db", "does not exist"),
        (["list"], newer, "newer"),
    ]
    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(lambda run: cli(*run[0], db=str(run[1]), subprocess_=True), runs))
    for (args, _, word), result in zip(runs, results):
        user_error(result, word)
