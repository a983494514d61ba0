"""The reason dialog: why a claim's status changes (required; the audit log keeps it)."""
from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label

from tui.text import literal, show_error


class ReasonDialog(ModalScreen[str | None]):
    """Asks for a reason; returns it, or None when cancelled. An empty reason is refused inline."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, *, initial: str = "",
                 placeholder: str = "why? (a source, a fact, a correction…)") -> None:
        super().__init__(classes="dialog-screen")
        self._title = title
        self._initial = initial
        self._placeholder = placeholder

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="reason-dialog"):
            yield Label(literal(self._title), classes="dialog-title")
            yield Input(self._initial, placeholder=self._placeholder, id="reason")
            yield Label("", id="reason-error", classes="field-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("OK", variant="primary", id="ok")
                yield Button("Cancel", id="cancel")

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def _ok(self) -> None:
        reason = self.query_one("#reason", Input).value.strip()
        if not reason:
            show_error(self.query_one("#reason-error", Label), "a reason is required: say why the status changes")
            self.query_one("#reason", Input).focus()
            return
        self.dismiss(reason)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
