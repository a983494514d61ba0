"""A short list to choose one claim from (the claims linked to the one on screen)."""
from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option


class PickClaimDialog(ModalScreen[int | None]):
    """Returns the chosen claim ID, or None."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, choices: list[tuple[int, Text]]) -> None:
        super().__init__(classes="dialog-screen")
        self._title = title
        self._choices = choices

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="pick-dialog"):
            yield Label(self._title, classes="dialog-title")
            yield OptionList(*[Option(label, id=str(claim_id)) for claim_id, label in self._choices], id="pick")

    @on(OptionList.OptionSelected, "#pick")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id))

    def action_cancel(self) -> None:
        self.dismiss(None)
