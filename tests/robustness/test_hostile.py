"""Hostile input through the command line: every input gives a correct result or one `error:` line
with exit status 2, never a traceback, never a partial write; text from outside is stored cleaned
and printed literally (no terminal control sequence ever reaches stdout)."""
from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims.validate import normalise_url

from _robust import (ROOT, article_text, assert_clean_failure, assert_no_terminal_control, assert_one_line_error,
                     claims_env, has_extract_api, integrity_ok, invoke, needs_extract, run_claims, table_counts, write_articles,
                     CLAIMS)

FRAGMENTS = [
    "Токаев", "Касым-Жомарт Токаев", "\u200f", "\u200e", "\u200d", "\u202e", "\u2066", "e\u0301", "\u0301\u0301",
    "[bold red]boom[/]", "[link=file:///etc/passwd]x[/link]", "[@click=app.quit]x", "[/]", "range [/",
    "\x1b[2J", "\x1b]52;c;aGVsbG8=\x07", "\x1b]0;pwned\x07", "\x9b31m", "\x85", "\x00", "\x7f", "\r\n", "\r",
    "'; DROP TABLE claim; --", "%s%n", "{0}", "\ufeff", "𝔘𝔫𝔦", "🙂", "\u0627\u0644\u0639\u0631\u0628\u064a\u0629",
    "\ud800", "\udc9b",  # lone surrogates: what invalid UTF-8 in argv becomes in Python
]
MARKUP = ["[bold red]boom[/]", "[link=file:///etc/passwd]x[/link]"]
ESCAPES = ["\x1b[2J", "\x1b]52;c;aGVsbG8=\x07", "\x9b31m"]

hostile_text = st.lists(st.one_of(st.text(max_size=12), st.sampled_from(FRAGMENTS)), max_size=8).map("".join)
FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                       HealthCheck.function_scoped_fixture])


def _stored_claims(db) -> list[tuple]:
    con = sqlite3.connect(str(db))
    try:
        return con.execute("SELECT id, text, quote FROM claim ORDER BY id").fetchall()
    finally:
        con.close()


def _all_text(db) -> list[str]:
    """Every text value stored anywhere."""
    con = sqlite3.connect(str(db))
    try:
        out = []
        for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'claim_fts%'"):
            for row in con.execute(f'SELECT * FROM "{name}"'):
                out += [v for v in row if isinstance(v, str)]
        return out
    finally:
        con.close()


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "claims.db"
    r = invoke("add", "--text", "Seed claim about 12 trucks", "--source", "https://example.com/seed", db=path)
    assert r.code == 0, r
    return path


# --- claims add -----------------------------------------------------------------------------

@FAST
@given(text=hostile_text, speaker=hostile_text, quote=hostile_text, story=hostile_text)
def test_add_random_unicode_is_stored_cleaned_or_refused(db, text, speaker, quote, story):
    before = table_counts(db)
    args = ["add", "--text", text, "--source", f"https://example.com/{uuid.uuid4().hex}"]
    for flag, value in (("--speaker", speaker), ("--quote", quote), ("--story", story)):
        if value:
            args += [flag, value]
    r = invoke(*args, db=db)
    assert_no_terminal_control(r.out)
    if r.code != 0:
        assert_clean_failure(r)
        assert table_counts(db) == before, "a refused command left rows behind"
        return
    assert r.out.startswith("added claim"), r
    stored = _stored_claims(db)[-1]
    for value in stored[1:]:
        if value is not None:
            assert_no_terminal_control(value)
            value.encode("utf-8")  # no lone surrogates stored
    for value in _all_text(db):
        assert "\x1b" not in value and "\x9b" not in value


@FAST
@given(text=hostile_text)
def test_tag_and_mark_reason_random_unicode(db, text):
    before = table_counts(db)
    r = invoke("tag", "1", text, db=db)
    assert_no_terminal_control(r.out)
    if r.code != 0:
        assert_clean_failure(r)
        assert table_counts(db) == before
    r = invoke("mark", "1", "disputed", "--reason", text, db=db)
    assert_no_terminal_control(r.out)
    if r.code != 0:
        assert_clean_failure(r)
    for value in _all_text(db):
        assert_no_terminal_control(value)


@FAST
@given(query=hostile_text)
def test_list_filters_with_random_unicode_never_crash(db, query):
    for flag in ("--search", "--speaker", "--story", "--tag", "--source"):
        r = invoke("list", flag, query, "--format", "json", db=db)
        assert_no_terminal_control(r.out)
        if r.code != 0:
            assert_clean_failure(r)
        else:
            json.loads(r.out)


