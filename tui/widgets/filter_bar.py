"""The filter bar (`/`): full-text search plus story, speaker, tag and status filters."""
from __future__ import annotations

from dataclasses import dataclass

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.timer import Timer
from textual.suggester import SuggestFromList
from textual.widgets import Input, Select
from textual.worker import get_current_worker

from db.models import STATUSES
from db.queries import ClaimFilter
from tui.errors import ReportsWorkerErrors

DEBOUNCE = 0.35


class FilterBar(ReportsWorkerErrors, Horizontal):
    """Typing filters the table after a short pause; enter applies at once; escape returns to the table."""

    BINDINGS = [Binding("escape", "done", "Back to table", tooltip="Keep the filters and return to the table")]

    @dataclass
    class Changed(Message):
        filters: ClaimFilter

    @dataclass
    class Done(Message):
        pass

    @dataclass
    class NamesLoaded(Message):
        names: dict[str, list[str]]

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

    def load_suggestions(self) -> None:
        """Story, speaker and tag names complete as you type (read once per refresh)."""
        self._read_names()

    @work(thread=True, exclusive=True, exit_on_error=False, group="db")
    def _read_names(self) -> None:
        from sqlmodel import select

        from db.engine import read_session
        from db.models import Speaker, Story, Tag

        with read_session(self.app.engine) as session:
            names = {"f-story": list(session.exec(select(Story.name).order_by(Story.name).limit(5000)).all()),
                     "f-speaker": list(session.exec(select(Speaker.name).where(Speaker.merged_into_id.is_(None))
                                                    .order_by(Speaker.name).limit(20000)).all()),
                     "f-tag": list(session.exec(select(Tag.name).order_by(Tag.name).limit(5000)).all())}
        if not get_current_worker().is_cancelled:
            self.post_message(self.NamesLoaded(names))

    @on(NamesLoaded)
    def _names(self, message: NamesLoaded) -> None:
        for wid, names in message.names.items():
            self.query_one(f"#{wid}", Input).suggester = SuggestFromList(names, case_sensitive=False)

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
