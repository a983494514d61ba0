"""Validation and normalisation of text, URLs and dates that come from users and articles."""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from urllib.parse import urlsplit, urlunsplit, parse_qsl, urlencode

from dateutil import parser as dateparser

from claims.errors import UserError

# C0 controls except \t and \n, DEL, and C1 controls: they would reach the terminal as commands.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
MAX_URL = 2048
_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ref)$", re.I)


_SURROGATE = re.compile(r"[\ud800-\udfff]")


def clean_text(text: str) -> str:
    """Drop terminal control characters (keeping newline and tab) and normalise line endings.
    Lone surrogates (invalid UTF-8 passed on a command line) become U+FFFD: they cannot be stored."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _SURROGATE.sub("\ufffd", _CONTROL.sub("", text))


def check_url(url: str, *, what: str = "URL") -> str:
    """Return the URL if it is an http(s) URL with a host, else raise UserError."""
    if url is None or not str(url).strip():
        raise UserError(f"{what} is empty: give an http(s) URL")
    shown = url if len(url) <= 80 else url[:77] + "..."
    shown = _CONTROL.sub("?", shown)
    if len(url) > MAX_URL:
        raise UserError(f"{what} is {len(url)} characters long; the limit is {MAX_URL}")
    if re.search(r"[\s\x00-\x1f\x7f-\x9f]", url):
        raise UserError(f"{what} {shown!r} contains spaces or control characters")
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # raises ValueError on a bad port
    except ValueError:
        raise UserError(f"{what} {shown!r} is not a valid URL") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise UserError(f"{what} {shown!r} is not an http(s) URL")
    if not host:
        raise UserError(f"{what} {shown!r} has no host")
    if parts.username is not None or parts.password is not None:
        raise UserError(f"{what} {shown!r} contains credentials; remove the user:password@ part")
    return url


def normalise_url(url: str) -> str:
    """A key for de-duplication: lower-case scheme and host, no default port, fragment,
    tracking parameters or trailing slash; http and https are the same page."""
    parts = urlsplit(check_url(url))
    host = (parts.hostname or "").lower()
    if host.startswith("www."):
        host = host[4:]
    port = parts.port
    if ":" in host:  # an IPv6 address keeps its brackets, or the key is not a URL any more
        host = f"[{host}]"
    netloc = host if port in (None, 80, 443) else f"{host}:{port}"
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                             if not _TRACKING.match(k)))
    path = parts.path.rstrip("/") or ""
    return urlunsplit(("https", netloc, path, query, ""))


_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# 01/02/2022, 1.2.22, "01 02 2022", also followed by a time: day and month order unknown.
_NUMERIC_AMBIGUOUS = re.compile(r"^\d{1,2}(?:\s*[/.-]\s*|\s+)\d{1,2}(?:\s*[/.-]\s*|\s+)\d{2,4}(?!\d)")


def parse_user_date(value: str, *, what: str = "date") -> dt.date:
    """Parse a date a user typed. Unambiguous forms only: 2022-01-19, Jan 19 2022, 19 January 2022.
    Fields left out are rejected rather than filled from today."""
    text = (value or "").strip()
    if not text:
        raise UserError(f"{what} is empty: use YYYY-MM-DD, e.g. 2022-01-19")
    if _ISO.match(text):
        try:
            day = dt.date.fromisoformat(text)
        except ValueError:
            raise UserError(f"{what} {text!r} is not a valid date: use YYYY-MM-DD, e.g. 2022-01-19") from None
        if not 1800 <= day.year <= 2200:  # 9999-12-31 would overflow date arithmetic (show --as-of)
            raise UserError(f"{what} {text!r} is out of range (years 1800-2200)")
        return day
    if _NUMERIC_AMBIGUOUS.match(text):
        raise UserError(f"{what} {text!r} is ambiguous (day/month order): use YYYY-MM-DD")
    # Parse twice with different defaults: a field that changes with the default was not given.
    try:
        a = dateparser.parse(text, default=dt.datetime(2000, 1, 1))
        b = dateparser.parse(text, default=dt.datetime(2001, 2, 2))
    except (ValueError, OverflowError, TypeError):
        raise UserError(f"{what} {text!r} is not a date: use YYYY-MM-DD, e.g. 2022-01-19") from None
    if a.date() != b.date():
        raise UserError(f"{what} {text!r} is incomplete: give year, month and day, e.g. 2022-01-19")
    if not 1800 <= a.year <= 2200:
        raise UserError(f"{what} {text!r} is out of range (years 1800-2200)")
    return a.date()


def require_text(value: str | None, *, what: str = "text") -> str:
    """Clean text and refuse it when nothing is left."""
    text = clean_text(value or "").strip()
    if not text:
        raise UserError(f"{what} is empty: give some text")
    return unicodedata.normalize("NFC", text)
