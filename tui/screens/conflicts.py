"""The conflicts view: linked claim pairs side by side with the reason; confirm or dismiss each."""
from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static
from textual.worker import get_current_worker

from tui.errors import ReportsWorkerErrors
from tui.messages import ClaimsChanged
from tui.text import literal

STATE_STYLE = {"suggested": "yellow", "confirmed": "bold red", "dismissed": "dim"}
CHUNK = 500


class ConflictsScreen(ReportsWorkerErrors, Screen):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("y", "set_state('confirmed')", "Confirm", tooltip="Confirm the pair under the cursor"),
        Binding("n", "set_state('dismissed')", "Dismiss", tooltip="Dismiss the pair (it is not suggested again)"),
        Binding("a", "toggle_dismissed", "Show dismissed", tooltip="Show or hide dismissed pairs"),
        Binding("r", "toggle_relations", "All relations",
                tooltip="Show every kind of link (corroborates, revises, ...) or only contradictions"),
        Binding("enter", "open('a')", "Open A", tooltip="Open claim A (enter or click)"),
        Binding("b", "open('b')", "Open B", tooltip="Open claim B"),
    ]

    @dataclass
    class Loaded(Message):
        links: list[dict]

    def __init__(self) -> None:
        super().__init__()
        self.links: list[dict] = []
        self.include_dismissed = False
        self.only_contradictions = True

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="≡")
        yield DataTable(id="links", cursor_type="row", zebra_stripes=True)
        with Horizontal(id="pair"):
            yield Static("", id="pair-a", classes="pair-side")
            yield Static("", id="pair-b", classes="pair-side")
        yield Static("", id="pair-reason")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#links", DataTable)
        for key, label, width in (("id", "link", 5), ("relation", "relation", 12), ("state", "state", 10),
                                  ("origin", "origin", 8), ("a", "A", 6), ("b", "B", 6)):
            table.add_column(label, key=key, width=width)
        table.focus()
        self.load()

    def data_changed(self, message: ClaimsChanged) -> None:
        self.load()

    def load(self) -> None:
        self.sub_title = "conflicts" if self.only_contradictions else "all linked pairs"
        self._read(self.include_dismissed, ("contradicts",) if self.only_contradictions else None)

    @work(thread=True, exclusive=True, exit_on_error=False, group="db")
    def _read(self, include_dismissed: bool, relations: tuple[str, ...] | None) -> None:
        from claims.check import list_links
        from db.engine import read_session

        with read_session(self.app.engine) as session:
            links = list_links(session=session, include_dismissed=include_dismissed, relations=relations)
        if not get_current_worker().is_cancelled:
            self.post_message(self.Loaded(links))

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        table = self.query_one("#links", DataTable)
        current = self.current_link()
        cursor = table.cursor_row
        self.links = message.links
        index = None
        if current is not None:
            index = next((i for i, lk in enumerate(self.links) if lk["id"] == current["id"]), None)
        if index is None:
            index = min(cursor, len(self.links) - 1)
        table.clear()
        self._show_more(max(CHUNK, index + 1))
        if self.links:
            table.move_cursor(row=max(index, 0), animate=False)
        self._show_pair()
        if not self.links:
            self.query_one("#pair-reason", Static).update("No linked pairs" +
                                                          ("." if self.include_dismissed else " (a: show dismissed)."))

    def _show_more(self, n: int = 0) -> None:
        """Rows go into the table a chunk at a time; the rest follow as the cursor nears the end."""
        table = self.query_one("#links", DataTable)
        start = table.row_count
        table.add_rows([(Text(str(link["id"])), Text(link["relation"]),
                         Text(link["state"], style=STATE_STYLE.get(link["state"], "")),
                         Text(str(link.get("origin") or "")), Text(str(link["a"])), Text(str(link["b"])))
                        for link in self.links[start:start + (n or CHUNK)]])

    def current_link(self) -> dict | None:
        table = self.query_one("#links", DataTable)
        if self.links and 0 <= table.cursor_row < len(self.links):
            return self.links[table.cursor_row]
        return None

    @on(DataTable.RowHighlighted, "#links")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        table = event.data_table
        if table.row_count < len(self.links) and event.cursor_row > table.row_count - 60:
            self._show_more()
        self._show_pair()

    def _show_pair(self) -> None:
        link = self.current_link()
        a, b, reason = Text(), Text(), Text()
        if link is not None:
            a = Text(f"A · claim {link['a']}\n", style="bold")
            a.append(literal(link.get("a_text") or ""))
            b = Text(f"B · claim {link['b']}\n", style="bold")
            b.append(literal(link.get("b_text") or ""))
            reason = Text(f"{link['relation']} ({link['state']}, {link.get('origin') or '-'}): ", style="bold")
            reason.append(literal(link.get("reason") or "no reason given"))
        self.query_one("#pair-a", Static).update(a)
        self.query_one("#pair-b", Static).update(b)
        self.query_one("#pair-reason", Static).update(reason)

    def action_toggle_relations(self) -> None:
        self.only_contradictions = not self.only_contradictions
        self.load()

    def action_toggle_dismissed(self) -> None:
        self.include_dismissed = not self.include_dismissed
        self.load()

    def action_set_state(self, state: str) -> None:
        link = self.current_link()
        if link is None:
            self.app.notify("no pair selected", severity="warning")
            return
        self._write(link["id"], state)

    @work(thread=True, exclusive=True, exit_on_error=False, group="write")
    def _write(self, link_id: int, state: str) -> None:
        from db.engine import write_session
        from db.writes import set_link_state

        with write_session(self.app.engine) as session:
            set_link_state(session=session, actor=self.app.actor, link_id=link_id, state=state,
                           reason=f"{state} in the conflicts view")
        self.app.post_message(ClaimsChanged(None, notice=f"link {link_id} {state}"))

    def action_open(self, side: str = "a") -> None:
        link = self.current_link()
        if link is not None:
            from tui.screens.detail import DetailScreen

            self.app.push_screen(DetailScreen(link[side]))

    @on(DataTable.RowSelected, "#links")
    def _selected(self) -> None:
        self.action_open()
