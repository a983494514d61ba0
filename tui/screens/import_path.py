"""The import dialog: a file or folder of articles to import."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label

from tui.text import show_error


@dataclass
class ImportRequest:
    path: str
    story: str | None


class ImportDialog(ModalScreen[ImportRequest | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self) -> None:
        super().__init__(classes="dialog-screen")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="import-dialog"):
            yield Label("Import articles (.txt, .md, .html file or a folder)", classes="dialog-title")
            yield Input(placeholder="path", id="import-path")
            yield Label("", id="import-path-error", classes="field-error")
            yield Input(placeholder="story (optional)", id="import-story")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Import", variant="primary", id="ok")
                yield Button("Cancel", id="cancel")

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def _ok(self) -> None:
        raw = self.query_one("#import-path", Input).value.strip()
        error = self.query_one("#import-path-error", Label)
        if not raw:
            show_error(error, "give the path of an article file or a folder")
            return
        path = Path(raw).expanduser()
        if not path.exists():
            show_error(error, f"{raw}: no such file or folder")
            return
        story = self.query_one("#import-story", Input).value.strip() or None
        self.dismiss(ImportRequest(str(path), story))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
