"""The add-source form: a later source bearing on a claim, with its stance. Invalid fields are
shown inline and nothing is returned (so nothing is saved) until every field is valid."""
from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select

from claims.errors import UserError
from claims.validate import check_url, parse_user_date
from db.models import STANCES
from db.writes import NewSource
from tui.text import show_error


@dataclass
class SourceForm:
    source: NewSource
    stance: str
    excerpt: str | None


FIELDS = (("url", "URL", "https://…"), ("title", "Title", "headline"), ("outlet", "Outlet", "e.g. Balkan Wire"),
          ("published", "Published", "2024-03-05 or 5 March 2024"))


class AddSourceDialog(ModalScreen[SourceForm | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel"), Binding("ctrl+s", "save", "Save")]

    def __init__(self, claim_id: int, initial: SourceForm | None = None) -> None:
        super().__init__(classes="dialog-screen")
        self.claim_id = claim_id
        self.initial = initial

    def on_mount(self) -> None:
        form = self.initial
        if form is None:
            return
        published = form.source.published_on.isoformat() if form.source.published_on else ""
        for key, value in (("url", form.source.url), ("title", form.source.title), ("outlet", form.source.outlet),
                           ("published", published), ("excerpt", form.excerpt)):
            self.query_one(f"#src-{key}", Input).value = value or ""
        self.query_one("#src-stance", Select).value = form.stance

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog form", id="source-dialog"):
            yield Label(f"Add a source to claim {self.claim_id}", classes="dialog-title")
            for key, label, placeholder in FIELDS:
                with Horizontal(classes="form-row"):
                    yield Label(label, classes="form-label")
                    yield Input(placeholder=placeholder, id=f"src-{key}", compact=True)
                yield Label("", id=f"src-{key}-error", classes="field-error")
            with Horizontal(classes="form-row"):
                yield Label("Stance", classes="form-label")
                yield Select([(s, s) for s in STANCES], value="supports", allow_blank=False, id="src-stance",
                             compact=True)
            with Horizontal(classes="form-row"):
                yield Label("Excerpt", classes="form-label")
                yield Input(placeholder="the passage that bears on the claim", id="src-excerpt", compact=True)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    def _value(self, key: str) -> str:
        return self.query_one(f"#src-{key}", Input).value.strip()

    def _error(self, key: str, message: str) -> None:
        show_error(self.query_one(f"#src-{key}-error", Label), message)
        self.query_one(f"#src-{key}", Input).set_class(bool(message), "-invalid")

    def validate(self) -> SourceForm | None:
        """The form's value, or None after marking every invalid field."""
        errors: dict[str, str] = {}
        url = self._value("url")
        try:
            check_url(url, what="URL")
        except UserError as exc:
            errors["url"] = str(exc)
        published = None
        if self._value("published"):
            try:
                published = parse_user_date(self._value("published"), what="published date")
            except UserError as exc:
                errors["published"] = str(exc)
        for key, _, _ in FIELDS:
            self._error(key, errors.get(key, ""))
        if errors:
            self.query_one(f"#src-{next(iter(errors))}", Input).focus()
            return None
        stance = self.query_one("#src-stance", Select).value
        return SourceForm(
            source=NewSource(url=url, title=self._value("title") or None, outlet=self._value("outlet") or None,
                             published_on=published),
            stance=str(stance), excerpt=self._value("excerpt") or None)

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        form = self.validate()
        if form is not None:
            self.dismiss(form)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
