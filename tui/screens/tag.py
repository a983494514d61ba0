"""The tag dialog: tags to add (or, written with a leading '-', to remove)."""
from __future__ import annotations

from dataclasses import dataclass, field

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label

from tui.text import literal, show_error


@dataclass
class TagChange:
    add: list[str] = field(default_factory=list)
    remove: list[str] = field(default_factory=list)


class TagDialog(ModalScreen[TagChange | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, claim_id: int, current: list[str] | None = None) -> None:
        super().__init__(classes="dialog-screen")
        self.claim_id = claim_id
        self.current = current or []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="tag-dialog"):
            yield Label(f"Tag claim {self.claim_id}", classes="dialog-title")
            if self.current:
                yield Label(literal("current: " + ", ".join(self.current)), classes="dim")
            yield Input(placeholder="tags, comma separated; -tag removes", id="tags")
            yield Label("", id="tags-error", classes="field-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("OK", variant="primary", id="ok")
                yield Button("Cancel", id="cancel")

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def _ok(self) -> None:
        words = [w.strip() for w in self.query_one("#tags", Input).value.split(",") if w.strip()]
        change = TagChange(add=[w for w in words if not w.startswith("-")],
                           remove=[w[1:].strip() for w in words if w.startswith("-") and w[1:].strip()])
        if not change.add and not change.remove:
            show_error(self.query_one("#tags-error", Label), "give at least one tag")
            return
        too_long = [w for w in change.add + change.remove if len(w) > 100]
        if too_long:
            show_error(self.query_one("#tags-error", Label), f"tag {too_long[0][:20]!r}… is longer than 100 characters")
            return
        self.dismiss(change)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
