"""The claims screen: filter bar, the paged claims table, counts, and the claim actions."""
from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from tui.actions import CLAIM_BINDINGS, ClaimActions, ClaimRef
from tui.messages import ClaimsChanged
from tui.widgets.claim_table import ClaimTable
from tui.widgets.filter_bar import FilterBar

SORT_NAMES = {"id": "order added", "said_on": "said on", "status": "status", "speaker": "speaker",
              "outlet": "outlet", "sources": "sources", "conflict": "conflict", "text": "text"}


class MainScreen(ClaimActions, Screen):
    BINDINGS = [
        Binding("/", "filter", "Filter", tooltip="Search and filter (story, speaker, tag, status)"),
        Binding("escape", "clear_filter", "Clear filter", show=False),
        Binding("enter", "open", "Open", tooltip="Show the claim's detail"),
        *CLAIM_BINDINGS,
        Binding("i", "import", "Import", tooltip="Import articles from a file or folder"),
        Binding("C", "conflicts", "Conflicts", tooltip="Contradicting pairs: confirm or dismiss"),
        Binding("L", "deadlines", "Deadlines", tooltip="Deadlines and whether they were met"),
    ]

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="≡")
        filter_bar = FilterBar()
        filter_bar.display = False
        yield filter_bar
        yield ClaimTable()
        yield Static("", id="status-line")
        yield Footer()

    def on_mount(self) -> None:
        self.table.focus()
        self.table.set_query()

    @property
    def table(self) -> ClaimTable:
        return self.query_one(ClaimTable)

    def current_claim(self) -> ClaimRef | None:
        row = self.table.current_row
        return ClaimRef(row.id, row.version) if row else None

    def data_changed(self, message: ClaimsChanged) -> None:
        self.table.reload()

    # --- filter ---------------------------------------------------------------------------

    def action_filter(self) -> None:
        bar = self.query_one(FilterBar)
        if not bar.display:
            bar.load_suggestions()
        bar.display = True
        bar.query_one("#f-search").focus()

    def action_clear_filter(self) -> None:
        bar = self.query_one(FilterBar)
        if not self.table.filters.is_empty():
            bar.clear()
        bar.display = False
        self.table.focus()

    @on(FilterBar.Changed)
    def _filters(self, message: FilterBar.Changed) -> None:
        self.table.set_query(filters=message.filters)

    @on(FilterBar.Done)
    def _filter_done(self) -> None:
        bar = self.query_one(FilterBar)
        if self.table.filters.is_empty():
            bar.display = False
        self.table.focus()

    @on(ClaimTable.CountsChanged)
    def _counts(self, message: ClaimTable.CountsChanged) -> None:
        shown = "…" if message.shown is None else f"{message.shown:,}"
        total = "…" if message.total is None else f"{message.total:,}"
        order = SORT_NAMES.get(message.sort, message.sort) + (" ↓" if message.descending else "")
        filtered = "" if self.table.filters.is_empty() else "  filtered"
        busy = "  · loading…" if message.busy else ""
        self.query_one("#status-line", Static).update(Text(
            f" {shown} shown / {total} total  ·  {message.loaded:,} loaded  ·  sort: {order}{filtered}{busy}"))

    # --- navigation -------------------------------------------------------------------------

    @on(ClaimTable.RowSelected)
    def _row_selected(self, message: ClaimTable.RowSelected) -> None:
        self.action_open()

    def action_open(self) -> None:
        row = self.table.current_row
        if row is not None:
            from tui.screens.detail import DetailScreen

            self.app.push_screen(DetailScreen(row.id))

    def action_import(self) -> None:
        from tui.screens.import_path import ImportDialog, ImportRequest

        def done(request: ImportRequest | None) -> None:
            if request is not None:
                self.app.import_articles(request.path, request.story)

        self.app.push_screen(ImportDialog(), done)

    def action_conflicts(self) -> None:
        from tui.screens.conflicts import ConflictsScreen

        self.app.push_screen(ConflictsScreen())

    def action_deadlines(self) -> None:
        from tui.screens.deadlines import DeadlinesScreen

        self.app.push_screen(DeadlinesScreen())
