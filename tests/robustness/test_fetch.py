"""`claims import URL` against a local server on 127.0.0.1 started by the test: a page imports with
its retrieval time and hash; redirects to other schemes are refused; a response over the size
limit is cut off with a clear error; timeouts are respected, also against a server that trickles."""
from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from _robust import ROOT, article_text, assert_clean_failure, assert_one_line_error, invoke, needs_extract, run_claims, \
    table_counts
from claims.errors import UserError
from claims.fetch import MAX_BYTES, fetch

PAGE = (ROOT / "tests/corpus/2025-04-10-meridian-post-truce-deadline.html").read_bytes()
TEXT_PAGE = article_text(5, tag="web").encode()
BIG = b"<html><body><p>" + b"x" * (MAX_BYTES + 1024) + b"</p></body></html>"


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args) -> None:  # keep test output quiet
        pass

    def _send(self, body: bytes, ctype: str = "text/html; charset=utf-8", length: bool = True) -> None:
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        if length:
            self.send_header("Content-Length", str(len(body)))
        else:
            self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        path = self.path
        if path == "/a.html":
            self._send(PAGE)
        elif path == "/a.txt":
            self._send(TEXT_PAGE, "text/plain; charset=utf-8")
        elif path.startswith("/to/"):
            self._redirect({"file": "file:///etc/passwd", "js": "javascript:alert(1)", "data": "data:text/html,<b>x</b>",
                            "ftp": "ftp://127.0.0.1/x", "creds": f"http://user:pw@127.0.0.1:{self.server.server_port}/a.txt",
                            "ok": "/a.txt", "loop": "/to/loop"}[path[4:]])
        elif path == "/big":
            self._send(BIG)
        elif path == "/big-unannounced":
            self._send(BIG, length=False)
        elif path == "/slow":
            time.sleep(3)
            self._send(PAGE)
        elif path == "/trickle":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Connection", "close")
            self.end_headers()
            try:
                for _ in range(60):  # one byte every 0.2 s: each read is quick, the whole is not
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(0.2)
            except OSError:
                pass
        else:
            self.send_error(404)


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:  # a client that stops reading is expected
        pass


@pytest.fixture(scope="module")
def server():
    httpd = QuietServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    httpd.server_close()


@needs_extract
def test_page_imports_with_retrieval_time_and_hash(server, tmp_path):
    db = tmp_path / "claims.db"
    before = dt.datetime.now(dt.timezone.utc).replace(microsecond=0, tzinfo=None)
    proc = run_claims("import", f"{server}/a.html", db=db)
    assert proc.returncode == 0, proc.stderr.decode()
    con = sqlite3.connect(db)
    url, retrieved, sha, body = con.execute("SELECT url, retrieved_at, content_sha256, body FROM source").fetchone()
    n_claims = con.execute("SELECT count(*) FROM claim").fetchone()[0]
    con.close()
    assert url in (f"{server}/a.html", "https://www.meridianpost.example.com/world/2025/04/10/truce-deadline-extended")
    assert retrieved and dt.datetime.fromisoformat(retrieved[:19]) >= before
    assert sha == hashlib.sha256(PAGE).hexdigest()
    assert body and "Tesk" in body and n_claims >= 3
    again = run_claims("import", f"{server}/a.html", db=db)  # same page again: nothing new
    assert again.returncode == 0 and b"skipped" in again.stdout, again


@needs_extract
def test_redirect_to_http_is_followed(server, tmp_path):
    db = tmp_path / "claims.db"
    r = invoke("import", f"{server}/to/ok", db=db)
    assert r.code == 0, r
    assert table_counts(db)["claim"] >= 3


@needs_extract
@pytest.mark.parametrize("target", ["file", "js", "data", "ftp", "creds"])
def test_redirect_to_another_scheme_is_refused(server, tmp_path, target):
    db = tmp_path / "claims.db"
    assert invoke("list", db=db).code == 0
    before = table_counts(db)
    r = invoke("import", f"{server}/to/{target}", db=db)
    assert_clean_failure(r)
    assert "redirect" in r.err.lower(), r.err
    assert "root:" not in r.out + r.err  # nothing of /etc/passwd
    assert table_counts(db) == before


def test_fetch_refuses_scheme_redirects_directly(server):
    for target in ("file", "js", "data", "ftp", "creds"):
        with pytest.raises(UserError, match="(?i)redirect"):
            fetch(f"{server}/to/{target}", timeout=5)


def test_redirect_loop_ends_with_a_clear_error(server):
    started = time.monotonic()
    with pytest.raises(UserError, match="could not fetch|redirect"):
        fetch(f"{server}/to/loop", timeout=5)
    assert time.monotonic() - started < 10


@pytest.mark.parametrize("path", ["/big", "/big-unannounced"])
def test_response_over_the_size_limit_is_cut_off(server, path):
    with pytest.raises(UserError, match="limit"):
        fetch(f"{server}{path}", timeout=10)
    with pytest.raises(UserError, match="limit"):
        fetch(f"{server}/a.html", timeout=10, max_bytes=1000)


@needs_extract
def test_import_over_the_size_limit_is_one_clear_error(server, tmp_path):
    db = tmp_path / "claims.db"
    proc = run_claims("import", f"{server}/big-unannounced", db=db)
    err = assert_one_line_error(proc)
    assert "limit" in err and "KB" in err, err
    assert not db.exists() or table_counts(db).get("claim", 0) == 0


def test_slow_server_short_timeout(server):
    started = time.monotonic()
    with pytest.raises(UserError, match="could not fetch|within"):
        fetch(f"{server}/slow", timeout=0.5)
    assert time.monotonic() - started < 2.5


def test_trickling_server_cannot_outlast_the_timeout(server):
    """Each read gets a byte within the socket timeout; the fetch as a whole must still stop."""
    started = time.monotonic()
    with pytest.raises(UserError, match="within|could not fetch"):
        fetch(f"{server}/trickle", timeout=1.0)
    assert time.monotonic() - started < 4


@needs_extract
def test_import_slow_server_with_short_timeout(server, tmp_path, monkeypatch):
    import claims.fetch as fetch_module

    monkeypatch.setitem(fetch_module.fetch.__kwdefaults__, "timeout", 0.5)
    db = tmp_path / "claims.db"
    assert invoke("list", db=db).code == 0
    before = table_counts(db)
    started = time.monotonic()
    r = invoke("import", f"{server}/slow", db=db)
    assert_clean_failure(r)
    assert time.monotonic() - started < 5
    assert table_counts(db) == before
