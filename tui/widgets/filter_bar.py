"""The filter bar (`/`): full-text search plus story, speaker, tag and status filters."""
from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input, Select

from db.models import STATUSES
from db.queries import ClaimFilter

DEBOUNCE = 0.35


class FilterBar(Horizontal):
    """Typing filters the table after a short pause; enter applies at once; escape returns to the table."""

    BINDINGS = [Binding("escape", "done", "Back to table", tooltip="Keep the filters and return to the table")]

    @dataclass
    class Changed(Message):
        filters: ClaimFilter

    @dataclass
    class Done(Message):
        pass

    def __init__(self, *, id: str = "filter-bar") -> None:
        super().__init__(id=id)
        self._timer: Timer | None = None
        self._last = ClaimFilter()

    def compose(self) -> ComposeResult:
        yield Input(placeholder="search words…", id="f-search", compact=True)
        yield Input(placeholder="story", id="f-story", compact=True)
        yield Input(placeholder="speaker", id="f-speaker", compact=True)
        yield Input(placeholder="tag", id="f-tag", compact=True)
        yield Select([(s, s) for s in STATUSES], prompt="any status", id="f-status", compact=True)

    @property
    def filters(self) -> ClaimFilter:
        value = lambda wid: self.query_one(f"#{wid}", Input).value.strip() or None
        status = self.query_one("#f-status", Select).value
        return ClaimFilter(search=value("f-search"), story=value("f-story"), speaker=value("f-speaker"),
                           tag=value("f-tag"), status=status if isinstance(status, str) else None)

    def clear(self) -> None:
        for wid in ("f-search", "f-story", "f-speaker", "f-tag"):
            self.query_one(f"#{wid}", Input).value = ""
        self.query_one("#f-status", Select).clear()
        self._apply()

    def _apply(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        filters = self.filters
        if filters != self._last:
            self._last = filters
            self.post_message(self.Changed(filters))

    @on(Input.Changed)
    def _typed(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(DEBOUNCE, self._apply)

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self._apply()
        self.post_message(self.Done())

    @on(Select.Changed)
    def _status(self) -> None:
        self._apply()

    def action_done(self) -> None:
        self._apply()
        self.post_message(self.Done())
