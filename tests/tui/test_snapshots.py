"""Snapshots of the main screens (100x30, fixed data and clock, no version or clock in the header).
Update with `pytest tests/tui/test_snapshots.py --snapshot-update` only after looking at the report."""
from __future__ import annotations

from textual.widgets import Input

from tests.tui.conftest import opened, settle

SIZE = (100, 30)


def steady(app) -> None:
    for field in app.screen.query(Input):
        field.cursor_blink = False


def test_claims_screen(make, snap_compare):
    async def before(pilot):
        table = await opened(pilot)
        table.move_cursor(row=1)
        await settle(pilot)

    assert snap_compare(make(), terminal_size=SIZE, run_before=before)


def test_claim_detail(make, snap_compare):
    async def before(pilot):
        await opened(pilot)
        await pilot.press("enter")
        await settle(pilot)

    assert snap_compare(make(), terminal_size=SIZE, run_before=before)


def test_add_source_form_errors(make, snap_compare):
    async def before(pilot):
        await opened(pilot)
        await pilot.press("s")
        await settle(pilot)
        dialog = pilot.app.screen
        dialog.query_one("#src-url").value = "javascript:alert(1)"
        dialog.query_one("#src-published").value = "next week"
        await pilot.press("ctrl+s")
        await settle(pilot)
        steady(pilot.app)
        await pilot.pause()

    assert snap_compare(make(), terminal_size=SIZE, run_before=before)


def test_filtered_claims(make, snap_compare):
    async def before(pilot):
        await opened(pilot)
        await pilot.press("slash")
        pilot.app.screen.query_one("#f-speaker").value = "Mira Kovač"
        await pilot.press("enter")
        await settle(pilot)
        steady(pilot.app)
        await pilot.pause()

    assert snap_compare(make(), terminal_size=SIZE, run_before=before)


def test_conflicts_screen(make, snap_compare):
    async def before(pilot):
        await opened(pilot)
        await pilot.press("C")
        await settle(pilot)

    assert snap_compare(make(), terminal_size=SIZE, run_before=before)
