"""Errors a user can cause: the CLI prints them as one line and exits with status 2."""


class UserError(Exception):
    """A problem with the user's input or environment, told as a sentence saying what to do."""


class ConflictError(UserError):
    """The record changed since the user loaded it (optimistic locking)."""


class NotFoundError(UserError):
    """An ID or name that does not exist."""