def test_markup_and_escapes_are_stored_cleaned_and_printed_literally(tmp_path):
    db = tmp_path / "claims.db"
    boom = "GDP [bold red]boom[/] fell \x1b[2J 2% [link=file:///etc/passwd]x[/link] \x1b]52;c;aGVsbG8=\x07 \x9b31m"
    r = invoke("add", "--text", boom, "--source", "https://example.com/m", "--speaker", "[bold red]Токаев[/]\x1b[31m",
               "--role", "[@click=app.quit]x\x07", "--quote", "[/] range [/ \x9b2J", "--story", "[i]story\x1b[0m",
               "--title", "[link=file:///etc/passwd]t[/link]\x1b]0;title\x07", "--outlet", "\x1b[5mOutlet[/]", db=db)
    assert r.code == 0, r
    assert invoke("tag", "1", "[red]tag\x1b[0m", db=db).code == 0
    assert invoke("mark", "1", "disputed", "--reason", "[bold]why\x1b[2J", db=db).code == 0
    r = invoke("source", "add", "1", "https://example.com/later", "--stance", "disputes",
               "--excerpt", "[red]ex\x1b]52;c;x\x07", "--note", "\x9b1;1Hnote [/]", "--title", "\x1b[1mT", db=db)
    assert r.code == 0, r
    for value in _all_text(db):
        assert_no_terminal_control(value)
    outputs = {}
    for args in (["list"], ["list", "--format", "json"], ["list", "--format", "csv"], ["show", "1"],
                 ["show", "1", "--format", "json"], ["history", "1"], ["speakers"], ["stories"]):
        r = invoke(*args, db=db)
        assert r.code == 0, (args, r)
        assert_no_terminal_control(r.out)
        outputs[" ".join(args)] = r.out
    # Printed literally: the markup is text, not styling or links.
    assert "[bold red]boom[/]" in outputs["show 1"]
    assert "[link=file:///etc/passwd]x[/link]" in outputs["show 1"]
    assert "[bold red]Токаев[/]" in outputs["show 1"]
    assert "[bold red]boom[/]" in json.loads(outputs["list --format json"])[0]["text"]
    # The real subprocess too: what reaches a terminal.
    for args in (["list"], ["show", "1"], ["history", "1"]):
        proc = run_claims(*args, db=db)
        assert proc.returncode == 0, proc.stderr
        assert b"\x1b" not in proc.stdout and b"\x9b" not in proc.stdout.replace("\u009b".encode(), b"")
        assert b"\xc2\x9b" not in proc.stdout and b"\x07" not in proc.stdout


def test_invalid_utf8_in_arguments_from_a_real_shell(tmp_path):
    """A terminal can pass bytes that are not UTF-8; Python turns them into lone surrogates."""
    db = tmp_path / "claims.db"
    env = claims_env()
    cases = [
        [b"add", b"--text", b"GDP \x9b31m fell \xff\xfe 2%", b"--source", b"https://example.com/a"],
        [b"add", b"--text", b"ok", b"--source", b"https://example.com/\xff", b"--speaker", b"\xc3("],
        [b"list", b"--speaker", b"\xff"],
        [b"list", b"--search", b"\xff\xfe"],
        [b"tag", b"1", b"\xff"],
    ]
    for args in cases:
        before = table_counts(db) if db.exists() else None
        proc = subprocess.run([*map(os.fsencode, CLAIMS), b"--db", os.fsencode(db), *args], capture_output=True,
                              env=env, cwd=ROOT, timeout=60)
        err = proc.stderr.decode("utf-8", "replace")
        assert "Traceback" not in err, (args, err[-3000:])
        assert proc.returncode in (0, 2), (args, err)
        if proc.returncode == 2:
            assert_one_line_error(proc)
            if before is not None:
                assert table_counts(db) == before
        assert b"\x1b" not in proc.stdout
    for value in _all_text(db):
        value.encode("utf-8")
        assert_no_terminal_control(value)


# --- URLs -----------------------------------------------------------------------------------

BAD_URLS = [
    "javascript:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)", "JAVASCRIPT:alert(1)",
    "file:///etc/passwd", "file://localhost/etc/passwd", "data:text/html,<script>alert(1)</script>",
    "http://user:pass@example.com/", "https://user@example.com/", "http://user@evil.com@good.org/",
    "https://example.com/" + "a" * 10_000, "ftp://example.com/x", "//example.com/x", "http:///nohost",
    "http://exa mple.com/", "http://example.com/\x1b[2J", "https://example.com:99999/", "", " ",
    "mailto:a@example.com", "vbscript:msgbox(1)", "https://example.com/\x9b",
]


