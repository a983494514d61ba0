"""The link picker: search for another claim, choose the relation, give a reason."""
from __future__ import annotations

from dataclasses import dataclass

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList, Select
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from db.models import RELATIONS
from db.queries import ClaimRow
from tui.errors import ReportsWorkerErrors
from tui.text import one_line, show_error


@dataclass
class LinkRequest:
    other_id: int
    relation: str
    reason: str


class LinkDialog(ReportsWorkerErrors, ModalScreen[LinkRequest | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel"), Binding("ctrl+s", "save", "Link")]

    @dataclass
    class Found(Message):
        query: str
        rows: list[ClaimRow]

    def __init__(self, claim_id: int) -> None:
        super().__init__(classes="dialog-screen")
        self.claim_id = claim_id
        self.chosen: int | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="link-dialog"):
            yield Label(f"Link claim {self.claim_id} to another claim", classes="dialog-title")
            yield Input(placeholder="search words or a claim ID", id="link-search")
            yield OptionList(id="link-results")
            yield Label("", id="link-chosen")
            with Horizontal(classes="form-row"):
                yield Label("Relation", classes="form-label")
                yield Select([(r, r) for r in RELATIONS], value="contradicts", allow_blank=False,
                             id="link-relation", compact=True)
            with Horizontal(classes="form-row"):
                yield Label("Reason", classes="form-label")
                yield Input(placeholder="why are they related?", id="link-reason", compact=True)
            yield Label("", id="link-error", classes="field-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Link", variant="primary", id="ok")
                yield Button("Cancel", id="cancel")

    @on(Input.Changed, "#link-search")
    def _search_changed(self, event: Input.Changed) -> None:
        self._search(event.value.strip())

    @work(thread=True, exclusive=True, exit_on_error=False, group="db")
    def _search(self, query: str) -> None:
        from db.engine import read_session
        from db.listing import rows_by_id
        from db.queries import ClaimFilter, list_claims

        rows: list[ClaimRow] = []
        if query:
            with read_session(self.app.engine) as session:
                if query.isdigit():
                    rows = list(rows_by_id(session=session, claim_ids=[int(query)]).values())
                else:
                    rows = list_claims(session=session, filters=ClaimFilter(search=query), limit=30)
        rows = [r for r in rows if r.id != self.claim_id]
        if not get_current_worker().is_cancelled:
            self.post_message(self.Found(query, rows))

    @on(Found)
    def _found(self, message: Found) -> None:
        results = self.query_one("#link-results", OptionList)
        results.clear_options()
        results.add_options([Option(one_line(f"{r.id:>6}  {r.speaker or '—'}: {r.text}", 200), id=str(r.id))
                             for r in message.rows])
        if message.rows:
            results.highlighted = 0

    @on(OptionList.OptionHighlighted, "#link-results")
    @on(OptionList.OptionSelected, "#link-results")
    def _chosen(self, event) -> None:
        self.chosen = int(event.option.id)
        self.query_one("#link-chosen", Label).update(one_line(f"→ claim {self.chosen}: {event.option.prompt}", 200))
        if isinstance(event, OptionList.OptionSelected):
            self.query_one("#link-reason", Input).focus()

    @on(Input.Submitted, "#link-reason")
    @on(Button.Pressed, "#ok")
    def action_save(self) -> None:
        error = self.query_one("#link-error", Label)
        reason = self.query_one("#link-reason", Input).value.strip()
        if self.chosen is None:
            show_error(error, "choose the other claim: search, then pick it from the list")
            self.query_one("#link-search", Input).focus()
            return
        if not reason:
            show_error(error, "a link needs a reason: say why they are related")
            self.query_one("#link-reason", Input).focus()
            return
        self.dismiss(LinkRequest(self.chosen, str(self.query_one("#link-relation", Select).value), reason))

    @on(Input.Submitted, "#link-search")
    def _search_submitted(self) -> None:
        self.query_one("#link-results", OptionList).focus()

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
