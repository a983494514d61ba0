"""App-wide flow messages (widget-local messages are nested in their widgets)."""
from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class ClaimsChanged(Message):
    """Something was written (by this app or, seen on refresh, by another process).
    `claim_id` is the claim the write was about, if any, so its detail reloads."""

    claim_id: int | None = None
    notice: str | None = None


@dataclass
class WriteFailed(Message):
    """A write was refused or failed; `message` says why in a sentence."""

    message: str
