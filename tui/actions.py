"""The claim actions shared by the claims screen and the detail screen: each opens its dialog and
then writes through db.writes in a thread worker (the same functions as the CLI, so the audit log
records them alike), with the version the user saw so a concurrent change is refused."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from textual import work
from textual.binding import Binding

from tui.errors import ReportsWorkerErrors
from tui.messages import ClaimsChanged

CLAIM_BINDINGS = [
    Binding("d", "mark('disputed')", "Dispute", tooltip="Mark the claim disputed (asks for a reason)"),
    Binding("c", "mark('corroborated')", "Corroborate", tooltip="Mark the claim corroborated (asks for a reason)"),
    Binding("x", "mark('refuted')", "Refute", tooltip="Mark the claim refuted (asks for a reason)"),
    Binding("X", "mark('retracted')", "Retract", tooltip="Mark the claim retracted (asks for a reason)"),
    Binding("s", "add_source", "Source", tooltip="Add a source (evidence) to the claim"),
    Binding("t", "tag", "Tag", tooltip="Add or remove tags"),
    Binding("l", "link", "Link", tooltip="Link the claim to another claim"),
]


@dataclass
class ClaimRef:
    """The claim an action applies to, as the user saw it."""
    id: int
    version: int
    tags: list[str] = field(default_factory=list)


class ClaimActions(ReportsWorkerErrors):
    """Mixin for screens: implement `current_claim()`."""

    def current_claim(self) -> ClaimRef | None:
        raise NotImplementedError

    def _target(self) -> ClaimRef | None:
        ref = self.current_claim()
        if ref is None:
            self.app.notify("no claim selected", severity="warning")
        return ref

    def action_mark(self, status: str) -> None:
        from tui.screens.reason import ReasonDialog

        ref = self._target()
        if ref is None:
            return

        draft = ("reason", ref.id)

        def done(reason: str | None) -> None:
            if reason:
                from db.writes import mark_claim

                self.app.drafts[draft] = reason
                self.write(ref.id, f"claim {ref.id} marked {status}",
                           lambda s, actor: mark_claim(session=s, actor=actor, claim_id=ref.id, status=status,
                                                       reason=reason, expected_version=ref.version), draft=draft)

        self.app.push_screen(ReasonDialog(f"Mark claim {ref.id} {status}: why?",
                                          initial=self.app.drafts.get(draft, "")), done)

    def action_add_source(self) -> None:
        from tui.screens.add_source import AddSourceDialog, SourceForm

        ref = self._target()
        if ref is None:
            return

        draft = ("source", ref.id)

        def done(form: SourceForm | None) -> None:
            if form is not None:
                from db.writes import add_evidence

                self.app.drafts[draft] = form
                self.write(ref.id, f"source added to claim {ref.id} ({form.stance})",
                           lambda s, actor: add_evidence(session=s, actor=actor, claim_id=ref.id, source=form.source,
                                                         stance=form.stance, excerpt=form.excerpt), draft=draft)

        self.app.push_screen(AddSourceDialog(ref.id, initial=self.app.drafts.get(draft)), done)

    def action_tag(self) -> None:
        from tui.screens.tag import TagChange, TagDialog

        ref = self._target()
        if ref is None:
            return

        def done(change: TagChange | None) -> None:
            if change is None:
                return
            from db.writes import tag_claim

            def apply(s, actor) -> None:
                if change.add:
                    tag_claim(session=s, actor=actor, claim_id=ref.id, tags=change.add)
                if change.remove:
                    tag_claim(session=s, actor=actor, claim_id=ref.id, tags=change.remove, remove=True)

            self.write(ref.id, f"tags of claim {ref.id} updated", apply)

        self.app.push_screen(TagDialog(ref.id, ref.tags), done)

    def action_link(self) -> None:
        from tui.screens.link import LinkDialog, LinkRequest

        ref = self._target()
        if ref is None:
            return

        def done(request: LinkRequest | None) -> None:
            if request is not None:
                from db.writes import link_claims

                self.write(ref.id, f"claim {ref.id} {request.relation} claim {request.other_id}",
                           lambda s, actor: link_claims(session=s, actor=actor, a_id=ref.id, b_id=request.other_id,
                                                        relation=request.relation, reason=request.reason))

        self.app.push_screen(LinkDialog(ref.id), done)

    def write(self, claim_id: int | None, notice: str, apply: Callable, *, draft: tuple | None = None) -> None:
        """Run `apply(session, actor)` in one write transaction off the UI thread. What the user typed
        stays in `app.drafts[draft]` until the write succeeds, so a refused write loses nothing."""
        self._write(claim_id, notice, apply, draft)

    @work(thread=True, exclusive=True, exit_on_error=False, group="write")
    def _write(self, claim_id: int | None, notice: str, apply: Callable, draft: tuple | None) -> None:
        from db.engine import write_session

        with write_session(self.app.engine) as session:
            apply(session, self.app.actor)
        if draft is not None:
            self.app.drafts.pop(draft, None)
        self.app.post_message(ClaimsChanged(claim_id, notice=notice))

    def worker_failed(self, worker) -> None:
        if worker.group == "write":
            # Reload (a conflict means the version on screen is stale); the typed text is kept.
            self.app.post_message(ClaimsChanged(None))
            self.app.notify("what you typed is kept: press the same key to try again", timeout=6)
