"""Every claim action: press the keys, then check the database and the screen."""
from __future__ import annotations

from pathlib import Path

from sqlmodel import select

from db.engine import read_session, write_session
from db.models import ClaimLink, ClaimTag, Evidence, Source, Tag
from db.writes import link_claims, mark_claim
from tests.tui.conftest import audit_actions, claim_status, opened, settle, type_text
from tui.screens.add_source import AddSourceDialog
from tui.screens.reason import ReasonDialog

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def status_cell(table, row: int) -> str:
    return table.get_row_at(row)[0].plain


async def test_mark_disputed_with_reason_keeps_cursor(make):
    app = make()
    claim_id = make.ids["dam"]
    async with app.run_test(size=(100, 30)) as pilot:
        table = await opened(pilot)
        table.move_cursor(row=2)
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, ReasonDialog)
        await pilot.press("enter")  # empty reason: refused inline
        await settle(pilot)
        assert isinstance(app.screen, ReasonDialog)
        assert "reason is required" in str(app.screen.query_one("#reason-error").render())
        assert claim_status(make.engine, claim_id) == "unverified"
        await type_text(pilot, "cracks")
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, ReasonDialog)
        assert claim_status(make.engine, claim_id) == "disputed"
        assert ("claim.mark", "tester", "cracks") in audit_actions(make.engine, claim_id)
        assert table.cursor_row == 2
        assert status_cell(table, 2) == "disputed"


async def test_each_status_key(make):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        table = await opened(pilot)
        for key, status in (("c", "corroborated"), ("x", "refuted"), ("X", "retracted")):
            await pilot.press(key)
            await settle(pilot)
            await type_text(pilot, status[:3])
            await pilot.press("enter")
            await settle(pilot)
            assert claim_status(make.engine, make.ids["evac"]) == status
            assert status_cell(table, 0) == status


async def test_cancelled_reason_saves_nothing(make):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await opened(pilot)
        await pilot.press("d")
        await settle(pilot)
        await type_text(pilot, "no")
        await pilot.press("escape")
        await settle(pilot)
        assert claim_status(make.engine, make.ids["evac"]) == "unverified"


async def test_concurrent_change_is_refused_with_an_error(make):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await opened(pilot)
        with write_session(make.engine) as s:  # someone else saves first
            mark_claim(session=s, actor="other", claim_id=make.ids["evac"], status="refuted", reason="theirs")
        await pilot.press("d")
        await settle(pilot)
        await type_text(pilot, "mine")
        await pilot.press("enter")
        await settle(pilot)
        assert claim_status(make.engine, make.ids["evac"]) == "refuted"
        errors = [n for n in app._notifications if n.severity == "error"]
        assert errors and "changed by someone else" in errors[-1].message
        assert app.is_running
        # Nothing typed is lost: the dialog opens again with the reason, and now the version is fresh.
        await pilot.press("d")
        await settle(pilot)
        assert app.screen.query_one("#reason").value == "mine"
        await pilot.press("enter")
        await settle(pilot)
        assert claim_status(make.engine, make.ids["evac"]) == "disputed"
        await pilot.press("d")
        await settle(pilot)
        assert app.screen.query_one("#reason").value == ""


async def test_add_source_validates_inline_and_saves_only_when_valid(make):
    app = make()
    claim_id = make.ids["evac"]

    def evidence_count() -> int:
        with read_session(make.engine) as s:
            return len(s.exec(select(Evidence).where(Evidence.claim_id == claim_id)).all())

    async with app.run_test(size=(100, 30)) as pilot:
        table = await opened(pilot)
        await pilot.press("s")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, AddSourceDialog)
        dialog.query_one("#src-url").value = "javascript:alert(1)"
        dialog.query_one("#src-published").value = "31/02/2024"
        dialog.query_one("#src-title").value = "Official count"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is dialog
        assert "not an http(s) URL" in str(dialog.query_one("#src-url-error").render())
        assert "ambiguous" in str(dialog.query_one("#src-published-error").render())
        assert evidence_count() == 0
        dialog.query_one("#src-url").value = "https://gov.example/count"
        dialog.query_one("#src-published").value = "March 2024"  # incomplete: refused
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is dialog
        assert str(dialog.query_one("#src-url-error").render()) == ""
        assert "incomplete" in str(dialog.query_one("#src-published-error").render())
        assert evidence_count() == 0
        dialog.query_one("#src-published").value = "7 March 2024"
        dialog.query_one("#src-outlet").value = "Interior Ministry"
        dialog.query_one("#src-stance").value = "disputes"
        dialog.query_one("#src-excerpt").value = "9,100 people were moved"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is not dialog
        with read_session(make.engine) as s:
            ev = s.exec(select(Evidence).where(Evidence.claim_id == claim_id)).one()
            assert (ev.stance, ev.excerpt, ev.added_by) == ("disputes", "9,100 people were moved", "tester")
        assert table.get_row_at(0)[5].plain == "1"


