"""`claims tui`: open the terminal UI (textual is imported only when the command runs)."""
from __future__ import annotations

from claims.cli import Ctx, cli, pass_ctx


def open_tui(c: Ctx) -> None:
    """Run the terminal UI on the context's database, as the context's actor."""
    from tui.app import make_app

    make_app(c.db, actor=c.actor).run()


@cli.command()
@pass_ctx
def tui(c: Ctx) -> None:
    """Open the terminal UI: browse, search, dispute, corroborate and add sources (? lists the keys)."""
    open_tui(c)