@pytest.mark.parametrize("url", BAD_URLS, ids=range(len(BAD_URLS)))
def test_bad_urls_are_refused_everywhere(db, url):
    before = table_counts(db)
    for args in (["add", "--text", "x", "--source", url],
                 ["source", "add", "1", url, "--stance", "supports"],
                 *([["source", "add", "1", "https://example.com/ok", "--stance", "supports", "--archive-url", url]]
                   if url else []),  # an empty --archive-url means none
                 *([["import", url]] if has_extract_api() else [])):
        r = invoke(*args, db=db)
        assert_clean_failure(r)
        assert "\x1b" not in r.err and "\x9b" not in r.err
        assert len(r.err) < 500, r.err  # a 10,000-character URL is not echoed back whole
        assert table_counts(db) == before, (args, "partial write")


@FAST
@given(url=st.text(max_size=60).map(lambda s: "https://example.com/" + s) | st.text(max_size=60))
def test_random_urls_never_crash(db, url):
    before = table_counts(db)
    r = invoke("add", "--text", "x", "--source", url, db=db)
    if r.code != 0:
        assert_clean_failure(r)
        assert table_counts(db) == before
    else:
        assert url.lower().startswith("https://example.com/")
        con = sqlite3.connect(str(db))
        key, = con.execute("SELECT s.url_key FROM claim c JOIN source s ON s.id = c.source_id "
                           "ORDER BY c.id DESC LIMIT 1").fetchone()
        con.close()
        assert key == normalise_url(url)


# --- dates ----------------------------------------------------------------------------------

DATES = ["0001-01-01", "0000-01-01", "9999-12-31", "10000-01-01", "1799-12-31", "2201-01-01", "2022-13-45",
         "2022-02-30", "Jan 19 99999", "Jan 19 0001", "next blursday", "1e309", "-1", "99999999999999999999",
         "2022-01-19T25:00", "\x1b[2J", "Токаев", "19/01/2022", "2022-01-19\x00"]


@pytest.mark.parametrize("value", DATES, ids=range(len(DATES)))
def test_dates_out_of_range_are_refused_or_usable(db, value):
    before = table_counts(db)
    r = invoke("add", "--text", "dated", "--source", f"https://example.com/{uuid.uuid4().hex}", "--said-on", value,
               db=db)
    if r.code != 0:
        assert_clean_failure(r)
        assert table_counts(db) == before
    else:
        # Accepted dates must work everywhere dates are used.
        claim_id = r.out.split()[-1]
        for args in (["show", claim_id], ["show", claim_id, "--format", "json"], ["list", "--format", "json"]):
            out = invoke(*args, db=db)
            assert out.code == 0, out
    for args in (["list", "--since", value], ["list", "--until", value], ["show", "1", "--as-of", value],
                 ["source", "add", "1", f"https://example.com/{uuid.uuid4().hex}", "--stance", "context",
                  "--published", value]):
        out = invoke(*args, db=db)
        if out.code != 0:
            assert_clean_failure(out)


# --- extraction and import ------------------------------------------------------------------

@needs_extract
@FAST
@given(data=st.binary(max_size=3000))
def test_extract_random_bytes(tmp_path, data):
    path = tmp_path / f"{uuid.uuid4().hex}.txt"
    path.write_bytes(data)
    r = invoke("extract", str(path), "--format", "json")
    if r.code != 0:
        assert_clean_failure(r)
    else:
        json.loads(r.out)


@needs_extract
@FAST
@given(body=hostile_text, head=hostile_text)
def test_extract_random_unicode_in_article_shape(tmp_path, body, head):
    text = article_text(1, tag="h").replace("Rescue teams", body, 1).replace("Officials say", head, 1)
    path = tmp_path / f"{uuid.uuid4().hex}.txt"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    r = invoke("extract", str(path), "--format", "json")
    if r.code != 0:
        assert_clean_failure(r)
        return
    data = json.loads(r.out)
    for claim in data["claims"]:
        assert_no_terminal_control(claim["text"])


@needs_extract
@FAST
@given(data=st.binary(max_size=2000) | hostile_text.map(lambda s: article_text(2, tag="i").replace("Police", s, 1)
                                                        .encode("utf-8", "surrogatepass")))
