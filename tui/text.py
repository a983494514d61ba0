"""Turning stored text into literal `rich.text.Text`: never markup, never terminal control.

The database stores cleaned text, but a row written by an older version or another tool may still
hold control bytes; they are shown as visible symbols (ESC as "␛") so they cannot reach the terminal.
"""
from __future__ import annotations

import re

from rich.text import Text

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_NUMBER = re.compile(
    r"(?<![\w.])[~≈]?\d[\d,.]*(?:\s?(?:%|percent|per cent|million|billion|thousand|bn|m\b))?", re.I
)


def _visible(match: re.Match) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    return f"\\x{code:02x}"


def visible(text: str | None) -> str:
    """The string with control characters (except newline and tab) replaced by visible symbols."""
    return _CONTROL.sub(_visible, text or "")


def literal(text: str | None, style: str = "") -> Text:
    """External text as a Text that is shown exactly as written."""
    return Text(visible(text), style=style)


def one_line(text: str | None, width: int | None = None, style: str = "") -> Text:
    """External text on one line (newlines and tabs become spaces), cut to `width` with an ellipsis."""
    flat = " ".join(visible(text).split())
    if width is not None and len(flat) > width:
        flat = flat[: max(width - 1, 0)] + "…"
    return Text(flat, style=style)


def highlighted_claim(text: str, phrases: list[str]) -> Text:
    """The claim text with its numbers and its date phrases highlighted."""
    out = literal(text)
    plain = out.plain
    for match in _NUMBER.finditer(plain):
        out.stylize("bold cyan", match.start(), match.end())
    lower = plain.lower()
    for phrase in phrases:
        shown = visible(phrase).lower()
        if not shown:
            continue
        start = lower.find(shown)
        while start >= 0:
            out.stylize("bold magenta underline", start, start + len(shown))
            start = lower.find(shown, start + len(shown))
    return out


def fmt_date(value) -> str:
    """A date or datetime (or its ISO string) as YYYY-MM-DD, blank when unknown."""
    if value is None:
        return ""
    return str(value)[:10]


def show_error(label, message: str) -> None:
    """Put a (literal) message in a form's error label; an empty message hides the label."""
    label.update(literal(message))
    label.set_class(bool(message), "shown")
