"""The deadlines view: every deadline a claim set, whether it was met, and what says so."""
from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static
from textual.worker import get_current_worker

from tui.errors import ReportsWorkerErrors
from tui.messages import ClaimsChanged
from tui.text import fmt_date, one_line

STATE_STYLE = {"pending": "yellow", "met": "green", "missed": "bold red"}
CHUNK = 500


class DeadlinesScreen(ReportsWorkerErrors, Screen):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("enter", "open", "Open claim"),
    ]

    @dataclass
    class Loaded(Message):
        rows: list[dict]

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[dict] = []

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="≡")
        yield DataTable(id="deadlines", cursor_type="row", zebra_stripes=True)
        yield Static("", id="deadlines-note")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "deadlines"
        table = self.query_one("#deadlines", DataTable)
        for key, label, width in (("claim", "claim", 6), ("deadline", "deadline", 10), ("state", "state", 8),
                                  ("overdue", "overdue", 7), ("evidence", "evid.", 5), ("text", "claim text", 40)):
            table.add_column(label, key=key, width=width)
        table.focus()
        self.load()

    def data_changed(self, message: ClaimsChanged) -> None:
        self.load()

    def load(self) -> None:
        self._read()

    @work(thread=True, exclusive=True, exit_on_error=False, group="db")
    def _read(self) -> None:
        from claims.check import deadlines
        from db.engine import read_session

        with read_session(self.app.engine) as session:
            rows = deadlines(session=session, today=self.app.today())
        if not get_current_worker().is_cancelled:
            self.post_message(self.Loaded(rows))

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        self.rows = message.rows
        table = self.query_one("#deadlines", DataTable)
        cursor = table.cursor_row
        table.clear()
        self._show_more(max(CHUNK, cursor + 1))
        if self.rows:
            table.move_cursor(row=min(cursor, table.row_count - 1), animate=False)

    def _show_more(self, n: int = 0) -> None:
        """Rows go into the table a chunk at a time (a big database has 100k deadlines)."""
        table = self.query_one("#deadlines", DataTable)
        start = table.row_count
        table.add_rows([self._cells(r) for r in self.rows[start:start + (n or CHUNK)]])
        shown = table.row_count
        note = f"{len(self.rows):,} deadlines" + (f" (showing {shown:,}; more load as you go)"
                                                   if shown < len(self.rows) else "")
        self.query_one("#deadlines-note", Static).update(note if self.rows else "No deadlines recorded.")

    @staticmethod
    def _cells(r: dict) -> tuple:
        evidence = r.get("evidence")
        n_evidence = len(evidence) if isinstance(evidence, (list, tuple)) else (evidence or 0)
        return (Text(str(r["claim"])), Text(fmt_date(r.get("deadline"))),
                Text(str(r.get("state") or ""), style=STATE_STYLE.get(str(r.get("state")), "")),
                Text("yes" if r.get("overdue") else "", style="bold red"), Text(str(n_evidence)),
                one_line(r.get("text"), 200))

    @on(DataTable.RowHighlighted, "#deadlines")
    def _maybe_more(self, event: DataTable.RowHighlighted) -> None:
        table = event.data_table
        if table.row_count < len(self.rows) and event.cursor_row > table.row_count - 60:
            self._show_more()

    def action_open(self) -> None:
        table = self.query_one("#deadlines", DataTable)
        if self.rows and 0 <= table.cursor_row < len(self.rows):
            from tui.screens.detail import DetailScreen

            self.app.push_screen(DetailScreen(int(self.rows[table.cursor_row]["claim"])))

    @on(DataTable.RowSelected, "#deadlines")
    def _selected(self) -> None:
        self.action_open()