def test_import_random_input_is_whole_or_absent(db, data):
    path = db.parent / f"{uuid.uuid4().hex}.txt"
    path.write_bytes(data)
    before = table_counts(db)
    r = invoke("import", str(path), db=db)
    assert_no_terminal_control(r.out)
    if r.code != 0:
        assert_clean_failure(r)
        assert table_counts(db) == before, "failed import left rows behind"
    else:
        for value in _all_text(db):
            assert_no_terminal_control(value)
        con = sqlite3.connect(db)  # provenance: every span re-checks against the stored text
        bad = [(t, b[s:e]) for t, s, e, b in con.execute(
            "SELECT c.text, c.span_start, c.span_end, s.body FROM claim c JOIN source s ON s.id = c.source_id "
            "WHERE c.span_start IS NOT NULL") if b[s:e] != t]
        con.close()
        assert not bad, bad[:3]
    # Leave the database as it was for the next example: the second import is a duplicate anyway.


@needs_extract
def test_invalid_utf8_article(tmp_path):
    db = tmp_path / "claims.db"
    raw = article_text(3, tag="u").encode().replace(b"Rescue teams", b"Rescue \xff\xfe\xc3( teams \x9b31m")
    path = tmp_path / "bad-utf8.txt"
    path.write_bytes(raw)
    proc = run_claims("import", str(path), db=db)
    err = proc.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err
    if proc.returncode == 0:
        # decoded with replacement: it must say so, and nothing undecodable is stored
        assert "utf-8" in err.lower() or "replac" in err.lower(), err
        for value in _all_text(db):
            assert_no_terminal_control(value)
    else:
        assert_one_line_error(proc)
        assert not db.exists() or table_counts(db).get("claim", 0) == 0


@needs_extract
def test_folder_with_good_and_bad_files(tmp_path):
    db = tmp_path / "claims.db"
    folder = tmp_path / "in"
    write_articles(folder, 3, tag="g")
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (folder / "nodate.txt").write_text(article_text(9, tag="n").replace("\n\n", "\n\n", 1).split("\n\n", 2)[0]
                                       + "\n\nNo date here at all, the ministry said.\n")
    (folder / "javascript.txt").write_text(article_text(8, tag="j").replace("https://www.example-j.com", "javascript:alert(1)//"))
    proc = run_claims("import", str(folder), db=db)
    err = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode != 0, err
    assert "Traceback" not in err
    for name in ("empty.txt", "binary.txt", "nodate.txt", "javascript.txt"):
        assert any(name in ln and ln.startswith("error:") for ln in err.splitlines()), (name, err)
    con = sqlite3.connect(db)
    urls = {u for (u,) in con.execute("SELECT url FROM source")}
    con.close()
    assert len([u for u in urls if "example-g.com" in u]) == 3
    assert not any("javascript" in u for u in urls)
    integrity_ok(db)


@needs_extract
@pytest.mark.parametrize("command", ["extract", "import"])
def test_fifty_megabyte_article_is_refused_or_bounded(tmp_path, command):
    path = tmp_path / "huge.txt"
    paragraph = ("The ministry said more than 1,200 people were evacuated on Monday, "
                 "\"and we will need about 40 more buses,\" Mayor Ana Lindqvist told reporters. ") * 8 + "\n\n"
    with path.open("w", encoding="utf-8") as f:
        f.write("Huge article\n\nMarch 5, 2024\n\n")
        while f.tell() < 50 * 1024 * 1024:
            f.write(paragraph * 100)
        f.write("Original url:\n\n<https://example.com/huge>\n")
    db = tmp_path / "claims.db"
    args = [*CLAIMS, "--db", str(db), command, str(path)] + (["--format", "json"] if command == "extract" else [])
    # A small parent starts the command: a child forked straight from this (large) test process
    # would report the test process's memory as its own peak.
    probe = ("import json, resource, subprocess, sys; "
             "r = subprocess.run(json.loads(sys.argv[1]), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE); "
             "sys.stderr.buffer.write(r.stderr); "
             "print(r.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    run = subprocess.run([sys.executable, "-c", probe, json.dumps(args)], capture_output=True,
                         env=claims_env(), cwd=ROOT, timeout=600)
    code, peak_kb = (int(v) for v in run.stdout.split())
    err = run.stderr.decode("utf-8", "replace")
    peak_mb = peak_kb / 1024
    assert "Traceback" not in err, err[-3000:]
    if code == 2:
        assert err.startswith("error:") and len(err.splitlines()) <= 2, err
        assert any(w in err.lower() for w in ("limit", "mb", "too large", "larger")), err
        assert peak_mb < 400, f"refusing the file still used {peak_mb:.0f} MB"
        if command == "import":
            assert not db.exists() or table_counts(db).get("claim", 0) == 0
    else:
        assert code == 0, err
        assert peak_mb < 1024, f"peak memory {peak_mb:.0f} MB for a 50 MB article"


