"""Hostile text in the TUI: markup and terminal escapes in every text field it shows are displayed
literally (never parsed as markup, never sent to the terminal), and its forms refuse unsafe URLs
and store what they accept cleaned. Pilot tests on a temp SQLite file."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text
from sqlmodel import select

pytest.importorskip("tui.app")

from db.engine import dispose_all, get_engine, read_session, write_session  # noqa: E402
from db.models import AuditEvent, Claim, Evidence, Source, Tag  # noqa: E402
from db.writes import NewClaim, NewSource, add_claim, add_evidence, link_claims, mark_claim, tag_claim  # noqa: E402

# Tokens without spaces, so they can be found in an SVG screenshot (spaces become &#160;).
BOOM = "[b]boom[/b]"
LINK = "[link=file:///etc/passwd]x[/link]"
CLICK = "[@click=app.quit]q"
CLOSE = "[/]"
ESCAPES = "\x1b[2J\x1b]52;c;aGVsbG8=\x07\x9b31m\x1b]0;pwned\x07"
CONTROL = ("\x1b", "\x9b", "\x07", "\x90", "\x9d")


@pytest.fixture
def hostile_db(tmp_path):
    path = str(tmp_path / "claims.db")
    engine = get_engine(path)
    with write_session(engine) as s:
        a = add_claim(session=s, actor=f"ed{BOOM}", new=NewClaim(
            text=f"{BOOM} Troops will leave within 10 days {LINK} {CLOSE}", quote=f"{CLICK} we will leave {CLOSE}",
            speaker=f"{BOOM}Токаев", speaker_role=f"{LINK}President", speaker_aliases=[f"{CLICK}Kassym\u200d"],
            said_on=dt.date(2022, 1, 13), story=f"{BOOM}story", kind="deadline",
            dates=[{"phrase": f"within {BOOM} days", "role": "deadline", "earliest": "2022-01-13",
                    "latest": "2022-01-23"}],
            quantities=[{"low": 2000, "high": 2000, "unit": f"{BOOM}troops", "measure": f"{LINK}troops"}],
            source=NewSource(url="https://example.com/a?q=[b]x[/b]", title=f"{BOOM} title {LINK}",
                             outlet=f"{CLICK}Outlet", published_on=dt.date(2022, 1, 13))))
        b = add_claim(session=s, actor="ed", new=NewClaim(
            text=f"{CLOSE} Troops will stay \u202eevil\u202c e\u0301 {BOOM}", speaker="Other [red]speaker",
            said_on=dt.date(2022, 1, 14), story=f"{BOOM}story",
            source=NewSource(url="https://example.com/b", title="b")))
        s.flush()
        a_id, b_id = a.id, b.id
        tag_claim(session=s, actor="ed", claim_id=a_id, tags=[f"{BOOM}tag"])
        mark_claim(session=s, actor="ed", claim_id=a_id, status="disputed", reason=f"{LINK} reason {BOOM}")
        add_evidence(session=s, actor="ed", claim_id=a_id, source=NewSource(url="https://example.com/e",
                     title=f"{CLICK}ev", outlet=f"{BOOM}out"), stance="disputes", excerpt=f"{BOOM} excerpt",
                     note=f"{LINK} note")
        link_claims(session=s, actor="ed", a_id=a_id, b_id=b_id, relation="contradicts", reason=f"{BOOM} why {LINK}")
    # Another tool wrote control bytes the writers would have cleaned.
    with engine.begin() as conn:
        conn.execute(text("UPDATE claim SET text = text || :e WHERE id = :id"), {"e": ESCAPES, "id": b_id})
        conn.execute(text("UPDATE speaker SET name = name || :e"), {"e": ESCAPES})
        conn.execute(text("UPDATE source SET title = coalesce(title, '') || :e, outlet = coalesce(outlet, '') || :e"),
                     {"e": ESCAPES})
        conn.execute(text("UPDATE evidence SET note = note || :e, excerpt = excerpt || :e"), {"e": ESCAPES})
        conn.execute(text("UPDATE audit_event SET reason = reason || :e WHERE reason IS NOT NULL"), {"e": ESCAPES})
        conn.execute(text("UPDATE story SET name = name || :e"), {"e": ESCAPES})
        conn.execute(text("UPDATE tag SET name = name || :e"), {"e": ESCAPES})
    dispose_all()
    yield path, a_id, b_id
    dispose_all()


def app_for(path):
    from tui.app import make_app

    return make_app(path, actor="tester", today=dt.date(2022, 2, 1), poll_seconds=None)


async def settle(pilot, rounds: int = 4) -> None:
    for _ in range(rounds):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def rows_shown(pilot):
    await settle(pilot)
    table = pilot.app.screen.query_one("#claims")
    for _ in range(100):
        if table.row_count:
            break
        await pilot.pause(0.02)
    await settle(pilot)
    return table


def screen_text(app) -> str:
    svg = app.export_screenshot()
    for bad in CONTROL:
        assert bad not in svg, f"{bad!r} reached the screen"
    return svg.replace("&#160;", " ")


async def test_every_field_shows_markup_literally_and_no_escape_reaches_the_screen(hostile_db):
    path, a_id, b_id = hostile_db
    app = app_for(path)
    async with app.run_test(size=(160, 50)) as pilot:
        table = await rows_shown(pilot)
        assert table.row_count == 2
        main = screen_text(app)
        assert BOOM in main and CLOSE in main
        for row in range(table.row_count):
            table.move_cursor(row=row)
            await pilot.press("enter")
            await settle(pilot)
            shown = screen_text(app)
            assert BOOM in shown
            if row == 0:
                for token in (LINK, CLICK):
                    assert token in shown, token
            await pilot.press("escape")
            await settle(pilot)
        for key in ("C", "L"):  # conflicts and deadlines views show claim text too
            await pilot.press(key)
            await settle(pilot)
            screen_text(app)
            await pilot.press("escape")
            await settle(pilot)
        assert app.is_running  # [@click=app.quit] was text, not an action


async def paste(pilot, selector: str, value: str) -> None:
    """What a user can do to put any text into a field: paste it (bracketed paste)."""
    from textual import events
    from textual.widgets import Input

    field = pilot.app.screen.query_one(selector, Input)
    field.focus()
    field.value = ""
    await pilot.pause()
    pilot.app.post_message(events.Paste(value))
    await settle(pilot)


async def _open_dialog(pilot, key: str):
    table = await rows_shown(pilot)
    table.move_cursor(row=0)
    await pilot.press(key)
    await settle(pilot)
    return pilot.app.screen


def _evidence_count(path) -> int:
    with read_session(get_engine(path)) as s:
        return len(s.exec(select(Evidence)).all())


@pytest.mark.parametrize("url", ["javascript:alert(1)", " javascript:alert(1)", "file:///etc/passwd",
                                 "data:text/html,x", "http://user:pw@example.com/", "https://example.com/" + "a" * 10_000],
                         ids=["javascript", "space-javascript", "file", "data", "credentials", "10000-chars"])
async def test_add_source_form_refuses_unsafe_urls(hostile_db, url):
    from textual.widgets import Input, Label

    path, a_id, _ = hostile_db
    before = _evidence_count(path)
    app = app_for(path)
    async with app.run_test(size=(160, 50)) as pilot:
        dialog = await _open_dialog(pilot, "s")
        await paste(pilot, "#src-url", url)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is dialog, "the dialog closed on an unsafe URL"
        error = str(dialog.query_one("#src-url-error", Label).render())
        assert error.strip(), "no error shown"
        for bad in CONTROL:
            assert bad not in error
        screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
    assert _evidence_count(path) == before


async def test_forms_store_hostile_text_cleaned_and_show_it_literally(hostile_db):
    from textual.widgets import Input

    path, a_id, _ = hostile_db
    app = app_for(path)
    async with app.run_test(size=(160, 50)) as pilot:
        dialog = await _open_dialog(pilot, "s")
        await paste(pilot, "#src-url", "https://example.com/new")
        await paste(pilot, "#src-title", f"{BOOM}Title{ESCAPES}")
        await paste(pilot, "#src-outlet", f"{LINK}Outlet{ESCAPES}")
        await paste(pilot, "#src-excerpt", f"{CLICK}excerpt{ESCAPES}")
        screen_text(app)
        await pilot.press("ctrl+s")
        await settle(pilot)

        await _open_dialog(pilot, "t")
        await paste(pilot, "#tags", f"{BOOM}t1{ESCAPES}, Токаев\u200d")
        screen_text(app)
        await pilot.press("enter")
        await settle(pilot)

        await _open_dialog(pilot, "c")
        await paste(pilot, "#reason", f"{LINK}why{ESCAPES}")
        screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        screen_text(app)
        assert app.is_running

    with read_session(get_engine(path)) as s:
        source = s.exec(select(Source).where(Source.url == "https://example.com/new")).one()
        evidence = s.exec(select(Evidence).where(Evidence.source_id == source.id)).one()
        tags = [t.name for t in s.exec(select(Tag)).all()]
        reasons = [e.reason for e in s.exec(select(AuditEvent).where(AuditEvent.action == "claim.mark")).all()]
        claim = s.get(Claim, a_id)
    assert source.title == f"{BOOM}Title[2J]52;c;aGVsbG8=31m]0;pwned"
    assert source.outlet.startswith(LINK) and evidence.excerpt.startswith(CLICK)
    assert f"{BOOM}t1[2J]52;c;aGVsbG8=31m]0;pwned".lower() in tags
    assert claim.status == "corroborated"
    assert f"{LINK}why[2J]52;c;aGVsbG8=31m]0;pwned" in reasons
    new_tags = [t for t in tags if "t1" in t or "токаев" in t]
    assert len(new_tags) == 2, tags
    for value in (source.title, source.outlet, evidence.excerpt, *new_tags, reasons[-1]):
        assert not any(bad in value for bad in CONTROL), value


@pytest.mark.parametrize("query", ["18446744073709551616", "²", "\x1b[2J1"], ids=["huge", "superscript", "escape"])
async def test_link_dialog_search_survives_odd_ids(hostile_db, query):
    path, a_id, _ = hostile_db
    app = app_for(path)
    async with app.run_test(size=(160, 50)) as pilot:
        await _open_dialog(pilot, "l")
        await paste(pilot, "#link-search", query)
        await settle(pilot)
        screen_text(app)
        assert app.is_running
        await pilot.press("escape")
        await settle(pilot)
