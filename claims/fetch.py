"""Fetching an article over http(s): timeout, size limit, and no redirect to another scheme."""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
import time
import urllib.error
import urllib.request

from claims.errors import UserError
from claims.validate import check_url

MAX_BYTES = 10 * 1024 * 1024
TIMEOUT_S = 20.0
USER_AGENT = "claimtrack/0.1 (+https://github.com/claimtrack)"


@dataclasses.dataclass
class FetchedPage:
    url: str
    text: str
    retrieved_at: dt.datetime
    content_type: str


class _SafeRedirects(urllib.request.HTTPRedirectHandler):
    max_redirections = 5

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        try:
            check_url(newurl, what="redirect target")
        except UserError as exc:
            raise UserError(f"refused redirect from {req.full_url}: {exc}") from None
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch(url: str, *, timeout: float = TIMEOUT_S, max_bytes: int = MAX_BYTES) -> FetchedPage:
    """GET an http(s) page, reading at most `max_bytes`; errors are UserErrors saying what happened."""
    check_url(url)
    opener = urllib.request.build_opener(_SafeRedirects())
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,text/plain;q=0.9,*/*;q=0.5"})
    # The socket timeout bounds each read; the deadline bounds the whole fetch (a server that
    # trickles a byte at a time would otherwise never time out).
    deadline = time.monotonic() + timeout
    try:
        with opener.open(request, timeout=timeout) as response:
            final_url = response.geturl()
            check_url(final_url, what="final URL")
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise UserError(f"{url} is {int(length) // 1024} KB; the limit is {max_bytes // 1024} KB")
            chunks, size = [], 0
            while size <= max_bytes:
                chunk = response.read1(64 * 1024)
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
                if time.monotonic() > deadline:
                    raise UserError(f"could not fetch {url}: the page did not arrive within {timeout:g} s")
            body = b"".join(chunks)
            if len(body) > max_bytes:
                raise UserError(f"{url} is larger than the limit of {max_bytes // 1024} KB; save the page and import the file")
            ctype = response.headers.get("Content-Type", "")
    except UserError:
        raise
    except urllib.error.HTTPError as exc:
        raise UserError(f"could not fetch {url}: HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, UserError):
            raise reason from None
        raise UserError(f"could not fetch {url}: {reason}") from None
    except TimeoutError:
        raise UserError(f"could not fetch {url}: no answer within {timeout:g} s") from None
    except OSError as exc:
        raise UserError(f"could not fetch {url}: {exc}") from None
    match = re.search(r"charset=([\w-]+)", ctype, re.I)
    encoding = match.group(1) if match else "utf-8"
    try:
        text = body.decode(encoding, errors="replace")
    except LookupError:
        text = body.decode("utf-8", errors="replace")
    return FetchedPage(url=final_url, text=text, retrieved_at=dt.datetime.now(dt.timezone.utc).replace(microsecond=0),
                       content_type=ctype.split(";")[0].strip().lower())