# --- names: the same speaker however the name is typed ----------------------------------------

NAMES = st.sampled_from(["Токаев", "Касым-Жомарт Токаев", "José María Aznar", "Zoë Müller", "Đặng Thị Ngọc Thịnh",
                         "Ørsted", "Bjørn Ålund", "Mirela Kovačević", "محمد", "Çağlar Söyüncü"])


@FAST
@given(name=NAMES, form=st.sampled_from(["NFC", "NFD"]), case=st.sampled_from(["lower", "upper", "same"]),
       spaces=st.booleans())
def test_speaker_filter_matches_however_the_name_is_typed(db, name, form, case, spaces):
    import unicodedata

    stored = invoke("list", "--speaker", name, "--format", "json", db=db)
    if not json.loads(stored.out):
        assert invoke("add", "--text", f"Claim by {name}", "--source", f"https://example.com/{uuid.uuid4().hex}",
                      "--speaker", name, db=db).code == 0
    typed = {"lower": name.lower(), "upper": name.upper(), "same": name}[case]
    typed = unicodedata.normalize(form, typed)
    if spaces:
        typed = "  " + typed.replace(" ", "   ") + " "
    r = invoke("list", "--speaker", typed, "--format", "json", db=db)
    assert r.code == 0, r
    assert [c["speaker"] for c in json.loads(r.out)] == [unicodedata.normalize("NFC", name)], (typed, r.out)


# --- numbers --------------------------------------------------------------------------------

HUGE = str(2 ** 64)


@pytest.mark.parametrize("args", [
    ["show", HUGE], ["history", HUGE], ["mark", HUGE, "disputed", "--reason", "x"], ["tag", HUGE, "x"],
    ["link", "1", HUGE, "--relation", "contradicts", "--reason", "r"], ["list", "--after", HUGE],
    ["list", "--limit", HUGE], ["source", "add", HUGE, "https://example.com/x", "--stance", "supports"],
    ["show", "0"], ["show", "-5"], ["show", "1e3"], ["show", "١٢"],
], ids=lambda a: "-".join(a[:2]))
def test_out_of_range_ids_and_counts(db, args):
    before = table_counts(db)
    r = invoke(*args, db=db)
    assert "Traceback" not in r.err, r
    if r.code != 0:
        assert_clean_failure(r)
    assert table_counts(db) == before


@needs_extract
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "fifo"])
def test_devices_and_pipes_are_refused_not_read_forever(tmp_path, device):
    """Their size is 0 to stat(), so a size limit alone would read /dev/zero until memory runs out."""
    if device == "fifo":
        device = str(tmp_path / "pipe.txt")
        os.mkfifo(device)
    db = tmp_path / "claims.db"
    for args in (["import", device], ["extract", device]):
        proc = run_claims(*args, db=db, timeout=30)
        assert_one_line_error(proc)


@needs_extract
@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_spans_match_the_stored_text_whatever_the_unicode_form(tmp_path, form):
    """Provenance: every claim's span re-checks against the stored article text, also for a file
    written in decomposed Unicode (as macOS and some pages produce)."""
    import unicodedata

    text = article_text(4, tag=f"u{form}").replace("Rescue teams", "José María's rescue teams in Kraków")
    path = tmp_path / "article.txt"
    path.write_text(unicodedata.normalize(form, text), encoding="utf-8")
    db = tmp_path / "claims.db"
    r = invoke("import", str(path), db=db)
    assert r.code == 0, r
    con = sqlite3.connect(db)
    body, = con.execute("SELECT body FROM source").fetchone()
    spans = con.execute("SELECT id, text, span_start, span_end FROM claim").fetchall()
    con.close()
    assert spans
    for claim_id, claim_text, start, end in spans:
        assert body[start:end] == claim_text, (claim_id, claim_text, body[start:end])
        shown = json.loads(invoke("show", str(claim_id), "--format", "json", db=db).out)
        assert shown["span_verified"] is True
