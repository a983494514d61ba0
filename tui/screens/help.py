"""Help (`?`): every key of every screen, read from the bindings themselves so it cannot drift."""
from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

NAVIGATION = [("↑ ↓ pgup pgdn", "move in the table (more rows load as you go)"),
              ("ctrl+home / ctrl+end", "first / last loaded row"),
              ("click a header", "sort by that column (again: reverse)"),
              ("ctrl+p", "command palette: every action by name"),
              ("tab / shift+tab", "move between fields"),
              ("enter (filter bar)", "apply the filters and return to the table"),
              ("→ (filter field)", "accept the suggested story, speaker or tag name"),
              ("ctrl+s (forms)", "save the form")]


def sections() -> list[tuple[str, list[tuple[Binding | str, str]]]]:
    from tui.app import ClaimsApp
    from tui.screens.conflicts import ConflictsScreen
    from tui.screens.deadlines import DeadlinesScreen
    from tui.screens.detail import DetailScreen
    from tui.screens.main import MainScreen
    from tui.widgets.claim_table import ClaimTable
    from tui.widgets.filter_bar import FilterBar

    def keys(*classes) -> list[tuple[Binding | str, str]]:
        out = []
        for cls in classes:
            for binding in Binding.make_bindings(cls.BINDINGS):
                text = binding.tooltip or binding.description
                if text:
                    out.append((binding, text))
        return out

    return [("Everywhere", keys(ClaimsApp)), ("Claims", keys(MainScreen, ClaimTable) + NAVIGATION),
            ("Filter bar", keys(FilterBar)), ("Claim detail", keys(DetailScreen)),
            ("Conflicts", keys(ConflictsScreen)), ("Deadlines", keys(DeadlinesScreen))]


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark", "close", "Close")]

    def __init__(self) -> None:
        super().__init__(classes="dialog-screen")

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold cyan", no_wrap=True)
        table.add_column()
        for title, rows in sections():
            table.add_row(Text(title, style="bold underline"), "")
            for key, text in rows:
                shown = key if isinstance(key, str) else self.app.get_key_display(key)
                table.add_row(Text(shown), Text(text))
            table.add_row("", "")
        self.table = table
        with VerticalScroll(classes="dialog", id="help-dialog"):
            yield Static(Text("claimtrack keys  (escape closes)", style="bold"), classes="dialog-title")
            yield Static(table, id="help-keys")

    def action_close(self) -> None:
        self.dismiss(None)
