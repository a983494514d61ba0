"""Printing for the CLI: tables for people, JSON and CSV for scripts. Text is never read as markup."""
from __future__ import annotations

import csv
import io
import json
import re
import sys
from typing import Any, Iterable, Sequence

from rich.console import Console
from rich.table import Table
from rich.text import Text


def console(file=None) -> Console:
    return Console(file=file or sys.stdout, markup=False, highlight=False, emoji=False,
                   soft_wrap=False, width=None if (file or sys.stdout).isatty() else 160)


# Stored text is cleaned on the way in, but a restored backup or another tool may still hold
# control bytes: tables and text for people show them as visible symbols (ESC as "␛"), never raw.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def visible(text: str) -> str:
    return _CONTROL.sub(lambda m: chr(0x2400 + ord(m.group())) if m.group() < "\x20"
                        else "\u2421" if m.group() == "\x7f" else f"\\x{ord(m.group()):02x}", text)


def cell(value: Any, limit: int | None = None) -> Text:
    if value is None:
        return Text("")
    s = visible(str(value).replace("\n", " "))
    if limit and len(s) > limit:
        s = s[: limit - 1] + "…"
    return Text(s)


def print_table(rows: Iterable[Sequence[Any]], headers: Sequence[str], *, widths: dict[int, int] | None = None) -> None:
    table = Table(*headers, box=None, pad_edge=False, show_edge=False, header_style="bold")
    for row in rows:
        table.add_row(*(cell(v, (widths or {}).get(i)) for i, v in enumerate(row)))
    console().print(table)


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def print_csv(rows: Iterable[dict], fields: Sequence[str], file=None) -> None:
    out = file or sys.stdout
    writer = csv.DictWriter(out, fieldnames=list(fields), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: ("" if v is None else v) for k, v in row.items()})


def lines(text: str) -> None:
    console().print(Text(visible(text)))


def to_csv_string(rows: Iterable[dict], fields: Sequence[str]) -> str:
    buf = io.StringIO()
    print_csv(rows, fields, file=buf)
    return buf.getvalue()
