"""The claimtrack terminal UI: `make_app()` builds it for the CLI and for tests."""
from __future__ import annotations

import datetime as dt
import getpass
import os
import time
from functools import partial
from typing import Iterable

from sqlalchemy.engine import Engine
from textual import events, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.worker import get_current_worker

from tui.errors import ReportsWorkerErrors
from tui.messages import ClaimsChanged

POLL_SECONDS = 5.0
IDLE_SECONDS = 3.0


class ClaimsApp(ReportsWorkerErrors, App):
    CSS_PATH = "app.tcss"
    TITLE = "claimtrack"
    BINDINGS = [
        Binding("question_mark", "help", "Help", tooltip="List every key"),
        Binding("ctrl+r", "refresh_data", "Refresh", tooltip="Read the database again (others' changes appear)"),
        Binding("ctrl+t", "change_theme", "Theme", tooltip="Switch the colour theme"),
        Binding("q", "quit", "Quit", tooltip="Quit claimtrack"),
    ]

    def __init__(self, engine: Engine, *, actor: str, today: dt.date | None = None,
                 poll_seconds: float | None = POLL_SECONDS) -> None:
        super().__init__()
        self.engine = engine
        self.actor = actor
        self._today = today
        self._poll_seconds = poll_seconds
        self._last_input = time.monotonic()
        self._data_version: tuple[int, int] | None = None
        self.drafts: dict[tuple, object] = {}  # what was typed into a dialog whose write has not succeeded

    def today(self) -> dt.date:
        return self._today or dt.date.today()

    def get_default_screen(self) -> Screen:
        from tui.screens.main import MainScreen

        return MainScreen()

    def on_mount(self) -> None:
        if self._poll_seconds:
            self.set_interval(self._poll_seconds, self._poll_if_idle)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.MouseDown, events.MouseScrollDown, events.MouseScrollUp)):
            self._last_input = time.monotonic()
        if isinstance(event, events.Paste) and event.text:
            # Pasted text can carry terminal escapes; an Input would echo them to the terminal.
            from claims.validate import clean_text

            event.text = clean_text(event.text)
        await super().on_event(event)

    # --- refresh -------------------------------------------------------------------------------

    def action_refresh_data(self) -> None:
        self.post_message(ClaimsChanged(None, notice=None))

    def _poll_if_idle(self) -> None:
        polling = any(w.group == "poll" and not w.is_finished for w in self.workers)
        if not polling and time.monotonic() - self._last_input >= IDLE_SECONDS and not self.screen.is_modal:
            self._poll()

    @work(thread=True, exclusive=True, exit_on_error=False, group="poll")
    def _poll(self) -> None:
        from db.engine import read_session
        from db.listing import data_version

        with read_session(self.engine) as session:
            version = data_version(session=session)
        if get_current_worker().is_cancelled:
            return
        previous, self._data_version = self._data_version, version
        if previous is not None and version != previous:
            self.post_message(ClaimsChanged(None))

    def on_claims_changed(self, message: ClaimsChanged) -> None:
        if message.notice:
            self.notify(message.notice, markup=False, timeout=3)
        for screen in self.screen_stack:
            handler = getattr(screen, "data_changed", None)
            if handler is not None:
                handler(message)

    # --- actions -------------------------------------------------------------------------------

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def import_articles(self, path: str, story: str | None) -> None:
        self._import(path, story)

    @work(thread=True, exclusive=True, exit_on_error=False, group="import")
    def _import(self, path: str, story: str | None) -> None:
        from claims.importer import import_paths

        # Extracted here, in this thread: a process pool started from inside the running app
        # fails ("bad value(s) in fds_to_keep": the terminal's descriptors are the app's).
        results = import_paths(self.engine, [path], actor=self.actor, story=story, workers=0)
        imported = [r for r in results if r.status == "imported"]
        failed = [r for r in results if r.status == "failed"]
        claims = sum(r.claims for r in imported)
        notice = f"imported {len(imported)} of {len(results)} articles: {claims} claims"
        for r in failed:
            self.call_from_thread(self.notify, f"{r.name}: {r.message}", title="Import failed",
                                  severity="error", markup=False)
        self.post_message(ClaimsChanged(None, notice=notice))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every key binding of the current screen is also a command in the palette (ctrl+p)."""
        yield from super().get_system_commands(screen)
        seen = {"Theme", "Quit", "Keys"}
        for key, active in screen.active_bindings.items():
            binding = active.binding
            title = binding.description
            if not title or title in seen or not active.enabled:
                continue
            seen.add(title)
            help_text = (binding.tooltip or title) + f"  [{self.get_key_display(binding)}]"
            yield SystemCommand(title, help_text, partial(self.run_action, binding.action, active.node))


def default_actor() -> str:
    try:
        return os.environ.get("CLAIMS_USER") or getpass.getuser()
    except Exception:
        return "unknown"


def make_app(database_url: str | None = None, *, actor: str | None = None, today: dt.date | None = None,
             poll_seconds: float | None = POLL_SECONDS) -> ClaimsApp:
    """The app on the configured database (None) or on any path or URL the CLI accepts."""
    from db.engine import get_engine

    return ClaimsApp(get_engine(database_url), actor=actor or default_actor(), today=today,
                     poll_seconds=poll_seconds)