async def test_tag_add_and_remove(make):
    app = make()
    claim_id = make.ids["dam"]
    async with app.run_test(size=(100, 30)) as pilot:
        table = await opened(pilot)
        table.move_cursor(row=2)
        await pilot.press("enter")  # from the detail screen this time
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        app.screen.query_one("#tags").value = "urgent, -infrastructure"
        await pilot.press("enter")
        await settle(pilot)
        with read_session(make.engine) as s:
            tags = s.exec(select(Tag.name).join(ClaimTag, ClaimTag.tag_id == Tag.id)
                          .where(ClaimTag.claim_id == claim_id)).all()
        assert tags == ["urgent"]
        assert "urgent" in str(app.screen.query_one("#detail-text").render())


async def test_link_with_picker(make):
    app = make()
    a, b = make.ids["dam"], make.ids["strike"]
    async with app.run_test(size=(100, 30)) as pilot:
        table = await opened(pilot)
        table.move_cursor(row=2)
        await pilot.press("l")
        await settle(pilot)
        await type_text(pilot, "bus")
        await settle(pilot)
        assert app.screen.chosen == b
        app.screen.query_one("#link-relation").value = "corroborates"
        await pilot.press("enter")  # search -> results list
        await pilot.press("enter")  # pick -> reason
        await settle(pilot)
        await pilot.press("enter")  # no reason yet: refused
        await settle(pilot)
        assert "needs a reason" in str(app.screen.query_one("#link-error").render())
        await type_text(pilot, "same week")
        await pilot.press("enter")
        await settle(pilot)
        with read_session(make.engine) as s:
            link = s.exec(select(ClaimLink).where(ClaimLink.a_id == a, ClaimLink.b_id == b)).one()
        assert (link.relation, link.reason, link.created_by) == ("corroborates", "same week", "tester")


async def test_import_an_article(make):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        table = await opened(pilot)
        await pilot.press("i")
        await settle(pilot)
        app.screen.query_one("#import-path").value = "/no/such/file.txt"
        await pilot.press("enter")
        await settle(pilot)
        assert "no such file" in str(app.screen.query_one("#import-path-error").render())
        app.screen.query_one("#import-path").value = str(CORPUS / "2024-11-08-harbourton-gazette-bus-strike.txt")
        await pilot.press("enter")
        await settle(pilot, rounds=5)
        assert table.row_count > 5
        assert any("imported 1 of 1" in n.message for n in app._notifications)


async def test_conflicts_confirm_and_dismiss(make):
    with write_session(make.engine) as s:
        link = link_claims(session=s, actor="detector", a_id=make.ids["dam"], b_id=make.ids["strike"],
                           relation="contradicts", reason="detected", origin="detected")
        link_id = link.id

    def state() -> str:
        with read_session(make.engine) as s:
            return s.get(ClaimLink, link_id).state

    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await opened(pilot)
        await pilot.press("C")
        await settle(pilot)
        screen = app.screen
        ids = [lk["id"] for lk in screen.links]
        assert link_id in ids
        screen.query_one("#links").move_cursor(row=ids.index(link_id))
        await settle(pilot)
        assert "The dam is safe" in str(screen.query_one("#pair-a").render())
        assert "Bus drivers" in str(screen.query_one("#pair-b").render())
        await pilot.press("y")
        await settle(pilot)
        assert state() == "confirmed"
        await pilot.press("n")
        await settle(pilot)
        assert state() == "dismissed"
        assert link_id not in [lk["id"] for lk in screen.links]
        await pilot.press("a")
        await settle(pilot)
        assert link_id in [lk["id"] for lk in screen.links]
        ids = [lk["id"] for lk in screen.links]
        screen.query_one("#links").move_cursor(row=ids.index(link_id))
        await pilot.press("b")
        await settle(pilot)
        assert app.screen.claim_id == make.ids["strike"]


