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
# Longer than the column: PostgreSQL would refuse it and SQLite would store it; both must refuse.
for option, limit in (("--story", 200), ("--speaker", 300), ("--role", 300), ("--outlet", 300)):
    CASES[f"overlong{option}"] = (["add", "--text", "t", "--source", GOOD_URL, "--speaker", "New Speaker",
                                   option, "x" * (limit + 1)], (str(limit),))
CASES["overlong-source-outlet"] = (["source", "add", "{id}", GOOD_URL + "/b", "--stance", "context", "--outlet",
                                    "x" * 301], ("300",))
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


def test_a_folder_given_as_the_database(cli, tmp_path, user_error):
    user_error(cli("list", db=str(tmp_path)), "cannot open database")
    assert list(tmp_path.iterdir()) == []


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


# --- claims.validate, unit by unit ------------------------------------------------------------------

from hypothesis import given, settings, strategies as st  # noqa: E402

from claims.errors import UserError  # noqa: E402
from claims.validate import check_url, clean_text, normalise_url, parse_user_date, require_text  # noqa: E402


@pytest.mark.parametrize("url", [
    "https://example.org", "http://example.org/a?b=c#d", "HTTPS://EXAMPLE.ORG/A", "http://localhost:8080/x",
    "https://xn--r8jz45g.jp/", "https://例え.jp/パス", "http://[::1]:8080/a", "https://example.org/" + "a" * 2000,
])
def test_check_url_accepts(url):
    assert check_url(url) == url


@pytest.mark.parametrize("url", [
    " javascript:alert(1)", "java\tscript:alert(1)", "javascript:alert(1)", "JavaScript:alert(1)",
    "http://user@evil.com@good.org/", "http://user:pw@good.org/", "https://:pw@good.org/",
    "file:///etc/passwd", "data:text/html,hi", "ftp://example.org/", "vbscript:msgbox", "about:blank",
    "//example.org/a", "example.org/a", "http://", "https:///a", "http://example.org:99999/", "http://exa mple.org/",
    "http://example.org/\x00", "https://example.org/\u2028", "https://example.org/\u00a0", "http://[::1/",
    "https://example.org/\x1b[2J", "https://example.org/\x9b", "", "   ", LONG_URL,
])
def test_check_url_rejects(url):
    with pytest.raises(UserError) as caught:
        check_url(url)
    message = str(caught.value)
    assert "\n" not in message and "\x1b" not in message and "\x00" not in message
    assert len(message) < 200


def test_normalise_url_dedupes_spellings_of_one_page():
    key = normalise_url("http://x.org/a")
    for spelling in ("https://www.x.org/a/?utm_source=y", "HTTPS://X.ORG:443/a#section", "http://x.org:80/a/",
                     "https://x.org/a?fbclid=1&utm_medium=email&gclid=2"):
        assert normalise_url(spelling) == key, spelling
    assert normalise_url("https://x.org/a?b=2&a=1") == normalise_url("https://x.org/a?a=1&b=2")
    for different in ("https://x.org/a?id=2", "https://x.org/b", "https://x.org:8443/a", "https://y.org/a",
                      "https://x.org/A", "https://sub.x.org/a"):
        assert normalise_url(different) != key, different


def test_normalise_url_keeps_ipv6_hosts_valid():
    key = normalise_url("http://[::1]:8080/a")
    assert check_url(key) and normalise_url(key) == key
    assert normalise_url("https://[2001:db8::1]/x") != normalise_url("https://[2001:db8::2]/x")


def test_normalise_url_rejects_what_check_url_rejects():
    with pytest.raises(UserError):
        normalise_url("javascript:alert(1)")


_hosts = st.from_regex(r"(www\.)?[a-z][a-z0-9-]{0,10}\.(org|com|co\.uk)", fullmatch=True)
_paths = st.lists(st.from_regex(r"[A-Za-z0-9._~-]{1,8}", fullmatch=True), max_size=3).map(lambda p: "/" + "/".join(p))
_queries = st.lists(st.tuples(st.sampled_from(["a", "b", "id", "utm_source", "ref", "q"]),
                              st.from_regex(r"[a-z0-9]{0,4}", fullmatch=True)), max_size=3)


@settings(max_examples=150, deadline=None)
@given(scheme=st.sampled_from(["http", "https", "HTTP"]), host=_hosts, port=st.sampled_from(["", ":80", ":443", ":8080"]),
       path=_paths, query=_queries, slash=st.booleans(), fragment=st.sampled_from(["", "#x"]))
