"""The claims screen: rows shown, counts, filters, sorting, paging, refresh, literal text."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import text

from db.engine import write_session
from db.writes import NewClaim, NewSource, add_claim, mark_claim
from tests.tui.conftest import INJECTION, opened, settle, type_text


def cell_texts(table, row: int) -> list[str]:
    return [cell.plain for cell in table.get_row_at(row)]


async def test_opens_with_rows_and_counts(make):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        table = await opened(pilot)
        assert table.row_count == 5
        status = str(app.screen.query_one("#status-line").render())
        assert "5 shown / 5 total" in status
        first = cell_texts(table, 0)
        assert first[0] == "unverified" and first[1] == "Mira Kovač"
        assert first[2].startswith("About 12,000 people")
        assert first[6] == "!"  # the contradiction marker
        assert cell_texts(table, 2)[6] == " "


async def test_works_at_80x24(make):
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        table = await opened(pilot)
        assert table.row_count == 5
        assert table.region.width == 80 and table.region.height > 10


async def test_markup_and_escapes_render_literally(make):
    # A row written by another tool may hold control bytes the writers would have cleaned.
    with make.engine.begin() as conn:
        conn.execute(text("UPDATE claim SET text = :t WHERE id = :id"),
                     {"t": "clear \x1b[2J screen [/] \x9b1m", "id": make.ids["dam"]})
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        table = await opened(pilot)
        rows = {cell_texts(table, i)[2] for i in range(table.row_count)}
        assert INJECTION in rows
        assert "clear ␛[2J screen [/] \\x9b1m" in rows
        table.move_cursor(row=4)
        await pilot.press("enter")
        await settle(pilot)
        shown = str(app.screen.query_one("#detail-text").render())
        assert INJECTION in shown
        await pilot.press("escape")
        table.move_cursor(row=2)
        await pilot.press("enter")
        await settle(pilot)
        shown = str(app.screen.query_one("#detail-text").render())
        assert "␛[2J" in shown and "\x1b" not in shown
        svg = app.export_screenshot()
        assert "\x1b" not in svg and "␛" in svg


async def test_search_and_filters(make):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        table = await opened(pilot)
        await pilot.press("slash")
        await type_text(pilot, "evac")
        app.screen.query_one("#f-search").value = "evacuated"
        await pilot.press("enter")
        await settle(pilot)
        assert table.row_count == 1
        assert "1 shown / 5 total" in str(app.screen.query_one("#status-line").render())
        assert app.focused is table
        await pilot.press("slash")
        app.screen.query_one("#f-search").value = ""
        app.screen.query_one("#f-speaker").value = "mira kovač"
        await pilot.press("enter")
        await settle(pilot)
        assert table.row_count == 2
        app.screen.query_one("#f-speaker").value = ""
        app.screen.query_one("#f-tag").value = "infrastructure"
        await pilot.press("slash", "enter")
        await settle(pilot)
        assert [r.text for r in table.claim_rows] == ["The dam is safe and will not fail."]
        app.screen.query_one("#f-tag").value = ""
        app.screen.query_one("#f-story").value = "strike"
        app.screen.query_one("#f-status").value = "unverified"
        await pilot.press("slash", "enter")
        await settle(pilot)
        assert table.row_count == 2
        await pilot.press("escape")  # clears the filters
        await settle(pilot)
        assert table.row_count == 5


async def test_sort_by_header_click_and_key(make):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        table = await opened(pilot)
        table.post_message(table.HeaderSelected(table, table.ordered_columns[3].key, 3, table.ordered_columns[3].label))
        await settle(pilot)
        dates = [r.said_on for r in table.claim_rows]
        assert dates == sorted(dates)
        table.sort_by("said_on")  # the same column again reverses
        await settle(pilot)
        assert [r.said_on for r in table.claim_rows] == sorted(dates, reverse=True)
        await pilot.press("o")
        await settle(pilot)
        assert table.sort_key == "status"
        assert "sort: status" in str(app.screen.query_one("#status-line").render())


async def test_pages_load_as_the_cursor_moves(make):
    with write_session(make.engine) as s:
        for i in range(230):
            add_claim(session=s, actor="seed", new=NewClaim(
                text=f"Generated claim number {i}", said_on=dt.date(2024, 1, 1) + dt.timedelta(days=i),
                source=NewSource(url="https://example.org/bulk")))
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        table = await opened(pilot)
        assert table.row_count == 100
        assert "235 shown / 235 total" in str(app.screen.query_one("#status-line").render())
        await pilot.press("ctrl+end")
        await settle(pilot)
        assert table.row_count == 200
        await pilot.press("ctrl+end")
        await settle(pilot)
        assert table.row_count == 235
        ids = [r.id for r in table.claim_rows]
        assert ids == sorted(set(ids))


async def test_refresh_shows_other_writers_changes_and_keeps_cursor(make):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        table = await opened(pilot)
        table.move_cursor(row=2)
        with write_session(make.engine) as s:
            add_claim(session=s, actor="someone else", new=NewClaim(
                text="A claim from another process", source=NewSource(url="https://example.org/other")))
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert table.row_count == 6
        assert table.cursor_row == 2
        assert "6 shown / 6 total" in str(app.screen.query_one("#status-line").render())


async def test_periodic_refresh_while_idle(make, monkeypatch):
    monkeypatch.setattr("tui.app.IDLE_SECONDS", 0)
    app = make(poll_seconds=0.2)
    async with app.run_test(size=(100, 30)) as pilot:
        table = await opened(pilot)
        await pilot.pause(0.3)
        with write_session(make.engine) as s:
            add_claim(session=s, actor="someone else", new=NewClaim(
                text="Seen without pressing anything", source=NewSource(url="https://example.org/other")))
        for _ in range(200):
            await pilot.pause(0.05)
            if table.row_count == 6:
                break
        assert table.row_count == 6


async def test_failed_query_is_a_notification_not_a_crash(make, monkeypatch):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await opened(pilot)

        def broken(**kwargs):
            raise RuntimeError("disk on fire")

        monkeypatch.setattr("db.listing.list_claims_page", broken)
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert any("disk on fire" in str(n.message) for n in app._notifications)
        assert app.is_running


async def test_mouse_sorts_selects_and_opens(make):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        table = await opened(pilot)
        said_on_x = sum(c.get_render_width(table) for c in table.ordered_columns[:3]) + 2
        await pilot.click("#claims", offset=(said_on_x, 0))  # the "said on" header
        await settle(pilot)
        assert table.sort_key == "said_on"
        await pilot.click("#claims", offset=(20, 3))  # third row
        await settle(pilot)
        assert table.cursor_row == 2
        await pilot.click("#claims", offset=(20, 3))  # again: open it
        await settle(pilot)
        assert app.screen.claim_id == table.claim_rows[2].id


async def test_refresh_updates_changed_cells_in_place(make):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        table = await opened(pilot)
        table.move_cursor(row=3)
        with write_session(make.engine) as s:
            mark_claim(session=s, actor="someone else", claim_id=make.ids["evac2"], status="refuted", reason="r")
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert cell_texts(table, 1)[0] == "refuted"
        assert table.cursor_row == 3
        assert table.current_row.id == make.ids["strike"]