async def test_deadlines_view(make):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await opened(pilot)
        await pilot.press("L")
        await settle(pilot)
        assert [r["claim"] for r in app.screen.rows] == [make.ids["evac"]]
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.claim_id == make.ids["evac"]


async def test_help_lists_every_key(make):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await opened(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        from rich.console import Console

        console = Console(width=120, record=True)
        console.print(app.screen.table)
        shown = console.export_text()
        for words in ("Mark the claim disputed", "Add a source", "Link the claim", "Import articles",
                      "Switch the colour theme", "Read the database again", "Confirm the pair", "Next sort order"):
            assert words in shown
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen.query_one("#claims")


async def test_command_palette_and_theme(make):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await opened(pilot)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        for title in ("Dispute", "Corroborate", "Refute", "Retract", "Source", "Tag", "Link", "Import", "Theme"):
            assert title in titles
        app.theme = "textual-light"
        await settle(pilot)
        assert app.theme == "textual-light"
        await pilot.press("ctrl+t")
        await settle(pilot)
        assert type(app.screen).__name__ == "CommandPalette"


async def test_conflicts_view_shows_contradictions_unless_asked_for_all(make):
    with write_session(make.engine) as s:
        link_claims(session=s, actor="t", a_id=make.ids["dam"], b_id=make.ids["strike"], relation="corroborates",
                    reason="same week")
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await opened(pilot)
        await pilot.press("C")
        await settle(pilot)
        assert {lk["relation"] for lk in app.screen.links} == {"contradicts"}
        await pilot.press("r")
        await settle(pilot)
        assert {lk["relation"] for lk in app.screen.links} == {"contradicts", "corroborates"}


async def test_detail_goes_to_a_linked_claim(make):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await opened(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.claim_id == make.ids["evac"]
        await pilot.press("g")
        await settle(pilot)
        assert app.screen.claim_id == make.ids["evac2"]
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen.claim_id == make.ids["evac"]


async def test_detail_picks_among_several_linked_claims(make):
    with write_session(make.engine) as s:
        link_claims(session=s, actor="t", a_id=make.ids["evac"], b_id=make.ids["dam"], relation="corroborates",
                    reason="same day")
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await opened(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("g")
        await settle(pilot)
        assert type(app.screen).__name__ == "PickClaimDialog"
        await pilot.press("down", "enter")
        await settle(pilot)
        assert app.screen.claim_id == make.ids["dam"]


async def test_import_a_folder_larger_than_the_pool_threshold(make, tmp_path):
    """A folder of more than 16 articles (where the command line would start extraction worker
    processes) imports from the TUI: every article lands. A pool started inside the running app
    failed with "bad value(s) in fds_to_keep"; the TUI extracts in its import thread."""
    import shutil

    from claims import importer

    folder = tmp_path / "many"
    folder.mkdir()
    articles = sorted(p for p in CORPUS.glob("*.txt"))[:18]
    for path in articles:
        shutil.copy(path, folder / path.name)
    assert len(articles) > importer.POOL_ABOVE
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await opened(pilot)
        await pilot.press("i")
        await settle(pilot)
        app.screen.query_one("#import-path").value = str(folder)
        await pilot.press("enter")
        for _ in range(60):
            await settle(pilot, rounds=2)
            if any("imported" in n.message for n in app._notifications):
                break
        messages = [n.message for n in app._notifications]
        assert any(f"imported {len(articles)} of {len(articles)} articles" in m for m in messages), messages
    with read_session(make.engine) as s:
        stored = s.exec(select(Source.url).where(Source.body.is_not(None))).all()
    assert len(stored) == len(articles)
