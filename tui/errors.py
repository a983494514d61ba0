"""Worker failures become error notifications: the app keeps running."""
from __future__ import annotations

from textual.worker import Worker, WorkerState

from claims.errors import UserError


def describe(error: BaseException) -> str:
    """A failure as one sentence for a notification."""
    if isinstance(error, UserError):
        return str(error)
    orig = getattr(error, "orig", None)
    if orig is not None:
        first = (str(orig).splitlines() or [""])[0]
        return f"database error: {first}"
    return f"{type(error).__name__}: {error}"


class ReportsWorkerErrors:
    """Mixin for widgets and screens that run workers: a failed worker shows an error notification.
    (Worker.StateChanged does not bubble, so each owner of workers handles its own.)"""

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR and event.worker.error is not None:
            self.worker_failed(event.worker)
            self.app.notify(describe(event.worker.error), title="Error", severity="error", markup=False)

    def worker_failed(self, worker: Worker) -> None:
        """Hook: reset any 'busy' state after a failure."""