def test_normalise_url_is_idempotent_and_valid(scheme, host, port, path, query, slash, fragment):
    from urllib.parse import urlencode

    url = f"{scheme}://{host}{port}{path}{'/' if slash else ''}{'?' + urlencode(query) if query else ''}{fragment}"
    key = normalise_url(url)
    assert check_url(key) == key
    assert normalise_url(key) == key
    assert key.startswith("https://") and "#" not in key and "utm_source" not in key


@pytest.mark.parametrize("text, expected", [
    ("2022-01-19", "2022-01-19"), ("Jan 19 2022", "2022-01-19"), ("19 January 2022", "2022-01-19"),
    ("January 19, 2022", "2022-01-19"), ("  2022-01-19  ", "2022-01-19"), ("2022/01/19", "2022-01-19"),
    ("2024-02-29", "2024-02-29"), ("Mar 3rd, 2022", "2022-03-03"),
])
def test_parse_user_date_accepts(text, expected):
    assert parse_user_date(text).isoformat() == expected


@pytest.mark.parametrize("text", [
    "2022-13-45", "next blursday", "01/02/2022", "1/2/22", "01-02-2022", "01.02.2022", "01 02 2022", "1 2 2022",
    "01/02/2022 10:00", "2023-02-29", "March 2022", "2022", "Jan 19", "Monday", "tomorrow", "10 days ago",
    "", "   ", "0202-01-19", "9999-12-31", "1700-01-01", "2022-01-19x", "19th",
])
def test_parse_user_date_rejects(text):
    with pytest.raises(UserError) as caught:
        parse_user_date(text, what="--said-on")
    assert str(caught.value).startswith("--said-on")


def test_clean_text_strips_terminal_controls_but_keeps_newline_and_tab():
    dirty = "a\x1b[31mred\x1b[0m\x07\x00\x08\x0b\x0c\x7f\x80\x85\x9b\x9fb\n\tc\r\nd\re"
    assert clean_text(dirty) == "a[31mred[0mb\n\tc\nd\ne"
    assert clean_text("é — 中文 \u00a0 emoji 🙂") == "é — 中文 \u00a0 emoji 🙂"
    assert "\x1b" not in clean_text("\x1b]52;c;aGk=\x07") and "\x07" not in clean_text("\x1b]0;title\x07")


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_clean_text_never_leaves_controls(text):
    cleaned = clean_text(text)
    assert not any((ord(ch) < 32 and ch not in "\n\t") or 0x7f <= ord(ch) <= 0x9f for ch in cleaned)
    assert clean_text(cleaned) == cleaned


def test_require_text():
    assert require_text("  cafe\u0301  ") == "caf\u00e9"  # NFC
    for empty in (None, "", "  ", "\x1b\x07", "\n\t"):
        with pytest.raises(UserError, match="claim text is empty"):
            require_text(empty, what="claim text")


# --- `claims extract` on something that is not one article file ------------------------------------

@pytest.mark.parametrize("kind", ["device", "folder", "missing"])
def test_extract_names_what_the_path_is(cli, tmp_path, user_error, kind):
    if kind == "device":
        if not Path("/dev/zero").exists():
            pytest.skip("no /dev/zero on this system")
        path, words = "/dev/zero", ("not a regular file", "save the article to a file")
    elif kind == "folder":
        path, words = str(tmp_path), ("is a folder", "claims import")
    else:
        path, words = str(tmp_path / "nope.txt"), ("no such file",)
    user_error(cli("extract", path), *words)


# --- a reader that stops early (`claims ... | head -1`) is not an error ----------------------------

def test_output_cut_short_by_the_reader_exits_0_without_a_message(cli, tmp_path):
    """`claims list --format csv | head -1` through the real entry point: the child writes more than a
    pipe holds (64 KB) to a reader that closes after one line. Exit status 0 and nothing on stderr
    (click's own handler exited 1 here)."""
    import sys

    body = "\n\n".join(f"Officials said {n:,} people were evacuated from district {n} on Monday." for n in range(1, 600))
    article = tmp_path / "long.txt"
    article.write_text(f"Many districts evacuated\n\nMarch 14, 2025\n\n{body}\n\nOriginal url:\n\n"
                       "<https://news.example.org/long>\n", encoding="utf-8")
    db = str(tmp_path / "claims.db")
    assert cli("import", str(article), db=db).exit_code == 0
    env = {k: v for k, v in os.environ.items() if k != "CLAIMS_DATABASE_URL"}
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[1])
    for args in (["list", "--format", "csv", "--limit", "1000"], ["extract", str(article), "--format", "json"]):
        proc = subprocess.Popen([sys.executable, "-m", "claims.cli", "--db", db, *args],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        assert proc.stdout.readline()
        proc.stdout.close()
        err = proc.stderr.read().decode()
        assert (proc.wait(timeout=120), err) == (0, ""), args
